"""A synthetic fine-tuning corpus for offline experiments: procedural clips with known pacing and look,
templated requests and multi-turn edits, targets from the rules planner. Deterministic by seed.

    v2m finetune synth -o data/synth --clips 40 --seed 0          # data/synth/{clips/,sft.jsonl}
    v2m finetune synth -o data/held --clips 12 --seed 1000         # a held-out split: another seed

Each clip is 1-5 shots of a flat coloured picture (its look: bright or dark, warm or cold, saturated
or grey) with a bar sliding across it at a known speed (its motion), joined by hard cuts at known
times (its pacing: long shots or fast cutting). It is written with PyAV and analysed by v2m's own
analysis, so the prompt a model is trained on is the one it will see at inference. Each clip gives
one "plan" example per request (`requests` templated requests, 1 by default) and a chain of "revise"
examples (templated edits applied one after another to the first plan, each to the plan the previous
one produced, as in a chat).

What a target says is chosen per corpus (`reasoning`, `target`; see `brief` and `compact`): the rules
planner's full plan after its sentences of why (the default), or, for small models trained from
scratch, the request and the facts the plan hangs on restated, the decisions in one line, and the plan
without what v2m derives from those decisions itself.
"""

from __future__ import annotations

import colorsys
import json
import random
from dataclasses import dataclass
from pathlib import Path

from v2m.agent.planners.base import get_planner
from v2m.agent.planners.facts import facts_sheet
from v2m.agent.planners.llm import planner_messages
from v2m.finetune.dataset import analysis_images, target_text
from v2m.finetune.recipe import REASONING, TARGETS
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError
from v2m.tools.style import load_style
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
MAX_REQUESTS = 20


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


def brief(plan: ScorePlan, change: str | None = None, reasoning: str = "why", restated: str = "") -> ScorePlan:
    """The plan with its reasoning cut to the decisions (style, tempo, key and why): the rules planner's
    full report lists every shot and table row again, which a small model would spend most of its
    answer reproducing; the decisions are the reasoning a plan needs. A revision's reasoning is what
    changed (`change`, the rules planner's reply), since its old report describes the plan before the edit.
    `reasoning="short"` states a new plan's decisions in one line and no why ("Style: jazz. Tempo: 120 BPM.
    Key: D minor."): a few-layer model trained from scratch in minutes loses its way in the prose.
    `reasoning="facts"` puts `restated` (see `restate`) before that line, and before a revision's change."""
    head = restated + "\n" if reasoning == "facts" and restated else ""
    if change is not None:
        return plan.model_copy(update={"reasoning": head + change.strip()[:MAX_BRIEF_CHARS]})
    if reasoning in ("short", "facts"):
        line = f"Style: {plan.style}. Tempo: {plan.tempo_bpm:g} BPM. Key: {plan.key} {plan.mode}."
        return plan.model_copy(update={"reasoning": head + line})
    lines = [ln for ln in plan.reasoning.splitlines() if ln.startswith(("- Style:", "- Tempo:", "- Key:"))]
    short = "\n".join(lines) if lines else plan.reasoning.strip()[:MAX_BRIEF_CHARS]
    return plan.model_copy(update={"reasoning": short})


def restate(analysis: VideoAnalysis, request: str, revising: bool = False) -> str:
    """The request and the facts a plan hangs on (length, cut times), restated in the prompt's own words
    ("The user asks: ...", the facts sheet's first two lines, its length cut short): the answer opens by
    copying what the plan depends on, so each decision after it reads a line a few tokens back instead of
    one a thousand tokens up the prompt."""
    if revising:
        return f'The user now says: "{request}"'
    first, shots = facts_sheet(analysis).splitlines()[:2]
    return f'The user asks: "{request}"\n' + ", ".join(first.split(", ")[:2]) + "\n" + shots


def compact(plan: ScorePlan) -> ScorePlan:
    """The plan's decisions only, times as the facts sheet states them (to 0.01 s, so the answer copies
    them). Left out is what v2m derives from the decisions when a plan omits it, so the music is the
    same: the request (the planner records the user's words), instruments the style already gives
    (missing roles use the style's), chords (the composer draws the style's progressions), MusicGen
    prompts (built from style, tempo and key) and shot lists (the times say which shots)."""
    style = load_style(plan.style)
    sections = [s if s.locked else s.model_copy(update={  # a locked section stays exactly as it is
        "start_s": round(s.start_s, 2), "end_s": round(s.end_s, 2), "shots": [], "chords": [], "musicgen_prompt": None})
        for s in plan.sections]
    return plan.model_copy(update={
        "request": "", "duration_s": round(plan.duration_s, 2), "sections": sections,
        "instrumentation": {r: n for r, n in plan.instrumentation.items() if style.instruments.get(r) != n},
        "hit_points": [h.model_copy(update={"time_s": round(h.time_s, 2)}) for h in plan.hit_points]})


def plan_target(analysis: VideoAnalysis, request: str, plan: ScorePlan, reasoning: str, target: str) -> str:
    """A first plan's answer: its reasoning (see `brief`), then the plan, whole or `compact`; a compact plan
    is spelled as the prompt's example is (`"key": "value"`, a space after each colon and comma), so its
    numbers are the very tokens the facts sheet shows."""
    plan = brief(plan, reasoning=reasoning, restated=restate(analysis, request))
    return target_text(compact(plan), spaced=True) if target == "compact" else target_text(plan)


def clip_examples(analysis: VideoAnalysis, analysis_path: Path, spec: ClipSpec, rng: random.Random,
                  turns: int, reasoning: str = "why", requests: int = 1, target: str = "full") -> list[dict]:
    """The plan examples (`requests` of them, each its own request) and up to `turns` revise examples of
    one clip (edits the rules planner cannot follow, which leave the plan unchanged or ask a question,
    are dropped). A revision's answer is the whole revised plan, spelled as the current plan in its prompt."""
    rules = get_planner("rules")
    meta = {"source": "synthetic", "video": analysis.source, "analysis": str(analysis_path), "pacing": spec.pacing,
            "cuts_s": spec.cuts_s}
    images = analysis_images(analysis, analysis_path.parent)
    out = []

    def plan_example(request: str) -> ScorePlan:
        plan = rules.plan(analysis, request).plan
        messages = planner_messages(analysis, request) + [
            {"role": "assistant", "content": plan_target(analysis, request, plan, reasoning, target)}]
        out.append({"messages": messages, "images": images, "meta": meta | {"kind": "plan", "request": request}})
        return plan

    plan = plan_example(request_text(rng))
    for _ in range(turns):
        edit = edit_text(rng)
        res = rules.revise(analysis, plan, edit)
        if res.question or res.plan == plan:
            continue
        # A revision's answer stays the whole plan spelled as its prompt's current plan: compact revisions
        # (tried, finetune/results/tiny-cpu.md) left the tiny model's first plans garbled.
        answer = target_text(brief(res.plan, res.reply, reasoning, restate(analysis, edit, revising=True)))
        messages = planner_messages(analysis, edit, plan) + [{"role": "assistant", "content": answer}]
        out.append({"messages": messages, "images": images,
                    "meta": meta | {"kind": "revise", "request": edit, "current": plan.model_dump_json()}})
        plan = res.plan
    for _ in range(requests - 1):  # after the edits, so one request per clip draws what it always drew
        plan_example(request_text(rng))
    return out


def build_synthetic(out_dir: Path, *, clips: int, seed: int = 0, turns: int = 2, reasoning: str = "why",
                    requests: int = 1, target: str = "full", force: bool = False) -> dict[str, int]:
    """Write `clips` clips, their analyses and keyframes, and `out_dir/sft.jsonl`.

    Args:
        out_dir: the folder to fill (clips/ and sft.jsonl).
        clips: how many clips (each gives `requests` plan examples and up to `turns` revise examples).
        seed: the same seed writes the same corpus, byte for byte in sft.jsonl.
        turns: edit turns tried per clip.
        reasoning: what the targets say before the plan, one of REASONING (see `brief`).
        requests: plan examples per clip, each with its own templated request (clips cost a video
            analysis each; more requests per clip are nearly free).
        target: a first plan's JSON, one of TARGETS: the rules planner's plan, or its `compact` decisions.
        force: replace an existing sft.jsonl.
    Returns:
        Examples written per kind.
    """
    if not 1 <= clips <= MAX_CLIPS:
        raise V2MError(f"--clips must be between 1 and {MAX_CLIPS}, got {clips}")
    if reasoning not in REASONING:
        raise V2MError(f"reasoning {reasoning!r}: choose from {list(REASONING)}")
    if target not in TARGETS:
        raise V2MError(f"target {target!r}: choose from {list(TARGETS)}")
    if not 1 <= requests <= MAX_REQUESTS:
        raise V2MError(f"--requests must be between 1 and {MAX_REQUESTS}, got {requests}")
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
        for ex in clip_examples(analysis, analysis_path, spec, rng, turns, reasoning, requests, target):
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

