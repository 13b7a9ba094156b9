"""Hits: does a moment asked to be marked get its hit point, of the sound asked, and nothing else move? Over the
hits bank (tests/hits_bank/*.yaml: messages written blind to the code, each asking one or two marks at a cut or a
said time, a stretch of silence, or a moment left unmarked, on the jazz score of a 30 s clip with cuts at 6, 13
and 21 s), each message is said once to a fresh chat Session.

    python tests/bench/bench_hits.py                  # totals for hits-tune and hits-val
    python tests/bench/bench_hits.py --half tune -v   # and every missed tune item with what happened

- marks: a hit point within 0.35 s of each moment, of the kind asked (an `accent` may be any kind); one already
  there counts (the score marks its cuts with crashes from the start);
- silent [a, b]: no music at every moment between a and b (0.75 s margin at each end);
- unmark at: no hit point within 0.35 s of it.
Nothing else may move: the other hit points, and the sections outside 0.75 s of the moments and stretches named.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_places import STEP, TOL, _state  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "hits_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
NEAR = 0.35          # a hit point this close to the moment marks it
GROUPS = ("mark", "two", "silent", "unmark")


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def group(item: dict) -> str:
    return "silent" if "silent" in item else "unmark" if "unmark" in item else \
        "two" if len(item["marks"]) > 1 else "mark"


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    a, s = chat(CLIP, "jazz", workdir)
    old = s.plan
    r = s.say(item["text"])
    new = s.plan
    if r.question and new == old:
        return "asked", r.reply[:160]
    grid = [k * STEP + STEP / 2 for k in range(int(a.duration_s / STEP))]
    off, spots, hulls = [], [], []
    for m in item.get("marks", []):
        spots.append(m["at"])
        hulls.append((m["at"] - TOL, m["at"] + TOL))
        kinds = [h.kind for h in new.hit_points if abs(h.time_s - m["at"]) <= NEAR]
        if not kinds or (m["kind"] != "accent" and m["kind"] not in kinds):
            off.append(f"no {m['kind']} at {m['at']} (there: {kinds or 'nothing'})")
    if "unmark" in item:
        spots.append(item["unmark"])
        if any(abs(h.time_s - item["unmark"]) <= NEAR for h in new.hit_points):
            off.append(f"still a hit at {item['unmark']}")
    if "silent" in item:
        x, y = item["silent"]
        hulls.append((x - TOL, y + TOL))
        sounding = [t for t in grid if x + TOL <= t <= y - TOL and new.sections[new.section_at(t)].music]
        if sounding:
            off.append(f"music at {sounding[0]:.2f}-{sounding[-1]:.2f}")
    others = lambda p: sorted((round(h.time_s, 2), h.kind) for h in p.hit_points  # noqa: E731
                              if not any(abs(h.time_s - t) <= NEAR for t in spots))
    if others(old) != others(new):
        off.append(f"other hit points moved: {others(old)} -> {others(new)}")
    moved = [t for t in grid if not any(h0 <= t <= h1 for h0, h1 in hulls) and _state(old, t) != _state(new, t)]
    if moved:
        off.append(f"sections changed at {moved[0]:.2f}-{moved[-1]:.2f}")
    return ("wrong" if off else "ok"), ("; ".join(off) + ": " if off else "") + r.reply[:200]


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: str(x.get("marks") or x.get("silent") or f"unmark {x.get('unmark')}"),
                         group=group)
    print(f"hits-{half}: {score(kinds, len(rows))} marked as asked and nothing else ({per_group(by, GROUPS)}); "
          f"asked {kinds['asked']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
