"""The `v2m` command line: thin subcommands over the pipeline, the planners and the tools.

    v2m score VIDEO "in jazz" -o out/     score a video (or an image) end to end
    v2m score --example                   score the bundled example clip
    v2m analyze VIDEO [--json] [--plot timeline.png]   shots, cuts, motion, tempo and mood of a video
    v2m eval RUN_DIR [--json] [--html R.html]   grade runs: sync, adherence, notation, musical sense
    v2m eval --suite builtin              score a suite with v2m and the baselines, grade and compare
    v2m schema [plan|analysis]            print the JSON Schema models must follow
    v2m ui [--host 127.0.0.1] [--port 7860]   a local web studio: upload, score, edit, download
    v2m mcp                               an MCP server over stdio: analyze, score, chat turns, undo
    v2m doctor                            what is installed, what is missing, how to fix it

Every problem a user can fix ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from v2m.agent.doctor import report
from v2m.agent.options import (add_chat_args, add_eval_args, add_input_args, add_music_args, add_planner_args,
                               music_from_args)
from v2m.agent.terminal import clean
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError
from v2m.tools.video.analyze import analysis_summary, analyze
from v2m.tools.video.sequence import as_video
from v2m.tools.video.timeline import plot_timeline  # imports matplotlib only when it draws

EXIT_USER_ERROR = 2
# The parsers are built from light modules (agent/options.py); what a command runs (the planners, the dialogue
# stack: ~0.5 s to import) is imported in its function, so `v2m --help` and `v2m CMD --help` stay quick.


def _cmd_schema(args: argparse.Namespace) -> int:
    model = {"plan": ScorePlan, "analysis": VideoAnalysis}[args.which]
    print(json.dumps(model.model_json_schema(), indent=2))
    return 0


STAGES = ("analyse", "plan", "compose", "render", "mux")


def _cmd_score(args: argparse.Namespace) -> int:
    from rich.console import Console

    from v2m.agent.pipeline import example_video, score
    from v2m.agent.planners.llm import PlannerOptions

    if args.example and args.video is not None:
        if args.request:
            raise V2MError("--example scores the bundled clip: give only the request, not a VIDEO")
        args.request, args.video = args.video, None  # `v2m score --example "in jazz"`
    if not args.example and args.video is None:
        raise V2MError("give a VIDEO to score, or --example for the bundled clip")
    video = example_video() if args.example else Path(args.video)
    err = Console(stderr=True, highlight=False)
    started: list[float] = []

    def done() -> None:
        if started:
            err.print(f" {time.perf_counter() - started[-1]:5.2f} s")

    def progress(stage: str) -> None:
        # "[2/5] plan ...  0.11 s": a line per stage, its time printed when it ends.
        done()
        started.append(time.perf_counter())
        err.print(f"[{STAGES.index(stage) + 1}/{len(STAGES)}] {stage:<8} ...", end="")

    if args.route == "symbolic" and (args.music_backend or args.music_model):
        raise V2MError("--music-backend/--music-model need --route audio or hybrid")
    try:
        run = score(video, args.request, args.output, planner=PlannerOptions.from_args(args), route=args.route,
                    still_seconds=args.still_seconds, fps=args.fps, keep_audio=args.keep_audio, force=args.force,
                    music=music_from_args(args), plan=args.plan, progress=progress)
    finally:
        done() if started else None
    plan = run.plan
    lines = [f"Scored {video.name}: {plan.style}, {plan.tempo_bpm:g} BPM, {plan.meter}, {plan.key} {plan.mode}, "
             f"{len(plan.sections)} sections, {len(plan.hit_points)} hit points."]
    lines += [f"  {s.start_s:6.2f}-{s.end_s:6.2f} s  {s.name:<8} energy {s.energy:.2f}  {' '.join(s.chords)}"
              for s in plan.sections]
    lines += [f"warning: {w}" for w in run.warnings]
    lines += [f"Files in {run.outdir}/: " + ", ".join(p.name for p in run.files.values()), f"Watch: {run.files['video']}"]
    print(clean("\n".join(lines)))  # names and chords come from a model or a file: never raw to the terminal
    if args.profile:
        err.print(run.profile)
    return 0


def _cmd_agent(args: argparse.Namespace) -> int:
    from v2m.agent.lc_tools import run_agent

    result = run_agent(args.model, args.video, args.request, args.output or f"{Path(args.video).stem}_v2m",
                       base_url=args.base_url, force=args.force, music=music_from_args(args))
    print(clean(result["reply"]))
    for name, path in result["files"].items():
        print(clean(f"  {name}: {path}"))
    return 0 if result["files"] else 1


def _cmd_doctor(args: argparse.Namespace) -> int:
    return report()


def _cmd_analyze(args: argparse.Namespace) -> int:
    if not args.force:
        if args.plot and Path(args.plot).exists():
            raise V2MError(f"{args.plot} already exists; use --force to overwrite it")
        if args.keyframes and Path(args.keyframes).is_dir() and any(Path(args.keyframes).iterdir()):
            raise V2MError(f"{args.keyframes} already holds files; use --force or an empty folder")
    with as_video(args.video, args.fps) as video:  # an image sequence: a clip for as long as this takes
        a = analyze(video, still_seconds=args.still_seconds, keyframe_dir=args.keyframes)
        a = a.model_copy(update={"source": args.video})
        print(a.model_dump_json(indent=2) if args.json else clean(analysis_summary(a)))
        if args.plot:
            print(f"timeline: {plot_timeline(video, a, args.plot)}", file=sys.stderr)
    return 0


def _cmd_ui(args: argparse.Namespace) -> int:
    from v2m.agent.serve.web import serve as serve_web

    serve_web(args.host, args.port, args.sessions, soundfont=args.soundfont)
    return 0


def _cmd_mcp(args: argparse.Namespace) -> int:
    from v2m.agent.serve.mcp_server import serve as serve_mcp

    serve_mcp(args.sessions, soundfont=args.soundfont)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from v2m.agent.evaluation.command import run_eval

    return run_eval(args)


def _cmd_chat(args: argparse.Namespace) -> int:
    from v2m.agent.chat_cli import run_chat

    return run_chat(args)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (`v2m: error: ...`), like every other error."""

    def error(self, message: str):
        self.exit(EXIT_USER_ERROR, f"v2m: error: {message} (see {self.prog} --help)\n")


def add_plugin_commands(sub) -> None:
    """Subcommands from the `v2m.commands` entry-point group (e.g. `finetune`, which lives above agent/ in
    the layers, so agent/ cannot import it): each entry is a light `add_parser(subparsers)` function."""
    from importlib.metadata import entry_points

    for ep in entry_points(group="v2m.commands"):
        ep.load()(sub)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="v2m", description="Score videos with music.")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("score", help="score a video or image end to end")
    s.add_argument("video", nargs="?", help="video, still image, or image sequence (frame_%%03d.png, or a folder "
                                            "of numbered images) to score")
    s.add_argument("request", nargs="?", default="", help='what you want, e.g. "in jazz", "calm piano"')
    s.add_argument("-o", "--output", help="output folder (default: <stem>_v2m)")
    s.add_argument("--example", action="store_true", help="score the bundled example clip (bikes.mp4)")
    add_music_args(s, route_help="symbolic: MIDI rendered by FluidSynth (default); audio: MusicGen per section; "
                                 "hybrid: MusicGen-Melody conditioned on the symbolic score")
    add_input_args(s)
    s.add_argument("--keep-audio", action="store_true", help="mix the original audio under the music")
    s.add_argument("--plan", metavar="PLAN.json", help="compose this plan (e.g. an edited plan.json) instead of planning")
    s.add_argument("-f", "--force", action="store_true", help="overwrite existing output files")
    s.add_argument("--profile", action="store_true", help="print each stage's time and peak memory at the end")
    add_planner_args(s)
    s.set_defaults(func=_cmd_score)

    s = sub.add_parser("agent", help="let a tool-calling chat model score a video step by step through v2m's tools")
    s.add_argument("video", help="video or still image to score")
    s.add_argument("request", nargs="?", default="", help="what you want")
    s.add_argument("--model", required=True, help="provider:name for init_chat_model, e.g. ollama:qwen2.5:7b")
    s.add_argument("--base-url", help="the model's endpoint")
    s.add_argument("-o", "--output", help="output folder (default: <stem>_v2m)")
    s.add_argument("-f", "--force", action="store_true", help="overwrite existing output files")
    add_music_args(s)
    s.set_defaults(func=_cmd_agent)

    s = sub.add_parser("doctor", help="what is installed, what is missing, and how to fix it")
    s.set_defaults(func=_cmd_doctor)
    s = sub.add_parser("analyze", help="measure a video: shots, cuts, motion, tempo, mood")
    s.add_argument("video", help="video, image, or image sequence (frame_%%03d.png, or a folder of numbered images)")
    s.add_argument("--json", action="store_true", help="print the VideoAnalysis as JSON")
    s.add_argument("--plot", metavar="PNG", help="also draw a timeline picture here")
    s.add_argument("--keyframes", metavar="DIR", help="save one small JPEG per shot here")
    add_input_args(s)
    s.add_argument("-f", "--force", action="store_true", help="overwrite an existing plot or keyframes")
    s.set_defaults(func=_cmd_analyze)

    s = sub.add_parser("chat", help="talk with v2m about a video's score: edits, undo, branches")
    add_chat_args(s)
    s.set_defaults(func=_cmd_chat)

    for name, func, text in (("ui", _cmd_ui, "a local web studio over chat sessions (127.0.0.1 unless --host)"),
                             ("mcp", _cmd_mcp, "an MCP server over stdio: analyze, score, chat turns, undo, export")):
        s = sub.add_parser(name, help=text)
        if name == "ui":
            s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
            s.add_argument("--port", type=int, default=7860, help="port (default 7860)")
        s.add_argument("--sessions", metavar="DIR", help="session store folder (default $V2M_SESSIONS or "
                                                          "~/.cache/v2m/sessions)")
        s.add_argument("--soundfont", help="a General MIDI .sf2 to render with")
        s.set_defaults(func=func)

    s = sub.add_parser("eval", help="grade run folders, or a suite against baselines: sync, adherence, notation, sense")
    add_eval_args(s)
    s.set_defaults(func=_cmd_eval)

    add_plugin_commands(sub)

    s = sub.add_parser("schema", help="print the JSON Schema of the plan or the analysis")
    s.add_argument("which", nargs="?", choices=["plan", "analysis"], default="plan")
    s.set_defaults(func=_cmd_schema)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except V2MError as e:
        print(f"v2m: error: {clean(e)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("v2m: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"v2m: internal error: {type(e).__name__}: {clean(e)} (rerun with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
