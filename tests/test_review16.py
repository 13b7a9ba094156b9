"""review16: ten long chats by ten voices not used before (tests/review16_talks.py), written before reading the
code, each turn checked against what a careful user expects (dialogue_check's kinds and the chats' own checks).
One run of each chat (a real Session, no rendering); a test per turn reads it."""

from __future__ import annotations

from functools import cache

import pytest
from dialogue_check import Midi, check_turn, clip_analysis
from dialogue_honesty import honesty
from edit_clips import _open
from review16_talks import TALKS
from review_harness import C

BY_ID = {t["id"]: t for t in TALKS}
XFAIL: dict[tuple[str, int], str] = {}


@cache
def run(talk_id: str) -> tuple:
    """Every turn's failures (a tuple of strings) and its honesty note, in order."""
    import tempfile
    from pathlib import Path

    d = BY_ID[talk_id]
    a = clip_analysis(d["clip"])
    midis: dict[str, Midi] = {}

    def midi(p):
        k = p.model_dump_json()
        if k not in midis:
            midis[k] = Midi(p, a)
        return midis[k]

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        s = _open(Path(tmp), d["request"], a)
        v = [s.plan]
        for say, expects in d["turns"]:
            old = s.plan
            turn = s.say(say)
            v.append(s.plan)
            fails = []
            for e in expects:
                try:
                    if isinstance(e, dict):
                        fails += check_turn(e, old, s.plan, v, turn, a, lambda o=old, n=s.plan: (midi(o), midi(n)))[0]
                    elif not e[1](C(old, s.plan, v, turn, a)):
                        fails.append(e[0])
                except Exception as x:  # a broken check is a failed turn, with the reason
                    fails.append(f"{type(x).__name__}: {x}")
            if fails:
                fails.append(f"reply: {turn.reply}")
            out.append((tuple(fails), honesty(turn, old, s.plan)))
    return tuple(out)


CASES = [pytest.param(t["id"], n, id=f"{t['id']}-{n + 1}",
                      marks=[pytest.mark.xfail(reason=XFAIL[(t["id"], n + 1)], strict=True)]
                      if (t["id"], n + 1) in XFAIL else [])
         for t in TALKS for n in range(len(t["turns"]))]


def test_ten_chats_of_seven_turns():
    assert len(TALKS) == 10 and all(len(t["turns"]) == 7 for t in TALKS)


@pytest.mark.parametrize("talk_id,n", CASES)
def test_turn(talk_id, n):
    fails, _ = run(talk_id)[n]
    assert not fails, f"'{BY_ID[talk_id]['turns'][n][0]}': " + "; ".join(fails)


if __name__ == "__main__":  # a summary: python tests/test_review16.py
    total = good = 0
    for t in TALKS:
        for n, (f, h) in enumerate(run(t["id"])):
            total, good = total + 1, good + (not f)
            print(("ok  " if not f else "FAIL") + f" {t['id']}-{n + 1}: {t['turns'][n][0][:70]}" +
                  ("" if not f else "\n      " + "\n      ".join(f)) + (f"\n      (honesty: {h})" if h else ""))
    print(f"{good}/{total}")
