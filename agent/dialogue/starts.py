"""A start said as a verb with how it sounds: "start soft", "begin quietly", "open gently", and a late start ("it
takes ages to get going": more energy at the start). That sound at the start, the rest as it was; read alone, "start
soft" turned the whole mix down. (An ending said so, "could it end gently", is a fade over the ending: `idioms`.)

    from v2m.agent.dialogue.starts import at_the_ends
    at_the_ends("start soft and build")   # "soft at the start and build"

Read by `v2m.agent.dialogue.understanding` before a request is cut into clauses; the late start by `phrases.unfilled`
per clause too.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import patterns

# "it gets going too late", "can it start straight in": the start wants its energy, said before the place
# finder reads the clause so that the start is where it goes.
LATE_START_RE = re.compile(r"\b(?:gets?|getting|got) going (?:too |so |a bit |way )?late\b|\btakes? (?:too long|ages|a while|"
                           r"forever) to get going\b|\b(?:start|starts|begin|begins|come in|comes in) (?:straight|right) "
                           r"(?:in|away|off)\b", re.I)
# how the music sounds, said right after the verb and ending its clause (an adverb as its adjective: "softly" is "soft");
# a start said with its rise ("start quiet and ride the riser", "start soft, then louder") is a build: `idioms.START_RISE_RE`
SOUND = (r"soft|quiet|calm|slow|sparse|sparser|small|low|loud|big|bigger|fast|busy|full|dark|bright|"
         r"softer|quieter|gentler|calmer|slower|louder|faster|busier|fuller|darker|brighter")
ADVERB = {"softly": "soft", "quietly": "quiet", "gently": "soft", "gentle": "soft", "calmly": "calm", "slowly": "slow",
          "loudly": "loud", "tender": "soft", "tenderly": "soft", "quickly": "fast"}
VERBED_RE = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\bits )\b(?P<verb>start|starts|begin|begins|open|opens)(?: (?:it|things|the music|the score|the piece|the song|the track|off|out|up))?"
                       rf"(?: (?:really|very|nice and|nice|super|more|a bit|a little|kind of|pretty|quite))? "
                       rf"(?P<how>{SOUND}|{'|'.join(ADVERB)})\b"
                       r"(?=\s*(?:please|pls|thanks|though)?\s*(?:$|[.!?;]|,(?!\s*(?:and |but )?(?:then|after|afterwards|slowly|"
                       r"gradually|get|go|grow|build|ride|rise|swell|climb|louder|bigger)\b)))", re.I)


# a place said before the verb in its sentence ("at 0:33 ... start soft under it", "from there to the end: start low"):
# the start of that place, which the place finders read with it
PLACED_BEFORE_RE = re.compile(r"\d|\b(?:there|here|then|shots?|cuts?|scenes?|sections?|from|after|before|until|till|when|"
                              r"where|once|into|at|in|on)\b", re.I)


def at_the_ends(text: str) -> str:
    """`text` with a start said as a verb and its sound said as that sound at the start, where no place is said before
    it in its sentence."""
    def said(m: re.Match) -> str:
        if PLACED_BEFORE_RE.search(patterns.sentences(text[:m.start()], "\n")[-1]):
            return m[0]
        how = ADVERB.get(m["how"].lower(), m["how"].lower())
        return f"{how} at the start"
    return VERBED_RE.sub(said, LATE_START_RE.sub(" more energy at the start ", text))
