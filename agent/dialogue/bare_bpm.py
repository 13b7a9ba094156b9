"""A bare number said with a tempo complaint is the tempo asked: "hmm too fast, not that much, go 160", "too slow, try
120", "that's too quick, maybe 160 instead" ask for 160 and 120 bpm, not a step that ignores the number. The number
gets its unit here, before the clauses are read, so `tempos` sets it (a number at a clause's start or after "go",
"try", "maybe", "say", "make it"...; a place, "shot 3", "at 0:40", is never one). A tempo said as a move from one number
to another ("bump the tempo from 100 to 120", "tempo from 100 bpm to 120 bpm") asks for the second: the first is what
the person hears now, never seconds (before: "from 100" asked about 1:40 past the end; with units, 100 was set).

    from v2m.agent.dialogue import bare_bpm
    bare_bpm.named("too fast, go 160")   # "too fast, go 160 bpm"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.phrases import FAST_RE, SLOW_RE
from v2m.tools.contract import MAX_TEMPO_BPM, MIN_TEMPO_BPM

TEMPO_SAID_RE = re.compile(rf"{FAST_RE}|{SLOW_RE}|\b(?:tempo|bpm|speed|pace)\b", re.I)
BARE_RE = re.compile(r"(?:^|[,;!] *|(?<!\d)\. *|\b(?:go|go for|try|do|say|make it|maybe|more like|like|just|rather|how about|"
                     r"what about|perhaps)\s+)(?<![\d:.])(?P<n>\d{2,3})(?=\s*(?:please|pls|instead|then|now|ok|maybe|or so|ish)?"
                     r"\s*(?:[,;.!?]|$))", re.I)

# "from X to Y" of a tempo: a tempo word just before it, or "bpm" said with either number ("go from 100 bpm to 120")
FROM_TO_RE = re.compile(r"(?P<lead>\b(?P<w>tempo|bpm|speed|pace)(?: (?:up|down|back))? )?\bfrom (?:about |around )?(?P<a>\d{2,3})"
                        r"(?P<u1> ?bpm)? (?:up |down |back )?to (?:about |around )?(?P<b>\d{2,3})(?P<u2> ?bpm)?\b(?![:.]\d)", re.I)


def _from_to(m: re.Match) -> str:
    if not (m["w"] or m["u1"] or m["u2"]) or not all(MIN_TEMPO_BPM <= int(n) <= MAX_TEMPO_BPM for n in (m["a"], m["b"])):
        return m[0]   # "slower from 10 to 20": a stretch of the clip
    return f"{m['lead'] or ''}to {m['b']} bpm"


def named(request: str) -> str:
    """`request` with a bare tempo number given its unit where a tempo complaint or word is said in it, and a tempo
    said from one number to another as the second."""
    request = FROM_TO_RE.sub(_from_to, request)
    if not TEMPO_SAID_RE.search(request):
        return request
    return BARE_RE.sub(lambda m: f"{m[0]} bpm" if 60 <= int(m["n"]) <= 220 else m[0], request)
