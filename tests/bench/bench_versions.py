"""Pointing back: does a request that refers to an earlier version bring back what it names, and only that? Over
the versions bank (tests/versions_bank/*.yaml: requests written blind to the code), each request is said after
the same four edits of the jazz score on a 30 s clip (version 1 the first score; 2 "make it slower"; 3 "take the
drums out"; 4 "add some strings"; 5 "more intense in the last shot"). An item is `whole: N` (the whole score as in
version N) or `thing: tempo|drums|strings|ending` with `as_in: N` (that one thing as in version N, everything else
as in version 5). What is compared: the tempo, whether drums and strings play (per shot) and the last shot's energy.

    python tests/bench/bench_versions.py                  # totals for versions-tune and versions-val
    python tests/bench/bench_versions.py --half tune -v   # and every missed tune item with what happened
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "versions_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
HISTORY = ("make it slower", "take the drums out", "add some strings", "more intense in the last shot")
THINGS = ("tempo", "drums", "strings", "ending")


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def signature(plan, times: list[float]) -> dict:
    """What the bank's items can name, measured on a plan: tempo, drums and strings per shot, the ending's energy."""
    from v2m.agent.dialogue.operations import effective_roles

    secs = [plan.sections[plan.section_at(t)] for t in times]
    roles = [effective_roles(plan, s) for s in secs]
    return {"tempo": tuple(round(s.tempo_bpm or plan.tempo_bpm, 1) for s in secs),
            "drums": tuple("drums" in r for r in roles), "strings": tuple("strings" in r for r in roles),
            "ending": round(secs[-1].energy, 3)}


def session(workdir: Path):
    """A chat on the jazz score after the four scripted edits, its analysis and its five versions' signatures."""
    a, s = chat(CLIP, "jazz", workdir)
    times = [(sh.start_s + sh.end_s) / 2 for sh in a.shots]
    sigs = [signature(s.plan, times)]
    for text in HISTORY:
        r = s.say(text)
        sigs.append(signature(s.plan, times))
        if getattr(r, "question", None) or sigs[-1] == sigs[-2]:
            raise SystemExit(f"bench_versions: the scripted edit {text!r} did not change the score: {r.reply}")
    return s, times, sigs


def expected(item: dict, sigs: list[dict]) -> dict:
    if "whole" in item:
        return sigs[item["whole"] - 1]
    return {**sigs[-1], item["thing"]: sigs[item["as_in"] - 1][item["thing"]]}


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    s, times, sigs = session(workdir)
    old = s.plan
    r = s.say(item["text"])
    if miss := outcome(r, old, s.plan):
        return miss, r.reply[:160]
    got, want = signature(s.plan, times), expected(item, sigs)
    off = [k for k in want if got[k] != want[k]]
    if not off:
        return "ok", r.reply[:160]
    return "wrong", "; ".join(f"{k} {got[k]} (want {want[k]})" for k in off) + f": {r.reply[:160]}"


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: f"whole {x['whole']}" if "whole" in x else f"{x['thing']} as in {x['as_in']}",
                         group=lambda x: "whole" if "whole" in x else x["thing"])
    print(f"versions-{half}: {score(kinds, len(rows))} back to what was named "
          f"({per_group(by, ('whole', *THINGS))}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
