"""Style by culture, era, purpose or reference: does "like a 70s cop show" or "for our wedding" give a style a
careful reader would accept? Over the styles bank (tests/styles_bank/*.yaml: requests written blind to the code,
each with the one to three of v2m's 20 styles a careful reader would accept, best first), each request is said
once to a fresh chat Session on the jazz score of a 30 s clip and the plan's style compared.

    python tests/bench/bench_styles.py                  # totals for styles-tune and styles-val
    python tests/bench/bench_styles.py --half tune -v   # and every missed tune item with what happened
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "styles_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item; "ok" when the style is one accepted."""
    a, s = chat(CLIP, "jazz", workdir)
    old = s.plan
    r = s.say(item["text"])
    if miss := outcome(r, old, s.plan):
        return miss, r.reply[:160]
    if s.plan.style == old.style:
        return "nothing", f"style stays {old.style}: {r.reply[:160]}"
    return ("ok" if s.plan.style in item["styles"] else "wrong"), f"{s.plan.style}: {r.reply[:160]}"


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, _ = run_bank(rows, judge, verbose and half == "tune", label=lambda x: "/".join(x["styles"]))
    print(f"styles-{half}: {score(kinds, len(rows))} a style accepted; "
          f"asked {kinds['asked']}, style unchanged {kinds['nothing']}, another style {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
