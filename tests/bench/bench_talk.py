"""Talk: questions about the score, thanks, and requests asked as questions. Over the talk bank
(tests/talk_bank/*.yaml: messages written blind to the code, each said after "make it slower" on the jazz score of
a 30 s clip with cuts at 6, 13 and 21 s), each message is said once to a fresh chat Session.

    python tests/bench/bench_talk.py                  # totals for talk-tune and talk-val
    python tests/bench/bench_talk.py --half tune -v   # and every missed tune item with what happened

- answer: the plan does not change and the reply holds the fact asked: the tempo (a number within 1 BPM), the key
  (tonic and mode), the style's name, at least three of the parts playing, what changed (the tempo or slower),
  or at least two of the cut times;
- thanks: the plan does not change and the reply asks nothing back (no '?');
- edit: the change asked (energy, tempo or loudness, up or down) lands over the whole score.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bank_run import chat, outcome, per_group, score  # noqa: E402
from bank_run import main as bank_main  # noqa: E402
from bank_run import run as run_bank  # noqa: E402
from bench_combos import _landed  # noqa: E402
from bench_places import STEP, _state  # noqa: E402

from v2m.finetune.intent_human import bank_items  # noqa: E402

BANK = Path(__file__).resolve().parents[1] / "talk_bank"
CLIP = {"duration": 30, "cuts": [6, 13, 21]}
FIRST = "make it slower"
REPLIES = ("answer", "thanks", "edit")
# words a reply may use for a part, besides its role and its General MIDI name
PART_WORDS = {"harmony": ("piano", "keys", "chords", "harmony"), "melody": ("sax", "melody", "lead"),
              "drums": ("drum", "kit"), "bass": ("bass",)}


def items(half: str) -> list[dict]:
    return bank_items(half, BANK)


def _seconds(reply: str) -> list[float]:
    """Every number or m:ss time in the reply, in seconds for times."""
    out = []
    for m in re.finditer(r"(\d+):(\d\d(?:\.\d+)?)|(\d+(?:\.\d+)?)", reply):
        out.append(int(m[1]) * 60 + float(m[2]) if m[1] else float(m[3]))
    return out


def _holds(about: str, plan, reply: str) -> bool:
    from v2m.agent.dialogue.operations import effective_roles
    from v2m.tools.style import load_style

    low, nums = reply.lower(), _seconds(reply)
    if about == "tempo":
        return any(abs(n - plan.tempo_bpm) <= 1 for n in nums)
    if about == "key":
        return bool(re.search(rf"\b{re.escape(plan.key)}(?![#b\w])", reply)) and plan.mode in low
    if about == "style":
        return plan.style.replace("_", " ") in low
    if about == "parts":
        band = {**load_style(plan.style).instruments, **plan.instrumentation}
        roles = {r for s in plan.sections for r in effective_roles(plan, s)}
        named = [r for r in roles if any(w in low for w in (*PART_WORDS.get(r, (r,)), band.get(r, r).lower()))]
        return len(named) >= min(3, len(roles))
    if about == "changes":
        return "tempo" in low or "slow" in low
    return sum(any(abs(n - c) <= 0.5 for n in nums) for c in CLIP["cuts"]) >= 2


def judge(item: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", what happened) for one item."""
    a, s = chat(CLIP, "jazz", workdir)
    s.say(FIRST)
    p1 = s.plan
    r = s.say(item["text"])
    p2, reply = s.plan, r.reply
    grid = [k * STEP + STEP / 2 for k in range(int(a.duration_s / STEP))]
    still = all(_state(p1, t) == _state(p2, t) for t in grid) and (p1.loudness_lufs, p1.key, p1.mode, p1.style) == \
        (p2.loudness_lufs, p2.key, p2.mode, p2.style)
    if item["reply"] == "answer":
        if not still:
            return "wrong", "the plan changed: " + reply[:200]
        return ("ok" if _holds(item["about"], p2, reply) else "wrong"), f"no {item['about']} in: " + reply[:200]
    if item["reply"] == "thanks":
        if not still:
            return "wrong", "the plan changed: " + reply[:200]
        return ("asked" if "?" in reply else "ok"), reply[:200]
    if miss := outcome(r, p1, p2):
        return miss, reply[:160]
    edit = {"kind": item["kind"], "direction": item["direction"], "span": [0, 30]}
    why = _landed(edit, p1, p2, grid, True)
    return ("wrong" if why else "ok"), (f"{why}: " if why else "") + reply[:200]


def run(half: str, verbose: bool) -> None:
    rows = items(half)
    kinds, by = run_bank(rows, judge, verbose and half == "tune",
                         label=lambda x: " ".join(str(x.get(k, "")) for k in ("reply", "about", "kind", "direction")),
                         group=lambda x: x["reply"])
    print(f"talk-{half}: {score(kinds, len(rows))} answered, thanked or changed as meant "
          f"({per_group(by, REPLIES)}); asked {kinds['asked']}, nothing changed {kinds['nothing']}, "
          f"wrong {kinds['wrong']}")


def main(argv: list[str]) -> int:
    return bank_main(argv, run)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
