"""Messy writing read as the same change written cleanly (the typos family, issue 11), in this file's own
misspellings: a letter doubled ("endding"), two swapped ("drusm"), a vowel or letter left out ("openin",
"calmr"), phone shorthand in capitals ("PLZ"), "n" for and, a learner's "too much fast", dictation's "quite"
for quiet; each through a real Session on the 30 s clip cut at 0:06, 0:13 and 0:21, the plan compared before
and after. And what must not move: a word spelt right is never "corrected", two equally near words leave the
word as typed."""

from __future__ import annotations

import pytest
from edit_clips import level_at, tempo_at

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.spelling import mended


def _at(plan, t: float):
    return next(s for s in plan.sections if s.start_s <= t < s.end_s)


def _changed_only_in(before, after, a: float, b: float, what) -> None:
    for t in (1.0, 3.0, 8.0, 11.0, 15.0, 19.0, 23.0, 28.0):
        if not a <= t < b:
            assert what(before, t) == what(after, t), t


def test_a_doubled_letter_and_a_dropped_vowel_still_slow_only_the_ending(lofi_chat):
    # before: "endding" and "slowr" were read as nothing the grammar knows, or the place was asked for
    before = lofi_chat.plan
    turn = lofi_chat.say("the endding needs to be slowr")
    assert not turn.question
    assert tempo_at(lofi_chat.plan, 25.0) < tempo_at(before, 25.0)
    _changed_only_in(before, lofi_chat.plan, 21.0, 30.0, tempo_at)


def test_two_swapped_letters_in_a_part_take_that_part_out_of_its_shot(lofi_chat):
    lofi_chat.say("take the drusm out of the 3rd shot")
    assert "drums" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))
    assert "drums" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 8.0))


@pytest.mark.parametrize("said", ["the music in shot 3 is too much fast", "shot 3 is way too much fast"])
def test_a_learners_too_much_fast_slows_that_shot(lofi_chat, said):
    before = lofi_chat.plan
    lofi_chat.say(said)
    assert tempo_at(lofi_chat.plan, 15.0) < tempo_at(before, 15.0)
    _changed_only_in(before, lofi_chat.plan, 13.0, 21.0, tempo_at)


def test_shorthand_in_capitals_is_read_as_written_in_lower_case(lofi_chat):
    lofi_chat.say("PIANO OUT IN THE LAST SHOT PLZ")
    assert "harmony" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 25.0))
    assert "harmony" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))


def test_a_doubled_last_letter_on_an_instrument_still_brings_it_in(lofi_chat):
    turn = lofi_chat.say("add a trumpett from 0:13")
    assert not turn.question and "Trumpet" in turn.reply


def test_an_opening_shot_with_its_g_dropped_is_the_first_shot(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("the openin shot should be calmr")
    assert not turn.question
    assert _at(lofi_chat.plan, 3.0).energy < _at(before, 3.0).energy
    assert _at(lofi_chat.plan, 15.0).energy == _at(before, 15.0).energy


def test_quite_said_for_quiet_makes_the_last_shot_quieter_not_nothing(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("make the last shot more quite")
    assert not turn.question and lofi_chat.plan != before
    assert _at(lofi_chat.plan, 25.0).energy < _at(before, 25.0).energy
    assert _at(lofi_chat.plan, 8.0).energy == _at(before, 8.0).energy


@pytest.mark.parametrize("typed, meant", [
    ("Swop the drusm for congas", "Swop the drums for congas"),      # swapped letters; "swop" is no slip
    ("SLOWR thru the SECND shot", "SLOWER through the SECND shot"),   # capitals kept; ordinals are place_words.TYPOS
    ("bass down n drums up", "bass down and drums up"),
    ("the endding abit quietr", "the ending a bit quieter"),
])
def test_mended_corrects_words_in_the_case_typed(typed, meant):
    assert mended(typed) == meant


@pytest.mark.parametrize("typed", [
    "the kiss at 0:30 is a chip shot",      # English words, near as they are to grammar words, stay
    "the base of the song is fine",
    "quite a bit slower in shot 2",          # "quite" qualifying a word is quite
    "chop it at 0:12",
    "the hats sound tinny and the bass line drags",   # a word the vocabulary lacks, made from one it has
    "the horns sound timid, lift them 3 dB",           # a vowel changed only towards the grammar's words; dB as typed
    "Más energía al final, por favor",                 # another language, left to the guard
    "notes from Tunde: errr, slower",                  # a name, a filler
])
def test_words_spelt_right_are_never_corrected(typed):
    assert mended(typed) == typed


# Run-ons: changes said one after another without the comma between them (`runons`).

def test_two_changes_run_on_each_keep_their_own_shot(lofi_chat):
    # before: "no drums" took shot 3's place, so the drums left shot 3 and stayed in shot 4
    before = lofi_chat.plan
    lofi_chat.say("slowr in shot 3 no drums in shot 4")
    assert tempo_at(lofi_chat.plan, 15.0) < tempo_at(before, 15.0) and tempo_at(lofi_chat.plan, 25.0) == tempo_at(before, 25.0)
    assert "drums" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 25.0))
    assert "drums" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))


def test_a_part_dropped_and_one_added_run_on_each_in_its_own_shot(lofi_chat):
    # before: both landed in shot 1 (the cello in, the bass out)
    turn = lofi_chat.say("drop the bass in shot 1 add a cello in shot 3")
    assert not turn.question
    assert "bass" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 3.0))
    assert "bass" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))
    assert "0:13" in turn.reply and "0:00 to 0:06" in turn.reply


def test_a_change_overall_then_one_in_a_shot_keep_their_places(lofi_chat):
    # before: the melody went down everywhere, "overall" carried over the "and"
    lofi_chat.say("more punch overall and less melody in the last shot")
    levels = [(s.levels_db or {}).get("melody", 0.0) for s in lofi_chat.plan.sections]
    assert _at(lofi_chat.plan, 25.0).levels_db.get("melody", 0.0) < 0
    assert (_at(lofi_chat.plan, 3.0).levels_db or {}).get("melody", 0.0) == 0.0, levels


def test_a_clause_about_everything_after_one_about_a_section_is_about_everything(lofi_chat):
    # before: "everything a bit softer" was read inside the intro only
    before = lofi_chat.plan
    lofi_chat.say("calmer in the intro and everything a bit softer")
    assert all(_at(lofi_chat.plan, t).energy < _at(before, t).energy for t in (3.0, 8.0, 15.0, 25.0))


@pytest.mark.parametrize("typed", ["in shot 2 louder drums", "slower in shot 2, louder in shot 3",
                                   "slower in shot 2 please", "the drums in shot 2 and the bass"])
def test_a_place_said_first_and_punctuated_requests_are_left_as_typed(typed):
    from v2m.agent.dialogue.runons import punctuated
    assert punctuated(typed) == typed


# A learner's word order: the part before its verb, a place without its "from" (`spelling.SHORTHAND`).

@pytest.mark.parametrize("said", ["the melody kindly mute", "the melody please remove it"])
def test_a_part_said_before_its_verb_is_taken_out(lofi_chat, said):
    # before: "the melody kindly mute" brought in a muted trumpet
    turn = lofi_chat.say(said)
    assert not turn.question and "Trumpet" not in turn.reply
    assert not any("melody" in effective_roles(lofi_chat.plan, s) for s in lofi_chat.plan.sections)


def test_a_time_onwards_without_from_is_from_that_time_on(lofi_chat):
    # before: "Where do you mean by '0:21'?"
    turn = lofi_chat.say("0:21 onwards no bass")
    assert not turn.question
    assert "bass" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 25.0))
    assert "bass" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))


def test_a_cut_onwards_without_from_reaches_the_end(lofi_chat):
    # before: only the shot after the cut slowed
    before = lofi_chat.plan
    lofi_chat.say("the 1st cut onwards slower")
    assert all(tempo_at(lofi_chat.plan, t) < tempo_at(before, t) for t in (8.0, 15.0, 25.0))
    assert tempo_at(lofi_chat.plan, 3.0) == tempo_at(before, 3.0)


# A part or a verb said once for two places, and a shape after "and" (`runons`).

def test_a_part_said_once_for_two_places_moves_that_part_in_both(lofi_chat):
    # before: "down in the last shot" lowered the energy of the whole band there
    lofi_chat.say("push the bass up in shot 2 and down in the last shot")
    assert level_at(lofi_chat.plan, "bass", 8.0) > 0 > level_at(lofi_chat.plan, "bass", 25.0)
    assert level_at(lofi_chat.plan, "bass", 15.0) == 0.0


def test_a_verb_said_once_for_two_parts_in_two_places_takes_out_both(lofi_chat):
    # before: "the drums in shot 4" raised the drums there
    lofi_chat.say("mute the piano in shot 3 and the drums in shot 4")
    assert "harmony" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))
    assert "drums" not in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 25.0))
    assert "drums" in effective_roles(lofi_chat.plan, _at(lofi_chat.plan, 15.0))


def test_a_build_after_and_rises_across_its_place(lofi_chat):
    # before: "quicker and build up" was one clause, a flat step up in energy
    lofi_chat.say("from 0:13 quicker and build up")
    energies = [s.energy for s in lofi_chat.plan.sections if s.start_s >= 13.0]
    assert len(energies) > 2 and energies == sorted(energies)


@pytest.mark.parametrize("said", ["the intensity should climb across the entire track",
                                  "build up the energy through the whole piece"])
def test_a_rise_across_the_whole_clip_is_a_build_over_it(lofi_chat, said):
    # before: a question ("growing over time, or louder overall?"), or one flat step up everywhere
    turn = lofi_chat.say(said)
    assert not turn.question
    energies = [s.energy for s in lofi_chat.plan.sections]
    assert len(energies) > 4 and energies[-1] > energies[0] and energies == sorted(energies)


@pytest.mark.parametrize("said", ["fade the music out gradually all the way through",
                                  "fade out this whole song, beginning to end"])
def test_a_fade_said_over_the_whole_clip_falls_across_all_of_it(lofi_chat, said):
    # before: only the last shot faded, the rest stayed as it was
    before = lofi_chat.plan
    lofi_chat.say(said)
    energies = [s.energy for s in lofi_chat.plan.sections]
    assert energies == sorted(energies, reverse=True) and energies[0] > energies[-1]
    assert _at(lofi_chat.plan, 8.0).energy < _at(before, 8.0).energy


def test_a_plain_fade_out_still_fades_the_ending_only(lofi_chat):
    before = lofi_chat.plan
    lofi_chat.say("fade out")
    assert _at(lofi_chat.plan, 8.0).energy == _at(before, 8.0).energy
    assert _at(lofi_chat.plan, 28.0).energy < _at(before, 28.0).energy
