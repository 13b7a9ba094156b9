"""A stretch wished back as it was before an edit the user names by what they asked ("they were nicer before I asked
you to soften them. Could you put those first ones back how they were?", "the opening worked before I had you tone it
down; please restore it"): the edit named is read as a request again (softening: less energy), the latest edit that
made that change in one stretch is the one meant, and that stretch alone plays as before it (`intents._revert` on a
span: its energy, tempo, chords and levels); every edit elsewhere stays. The words need not be the edit's own
("soften" for "a bit gentler"), which `versions.named_by_content` asks about.

    stretch_back("it was nicer before I asked you to soften it, put it back", history, read)
    # [EditIntent(what="revert", version=1, scope=EditScope(kind="span", start_s=0.0, end_s=12.0))]
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.where import Ask, fmt
from v2m.tools.contract import EditIntent, EditScope, ScorePlan

# "before I asked you to soften them", "before you made them gentler", "before I had you tone it down", "before I said
# make it calmer": the edit named by what was asked
NAMED_RE = re.compile(r"\bbefore (?:i|we|you) (?:(?:asked|told|had|got|wanted) (?:you|u) (?:to )?|said (?:to )?|asked for |made |"
                      r"got |had )?(?P<ask>[^.,;:!?]{2,40})", re.I)
# the wish to have it back ("put it back", "restore it", "back how they were", "change it back", "undo that"): these
# words, and `unread.PUT_BACK_WISH_RE`'s for a part put back, are `BACK_WISH`
BACK_WISH = r"back|restore|revert|undo"
BACK_RE = re.compile(rf"\b(?:{BACK_WISH}|reinstate)\b", re.I)
READ_BACK = {"energy": "energy", "tempo": "tempo_bpm"}   # what an edit named can be: a stretch's setting moved one way


def _mean(plan: ScorePlan, span: tuple[float, float], key: str) -> float:
    """The time-weighted mean of a section setting over `span` (the plan's tempo where a section sets none)."""
    a, b = span
    parts = [(min(b, s.end_s) - max(a, s.start_s), getattr(s, key) or plan.tempo_bpm) for s in plan.sections
             if s.end_s > a and s.start_s < b]
    return sum(w * v for w, v in parts) / max(1e-9, sum(w for w, _ in parts))


def stretch_back(request: str, history: list[ScorePlan] | None,
                 read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """The stretch the named edit changed, as before it; None when the request names no edit ("before I asked ..."),
    asks nothing back, names a part (`part_undo`'s), or no edit in one stretch made the change the words ask."""
    m = NAMED_RE.search(request)
    if not m or not history or len(history) < 2 or not BACK_RE.search(request[:m.start()] + " " + request[m.end():]):
        return None
    if named_parts(request.lower()):
        return None
    try:
        asked = read(history[-1], m["ask"], history)
    except Ask:
        return None
    if len(asked) != 1 or asked[0].what not in READ_BACK or asked[0].direction not in ("up", "down"):
        return None
    key, sign = READ_BACK[asked[0].what], 1 if asked[0].direction == "up" else -1
    for k in range(len(history) - 1, 0, -1):
        spans = [c.span for c in diff(history[k - 1], history[k]) if c.kind == asked[0].what]
        if not spans:
            continue
        if None in spans:
            return None   # the named change was made over the whole score: the version before it is `versions`' own
        span = (min(a for a, _ in spans), max(b for _, b in spans))
        if sign * (_mean(history[k], span, key) - _mean(history[k - 1], span, key)) > 0:
            return [EditIntent(what="revert", version=k - 1, text=request[:400],
                               scope=EditScope(kind="span", start_s=span[0], end_s=span[1], label=f"{fmt(span[0])}-{fmt(span[1])}"))]
    return None
