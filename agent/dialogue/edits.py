"""The rules planner's edit language: a spoken request applied to a plan, doing what was asked and
nothing else.

    from v2m.agent.dialogue.edits import apply_edit
    result = apply_edit(analysis, plan, "slower in the second half, and add strings")
    result.plan, result.reply        # new plan; "Tempo 138 -> 117 BPM the second half (0:05.5-0:10). ..."

A request is split into clauses (",", ";", "then", "but"); each clause names at most one place in the
video (`v2m.agent.dialogue.where`) and one or more changes: takes and routes (`v2m.agent.dialogue.takes`), hit points and
locks (`v2m.agent.dialogue.marks`), instruments
(`v2m.agent.dialogue.orchestration`), tempo, key, mode, style, mood, energy and loudness (here), each carried out by
`v2m.agent.dialogue.operations`; words it does not know go through `v2m.agent.dialogue.vocab`'s embeddings. Sections the request does not
address keep their exact values; a section the span cuts through is split at the span's edge. A request
that is ambiguous or impossible leaves the plan unchanged and comes back as a question
(`PlanResult.question`).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import marks, orchestration, takes, vocab
from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.orchestration import eat
from v2m.agent.dialogue.where import Ask, Span, fmt, locate, snap
from v2m.agent.planners.result import PlanResult
from v2m.tools.contract import MAX_TEMPO_BPM, MIN_TEMPO_BPM, ScorePlan, VideoAnalysis
from v2m.tools.music.theory import read_tonic, tonic_name, tonic_pc
from v2m.tools.style import load_style, style_names

SMALL = r"\b(?:a (?:little )?bit|slightly|a little|a touch|somewhat|a tad|marginally)\b"
BIG = r"\b(?:much|a lot|way|far|lots|really|very|significantly|drastically|dramatically|considerably)\b"
TEMPO_FACTORS = {"slower": (0.92, 0.85, 0.7), "faster": (1.08, 1.15, 1.35)}
ENERGY_STEPS = (0.1, 0.2, 0.3)
LOUDNESS_STEPS_DB = (2.0, 3.0, 6.0)
SLOW_RE = (r"\b(?:slower|slow(?: it| things)? down|slow|less fast|more slowly|lower tempo|reduce the tempo|"
           r"drop the tempo|decrease the tempo|lower the tempo|relax the pace|ease off the tempo)\b")
FAST_RE = (r"\b(?:faster|speed(?: it| things)? up|fast|quicker|quick|more quickly|higher tempo|up the tempo|"
           r"raise the tempo|increase the tempo|pick up the pace|more tempo|hurry)\b")
MORE_RE = (r"\b(?:more energy|more energetic|energetic|busier|denser|fuller|more intense|intense|livelier|"
           r"more lively|punchier|bigger|stronger|more driving|build(?: it)? up|more power|more powerful|"
           r"more action|more exciting|exciting|more impact|more dense|richer|thicker|wilder)\b")
LESS_RE = (r"\b(?:less energy|less energetic|sparser|sparse|thinner|less busy|simpler|lighter|softer|gentler|"
           r"more minimal|minimal|stripped[- ]down|strip it down|tone it down|less intense|more subtle|subtler|"
           r"smaller|quieter|more delicate|less dense|emptier|barer)\b")
LOUD_RE = r"\b(?:louder|turn (?:it |the music )?up|more volume|raise the volume|increase the volume|volume up)\b"
QUIET_RE = (r"\b(?:turn (?:it |the music )?down|less volume|lower the volume|reduce the volume|volume down|"
            r"too loud|quieter overall|quieter)\b")
FILLER = set("""make it the a an bit more less please can you could sound sounds feel like little much music score
song track some vibe vibes style version kind of way very really too so to be should i want would me give let us
lets let's try with this that in on at into for now bit slightly more whole everything overall all just feel feeling
go more somewhat quite tone mood add use bring""".split())
HELP = ("I can change the style, tempo, key or mood, add, remove or swap instruments, make parts busier or "
        "calmer, and mark cuts, for the whole video or a part of it. What would you like, e.g. 'slower after 0:05'?")


class Edit:
    """One clause being applied: its span, the addressed section indices (after splitting), notes."""

    def __init__(self, plan: ScorePlan, analysis: VideoAnalysis, span: Span | None):
        self.plan, self.analysis, self.span = plan, analysis, span
        self._idx: list[int] | None = None
        self.notes: list[str] = []

    @property
    def whole(self) -> bool:
        return self.span is None

    @property
    def whole_unlocked(self) -> bool:
        """The clause addresses the whole score and no section is locked: plan-wide values may change."""
        return self.whole and not any(s.locked for s in self.plan.sections)

    @property
    def idx(self) -> list[int]:
        if self._idx is None:
            idx, locked = ops.split_at(self.plan, self.span, self.analysis)
            if not idx:
                if locked:
                    raise Ask(f"{self.span.label.capitalize() if self.span else 'Everything'} is locked. "
                              "Unlock it first (e.g. 'unlock the intro')?")
                i = self.plan.section_at(self.span.start_s)
                s = self.plan.sections[i]
                raise Ask(f"{self.span.label.capitalize()} lasts only {self.span.end_s - self.span.start_s:.1f} s, "
                          f"too short to change on its own. Change the {s.name} ({fmt(s.start_s)}-{fmt(s.end_s)}) "
                          "instead?")
            self._idx = idx
        return self._idx


def _amount(text: str) -> int:
    return 0 if re.search(SMALL, text) else 2 if re.search(BIG, text) else 1


# ----------------------------------------------------------------------------- clause parsers
# Each takes (edit, text) and returns the text with what it understood blanked out.


def _key(e: Edit, t: str, original: str) -> str:
    tonic = mode = None
    shift = 0
    m = re.search(r"\b(?:in|to|key of|into) ([A-G](?:#|b|♯|♭| sharp| flat)?)(?:\s*(major|minor|dorian|lydian|"
                  r"mixolydian|phrygian))?\b", original)
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
    for pat, md in ((r"\b(?:darker|dark|minor|more minor|less happy|moodier)\b", "minor"),
                    (r"\b(?:brighter|bright|major|lighter mood|happier key|sunnier)\b", "major"),
                    (r"\b(dorian|lydian|mixolydian|phrygian)\b", None)):
        if (mm := re.search(pat, t)):
            if mode and (md or mm.group(1)) != mode:
                raise Ask("Darker or brighter? I heard both; which one?")
            mode = md or mm.group(1)
            t = eat(t, mm)
    if tonic is None and mode is None and not shift:
        return t
    e.notes.append(ops.set_key(e.plan, [] if e.whole else e.idx, tonic=tonic, mode=mode, shift=shift,
                               whole=e.whole))
    return t


def _tempo(e: Edit, t: str) -> str:
    bpm, factor, delta = None, 1.0, 0.0
    if (m := re.search(r"(\d{1,3}(?:\.\d+)?) ?(?:bpm|beats per minute)? ?(faster|slower|quicker|more|less)\b", t)) \
            and re.search(r"bpm|beats", t) or (m := re.search(r"\b(faster|slower) by (\d{1,3}) ?bpm", t)):
        n, d = (m.group(1), m.group(2)) if m.group(1)[0].isdigit() else (m.group(2), m.group(1))
        delta = float(n) * (1 if d in ("faster", "quicker", "more") else -1)
    elif (m := re.search(r"(\d{1,2}) ?(?:%|percent) (faster|slower|quicker)", t)) \
            or (m := re.search(r"(faster|slower) by (\d{1,2}) ?(?:%|percent)", t)):
        n, d = (m.group(1), m.group(2)) if m.group(1)[0].isdigit() else (m.group(2), m.group(1))
        factor = 1 + float(n) / 100 * (1 if d in ("faster", "quicker") else -1)
    elif (m := re.search(r"(\d{2,3}(?:\.\d+)?) ?(?:bpm|beats per minute)", t)) \
            or (m := re.search(r"\btempo (?:to|at|of) (\d{2,3})\b", t)):
        bpm = float(m.group(1))
        if not MIN_TEMPO_BPM <= bpm <= MAX_TEMPO_BPM:
            raise Ask(f"{bpm:g} BPM is outside what I can play ({MIN_TEMPO_BPM:g}-{MAX_TEMPO_BPM:g}). Which tempo?")
    elif (m := re.search(r"\bhalf[- ](?:time|tempo|speed)\b|\bhalf as fast\b", t)):
        factor = 0.5
    elif (m := re.search(r"\bdouble[- ](?:time|tempo|speed)\b|\btwice as fast\b", t)):
        factor = 2.0
    else:
        slow, fast = re.search(SLOW_RE, t), re.search(FAST_RE, t)
        if slow and fast:
            raise Ask("Faster or slower? I heard both; which one?")
        m = slow or fast
        if not m:
            return t
        factor = TEMPO_FACTORS["slower" if slow else "faster"][_amount(t)]
    e.notes.append(ops.set_tempo(e.plan, [] if e.whole_unlocked else e.idx,
                                 factor=factor, bpm=bpm, delta=delta, whole=e.whole))
    return eat(t, m)


# Style keywords too common in a request about a video to mean a genre on their own.
STYLE_STOP = {"score", "film", "movie", "night", "drive", "road", "study", "bar", "beach", "summer", "party",
              "club", "action", "loud", "soft", "slow", "beats", "dance", "groove", "delta", "cafe", "festival",
              "rainy", "cozy", "hopeful", "elegant", "dramatic", "trailer", "driving", "energetic", "warm",
              "gentle", "relaxing", "house", "soul"}


def _style_keywords() -> dict[str, str]:
    """keyword -> style, leaving out words that mean a mood, a tempo, an energy or an instrument."""
    taken = {*vocab.INSTRUMENTS, *vocab.ROLE_WORDS} | {w for m in vocab.MOODS.values() for w in m.words}
    out = {}
    for name in style_names():
        for kw in [name.replace("_", " "), *load_style(name).keywords]:
            kw = kw.lower()
            if kw == name.replace("_", " ") or not (kw in taken or re.fullmatch(SLOW_RE + "|" + FAST_RE + "|"
                                                                              + MORE_RE + "|" + LESS_RE, kw)
                                                    or kw in STYLE_STOP):
                out.setdefault(kw, name)
    return out


def _style(e: Edit, t: str) -> str:
    kws = _style_keywords()
    hits = [(len(k), k) for k in kws if re.search(rf"\b{re.escape(k)}\b", t)]
    if not hits:
        return t
    k = max(hits)[1]
    if not e.whole:
        raise Ask(f"A style applies to the whole score; I can make {e.span.label} slower, calmer or change its "
                  "instruments instead. Should I switch the whole score?")
    e.notes.append(ops.set_style(e.plan, kws[k]))
    return re.sub(rf"\b{re.escape(k)}\b", " ", t)


def _mood(e: Edit, t: str, mood_name: str | None = None) -> str:
    if mood_name is None:
        words = sorted(((w, m) for m in vocab.MOODS.values() for w in m.words), key=lambda x: -len(x[0]))
        found = [(w, m) for w, m in words if re.search(rf"\b{re.escape(w)}\b", t)]
        if not found:
            return t
        if len({m.name for _, m in found}) > 1:
            names = sorted({m.name for _, m in found})
            raise Ask(f"I heard {' and '.join(names)}; which mood should it be?")
        word, mood = found[0]
    else:
        word, mood = mood_name, vocab.MOODS[mood_name]
    notes = []
    if mood.mode and mood.mode != e.plan.mode:
        if e.whole_unlocked and mood.mode in load_style(e.plan.style).progressions:
            notes.append(ops.set_key(e.plan, [], tonic=None, mode=mood.mode, shift=0, whole=True))
        elif not e.whole:
            notes.append(ops.set_key(e.plan, e.idx, tonic=None, mode=mood.mode, shift=0, whole=False))
    idx = e.idx
    try:
        notes.append(ops.add_energy(e.plan, idx, mood.energy))
    except Ask:
        pass  # already at the limit: the other parts of the mood still apply
    notes.append(ops.set_tempo(e.plan, [] if e.whole_unlocked else idx,
                               factor=mood.tempo, whole=e.whole))
    e.notes.append(f"{mood.name} ({', '.join(notes)})")
    return re.sub(rf"\b{re.escape(word)}\b", " ", t)


def _energy(e: Edit, t: str) -> str:
    more, less = re.search(MORE_RE, t), re.search(LESS_RE, t)
    if more and less:
        raise Ask("Fuller or sparser? I heard both; which one?")
    m = more or less
    if not m:
        return t
    if less and m.group(0) == "quieter" and e.whole:
        return t  # "quieter" for the whole score is loudness
    step = ENERGY_STEPS[_amount(t)]
    e.notes.append(ops.add_energy(e.plan, e.idx, step if more else -step))
    return eat(t, m)


def _loudness(e: Edit, t: str) -> str:
    up, down = re.search(LOUD_RE, t), re.search(QUIET_RE, t)
    m = up or down
    if not m:
        return t
    step = LOUDNESS_STEPS_DB[_amount(t)]
    if not e.whole:  # a part of the score gets louder by playing fuller
        e.notes.append(ops.add_energy(e.plan, e.idx, ENERGY_STEPS[_amount(t)] * (1 if up else -1)))
    else:
        e.notes.append(ops.set_loudness(e.plan, step if up else -step))
    return eat(t, m)


def _shape(e: Edit, t: str) -> str:
    """Intro and ending shapes: "fade out (at the end)", "add an intro", "a longer ending"."""
    if (m := re.search(r"\bfade(?:s|d)?[- ]?out\b|\bfading out\b|\bdie away\b", t)):
        if e.span is None:
            last = len(e.plan.sections) - 1
            e.span = Span(e.plan.sections[last].start_s, e.plan.duration_s, "the ending", sections=[last])
        e.notes.append("fade out: " + ops.add_energy(e.plan, e.idx, -0.3))
        if any("drums" in ops.effective_roles(e.plan, e.plan.sections[i]) for i in e.idx):
            ops.set_roles(e.plan, e.idx, remove="drums")
            e.notes[-1] += ", no drums"
        return eat(t, m)
    if re.search(r"\b(add|longer|extend|shorter|new|another) (an? )?(intro|ending|outro)\b", t):
        raise Ask("The intro and the ending follow the video's first and last shots, so they cannot grow or "
                  "shrink; I can make them softer, sparser or bigger ('a softer intro', 'no drums in the "
                  "intro'). Which would you like?")
    return t


def _unknown(e: Edit, t: str) -> None:
    """Nothing was understood: map the clause's content words through the embeddings, or ask."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", t) if w not in FILLER and len(w) > 2]
    if not words:
        where = f" in {e.span.label}" if e.span else ""
        raise Ask(f"What should change{where}? {HELP}")
    phrase = " ".join(words[-3:])
    hit = vocab.best_of(phrase)
    if hit is None:
        raise Ask(f"I'm not sure what '{phrase}' means for the music. {HELP}")
    if hit.kind == "mood":
        _mood(e, " " + hit.name + " ", hit.name)
    elif hit.kind == "style":
        if not e.whole:
            raise Ask(f"'{phrase}' sounds like {hit.name}, a style for the whole score. Switch the whole score?")
        e.notes.append(ops.set_style(e.plan, hit.name))
    else:
        role = orchestration.role_of(e.plan, hit.name) or orchestration.add_role(e, hit.name)
        ops.set_roles(e.plan, e.idx, add=role)
        e.notes.append(f"added {hit.name}")
    e.notes[-1] += f" (for '{phrase}')"


# Clauses made only of these ("no, jazz instead", "ok, then ...") carry no edit of their own.
SMALL_TALK = {"no", "nope", "ok", "okay", "yes", "yeah", "please", "actually", "hmm", "well", "instead", "rather",
              "so", "and", "also", "then", "hm", "um", "sorry", "thanks", "thank", "you", "wait", "oh", "right"}
CLAUSE_SPLIT = re.compile(r"\s*(?:(?:[,;!?]|\.(?!\d))+\s*(?:and |but |then |also )?|\band then\b|\bthen\b|\bbut\b|\balso\b)\s*")


def apply_edit(analysis: VideoAnalysis, plan: ScorePlan, request: str) -> PlanResult:
    """Apply a spoken edit to a plan.

    Args:
        analysis: the measured video (shots, cuts, motion) the edit's places refer to.
        plan: the current plan; it is not modified.
        request: the user's words ("slower in the second half", "hit the cut at 0:07").
    Returns:
        A PlanResult with the new plan and a one- or two-line reply saying what changed; when the request
        is ambiguous or impossible, the unchanged plan and `question` set (also in `reply`).
    """
    new = plan.model_copy(deep=True)
    said: list[str] = []
    try:
        clauses = [c for c in CLAUSE_SPLIT.split(request.strip()) if c and c.strip()]
        meaningful = [c for c in clauses if set(re.findall(r"[a-z']+", c.lower())) - SMALL_TALK]
        clauses = meaningful if meaningful or not clauses else clauses
        if not clauses:
            raise Ask(f"What should I change? {HELP}")
        for original in clauses:
            text = " " + re.sub(r"[^a-z0-9#:.%' -]+", " ", original.lower()) + " "
            text = re.sub(r"(\d)\.(?!\d)", r"\1", text)
            span = locate(text, analysis, new)
            e = Edit(new, analysis, snap(span, analysis) if span else None)
            rest = takes.retake(e, takes.route(e, text))
            rest = marks.locks(e, rest)
            rest = marks.sync(e, rest)
            if not e.notes:
                for parse in (_shape, orchestration.instruments, lambda e_, t_: _key(e_, t_, original), _tempo,
                              _style, _mood, _energy, _loudness):
                    rest = parse(e, rest)
            if not e.notes:
                _unknown(e, rest)
            where = ops.where_phrase(new, e._idx or [], e.span)
            said.append(", ".join(e.notes) + where)
        new = ScorePlan.model_validate(new.model_dump())
    except Ask as q:
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=str(q), question=str(q))
    reply = "; ".join(said)
    reply = reply[0].upper() + reply[1:] + "."
    new.reasoning = (plan.reasoning.rstrip() + f"\n\n## Edit\n- \"{request}\": {reply}\n").lstrip()
    return PlanResult(plan=new, reasoning=new.reasoning, reply=reply)
