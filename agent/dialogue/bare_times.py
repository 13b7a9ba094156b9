"""A bare number after "at" on a clip that long: a time ("slow it down at 40" on a 60 s clip is 0:40). The place
finders read "at 0:40" and "at 40 seconds", and "from 40" as a time, but "at 40" was no place at all: the whole
score slowed. Not a time where the clause sets a value ("keep it at 90", "the tempo at 120", "volume at 11") or
the number runs past the clip's end, or carries a unit of its own ("at 40%", "at 90 bpm").

    from v2m.agent.dialogue.bare_times import timed
    timed("slow it down at 40", 60.0)   # "slow it down at 40 seconds"

Read by `v2m.agent.dialogue.understanding` before a request is cut into clauses.
"""

from __future__ import annotations

import re

AT_NUMBER_RE = re.compile(r"\b(at|around|right at) (\d{1,3})(?![\d:./%,]\d|[\d:./%']|\s*(?:s|secs?|seconds?|bpm|percent|per ?cent|db|"
                          r"decibels?|bars?|beats?|semitones?|hz|minutes?|mins?|o'?clock|am|pm|times|x|th|st|nd|rd)\b)", re.I)
# a value set in the clause: the number is that value, not a time
SETTING_RE = re.compile(r"\b(?:tempo|bpm|pace|speed|keep|kept|set|stay|stays|hold|lock|leave|volume|level|gain|metronome|"
                        r"cap|capped|max|maximum|minimum|ceiling|floor|shot|shots|cut|cuts|bar|bars|number|version|v)\b", re.I)
CLAUSE_RE = re.compile(r"[,;.!?]\s|\b(?:and|but|then)\b", re.I)


def timed(request: str, duration_s: float) -> str:
    """`request` with each bare number after "at" that fits in a clip of `duration_s` said with its unit."""
    def said(m: re.Match) -> str:
        start = max([0, *(c.end() for c in CLAUSE_RE.finditer(request, 0, m.start()))])
        nxt = CLAUSE_RE.search(request, m.end())
        clause = request[start:nxt.start() if nxt else len(request)]
        if not 0 < int(m[2]) < duration_s or SETTING_RE.search(clause):
            return m[0]
        return f"{m[1]} {m[2]} seconds"
    return AT_NUMBER_RE.sub(said, request)
