"""A small spectral-flux onset detector for checking that cuts are audible in rendered audio."""

from __future__ import annotations

import numpy as np

FRAME = 2048
HOP = 256


def onset_times(audio: np.ndarray, sr: int) -> np.ndarray:
    """Onset times (s): peaks of half-wave-rectified log-spectral flux above a moving median threshold."""
    x = audio.mean(axis=1) if audio.ndim == 2 else audio
    n = 1 + (len(x) - FRAME) // HOP
    idx = np.arange(FRAME)[None, :] + HOP * np.arange(n)[:, None]
    spec = np.abs(np.fft.rfft(x[idx] * np.hanning(FRAME), axis=1))
    logspec = np.log1p(100 * spec)
    flux = np.maximum(0, np.diff(logspec, axis=0)).sum(axis=1)
    flux = np.concatenate([[0], flux])
    from scipy.ndimage import median_filter

    w = int(0.4 * sr / HOP)
    med = median_filter(flux, size=2 * w + 1, mode="nearest")
    thresh = med + 0.5 * flux.std()
    peaks = [i for i in range(1, len(flux) - 1)
             if flux[i] > thresh[i] and flux[i] >= flux[i - 1] and flux[i] >= flux[i + 1]]
    return (np.array(peaks) * HOP + FRAME / 2) / sr


def cut_recall(audio: np.ndarray, sr: int, cuts: list[float], tol_s: float = 0.070) -> float:
    """Share of cuts with a detected onset within tol_s."""
    on = onset_times(audio, sr)
    if not cuts:
        return 1.0
    return sum(1 for c in cuts if len(on) and np.min(np.abs(on - c)) <= tol_s) / len(cuts)
