"""Edits said in other people's words, through a real Session: a moment as a mark on the timeline ("the
twelve-second mark"), energy said as something to add ("inject some life") or as the music lifting off, a
reaction with an interjection before the request ("goodness, that's a bit much"), the stretch before or
after the last edit's moment ("the stretch leading up to that point"), a stretch named as a scene ("between
0:08 and 0:16 is the chase"), a happening with an edit right before and after it, a stretch of the last edit
named by how it went ("that quiet bit"), "I mean the bass" putting a part in front of what to do with it,
shot numbers in words past ten, a list of parts taken out, "only a warm pad", and the kinds of place a piece
is played in ("the music they play in a smoky bar"). Each test checks the plan, and the MIDI where notes
must not change."""

from __future__ import annotations

import pytest
from dialogue_check import notes_outside
from edit_clips import energy_at, level_at, long_clip, open_long

from v2m.agent.dialogue.operations import effective_roles


def plays(plan, role: str, t: float) -> bool:
    return role in effective_roles(plan, plan.sections[plan.section_at(t)])


def test_a_moment_said_as_a_mark_on_the_timeline(rock40):
    s, a = rock40
    old = s.plan
    s.say("Starting at the twelve-second mark, could the bass sit lower?")
    assert level_at(s.plan, "bass", 20) < level_at(old, "bass", 20) and level_at(s.plan, "bass", 6) == level_at(old, "bass", 6)
    assert notes_outside(s.plan, a, 12, 40) == notes_outside(old, a, 12, 40)
    s.say("the score has to drop out suddenly at the 0:28 mark")
    assert any(abs(h.time_s - 28) < 0.05 and h.kind == "stop" for h in s.plan.hit_points)


@pytest.mark.parametrize("words", ["add a little excitement everywhere", "could you add more excitement"])
def test_energy_said_as_something_to_add_is_no_instrument(rock40, words):
    s, _ = rock40
    old = s.plan
    turn = s.say(words)
    assert not turn.question
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (2, 18, 38))


def test_music_lifting_off_in_a_shot_is_more_energy_from_its_start(rock40):
    s, a = rock40
    old = s.plan
    s.say("In shot 5 the score should blast off.")
    assert energy_at(s.plan, 16.5) > energy_at(old, 16.5) and energy_at(s.plan, 19.5) > energy_at(old, 19.5)
    assert notes_outside(s.plan, a, 16, 20) == notes_outside(old, a, 16, 20)


def test_an_interjection_and_a_reaction_before_the_request(rock40):
    s, _ = rock40
    s.say("much more energy")
    old = s.plan
    turn = s.say("Goodness me, that is rather a lot. Tone it down a touch?")
    assert not turn.question
    assert energy_at(s.plan, 10) < energy_at(old, 10)


def test_the_stretch_before_the_moment_just_marked(rock40):
    s, a = rock40
    s.say("a crash at 0:20")
    old = s.plan
    s.say("the music leading up to that point should gradually swell")
    assert energy_at(s.plan, 2) != energy_at(old, 2) and energy_at(s.plan, 2) < energy_at(s.plan, 18)
    assert notes_outside(s.plan, a, 0, 20) == notes_outside(old, a, 0, 20)


def test_a_stretch_said_to_be_a_scene_is_that_stretch(rock40):
    s, a = rock40
    old = s.plan
    s.say("between 0:08 and 0:16 is the chase, the bass should be louder")
    assert level_at(s.plan, "bass", 12) > level_at(old, "bass", 12) and level_at(s.plan, "bass", 18) == level_at(old, "bass", 18)
    assert notes_outside(s.plan, a, 8, 16) == notes_outside(old, a, 8, 16)


def test_edits_right_before_and_after_a_happening(rock40):
    s, a = rock40
    old = s.plan
    s.say("she waves at cut five right before that keep it calm and then right after it get bigger")
    assert energy_at(s.plan, 18) < energy_at(old, 18) and energy_at(s.plan, 22) > energy_at(old, 22)
    assert notes_outside(s.plan, a, 16, 40) == notes_outside(old, a, 16, 40)
    before = s.plan
    s.say("put a flute in that calm bit")
    assert plays(s.plan, "flute", 18) or any("flute" in n.lower() for n in s.plan.instrumentation.values())
    assert notes_outside(s.plan, a, 16, 20) == notes_outside(before, a, 16, 20)


def test_i_mean_names_the_part_a_later_clause_changes(rock40):
    s, _ = rock40
    s.say("a lot louder")
    old = s.plan
    s.say("sorry, I mean the bass, there's far too much of it")
    assert all(level_at(s.plan, "bass", t) < level_at(old, "bass", t) for t in (2, 22, 38))


def test_a_sickly_sweet_complaint_asks_which_way(rock40):
    s, _ = rock40
    old = s.plan
    turn = s.say("it sounds a bit sickly sweet now")
    assert turn.question and s.plan == old


def test_a_piece_played_in_any_such_place_names_its_style(rock40):
    s, _ = rock40
    turn = s.say("make it sound like the music they play in a smoky bar")
    assert not turn.question and s.plan.style == "jazz"


def test_shot_numbers_in_words_past_ten(tmp_path):
    a = long_clip()   # 60 s, a cut every 4 s: shots 1-15
    s = open_long(tmp_path, "an upbeat rock score", a)
    old = s.plan
    s.say("shots eleven and twelve need more drive")
    assert energy_at(s.plan, 42) > energy_at(old, 42) and energy_at(s.plan, 46) > energy_at(old, 46)
    assert notes_outside(s.plan, a, 40, 48) == notes_outside(old, a, 40, 48)


def test_a_list_of_parts_taken_out_and_only_a_described_pad(rock40):
    s, a = rock40
    old = s.plan
    s.say("in the first shot just a lush pad please, take out the drums and the bass")
    assert plays(s.plan, "pad", 2) and not plays(s.plan, "drums", 2) and not plays(s.plan, "bass", 2)
    assert notes_outside(s.plan, a, 0, 4) == notes_outside(old, a, 0, 4)


def test_a_complaint_with_its_remedy_said_for_part_of_the_place(rock40):
    s, a = rock40
    old = s.plan
    s.say("The first two shots sound way too crowded. In the first shot we only want a piano, lose the drums and the bass.")
    roles = effective_roles(s.plan, s.plan.sections[s.plan.section_at(2)])
    inst = s.plan.instrumentation
    assert [inst.get(r, "") for r in roles] == ["Acoustic Grand Piano"]
    assert notes_outside(s.plan, a, 0, 4) == notes_outside(old, a, 0, 4)   # the remedy, not less energy after it
    s.say("undo")
    s.say("less busy in the first two shots, and no drums in the first shot")   # asked for both: both done
    assert energy_at(s.plan, 6) < energy_at(old, 6) and not plays(s.plan, "drums", 2)
