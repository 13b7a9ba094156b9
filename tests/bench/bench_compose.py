"""Benchmark: compose + write MIDI + render 60 s of music, per style, against real time.

    python tests/bench/bench_compose.py [style ...]

Times what `v2m score` does for the music (compose, score.mid, the stem renderer: FluidSynth in process on
two threads, mixed and loudness-normalised), from an empty stem cache, best of two. Prints, per style, the
wall seconds and the speed ratio (60 s of audio / wall seconds; the target is >= 40x for every style) and the
CPU-seconds ratio, which depends far less on what else the machine is running. The load average is printed
because a busy machine slows the wall clock, not the work. Imports and the soundfont's first read are warmed
up first.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compose_plans import bikes_plan, long_plan  # noqa: E402
from timing import timed  # noqa: E402

DURATION_S = 60.0
REPEATS = 2  # best of, each from an empty cache


def once(style: str, tmp: Path, duration_s: float = DURATION_S) -> tuple[float, float]:
    """Compose, write score.mid and render score.wav the way `v2m score` and the chat do: the stem renderer
    (FluidSynth in process, sections on two threads, loudness-normalised), from an empty cache."""
    from v2m.tools.audio.stems import StemRenderer
    from v2m.tools.music.compose import compose

    plan = long_plan(style, duration_s) if duration_s != 10 else bikes_plan(style)
    cache = Path(tempfile.mkdtemp(prefix=f"stems-{style}-", dir=tmp))  # empty: every section synthesized

    def music() -> None:
        arrangement = compose(plan)
        arrangement.write_midi(tmp / f"{style}.mid")
        StemRenderer(cache).render(arrangement, tmp / f"{style}.wav", duration_s=plan.duration_s,
                                   loudness_lufs=plan.loudness_lufs)

    return timed(music)[1:]


def main(styles: list[str]) -> None:
    from v2m.tools.style import style_names

    styles = styles or list(style_names())
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        once("jazz", tmp, 10)  # warm-up: music21, pyloudnorm, scipy imports and the soundfont in the page cache
        walls, cpus = [], []
        for style in styles:
            wall, cpu = min(once(style, tmp) for _ in range(REPEATS))
            walls.append(wall)
            cpus.append(cpu)
            print(f"{style:14s} wall {wall:5.2f} s {DURATION_S / wall:6.1f}x real time | "
                  f"cpu {cpu:5.2f} s {DURATION_S / cpu:6.1f}x")
        print(f"all styles: {DURATION_S * len(styles) / sum(walls):.1f}x real time (wall), "
              f"{DURATION_S * len(styles) / sum(cpus):.1f}x (cpu); worst style {DURATION_S / max(walls):.1f}x wall; "
              f"target >= 40x every style; load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
