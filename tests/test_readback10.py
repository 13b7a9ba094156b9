"""What the read-back of the tenth session's merged work found, each with the sentence that showed it."""

from __future__ import annotations

import pytest

from dialogue_check import clip_analysis
from edit_clips import open_chat, tempo_at

from v2m.agent.dialogue.session import Session


def _long(tmp_path, request="jazz"):
    a = clip_analysis({"duration": 120, "cuts": [20, 40, 60, 80, 100]})
    return Session.open(a.source, request, workdir=tmp_path, analysis=a, render=False)


@pytest.mark.parametrize("said, at", [("a crash at 90s", 90), ("add a stab at 70s", 70), ("a crash around 70s", 70)])
def test_seconds_after_a_time_word_are_no_decade(tmp_path, said, at):
    # the eras' scenes (rock's "90s", funk's "70s") switched the whole style on a mark's time
    s = _long(tmp_path)
    turn = s.say(said)
    assert s.plan.style == "jazz" and any(abs(h.time_s - at) < 0.5 for h in s.plan.hit_points), turn.reply


def test_a_decade_said_as_a_decade_still_calls_its_style(tmp_path):
    s = _long(tmp_path)
    turn = s.say("make it sound like the 90s")
    assert s.plan.style == "rock", turn.reply


def test_a_shots_number_is_no_phone_too(tmp_path):
    # review10's "2 much" -> "too much" ate "shot 2 much slower"
    s = _long(tmp_path)
    before = s.plan
    turn = s.say("shot 2 much slower")
    assert tempo_at(s.plan, 30) < tempo_at(before, 30) and tempo_at(s.plan, 70) == tempo_at(before, 70), turn.reply


def test_suspense_on_a_score_is_its_mood_not_a_new_style(tmp_path):
    s = open_chat(tmp_path, "jazz")
    turn = s.say("make it more suspenseful")
    assert s.plan.style == "jazz" and turn.changed, turn.reply


@pytest.mark.parametrize("opening", ["suspenseful music", "a suspense thriller"])
def test_a_suspense_opening_is_still_cinematic(tmp_path, opening):
    assert open_chat(tmp_path, opening).plan.style == "cinematic"


def test_a_state_wished_for_is_no_complaint(tmp_path):
    # clips10's terse "a bit calm at the start" (too calm) read "a little calm at the start would be nice" backwards
    s = open_chat(tmp_path, "jazz")
    before = s.plan
    turn = s.say("a little calm at the start would be nice")
    e = lambda p: p.sections[p.section_at(3)].energy
    assert e(s.plan) < e(before), turn.reply


def test_make_this_silent_asks_where_and_switches_no_style(tmp_path):
    s = open_chat(tmp_path, "jazz")
    before = s.plan
    turn = s.say("make this silent")
    assert turn.question and s.plan == before, turn.reply


@pytest.mark.parametrize("back, at", [("bring the music back at 0:15", 15), ("the music comes back in at 0:17", 17)])
def test_music_brought_back_after_a_stop_is_silent_from_the_stop_only(tmp_path, back, at):
    # readfix10's left wording: a cue IN after a stop said in an earlier turn silenced 0:00 up to the IN
    s = open_chat(tmp_path, "jazz")
    s.say("the music stop at 0:10")
    turn = s.say(back)
    music = lambda t: s.plan.sections[s.plan.section_at(t)].music
    assert music(5) and music(8) and not music(12) and not music(at - 0.5) and music(at + 1), turn.reply
