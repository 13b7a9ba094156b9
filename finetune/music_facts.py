"""Tempo and key measured from a music file, with librosa: what a fine-tuning target's ScorePlan states
about the music a MUVideo record pairs with its video.

Tempo is librosa's beat tracker (onset-strength autocorrelation plus dynamic programming), folded into
40-240 BPM; the key is the Krumhansl-Schmuckler estimate: the file's mean constant-Q chroma correlated
with the 24 rotated major and minor key profiles, the best correlation wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAX_SECONDS = 60.0  # the first minute tells the tempo and key; long files would only cost time
SAMPLE_RATE = 22050
TONICS = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")  # the spellings plans use
# Krumhansl & Kessler (1982) probe-tone profiles, tonic first.
MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


@dataclass(frozen=True)
class MusicFacts:
    """What was measured: tempo (BPM), tonic, mode and how sure the key is (correlation, -1..1)."""

    tempo_bpm: float
    key: str
    mode: str
    key_confidence: float


def fold_tempo(bpm: float, lo: float = 40.0, hi: float = 240.0) -> float:
    """Halve or double a tempo into [lo, hi] (beat trackers often report twice or half the felt tempo)."""
    while bpm > hi:
        bpm /= 2
    while 0 < bpm < lo:
        bpm *= 2
    return round(bpm, 1)


def estimate_key(chroma: np.ndarray) -> tuple[str, str, float]:
    """Krumhansl-Schmuckler: (tonic, "major"|"minor", correlation) of a 12-bin mean chroma vector."""
    best = ("C", "major", -2.0)
    for pc in range(12):
        for mode, profile in (("major", MAJOR), ("minor", MINOR)):
            r = float(np.corrcoef(chroma, np.roll(profile, pc))[0, 1])
            if r > best[2]:
                best = (TONICS[pc], mode, r)
    return best


def measure_music(path: str | Path) -> MusicFacts:
    """Measure a music file's tempo and key.

    Args:
        path: any audio file librosa reads (WAV, FLAC, OGG; MP3 through soundfile or audioread).
    Returns:
        MusicFacts.
    Raises:
        ValueError: the file holds no audible music (silence, or too short to track a beat).
    """
    import librosa

    y, sr = librosa.load(str(path), sr=SAMPLE_RATE, mono=True, duration=MAX_SECONDS)
    if y.size < sr or float(np.sqrt(np.mean(y ** 2))) < 1e-4:
        raise ValueError("no audible music (silent or under a second)")
    tempo, _ = librosa.beat.beat_track(y=y, sr=sr)
    chroma = librosa.feature.chroma_cqt(y=y, sr=sr).mean(axis=1)
    tonic, mode, r = estimate_key(chroma)
    return MusicFacts(tempo_bpm=fold_tempo(float(np.atleast_1d(tempo)[0])), key=tonic, mode=mode,
                      key_confidence=round(r, 3))
