"""The `v2m` command line: thin subcommands over the pipeline, the planners and the tools.

    v2m score VIDEO "in jazz" -o out/     score a video (or an image) end to end
    v2m score --example                   score the bundled example clip
    v2m analyze VIDEO [--json] [--plot timeline.png]   shots, cuts, motion, tempo and mood of a video
    v2m schema [plan|analysis]            print the JSON Schema models must follow
    v2m doctor                            what is installed, what is missing, how to fix it

Every problem a user can fix ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from v2m.tools.errors import V2MError

EXIT_USER_ERROR = 2


def _cmd_schema(args: argparse.Namespace) -> int:
    from v2m.tools.contract import ScorePlan, VideoAnalysis

    model = {"plan": ScorePlan, "analysis": VideoAnalysis}[args.which]
    print(json.dumps(model.model_json_schema(), indent=2))
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from v2m.tools.video import analysis_summary, analyze

    a = analyze(args.video, still_seconds=args.still_seconds, keyframe_dir=args.keyframes)
    print(a.model_dump_json(indent=2) if args.json else analysis_summary(a))
    if args.plot:
        from v2m.tools.timeline import plot_timeline

        print(f"timeline: {plot_timeline(args.video, a, args.plot)}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="v2m", description="Score videos with music.")
    p.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("analyze", help="measure a video: shots, cuts, motion, tempo, mood")
    s.add_argument("video", help="video or image file")
    s.add_argument("--json", action="store_true", help="print the VideoAnalysis as JSON")
    s.add_argument("--plot", metavar="PNG", help="also draw a timeline picture here")
    s.add_argument("--keyframes", metavar="DIR", help="save one small JPEG per shot here")
    s.add_argument("--still-seconds", type=float, default=10.0, help="length of a still image as a clip")
    s.set_defaults(func=_cmd_analyze)

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
        print(f"v2m: error: {e}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("v2m: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: still one line unless --debug
        if args.debug:
            raise
        print(f"v2m: internal error: {type(e).__name__}: {e} (rerun with --debug for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
