"""Place and part readings the places and parts benches missed (tenth session), each through a real chat Session on
the 30 s synthetic clip cut at 6, 13 and 21 s, in words other than the bench's: a time with a decimal after a counted
cut ("from the first cut to the 17.5 second mark") asked which cut."""

from __future__ import annotations

import pytest
from edit_clips import open_chat


def _tempo(plan, t: float) -> float:
    s = plan.sections[plan.section_at(t)]
    return s.tempo_bpm or plan.tempo_bpm


@pytest.mark.parametrize("said", ["from the first cut to the 17.5 second mark - slower",
                                  "slower between the 1st cut and the 17.5-second mark"])
def test_a_decimal_time_after_a_counted_cut_is_a_time_not_another_cut(tmp_path, said):
    # before: "the 17" before ".5" was read as a bare ordinal ("the 17th cut") and the chat asked which cut
    chat = open_chat(tmp_path, "lofi")
    before = chat.plan
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert _tempo(chat.plan, 3) == _tempo(before, 3)
    assert _tempo(chat.plan, 9) < _tempo(before, 9)
    assert _tempo(chat.plan, 25) == _tempo(before, 25)
