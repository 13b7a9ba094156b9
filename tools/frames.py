"""Per-frame features computed while a video streams past, in memory that grows by a few hundred
bytes per frame (an hour of 25 fps video keeps about 20 MB here, whatever the resolution).

Each decoded frame arrives already shrunk by FFmpeg to a small RGB picture (`SMALL_WIDTH` wide);
from it `FrameLog.push` keeps: luma differences to the last few frames (cuts, flashes, motion),
a coarse colour histogram and its change (cuts), brightness, contrast, saturation and warmth (look),
and feeds a block-averaged luma to the gradual-transition tracker (fades, dissolves).
"""

from __future__ import annotations

from collections import deque

import numpy as np

from v2m.tools.shots import GradualTracker, ShotParams

SMALL_WIDTH = 160       # analysis width in pixels: cuts and motion survive, decoding cost dominates
HIST_LEVELS = 4         # per channel: 4*4*4 = 64 colour bins
BLOCK = 4               # block averaging for the gradual tracker: kills 8-bit rounding noise
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32) / 255.0

# columns of the per-frame table
T, LUMA_DIFF, HIST_DIFF, BRIGHT, CONTRAST, SAT, WARM, COS = range(8)
N_SCALAR = 8


def small_size(width: int, height: int) -> tuple[int, int]:
    """The analysis size for a frame: SMALL_WIDTH wide (or less), aspect kept, even, at least 8x8."""
    w = min(SMALL_WIDTH, width - width % 2) if width >= 16 else 16
    h = max(8, int(round(w * height / max(width, 1) / 2)) * 2)
    return max(w, 8), h


class _Table:
    """A 2-D array that grows by doubling, so appending a row is cheap and memory stays compact."""

    def __init__(self, cols: int, dtype: type):
        self.a = np.zeros((1024, cols), dtype=dtype)
        self.n = 0

    def append(self, row: np.ndarray) -> None:
        if self.n == len(self.a):
            self.a = np.concatenate([self.a, np.zeros_like(self.a)])
        self.a[self.n] = row
        self.n += 1

    def view(self) -> np.ndarray:
        return self.a[: self.n]


class FrameLog:
    """Feature rows for every frame, computed from small RGB pictures."""

    def __init__(self, fps: float, params: ShotParams = ShotParams()):
        self.params = params
        self.scalars = _Table(N_SCALAR, np.float64)
        self.lags = _Table(params.flash_lags, np.float32)
        self.hists = _Table(HIST_LEVELS ** 3, np.uint16)
        self.recent: deque[np.ndarray] = deque(maxlen=params.flash_lags)
        self.prev_hist: np.ndarray | None = None
        self.tracker = GradualTracker(fps, params)

    def __len__(self) -> int:
        return self.scalars.n

    def push(self, time_s: float, rgb: np.ndarray) -> None:
        """Add one frame.

        Args:
            time_s: presentation time of the frame.
            rgb: small picture, uint8, shape (h, w, 3).
        """
        gray = rgb.astype(np.float32) @ LUMA  # 0..1
        sub = rgb[::2, ::2]
        mx = sub.max(axis=2).astype(np.float32)
        mn = sub.min(axis=2).astype(np.float32)
        sat = float(((mx - mn) / np.maximum(mx, 1.0)).mean())
        mean_rgb = sub.reshape(-1, 3).mean(axis=0)
        warm = float((mean_rgb[0] - mean_rgb[2]) / 255.0)
        shift = 8 - int(np.log2(HIST_LEVELS))
        q = (sub >> shift).astype(np.int32)
        idx = (q[..., 0] * HIST_LEVELS + q[..., 1]) * HIST_LEVELS + q[..., 2]
        hist = np.bincount(idx.ravel(), minlength=HIST_LEVELS ** 3)
        hist_diff = 0.0 if self.prev_hist is None else 0.5 * float(np.abs(hist - self.prev_hist).sum()) / idx.size
        self.prev_hist = hist

        lag_row = np.full(self.params.flash_lags, np.nan, dtype=np.float32)
        for lag, old in enumerate(reversed(self.recent), start=1):
            lag_row[lag - 1] = np.abs(gray - old).mean()
        self.recent.append(gray)

        h4, w4 = gray.shape[0] // BLOCK * BLOCK, gray.shape[1] // BLOCK * BLOCK
        block = gray[:h4, :w4].reshape(h4 // BLOCK, BLOCK, w4 // BLOCK, BLOCK).mean(axis=(1, 3))
        cos = self.tracker.push(len(self), block)

        luma_diff = 0.0 if np.isnan(lag_row[0]) else float(lag_row[0])
        self.scalars.append(np.array([time_s, luma_diff, hist_diff, gray.mean(), gray.std(),
                                      sat, warm, cos]))
        self.lags.append(lag_row)
        self.hists.append(hist)

    def column(self, col: int) -> np.ndarray:
        """One scalar feature for every frame, e.g. `log.column(BRIGHT)`."""
        return self.scalars.view()[:, col]

    def lag_diffs(self) -> np.ndarray:
        """(n, flash_lags) luma differences to 1..flash_lags frames back (NaN before the start)."""
        return self.lags.view()

    def histograms(self) -> np.ndarray:
        """(n, 64) colour-bin pixel counts per frame."""
        return self.hists.view()
