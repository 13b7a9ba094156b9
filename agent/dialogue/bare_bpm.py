"""A bare number said with a tempo complaint is the tempo asked: "hmm too fast, not that much, go 160", "too slow, try
120", "that's too quick, maybe 160 instead" ask for 160 and 120 bpm, not a step that ignores the number. The number
gets its unit here, before the clauses are read, so `tempos` sets it (a number at a clause's start or after "go",
"try", "maybe", "say", "make it"...; a place, "shot 3", "at 0:40", is never one).

    from v2m.agent.dialogue import bare_bpm
    bare_bpm.named("too fast, go 160")   # "too fast, go 160 bpm"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.phrases import FAST_RE, SLOW_RE

TEMPO_SAID_RE = re.compile(rf"{FAST_RE}|{SLOW_RE}|\b(?:tempo|bpm|speed|pace)\b", re.I)
BARE_RE = re.compile(r"(?:^|[,;!] *|(?<!\d)\. *|\b(?:go|go for|try|do|say|make it|maybe|more like|like|just|rather|how about|"
                     r"what about|perhaps)\s+)(?<![\d:.])(?P<n>\d{2,3})(?=\s*(?:please|pls|instead|then|now|ok|maybe|or so|ish)?"
                     r"\s*(?:[,;.!?]|$))", re.I)


def named(request: str) -> str:
    """`request` with a bare tempo number given its unit where a tempo complaint or word is said in it."""
    if not TEMPO_SAID_RE.search(request):
        return request
    return BARE_RE.sub(lambda m: f"{m[0]} bpm" if 60 <= int(m["n"]) <= 220 else m[0], request)
