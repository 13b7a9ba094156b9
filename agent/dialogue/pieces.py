"""A section and the pieces edits split it into ("outro", "outro 2", "outro 2 2" after a fade over the ending): named
again ("the ending is too quiet now", "the intro"), the place is all of them, the span the section had, not its last
sliver."""

from __future__ import annotations

import re

from v2m.agent.dialogue.patterns import compiled
from v2m.tools.contract import ScorePlan


def run(plan: ScorePlan, i: int) -> list[int]:
    """Section `i` and the pieces split off after it (named as it, with a split's numbers: "outro 2", "outro 2 2")."""
    piece = compiled(rf"{re.escape(plan.sections[i].name.lower())}(?: \d+)+")
    out = [i]
    while out[-1] + 1 < len(plan.sections) and piece.fullmatch(plan.sections[out[-1] + 1].name.lower()):
        out.append(out[-1] + 1)
    return out


def last(plan: ScorePlan) -> list[int]:
    """The last section with the pieces before it that were split from the same one."""
    n = len(plan.sections) - 1
    return next(r for k in range(n + 1) if (r := run(plan, k))[-1] == n)
