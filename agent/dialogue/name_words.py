"""Which words may name a moment of the picture ("the kiss", "the tasting shot", "warrior two", "the funny moment") and
which may not: a pronoun, a place, an edit, a size, a count, a mood, an instrument or the band said to stop. One test,
`is_name`, for every reader of a name: `names` (a name said with its place), `moment_table`, `moments`,
`moment_answers`, and `event_names` and `verbed` (given it by `names.said`).

    is_name("gunshot")        # True
    is_name("tasting shot")   # True: the shot named
    is_name("louder")         # False: an edit
    is_name("first dance")    # False alone ("first" counts shots); `names` reads it beside a place said on its own
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import ORDINALS
from v2m.agent.dialogue.hit_words import BAND_STOPS
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import LazyPattern
from v2m.agent.dialogue.vocab import MOODS

SPAN_NOUNS = ("part", "section", "stretch")   # a stretch's own word: "the victory part starts at 0:54" is from there on
MOMENT_NOUNS = (*SPAN_NOUNS, "moment", "bit", "scene", "sequence")   # a name's last word ("the tokyo bit", "the funny moment")
# Words that are not names: pronouns and fillers, places (ordinals too: "first goal at 0:22" is a moment, not
# a name to remember), edits, sizes, counts ("the opening two shots" are shots 1-2, not shots named "opening two").
NOT_NAMES = set(ORDINALS) | set("""a an the their her his our my your it its it's that that's this there here which what who he she they we you i
me us them music score song track tune beat everything all whole same next other middle end ending intro outro
start beginning top bit much too more less very really just so now then also make let bring give put keep add
hit hits accent crash stab stop dropout drop-out button swell cut cuts shot shots section sections part parts second seconds minute
half quarter louder quieter softer faster slower bigger smaller vibe vibes feel sound style mood tone energy groove
volume overall level levels mix loudness tempo pace speed bpm intensity dynamics
up down in on at to from after before until with and but or
not no is are was be can could should would will please doesn't don't isn't aren't won't can't didn't
opening closing two three four five six seven eight nine ten couple few several""".split())   # "the opening two shots"
# Words of an edit that may still describe a named moment before its noun ("his big entrance", "the slow dance").
ADJECTIVES = set("slow fast quick soft loud dark bright big small quiet calm happy sad heavy light full".split())
PARTICLES = {"in", "on", "up", "down", "out", "off", "over", "away"}   # "her walking in" is a name
# a number that ends a name ("warrior two", a pose; "scene three"): the name is its words before it (never "the opening
# two", "the last two": counts of shots; nor a bar or a beat, the music's own count)
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

PART_WORD_RE = LazyPattern(rf"\b(?:{INSTR_ALT})(?:s|es)?\b")   # an instrument's or part's word: no moment's name


def is_name(name: str) -> bool:
    """The words may name a moment of the picture: no pronoun, place, edit, size, mood or instrument ("the kiss")."""
    parts = name.split()
    if len(parts) > 1 and parts[-1] in ("shot", *MOMENT_NOUNS):   # "the tasting shot": the shot named; "the funny
        return is_name(" ".join(parts[:-1])) or all(w in ADJECTIVES or any(w in m.words for m in MOODS.values()) for w in parts[:-1])   # moment": felt
    if not parts or parts[-1] in ADJECTIVES or any(w in MOODS for w in parts[-1:]):
        return False
    if len(parts) > 1 and parts[-1] in NUMBER_WORDS and parts[-2] not in ("bar", "bars", "measure"):
        return is_name(" ".join(parts[:-1]))
    return parts[0] not in NOT_NAMES and not any(w in NOT_NAMES for w in parts if w not in PARTICLES) \
        and not PART_WORD_RE.search(name) and not re.search(r"\d", name) \
        and not any(w in m.words for m in MOODS.values() for w in parts if w not in ADJECTIVES) \
        and not any(pat.search(name) for pat in BAND_STOPS)   # "everybody stops dead at 0:24": the band, a stop
