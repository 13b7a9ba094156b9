"""Options on the command line, each declared once: the music options, shared by `v2m score`, `v2m chat` and
`v2m agent` and turned into one frozen `MusicOptions` at the edge; the planner's flags (`add_planner_args`,
read by planners/llm.py's `PlannerOptions`); how a still or an image sequence becomes a clip, shared by
`v2m score` and `v2m analyze`; and the flags of `v2m chat` and `v2m eval`. This module is light (no
dialogue, no planner), so `v2m --help` builds every parser without loading what the commands run.

    add_music_args(parser)                   # --route, --soundfont, --music-backend, --music-model, ...
    music = music_from_args(args)            # MusicOptions, passed down unchanged
    add_input_args(parser)                   # --still-seconds, --fps
"""

from __future__ import annotations

import argparse
from pathlib import Path

from v2m.tools.options import MusicOptions
from v2m.tools.video.sequence import DEFAULT_FPS, MAX_FPS

MAX_STILL_S = 3600.0

ROUTES = ("symbolic", "audio", "hybrid")
MUSIC_BACKENDS = ("musicgen", "musicgen-melody", "audiocraft", "debug")  # the names in musicgen.BACKENDS
BACKENDS = ("rules", "hf", "chat", "scripted")  # the planners (planners/llm.py builds the model ones)
DEFAULT_ATTEMPTS = 3  # one answer plus two re-asks: small models fix most errors once told, rarely later


def add_music_args(parser: argparse.ArgumentParser, *, route_help: str | None = None) -> None:
    """Add the route and music flags to a subcommand's parser.

    Args:
        parser: the subcommand's parser.
        route_help: the help of --route; None leaves --route out (the caller decides the route).
    """
    if route_help is not None:
        parser.add_argument("--route", choices=ROUTES, default="symbolic", help=route_help)
    parser.add_argument("--soundfont", help="a General MIDI .sf2 to render with")
    g = parser.add_argument_group("audio route (--route audio|hybrid)")
    g.add_argument("--music-backend", choices=MUSIC_BACKENDS,
                   help="default: musicgen for audio, musicgen-melody for hybrid")
    g.add_argument("--music-model", help="hub id already in the local cache, or a local folder of weights")
    g.add_argument("--music-device", help="cpu (default), cuda or auto")
    g.add_argument("--music-dtype", choices=["float32", "float16", "bfloat16"],
                   help="weights dtype (default float32 on CPU, float16 on GPU)")
    g.add_argument("--seed", type=int, help="another seed gives another take")


def music_from_args(args: argparse.Namespace) -> MusicOptions:
    """The MusicOptions the flags ask for; a local soundfont or weights folder is made absolute, so a run's
    record (config.json, a stored session) finds it from anywhere."""
    def absolute(path: str | None) -> str | None:
        return str(Path(path).resolve()) if path and Path(path).exists() else path

    return MusicOptions(backend=args.music_backend, model=absolute(args.music_model), device=args.music_device,
                        dtype=args.music_dtype, seed=args.seed, soundfont=absolute(args.soundfont))


def given_music_flags(args: argparse.Namespace) -> list[str]:
    """The music-model flags given (not the soundfont), for commands that refuse them."""
    flags = (("--music-backend", args.music_backend), ("--music-model", args.music_model),
             ("--music-device", args.music_device), ("--music-dtype", args.music_dtype), ("--seed", args.seed))
    return [flag for flag, value in flags if value is not None]


def _number(low: float, high: float, unit: str):
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low < value <= high:
            raise argparse.ArgumentTypeError(f"must be above {low:g} and at most {high:g} {unit}, got {text}")
        return value
    return parse


def add_input_args(parser: argparse.ArgumentParser) -> None:
    """Add the flags that say how a still image or an image sequence becomes a clip."""
    parser.add_argument("--still-seconds", type=_number(0, MAX_STILL_S, "seconds"), default=10.0,
                        help="length of the clip made from a still image")
    parser.add_argument("--fps", type=_number(0, MAX_FPS, "frames per second"), default=DEFAULT_FPS,
                        help=f"frame rate of an image sequence (frame_%%03d.png or a folder of numbered images; "
                             f"default {DEFAULT_FPS:g})")


def add_planner_args(parser: argparse.ArgumentParser) -> None:
    """Add the planner options (--backend, --model, ...) to a `v2m score` / `v2m chat` parser.

    Args:
        parser: the subcommand's parser.
    """
    g = parser.add_argument_group("planner")
    g.add_argument("--backend", choices=BACKENDS, default="rules",
                   help="who writes the plan: rules (offline default), hf (a local VLM), chat (a LangChain chat model)")
    g.add_argument("--model", help="hf: model id or local folder; chat: provider:name, e.g. ollama:llama3.2; "
                                   "scripted: JSON file of replies")
    g.add_argument("--adapter", help="hf: folder of a LoRA adapter (peft) to load on the model")
    g.add_argument("--base-url", help="chat: the endpoint, e.g. http://localhost:11434 or an OpenAI-compatible /v1 URL")
    g.add_argument("--device", default="auto", help="hf: auto, cpu, cuda, cuda:1, mps (default auto)")
    g.add_argument("--dtype", default="auto", choices=["auto", "float32", "bfloat16", "float16"],
                   help="hf: weights dtype")
    g.add_argument("--quantize", choices=["none", "4bit", "8bit"], default="none",
                   help="hf: bitsandbytes quantization (CUDA)")
    g.add_argument("--frames", choices=["images", "video", "none"], default="images",
                   help="show the model keyframes as images, sampled frames as one video (hf), "
                        "or none (text-only models)")
    g.add_argument("--max-attempts", type=int, default=DEFAULT_ATTEMPTS, help="model answers before falling back")


def add_chat_args(parser: argparse.ArgumentParser) -> None:
    """The `v2m chat` options (agent/chat_cli.py runs them)."""
    parser.add_argument("video", nargs="?", help="video or still image (not needed with --resume)")
    parser.add_argument("request", nargs="?", default="", help='the first request, e.g. "in jazz"')
    parser.add_argument("--resume", metavar="ID", help="continue a stored session")
    parser.add_argument("--list", action="store_true", help="list the stored sessions and exit")
    parser.add_argument("--delete", metavar="ID", help="delete a stored session and all its files, then exit")
    parser.add_argument("-o", "--output", metavar="DIR", help="keep the current version's files here")
    parser.add_argument("--sessions", metavar="DIR", help="session store folder (default $V2M_SESSIONS or "
                                                           "~/.cache/v2m/sessions)")
    parser.add_argument("--no-render", action="store_true", help="plans only: no composing, rendering or muxing")
    add_music_args(parser, route_help="how the first score sounds; a turn can switch ('use musicgen', 'back to midi')")
    add_planner_args(parser)


def add_eval_args(parser: argparse.ArgumentParser) -> None:
    """The `v2m eval` options (agent/evaluation/command.py runs them; the planner options as for `v2m score`)."""
    parser.add_argument("runs", nargs="*", metavar="RUN_DIR", help="folders written by `v2m score` or `v2m chat`")
    parser.add_argument("--suite", help="a built-in suite name (builtin) or a suite .yaml file")
    parser.add_argument("-o", "--output", help="--suite: folder for its runs and reports (default eval_<suite>)")
    parser.add_argument("--route", choices=ROUTES, default="symbolic",
                        help="--suite: the route every system is realised with")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--html", metavar="REPORT.html", help="write an HTML report with plots here")
    parser.add_argument("-f", "--force", action="store_true", help="overwrite an existing report or suite folder")
    add_planner_args(parser)
