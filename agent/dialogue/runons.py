"""Dictation's and phone typing's run-ons: changes said one after another without the comma between them
("faster in shot 2 louder bass in shot 3", "build in shot 2 fade in shot 4", "less bass overall and more punch
in shot 2"), given back the comma that makes each change its own clause with its own place, before any reader
splits the request.

    from v2m.agent.dialogue.runons import punctuated
    punctuated("build in shot 2 fade in shot 4")   # "build in shot 2, fade in shot 4"

Only a place that ends a change already said gets the comma ("slower in shot 2 ..."): a place said first
("in shot 2 louder bass") is the place of what follows, and is left as it is.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.phrases import ORDER_VERBS

# A place that closes a change: a counted shot, a named section, a clock time, the whole clip.
_ORD = r"(?:first|second|third|fourth|fifth|last|final|opening|closing|\d+(?:st|nd|rd|th))"
PLACE = (rf"(?:in|during|for|over|across|through|on) (?:the )?(?:(?:shot|scene) (?:\d+|one|two|three|four|five)|{_ORD} (?:shot|scene))"
         r"|in the (?:intro|ending|end|outro|beginning|middle)|(?:from|after|at|until|till|before) \d+:\d\d(?: on)?"
         r"|overall|everywhere|throughout|all the way through|the whole (?:thing|track|clip|way)")
# A word that starts a change of its own: an order's verb, a comparative, a fade, a build, "more"/"less"/"no".
STARTS = (rf"(?:{ORDER_VERBS}|more|less|no|fade|build|swell|louder|quieter|softer|faster|slower|quicker|calmer|busier|"
          r"brighter|darker|bigger|heavier|lighter|sparser|fuller|gentler|punchier)")
# "slower in shot 2 louder bass in shot 3": the comma after the place, when a change was said before it
RUN_ON_RE = re.compile(rf"(?<=[a-z] )(?<!\band )(?<!\bthen )(?<!\bso )(?<!\bbut )(?<!\bnow )(?<!\bplease )"
                       rf"({PLACE})( and)? (?={STARTS}\b)", re.I)
# "fade out the end and everything a bit quieter": a clause about the whole clip after "and"
AND_WHOLE_RE = re.compile(r"(?<=[a-z0-9]) and (?=(?:everything|the whole (?:thing|track|clip)|overall|all of it)\b)", re.I)


def punctuated(text: str) -> str:
    """`text` with a comma where two changes ran on without one."""
    if "," in text or ";" in text:   # punctuated by its writer: read as written
        return text
    return AND_WHOLE_RE.sub(", and ", RUN_ON_RE.sub(r"\1,\2 ", text))
