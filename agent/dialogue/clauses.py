"""One clause of a request read by the rules grammar (`read_clause`): the `Clause` being read, its place and the intents
it records, and the clause parsers, each taking (clause, text) and returning the text with what it read blanked:
references to earlier versions, key and mode, style, shapes over time, mood, energy and loudness, then the words
left unknown. `v2m.agent.dialogue.edits` splits a request into clauses and reads each here.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import (amounts, arbiter, character, cultures, halfway, marks, mentions, names, orchestration,
                                part_reasons, patterns, phrases, references, sides, silence, similes, takes, techniques,
                                tempos, versions, vocab)
from v2m.agent.dialogue.amounts import magnitude
from v2m.agent.dialogue.intents import scope_of
from v2m.agent.dialogue.orchestration import eat
from v2m.agent.dialogue.phrases import FAST_RE, LESS_RE, LOUD_RE, MORE_RE, QUIET_RE, SLOW_RE
from v2m.agent.dialogue.place_words import PLACE_FILLER, PLACE_WORDS_RE, only_place
from v2m.agent.dialogue.where import Ask, Span, Unknown
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis
from v2m.tools.music.theory import read_tonic, tonic_name, tonic_pc


HELP = ("I can change the style, tempo, key or mood, add, remove, swap or balance instruments, shape the energy "
        "over time, mark cuts, or go back to an earlier version, for the whole video or a part of it. What would "
        "you like, e.g. 'slower after 0:05'?")


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


# a part said as an earlier version had it ("like the very first version had them", "the way the original had it"), not
# taken out beside a return ("lose the drums and take it back to version 2": the return alone)
PART_AS_IN_RE = re.compile(r"\b(?:had|like|as in|the way)\b")
OUT_RE = re.compile(rf"\b(?:{mentions.OUT_VERBS})\b")
# ... nor beside the whole score sent back ("take it back to version 1 the way the sax sounded there": the version, all of it)
WHOLE_BACK_RE = re.compile(r"\b(?:it|it all|all of it|everything|things|the whole (?:thing|score|track|song|mix))\s+back\b")


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
    parts = list(dict.fromkeys(mentions.named_parts(t)))
    if attr is None and version >= 0 and len(parts) == 1 and PART_AS_IN_RE.search(t) and not OUT_RE.search(t) and \
            not WHOLE_BACK_RE.search(t) and \
            (role := orchestration.role_of(c.plan, parts[0])):
        # "put the drums back in shot 2 like the very first version had them": that part as it was, there
        c.want("revert", version=version, value="instruments", target=role, whole=not placed)
        return " " * len(t)
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
    kw = patterns.compiled(rf"\b{re.escape(k)}\b")
    # "dub it out in shot 3: ...", "the funk is wild here"; "the brass band is coming at 0:13": who arrives in the
    # picture there, no style asked for
    if not c.whole and (c.intents or cultures.ARRIVING_RE.match(t, kw.search(t).end())) or cultures.colour(c, kws[k]):
        return kw.sub(" ", t)
    if not c.whole:
        raise Ask(f"A style applies to the whole score; I can make {c.span.label} slower, calmer or change its "
                  "instruments instead. Should I switch the whole score?")
    c.want("style", value=kws[k], direction="set", reason=cultures.word_why(k, kws[k]))
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
    kinds = phrases.guessed_kinds(t, words)
    named = vocab.named_in(t) if "instrument" in kinds else None   # "like a music box": the guessed word ends a name said
    named = named if named and len(named.split()) > 1 and named.split()[-1] == words[-1] else None
    hit = vocab.exact(phrase, "style") or (vocab.Match("instrument", named, 1.0) if named else vocab.best_of(phrase, kinds))
    phrase = named or phrase
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
        rest = techniques.read(c, rest)   # "could the keys be a bit more staccato": the part played so, before a reader takes a word
        rest = amounts.of_part(c, silence.read(rest, c.want, c.span), orchestration.read)
        amounts.sized(c, text)
        rest = phrases.plain(part_reasons.unreasoned(rest, c.intents))
        for parse in (amounts.to_level, _shape, similes.warmth, cultures.read, lambda c_, t_: _key(c_, t_, original or text), tempos.read, _style, _mood, _energy,
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
