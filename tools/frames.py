"""Per-frame features computed while a video streams past, in memory that grows by a few hundred
bytes per frame (an hour of 25 fps video keeps about 20 MB here, whatever the resolution).

Each decoded frame arrives already shrunk by FFmpeg to a small RGB picture (`SMALL_WIDTH` wide);
from it `FrameLog.push` keeps: luma differences to the last few frames (cuts, flashes, motion),
a coarse colour histogram and its change (cuts), brightness, contrast, saturation and warmth (look),
and feeds a block-averaged luma to the gradual-transition tracker (fades, dissolves).
"""

from __future__ import annotations

import numpy as np

from v2m.tools.shots import ShotParams
from v2m.tools.transitions import GradualTracker

SMALL_WIDTH = 160       # analysis width in pixels: cuts and motion survive, decoding cost dominates
HIST_LEVELS = 4         # per channel: 4*4*4 = 64 colour bins
BLOCK = 4               # block averaging for the gradual tracker: kills 8-bit rounding noise
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32) / 255.0

# columns of the per-frame table
T, LUMA_DIFF, HIST_DIFF, BRIGHT, CONTRAST, SAT, WARM, BLOCK_DIFF = range(8)
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

    def extend(self, rows: np.ndarray) -> None:
        while self.n + len(rows) > len(self.a):
            self.a = np.concatenate([self.a, np.zeros_like(self.a)])
        self.a[self.n:self.n + len(rows)] = rows
        self.n += len(rows)

    def view(self) -> np.ndarray:
        return self.a[: self.n]


class FrameLog:
    """Feature rows for every frame, computed from small RGB pictures in batches.

    Frames are copied into a small batch buffer and measured BATCH at a time, so each numpy call
    works on a few hundred thousand numbers instead of a few thousand: the Python overhead per
    frame shrinks to a few microseconds. Memory is the batch plus a few frames of history.
    """

    BATCH = 16

    def __init__(self, fps: float, params: ShotParams = ShotParams()):
        self.params = params
        self.scalars = _Table(N_SCALAR, np.float64)
        self.lags = _Table(params.flash_lags, np.float32)
        self.hists = _Table(HIST_LEVELS ** 3, np.uint16)
        self.tracker = GradualTracker(fps, params)
        self.batch: np.ndarray | None = None
        self.times: list[float] = []
        self.prev_gray: np.ndarray | None = None       # last frame of the previous batch
        self.prev_hist: np.ndarray | None = None
        self.prev_blocks = np.zeros((0, 0), dtype=np.float32)  # up to flash_lags-1 frames of history
        self.last_time = -np.inf

    def __len__(self) -> int:
        return self.scalars.n + len(self.times)

    def push(self, time_s: float, rgb: np.ndarray) -> None:
        """Add one frame.

        Args:
            time_s: presentation time of the frame.
            rgb: small picture, uint8, shape (h, w, 3); the same size for every frame.
        """
        if self.batch is None:
            self.batch = np.empty((self.BATCH,) + rgb.shape, dtype=np.uint8)
        self.batch[len(self.times)] = rgb
        self.times.append(time_s)
        self.last_time = time_s
        if len(self.times) == self.BATCH:
            self._flush()

    def _flush(self) -> None:
        m = len(self.times)
        if not m:
            return
        x = self.batch[:m]
        _, h, w, _ = x.shape
        size = h * w
        planes = x.transpose(3, 0, 1, 2).copy()  # planar: per-channel arithmetic runs on contiguous memory
        gray = planes[0].astype(np.float32) * LUMA[0]  # 0..1 (a (n,3)@(3,) matmul is far slower)
        gray += planes[1] * LUMA[1]
        gray += planes[2] * LUMA[2]
        flat = gray.reshape(m, size)
        mean = flat.sum(axis=1) / size
        var = np.maximum(np.einsum("ij,ij->i", flat, flat) / size - mean * mean, 0.0)

        r, g, b = planes[:, :, ::2, ::2]  # every other pixel: colour needs less
        mx = np.maximum(np.maximum(r, g), b).astype(np.float32)
        mn = np.minimum(np.minimum(r, g), b).astype(np.float32)
        n_sub = mx[0].size
        sat = ((mx - mn) / np.maximum(mx, 1.0)).reshape(m, -1).sum(axis=1) / n_sub
        warm = (r.reshape(m, -1).sum(axis=1, dtype=np.int64) - b.reshape(m, -1).sum(axis=1, dtype=np.int64)) \
            / (255.0 * n_sub)
        shift = 8 - int(np.log2(HIST_LEVELS))
        bins = HIST_LEVELS ** 3
        idx = ((r >> shift).astype(np.int32) * HIST_LEVELS + (g >> shift)) * HIST_LEVELS + (b >> shift)
        idx += (np.arange(m, dtype=np.int32) * bins)[:, None, None]  # one bincount for the whole batch
        hist = np.bincount(idx.ravel(), minlength=m * bins).reshape(m, bins)
        hprev = hist[:1] if self.prev_hist is None else self.prev_hist[None]
        hist_diff = 0.5 * np.abs(np.diff(np.concatenate([hprev, hist]), axis=0)).sum(axis=1) / n_sub  # small
        self.prev_hist = hist[-1]

        h4, w4 = h // BLOCK * BLOCK, w // BLOCK * BLOCK
        rows = gray[:, 0:h4:4] + gray[:, 1:h4:4] + gray[:, 2:h4:4] + gray[:, 3:h4:4]
        blocks = ((rows[:, :, 0:w4:4] + rows[:, :, 1:w4:4] + rows[:, :, 2:w4:4] + rows[:, :, 3:w4:4])
                  * (1.0 / BLOCK ** 2)).reshape(m, -1)
        first = self.scalars.n
        block_diff = self.tracker.push_batch(first, blocks)

        # lag 1 at full analysis size (motion, cuts); longer lags only for the flash test, on blocks
        luma_diff = np.zeros(m)
        if m > 1:
            d = gray[1:] - gray[:-1]
            np.abs(d, out=d)
            luma_diff[1:] = d.reshape(m - 1, -1).sum(axis=1) / size
        if self.prev_gray is not None:
            luma_diff[0] = float(np.abs(gray[0] - self.prev_gray).sum()) / size
        self.prev_gray = gray[-1].copy()
        lags = np.full((m, self.params.flash_lags), np.nan, dtype=np.float32)
        lags[:, 0] = luma_diff
        if first == 0:
            lags[0, 0] = np.nan
        hist_blocks = np.concatenate([self.prev_blocks.reshape(-1, blocks.shape[1]), blocks])
        hb = len(hist_blocks) - m  # frames of history in front of this batch
        for lag in range(2, self.params.flash_lags + 1):
            j0 = max(0, lag - hb)  # batch frames that have a frame `lag` back
            if j0 < m:
                cur = hist_blocks[hb + j0:]
                old = hist_blocks[hb + j0 - lag: len(hist_blocks) - lag]
                lags[j0:, lag - 1] = np.abs(cur - old).sum(axis=1) / blocks.shape[1]
        self.prev_blocks = hist_blocks[-(self.params.flash_lags - 1):].copy()

        rows_out = np.column_stack([np.array(self.times), luma_diff, hist_diff, mean, np.sqrt(var),
                                    sat, warm, block_diff])
        if first == 0:
            rows_out[0, LUMA_DIFF] = rows_out[0, HIST_DIFF] = 0.0
        self.scalars.extend(rows_out)
        self.lags.extend(lags)
        self.hists.extend(hist)
        self.times = []

    def column(self, col: int) -> np.ndarray:
        """One scalar feature for every frame, e.g. `log.column(BRIGHT)`."""
        self._flush()
        return self.scalars.view()[:, col]

    def lag_diffs(self) -> np.ndarray:
        """(n, flash_lags) luma differences to 1..flash_lags frames back (NaN before the start)."""
        self._flush()
        return self.lags.view()

    def histograms(self) -> np.ndarray:
        """(n, 64) colour-bin pixel counts per frame."""
        self._flush()
        return self.hists.view()
