"""Whether a clause only says which place the clause before it meant ("from when he starts crawling, that's the sixth
shot"; "from when the big salmon takes the fly, about 0:22, till the end"), read with `place_words.appositive`.

    from v2m.agent.dialogue.said_beside import beside
    beside("from when the salmon takes the fly", " about 0:22")   # True
    beside("after she talk", " at 0:50")                          # True: after 0:50 ("..., music come back")
    beside("louder in the intro", " at 0:50")                     # False: a place of its own
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.place_words import APPOSITIVE_RE, SIDE_OF_MOMENT_RE, appositive

TIME_BESIDE_RE = re.compile(r"^\s*(?:about|around|roughly|approximately|at|so|like) \d", re.I)
# a moment of the picture said last ("a small accent when the cat jumps, at 0:23"; bank17): the time after it is when
CLOCK_RE = re.compile(r"\d{1,2}:\d{2}")
MOMENT_SAID_RE = re.compile(r"\b(?:when|whenever|as soon as|the (?:moment|second|instant|exact moment)(?: when| that)?)\b[^,;.!?]*$", re.I)


def beside(before: str, clause: str) -> bool:
    """`clause` names the place `before` meant: "which is ..." after any clause; a time ("about 0:22") only after a side
    said as a moment (`place_words.SIDE_OF_MOMENT_RE`), else the time is a place of its own, carried to what follows."""
    return bool(APPOSITIVE_RE.match(clause)) and (not TIME_BESIDE_RE.match(clause) or bool(SIDE_OF_MOMENT_RE.search(before) or MOMENT_SAID_RE.search(before)))


def joined(before: str, clause: str) -> str:
    """What `clause`, said beside `before`, adds to it: the place it names (`place_words.appositive`); a time after a
    moment of the picture is when it happens ("a small accent when the cat jumps, at 0:23": at 0:23)."""
    if TIME_BESIDE_RE.match(clause) and MOMENT_SAID_RE.search(before) and not SIDE_OF_MOMENT_RE.search(before):
        return "at " + CLOCK_RE.search(clause).group(0)
    return appositive(before, clause)
