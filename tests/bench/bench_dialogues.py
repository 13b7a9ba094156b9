"""Edit-following benchmark: every scripted dialogue in tests/dialogues/*.yaml, run through a real Session
with the rules planner, each turn's expectations checked on the plan and on the composed MIDI.

    python tests/bench/bench_dialogues.py            # all dialogues
    python tests/bench/bench_dialogues.py -v         # and every failed turn with its reasons

Prints the % of turns meeting their expectations (target >= 95%) and the % of turns whose unaddressed
sections have note-for-note identical MIDI (target >= 99%), counted over turns that declare an
unaddressed part (`unchanged`).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import load_dialogues, run_dialogue  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    dialogues = load_dialogues()
    t0 = time.perf_counter()
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        for d in dialogues:
            outcomes += run_dialogue(d, Path(tmp) / "store")
    elapsed = time.perf_counter() - t0
    ok = sum(o.ok for o in outcomes)
    iso = [o for o in outcomes if o.isolated is not None]
    iso_ok = sum(o.isolated for o in iso)
    clips = Counter(str(d["clip"]) if isinstance(d["clip"], str) else "synthetic" for d in dialogues)
    print(f"dialogues: {len(dialogues)} ({', '.join(f'{k} {v}' for k, v in clips.items())}), turns: {len(outcomes)}")
    print(f"turns meeting expectations: {ok}/{len(outcomes)} = {100 * ok / len(outcomes):.1f}% (target >= 95%)")
    print(f"unaddressed sections note-for-note identical: {iso_ok}/{len(iso)} = "
          f"{100 * iso_ok / max(1, len(iso)):.1f}% (target >= 99%)")
    print(f"time: {elapsed:.1f} s ({1000 * elapsed / len(outcomes):.0f} ms per turn, plan + compose + checks)")
    for o in outcomes:
        if not o.ok and verbose:
            print(f"FAIL {o.dialogue} turn {o.n} '{o.say}':\n    " + "\n    ".join(o.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
