"""Shot boundaries from per-frame features: hard cuts (robust to flashes and fast pans) and gradual
transitions (fades through a uniform frame, dissolves).

The decoder (`v2m.tools.video`) computes cheap per-frame numbers in its single streaming pass; this
module turns them into transitions. Hard cuts use an adaptive ratio: a frame's change score against
the median of its neighbours, so a fast pan (every frame changes a lot) is not a cut but a sudden
change is. A candidate is dropped as a flash when the picture a few frames later (or earlier) is
close to the picture before the jump: the scene came back, so nothing was cut.

Gradual transitions are found while decoding by `GradualTracker`: during a fade or dissolve every
frame-to-frame difference image is proportional to the same image (new shot minus old shot), so
successive difference images point the same way (cosine near 1), and the middle frame is the average
of the two ends. Camera motion fails the second test because blending two shifted pictures does not
give the picture in between.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ShotParams:
    """Detector settings; the defaults suit 24-60 fps footage."""

    cut_ratio: float = 3.0        # score / median(neighbour scores) needed for a cut
    cut_min_score: float = 0.12   # absolute floor: smaller changes are never cuts
    window: int = 3               # neighbours on each side for the adaptive ratio
    min_shot_frames: int = 4      # two cuts closer than this keep only the stronger
    flash_lags: int = 6           # a flash lasts at most this many frames - 1
    flash_ratio: float = 0.4      # "came back": distance below this fraction of the jump
    uniform_contrast: float = 0.035  # luma std (0..1) below which a frame counts as black/white
    grad_min_frames: int = 5      # shortest fade/dissolve ramp
    grad_max_s: float = 3.0       # longest fade/dissolve ramp
    grad_cos: float = 0.6         # successive difference images must agree this much
    grad_min_step: float = 0.0015  # mean |diff| per frame (0..1) below which nothing is changing
    grad_min_change: float = 0.05  # ends of a ramp must differ this much (mean |diff|, 0..1)
    grad_max_nonlinear: float = 0.2  # |middle - blend(ends)| / |ends difference| above this: motion
    fade_max_gap_s: float = 2.0   # longest uniform pause between a fade-out and a fade-in


def cut_scores(luma_diff: np.ndarray, hist_diff: np.ndarray) -> np.ndarray:
    """One change score per frame (0..1) from the luma and colour-histogram differences.

    Args:
        luma_diff: mean |luma(i) - luma(i-1)| per frame, 0..1 (frame 0 is 0).
        hist_diff: half the L1 distance of colour histograms of frames i and i-1, 0..1.
    Returns:
        The per-frame score; the histogram term ignores motion, the luma term catches cuts between
        shots of similar colours.
    """
    return 0.5 * hist_diff + 0.5 * np.minimum(1.0, 3.0 * luma_diff)


def find_cuts(score: np.ndarray, lag_diff: np.ndarray, p: ShotParams = ShotParams()) -> list[tuple[int, float]]:
    """Frames where a new shot starts with a hard cut.

    Args:
        score: per-frame change score from `cut_scores`.
        lag_diff: shape (n, flash_lags); column L-1 is mean |luma(i) - luma(i-L)| (0..1), NaN where i < L.
        p: detector settings.
    Returns:
        (frame, strength) pairs in frame order; strength is the adaptive ratio.
    """
    n = len(score)
    if n < 2:
        return []
    w = p.window
    padded = np.pad(score, w, mode="edge")
    # neighbours of i are padded[i : i+w] and padded[i+w+1 : i+2w+1]; the median shrugs off a second cut nearby
    idx = np.arange(n)[:, None] + np.r_[np.arange(w), np.arange(w + 1, 2 * w + 1)][None, :]
    base = np.median(padded[idx], axis=1)
    ratio = score / np.maximum(base, 0.01)
    cand = np.flatnonzero((score >= p.cut_min_score) & (ratio >= p.cut_ratio))
    cand = cand[cand > 0]
    cuts: list[tuple[int, float]] = []
    for c in cand:
        if _is_flash(int(c), lag_diff, p):
            continue
        if cuts and c - cuts[-1][0] < p.min_shot_frames:
            if ratio[c] > cuts[-1][1]:
                cuts[-1] = (int(c), float(ratio[c]))
            continue
        cuts.append((int(c), float(ratio[c])))
    return cuts


def _is_flash(c: int, lag_diff: np.ndarray, p: ShotParams) -> bool:
    """True when the jump into frame c is undone within a few frames, or undoes one just before."""
    n, lags = lag_diff.shape
    jump = lag_diff[c, 0]
    if not np.isfinite(jump) or jump <= 0:
        return False
    limit = p.flash_ratio * jump
    for lag in range(2, lags + 1):
        j = c - 1 + lag  # frame `lag` after the one before the jump: back to the old picture?
        if j < n and np.isfinite(lag_diff[j, lag - 1]) and lag_diff[j, lag - 1] < limit:
            return True
        if np.isfinite(lag_diff[c, lag - 1]) and lag_diff[c, lag - 1] < limit:  # frame c ends a flash
            return True
    return False


@dataclass
class Ramp:
    """A linear change between two pictures over frames start..end (inclusive)."""

    start: int
    end: int
    start_uniform: bool
    end_uniform: bool
    change: float


class GradualTracker:
    """Finds linear ramps (fade halves and dissolves) while frames stream past, in bounded memory.

    Feed every frame's small block-averaged luma (float32, 0..1) to `push`; read `ramps` at the end.
    """

    def __init__(self, fps: float, p: ShotParams = ShotParams()):
        self.p = p
        self.max_len = max(p.grad_min_frames + 1, int(round(p.grad_max_s * fps)))
        self.buf: deque[tuple[int, np.ndarray]] = deque(maxlen=self.max_len + 2)
        self.prev_diff: np.ndarray | None = None
        self.run_start: int | None = None
        self.ramps: list[Ramp] = []

    def push(self, index: int, small: np.ndarray) -> float:
        """Add frame `index`; returns the cosine between this and the previous difference image."""
        cos = 0.0
        if self.buf:
            diff = small - self.buf[-1][1]
            step = float(np.abs(diff).mean())
            if self.prev_diff is not None:
                den = float(np.linalg.norm(diff) * np.linalg.norm(self.prev_diff))
                cos = float((diff * self.prev_diff).sum()) / den if den > 0 else 0.0
            ramping = step >= self.p.grad_min_step and (cos >= self.p.grad_cos or self.run_start is None)
            if ramping and self.run_start is None:
                self.run_start = index
            elif not ramping and self.run_start is not None:
                self._close(index - 1)
            elif self.run_start is not None and index - self.run_start > self.max_len:
                self.run_start = None  # too slow for a transition: lighting or a zoom
            self.prev_diff = diff if step >= self.p.grad_min_step else None
        self.buf.append((index, small))
        return cos

    def finish(self) -> list[Ramp]:
        """Close an open ramp at the last frame and return all ramps found."""
        if self.run_start is not None and self.buf:
            self._close(self.buf[-1][0])
        return self.ramps

    def _close(self, end: int) -> None:
        start, self.run_start = self.run_start, None
        if end - start + 1 < self.p.grad_min_frames:
            return
        frames = {i: f for i, f in self.buf}
        a, b = frames.get(start - 1), frames.get(end)
        if a is None or b is None:
            return
        change = float(np.abs(b - a).mean())
        if change < self.p.grad_min_change:
            return
        # a blend of the two ends must explain the frames at a quarter, half and three quarters
        span = end - (start - 1)
        errs = []
        for q in (0.25, 0.5, 0.75):
            i = start - 1 + int(round(q * span))
            w = (i - (start - 1)) / span
            errs.append(float(np.abs(frames[i] - ((1 - w) * a + w * b)).mean()))
        if max(errs) / change > self.p.grad_max_nonlinear:
            return
        u = self.p.uniform_contrast
        self.ramps.append(Ramp(start, end, float(a.std()) < u, float(b.std()) < u, change))


def find_fades(contrast: np.ndarray, p: ShotParams = ShotParams(), fps: float = 25.0) -> list[tuple[int, int, int, float]]:
    """Fades through black (or white): a short run of uniform frames inside the clip, with the
    contrast ramping down into it and/or up out of it. Works whatever moves in the shots.

    Args:
        contrast: per-frame luma std, 0..1.
        p: detector settings.
        fps: frames per second.
    Returns:
        (start_frame, end_frame, new_shot_frame, strength) per fade.
    """
    n = len(contrast)
    uniform = contrast < p.uniform_contrast
    edges = np.flatnonzero(np.diff(np.r_[0, uniform.astype(np.int8), 0]))
    max_gap = max(1, int(round(p.fade_max_gap_s * fps)))
    max_ramp = int(round(p.grad_max_s * fps))
    rise = 0.001  # contrast must keep changing by this per frame along a ramp
    out = []
    for u0, u1 in zip(edges[::2], edges[1::2] - 1):
        if u0 == 0 or u1 >= n - 1 or u1 - u0 + 1 > max_gap:
            continue  # starts or ends the clip (no new shot), or a long black shot of its own
        a = u0  # walk back while the contrast keeps growing: the fade-out
        while a > 0 and u0 - a < max_ramp and contrast[a - 1] - contrast[a] > rise:
            a -= 1
        b = u1  # walk on while it keeps growing: the fade-in
        while b < n - 1 and b - u1 < max_ramp and contrast[b + 1] - contrast[b] > rise:
            b += 1
        k_out, k_in = u0 - a, b - u1
        # a fade eases in and out; one jump carrying most of the change is a flash or a cut
        if k_out and contrast[u0 - 1] - contrast[u0] > 0.5 * (contrast[a] - contrast[u0]):
            k_out, a = 0, u0
        if k_in and contrast[u1 + 1] - contrast[u1] > 0.5 * (contrast[b] - contrast[u1]):
            k_in, b = 0, u1
        if max(k_out, k_in) < p.grad_min_frames // 2 + 1:
            continue  # a cut to black and back: two cuts, not a fade
        run = contrast[u0:u1 + 1]
        new = u0 + int(np.flatnonzero(run <= run.min() + rise)[-1])  # the fade-in starts at the darkest frame
        out.append((int(a), int(b), max(new, int(a) + 1), float(contrast[a] + contrast[b])))
    return out


def find_dissolves(ramps: list[Ramp], max_gap: int = 2) -> list[tuple[int, int, int, float]]:
    """Dissolves from the tracker's ramps; pieces split by a frame or two of motion are joined.

    Args:
        ramps: from `GradualTracker.finish`.
        max_gap: frames between two ramps that still make one dissolve.
    Returns:
        (start_frame, end_frame, new_shot_frame, strength) per dissolve.
    """
    pieces: list[list[int | float]] = []
    for r in ramps:
        if r.start_uniform or r.end_uniform:
            continue  # half of a fade: `find_fades` handles those
        if pieces and r.start - 1 - pieces[-1][1] <= max_gap:
            pieces[-1][1] = r.end
            pieces[-1][2] += r.change
        else:
            pieces.append([r.start - 1, r.end, r.change])
    return [(int(a), int(b), int((a + b + 1) // 2), float(c)) for a, b, c in pieces]


def merge_transitions(cuts: list[tuple[int, float]], fades: list[tuple[int, int, int, float]],
                      dissolves: list[tuple[int, int, int, float]],
                      n_frames: int) -> list[tuple[str, int, int, int, float]]:
    """One list of shot boundaries without double counting: a cut into or out of a fade's black,
    or inside a dissolve, is part of that transition; a dissolve overlapping a fade is the fade.

    Args:
        cuts: from `find_cuts`.
        fades: from `find_fades`.
        dissolves: from `find_dissolves`.
        n_frames: frames decoded.
    Returns:
        (kind, start_frame, end_frame, new_shot_frame, strength), kind in cut/fade/dissolve, by frame.
    """
    out = [("fade", a, b, new, s) for a, b, new, s in fades]
    for a, b, new, s in dissolves:
        if not any(a <= f[2] and f[1] <= b for f in out):
            out.append(("dissolve", a, b, new, s))
    for c, s in cuts:
        if not any(g[1] <= c <= max(g[2], g[3]) for g in out):
            out.append(("cut", c, c, c, s))
    out = [t for t in out if 0 < t[3] < n_frames]
    out.sort(key=lambda t: t[3])
    return out
