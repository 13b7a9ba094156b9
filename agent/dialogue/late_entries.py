"""A part said to come in too late ("the cello takes ages to come in", "cello shows up way too late tbh", "the strings
kick in too late"): that part enters a shot earlier, said as the stretch it is added over ("add the cello from 0:06 to 0:13": in from
the shot before the one it entered on, up to where it plays). A late start said of the music itself ("it takes forever to kick in") is `starts`'
(more energy at the start); a part that already plays from the start, or is not in the score, is left as said.

    from v2m.agent.dialogue.late_entries import earlier
    earlier("the cello takes ages to come in", analysis, plan)   # "add the cello from 0:06 to 0:13" (it enters at 0:13)

Read by `v2m.agent.dialogue.understanding` before `starts`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.patterns import Lazy
from v2m.agent.dialogue.where import fmt, visible_cuts
from v2m.tools.contract import ScorePlan, VideoAnalysis

LONG = r"(?:too long|so long|way too long|ages|forever|a while|a lifetime|an age|a century)"
ENTER = r"(?:come in|kick in|show up|enter|join(?: in)?|start|arrive|appear|turn up|get going)"
LATE = r"(?:(?:way|much|far|a bit|a little|kinda|kind of|so|very|really) )*(?:too )?late"
# the part, then how late it comes: "takes ages to come in", "shows up way too late", "is entering very late"
LATE_PART_RE = Lazy((rf"\b{INSTR} (?:(?:is|are|only|just|still) )*(?:(?:takes?|taking|took) {LONG} to {ENTER}\b|"
                     rf"(?:comes? in|came in|coming in|kicks? in|kicking in|shows? up|showing up|enters?|entering|joins?|"
                     rf"joining|starts?|starting|arrives?|arriving|appears?|turns? up) {LATE}\b)",), re.I)
GATE_RE = re.compile(r"\blate\b|\b(?:takes?|taking|took) (?:too|so|way|ages|forever|a while|a lifetime|an age)\b", re.I)


def earlier(request: str, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """`request` with a part said to come in too late said as its entry a shot earlier; as it was otherwise."""
    if not GATE_RE.search(request) or not (m := LATE_PART_RE[0].search(request)):
        return request
    word = m.group(1).lower()
    role = role_of(plan, word)
    plays = [s.start_s for s in plan.sections if role and role in effective_roles(plan, s)]
    if not plays or min(plays) <= 0.05:
        return request   # not in the score, or in from the start already: as said
    t = max((c for c in (0.0, *visible_cuts(analysis)) if c < min(plays) - 0.5), default=0.0)
    return f"{request[:m.start()]}add the {word} from {fmt(t)} to {fmt(min(plays))}{request[m.end():]}"
