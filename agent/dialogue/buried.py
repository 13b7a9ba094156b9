"""A part refused its place under another ("don't bury the piano under the drums", "stop burying the sax behind the
drums", "don't put the piano so far behind the drums", "the guitar is staying too much under the fiddle", "the bass
is still lost behind the brushes"): said as the complaint the readers know, "the piano is buried
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
                        rf"|\b{STOP} {PUT} {PART.format('p')} (?:so|that|this) (?:far |much |deep )?{UNDER} {PART.format('q')}\b"
                        rf"|\b{PART.format('c')} (?:is|are|'s|sits|sit|stays|stay)(?: still)? (?:lost|buried|hidden|drowned|swamped|sitting|staying|"
                        rf"stuck|sunk)?(?: still)?(?: (?:way |far |much )?(?:too|so|way) (?:much|far|low|deep))? {UNDER} {PART.format('d')}\b", re.I)


KIT_RE = LazyPattern(r"^(?:brush(?: kit)?|brushes|sticks|kit|drum kit)$", re.I)   # the drums by what plays them: "behind the brushes"


def buried(request: str) -> str:
    """`request` with a part refused its place under another said as the complaint: "the piano is buried under the drums"."""
    def said(m) -> str:
        under = m["b"] or m["q"] or m["d"]
        return f"the {m['a'] or m['p'] or m['c']} is buried under the {'drums' if KIT_RE.match(under) else under}"
    return BURIED_RE.sub(said, request)
