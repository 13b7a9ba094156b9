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
XFAIL: dict[tuple[str, int], str] = {   # left by review16, one line each (not strict: another helper's merge may fix one)
    ("yoga", 2): "a learner's two names for one place ('only in the final, after 0:38'): asked where",
    ("yoga", 3): "follows yoga-2: no flute was added, so none to move",
    ("yoga", 6): "Portuguese verb and article ('Tira o crescendo') not read as taking the crescendo back",
    ("pastor", 3): "dictation's repeat ('the choir the choir voices') hides the correction: the organ is not put back",
    ("ghillie", 1): "Scots 'gaun' (going) not read as the music's state: 'a bit quick' read as a wish, then slowed back",
    ("ghillie", 2): "Scots 'Fae ... aboot 0:22' (from, about): the time beside the picture is not read",
    ("ghillie", 3): "follows ghillie-2: 'no sae much' eases a build never made, the whole score softer",
    ("ghillie", 6): "the hit asked at 0:22 was already there (no edit added it), so 'tak back that hit' finds none to take",
    ("teen", 6): "turn 5's 'like a hype vid' switched the style (the piano gone), so 'take back the piano thing' reads a style",
    ("teen", 7): "'the same calm thing u did at the start' repeats the last edit, not the start's",
    ("shaadi", 3): "a narrowing correction ('only the first shot, the second put back') takes back both shots",
    ("patissier", 2): "'the third plan' (French for shot) is no place: the parts go everywhere",
    ("patissier", 3): "follows patissier-2",
    ("patissier", 4): "follows patissier-2: the violin was taken out everywhere",
    ("patissier", 7): "'the same thing that you did for the second' repeats the last edit at the last place",
    ("colorist", 3): "'roll back four' (shot four's edit) read as a version number: asked which version",
    ("granny", 4): "'the pictures of the cake, the same ones as before' (a place by an earlier turn) not read: piano everywhere",
    ("granny", 5): "'happier and happier, building up to the last picture' not read as a build over the end",
    ("granny", 7): "'all the way through' not read as the whole clip: the violin looked for at the last place",
}


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
                      marks=[pytest.mark.xfail(reason=XFAIL[(t["id"], n + 1)], strict=False)]
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
