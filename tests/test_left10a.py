"""Defects the ninth session left (notes LEFT10, items 1-9), each through a real Session on a synthetic clip, in the
quoted wording and in other words: a sign-off's reply carried `question` ("sounds good, everything else stays"); a
reason said after a part ("can we get hand claps? makes it more fun") read as an edit of its own; "it's a bit much now"
after a part's level, the loudness or a part added; ...
"""

from __future__ import annotations

import pytest
from edit_clips import open_chat


@pytest.fixture()
def session(tmp_path):
    return open_chat(tmp_path, "tense thriller music")   # drums, bass, harmony, melody; minor


def _energy(plan) -> list[float]:
    return [s.energy for s in plan.sections]


# ----------------------------------------------------------------------------- 1. approval asks nothing back

@pytest.mark.parametrize("said", ["sounds good, everything else stays", "lovely, the rest can stay as it is"])
def test_approval_after_an_edit_changes_nothing_and_asks_nothing(session, said):
    # before: the reply was right but the turn carried it as `question` (as if the score needed more to go on)
    session.say("slower in shot 2")
    before = session.plan
    turn = session.say(said)
    assert session.plan == before and not turn.changed
    assert turn.question is None and "?" not in turn.reply, turn.reply
    assert "Nothing changed" in turn.reply, turn.reply


def test_a_question_after_an_edit_is_still_a_question(session):
    session.say("slower in shot 2")
    turn = session.say("make it pop")
    assert turn.question or turn.changed


# ----------------------------------------------------------------------------- 2. a reason is no edit

@pytest.mark.parametrize("said", ["can we get hand claps? makes it more fun", "add a tambourine, gives it a happier vibe"])
def test_a_reason_after_a_part_asked_for_adds_the_part_and_nothing_else(session, said):
    # before: "makes it more fun" was read as its own edit: major mode, faster, more energy everywhere
    before = session.plan
    turn = session.say(said)
    after = session.plan
    assert turn.changed and "percussion" in after.instrumentation and "percussion" not in before.instrumentation
    assert (after.mode, after.key, after.tempo_bpm, _energy(after)) == (before.mode, before.key, before.tempo_bpm,
                                                                       _energy(before))


def test_make_it_more_fun_alone_is_still_an_edit(session):
    before = session.plan
    assert session.say("make it more fun").changed and session.plan != before
