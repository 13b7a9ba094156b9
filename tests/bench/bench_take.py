"""Audio-route turns: "another take of shot N" generates one section again, against the full audio take
of every section measured in the same run, on a 60 s clip with a tiny random-weight MusicGen (the real
transformers generate path; `musicgen_tiny`) and with the debug synth.

    python tests/bench/bench_take.py

A take turn is: rules revise (Section.take + 1) -> compose -> symbolic stems (cached but one section)
-> MusicGen on that section's span only -> the previous take's samples everywhere else -> re-encode the
AAC segments that changed -> mux. The full take is the turn that switches the route ("use musicgen").
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TAKES = ["another take of shot 3", "another take of shot 9", "regenerate the ending", "another take of shot 6"]


def run(video: Path, store: Path, music: dict, label: str) -> None:
    import numpy as np
    import soundfile as sf

    from v2m.agent.dialogue.session import Session

    s = Session.open(video, "score this in jazz", workdir=store, music=music)
    t0 = time.perf_counter()
    full = s.say("use musicgen")
    full_s = time.perf_counter() - t0
    n = len(s.plan.sections)
    print(f"[{label}] {n} sections; full audio take ({len(full.rendered)} sections): {full_s:.2f} s")
    times = []
    for text in TAKES:
        before = sf.read(str(s.files["wav"]), dtype="int16")[0]
        t0 = time.perf_counter()
        turn = s.say(text)
        dt = time.perf_counter() - t0
        after = sf.read(str(s.files["wav"]), dtype="int16")[0]
        changed = float(np.mean(before != after))
        times.append(dt)
        print(f"  {dt:5.2f} s  '{text}': sections {turn.rendered} generated, {changed:.1%} of samples changed")
    med = statistics.median(times)
    print(f"[{label}] one-section take: median {med:.2f} s; full take / take = {full_s / med:.1f}x")


def main() -> int:
    import torch

    from bench_turn import make_clip
    from musicgen_tiny import build_tiny

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        video = make_clip(tmp / "clip60.mp4")
        run(video, tmp / "debug", {"backend": "debug"}, "debug synth")
        model = build_tiny(tmp / "tiny-musicgen", window_s=30.0)
        run(video, tmp / "tiny", {"backend": "musicgen", "model": str(model)}, "tiny MusicGen, CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
