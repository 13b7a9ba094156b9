"""Something seen going into a place at a time ("the train goes into the tunnel at 0:22", "the car drives into
0:22" once the tunnel is read as its time): a clause that only says where a moment is, as "he proposes at the third
cut" is (`names.defined`), never an edit that grows into it ("build into the drop at 0:16").

    from v2m.agent.dialogue.going_into import went_into
    went_into("the train goes into 0:22")   # " at 0:22 "
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.place_words import CLOCK, SECONDS

DET = r"(?:the|her|his|their|its|our|my|your)"
# a subject of the picture (not the music or a part of it), a verb of its own, then "into" / "to"
SEEN_INTO = (rf"^\s*{DET} (?!(?:music|score|track|song|tune|band|beat|{INSTR_ALT})s?\b)[a-z'-]+ "
             r"(?!(?:build|grow|swell|rise|climb|lead|ramp|lift)s\b)[a-z'-]+s (?:in)?to")
INTO_TIME_RE = re.compile(SEEN_INTO + rf" (?:{DET} )?(?P<place>{CLOCK}|{SECONDS})\s*$")


def went_into(text: str) -> str | None:
    """The clause as its moment's place (" at 0:22 "), when it only says something went into it then; else None."""
    m = INTO_TIME_RE.match(text)
    return f" at {m.group('place')} " if m else None
