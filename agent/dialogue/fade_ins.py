"""A fade in: the music rising out of nothing over the place ("fade the music in from 0:48", "let it fade in over the
first shot", "fading in till 1:04"), said as the build it is before a request is cut into clauses. The fade shapes
(`phrases.SHAPES`) read every "fade" as a fall, so a fade in played a fade out there. A fade said *in* a place
("fade in shot 4", "fade in the last shot") stays a fade out in that place (`runons`).

    from v2m.agent.dialogue.fade_ins import as_builds
    as_builds("from 0:48 fade it in till 1:04")   # "from 0:48 gradually build it till 1:04"

Read by `v2m.agent.dialogue.understanding`.
"""

from __future__ import annotations

import re

# "fade in", "fade it in", "fading the music back in": not "fade in the ..." / "fade in shot 4" (a place), nor "fade out"
FADE_IN_RE = re.compile(r"\b(?:fade|fades|fading|faded)(?P<what> (?:it|this|things|everything|the (?:music|score|track|"
                        r"song|piece|\w+)))?(?: back)? in\b(?! (?:the|this|that|shots?|acts?|parts?|scenes?|sections?|bars?|"
                        r"verses?|chorus|intro|outro|last|first|final|second|third|\d))", re.I)


def as_builds(text: str) -> str:
    """`text` with each fade in said as a gradual build of the same thing."""
    return FADE_IN_RE.sub(lambda m: "gradually build" + (m["what"] or ""), text)
