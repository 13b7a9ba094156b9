"""Suites as data: clips (real or generated), requests, the systems compared and what must hold.

    v2m eval --suite builtin -o out/eval          # every clip x (v2m, fixed120, random_tempo), graded

A suite is a YAML file in `agent/evaluation/suites/` (or any path):

    name: builtin
    clips:
      - {name: bikes, source: example, cut_frames: [30, 76, 137, 187, 242], request: "score this in jazz"}
      - {name: quick, synthetic: {shots_s: [1.6, 2.0, 1.2], fps: 25, seed: 1}, request: "rock"}
    systems: [v2m, fixed120, random_tempo]
    expect:
      - {metric: cuts_with_onset, system: v2m, beats: [fixed120, random_tempo]}

A synthetic clip is written here with PyAV: one flat-textured shot per entry of `shots_s`, a ball moving
across each, hard cuts between them, so its true cuts are known by construction and graded directly (not
the analysis's guess). `cut_frames` gives the true cuts of a real clip. `systems` names v2m (the planner
backend and route asked on the command line) and the baselines of `baselines.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from v2m.agent.evaluation.baselines import score_baseline
from v2m.agent.evaluation.runner import evaluate_run
from v2m.agent.pipeline import example_video, score
from v2m.tools.errors import V2MError
from v2m.tools.video.analyze import analyze
from v2m.tools.video.synthetic import Segment, write_clip

SUITES_DIR = Path(__file__).with_name("suites")
SYNTH_SIZE = (160, 96)   # small: analysis cost grows with pixels, cuts do not need many
SYSTEMS = ("v2m", "fixed120", "random_tempo")


@dataclass(frozen=True)
class Clip:
    name: str
    request: str = ""
    source: str | None = None          # "example" (bikes.mp4) or a path
    cut_frames: tuple[int, ...] = ()   # true cuts of a real clip (frames), when known
    shots_s: tuple[float, ...] = ()    # a synthetic clip's shot lengths
    fps: float = 25.0
    seed: int = 0


@dataclass(frozen=True)
class Expectation:
    metric: str
    system: str = "v2m"
    beats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suite:
    name: str
    clips: tuple[Clip, ...]
    systems: tuple[str, ...] = SYSTEMS
    expect: tuple[Expectation, ...] = ()
    description: str = ""


def suite_names() -> list[str]:
    return sorted(p.stem for p in SUITES_DIR.glob("*.yaml"))


def load_suite(name_or_path: str) -> Suite:
    """A shipped suite by name, or a suite YAML file by path; one clear error when it is not valid."""
    import yaml

    path = Path(name_or_path)
    if not path.suffix:
        path = SUITES_DIR / f"{name_or_path}.yaml"
        if not path.exists():
            raise V2MError(f"unknown suite {name_or_path!r}; choose from {suite_names()} or give a .yaml path")
    try:
        data = yaml.safe_load(path.read_text())
    except OSError as e:
        raise V2MError(f"cannot read suite {path}: {e.strerror}") from None
    except yaml.YAMLError as e:
        raise V2MError(f"suite {path} is not valid YAML: {str(e).splitlines()[0]}") from None
    try:
        clips = []
        for c in data["clips"]:
            synth = c.get("synthetic") or {}
            clips.append(Clip(name=str(c["name"]), request=str(c.get("request", "")), source=c.get("source"),
                              cut_frames=tuple(int(f) for f in c.get("cut_frames", ())),
                              shots_s=tuple(float(s) for s in synth.get("shots_s", ())),
                              fps=float(synth.get("fps", c.get("fps", 25.0))), seed=int(synth.get("seed", 0))))
            if not clips[-1].source and not clips[-1].shots_s:
                raise ValueError(f"clip {clips[-1].name!r} has neither a source nor synthetic shots_s")
        systems = tuple(data.get("systems", SYSTEMS))
        unknown = [s for s in systems if s not in SYSTEMS]
        if unknown:
            raise ValueError(f"unknown systems {unknown}; choose from {list(SYSTEMS)}")
        expect = tuple(Expectation(e["metric"], e.get("system", "v2m"), tuple(e.get("beats", ())))
                       for e in data.get("expect", ()))
    except (KeyError, TypeError, ValueError) as e:
        raise V2MError(f"suite {path} is not valid: {e}") from None
    return Suite(str(data.get("name", path.stem)), tuple(clips), systems, expect, str(data.get("description", "")))


def write_synthetic_clip(path: Path, shots_s: tuple[float, ...], fps: float = 25.0, seed: int = 0) -> list[int]:
    """Write an MP4 of hard-cut shots (each its own texture, a ball crossing it) with v2m's one clip
    writer; return the cut frames."""
    segments = [Segment("move", s, seed=seed * 101 + k) for k, s in enumerate(shots_s)]
    return write_clip(path, segments, fps=fps, size=SYNTH_SIZE, crf=20).cuts


def clip_video(clip: Clip, workdir: Path) -> tuple[Path, list[float] | None]:
    """The clip's video file (written for a synthetic clip) and its true cuts in seconds (None if unknown)."""
    if clip.shots_s:
        path = workdir / f"{clip.name}.mp4"
        frames = write_synthetic_clip(path, clip.shots_s, clip.fps, clip.seed)
        return path, [f / clip.fps for f in frames]
    if clip.source == "example":
        video = example_video()
    else:
        video = Path(clip.source)
        if not video.exists():
            raise V2MError(f"suite clip {clip.name}: {video} does not exist")
    return video, [f / clip.fps for f in clip.cut_frames] if clip.cut_frames else None


@dataclass
class SuiteResult:
    suite: Suite
    evaluations: list  # Evaluation per (clip, system), label "clip/system"
    checks: list[dict] = field(default_factory=list)


def run_suite(suite: Suite, outdir: Path, *, planner: str = "rules", planner_options: dict | None = None,
              route: str = "symbolic", force: bool = False, progress=None) -> SuiteResult:
    """Score every clip with every system into outdir/<clip>/<system>, grade each, check the expectations."""
    outdir.mkdir(parents=True, exist_ok=True)
    clips_dir = outdir / "clips"
    clips_dir.mkdir(exist_ok=True)
    evaluations = []
    for clip in suite.clips:
        video, truth = clip_video(clip, clips_dir)
        v2m_run = None
        for system in suite.systems:
            run_dir = outdir / clip.name / system
            if progress:
                progress(f"{clip.name}/{system}")
            if system == "v2m":
                v2m_run = score(video, clip.request, run_dir, planner=planner, planner_options=planner_options,
                                route=route, force=force)
            else:
                analysis = v2m_run.analysis if v2m_run else _analyse(video)
                score_baseline(system, video, analysis, run_dir, like=v2m_run.plan if v2m_run else None,
                               seed=clip.seed, route=route, force=force)
            evaluations.append(evaluate_run(run_dir, cuts_s=truth, label=f"{clip.name}/{system}"))
    return SuiteResult(suite, evaluations, check_expectations(suite, evaluations))


def _analyse(video: Path):
    return analyze(video)


def system_means(evaluations: list, metric: str) -> dict[str, float]:
    """Mean of a metric per system over the suite's clips (runs where it is None are left out)."""
    by: dict[str, list[float]] = {}
    for ev in evaluations:
        value = ev.metrics.get(metric)
        if value is not None:
            by.setdefault(ev.label.split("/")[-1], []).append(float(value))
    return {s: float(np.mean(v)) for s, v in by.items()}


def check_expectations(suite: Suite, evaluations: list) -> list[dict]:
    """Each expectation with the systems' means and the margin (system minus the best baseline named)."""
    out = []
    for e in suite.expect:
        means = system_means(evaluations, e.metric)
        mine = means.get(e.system)
        others = {b: means[b] for b in e.beats if b in means}
        margin = mine - max(others.values()) if mine is not None and others else None
        out.append({"metric": e.metric, "system": e.system, "means": means, "margin": margin,
                    "passed": margin is not None and margin > 0})
    return out
