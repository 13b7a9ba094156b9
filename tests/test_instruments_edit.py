"""Which instruments play and how loud against each other, said in everyday words, through a real Session:
the plan each turn makes, and the composed MIDI read back (notes per program, velocities per part).

The sentences here are written for these tests, not taken from the dialogue sets."""

from __future__ import annotations

import pytest
from dialogue_check import Midi, clip_analysis

from v2m.agent.dialogue import mentions, vocab
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session
from v2m.tools.gm import program_name, program_number

CLIP = {"duration": 24, "cuts": [6, 12, 18]}


def session(tmp_path, style: str) -> tuple[Session, object]:
    analysis = clip_analysis(CLIP)
    return Session.open(analysis.source, style, workdir=tmp_path, analysis=analysis, render=False), analysis


def roles_at(plan, t: float) -> set[str]:
    return set(effective_roles(plan, plan.sections[plan.section_at(t)]))


def role_of_gm(plan, gm: str) -> str | None:
    return next((r for r, n in plan.instrumentation.items() if n == gm), None)


def mean_velocity(midi: Midi, program: int | None, a: float, b: float, drums: bool = False) -> float:
    notes = midi.notes(a, b, program, drums)
    return sum(n.velocity for n in notes) / len(notes)


def test_the_catalogue_maps_every_word_to_a_real_sound_and_says_each_stand_in():
    for word, (gm, role) in vocab.INSTRUMENTS.items():
        if role in ("drums", "percussion"):
            assert gm.lower() in ("standard", "room", "brush", "jazz", "power", "electronic", "tr-808", "orchestra")
        else:
            assert program_name(program_number(gm)) == gm, word
    for word, (gm, role, _) in vocab.STAND_INS.items():
        assert vocab.INSTRUMENTS[word] == (gm, role)
        assert word in vocab.stand_in(word) and gm in vocab.stand_in(word)
    assert vocab.stand_in("piano") == ""


def test_an_instrument_outside_general_midi_is_played_by_its_stand_in_said_and_found_again(tmp_path):
    s, analysis = session(tmp_path, "rock")
    before = s.plan
    t = s.say("throw in some tabla")
    role = role_of_gm(s.plan, "Melodic Tom")
    assert role and "no tabla" in t.reply and "Melodic Tom" in t.reply
    assert Midi(s.plan, analysis).notes(0, 24, program_number("Melodic Tom"))
    t = s.say("the tabla is a little too loud")
    assert all(x.levels_db.get(role, 0) < 0 for x in s.plan.sections)
    assert all(set(x.levels_db) == {role} for x in s.plan.sections)
    s.say("get rid of the tabla")
    assert s.plan.instrumentation == before.instrumentation and s.plan.sections == before.sections


def test_one_part_lost_under_another_raises_it_and_lowers_the_other(tmp_path):
    s, analysis = session(tmp_path, "rock")
    old = s.plan
    s.say("the bass is getting buried under the guitar")
    new = s.plan
    assert all(x.levels_db.get("bass", 0) > 0 for x in new.sections)
    assert all(x.levels_db.get("harmony", 0) < 0 for x in new.sections)
    assert all(set(x.levels_db) == {"bass", "harmony"} for x in new.sections)
    a, b = Midi(old, analysis), Midi(new, analysis)
    bass, guitar = (program_number(old.instrumentation[r]) for r in ("bass", "harmony"))
    assert mean_velocity(b, bass, 0, 24) / mean_velocity(b, guitar, 0, 24) > \
        mean_velocity(a, bass, 0, 24) / mean_velocity(a, guitar, 0, 24)


def test_keep_only_a_list_in_one_shot_leaves_the_others_note_for_note(tmp_path):
    s, analysis = session(tmp_path, "rock")
    old = s.plan
    t = s.say("in the second shot everything cuts out apart from the drums and the bass")
    assert t.question is None, t.reply
    assert roles_at(s.plan, 9) == {"drums", "bass"}
    assert roles_at(s.plan, 3) == roles_at(old, 3) and roles_at(s.plan, 15) == roles_at(old, 15)
    a, b = Midi(old, analysis), Midi(s.plan, analysis)
    melody = program_number(old.instrumentation["melody"])
    assert not b.notes(6.05, 11.95, melody) and a.notes(6.05, 11.95, melody)
    assert [(n.pitch, round(n.start, 3)) for n in a.notes(0, 5.9)] == [(n.pitch, round(n.start, 3)) for n in b.notes(0, 5.9)]


def test_only_one_part_then_naming_the_ones_it_drops_is_no_question(tmp_path):
    s, _ = session(tmp_path, "rock")
    t = s.say("shot 4 should be the bass by itself, no drums and no guitar")
    assert t.question is None, t.reply
    assert roles_at(s.plan, 21) == {"bass"}


def test_a_part_named_by_how_it_plays_is_swapped_and_the_old_sound_goes(tmp_path):
    s, _ = session(tmp_path, "rock")
    s.say("swap the strummed guitar for a banjo")
    assert s.plan.instrumentation["harmony"] == "Banjo"
    assert "Overdriven Guitar" not in s.plan.instrumentation.values()


def test_adding_an_instrument_that_doubles_the_tune_keeps_the_melody(tmp_path):
    s, analysis = session(tmp_path, "rock")
    melody = s.plan.instrumentation["melody"]
    s.say("bring in a marimba doubling the melody")
    assert s.plan.instrumentation["melody"] == melody and role_of_gm(s.plan, "Marimba")
    assert Midi(s.plan, analysis).notes(0, 24, program_number("Marimba"))


def test_a_part_named_alone_then_it_and_its_balance_stays_where_it_was_brought_in(tmp_path):
    s, _ = session(tmp_path, "rock")
    s.say("add a cello from 0:06 to 0:12")
    role = role_of_gm(s.plan, "Cello")
    s.say("The cello. Pull it down.")
    levels = {round(x.start_s): x.levels_db.get(role, 0) for x in s.plan.sections}
    assert levels[6] < 0 and all(db == 0 for t, db in levels.items() if t != 6)


def test_a_part_that_should_enter_later_is_silent_before(tmp_path):
    s, _ = session(tmp_path, "rock")
    s.say("the drums should only kick in at the third shot")
    assert "drums" not in roles_at(s.plan, 3) and "drums" not in roles_at(s.plan, 9)
    assert "drums" in roles_at(s.plan, 15) and "drums" in roles_at(s.plan, 21)


def test_drums_added_to_a_style_without_a_kit_are_heard(tmp_path):
    s, analysis = session(tmp_path, "ambient")
    s.say("add a soft drum beat in the last shot")
    assert "drums" in roles_at(s.plan, 21) and "drums" not in roles_at(s.plan, 3)
    midi = Midi(s.plan, analysis)
    assert len(midi.notes(18.1, 23.0, drums=True)) >= 4 and not midi.notes(0, 17.9, drums=True)


def test_a_place_it_cannot_find_is_asked_about_not_made_everywhere(tmp_path):
    s, _ = session(tmp_path, "rock")
    old = s.plan
    t = s.say("for that bit everything drops out but the piano")
    assert t.question and s.plan == old


def test_words_around_a_part_name_it():
    assert mentions.plain_parts(" the rhythm guitar's too loud ") == " the guitar is too loud "
    assert mentions.plain_parts(" a kick pulse under it ") == " a kick under it "
    assert mentions.named_parts(" the drums, bass and organ ") == ["drums", "bass", "organ"]
    assert mentions.topic(" the violins ") == "violin" and mentions.topic(" the violins are loud ") is None


def test_a_level_said_alone_after_a_part_was_named_is_that_parts_balance(tmp_path):
    s, _ = session(tmp_path, "rock")
    t = s.say("the bass, in the third shot. louder")
    assert t.question is None, t.reply
    levels = {round(x.start_s): x.levels_db for x in s.plan.sections}
    assert levels[12].get("bass", 0) > 0 and all(not v for k, v in levels.items() if k != 12)


@pytest.mark.parametrize("words,role,up", [("turn down the drums", "drums", False), ("boost the bass", "bass", True),
                                           ("the guitar sits too far forward", "harmony", False),
                                           ("the bass is a bit too quiet", "bass", True),
                                           ("I can barely hear the bass", "bass", True),
                                           ("the kick is too boomy", "drums", False)])
def test_a_part_turned_up_or_down_in_everyday_words_moves_only_its_level(tmp_path, words, role, up):
    s, _ = session(tmp_path, "rock")
    t = s.say(words)
    assert t.question is None, t.reply
    for x in s.plan.sections:
        assert set(x.levels_db) == {role} and (x.levels_db[role] > 0) == up


def test_the_tune_given_to_another_instrument_is_a_swap_and_a_swapped_part_keeps_no_level(tmp_path):
    s, _ = session(tmp_path, "rock")
    s.say("the melody should be played by a flute")
    assert s.plan.instrumentation["melody"] == "Flute"
    s.say("the guitar is a bit cheesy, swap it for a piano")
    assert s.plan.instrumentation["harmony"] == "Acoustic Grand Piano"
    assert all(not x.levels_db for x in s.plan.sections)


def test_stripped_down_to_a_list_after_a_time_keeps_only_those_there(tmp_path):
    s, _ = session(tmp_path, "rock")
    t = s.say("strip it down to drums and bass after 0:12")
    assert t.question is None, t.reply
    assert roles_at(s.plan, 15) == {"drums", "bass"} and roles_at(s.plan, 21) == {"drums", "bass"}
    assert roles_at(s.plan, 3) == {"drums", "bass", "harmony", "melody"}


def test_a_part_not_yet_in_the_score_that_comes_in_later_is_added_from_there(tmp_path):
    s, analysis = session(tmp_path, "jazz")
    old = s.plan
    t = s.say("the cello should come in at the third shot")
    role = role_of_gm(s.plan, "Cello")
    assert role and "from 0:12 to 0:24" in t.reply
    assert role not in roles_at(s.plan, 3) | roles_at(s.plan, 9) and role in roles_at(s.plan, 15) & roles_at(s.plan, 21)
    a, b = Midi(old, analysis), Midi(s.plan, analysis)
    assert not b.notes(0, 11.9, program_number("Cello")) and b.notes(12, 24, program_number("Cello"))
    assert [(n.pitch, round(n.start, 3)) for n in a.notes(0, 11.9)] == [(n.pitch, round(n.start, 3)) for n in b.notes(0, 11.9)]


def test_instead_of_one_part_said_first_then_the_new_one_is_a_swap(tmp_path):
    s, _ = session(tmp_path, "jazz")
    t = s.say("instead of the sax, could we have a clarinet")
    assert t.question is None, t.reply
    assert s.plan.instrumentation["melody"] == "Clarinet" and "Tenor Sax" not in s.plan.instrumentation.values()


def test_a_list_of_parts_moves_together_and_a_removal_stops_at_the_and(tmp_path):
    s, _ = session(tmp_path, "rock")
    s.say("the bass and the drums are a bit too loud")
    assert all(x.levels_db.get("bass", 0) < 0 and x.levels_db.get("drums", 0) < 0 for x in s.plan.sections)
    s.say("no guitar and the bass louder")
    assert "harmony" not in roles_at(s.plan, 3) and "bass" in roles_at(s.plan, 3)
