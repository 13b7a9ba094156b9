"""Mends after the eighteenth session's merges (mend18a): each a test that passed before a merge and the branch's own
case, kept both. Written before the mend, through a real chat Session (no rendering).

1. A bare "too much" after an edit that moved only the tempo is that edit part way back (test_left13a), while a
   quality named ("a tad too shouty now", ofix18a) is its own edit.
"""

from __future__ import annotations

import pytest
from edit_clips import long_clip


@pytest.fixture()
def session(tmp_path):
    from v2m.agent.dialogue.session import Session

    a = long_clip()   # 60 s, a cut every 4 s: shots 1-15
    return Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)


@pytest.mark.parametrize("said", ["honestly it's a bit too much", "hmm that's a bit much now", "ok too much lol",
                                  "a tad too much tbh"])
def test_a_bare_too_much_after_faster_steps_back(session, said):
    first = session.plan.tempo_bpm
    session.say("faster")
    faster = session.plan.tempo_bpm
    turn = session.say(said)
    assert first < session.plan.tempo_bpm < faster, turn.reply


@pytest.mark.parametrize("said", ["A couple of our older volunteers found it a tad too shouty now, if that makes sense",
                                  "it's a bit too shouty now"])
def test_a_quality_named_after_quicker_is_its_own_edit(session, said):
    session.say("a smidge quicker")
    quicker = session.plan.tempo_bpm
    turn = session.say(said)
    assert session.plan.tempo_bpm == quicker and turn.changed, turn.reply
