"""Sync: does the music move with the picture? Measured on the rendered audio and the MIDI, never the plan.

    from v2m.tools.metrics.sync import sync_metrics
    sync_metrics(audio, sr, analysis, midi_path="out/clip/score.mid")

- cuts_with_onset: share of the video's hard cuts with an onset found in the audio within +-70 ms.
- cuts_with_downbeat: share of the cuts with a MIDI downbeat (bar start, through the tempo map) within
  +-10 ms; None without a MIDI file.
- cuts_with_accent: share of the cuts marked in the MIDI within +-10 ms: a beat of the tempo map, a kick or
  cymbal stroke, or a chord attack (three or more notes of one instrument at once). A film composer marks a
  cut with a downbeat where the meter allows, else with a beat or an accent; this counts all three.
- beats_coverage, beats_hit: the LORIS scores (Yu et al., "Long-Term Rhythmic Video Soundtracker", ICML
  2023), as its reference code `beats_scores.py` computes them: time is cut into 1-second bins (bin k holds
  [k, k+1) s) and a bin is a beat when any onset falls in it. With B_t the reference's beat bins, B_s the
  music's and B_h the bins that are beats in both, the code returns coverage = B_h / B_s and
  hit = B_h / B_t. LORIS's reference is the ground-truth soundtrack; a video has none here, so the
  reference beats are the picture's rhythm: hard cuts and motion peaks (the "visual beats" LORIS
  conditions on). The music's beats are the onsets found in score.wav.
- intensity_motion_r: Pearson correlation of the music's loudness (RMS dB per motion hop) with the
  video's motion curve; None when either is flat.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from v2m.tools.metrics.onsets import onset_times, share_matched

ONSET_TOLERANCE_S = 0.070     # a cut "has an onset" within this much
DOWNBEAT_TOLERANCE_S = 0.010  # a cut "lands on a downbeat" within this much
LORIS_BIN_S = 1.0             # LORIS's beat bins are whole seconds (np.trunc of the onset time)
SILENCE_DB = -80.0


def cuts_with_onset(onsets_s: np.ndarray, cuts_s: list[float], tol_s: float = ONSET_TOLERANCE_S) -> float | None:
    """Share of cuts with an audio onset within tol_s; None for a video without cuts."""
    return share_matched(cuts_s, onsets_s, tol_s) if cuts_s else None


def midi_downbeats(midi_path: str | Path) -> np.ndarray:
    """Bar starts (s) of a MIDI file, through its tempo map and time signatures."""
    import pretty_midi

    return np.asarray(pretty_midi.PrettyMIDI(str(midi_path)).get_downbeats())


ACCENT_DRUMS = (35, 36, 49, 51, 52, 55, 57)  # kicks and cymbals (GM drum notes)


def midi_marks(midi) -> np.ndarray:
    """Times a listener hears as marked in a MIDI file (a path, or a loaded pretty_midi.PrettyMIDI): every
    beat, kick or cymbal stroke and chord attack."""
    from collections import Counter

    import pretty_midi

    pm = midi if isinstance(midi, pretty_midi.PrettyMIDI) else pretty_midi.PrettyMIDI(str(midi))
    marks = [float(b) for b in pm.get_beats()]
    for inst in pm.instruments:
        if inst.is_drum:
            marks += [n.start for n in inst.notes if n.pitch in ACCENT_DRUMS]
        else:
            marks += [t for t, k in Counter(round(n.start, 4) for n in inst.notes).items() if k >= 3]
    return np.asarray(sorted(marks))


def cuts_with_downbeat(downbeats_s: np.ndarray | None, cuts_s: list[float],
                       tol_s: float = DOWNBEAT_TOLERANCE_S) -> float | None:
    """Share of cuts with a MIDI downbeat within tol_s; None without MIDI or without cuts."""
    if downbeats_s is None or not cuts_s:
        return None
    return share_matched(cuts_s, downbeats_s, tol_s)


def beat_bins(times_s, duration_s: float) -> np.ndarray:
    """LORIS's beat vector: one entry per started second, 1 where some event falls in it."""
    bins = np.zeros(int(np.ceil(duration_s / LORIS_BIN_S)), dtype=int)
    for t in times_s:
        k = int(np.trunc(t / LORIS_BIN_S))
        if 0 <= k < len(bins):
            bins[k] = 1
    return bins


def beat_scores(reference_s, music_s, duration_s: float) -> tuple[float, float]:
    """(beats_coverage, beats_hit) exactly as LORIS's beats_scores.py: (B_h / B_s, B_h / B_t), 0 when empty."""
    gt, syn = beat_bins(reference_s, duration_s), beat_bins(music_s, duration_s)
    hit = int(np.sum((gt == 1) & (syn == 1)))
    coverage = hit / syn.sum() if syn.sum() else 0.0
    return float(coverage), float(hit / gt.sum() if gt.sum() else 0.0)


def loudness_curve(audio: np.ndarray, sr: int, hop_s: float, n: int) -> np.ndarray:
    """RMS level (dBFS) of the audio in n consecutive windows of hop_s seconds."""
    x = audio.mean(axis=1) if audio.ndim == 2 else audio
    w = max(1, int(round(hop_s * sr)))
    out = np.full(n, SILENCE_DB)
    for i in range(n):
        seg = x[i * w:(i + 1) * w]
        if len(seg):
            out[i] = max(SILENCE_DB, 20 * np.log10(np.sqrt(np.mean(seg ** 2)) + 1e-12))
    return out


def intensity_motion_r(audio: np.ndarray, sr: int, motion: list[float], hop_s: float) -> float | None:
    """Pearson r between the music's loudness and the motion curve, per motion hop."""
    if len(motion) < 3:
        return None
    m = np.asarray(motion, dtype=float)
    level = loudness_curve(audio, sr, hop_s, len(m))
    if m.std() < 1e-9 or level.std() < 1e-9:
        return None
    return float(np.corrcoef(m, level)[0, 1])


def sync_metrics(audio: np.ndarray, sr: int, analysis, midi_path: str | Path | None = None,
                 onsets_s: np.ndarray | None = None, cuts_s: list[float] | None = None) -> dict:
    """Every sync measure of one run.

    Args:
        audio: the rendered music, (samples,) or (samples, channels) floats.
        sr: its sample rate.
        analysis: the video's VideoAnalysis (cuts, motion curve and peaks).
        midi_path: score.mid when the run has one (cuts_with_downbeat is None otherwise).
        onsets_s: onsets already found in `audio` (found here when not given).
        cuts_s: the true cuts when they are known (a synthetic clip); the analysis's cuts otherwise.
    Returns:
        {"cuts_with_onset", "cuts_with_downbeat", "cuts_with_accent", "beats_coverage", "beats_hit",
        "intensity_motion_r"}.
    """
    onsets = onset_times(audio, sr) if onsets_s is None else onsets_s
    cuts = list(analysis.cuts_s if cuts_s is None else cuts_s)
    has_midi = bool(midi_path) and Path(midi_path).exists()
    downbeats = midi_downbeats(midi_path) if has_midi else None
    marks = midi_marks(midi_path) if has_midi else None
    visual = sorted([*cuts, *analysis.motion_peaks_s])
    coverage, hit = beat_scores(visual, onsets, analysis.duration_s)
    return {
        "cuts_with_onset": cuts_with_onset(onsets, cuts),
        "cuts_with_downbeat": cuts_with_downbeat(downbeats, cuts),
        "cuts_with_accent": cuts_with_downbeat(marks, cuts),
        "beats_coverage": coverage,
        "beats_hit": hit,
        "intensity_motion_r": intensity_motion_r(audio, sr, analysis.motion, analysis.motion_hop_s),
    }
