"""Baselines that need no weights: scores that ignore the picture's cuts, realised by the same pipeline.

    from v2m.agent.evaluation.baselines import score_baseline
    score_baseline("fixed120", "clip.mp4", analysis, like=v2m_plan, outdir="out/eval/clip/fixed120")

- fixed120: one section over the whole clip at 120 BPM in 4/4, no hit points: a steady library track.
- random_tempo: sections of random length (2-4 s, not at the cuts) each at a random tempo (70-170 BPM),
  no hit points, seeded by the clip so a rerun gives the same score.
Both keep the style, key, mode and instrumentation of the plan they are compared with, so only the timing
differs; both are composed, rendered and muxed by `v2m.agent.pipeline.score`, so their run folders hold
the same files (score.wav, score.mid, ...) as any v2m run and are graded by the same code.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from v2m.agent.pipeline import score
from v2m.tools.contract import ScorePlan

BASELINES = ("fixed120", "random_tempo")
FIXED_BPM = 120.0
RANDOM_BPM = (70.0, 170.0)
RANDOM_SECTION_S = (2.0, 4.0)
BASELINE_ENERGY = 0.6


def _sections_fixed(duration_s: float) -> list[dict]:
    return [{"name": "A", "start_s": 0.0, "end_s": duration_s, "energy": BASELINE_ENERGY}]


def _sections_random(duration_s: float, rng: random.Random) -> list[dict]:
    out, t = [], 0.0
    while t < duration_s - 1e-6:
        end = t + rng.uniform(*RANDOM_SECTION_S)
        if duration_s - end < RANDOM_SECTION_S[0]:  # no sliver at the end: the last section takes the rest
            end = duration_s
        out.append({"name": f"S{len(out) + 1}", "start_s": round(t, 3), "end_s": round(end, 3),
                    "energy": BASELINE_ENERGY, "tempo_bpm": round(rng.uniform(*RANDOM_BPM), 1)})
        t = end
    out[-1]["end_s"] = duration_s
    return out


def baseline_plan(kind: str, analysis, like=None, seed: int = 0):
    """The ScorePlan of a baseline for this video.

    Args:
        kind: fixed120 or random_tempo.
        analysis: the video's VideoAnalysis (only its duration is used: baselines ignore the cuts).
        like: a plan whose style, key, mode and instrumentation the baseline keeps (jazz in F by default).
        seed: random_tempo's seed.
    Returns:
        A validated ScorePlan.
    """
    if kind not in BASELINES:
        raise ValueError(f"unknown baseline {kind!r}; choose from {BASELINES}")
    duration = analysis.duration_s
    rng = random.Random(f"{kind}:{seed}:{Path(analysis.source).name}")  # the clip's name, not where it lies
    sections = _sections_fixed(duration) if kind == "fixed120" else _sections_random(duration, rng)
    tempo = FIXED_BPM if kind == "fixed120" else sections[0]["tempo_bpm"]
    base = {"style": "jazz", "key": "F", "mode": "major", "instrumentation": {}}
    if like is not None:
        base = {"style": like.style, "key": like.key, "mode": like.mode, "instrumentation": like.instrumentation}
    return ScorePlan.model_validate({
        "request": f"baseline {kind}", "reasoning": f"Baseline {kind}: ignores the picture's cuts.",
        "duration_s": duration, "tempo_bpm": tempo, "meter": "4/4", "sections": sections, "hit_points": [],
        "seed": seed, **base})


def score_baseline(kind: str, video: str | Path, analysis, outdir: str | Path, *, like=None, seed: int = 0,
                   route: str = "symbolic", force: bool = False):
    """Realise a baseline plan for `video` into `outdir` through the ordinary pipeline; returns its RunResult."""
    plan = baseline_plan(kind, analysis, like=like, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        path.write_text(json.dumps(plan.model_dump(), indent=2))
        return score(video, plan.request, outdir, plan=path, route=route, force=force)
