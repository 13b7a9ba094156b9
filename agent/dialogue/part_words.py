"""The names people give a part other than its role: a register ("the deep notes", "the bottom end", "the lower
register"), a pianist's hand, the producer's 808 or sub, the beat or groove for the kit. One table, built from the
words a register is said with rather than listed phrase by phrase, that `vocab.ROLE_WORDS` takes in whole (so every
reader of a part, `mentions.INSTR_ALT` first, knows them).

    ALIASES["deep notes"]      # "bass"
    ALIASES["drumbeat"]        # "drums"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.patterns import sentences

# A register is a height word and a noun for what sounds there: "low end", "deep notes", "bottom frequencies",
# "the lower register", "sub frequencies". Only the low side names one part (the bass); "the high notes" may be the
# tune, the chords or a pad, so it names none.
LOW = ("low", "lower", "deep", "deeper", "bottom", "sub")
SOUNDING = ("end", "notes", "stuff", "frequencies", "register", "range", "tones", "sounds", "bits")   # never "line": "the bottom line"
REGISTERS = {f"{height} {noun}": "bass" for height in LOW for noun in SOUNDING}
# The low side said alone as a mix word ("turn up the bottom", "the lows are too quiet", "more lows"): the bass too;
# never "the bottom of ..", "the bottom line", "hits the bottom", or "the highs and lows" (the story's ups and downs)
ALONE = r"(?<!highs and )(?<!highs & )\b(?:the )?lows\b|\bthe bottom\b(?! (?:of|line|half|right|left|corner|third|edge|row|frame)\b)"
REGISTER_RE = re.compile(rf"\b(?:the )?(?:{'|'.join(LOW)})[- ](?:{'|'.join(SOUNDING)})\b|{ALONE}", re.I)   # "the low-end"
# A register said as where another part plays ("play the melody in a lower register", "move the sax to the low
# range") names no part ("I want deeper tones" stays the bass, as "add lower notes" is)
MANNER_RE = re.compile(r"\b(?:in|into|to|at|down to|from|on|near|reach(?:es|ed)?|hits?|touch(?:es|ed)?|towards?)\s+"
                       r"(?:a|an|the|its|their|his|her)?\s*$", re.I)   # "at the bottom", "when he hits the bottom"
COMPARED = ("deeper", "lower")   # a height compared: more of it
SIZED_RE = re.compile(r"\b(?:more|less|fewer|no|some|any|too)\s*$", re.I)   # the amount said already


def as_part(text: str, named_parts) -> str:
    """`text` with each register said as a part of its own ("the deep notes are too loud", "more low end") said as
    the bass; one said as where a part plays, or in a clause naming another part (`named_parts`), as typed."""
    def one(m: re.Match) -> str:
        said = m.group(0)
        start = text.rfind(",", 0, m.start()) + 1
        clause = text[start:m.start()] + " " + sentences(text[m.end():], ",;")[0]
        if MANNER_RE.search(text[:m.start()]) or named_parts(clause.lower()):
            return said
        if said.lower().startswith("the"):
            return "the bass"
        # "I want deeper tones": deeper is more of the low end (its level; the registers stay), not the bass "added"
        return "more bass" if said.lower().startswith(COMPARED) and not SIZED_RE.search(text[:m.start()]) else "bass"
    return REGISTER_RE.sub(one, text)

# Pieces of the drum kit: the kit plays as one part (the drums role), so a piece named alone moves the whole kit
# (`settled_parts.stand_ins`), and the reply says so.
KIT_PIECES = {"kick", "snare", "hats", "hi-hats", "cymbals", "hi-hat", "hihat", "hihats", "hi hat", "hi hats",
              "kick drum", "bass drum", "snare drum", "cymbal", "ride cymbal", "toms", "tom fills", "rimshot",
              "rimshots", "claps", "brushes"}

# A part named by who plays it ("the bassist is too loud", "the bass player could come up"): that part ("the drummer"
# is left to `part_levels`: read here it lost e-tune's "the drummer should enter with energy")
PLAYERS = {"bassist": "bass", "bass player": "bass", "soloist": "melody"}
# Names of a part by how it is played or produced
ALIASES = {**REGISTERS, "sub bass": "bass", "sub": "bass", "808": "bass", "808s": "bass", "bass notes": "bass",
           "left hand": "bass", "right hand": "melody",   # a pianist's hands: the low line and the tune
           "drumbeat": "drums", "drum beat": "drums", "backbeat": "drums", "beat": "drums", "groove": "drums",
           **PLAYERS}
LOW_PARTS = ("bass", "drums", "percussion", "pad")   # parts with no tune to take: "let the bass lead" is it up front
# "give it a kick up the backside", "it needs some kick": energy said with a drum's name, no drum named (`arbiter`)
KICK_IDIOM_RE = re.compile(r"\b(?:a|some) kick(?: (?:up|in) the \w+)?(?= *$|[,.;!?]| up\b| in the\b)", re.I)
# "it needs a kick up the pants", "give it a good kick up the backside": more energy said the idiom's way (`idioms`'s "kick it
# up"), before any reader takes "kick" for the kick drum
KICK_UP_RE = re.compile(r"\b(?:(?:needs?|could use|wants?|give (?:it|this|them)) )?(?:a|some) (?:good |swift |real )?kick (?:up|in) the "
                        r"(?:pants|backside|arse|ass|butt|bum|rear|behind|trousers|britches)\b", re.I)

# A part named by the sound it makes, as a thing heard ("the clapping", "that whistling noise", "take out the singing
# part"; bank17's plain speakers): the part that makes it. Only after a word that makes it a thing ("the", "that",
# "some"): "the crowd is clapping", "when she starts singing" are the picture, and so is one said as a moment ("more
# energy when the clapping begins", "a hit after the singing": the place, not the part's entry).
SOUNDED = {"clapping": "claps", "clappy": "claps", "singing": "voices", "humming": "voices", "whistling": "whistle"}
MOMENT_WORDS = ("when", "whenever", "where", "while", "as", "until", "till", "after", "before", "during", "at", "once", "since")
SOUNDED_RE = re.compile("".join(rf"(?<!\b{w} )" for w in MOMENT_WORDS) + rf"\b(the|that|this|some|those) ({'|'.join(SOUNDED)})(?: (?:noise|sound|thing|bit|part|stuff))?\b"
                        r"(?! (?:of|by|from|in the picture|on screen)\b)", re.I)


def sounded(text: str) -> str:
    """`text` with each part named by its sound said by its name: "lose the clapping" -> "lose the claps"."""
    return SOUNDED_RE.sub(lambda m: f"{m.group(1)} {SOUNDED[m.group(2).lower()]}", text)
