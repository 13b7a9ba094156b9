"""`v2m finetune data|synth|train|eval`: build SFT sets, train a LoRA/QLoRA planner, grade it.

    v2m finetune data out/ --sessions ~/.cache/v2m/sessions -o sft.jsonl          # v2m's own runs and chats
    v2m finetune data --muvideo MUVideo.json --media MUVideo/ -o muvideo.jsonl     # MUVideo (or --muimage)
    v2m finetune synth -o data/synth --clips 40 --seed 0                           # synthetic clips and edits
    v2m finetune train --config tiny-cpu --output runs/tiny                        # LoRA / QLoRA
    v2m finetune eval --model runs/tiny/base --adapter runs/tiny/adapter --data held/sft.jsonl --compare-base

Found by `v2m` through the `v2m.commands` entry-point group (pyproject.toml), so agent/ never imports
finetune/. This module is light: torch, transformers and the dialogue stack (through the data builders)
load inside the commands that use them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from v2m.finetune.evaluate import EvalOptions, constant_baseline, evaluate, markdown
from v2m.finetune.recipe import REASONING, TARGETS, add_train_args
from v2m.tools.errors import InputError


def _cmd_data(args: argparse.Namespace) -> int:
    from v2m.finetune.dataset import build
    from v2m.finetune.muvideo import ReadReport, read_records

    more, reports = [], []
    for flag, modality in (("muvideo", "video"), ("muimage", "image")):
        path = getattr(args, flag)
        if path is None:
            continue
        if args.media is None:
            raise InputError(f"--{flag} needs --media DIR (the folder its input_file/output_file names are in)")
        if not Path(path).is_file():
            raise InputError(f"--{flag} {path}: no such file")
        report = ReadReport()
        reports.append((flag, report))
        work = args.output.with_name(args.output.stem + ".media")
        more.append(read_records(Path(path), Path(args.media), work, modality=modality, report=report))
    if not args.runs and args.sessions is None and not more:
        raise InputError("give run folders, --sessions, --muvideo or --muimage")
    counts = build(args.runs, args.sessions, args.output, force=args.force, more=more)
    for flag, report in reports:
        for line in report.lines():
            print(f"{flag}: {line}", file=sys.stderr)
    total = sum(counts.values())
    print(f"wrote {total} examples to {args.output} " + json.dumps(counts))
    return 0 if total else 1


def _cmd_synth(args: argparse.Namespace) -> int:
    from v2m.finetune.synthetic import build_synthetic

    counts = build_synthetic(args.output, clips=args.clips, seed=args.seed, turns=args.turns,
                             reasoning=args.reasoning, requests=args.requests, target=args.target, force=args.force)
    print(f"wrote {sum(counts.values())} examples to {args.output / 'sft.jsonl'} " + json.dumps(counts))
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from v2m.finetune.train import run_train

    return run_train(args)


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.output and args.output.exists() and not args.force:
        raise InputError(f"{args.output} already exists; use --force to replace it")
    opts = EvalOptions(max_new_tokens=args.max_new_tokens, device=args.device, limit=args.limit)
    results = []
    if args.compare_base or not args.adapter:
        results.append(evaluate(args.model, args.data, None, opts))
    if args.adapter:
        results.append(evaluate(args.model, args.data, args.adapter, opts))
    if args.compare_base:
        results.append(constant_baseline(args.data, args.limit))
    table = markdown(results)
    print(table)
    for r in results:
        for line in r["skipped"]:
            print(f"skipped {line}", file=sys.stderr)
    if args.output:
        args.output.write_text(json.dumps({"results": results, "markdown": table}, indent=1))
    return 0


def add_parser(sub) -> None:
    """Add `finetune` and its subcommands to v2m's subparsers (called through the entry point)."""
    p = sub.add_parser("finetune", help="fine-tuning: build SFT data, train LoRA/QLoRA planners, evaluate them")
    fsub = p.add_subparsers(dest="finetune_command", required=True, metavar="STEP")

    s = fsub.add_parser("data", help="SFT JSONL from run folders, session stores, MUVideo/MUImage files")
    s.add_argument("runs", nargs="*", type=Path, help="folders holding `v2m score` run folders")
    s.add_argument("--sessions", type=Path, help="a session store folder (v2m chat's workdir)")
    s.add_argument("--muvideo", help="a MUVideo instruction JSON file")
    s.add_argument("--muimage", help="a MUImage instruction JSON file")
    s.add_argument("--media", help="the folder MUVideo/MUImage file names are relative to")
    s.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file to write")
    s.add_argument("-f", "--force", action="store_true", help="replace an existing JSONL")
    s.set_defaults(func=_cmd_data)

    s = fsub.add_parser("synth", help="a synthetic corpus: procedural clips, templated requests and edits")
    s.add_argument("-o", "--output", type=Path, required=True, help="folder for clips/ and sft.jsonl")
    s.add_argument("--clips", type=int, default=40, help="how many clips (each gives 1 plan + edit examples)")
    s.add_argument("--seed", type=int, default=0, help="the same seed gives the same corpus")
    s.add_argument("--turns", type=int, default=2, help="edit turns tried per clip")
    s.add_argument("--reasoning", choices=REASONING, default="why",
                   help="before each plan: the decisions and why (why), the decisions in one line (short), "
                        "or the request and facts restated, then that line (facts)")
    s.add_argument("--requests", type=int, default=1, help="plan examples per clip, each with its own request")
    s.add_argument("--target", choices=TARGETS, default="full",
                   help="a first plan's JSON: the whole plan (full) or its decisions only (compact)")
    s.add_argument("-f", "--force", action="store_true", help="replace an existing sft.jsonl")
    s.set_defaults(func=_cmd_synth)

    s = fsub.add_parser("train", help="LoRA/QLoRA fine-tuning of a VLM planner (one recipe, through accelerate)")
    add_train_args(s)
    s.set_defaults(func=_cmd_train)

    s = fsub.add_parser("eval", help="grade a planner model on a held-out JSONL (markdown + JSON table)")
    s.add_argument("--model", required=True, help="the base model folder or hub id")
    s.add_argument("--adapter", help="a peft adapter folder to apply")
    s.add_argument("--data", required=True, type=Path, help="held-out JSONL (from `finetune synth` or `data`)")
    s.add_argument("--compare-base", action="store_true", help="also grade the base alone and the best constant plan: a before/after table with its floor")
    s.add_argument("--limit", type=int, help="grade the first N examples only")
    s.add_argument("--max-new-tokens", type=int, default=1024)
    s.add_argument("--device", default="cpu")
    s.add_argument("-o", "--output", type=Path, help="write the results JSON here")
    s.add_argument("-f", "--force", action="store_true", help="replace an existing results file")
    s.set_defaults(func=_cmd_eval)
