"""A synthetic fine-tuning corpus for offline experiments: procedural clips with known pacing and look,
templated requests and multi-turn edits, targets from the rules planner. Deterministic by seed.

    v2m finetune synth -o data/synth --clips 40 --seed 0          # data/synth/{clips/,sft.jsonl}
    v2m finetune synth -o data/held --clips 12 --seed 1000         # a held-out split: another seed

Each clip is 1-5 shots of a flat coloured picture (its look: bright or dark, warm or cold, saturated
or grey) with a bar sliding across it at a known speed (its motion), joined by hard cuts at known
times (its pacing: long shots or fast cutting). It is written with PyAV and analysed by v2m's own
analysis, so the prompt a model is trained on is the one it will see at inference. Each clip gives
one "plan" example (a templated request) and a chain of "revise" examples (templated edits applied
one after another, each to the plan the previous one produced, as in a chat).
"""

from __future__ import annotations

import colorsys
import json
import random
from dataclasses import dataclass
from pathlib import Path

from v2m.agent.planners.base import get_planner
from v2m.agent.planners.llm import planner_messages
from v2m.finetune.dataset import analysis_images, target_text
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError
from v2m.tools.video.analyze import analyze
from v2m.tools.video.synthetic import Segment
from v2m.tools.video.synthetic import write_clip as write_synthetic

FPS = 12
SIZE = (128, 72)  # width, height: small, so a corpus of a hundred clips is written and analysed in a minute
MAX_CLIPS = 5000
MAX_BRIEF_CHARS = 400
STYLES = ("jazz", "rock", "ambient", "lofi", "cinematic", "funk", "bossa", "electronic", "folk", "classical")
MOODS = ("calm", "happy", "dark", "energetic", "dreamy", "tense")
REQUESTS = ("score this in {style}", "{style}", "{mood} {style} please", "a {mood} {style} track",
            "something {mood}", "make me a soundtrack", "{style}, {tempo}")
TEMPO_WORDS = ("slow", "fast", "laid back", "upbeat")
EDITS = ("slower", "a bit faster", "make it {style}", "darker", "brighter", "more energy", "calmer",
         "in {key} minor", "up a whole step", "slower in the second half", "more energy at the end")
KEYS = ("C", "D", "E", "F", "G", "A", "Bb")


@dataclass(frozen=True)
class ShotSpec:
    """One shot: how long, what colour (RGB 0..255) and how fast its bar moves (widths per second)."""

    seconds: float
    rgb: tuple[int, int, int]
    speed: float


@dataclass(frozen=True)
class ClipSpec:
    """What a synthetic clip holds, known before it is written: the truth an analysis is measured against."""

    name: str
    shots: tuple[ShotSpec, ...]
    pacing: str  # "slow" (long shots) or "fast" (quick cutting)

    @property
    def duration_s(self) -> float:
        return sum(s.seconds for s in self.shots)

    @property
    def cuts_s(self) -> list[float]:
        t, out = 0.0, []
        for s in self.shots[:-1]:
            t += s.seconds
            out.append(round(t, 3))
        return out


def clip_spec(rng: random.Random, name: str) -> ClipSpec:
    """A random clip: slow clips have 1-2 long shots, fast ones 3-5 short ones; whole frames only."""
    pacing = rng.choice(("slow", "fast"))
    n = rng.randint(1, 2) if pacing == "slow" else rng.randint(3, 5)
    value = rng.uniform(0.75, 0.95) if rng.random() < 0.5 else rng.uniform(0.35, 0.5)  # the look: bright or dark
    hues = rng.choice(((5, 45), (200, 250)))  # warm or cold; shots alternate hue and brightness so cuts show
    shots = []
    for k in range(n):
        frames = rng.randint(3 * FPS, 5 * FPS) if pacing == "slow" else rng.randint(FPS, 2 * FPS)
        other = value * 0.55 if value > 0.6 else value * 1.8  # every other shot: paler and darker (or brighter)
        rgb = colorsys.hsv_to_rgb(hues[k % 2] / 360, 0.85 if k % 2 == 0 else 0.35, value if k % 2 == 0 else other)
        shots.append(ShotSpec(seconds=frames / FPS, rgb=tuple(round(255 * c) for c in rgb),
                              speed=rng.choice((0.0, 0.25, 0.5))))
    return ClipSpec(name=name, shots=tuple(shots), pacing=pacing)


def write_clip(spec: ClipSpec, path: Path) -> Path:
    """Encode `spec` as an H.264 MP4 with v2m's one clip writer: flat colour per shot plus a moving bar,
    hard cuts between."""
    segments = [Segment("bar", s.seconds, color=s.rgb, speed=s.speed) for s in spec.shots]
    write_synthetic(path, segments, fps=FPS, size=SIZE, crf=20)
    return path


def request_text(rng: random.Random) -> str:
    return rng.choice(REQUESTS).format(style=rng.choice(STYLES), mood=rng.choice(MOODS), tempo=rng.choice(TEMPO_WORDS))


def edit_text(rng: random.Random) -> str:
    return rng.choice(EDITS).format(style=rng.choice(STYLES), key=rng.choice(KEYS))


def brief(plan: ScorePlan, change: str | None = None) -> ScorePlan:
    """The plan with its reasoning cut to the decisions (style, tempo, key and why): the rules planner's
    full report lists every shot and table row again, which a small model would spend most of its
    answer reproducing; the decisions are the reasoning a plan needs. A revision's reasoning is what
    changed (`change`, the rules planner's reply), since its old report describes the plan before the edit."""
    if change is not None:
        return plan.model_copy(update={"reasoning": change.strip()[:MAX_BRIEF_CHARS]})
    lines = [ln for ln in plan.reasoning.splitlines() if ln.startswith(("- Style:", "- Tempo:", "- Key:"))]
    short = "\n".join(lines) if lines else plan.reasoning.strip()[:MAX_BRIEF_CHARS]
    return plan.model_copy(update={"reasoning": short})


def clip_examples(analysis: VideoAnalysis, analysis_path: Path, spec: ClipSpec, rng: random.Random,
                  turns: int) -> list[dict]:
    """The plan example and up to `turns` revise examples of one clip (edits the rules planner cannot
    follow, which leave the plan unchanged or ask a question, are dropped)."""
    rules = get_planner("rules")
    request = request_text(rng)
    meta = {"source": "synthetic", "video": analysis.source, "analysis": str(analysis_path), "pacing": spec.pacing,
            "cuts_s": spec.cuts_s}
    plan = rules.plan(analysis, request).plan
    images = analysis_images(analysis, analysis_path.parent)
    messages = planner_messages(analysis, request) + [{"role": "assistant", "content": target_text(brief(plan))}]
    out = [{"messages": messages, "images": images, "meta": meta | {"kind": "plan", "request": request}}]
    for _ in range(turns):
        edit = edit_text(rng)
        res = rules.revise(analysis, plan, edit)
        if res.question or res.plan == plan:
            continue
        messages = planner_messages(analysis, edit, plan) + [{"role": "assistant", "content": target_text(brief(res.plan, res.reply))}]
        out.append({"messages": messages, "images": images,
                    "meta": meta | {"kind": "revise", "request": edit, "current": plan.model_dump_json()}})
        plan = res.plan
    return out


def build_synthetic(out_dir: Path, *, clips: int, seed: int = 0, turns: int = 2, force: bool = False) -> dict[str, int]:
    """Write `clips` clips, their analyses and keyframes, and `out_dir/sft.jsonl`.

    Args:
        out_dir: the folder to fill (clips/ and sft.jsonl).
        clips: how many clips (each gives 1 plan example and up to `turns` revise examples).
        seed: the same seed writes the same corpus, byte for byte in sft.jsonl.
        turns: edit turns tried per clip.
        force: replace an existing sft.jsonl.
    Returns:
        Examples written per kind.
    """
    if not 1 <= clips <= MAX_CLIPS:
        raise V2MError(f"--clips must be between 1 and {MAX_CLIPS}, got {clips}")
    out_dir = out_dir.resolve()  # the JSONL names files by absolute path, so it works from any folder
    jsonl = out_dir / "sft.jsonl"
    if jsonl.exists() and not force:
        raise V2MError(f"{jsonl} already exists; use --force to replace it")
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    lines = []
    for i in range(clips):
        spec = clip_spec(rng, f"clip{seed:05d}_{i:04d}")
        folder = out_dir / "clips" / spec.name
        folder.mkdir(parents=True, exist_ok=True)
        video = write_clip(spec, folder / f"{spec.name}.mp4")
        analysis = analyze(video, keyframe_dir=folder / "keyframes")
        analysis_path = folder / "analysis.json"
        analysis_path.write_text(analysis.model_dump_json(indent=1))
        (folder / "truth.json").write_text(json.dumps({"pacing": spec.pacing, "cuts_s": spec.cuts_s,
                                                       "shots": [s.__dict__ for s in spec.shots]}))
        for ex in clip_examples(analysis, analysis_path, spec, rng, turns):
            lines.append(json.dumps(ex))
            counts[ex["meta"]["kind"]] = counts.get(ex["meta"]["kind"], 0) + 1
    jsonl.write_text("\n".join(lines) + "\n")
    return counts


def check_truth(analysis: VideoAnalysis, spec: ClipSpec, tol_s: float = 1.5 / FPS) -> list[str]:
    """Where the analysis of a written clip disagrees with what was written (empty when it agrees)."""
    found = analysis.cuts_s
    problems = [f"cut at {c:.2f} s not found" for c in spec.cuts_s if not any(abs(c - f) <= tol_s for f in found)]
    problems += [f"extra cut at {f:.2f} s" for f in found if not any(abs(c - f) <= tol_s for c in spec.cuts_s)]
    return problems

