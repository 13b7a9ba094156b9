"""A decade said in figures after a time word, beside the music it names ("somewhere between 70s and 80s funk", "from
70s to 80s disco vibe"): the decade, spelled ("seventies"), so no place reader takes "70s" for seventy seconds; "from
70s on", "at 90s" (no music named after them) are seconds still, and "80s funk" with no time word is read by `cultures`
as it was.

    from v2m.agent.dialogue.decades import spelled
    spelled("somewhere between 70s and 80s funk")   # "somewhere between seventies and eighties funk"
    spelled("slower from 70s to 80s")               # as it is: seconds
    spelled("make it 80s funk")                     # as it is: no time word
"""

from __future__ import annotations

import re
from functools import lru_cache

from v2m.agent.dialogue.vocab import style_keywords

TENS = {"2": "twenties", "3": "thirties", "4": "forties", "5": "fifties", "6": "sixties", "7": "seventies",
        "8": "eighties", "9": "nineties"}
# the words that make a number a time ("between 70s and 80s", "from 90s"): only there is a decade read as one
TIME_WORDS = "between|from|at|after|until|till|to|by|around|about|before|past|over"
# what a decade is said to be of when it is no time: its feel, or a style's own word (`vocab.style_keywords`); not
# "music" or "sound" ("between 20s and 30s music should fade": seconds)
MUSIC_NOUNS = "style|vibe|vibes|feel|era|stuff|flavou?r"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    kinds = "|".join(sorted({MUSIC_NOUNS, *(re.escape(k) for k in style_keywords("") if not re.search(r"\d", k))},
                            key=len, reverse=True))   # ("80s" is synthwave's own word: no decade is the music)
    first, second = r"(?:19)?(?P<a>[2-9])0'?s\b", r"(?:19)?(?P<b>[2-9])0'?s\b"
    return re.compile(rf"\b(?P<w>(?:{TIME_WORDS}) (?:the )?){first}(?:(?P<j>\s*(?:and|or|to|-|/|&|through|into)\s*(?:the )?)"
                      rf"{second})?(?=\s+(?:{kinds})\b)", re.I)


def spelled(text: str) -> str:
    """`text` with each decade said in figures before the music it names spelled out (see the module)."""
    return _pattern().sub(lambda m: m["w"] + TENS[m["a"]] + (f"{m['j']}{TENS[m['b']]}" if m["b"] else ""), text)
