"""A part kept out everywhere but a place ("no piano except between 0:20 and 0:40", "no piano outside the first half",
"save the drums for the second half", "drums in the second half only"): said as the readers know it, the part out
before the place and after it ("no piano before 0:20, and no piano after 0:40"). Before, the readers placed the removal
at the place said, or asked which of two stretches was meant: the part taken out exactly where it was wanted.
`only_there`'s "no drums except in the second half" lands here too.

    outside("no piano except between 0:20 and 0:40", analysis, plan)   # "no piano before 0:20.000, and no piano after 0:40.000"

A place that cannot be found (`locate` None or a question), or one that is the whole video, leaves the words as said.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import PLACE_SAID, POINT, LazyPattern
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.where import Ask, fmt
from v2m.tools.contract import ScorePlan, VideoAnalysis

PART = rf"(?:the |a |an |any |my |our |your )?(?P<part>{INSTR_ALT})(?:s|es)?"
PREP = r"(?:in|during|between|from|for|at|on)"
BETWEEN = rf"between (?:[a-z0-9: ]|{POINT})+? and (?:[a-z0-9: ]|{POINT})+?"   # "between 0:20 and 0:40": its "and" kept
END = r"(?=\s*(?:[,;.!?]|$|\b(?:and|but|then|please|pls)\b))"
START = r"(?P<lead>^|[,;.!?]\s*|\b(?:and|but|then|so) )"
WISH = r"(?:(?:i|we)(?: want| need| would like|'d like| d like) |(?:just |only )?(?:keep|have|play|put) )?"
KEPT_OUT_RE = LazyPattern(
    rf"\bno {PART} (?:except|apart from|other than|but|save|outside(?: of)?)(?: for)? (?P<at>{BETWEEN}|(?:{PREP} )?{PLACE_SAID}){END}"
    rf"|\b(?:save|keep|reserve|hold back) {PART.replace('?P<part>', '?P<part2>')} (?:for|till|until) (?P<at2>{BETWEEN}|{PLACE_SAID}){END}"
    rf"|{START}{WISH}{PART.replace('?P<part>', '?P<part3>')} (?P<at3>{BETWEEN}|{PREP} {PLACE_SAID}) (?:only|alone)(?: please| pls)?{END}", re.I)


def outside(request: str, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """`request` with each part kept out everywhere but a place said as the part out before and after it."""
    d = analysis.duration_s

    def said(m) -> str:
        part, at = m["part"] or m["part2"] or m["part3"], (m["at"] or m["at2"] or m["at3"]).strip()
        if m["at2"] and not re.match(rf"{PREP} ", at, re.I):
            at = f"in {at}"   # "save the drums for the second half": in it
        try:
            span = locate(at.lower(), analysis, plan)
        except Ask:
            return m.group(0)
        if span is None:
            return m.group(0)
        said = [f"no {part} before {fmt(span.start_s, 3)}"] if span.start_s > 0.05 else []
        said += [f"no {part} after {fmt(span.end_s, 3)}"] if span.end_s < d - 0.05 else []
        return (m["lead"] or "") + ", and ".join(said) if said else m.group(0)
    return KEPT_OUT_RE.sub(said, request)
