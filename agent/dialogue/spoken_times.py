"""Moments said the way people say them aloud, read into the clock forms the place finders know
(`v2m.agent.dialogue.place_words`): "half a minute in" (at 30 seconds), "twenty seconds in" (at 20 seconds),
"at forty" or "slow it down at 40" on a clip that long (at 40 seconds), "at one fifteen" on a clip past a minute
(at 1:15), "from 45 seconds to fifty-five" (to 55 seconds); seconds where a clock time is said ("12s - too busy
here", "between 20s and 30s"): the clock time.

    timed("more energy half a minute in", 60.0)   # "more energy at 30 seconds"
    timed("slow it down at 40", 60.0)             # "slow it down at 40 seconds"

One place for spoken clock times; it reads words only, and the clip's length only to tell a moment from a number
that cannot be one (a tempo "at ninety" on a 60 s clip). A bare number is no moment where its clause sets a value
(`NOT_A_MOMENT_RE`: "keep it at 90", "the tempo at ninety", "volume at 11"). Read by
`v2m.agent.dialogue.understanding` before a request is cut into clauses.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import place_words
from v2m.agent.dialogue.counted import NUMBER_WORD, UNIT_WORDS, spoken_number
from v2m.agent.dialogue.cultures import evoked

# A share of a minute said in words: "half a minute" (30 s), "a minute and a half" (1:30), "a quarter of a minute"
MINUTE_SHARES = ((re.compile(r"\b(?:a|one) minute and a half\b", re.I), "1:30"),
                 (re.compile(r"\bhalf (?:a|one) minute\b|\bhalf-a-minute\b", re.I), "30 seconds"),
                 (re.compile(r"\ba quarter of a minute\b", re.I), "15 seconds"))
SPOKEN_SECONDS_RE = re.compile(place_words.SPOKEN_SECONDS[0], re.I)
UNIT = r"(?:s|secs?|seconds?)\b"
# A moment counted from the start, said with "in" ("twenty seconds in", "1:15 into the video", "hit the cut 5 seconds in
# with an accent", "the title card 38 seconds in - up"): at that moment, whatever follows "in" but what "in" would
# hold, "20 seconds in the intro" (a length inside a place), "5 seconds in soft" (fading in); nor a stretch's end
# before "in" ("0:00-0:01 in soft")
COUNTED_IN_RE = re.compile(rf"(?<![-\d:])(?<!to )(?<!and )\b(?:(at|around|about|right at|from|after|since|past|starting at|before|"
                           rf"until|till) )?(\d+(?:\.\d+)? ?{UNIT}|\d+:\d\d) (?:into (?:it|the (?:video|clip|film|track|song|piece|"
                           r"edit))\b|in(?!\s+(?:the|a|an|this|that|these|those|its?|his|her|their|our|my|each|every|all|one|two|"
                           r"shots?|cuts?|sections?|scenes?|parts?|bits?|soft(?:ly)?|slow(?:ly)?|gently|gradually|quietly|quiet|"
                           r"loud|over|\d)\b)(?![-\w]))", re.I)
ABOUT = {"about": "around"}   # "about forty seconds in": a moment, as "around" is read
# A clock time said as two numbers ("at one fifteen", "from two oh five", "between one fifteen and one twenty eight"):
# minutes, then seconds
CLOCK_SAID_RE = re.compile(rf"\b(at|from|until|till|after|before|around|by|to|since|past|between|(?<=\d:\d\d )and) ({'|'.join(UNIT_WORDS)}) "
                           rf"(oh (?:{'|'.join(UNIT_WORDS)})|{NUMBER_WORD})\b(?! (?:seconds?|secs?|minutes?|bpm|percent|bars?|beats?|"
                           r"shots?|cuts?|times)\b)", re.I)
# A bare number said as a moment, in words at the end of what is said ("more intense at forty", "a crash around
# thirty, please", "calmer from forty on", "slower after thirty")
AT_WORD_RE = re.compile(rf"\b(at|around|about|right at|from|after|since|past|starting at|before|until|till) ({NUMBER_WORD})"
                        r"(?=\s*(?:$|[,.;!?]|(?:please|too|as well|and|then|or so|ish|on|onwards?|there|put|add|hit|slam|"
                        r"drop|bring|give|make|go)\b))", re.I)   # "at twelve put a crash there": an edit's verb after it
# ... or with a half ("the candles are at eighteen and a half", "from twenty two and a half"): that moment, in seconds
HALF_RE = re.compile(rf"\b(at|around|about|right at|from|after|since|past|starting at|before|until|till|to) ({NUMBER_WORD}|\d{{1,3}}) "
                     rf"and a half(?: ?{UNIT})?(?! ?(?:minutes?|mins?|bpm|percent|bars?|beats?|times|db|semitones?)\b)", re.I)
# ... or in digits after "at" ("slow it down at 40", "slower around 50 please"), with no unit of its own
AT_DIGITS_RE = re.compile(r"\b(at|around|right at) (\d{1,3})(?![\d:./%,]\d|[\d:./%']|\s*(?:s|secs?|seconds?|bpm|percent|per ?cent|db|"
                          r"decibels?|bars?|beats?|semitones?|hz|minutes?|mins?|o'?clock|am|pm|times|x|th|st|nd|rd)\b)", re.I)
# Words that make a bare number in their clause a tempo, a level or a count rather than a moment ("keep it at ninety",
# "the bpm at sixty", "volume at 11", "shot 3 at 2")
NOT_A_MOMENT_RE = re.compile(r"\b(?:tempo|bpm|speed|pace|beats?|bars?|volume|level|loudness|gain|metronome|db|percent|keep|"
                             r"kept|stay|stays|set|hold|lock|leave|play|playing|plays|count|key|take|cap|capped|max|maximum|"
                             r"minimum|ceiling|floor|shots?|cuts?|number|version|v)\b", re.I)
CLAUSE_RE = re.compile(r"[,;.!?]\s|\b(?:and|but|then)\b", re.I)
# The end of a stretch said in words after its start with a unit ("from 45 seconds to fifty-five"): seconds too
SPOKEN_END_RE = re.compile(rf"\b(\d+(?:\.\d+)? ?{UNIT} ?(?:-|to|and|till|until|through) )({NUMBER_WORD})\b"
                           r"(?! (?:seconds?|secs?|minutes?|bpm|percent|bars?|beats?|shots?|cuts?|times)\b)", re.I)

# A time arrived at ("more energy once we hit the 20s", "once we reach 0:20", "when we get into the 20s", "as soon as we
# hit 20 seconds"): from that time on. "the 20s" said so is the clip's twenties, from 0:20 (before: the 1920s, a
# clarinet lead and more energy everywhere; "once we reach 0:20" asked where)
ARRIVED_RE = re.compile(r"\b(?:once|when|as soon as|by the time|the moment) (?:we|it|you|things|the (?:music|video|clip|film|song|track))"
                        r"(?:'re|'s| are| is)?(?: (?:finally|actually|first))? (?:hit|hits|reach|reaches|get (?:to|into|past)|gets "
                        r"(?:to|into|past)|in|into|at|past|pass|passes|cross|crosses|enter|enters) (?:the )?(?:(?P<clock>\d+:\d\d)|"
                        rf"(?P<s>\d+) ?{UNIT}|(?P<s2>[1-5]0)'?s\b)(?: (?:mark|point))?", re.I)


def _arrived(m: re.Match, duration_s: float) -> str:
    said = m["clock"] or _mmss(m["s"] or m["s2"])
    return m[0] if place_words.parse_time(said) >= duration_s else f"from {said}"


def _clock(m: re.Match, duration_s: float) -> str:
    said = m.group(3).lower()
    s = spoken_number(said.split()[-1]) if said.startswith("oh ") else spoken_number(said)
    mins = UNIT_WORDS.index(m.group(2).lower()) + 1
    if s > 59 or (s < 10 and not said.startswith("oh ")) or mins * 60 + s > duration_s + 0.05 or duration_s <= 60:
        return m.group(0)   # "at one five" is no clock time; on a clip under a minute "one fifteen" is none
    return f"{m.group(1)} {mins}:{s:02d}"


def _half(m: re.Match, text: str, duration_s: float) -> str:
    """A moment said with a half (`HALF_RE`) as seconds, where it fits in the clip and its clause sets no value."""
    said = _bare(m, text, duration_s)
    return m[0] if said == m[0] else said.replace(" seconds", ".5 seconds")


def _bare(m: re.Match, text: str, duration_s: float) -> str:
    """A bare number after "at" (`AT_WORD_RE`, `AT_DIGITS_RE`) said with its unit, where it fits in the clip and its
    clause sets no value."""
    start = max([0, *(c.end() for c in CLAUSE_RE.finditer(text, 0, m.start()))])
    nxt = CLAUSE_RE.search(text, m.end())
    n = int(m[2]) if m[2].isdigit() else spoken_number(m[2].lower())
    if not 0 < n <= duration_s or NOT_A_MOMENT_RE.search(text[start:nxt.start() if nxt else len(text)]):
        return m[0]
    return f"{ABOUT.get(m[1].lower(), m[1])} {n} seconds"


# A moment of the picture named with its time in brackets ("from the kiss (30 sec) go full band", "the logo (@0:42)"):
# that time, as a place the finders read
BRACKETED_RE = re.compile(r"\b(?:the|her|his|their|our|my|that) [a-z'-]+(?: [a-z'-]+){0,3} \((?:at |around |about |approx\.? |~ ?|@ ?)?"
                          rf"(\d+:\d{{2}}(?:\.\d+)?|\d+(?:\.\d+)? ?{UNIT})\)", re.I)

# ... or a stretch of it ("in the kitchen shot (6 to 13 s) it looks flat", "the street shot (13 to 21)"): the name said,
# then its stretch as a place the finders read ("the kitchen shot from 6 to 13 seconds")
BRACKETED_SPAN_RE = re.compile(r"\b((?:the|her|his|their|our|my|that) [a-z'-]+(?: [a-z'-]+){0,3}) \((?:from |between )?"
                               rf"(\d+(?::\d{{2}})?(?:\.\d+)?) ?(?:{UNIT})? ?(?:-|–|to|till|until|and) ?(\d+(?::\d{{2}})?(?:\.\d+)?) ?(?:{UNIT})?\)", re.I)

# the picture described, then its time after a comma ("the piano forward where her grandchildren are shown, around 0:26 or
# so", "more energy when the kids run, at 0:26"): one place, the time the scene's (cut at the comma, the edit had the scene
# and no place, and the time alone no edit: "Where do you mean by 'at 0:26'?"). Said as the side of a stretch ("from when
# the salmon takes the fly, about 0:22, till the end") it stays cut: `said_beside` makes it that side (from 0:22 on)
SCENE_TIME_RE = re.compile(r"(\b(?:from|since|until|till|after|before|up to) )?(\b(?:when|where|while)\b[^,.;!?\d]{3,60}?),\s*((?:at|"
                           rf"around|about|right at|roughly|approximately|approx\.?|~)\s*(?:\d+:\d{{2}}|\d+(?:\.\d+)? ?{UNIT}))", re.I)


# Seconds where a clock time is said ("12s - too busy here", "25s logo — end on a hit", "between 20s and 30s is the
# battle"): the clock time, as a note's heading and a stretch between two times are read (a length, "the last 8 secs",
# "for 5 s", stays as said)
HEAD_SECONDS_RE = re.compile(r"(?:^|(?<=[\n.!?;]))(?P<pad>\s*)(?P<s>\d{1,3})(?:s|secs?)\b(?=\s*[-–—:]\s|\s+[a-z]+(?: [a-z]+){0,2}\s+[-–—]\s)", re.I)
BETWEEN_SECONDS_RE = re.compile(rf"\bbetween (\d{{1,3}}) ?(?:{UNIT})? ?(?:and|&) (\d{{1,3}}) ?{UNIT}", re.I)
# ... but a decade said so ("80s vibe - can we try that?", "70s cop show - try that") is the era a style reader hears there
DECADE_S_RE = re.compile(r"[1-9]0s", re.I)
# A second counted by its number ("between second 30 and second 50", "from the 30th second"): that moment, in seconds
# ("between the 30th and the 50th second": both; not "the second 30 seconds", a second shot or cut)
SECOND_NUMBERED_RE = re.compile(r"\b(?:the )?second (\d{1,3})\b(?![:.]\d| ?(?:%|percent|bpm|db|s\b|secs?|seconds?|bars?|beats?|"
                                r"shots?|cuts?|times)\b)|\bthe (\d{1,3})(?:st|nd|rd|th) seconds?\b(?! (?:shot|cut|half|bar|beat)s?\b)|"
                                r"\bthe (\d{1,3})(?:st|nd|rd|th)(?= (?:and|to|till|until) (?:the )?\d{1,3}(?:st|nd|rd|th) seconds?\b)", re.I)
# A minute counted from the start ("in the first minute", "the opening minute", "in minute one"): its sixty seconds, as
# a count of seconds is read ("the first 60 seconds"); "after the first minute" is a moment (`place_words.MINUTES`), and
# so are "since minute 1", "starting at minute one" (place_words reads them as 1:00, as "from/after minute one")
FIRST_MINUTE_RE = re.compile(r"(?<!after )(?<!past )(?<!beyond )(?<!from )"
                             r"\b(?:the (?:first|opening) minute|(?<!since )(?<!starting at )minute (?:one|1))\b"
                             r"(?! (?:and|or)\b|:)", re.I)


def _mmss(s: str) -> str:
    return f"{int(s) // 60}:{int(s) % 60:02d}"


def _head_time(m: re.Match) -> str:
    """A note's heading in seconds as its clock time ("12s - too busy": 0:12), unless it is a decade that a style's
    words take in ("80s vibe -", "90s hip hop -": `cultures.evoked`): left as said."""
    if DECADE_S_RE.fullmatch(m[0].strip()):
        found = evoked(m.string)
        if found and any(h.start() <= m.start("s") < h.end() for h in found[1]):
            return m[0]
    return f"{m['pad']}{_mmss(m['s'])}"


def _span(m: re.Match) -> str:
    unit = "" if ":" in m[2] + m[3] else " seconds"
    return f"{m[1]} from {m[2]} to {m[3]}{unit}"


def timed(text: str, duration_s: float) -> str:
    """`text` with its spoken moments in clock or seconds form (see the module's docstring)."""
    text = place_words.ISH_RE.sub(r"\1", ARRIVED_RE.sub(lambda m: _arrived(m, duration_s), text))   # "once we hit the 20s": from 0:20
    text = HEAD_SECONDS_RE.sub(_head_time, text)   # "12s - ...": at 0:12
    text = SECOND_NUMBERED_RE.sub(lambda m: f"{m[1] or m[2] or m[3]} seconds", text)   # "second 30": 30 seconds
    text = FIRST_MINUTE_RE.sub("the first 60 seconds", text)   # "in the first minute": 0:00-1:00
    text = BETWEEN_SECONDS_RE.sub(lambda m: f"between {_mmss(m[1])} and {_mmss(m[2])}", text)
    text = SCENE_TIME_RE.sub(lambda m: m[0] if m[1] else f"{m[2]} {m[3]}", BRACKETED_RE.sub(r"\1", BRACKETED_SPAN_RE.sub(_span, text)))
    for pat, rep in MINUTE_SHARES:
        text = pat.sub(rep, text)
    text = SPOKEN_SECONDS_RE.sub(lambda m: f"{spoken_number(m[1].lower())} {m[2]}", text)   # "twenty seconds": 20 seconds
    text = COUNTED_IN_RE.sub(lambda m: f"{ABOUT.get((m.group(1) or '').lower(), m.group(1) or 'at')} {m.group(2)}", text)
    for _ in range(2):   # twice: "and one twenty eight" is a clock time once the one before it is read as one
        text = CLOCK_SAID_RE.sub(lambda m: _clock(m, duration_s), text)
    text = SPOKEN_END_RE.sub(lambda m: f"{m.group(1)}{spoken_number(m.group(2).lower())} seconds", text)
    text = HALF_RE.sub(lambda m: _half(m, text, duration_s), text)
    text = AT_WORD_RE.sub(lambda m: _bare(m, text, duration_s), text)
    return AT_DIGITS_RE.sub(lambda m: _bare(m, text, duration_s), text)
