"""Part naming: does an edit about one part of the band reach that part? Over the part bank
(tests/parts_bank/*.yaml: requests written blind to the code, each naming one part of a jazz, rock, cinematic or
ambient score in its own words, with the part meant and the change: out, down, up, or in for a new part), each
request is said once to a fresh chat Session on a 30 s clip and the plan is checked.

    python tests/bench/bench_parts.py                    # totals for parts-tune and parts-val
    python tests/bench/bench_parts.py --half tune -v     # and every missed tune item with what happened

out: the role plays nowhere after the turn; down / up: its level against the mean of the others' fell / rose in
every section, and it still plays; in: a role was added whose instrument is the one asked (by the
chat's own instrument vocabulary or its name). Energy, tempo and style must not move (one part was asked about).
The val half is reported as totals only: it grades, never tuned on.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from dialogue_check import _role_of  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "parts_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
REQUEST = {"jazz": "jazz", "rock": "rock", "cinematic": "cinematic orchestral", "ambient": "ambient"}


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def _relative(plan, s, role: str) -> float:
    from v2m.agent.dialogue.operations import effective_roles

    others = [s.levels_db.get(r, 0.0) for r in effective_roles(plan, s) if r != role]
    return s.levels_db.get(role, 0.0) - (sum(others) / len(others) if others else 0.0)


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    from v2m.agent.dialogue.operations import effective_roles
    a, s = chat(CLIP, REQUEST[item["style"]], workdir)
    old = s.plan
    r = s.say(item["text"])
    new = s.plan
    if miss := outcome(r, old, new):
        return miss, r.reply[:160]
    role, change = item["part"], item["change"]
    mids = [(x.start_s + x.end_s) / 2 for x in a.shots]
    if any(new.sections[new.section_at(t)].energy != old.sections[old.section_at(t)].energy for t in mids) or \
            new.tempo_bpm != old.tempo_bpm or new.style != old.style:
        return "wrong", "also changed the energy, tempo or style: " + r.reply[:200]
    plays = [role in effective_roles(new, new.sections[new.section_at(t)]) for t in mids]
    if change == "out":
        ok = not any(plays)
    elif change in ("up", "down"):
        sign = 1 if change == "up" else -1
        moved = [sign * (_relative(new, new.sections[new.section_at(t)], role)
                         - _relative(old, old.sections[old.section_at(t)], role)) for t in mids]
        ok = all(plays) and all(m > 0.01 for m in moved)
    else:
        added = set(new.instrumentation) - set(old.instrumentation) or \
            {k for k in new.instrumentation if new.instrumentation[k] != old.instrumentation.get(k)}
        ok = bool(added) and _role_of(new, {"instrument": role}) in added
    return ("ok" if ok else "wrong"), r.reply[:200]


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune", label=lambda x: f"{x['style']}, {x['part']} {x['change']}",
                         group=lambda x: x["change"])
    print(f"parts-{half}: {score(kinds, len(rows))} reach the part asked "
          f"({per_group(by, ('out', 'down', 'up', 'in'))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
