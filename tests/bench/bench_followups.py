"""Follow-ups: does a message that leans on the change before it ("even more", "too much", "same in shot 3",
"no, I meant the end", "the piano too", "perfect") do what it means? Over the follow-ups bank
(tests/followups_bank/*.yaml: messages written blind to the code, each after one of five first changes on the jazz
score of a 30 s clip with cuts at 6, 13 and 21 s), the first change and then the message are said to a fresh chat
Session and the plans before and after the message measured every 0.25 s.

    python tests/bench/bench_followups.py                  # totals for followups-tune and followups-val
    python tests/bench/bench_followups.py --half tune -v   # and every missed tune item with what happened

What each `then` must do (p0 the first score, p1 after the first change, p2 after the message; stretches may
snap to the nearest cut as in bench_combos):
- more: the first change again over its stretch (p1 -> p2 in its direction); nothing else moves;
- less: part of the way back (p1 -> p2 against it, p0 -> p2 still with it); nothing else moves;
- there_too: the first change at `span` too (p1 -> p2), its first stretch kept; nothing else moves;
- instead: the first change at `span` (p0 -> p2) and its first stretch back as in p0; nothing else moves;
- other_part: the first change for `part` as well, over the first stretch; nothing else moves;
- fine: nothing changes and the reply asks nothing back (no '?').
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_combos import _landed, moments  # noqa: E402
from bench_places import STEP, _state  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "followups_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
# the five first changes: what the person said, and the change it made
SETUPS = {
    "slower": ("make it slower", {"kind": "tempo", "direction": "down", "span": [0, 30]}),
    "energy2": ("more energy in the second shot", {"kind": "energy", "direction": "up", "span": [6, 13]}),
    "drums4": ("take the drums out in the last shot", {"kind": "part_out", "part": "drums", "span": [21, 30]}),
    "bass": ("turn the bass up", {"kind": "level", "part": "bass", "direction": "up", "span": [0, 30]}),
    "calm1": ("calmer at the start", {"kind": "energy", "direction": "down", "span": [0, 6]}),
}
THENS = ("more", "less", "there_too", "instead", "other_part", "fine")
ROLE = {"piano": "harmony", "keys": "harmony", "sax": "melody", "saxophone": "melody", "drums": "drums",
        "bass": "bass"}


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def _flip(edit: dict) -> dict:
    return {**edit, "direction": "down" if edit.get("direction") == "up" else "up"}


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    a, s = chat(CLIP, "jazz", workdir)
    p0 = s.plan
    first, edit = SETUPS[item["setup"]]
    s.say(first)
    p1 = s.plan
    r = s.say(item["text"])
    p2, then = s.plan, item["then"]
    bounds = [0.0, a.duration_s, *[sh.start_s for sh in a.shots]]
    grid = [k * STEP + STEP / 2 for k in range(int(a.duration_s / STEP))]
    same = [t for t in grid if _state(p1, t) == _state(p2, t)]
    if then == "fine":
        still = len(same) == len(grid) and p1.loudness_lufs == p2.loudness_lufs
        return ("wrong" if not still else "asked" if "?" in r.reply else "ok"), r.reply[:200]
    if miss := outcome(r, p1, p2):
        return miss, r.reply[:160]
    whole = edit["span"] == [0, 30]
    times, hull = moments(edit["span"], bounds, grid)
    off, hulls = [], [hull]
    if then in ("more", "less"):
        why = _landed(edit if then == "more" else _flip(edit), p1, p2, times, whole)
        if then == "less" and not why:
            why = _landed(edit, p0, p2, times, whole) and "went all the way back or past the start"
        off += [why] if why else []
    elif then in ("there_too", "instead"):
        there, h = moments(item["span"], bounds, grid)
        hulls.append(h)
        if why := _landed(edit, p1 if then == "there_too" else p0, p2, there, False):
            off.append(f"at {item['span']}: {why}")
        back = p1 if then == "there_too" else p0
        kept = [t for t in times if not h[0] <= t <= h[1] and _state(back, t) != _state(p2, t)]
        if kept:
            off.append(f"the first stretch {'changed' if then == 'there_too' else 'not back'} at {kept[0]:.2f}")
    else:
        role = ROLE.get(item["part"].lower(), item["part"])
        if why := _landed({**edit, "part": role}, p1, p2, times, whole):
            off.append(f"{item['part']}: {why}")
    outside = [t for t in grid if not any(h0 <= t <= h1 for h0, h1 in hulls)]
    moved = [t for t in outside if _state(p1, t) != _state(p2, t)]
    if moved:
        off.append(f"changed outside at {moved[0]:.2f}-{moved[-1]:.2f}")
    return ("wrong" if off else "ok"), ("; ".join(off) + ": " if off else "") + r.reply[:200]


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: f"{x['setup']} -> {x['then']} {x.get('span', '')}{x.get('part', '')}",
                         group=lambda x: x["then"])
    print(f"followups-{half}: {score(kinds, len(rows))} did what the message meant ({per_group(by, THENS)}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
