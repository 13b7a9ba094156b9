"""What the tenth session's merges put right, each with the sentence that showed it (the branches were each right
alone; together they disagreed)."""

from __future__ import annotations

import pytest

from edit_clips import open_chat, tempo_at


@pytest.mark.parametrize("said", ["opening should be slower, the suspense comes later",
                                  "slower in the intro please, the thriller part is later"])
def test_the_scores_own_scene_said_at_a_place_is_no_question_of_style(tmp_path, said):
    # left10b opens "tense thriller" as cinematic; a thriller word at a place then asked to switch the whole score
    # to the style it already has (cultures.read)
    s = open_chat(tmp_path, "tense thriller music")
    assert s.plan.style == "cinematic"
    before = s.plan
    turn = s.say(said)
    assert not turn.question, turn.reply
    assert tempo_at(s.plan, 3) < tempo_at(before, 3) and tempo_at(s.plan, 25) == tempo_at(before, 25), turn.reply


def test_another_styles_scene_at_a_place_still_asks(tmp_path):
    s = open_chat(tmp_path, "jazz")
    before = s.plan
    turn = s.say("in shot 2 slower, like a thriller")
    assert turn.question and "cinematic" in turn.reply and s.plan == before, turn.reply


def test_a_complaint_of_speed_after_a_part_turned_up_is_its_own_edit(tmp_path):
    # left10a made "more drums in shot 2" a level move; fold10's overdone reader then halved it on "too slow now"
    s = open_chat(tmp_path, "tense lofi music")
    s.say("more drums in shot 2")
    before = s.plan
    turn = s.say("too slow now")
    assert tempo_at(s.plan, 9) > tempo_at(before, 9), turn.reply
    assert [x.levels_db for x in s.plan.sections] == [x.levels_db for x in before.sections], turn.reply
