"""fold14: twin code folded into one place (tests/review_harness.py, patterns' sentence marks, one tie reading per
turn); the one behaviour it changes is a sentence cut inside a time, tested here with the user's words."""

from __future__ import annotations

import pytest

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
