"""Messy writing: are changes typed with misspellings, phone shorthand, learner grammar or dictation errors
("pls make the secnd shot abit slowr") read as the same changes written cleanly? Over the typos bank
(tests/typos_bank/*.yaml: messages written blind to the code, each with one to three changes labelled as in the
combos bank, on the jazz score of a 30 s clip with cuts at 6, 13 and 21 s), each message is said once to a fresh
chat Session and judged exactly as bench_combos judges (each change lands on its stretch, snapped to a cut or
not; nothing moves outside every stretch; a build or fade rises or falls across its stretch).

    python tests/bench/bench_typos.py                  # totals for typos-tune and typos-val
    python tests/bench/bench_typos.py --half tune -v   # and every missed tune item with what happened
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import main as bank_main  # noqa: E402
from bank_run import per_group, score  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_combos import CLIP, judged  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "typos_bank"


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    return judged(item, workdir, CLIP, "jazz")


def _label(x: dict) -> str:
    return ", ".join(f"{e['kind']} {e.get('part', '')}{e.get('direction', '')} {e['span']}" for e in x["edits"])


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune", label=_label,
                         group=lambda x: {1: "one", 2: "two"}.get(len(x["edits"]), "three"))
    print(f"typos-{half}: {score(kinds, len(rows))} every change landed and nothing else "
          f"({per_group(by, ('one', 'two', 'three'))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
