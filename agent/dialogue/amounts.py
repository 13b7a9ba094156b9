"""How much a change is said to be: a size in words ("a hair", "ever so slightly", "WAY", "massively", "a ton"),
or an exact amount in the units people use ("3dB", "four decibels", "twenty per cent", "five beats per minute",
"one-twenty bpm"), read from one clause of a request.

    from v2m.agent.dialogue import amounts
    amounts.magnitude(" crank the tempo way up ")         # "large"
    amounts.spoken(" a hundred and twenty beats per minute ")   # " 120 bpm "
    rest = amounts.of_part(clause, " drums 5 db down ")  # clause.want("balance", value="drums", amount=5, ...)

A size becomes one of the chat's three steps (`intents.TEMPO_FACTORS`, `ENERGY_STEPS`, `LOUDNESS_STEPS_DB`,
`LEVEL_STEPS_DB`); an exact amount is carried in the intent's `amount`. Decibels are a level: said of a part they
are that part's balance against the others (`of_part`), said of nothing in particular the whole mix's loudness
(`of_mix`), never its energy. Tempo amounts are read by `tempos` once `spoken` has put their numbers in digits.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import NUMBER_WORD, TENS_WORDS, UNIT_WORDS, spoken_number
from v2m.agent.dialogue.mentions import INSTR
from v2m.agent.dialogue.orchestration import eat

# A slight change ("a hair", "a smidgen", "ever so slightly", "nudge it", "a fraction") and a big one ("WAY up",
# "massively", "a ton", "loads louder", "like crazy", "by a huge amount", "much much quieter")
STEP = r"(?:amount|step|jump|drop|boost|cut|increase|decrease|change|bump|nudge|notch|tweak|chunk|bit|touch)"
SMALL = (r"\b(?:a (?:little |lil |tiny |teeny |wee )?(?:bit|touch|tad|hair|smidge|smidgen|smidgeon|notch|fraction|shade|"
         r"whisker|skosh|click|pinch|speck|little)|(?:ever so |very |only |just )?slightly|somewhat|marginally|fractionally|"
         r"a little|a lil|abit|kinda|sorta|mildly|minimally|nudge[sd]?|nudging|just a (?:bit|touch|tad|hair)|one notch|half a notch|"
         rf"barely|not (?:too|that|so) much|(?:a )?(?:small|slight|tiny|teeny|wee|little|minor|subtle) {STEP})\b"
         r"|\b(?:(?:little|lil) bit|little|lil|bit|tad)\b(?= (?:more|less|[a-z]+er)\b)")   # "little more slow please": small too
BIG = (r"\b(?:much|a lot|a whole lot|far(?! (?:forward|back|behind|ahead|away|out|off|in front|up front|down)\b)|lots|really|very|significantly|drastically|dramatically|considerably|"
       r"massively|hugely|enormously|immensely|vastly|heaps|loads|tons|tonnes|a ton|a tonne|big time|majorly|seriously|"
       r"substantially|radically|heavily|extremely|insanely|totally|completely|hella|like crazy|like mad|like hell|"
       r"a great deal|a heck of a lot|twice as|(?:by )?miles|by a mile|all the way(?! (?:through|thru|across|along|from|to|till|until)\b)|"
       rf"(?:a )?(?:big|huge|massive|major|large|giant|serious|significant|substantial|drastic) {STEP})\b"
       r"|\bwa+y+ (?=more|less|too|up|down|back|off|\w+er\b)")   # "way faster", "WAAAY down", not "is there a way to"


# "the drums are too much": a complaint, no size; "so much slower" (much before a comparative) is a size
COMPLAINED_MUCH_RE = re.compile(r"\b(too|so|how|as|that) much\b(?! (?:more|less|[a-z]+er)\b)")


def magnitude(text: str) -> str:
    """How big a change the words ask for: "a bit faster" small, "much faster" large, else medium ("the bells are
    too much" is a plain complaint, "way too much" a large one)."""
    return "small" if re.search(SMALL, text) else "large" if re.search(BIG, COMPLAINED_MUCH_RE.sub(r"\1", text)) else "medium"


SIZE_RE = re.compile(f"{SMALL}|{BIG}")   # a size either way


def sizes(text: str) -> str:
    """The words of `text` that say a size ("crank the energy WAY up" -> "way"), not "too much" of a complaint."""
    text = COMPLAINED_MUCH_RE.sub(" ", text)
    return " ".join(m.group(0) for m in SIZE_RE.finditer(text))


# The units as people write them, in one spelling each: "per cent" percent, "beats per minute" bpm, "decibels" db
UNITS = ((r"\bper ?cents?\b|\bpct\b", "percent"), (r"\ba couple(?: of)? (?=db|decibels?|bpm|beats|percent|per ?cent)", "2 "),
         (r"\bbeats? (?:per|a|each|every|/) ?min(?:ute)?\b|\bbeats?/min\b|\bbpms\b", "bpm"),
         (r"\bby (\S+) beats?\b", r"by \1 bpm"),   # "faster by ten beats": a change of tempo
         (r"\bdecibels?\b|\bdbs\b|\bdeci ?bels?\b", "db"))
UNIT = r"(?:bpm|percent|%|db)\b"
# A tempo said in words: "a hundred and twenty", "one hundred twenty", "one-twenty", "one eighty five"
TEMPO_WORDS = (rf"(?:(?:a|one|two) hundred(?:(?: and)? {NUMBER_WORD})?|(?:one|two)[- ](?:{'|'.join(TENS_WORDS)})"
               rf"(?:[- ](?:{'|'.join(UNIT_WORDS)}))?)")
SAID = rf"(?:{TEMPO_WORDS}|{NUMBER_WORD})"
# A number said in words where an amount stands: before its unit, or after the tempo it sets ("tempo of ninety")
BEFORE_UNIT_RE = re.compile(rf"\b({SAID})(?= ?{UNIT})")
AFTER_TEMPO_RE = re.compile(rf"\b((?:tempo|bpm|speed|pace)(?: \w+){{0,2}}? (?:of|to|at|be|around|about) |tempo )({SAID})\b"
                            rf"|\b((?:to|at) )((?:a|one|two) hundred(?:(?: and)? {NUMBER_WORD})?)\b")   # "to a hundred and
# five": no time is said so ("at one twenty" may be 1:20)


def _value(said: str) -> int:
    """The value of a number said in words, tempos too ("one-twenty" -> 120, "a hundred and five" -> 105)."""
    if (m := re.fullmatch(r"(a|one|two) hundred(?:(?: and)? (.+))?", said)):
        return (200 if m.group(1) == "two" else 100) + (spoken_number(m.group(2)) if m.group(2) else 0)
    if (m := re.fullmatch(r"(one|two)[- ](.+)", said)):
        return (200 if m.group(1) == "two" else 100) + spoken_number(m.group(2).replace("-", " "))
    return spoken_number(said)


# A tempo to go to, said with no unit after a word of tempo ("speed it up to 150", "tempo down to 96"): its unit
# said, so no place reader takes "up to 150" for "until 2:30" ("slow it down at 40" may be a moment: `tempos._moment`)
# ("slow it down to ninety": in words too, 40 and up)
TO_TEMPO_RE = re.compile(r"\b((?:speed|slow|hurry)(?: it| things| the \w+)?|tempo|pace|bpm)((?: up| down)? (?:to|at(?:(?<=tempo at)|(?<=pace at)|(?<=bpm at))) )"
                         rf"(\d{{3}}|[4-9]\d|{SAID})\b(?![:.]\d| ?(?:s|secs?|seconds?|bpm|%|percent)\b)")

UNITS_RES = tuple((re.compile(p), u) for p, u in UNITS)


def spoken(text: str) -> str:
    """`text` with its amounts' units in one spelling and the numbers said in words before them in digits
    ("twenty per cent" -> "20 percent", "one eighty beats per minute" -> "180 bpm", "minus five decibels" ->
    "minus 5 db", "tempo of ninety" -> "tempo of 90")."""
    for pat, unit in UNITS_RES:
        text = pat.sub(unit, text)
    text = BEFORE_UNIT_RE.sub(lambda m: str(_value(m.group(1))), text)
    text = AFTER_TEMPO_RE.sub(lambda m: (m.group(1) or m.group(3)) + str(_value(m.group(2) or m.group(4))), text)
    return TO_TEMPO_RE.sub(lambda m: f"{m[1]}{m[2]}{n} bpm" if (n := int(m[3]) if m[3].isdigit() else _value(m[3])) >= 40
                           else m[0], text)


# A level change in decibels, with its sign when it has one ("minus 5 db"; "-4dB" is read by `spelling`)
DB_RE = re.compile(r"(?:\b(minus|plus|negative) )?(?<![\d.])(\d{1,2}(?:\.\d+)?) ?db\b")
DOWN = (r"\b(?:down|lower|lowered|quieter|softer|less|reduce|reduced|decrease|drop|dropped|cut|off|back|minus|negative|"
        r"duck|under|underneath|beneath|attenuate|take away)\b")
UP = r"\b(?:up|louder|raise|raised|lift|boost|more|increase|higher|hotter|plus|add|extra|push|bump|crank)\b"


def direction(t: str, m: re.Match) -> str | None:
    """Which way the amount `m` goes: its sign, else the direction word nearest it, else None."""
    if m.group(1):
        return "up" if m.group(1) == "plus" else "down"
    ways = list(re.finditer(f"{DOWN}|{UP}", t))
    if not ways:
        return None
    way = min(ways, key=lambda w: min(abs(w.start() - m.end()), abs(m.start() - w.end())))
    return "down" if re.fullmatch(DOWN, way.group(0)) else "up"


def of_part(c, t: str, read) -> str:
    """Decibels said of a part ("pull the bass back 3 dB", "Rhodes -4dB", "drop the keys 6dB"): the parts are read
    by `read` (`orchestration.read`), and each balance it reads gets the amount (a part "dropped" by 6 dB is turned
    down, not taken out); when it reads none, a part named beside the amount is turned up or down by it. `c` is
    the clause (`clauses.Clause`); returns `t` with what was read blanked out."""
    m, n = DB_RE.search(t), len(c.intents)
    rest = read(t, c.want)
    if m is None:
        return rest
    way, amount = direction(t, m), float(m.group(2))
    mine = [k for k in range(n, len(c.intents)) if c.intents[k].what in ("balance", "remove")
            or c.intents[k].what == "add" and c.intents[k].direction == "up"]   # "5 dB more bass": its level
    for k in mine:
        it = c.intents[k]
        c.intents[k] = it.model_copy(update={"what": "balance", "amount": amount, "direction": way or (
            "down" if it.what == "remove" else "up" if it.what == "add" else it.direction)})
    if not mine and len(c.intents) == n and way is not None and (part := re.search(INSTR, rest)):
        c.want("balance", value=part.group(1), direction=way, amount=amount)
        rest = eat(rest, part)
    elif not mine:
        return rest   # said of no part: the amount is left for `of_mix`
    return eat(rest, m2) if (m2 := DB_RE.search(rest)) else rest


def of_mix(c, t: str) -> str:
    """Decibels said of no part ("drop the whole mix 3dB", "louder: +4dB"): the whole mix's loudness by that
    much, whether the clause read it as louder or quieter, or as its energy ("6 dB softer"), or not at all."""
    if not (m := DB_RE.search(t)):
        return t
    way = direction(t, m)
    mine = [k for k, it in enumerate(c.intents) if it.what in ("loudness", "energy") and it.amount is None]
    for k in mine:   # the direction the clause read, unless the amount has its sign ("louder, minus 2 db" is not)
        it = c.intents[k]
        c.intents[k] = it.model_copy(update={"what": "loudness", "amount": float(m.group(2)),
                                             "direction": way if m.group(1) or not it.direction else it.direction})
    if not mine and way is not None:
        c.want("loudness", direction=way, amount=float(m.group(2)))
    return eat(t, m) if mine or way else t


def sized(c, said: str) -> None:
    """The balances the clause read get the size `said` asks for ("the bass much much quieter"): a part's level
    is read by `orchestration`, which knows parts, not sizes."""
    for k, it in enumerate(c.intents):
        if it.what == "balance" and it.amount is None and it.magnitude == "medium":
            c.intents[k] = it.model_copy(update={"magnitude": magnitude(said)})


# Amounts, which no place is made of ("slower by 5 bpm" names no minute; "3 db" no second)
AMOUNT_RE = re.compile(rf"(?:\b(?:{NUMBER_WORD})|\d+(?:\.\d+)?) ?(?:{UNIT}|beats? (?:per|a) minute\b|per ?cent\b|decibels?\b)")


def unitless(text: str) -> str:
    """`text` without its amounts (for the readers of places: "by five beats per minute" is no minute)."""
    return AMOUNT_RE.sub(" ", text)


# "Tempo: 100", "louder: +4dB", "drums: -3 db": a note's label and its amount, one clause
LABELLED_RE = re.compile(r"(?<=[A-Za-z]):\s*(?=[+-]?\d{1,3}(?:\.\d+)?\s*(?:db|bpm|%|percent|decibels?)?\s*(?:[.!?;,]|$))",
                         re.I)


# The energy said as where it goes, not how far it moves ("max energy", "the most energy possible", "energy to 11",
# "crank the energy all the way up", "minimum energy"): each stretch of the place at the limit, the amount a whole step
ENERGY_WORD = r"(?:energy|intensity|power|drive)"
AS_CAN = r"(?:possible|it (?:gets|goes|can (?:get|go|be))|you can|we can)"
LIMIT_UP_RE = re.compile(rf"\b(?:max(?:imum|ed)?|full|highest|top) {ENERGY_WORD}\b|\b{ENERGY_WORD} (?:to|at|up to) (?:the )?"
                         rf"(?:max(?:imum)?|11|eleven|100|top|limit|full)\b|\bmost {ENERGY_WORD} {AS_CAN}|\b{ENERGY_WORD}\b.{{0,20}}"
                         rf"\ball the way up\b|\b(?:as )?(?:energetic|intense|big|full|wild) as {AS_CAN}")
LIMIT_DOWN_RE = re.compile(rf"\b(?:min(?:imum)?|lowest|least) {ENERGY_WORD}\b|\b{ENERGY_WORD} (?:to|at|down to) (?:the )?"
                           rf"(?:min(?:imum)?|zero|0(?![.\d])|bottom)\b|\b{ENERGY_WORD}\b.{{0,20}}\ball the way down\b"
                           rf"|\b(?:as )?(?:calm|sparse|gentle|minimal|bare|still) as {AS_CAN}")   # "calm as possible pls"
LIMIT_STEP = 1.0   # a step across the whole range: every stretch lands at the limit (`operations.add_energy` clamps)


def to_limit(c, t: str) -> str:
    """The energy the clause read ("energy to 11": up) taken to the limit its words say ("max energy": the top), or,
    when it read nothing, the energy there to that limit; `t` with the limit's words blanked."""
    up, down = LIMIT_UP_RE.search(c.text.lower()), LIMIT_DOWN_RE.search(c.text.lower())
    if bool(up) == bool(down):
        return t
    way = "up" if up else "down"
    mine = [k for k, it in enumerate(c.intents) if it.what == "energy" and it.amount is None and it.direction == way]
    for k in mine:
        c.intents[k] = c.intents[k].model_copy(update={"amount": LIMIT_STEP})
    if not c.intents or not mine and all(it.what == "mood" for it in c.intents):   # "as calm as possible": the mood
        c.want("energy", direction=way, amount=LIMIT_STEP)                         # read, its energy at the limit
    elif not mine:
        return t   # "the drums at full power": a part's level, read already
    return eat(t, m) if (m := (LIMIT_UP_RE if up else LIMIT_DOWN_RE).search(t)) else t


# An energy level said in percent ("energy to 80%", "energy up to 81%": up to it where below, none lowered; "down to":
# the other way), as `settings.same_level_as` says a place's level ("as loud as the intro")
LEVEL_TO_RE = re.compile(r"\benergy (?:level )?(?:(up|down) )?(?:to|at) (\d{1,3}) ?(?:%|percent)(?!\w)")


def to_level(c, t: str) -> str:
    """The clause's energy said as a level to reach (`LEVEL_TO_RE`) recorded on `c`; `t` with it blanked."""
    if not (m := LEVEL_TO_RE.search(t)) or not 0 < int(m[2]) <= 100:
        return t
    c.want("energy", direction=m[1] or "set", amount=int(m[2]) / 100, value="to")
    return eat(t, m)
