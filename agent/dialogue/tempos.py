"""How a change of tempo (or of the meter: "make it 4/4", "waltz time") is said, read from one clause of a request: an amount after the change ("increase the
tempo by 10%", "slow it down 8 bpm"), an amount before it ("5 bpm faster", "10% slower"), a tempo to set ("take it
to 90"), half or double time, or a plain direction with its size ("a bit faster").

    from v2m.agent.dialogue import tempos
    rest = tempos.read(clause, "increase the tempo by 10%")   # clause.want("tempo", direction="up", amount=10, ...)

One of the clause parsers of `v2m.agent.dialogue.edits` (moved out of edits.py at 400 lines); `clause` is its
`Clause` (anything with `want(what, **fields)`).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.amounts import magnitude
from v2m.agent.dialogue.compared import EARLIER, ordered
from v2m.agent.dialogue.orchestration import eat
from v2m.agent.dialogue.phrases import FAST_RE, GRADUAL, SLOW_RE, TEMPO_NUMBER
from v2m.agent.dialogue.place_words import END_WORDS, START_WORDS, only_place
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import MAX_TEMPO_BPM, MIN_TEMPO_BPM

# The amount said after a change of tempo ("up the tempo by about 10%", "slow it down 8 bpm"), a few words on at
# most and never after "to" or "at" ("slow it down to 90 bpm" sets the tempo)
BY_AMOUNT = (r"(?: (?!to\b|at\b|than\b|from\b|until\b|in\b|on\b)[a-z]+){0,3}? (?:by )?(?:about |around |roughly |some |maybe )?"
             r"(\d{1,3}(?:\.\d+)?) ?(%|percent\b|bpm\b|beats per minute\b)")

# An amount of bpm no tempo could be ("knock 5 bpm off", "take it down 10 bpm", "add 6 bpm"), or said with "by",
# beside a word of direction: a change by that much, never a tempo to set (that is said "to 90", "at 90")
BPM_CHANGE_RE = re.compile(r"(?<!\bto )(?<!\bat )(?:by )?\b(\d{1,3}(?:\.\d+)?) ?(?:bpm|beats per minute)\b")
DOWN_WORDS = r"\b(?:down|off|lower|less|minus|drop|knock|shave|trim|reduce|decrease|subtract|take away|fewer)\b"
UP_WORDS = r"\b(?:up|add|plus|bump|raise|increase|extra|more)\b"


# A bare number said as the place's pace ("shot 3 at 140", "the ending at 90"), with nothing but the place beside it:
# a tempo when no moment of the clip could be that many seconds in
BARE_TEMPO_RE = re.compile(rf"\b(?:at|to) (?=(\d+)){TEMPO_NUMBER}")
# the words of a part of the score by its place ("the ending", "the middle bit"), taken out before only_place reads the rest
PART_WORD_RE = re.compile(rf"\b(?:{'|'.join(START_WORDS + END_WORDS)}|middle|climax|bit|part)\b")


def _bare_tempo(c, t: str) -> re.Match | None:
    """A bare number said at the clause's place that can only be a tempo ("shot 3 at 140" on a 60 s clip), or None;
    never beside an edit another reader took ("lower the bass to 90": that level's, no tempo)."""
    m = None if getattr(c, "intents", None) else BARE_TEMPO_RE.search(t)
    if m is None or not MIN_TEMPO_BPM <= (bpm := float(m.group(1))) <= MAX_TEMPO_BPM:
        return None
    return m if bpm > getattr(getattr(c, "analysis", None), "duration_s", MAX_TEMPO_BPM) and \
        only_place(PART_WORD_RE.sub(" ", eat(t, m))) else None


def _moment(c, m: re.Match) -> bool:
    """"bring it back at 21" on a clip that long: a moment of the clip, never 21 BPM ("take it to 90", "set it at 30" are tempos)."""
    said = m.group(0).split()
    return said[-2] == "at" and said[0] != "set" and float(m.group(1)) <= getattr(getattr(c, "analysis", None), "duration_s", 0.0)


# A meter said ("make it 4/4", "in 3/4 like a waltz", "waltz time", "common time"): the beats of every bar
METER_RE = re.compile(r"\b(waltz|common|march) time\b|\b(three|four|two)[- ]four(?: time)?\b")   # "4/4" is "four-four time"
# The meter named as a thing to ask about ("time signature?", "how many beats a bar"), not set: `talk`'s topic
METER_NAMED_RE = re.compile(r"\b(?:meter|metre|time signature|signature|beats? (?:a|per|in a|to the) bar)\b", re.I)
METER_WORDS = {"waltz": "3/4", "common": "4/4", "march": "2/4", "three": "3/4", "four": "4/4", "two": "2/4"}


# A tempo said as a bound, just before its number ("keep it under 100 bpm", "no slower than 90 bpm"): kept where the
# music already keeps it (`met`), else the tempo set to it
BOUND_RE = re.compile(r"\b(?:(?P<most>under|below|beneath|less than|lower than|slower than|(?:no|not) (?:faster|more|"
                      r"higher|quicker) than|not (?:over|above)|at most|max(?:imum)?(?: of)?|tops)|(?P<least>above|over|"
                      r"more than|faster than|higher than|(?:no|not) (?:slower|less|lower) than|not (?:under|below)|at least|"
                      r"min(?:imum)?(?: of)?)) (?:about |around |roughly )?$")


def met(e, it) -> bool:
    """A tempo to set that the music at `e`'s place already has, or a bound on it that it already keeps ("make shot 4
    the same tempo as shot 1" where they match; "keep it under 100 bpm" at 97): nothing changes, and the reply says
    so (`e.said`), never that the tempo is at the edge of what can be played."""
    if it.direction != "set" or it.amount is None:
        return False
    span, bound, most = e.span, it.value in ("at most", "at least"), it.value == "at most"
    now = sorted({s.tempo_bpm or e.plan.tempo_bpm for s in e.plan.sections
                  if span is None or (s.start_s < span.end_s - 0.05 and s.end_s > span.start_s + 0.05)})
    if not now or not all((b <= it.amount if most else b >= it.amount) if bound else abs(b - it.amount) < 0.05
                          for b in now):
        return False
    said = f"{now[0]:g} to {now[-1]:g}" if len(now) > 1 else f"{now[0]:g}"
    where = "" if span is None else f" in {span.label}" if span.label else " there"
    e.said.append(f"The tempo{where} is already {said} BPM" +
                  (f", {'under' if most else 'over'} {it.amount:g} BPM." if bound else "."))
    return True


# the tempo said high or low, as it is ("the bpm is too high", "speed of music is very high", "bpm kinda low"): away
# from it; said as it should be ("could the pace be a bit higher?"): toward it (before, TOO read "too high" as quieter,
# "very high" as less energy, and "tempo's way too low" played slower). Never a tempo kept or made so ("keep the
# tempo high"): that is no complaint
TEMPO_NOUN = r"\b(?:the |its |our |this |your )?(?:tempo|speed|pace|bpm)(?: of (?:the |this )?(?:music|song|track))?"
HOW = r"(?P<how>(?:(?:way|far|much|very|really|so|too|a bit|a little|a lot|kinda|kind of|pretty|quite|super) )*)"
STATE_RE = re.compile(rf"{TEMPO_NOUN}(?P<be>'s| is| feels| seems| sounds)? {HOW}(?P<lvl>high|low)\b", re.I)
# (an amount said with it is kept: "the tempo may be 10 percent higher" is 10% faster, not the default step)
WISH_RE = re.compile(rf"{TEMPO_NOUN} (?:(?:could|should|can|must|may|might|would|will|needs to|has to|to) )?be {HOW}"
                     r"(?P<amt>\d{1,3}(?:\.\d+)? ?(?:%|percent\b|bpm\b) )?(?P<lvl>higher|lower)\b", re.I)
KEPT_RE = re.compile(r"\b(?:keep|make|leave|get|have|want|need|like|love)\s+$", re.I)
# the music's pace said against something in the picture ("the song is way faster than the dancers", "the track feels
# slower than the camera moves"): how it is, so the other way (never against an earlier version or a number)
THAN_RE = re.compile(r"(?<!make )(?<!keep )(?<!get )\b(?:(?:the |this |our |my )?(?:music|song|track|soundtrack|score|tune)(?:'s)?|it's|it)"
                     rf"(?: (?:is|are|feels|seems|sounds|goes|was))? {HOW}(?P<cmp>faster|quicker|slower) than (?!\d|{EARLIER})[^,;.!?]*?"
                     r"(?=\s*(?:$|[,;.!?]|\b(?:and|but|in|at|on|from|during|after|before|until|till|when|please|pls|so|could|can)\b))", re.I)
# the tempo named first, then what to do with it ("the bpm, reduce it a bit", "tempo - can you bring it down"): said in order
FRONTED_RE = re.compile(rf"{TEMPO_NOUN}\s*[,.;:-]+\s*(?:(?:can|could|would) (?:you|u) |please |pls |just |maybe |and )*"
                        r"(?P<verb>reduce|drop|decrease|lower|cut|trim|raise|increase|boost|lift|bring|take|push|pump|knock|turn)"
                        r" (?:it|that|this)(?P<way> down| up)?\b", re.I)
SIZE = {"way": "much ", "far": "much ", "much": "much ", "a lot": "much ", "a bit": "a bit ", "a little": "a little ",
        "kinda": "a bit ", "kind of": "a bit "}


def _sized(how: str) -> str:
    return next((SIZE[w] for w in SIZE if f" {w} " in f" {how.lower()} "), "")


def _fronted(m: re.Match) -> str:
    verb, way = m["verb"].lower(), (m["way"] or "").strip().lower()
    if verb in ("bring", "take", "push", "pump", "knock", "turn") and not way:
        return m[0]   # "the tempo, push it": no way said
    down = way == "down" or not way and verb in ("reduce", "drop", "decrease", "lower", "cut", "trim")
    return "slower" if down else "faster"


def _state(m: re.Match) -> str:
    if KEPT_RE.search(m.string[:m.start()]) or not (m["be"] or m["how"].strip()):
        return m[0]   # "keep the tempo high", "tempo high in the chorus": how it should be, no complaint
    return f"{_sized(m['how'])}{'slower' if m['lvl'].lower() == 'high' else 'faster'}"


# the tempo locked or pinned at a number ("lock the grid at 120 exactly", "pin the tempo at 110", "lock it to 96 bpm"): that
# tempo set, no section locked (the grid is the session's tempo grid; "it" only with bpm said, never "lock it at 0:30")
LOCKED_AT_RE = re.compile(r"\b(?:lock|pin|fix|clamp|hold)(?:ed)? (?:(?:the |your |our )?(?:grid|tempo|bpm|click|clock)(?: (?P<n1>\d{2,3}(?:\.\d+)?)(?![:.]\d))?"
                          r"(?: (?:at|to|on) (?P<n2>\d{2,3}(?:\.\d+)?)(?![:.]\d)(?: ?bpm)?)?|it (?:at|to|on) (?P<n3>\d{2,3}(?:\.\d+)?) ?bpm)"
                          r"(?: (?:exactly|flat|on the dot|precisely))?\b", re.I)


def _locked_at(m: re.Match) -> str:
    n = m["n1"] or m["n2"] or m["n3"]
    return f"tempo to {n} bpm" if n else m[0]


def plain(text: str) -> str:
    """`text` with the tempo said high or low, or the music faster or slower than the picture, as "slower"/"faster"."""
    text = LOCKED_AT_RE.sub(_locked_at, text)
    text = FRONTED_RE.sub(_fronted, text)
    text = WISH_RE.sub(lambda m: f"{m['amt'] or _sized(m['how'])}{'faster' if m['lvl'].lower() == 'higher' else 'slower'}",
                       STATE_RE.sub(_state, text))
    return THAN_RE.sub(lambda m: m[0] if ordered(m) else f"{_sized(m['how'])}{'faster' if m['cmp'].lower() == 'slower' else 'slower'}", text)


def read(c, t: str) -> str:
    """The clause's tempo or meter change recorded on `c`; `t` with the words read blanked out."""
    if (m := METER_RE.search(t)):
        c.want("meter", direction="set", value=METER_WORDS[m.group(1) or m.group(2)])
        t = eat(t, m)
    if (m := re.search(rf"({SLOW_RE}|{FAST_RE}){BY_AMOUNT}", t)):   # "increase the tempo by 10%", "slow it down 8 bpm"
        slow, n, unit = bool(re.fullmatch(SLOW_RE, m.group(1))), float(m.group(2)), "bpm" if "b" in m.group(3) else "percent"
        if slow and unit == "percent" and n >= 100:
            raise Ask(f"{n:g}% slower would stop the music. How much slower, e.g. '20% slower'?")
        c.want("tempo", direction="down" if slow else "up", amount=n, value=unit)
    elif (m := re.search(r"(\d{1,3}(?:\.\d+)?) ?(?:bpm|beats per minute)? ?(faster|slower|quicker|more|less)\b", t)) \
            and re.search(r"bpm|beats", t):
        c.want("tempo", direction="up" if m.group(2) in ("faster", "quicker", "more") else "down",
               amount=float(m.group(1)), value="bpm")
    elif (m := re.search(r"(\d{1,2}) ?(?:%|percent) (faster|slower|quicker)", t)):
        c.want("tempo", direction="up" if m.group(2) in ("faster", "quicker") else "down", amount=float(m.group(1)),
               value="percent")
    elif (m := BPM_CHANGE_RE.search(t)) and (float(m.group(1)) < MIN_TEMPO_BPM or m.group(0).startswith("by")) and \
            (ways := list(re.finditer(rf"{DOWN_WORDS}|{UP_WORDS}", t))):   # "knock 5 bpm off", "take it down 10 bpm"
        way = min(ways, key=lambda w: abs(w.start() - m.start()))   # the direction word nearest the amount
        c.want("tempo", direction="down" if re.fullmatch(DOWN_WORDS, way.group(0)) else "up", amount=float(m.group(1)),
               value="bpm")
        a, b = min(way.start(), m.start()), max(way.end(), m.end())   # both read, and the words between
        return t[:a] + " " * (b - a) + t[b:]
    elif (m := re.search(r"(?<![\d.])(-?\d{2,5}(?:\.\d+)?) ?(?:bpm|beats per minute)", t)) \
            or (m := re.search(r"\b(?:tempo|(?:tempo|bpm|speed|pace)(?: (?!by\b)[a-z]+){0,2}? (?:to|at|of|be|=|around|about))"
                               r" (-?\d{2,5})\b(?! ?(?:%|percent))", t)) \
            or (m := re.search(r"\b(?:slower|faster|slow|speed|take it|bring it|set it|down|up|off|back|it) (?:down |up )?"
                               r"(?:to|at) (\d{2,3})\b", t)) and not _moment(c, m):
        bpm = float(m.group(1))
        if not MIN_TEMPO_BPM <= bpm <= MAX_TEMPO_BPM:
            raise Ask(f"{bpm:g} BPM is outside what I can play ({MIN_TEMPO_BPM:g}-{MAX_TEMPO_BPM:g}). Which tempo?")
        bound = BOUND_RE.search(t[:m.start()])   # "keep it under 100 bpm": a ceiling, "at least 90 bpm": a floor
        c.want("tempo", direction="set", amount=bpm, value=None if not bound else "at most" if bound["most"] else "at least")
    elif (m := _bare_tempo(c, t)):
        c.want("tempo", direction="set", amount=float(m.group(1)))   # "shot 3 at 140": no moment of the clip, a tempo
    elif (m := re.search(r"\bhalf[- ](?:time|tempo|speed)\b|\bhalf as fast\b", t)):
        c.want("tempo", direction="down", amount=0.5, value="factor")
    elif (m := re.search(r"\bdouble[- ](?:time|tempo|speed)\b|\btwice as fast\b", t)):
        c.want("tempo", direction="up", amount=2.0, value="factor")
    else:
        slow, fast = re.search(SLOW_RE, t), re.search(FAST_RE, t)
        if slow and fast:
            raise Ask("Faster or slower? I heard both; which one?")
        m = slow or fast
        if not m:
            return t
        # "gradually slow down", "speed up bit by bit": a ramp over the place, in steps (not the "slow" of the change)
        ramp = any(g.start() >= m.end() or g.end() <= m.start() for g in re.finditer(rf"\b{GRADUAL}\b", t))
        c.want("tempo", direction="down" if slow else "up", magnitude=magnitude(t), value="gradual" if ramp else None)
    return eat(t, m)
