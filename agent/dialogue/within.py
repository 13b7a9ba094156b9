"""A piece of a place, and an edge of one. A piece: "the second half of shot 3", "the first half of the climax", "the tail end of the intro", "the
last few seconds of shot 6", "the middle of shot 5": the place found as the place finders find it, then that piece
of it (not the whole place, nor that share of the whole video). An edge, said with a side: "up to the third shot's end",
"until the end of shot 3", "from the start of shot 4", "after the end of the intro": the moment where that place ends
or starts, read as that time ("up to 0:12"), not the place itself.

    piece(" more intense in the second half of shot 3 ", analysis, plan, locate)   # shot 3's second half
    edges(" calmer until the end of shot 3 ", analysis, plan, locate)              # " calmer until 0:12.00 "
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.counted import NUMBER_WORD, spoken_number

SHARES = {"half": 2, "third": 3, "quarter": 4}
# what a piece is said as, then "of" and the place it is of
PIECE_RE = re.compile(rf"\b(?:the |its )?(?:(?P<which>first|second|last|final|1st|2nd|latter|former|opening|closing|middle) "
                      r"(?P<share>half|third|quarter)|(?P<tail>tail|back)[- ]end|(?P<mid>middle)|(?P<edge>first|last|final|"
                      rf"opening|closing) (?:(?P<n>\d+(?:\.\d+)?|{NUMBER_WORD}|few|couple(?: of)?) )?(?:s|secs?|seconds|moments)\b)"
                      r" (?:of|in) (?P<rest>(?:the |that |this )?[a-z0-9: ]{2,40}?)(?=\s*(?:$|[,.;!?]|\b(?:and|but|then|"
                      r"please|to|so|with|a bit|more|less)\b))")
# a side, then an edge of a place: "until the end of shot 3", "up to the third shot's end"
PLACE = r"(?:the |that |this )?[a-z0-9 ]{2,30}?"
EDGE = (rf" (?:the (?:very )?(?P<e1>end|start|beginning|close) of (?P<r1>{PLACE})(?=\s*(?:$|[,.;!?]|\b(?:and|but|then|"
        rf"on|onwards?|please|to|till|until|more|less|a bit)\b))|(?P<r2>{PLACE})'s (?P<e2>end|start|beginning)\b)")
EDGE_RE = re.compile(r"\b(?P<side>until|till|up to|up until|to|through|from|after|since|before|starting at|starting from|past)" + EDGE)
# "at" after a moment's word: "stop at the end of shot 3", "a crash at the end of the intro" are that moment, read as
# it before the clause's readers (`name_places.placed`); "louder at the end of shot 3" is the shot's tail, left to them
AT_MOMENT = "|".join(f"(?<={w} )" for w in ("stop", "stops", "end", "ends", "out", "finish", "crash", "hit", "button", "accent"))
AT_EDGE_RE = re.compile(rf"(?:{AT_MOMENT})(?P<side>at)" + EDGE)
FIRST = ("first", "1st", "former", "opening")
COUNT = {"few": 3.0, "couple": 2.0, "couple of": 2.0, None: 3.0}


def _bounds(m: re.Match, a: float, b: float) -> tuple[float, float, str]:
    """The piece `m` says of the stretch a-b, and its name."""
    length = b - a
    if m["share"]:
        n = SHARES[m["share"]]
        k = 0 if m["which"] in FIRST else (n - 1) // 2 if m["which"] == "middle" else \
            1 if m["which"] in ("second", "2nd") and n > 2 else n - 1
        return a + length * k / n, a + length * (k + 1) / n, f"the {m['which']} {m['share']}"
    if m["tail"]:
        return b - length / 3, b, f"the {m['tail']} end"
    if m["mid"]:
        return a + length / 3, a + 2 * length / 3, "the middle"
    n = m["n"]
    secs = float(n) if n and n[0].isdigit() else COUNT[n] if n in COUNT else float(spoken_number(n))
    secs = min(secs, length)
    return (a, a + secs, f"the first {secs:g} s") if m["edge"] in FIRST else (b - secs, b, f"the last {secs:g} s")


def edges(text: str, analysis, plan, locate: Callable, said: re.Pattern = EDGE_RE) -> str:
    """`text` (lower case) with each edge of a place said with a side (`EDGE_RE`: "until the end of shot 3") read as
    that moment ("until 0:12.00"; `AT_EDGE_RE` as `said`: "stop at 0:12.00"), before the everyday words are read (where "from the start ... to the end" is all
    of the video); a place the finders cannot find, or the whole video ("the end of the song"), is left as said."""
    for _ in range(3):   # "from the start of shot 3 to the end of shot 5": each edge
        m = said.search(text)
        inner = locate(f" {m['r1'] or m['r2']} ", analysis, plan) if m else None
        if inner is None or inner.start_s < 0.05 and inner.end_s > analysis.duration_s - 0.05:
            return text
        t = inner.end_s if (m["e1"] or m["e2"]) in ("end", "close") else inner.start_s
        text = f"{text[:m.start()].rstrip()} {m['side']} {int(t // 60)}:{t % 60:05.2f} {text[m.end():].lstrip()}"
    return text


def piece(text: str, analysis, plan, locate: Callable):
    """The piece of a place `text` names (a `Span`, made as the place's own), or None when it names none: the place
    it is of must be a part of the video (`locate` finds it), not the whole ("the second half of the song")."""
    m = PIECE_RE.search(text)
    if not m or (inner := locate(f" {m['rest']} ", analysis, plan)) is None:
        return None
    if inner.start_s < 0.05 and inner.end_s > analysis.duration_s - 0.05:
        return None
    a, b, name = _bounds(m, inner.start_s, inner.end_s)
    if b - a < 0.5:
        return None   # a piece too short to hear a change in: the place itself is meant
    return type(inner)(a, b, f"{name} of {inner.label}", snap=False)
