"""Part-placement wordings written blind to the code (tests/wordings28): each turn played on the 60 s clip cut every
4 s through a real chat Session with the rules planner; a turn is followed when the role plays exactly in the stretches
it names afterwards (kind D: the role up everywhere it plays and the other role not up), asked when the reply is a
question, wrong otherwise. Held-out files print totals only; -v prints every turn of a tune file.

    python tests/bench/bench_wordings.py tests/wordings28/tune.yaml -v
    python tests/bench/bench_wordings.py tests/wordings28/heldout.yaml
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edit_clips import open_long  # noqa: E402

from v2m.agent.dialogue.operations import effective_roles  # noqa: E402


def outcome(item: dict) -> tuple[str, str]:
    """("followed" | "asked" | "wrong", the reply) for one turn."""
    s = open_long(Path(tempfile.mkdtemp()), item["style"])
    turn = s.say(item["said"])
    if turn.question:
        return "asked", turn.reply
    role = item["role"]
    if item["kind"] == "D":
        levels = [x.levels_db.get(role, 0) for x in s.plan.sections]
        down = item.get("down")
        ok = all(role in effective_roles(s.plan, x) for x in s.plan.sections) and max(levels) > 0 and min(levels) >= 0 \
            and not (down and any(x.levels_db.get(down, 0) > 0 for x in s.plan.sections))
        return ("followed" if ok else "wrong"), turn.reply
    want = [tuple(p) for p in item["plays"]]
    bad = [x.start_s for x in s.plan.sections
           if (role in effective_roles(s.plan, x)) != any(lo - 0.05 <= x.start_s < hi - 0.05 for lo, hi in want)]
    return ("followed" if not bad else "wrong"), turn.reply + (f"  [wrong from {bad[:6]}]" if bad else "")


def main(path: str, verbose: bool) -> None:
    items = yaml.safe_load(Path(path).read_text())
    verbose = verbose and "heldout" not in path   # the held-out split is counted, never read turn by turn
    tally = {"followed": 0, "asked": 0, "wrong": 0}
    for item in items:
        got, reply = outcome(item)
        tally[got] += 1
        if verbose and got != "followed":
            print(f"{got:6s} {item['id']} {item['kind']} {item['style']}: {item['said']!r}\n       -> {reply[:240]!r}")
    print(f"{path}: followed {tally['followed']}/{len(items)} ({100 * tally['followed'] / len(items):.1f}%), "
          f"asked {tally['asked']}, wrong {tally['wrong']}")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
