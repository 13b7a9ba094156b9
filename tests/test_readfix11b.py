"""What the read-back of the eleventh session's merged diff found (notes READBACK11_REPORT, items 3, 4, 6, 7), each
through a real Session (jazz on a 60 s clip cut every 4 s, or bikes), in the report's wording and in other words:
bikes' 0.3 s last shot silenced 2.2 s of the shot before it and was labelled with that shot's start; "keep it quiet,
then get louder" made a version with nothing changed (now the rise it means); "keep it in minor, it sounds like a thriller" asked about the
key (and "in major it feels like a toy advert, which is what we want" switched to minor); "the ending should be the
same speed as the intro" asked."""

from __future__ import annotations

import pytest


# ----------------------------------------------------------------------------- 3. bikes' last shot

@pytest.mark.parametrize("said", ["stop the music in the last shot", "no music in the final shot"])
def test_the_music_out_in_a_last_shot_too_short_is_a_stop_where_it_is_seen(bikes_chat, said):
    # before: "No music from 0:07.5 to 0:10 (in shot 6 (0:07.5-0:10))": 2.2 s of shot 5 went silent
    before = bikes_chat.plan
    turn = bikes_chat.say(said)
    after = bikes_chat.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(s.music for s in after.sections), turn.reply   # shot 5 still plays
    stops = [h.time_s for h in after.hit_points if h.kind == "stop"]
    assert stops and abs(stops[-1] - 9.68) < 0.05 and len(stops) > len([h for h in before.hit_points if h.kind == "stop"])


@pytest.mark.parametrize("said", ["no drums in the last shot", "the last shot quieter"])
def test_an_edit_in_a_last_shot_too_short_says_where_the_shot_is_and_why_the_one_before_changes(bikes_chat, said):
    # before: "(in shot 6 (0:07.5-0:10))", a start shot 6 does not have
    turn = bikes_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert "shot 6 (0:09.7-0:10" in turn.reply and "too short" in turn.reply and "shot 5" in turn.reply, turn.reply
    assert "shot 6 (0:07.5" not in turn.reply


# ----------------------------------------------------------------------------- 4. a version with nothing changed

@pytest.mark.parametrize("said", ["keep it quiet, then get louder", "keep it soft at first, then build"])
def test_kept_quiet_then_louder_is_a_rise(jazz_long, said):
    # before: a new version with "Nothing changed: the score is as it was."
    before = jazz_long.plan
    turn = jazz_long.say(said)
    energy = [s.energy for s in jazz_long.plan.sections]
    assert turn.changed and not turn.question, turn.reply
    assert energy[0] < before.sections[0].energy and energy[-1] > energy[0] + 0.3, turn.reply


# ----------------------------------------------------------------------------- 6. a mode said as it sounds now

@pytest.mark.parametrize("said", ["Keep it in minor, it sounds like a thriller", "keep it in minor, it feels too sad otherwise",
                                  "let it stay in minor, it feels like a spy film"])
def test_a_mode_kept_with_how_it_sounds_is_that_mode(jazz_long, said):
    # before: "The score is already in F major. Did you mean another key?" (or chords only)
    assert jazz_long.plan.mode == "major"
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert jazz_long.plan.mode == "minor", turn.reply


@pytest.mark.parametrize("said", ["in major it feels like a toy advert, which is what we want",
                                  "in major it sounds like a summer holiday, it suits the picture"])
def test_a_mode_praised_as_it_sounds_stays(jazz_long, said):
    # before: switched to minor
    jazz_long.say(said)
    assert jazz_long.plan.mode == "major"


def test_a_mode_complained_about_still_switches(jazz_long):
    jazz_long.say("in major it sounds like a toy advert")
    assert jazz_long.plan.mode == "minor"


# ----------------------------------------------------------------------------- 7. the same speed as another place

def test_the_ending_the_same_speed_as_the_intro_takes_the_intros_tempo(jazz_long):
    # before: "I didn't follow 'ending intro'" (and at 59acb3d, the intro slowed again)
    jazz_long.say("slower in the intro")
    intro = jazz_long.plan.sections[0].tempo_bpm
    turn = jazz_long.say("the ending should be the same speed as the intro")
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert plan.sections[0].tempo_bpm == intro and plan.sections[-1].tempo_bpm == intro, turn.reply


def test_shots_the_same_tempo_as_another_shot_take_its_tempo(jazz_long):
    jazz_long.say("faster in shot 2")
    shot2 = jazz_long.plan.sections[jazz_long.plan.section_at(5.0)].tempo_bpm
    turn = jazz_long.say("make the last two shots the same tempo as shot 2")
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert plan.sections[plan.section_at(53.0)].tempo_bpm == shot2 == plan.sections[plan.section_at(58.0)].tempo_bpm


def test_the_same_tempo_as_before_still_holds_the_tempo(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("calmer, but keep the same tempo as before")
    after = jazz_long.plan
    assert turn.changed and after.tempo_bpm == before.tempo_bpm, turn.reply
    assert [s.tempo_bpm for s in after.sections] == [s.tempo_bpm for s in before.sections][:len(after.sections)]
