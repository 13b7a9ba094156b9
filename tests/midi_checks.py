"""Measurements on MIDI files for the composer tests: onsets in beats, swing, chords, scale consistency."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

MAJOR = (0, 2, 4, 5, 7, 9, 11)
HARMONIC_MINOR = (0, 2, 3, 5, 7, 8, 11)


def beat_of(pm, t: float) -> float:
    """Beat position (quarter notes from the start) of a time, through the file's tempo map."""
    return pm.time_to_tick(t) / pm.resolution


def instrument(pm, name_start: str):
    return next((i for i in pm.instruments if i.name.startswith(name_start)), None)


def onset_beats(pm, inst, pitches=None) -> list[float]:
    return sorted(beat_of(pm, n.start) for n in inst.notes if pitches is None or n.pitch in pitches)


def bar_starts(pm) -> list[float]:
    """Bar start beats from the time signature changes (the files use quarter-note beats)."""
    sigs = sorted(pm.time_signature_changes, key=lambda s: s.time)
    end = beat_of(pm, pm.get_end_time())
    out = []
    for k, s in enumerate(sigs):
        a = beat_of(pm, s.time)
        b = beat_of(pm, sigs[k + 1].time) if k + 1 < len(sigs) else end
        x = a
        while x < b - 1e-6:
            out.append((x, s.numerator))
            x += s.numerator
    return out


def swing_ratio(beats: list[float], unit: int = 8) -> float:
    """Median long:short ratio of swung pairs: offbeat onsets' position inside their eighth (or 16th) pair."""
    pair = 1.0 if unit == 8 else 0.5
    fr = [(b % pair) / pair for b in beats]
    off = [f for f in fr if 0.3 < f < 0.85]
    if not off:
        return 1.0
    f = float(np.median(off))
    return f / (1 - f)


def chords_at_onsets(inst, min_notes: int = 3) -> list[set[int]]:
    """Pitch-class sets of notes that start together (chords)."""
    groups = defaultdict(set)
    for n in inst.notes:
        groups[round(n.start, 3)].add(n.pitch)
    return [{p % 12 for p in g} for g in groups.values() if len(g) >= min_notes]


def is_seventh(pcs: set[int]) -> bool:
    """Does a pitch-class set contain a seventh chord (some root with a third and a seventh above it)?"""
    return any({(r + 3) % 12, (r + 4) % 12} & pcs and {(r + 10) % 12, (r + 11) % 12, (r + 9) % 12} & pcs
               and r in pcs and len(pcs) >= 3 for r in pcs)


def scale_consistency(notes_pitches: list[int]) -> float:
    """MusPy's measure: the largest share of notes inside any one major or (harmonic) minor scale."""
    if not notes_pitches:
        return 1.0
    pcs = np.array(notes_pitches) % 12
    best = 0.0
    for scale in (MAJOR, HARMONIC_MINOR, (0, 2, 3, 5, 7, 8, 10)):
        for t in range(12):
            s = {(t + i) % 12 for i in scale}
            best = max(best, float(np.isin(pcs, list(s)).mean()))
    return best


def groove_consistency(pm, drums, bars) -> float:
    """MusPy's groove consistency on a 16th grid: 1 - mean Hamming distance of consecutive 4-beat bars."""
    onsets = onset_beats(pm, drums)
    vecs = []
    for start, n in bars:
        if n != 4:
            continue
        v = np.zeros(16, bool)
        for b in onsets:
            if start <= b < start + 4:
                v[min(15, int(round((b - start) * 4)))] = True
        vecs.append(v)
    if len(vecs) < 2:
        return 1.0
    return 1 - float(np.mean([np.mean(a != b) for a, b in zip(vecs, vecs[1:])]))


def marked_times(pm) -> list[float]:
    """Times a listener hears as marked: every beat of the tempo map, every cymbal or kick stroke and every
    chord attack (three or more notes of one instrument starting together)."""
    marks = [float(b) for b in pm.get_beats()]
    for inst in pm.instruments:
        if inst.is_drum:
            marks += [n.start for n in inst.notes if n.pitch in (35, 36, 49, 57, 51, 52, 55)]
        else:
            marks += [round(t, 4) for t, k in Counter(round(n.start, 4) for n in inst.notes).items() if k >= 3]
    return sorted(marks)


def cut_misses(pm, cuts: list[float], tol_s: float = 0.010) -> list[float]:
    """Cuts with no beat or accent within `tol_s` in a MIDI file."""
    import bisect

    marks = marked_times(pm)
    out = []
    for t in cuts:
        i = bisect.bisect_left(marks, t)
        near = [marks[j] for j in (i - 1, i) if 0 <= j < len(marks)]
        if not near or min(abs(m - t) for m in near) >= tol_s:
            out.append(t)
    return out
