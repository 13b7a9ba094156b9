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


def first(plan: ScorePlan, cuts: list[float]) -> list[int]:
    """The intro: the first section with the pieces split off after it, those in the first shot (before `cuts[0]`)."""
    end = cuts[0] + 0.05 if cuts else plan.duration_s
    return [i for i in run(plan, 0) if i == 0 or plan.sections[i].end_s <= end]


def last(plan: ScorePlan, cuts: list[float]) -> list[int]:
    """The ending: the last section with the pieces before it that were split from the same one, those in the last
    shot (from `cuts[-1]`): where a fade split a two-shot outro, the ending is still the last shot's."""
    n = len(plan.sections) - 1
    start = cuts[-1] - 0.05 if cuts else 0.0
    pieces = next(r for k in range(n + 1) if (r := run(plan, k))[-1] == n)
    return [i for i in pieces if i == n or plan.sections[i].start_s >= start]
