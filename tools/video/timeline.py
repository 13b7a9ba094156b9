"""The timeline picture of a `VideoAnalysis`: shot thumbnails, cuts and transitions, the motion curve
with its peaks, a mood strip and the original audio's loudness with speech-like spans; given a
`ScorePlan`, also its sections (name, energy) and hit points, on the same time axis.

    v2m analyze clip.mp4 --plot timeline.png

Needs matplotlib (the `ui` extra); drawn with the Agg backend, so no display is needed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError, MissingDependency
from v2m.tools.video.keyframes import save_keyframes

KIND_COLOURS = {"cut": "#d62728", "fade": "#7f7f7f", "dissolve": "#9467bd"}


def _read_jpeg(path: str) -> np.ndarray | None:
    import av

    try:
        with av.open(path) as c:
            return next(c.decode(video=0)).to_ndarray(format="rgb24")
    except (av.FFmpegError, StopIteration, OSError):
        return None


def plot_timeline(video: str | os.PathLike, analysis: VideoAnalysis, out_png: str | os.PathLike,
                  plan: ScorePlan | None = None) -> Path:
    """Draw the timeline and save it as a PNG.

    Args:
        video: the analysed file (keyframes are taken from it when the analysis has none).
        analysis: its analysis.
        out_png: where to write the picture.
        plan: a score plan for this video: its sections and hit points get a row of their own.
    Returns:
        The PNG path.
    Raises:
        MissingDependency: matplotlib is not installed.
        InputError: the picture cannot be written there.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingDependency("the timeline plot needs matplotlib: pip install 'v2m[ui]'") from None
    a = analysis
    if all(s.keyframe and Path(s.keyframe).exists() for s in a.shots):
        return _draw(plt, a, Path(out_png), plan)
    with tempfile.TemporaryDirectory(prefix="v2m-keyframes-") as tmp:  # thumbnails only for the picture
        a = a.model_copy(deep=True)
        save_keyframes(Path(video), a, Path(tmp), width=160)
        return _draw(plt, a, Path(out_png), plan)


def _draw(plt, a: VideoAnalysis, out: Path, plan: ScorePlan | None = None) -> Path:
    ratios = [2.2, 2, 0.5] + ([1.4] if a.audio_loudness_db else []) + ([0.9] if plan is not None else [])
    rows = len(ratios)
    fig, axes = plt.subplots(rows, 1, figsize=(12, 1.6 + 1.5 * rows), sharex=True,
                             gridspec_kw={"height_ratios": ratios})
    dur = a.duration_s
    ax = axes[0]
    ax.set_title(f"{Path(a.source).name}: {len(a.shots)} shots, {dur:.1f} s, mood: {', '.join(a.mood.words)}",
                 fontsize=10)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    for s in a.shots:
        img = _read_jpeg(s.keyframe) if s.keyframe else None
        if img is None:
            continue
        h, w = img.shape[:2]
        width = min(s.duration_s, dur * 0.25)  # thumbnails of very long shots stay readable
        mid = (s.start_s + s.end_s) / 2
        height = min(1.0, width / dur * 12 * 0.9 * h / w * (fig.get_figheight() / 2.2))
        ax.imshow(img, extent=(mid - width / 2, mid + width / 2, 0.5 - height / 2, 0.5 + height / 2),
                  aspect="auto")
    ax.set_xlim(0, dur)

    ax = axes[1]
    t = np.arange(len(a.motion)) * a.motion_hop_s
    ax.plot(t, a.motion, color="#1f77b4", lw=1, label="motion")
    for p in a.motion_peaks_s:
        ax.axvline(p, color="#2ca02c", lw=0.6, ls=":")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("motion")
    if a.tempo_candidates_bpm:
        ax.text(0.01, 0.9, "visual tempo: " + ", ".join(f"{b:.0f}" for b in a.tempo_candidates_bpm) + " BPM",
                transform=ax.transAxes, fontsize=8, va="top")

    for tr in a.transitions:
        for axis in axes:
            if tr.kind == "cut":
                axis.axvline(tr.time_s, color=KIND_COLOURS["cut"], lw=1)
            else:
                axis.axvspan(tr.start_s, tr.end_s, color=KIND_COLOURS[tr.kind], alpha=0.3, lw=0)

    ax = axes[2]
    cmap = plt.get_cmap("RdYlGn")
    for s in a.shots:  # colour: valence; height: arousal
        ax.add_patch(plt.Rectangle((s.start_s, 0), s.duration_s, 0.2 + 0.8 * s.arousal,
                                   color=cmap((s.valence + 1) / 2)))
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_ylabel("mood", rotation=0, ha="right", va="center")

    if a.audio_loudness_db:
        ax = axes[3]
        ta = np.arange(len(a.audio_loudness_db)) * (a.audio_hop_s or 0.1)
        ax.plot(ta, a.audio_loudness_db, color="#ff7f0e", lw=0.8)
        for s0, s1 in a.speech_s:
            ax.axvspan(s0, s1, color="#ff7f0e", alpha=0.2, lw=0)
        ax.set_ylabel("audio dBFS")
    if plan is not None:
        _draw_plan(axes[-1], plan)
    axes[-1].set_xlabel("seconds")
    fig.tight_layout()
    try:
        fig.savefig(out, dpi=100)
    except OSError as e:
        raise InputError(f"{out}: cannot write the timeline picture ({e.strerror or e})") from None
    finally:
        plt.close(fig)
    return out


def _draw_plan(ax, plan: ScorePlan) -> None:
    """The score row: one band per section (darker = more energy), hit points as triangles."""
    for i, s in enumerate(plan.sections):
        ax.axvspan(s.start_s, s.end_s, ymin=0.1, ymax=0.9, color="#1f77b4" if i % 2 else "#17becf",
                   alpha=0.25 + 0.6 * s.energy, lw=0)
        ax.text((s.start_s + s.end_s) / 2, 0.5, s.name[:12], ha="center", va="center", fontsize=8, clip_on=True)
    for h in plan.hit_points:
        ax.plot([h.time_s], [0.95], marker="v", color="#d62728", ms=7, clip_on=False)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_ylabel(f"score\n{plan.style} {plan.tempo_bpm:g}", rotation=0, ha="right", va="center", fontsize=8)
