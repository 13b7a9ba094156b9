"""Wordings of set j's tune half (twelfth session, tuner j12a) in other words, each through a real Session on the
30 s chat clip (cuts at 6, 13 and 21 s): a style wished with its subject said ("can the whole thing sound like a
spaghetti western?"), the rhythm section as the drums and bass, a pianist's hands as parts, a crescendo said after
another edit, "let it come up", a question about what the music will be, and a part competing with the voice."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at


@pytest.mark.parametrize("said", ["could the whole film sound like a spaghetti western?",
                                  "can this video sound like an old western saloon"])
def test_a_style_wished_with_its_subject_switches_the_style(lofi_chat, said):
    # before: "can the whole thing sound like" was read as how it sounds now, and asked what should change
    lofi_chat.say(said)
    assert lofi_chat.plan.style == "western"


def test_the_music_said_to_sound_like_a_style_now_is_still_asked_about(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("the whole thing sounds like a western now")
    assert lofi_chat.plan == before and turn.question


@pytest.mark.parametrize("said", ["could you pull the rhythm section back after the second cut",
                                  "after the second cut the rhythm section is too insistent"])
def test_the_rhythm_section_is_the_drums_and_the_bass(lofi_chat, said):
    # before: "section" was read as a horn section brought in, or the turn asked which instrument
    before = lofi_chat.plan
    lofi_chat.say(said)
    for role in ("drums", "bass"):
        assert level_at(lofi_chat.plan, role, 20.0) < level_at(before, role, 20.0)
        assert level_at(lofi_chat.plan, role, 3.0) == level_at(before, role, 3.0)


def test_a_pianists_left_hand_is_the_bass_and_the_right_hand_the_tune(lofi_chat):
    # before: "Where is 'the left hand'?", a moment of the picture
    lofi_chat.say("the left hand is a bit too loud")
    assert all(s.levels_db.get("bass", 0.0) < 0 for s in lofi_chat.plan.sections)
    lofi_chat.say("bring out the right hand a little in shot 3")
    assert level_at(lofi_chat.plan, "melody", 15.0) > 0 and level_at(lofi_chat.plan, "melody", 3.0) == 0


def test_a_crescendo_said_now_after_another_edit_is_a_rise_not_a_step_back(lofi_chat):
    # before: "now" and a rise against the calmer edit read as "part of the way back" over the whole score
    lofi_chat.say("calmer please")
    calmer = lofi_chat.plan
    lofi_chat.say("now a crescendo from the first cut to the third")
    plan = lofi_chat.plan
    assert energy_at(plan, 7.0) < energy_at(plan, 20.0)
    assert energy_at(plan, 3.0) == energy_at(calmer, 3.0) and energy_at(plan, 25.0) == energy_at(calmer, 25.0)


@pytest.mark.parametrize("said", ["in the last shot let it come up a bit", "let the music come up a touch in the last shot"])
def test_let_it_come_up_is_more_there(lofi_chat, said):
    # before: "I didn't follow 'come last shot'"
    before = lofi_chat.plan
    lofi_chat.say(said)
    assert energy_at(lofi_chat.plan, 25.0) > energy_at(before, 25.0)
    assert energy_at(lofi_chat.plan, 3.0) == energy_at(before, 3.0)


@pytest.mark.parametrize("said", ["will it be quieter than the narration?", "Will the music sit under my voice? I talk quite softly."])
def test_what_the_music_will_be_asked_is_answered_not_changed(lofi_chat, said):
    # before: the loudness went down 3 LUFS
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    assert lofi_chat.plan == before
    assert "LUFS" in turn.reply or "changed nothing" in turn.reply


def test_will_you_make_it_quieter_is_still_a_request(lofi_chat):
    before = lofi_chat.plan
    lofi_chat.say("will you make it quieter")
    assert lofi_chat.plan.loudness_lufs < before.loudness_lufs


@pytest.mark.parametrize("said, role", [("the bass fights with my voice", "bass"),
                                        ("the melody is competing with the voiceover, tuck it behind", "melody"),
                                        ("tuck the melody behind a little", "melody")])
def test_a_part_competing_with_the_voice_goes_down(lofi_chat, said, role):
    # before: read as a voice part added, or asked softer or louder
    lofi_chat.say(said)
    assert all(s.levels_db.get(role, 0.0) < 0 for s in lofi_chat.plan.sections)


@pytest.mark.parametrize("said", ["shot 2 is too sweet, less melody there", "the ending is way too cheesy, drop the tune there"])
def test_a_feeling_that_goes_more_ways_beside_a_part_said_is_that_part(lofi_chat, said):
    # before: "Less 'too sweet': fewer strings, a darker (minor) key, or calmer and sparser?", the part said beside it unread
    before = lofi_chat.plan
    lofi_chat.say(said)
    assert lofi_chat.plan != before
    assert lofi_chat.plan.sections[0] == before.sections[0]


def test_a_feeling_that_goes_more_ways_alone_is_still_asked_about(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("shot 2 is too sweet")
    assert lofi_chat.plan == before and turn.question


def test_a_shot_named_at_the_end_is_that_place_later(lofi_chat):
    # before: "the unboxing shot" was no name (a shot is no moment's name), so the next turn asked where it is
    lofi_chat.say("in the unboxing shot at the end, a bit calmer")
    before = lofi_chat.plan
    turn = lofi_chat.say("let it fade away over the unboxing shot")
    assert turn.changed and lofi_chat.plan.sections[0] == before.sections[0]
    ending = [s for s in lofi_chat.plan.sections if s.start_s >= 21.0]
    assert len(ending) >= 2 and ending[-1].energy < ending[0].energy


def test_a_mark_at_the_end_is_no_name(lofi_chat):
    from v2m.agent.dialogue.names import defined
    assert defined("make the fade at the end longer")[1] == {}
    assert defined("the sunset scene at the end should swell")[1] == {"sunset scene": "the end"}


@pytest.mark.parametrize("said", ["start gentle in the kitchen and build all the way to the reveal at the end",
                                  "begin soft and grow all the way to the fireworks at the end"])
def test_a_growth_to_a_moment_at_the_end_rises_over_the_whole_clip(lofi_chat, said):
    # before: "at the end" was the growth's place, so only the last shot rose (from lower than it was)
    lofi_chat.say(said)
    energies = [s.energy for s in lofi_chat.plan.sections]
    assert energies == sorted(energies) and energies[0] < energies[-1]   # every section in the rise
