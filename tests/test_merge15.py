"""What the fifteenth session's merges broke between branches, found by the whole quick suite, each mended with
its sentence (the branches' own tests passed alone)."""

from __future__ import annotations

import pytest

from edit_clips import energy_at, level_at, open_chat


@pytest.mark.parametrize("said", ["the warm pad behind everything is too much", "the pad under everything is too loud",
                                  "the pad behind it all sounds too much"])
def test_a_part_behind_everything_said_as_a_complaint_goes_down_not_in(tmp_path, said):
    # review15 read "soft strings behind the piano" as a part to add; "the pad behind everything is too much" then
    # turned the pad UP and raised every section's energy (test_places10)
    chat = open_chat(tmp_path, "ambient")
    before = chat.plan
    turn = chat.say(said)
    assert turn.changed, turn.reply
    assert all(level_at(chat.plan, "pad", t) < level_at(before, "pad", t) for t in (3, 17, 25)), turn.reply
    assert all(energy_at(chat.plan, t) <= energy_at(before, t) for t in (3, 17, 25)), turn.reply


def test_soft_strings_behind_the_piano_are_still_added(tmp_path):
    chat = open_chat(tmp_path, "jazz")
    turn = chat.say("add soft strings behind the piano")
    assert "new part" in turn.reply, turn.reply
