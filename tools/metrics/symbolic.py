"""Symbolic musical sense: measures on the notes of a score, the same for v2m's MIDI and a corpus tune.

    from v2m.tools.metrics.symbolic import from_midi, symbolic_metrics
    symbolic_metrics(from_midi("out/clip/score.mid"))   # {"pitch_class_entropy": 2.9, ...}

Everything is counted in quarter-note beats, so a MIDI file (through its tempo map) and a music21 score
(through its offsets) give comparable numbers. Definitions (MusPy's where one exists):

- pitch_class_entropy: Shannon entropy (bits) of the pitch-class histogram of pitched notes (max log2 12).
- scale_consistency: the largest share of pitched notes inside one major, harmonic-minor or natural-minor scale.
- stepwise_motion: share of consecutive melody intervals of 1 or 2 semitones.
- leaps: share of consecutive melody intervals larger than a perfect fifth (over 7 semitones).
- melody_chord_clashes: share of on-beat melody notes a semitone (or major seventh) away from a pitch class
  the other pitched voices sound at that instant; None without accompaniment.
- off_meter_bars: share of bars with onsets whose first onset is not on the bar's downbeat.
- theme_recurrence: share of melody bars (2+ notes) whose rhythm and transposition-free contour recur in
  another bar.
- groove_consistency: 1 - mean Hamming distance between the 16th-note onset grids of consecutive bars of
  the piece's most common length (drum onsets when there are drums, else all onsets).
- polyphony: mean number of pitched notes sounding per 16th step, over steps where any sounds.
- note_density: distinct pitched onset times per quarter-note beat.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAJOR = (0, 2, 4, 5, 7, 9, 11)
HARMONIC_MINOR = (0, 2, 3, 5, 7, 8, 11)
NATURAL_MINOR = (0, 2, 3, 5, 7, 8, 10)
LEAP_SEMITONES = 7          # a leap is wider than a perfect fifth
CLASH_INTERVALS = {1, 11}   # minor second / major seventh between pitch classes
STEPS_PER_BEAT = 4          # 16th-note grid
EPS = 1e-3                  # beats; onsets this close count as together
MELODY_VOICES = ("melody", "lead")  # v2m's MIDI track names start with the role


@dataclass(frozen=True)
class Note:
    start: float   # beats
    end: float     # beats
    pitch: int
    voice: str
    drum: bool = False


@dataclass
class Notes:
    """The notes of a piece and its bars, in quarter-note beats."""

    notes: list[Note]
    bars: list[tuple[float, float]] = field(default_factory=list)  # (start beat, length in beats)
    melody_voice: str | None = None

    @property
    def pitched(self) -> list[Note]:
        return [n for n in self.notes if not n.drum]

    @property
    def melody(self) -> list[Note]:
        """The melody line: the top note of each onset in the melody voice."""
        top: dict[float, Note] = {}
        for n in self.notes:
            if n.voice == self.melody_voice and not n.drum:
                k = round(n.start, 3)
                if k not in top or n.pitch > top[k].pitch:
                    top[k] = n
        return [top[k] for k in sorted(top)]


# ----------------------------------------------------------------------------- readers


def beat_of(pm, t: float) -> float:
    """Beat position (quarter notes from the start) of a time, through the file's tempo map."""
    return pm.time_to_tick(t) / pm.resolution


def onset_beats(pm, inst, pitches=None) -> list[float]:
    return sorted(beat_of(pm, n.start) for n in inst.notes if pitches is None or n.pitch in pitches)


def bar_starts(pm) -> list[tuple[float, float]]:
    """(start beat, length in quarter beats) of every bar, from the file's time signature changes."""
    sigs = sorted(pm.time_signature_changes, key=lambda s: s.time)
    end = beat_of(pm, pm.get_end_time())
    out = []
    for k, s in enumerate(sigs):
        a = beat_of(pm, s.time)
        b = beat_of(pm, sigs[k + 1].time) if k + 1 < len(sigs) else end
        length = s.numerator * 4 / s.denominator
        x = a
        while x < b - 1e-6:
            out.append((x, length))
            x += length
    return out


def from_midi(path: str | Path) -> Notes:
    """Read a MIDI file (v2m's tracks are named `role: instrument`; the melody is `melody`/`lead`)."""
    import pretty_midi

    pm = pretty_midi.PrettyMIDI(str(path))
    notes = [Note(beat_of(pm, n.start), beat_of(pm, n.end), n.pitch, inst.name.split(":")[0].strip(), inst.is_drum)
             for inst in pm.instruments for n in inst.notes]
    voices = [i.name.split(":")[0].strip() for i in pm.instruments if not i.is_drum and i.notes]
    melody = next((v for v in voices if v in MELODY_VOICES), voices[-1] if voices else None)
    return Notes(sorted(notes, key=lambda n: (n.start, n.pitch)), bar_starts(pm), melody)


def from_music21(score) -> Notes:
    """Read a music21 score (ties joined); the first part is the melody (a chorale's soprano, a folk tune)."""
    score = score.stripTies()
    parts = list(score.parts) or [score]
    notes = []
    for k, part in enumerate(parts):
        for el in part.flatten().notes:
            start = float(el.getOffsetInHierarchy(score))
            end = start + float(el.quarterLength)
            notes.extend(Note(start, end, p.midi, f"part{k}") for p in el.pitches)
    bars = []
    for m in parts[0].getElementsByClass("Measure"):
        start = float(m.getOffsetInHierarchy(score)) - float(m.paddingLeft or 0)
        bars.append((start, float(m.barDuration.quarterLength)))
    return Notes(sorted(notes, key=lambda n: (n.start, n.pitch)), bars, "part0")


# ----------------------------------------------------------------------------- measures


def pitch_class_entropy(pitches: list[int]) -> float | None:
    if not pitches:
        return None
    counts = np.bincount(np.asarray(pitches) % 12, minlength=12).astype(float)
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log2(p)).sum())


def scale_consistency(pitches: list[int]) -> float:
    """MusPy's measure: the largest share of notes inside any one major or minor scale."""
    if not pitches:
        return 1.0
    pcs = np.array(pitches) % 12
    best = 0.0
    for scale in (MAJOR, HARMONIC_MINOR, NATURAL_MINOR):
        for t in range(12):
            best = max(best, float(np.isin(pcs, [(t + i) % 12 for i in scale]).mean()))
    return best


def _intervals(melody: list[Note]) -> np.ndarray:
    return np.abs(np.diff([n.pitch for n in melody])) if len(melody) > 1 else np.zeros(0)


def stepwise_motion(melody: list[Note]) -> float | None:
    iv = _intervals(melody)
    return float(((iv >= 1) & (iv <= 2)).mean()) if len(iv) else None


def leaps(melody: list[Note]) -> float | None:
    iv = _intervals(melody)
    return float((iv > LEAP_SEMITONES).mean()) if len(iv) else None


def melody_chord_clashes(piece: Notes) -> float | None:
    accompaniment = [n for n in piece.pitched if n.voice != piece.melody_voice]
    checked = clashes = 0
    for m in piece.melody:
        if abs(m.start - round(m.start)) > EPS:
            continue  # off-beat melody notes are passing tones by design
        sounding = {n.pitch % 12 for n in accompaniment if n.start <= m.start + EPS and n.end > m.start + EPS}
        if sounding:
            checked += 1
            clashes += any((m.pitch - p) % 12 in CLASH_INTERVALS for p in sounding)
    return clashes / checked if checked else None


def off_meter_bars(piece: Notes) -> float | None:
    starts = np.array(sorted({round(n.start, 3) for n in piece.notes}))
    counted = off = 0
    for a, length in piece.bars:
        inside = starts[(starts >= a - EPS) & (starts < a + length - EPS)]
        if len(inside):
            counted += 1
            off += abs(inside[0] - a) > EPS
    return off / counted if counted else None


def theme_recurrence(piece: Notes) -> float | None:
    melody = piece.melody
    patterns = []
    for a, length in piece.bars:
        bar = [n for n in melody if a - EPS <= n.start < a + length - EPS]
        if len(bar) >= 2:
            patterns.append(tuple((round(n.start - a, 2), n.pitch - bar[0].pitch) for n in bar))
    if not patterns:
        return None
    counts = Counter(patterns)
    return sum(counts[p] > 1 for p in patterns) / len(patterns)


def groove_consistency(onsets: list[float], bars: list[tuple[float, float]]) -> float:
    """MusPy's groove consistency on a 16th grid: 1 - mean Hamming distance of consecutive bars.

    Only bars of the piece's most common length are compared, each with the next such bar (v2m's odd-length
    bars that land cuts on downbeats are left out, as a 4/4 groove is not meant to repeat in a 5/4 bar).
    """
    onsets_arr = np.asarray(onsets, dtype=float)
    if not bars:
        return 1.0
    length = Counter(round(b[1], 3) for b in bars).most_common(1)[0][0]
    n = max(1, int(round(length * STEPS_PER_BEAT)))
    grids = []
    for a, bar_length in bars:
        if round(bar_length, 3) != length:
            continue
        v = np.zeros(n, bool)
        for b in onsets_arr[(onsets_arr >= a - EPS) & (onsets_arr < a + length - EPS)]:
            v[min(n - 1, int(round((b - a) * STEPS_PER_BEAT)))] = True
        grids.append(v)
    pairs = [np.mean(x != y) for x, y in zip(grids, grids[1:])]
    return 1 - float(np.mean(pairs)) if pairs else 1.0


def polyphony(pitched: list[Note]) -> float | None:
    if not pitched:
        return None
    end = max(n.end for n in pitched)
    steps = np.arange(0, end, 1 / STEPS_PER_BEAT)
    count = np.zeros(len(steps))
    for n in pitched:
        count[(steps >= n.start - EPS) & (steps < n.end - EPS)] += 1
    on = count[count > 0]
    return float(on.mean()) if len(on) else None


def note_density(pitched: list[Note]) -> float | None:
    if not pitched:
        return None
    span = max(n.end for n in pitched) - min(n.start for n in pitched)
    return len({round(n.start, 3) for n in pitched}) / span if span > 0 else None


def symbolic_metrics(piece: Notes) -> dict[str, float | None]:
    """Every symbolic measure of one piece (None where a measure does not apply, e.g. no accompaniment)."""
    pitched = piece.pitched
    pitches = [n.pitch for n in pitched]
    drums = [n.start for n in piece.notes if n.drum]
    return {
        "pitch_class_entropy": pitch_class_entropy(pitches),
        "scale_consistency": scale_consistency(pitches) if pitches else None,
        "stepwise_motion": stepwise_motion(piece.melody),
        "leaps": leaps(piece.melody),
        "melody_chord_clashes": melody_chord_clashes(piece),
        "off_meter_bars": off_meter_bars(piece),
        "theme_recurrence": theme_recurrence(piece),
        "groove_consistency": groove_consistency(drums or [n.start for n in piece.notes], piece.bars)
        if piece.bars else None,
        "polyphony": polyphony(pitched),
        "note_density": note_density(pitched),
    }
