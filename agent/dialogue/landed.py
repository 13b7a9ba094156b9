"""The last edit said back as it landed, beside a new request or alone: "good the ending is calmer now, but louder at
the start" after "make the ending calmer", "ok the end is much calmer", "the intro's slower now, nice". The state told
is the last edit's own word (its comparative, "calmer" after "calmer"/"calm it down") said of how the music is now:
no second edit of it. What the turn asks besides is read as said; a turn that only says it back changes nothing.

    from v2m.agent.dialogue.landed import unreported
    unreported("good the ending is calmer now, but louder at the start", "make the ending calmer")   # "but louder at the start"
    unreported("the ending is calmer now", "make the ending calmer")                                   # ""
    unreported("the ending is calmer now", "more drums")   # None: no edit said that ("calmer" is asked)
    unreported("the ending is calmer now but still too busy", "make the ending calmer")   # None: the rest is of the ending
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.approval import PLACE_SAID_RE

# praise or an acknowledgement before the state ("good", "ok", "nice,"), the thing (a place, "it"), the verb that tells
# how it is, a degree, the comparative, and "now" or "already"; the clause ends there (never "louder than the sax")
REPORT_RE = re.compile(
    r"(?P<said>(?:\b(?:good|nice|great|cool|ok|okay|yes|yeah|yep|wow|right|alright|perfect|lovely|awesome|love it|so)\b\W+)*"
    r"\b(?:the|that|this|it|its|it's)\b(?:(?!\b(?:but|and|should|could|would|needs?|make|please|not|too)\b)[^,.;!?]){0,30}?"
    r"(?:\bis|'s|\bare|\bsounds?|\bfeels?|\bgot|\bgets)(?: (?:now|already|definitely|much|a lot|way|so|really|a bit|a little|"
    r"lots|far|nicely|loads|heaps))* (?P<cmp>[a-z]+er|more [a-z]+|less [a-z]+)(?: (?:now|already))?)"
    r"(?=\s*(?:$|[,.;!?]|\b(?:but|and|though|now|so)\b))", re.I)
# what is left when the state is gone that asks nothing: joining words and punctuation
LEFT_OVER_RE = re.compile(r"^(?:\W|\b(?:but|and|though|now|so|just|thanks|thank you|cheers|nice|good|great|perfect|lovely|"
                          r"love it|cool)\b)*$", re.I)
LEAD_RE = re.compile(r"^\W*(?:(?:but|and|though|now|so)\b\W*)*", re.I)


def _stem(cmp: str) -> str:
    """The word a comparative is made from: "calmer" calm, "busier" busi, "more relaxed" relax (to look for in the
    last request, as said there: "calm it down", "busier" and "busy" are left apart)."""
    word = cmp.split()[-1].lower()
    if cmp.lower().startswith(("more ", "less ")):
        return word[:-2] if word.endswith("ed") else word
    if word.endswith("ier"):
        return word[:-3]
    return word[:-3] if len(word) > 5 and word[-3] == word[-4] else word[:-2] if word.endswith("er") else word


def unreported(request: str, last: str) -> str | None:
    """`request` without the states it says back of the last edit (`last`, its words; see the module): None when it
    says none back, "" when that is all it says."""
    said = last.lower()
    found = [m for m in REPORT_RE.finditer(request) if said and _stem(m.group("cmp")) in said]
    if not found:
        return None
    out = request
    for m in reversed(found):
        out = out[:m.start("said")] + out[m.end("said"):]
    if LEFT_OVER_RE.match(out):
        return ""
    if any(PLACE_SAID_RE.search(m.group("said").lower()) for m in found) and not PLACE_SAID_RE.search(out.lower()):
        return None   # "the ending is calmer now but still too busy": the rest is said of the place told, left as said
    return LEAD_RE.sub("", out).strip()
