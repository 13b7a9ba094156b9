"""Amounts: does a change come out the size its request says? Over the amounts bank (tests/amounts_bank/*.yaml:
requests written blind to the code, each asking one change to the whole jazz score on a 30 s clip, with its kind,
direction and size: small / medium / large, or an exact amount: a tempo in BPM, a change by N BPM or N percent, N dB),
each request is said once to a fresh chat Session and the plan measured.

    python tests/bench/bench_amounts.py                  # totals for amounts-tune and amounts-val
    python tests/bench/bench_amounts.py --half tune -v   # and every missed tune item with what happened

A size is judged against the chat's three steps (tempo 8/15/30 %, energy 0.1/0.2/0.3, loudness 2/3/6 dB, a part's
level 3/5/8 dB): the change must fall between the midpoints around its step. An exact amount must be met within
1 BPM, 1 percent or 0.5 dB. Nothing but the asked quantity may change (tempo, energy, loudness, parts' levels).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_parts import _relative  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "amounts_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
# upper bounds of small and medium for each quantity: midpoints between the chat's steps
BINS = {"tempo": (0.115, 0.225), "energy": (0.15, 0.25), "loudness": (2.5, 4.5), "level": (4.0, 6.5)}
SIZES = ("small", "medium", "large")


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def measures(plan, times: list[float]) -> dict:
    """tempo per time, energy per time, the plan's loudness, and each role's level against the others per time."""
    from v2m.agent.dialogue.operations import effective_roles

    secs = [plan.sections[plan.section_at(t)] for t in times]
    roles = sorted({r for s in secs for r in effective_roles(plan, s)})
    return {"tempo": [s.tempo_bpm or plan.tempo_bpm for s in secs], "energy": [s.energy for s in secs],
            "loudness": [plan.loudness_lufs], **{f"level:{r}": [round(_relative(plan, s, r), 2) for s in secs]
                                                 for r in roles}}


def absolute_levels(plan, times: list[float], but: str | None = None) -> list[dict]:
    """Each part's own level offset per time (the part `but` left out)."""
    return [{r: v for r, v in plan.sections[plan.section_at(t)].levels_db.items() if r != but and abs(v) > 1e-9}
            for t in times]


def size_of(what: str, old: list[float], new: list[float]) -> tuple[float, str]:
    """The largest change across the times (relative for tempo) and its size class."""
    if what == "tempo":
        d = max(abs(n / o - 1) for o, n in zip(old, new))
    else:
        d = max(abs(n - o) for o, n in zip(old, new))
    small, medium = BINS[what]
    return d, ("small" if d <= small else "medium" if d <= medium else "large")


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    a, s = chat(CLIP, "jazz", workdir)
    times = [(sh.start_s + sh.end_s) / 2 for sh in a.shots]
    old = s.plan
    r = s.say(item["text"])
    if miss := outcome(r, old, s.plan):
        return miss, r.reply[:160]
    was, now = measures(old, times), measures(s.plan, times)
    what = item["what"]
    key = f"level:{item['part']}" if what == "level" else what
    moved = {k for k in was if was[k] != now.get(k) and not k.startswith("level:")}
    if absolute_levels(old, times, item.get("part")) != absolute_levels(s.plan, times, item.get("part")):
        moved.add("levels")
    if key not in now or moved - {key}:
        return "wrong", f"changed {sorted(moved)}: {r.reply[:160]}"
    sign = 1 if item["direction"] == "up" else -1
    if not all(sign * (n - o) > 1e-6 for o, n in zip(was[key], now[key])):
        return "wrong", f"{key} {was[key]} -> {now[key]}: {r.reply[:160]}"
    _, size = size_of(what, was[key], now[key])
    if "size" in item:
        ok = size == item["size"]
        want = item["size"]
    elif "bpm" in item:
        ok, want = all(abs(n - item["bpm"]) <= 1 for n in now[key]), f"{item['bpm']} BPM"
    elif "by_bpm" in item:
        ok, want = all(abs(abs(n - o) - item["by_bpm"]) <= 1 for o, n in zip(was[key], now[key])), f"by {item['by_bpm']} BPM"
    elif "percent" in item:
        ok, want = all(abs(abs(n / o - 1) * 100 - item["percent"]) <= 1 for o, n in zip(was[key], now[key])), \
            f"by {item['percent']}%"
    else:
        ok, want = all(abs(abs(n - o) - item["db"]) <= 0.5 for o, n in zip(was[key], now[key])), f"by {item['db']} dB"
    return ("ok" if ok else "wrong"), f"{key} {was[key]} -> {now[key]} ({size}), want {want}: {r.reply[:120]}"


def exact(x: dict) -> str:
    return next((k for k in ("size", "bpm", "by_bpm", "percent", "db") if k in x), "?")


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: f"{x['what']}{' ' + x['part'] if 'part' in x else ''} {x['direction']} "
                                         f"{x.get('size') or exact(x) + ' ' + str(x[exact(x)])}",
                         group=lambda x: x.get("size") or "exact")
    print(f"amounts-{half}: {score(kinds, len(rows))} the size asked "
          f"({per_group(by, (*SIZES, 'exact'))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
