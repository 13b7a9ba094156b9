"""Places counted on the person's own clip, in the everyday words people count them with, rewritten to the forms
`where`'s finders read: a time said roughly ("from around 1:30"), a minute mark ("between the one minute mark and
1:40"), a stretch to the end ("between 2:15 and the end"), a note opening on a bare intro or ending, shots counted
from the end ("the third-from-last shot") or by a cut ("the shot before the last cut"), the second end of a pair named
as the first ("from the sixth cut to the eighth"), a half said otherwise ("the back half"), seconds said after a
moment ("from 1:10 for 20 seconds"), and a tempo said from one value to another ("from 140 down to like 110").

    from v2m.agent.dialogue.counted import in_clause, in_request
    in_request("between 2:15 and the end, slower")   # "from 2:15 on, slower" (before the clauses are split)
    in_clause(" the third from last shot faster ")   # " the antepenultimate shot faster "

Called by `review_notation.notation` (the whole request) and `place_words.normalise` (one clause, lower case); the
ordinals and numbers said in words it counts with live here too (`place_words` reads them from here), and the one
reader of an ordinal or count as said, counted from either end (`said_number`, `index_of`, `nth`: `place_finders`,
`bar_places`, `cues` and `music_ends` count with them). Every pattern is compiled here and called by its own methods,
so a chat turn compiles none of them through `re`.
"""

from __future__ import annotations

import re

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
            "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "last": -1, "final": -1, "penultimate": -2,
            "antepenultimate": -3}
ORD = (r"(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th|last|final|"
       r"penultimate|antepenultimate|\d+(?:st|nd|rd|th)?)")
DIGITS_RE = re.compile(r"\d+")
UNIT_WORDS = "one two three four five six seven eight nine".split()
TEEN_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# The words that name a mark (`hit_words`' list for every reader) and what else is counted: after "2 soft" a count
# ("add 2 soft hits", "2 quick stabs"), never the texted "too" (`COUNTED_AFTER`: `spelling.PHONE`, `plainly.TOO_RE`)
MARK_NOUNS = r"(?:hit|accent|crash|stab|swell|sting|stinger|mark|boom|bang|slam|button)(?:e?s)?"
COUNTED_AFTER = rf"(?: [a-z]+)? (?:{MARK_NOUNS}|notes?|bars?|beats?|chords?|taps?|claps?|pauses?|breaks?)\b"
# A number said in words, 1 to 99: "seven", "seventeen", "forty", "thirty-five", "thirty five". A tens word never
# ends before "-five": hyphenated it is one number, so a pattern reading a stretch ("bars 9-12") cannot backtrack to
# "bar twenty" and a range "-" to "one" ("bar twenty-one" was the bars 20 to 1)
_UNITS = "|".join(UNIT_WORDS)
NUMBER_WORD = (rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[- ](?:{_UNITS})|(?!-(?:{_UNITS})))|{'|'.join(TEEN_WORDS)}|{_UNITS})")


def spoken_number(said: str) -> int:
    """The value of a number said in words ("thirty-five" -> 35)."""
    parts = re.split(r"[- ]", said)
    tens = 20 + 10 * TENS_WORDS.index(parts[0]) if parts[0] in TENS_WORDS else 0
    last = parts[-1]
    return tens + (UNIT_WORDS.index(last) + 1 if last in UNIT_WORDS else 10 + TEEN_WORDS.index(last)
                   if last in TEEN_WORDS else 0)


# An ordinal said in words past "tenth" ("the eleventh shot", "the twenty-first bar", "the thirtieth second"): said
# as digits ("11th", "21st", "30th") before any reader runs, so every ordinal pattern (`ORD`, `bar_places`) reads it
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
# (a "second" only after "the": "a twenty-second build", "a twenty second clip" are lengths; and never before a mark of
# time: "from the forty second mark" is 0:40)
TIME_MARK = r"(?:mark|marker|point|moment|spot|timestamp|time ?code)\b"
_T, _U = "|".join(TENS_WORDS), "|".join(_ORD_UNITS)
HIGH_ORDINAL_RE = re.compile(rf"(?:(?<=\bthe )(?P<t>{_T})[- ](?P<u>{_U})\b(?! {TIME_MARK})|\b(?P<th>{_T})-(?P<uh>{_U.replace('second|', '')})|"
                             rf"\b(?P<w>{'|'.join(_ORD_TENS + _ORD_TEENS)}))\b", re.I)


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _in_digits(m: re.Match) -> str:
    if w := (m["w"] or "").lower():
        n = 11 + _ORD_TEENS.index(w) if w in _ORD_TEENS else 20 + 10 * _ORD_TENS.index(w)
    else:
        n = 20 + 10 * TENS_WORDS.index((m["t"] or m["th"]).lower()) + _ORD_UNITS.index((m["u"] or m["uh"]).lower()) + 1
    return f"{n}{_suffix(n)}"


def ordinals_in_digits(text: str) -> str:
    """`text` with each ordinal said in words past "tenth" said in digits: "the twenty-first bar" -> "the 21st bar"."""
    return HIGH_ORDINAL_RE.sub(_in_digits, text)


# An ordinal counted from the end with its count: "2nd from last", "second to last", "third-from-the-last", "2nd last"
ORD_FROM_START = (rf"(?:{'|'.join(w for w, k in ORDINALS.items() if k > 0 and w.isalpha())}|"
                  r"\d+(?:st|nd|rd|th))")   # an ordinal said as one, counted from the start (`ORDINALS`' words)
_FROM_LAST = r"(?:[- ](?:from|to)[- ](?:the[- ])?|[- ])last"
FROM_LAST_SAID = rf"{ORD_FROM_START}{_FROM_LAST}"
FROM_LAST_SAID_RE = re.compile(rf"^({ORD_FROM_START}){_FROM_LAST}$")


def said_number(word: str) -> int:
    """The number an ordinal or a count as said names, in digits or words: "third", "3rd", "3", "three" are 3; "last"
    is -1, "penultimate" and "2nd from last" -2 (`ORDINALS`, `FROM_LAST_SAID`: counted from the end). The one reader of
    them for `nth`, the shots counted by a cut here and `bar_places`' bars."""
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    if counted := FROM_LAST_SAID_RE.match(word):
        return -said_number(counted[1])
    if digits := DIGITS_RE.match(word):
        return int(digits[0])
    return spoken_number(word)


def index_of(k: int, n: int) -> int | None:
    """The index (from 0) of the `k`th of `n` things, counted from the end when `k` is below 1 (-1 the last, as
    `said_number` reads "last"); None past either end."""
    i = k - 1 if k > 0 else n + k
    return i if 0 <= i < n else None


def nth(word: str, n: int) -> int | None:
    """The index (from 0) of the one of `n` things an ordinal as said names ("third", "3rd", "3"; "last", "penultimate"
    counted from the end); None past either end."""
    return index_of(said_number(word), n)


# "between the one minute mark and 1:40", "until the two-minute mark": that moment; said alone, after it
MINUTE_MARK_RE = re.compile(rf"\b(?:(between|and|to|until|till|before|by|at|up to|around|from|after|since|past) )?the "
                            rf"(\d+|{NUMBER_WORD})[- ]minute[- ](?:mark|point)\b", re.I)


def _minute_mark(m: re.Match) -> str:
    return f"{m.group(1) or 'after'} {m.group(2) if m.group(2).isdigit() else spoken_number(m.group(2).lower())}:00"


# "from around 1:30", "between about 0:20 and roughly 0:40": a time said roughly is that time
ROUGHLY_RE = re.compile(r"\b(from|after|since|between|and|to|until|till|before|past|starting at|starting from) (?:around|"
                        r"about|roughly|approximately|approx|circa|somewhere around|more or less)(?= \d)", re.I)
# A note that opens on a bare first or last shot ("Opening should be slower and quieter", "Ending way too loud"): that
# place, as if "the" were said (not "opening of the store", "ending credits")
BARE_END_RE = re.compile(r"^\s*(intro|opening|outro|ending)\b(?! (?:of|credits?|titles?|scenes?|shots?|lines?|sequence)\b)")
# Counted from the end: "the second last shot", "the third-from-last cut", "the 3rd shot from the end"
FROM_LAST_RE = re.compile(r"\b(second|2nd|third|3rd)(?:[- ]from[- ](?:the[- ])?|[- ])last\b(?! (?:two|three|four|few|\d))"
                          r"|\b(second|2nd|third|3rd) (shot|cut) from (?:the )?(?:last|end)\b")
FROM_LAST = {"second": "penultimate", "2nd": "penultimate", "third": "antepenultimate", "3rd": "antepenultimate"}
# The shot on one side of a counted cut: "the shot before the last cut" (the one leading into it), "the shot after the
# third cut" (the fourth shot); a cut counted from the end names the shot counted from the end
SHOT_BY_CUT_RE = re.compile(rf"\bthe (?:shot|scene) (?:just |right |immediately )?(before|after|following|preceding|leading "
                            rf"(?:up )?(?:in)?to) (?:the )?{ORD} cut\b")
FROM_END = {-1: "last", -2: "penultimate", -3: "antepenultimate"}


def _from_last(m: re.Match) -> str:
    return f"{FROM_LAST[m.group(1)]}" if m.group(1) else f"{FROM_LAST[m.group(2)]} {m.group(3)}"


def _shot_by_cut(m: re.Match) -> str:
    k = said_number(m.group(2))
    after = m.group(1) in ("after", "following")
    if k > 0:
        return f"shot {k + 1 if after else k}"
    return f"the {FROM_END[j]} shot" if (j := k if after else k - 1) in FROM_END else m.group(0)


# "from the sixth cut to the eighth", "between the 2nd shot and the 4th": the second named as the first
ORD_SAID = ORD.replace(r"|\d+(?:st|nd|rd|th)?", r"|\d+(?:st|nd|rd|th)")   # an ordinal said as one ("to 50" is a time)
PAIR_RE = re.compile(rf"\b((?:from|between) (?:the )?{ORD} (cut|shot)s? (?:to|and|until|till|through) (?:the )?{ORD_SAID})\b"
                     rf"(?! (?:cut|shot)s?\b)", re.I)
# "the back half", "the latter half": the second half; "from 1:10 for 20 seconds": the 20 seconds after 1:10
HALF_RE = re.compile(r"\b(?:the )?(back|front|latter|former|later|earlier) half\b")
HALVES = {"back": "second", "latter": "second", "later": "second", "front": "first", "former": "first", "earlier": "first"}
FOR_SECONDS_RE = re.compile(r"\bfrom (\d+:\d{2}(?:\.\d+)?|\d+(?:\.\d+)?) ?(?:s|secs?|seconds)? for (?:about |around )?"
                            r"(?:the next )?(\d+(?:\.\d+)?) ?(s|secs?|seconds)\b")
# "between 2:15 and the end", "between the 3rd cut and the very end": from there on (not two places, that and the ending)
BETWEEN_END_RE = re.compile(r"\bbetween (?!(?:the )?(?:very )?(?:start|beginning|top|first frame)\b)([^,;.!?]{1,30}?) "
                            r"and the (?:very )?(?:end|finish)\b", re.I)
# A tempo said from one value to another ("go from 140 down to like 110", "from 90 bpm up to 100"): the tempo to
# set, never a stretch of seconds (those go "from 0:30 to 0:40", with no "down" or "up" between)
TEMPO_FROM_RE = re.compile(r"\bfrom (\d{2,3}) ?(?:bpm )?((?:back )?(?:down|up)) to (?:like |about |around |roughly |maybe )?"
                           r"(\d{2,3})(?! ?(?:s|secs?|seconds|%|db|lufs)\b)(?: ?bpm\b)?", re.I)
# A counted place named in one clause, and a bare ordinal in a later one ("make the second shot quieter; speed up the
# fifth", "shot 2 louder, the third one too"): the same kind of place (not "the first time", "the last 10 seconds",
# nor the whole number of a decimal: "to the 44.5 second mark")
NAMED_RE = re.compile(rf"\b(?:(?:the )?{ORD} (shot|cut)|(shot|cut) (?:number |no\.? |#)?\d+)\b", re.I)   # "from fourth shot"
BARE_RE = re.compile(rf"\bthe {ORD}(?: one)?(?=\s*(?:[,;!?]|\.(?!\d)|$)|\s+(?:too|is|should|needs?|could|please|pls|as well|and|"
                     rf"then|but|with|more|less|a bit|a little)\b)", re.I)


def _ellipsis(text: str) -> str:
    """`text` with each bare ordinal after a counted shot or cut named as that kind of place too."""
    nouns = [(m.start(), (m.group(2) or m.group(3)).lower()) for m in NAMED_RE.finditer(text)]

    def named(m: re.Match) -> str:
        before = [noun for at, noun in nouns if at < m.start()]
        return f"the {m.group(1)} {before[-1]}" if before else m.group(0)
    return BARE_RE.sub(named, text)


# A time said roughly and said to be where the picture cuts ("at 1:44 or so, right where it cuts", "around 0:20, on
# the cut"): the cut nearest that time, as "the cut at 1:44" is
CUT_THERE_RE = re.compile(r"\b(at |around |about |roughly |approximately )?(\d{1,2}:\d{2}(?:\.\d+)?)(?: or so| or thereabouts|-?ish)?,? "
                          r"(?:right |just |exactly )?(?:(?:where|when|as) (?:it|the (?:picture|video|shot|clip|footage)) "
                          r"(?:cuts|changes)|(?:on|at) the (?:cut|edit))\b", re.I)


# A clock time dictated in words ("at two forty one", "from one oh six to one fifty two", "from zero fifteen to zero
# thirty"): minutes 0-9, then the seconds ("oh six", "fifteen", "fifty two"), after a word of place, or after "to"/"and"
# closing a stretch begun so; never a tempo ("keep the tempo at one twenty", "one twenty bpm": `amounts` reads those)
_MINUTE = rf"(?:zero|oh|{'|'.join(UNIT_WORDS)})"
_SECONDS = (rf"(?:oh[- ](?:{'|'.join(UNIT_WORDS)})|{'|'.join(TEEN_WORDS)}|(?:{'|'.join(TENS_WORDS[:4])})"
            rf"(?:[- ](?:{'|'.join(UNIT_WORDS)}))?)")
SPOKEN_CLOCK_RE = re.compile(rf"\b(at|from|after|before|until|till|since|past|around|between|(?<=\d )(?:to|and|till|until|"
                             rf"through)) ({_MINUTE}) ({_SECONDS})\b(?! ?(?:bpm|beats|percent|%|db)\b)", re.I)
TEMPO_SAID_RE = re.compile(r"\b(?:tempo|bpm|speed|pace)\b[^,.;!?]{0,20}$", re.I)


def _clock(m: re.Match) -> str:
    if TEMPO_SAID_RE.search(m.string[:m.start()]):
        return m.group(0)
    minutes = 0 if m.group(2).lower() in ("zero", "oh") else spoken_number(m.group(2).lower())
    return f"{m.group(1)} {minutes}:{spoken_number(m.group(3).lower().replace('oh', '').strip(' -')):02d}"


def spoken_clocks(text: str) -> str:
    """`text` with its clock times said in words written as times ("from one oh six to one fifty two": "from 1:06 to
    1:52"), each stretch's end read after its start."""
    return SPOKEN_CLOCK_RE.sub(_clock, SPOKEN_CLOCK_RE.sub(_clock, text))


# A place glossed in brackets after a word the finders may not know ("from look 6 on (the 6th shot)", "after the
# toast (shot 4)"): the gloss is the place, said with the first one's "from ... on"
GLOSS_RE = re.compile(rf"\b(from|after|since|starting (?:at|from|with)) [^,;.!?()]{{1,30}}?( on| onwards?)? ?\(\s*(?:i\.?e\.? |"
                      rf"aka |so |that'?s |which is |=\s*)?((?:the )?{ORD} (?:shot|cut|scene|clip)|(?:shot|cut|scene|clip) \d+)\s*\)",
                      re.I)


# A moment said to be at a place, then "there" ("the finale look is at 1:12, stop dead there", "the kiss happens on the
# third cut - a crash there"): that place, not where the last edit was
SAID_THERE_RE = re.compile(r"\b(?:is|are|'s|comes?|happens?|starts?|begins?|lands?) (?P<at>at|on) (?P<place>\d+:\d{2}(?:\.\d+)?|"
                           rf"the {ORD} cut)\b(?P<mid>[^.!?]*?)\b(?:right |just )?there\b(?! (?:is|are|was|were|'s)\b)", re.I)


# A time said first, then "there" in the same sentence, with no other time between ("around 0:17 the lead actor bows,
# put a hit right there"): that time (not a stretch's side: "from 0:10 to 0:20, softer there", "no bass after 0:40, and
# faster there" are left to the places)
TIME_THERE_RE = re.compile(r"(?<!to )(?<!till )(?<!until )(?<!-)(?<!- )(?<!after )(?<!from )(?<!since )(?<!before )\b(?P<place>\d+:\d{2}(?:\.\d+)?)\b(?P<mid>[^.!?\d]*?)"
                           r"(?:\b(?P<prep>in|at|on|from|since|until|till|after|before) )?\b(?:right |just )?there\b(?!'s| (?:is|are|was|were)\b)", re.I)


def there_timed(text: str) -> str:
    """"around 0:17 he bows, a hit right there": "... a hit at 0:17" (`TIME_THERE_RE`)."""
    return TIME_THERE_RE.sub(lambda m: f"{m['place']}{m['mid']}{m['prep'] if m['prep'] and m['prep'].lower() not in ('in', 'on') else 'at'}"
                                       f" {m['place']}", text)   # "from there": from that time


def _there(m: re.Match) -> str:
    return m.group(0)[:m.start("mid") - m.start()] + m.group("mid") + f"{m.group('at')} {m.group('place')}"


def in_request(text: str) -> str:
    """A whole request (as typed) with its counted places rewritten before its clauses are split."""
    text = SAID_THERE_RE.sub(_there, spoken_clocks(text))   # "the kiss is at two forty one, a crash there": at 2:41
    text = there_timed(text)
    text = GLOSS_RE.sub(lambda m: f"{m.group(1)} {m.group(3)}{' on' if m.group(2) else ''}", text)
    text = CUT_THERE_RE.sub(lambda m: f"{'on ' if m.group(1) else ''}the cut at {m.group(2)}", text)   # "from ...": kept
    text = BETWEEN_END_RE.sub(r"from \1 on", MINUTE_MARK_RE.sub(_minute_mark, text))
    text = TEMPO_FROM_RE.sub(r"\2 to \3 bpm", text)   # "from 140 down to 110": down to 110 bpm
    return _ellipsis(PAIR_RE.sub(lambda m: f"{m.group(1)} {m.group(3)}", text))


def in_clause(text: str) -> str:
    """One clause (lower case, padded) with its counted places rewritten."""
    text = BARE_END_RE.sub(r" the \1", ROUGHLY_RE.sub(r"\1", MINUTE_MARK_RE.sub(_minute_mark, text)))
    text = SHOT_BY_CUT_RE.sub(_shot_by_cut, FROM_LAST_RE.sub(_from_last, text))
    text = PAIR_RE.sub(lambda m: f"{m.group(1)} {m.group(3)}", text)
    return FOR_SECONDS_RE.sub(r"the \2 \3 after \1", HALF_RE.sub(lambda m: f"the {HALVES[m.group(1)]} half", text))
