"""The words people name places with: ordinals, times, counts, "the intro"/"the ending", and the everyday
forms ("the very end", "the opening shot", "photo 3", "at thirty five seconds") rewritten to the few forms
the place finders in `v2m.agent.dialogue.where` read.

    normalise("make the opening shot darker")    # " make the first shot darker "
    parse_time("1:05.5")                         # 65.5

Nothing here knows the video: this module only reads words; `where` measures them against the analysis.
"""

from __future__ import annotations

import re

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
            "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "last": -1, "final": -1, "penultimate": -2}
ORD = r"(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th|last|final|penultimate|\d+(?:st|nd|rd|th)?)"
TIME = r"(\d+:\d{1,2}(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)\b|\d+(?:\.\d+)?(?![\d:]|\.\d))"
START_WORDS = ("intro", "introduction", "beginning", "start", "opening", "first section")
END_WORDS = ("ending", "end", "outro", "finale", "close", "last section", "final section", "last bit", "finish")
WORD_NUMBERS = {w: str(k) for k, w in enumerate("zero one two three four five six seven eight nine ten".split())} | \
    {"fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60"}
SPOKEN_SECONDS = (r"\b(?:(twenty|thirty|forty|fifty)[- ])?(one|two|three|four|five|six|seven|eight|nine|ten|fifteen|"
                  r"twenty|thirty|forty|fifty|sixty) (seconds?|secs?)\b",   # "at ten seconds", "thirty five seconds"
                  lambda m: f"{int(WORD_NUMBERS.get(m.group(1), 0)) + int(WORD_NUMBERS[m.group(2)])} {m.group(3)}")
# Everyday ways of naming a place, rewritten to the forms the finders read.
PLACE_WORDS = ((r"\bthe very (first|last|final|end|beginning|start)\b", r"the \1"),
               (r"\b(?:from )?the (?:first frame|start|beginning|top)(?: all the way)? (?:to|till|until) the (?:very )?end\b", " "),
               (r"\bthe opening shot\b", "the first shot"), (r"\bthe closing shot\b", "the last shot"),
               (r"\bat the top\b(?=.*\bend\b)", " "), (r"\b(?:all the way )?(?:to|till|until|into) the (?:very )?(?:end|finish(?: line)?)\b(?=.*$)", " "),
               (r"\bat the top\b", "in the intro"), (r"\bshots (\d+) through (\d+)\b", r"shots \1 to \2"),
               (r"\b(?:second|next)[- ]to[- ](?:the )?last\b", "penultimate"),   # not "shots 2 to the last"
               (r"\b(?:from |after )?the (one|two|three|four|five|\d+)[- ]minute mark\b", r"after \1:00"),
               (r"\bone:00\b", "1:00"), (r"\btwo:00\b", "2:00"), (r"\bthree:00\b", "3:00"),
               (r"\b(?:photo|picture|pic|slide|image|clip)(s?)\b", r"shot\1"),   # a slideshow's photos: its shots
               (r"\b(shots?|cuts?) (one|two|three|four|five|six|seven|eight|nine|ten)\b",
                lambda m: f"{m.group(1)} {WORD_NUMBERS[m.group(2)]}"),
               (r"\b(shots \d+ (?:and|to|through|-) ?)(one|two|three|four|five|six|seven|eight|nine|ten)\b",
                lambda m: f"{m.group(1)}{WORD_NUMBERS[m.group(2)]}"), SPOKEN_SECONDS)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "couple of": 2, "few": 3}
# Things a picture analysis can point at without recognising objects.
ACTION_WORDS = ("action", "busiest part", "most motion", "fastest part", "peak", "chaos", "most movement")
# One shot as people name it: "shot 5", "shot number 5", "the fifth shot", "the 5th shot", "the last shot".
SHOT_REF = rf"(?:shot (?:number |no\.? |#)?(\d+)\b|\b(?:the )?{ORD} shot\b)"
# Two shot numbers joined into a stretch: "6 to 10", "5 and 6", "2-4", "three through five".
JOIN = r" ?(?:-|to|through|thru|till|until|and|&) ?(?:the )?"
FROM_ON_RE = r" ?(?:on|onwards?|and after|and beyond|and later)\b"

# Words that carry no edit of their own, beside a place ("from the second cut on, ...").
PLACE_FILLER = set("""make it the a an bit more less please can you could sound sounds feel like little much music score
song track some vibe vibes style version kind of way very really too so to be should i want would me give let us
lets let's try with this that in on at into for now bit slightly more whole everything overall all just feel feeling
go more somewhat quite tone mood add use bring""".split())
# A clause that only says which place the one before meant ("..., that's shots two and three").
APPOSITIVE_RE = re.compile(r"^\s*(?:(?:which|that|it|this) ?(?:'s|’s| is| s|s| are| was| happens| comes)|i\.?e\.?|namely|i mean)\b", re.I)


def parse_time(tok: str) -> float:
    """Seconds of "0:12", "1:05.5", "12s", "12 seconds" or "12"."""
    tok = tok.strip()
    if ":" in tok:
        m, s = tok.split(":")
        return int(m) * 60 + float(s)
    return float(re.match(r"\d+(?:\.\d+)?", tok).group(0))


def normalise(text: str) -> str:
    """`text` lower-cased, padded with a space each side, its everyday place words (`PLACE_WORDS`) rewritten."""
    text = " " + text.lower() + " "
    text = re.sub(r"\bcut (?:number |no\.? |#)(\d+)\b", r"\1th cut", text)  # "the cut number 2" = the 2nd cut
    for pat, rep in PLACE_WORDS:
        text = re.sub(pat, rep, text)
    return re.sub(r"\bthe the\b", "the", text)

