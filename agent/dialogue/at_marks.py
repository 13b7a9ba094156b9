"""A place said by the mark an edit just placed ("there's a gun going off at the 3rd cut, make the music punch it",
then "after the bang, strip everything except the bassline"): the time of that mark, as a place the finders read
("after 0:27"). The mark is the one the latest edit that placed marks added, when it added one; else the words stay.

    at_mark("after the bang, only the bass", history)   # "after 0:27, only the bass"

Read by `v2m.agent.dialogue.understanding` before a request is cut into clauses.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.changes import placed
from v2m.agent.dialogue.hit_words import MARK_NOUNS
from v2m.agent.dialogue.where import fmt, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis

# "after the bang", "right after the hit", "from the sting on", "until the crash": a mark as the edge of a place (not
# "the shot after the sting": that shot, `where`'s; not "the hit on the third cut": a mark placed). A mark said as it
# happens ("once the boom hits", "when the bang goes off", "as soon as the crash lands") is the edge too: after it.
HAPPENS = r"(?:once|when|as soon as|the moment)"
AT_MARK_RE = re.compile(rf"(?<!shot )(?<!bit )(?<!part )(?<!one )(?<!moment )(?<!cut )(?<!beat )\b(?P<side>after|from|since|past|before|until|till|up to|leading up to|"
                        rf"{HAPPENS}) (?:the|that|this) (?P<noun>{MARK_NOUNS})\b"
                        r"(?: (?:hits|lands|goes off|drops|comes|happens|kicks in)\b)?"
                        r"(?! (?:at|in|of|from)\b| on (?:the|that|this|shot|cut|beat|bar|\d)\b)", re.I)
HAPPENS_RE = re.compile(rf"^{HAPPENS}$", re.I)
# "the shot after that hit", "the shot right after the stop": the shot that starts at the mark (a mark on a cut) or
# next after it; said after an edit elsewhere (less energy everywhere), the mark placed, not the last edit's stretch
SHOT_AFTER_MARK_RE = re.compile(rf"\bthe shot (?:right |just |straight )?(?:after|following) (?:the|that|this) (?:{MARK_NOUNS})\b"
                                r"(?! (?:at|in|of|on)\b)", re.I)


def placed_mark(history: list[ScorePlan] | None) -> float | None:
    """The time of the one mark the latest edit that placed marks placed (added, or changed in kind or strength); None
    when it placed several or none did."""
    for k in range(len(history or []) - 1, 0, -1):
        if new := sorted({round(h.time_s, 2) for h in placed(history[k - 1], history[k])}):   # added, or a crash made a stab
            return new[0] if len(new) == 1 else None
    return None


def at_mark(request: str, history: list[ScorePlan] | None, analysis: VideoAnalysis | None = None) -> str:
    """`request` with a mark said as a place ("after the bang") said as its time, and the shot after it ("the shot
    after that hit", given `analysis`) as that shot's number; as it was otherwise."""
    if not (AT_MARK_RE.search(request) or SHOT_AFTER_MARK_RE.search(request)) or (t := placed_mark(history)) is None:
        return request
    shots = visible_shots(analysis) if analysis is not None else []
    if (k := next((k for k, (a, _) in enumerate(shots) if a >= t - 0.05), None)) is not None:
        request = SHOT_AFTER_MARK_RE.sub(f"shot {k + 1}", request)
    return AT_MARK_RE.sub(lambda m: f"{'after' if HAPPENS_RE.match(m['side']) else m['side']} {fmt(t)}", request)
