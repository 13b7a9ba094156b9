"""Rewordings written by a procedure unlike `metamorphic_transforms`' (which vary the grammar's own surface: an
ordinal for a numeral, a place moved to the front): what people do to a request when they type or say it. Each is
small and deterministic, returns None where it does not apply, and keeps the meaning:

    clause_swap    "slower, from the second cut" <-> "from the second cut, slower" (a place clause and the rest)
    count_word     "the third cut" -> "cut three"; "shot 3" -> "the 3rd shot"
    seconds_words  "the last 8 seconds" -> "the last eight seconds"; "at 45 seconds" -> "at forty-five seconds"
    time_format    "at 0:07" -> "at 7s"; "at 18 sec" -> "at 0:18"
    hedge          "kinda slower"; "maybe add strings"; "i think the drums are too loud"
    reason         "... because the client asked" (one sentence, no question)
    text_speak     "u", "pls", "rn", "b4", "thru", "r", no apostrophes
    emphasis_caps  "make it LOUDER", "NO drums in the intro"
    dictated       lower case, no punctuation (times kept), "uh" where a comma paused
    emoji          "... 🙏"
    polite_frame   "would you mind making it louder?"
    greeting       "hi there! ..."
"""

from __future__ import annotations

import re

from metamorphic_transforms import NUM, NUMBERED_RE, ORD, _imperative, _number, _strip_end

PLACE_NOUNS = (r"(?:shots?|cuts?|scenes?|section|intro|outro|ending|end|half|start|beginning|middle|opening|finale|"
               r"climax|bit|part|seconds?|secs?|minute|\d?\d:\d\d(?:\.\d)?|\d+ ?s)")
COUNTED = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|next|\d+(?:st|nd|rd|th))"
# a clause that is only a place: a preposition and a place ("from the second cut", "only in the ending", "at 0:20 on"),
# or a counted one ("the last shot", "shot 3", "the last 8 seconds")
PLACE_CLAUSE_RE = re.compile(rf"^(?:(?:only|just|but|and|also) )?(?:(?:from|in|at|after|before|during|until|till|for|over|"
                             rf"throughout|between|on|around) (?:[\w':.-]+ ){{0,4}}?{PLACE_NOUNS}(?: \d{{1,2}})?"
                             rf"|(?:the )?{COUNTED} (?:\d+ )?(?:shots?|cuts?|scenes?|seconds)|(?:shots?|cuts?) \d{{1,2}})"
                             r"(?: on| onwards?)?$", re.I)
TWO_CLAUSES_RE = re.compile(r"^(?P<a>[^,;:.!?]+), (?P<b>[^,;:.!?]+?)(?P<end>[.!?]?)$")
ORDINAL_UNIT_RE = re.compile(rf"\bthe ({'|'.join(ORD[1:])}) (shot|cut|scene)\b(?!s)", re.I)
SUFFIX = {1: "st", 2: "nd", 3: "rd"}
SECONDS_RE = re.compile(r"(?<![\d:.])\b(\d{1,2}) ?(seconds|second|secs|sec|s)\b(?![\d:.])", re.I)
CLOCK_RE = re.compile(r"(?<![\d:.-])(?<![-–] )\b0?0:(\d\d)\b(?![\d:.])(?!\s*[-–]\s*\d)")
SPOKEN_AT_RE = re.compile(r"\b(at|from|after|before|until|till|by|around) (\d{1,2}) ?(?:seconds|secs|sec|s)\b(?![\d:.]| in\b)", re.I)
COMPARATIVE_RE = re.compile(r"(?<![\d%] )(?<!percent )\b(?:slower|faster|louder|quieter|softer|darker|brighter|calmer|busier|bigger|warmer|"
                            r"heavier|lighter|punchier|sparser|quicker|happier|sadder|fuller|thinner|gentler|"
                            r"more|less)\b(?! than\b)", re.I)
EMPHASIS_RE = re.compile(r"\b(?:slower|faster|louder|quieter|softer|darker|brighter|calmer|busier|bigger|warmer|"
                         r"heavier|quicker|happier|sadder|much|way|too|no|more|less|never|only|all)\b", re.I)
NOUN_VERB_RE = re.compile(r"(?:double|half) time\b", re.I)   # "double time the last two shots": no gerund
NOUN_PHRASE_RE = re.compile(r"(?:a|an|some|more|less|no) ", re.I)
STATEMENT_RE = re.compile(r"(?:the|it|it's|its|this|that|that's|everything|music|song|i|we) ", re.I)
TEXT_SPEAK = ((r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bright now\b", "rn"),
              (r"\bbecause\b", "cuz"), (r"\bthough\b", "tho"), (r"\bthrough\b", "thru"), (r"\bbefore\b", "b4"),
              (r"\bare\b", "r"), (r"\bthanks\b", "thx"), (r"\bokay\b", "ok"), (r"'", ""), (r"’", ""))
TEXT_SPEAK_RE = tuple((re.compile(p, re.I), r) for p, r in TEXT_SPEAK)
PUNCT_RE = re.compile(r"(?<!\d)[.:](?!\d)|[.:](?=\s|$)|[,;!?\"()]")
DOUBLED = frozenset("cut put drop swap stop set get let strip chop trim ditch".split()) - {"ditch"}


def _lower_first(t: str) -> str:
    return t[:1].lower() + t[1:]


def clause_swap(t):
    """Two clauses, one of them only a place: said the other way round."""
    m = TWO_CLAUSES_RE.match(t.strip())
    if not m:
        return None
    a, b, end = m["a"].strip(), m["b"].strip(), m["end"]
    if bool(PLACE_CLAUSE_RE.match(a)) == bool(PLACE_CLAUSE_RE.match(b)):
        return None
    first = b[:1].upper() + b[1:] if t[:1].isupper() else _lower_first(b)
    second = a if a.split()[0] == "I" or a.split()[0].isupper() and len(a.split()[0]) > 1 else _lower_first(a)
    return f"{first}, {second}{end}"


def count_word(t):
    """"the third cut" -> "cut three"; "cut 3" -> "the 3rd cut"."""
    new = ORDINAL_UNIT_RE.sub(lambda m: f"{m[2].lower()} {NUM[ORD.index(m[1].lower())]}", t)
    if new != t:
        return new
    return NUMBERED_RE.sub(lambda m: f"the {int(m[2])}{SUFFIX.get(int(m[2]) % 10 if int(m[2]) not in (11, 12, 13) else 0, 'th')} "
                           f"{m[1].lower()}" if int(m[2]) > 0 else m[0], t)


def seconds_words(t):
    """A number of seconds in words: "the last 8 seconds" -> "the last eight seconds"."""
    def say(m):
        n = _number(int(m[1]))
        unit = "seconds" if m[2].lower() == "s" else m[2]
        return f"{n} {unit}" if n and int(m[1]) else m[0]
    return SECONDS_RE.sub(say, t)


def time_format(t):
    """A moment in another format: "at 0:07" -> "at 7s"; "at 18 sec" -> "at 0:18"."""
    new = CLOCK_RE.sub(lambda m: f"{int(m[1])}s" if int(m[1]) else m[0], t)
    if new != t:
        return new
    return SPOKEN_AT_RE.sub(lambda m: f"{m[1]} 0:{int(m[2]):02d}" if int(m[2]) < 60 else m[0], t)


def hedge(t):
    """"kinda" before a comparative, else "maybe" before an imperative, else "i think" before a statement."""
    if COMPARATIVE_RE.search(t) and not re.search(r"\b(?:much|way|a lot|a bit|a little|slightly|too|no) (?:more|less|\w+er)\b", t, re.I):
        return COMPARATIVE_RE.sub(lambda m: "kinda " + m[0], t, count=1)
    if _imperative(t) or NOUN_PHRASE_RE.match(t):
        return "maybe " + _lower_first(t)
    return "i think " + _lower_first(t) if STATEMENT_RE.match(t) and not t.rstrip().endswith("?") else None


def reason(t):
    """A reason that asks nothing of the music: "... because the client asked"."""
    s = t.rstrip()
    return None if "?" in s or re.search(r"[.!?] ", s) else _strip_end(s) + " because the client asked"


def text_speak(t):
    for pat, rep in TEXT_SPEAK_RE:
        t = pat.sub(rep, t)
    return t


def emphasis_caps(t):
    """One word said with emphasis, in capitals: "make it LOUDER"."""
    return EMPHASIS_RE.sub(lambda m: m[0].upper(), t, count=1)


def dictated(t):
    """As a phone's dictation writes it: lower case, no punctuation but in times and numbers, "uh" at a comma."""
    s = t.strip().lower()
    s = re.sub(r",\s*", " uh ", s, count=1)
    s = PUNCT_RE.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip()


def emoji(t):
    return t.rstrip() + " 🙏"


def _gerund(verb: str) -> str:
    v = verb.lower()
    if v in DOUBLED:
        return v + v[-1] + "ing"
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    return v + "ing"


def polite_frame(t):
    """"make it louder" -> "would you mind making it louder?"."""
    if not _imperative(t) or NOUN_VERB_RE.match(t) or re.search(r"[.!?] ", t.strip()):
        return None
    first, _, rest = t.strip().partition(" ")
    return f"would you mind {_gerund(first)}{' ' + _strip_end(rest) if rest else ''}?"


def greeting(t):
    return "hi there! " + t


TRANSFORMS = {f.__name__: f for f in (clause_swap, count_word, seconds_words, time_format, hedge, reason, text_speak,
                                      emphasis_caps, dictated, emoji, polite_frame, greeting)}
