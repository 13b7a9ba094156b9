"""What the eleventh session's merges got wrong between branches, each in a user's words and one of our own."""

from __future__ import annotations

import pytest

from edit_clips import bikes, make_analysis
from v2m.agent.dialogue.session import Session


def _hits(plan):
    return [(round(h.time_s, 2), h.kind) for h in plan.hit_points]


@pytest.fixture
def session(tmp_path):
    return Session.open("bikes.mp4", "jazz", workdir=tmp_path / "store", analysis=bikes(), render=False)


@pytest.mark.parametrize("said", ["And the last shot, let the music stop there completely, with a bang",
                                  "in the last shot the music should just stop there, with a crash"])
def test_a_stop_there_in_a_shot_named_after_a_hit_is_that_shot_s(session, said):
    # review11 reads "there" after a hit as the hit's moment; a clause naming its own shot keeps that shot (h11b)
    session.say("hit the cut at 0:03")
    turn = session.say(said)
    assert (9.68, "stop") in _hits(session.plan), turn.reply
    assert (3.04, "stop") not in _hits(session.plan)


def test_a_stop_there_right_after_a_hit_is_at_the_hit(session):
    session.say("a big crash at 0:05")
    turn = session.say("and the music should stop dead there")
    assert any(k == "stop" and abs(t - 5.48) < 0.6 for t, k in _hits(session.plan)), turn.reply


def test_a_stop_said_with_a_crash_in_a_long_shot_is_a_stop(tmp_path):
    a = make_analysis(30.0, 25.0, [150, 325, 525], source="four.mp4")
    s = Session.open(a.source, "tense lofi music", workdir=tmp_path / "store", analysis=a, render=False)
    turn = s.say("in the final shot the music should stop, with a crash")
    assert (21.0, "stop") in _hits(s.plan), turn.reply


def test_building_tension_at_a_place_is_still_a_build_after_i11d(tmp_path):
    # left11b: "build tension in the second half" rises there; i11d had made "build tension" plain more energy
    from edit_clips import long_clip

    s = Session.open("sixty.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(60.0, 4.0), render=False)
    s.say("build tension across the second half please")
    es = [x.energy for x in s.plan.sections if x.start_s >= 29.9]
    assert len(es) > 1 and es[-1] > es[0]


def test_silence_in_a_sliver_of_a_last_shot_moved_to_two_shots_is_silence_there(session):
    # readfix11b: silence in bikes' 0.3 s last shot is a stop on its cut; moved ("I meant the last two shots") it is
    # no music over the two shots, not a stop that the next cut's accent ends
    session.say("the final shot has to be silent")
    turn = session.say("sorry, I meant the last two shots")
    plan = session.plan
    assert not plan.sections[plan.section_at(8.0)].music and not plan.sections[plan.section_at(9.85)].music, turn.reply
    assert plan.sections[plan.section_at(7.0)].music


@pytest.mark.parametrize("said, down", [("can you take the tempo down a few more bpm", True),
                                        ("bring the tempo up a couple more bpm", False), ("more bpm please", False)])
def test_a_few_more_bpm_is_an_amount_not_a_direction(tmp_path, said, down):
    # i11d's "more bpm" (faster) made "take the tempo down a few more bpm" ask "faster or slower?" (talk bank, tune)
    from edit_clips import long_clip

    s = Session.open("sixty.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(60.0, 4.0), render=False)
    before = s.plan.tempo_bpm
    s.say(said)
    assert (s.plan.tempo_bpm < before) if down else (s.plan.tempo_bpm > before)


@pytest.mark.parametrize("said", ["the music should stop in shot 3", "the music needs to drop out in shot 3"])
def test_the_music_said_with_should_before_stopping_at_a_place_is_silence_there(tmp_path, said):
    # readfix11b left: "the music should stop in the last shot" asked (silence.OUT_RE had no modal before the verb)
    from edit_clips import long_clip

    s = Session.open("sixty.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(60.0, 4.0), render=False)
    turn = s.say(said)
    assert not s.plan.sections[s.plan.section_at(10.0)].music, turn.reply
    assert s.plan.sections[s.plan.section_at(6.0)].music and s.plan.sections[s.plan.section_at(14.0)].music


def test_a_stop_there_beside_an_edit_at_another_place_stays_at_the_hit(tmp_path):
    # second read-back: the request's own place ("shot 6") came after "there", for the other edit; the stop was dropped
    from edit_clips import long_clip

    s = Session.open("sixty.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(60.0, 4.0), render=False)
    s.say("a stab at 0:14")
    tempo = s.plan.sections[s.plan.section_at(22.0)].tempo_bpm or s.plan.tempo_bpm
    turn = s.say("put a stop there and make shot 6 slower")
    assert (14.0, "stop") in _hits(s.plan), turn.reply
    assert (s.plan.sections[s.plan.section_at(22.0)].tempo_bpm or s.plan.tempo_bpm) < tempo


@pytest.mark.parametrize("mark, fix, at", [("a hard stop at 0:20", "sorry, I meant shot 8", 28.0),
                                           ("stop dead at 0:12", "no, I meant the fifth shot", 16.0)])
def test_a_stop_asked_as_a_mark_moved_to_a_shot_is_a_stop_there(tmp_path, mark, fix, at):
    # second read-back: readfix11b's move of a stop for silence made a stop asked as a mark 4 s of silence
    from edit_clips import long_clip

    s = Session.open("sixty.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(60.0, 4.0), render=False)
    s.say(mark)
    turn = s.say(fix)
    assert (at, "stop") in _hits(s.plan), turn.reply
    assert all(x.music for x in s.plan.sections if x.start_s < at - 0.1)
