"""Benchmark: how every style writes music on a 60 s many-cut clip, against real music from music21's corpus.

    python tests/bench/bench_music.py [--no-audio] [style ...]      # about 3 minutes for 20 styles

Per style (the 60 s plan of `compose_plans.long_plan`, cuts every 2-5 s, six sections): off-meter bars,
tempo spread within a cue, melody steps, 5-7 semitone leaps and turns of direction, distinct melody bar rhythms
per eight bars, melody notes a semitone from the sounding harmony, chord changes per 4 beats (the composer's
chords, and read from the accompaniment's notes every half beat, as for the chorales), the bass's last note into
a cut a step from the next section's first, a melodic bar shape returning in a later section, cadences at section
ends, CC7/CC11 swell events, velocity spread, cuts with a beat or accent within 10 ms in the MIDI and an audio
onset within 70 ms in the rendered WAV, and compose+render speed against real time. The reference rows are
measured in the same run with the same functions on music21's bundled corpus: Essen folk songs, O'Neill's and
Ryan's tunes (melody only) and Bach chorales (soprano against the lower voices).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compose_plans import long_plan  # noqa: E402
from music_measures import (bar_shapes, clash_share, distinct_bar_rhythms, harmonic_rhythm,  # noqa: E402
                            leap57_share, step_share, theme_returns, top_line, turn_share, velocity_spread)

COMP = ("harmony", "pad", "strings", "brass", "bass")
TARGETS = "off-meter <= 10%, spread <= 8%, steps >= 45%, leaps5-7 <= 12%, clashes <= 8%, theme in 3+ sections, " \
          "MIDI cuts 100%, audio cuts >= 95%, speed >= 40x"


def _notes(part) -> list[tuple[int, float, float]]:
    return [(n.pitch, n.start, n.dur) for n in part.notes]


def cadence_share(arr) -> float:
    """Section ends where the last bar's chord is the tonic or the dominant (a full or half cadence) and the
    melody's last note is held a beat or more on a tone of the sounding harmony."""
    mel = arr.part("melody") or arr.part("lead")
    if mel is None:
        return 0.0
    from v2m.tools.music.harmony import parse_chord, tonic_pc

    tonic = tonic_pc(arr.key)
    accomp = [n for p in arr.parts if p.role in COMP for n in _notes(p)]
    n_sec = max(b.section for b in arr.tempo_map.bars) + 1
    ok = total = 0
    for i in range(n_sec):
        bars = arr.tempo_map.section_bars(i)
        if not bars:
            continue
        lo, hi = bars[0].start_beat, bars[-1].end_beat
        line = [x for x in top_line(_notes(mel)) if lo <= x[1] < hi]
        if not line:
            continue
        total += 1
        p, on, dur = line[-1]
        chord = parse_chord(arr.chords[bars[-1].index], arr.key, arr.mode)
        pcs = {q % 12 for q, a, d in accomp if a <= on + 1e-6 < a + d} | set(chord.tones)
        held = dur >= 0.9 or on + dur >= arr.tempo_map.end_beat - 0.05
        ok += held and p % 12 in pcs and chord.root in (tonic, (tonic + 7) % 12)
    return ok / max(1, total)


def cut_approaches(arr, plan) -> tuple[int, int] | None:
    """(cuts where the bass's last note is a half or whole step from the next section's first, cuts where the
    bass walks or plays an approach into the cut); None when it never does."""
    from v2m.tools.style import load_style

    bass = arr.part("bass")
    style = load_style(plan.style)
    ok = n = 0
    for i in range(len(plan.sections) - 1):
        level = style.level(plan.sections[i].energy).bass
        a = [x for x in (bass.notes if bass else []) if x.section == i]
        b = [x for x in (bass.notes if bass else []) if x.section == i + 1]
        if a and b and (level == "walk" or "A" in level):
            d = (max(a, key=lambda x: x.start).pitch - min(b, key=lambda x: x.start).pitch) % 12
            n += 1
            ok += min(d, 12 - d) in (1, 2)
    return (ok, n) if n else None


def measure_style(style: str, tmp: Path, audio: bool) -> dict:
    import mido
    import pretty_midi

    from midi_checks import cut_misses
    from v2m.tools.music.compose import compose

    from timing import cpu_s

    plan = long_plan(style)
    t0, c0 = time.perf_counter(), cpu_s()
    arr = compose(plan)
    mid = arr.write_midi(tmp / f"{style}.mid")
    row: dict = {}
    if audio:
        import soundfile as sf

        from v2m.tools.metrics.onsets import cut_recall
        from v2m.tools.audio.render import render

        wav = render(mid, tmp / f"{style}.wav", duration_s=plan.duration_s)
        # CPU seconds (this process and FluidSynth) rather than wall time: a shared machine slows the clock,
        # not the work (as bench_compose.py reports it)
        row["speed_x"] = plan.duration_s / (cpu_s() - c0)
        row["wall_x"] = plan.duration_s / (time.perf_counter() - t0)
        y, sr = sf.read(str(wav), always_2d=True)
        row["audio_cuts"] = cut_recall(y, sr, [h.time_s for h in plan.hit_points], tol_s=0.070)
    tm = arr.tempo_map
    meter = int(plan.meter.split("/")[0])
    row["off_meter"] = sum(b.beats != meter for b in tm.bars) / len(tm.bars)
    tempos: dict[int, list[float]] = {}
    for beat, _t, spb in tm.segments:
        tempos.setdefault(tm.bar_at_beat(beat).section, []).append(60 / spb)
    row["spread"] = max(max(v) / min(v) - 1 for v in tempos.values())
    mel = arr.part("melody") or arr.part("lead")
    line = top_line(_notes(mel)) if mel else []
    accomp = [n for p in arr.parts if p.role in COMP for n in _notes(p)]
    row["steps"], row["leaps57"], row["turns"] = step_share(line), leap57_share(line), turn_share(line)
    row["bar_rhythms"] = distinct_bar_rhythms(line, [b.start_beat for b in tm.bars], [b.beats for b in tm.bars])
    row["clashes"] = clash_share(line, accomp)
    ch = arr.chord_changes
    row["chords_4"] = 4 * sum(1 for a, b in zip(ch, ch[1:]) if a[1] != b[1]) / tm.end_beat
    row["harm_rhythm"] = harmonic_rhythm(accomp, tm.end_beat)
    row["approach"] = cut_approaches(arr, plan)
    shapes = bar_shapes(line, [b.start_beat for b in tm.bars], [b.beats for b in tm.bars])
    by_sec = [[s for s, b in zip(shapes, tm.bars) if b.section == i] for i in range(len(plan.sections))]
    row["theme"] = theme_returns(by_sec) if len(plan.sections) >= 3 else None
    row["cadences"] = cadence_share(arr)
    midi = mido.MidiFile(str(mid))
    row["cc_swells"] = sum(1 for t in midi.tracks for m in t if m.type == "control_change" and m.control in (7, 11))
    pm = pretty_midi.PrettyMIDI(str(mid))
    row["vel_sd"] = velocity_spread([n.velocity for i in pm.instruments for n in i.notes])
    cuts = [h.time_s for h in plan.hit_points]
    row["midi_cuts"] = 1 - len(cut_misses(pm, cuts)) / len(cuts)
    return row


def _m21_notes(part) -> list[tuple[int, float, float]]:
    out = []
    for n in part.flatten().notes:
        if n.tie is not None and n.tie.type != "start":
            continue
        for p in n.pitches:
            out.append((p.midi, float(n.offset), float(n.quarterLength)))
    return out


def _reference_row(scores, with_harmony: bool) -> dict:
    steps, leaps, clashes, themes, off, rhythm, turns, bar_rhythms = [], [], [], [], [], [], [], []
    for s in scores:
        parts = list(s.parts) if hasattr(s, "parts") and len(s.parts) else [s]
        line = top_line(_m21_notes(parts[0]))
        if len(line) < 8:
            continue
        steps.append(step_share(line))
        leaps.append(leap57_share(line))
        turns.append(turn_share(line))
        if with_harmony and len(parts) > 1:
            clashes.append(clash_share(line, [n for p in parts[1:] for n in _m21_notes(p)]))
            every = [n for p in parts for n in _m21_notes(p)]
            rhythm.append(harmonic_rhythm(every, max(on + d for _, on, d in every)))
        measures = list(parts[0].getElementsByClass("Measure"))
        sigs = [m.timeSignature.ratioString for m in measures if m.timeSignature is not None]
        first = sigs[0] if sigs else None
        cur, n_off = first, 0
        for m in measures:
            if m.timeSignature is not None:
                cur = m.timeSignature.ratioString
            # a pickup or closing part-bar is notation, not a meter change: count only whole bars of another meter
            n_off += cur != first
        off.append(n_off / max(1, len(measures)))
        starts = [float(m.offset) for m in measures]
        lens = [float(m.barDuration.quarterLength) for m in measures]
        whole = [(a, n) for a, n, m in zip(starts, lens, measures) if abs(float(m.duration.quarterLength) - n) < 1e-6]
        if len(whole) >= 8:  # a pickup or closing part-bar is notation: whole bars only
            bar_rhythms.append(distinct_bar_rhythms(line, [a for a, _ in whole], [n for _, n in whole]))
        shapes = bar_shapes(line, starts, lens)
        half = len(shapes) // 2
        themes.append(theme_returns([shapes[:half], shapes[half:]]))
    mean = lambda xs: statistics.mean(xs) if xs else None  # noqa: E731
    return {"off_meter": mean(off), "steps": mean(steps), "leaps57": mean(leaps), "clashes": mean(clashes),
            "theme": (sum(themes) / len(themes)) if themes else None, "n": len(steps),
            "harm_rhythm": mean(rhythm), "turns": mean(turns), "bar_rhythms": mean(bar_rhythms)}


def references(n: int = 40) -> dict[str, dict]:
    from music21 import corpus

    out = {}
    for name, composer, harmony in (("Essen folk", "essenFolksong", False), ("O'Neill 1850", "oneills1850", False),
                                    ("Ryan's Mammoth", "ryansMammoth", False)):
        scores = []
        for path in corpus.getComposer(composer):
            parsed = corpus.parse(path)
            scores += list(parsed.scores) if hasattr(parsed, "scores") else [parsed]
            if len(scores) >= n:
                break
        out[name] = _reference_row(scores[:n], harmony)
    chorales = []
    for k, c in enumerate(corpus.chorales.Iterator()):
        if k >= n:
            break
        chorales.append(c)
    out["Bach chorales"] = _reference_row(chorales, True)
    return out


def _fmt(v, pct=True) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, bool):
        return "yes" if v else "no"
    return f"{100 * v:.0f}%" if pct else f"{v:.1f}"


COLS = [("off_meter", "off-meter"), ("spread", "tempo spread"), ("steps", "steps"), ("leaps57", "leaps 5-7"),
        ("turns", "turns"), ("bar_rhythms", "bar rhythms /8 bars"),
        ("clashes", "clashes"), ("chords_4", "chords /4 beats"), ("harm_rhythm", "changes /4 beats (notes)"),
        ("approach", "bass into cuts"), ("theme", "theme returns"), ("cadences", "cadences"), ("cc_swells", "CC7/11"),
        ("vel_sd", "velocity SD"), ("midi_cuts", "cuts <=10 ms MIDI"), ("audio_cuts", "cuts <=70 ms audio"),
        ("speed_x", "speed (CPU)"), ("wall_x", "speed (wall)")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("styles", nargs="*")
    ap.add_argument("--no-audio", action="store_true", help="skip rendering (no audio cuts, no speed)")
    args = ap.parse_args()
    from v2m.tools.style import style_names

    styles = args.styles or list(style_names())
    print("| style | " + " | ".join(c for _, c in COLS) + " |")
    print("|---" * (len(COLS) + 1) + "|")
    rows = {}
    with tempfile.TemporaryDirectory() as d:
        for s in styles:
            r = measure_style(s, Path(d), not args.no_audio)
            rows[s] = r
            cells = []
            for k, _ in COLS:
                v = r.get(k)
                cells.append(f"{v:.0f}" if k == "cc_swells" and v is not None else
                             f"{v[0]}/{v[1]}" if k == "approach" and v is not None else
                             f"{v:.2f}" if k in ("chords_4", "harm_rhythm", "bar_rhythms") else
                             _fmt(v, pct=k not in ("vel_sd", "speed_x", "wall_x")) + ("x" if k.endswith("_x") and v else ""))
            print(f"| {s} | " + " | ".join(cells) + " |", flush=True)
    for name, r in references().items():
        cells = [(f"{r[k]:.2f}" if k in ("harm_rhythm", "bar_rhythms") and r[k] is not None else _fmt(r.get(k)))
                 if k in r else "n/a"
                 for k, _ in COLS]
        print(f"| ref: {name} ({r['n']}) | " + " | ".join(cells) + " |")
    print(f"\ntargets: {TARGETS}")
    mins = {k: min(r[k] for r in rows.values() if r.get(k) is not None)
            for k in ("steps", "midi_cuts", "audio_cuts", "speed_x") if any(r.get(k) for r in rows.values())}
    maxs = {k: max(r[k] for r in rows.values() if r.get(k) is not None)
            for k in ("off_meter", "spread", "leaps57", "clashes", "turns")}
    mins["bar_rhythms"] = min(r["bar_rhythms"] for r in rows.values())
    walks = [r["approach"] for r in rows.values() if r.get("approach")]
    if walks:
        print(f"bass into cuts: {sum(a for a, _ in walks)}/{sum(n for _, n in walks)} approach the next section's first note")
    import os

    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("worst over styles:", {**{k: round(v, 3) for k, v in mins.items()}, **{k: round(v, 3) for k, v in maxs.items()}})


if __name__ == "__main__":
    main()
