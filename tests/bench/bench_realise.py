"""Realisation probe: where the plan says an edit and the composed MIDI file does not (class N).

Each edit is said on a fresh chat Session (a synthetic clip, the hand-made bikes-like one or the real bikes.mp4, in
many styles); the old and new plans are composed, written to MIDI and read back (`dialogue_check.Midi`), and the file
is checked against what the PLAN did, never against what was said: an edit the plan did not make is counted as
unplanned and not judged. The parts are read by their tracks (one per role, named "role: instrument"), so a piano
playing bass, chords and tune (classical) is three parts, not one program.

  add / remove   the part's track has notes in every section the plan now plays (or leaves out) it in
  swap           the role's track plays the new instrument's program, with notes
  louder/softer  the part's mean velocity against the others' in the span moved the way its plan level did
  tempo          the beats the file plays in the span (new over old) moved the way the plan's tempo did ("unheard":
                 not at all, "wrong way"), and within 0.08 of the plan's ratio, or within one beat of it ("too far"):
                 the sync grid puts whole beats between cuts, so on a short shot a small change moves in steps;
                 "coarse" (over 0.08 off, within a beat) is printed with -v and counted apart, not as a miss
  energy         the note weight (velocities summed) in the span moved the way the plan's energy did
  style          every part the plan plays in a section has notes there

    python tests/bench/bench_realise.py              # every clip and style (~2-4 min)
    python tests/bench/bench_realise.py --styles classical,jazz --clips bikes-like -v   # and every miss

Prints per kind and per style: edits the plan made / of those, misses in the MIDI; and (plan) the edits the plan did
not make. The edits are written here from templates, not taken from any dialogue set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import MIDI_EPS, Midi, clip_analysis  # noqa: E402
from edit_clips import level_at, tempo_at  # noqa: E402

from v2m.agent.dialogue.operations import effective_roles  # noqa: E402
from v2m.tools.gm import instrument_number  # noqa: E402
from v2m.tools.style import load_style  # noqa: E402

CLIPS = {"chat30": {"duration": 30, "cuts": [6, 13, 21]}, "bikes-like": "bikes-like", "bikes": "bikes"}
STYLES = ("jazz", "rock", "classical", "cinematic", "lofi", "ambient", "folk", "electronic", "funk", "tango",
          "silent_film", "marching_band")
ADDABLE = ("strings", "brass", "pad")
TEMPO_SLACK = 0.08


def edits(style: str, shots: list[tuple[float, float]]) -> list[tuple[str, str, str | None, tuple[float, float]]]:
    """(kind, said, role, span) for one style: each kind at a middle shot and over the whole clip."""
    roles = list(load_style(style).instruments)
    whole = (shots[0][0], shots[-1][1])
    mid, late = shots[len(shots) // 2 - 1], shots[len(shots) // 2]
    out = []
    ords = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
    at = {span: f"in the {ords[k]} shot" for k, span in enumerate(shots) if k < len(ords)}
    for part in ADDABLE:
        if part not in roles:
            out.append(("add", f"add {part} {at[mid]}", part, mid))
    for role in roles:
        out.append(("remove", f"no {role} {at[late]}", role, late))
        out.append(("louder", f"more {role} {at[mid]}", role, mid))
        out.append(("softer", f"{role} softer {at[late]}", role, late))
    out.append(("swap", "play the melody on a flute", "melody", whole))
    out += [("tempo", f"a bit faster {at[mid]}", None, mid), ("tempo", f"slower {at[late]}", None, late),
            ("tempo", "faster", None, whole), ("tempo", "slower please", None, whole),
            ("tempo", f"much slower {at[shots[1]]}", None, shots[1])]
    out += [("energy", f"more energy {at[mid]}", None, mid), ("energy", f"calmer {at[late]}", None, late)]
    out.append(("style", "make it rock" if style != "rock" else "make it jazz", None, whole))
    return out


def _track(m: Midi, role: str):
    return next((i for i in m.pm.instruments if i.name.split(":")[0] == role), None)


def _notes(m: Midi, a: float, b: float, role: str | None = None, away_from=()):
    insts = [i for i in m.pm.instruments if role is None or i.name.split(":")[0] == role]
    return [n for i in insts for n in i.notes if a - MIDI_EPS <= n.start < b - MIDI_EPS
            and all(abs(n.start - t) > 0.03 for t in away_from)]


def _mids(plan, a: float, b: float) -> list[tuple[float, float]]:
    return [(s.start_s, s.end_s) for s in plan.sections if a - 0.05 <= (s.start_s + s.end_s) / 2 <= b + 0.05]


def judge(kind: str, role: str | None, span, old, new, mo: Midi, mn: Midi) -> tuple[bool, str]:
    """(the plan made the edit, the MIDI's miss or "")."""
    a, b = span
    secs = _mids(new, a, b)
    if kind in ("add", "remove"):
        want = kind == "add"
        hit = [(x, y) for x, y in secs if (role in effective_roles(new, new.sections[new.section_at((x + y) / 2)])) == want]
        if not hit:
            return False, ""
        anchors = [h.time_s for h in new.hit_points] + [x.start_s for x in new.sections] + \
            [mn.arr.tempo_map.bars[-1].start_s] if role == "drums" and not want else []
        bad = [(x, y) for x, y in hit if bool(_notes(mn, x, y, role, anchors)) != want]
        return True, f"{role}: {'no' if want else 'some'} notes in {bad}" if bad else ""
    if kind == "swap":
        inst = {**load_style(new.style).instruments, **new.instrumentation}
        old_inst = {**load_style(old.style).instruments, **old.instrumentation}
        if inst.get(role) == old_inst.get(role):
            return False, ""
        t = _track(mn, role)
        if t is None or t.program != instrument_number(role, inst[role]) or not t.notes:
            return True, f"{role} track {t and t.name} program {t and t.program} notes {t and len(t.notes)}"
        return True, ""
    if kind in ("louder", "softer"):
        mids = [(x + y) / 2 for x, y in secs]
        moved = [level_at(new, role, t) - level_at(old, role, t) for t in mids]
        if not mids or not any(moved):
            return False, ""
        up = sum(moved) > 0

        def rel(m):
            mine, rest = _notes(m, a, b, role), [n for n in _notes(m, a, b) if n not in _notes(m, a, b, role)]
            if not mine or not rest:
                return None
            return (sum(n.velocity for n in mine) / len(mine)) / (sum(n.velocity for n in rest) / len(rest))
        v0, v1 = rel(mo), rel(mn)
        if v0 is None or v1 is None:
            return True, f"{role}: no notes of it or of the others ({v0}, {v1})"
        return True, "" if (v1 > v0) == up and v1 != v0 else f"{role} velocity against the others {v0:.3f} -> {v1:.3f}"
    if kind == "tempo":
        spans = [(x, y) for x, y in secs if abs(tempo_at(new, (x + y) / 2) / tempo_at(old, (x + y) / 2) - 1) > 1e-3]
        if not spans:
            return False, ""
        x, y = min(s[0] for s in spans), max(s[1] for s in spans)
        plan_r = sum(tempo_at(new, (p + q) / 2) / tempo_at(old, (p + q) / 2) * (q - p) for p, q in spans) / \
            sum(q - p for p, q in spans)
        midi_r = mn.beats_in(x, y) / mo.beats_in(x, y)
        off, beat = abs(midi_r - plan_r), 1 / mo.beats_in(x, y)  # one beat more or less: the grid's step there
        how = "unheard" if abs(midi_r - 1) < 1e-3 else "wrong way" if (midi_r > 1) != (plan_r > 1) else \
            "too far" if off > max(TEMPO_SLACK, beat + 1e-3) else "coarse" if off > TEMPO_SLACK else ""
        return True, how and f"{how}: plan ratio {plan_r:.3f}, MIDI {midi_r:.3f} in [{x:.2f}, {y:.2f}]"
    if kind == "energy":
        moved = [new.sections[new.section_at((x + y) / 2)].energy - old.sections[old.section_at((x + y) / 2)].energy
                 for x, y in secs]
        if not any(moved):
            return False, ""
        up = sum(moved) > 0
        w0, w1 = (sum(n.velocity for n in _notes(m, a, b)) for m in (mo, mn))
        return True, "" if (w1 > w0) == up and w1 != w0 else f"note weight {w0} -> {w1}"
    if kind == "style":
        if new.style == old.style:
            return False, ""
        bad = []
        for k, s in enumerate(new.sections):
            if s.music:
                bad += [f"{r}@{s.start_s:.1f}" for r in effective_roles(new, s) if not _notes(mn, s.start_s, s.end_s, r)]
        return True, f"silent parts {bad}" if bad else ""
    raise ValueError(kind)


def run(clips: list[str], styles: list[str], verbose: bool) -> tuple[Counter, Counter, Counter]:
    from v2m.agent.dialogue.session import Session

    made, missed, unplanned = Counter(), Counter(), Counter()  # missed[("how", ...)]: unheard, wrong way, too far
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "store"
        for clip in clips:
            analysis = clip_analysis(CLIPS[clip])
            shots = [(s.start_s, s.end_s) for s in analysis.shots]
            for style in styles:
                first = Session.open(analysis.source, f"score this in {style}", workdir=work, analysis=analysis,
                                     render=False).plan
                mo = Midi(first, analysis)
                for kind, said, role, span in edits(style, shots):
                    s = Session.open(analysis.source, f"score this in {style}", workdir=work, analysis=analysis,
                                     render=False)
                    s.say(said)
                    did, miss = judge(kind, role, span, first, s.plan, mo, Midi(s.plan, analysis)) \
                        if s.plan != first else (False, "")
                    if miss.startswith("coarse"):
                        missed[("how", "coarse (no miss)")] += 1
                        if verbose:
                            print(f"  coarse {clip} {style} {kind}: {said!r}: {miss}")
                        miss = ""
                    for key in (("kind", kind), ("style", style), ("clip", clip)):
                        (made if did else unplanned)[key] += 1
                        missed[key] += bool(miss)
                    if miss:
                        missed[("how", miss.split(":")[0] if kind == "tempo" else kind)] += 1
                    if miss and verbose:
                        print(f"  MISS {clip} {style} {kind}: {said!r}: {miss}")
    return made, missed, unplanned


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clips", default=",".join(CLIPS))
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    clips, styles = args.clips.split(","), args.styles.split(",")
    made, missed, unplanned = run(clips, styles, args.v)
    kinds = sorted({k for a, k in made | unplanned if a == "kind"})
    for axis, names in (("kind", kinds), ("style", styles), ("clip", clips)):
        print(f"per {axis}: MIDI misses / edits the plan made   (edits the plan did not make)")
        for name in names:
            key = (axis, name)
            print(f"  {name:14s} {missed[key]:4d} / {made[key]:4d}   ({unplanned[key]})")
    total = sum(v for (a, _), v in made.items() if a == "kind")
    miss = sum(v for (a, _), v in missed.items() if a == "kind")
    print(f"total: {miss} of {total} planned edits not realised in the MIDI;",
          ", ".join(f"{k} {v}" for (a, k), v in sorted(missed.items()) if a == "how"))


if __name__ == "__main__":
    main()
