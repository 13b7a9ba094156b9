"""Benchmark: compose + write MIDI + render 60 s of music, per style, against real time.

    python tests/bench/bench_compose.py [style ...]

Prints, per style, wall seconds and the speed ratio (60 s of audio / wall seconds; the target is >= 40x),
the CPU-seconds ratio (user+sys of this process and the FluidSynth children), which depends far less
on what else the machine is running, and the critical-path CPU (compose, the slower of the two parallel
FluidSynth jobs, mixing and loudness), which estimates the wall time on an idle two-core machine. The load average is printed because a busy machine slows the wall
clock, not the work. Imports and the soundfont's first read are warmed up first.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compose_plans import bikes_plan, long_plan  # noqa: E402

DURATION_S = 60.0


def cpu_s() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def once(style: str, tmp: Path, duration_s: float = DURATION_S) -> tuple[float, float]:
    from v2m.tools.music.compose import compose
    from v2m.tools.audio.render import render

    plan = long_plan(style, duration_s) if duration_s != 10 else bikes_plan(style)
    t0, c0 = time.perf_counter(), cpu_s()
    mid = compose(plan).write_midi(tmp / f"{style}.mid")
    render(mid, tmp / f"{style}.wav", duration_s=plan.duration_s)
    return time.perf_counter() - t0, cpu_s() - c0


def critical_path(style: str, tmp: Path) -> float:
    """CPU seconds on the longest chain when the two FluidSynth jobs run side by side on free cores:
    compose + MIDI, the slower synthesis job, then mixing, loudness and writing. Measured stage by stage
    (jobs one after the other), so it estimates the wall time of an idle two-core machine."""
    import soundfile as sf

    from v2m.tools.audio import loudness as L
    from v2m.tools.audio import render as R
    from v2m.tools.music.compose import compose

    plan = long_plan(style, DURATION_S)
    c0 = cpu_s()
    mid = compose(plan).write_midi(tmp / f"{style}-cp.mid")
    c1 = cpu_s()
    sf2, exe = R.find_soundfont(), R.fluidsynth_exe()
    jobs = []
    parts = R._split_midi(mid, tmp, R.POLYPHONY_JOBS)
    for k, part in enumerate(parts):
        job_dir = tmp / f"{style}-job{k}"
        job_dir.mkdir(exist_ok=True)
        j0 = cpu_s()
        R._synthesize(exe, sf2, part, job_dir, 44100, jobs=1)
        jobs.append(cpu_s() - j0)
    audio = R._synthesize(exe, sf2, mid, tmp, 44100)  # the real (parallel) run, to time what follows it
    c2 = cpu_s()
    n = int(DURATION_S * 44100)
    out = L.normalize_loudness(L.fit_length(audio, n, 44100, 0.0), 44100, -16.0)
    out = L.fit_length(out, n, 44100)
    sf.write(str(tmp / "cp.wav"), out, 44100, subtype="PCM_16")
    c3 = cpu_s()
    return (c1 - c0) + max(jobs) + (c3 - c2)


def main(styles: list[str]) -> None:
    from v2m.tools.style import style_names

    styles = styles or list(style_names())
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        once("jazz", tmp, 10)  # warm-up: music21, pyloudnorm, scipy imports and the soundfont in the page cache
        walls, cpus, crit = [], [], []
        for style in styles:
            wall, cpu = once(style, tmp)
            walls.append(wall)
            cpus.append(cpu)
            cp = critical_path(style, tmp)
            crit.append(cp)
            print(f"{style:12s} wall {wall:5.2f} s {DURATION_S / wall:6.1f}x real time | "
                  f"cpu {cpu:5.2f} s {DURATION_S / cpu:6.1f}x | critical path {cp:5.2f} s {DURATION_S / cp:6.1f}x")
        total = sum(walls)
        print(f"all styles: {DURATION_S * len(styles) / total:.1f}x real time (wall), "
              f"{DURATION_S * len(styles) / sum(cpus):.1f}x (cpu), {DURATION_S * len(styles) / sum(crit):.1f}x "
              f"(critical-path cpu, the idle two-core estimate); worst style {DURATION_S / max(walls):.1f}x wall; "
              f"target >= 40x; "
              f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
