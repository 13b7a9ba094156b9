"""fold14: twin code folded into one place (tests/review_harness.py, patterns' sentence marks, one tie reading per
turn); the one behaviour it changes is a sentence cut inside a time, tested here with the user's words."""

from __future__ import annotations

import pytest
from edit_clips import tempo_at

from v2m.agent.dialogue import drops
from v2m.agent.dialogue.operations import effective_roles


@pytest.fixture
def session(jazz_long):
    return jazz_long


def test_drop_the_beat_at_a_time_with_a_point_is_one_sentence():
    # before: "[.!?]" ended the sentence inside "0:06.5": '5 at 0:06. the drop'
    assert drops.answered("drop the beat at 0:06.5. the drop") == "the drums should kick in at 0:06.5"
    assert drops.answered("drop the beat at 0:20.0. no, take the drums out") == "take the drums out at 0:20.0"


def test_the_drop_answered_after_a_time_with_a_point_is_read_with_the_question(session):
    # before: the answer was read alone, 'drop' as a style: "Style jazz -> reggae; tempo 139.4 -> 96 BPM"
    assert session.say("drop the beat at 0:22.5").question
    turn = session.say("the drop")
    at = next(s for s in session.plan.sections if s.start_s <= 22.5 < s.end_s)
    assert turn.changed and session.plan.style == "jazz" and "drums" in effective_roles(session.plan, at), turn.reply
    assert "0:22.5" in turn.reply, turn.reply


@pytest.mark.parametrize("said, check", [
    ("the second shot drags", lambda old, new: tempo_at(new, 6) > tempo_at(old, 6) and tempo_at(new, 10) == tempo_at(old, 10)),
    ("everybody stops dead at 0:24", lambda old, new: any(h.kind == "stop" and abs(h.time_s - 24) < 0.1
                                                        for h in new.hit_points))])
def test_a_moment_told_that_is_an_edit_is_read_once(session, monkeypatch, said, check):
    # before: read three times in the turn (`edit` and `understand` each asked whether the grammar reads an edit in it,
    # then `understand` read it again to act on it); the same edit from one reading (`readings`)
    from v2m.agent.dialogue import understanding

    read, calls = understanding.heard, []
    monkeypatch.setattr(understanding, "heard", lambda *a, **k: calls.append(a[2]) or read(*a, **k))
    old = session.plan
    turn = session.say(said)
    assert turn.changed and check(old, session.plan), turn.reply
    assert len(calls) == 1, calls
