"""Set k's tuner d (twelfth session): causes found on the k-tune turns of the dictation, fashion and teacher
personas, each through a real Session on a synthetic clip, in other words than the set's: a clock time dictated
in words ("from zero oh six to zero thirteen"), dictation's "temple" judged by its speed ("the temple drags"),
a dictated complaint beside a culture's name ("the base is to loud in the barn dance part"), a place glossed in brackets
after a word the finders do not know ("from outfit 2 on (the 2nd shot)"), and a version asked for as a likeness
("could you make it sound like version 2")."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels

from v2m.agent.dialogue.counted import spoken_clocks


@pytest.mark.parametrize("said, read", [
    ("from zero oh six to zero thirteen", "from 0:06 to 0:13"),
    ("a crash at one forty five", "a crash at 1:45"),
    ("between two ten and two twenty two", "between 2:10 and 2:22"),
    ("keep the tempo at one twenty", "keep the tempo at one twenty"),   # a tempo, `amounts` reads it
    ("at one twenty bpm", "at one twenty bpm"),
    ("take it to one ten", "take it to one ten"),   # no stretch begun: a tempo too
])
def test_a_clock_time_said_in_words_is_a_time_never_a_tempo(said, read):
    assert spoken_clocks(said) == read


def test_a_dictated_stretch_is_where_the_edit_goes(lofi_chat):
    # before: "zero oh six" was no time, so the bass went down over the whole clip
    lofi_chat.say("the bass is too loud from zero oh six to zero thirteen")
    bass = levels(lofi_chat.plan, "bass")
    assert bass[1] < 0 and bass[0] == bass[2] == bass[3] == 0


@pytest.mark.parametrize("said, faster", [("the temple drags a bit, speed it up", True),
                                          ("the temple feels too quick for this", False)])
def test_dictations_temple_judged_by_its_speed_is_the_tempo(lofi_chat, said, faster):
    # before: "the temple" was a moment of the picture, asked where it is, the score unchanged
    before = lofi_chat.plan.tempo_bpm
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert (lofi_chat.plan.tempo_bpm > before) == faster


def test_a_temple_named_as_a_place_is_still_asked_for(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("the temple should feel peaceful")
    assert lofi_chat.plan == before and turn.question


def test_a_dictated_complaint_beside_a_cultures_name_is_read(lofi_chat):
    # before: "is to loud" was no direction, so "barn dance" read as how the music sounds now, and a question came back
    lofi_chat.say("the base is to loud in the barn dance part from 0:06 to 0:13")
    bass = levels(lofi_chat.plan, "bass")
    assert bass[1] < 0 and bass[0] == 0


def test_a_place_glossed_in_brackets_keeps_from_on(lofi_chat):
    # before: "from outfit 2 on (the 2nd shot)" read as the second shot alone
    lofi_chat.say("from outfit 2 on (the 2nd shot), more bass")
    bass = levels(lofi_chat.plan, "bass")
    assert bass[0] == 0 and all(v > 0 for v in bass[1:])


@pytest.mark.parametrize("said", ["could you make it sound like version 2", "can u make it like version 2 again"])
def test_a_version_asked_for_as_a_likeness_goes_back_to_it(lofi_chat, said):
    lofi_chat.say("faster")
    v2 = lofi_chat.plan
    lofi_chat.say("more drums")
    lofi_chat.say(said)
    assert lofi_chat.plan == v2


@pytest.mark.parametrize("said", ["more energy in shot 3 and then back to how it was",
                                  "from 0:13 to 0:21 more energy, and after that it can settle down again like before"])
def test_a_return_after_a_placed_change_is_no_edit_of_its_own(lofi_chat, said):
    # before: "then back to how it was" undid the last edit, or calmed the very place just livened
    before = energies(lofi_chat.plan)
    lofi_chat.say(said)
    after = energies(lofi_chat.plan)
    assert after[2] > before[2] and after[:2] == before[:2] and after[3] == before[3]


def test_a_return_naming_its_own_place_is_kept():
    from v2m.agent.dialogue.afterwards import without_return

    said = "faster, then back to how it was in the last shot"
    assert without_return(said) == said


def test_there_after_a_moment_said_at_a_time_is_that_time(lofi_chat):
    # before: "there" was where the last edit was (shot 2), not the time just said
    lofi_chat.say("the bass drowns the keys from the first cut to the second")
    lofi_chat.say("the jump is at 0:17, stop dead there")
    assert any(abs(h.time_s - 17.0) < 0.06 for h in lofi_chat.plan.hit_points)
    assert not any(abs(h.time_s - 6.0) < 0.06 and h.source == "user" for h in lofi_chat.plan.hit_points)


def test_a_mark_said_in_whole_seconds_lands_on_the_cut_inside_that_second(tmp_path):
    from edit_clips import make_analysis

    from v2m.agent.dialogue.session import Session

    # cut at 12.6 s: "0:12" on a player's clock
    a = make_analysis(30.0, 25.0, [150, 315, 525], source="synthetic.mp4")
    s = Session.open(a.source, "tense lofi music", workdir=tmp_path / "store", analysis=a, render=False)
    s.say("a stop at 0:12")
    assert any(abs(h.time_s - 12.6) < 0.06 and h.kind == "stop" for h in s.plan.hit_points)


def test_after_that_right_after_a_mark_is_after_the_mark(lofi_chat):
    lofi_chat.say("a stop at 0:21")
    before = energies(lofi_chat.plan)
    lofi_chat.say("then bring it back bigger after that")
    after = energies(lofi_chat.plan)
    assert after[3] > before[3] and after[:3] == before[:3]


@pytest.mark.parametrize("said", ["could it start soft and grow, like a runner coming up to the tape",
                                  "start quiet and build, like a kid sneaking up to the cookie jar"])
def test_a_similes_scene_names_no_place(lofi_chat, said):
    # before: "up to the tape" was a place not found, and the turn asked where it is
    turn = lofi_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    energy = energies(lofi_chat.plan)
    assert energy[0] < energy[-1]


def test_a_simile_said_alone_first_goes_with_the_change_and_its_place(lofi_chat):
    # before: "Like creeping about!" was a request of its own, for the whole score
    before = energies(lofi_chat.plan)
    lofi_chat.say("Like creeping about! Softer and a bit slower, from the third shot to the end")
    after = energies(lofi_chat.plan)
    assert after[:2] == before[:2] and after[2] < before[2] and after[3] < before[3]


def test_a_liking_said_first_is_no_simile():
    from v2m.agent.dialogue.fragments import simile_inside

    assert simile_inside("Like it a lot! more bass") == "Like it a lot! more bass"
    assert simile_inside("Like a march! Faster, from shot 2 on") == "Faster like a march, from shot 2 on"


def test_a_new_instrument_asked_to_play_one_part_in_one_place_plays_it_there(lofi_chat):
    # before: a swap said with a place was refused ("I can swap an instrument only for the whole score")
    turn = lofi_chat.say("could a flute take the tune in the third shot")
    assert turn.changed, turn.reply
    from v2m.agent.dialogue.operations import effective_roles

    plays = [effective_roles(lofi_chat.plan, s) for s in lofi_chat.plan.sections]
    assert "melody" not in plays[2] and all("melody" in p for p in plays[:2] + plays[3:])
    assert any("flute" in name.lower() for name in lofi_chat.plan.instrumentation.values())


def test_too_loud_now_after_more_energy_is_the_mixs_loudness(lofi_chat):
    # before: the energy was taken half back over the whole clip ("there": the last edit's place, all of it)
    lofi_chat.say("more energy please")
    lufs = lofi_chat.plan.loudness_lufs
    lofi_chat.say("hmm now it's a little too loud for the office")
    assert lofi_chat.plan.loudness_lufs < lufs


def test_too_loud_now_after_a_part_went_up_takes_that_part_back(lofi_chat):
    lofi_chat.say("louder drums")
    up = levels(lofi_chat.plan, "drums")[0]
    lofi_chat.say("too loud now")
    assert 0 < levels(lofi_chat.plan, "drums")[0] < up



def test_there_after_a_place_said_first_and_what_it_shows_is_that_place(lofi_chat):
    # before: "a bit livelier" with its own place leaned on the last edit, which came partly back everywhere (the
    # bass louder, more energy all over)
    lofi_chat.say("the bass is a bit much, gentler bass please")
    before, bass = energies(lofi_chat.plan), levels(lofi_chat.plan, "bass")
    lofi_chat.say("from the third shot on it's the sack race, could it be a bit livelier there?")
    after = energies(lofi_chat.plan)
    assert after[:2] == before[:2] and after[2] > before[2] and after[3] > before[3]
    assert levels(lofi_chat.plan, "bass") == bass


def test_a_bit_the_other_way_in_one_place_stays_there(lofi_chat):
    lofi_chat.say("the bass is a bit much, gentler bass please")
    before, bass = energies(lofi_chat.plan), levels(lofi_chat.plan, "bass")
    lofi_chat.say("a bit livelier in the third shot")
    after = energies(lofi_chat.plan)
    assert after[2] > before[2] and after[:2] == before[:2] and after[3] == before[3]
    assert levels(lofi_chat.plan, "bass") == bass


@pytest.mark.parametrize("said", ["the third shot is a little creepy though", "less tense in the third shot",
                                  "shot 3 is too spooky for the kids"])
def test_a_fright_said_too_much_is_calmed_not_added(lofi_chat, said):
    # before: "less tense", "too spooky" and "a little creepy though" made the shot tenser or eerier (the mood named)
    before = energies(lofi_chat.plan)
    lofi_chat.say(said)
    after = energies(lofi_chat.plan)
    assert after[2] < before[2] and after[:2] == before[:2] and after[3] == before[3]


def test_a_fright_asked_for_is_still_a_fright(lofi_chat):
    before = energies(lofi_chat.plan)
    lofi_chat.say("could the third shot be a bit scary")
    assert energies(lofi_chat.plan)[2] >= before[2]
