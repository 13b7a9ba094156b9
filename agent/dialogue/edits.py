"""The rules grammar: a spoken request read into `EditIntent`s, which `v2m.agent.dialogue.intents` applies.

    from v2m.agent.dialogue.edits import read_request
    intents = read_request(analysis, plan, "from the second cut on, darker, and let the bass drive")

A request is split into clauses (",", ";", "then", "but", "and" before a new order); each names at most one place in the
video (`v2m.agent.dialogue.where`); a place said at the front of a clause ("from the second cut on, ...")
carries over to the clauses after it until another is named. Idioms and "too X" are first rewritten into
the grammar's words (`v2m.agent.dialogue.phrases`); then takes and routes (`takes`), hit points and locks
(`marks`), instruments and balance (`orchestration`), references to earlier versions, shapes over time,
culture and era, key, mode, style, mood, energy and loudness (here), tempo (`tempos`) each record intents. Words it
does not know go through `vocab`'s embeddings. A request that is ambiguous or impossible raises `Ask`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import (amounts, arbiter, character, cues, cultures, halfway, hit_words, idioms, marks, mentions, names,
                                 orchestration, phrases, references, sides, silence, similes, spelling, takes, tempos)
from v2m.agent.dialogue import complaints, entries, mix_level, patterns, purpose_why, unread, versions, vocab
from v2m.agent.dialogue.intents import SIZES, scope_of
from v2m.agent.dialogue.orchestration import eat
from v2m.agent.dialogue.repeats import halfway_only, one_key, same_meaning
from v2m.agent.dialogue.amounts import magnitude
from v2m.agent.dialogue.phrases import FAST_RE, LESS_RE, LOUD_RE, MORE_RE, QUIET_RE, SLOW_RE
from v2m.agent.dialogue.place_words import (PLACE_FILLER, PLACE_WORDS_RE, SPOKEN_SECONDS,
                                            notation, only_place)
from v2m.agent.dialogue.said_beside import beside, joined
from v2m.agent.dialogue.where import Ask, Span, Unknown, moment
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis
from v2m.tools.music.theory import read_tonic, tonic_name, tonic_pc

HELP = ("I can change the style, tempo, key or mood, add, remove, swap or balance instruments, shape the energy "
        "over time, mark cuts, or go back to an earlier version, for the whole video or a part of it. What would "
        "you like, e.g. 'slower after 0:05'?")
TAKE_OUT_RE = re.compile(r"\b(?:take|get) (?:it|that|them) (?:out|off|away)\b|\b(?:remove|get rid of) (?:it|that|them)\b|"
                         r"\b(?:lose|drop|kill|ditch) (?:it|that)\b")


class Clause:
    """One clause being read: its text, its place, and the intents it records."""

    def __init__(self, analysis: VideoAnalysis, plan: ScorePlan, span: Span | None, text: str,
                 negative: bool = False):
        self.analysis, self.plan, self.span, self.text = analysis, plan, span, text
        self.negative = negative   # the request says "take it out" of what this clause names
        self.intents: list[EditIntent] = []
        self.styled: str | None = None   # a style's word said at a place, asked about when nothing else is said

    @property
    def whole(self) -> bool:
        return self.span is None

    def want(self, what: str, *, times: list[float] | None = None, whole: bool = False, **fields) -> None:
        if what in ("loudness", "balance"):   # "3 dB quieter", "the drums down 6 dB", "the bass up a little"
            fields = {"magnitude": magnitude(self.text), **fields}   # decibels: `amounts.of_part` / `of_mix`
        self.intents.append(EditIntent(what=what, scope=scope_of(None if whole else self.span, times),
                                       text=self.text.strip()[:400], **fields))


# --------------------------------- clause parsers: each takes (clause, text), returns it with what it read blanked


def _reference(c: Clause, t: str) -> str:
    if halfway.MIDWAY_RE.search(t):
        c.want("revert", version=-1, value=versions.blended(t), amount=0.5, whole=True)
        return " " * len(t)
    ref = references.reference(t)
    if ref is None:
        return t
    version, attr = ref
    if version == -1 and attr is None and mentions.named_parts(t):
        return t   # "put the drums back the way they were": an edit of the drums, not the last edit undone
    placed = c.span is not None and references.placed_back(t, version, attr)
    c.want("revert", version=version, value=attr, whole=not placed)   # "shot 4 was better before": that stretch
    return " " * len(t)


# "a minor change", "a major tweak": the size of an edit, not a mode
NOT_A_SIZE = r"(?! (?:changes?|tweaks?|things?|issues?|points?|details?|notes?|adjustments?|edits?|fix|fixes|problems?))"
MODES = tuple((re.compile(p), md) for p, md in ((rf"\b(?:darker|dark|minor|more minor|less happy|moodier)\b{NOT_A_SIZE}", "minor"),
              (rf"\b(?:brighter|bright|major|lighter mood|happier key|sunnier)\b{NOT_A_SIZE}", "major"), (r"\b(dorian|lydian|mixolydian|phrygian)\b", None)))


def _key(c: Clause, t: str, original: str) -> str:
    tonic = mode = None
    shift = 0
    m = re.search(r"\b(?i:in|to|key of|key|into) ([A-G](?:#|b|♯|♭| sharp| flat)?)(?:\s*(major|minor|dorian|lydian|"
                  r"mixolydian|phrygian))?(?:(?<=[#♯♭])(?![#♯♭])|\b)", original)   # "up to F#?": the sharp is the key's
    if not m:  # "C# minor" said on its own (or typed "e minor"; "a minor" is an article): a key, not "a minor change"
        m = re.search(rf"(?:^|[\s,.;:(])([A-Gb-g](?:#|b|♯|♭| sharp| flat)?)\s*(major|minor)\b{NOT_A_SIZE}", original)
    if m and (m.group(2) or re.search(r"\bkey\b", original.lower()) or m.group(1) not in ("A",)):
        tonic = tonic_name(tonic_pc(read_tonic(m.group(1))))  # the usual name: Db -> C#, A# -> Bb
        mode = m.group(2)
    if (m2 := re.search(r"\b(up|down|higher|lower|raise|drop)(?: it)?(?: the key)?(?: by)? (a |one |two |three |\d+ )?"
                        r"(semitone|half[- ]?step|whole[- ]?step|whole tone|tone|step)s?\b", t)) \
            or (m2 := re.search(r"\btranspose(?: it)? (up|down)(?: by)?( \d+)?", t)) \
            or (m2 := re.search(r"\b(higher|lower) key\b|\b(raise|lower) the key\b|\bkey (up|down)\b", t)):
        g = [x for x in m2.groups() if x]
        up = g[0] in ("up", "higher", "raise")
        n = {"a ": 1, "one ": 1, "two ": 2, "three ": 3}.get(g[1], None) if len(g) > 1 else None
        if n is None and len(g) > 1 and g[1].strip().isdigit():
            n = int(g[1])
        unit = g[-1] if len(g) > 1 else ""
        n = (n or 1) * (2 if unit.startswith(("whole", "tone", "step")) and not unit.startswith("half") else 1) \
            if unit else (n or 2)
        shift = n if up else -n
        t = eat(t, m2)
    for pat, md in MODES:
        if (mm := pat.search(t)):
            if mode and (md or mm.group(1)) != mode:
                raise Ask("Darker or brighter? I heard both; which one?")
            mode = md or mm.group(1)
            t = eat(t, mm)
    if tonic is None and mode is None and not shift:
        return t
    if tonic is None and not shift:
        c.want("mode", value=mode, direction="set")
    else:
        c.want("key", value=" ".join(x for x in (tonic or "", mode or "") if x) or None, amount=shift or None,
               direction="set" if tonic else "up" if shift > 0 else "down")
    return t


def _style(c: Clause, t: str) -> str:
    kws = vocab.style_keywords("|".join((SLOW_RE, FAST_RE, MORE_RE, LESS_RE)))
    # the plain `in` first: a pattern per keyword per clause overflowed re's cache (512) and took seconds
    hits = [(len(k), k) for k in kws if k in t and patterns.compiled(rf"\b{re.escape(k)}\b").search(t)]
    if not hits or cultures.kind_of_part(c.text):   # "add a rock and roll guitar": the kind of the part added
        return t
    k = max(hits)[1]
    if not c.whole and c.intents or cultures.colour(c, kws[k]):  # "dub it out in shot 3: ...", "the funk is wild here"
        return patterns.compiled(rf"\b{re.escape(k)}\b").sub(" ", t)
    if not c.whole:
        raise Ask(f"A style applies to the whole score; I can make {c.span.label} slower, calmer or change its "
                  "instruments instead. Should I switch the whole score?")
    c.want("style", value=kws[k], direction="set")
    return patterns.compiled(rf"\b{re.escape(k)}\b").sub(" ", t)


def _shape(c: Clause, t: str) -> str:
    """Shapes over time: "start soft and grow", "swell into the last shot", "fade out"."""
    found = phrases.shape(t, bool(c.span)) or (phrases.shape(PLACE_WORDS_RE.sub(" ", t), True) if c.span else None)
    if found is not None:   # "act 2 build": the place's words are no part of the shape
        levels, m = found
        if levels[0] > levels[-1] and re.search(r"\bfad|\bdie away\b", m.group(0)):
            c.want("shape", value=phrases.fade_kind(c.text, bool(c.span)), direction="down")   # the ending, or all of it
        else:
            c.want("shape", shape=list(levels), direction="up" if levels[-1] > levels[0] else "down")
        return eat(t, m) if m.string == t else " " * len(t)   # the rest of the clause may ask more ("and the sax out")
    if re.search(r"\b(add|longer|extend|shorter|new|another) (an? )?(intro|ending|outro)\b", t):
        raise Ask("The intro and the ending follow the video's first and last shots, so they cannot grow or "
                  "shrink; I can make them softer, sparser or bigger ('a softer intro', 'no drums in the "
                  "intro'). Which would you like?")
    return t


def _mood(c: Clause, t: str) -> str:
    words = sorted(((w, m) for m in vocab.MOODS.values() for w in m.words), key=lambda x: -len(x[0]))
    found = [(w, m) for w, m in words if w in t and patterns.compiled(rf"\b{re.escape(w)}\b").search(t)]   # `in` first: as _style
    if not found:
        return t
    if len({m.name for _, m in found}) > 1 and any(it.what == "style" for it in c.intents):
        return t   # "chill boom bap with a warm keyboard": the moods describe the style asked for, which says them
    if len(names := sorted({m.name for _, m in found})) > 1 and (found := [character.one_feel(found, t)])[0] is None:
        raise Ask(f"I heard {' and '.join(names)}; which mood should it be?")   # "warm and snug": one feel, no question
    word, mood = found[0]
    c.want(**character.mood_wish(t, word, mood))   # "less triumphant": away from it
    return patterns.compiled(rf"\b{re.escape(word)}\b").sub(" ", t)


def _energy(c: Clause, t: str) -> str:
    more, less = re.search(MORE_RE, t), re.search(LESS_RE, t)
    if less and less.group(0) == "quieter" and c.whole:   # "quieter" for the whole score is loudness, `_loudness`'s;
        less = re.search(LESS_RE, eat(t, less))            # "quieter and less energy": the energy as well
    if more and less:
        raise Ask("Fuller or sparser? I heard both; which one?")
    m = more or less
    if not m:
        return t
    if less and m.group(0) == "softer" and c.whole and re.search(r"\boverall\b|\bvolume\b|\bmix\b", c.text):
        c.want("loudness", direction="down", magnitude=magnitude(t))  # "softer overall": the volume
        return eat(t, m)
    c.want("energy", direction="up" if more else "down", magnitude=magnitude(t))
    return eat(t, m)


def _loudness(c: Clause, t: str) -> str:
    up, down = re.search(LOUD_RE, t), re.search(QUIET_RE, t)
    m = up or down
    if not m:
        return t
    c.want("loudness", direction="up" if up else "down", magnitude=magnitude(t))
    return eat(t, m)


def _unknown(c: Clause, t: str) -> None:
    """Nothing was understood: map the clause's content words through the embeddings, or ask."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", t) if w not in PLACE_FILLER and len(w) > 2]
    if not words:
        where = f" in {c.span.label}" if c.span else ""
        raise Ask(f"What should change{where}? {HELP}")
    phrase = " ".join(words[-3:])
    hit = vocab.exact(phrase, "style") or vocab.best_of(phrase, phrases.guessed_kinds(t, words))
    if hit is None:
        raise Unknown(f"I'm not sure what '{phrase}' means for the music. {HELP}", phrase)
    why = f"'{phrase}' read as {hit.name}"
    if hit.kind == "mood":
        c.want("mood", value=hit.name, reason=why)
    elif hit.kind == "style":
        if not c.whole:
            raise Ask(f"'{phrase}' sounds like {hit.name}, a style for the whole score. Switch the whole score?")
        c.want("style", value=hit.name, reason=why, direction="set")
    else:
        c.want("add", value=hit.name, reason=why)


def read_clause(analysis: VideoAnalysis, plan: ScorePlan, text: str, span: Span | None,
                guess: bool = True, original: str = "", negative: bool = False) -> list[EditIntent]:
    """The intents of one clause (`text` lower-cased, punctuation stripped; `original` as typed) at `span`;
    [] when it says nothing but the place. `guess`: fall back to the embeddings for unknown words."""
    if (piece := cultures.private(phrases.words(original or text))):   # as said: names are not spell-corrected
        raise Ask(f"I can't hear '{piece}', so I don't know which piece that is, and I changed nothing. Tell me "
                  "how it sounds (faster or slower, brighter or darker, which instruments) and I'll move toward it.")
    if (doubt := mentions.doubted(text) or mentions.paced(text)):   # "the hats are too fast": the tempo, or the hats?   # "not sure about the drums": which way to go is asked, nothing added
        raise arbiter.Offer(*doubt)
    c = Clause(analysis, plan, span, text, negative)
    rest = _reference(c, text)
    if not c.intents:
        rest = takes.retake(c, takes.route(c, rest))
        rest = marks.locks(c, rest)
        rest = marks.sync(c, rest)
    if not c.intents or rest.strip() and all(it.what == "hit" for it in c.intents):   # "brighter ... with a stab at 0:25"
        rest = amounts.of_part(c, silence.read(rest, c.want, c.span), orchestration.read)
        amounts.sized(c, text)
        rest = phrases.plain(mentions.unreasoned(rest, c.intents))
        for parse in (_shape, similes.warmth, cultures.read, lambda c_, t_: _key(c_, t_, original or text), tempos.read, _style, _mood, _energy,
                      _loudness, amounts.of_mix, amounts.to_limit):
            rest = parse(c, rest)
        rest = orchestration.read(rest, c.want) if not c.intents else rest
    if not c.intents and span is not None and (d := sides.BARE_WAY_RE.search(rest)) and \
            only_place(re.sub(r"\b(?:up|down|more|less|again|then|and)\b", " ", rest)):  # "up in shot 2, less in shot 3"
        c.want("energy", direction={"more": "up", "less": "down"}.get(d.group(1), d.group(1)), magnitude=magnitude(text))
    if not c.intents and c.styled:
        raise Ask(c.styled)
    mentions.check_placed(c.span, rest, c.intents)
    if not c.intents and (question := phrases.too_question(text)):
        raise Ask(question)
    if not c.intents and guess and not only_place(rest):
        _unknown(c, rest)
    return c.intents


# A clause ending at a place ("up to the pop", "until 0:20") and one after it with "then": the second is after it
THEN_AFTER_RE = re.compile(r"(\b(?:up to|up until|until|till|leading up to|right up to|(?:in|for|during|over) the (?:first|opening))\b[^,;.!?]{1,40}?)\s*,?\s+(?:and )?then\b"
                           r"(?! (?:on|onwards?|after|from|in|at|for|during|till|until|before)\b)", re.I)
CLAUSE_SPLIT = re.compile(rf"\s*(?:(?:[,;!?]|:(?!\d)|{patterns.FULL_STOP}(?!(?<=\b[Nn]o\.) ?\d))+\s*(?:and |but |then |also )?|\band then\b|\bthen\b|(?<!everything )(?<!nothing )(?<!all )(?<!out )\bbut\b|\balso\b"
                          rf"|(?:\band|\bplus|&|\+) (?=(?:{mentions.NEVER}|{phrases.ORDER_VERBS})\b)(?!cuts? (?:\d|one|two|three|four|five|six|seven|eight|nine)\b)|\bplus (?=an? |some ))\s*")   # "add a cello and have the sax softer": two


def _parts_changed(intents: list[EditIntent]) -> bool:
    """Whether intents change a part of the band ("lift the bass a little", "add a choir")."""
    return any(it.what in (*mentions.PART_EDITS, "balance", "swap") for it in intents)


def _why_held(request: str) -> tuple[str, dict[str, str]]:
    """`request` with each clause that only says why after one that names a part ("lift the bass, it feels timid":
    `mentions.only_reason`) held back as a token, so that no simile reads it as a feeling first; `read_request` drops
    it when the clause before changed a part, else reads it as said ("too much now, like the Olympics" stays)."""
    pieces = re.split(f"({CLAUSE_SPLIT.pattern})", purpose_why.apart(request))   # clauses at even places, what split them between
    held: dict[str, str] = {}
    for k in range(2, len(pieces), 2):
        if purpose_why.why_only(phrases.words(pieces[k]), phrases.words(pieces[k - 2])):   # "slower please, it's for a funeral" too
            token = f"heldwhy{len(held)}"
            held[token], pieces[k] = pieces[k], token
    return "".join(pieces), held


def _said(whole: str, request: str) -> str:
    """The whole request with its similes in the grammar's words (a culture said as the music now is gone): a
    scene said beside parts with no verb ("tubas, like a school band marching") is the style; beside a part
    edit ("layer strings for a cinematic feel"), why, so the request as the grammar read it (`request`), as
    where the whole one is a question."""
    try:
        return similes.plain(whole) if whole != request and not cultures.PART_VERB_RE.search(whole) else request
    except Ask:
        return request


def read_request(analysis: VideoAnalysis, plan: ScorePlan, request: str, guess: bool = True,
                 last_span: Span | None = None, known: dict[str, str] | None = None) -> list[EditIntent]:
    """The rules grammar: a request read into intents, in the order said.

    Args:
        analysis: the measured video (shots, cuts, motion) the places refer to.
        plan: the current plan (its section names, route, sections).
        request: the user's words.
        guess: map unknown words through the embeddings (False: leave them unread).
        last_span: where the previous edit changed the plan, for "there" and "those same shots".
        known: names given to places in earlier turns ("the kiss" -> "0:30"), see `names`.
    Returns:
        The intents; [] when nothing was understood and `guess` is False.
    Raises:
        Ask: the request is ambiguous or impossible; the message is the question.
    """
    clauses, whole = [], request   # the style said in the whole request, "tubas, like a school band marching" too
    request = silence.plain(hit_words.listed(idioms.final_chord(idioms.against_wish(idioms.unhurried(tempos.plain(mix_level.plain(request)))))), plan.style)   # "dead air until 0:05"
    request, held = _why_held(request)   # before similes: "add a choir, it'd be magical" is why, not a feeling
    overdone = bool(halfway.OVERDONE_RE.search(phrases.words(request)))   # "that's a bit loud now", before it is reworded
    request = similes.plain(complaints.plain(request, plan))   # "the drums sound kinda timid"; "it feels like a funeral": how the music feels, in the grammar's words
    said = cues.spoken(silence.round_trip(notation(cues.unlabelled(request.strip()))), analysis, plan)   # a spotting note's cue events
    said = THEN_AFTER_RE.sub(r"\1, after that", said)   # "quiet until the drop, then go big": big after the drop
    said = mentions.LISTED_ADD_RE.sub(lambda m: m.group(0).replace(",", " and"), idioms.joined(said))   # "big drop at 0:40, everything kicks in"; "start quiet, then get louder": a build; "add a flute, a cello and a harp": each added
    said = amounts.LABELLED_RE.sub(" ", said)   # "Tempo: 100", "louder: +4dB": a label and its amount, one clause
    for x in (x for x in CLAUSE_SPLIT.split(said) if x and x.strip()):
        if clauses and beside(clauses[-1], x) and not set(phrases.unfilled(clauses[-1].lower()).split()) <= phrases.SMALL_TALK:   # "end on a stop, which is the last cut": one clause ("ok, it's too much": no place)
            clauses[-1] += " " + joined(clauses[-1], x)
        else:
            clauses += sides.split_places(x, analysis, plan, lambda t: unread.reading(lambda: read_clause(analysis, plan, t, None)))   # "slower in shot 2 and faster in shot 5": two
    clauses = mentions.bare_apart(names.naming_only(marks.placed_after(phrases.edit_clauses(clauses))))
    if not clauses:
        raise Ask(f"What should I change? {HELP}")
    out: list[EditIntent] = []
    negative = bool(TAKE_OUT_RE.search(request.lower()))
    shared: Span | None = None   # a place said in a clause, carried to the clauses after it
    kept: Span | None = None   # a place said to be left as it is
    prev: tuple | None = None   # the last clause: text, original, its intents' start, own place?, span, (start, span) of the last with intents
    parts = mentions.Mentions()  # the instrument named last, for "it" and "them"
    known = {**(known or {}), **names.said(request)}   # "the kiss", whether said before or in this request
    noun = names.noun_of(request)
    complaint: tuple[int, Ask | None] | None = None   # where a complaint's intents start; its question, if any
    for n_clause, original in enumerate(clauses):
        if original.strip() in held:   # only why: no edit when the clause before changed a part, else read as said
            if prev is not None and (_parts_changed(out[prev[2]:]) or purpose_why.tempo_asked(out)):
                continue
            original = similes.plain(held[original.strip()])
        text = phrases.words(phrases.unfilled(spelling.spelled(original.lower())))
        text = re.sub(r"(\d)\.(?!\d)", r"\1", text)
        text = amounts.spoken(text)   # "twenty per cent", "five beats per minute", "minus six decibels": in digits
        text = re.sub(SPOKEN_SECONDS[0], SPOKEN_SECONDS[1], text)   # "at thirty five seconds": a moment too
        text, entry, topic = parts.said(text, n_clause == len(clauses) - 1)
        if topic:  # "the strings. less of them.": a part named, then what to do with it
            continue
        if out and out[-1].what in ("hit", "no_hit") and hit_words.TRAILING_RE.fullmatch(text):
            continue   # "stop at 0:25, hard": how the mark sounds, said after it
        text, span = names.placed(text, analysis, plan, known, noun, last_span, request)   # "after the kiss at 0:30": after 0:30
        span = entries.before(span, entry) if span else None
        span, shared, own = sides.carried(text, span, shared, last_span, analysis, overdone and len(clauses) == 1)
        span = None if kept is not None and not own and span is shared else span
        complained = n_clause + 1 < len(clauses) and mentions.complaint(*map(phrases.words, (original, clauses[n_clause + 1])))
        try:   # "the strings sound off, turn them down": a complaint's question, asked if the next clause changes no part
            intents, asked = read_clause(analysis, plan, text, span, guess and not (own and only_place(text)), original, negative), None
        except Ask as q:
            if not complained:
                raise
            intents, asked = [], q
        said = prev[0] if prev is not None and prev[2] == len(out) else ""   # a moment said just before
        if (span is None or not own) and (at := names.moment_shot(text if span else said + text, analysis, intents)):  # "strings up at 0:45"; "quiet at the start, louder at 0:30"
            span, shared, own = at, at, True
            intents = read_clause(analysis, plan, text, span, guess, original, negative)
        if not intents and prev is not None and prev[2] == len(out) and (own or moment(prev[0]) is not None):  # "goal at 0:22, crash there"
            intents = read_clause(analysis, plan, prev[0] + text, span, guess, prev[1], negative)
        if not intents and own and prev is not None and prev[2] < len(out) and (sides.END_ONLY_RE.match(text) or (not unread.own_place(original,
                lambda: read_clause(analysis, plan, phrases.words(original.lower()), span, True, original)) if prev[4] is None
                else only_place(text) and span.start_s < prev[4].end_s - 0.05 and prev[4].start_s + 0.05 < span.end_s)):
            # "slower, only in the ending": a place after its edit (not carried: "shots 1-2: quieter. shots 3-4: ..."; no unread clause's)
            del out[prev[2]:]
            span = sides.closed(text, span, prev[4], analysis)
            intents = read_clause(analysis, plan, prev[0], span, guess, prev[1], negative)
        if not intents and own and only_place(text) and n_clause == len(clauses) - 1 and prev is not None and \
                prev[2] < len(out) and prev[3] and prev[4] is not None and span is not None:
            # "bigger at the start and the end": a bare place last after an edit at its own place (not "shot 4: brighter")
            intents = read_clause(analysis, plan, prev[0], span, guess, prev[1], negative)
        if complaint is not None and _parts_changed(intents):   # "the brass needs to be bigger, turn it up": made once
            del out[complaint[0]:]
        elif complaint is not None and complaint[1] is not None:
            raise complaint[1]
        complaint = (len(out), asked) if complained else None
        if own and intents and prev is not None and prev[5] is not None and prev[5][1] is None and prev[5][0] < len(out) and \
                sides.complaint_placed(out[prev[5][0]:], intents):   # (an aside between: "too heavy, people won't like it. ...")
            del out[prev[5][0]:]   # "the bass is too much, turn it down from 0:15 to 0:25": the complaint is about there
        # "leave the ending, make it faster": a kept place is lent to no later clause ("the rest" counts from it)
        kept = span if intents and all(it.what == "lock" for it in intents) else None if own else kept
        prev = (text, original, len(out), own, span, (len(out), span) if intents else prev[5] if prev else None)
        for it in intents:
            k = next((k for k, o in enumerate(out) if same_meaning(it, o)), None)
            if k is None:
                out.append(it)
            elif (it.amount is not None, SIZES[it.magnitude]) > (out[k].amount is not None, SIZES[out[k].magnitude]) or \
                    it.value == "fade_out":   # "take 4 dB off": the amount said; "a lot": the larger; a fade said plainly
                out[k] = it
    if complaint is not None and complaint[1] is not None:
        raise complaint[1]
    out = sides.framed(halfway_only(one_key(out)), analysis, whole)   # "gloomy, a minor key": one key; "too fast now, split the difference"
    said = names.resolve(phrases.words(_said(purpose_why.without(whole, held, out), request).lower()), dict(names.said(request)))   # "the first dance
    out = cultures.styled(out, said, plan.style)   # bit, 0:13 to 0:21": a place's name, no wedding; said across clauses
    if not out and guess:
        raise Ask(f"Where should that go, and what should change there? {HELP}")
    return out
