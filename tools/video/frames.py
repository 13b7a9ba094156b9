"""Per-frame features computed while a video streams past, in memory that grows by a few hundred
bytes per frame (an hour of 25 fps video keeps about 20 MB here, whatever the resolution).

Each decoded frame arrives already shrunk by FFmpeg to a small RGB picture (`SMALL_WIDTH` wide);
from it `FrameLog.push` keeps: luma differences to the last few frames (cuts, flashes, motion),
a coarse colour histogram and its change (cuts), brightness, contrast, saturation and warmth (look),
and feeds a block-averaged luma to the gradual-transition tracker (fades, dissolves).
"""

from __future__ import annotations

import numpy as np

from v2m.tools.video.shots import ShotParams
from v2m.tools.video.transitions import GradualTracker

SMALL_WIDTH = 160       # analysis width in pixels: cuts and motion survive, decoding cost dominates
HIST_LEVELS = 4         # per channel: 4*4*4 = 64 colour bins
BLOCK = 4               # block averaging for the gradual tracker: kills 8-bit rounding noise

# columns of the per-frame table
T, LUMA_DIFF, HIST_DIFF, BRIGHT, CONTRAST, SAT, WARM, BLOCK_DIFF = range(8)
N_SCALAR = 8


def display_size(width: int, height: int, rotation: int) -> tuple[int, int]:
    """Width and height as shown, after the rotation metadata is applied."""
    return (height, width) if abs(rotation) % 180 == 90 else (width, height)


def small_size(width: int, height: int) -> tuple[int, int]:
    """The analysis size for a frame: SMALL_WIDTH wide (or less), aspect kept, even, at least 8x8."""
    w = min(SMALL_WIDTH, width - width % 2) if width >= 16 else 16
    h = max(8, int(round(w * height / max(width, 1) / 2)) * 2)
    return max(w, 8), h


class Shrinker:
    """Small 8-bit YUV 4:2:0 planes of a decoded frame, at `small_size`.

    For 8-bit 4:2:0 frames (nearly every video) the pixels are picked straight from the decoder's
    own planes with numpy (nearest pixel, no copy of the full frame), which costs next to nothing
    even at 4K. Other pixel formats go through FFmpeg's scaler once per frame.
    """

    PLANAR_420 = {"yuv420p", "yuvj420p"}

    def __init__(self):
        from av.video.reformatter import VideoReformatter

        self.scaler = VideoReformatter()  # keeps FFmpeg's scaler context between frames
        self.key: tuple | None = None
        self.rows = self.cols = self.crows = self.ccols = np.zeros(0, dtype=np.intp)

    def __call__(self, frame) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """Returns (y, u, v, full_range) for one `av.VideoFrame`."""
        fmt = frame.format.name
        full = fmt == "yuvj420p" or int(frame.color_range or 0) == 2
        sw, sh = small_size(frame.width, frame.height)
        if fmt not in self.PLANAR_420:
            frame = self.scaler.reformat(frame, width=sw, height=sh, format="yuv420p", interpolation="POINT")
            full = False  # the scaler writes TV range
        key = (frame.width, frame.height, sw, sh)
        if key != self.key:
            self.key = key
            self.rows = ((np.arange(sh) + 0.5) * frame.height / sh).astype(np.intp)
            self.cols = ((np.arange(sw) + 0.5) * frame.width / sw).astype(np.intp)
            self.crows = np.minimum(((np.arange(sh // 2) + 0.5) * frame.height / sh).astype(np.intp),
                                    (frame.height + 1) // 2 - 1)
            self.ccols = np.minimum(((np.arange(sw // 2) + 0.5) * frame.width / sw).astype(np.intp),
                                    (frame.width + 1) // 2 - 1)
        out = []
        for plane, rows, cols in zip(frame.planes[:3], (self.rows, self.crows, self.crows),
                                     (self.cols, self.ccols, self.ccols)):
            a = np.frombuffer(plane, np.uint8)
            a = a[: a.size // plane.line_size * plane.line_size].reshape(-1, plane.line_size)
            out.append(a[rows][:, cols])
        return out[0], out[1], out[2], full


class _Table:
    """A 2-D array built by appending rows, in blocks of BLOCK_ROWS: an append never copies the rows
    already there (growing by doubling held up to twice the rows, three times while it grew), and the
    blocks are joined into one array only when the rows are read."""

    BLOCK_ROWS = 4096

    def __init__(self, cols: int, dtype: type):
        self.cols, self.dtype = cols, dtype
        self.blocks: list[np.ndarray] = []  # full blocks, or (once read) all the rows so far as one
        self.tail = np.zeros((self.BLOCK_ROWS, cols), dtype=dtype)
        self.k = 0  # rows in the tail
        self.n = 0

    def extend(self, rows: np.ndarray) -> None:
        i = 0
        while i < len(rows):
            take = min(len(rows) - i, self.BLOCK_ROWS - self.k)
            self.tail[self.k:self.k + take] = rows[i:i + take]
            self.k, i = self.k + take, i + take
            if self.k == self.BLOCK_ROWS:
                self.blocks.append(self.tail)
                self.tail, self.k = np.zeros((self.BLOCK_ROWS, self.cols), dtype=self.dtype), 0
        self.n += len(rows)

    def view(self) -> np.ndarray:
        if len(self.blocks) != 1 or self.k:
            self.blocks, self.k = [np.concatenate([*self.blocks, self.tail[:self.k]])], 0
        return self.blocks[0]


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
        self.batch: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self.full_range = False
        self.times: list[float] = []
        self.prev_gray: np.ndarray | None = None       # last frame of the previous batch
        self.prev_hist: np.ndarray | None = None
        self.prev_blocks = np.zeros((0, 0), dtype=np.float32)  # up to flash_lags-1 frames of history
        self.last_time = -np.inf

    def __len__(self) -> int:
        return self.scalars.n + len(self.times)

    def push(self, time_s: float, y: np.ndarray, u: np.ndarray, v: np.ndarray, full_range: bool = False) -> None:
        """Add one frame as small 8-bit YUV 4:2:0 planes (see `Shrinker`).

        Args:
            time_s: presentation time of the frame.
            y: luma, uint8 (h, w); the same size for every frame.
            u, v: chroma, uint8 (h/2, w/2).
            full_range: True when 0..255 is black..white (JPEG), False for TV range 16..235.
        """
        if self.batch is None:
            h, w = y.shape
            self.batch = (np.empty((self.BATCH, h, w), np.uint8), np.empty((self.BATCH, h // 2, w // 2), np.uint8),
                          np.empty((self.BATCH, h // 2, w // 2), np.uint8))
            self.full_range = full_range
        k = len(self.times)
        self.batch[0][k], self.batch[1][k], self.batch[2][k] = y, u, v
        self.times.append(time_s)
        self.last_time = time_s
        if len(self.times) == self.BATCH:
            self._flush()

    def _flush(self) -> None:
        m = len(self.times)
        if not m:
            return
        ys, us, vs = (b[:m] for b in self.batch)
        _, h, w = ys.shape
        size = h * w
        # BT.601 YUV -> 0..1 luma and RGB; colour is measured at chroma resolution (h/2 x w/2)
        if self.full_range:
            ysc, yoff, csc = 1 / 255.0, 0.0, 1 / 255.0
        else:
            ysc, yoff, csc = 1 / 219.0, 16.0, 1 / 224.0
        gray = ys.astype(np.float32)  # in place from here: no temporaries of the batch size
        gray -= yoff
        gray *= ysc  # (TV-range overshoots stay slightly outside 0..1; shot cues are clipped later)
        flat = gray.reshape(m, size)
        mean = flat.sum(axis=1) / size
        var = np.maximum(np.einsum("ij,ij->i", flat, flat) / size - mean * mean, 0.0)

        yc = np.clip(gray[:, ::2, ::2], 0.0, 1.0)
        cb = (us.astype(np.float32) - 128.0) * csc
        cr = (vs.astype(np.float32) - 128.0) * csc
        r = np.clip(yc + 1.402 * cr, 0.0, 1.0)
        g = np.clip(yc - 0.344136 * cb - 0.714136 * cr, 0.0, 1.0)
        b = np.clip(yc + 1.772 * cb, 0.0, 1.0)
        mx = np.maximum(np.maximum(r, g), b)
        mn = np.minimum(np.minimum(r, g), b)
        n_sub = mx[0].size
        sat = ((mx - mn) / np.maximum(mx, 1 / 255.0)).reshape(m, -1).sum(axis=1) / n_sub
        warm = (r - b).reshape(m, -1).sum(axis=1) / n_sub
        bins = HIST_LEVELS ** 3
        top = HIST_LEVELS - 0.001  # so that 1.0 falls in the last bin
        idx = ((r * top).astype(np.int32) * HIST_LEVELS + (g * top).astype(np.int32)) * HIST_LEVELS \
            + (b * top).astype(np.int32)
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
