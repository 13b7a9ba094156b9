"""A fade in: the music rising out of nothing over the place ("fade the music in from 0:48", "let it fade in over the
first shot", "fading in till 1:04"), said as the build it is before a request is cut into clauses. The fade shapes
(`phrases.SHAPES`) read every "fade" as a fall, so a fade in played a fade out there. A fade said *in* a place
("fade in shot 4", "fade in the last shot") stays a fade out in that place (`runons`). A fade in of a part ("fade in the
strings at 0:20", "fade the piano in", "the strings should fade in") brings that part in there, gradually: the whole
mix is not built (nor dipped) for one part.

    from v2m.agent.dialogue.fade_ins import as_builds
    as_builds("from 0:48 fade it in till 1:04")   # "from 0:48 gradually build it till 1:04"

Read by `v2m.agent.dialogue.understanding`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT

# "fade in", "fade it in", "fading the music back in": not "fade in the ..." / "fade in shot 4" (a place), nor "fade out"
FADE_IN_RE = re.compile(r"\b(?:fade|fades|fading|faded)(?P<what> (?:it|this|things|everything|the (?:music|score|track|"
                        r"song|piece|\w+)))?(?: back)? in\b(?! (?:the|this|that|shots?|acts?|parts?|scenes?|sections?|bars?|"
                        r"verses?|chorus|intro|outro|last|first|final|second|third|\d))", re.I)

FADING = r"\b(?:fade|fades|fading|faded)"
PART = rf"(?:the |a |an |some |your )(?:{INSTR_ALT})(?:s|es)?\b"
# "fade in the strings", "fade the piano (back) in", "the strings should fade in": that part, brought in
PART_FADE_IN_RE = re.compile(rf"{FADING} (?:in|up) (?P<a>{PART})|{FADING} (?P<b>{PART})(?: back)? (?:in|up)\b|"
                             rf"(?:let |have )?(?P<c>{PART}) (?:should |to |will |can |could |must |needs? to )?(?:slowly |gradually )?"
                             rf"(?:fade|fades|fading) (?:back )?in\b", re.I)


def as_builds(text: str) -> str:
    """`text` with each fade in said as a gradual build of the same thing."""
    text = PART_FADE_IN_RE.sub(lambda m: "gradually bring in " + (m["a"] or m["b"] or m["c"]), text)
    return FADE_IN_RE.sub(lambda m: "gradually build" + (m["what"] or ""), text)
