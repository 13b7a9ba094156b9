"""A stretch of the picture named by how long it lasts: "the chase runs from 0:10 to 0:25", "the intro lasts until
0:06", "the fight goes on till 0:40": the name is that stretch for the rest of the chat ("make the chase faster" is
0:10 to 0:25), as `v2m.agent.dialogue.names` remembers "the kiss at 0:30" (a moment). A section's own word ("the
intro", "the ending") told this way is the user's stretch from then on, not the plan's section.

    lasted("the chase runs from 0:10 to 0:25", is_name)   # (" from 0:10 to 0:25 ", {"chase": "from 0:10 to 0:25"})

Read by `names.defined` for each clause (lower-cased, punctuation stripped); the music itself lasting ("the music runs
until 0:20") is no name (`is_name` says so, `music_ends` reads its end).
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue.place_words import CLOCK

# a name as said after its determiner: one to three words (`names` reads a name alone with the same two)
DET = r"(?:the|her|his|their|its|our|my|your)"
NAME = r"(?P<name>[a-z][a-z'-]+(?: [a-z][a-z'-]+){0,2}?)"
_LASTS = (r"(?:runs?|lasts?|goes(?: on)?|go on|spans?|plays? out|takes? place|continues?|keeps? going|is on|happens|"
          r"(?:is|are|'s) going on|stretches)")
# "the chase runs from 0:10 to 0:25", "the fight lasts between 0:30 and 0:45"
BETWEEN_RE = re.compile(rf"^\s*{DET} {NAME} {_LASTS} (?:from|between) (?P<a>{CLOCK}) (?:to|till|until|through|and|-) "
                        rf"(?P<b>{CLOCK})\s*$")
# "the intro lasts until 0:06", "the fight goes on till 0:40": from the start to there
UNTIL_RE = re.compile(rf"^\s*{DET} {NAME} {_LASTS} (?:until|till|til|up to|up until|to|through) (?P<b>{CLOCK})\s*$")
ENDS_RE = re.compile(r"[\s,.;!?]+$")   # a clause's own punctuation at its end
# a section's own word, which `is_name` refuses (the plan's sections): told as a stretch, the user's
SECTION_WORDS = frozenset("intro outro ending opening beginning finale climax".split())
# what the music does, told by where it lasts ("the fade goes from 0:50 to 1:00", "the build goes from 0:20 to 0:40"):
# an order for that shape there, read by the grammar, no name
# ("the silence ...", "the solo ...", "the swell ..." are left names: the grammar reads them as a style, a tempo, marks)
SHAPE_WORDS = frozenset(("fade", "fade out", "fade-out", "fadeout", "fade in", "fade-in", "build", "build-up", "buildup"))


def held(text: str, is_name: Callable[[str], bool]) -> tuple[str, str] | None:
    """(the name, its place) when `text` (one clause, as typed) says how long a named stretch lasts, else None."""
    return next(iter(lasted(ENDS_RE.sub("", text.lower()), is_name)[1].items()), None)


def lasted(text: str, is_name: Callable[[str], bool]) -> tuple[str, dict[str, str]]:
    """The clause as the place it names and {name: place}, when it says how long a named stretch lasts; else
    (`text`, {})."""
    m = BETWEEN_RE.match(text) or UNTIL_RE.match(text)
    if m is None or m["name"] in SHAPE_WORDS or not (is_name(m["name"]) or m["name"] in SECTION_WORDS):
        return text, {}
    a = m.groupdict().get("a") or "0:00"
    place = f"from {a} to {m['b']}"
    return f" {place} ", {m["name"]: place}
