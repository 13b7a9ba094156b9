"""Shot boundaries from per-frame features: hard cuts (robust to flashes and fast pans) and gradual
transitions (fades through a uniform frame, dissolves).

The decoder (`v2m.tools.video`) computes cheap per-frame numbers in its single streaming pass; this
module turns them into transitions. Hard cuts use an adaptive ratio: a frame's change score against
the median of its neighbours, so a fast pan (every frame changes a lot) is not a cut but a sudden
change is. A candidate is dropped as a flash when the picture a few frames later (or earlier) is
close to the picture before the jump: the scene came back, so nothing was cut.

Fades are found from the contrast curve: a short run of uniform (black or white) frames inside
the clip with the contrast easing down into it and/or up out of it. Dissolves are found while
decoding by `GradualTracker`: inside a dissolve every frame is a mix of the frames at the ends of a
window around it, in proportion to its position. Camera motion fails that test, because blending
two shifted pictures does not give the picture in between; a cut fails it because the middle
frame is one end, not a mix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ShotParams:
    """Detector settings; the defaults suit 24-60 fps footage."""

    cut_ratio: float = 3.0        # score / median(neighbour scores) needed for a cut
    cut_min_score: float = 0.12   # absolute floor: smaller changes are never cuts
    cut_ratio_sharp: float = 2.0  # the ratio needed when the change happened in one frame (see find_cuts)
    cut_sharpness: float = 0.85   # lag-1 change / largest change against 2..flash_lags frames back
    window: int = 3               # neighbours on each side for the adaptive ratio
    min_shot_frames: int = 4      # two cuts closer than this keep only the stronger
    flash_lags: int = 6           # a flash lasts at most this many frames - 1
    flash_ratio: float = 0.4      # "came back": distance below this fraction of the jump
    uniform_contrast: float = 0.035  # luma std (0..1) below which a frame counts as black/white
    grad_min_frames: int = 5      # shortest fade/dissolve ramp
    grad_max_s: float = 3.0       # longest fade/dissolve ramp
    grad_min_step: float = 0.0015  # mean |diff| per frame (0..1) below which nothing is changing
    grad_min_change: float = 0.05  # ends of a ramp must differ this much (mean |diff|, 0..1)
    grad_max_nonlinear: float = 0.15  # |middle - blend(ends)| / |ends difference| above this: motion
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


def find_cuts(score: np.ndarray, lag_diff: np.ndarray, p: ShotParams = ShotParams(),
              block_diff: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Frames where a new shot starts with a hard cut.

    A cut completes its change in one frame: the picture differs from the previous frame as much as
    from frames further back. Motion builds up instead (a pan differs more from 5 frames ago than
    from 1). Such "sharp" changes pass a lower adaptive ratio, which rescues cuts inside fast pans.

    Args:
        score: per-frame change score from `cut_scores`.
        lag_diff: shape (n, flash_lags); column 0 is mean |luma(i) - luma(i-1)| at analysis size,
            column L-1 (L >= 2) the same against frame i-L on 4x4 blocks (0..1), NaN where i < L.
        p: detector settings.
        block_diff: mean |luma(i) - luma(i-1)| on 4x4 blocks, to judge sharpness; None = no rescue.
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
    passed = ratio >= p.cut_ratio
    if block_diff is not None and lag_diff.shape[1] > 1:
        with np.errstate(invalid="ignore", divide="ignore"):
            further = np.nanmax(np.where(np.isnan(lag_diff[:, 1:]), -1.0, lag_diff[:, 1:]), axis=1)
            sharp = np.where(further > 0, block_diff / further, 0.0)
        passed |= (ratio >= p.cut_ratio_sharp) & (sharp >= p.cut_sharpness)
    cand = np.flatnonzero((score >= p.cut_min_score) & passed)
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


class GradualTracker:
    """Finds dissolves while frames stream past, in bounded memory.

    Feed the frames' small block-averaged luma (float32, 0..1) to `push_batch`; call `finish` at the
    end. For every frame it tests a few window lengths ending there, all at once with numpy: is the
    window's middle (then its quarter points) the blend of its two ends that a dissolve would show?
    """

    def __init__(self, fps: float, p: ShotParams = ShotParams()):
        self.p = p
        longest = max(2, int(round(p.grad_max_s * fps / 2)))
        self.halves = np.array(sorted({min(longest, max(2, int(round(x * fps)))) for x in (0.12, 0.24, 0.48, 0.9)}
                                      | {longest}))
        self.keep = 2 * int(self.halves[-1])  # frames of history a window can reach back
        self.hist: np.ndarray | None = None
        self.hist_flat = np.zeros(0, dtype=bool)
        self.hits: list[tuple[int, int]] = []  # windows (first, last frame) that looked like a dissolve

    def push_batch(self, first: int, blocks: np.ndarray) -> np.ndarray:
        """Add frames first, first+1, ... (one row of `blocks` each).

        Args:
            first: index of the first frame in this batch.
            blocks: (frames, pixels) block-averaged luma.
        Returns:
            Each frame's mean absolute change from the previous frame (0..1).
        """
        m, k = blocks.shape
        mean = blocks.sum(axis=1) / k
        flat = np.einsum("ij,ij->i", blocks, blocks) / k - mean * mean < self.p.uniform_contrast ** 2
        hist = np.zeros((0, k), np.float32) if self.hist is None else self.hist
        ring = np.concatenate([hist, blocks])
        ring_flat = np.concatenate([self.hist_flat, flat])
        hb = len(hist)
        pos = hb + np.arange(m)
        step = np.zeros(m, dtype=np.float64)
        has_prev = pos >= 1
        step[has_prev] = np.abs(ring[pos[has_prev]] - ring[pos[has_prev] - 1]).sum(axis=1) / k

        ia = pos[:, None] - 2 * self.halves[None, :]          # (m, H) window starts
        ok = (ia >= 0) & ~ring_flat[pos][:, None]
        ok[ok] &= ~ring_flat[ia[ok]]   # a uniform (black/white) end means a fade: `find_fades` does those
        jj, hh = np.nonzero(ok)
        if len(jj):
            a, b = ring[ia[jj, hh]], ring[pos[jj]]
            change = np.abs(a - b).sum(axis=1) / k
            keep = change >= self.p.grad_min_change
            jj, hh, a, b, change = jj[keep], hh[keep], a[keep], b[keep], change[keep]
            if len(jj):
                mid = ring[pos[jj] - self.halves[hh]]
                err = np.abs(mid - 0.5 * (a + b)).sum(axis=1) / k
                for j, h in zip(jj[err <= self.p.grad_max_nonlinear * change], hh[err <= self.p.grad_max_nonlinear * change]):
                    half = int(self.halves[h])
                    if self._quarters(ring, int(pos[j]), half):
                        self.hits.append((first + int(j) - 2 * half, first + int(j)))
        self.hist = ring[-self.keep:].copy()
        self.hist_flat = ring_flat[-self.keep:].copy()
        return step

    def _quarters(self, ring: np.ndarray, end: int, half: int) -> bool:
        """Do the frames at 1/4 and 3/4 of the window also equal the matching mix of its ends?"""
        a, b = ring[end - 2 * half], ring[end]
        limit = self.p.grad_max_nonlinear * float(np.abs(b - a).mean())
        for q in (1, 3):
            k = int(round(q * half / 2))
            w = k / (2 * half)
            if float(np.abs(ring[end - 2 * half + k] - ((1 - w) * a + w * b)).mean()) > limit:
                return False
        return True

    def finish(self) -> list[tuple[int, int]]:
        """Windows that looked like a dissolve, (first, last) frame each, in order."""
        return sorted(self.hits)


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


def find_dissolves(hits: list[tuple[int, int]], step: np.ndarray,
                   p: ShotParams = ShotParams()) -> list[tuple[int, int, int, float]]:
    """Dissolves from the tracker's windows: overlapping windows join, and a span needs two of them
    (one lucky window is noise); its ends are trimmed to where the picture actually changes.

    Args:
        hits: from `GradualTracker.finish`.
        step: per-frame mean absolute block-luma change (what `GradualTracker.push` returned).
        p: detector settings.
    Returns:
        (start_frame, end_frame, new_shot_frame, strength) per dissolve; strength = windows agreeing.
    """
    spans: list[list[int]] = []
    for a, b in hits:
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
            spans[-1][2] += 1
        else:
            spans.append([a, b, 1])
    out = []
    for a, b, count in spans:
        if count < 2:
            continue
        moving = np.flatnonzero(step[a + 1:b + 1] >= p.grad_min_step)
        if len(moving) < p.grad_min_frames:
            continue
        s, e = a + int(moving[0]), a + 1 + int(moving[-1])
        out.append((s, e, (s + e + 1) // 2, float(count)))
    return out


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
        # absorbed when inside; a cut on a fade's first frame started the shot that then fades out
        if not any(g[1] + (g[0] == "fade") < c <= max(g[2], g[3]) or g[1] == c and g[0] != "fade" for g in out):
            out.append(("cut", c, c, c, s))
    out = [t for t in out if 0 < t[3] < n_frames]
    out.sort(key=lambda t: t[3])
    return out
