"""Sounds of the picture said with an instrument's word: "the bells ring at 0:12", "when the church bells toll". The
word names a part of the score (tubular bells), but ringing, tolling and pealing are what bells do in a scene, so the
phrase is a happening of the picture (a moment told, noted, found again by "a hit when the bells ring"), not bells
added to the score. An order keeps its part ("add bells at 0:12", "bells in at 0:12": `mentions`).

    from v2m.agent.dialogue.world_sounds import WORLD_SOUND_RE
    bool(WORLD_SOUND_RE.search("the bells ring at 0:12"))   # True

Read by `v2m.agent.dialogue.moments` (a phrase about the music or not).
"""

from __future__ import annotations

import re

WORLD_SOUND_RE = re.compile(r"\b(?:church |door ?|wedding |school |sleigh |temple )?bells? (?:ring|rings|ringing|rang|toll|tolls|tolling|"
                            r"tolled|peal|peals|pealing|pealed|go off|goes off|(?:sound|sounds)(?= *(?:$|[,.;!?]|(?:at|in|on|when|as|during|around|after|before)\b)))\b", re.I)   # "bells sound at 0:12": a happening; "the
# bells sound harsh" is the part (`sounded_parts.BELL_SOUND`, which leaves a sounding with its place to this one)
