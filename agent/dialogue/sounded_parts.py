"""Parts named by their sound or their job rather than their instrument: "the guitar solo" and "that wailing guitar"
are the guitar on the tune (rock plays two guitars), "the twinkly thing" the bell-like part, "the bell sound"
whichever bell-like part plays, "saw chords" the chords, "the distorted lead" the lead. Read by `mentions` (its part words), `understanding` (before
its rewriters) and `moments` (a sound named is no moment).
"""

from __future__ import annotations

import re

# The guitar that plays the tune, named by its job or its sound, where a band has two guitars
LEAD_GUITAR = (r"\b(?:(?:(?<=the )|(?<=that )|(?<=this )|(?<=your )|^|(?<=, ))guitar solos?|(?:solo|soloing|high|higher|wailing|screaming|squealy|squealing|"
               r"shredding|soaring|screechy) guitar(?: solos?)?|guitar (?:on top|up top)(?: of everything)?)\b")
TWINKLY_ADJ = r"(?:twinkly|twinkling|tinkly|tinkling|sparkly|plinky|plinking|chimey)(?: little)?"
TWINKLY_NOUN = r"(?:thing|things|sound|sounds|notes?|melody|tune|line|stuff|part)"
# a part named by that sound: a noun after it or "the" before it, never the quality alone ("not so twinkly")
TWINKLY = (rf"\b{TWINKLY_ADJ} (?:(?:bells?|chimes?)(?: {TWINKLY_NOUN})?|{TWINKLY_NOUN})\b"
           rf"|(?:(?<=the )|(?<=that )|(?<=those ))(?:twinkly|tinkly|sparkly|plinky|chimey)\b(?! (?:and|but)\b)")
BELL_SOUND = r"\b(?:bell|chime)s?(?= (?:sound|sounds|tone|tones|noise|part|line|thing)\b(?! *(?:at|in|on|when|as|during|around|after|before)\b))|(?<=the )(?:chimes|bell(?= (?:is|'s|sounds?) (?:way |far |a bit |so |really )?(?:too|loud|harsh)\b))"   # "the bell sound": whichever bell-like part plays


LEAD_GUITAR_RE = re.compile(LEAD_GUITAR, re.I | re.M)
# a synth's waveform, said for the part it plays ("the saw chords", `part_levels.QUALIFIED_RE`)
WAVEFORM = r"(?:saw|sawtooth|square|square-wave|sine|triangle|pulse)(?: wave)?"
# ... bare at the head of a clause ("0:08 to 0:24 - saw chords down"): that part, no instrument
WAVE_BARE_RE = re.compile(rf"(?<![a-z] )(?<![a-z])\b{WAVEFORM} (?P<r>melody|tune|chords|harmony|pad|lead)\b", re.I)
# two names for one sound, split by a slash ("the little bell/xylophone sound"): the first
SLASHED_RE = re.compile(r"\b([a-z]+)/[a-z]+\b(?= (?:sound|sounds|thing|part|line|tone|tune|melody)\b)", re.I)
# ... or by its tone, before its job ("no distorted lead there"): the part that plays the tune
TONE_RE = re.compile(r"\b(?:distorted|overdriven|fuzzy|fuzzed|crunchy|dirty|screaming|wailing) (?=(?:lead|melody|tune)\b)", re.I)


def by_sound(t: str) -> str:
    """"the guitar solo", "that wailing guitar": "the lead guitar", the guitar on the tune (rock's rhythm guitar is a
    guitar too); "saw chords" at a clause's head: "the chords". Said so before any reader takes the part ("the guitar
    solo should disappear from 0:48")."""
    t = LEAD_GUITAR_RE.sub("lead guitar", SLASHED_RE.sub(r"\1", t))
    return TONE_RE.sub("", WAVE_BARE_RE.sub(lambda m: f"the {m['r']}", t))
