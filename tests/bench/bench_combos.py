"""Several changes in one message, and shapes over time: does each change land, on its own stretch, and nothing
else move? Over the combos bank (tests/combos_bank/*.yaml: requests written blind to the code, each asking two or
three changes, or a build or fade, each with its kind and stretch on a 30 s clip with cuts at 6, 13 and 21 s),
each request is said once to a fresh chat Session on the jazz score and the plan measured every 0.25 s.

    python tests/bench/bench_combos.py                  # totals for combos-tune and combos-val
    python tests/bench/bench_combos.py --half tune -v   # and every missed tune item with what happened

Each stretch may snap to the nearest cut (edits follow shots): the seconds between the stretch and its snapped
ends may change or not; inside both, the change must show at every moment; outside every stretch (0.75 s margin)
nothing may change. A build (fade) is energy rising (falling) across its stretch, never stepping back.
An item is "ok" when every one of its changes lands and nothing else moved.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_parts import _relative  # noqa: E402
from bench_places import STEP, TOL, _state  # noqa: E402
from dialogue_check import _role_of  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "combos_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
KINDS = ("energy", "tempo", "loudness", "part_out", "part_in", "level", "build", "fade")
SHAPE_RISE = 0.05      # a build's energy gains at least this across its stretch
SHAPE_SLIP = 0.02      # and never falls back by more than this from one moment to the next


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def _snap(x: float, bounds: list[float]) -> float:
    return min(bounds, key=lambda b: abs(b - x))


def stretches(span, bounds: list[float]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(core, hull): where the change must show, and where it may (the stretch or its snapped ends, widest)."""
    a, b = span
    sa, sb = _snap(a, bounds), _snap(b, bounds)
    return (max(a, sa), min(b, sb)), (min(a, sa) - TOL, max(b, sb) + TOL)


def moments(span, bounds: list[float], grid: list[float]) -> tuple[list[float], tuple[float, float]]:
    """The grid times where a change over `span` must show (inside its core, a step in from each end; its middle
    when none), and its hull."""
    (ca, cb), hull = stretches(span, bounds)
    return [t for t in grid if ca + STEP <= t <= cb - STEP] or [(ca + cb) / 2], hull


def _landed(edit: dict, old, new, times: list[float], whole: bool) -> str | None:
    """None when the change shows at every moment of `times`, else what is off."""
    from v2m.agent.dialogue.operations import effective_roles

    kind, sign = edit["kind"], 1 if edit.get("direction") == "up" else -1
    o = [old.sections[old.section_at(t)] for t in times]
    n = [new.sections[new.section_at(t)] for t in times]
    if kind in ("energy", "tempo", "loudness"):
        tempo = [x.tempo_bpm or new.tempo_bpm for x in n], [x.tempo_bpm or old.tempo_bpm for x in o]
        moved = {"energy": all(sign * (y.energy - x.energy) > 1e-6 for x, y in zip(o, n)),
                 "tempo": all(sign * (y - x) > 1e-6 for y, x in zip(*tempo)),
                 "loudness": whole and sign * (new.loudness_lufs - old.loudness_lufs) > 1e-6}
        ok = moved[kind] or (kind == "loudness" and moved["energy"])
        return None if ok else f"{kind} did not go {edit['direction']}"
    if kind in ("build", "fade"):
        e = [x.energy for x in n] if kind == "build" else [-x.energy for x in n]
        ok = e[-1] - e[0] >= SHAPE_RISE and all(b - a >= -SHAPE_SLIP for a, b in zip(e, e[1:]))
        return None if ok else f"energy across the stretch {[round(x.energy, 2) for x in n]}"
    role = edit.get("part") if kind != "part_in" else _role_of(new, {"instrument": edit["part"]})
    plays = [role in effective_roles(new, x) for x in n]
    if kind == "part_out":
        return None if not any(plays) else f"{role} still plays"
    if kind == "part_in":
        if role is None:
            return f"no {edit['part']} in the band"
        was = [role in effective_roles(old, x) for x in o]
        return None if all(plays) and not all(was) else f"{role} plays {plays} (was {was})"
    moved = [sign * (_relative(new, y, role) - _relative(old, x, role)) for x, y in zip(o, n)]
    return None if all(plays) and all(m > 0.01 for m in moved) else f"{role} level moved {[round(m, 1) for m in moved]}"


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    return judged(item, workdir, CLIP, "jazz")


def judged(item: dict, workdir: Path, clip: dict, request: str) -> tuple[str, str]:
    """The judge on the score `request` of the synthetic clip `clip` (the clips and typos benches share it)."""
    a, s = chat(clip, request, workdir)
    old = s.plan
    r = s.say(item["text"])
    if miss := outcome(r, old, s.plan):
        return miss, r.reply[:160]
    bounds = [0.0, a.duration_s, *[sh.start_s for sh in a.shots]]
    grid = [k * STEP + STEP / 2 for k in range(int(a.duration_s / STEP))]
    off, hulls = [], []
    for edit in item["edits"]:
        times, hull = moments(edit["span"], bounds, grid)
        hulls.append(hull)
        whole = edit["span"][0] <= TOL and edit["span"][1] >= a.duration_s - TOL
        if why := _landed(edit, old, s.plan, times, whole):
            off.append(f"{edit['kind']} {edit['span']}: {why}")
    outside = [t for t in grid if not any(h0 <= t <= h1 for h0, h1 in hulls)]
    moved = [t for t in outside if _state(old, t) != _state(s.plan, t)]
    if moved:
        off.append(f"changed outside the stretches at {moved[0]:.2f}-{moved[-1]:.2f}")
    return ("wrong" if off else "ok"), ("; ".join(off) + ": " if off else "") + r.reply[:200]


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    shaped = ("build", "fade")
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: ", ".join(f"{e['kind']} {e.get('part', '')}{e.get('direction', '')} {e['span']}"
                                                   for e in x["edits"]),
                         group=lambda x: "shape" if any(e["kind"] in shaped for e in x["edits"]) else "plain")
    print(f"combos-{half}: {score(kinds, len(rows))} every change landed and "
          f"nothing else ({per_group(by, ('plain', 'shape'))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
