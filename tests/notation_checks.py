"""Reading an exported score back with the reference tools: abcm2ps (the ABC typesetter), abc2midi, music21.

The expected notes are computed here from the Arrangement by their own simple rule (a voice plays one
onset group at a time, each lasting to its longest note or the next onset), not by the writer's code.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def typeset_errors(abc: Path) -> list[str]:
    """abcm2ps's complaints (error and warning lines, or a failed exit) about an ABC file; [] when clean."""
    proc = subprocess.run(["abcm2ps", "-O", str(abc.with_suffix(".ps")), str(abc)], capture_output=True, text=True)
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "error" in ln.lower() or "warning" in ln.lower()]
    return lines + ([f"exit {proc.returncode}"] if proc.returncode else [])


def abc2midi_errors(abc: Path) -> list[str]:
    out = abc.with_suffix(".abc.mid")
    proc = subprocess.run(["abc2midi", str(abc), "-o", str(out)], capture_output=True, text=True)
    lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "error" in ln.lower() or "warning" in ln.lower()]
    return lines + ([f"exit {proc.returncode}"] if proc.returncode or not out.exists() else [])


def expected_voice(part, end_beat: float) -> list[tuple[float, tuple[int, ...], float]]:
    """(onset, pitches, quarter length) per onset group of a part, on the sixteenth grid."""
    groups: dict[float, list] = {}
    for n in part.notes:
        on = round(n.start * 4) / 4
        if on < end_beat - 1e-6:
            groups.setdefault(on, []).append((n.pitch, round((n.start + n.dur) * 4) / 4))
    onsets = sorted(groups)
    out = []
    for k, on in enumerate(onsets):
        nxt = onsets[k + 1] if k + 1 < len(onsets) else round(end_beat * 4) / 4
        end = min(max(e for _, e in groups[on]), nxt, round(end_beat * 4) / 4)
        out.append((on, tuple(sorted({p for p, _ in groups[on]})), max(0.25, end - on)))
    return out


def music21_voice(m21_part, expected_onsets: set[float]) -> list[tuple[float, tuple[int, ...], float]]:
    """music21's notes of one voice with tied pieces joined back into one note.

    music21 keeps ties on single notes but drops them on chords, so a chord that continues an identical
    chord without a new onset in the arrangement is joined too.
    """
    out: list[list] = []
    for n in m21_part.flatten().notes:
        on, pitches, ql = float(n.offset), tuple(sorted(p.midi for p in n.pitches)), float(n.quarterLength)
        prev = out[-1] if out else None
        tied = n.tie is not None and n.tie.type in ("stop", "continue")
        if prev and abs(prev[0] + prev[2] - on) < 1e-6 and prev[1] == pitches and \
                (tied or round(on, 4) not in expected_onsets):
            prev[2] += ql
            continue
        out.append([on, pitches, ql])
    return [(round(a, 4), b, round(c, 4)) for a, b, c in out]


def music21_mismatches(arr, abc_text: str) -> list[str]:
    """Where music21's reading of the ABC differs from the arrangement's notes, voice by voice."""
    from music21 import converter

    score = converter.parse(abc_text, format="abc")
    if len(score.parts) != len(arr.parts):
        return [f"{len(score.parts)} voices read, {len(arr.parts)} written"]
    end = min(arr.tempo_map.end_beat, arr.tempo_map.bars[-1].end_beat)  # the score stops at its last bar line
    bad = []
    for part, m21 in zip(arr.parts, score.parts):
        want = [(round(a, 4), b, round(c, 4)) for a, b, c in expected_voice(part, end)]
        got = music21_voice(m21, {a for a, _, _ in want})
        if got != want:
            diff = next((k for k, (x, y) in enumerate(zip(got, want)) if x != y), min(len(got), len(want)))
            bad.append(f"{part.role}: note {diff} read {got[diff:diff + 2]} wrote {want[diff:diff + 2]}"
                       f" ({len(got)} read, {len(want)} written)")
    return bad
