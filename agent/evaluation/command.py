"""`v2m eval`: grade run folders, or run a suite against the baselines, and report.

    v2m eval out/clip [out/other ...]             a one-screen summary
    v2m eval out/clip --json                      one JSON object per run (a list for several)
    v2m eval out/clip --html report.html          plots and the metric table in one HTML file
    v2m eval --suite builtin -o out/eval          score the suite's clips with v2m and the baselines, grade all
    v2m eval --suite builtin --backend hf --model Qwen/Qwen2.5-VL-3B-Instruct --route hybrid

A suite's folder keeps every run, report.json and report.html.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from v2m.agent.evaluation.report import summary_table, to_json, write_html
from v2m.agent.evaluation.runner import check_run_dir, evaluate_run
from v2m.agent.evaluation.suites import load_suite, run_suite
from v2m.agent.planners.llm import planner_spec
from v2m.tools.errors import V2MError


def _check_html(path: str | None, force: bool) -> None:
    if not path:
        return
    p = Path(path)
    if p.exists() and not force:
        raise V2MError(f"{p} already exists; use --force or another --html path")
    if not p.parent.is_dir():
        raise V2MError(f"folder {p.parent} does not exist (for --html {p})")


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


def run_eval(args: argparse.Namespace) -> int:
    """Run `v2m eval` as parsed; returns the exit status (1 when a suite's expectations were missed)."""
    if args.suite and args.runs:
        raise V2MError("give RUN_DIRs or --suite, not both")
    if not args.suite and not args.runs:
        raise V2MError("give one or more RUN_DIRs (folders written by `v2m score`) or --suite NAME")
    if args.output and not args.suite:
        raise V2MError("-o/--output is for --suite; to keep a report of run folders use --html")
    _check_html(args.html, args.force)
    return _suite(args) if args.suite else _runs(args)


def _runs(args: argparse.Namespace) -> int:
    from rich.console import Console

    dirs = [Path(d) for d in args.runs]
    for d in dirs:
        check_run_dir(d)  # every folder checked before minutes of work
    evaluations = []
    with _progress(len(dirs)) as bar:
        task = bar.add_task("grading", total=len(dirs))
        for d in dirs:
            bar.update(task, description=d.name[:28])
            evaluations.append(evaluate_run(d))
            bar.advance(task)
    _emit(args, evaluations, None, Console())
    if args.html:
        print(f"report: {write_html(evaluations, args.html)}", file=sys.stderr)
    return 0


def _suite(args: argparse.Namespace) -> int:
    from rich.console import Console

    suite = load_suite(args.suite)
    backend, options = planner_spec(args)
    outdir = Path(args.output or f"eval_{suite.name}")
    if outdir.exists() and not outdir.is_dir():
        raise V2MError(f"{outdir} is a file")
    if outdir.is_dir() and any(outdir.iterdir()) and not args.force:
        raise V2MError(f"{outdir} already holds files; use --force or another -o folder")
    total = len(suite.clips) * len(suite.systems)
    with _progress(total) as bar:
        task = bar.add_task("scoring", total=total)
        started = []

        def step(name: str) -> None:
            if started:
                bar.advance(task)
            started.append(name)
            bar.update(task, description=name[:28])

        result = run_suite(suite, outdir, planner=backend, planner_options=options, route=args.route,
                           force=args.force, progress=step)
        bar.advance(task)
    (outdir / "report.json").write_text(to_json(result.evaluations) + "\n")
    html_path = write_html(result.evaluations, args.html or outdir / "report.html", checks=result.checks,
                           title=f"v2m eval: suite {suite.name}")
    _emit(args, result.evaluations, result.checks, Console())
    print(f"runs and reports in {outdir}/; HTML: {html_path}", file=sys.stderr)
    return 0 if all(c["passed"] for c in result.checks) else 1


def _emit(args, evaluations, checks, console) -> None:
    if args.json:
        print(to_json(evaluations))
    else:
        console.print(summary_table(evaluations, checks))
