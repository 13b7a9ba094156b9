"""Onsets found in rendered audio: a small spectral-flux detector, the one every sync metric uses.

    from v2m.tools.metrics.onsets import onset_times
    times_s = onset_times(audio, sample_rate)

Onsets are measured in the audio, never read from the plan or the MIDI, so a metric built on them
grades what a listener hears.
"""

from __future__ import annotations

import numpy as np

FRAME = 2048
HOP = 256
MEDIAN_WINDOW_S = 0.4   # the adaptive threshold follows the flux's local median over this much
THRESHOLD_STD = 0.5     # ... plus this many standard deviations of the whole flux curve


def _mono(audio: np.ndarray) -> np.ndarray:
    return audio.mean(axis=1) if audio.ndim == 2 else audio


def spectral_flux(audio: np.ndarray, sr: int) -> tuple[np.ndarray, float]:
    """Half-wave-rectified log-spectral flux per hop (the onset strength envelope).

    Returns:
        (flux per frame, frame rate in Hz); frame k is centred at (k * HOP + FRAME / 2) / sr seconds.
    """
    x = _mono(audio)
    if len(x) < FRAME:
        return np.zeros(0), sr / HOP
    n = 1 + (len(x) - FRAME) // HOP
    idx = np.arange(FRAME)[None, :] + HOP * np.arange(n)[:, None]
    spec = np.abs(np.fft.rfft(x[idx] * np.hanning(FRAME), axis=1))
    logspec = np.log1p(100 * spec)
    flux = np.maximum(0, np.diff(logspec, axis=0)).sum(axis=1)
    return np.concatenate([[0], flux]), sr / HOP


def onset_times(audio: np.ndarray, sr: int) -> np.ndarray:
    """Onset times (s): peaks of the spectral flux above a moving median threshold."""
    from scipy.ndimage import median_filter

    flux, _ = spectral_flux(audio, sr)
    if len(flux) < 3:
        return np.zeros(0)
    w = int(MEDIAN_WINDOW_S * sr / HOP)
    med = median_filter(flux, size=2 * w + 1, mode="nearest")
    thresh = med + THRESHOLD_STD * flux.std()
    peaks = [i for i in range(1, len(flux) - 1)
             if flux[i] > thresh[i] and flux[i] >= flux[i - 1] and flux[i] >= flux[i + 1]]
    return (np.array(peaks, dtype=float) * HOP + FRAME / 2) / sr


def cut_recall(audio: np.ndarray, sr: int, cuts: list[float], tol_s: float = 0.070) -> float:
    """Share of cuts with a detected onset within tol_s (1.0 when there are no cuts)."""
    return share_matched(cuts, onset_times(audio, sr), tol_s)


def share_matched(events: list[float], candidates: np.ndarray | list[float], tol_s: float) -> float:
    """Share of `events` with some candidate within +-tol_s (1.0 when there are no events)."""
    if not len(events):
        return 1.0
    c = np.asarray(candidates, dtype=float)
    if not len(c):
        return 0.0
    return sum(1 for e in events if np.min(np.abs(c - e)) <= tol_s) / len(events)
