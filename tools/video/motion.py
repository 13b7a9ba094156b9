"""Motion: an energy curve from frame differences, its peaks, and the visual rhythm as tempo candidates.

Motion energy is the mean absolute luma change between consecutive small frames, with the spikes
of cuts and flashes removed (they are edits, not movement) and squashed to 0..1. A dancer, a
bouncing ball or a runner's stride makes that curve periodic; the autocorrelation's strongest
peaks between MIN_TEMPO_BPM and MAX_TEMPO_BPM become tempo candidates, in the spirit of the "visual beats" that
rhythm-aware video-to-music systems line music up with. A static or aperiodic picture has none.
"""

from __future__ import annotations

import numpy as np

from v2m.tools.contract import MAX_TEMPO_BPM, MIN_TEMPO_BPM

MOTION_SCALE = 0.025    # mean |block-luma diff| (0..1) that maps to 1 - 1/e of full energy
MAX_CURVE_POINTS = 20000  # longer videos get a coarser curve so analysis.json stays small
MIN_PERIODICITY = 0.4   # normalised autocorrelation a rhythm must reach
STILL_LEVEL = 0.0015    # below this median luma change nothing is moving


def despike(x: np.ndarray, boundaries: list[int], width: int = 2) -> np.ndarray:
    """Replace the frames at shot boundaries and isolated spikes (flashes) by their neighbours' median.

    Args:
        x: per-frame luma change, 0..1.
        boundaries: frames where a new shot starts (their difference is an edit, not motion).
        width: neighbours on each side for the median.
    Returns:
        A copy of x without edit spikes.
    """
    y = x.astype(np.float64).copy()
    n = len(y)
    if n < 3:
        return y
    padded = np.pad(y, width, mode="edge")
    idx = np.arange(n)[:, None] + np.r_[np.arange(width), np.arange(width + 1, 2 * width + 1)][None, :]
    med = np.median(padded[idx], axis=1)
    spikes = y > np.maximum(3.0 * med, med + 0.05)
    for b in boundaries:
        spikes[max(0, b - 1): b + 2] = True
    y[spikes] = med[spikes]
    y[0] = y[1]
    return y


def energy(luma_change: np.ndarray) -> np.ndarray:
    """Squash luma change to 0..1 motion energy."""
    return 1.0 - np.exp(-np.asarray(luma_change) / MOTION_SCALE)


def uniform_curve(times: np.ndarray, values: np.ndarray, fps: float) -> np.ndarray:
    """Resample per-frame values (maybe variable frame rate) onto an even grid of one frame period.

    Args:
        times: frame times in seconds, increasing.
        values: one value per frame.
        fps: average frame rate.
    Returns:
        Values at times[0] + k / fps.
    """
    hop = 1.0 / fps
    n = max(1, int(np.floor((times[-1] - times[0]) / hop + 1e-6)) + 1)
    return np.interp(times[0] + hop * np.arange(n), times, values)


def coarsen(curve: np.ndarray, hop_s: float) -> tuple[np.ndarray, float]:
    """Average blocks of points so a long video's curve has at most MAX_CURVE_POINTS.

    Args:
        curve: values on an even grid.
        hop_s: grid step.
    Returns:
        (curve, hop_s), unchanged when short enough.
    """
    k = int(np.ceil(len(curve) / MAX_CURVE_POINTS))
    if k <= 1:
        return curve, hop_s
    m = len(curve) // k * k
    return (curve[:m].reshape(-1, k).mean(axis=1) if m else curve[:1]), hop_s * k


def peaks(curve: np.ndarray, hop_s: float, max_per_minute: float = 90.0) -> list[float]:
    """Times of clear motion peaks (a jump, a punch, a passing car).

    Args:
        curve: motion energy 0..1 on an even grid.
        hop_s: grid step.
        max_per_minute: keep at most this many, the most prominent.
    Returns:
        Peak times in seconds, in time order.
    """
    from scipy.signal import find_peaks

    if len(curve) < 5:
        return []
    win = max(1, int(round(0.12 / hop_s)))
    smooth = np.convolve(curve, np.ones(win) / win, mode="same")
    idx, props = find_peaks(smooth, prominence=0.12, distance=max(1, int(round(0.3 / hop_s))))
    keep = int(max(1, max_per_minute * len(curve) * hop_s / 60.0))
    best = idx[np.argsort(props["prominences"])[::-1][:keep]]
    return [round(float(i * hop_s), 3) for i in sorted(best)]


def tempo_candidates(luma_change: np.ndarray, hop_s: float, shots: list[tuple[int, int]] | None = None,
                     max_candidates: int = 3) -> list[float]:
    """Visual tempo in BPM from the periodicity of motion, best first; empty when there is no rhythm.

    Each shot is judged on its own (a cut resets the rhythm; two shots may dance at different
    tempi) and candidates are pooled, weighted by periodicity strength times shot length.

    Args:
        luma_change: despiked per-frame luma change on an even grid (not squashed: keeps small wiggles).
        hop_s: grid step in seconds (one frame period).
        shots: (start, end) grid indices of the shots; None = one shot.
        max_candidates: most candidates returned.
    Returns:
        BPM values rounded to 0.1, strongest first (a mild preference for 60-180 BPM breaks
        near-ties, since music there is easiest to fit).
    """
    x = np.asarray(luma_change, dtype=np.float64)
    pooled: list[list[float]] = []  # [weight, bpm]
    for s, e in shots or [(0, len(x))]:
        for strength, bpm in _periodicities(x[s:e], hop_s):
            w = strength * (e - s) * hop_s
            same = [p for p in pooled if abs(bpm - p[1]) / p[1] <= 0.04]
            if same:
                p = same[0]
                p[1] = (p[1] * p[0] + bpm * w) / (p[0] + w)
                p[0] += w
            else:
                pooled.append([w, bpm])
    pooled.sort(reverse=True)
    return [round(b, 1) for _, b in pooled[:max_candidates]]


def _periodicities(x: np.ndarray, hop_s: float) -> list[tuple[float, float]]:
    """(strength, bpm) of the autocorrelation peaks of one shot's motion between MIN_TEMPO_BPM and MAX_TEMPO_BPM."""
    from scipy.signal import find_peaks

    n = len(x)
    max_lag = int(np.ceil(60.0 / MIN_TEMPO_BPM / hop_s))
    min_lag = max(2, int(np.floor(60.0 / MAX_TEMPO_BPM / hop_s)))
    # at least three periods of the fastest tempo, and something moving
    if n < max(3 * min_lag, int(2.0 / hop_s)) or np.median(x) < STILL_LEVEL:
        return []
    win = max(3, int(round(2.0 / hop_s)) | 1)  # remove slow drifts (2 s moving average)
    trend = np.convolve(np.pad(x, win // 2, mode="edge"), np.ones(win) / win, mode="valid")[:n]
    y = x - trend
    # a light low-pass: a period that is not a whole number of frames (120 BPM at 25 fps is 12.5)
    # otherwise correlates worse at one period than at two, and the beat would be heard at half speed
    y = np.convolve(np.pad(y, 2, mode="edge"), np.array([1, 4, 6, 4, 1]) / 16.0, mode="valid")
    if np.std(y) < 1e-9:
        return []
    y = (y - y.mean()) / y.std()
    size = 1 << int(np.ceil(np.log2(2 * n)))
    spec = np.fft.rfft(y, size)
    ac = np.fft.irfft(spec * np.conj(spec), size)[:n]
    ac = ac / ac[0] * n / (n - np.arange(n))  # unbiased: long lags overlap fewer samples
    hi = min(max_lag, int(n / 2.5))  # a period must repeat at least 2.5 times to count
    if hi <= min_lag + 1:
        return []
    idx, _ = find_peaks(ac[: hi + 2])
    out = []
    for i in idx[(idx >= min_lag) & (idx <= hi)]:
        if ac[i] < MIN_PERIODICITY:
            continue
        a, b, c = ac[i - 1], ac[i], ac[i + 1]
        den = a - 2 * b + c
        shift = 0.5 * (a - c) / den if den != 0 else 0.0  # parabolic peak: sub-frame lag
        bpm = 60.0 / ((i + float(np.clip(shift, -0.5, 0.5))) * hop_s)
        out.append((float(ac[i]), bpm))
    # A rhythm with period P also correlates at 2P, 3P...: those multiples are the same beat
    # counted slower, so they rank below the shortest period that correlates about as well.
    ranked = []
    for strength, bpm in out:
        for s2, b2 in out:
            k = b2 / bpm
            if k > 1.5 and abs(k - round(k)) < 0.06 * round(k) and s2 >= 0.8 * strength:
                strength *= 0.6
                break
        prior = np.exp(-0.5 * (np.log2(bpm / 110.0) / 1.2) ** 2)
        ranked.append((strength * (0.8 + 0.2 * prior), bpm))
    return ranked
