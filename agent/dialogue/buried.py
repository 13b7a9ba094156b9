"""A part refused its place under another ("don't bury the piano under the drums", "stop burying the sax behind the
drums", "don't put the piano so far behind the drums"): said as the complaint the readers know, "the piano is buried
under the drums" (the one part up, the other down). Before, the words read as the part added where it plays already:
louder, and the whole score given more energy that nobody asked for.

    buried("don't bury the piano under the drums, and slower")   # "the piano is buried under the drums, and slower"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import LazyPattern

PART = rf"(?:the |a |an |my |our |your )?(?P<{{}}>{INSTR_ALT})(?:s|es)?"
STOP = r"(?:don'?t|do not|never|stop|quit|please don'?t)"
BURY = r"(?:bury|burying|drown|drowning|swamp|swamping|smother|smothering|hide|hiding|sink|sinking)"
PUT = r"(?:put|putting|push|pushing|shove|shoving|tuck|tucking|leave|leaving)"
UNDER = r"(?:behind|under|beneath|below|underneath)"
BURIED_RE = LazyPattern(rf"\b{STOP} {BURY} {PART.format('a')} (?:{UNDER}|in|with) {PART.format('b')}\b"
                        rf"|\b{STOP} {PUT} {PART.format('p')} (?:so|that|this) (?:far |much |deep )?{UNDER} {PART.format('q')}\b", re.I)


def buried(request: str) -> str:
    """`request` with a part refused its place under another said as the complaint: "the piano is buried under the drums"."""
    return BURIED_RE.sub(lambda m: f"the {m['a'] or m['p']} is buried under the {m['b'] or m['q']}", request)
