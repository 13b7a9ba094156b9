"""Timing shared by the benchmarks (importable as `timing`: a benchmark's own folder is on sys.path).

    from timing import best_of, cpu_s, timed
    out, wall_s, cpu_s_used = timed(lambda: work())
    results, wall, cpu = best_of({"ours": ours, "theirs": theirs}, repeats=3)   # interleaved, best of 3
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable


def cpu_s() -> float:
    """CPU seconds of this process (all its threads) and of every child process it waited for."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable) -> tuple[object, float, float]:
    """fn()'s result, wall seconds and CPU seconds (all threads and child processes)."""
    t, c = time.perf_counter(), cpu_s()
    out = fn()
    return out, time.perf_counter() - t, cpu_s() - c


def best_of(runs: dict[str, Callable], repeats: int) -> tuple[dict, dict[str, float], dict[str, float]]:
    """Run each of `runs` `repeats` times, interleaved (the machine is shared, so a slow spell hits all of
    them alike), and keep each one's best wall and best CPU time.

    Returns:
        (the last result of each run, best wall seconds, best CPU seconds), keyed by the runs' names.
    """
    results: dict = {}
    wall = {name: float("inf") for name in runs}
    cpu = dict(wall)
    for _ in range(repeats):
        for name, fn in runs.items():
            results[name], w, c = timed(fn)
            wall[name], cpu[name] = min(wall[name], w), min(cpu[name], c)
    return results, wall, cpu
