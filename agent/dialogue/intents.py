"""The one place an understood edit becomes a plan change: `EditIntent`s (from the rules grammar, the
learned intent model or a language model) applied to a copy of the plan by deterministic operations.

    from v2m.agent.dialogue.intents import apply_intents
    new = apply_intents(analysis, plan, [EditIntent(what="tempo", direction="down", scope=...)], history)

Each intent touches only the sections its scope names (a section the scope cuts through is split at the
scope's edge, and the split adds no fill nobody asked for) and only the roles it names. An intent that
cannot be carried out raises `Ask` with the question to put to the user; the caller keeps the old plan.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from v2m.agent.dialogue import balance_once, doubled, fade_ins, halfway, hit_words, keyed, marks, orchestration, put_back, shape_start, silence, standing, takes, tempos, versions, vocab
from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.balance_once import SIZES   # (the one table of sizes)
from v2m.agent.dialogue.changes import diff, edited_at
from v2m.agent.dialogue.repeats import from_last_revert, kept_parts, locks_first, style_first
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import Ask, Span, fmt
from v2m.tools.contract import MAX_TEMPO_BPM, MIN_TEMPO_BPM, REVERT_ATTRIBUTES, EditIntent, EditScope, ScorePlan, VideoAnalysis
from v2m.tools.style import load_style

TEMPO_FACTORS = {"down": (0.92, 0.85, 0.7), "up": (1.08, 1.15, 1.35)}
ENERGY_STEPS = (0.1, 0.2, 0.3)
LOUDNESS_STEPS_DB = (2.0, 3.0, 6.0)
LEVEL_STEPS_DB = (3.0, 5.0, 8.0)   # "bring the strings forward": one part against the others
SHAPE_MIN_PIECE_S = 1.0            # a shape over time is drawn in pieces at least this long
SHAPE_STEP_S = 7.0                 # and a piece between cuts longer than this in steps too (3 at most)


class Edit:
    """One intent being applied: the plan copy, its span, and the addressed section indices."""

    def __init__(self, plan: ScorePlan, analysis: VideoAnalysis, span: Span | None, said: list[str] | None = None, energy_lowered: bool = False):
        self.plan, self.analysis, self.span, self.energy_lowered = plan, analysis, span, energy_lowered   # the request only lowers the energy there
        self.said = [] if said is None else said   # what the reply must add: a limit that stopped a change short
        self._idx: list[int] | None = None

    @property
    def whole(self) -> bool:
        return self.span is None

    def move(self, span: Span | None) -> None:
        """Address `span` from now on; its sections are found again when next asked for (`idx`)."""
        self.span, self._idx = span, None

    @property
    def whole_unlocked(self) -> bool:
        """The intent addresses the whole score and no section is locked: plan-wide values may change."""
        return self.whole and not any(s.locked for s in self.plan.sections)

    @property
    def idx(self) -> list[int]:
        if self._idx is None:
            idx, locked = ops.split_at(self.plan, self.span, self.analysis)
            if not idx:
                if locked:
                    raise Ask(f"{self.span.label.capitalize() if self.span else 'Everything'} is locked. "
                              "Unlock it first (e.g. 'unlock the intro')?")
                s = self.plan.sections[self.plan.section_at(self.span.start_s)]
                raise Ask(f"{self.span.label.capitalize()} lasts only {self.span.end_s - self.span.start_s:.1f} s, "
                          f"too short to change on its own. Change the {s.name} ({fmt(s.start_s)}-{fmt(s.end_s)}) "
                          "instead?")
            self._idx = idx
        return self._idx


def span_of(scope: EditScope) -> Span | None:
    if scope.kind == "whole":
        return None
    return Span(scope.start_s, scope.end_s, scope.label, sections=scope.sections, snap=False)


def _regrouped(span: Span | None, read: ScorePlan, now: ScorePlan) -> Span | None:
    """`span` with its section indices, which name the sections of the plan the request was read against, renamed
    for the plan as edited so far: "calm in the middle, bigger at the end" split the sections in the middle, and
    the ending's index then named the climax."""
    if span is None or span.sections is None or [(x.start_s, x.end_s) for x in read.sections] == \
            [(x.start_s, x.end_s) for x in now.sections]:
        return span
    inside = [i for i, x in enumerate(now.sections) if span.start_s - 0.05 <= x.start_s and x.end_s <= span.end_s + 0.05]
    return Span(span.start_s, span.end_s, span.label, sections=inside, snap=False)


def scope_of(span: Span | None, times: list[float] | None = None) -> EditScope:
    """The contract's scope for a grammar span (None = the whole score)."""
    if span is None:
        return EditScope(times_s=times or [])
    if span.end_s <= span.start_s:   # "after that" where the last edit ran to the end: no stretch, a question
        raise Ask(f"'{span.label or fmt(span.start_s)}' leaves nothing of the video to change: it ends where it starts "
                  f"({fmt(span.start_s)}). Which part did you mean, e.g. 'shot 3' or 'from 0:12 to 0:20'?")
    kind = "sections" if span.sections is not None else "from" if span.label.startswith("after") else \
        "until" if span.label.startswith("before") else "shots" if "shot" in span.label else "span"
    return EditScope(kind=kind, start_s=round(span.start_s, 3), end_s=round(span.end_s, 3), label=span.label[:120],
                     sections=span.sections, times_s=times or [])


# ----------------------------------------------------------------------------- handlers


def _tempo(e: Edit, it: EditIntent) -> None:
    bpm, factor, delta = None, 1.0, 0.0
    if it.direction == "set":
        bpm = it.amount
        if bpm is None or not MIN_TEMPO_BPM <= bpm <= MAX_TEMPO_BPM:
            raise Ask(f"{bpm:g} BPM is outside what I can play ({MIN_TEMPO_BPM:g}-{MAX_TEMPO_BPM:g}). Which tempo?"
                      if bpm else "Which tempo?")
    elif it.amount is not None and it.value == "bpm":
        delta = abs(it.amount) * (1 if it.direction == "up" else -1)
    elif it.amount is not None and it.value == "factor":
        factor = it.amount
    elif it.amount is not None and it.value == "percent":
        factor = 1 + abs(it.amount) / 100 * (1 if it.direction == "up" else -1)
    else:
        factor = TEMPO_FACTORS[it.direction or "up"][SIZES[it.magnitude]]
    if it.value == "gradual" and it.direction in ("up", "down"):   # "gradually slow down": a step slower each piece
        _pieces(e)
        for k, i in enumerate(e.idx):
            ops.set_tempo(e.plan, [i], factor=1 + (factor - 1) * (k + 1) / len(e.idx), whole=False)
        return
    ops.set_tempo(e.plan, e.idx, factor=factor, bpm=bpm, delta=delta, whole=e.whole)   # sections with their own too


def _key(e: Edit, it: EditIntent) -> None:
    tonic, _, mode = (it.value or "").partition(" ")
    ops.set_key(e.plan, [] if e.whole else e.idx, tonic=tonic or None, mode=mode or None,
                shift=int(it.amount or 0), whole=e.whole)


def _meter(e: Edit, meter: str) -> None:
    if not e.whole:   # one meter per score: the bars of every section follow it
        raise Ask(f"The meter is the whole score's; should all of it be in {meter}?")
    e.plan.meter = meter


def _mode(e: Edit, it: EditIntent) -> None:
    if it.reason and it.value == e.plan.mode:  # part of a culture read as a style, already so: nothing to ask
        return
    keyed.mode(e, it)   # "too gloomy" in major already: brighter another way


def _style(e: Edit, it: EditIntent) -> None:
    if it.direction == "down":  # away from a style, with none named to go to (see `from_last_revert`)
        others = ", ".join([s for s in AWAY_OPTIONS if s not in (e.plan.style, it.value)][:3])
        now = "" if e.plan.style == it.value else f"The score is {e.plan.style} now. "
        raise Ask(f"{now}Moving {it.reason}: toward which style? For example {others}.")
    if not e.whole:
        raise Ask(f"A style applies to the whole score; I can make {e.span.label} slower, calmer or change its "
                  "instruments instead. Should I switch the whole score?")
    if not (it.reason and it.value == e.plan.style):  # "more film noir" in jazz: only the instruments it brings
        e.said.extend(standing.restyled(e.plan, it.value))   # "no drums" said before: kept out
    for word in (it.target or "").split(","):  # the instruments a culture or purpose brings ("brass")
        if word.strip():
            orchestration.add(e, word.strip(), quiet=True)


def _mood(e: Edit, it: EditIntent) -> None:
    mood = MOODS[it.value]
    if mood.mode and mood.mode != e.plan.mode:
        if e.whole_unlocked and mood.mode in load_style(e.plan.style).progressions:
            ops.set_key(e.plan, [], tonic=None, mode=mood.mode, shift=0, whole=True)
        elif not e.whole:
            ops.set_key(e.plan, e.idx, tonic=None, mode=mood.mode, shift=0, whole=False)
    try:
        ops.add_energy(e.plan, e.idx, mood.energy)
    except Ask:
        pass  # already at the limit: the other parts of the mood still apply
    try:
        if mood.tempo != 1.0:   # "more suspense in shot 5": the same pace, no tempo written into the shot
            ops.set_tempo(e.plan, e.idx, factor=mood.tempo, whole=e.whole)
    except Ask:
        pass


def _energy(e: Edit, it: EditIntent) -> None:
    if it.value == "to":   # "as loud as the intro": each stretch to that energy (`amounts.to_level`)
        return ops.energy_to(e.plan, e.idx, it.amount, it.direction)
    step = it.amount if it.amount is not None else ENERGY_STEPS[SIZES[it.magnitude]]
    ops.add_energy(e.plan, e.idx, abs(step) if it.direction == "up" else -abs(step))


def _loudness(e: Edit, it: EditIntent) -> None:
    if not e.whole:  # a part of the score gets louder by playing fuller
        ops.add_energy(e.plan, e.idx, ENERGY_STEPS[SIZES[it.magnitude]] * (1 if it.direction == "up" else -1))
        return
    step = it.amount if it.amount is not None else LOUDNESS_STEPS_DB[SIZES[it.magnitude]]
    if (capped := ops.set_loudness(e.plan, abs(step) if it.direction == "up" else -abs(step), it.amount is not None)):
        e.said.append(capped)   # "turn the volume up 40 dB": the cap said


def _shape(e: Edit, it: EditIntent) -> None:
    """Energy drawn over time across the scope, split at its cuts (or in even pieces): "start soft and grow"."""
    if it.value in ("fade_out", "fade_all"):
        if e.span is None and it.value == "fade_out":   # "fade out": over the ending; "fade_all": the whole clip
            last = len(e.plan.sections) - 1
            e.span = Span(e.plan.sections[last].start_s, e.plan.duration_s, "the ending")
        _pieces(e)
        if it.value == "fade_out" and any("drums" in ops.effective_roles(e.plan, e.plan.sections[i]) for i in e.idx):
            ops.set_roles(e.plan, e.idx, remove="drums")
        t0, t1 = e.plan.sections[e.idx[0]].start_s, e.plan.sections[e.idx[-1]].end_s
        first = e.plan.sections[e.idx[0]].energy
        for i in e.idx:  # each piece softer than it was, and softer the later it is; over the whole clip, from the first
            s = e.plan.sections[i]
            x = ((s.start_s + s.end_s) / 2 - t0) / max(1e-6, t1 - t0)
            level = s.energy * (0.75 - 0.6 * x) if it.value == "fade_out" else first * (1.0 - 0.85 * x)
            e.plan.sections[i] = s.model_copy(update={"energy": round(max(0.05, level), 2)})
        return
    levels = it.shape or ([0.25, 0.85] if it.direction != "down" else [0.85, 0.25])
    _pieces(e)
    idx = e.idx
    if len(idx) < 2:
        raise Ask(f"{(e.span.label if e.span else 'The score').capitalize()} is too short to rise or fall within "
                  "it. Change the energy of the whole part instead?")
    t0, t1 = e.plan.sections[idx[0]].start_s, e.plan.sections[idx[-1]].end_s
    fall, levels = shape_start.lowers(levels, it.text), shape_start.from_the_music(e.plan, idx, levels, it.text)   # from the music there
    for i in idx:
        s = e.plan.sections[i]
        pos = ((s.start_s + s.end_s) / 2 - t0) / max(1e-6, t1 - t0) * (len(levels) - 1)
        k = min(int(pos), len(levels) - 2) if len(levels) > 1 else 0
        level = levels[0] if len(levels) == 1 else levels[k] + (levels[k + 1] - levels[k]) * (pos - k)
        e.plan.sections[i] = s.model_copy(update={"energy": round(min(s.energy if fall else 1.0, max(0.05, level)), 2)})


def _pieces(e: Edit) -> None:
    """Split the edit's span (the whole score when none) at its cuts, or in even pieces when it has none,
    so a shape over time has steps to climb or fall along."""
    a, b = (0.0, e.plan.duration_s) if e.span is None else (e.span.start_s, e.span.end_s)
    e.move(Span(a, b, e.span.label if e.span else "the whole score", snap=False))
    edges = [c for c in e.analysis.boundaries_s if a + SHAPE_MIN_PIECE_S <= c <= b - SHAPE_MIN_PIECE_S]
    edges = [x for k, x in enumerate(edges) if k == 0 or x - edges[k - 1] >= SHAPE_MIN_PIECE_S]
    cuts = []   # a long shot in even steps too, so the rise (fall) goes on within it
    for x, y in zip([a, *edges], [*edges, b]):
        n = max(1, min(3 if not edges else 2, int((y - x) // SHAPE_MIN_PIECE_S))) if not edges or y - x > SHAPE_STEP_S else 1
        cuts += [x + (y - x) * k / n for k in range(n)]
    cuts.append(b)
    for x, y in zip(cuts, cuts[1:]):
        ops.split_at(e.plan, Span(x, y, "", snap=False), e.analysis)


def _revert(e: Edit, it: EditIntent, history: list[ScorePlan]) -> ScorePlan:
    """Back to an earlier version: `history` is the first plan then one plan per edit, up to the current."""
    if len(history) < 2:
        raise Ask("This is still the first score, so there is no earlier version to go back to. What should change?")
    n = it.version if it.version is not None else -1
    if n == -1 and it.value is None and it.amount is None and e.span is not None:   # "shot 4 was better before"
        n = (edited_at((e.span.start_s, e.span.end_s), history) or 0) - 1   # the version before the latest edit there
        if n < 0:   # "how the ending was before" after an edit of shot 2: it is as it was, said plainly
            return e.said.append(f"Not changed: no edit so far changed {e.span.label}; it plays as it always has.") or e.plan
        e.move(versions.changed_there(e.span, history, n))   # "how the ending was before": all that edit changed there
    if n == -1 and it.value in versions.KINDS_OF and it.amount is None:
        # "the tempo back how it was": the tempo before the last edit that changed it, however long ago
        n = versions.last_change_of(it.value, history, e.span and (e.span.start_s, e.span.end_s)) if it.target is None else \
            versions.last_part_change(it.target, history, versions.KINDS_OF["instruments"])
        if n is None:   # "the tempo back how it was" where no edit changed it (there)
            return e.said.append(f"Not changed: no edit so far changed the {it.target or it.value}{put_back.there(e.span)}; it is as it always was.") or e.plan
    k = n if n >= 0 else len(history) - 1 + n
    if not 0 <= k < len(history):
        raise Ask(f"There are versions 0 (the first score) to {len(history) - 1}; which one did you mean?")
    old = history[k]
    attr = it.value
    if it.amount is not None and attr in (None, "tempo", "energy", "instruments", "loudness"):
        return halfway.blend(e.plan, old, it.amount, attr, it.target)   # "split the difference": part of the way back
    if attr is None and e.span is not None:
        versions.stretch_as_in(e.plan, old, e.idx)
        return e.plan
    if attr is None:
        return old.model_copy(deep=True)
    if attr not in REVERT_ATTRIBUTES:
        raise Ask(f"I can bring back the {', '.join(REVERT_ATTRIBUTES)} of an earlier version; which one?")
    p = e.plan
    if attr in put_back.PLACED:   # as it was (held or free as it was), and only where said ("the tempo back in shot 3")
        put_back.placed(e, old, attr)
    elif attr in ("key", "mode"):
        p.key, p.mode = old.key, old.mode
        p.sections = [s.model_copy(update={"chords": old.sections[old.section_at((s.start_s + s.end_s) / 2)]
                                           .chords}) for s in p.sections]
    elif attr == "instruments" and it.target:   # "bring the drums back": that part alone as it was
        versions.part_as_in(p, old, it.target, e.idx if e.span is not None else None)   # there only, when said
    elif attr == "instruments":
        p.instrumentation = dict(old.instrumentation)
        p.sections = [s.model_copy(update={k: getattr(old.sections[old.section_at((s.start_s + s.end_s) / 2)], k)
                                           for k in ("instruments", "levels_db")}) for s in p.sections]
    elif attr == "loudness":
        p.loudness_lufs = old.loudness_lufs
    elif attr == "hits":   # the marks as they were ("undo everything but the hit": the hit kept from now)
        p.hit_points = [h.model_copy() for h in old.hit_points]
    elif attr == "style":
        return old.model_copy(deep=True)
    # "I preferred the drums in v2" when only the drums changed since: that version itself, not a copy cut differently
    return old.model_copy(deep=True) if not diff(old, p) else p


GUESSED = " read as "   # the reason of a part guessed from unknown words (`edits`): no ask to play fuller
HANDLERS: dict[str, Callable[[Edit, EditIntent], None]] = {
    "tempo": lambda e, it: tempos.met(e, it) or _tempo(e, it), "meter": lambda e, it: _meter(e, it.value), "key": _key, "mode": _mode, "style": _style, "mood": _mood, "energy": _energy,
    "loudness": _loudness, "shape": _shape,
    "add": lambda e, it: silence.back(e) if it.value == "music" else fade_ins.played_in(e, it) or orchestration.add(
        e, it.value, more=it.direction == "up" or GUESSED in (it.reason or ""), back=" back " in f" {it.text} ") or fade_ins.ramp(e, it),
    "remove": lambda e, it: silence.out(e) if it.value == "music" else fade_ins.faded_out(e, it) or
    orchestration.remove(e, it.value, it.text),   # "let the strings fade out": that part falls out
    "swap": lambda e, it: doubled.swap(e, it.target, it.value),   # "the piano should lead" where it does: said
    "only": lambda e, it: orchestration.only(e, it.value),
    "balance": lambda e, it: _loudness(e, it) if _plays_all(e, it) else
    doubled.balance(e, it.value, _level_step(it), it.target, it.text),   # an instrument on several parts: all of them
    "hit": lambda e, it: marks.add_hits(e, it.scope.times_s, it.value) or hit_words.sounded(e, it.text, it.value),
    "no_hit": lambda e, it: marks.drop_hits(e, it.scope.times_s or None),
    "lock": lambda e, it: marks.lock(e, True), "unlock": lambda e, it: marks.lock(e, False),
    "take": lambda e, it: takes.new_take(e), "route": lambda e, it: takes.set_route(e, it.value),
}


def _plays_all(e: Edit, it: EditIntent) -> bool:
    """The part named is every part playing there ("the piano is too loud" in a solo piano score): the music itself,
    louder or softer, since one of its roles stepped back against the others is no change anyone hears as asked."""
    inst = {**load_style(e.plan.style).instruments, **e.plan.instrumentation}
    named = {r for r, n in inst.items() if it.value and it.value in n.lower()}
    playing = {r for i in e.idx for r in ops.effective_roles(e.plan, e.plan.sections[i])}
    return not it.target and len(named) > 1 and playing <= named


def _level_step(it: EditIntent) -> float:
    step = abs(it.amount) if it.amount is not None else LEVEL_STEPS_DB[SIZES[it.magnitude]]
    return step if it.direction != "down" else -step


AWAY_OPTIONS = ("folk", "jazz", "cinematic", "rock", "ambient")   # styles offered when one is only moved away from


def apply_intents(analysis: VideoAnalysis, plan: ScorePlan, intents: list[EditIntent],
                  history: list[ScorePlan] | None = None, passed: list[str] | None = None) -> ScorePlan:
    """Apply intents in order to a copy of `plan`.

    Args:
        analysis: the measured video the scopes refer to.
        plan: the current plan (not modified).
        intents: what to change, in the order said.
        history: the first plan, then the plan after each edit so far (for reverts); default [plan].
        passed: filled with what the reply must add: a change already at its limit, passed over for the others
            ("darker and slower" in minor: the score was already as dark as the key goes), or stopped short by a
            limit ("turn the volume up 40 dB": the cap).
    Returns:
        The new plan, validated.
    Raises:
        Ask: an intent cannot be carried out; the message is the question for the user.
    """
    new = plan.model_copy(deep=True)
    intents = style_first(locks_first(balance_once.once_per_part(plan, kept_parts(from_last_revert(intents), partial(orchestration.role_of, plan)))))
    limit = None   # a change already at its limit, asked about only when nothing else of the request is made
    passed = [] if passed is None else passed
    named = None   # a version gone back to by its number ("back to v3, no drums, no strings")
    for it in intents:
        e = Edit(new, analysis, _regrouped(span_of(it.scope), plan, new), passed, {o.direction for o in intents if o.what == "energy" and o.scope == it.scope} == {"down"})
        if it.what in ("undo", "revert"):
            new = _revert(e, it if it.what == "revert" else it.model_copy(update={"version": -1}),
                    list(history or [plan]))
            named = new if it.value is None and (it.version or -1) >= 0 else None
        elif it.what == "remove" and named is not None and not any(
                orchestration.role_of(new, it.value) in ops.effective_roles(new, s) for s in new.sections):
            continue   # "v3, no kit, no strings": what that version is, said beside it, not a second edit
        elif it.what == "add" and named is not None and it.direction is None and it.scope.kind == "whole" and any(
                orchestration.role_of(new, it.value) in ops.effective_roles(new, s) for s in new.sections):
            continue   # "the second one, with the drums still in": that version had them, not "more drums"
        elif it.what == "redo":
            raise Ask("Say 'redo' on its own to step forward again; or what should change?")
        else:
            try:
                HANDLERS[it.what](e, it)
            except ops.AtLimit as q:
                limit = limit or q
                if q.said not in passed:
                    passed.append(q.said)
    if limit is not None and (new == plan or not diff(plan, new)):   # a split piece alone is no change
        raise limit
    return ScorePlan.model_validate(new.model_dump())
