"""The rules grammar: a spoken request read into `EditIntent`s, which `v2m.agent.dialogue.intents` applies.

    from v2m.agent.dialogue.edits import read_request
    intents = read_request(analysis, plan, "from the second cut on, darker, and let the bass drive")

A request is split into clauses (",", ";", "then", "but", "and" before a new order); each names at most one place in the
video (`v2m.agent.dialogue.where`); a place said at the front of a clause ("from the second cut on, ...")
carries over to the clauses after it until another is named. Idioms and "too X" are first rewritten into
the grammar's words (`v2m.agent.dialogue.phrases`); then takes and routes (`takes`), hit points and locks
(`marks`), instruments and balance (`orchestration`), references to earlier versions, shapes over time,
culture and era, key, mode, style, mood, energy and loudness (`clauses`), tempo (`tempos`) each record intents. Words it
does not know go through `vocab`'s embeddings. A request that is ambiguous or impossible raises `Ask`.
"""

from __future__ import annotations

import re
from functools import partial

from v2m.agent.dialogue import (amounts, cues, cultures, halfway, hit_words, idioms, marks, mentions, names, phrases,
                                sides, silence, similes, spelling, tempos)
from v2m.agent.dialogue import complaints, counted, entries, mix_level, name_places, patterns, purpose_why, starts
from v2m.agent.dialogue import unread
from v2m.agent.dialogue.clauses import HELP, read_clause
from v2m.agent.dialogue.balance_once import said_size
from v2m.agent.dialogue.repeats import halfway_only, one_key, same_meaning
from v2m.agent.dialogue.place_words import SPOKEN_SECONDS, only_place
from v2m.agent.dialogue.review_notation import notation
from v2m.agent.dialogue.said_beside import beside, joined
from v2m.agent.dialogue.where import Ask, Span, moment
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis

TAKE_OUT_RE = re.compile(r"\b(?:take|get) (?:it|that|them) (?:out|off|away)\b|\b(?:remove|get rid of) (?:it|that|them)\b|"
                         r"\b(?:lose|drop|kill|ditch) (?:it|that)\b")


# --------------------------------- clause parsers: each takes (clause, text), returns it with what it read blanked


# A clause ending at a place ("up to the pop", "until 0:20") and one after it with "then": the second is after it
THEN_AFTER_RE = re.compile(r"(\b(?:up to|up until|until|till|leading up to|right up to|(?:in|for|during|over) the (?:first|opening))\b[^,;.!?]{1,40}?)\s*,?\s+(?:and )?then\b"
                           r"(?! (?:on|onwards?|after|from|in|at|for|during|till|until|before)\b)", re.I)
# A level said bare after a part comes in ("drums in and a bit louder"): the music there, as the part had no level before
ENTERED_THEN = r"(?:(?:a )?(?:little |tiny )?(?:bit|touch|tad|notch|little) |slightly |much |a lot |way )?(?:louder|quieter|softer|bigger|fuller|busier|calmer)\b"
CLAUSE_SPLIT = re.compile(rf"\s*(?:(?:[,;!?]|:(?!\d)|{patterns.FULL_STOP}(?!(?<=\b[Nn]o\.) ?\d))+\s*(?:and |but |then |also )?|\band then\b|\bthen\b|(?<!everything )(?<!nothing )(?<!all )(?<!out )\bbut\b|\balso\b"
                          rf"|(?:\band|\bplus|&|\+) (?=(?:{mentions.NEVER}|{phrases.ORDER_VERBS})\b)(?!cuts? (?:\d|one|two|three|four|five|six|seven|eight|nine)\b)|\bplus (?=an? |some )"
                          rf"|\band (?=(?:a|an|one|some)(?: big| small| little| soft| loud| huge)? {counted.MARK_NOUNS}\b)|(?<=\bin) and (?={ENTERED_THEN})"
                          r"| (?=just (?:take|pull|cut|drop|lose|kill|mute|remove|get rid of)\b))\s*")   # "add a cello and have the sax softer": two;
# "the last two shots faster and louder and a crash on the last cut": the mark a clause of its own (it took "louder" with it);
# "the drums r anoying there just take em out": the complaint, then the order
# a start said before more clauses ("lead a touch lower. And from shot 12 on, slow it down"): it heads what follows
HEADING_RE = re.compile(r"^\W*(?:and |then |but |also )?(?:from|after|starting(?: at| from)?|since)\b", re.I)
# a place said between dashes or brackets as an aside, after changes that name none: it heads them all
ASIDE_PLACE_RE = re.compile(r"\s(?:[-–—]|\()\s*(?:this is|that'?s|that is|i\.?e\.?,?|i mean|so)\s+(?P<place>[^-–—()]{3,40}?)\s*(?:[-–—]|\))\s",
                            re.I)
# ... not where the aside names the moment just said ("from the sangeet (that's the 3rd cut) onwards": `names`' to read)
NAMED_BEFORE_RE = re.compile(r"\b(?:from|after|at|since|until|till|before|in|during|on|over|when|where)\b[^,.;:!?]*$", re.I)
# a place said last, on its own, for every change before it ("Slower, and the harp up. Only over shots 13 and 14.")
ONLY_RE = re.compile(r"^\W*(?:but |and )?(?:only|just)\b")
# a place said last over two orders joined by "and" covers both ("drop the pad and push the synth bass from 0:16 to
# 0:28"), but not where the clause opens with its place ("in shot 3 ...": its own) ...
PLACE_FIRST_RE = re.compile(r"^\W*(?:and |plus )?(?:in|at|from|after|before|during|over|for|until|till|between|starting|since|on|"
                            r"shots?|the (?:first|last|start|end|intro|middle|opening|ending|rest))\b", re.I)
# ... nor where the change before was said of "it" or the whole ("swing it a bit faster and drop the drums in the intro")
WHOLE_IT_RE = re.compile(r"\b(?:it|everything|the whole \w+|all of it)\b")


def _and_led(said: str) -> set[str]:
    """The clauses `CLAUSE_SPLIT` cut off at a bare "and" or "plus" before an order ("drop the pad and push the bass"):
    one sentence, where a place said last covers the clause before too."""
    cuts = list(CLAUSE_SPLIT.finditer(said))
    return {said[m.end():n.start() if n else len(said)].strip() for m, n in zip(cuts, [*cuts[1:], None])
            if m.group(0).strip().lower() in ("and", "plus", "&", "+")}


def _size_kept(gone: list[EditIntent], intents: list[EditIntent]) -> list[EditIntent]:
    """`intents` each with the size said of the same thing in `gone` when it had none of its own."""
    return [next((it.model_copy(update={"amount": o.amount, "magnitude": o.magnitude}) for o in gone
                  if same_meaning(it, o) and said_size(o) > said_size(it)), it) for it in intents]


def _parts_changed(intents: list[EditIntent]) -> bool:
    """Whether intents change a part of the band ("lift the bass a little", "add a choir")."""
    return any(it.what in (*mentions.PART_EDITS, "balance", "swap") for it in intents)


def _as_is(it: EditIntent, plan: ScorePlan) -> bool:
    """A style said to stay as it is ("keep it classical" where it is classical): no change."""
    return it.what == "style" and it.value == plan.style


def _why_held(request: str) -> tuple[str, dict[str, str]]:
    """`request` with each clause that only says why after one that names a part ("lift the bass, it feels timid":
    `part_reasons.only_reason`) held back as a token, so that no simile reads it as a feeling first; `read_request` drops
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
    if (m := ASIDE_PLACE_RE.search(request)) and sides.names_place(m["place"], analysis, plan) and \
            not sides.names_place(request[:m.start()], analysis, plan) and \
            not NAMED_BEFORE_RE.search(request, 0, m.start()):   # "pull the piano back and - this is shots 11
        request = f"{m['place']}: {request[:m.start()]} {request[m.end():]}"   # and 12 - make it quieter there": there
    overdone = bool(halfway.OVERDONE_RE.search(phrases.words(request)))   # "that's a bit loud now", before it is reworded
    request = similes.plain(complaints.plain(request, plan))   # "the drums sound kinda timid"; "it feels like a funeral": how the music feels, in the grammar's words
    said = cues.spoken(silence.round_trip(notation(cues.unlabelled(request.strip()))), analysis, plan)   # a spotting note's cue events
    said = THEN_AFTER_RE.sub(r"\1, after that", said)   # "quiet until the drop, then go big": big after the drop
    said = mentions.LISTED_ADD_RE.sub(lambda m: m.group(0).replace(",", " and"), idioms.joined(said))   # "big drop at 0:40, everything kicks in"; "start quiet, then get louder": a build; "add a flute, a cello and a harp": each added
    said = amounts.LABELLED_RE.sub(" ", said)   # "Tempo: 100", "louder: +4dB": a label and its amount, one clause
    and_led = _and_led(said)
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
    parts = mentions.Mentions(partial(starts.first_heard, plan))  # the instrument named last, for "it" and "them"
    known = {**(known or {}), **names.said(request)}   # "the kiss", whether said before or in this request
    noun = names.noun_of(request)
    complaint: tuple[int, Ask | None] | None = None   # where a complaint's intents start; its question, if any
    said_bare: list[tuple[str, str, int]] = []   # the clauses since the last place said, read with none: text, original, start
    for n_clause, original in enumerate(clauses):
        if original.strip() in held:   # only why: no edit when the clause before changed a part, else read as said
            if prev is not None and (_parts_changed(out[prev[2]:]) or purpose_why.edit_asked(out)):
                continue
            original = similes.plain(held[original.strip()])
        text = phrases.words(phrases.unfilled(spelling.spelled(original.lower())))
        if not text.strip() and prev is not None:
            continue   # "around 0:35, no need to be exact: lay out the rhodes": the hedge between the moment and its edit
        text = re.sub(r"(\d)\.(?!\d)", r"\1", text)
        text = amounts.spoken(text)   # "twenty per cent", "five beats per minute", "minus six decibels": in digits
        text = re.sub(SPOKEN_SECONDS[0], SPOKEN_SECONDS[1], text)   # "at thirty five seconds": a moment too
        text, entry, topic = parts.said(text, n_clause == len(clauses) - 1)
        if topic:  # "the strings. less of them.": a part named, then what to do with it
            continue
        if out and out[-1].what in ("hit", "no_hit") and hit_words.TRAILING_RE.fullmatch(text):
            continue   # "stop at 0:25, hard": how the mark sounds, said after it
        text, span = name_places.placed(text, analysis, plan, known, noun, last_span, request)   # "after the kiss at 0:30": after 0:30
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
        if (span is None or not own) and (at := name_places.moment_shot(text if span else said + text, analysis, intents)):  # "strings up at 0:45"; "quiet at the start, louder at 0:30"
            span, shared, own = at, at, True
            intents = read_clause(analysis, plan, text, span, guess, original, negative)
        if not intents and prev is not None and prev[2] == len(out) and (own or moment(prev[0]) is not None):  # "goal at 0:22, crash there"
            intents = read_clause(analysis, plan, prev[0] + text, span, guess, prev[1], negative)
        if not intents and own and prev is not None and prev[2] < len(out) and not (n_clause + 1 < len(clauses) and
                HEADING_RE.match(text)) and (sides.END_ONLY_RE.match(text) or (not unread.own_place(original,
                lambda: read_clause(analysis, plan, phrases.words(original.lower()), span, True, original)) if prev[4] is None
                else only_place(text) and span.start_s < prev[4].end_s - 0.05 and prev[4].start_s + 0.05 < span.end_s)):
            # "slower, only in the ending": a place after its edit (not carried: "shots 1-2: quieter. shots 3-4: ..."; no unread clause's)
            span = sides.closed(text, span, prev[4], analysis)
            del out[(said_bare[0][2] if ONLY_RE.match(text) and prev[4] is None and said_bare else prev[2]):]
            for bare in (said_bare[:-1] if ONLY_RE.match(text) and prev[4] is None else []):   # "Slower, and the harp
                out.extend(read_clause(analysis, plan, bare[0], span, guess, bare[1], negative))   # up. Only over shot 13."
            intents = read_clause(analysis, plan, prev[0], span, guess, prev[1], negative)
        if not intents and own and only_place(text) and n_clause == len(clauses) - 1 and prev is not None and \
                prev[2] < len(out) and prev[3] and prev[4] is not None and span is not None:
            # "bigger at the start and the end": a bare place last after an edit at its own place (not "shot 4: brighter")
            intents = read_clause(analysis, plan, prev[0], span, guess, prev[1], negative)
        if own and intents and prev is not None and not prev[3] and prev[4] is None and prev[2] < len(out) and \
                original.strip() in and_led and not PLACE_FIRST_RE.match(text) and not WHOLE_IT_RE.search(prev[0]):   # "drop the pad and push the bass from
            out[prev[2]:] = read_clause(analysis, plan, prev[0], span, guess, prev[1], negative)   # 0:16 to 0:28": both
        if complaint is not None and _parts_changed(intents):   # "the brass needs to be bigger, turn it up": made once,
            intents = _size_kept(out[complaint[0]:], intents)   # a size said in either ("a little softer. It stands out")
            del out[complaint[0]:]
        elif complaint is not None and complaint[1] is not None:
            raise complaint[1]
        complaint = (len(out), asked) if complained else None
        if own and intents and prev is not None and prev[5] is not None and prev[5][1] is None and prev[5][0] < len(out) and \
                sides.complaint_placed([it for it in out[prev[5][0]:] if not _as_is(it, plan)], intents, request):   # (an aside between: "too heavy, people won't like it. ...")
            del out[prev[5][0]:]   # "the bass is too much, turn it down from 0:15 to 0:25": the complaint is about there
        # "leave the ending, make it faster": a kept place is lent to no later clause ("the rest" counts from it)
        kept = span if intents and all(it.what == "lock" for it in intents) else None if own else kept
        as_is = intents and all(_as_is(it, plan) for it in intents)   # "too stuffy. keep it classical but more energy from
        # 1:10 on": the style kept changes nothing, so the complaint still meets its placed change
        said_bare = [] if own or span is not None else [*said_bare, (text, original, len(out))] if intents else said_bare
        prev = (text, original, len(out), own, span, (len(out), span) if intents and not as_is else prev[5] if prev else None)
        for it in intents:
            k = next((k for k, o in enumerate(out) if same_meaning(it, o)), None)
            if k is None:
                out.append(it)
            elif said_size(it) > said_size(out[k]) or \
                    it.value == "fade_out":   # "take 4 dB off": the amount said; "a touch", "a lot": that; a fade said plainly
                out[k] = it
    if complaint is not None and complaint[1] is not None:
        raise complaint[1]
    out = sides.framed(halfway_only(one_key(out)), analysis, whole)   # "gloomy, a minor key": one key; "too fast now, split the difference"
    said = names.resolve(phrases.words(_said(purpose_why.without(whole, held, out), request).lower()), dict(names.said(request)))   # "the first dance
    out = cultures.styled(out, said, plan.style)   # bit, 0:13 to 0:21": a place's name, no wedding; said across clauses
    if not out and guess:
        raise Ask(f"Where should that go, and what should change there? {HELP}")
    return out
