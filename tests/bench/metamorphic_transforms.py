"""The meaning-keeping rewordings bench_metamorphic applies: each a small deterministic function from a sentence to
another way of saying it, or None where it does not apply (a request that names no shot has no ordinal to say)."""

from __future__ import annotations

import re

# first words that make a sentence an imperative ("could you make it louder?" keeps its meaning)
IMPERATIVE = frozenset("""make add bring turn cut drop speed slow take give put remove change lower raise boost push
pull keep swap switch fade start end use try lose kill mute get go build play move set shift lift tone calm pump
crank replace mix throw lay stick ditch strip give layer let double halve mellow soften brighten darken""".split())
ORD = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth"]
NUM = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
       "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}
UNITS = r"(shot|cut|scene|section)"
NOT_RANGE = r"(?!\s*(?:-|–|to|through|thru|and|or|&|,)\s*\d)(?![\d:.])"
NUMBERED_RE = re.compile(rf"\b{UNITS} (\d{{1,2}})\b{NOT_RANGE}", re.I)
ORDINAL_RE = re.compile(rf"\bthe ({'|'.join(ORD[1:])}) {UNITS}\b(?!s)", re.I)
TIME = r"0?0:(\d\d)(?![\d:.])(?!\s*[-–]\s*\d)"
TIME_RE = re.compile(rf"\b(at|after|before|from|until|till|to|by|around) {TIME}", re.I)
AT_TIME_RE = re.compile(rf"\bat {TIME}", re.I)
FROM_TO_RE = re.compile(r"\bfrom (\d?\d:\d\d) (?:to|till|until|-) (\d?\d:\d\d)\b(?![\d:.])", re.I)
BETWEEN_RE = re.compile(r"\bbetween (\d?\d:\d\d) and (\d?\d:\d\d)\b(?![\d:.])", re.I)
PLACE_WORDS = r"(?:shots?|cuts?|section|intro|outro|ending|end|half|chorus|verse|bridge|drop|start|beginning|middle|part|bit)"
TRAILING_PLACE_RE = re.compile(r"^(?P<body>(?:(?!\b(?:from|into|to|at|in|until|till|before|after)\b)[^,;:.?])+?)\s+(?P<place>(?:in|during|for|over|throughout|at|after|before|until|from)"
                               rf"\s+(?:the\s+)?(?:[\w']+\s+){{0,3}}?{PLACE_WORDS}(?:\s+\d{{1,2}})?)\s*[.!]?$", re.I)
FRONTED_PLACE_RE = re.compile(r"^(?P<place>(?:in|during|for|over|at|after|before|until|from)\s+(?:the\s+)?"
                              rf"(?:[\w']+\s+){{0,3}}?{PLACE_WORDS}(?:\s+\d{{1,2}})?),\s*(?P<body>[^,;:.?]+?)\s*[.!]?$", re.I)
IN_SHOT_END_RE = re.compile(r"^(?P<body>.+?)\s+(?:in|during|on) (?P<place>shot \d{1,2}|the \w+ shot)\s*[.!]?$", re.I)
PERCENT_RE = re.compile(r"\b(\d+) ?%")
PERCENT_WORD_RE = re.compile(r"\b(\d+) percent\b", re.I)
EXPAND = {"don't": "do not", "doesn't": "does not", "isn't": "is not", "can't": "cannot", "won't": "will not",
          "it's": "it is", "that's": "that is", "there's": "there is", "i'm": "i am", "we're": "we are",
          "you're": "you are", "it'll": "it will", "i'd": "i would", "shouldn't": "should not", "wasn't": "was not",
          "didn't": "did not", "aren't": "are not", "what's": "what is", "let's": None, "i've": "i have"}
CONTRACT = {v: k for k, v in EXPAND.items() if v}
EXPAND_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k, v in EXPAND.items() if v) + r")\b", re.I)
CONTRACT_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in CONTRACT) + r")\b", re.I)
BRITISH = {"color": "colour", "colors": "colours", "colorful": "colourful", "center": "centre", "favorite": "favourite",
           "gray": "grey", "emphasize": "emphasise", "emphasized": "emphasised", "harmonize": "harmonise",
           "synchronize": "synchronise", "synchronized": "synchronised", "theater": "theatre", "rumor": "rumour",
           "humor": "humour", "mellow": None, "organize": "organise", "realize": "realise", "program": "programme",
           "behavior": "behaviour", "flavor": "flavour", "harbor": "harbour", "honor": "honour",
           "dramatize": "dramatise", "optimize": "optimise", "stabilize": "stabilise", "energize": "energise"}
AMERICAN = {v: k for k, v in BRITISH.items() if v}
SPELL_RE = re.compile(r"\b(" + "|".join(k for k, v in {**BRITISH, **AMERICAN}.items() if v) + r")\b", re.I)
MAKE_IT_RE = re.compile(r"^(make|turn|bring|take|get) it\b", re.I)
MAKE_MUSIC_RE = re.compile(r"^(make|turn|bring|take|get) the (music|track|song|score)\b", re.I)
LONG_WORD_RE = re.compile(r"\b[a-z]{7,}\b")


def _case_like(src: str, out: str) -> str:
    return out[:1].upper() + out[1:] if src[:1].isupper() else out


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(".!")


def _imperative(text: str) -> bool:
    w = re.match(r"[a-z']+", text.strip().lower())
    return bool(w) and w.group(0) in IMPERATIVE


def _number(n: int) -> str | None:
    if n < len(NUM):
        return NUM[n]
    tens, unit = divmod(n, 10)
    return TENS.get(10 * tens) and (TENS[10 * tens] + (f"-{NUM[unit]}" if unit else ""))


def could_you(t):
    return "could you " + t[0].lower() + _strip_end(t)[1:] + "?" if _imperative(t) else None


def please_end(t):
    return _strip_end(t) + " please" if _imperative(t) else None


def please_start(t):
    return "please " + t[0].lower() + t[1:] if _imperative(t) else None


def hey(t):
    return "hey, " + t[0].lower() + t[1:]


def thanks(t):
    return _strip_end(t) + ", thanks!"


def lower(t):
    return t.lower()


def caps(t):
    return t.upper()


def no_punct(t):
    return t.rstrip().rstrip(".!?") if t.rstrip()[-1:] in ".!?" else None


def full_stop(t):
    return t + "." if t.rstrip()[-1:] not in ".!?" else None


def ordinal(t):
    """"shot 3" -> "the third shot"."""
    return NUMBERED_RE.sub(lambda m: f"the {ORD[int(m.group(2))]} {m.group(1).lower()}" if 0 < int(m.group(2)) < len(ORD)
                           else m.group(0), t)


def numeral(t):
    """"the third shot" -> "shot 3"."""
    return ORDINAL_RE.sub(lambda m: f"{m.group(2).lower()} {ORD.index(m.group(1).lower())}", t)


def number_word(t):
    """"shot 3" -> "shot three"."""
    return NUMBERED_RE.sub(lambda m: f"{m.group(1)} {NUM[int(m.group(2))]}" if int(m.group(2)) < len(NUM)
                           else m.group(0), t)


def time_seconds(t):
    """"at 0:20" -> "at 20 seconds"."""
    return TIME_RE.sub(lambda m: f"{m.group(1)} {int(m.group(2))} seconds" if int(m.group(2)) else m.group(0), t)


def time_words(t):
    """"at 0:20" -> "at twenty seconds"."""
    def say(m):
        n = _number(int(m.group(2)))
        return f"{m.group(1)} {n} seconds" if n and int(m.group(2)) else m.group(0)
    return TIME_RE.sub(say, t)


def time_mark(t):
    """"at 0:20" -> "at the 20 second mark"."""
    return AT_TIME_RE.sub(lambda m: f"at the {int(m.group(1))} second mark" if int(m.group(1)) else m.group(0), t)


def seconds_in(t):
    """"at 0:20" -> "20 seconds in"."""
    return AT_TIME_RE.sub(lambda m: f"{int(m.group(1))} seconds in" if int(m.group(1)) else m.group(0), t)


def between(t):
    """"from 0:20 to 0:30" <-> "between 0:20 and 0:30"."""
    new = FROM_TO_RE.sub(r"between \1 and \2", t)
    return new if new != t else BETWEEN_RE.sub(r"from \1 to \2", t)


def place_front(t):
    """"louder in shot 3" -> "in shot 3, louder"; "in shot 3, louder" -> "louder in shot 3"."""
    m = TRAILING_PLACE_RE.match(t.strip())
    if m and len(m.group("body").split()) >= 1:
        return f"{m.group('place')[0].lower()}{m.group('place')[1:]}, {m.group('body')[0].lower()}{m.group('body')[1:]}"
    m = FRONTED_PLACE_RE.match(t.strip())
    return f"{m.group('body')} {m.group('place')[0].lower()}{m.group('place')[1:]}" if m else None


def place_colon(t):
    """"louder in shot 3" -> "shot 3: louder"."""
    m = IN_SHOT_END_RE.match(t.strip())
    return f"{m.group('place')}: {m.group('body')[0].lower()}{m.group('body')[1:]}" if m else None


def um(t):
    return "um, " + t[0].lower() + t[1:]


def just(t):
    return "just " + t[0].lower() + t[1:] if _imperative(t) else None


def so_like(t):
    return "so like, " + t[0].lower() + t[1:]


def expand(t):
    return EXPAND_RE.sub(lambda m: _case_like(m.group(0), EXPAND[m.group(0).lower()]), t)


def contract(t):
    return CONTRACT_RE.sub(lambda m: _case_like(m.group(0), CONTRACT[m.group(0).lower()]), t)


def typo(t):
    """One typo: the longest word's third and fourth letters swapped."""
    words = LONG_WORD_RE.findall(t)
    if not words:
        return None
    w = max(words, key=len)
    if w[2] == w[3]:
        return None
    return t.replace(w, w[:2] + w[3] + w[2] + w[4:], 1)


def the_music(t):
    """"make it louder" <-> "make the music louder"."""
    new = MAKE_IT_RE.sub(r"\1 the music", t)
    return new if new != t else MAKE_MUSIC_RE.sub(r"\1 it", t)


def british(t):
    return SPELL_RE.sub(lambda m: _case_like(m.group(0), {**BRITISH, **AMERICAN}[m.group(0).lower()]), t)


def percent(t):
    new = PERCENT_RE.sub(r"\1 percent", t)
    return new if new != t else PERCENT_WORD_RE.sub(r"\1%", t)


TRANSFORMS = {f.__name__: f for f in (could_you, please_end, please_start, hey, thanks, lower, caps, no_punct,
                                      full_stop, ordinal, numeral, number_word, time_seconds, time_words, time_mark,
                                      seconds_in, between, place_front, place_colon, um, just, so_like, expand,
                                      contract, typo, the_music, british, percent)}
