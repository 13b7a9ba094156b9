"""Options on the command line, each declared once: the music options, shared by `v2m score`, `v2m chat` and
`v2m agent` and turned into one frozen `MusicOptions` at the edge (the planner's flags are
`add_planner_args`); and how a still or an image sequence becomes a clip, shared by `v2m score` and
`v2m analyze`.

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
