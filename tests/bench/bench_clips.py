"""Many clips and scores: does a change land where the person counted it on THEIR clip ("after the 5th cut",
"the last 10 seconds" of a 2-minute clip with nine cuts) and on THEIR score (lofi, epic trailer, bossa nova...)?
Over the clips bank (tests/clips_bank/*.yaml: messages written blind to the code, each with its own opening
request and its own synthetic clip (duration and cuts), and one or two changes of energy, tempo or loudness, or a
build or fade, each with its stretch), each item's score is opened with its request on its clip, the message
said once, and judged exactly as bench_combos judges (each change lands on its stretch, snapped to a cut or not;
nothing moves outside every stretch; a build or fade rises or falls across its stretch).

    python tests/bench/bench_clips.py                  # totals for clips-tune and clips-val
    python tests/bench/bench_clips.py --half tune -v   # and every missed tune item with what happened
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import main as bank_main  # noqa: E402
from bank_run import per_group, score  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_combos import judged  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "clips_bank"


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    clip = {"duration": item["clip"]["duration"], "cuts": list(item["clip"]["cuts"])}
    return judged(item, workdir, clip, item["request"])


def _label(x: dict) -> str:
    edits = ", ".join(f"{e['kind']} {e.get('direction', '')} {e['span']}" for e in x["edits"])
    return f"{x['request']} on {x['clip']['duration']} s, cuts {x['clip']['cuts']}: {edits}"


def _group(x: dict) -> str:
    if any(e["kind"] in ("build", "fade") for e in x["edits"]):
        return "shape"
    return "two" if len(x["edits"]) > 1 else "one"


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune", label=_label, group=_group)
    print(f"clips-{half}: {score(kinds, len(rows))} every change landed and nothing else "
          f"({per_group(by, ('one', 'two', 'shape'))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
