"""Measurements on MIDI files for the composer tests: swing, chords; the rest lives in v2m.tools.metrics.symbolic."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from v2m.tools.metrics.sync import midi_marks


def instrument(pm, name_start: str):
    return next((i for i in pm.instruments if i.name.startswith(name_start)), None)


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


def marked_times(pm) -> list[float]:
    """Times a listener hears as marked: the same measure `v2m eval` grades (`cuts_with_accent`)."""
    return [float(t) for t in midi_marks(pm)]


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


def heard(pm, a: float, b: float, eps: float = 1e-3) -> list[tuple]:
    """A MIDI file's notes starting in [a, b) as heard: seconds on and off, pitch, velocity, instrument."""
    return sorted((round(n.start, 4), round(n.end, 4), n.pitch, n.velocity, inst.program, inst.is_drum)
                  for inst in pm.instruments for n in inst.notes if a - eps <= n.start < b - eps)


def same_heard(x: list[tuple], y: list[tuple], eps: float = 1e-3) -> bool:
    """The same notes at the same times within `eps`: a tempo elsewhere moves a later note by the file's
    rounding of tempo to whole microseconds per beat (a tenth of a millisecond), which is no change."""
    return len(x) == len(y) and all(p[2:] == q[2:] and abs(p[0] - q[0]) < eps and abs(p[1] - q[1]) < eps
                                    for p, q in zip(x, y))
