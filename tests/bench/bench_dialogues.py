"""Edit-following benchmark over three separately written dialogue sets, each run through a real Session
with the rules planner (grammar + learned intent model), every turn's expectations checked on the plan
and on the composed MIDI, and every reply checked for honesty against the plan diff.

    python tests/bench/bench_dialogues.py                # sets a and b
    python tests/bench/bench_dialogues.py --sets c       # the frozen held-out split (measure only)
    python tests/bench/bench_dialogues.py --sets a,b -v  # and every failed turn with its reasons
    python tests/bench/bench_dialogues.py --sets d-tune,d-val   # set d's halves (split by a hash of the id)

Sets: (a) tests/dialogues (70 dialogues written with the grammar), (b) tests/dialogues_personas (persona
turns written blind to the grammar), (c) tests/dialogues_heldout (frozen, sha256 in its SHA256SUMS; never
used to tune), (d) tests/dialogues_d (scenario turns, split by `dialogue_check.half_of` into d-tune, tuned
on, and d-val, only reported), (e) tests/dialogues_e (review-note threads), (f) spotting notes, (g) a blind
paraphrase of b, (h)-(k) new persona dialogues by eight blind writers (eleventh and twelfth sessions); e-k split
into -tune and -val halves like d. Per set: % of turns meeting their expectations (target >= 90% on c), % of turns whose
unaddressed sections have note-for-note identical MIDI (over turns declaring `unchanged`; target >= 99%),
% of honest replies (target 100%). The baseline in the same run: the grammar alone (intent model off).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import SET_FOLDERS, load_set, run_dialogue  # noqa: E402


def run_set(name: str, verbose: bool) -> tuple[int, int]:
    dialogues = load_set(name)
    t0 = time.perf_counter()
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        for d in dialogues:
            try:
                outcomes += run_dialogue(d, Path(tmp) / "store")
            except Exception as e:  # noqa: BLE001 - a crash fails the dialogue's turns, with the reason
                print(f"CRASH {d['id']}: {type(e).__name__}: {e}")
    elapsed = time.perf_counter() - t0
    n = max(1, len(outcomes))
    ok = sum(o.ok for o in outcomes)
    iso = [o for o in outcomes if o.isolated is not None]
    honest = sum(o.honest for o in outcomes)
    print(f"set {name} ({SET_FOLDERS[name.split('-')[0]].name}): {len(dialogues)} dialogues, {len(outcomes)} turns, {elapsed:.0f} s")
    print(f"  turns followed:        {ok}/{len(outcomes)} = {100 * ok / n:.1f}%")
    print(f"  unaddressed identical: {sum(o.isolated for o in iso)}/{len(iso)} = "
          f"{100 * sum(o.isolated for o in iso) / max(1, len(iso)):.1f}%")
    print(f"  replies honest:        {honest}/{len(outcomes)} = {100 * honest / n:.1f}%")
    if verbose:
        for o in outcomes:
            if not o.ok:
                print(f"  FAIL {o.dialogue} turn {o.n} '{o.say}':\n      " + "\n      ".join(o.failures))
            if not o.honest:
                print(f"  DISHONEST {o.dialogue} turn {o.n} '{o.say}': {o.dishonesty}")
    return ok, len(outcomes)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else ["a", "b"]
    if "--no-model" in argv:  # the grammar alone: the baseline the intent model is measured against
        from v2m.agent.dialogue.intent_model import IntentModel

        IntentModel.load = classmethod(lambda cls: None)
        print("intent model: off (rules grammar alone)")
    for name in sets:
        run_set(name, verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
