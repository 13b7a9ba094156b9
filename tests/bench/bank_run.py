"""One runner for the family banks' benches (bench_places, bench_parts, bench_amounts, bench_versions,
bench_styles, bench_combos, bench_followups, bench_hits, bench_talk, bench_clips, bench_typos): each item is judged once in its own work folder, outcomes are counted by kind
("ok", "asked", "nothing", "wrong"), and with -v the misses of the TUNE half are printed (the val half grades,
so it is only ever counted).

    from bank_run import halves, run
    for half in halves(argv):
        kinds, by = run(items(half), judge, verbose=half == "tune" and "-v" in argv, label=..., group=...)
    analysis, session = chat(CLIP, "jazz", workdir)   # a fresh chat on a synthetic clip, in a judge
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path


def halves(argv: list[str]) -> list[str]:
    """The halves asked for on the command line (`--half tune`), both by default."""
    return [argv[argv.index("--half") + 1]] if "--half" in argv else ["tune", "val"]


def run(rows: list[dict], judge: Callable[[dict, Path], tuple[str, str]], verbose: bool = False,
        label: Callable[[dict], str] = lambda x: "", group: Callable[[dict], str] = lambda x: "") -> tuple[Counter, Counter]:
    """Judge every row: (outcome kind -> count, (group, ok) -> count); misses printed when `verbose`."""
    kinds, by = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, x in enumerate(rows):
            kind, what = judge(x, Path(tmp) / f"s{k}")
            kinds[kind] += 1
            by[(group(x), kind == "ok")] += 1
            if verbose and kind != "ok":
                print(f"  {kind.upper()} [{label(x)}] {x['text']!r}\n      {what}")
    return kinds, by


def per_group(by: Counter, groups: tuple[str, ...]) -> str:
    """'out 3/5, down 4/4, ...' for the groups that occur."""
    return ", ".join(f"{g} {by[(g, True)]}/{by[(g, True)] + by[(g, False)]}" for g in groups
                     if by[(g, True)] + by[(g, False)])


def outcome(r, old, new) -> str | None:
    """"asked" when the reply is a question, "nothing" when the plan did not change, else None."""
    if getattr(r, "question", None):
        return "asked"
    return "nothing" if new == old else None


def chat(spec: dict, request: str, workdir: Path):
    """A fresh chat Session (no rendering) on the synthetic clip `spec` scored for `request`, and its analysis."""
    from dialogue_check import clip_analysis

    from v2m.agent.dialogue.session import Session

    analysis = clip_analysis(spec)
    return analysis, Session.open(analysis.source, request, workdir=workdir, analysis=analysis, render=False)


def score(kinds: Counter, total: int) -> str:
    """'12/20 = 60.0%': the items judged ok out of `total`."""
    return f"{kinds['ok']}/{total} = {100 * kinds['ok'] / max(1, total):.1f}%"


def main(argv: list[str], run_half: Callable[[str, bool], None]) -> int:
    """Each half asked for on the command line, run with -v or not."""
    for half in halves(argv):
        run_half(half, "-v" in argv)
    return 0
