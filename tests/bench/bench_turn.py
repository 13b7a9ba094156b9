"""Turn latency: an edit on a 60 s clip returns its new scored MP4, against the full first score measured
in the same run (analysis, plan, compose, render, mux) by the linear pipeline and by Session.open.

    python tests/bench/bench_turn.py
    python tests/bench/bench_turn.py --spans    # each turn also asks IntentModel.tag_spans (the tagger's pass)

A turn is: planner.revise -> compose -> re-render only the sections whose notes changed (cached stems)
-> loudness of the new mix (one running K-filter) -> re-encode only the AAC segments whose samples changed ->
mux -> one SQLite transaction. Target: every edit under 1 s on this machine.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

EDITS = ["much slower in the last 8 seconds", "no drums in shot 5", "a stop at the cut at 0:20",
         "more energy from 0:24 to 0:32", "add strings in the ending", "undo", "a bit faster after 0:48",
         "calmer in shot 2"]


def make_clip(path: Path) -> Path:
    from conftest import write_clip

    colors = [((37 * i) % 255, (91 * i) % 255, (53 * i + 80) % 255) for i in range(15)]
    return write_clip(path, colors, 100, size=(640, 360))  # 15 shots x 4 s at 25 fps = 60 s


def main(argv: list[str]) -> int:
    from v2m.agent.dialogue.intent_model import IntentModel
    from v2m.agent.pipeline import score
    from v2m.agent.dialogue.session import Session

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        video = make_clip(tmp / "clip60.mp4")
        t0 = time.perf_counter()
        score(video, "score this in jazz", tmp / "pipeline")
        full_pipeline = time.perf_counter() - t0
        t0 = time.perf_counter()
        s = Session.open(video, "score this in jazz", workdir=tmp / "store")
        full_session = time.perf_counter() - t0
        print(f"clip: 60 s, {len(s.analysis.shots)} shots; first score: {s.first.reply.splitlines()[0]}")
        print(f"full first score: pipeline.score {full_pipeline:.2f} s, Session.open {full_session:.2f} s")
        times = []
        for text in EDITS:
            t0 = time.perf_counter()
            if "--spans" in argv:   # what a chat that reads places from the tagger's spans adds to a turn
                IntentModel.load().tag_spans(text)
            turn = s.say(text)
            dt = time.perf_counter() - t0
            times.append(dt)
            assert turn.files["video"].is_file() and not turn.question, turn.reply
            print(f"  {dt:5.2f} s  '{text}': {' / '.join(turn.reply.splitlines())}")
        med, worst = statistics.median(times), max(times)
        print(f"turn latency: median {med:.2f} s, worst {worst:.2f} s (target < 1 s); "
              f"full score / median turn = {full_pipeline / med:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
