"""One loudness meter and one way to bring a score to its loudness target, for every renderer.

    from v2m.tools.audio.loudness import integrated_loudness, normalize_loudness
    integrated_loudness(audio, 44100)          # LUFS, ITU-R BS.1770-4 (pinned to pyloudnorm by a test)
    normalize_loudness(audio, 44100, -16.0)    # the gain the renderers apply, then the soft peak limit

Why normalise: scores of different styles and densities come out of the synthesizer at very different
levels; a target integrated loudness (-16 LUFS by default, the usual level for online video) makes every
result sit at the same level under the picture.

Why the meter is split in two (`k_weight`, then `gated_loudness`): K-weighting is linear and time-invariant,
so the K-weighted mix of a score is the sum of its sections' K-weighted audio. The incremental renderer
(`v2m.tools.audio.stems`) caches each section's K-weighted audio and measures a new mix without filtering
it again; the whole-file renderer (`v2m.tools.audio.render`) filters its mix once. Both then call the same
`gain_db` and `finish`, so the same mix gets the same samples whichever renderer made it.

Why the gain sits on a 0.5 dB grid and may be held: "more energy in the ending" should make the ending
louder, not the rest of the score quieter; a fresh exact gain would change every sample, so every cached
AAC segment, and the turn would cost a full re-encode. Held, the untouched sections stay sample-identical.
"""

from __future__ import annotations

import numpy as np

PEAK_CEILING = 0.97   # about -0.26 dBFS: leave room for the AAC encoder
GAIN_STEP_DB = 0.5    # the gain grid (see the module docstring)
GAIN_HOLD_LU = 2.0    # a held gain is kept while the result stays this close to the target
FADE_S = 0.05         # the fade-out at the very end, so a video never ends on a click
BLOCK_S, HOP_S = 0.4, 0.1          # BS.1770 gating blocks: 400 ms every 100 ms
ABSOLUTE_GATE_LUFS, RELATIVE_GATE_LU = -70.0, -10.0


def k_weight(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """BS.1770 K-weighting (pyloudnorm's two filters) of audio shaped (samples,) or (samples, channels).

    Returns:
        float64 array (samples, channels).
    """
    x = np.asarray(audio).reshape(len(audio), -1)
    return KFilter(sample_rate, x.shape[1])(x)


class KFilter:
    """K-weighting of audio that arrives in pieces: the filters' state runs on from piece to piece, so
    the pieces filtered one by one are the whole filtered at once.

        kf = KFilter(44100)
        for piece in pieces: kx = kf(piece)        # (samples, channels) -> float64, same shape

    The two biquads (pyloudnorm's high shelf and high pass) run as second-order sections in one pass.
    """

    def __init__(self, sample_rate: int, channels: int = 2):
        import pyloudnorm
        from scipy.signal import tf2sos

        self.sos = np.vstack([tf2sos(f.b, f.a) for f in pyloudnorm.Meter(sample_rate)._filters.values()])
        self.state = np.zeros((len(self.sos), 2, channels))

    def __call__(self, piece: np.ndarray) -> np.ndarray:
        from scipy.signal import sosfilt

        x = np.asarray(piece, np.float64).reshape(len(piece), -1)
        out, self.state = sosfilt(self.sos, x, axis=0, zi=self.state)
        return out


class GatedMeter:
    """BS.1770-4 gated loudness of K-weighted audio that arrives in pieces, in memory that does not grow
    with its length: only the running energy at the 400 ms blocks' edges is kept (an hour: 36,000 numbers).

        meter = GatedMeter(n_samples, 44100)
        for piece in pieces: meter.push(piece)       # (samples, channels), n_samples in all
        meter.loudness()                             # LUFS, -inf if silent

    The energy is summed sample by sample in the same order as one cumulative sum over the whole, so
    the result is the same to the last bit as measuring the whole at once (`gated_loudness`).
    """

    def __init__(self, n_samples: int, sample_rate: int):
        self.block = int(BLOCK_S * sample_rate)
        # BS.1770 gates on 400 ms blocks: shorter audio is measured as if padded with silence
        self.n = max(n_samples, self.block + 1) if n_samples < self.block else n_samples
        n_blocks = int(np.round((self.n / sample_rate - BLOCK_S) / HOP_S)) + 1
        self.lo = (np.arange(n_blocks) * HOP_S * sample_rate).astype(int)
        self.hi = np.minimum(((np.arange(n_blocks) * HOP_S + BLOCK_S) * sample_rate).astype(int), self.n)
        self.edges = np.unique(np.concatenate([self.lo, self.hi]))  # where the running energy is needed
        self.energy = np.zeros(len(self.edges))
        self.done = 0       # samples pushed so far
        self.total = 0.0    # their energy

    def push(self, kx: np.ndarray) -> None:
        """Add the next K-weighted samples (samples, channels)."""
        x = np.asarray(kx, np.float64).reshape(len(kx), -1)
        power = np.einsum("ij,ij->i", x, x)  # the channels' energy, weights 1
        cs = np.cumsum(np.concatenate([[self.total], power]))  # cs[j]: energy of the first done + j samples
        a = np.searchsorted(self.edges, self.done, side="left")
        b = np.searchsorted(self.edges, self.done + len(power), side="right")
        self.energy[a:b] = cs[self.edges[a:b] - self.done]
        self.done += len(power)
        self.total = float(cs[-1])

    def loudness(self) -> float:
        """The integrated loudness (LUFS) of what was pushed; -inf if silent."""
        self.energy[np.searchsorted(self.edges, self.done, side="right"):] = self.total  # silence after the end
        at = self.energy
        z = (at[np.searchsorted(self.edges, self.hi)] - at[np.searchsorted(self.edges, self.lo)]) / self.block
        with np.errstate(divide="ignore"):
            lk = -0.691 + 10 * np.log10(z)
        gated = z[lk >= ABSOLUTE_GATE_LUFS]
        if not len(gated):
            return float("-inf")
        rel = -0.691 + 10 * np.log10(gated.mean()) + RELATIVE_GATE_LU
        final = z[(lk >= ABSOLUTE_GATE_LUFS) & (lk > rel)]
        return float(-0.691 + 10 * np.log10(final.mean())) if len(final) else float("-inf")


def gated_loudness(kx: np.ndarray, sample_rate: int) -> float:
    """ITU-R BS.1770-4 integrated loudness (LUFS) of already K-weighted audio (samples, channels): 400 ms
    blocks every 100 ms, absolute (-70 LUFS) and relative (-10 LU) gates; -inf if silent."""
    meter = GatedMeter(len(kx), sample_rate)
    meter.push(kx)
    return meter.loudness()


def integrated_loudness(audio: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness (LUFS) of float audio shaped (samples,) or (samples, channels); -inf if silent."""
    audio = np.asarray(audio)
    block = int(BLOCK_S * sample_rate)
    if len(audio) < block:  # BS.1770 gates on 400 ms blocks; pad short clips with silence
        audio = np.concatenate([audio, np.zeros((block - len(audio) + 1, *audio.shape[1:]))])
    return gated_loudness(k_weight(audio, sample_rate), sample_rate)


def stepped_gain_db(measured_lufs: float, target_lufs: float) -> float:
    """The gain (dB) that brings `measured_lufs` to the target, on a GAIN_STEP_DB grid (0 for silence)."""
    if not np.isfinite(measured_lufs):
        return 0.0
    return round((target_lufs - measured_lufs) / GAIN_STEP_DB) * GAIN_STEP_DB


def gain_db(kx: np.ndarray, sample_rate: int, target_lufs: float, held_db: float | None = None) -> float:
    """The gain a renderer applies to a mix whose K-weighted, length-fitted audio is `kx`.

    Args:
        kx: K-weighted audio of the mix as it will be heard (cut to length, faded).
        sample_rate: Hz.
        target_lufs: the plan's loudness target.
        held_db: the gain used for the previous version at the same target, or None.
    Returns:
        `held_db` while it keeps the result within GAIN_HOLD_LU of the target, else a fresh stepped gain.
    """
    return held_or_stepped_db(gated_loudness(kx, sample_rate), target_lufs, held_db)


def held_or_stepped_db(measured: float, target_lufs: float, held_db: float | None = None) -> float:
    """`held_db` while it keeps a mix measured at `measured` LUFS within GAIN_HOLD_LU of the target, else a
    fresh stepped gain (see `gain_db`)."""
    if held_db is not None and abs(measured + held_db - target_lufs) <= GAIN_HOLD_LU:
        return held_db
    return stepped_gain_db(measured, target_lufs)


def soft_limit(audio: np.ndarray, ceiling: float = PEAK_CEILING) -> np.ndarray:
    """Keep peaks under the ceiling with a soft knee (tanh above 80% of it), leaving the body untouched."""
    knee = 0.8 * ceiling
    mag = np.abs(audio)
    over = mag > knee
    if not over.any():
        return audio
    out = audio.copy()
    out[over] = np.sign(audio[over]) * (knee + (ceiling - knee) * np.tanh((mag[over] - knee) / (ceiling - knee)))
    return out


def apply_gain(audio: np.ndarray, gain: float) -> np.ndarray:
    """Scale by `gain` dB, then the soft peak limit (so every route sounds alike)."""
    return soft_limit(np.asarray(audio, np.float32) * np.float32(10 ** (gain / 20)))


def fit_length(audio: np.ndarray, n_samples: int, sample_rate: int, fade_s: float = FADE_S) -> np.ndarray:
    """Cut or pad (with silence) to exactly n_samples, with a short fade-out at the end."""
    if len(audio) >= n_samples:
        audio = audio[:n_samples].copy()
    else:
        audio = np.concatenate([audio, np.zeros((n_samples - len(audio), *audio.shape[1:]), audio.dtype)])
    return fade_end(audio, 0, n_samples, sample_rate, fade_s)


def fade_end(piece: np.ndarray, start: int, n_samples: int, sample_rate: int, fade_s: float = FADE_S) -> np.ndarray:
    """Apply (in place) the part of the end fade of an n_samples-long piece of audio that falls on `piece`,
    whose first sample is sample `start` of the whole; returns `piece`."""
    n_fade = min(n_samples, int(fade_s * sample_rate))
    a = max(start, n_samples - n_fade)
    if n_fade and a < start + len(piece):
        ramp = np.linspace(1.0, 0.0, n_fade)[a - (n_samples - n_fade): start + len(piece) - (n_samples - n_fade)]
        piece[a - start:] *= ramp.reshape(-1, *([1] * (piece.ndim - 1))).astype(piece.dtype)
    return piece


def finish(mix: np.ndarray, n_samples: int, sample_rate: int, gain: float) -> np.ndarray:
    """The score as written: `mix` gained and limited, cut to n_samples with the end fade, clipped to -1..1."""
    return np.clip(fit_length(apply_gain(mix, gain), n_samples, sample_rate), -1.0, 1.0)


def finish_piece(piece: np.ndarray, start: int, n_samples: int, sample_rate: int, gain: float) -> np.ndarray:
    """`finish` for the piece of an n_samples-long mix that begins at sample `start` (streamed renders):
    the pieces of a mix, finished one by one, are the finished mix sample for sample."""
    return np.clip(fade_end(np.array(apply_gain(piece, gain)), start, n_samples, sample_rate), -1.0, 1.0)


def normalize_loudness(audio: np.ndarray, sample_rate: int, target_lufs: float = -16.0) -> np.ndarray:
    """Scale audio to a target integrated loudness (on the GAIN_STEP_DB grid), with the soft peak limit;
    silence stays silence.

    Args:
        audio: float samples; sample_rate: Hz; target_lufs: e.g. -16.0.
    Returns:
        The normalised float32 audio.
    """
    return apply_gain(audio, gain_db(k_weight(audio, sample_rate), sample_rate, target_lufs))
