"""Generation speed of the audio route: seconds of compute per second of audio, against realtime.

    python tests/bench/bench_musicgen.py                  # tiny + musicgen-small architecture, CPU
    python tests/bench/bench_musicgen.py --small-seconds 4 --device cuda

Both models have random weights (no hub here): the tiny test checkpoint and the facebook/musicgen-small
architecture (t5-base + 24-layer decoder + 32 kHz EnCodec) built from its config, saved and loaded
through from_pretrained. Speed does not depend on the weights' values, only on the architecture and
the number of autoregressive steps (50 per second of audio for MusicGen), so the real-size timing is
what facebook/musicgen-small costs here. Baselines measured in the same run: realtime (1 s of compute
per s of audio) and the tiny model. Published anchors are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

# Published reference points (s of compute per s of audio), for scale; hardware differs from ours.
ANCHORS = [
    ("MusicGen: 50 autoregressive steps per second of audio (4 codebooks, delay pattern)", None,
     "facebookresearch/audiocraft README"),
    ("musicgen-small, RTX 3060 12 GB, 10 s clip in 15-20 s", 1.75,
     "https://www.runlocalai.co/glossary/music-generation"),
    ("MusicGen (transformers), GPU 4 GB VRAM used, 10 s clips in 42-47 s", 4.5,
     "https://github.com/jsboige/CoursIA/pull/8479"),
]


def _time_call(fn, audio_s: float) -> tuple[float, float, float]:
    """Wall seconds, and CPU seconds of this process per second of audio (robust to other jobs)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return dt, dt / audio_s, cpu / audio_s


def bench_tiny(tmp: Path) -> list[tuple[str, float, float, float]]:
    from v2m.tools.musicgen.route import render_section
    from v2m.tools.musicgen.backends import load_backend
    from musicgen_tiny import build_tiny

    be = load_backend("musicgen", str(build_tiny(tmp / "tiny")))
    sr = be.sample_rate
    be.generate("warm up", sr // 2)
    rows = []
    n = be.window_samples - be.hop_samples
    rows.append(("tiny, one window", n / sr,
                 *_time_call(lambda: be.generate("jazz swing, tenor sax, 138 bpm", n), n / sr)))
    rows.append(("tiny, 30 s section (continued)", 30.0,
                 *_time_call(lambda: render_section(be, "jazz swing, tenor sax, 138 bpm", 30 * sr, seed=0), 30.0)))
    return rows


def bench_small(tmp: Path, seconds: float, device: str, dtypes: list[str]) -> list[tuple[str, float, float, float]]:
    from v2m.tools.musicgen.backends import load_backend
    from musicgen_tiny import build_small

    t0 = time.perf_counter()
    folder = build_small(tmp / "small")
    build_s = time.perf_counter() - t0
    rows = []
    for dtype in dtypes:
        t0 = time.perf_counter()
        be = load_backend("musicgen", str(folder), device=device, dtype=dtype)
        load_s = time.perf_counter() - t0
        params = sum(p.numel() for p in be.model.parameters()) / 1e6
        print(f"musicgen-small architecture: {params:.0f}M parameters, built+saved in {build_s:.1f} s, "
              f"loaded in {load_s:.1f} s, device {be.device}, dtype {be.dtype}")
        be.generate("warm up", be.hop_samples * 4)
        n = int(seconds * be.sample_rate)
        rows.append((f"musicgen-small arch, {dtype}, {be.device}", seconds,
                     *_time_call(lambda: be.generate("jazz swing, tenor sax, 138 bpm", n), seconds)))
        del be
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small-seconds", type=float, default=2.0, help="audio to generate with the real-size model")
    ap.add_argument("--skip-small", action="store_true")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=1, help="torch threads for the real-size model")
    ap.add_argument("--dtypes", default="float32,bfloat16", help="comma-separated dtypes for the real-size model")
    args = ap.parse_args()

    import torch

    rows = []
    with tempfile.TemporaryDirectory() as d:
        torch.set_num_threads(1)  # tiny models: one thread is fastest here
        rows += bench_tiny(Path(d))
        if not args.skip_small:
            torch.set_num_threads(args.threads)
            rows += bench_small(Path(d), args.small_seconds, args.device, args.dtypes.split(","))

    print(f"\ntorch threads {torch.get_num_threads()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(other jobs on the machine slow every row alike)")
    print(f"\n{'run':36s} {'audio s':>7s} {'wall s':>7s} {'wall s/s':>9s} {'cpu s/s':>8s} {'x realtime (cpu)':>17s}")
    for name, audio_s, dt, per, cpu in rows:
        print(f"{name:36s} {audio_s:7.2f} {dt:7.2f} {per:9.3f} {cpu:8.3f} {1 / cpu:16.2f}x")
    if len(rows) > 2:
        best = min(r[4] for r in rows[2:])
        print(f"\nreal-size / tiny 30 s route (CPU s per s of audio, same run): {best / rows[1][4]:.0f}x")
        print(f"a 75 s video with musicgen-small on one free core: ~{75 * best / 60:.0f} min (best dtype)")
    print("\npublished anchors (s of compute per s of audio; other hardware):")
    for what, value, src in ANCHORS:
        print(f"  {'-' if value is None else f'{value:.2f}':>5s}  {what}  [{src}]")


if __name__ == "__main__":
    main()
