"""A part taken out, then kept at another level instead ("remove the drums in shot 2, and in shot 5", then "actually
keep the drums there, just quieter"): the part back where the last edit took it out, and its level moved there; not
less energy over one stretch from the first place to the last with the part still out."""

from __future__ import annotations

import re

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.part_undo import part_named
from v2m.agent.dialogue.phrases import opening
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import EditIntent, EditScope, ScorePlan

KEEP_INSTEAD_RE = re.compile(
    opening("actually|no|sorry|wait|hmm|on second thought|instead") + r"(?:let'?s |can we |could we |please |just )?(?:keep|leave)\s+"
    r"(?:the\s+)?(?P<part>[a-z ]{2,30}?)(?:\s+(?:in|there|in there|where (?:they|it) (?:are|is|were|was)))?\s*[,;.]?\s*"
    r"(?:(?:and|but)\s+)?(?:just\s+|only\s+)?(?:make (?:it|them) |have (?:it|them) |bring (?:it|them) |turn (?:it|them) )?"
    r"(?P<level>(?:a (?:bit|little|touch) |much |way )?(?:quieter|softer|lower|down|louder|up|further back|back|"
    r"in the background))\W*$", re.I)
UP = ("louder", "up")


def read(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """The part back as before the last edit where that edit took it out, at a level moved there; None when the
    words are no such keep, or the last edit took that part out nowhere."""
    m = KEEP_INSTEAD_RE.match(request.strip())
    part, role = part_named(m, history)
    if role is None:
        return None
    was, now = history[-2], history[-1]
    out = [s for s in now.sections if role not in effective_roles(now, s) and role in
           effective_roles(was, was.sections[was.section_at((s.start_s + s.end_s) / 2)])]
    if not out:
        return None
    spans: list[list[float]] = []
    for s in out:   # the stretches it was taken out of, each one place
        if spans and abs(spans[-1][1] - s.start_s) < 1e-3:
            spans[-1][1] = s.end_s
        else:
            spans.append([s.start_s, s.end_s])
    way = "up" if m["level"].split()[-1] in UP else "down"
    text = request[:400]
    return [EditIntent(what="revert", version=-1, value="instruments", target=role, text=text),
            *(EditIntent(what="balance", direction=way, value=part, text=text, scope=EditScope(
                kind="span", start_s=a, end_s=b, label=f"from {fmt(a)} to {fmt(b)}")) for a, b in spans)]
