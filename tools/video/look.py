"""Look and mood: per-shot brightness, contrast, saturation, warmth and dominant colours, turned into
simple valence/arousal estimates, and a whole-clip `Mood` with its reasoning written out.

The mapping is deliberately simple and documented rather than learned: film grammar ties bright,
saturated, warm pictures to positive valence and dark, desaturated, cold ones to negative; motion,
contrast and fast cutting raise arousal. A planner reads the numbers and the reasoning.
"""

from __future__ import annotations

import numpy as np

from v2m.tools.video.frames import HIST_LEVELS

DOMINANT_MIN_SHARE = 0.05   # a colour covering less of the shot is not "dominant"
MAX_DOMINANT = 3


def bin_hex(b: int) -> str:
    """Hex colour at the centre of colour-histogram bin b."""
    step = 256 // HIST_LEVELS
    r, g, bl = b // (HIST_LEVELS ** 2), (b // HIST_LEVELS) % HIST_LEVELS, b % HIST_LEVELS
    return "#{:02x}{:02x}{:02x}".format(*(min(255, v * step + step // 2) for v in (r, g, bl)))


def dominant_colors(hist_sum: np.ndarray) -> list[str]:
    """Most common colours of a shot, most common first.

    Args:
        hist_sum: colour-bin pixel counts summed over the shot's frames.
    Returns:
        Up to three hex colours, each covering at least 5% of the shot.
    """
    total = float(hist_sum.sum())
    if total <= 0:
        return []
    order = np.argsort(hist_sum)[::-1][:MAX_DOMINANT]
    return [bin_hex(int(b)) for b in order if hist_sum[b] / total >= DOMINANT_MIN_SHARE]


def valence(brightness: float, saturation: float, warmth: float) -> float:
    """-1..1: bright, colourful, warm pictures read happier than dark, grey, cold ones."""
    v = 1.6 * (brightness - 0.42) + 0.9 * (saturation - 0.3) + 0.5 * warmth
    return float(np.clip(v, -1.0, 1.0))


def arousal(motion: float, contrast: float, saturation: float, shot_s: float) -> float:
    """0..1: movement, hard contrast, strong colour and short shots excite."""
    pace = float(np.clip(2.0 / max(shot_s, 1e-3), 0.0, 1.0))  # a 2 s shot or shorter is fully "fast"
    a = 0.55 * motion + 0.2 * min(1.0, contrast / 0.3) + 0.1 * saturation + 0.15 * pace
    return float(np.clip(a, 0.0, 1.0))


def shot_look(bright: np.ndarray, contrast: np.ndarray, sat: np.ndarray, warm: np.ndarray,
              hists: np.ndarray, motion: float, shot_s: float) -> dict:
    """The look fields of one `Shot`, from its frames' features.

    Args:
        bright, contrast, sat, warm: per-frame values for the shot's frames.
        hists: (frames, 64) colour histograms for the shot's frames.
        motion: the shot's mean motion energy, 0..1.
        shot_s: the shot's duration.
    Returns:
        A dict of Shot keyword arguments (brightness ... arousal).
    """
    b, c, s = float(np.mean(bright)), float(np.mean(contrast)), float(np.mean(sat))
    w = float(np.clip(np.mean(warm) * 2.0, -1.0, 1.0))  # R-B of +-0.5 is already extreme
    return {
        "brightness": round(float(np.clip(b, 0, 1)), 4),
        "contrast": round(float(np.clip(c, 0, 1)), 4),
        "saturation": round(float(np.clip(s, 0, 1)), 4),
        "warmth": round(w, 4),
        "motion": round(float(np.clip(motion, 0, 1)), 4),
        "dominant_colors": dominant_colors(hists.sum(axis=0, dtype=np.int64)),
        "valence": round(valence(b, s, w), 4),
        "arousal": round(arousal(motion, c, s, shot_s), 4),
    }


def mood(shots: list, duration_s: float, n_cuts: int, tempo_bpm: list[float]) -> dict:
    """Whole-clip mood: duration-weighted shot cues plus cutting pace, with the reasoning in words.

    Args:
        shots: the clip's `Shot`s (look fields filled).
        duration_s: clip length.
        n_cuts: number of shot boundaries.
        tempo_bpm: visual tempo candidates (mentioned in the reasoning).
    Returns:
        Mood keyword arguments: valence, arousal, words, reasoning.
    """
    w = np.array([max(s.end_s - s.start_s, 1e-6) for s in shots])
    w = w / w.sum()
    avg = {k: float(np.dot(w, [getattr(s, k) for s in shots]))
           for k in ("brightness", "contrast", "saturation", "warmth", "motion", "valence", "arousal")}
    per_min = n_cuts / duration_s * 60.0
    pace = float(np.clip(per_min / 30.0, 0, 1))  # 30 cuts a minute is music-video pace
    aro = float(np.clip(0.8 * avg["arousal"] + 0.2 * pace, 0, 1))
    val = avg["valence"]
    words = []
    words.append("bright" if avg["brightness"] > 0.55 else "dark" if avg["brightness"] < 0.3 else "mid-lit")
    if avg["saturation"] > 0.45:
        words.append("colourful")
    elif avg["saturation"] < 0.15:
        words.append("muted")
    if avg["warmth"] > 0.15:
        words.append("warm")
    elif avg["warmth"] < -0.15:
        words.append("cold")
    words.append("energetic" if aro > 0.6 else "calm" if aro < 0.3 else "moderate")
    if per_min >= 20:
        words.append("fast-cut")
    elif n_cuts == 0:
        words.append("single-shot")
    words.append("upbeat" if val > 0.25 else "sombre" if val < -0.25 else "neutral")
    rhythm = f"a visual rhythm near {tempo_bpm[0]:.0f} BPM" if tempo_bpm else "no clear visual rhythm"
    reasoning = (
        f"Brightness {avg['brightness']:.2f}, saturation {avg['saturation']:.2f} and warmth "
        f"{avg['warmth']:+.2f} give valence {val:+.2f} (bright, colourful, warm reads positive). "
        f"Motion {avg['motion']:.2f}, contrast {avg['contrast']:.2f} and {n_cuts} shot changes in "
        f"{duration_s:.1f} s ({per_min:.0f}/min) give arousal {aro:.2f}; {rhythm}."
    )
    return {"valence": round(val, 4), "arousal": round(aro, 4), "words": words, "reasoning": reasoning}
