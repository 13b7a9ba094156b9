"""The music's level said too low in the words of the mix ("too quiet in the mix", "too soft volume-wise", "too quiet
against the voice-over, +3 dB"): the overall level up, not more notes. `phrases.TOO` reads "too quiet" as too little
energy (a sparse, timid place wants more going on), so a request that also named the level played louder *and* busier
everywhere; with the level named and no part, "too quiet" is the level's own complaint. The engineer's words for a level
too high ("running hot on the meters", "peaking", "clipping", "trim it") say the same of the loudness, down.

    from v2m.agent.dialogue.mix_level import plain
    plain("it's too quiet in the mix, bring the level up")   # "it louder in the mix, bring the level up"
    plain("whole mix is running hot on the meters, trim it")   # "whole mix is too loud on the meters, quieter"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import named_parts

# the level named: the mixer's words, a unit, or the voice the music sits under
LEVEL_RE = re.compile(r"\b(?:volume|volume-wise|level|levels|levelwise|level-wise|db|decibels?|lufs|mix|loudness|"
                      r"voice-?over|voiceover|vo|narrat\w*|dialogue|podcast|speech|speaking|talking|speakers?|meters?|gain|master)\b", re.I)
TOO_LOW_RE = re.compile(r"(?:(?:'s|\bis|\bare|\bsounds?|\bfeels?|\bseems?)\s+)?(?P<how>(?:a bit |a little |way |far |much |kinda |really )?)"
                        r"\btoo (?:quiet|soft|low|faint|timid|weak)\b(?:[ -]?volume[ -]?wise)?", re.I)

# a level too high in the meters' words, and the engineer's cut of it ("trim it", "trim the gain a touch")
HOT_RE = re.compile(r"\b(?:(?:is|are|'s|'re|running|runs|run|getting|gets|a bit|bit|way|too|so|really) )+hot\b|\b(?:is |are |'s |'re )?"
                    r"(?:peaking|clipping|in the red|redlining|slamming the limiter)\b", re.I)
# ... but "peaking" said of when the music peaks ("the mix is peaking too early", "peaking at 0:15, I want the peak at the
# end"): the climax's place, no level
CLIMAX_RE = re.compile(r"\bpeaking (?:(?:way|much|a bit|a little|kinda) )?(?:too )?(?:early|soon|late)\b|"
                       r"\b(?:the peak|peaks? (?:at|near|towards?|by) the end|climax\w*|high point|crescendo)\b", re.I)
TRIM_RE = re.compile(r"\btrim (?:it|that|this|everything|the (?:gain|level|levels|master|mix|volume|output))(?: down)?\b", re.I)


def plain(text: str) -> str:
    """`text` with "too quiet" said of the level (`LEVEL_RE` in the request, no part named) as "louder", and a level
    too hot ("running hot on the meters", "trim it") as too loud and "quieter"."""
    if not LEVEL_RE.search(text) or named_parts(text.lower()):
        return text
    climax = CLIMAX_RE.search(text) is not None
    hot = lambda m: m[0] if climax and "peaking" in m[0].lower() else " too loud"   # noqa: E731
    text = TRIM_RE.sub(" quieter", HOT_RE.sub(hot, text)) if HOT_RE.search(text) or TRIM_RE.search(text) else text
    return TOO_LOW_RE.sub(lambda m: f" {m['how']}louder", text)
