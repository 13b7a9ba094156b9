"""A part put back as an earlier version had it, said topic first ("rhythm in the end, please go back like first
version", "the drums in market I like more the first time ... change back this"), in the user's words and other
voices of the same meaning (written before the fix): that part as it was before the first edit that changed it,
everything brought in or changed since (a flute, the energy) kept; not the whole first version (which lost the
flute and the key), nor a question."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at, open_long

TIMES = [t + 2.0 for t in range(0, 60, 4)]


@pytest.mark.parametrize("said", [
    "Flute is good. But rhythm in the end, please go back like first version, it was more good",   # p-b-ramen-07 t4
    "Actually the drums in the end I like more the first time, before I said make strong. Change back this",   # p-b-hometown-12 t6
    # other voices
    "the drums at the end were better in the first version, can you go back to that",
    "For the beat in the last shots, I preferred how it was at first. Please change it back.",
    "keep the flute, but the drums, I want them back like the original",
    "the percussion at the end sounded better the first time round, put it back"])
def test_a_part_said_first_goes_back_alone(tmp_path, said):
    chat = open_long(tmp_path, "lofi")
    first = chat.plan
    chat.say("from shot 10 make the drums stronger")
    chat.say("add a flute")
    chat.say("more energy in the first shot")
    last = chat.plan
    assert any(level_at(last, "drums", t) != level_at(first, "drums", t) for t in TIMES)
    turn = chat.say(said)
    assert [level_at(chat.plan, "drums", t) for t in TIMES] == [level_at(first, "drums", t) for t in TIMES], turn.reply
    assert chat.plan.instrumentation == last.instrumentation, turn.reply   # the flute stays
    assert [energy_at(chat.plan, t) for t in TIMES] == [energy_at(last, t) for t in TIMES], turn.reply
    assert not turn.question, turn.reply
