"""Which reader a turn takes where the rules grammar and the learned head name different things, decided by how often
each was right there on tune data: `join_table.json`, counts per place of the arbiter and per kind of reading, written
by `python tests/bench/bench_join.py --load ... --write agent/dialogue/join_table.json` (the command and the data it
came from are in the file itself).

    from v2m.agent.dialogue.join import verdict
    verdict("read", "energy_up", "shape_up", 0.91)    # "head": the grammar's energy read where the head hears a build
    verdict("unknown", "ask", "hit", 0.71)             # "head": "what do you mean by X" where the head is sure of a hit

Two places of `arbiter.choose` look here. "read": the grammar read intents of one kind (energy, say) and the head's best
label is another kind (a key: "shape" > "mode"), or the same kind the other way ("="); the row is the grammar's kind >
the head's. "unknown": the grammar read nothing and asks what a word means; the row is the head's label. Each row holds,
for each floor of the head's probability (0.5, 0.7, 0.85, 0.95), the tune turns whose head probability was at least that
floor: how many, how many the head's label was right on, how many the grammar's reading was (its question is right only
where the turn expects one).
The counts are honest: the shipped head never trained on those turns (bank17-tune, a, h..n tune), and the grammar's on
bank17-tune is main 615319a's, before it was tuned on those words (finetune/results/intent-lora.md, join18).

The rule, the same for every row (`decide`):
- "head" when, from a floor the head's probability reaches up, the head was right at least MIN_RIGHT times, on at least
  HEAD_SHARE of the turns, and at least RATIO times as often as the grammar (a surer head is no worse), unless on the
  turns between that floor and the next the grammar was right more often than the head;
- "ask" (one question with both readings) when, on the turns between the highest floor reached and the next (at least
  ASK_TURNS of them), the two were right about as often (within
  CLOSE turns, each at least MIN_CLOSE times) and each on fewer than half of the turns (a reader right on half is no worse than a question);
- else "grammar": the grammar's reading stands (its direction of a balance or a tempo, its places and sizes).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("join_table.json")
FLOORS = (0.5, 0.7, 0.85, 0.95)
MIN_RIGHT = 3      # fewer right turns than this are no evidence that the head reads this kind better
HEAD_SHARE = 0.75  # the head right on this share of the row's turns at least
RATIO = 3          # ... and this many times as often as the grammar
CLOSE, MIN_CLOSE = 1, 2
ASK_TURNS = 10     # a question costs the user a turn each time: asked only on a row of this many turns at least


def kind(label: str) -> str:
    """The kind of edit a label names, without its way: "energy_up" -> "energy", "mode_minor" -> "mode"."""
    return label.rsplit("_", 1)[0] if label.endswith(("_up", "_down", "_major", "_minor")) else label


def row_key(where: str, grammar: str, head: str) -> str:
    """The table's row for a disagreement: "read energy>shape", "read balance>=" (the same kind, the other way),
    "unknown hit"."""
    if where == "unknown":
        return f"unknown {head}"
    g = kind(grammar)
    return f"read {g}>{'=' if g == kind(head) else kind(head)}"


def decide(n: int, head: int, grammar: int) -> str:
    """The rule above on one cell of counts: "head", "ask" or "grammar"."""
    if head >= MIN_RIGHT and head >= HEAD_SHARE * n and head >= RATIO * grammar:
        return "head"
    if n >= ASK_TURNS and min(head, grammar) >= MIN_CLOSE and abs(head - grammar) <= CLOSE and max(head, grammar) < n / 2:
        return "ask"
    return "grammar"


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, list[int]]]:
    """The rows of `join_table.json` ({row: {floor: [turns, head right, grammar right]}}); {} when it is missing."""
    if not TABLE_PATH.is_file():
        return {}
    return json.loads(TABLE_PATH.read_text())["rows"]


def verdict(where: str, grammar: str, head: str, p: float) -> str:
    """Which reading the turn takes where the readers differ: "head", "ask" or "grammar" (no row: the grammar).

    Args:
        where: "read" (the grammar read intents) or "unknown" (it asks what a word means).
        grammar: the label of the grammar's reading (`arbiter.label_of`); "ask" for "unknown".
        head: the head's best label.
        p: its probability.
    """
    cells = table().get(row_key(where, grammar, head), {})
    at = {f: cells.get(str(f), [0, 0, 0]) for f in FLOORS}

    def band(k: int) -> list[int]:   # the turns from this floor up to the next one
        above = at[FLOORS[k + 1]] if k + 1 < len(FLOORS) else [0, 0, 0]
        return [x - y for x, y in zip(at[FLOORS[k]], above)]
    reached = [k for k, f in enumerate(FLOORS) if p >= f]
    if any(decide(*at[FLOORS[k]]) == "head" and band(k)[1] >= band(k)[2] for k in reached):
        return "head"
    return decide(*band(reached[-1])) if reached and band(reached[-1])[0] else "grammar"
