"""Adherence: does the rendered audio do what the plan said? Tempo, key, duration and loudness, measured.

    from v2m.tools.metrics.adherence import adherence_metrics
    adherence_metrics(audio, sr, plan, video_duration_s=10.0)

- tempo: the autocorrelation of the onset-strength envelope (spectral flux), weighted by a log-normal
  prior around 120 BPM (as beat trackers do, so the pick is not a far octave), read between 40 and 240
  BPM. The planned tempo is the duration-weighted median of the sections' tempi. `tempo_error` is the
  relative error after folding octaves (x0.5, x1, x2), since a listener tapping half time is not wrong.
- key: Krumhansl-Kessler profiles correlated with the audio's chroma (FFT bins folded to pitch classes,
  55 Hz-2 kHz). The plan's modes are reduced to major/minor (dorian, phrygian -> minor; lydian,
  mixolydian -> major). `key_match` is the same tonic and mode; `key_match_relative` also accepts the
  relative major/minor (the same notes).
- duration_error_s: music length minus the video's; loudness_error_db: integrated loudness
  (pyloudnorm, ITU-R BS.1770) minus the plan's target.
"""

from __future__ import annotations

import numpy as np
from v2m.tools.audio.render import integrated_loudness
from v2m.tools.metrics.onsets import spectral_flux

TEMPO_RANGE_BPM = (40.0, 240.0)
TEMPO_PRIOR_BPM = 120.0
TEMPO_PRIOR_OCTAVES = 1.0     # std of the log2-tempo prior
TEMPO_OK = 0.04               # a tempo within 4% (after octave folding) is kept
CHROMA_BAND_HZ = (55.0, 2000.0)
PITCH_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
# Krumhansl & Kessler (1982) key profiles, tonic first.
KK_MAJOR = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
KK_MINOR = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)
MINOR_MODES = {"minor", "dorian", "phrygian"}
_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def pitch_class(tonic: str) -> int:
    """C -> 0, F# -> 6, Bb -> 10."""
    pc = _PC[tonic[0]]
    return (pc + tonic[1:].count("#") - tonic[1:].count("b")) % 12


def estimate_tempo(audio: np.ndarray, sr: int) -> float | None:
    """Tempo (BPM) of the audio from the autocorrelation of its onset envelope; None if too short or silent."""
    flux, rate = spectral_flux(audio, sr)
    if len(flux) < rate * 2 or flux.std() < 1e-9:
        return None
    x = flux - flux.mean()
    ac = np.correlate(x, x, mode="full")[len(x) - 1:]
    lags = np.arange(1, len(ac))
    bpm = 60.0 * rate / lags
    ok = (bpm >= TEMPO_RANGE_BPM[0]) & (bpm <= TEMPO_RANGE_BPM[1])
    prior = np.exp(-0.5 * (np.log2(bpm / TEMPO_PRIOR_BPM) / TEMPO_PRIOR_OCTAVES) ** 2)
    score = np.where(ok, ac[1:] * prior, -np.inf)
    k = int(np.argmax(score))
    # refine with a parabola through the peak and its neighbours
    if 0 < k < len(score) - 1 and np.isfinite(score[k - 1]) and np.isfinite(score[k + 1]):
        a, b, c = ac[k], ac[k + 1], ac[k + 2]
        denom = a - 2 * b + c
        shift = 0.5 * (a - c) / denom if denom else 0.0
        return float(60.0 * rate / (lags[k] + shift))
    return float(bpm[k])


def tempo_error(estimated: float | None, planned: float) -> float | None:
    """Relative tempo error after octave folding (the estimate x0.5, x1 or x2)."""
    if estimated is None:
        return None
    return float(min(abs(estimated * f - planned) / planned for f in (0.5, 1.0, 2.0)))


def planned_tempo(plan) -> float:
    """Duration-weighted median of the sections' tempi (the plan's tempo where a section has none)."""
    pairs = sorted((s.tempo_bpm or plan.tempo_bpm, s.duration_s) for s in plan.sections)
    half, acc = sum(d for _, d in pairs) / 2, 0.0
    for bpm, d in pairs:
        acc += d
        if acc >= half:
            return float(bpm)
    return float(plan.tempo_bpm)


def chroma(audio: np.ndarray, sr: int, frame: int = 8192) -> np.ndarray:
    """Mean energy per pitch class (12,) of the audio, from FFT bins in CHROMA_BAND_HZ."""
    x = audio.mean(axis=1) if audio.ndim == 2 else audio
    hop = frame // 2
    out = np.zeros(12)
    freqs = np.fft.rfftfreq(frame, 1 / sr)
    band = (freqs >= CHROMA_BAND_HZ[0]) & (freqs <= CHROMA_BAND_HZ[1])
    pcs = (np.round(12 * np.log2(freqs[band] / 440.0)).astype(int) + 9) % 12
    win = np.hanning(frame)
    for start in range(0, max(1, len(x) - frame + 1), hop):
        seg = x[start:start + frame]
        if len(seg) < frame:
            seg = np.pad(seg, (0, frame - len(seg)))
        mag = np.abs(np.fft.rfft(seg * win))[band] ** 2
        out += np.bincount(pcs, weights=mag, minlength=12)
    return out


def estimate_key(audio: np.ndarray, sr: int) -> tuple[str, str, float] | None:
    """(tonic, "major"|"minor", correlation) of the best Krumhansl-Kessler key; None for silence."""
    c = chroma(audio, sr)
    if c.sum() <= 0:
        return None
    best = None
    for mode, profile in (("major", KK_MAJOR), ("minor", KK_MINOR)):
        for t in range(12):
            r = float(np.corrcoef(c, np.roll(profile, t))[0, 1])
            if best is None or r > best[2]:
                best = (PITCH_NAMES[t], mode, r)
    return best


def key_matches(found: tuple[str, str, float] | None, tonic: str, mode: str) -> tuple[bool, bool]:
    """(same key, same key or its relative major/minor) of an estimate against the plan's key and mode."""
    if found is None:
        return False, False
    want_pc, want_mode = pitch_class(tonic), "minor" if mode in MINOR_MODES else "major"
    got_pc = pitch_class(found[0])
    same = got_pc == want_pc and found[1] == want_mode
    rel = (want_pc + 9) % 12 if want_mode == "major" else (want_pc + 3) % 12
    return same, same or (got_pc == rel and found[1] != want_mode)


def adherence_metrics(audio: np.ndarray, sr: int, plan, video_duration_s: float) -> dict:
    """Tempo, key, duration and loudness of the rendered audio against the plan and the video.

    Returns:
        {"tempo_bpm_estimated", "tempo_bpm_planned", "tempo_error", "tempo_ok", "key_estimated",
         "key_planned", "key_match", "key_match_relative", "duration_error_s", "loudness_lufs",
         "loudness_error_db"}.
    """
    est = estimate_tempo(audio, sr)
    want = planned_tempo(plan)
    err = tempo_error(est, want)
    key = estimate_key(audio, sr)
    same, relative = key_matches(key, plan.key, plan.mode)
    lufs = integrated_loudness(audio, sr)
    return {
        "tempo_bpm_estimated": est,
        "tempo_bpm_planned": want,
        "tempo_error": err,
        "tempo_ok": err is not None and err <= TEMPO_OK,
        "key_estimated": f"{key[0]} {key[1]}" if key else None,
        "key_planned": f"{plan.key} {plan.mode}",
        "key_match": same,
        "key_match_relative": relative,
        "duration_error_s": len(audio) / sr - video_duration_s,
        "loudness_lufs": float(lufs) if np.isfinite(lufs) else None,
        "loudness_error_db": float(lufs - plan.loudness_lufs) if np.isfinite(lufs) else None,
    }
