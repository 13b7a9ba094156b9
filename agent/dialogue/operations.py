"""The operations an edit is made of, each acting on a copy of the plan and only on the sections it is
given: tempo, key and mode, energy, instruments, hit points, locks. `split_at` cuts a section where an
addressed span begins or ends, so only the addressed part changes.

Each operation returns one short phrase for the reply ("tempo 138 -> 117 BPM"). Unaddressed sections
are never touched, locked sections are never changed.
"""

from __future__ import annotations

from v2m.agent.dialogue.where import MIN_PIECE_S, Ask, Span, fmt
from v2m.tools.contract import (
    MAX_LOUDNESS_LUFS,
    MAX_TEMPO_BPM,
    MIN_LOUDNESS_LUFS,
    MIN_TEMPO_BPM,
    ROLES,
    HitPoint,
    ScorePlan,
    Section,
    Split,
    VideoAnalysis,
)
from v2m.tools.music.theory import chord_symbol, numeral_mode, transpose_tonic
from v2m.tools.style import load_style


def bar_s(plan: ScorePlan, s: Section) -> float:
    return int(plan.meter.split("/")[0]) * 60.0 / (s.tempo_bpm or plan.tempo_bpm)


def effective_roles(plan: ScorePlan, s: Section) -> list[str]:
    """The roles a section plays: none where the music is out, else its own list or every role of the plan
    and its style."""
    if not s.music:
        return []
    if s.instruments:
        return list(s.instruments)
    return list(dict.fromkeys([*load_style(plan.style).instruments, *plan.instrumentation]))


def _piece(plan: ScorePlan, s: Section, a: float, b: float, k: int, analysis: VideoAnalysis) -> Section:
    shots = [i for i in s.shots if i < len(analysis.shots)
             and min(b, analysis.shots[i].end_s) - max(a, analysis.shots[i].start_s) > 0.05] or list(s.shots)
    chords = list(s.chords)
    r = 0
    if chords and a > s.start_s:  # continue the chord cycle where the original section would be
        r = round((a - s.start_s) / bar_s(plan, s)) % len(chords)
        chords = chords[r:] + chords[:r]
    name = s.name if k == 0 else f"{s.name[:36]} {k + 1}"
    # the whole section it came from (the first one, when a piece is split again): the composer plays the piece as
    # that section's music cut at the seams, so the side nobody addressed keeps its notes
    whole = s.split_from.model_copy(update={"chords_from": s.split_from.chords_from + r}) if s.split_from else \
        Split(start_s=s.start_s, end_s=s.end_s, tempo_bpm=s.tempo_bpm, tempo_asked=s.tempo_asked, fill=s.fill,
              chords_from=r)
    return s.model_copy(update={"name": name, "start_s": round(a, 3), "end_s": round(b, 3), "shots": shots,
                                "chords": chords, "split_from": whole})


def split_at(plan: ScorePlan, span: Span | None, analysis: VideoAnalysis) -> tuple[list[int], list[int]]:
    """Split sections of `plan` (in place) at the span's edges; return (addressed, locked-but-addressed).

    Args:
        plan: the plan being edited (a copy; its sections list is replaced).
        span: the addressed part, or None for the whole score.
        analysis: for the shots each new piece covers.
    Returns:
        Indices of unlocked sections inside the span, and of locked ones it touched.
    """
    if span is None:
        return ([i for i, s in enumerate(plan.sections) if not s.locked],
                [i for i, s in enumerate(plan.sections) if s.locked])
    if span.sections is not None:
        return ([i for i in span.sections if not plan.sections[i].locked],
                [i for i in span.sections if plan.sections[i].locked])
    out: list[Section] = []
    inside, locked = [], []
    for s in plan.sections:
        a, b = max(s.start_s, span.start_s), min(s.end_s, span.end_s)
        if b - a < MIN_PIECE_S and not (b > a and s.duration_s < MIN_PIECE_S * 2):
            out.append(s)
            continue
        if s.locked:
            locked.append(len(out))
            out.append(s)
            continue
        a = a if a - s.start_s >= MIN_PIECE_S else s.start_s  # a sliver joins the addressed part
        b = b if s.end_s - b >= MIN_PIECE_S else s.end_s
        edges = sorted({s.start_s, a, b, s.end_s})
        if len(edges) == 2:
            inside.append(len(out))
            out.append(s)
            continue
        for k, (x, y) in enumerate(zip(edges, edges[1:])):
            if x >= a - 1e-6 and y <= b + 1e-6:
                inside.append(len(out))
            piece = _piece(plan, s, x, y, k, analysis)
            if y < s.end_s - 1e-6:  # a split edge: no fill into the next piece unless an edit asks for one
                piece = piece.model_copy(update={"fill": False})
            out.append(piece)
    plan.sections = out
    return inside, locked


# ----------------------------------------------------------------------------- tempo


def set_tempo(plan: ScorePlan, idx: list[int], *, factor: float = 1.0, bpm: float | None = None,
              delta: float = 0.0, whole: bool) -> str:
    def new(old: float) -> float:
        t = bpm if bpm is not None else old * factor + delta
        return round(min(MAX_TEMPO_BPM, max(MIN_TEMPO_BPM, t)), 1)

    old = plan.tempo_bpm
    if whole and not any(s.locked for s in plan.sections):
        plan.tempo_bpm = new(old)
        # a section's own tempo moves too: "set the tempo to 120" is heard everywhere, "a bit slower overall"
        # slows shot 3's double time (`idx` is empty for the whole score)
        for i, s in enumerate(plan.sections):
            if s.tempo_bpm is not None:   # a piece of a split keeps its whole section's grid: that moves with it
                t = new(s.tempo_bpm) if bpm is None else None
                sp = s.split_from and (s.split_from.model_copy(update={"tempo_bpm": t})
                                       if s.split_from.tempo_bpm == s.tempo_bpm else s.split_from)
                plan.sections[i] = s.model_copy(update={"tempo_bpm": t, "split_from": sp})
        if plan.tempo_bpm == old:
            raise Ask(f"The tempo is already {old:g} BPM, at the edge of what I can play; what did you have in mind?")
        mark_asked(plan, idx)
        return f"tempo {old:g} -> {plan.tempo_bpm:g} BPM"
    # A section's own tempo: anywhere the composer can play (the tempo map keeps a tempo a person asked
    # for even outside the style's range, as "shot 3 at double speed" asks).
    olds = [plan.sections[i].tempo_bpm or old for i in idx]
    for i, o in zip(idx, olds):
        plan.sections[i] = plan.sections[i].model_copy(update={"tempo_bpm": new(o)})
    news = [plan.sections[i].tempo_bpm for i in idx]
    if news == [round(o, 1) for o in olds]:
        raise Ask(f"That part is already at {news[0]:g} BPM, the edge of what I can play ({MIN_TEMPO_BPM:g}-"
                  f"{MAX_TEMPO_BPM:g}). What did you have in mind?")
    mark_asked(plan, idx, whole=False)
    regrid(plan, idx)
    if len(set(news)) == 1:
        return f"tempo {min(olds):g} -> {news[0]:g} BPM"
    return f"tempo {min(olds):g}-{max(olds):g} -> {min(news):g}-{max(news):g} BPM"


def mark_asked(plan: ScorePlan, idx: list[int], whole: bool = True) -> None:
    """Record that a person asked for the tempo just set (the plan's when `whole`, and that of the sections
    `idx` with their own): the tempo map keeps it as heard instead of moving it to keep whole bars."""
    plan.tempo_asked = plan.tempo_asked or whole
    for i in idx:
        if plan.sections[i].tempo_bpm is not None:
            plan.sections[i] = plan.sections[i].model_copy(update={"tempo_asked": True})


def regrid(plan: ScorePlan, idx: list[int]) -> None:
    """Pieces of one split that an edit of sections `idx` set to one tempo of their own, every piece of it ("from 0
    to 4 s at 90 bpm" over shots 1-2 split by "louder in shot 2"): their whole section takes that tempo too, so
    they are still played on its grid, cut at the seams (tools/music/splits.py), not each as a section of its own.
    A piece left out of the edit keeps what it was, so nothing it plays moves."""
    spans = {(s.split_from.start_s, s.split_from.end_s) for i in idx if (s := plan.sections[i]).split_from}
    for span in spans:
        group = [i for i, s in enumerate(plan.sections) if s.split_from and (s.split_from.start_s, s.split_from.end_s) == span]
        tempos = {(plan.sections[i].tempo_bpm, plan.sections[i].tempo_asked) for i in group}
        if len(group) < 2 or len(tempos) != 1 or not set(group) <= set(idx):
            continue
        t, asked = tempos.pop()
        for i in group:
            s = plan.sections[i]
            plan.sections[i] = s.model_copy(update={"split_from": s.split_from.model_copy(
                update={"tempo_bpm": t, "tempo_asked": asked})})


# ----------------------------------------------------------------------------- key, mode, chords


def progression(plan: ScorePlan, mode: str, i: int) -> list[str] | None:
    progs = load_style(plan.style).progressions.get(mode)
    return list(progs[i % len(progs)]) if progs else None


def _mode_limit(mode: str) -> str:
    """What the reply says of a mode asked for that the score is in already ("darker" in minor)."""
    return f"Not changed: the score was already in {mode}, as {'dark' if mode == 'minor' else 'bright'} as the key goes."


def set_key(plan: ScorePlan, idx: list[int], *, tonic: str | None, mode: str | None, shift: int,
            whole: bool) -> str:
    if not whole:
        if tonic or shift:
            raise Ask("A key change applies to the whole score. Should I change the key everywhere, or make "
                      "just that part darker or brighter?")
        if mode == plan.mode:
            raise AtLimit(f"The score is already in {plan.mode}; what should change in that part?", _mode_limit(plan.mode))
        for n, i in enumerate(idx):
            # the style's progressions for the mode, else for the key its numerals are read in (as the
            # composer falls back); spelled as symbols, since the plan's own mode is not the section's
            read_in = mode if progression(plan, mode, i) else numeral_mode(mode)
            prog = progression(plan, read_in, i)
            if not prog:
                raise Ask(f"{plan.style} has no {mode} progressions; could another change do?")
            chords = [chord_symbol(c, plan.key, read_in) for c in prog]
            plan.sections[i] = plan.sections[i].model_copy(update={"chords": chords})
        return f"{mode} chords"
    if any(s.locked for s in plan.sections):
        raise Ask("Some sections are locked and the key is shared by the whole score. Unlock them first "
                  "(say 'unlock everything'), or should I leave the key?")
    old = f"{plan.key} {plan.mode}"
    key = tonic or plan.key
    if shift:
        key = transpose_tonic(key, shift)
    new_mode = mode or plan.mode
    if key == plan.key and new_mode == plan.mode:
        raise (AtLimit(f"The score is already in {old}. Did you mean another key?", _mode_limit(plan.mode)) if mode and
               not tonic and not shift else Ask(f"The score is already in {old}. Did you mean another key?"))
    style = load_style(plan.style)
    if new_mode != plan.mode:
        read_in = new_mode if new_mode in style.progressions else numeral_mode(new_mode)
        if read_in not in style.progressions:
            raise Ask(f"{style.name} has no {new_mode} progressions here; try minor or major, or another style.")
        for i, s in enumerate(plan.sections):
            prog = progression(plan, read_in, i)
            # a mode the style has no progressions for borrows those of the mode its numerals are read in,
            # spelled as symbols in the new key so the composer plays them as written
            chords = prog if read_in == new_mode else [chord_symbol(c, key, read_in) for c in prog]
            plan.sections[i] = s.model_copy(update={"chords": chords})
    plan.key, plan.mode = key, new_mode
    return f"key {old} -> {key} {new_mode}"


def set_style(plan: ScorePlan, name: str) -> str:
    if any(s.locked for s in plan.sections):
        raise Ask("Some sections are locked and the style is shared by the whole score. Unlock them first "
                  "(say 'unlock everything'), or keep the style?")
    if name == plan.style:   # "swing it a bit faster" in jazz: passed over when the request changes something else
        raise AtLimit(f"It is already {name}. What should change about it?", f"The score is already {name}.")
    old = plan.style
    style = load_style(name)
    plan.style = name
    plan.instrumentation = dict(style.instruments)
    lo, hi = style.tempo_bpm
    plan.tempo_bpm = round(min(max(plan.tempo_bpm, lo), hi), 1)
    if plan.mode not in style.progressions:
        plan.mode = style.modes[0]
    for i, s in enumerate(plan.sections):
        prompt = f"{style.description}, {plan.tempo_bpm:.0f} bpm, {plan.key} {plan.mode}"[:400]
        plan.sections[i] = s.model_copy(update={"chords": progression(plan, plan.mode, i) or s.chords,
                                                "tempo_bpm": None, "instruments": [],
                                                "musicgen_prompt": prompt})
    return f"style {old} -> {name} at {plan.tempo_bpm:g} BPM"


# ----------------------------------------------------------------------------- energy, loudness


class AtLimit(Ask):
    """A change that cannot go further (the energy already full or sparse, "darker" in minor): asked about when it
    is all the request wants, passed over when another change of the same request is made ("go mental with the
    drums" where the energy is already full: the drums still come up), and then `said` in the reply."""

    def __init__(self, question: str, said: str):
        super().__init__(question)
        self.said = said


def add_energy(plan: ScorePlan, idx: list[int], delta: float) -> str:
    olds = [plan.sections[i].energy for i in idx]
    for i in idx:
        e = plan.sections[i].energy
        plan.sections[i] = plan.sections[i].model_copy(update={"energy": round(min(1.0, max(0.05, e + delta)), 2)})
    if [plan.sections[i].energy for i in idx] == olds:
        raise AtLimit(f"That part is already as {'full' if delta > 0 else 'sparse'} as I can make it. "
                      "Something else, perhaps tempo or instruments?",
                      f"Not changed: the energy there was already as {'full' if delta > 0 else 'sparse'} as it goes.")
    return f"{'more' if delta > 0 else 'less'} energy"


def energy_to(plan: ScorePlan, idx: list[int], level: float, direction: str) -> None:
    """Each section of `idx` brought to the energy `level`: up to it where below ("up": "as loud as the intro"), down to
    it where above ("down"), to it either way ("set"); AtLimit where none moves."""
    olds = [plan.sections[i].energy for i in idx]
    for i in idx:
        e = plan.sections[i].energy
        e = max(e, level) if direction == "up" else min(e, level) if direction == "down" else level
        plan.sections[i] = plan.sections[i].model_copy(update={"energy": round(min(1.0, max(0.05, e)), 2)})
    if [plan.sections[i].energy for i in idx] == olds:
        said = {"up": "at least ", "down": "at most "}.get(direction, "") + f"{level:.2f}"
        raise AtLimit(f"The energy there is {said} already.", f"Not changed: the energy there was {said} already.")


def set_loudness(plan: ScorePlan, delta_db: float, said_db: bool = False) -> str:
    """The loudness moved by `delta_db`, within the limits. Returns what the reply says when a limit stopped it
    short ("up 40 dB" from -16 LUFS: up 10 dB, to the -6 LUFS cap; `said_db`: the amount was said), else ""."""
    old = plan.loudness_lufs
    plan.loudness_lufs = round(min(MAX_LOUDNESS_LUFS, max(MIN_LOUDNESS_LUFS, old + delta_db)), 1)
    if plan.loudness_lufs == old:
        raise Ask(f"The music is already at {old:g} LUFS, the limit. Should I change the energy instead?")
    if abs(plan.loudness_lufs - old - delta_db) < 0.05:
        return ""
    went = f", so it went {'up' if delta_db > 0 else 'down'} {abs(plan.loudness_lufs - old):g} dB, not {abs(delta_db):g}"
    return (f"The loudness stops at {plan.loudness_lufs:g} LUFS, the {'loudest' if delta_db > 0 else 'quietest'} I make"
            f"{went if said_db else ''}.")


# ----------------------------------------------------------------------------- instruments


def free_role(plan: ScorePlan, preferred: str, *, kit: bool = False) -> str:
    """A role the plan has no instrument for, `preferred` first. `kit`: the instrument is a drum kit, which
    only the drums and percussion roles (channel 10) can play; a program never goes there."""
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    order = ("drums", "percussion") if kit else (preferred, "lead", "melody", "strings", "brass", "pad", "harmony")
    for r in order:
        if r not in inst and r in ROLES:
            return r
    raise Ask("Every part already has an instrument. Which one should it replace?")


def set_roles(plan: ScorePlan, idx: list[int], *, add: str | None = None, remove: str | None = None,
              only: str | None = None) -> None:
    """Change which roles play in sections `idx`; other sections keep exactly the roles they had."""
    before = {i: effective_roles(plan, s) for i, s in enumerate(plan.sections)}
    for i, s in enumerate(plan.sections):
        if i in idx:
            roles = [only] if only else [r for r in before[i] if r != remove] + ([add] if add and add not in before[i] else [])
            if not roles:
                raise Ask("That would leave that part silent. Should I drop the music there instead?")
            if roles != effective_roles(plan, s):  # a part brought into silence plays there alone
                plan.sections[i] = s.model_copy(update={"instruments": roles, "music": True})
        elif not s.instruments and add and add not in before[i]:
            plan.sections[i] = s.model_copy(update={"instruments": before[i]})


def drop_role(plan: ScorePlan, role: str) -> None:
    """A part brought in by an edit and now heard nowhere leaves the plan: its instrument, its levels, and the role
    lists that only kept it out, so the plan is as before it came. Nothing changes while it plays anywhere or
    belongs to the style."""
    if role in load_style(plan.style).instruments or any(role in effective_roles(plan, s) for s in plan.sections):
        return
    plan.instrumentation = {r: n for r, n in plan.instrumentation.items() if r != role}
    everything = set(effective_roles(plan, plan.sections[0].model_copy(update={"instruments": []})))
    for i, s in enumerate(plan.sections):
        roles = [r for r in s.instruments if r != role]
        plan.sections[i] = s.model_copy(update={"instruments": [] if set(roles) == everything else roles,
                                                "levels_db": {r: db for r, db in s.levels_db.items() if r != role}})


def check_hits(plan: ScorePlan) -> None:
    plan.hit_points.sort(key=lambda h: h.time_s)


def add_hit(plan: ScorePlan, t: float, kind: str | None, source: str) -> str:
    """Mark `t`: strengthen the hit point there (changing its kind only when one is named) or add one."""
    for j, h in enumerate(plan.hit_points):
        if abs(h.time_s - t) < 0.05:
            if (kind is None or kind == h.kind) and h.strength >= 0.9:
                return f"already a strong {h.kind} at {fmt(t)}"  # as asked already: nothing to change
            plan.hit_points[j] = h.model_copy(update={"kind": kind or h.kind, "strength": max(h.strength, 0.95)})
            return f"stronger {kind or h.kind} at {fmt(t)}"
    kind = kind or "accent"
    plan.hit_points.append(HitPoint(time_s=round(t, 3), kind=kind, source=source, strength=0.9))
    check_hits(plan)
    return f"{kind} at {fmt(t)}"


NEAR_NOTHING_S = 1.5   # no mark within this of a moment said to stay unmarked: nothing to take out, nothing to ask


def drop_hits(plan: ScorePlan, times: list[float] | None, span: Span | None) -> str:
    keep, gone = [], []
    for h in plan.hit_points:
        hit = (times is not None and any(abs(h.time_s - t) < 0.05 for t in times)) or \
              (times is None and (span is None or span.start_s - 0.05 <= h.time_s <= span.end_s + 0.05))
        (gone if hit else keep).append(h)
    if not gone and times is not None and not any(abs(h.time_s - t) <= NEAR_NOTHING_S for h in plan.hit_points for t in times):
        return "nothing"   # "no accent at 0:17, let it flow" where none is near: as asked already (`marks.already`)
    if not gone:
        raise Ask("There is no accent there to remove. Which moment did you mean?")
    plan.hit_points = keep
    return "no accent at " + ", ".join(fmt(h.time_s) for h in gone)
