"""The input's own audio, measured during the video pass: loudness over time and speech-like spans.

Music added later should duck under dialogue, so v2m marks where the original sound looks like
speech: energy concentrated in the voice band (300-3400 Hz) that rises and falls at syllable rate
(speech pauses between syllables several times a second, music and noise mostly sustain). It is a
cue, not a speech recogniser. Audio is resampled to 16 kHz mono as it streams; only a few numbers
per 50 ms block are kept, so memory stays flat.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
BLOCK = 800                 # 50 ms analysis blocks
BLOCKS_PER_HOP = 2          # loudness is reported every 100 ms
SILENCE_DB = -60.0
VOICE_BAND = (300.0, 3400.0)
SPEECH_WINDOW = 20          # blocks (1 s) over which syllable-rate modulation is judged
MIN_SPEECH_S, MAX_GAP_S = 0.5, 0.3


class Soundtrack:
    """Accumulates per-block loudness and voice-band share from decoded audio frames."""

    def __init__(self):
        import av

        self.resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        self.carry = np.zeros(0, dtype=np.float32)
        self.db: list[float] = []
        self.voice: list[float] = []
        freqs = np.fft.rfftfreq(BLOCK, 1.0 / RATE)
        self.band = (freqs >= VOICE_BAND[0]) & (freqs <= VOICE_BAND[1])
        self.window = np.hanning(BLOCK).astype(np.float32)
        self.failed = 0

    def push(self, frame) -> None:
        """Add one decoded `av.AudioFrame`."""
        try:
            out = self.resampler.resample(frame)
        except Exception:  # a broken audio packet must not stop the video analysis
            self.failed += 1
            return
        for f in out:
            self._blocks(f.to_ndarray().reshape(-1).astype(np.float32))

    def _blocks(self, x: np.ndarray) -> None:
        x = np.concatenate([self.carry, x])
        n = len(x) // BLOCK
        if n:
            blocks = x[: n * BLOCK].reshape(n, BLOCK)
            rms = np.sqrt(np.mean(blocks ** 2, axis=1))
            self.db.extend((20 * np.log10(np.maximum(rms, 1e-6))).tolist())
            power = np.abs(np.fft.rfft(blocks * self.window, axis=1)) ** 2
            total = power.sum(axis=1)
            self.voice.extend((power[:, self.band].sum(axis=1) / np.maximum(total, 1e-12)).tolist())
        self.carry = x[n * BLOCK:]

    def summary(self, duration_s: float) -> tuple[dict, list[str]]:
        """VideoAnalysis audio fields and warnings.

        Args:
            duration_s: the video's duration; audio beyond it is ignored.
        Returns:
            ({audio_hop_s, audio_loudness_db, speech_s}, warnings).
        """
        if len(self.carry):
            self._blocks(np.zeros(BLOCK - len(self.carry), dtype=np.float32))
        warnings = [f"{self.failed} audio frame(s) could not be read"] if self.failed else []
        limit = int(np.ceil(duration_s * RATE / BLOCK))
        db = np.maximum(np.array(self.db[:limit]), SILENCE_DB)
        if len(db) == 0:
            return {}, warnings + ["the audio stream held no decodable sound"]
        voice = np.array(self.voice[:limit])
        m = len(db) // BLOCKS_PER_HOP * BLOCKS_PER_HOP
        power = 10 ** (db[:m] / 10)
        hop_db = 10 * np.log10(power.reshape(-1, BLOCKS_PER_HOP).mean(axis=1)) if m else db[:1]
        fields = {"audio_hop_s": BLOCK * BLOCKS_PER_HOP / RATE,
                  "audio_loudness_db": [round(float(v), 2) for v in hop_db],
                  "speech_s": speech_spans(db, voice, BLOCK / RATE)}
        return fields, warnings


def speech_spans(db: np.ndarray, voice: np.ndarray, block_s: float) -> list[tuple[float, float]]:
    """Spans whose sound is speech-like: voice-band energy that pulses at syllable rate.

    Args:
        db: per-block level in dBFS.
        voice: per-block share of energy in the voice band, 0..1.
        block_s: block length in seconds.
    Returns:
        (start_s, end_s) spans, at least MIN_SPEECH_S long, gaps under MAX_GAP_S merged.
    """
    n = len(db)
    if n < SPEECH_WINDOW:
        return []
    floor = float(np.percentile(db, 10))
    active = (db > max(SILENCE_DB + 15, floor + 6)) & (voice > 0.55)
    env = 10 ** (db / 20)
    pad = SPEECH_WINDOW // 2
    kernel = np.ones(SPEECH_WINDOW) / SPEECH_WINDOW
    share = np.convolve(np.pad(active.astype(float), pad, mode="edge"), kernel, mode="valid")[:n]
    mean = np.convolve(np.pad(env, pad, mode="edge"), kernel, mode="valid")[:n]
    sq = np.convolve(np.pad(env ** 2, pad, mode="edge"), kernel, mode="valid")[:n]
    modulation = np.sqrt(np.maximum(sq - mean ** 2, 0)) / np.maximum(mean, 1e-9)
    # syllables: most of the second is voiced, yet the level keeps dipping between syllables
    speechy = active & (share >= 0.35) & (modulation >= 0.35)
    spans: list[tuple[float, float]] = []
    idx = np.flatnonzero(np.diff(np.r_[0, speechy.astype(int), 0]))
    for s, e in zip(idx[::2], idx[1::2]):
        a, b = s * block_s, e * block_s
        if spans and a - spans[-1][1] < MAX_GAP_S:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return [(round(float(a), 2), round(float(b), 2)) for a, b in spans if b - a >= MIN_SPEECH_S]
