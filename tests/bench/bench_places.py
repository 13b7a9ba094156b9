"""Place reading: does an edit land on the stretch of the video its request names? Over the place bank
(tests/places_bank/*.yaml: requests written blind to the code, each with the stretch it means on one of three
clips), each request is said once to a fresh chat Session and the seconds whose section changed (energy, tempo,
parts, levels, music in or out) are compared with the stretch.

    python tests/bench/bench_places.py                    # totals for places-tune and places-val
    python tests/bench/bench_places.py --half tune -v     # and every missed tune item with what happened

A boundary matches when it is within 0.75 s of the expected one, or on the cut nearest to it (edits snap to shots).
The val half is reported as totals only (-v prints tune misses only): it grades, it is never tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "places_bank"
CLIPS = {"A": {"duration": 30, "cuts": [6, 13, 21]}, "B": {"duration": 60, "every": 4},
         "C": {"duration": 95, "cuts": [7.5, 18, 31, 44.5, 52, 66, 80]}}
STEP = 0.25
TOL = 0.75


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def _state(plan, t: float) -> tuple:
    from v2m.agent.dialogue.operations import effective_roles

    s = plan.sections[plan.section_at(t)]
    return (round(s.energy, 3), s.tempo_bpm or plan.tempo_bpm, tuple(sorted(effective_roles(plan, s))),
            tuple(sorted((k, round(v, 2)) for k, v in s.levels_db.items())), s.music)


def changed(old, new, duration: float) -> tuple[float, float] | None:
    """The first and last second whose section differs between the plans (None: nothing changed)."""
    ts = [k * STEP + STEP / 2 for k in range(int(duration / STEP))]
    hit = [t for t in ts if _state(old, t) != _state(new, t)]
    return (hit[0] - STEP / 2, hit[-1] + STEP / 2) if hit else None


def _tol(x: float, bounds: list[float]) -> float:
    return max(TOL, min(abs(x - b) for b in bounds) + 0.01)


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    spec = CLIPS[item["clip"]]
    a, s = chat(spec, "", workdir)
    old = s.plan
    r = s.say(item["text"])
    if miss := outcome(r, old, s.plan):
        return miss, r.reply[:160]
    found = changed(old, s.plan, a.duration_s)
    if found is None:
        return "nothing", r.reply[:160]
    bounds = [0.0, a.duration_s, *[sh.start_s for sh in a.shots]]
    (ea, eb), (fa, fb) = item["span"], found
    ok = abs(fa - ea) <= _tol(ea, bounds) and abs(fb - eb) <= _tol(eb, bounds)
    return ("ok" if ok else "wrong"), f"changed {fa:.2f}-{fb:.2f}, want {ea}-{eb}: {r.reply[:160]}"


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, _ = run_bank(rows, judge, verbose and half == "tune", label=lambda x: x["clip"])
    print(f"places-{half}: {score(kinds, len(rows))} on the stretch asked; "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, elsewhere {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
