"""Gradual transitions: fades through black or white, and dissolves, each with its start and end.

Fades are found from the contrast curve: a short run of uniform (black or white) frames inside
the clip with the contrast easing down into it and/or up out of it.

Dissolves are found two ways, and either suffices:
- `GradualTracker`, while decoding: inside a dissolve every frame is a mix of the frames at the ends
  of a window around it, in proportion to its position. Camera motion fails that test (blending two
  shifted pictures does not give the picture in between); a cut fails it (the middle is one end).
- `find_dissolves_by_variance`, after decoding: mixing two unrelated pictures lowers the contrast,
  so a dissolve's luma standard deviation dips along sqrt((1-a)^2 sA^2 + a^2 sB^2) as the mix a
  goes 0..1, and the colour histograms before and after differ. This holds when both shots move,
  where the blend test cannot.
"""

from __future__ import annotations

import numpy as np

from v2m.tools.video.shots import ShotParams


class GradualTracker:
    """Finds dissolves while frames stream past, in bounded memory.

    Feed the frames' small block-averaged luma (float32, 0..1) to `push_batch`; call `finish` at the
    end. For every frame it tests a few window lengths ending there, all at once with numpy: is the
    window's middle (then its quarter points) the blend of its two ends that a dissolve would show?
    """

    def __init__(self, fps: float, p: ShotParams = ShotParams()):
        self.p = p
        longest = max(2, int(round(p.grad_max_s * fps / 2)))
        self.halves = np.array(sorted({min(longest, max(2, int(round(x * fps)))) for x in (0.12, 0.24, 0.6)}
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


def find_dissolves_by_variance(contrast: np.ndarray, hists: np.ndarray, cuts: list[int], fps: float,
                               p: ShotParams = ShotParams()) -> list[tuple[int, int, int, float]]:
    """Dissolves as dips of the contrast curve that follow the mixing model, between different shots.

    Args:
        contrast: per-frame luma std, 0..1.
        hists: (n, bins) colour-histogram counts per frame.
        cuts: hard-cut frames (a window containing one is not a dissolve).
        fps: frames per second.
        p: detector settings.
    Returns:
        (start_frame, end_frame, new_shot_frame, strength) per dissolve; strength = 1 - model error.
    """
    n = len(contrast)
    c = contrast.astype(np.float64)
    if n < 12:
        return []
    npx = max(1.0, float(hists[0].sum()))
    is_cut = np.zeros(n + 1, dtype=np.int64)
    is_cut[np.asarray(cuts, dtype=np.int64)] = 1
    cut_count = np.cumsum(is_cut)
    longest = int(round(p.grad_max_s * fps))
    lengths = sorted({d for d in (6, 8, 10, 12, 15, 18, 22, 27, 33, 40, 50, 62, 75) if d <= longest})
    found: list[tuple[float, int, int]] = []
    for d in lengths:
        first = np.arange(3, n - d - 3)       # first frame of the mix
        if not len(first):
            continue
        last = first + d - 1
        before = c[first - 1]
        after = c[last + 1]
        steady = (np.abs(c[first - 3] - before) <= 0.1 * before) & (np.abs(c[last + 3] - after) <= 0.1 * after)
        ok = steady & (np.minimum(before, after) > 2 * p.uniform_contrast)
        errs = np.zeros(len(first))
        for q in (0.1, 0.25, 0.5, 0.75, 0.9):
            k = int(round(q * (d + 1))) - 1
            a = (k + 1) / (d + 1)
            model = np.sqrt(((1 - a) * before) ** 2 + (a * after) ** 2)
            errs = np.maximum(errs, np.abs(c[first + k] - model) / np.maximum(model, 1e-6))
        ok &= errs <= 0.12
        ok &= cut_count[last + 2] - cut_count[first - 1] == 0
        if not ok.any():
            continue
        idx = np.flatnonzero(ok)
        change = 0.5 * np.abs(hists[first[idx] - 1].astype(np.int64) - hists[last[idx] + 1]).sum(axis=1) / npx
        for i, ch in zip(idx, change):
            if ch >= 0.25:
                found.append((float(errs[i]), int(first[i]), int(last[i])))
    found.sort()
    out: list[tuple[int, int, int, float]] = []
    for err, a, b in found:  # best fit first; overlapping windows are the same dissolve
        if all(b < oa or a > ob for oa, ob, _, _ in out):
            out.append((a, b, (a + b + 1) // 2, round(1.0 - err, 4)))
    return sorted(out)
