"""Shot boundaries from per-frame features: hard cuts (robust to flashes and fast pans) and gradual
transitions (fades through a uniform frame, dissolves).

The decoder (`v2m.tools.video.analyze`) computes cheap per-frame numbers in its single streaming pass; this
module turns them into transitions. Hard cuts use an adaptive ratio: a frame's change score against
the median of its neighbours, so a fast pan (every frame changes a lot) is not a cut but a sudden
change is. A candidate is dropped as a flash when the picture a few frames later (or earlier) is
close to the picture before the jump: the scene came back, so nothing was cut.

Fades and dissolves are found by `v2m.tools.video.transitions`; `merge_transitions` joins both lists.
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
        if any(g[1] + (g[0] == "fade") < c <= max(g[2], g[3]) or g[1] == c and g[0] != "fade" for g in out):
            continue
        # a hard cut out of a fade's black (a title fades out, the film starts at once) is that fade's end:
        # one boundary, and the new shot starts at the cut
        ends = [k for k, g in enumerate(out) if g[0] == "fade" and c == max(g[2], g[3]) + 1]
        if ends:
            kind, a, b, _, strength = out[ends[0]]
            out[ends[0]] = (kind, a, c, c, strength)
            continue
        out.append(("cut", c, c, c, s))
    out = [t for t in out if 0 < t[3] < n_frames]
    out.sort(key=lambda t: t[3])
    return out


def drop_blank_edges(found: list[tuple[str, int, int, int, float]], contrast: np.ndarray,
                     p: ShotParams = ShotParams()) -> list[tuple[str, int, int, int, float]]:
    """Remove cuts out of a blank leader or into a blank tail: a black or flat first (or last) frame or
    few (up to `min_shot_frames`) are an encoder's or editor's padding, not a shot of their own.

    Args:
        found: from `merge_transitions`.
        contrast: per-frame luma standard deviation (0..1).
        p: detector settings (`uniform_contrast` says what is blank).
    Returns:
        `found` without those cuts.
    """
    blank = contrast < p.uniform_contrast
    lead = int(np.argmin(blank)) if not blank.all() else len(blank)      # blank frames at the start
    tail = int(np.argmin(blank[::-1])) if not blank.all() else len(blank)  # ... and at the end
    n, most = len(contrast), p.min_shot_frames  # longer blank stretches are shots (a title card, night)
    return [t for t in found if not (t[0] == "cut" and (t[3] == lead and 0 < lead <= most
                                                         or t[3] == n - tail and 0 < tail <= most))]
