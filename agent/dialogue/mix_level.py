"""The music's level said too low in the words of the mix ("too quiet in the mix", "too soft volume-wise", "too quiet
against the voice-over, +3 dB"): the overall level up, not more notes. `phrases.TOO` reads "too quiet" as too little
energy (a sparse, timid place wants more going on), so a request that also named the level played louder *and* busier
everywhere; with the level named and no part, "too quiet" is the level's own complaint.

    from v2m.agent.dialogue.mix_level import plain
    plain("it's too quiet in the mix, bring the level up")   # "it louder in the mix, bring the level up"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import named_parts

# the level named: the mixer's words, a unit, or the voice the music sits under
LEVEL_RE = re.compile(r"\b(?:volume|volume-wise|level|levels|levelwise|level-wise|db|decibels?|lufs|mix|loudness|"
                      r"voice-?over|voiceover|vo|narrat\w*|dialogue|podcast|speech|speaking|talking|speakers?)\b", re.I)
TOO_LOW_RE = re.compile(r"(?:(?:'s|\bis|\bare|\bsounds?|\bfeels?|\bseems?)\s+)?(?P<how>(?:a bit |a little |way |far |much |kinda |really )?)"
                        r"\btoo (?:quiet|soft|low|faint|timid|weak)\b(?:[ -]?volume[ -]?wise)?", re.I)


def plain(text: str) -> str:
    """`text` with "too quiet" said of the level (`LEVEL_RE` in the request, no part named) as "louder"."""
    if not LEVEL_RE.search(text) or not TOO_LOW_RE.search(text) or named_parts(text.lower()):
        return text
    return TOO_LOW_RE.sub(lambda m: f" {m['how']}louder", text)
