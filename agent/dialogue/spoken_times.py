"""Moments said the way people say them aloud, read into the clock forms the place finders know
(`v2m.agent.dialogue.place_words`): "half a minute in" (at 30 seconds), "twenty seconds in" (at 20 seconds),
"at forty" on a clip that long (at 40 seconds), "at one fifteen" on a clip past a minute (at 1:15), "from 45 seconds
to fifty-five" (to 55 seconds).

    spoken("more energy half a minute in", 60.0)   # "more energy at 30 seconds"

One place for spoken clock times; it reads words only, and the clip's length only to tell a moment from a number
that cannot be one (a tempo "at ninety" on a 60 s clip).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import place_words
from v2m.agent.dialogue.counted import NUMBER_WORD, UNIT_WORDS, spoken_number

# A share of a minute said in words: "half a minute" (30 s), "a minute and a half" (1:30), "a quarter of a minute"
MINUTE_SHARES = ((re.compile(r"\b(?:a|one) minute and a half\b"), "1:30"),
                 (re.compile(r"\bhalf (?:a|one) minute\b|\bhalf-a-minute\b"), "30 seconds"),
                 (re.compile(r"\ba quarter of a minute\b"), "15 seconds"))
SPOKEN_SECONDS_RE = re.compile(place_words.SPOKEN_SECONDS[0])
UNIT = r"(?:s|secs?|seconds?)\b"
# A moment counted from the start, said with "in" ("twenty seconds in", "1:15 into the video"): at that moment; not
# "20 seconds in the intro" (a length inside a place), nor a stretch's end before "in" ("0:00-0:01 in soft": fading in)
COUNTED_IN_RE = re.compile(rf"(?<![-\d:])(?<!to )(?<!and )\b(?:(at|around|about|right at|from|after|since|past|starting at|before|"
                           rf"until|till) )?(\d+(?:\.\d+)? ?{UNIT}|\d+:\d\d) (?:into (?:it|the (?:video|clip|film|track|song|piece|"
                           r"edit))\b|in(?=\s*(?:$|[,.;!?]|(?:and|then|please|so|make|give|more|less|let|bring|add|it|i|we|can|"
                           r"could|should|go|get|everything|things)\b)))")
ABOUT = {"about": "around"}   # "about forty seconds in": a moment, as "around" is read
# A clock time said as two numbers ("at one fifteen", "from two oh five", "between one fifteen and one twenty eight"):
# minutes, then seconds
CLOCK_SAID_RE = re.compile(rf"\b(at|from|until|till|after|before|around|by|to|since|past|between|(?<=\d:\d\d )and) ({'|'.join(UNIT_WORDS)}) "
                           rf"(oh (?:{'|'.join(UNIT_WORDS)})|{NUMBER_WORD})\b(?! (?:seconds?|secs?|minutes?|bpm|percent|bars?|beats?|"
                           r"shots?|cuts?|times)\b)")
# A bare number said as a moment, at the end of what is said ("more intense at forty", "a crash around thirty, please",
# "calmer from forty on", "slower after thirty")
AT_NUMBER_RE = re.compile(rf"\b(at|around|about|right at|from|after|since|past|starting at|before|until|till) ({NUMBER_WORD})"
                          r"(?=\s*(?:$|[,.;!?]|(?:please|too|as well|and|then|or so|ish|on|onwards?)\b))")
# Words that make a bare number a tempo, a level or a count rather than a moment ("keep it at ninety", "the bpm at sixty")
NOT_A_MOMENT_RE = re.compile(r"\b(?:tempo|bpm|speed|pace|beats?|bars?|volume|level|loudness|db|percent|keep|stay|stays|set|"
                             r"lock|play|playing|plays|count|key|take)\b")
# The end of a stretch said in words after its start with a unit ("from 45 seconds to fifty-five"): seconds too
SPOKEN_END_RE = re.compile(rf"\b(\d+(?:\.\d+)? ?{UNIT} ?(?:-|to|and|till|until|through) )({NUMBER_WORD})\b"
                           r"(?! (?:seconds?|secs?|minutes?|bpm|percent|bars?|beats?|shots?|cuts?|times)\b)")


def _clock(m: re.Match, duration_s: float) -> str:
    said = m.group(3)
    s = spoken_number(said.split()[-1]) if said.startswith("oh ") else spoken_number(said)
    mins = UNIT_WORDS.index(m.group(2)) + 1
    if s > 59 or (s < 10 and not said.startswith("oh ")) or mins * 60 + s > duration_s + 0.05 or duration_s <= 60:
        return m.group(0)   # "at one five" is no clock time; on a clip under a minute "one fifteen" is none
    return f"{m.group(1)} {mins}:{s:02d}"


def spoken(text: str, duration_s: float) -> str:
    """`text` (lower case) with its spoken moments in clock or seconds form (see the module's docstring)."""
    for pat, rep in MINUTE_SHARES:
        text = pat.sub(rep, text)
    text = SPOKEN_SECONDS_RE.sub(place_words.SPOKEN_SECONDS[1], text)   # "twenty seconds": 20 seconds
    text = COUNTED_IN_RE.sub(lambda m: f"{ABOUT.get(m.group(1), m.group(1) or 'at')} {m.group(2)}", text)
    for _ in range(2):   # twice: "and one twenty eight" is a clock time once the one before it is read as one
        text = CLOCK_SAID_RE.sub(lambda m: _clock(m, duration_s), text)
    text = SPOKEN_END_RE.sub(lambda m: f"{m.group(1)}{spoken_number(m.group(2))} seconds", text)
    if not NOT_A_MOMENT_RE.search(text):
        text = AT_NUMBER_RE.sub(lambda m: f"{ABOUT.get(m.group(1), m.group(1))} {n} seconds" if 0 < (n := spoken_number(m.group(2))) <= duration_s
                                else m.group(0), text)
    return text


def shares(text: str, duration_s: float) -> str:
    """`place_words.shares` (a moment said as a share of the video) after the spoken moments are read."""
    return place_words.shares(spoken(text, duration_s), duration_s)
