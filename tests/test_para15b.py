"""Fixes from set m (fifteenth session, para15b: tune dialogues of h-k re-said by other people), each through a
real Session (conftest's `jazz_long`: jazz on a synthetic 60 s clip cut every 4 s, shot k is [4(k-1), 4k]), in
the reworded set's wording and in other words."""

from __future__ import annotations

import pytest
from edit_clips import energy_at


# ----------------------------------------------------------------------------- a moment asked about, answered with "through"

@pytest.mark.parametrize("answer", ["the exploring is shots two through five", "shots 2 through 5",
                                    # mine
                                    "exploring = shots two thru five"])
def test_a_moment_said_as_the_part_where_is_answered_with_shots_through(jazz_long, answer):
    # before: the question named 'part where' (not the moment), so "exploring" in the answer was an edit word of its
    # own, and "two through five" no place: the answer was read alone (an energy ramp over shots 2-5)
    before = jazz_long.plan
    asked = jazz_long.say("during the part where the player explores there's way too much going on")
    assert asked.question and "player explores" in asked.reply and jazz_long.plan == before, asked.reply
    turn = jazz_long.say(answer)
    assert turn.changed, turn.reply
    for t in (6.0, 10.0, 14.0, 18.0):   # shots 2-5: calmer, each of them
        assert energy_at(jazz_long.plan, t) < energy_at(before, t), (t, turn.reply)
    for t in (2.0, 22.0, 40.0):
        assert energy_at(jazz_long.plan, t) == pytest.approx(energy_at(before, t)), (t, turn.reply)


# ----------------------------------------------------------------------------- a rise "going into" a shot

@pytest.mark.parametrize("said", ["Could it build going into the final shot?",
                                  # mine
                                  "let it swell heading into the last shot", "grow leading into shot 15 please"])
def test_a_rise_going_into_a_shot_rises_over_the_shot_before_it(jazz_long, said):
    # before: "build going into the final shot" rose inside the last shot (56-60 s), as "build in the final shot"
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed, turn.reply
    assert energy_at(jazz_long.plan, 52.5) < energy_at(jazz_long.plan, 55.5), turn.reply   # rising over shot 14
    for t in (2.0, 30.0, 50.0, 58.0):
        assert energy_at(jazz_long.plan, t) == pytest.approx(energy_at(before, t)), (t, turn.reply)


# ----------------------------------------------------------------------------- "front and centre"

@pytest.mark.parametrize("said", ["put the strings front and centre",
                                  # mine
                                  "the bass should be front and center", "put the bass centre stage"])
def test_a_part_put_front_and_centre_is_louder_and_nothing_is_left_unread(jazz_long, said):
    # before: the clause was cut at its "and": the part was added or not moved, and "centre" was reported unread
    part = "strings" if "strings" in said else "bass"
    turn = jazz_long.say(said)
    assert turn.changed and "did not act" not in turn.reply, turn.reply
    assert all((s.levels_db or {}).get(part, 0.0) > 0 for s in jazz_long.plan.sections), turn.reply


# ----------------------------------------------------------------------------- words for the same wish

@pytest.mark.parametrize("said, shots", [("keep the opening shot hushed", (2.0,)), ("make it hushed in shot 3", (10.0,)),
                                         ("shots 1-2 are a snoozefest, energize them", (2.0, 6.0)),
                                         ("energise shot 3", (10.0,)), ("the intro is a total snooze fest", (2.0,))])
def test_hushed_and_energize_move_the_energy_of_the_place_said(jazz_long, said, shots):
    # before: "hushed" and "energize" were unknown words (a question: "calmer and sparser, or growing over time?")
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and "did not act" not in turn.reply, turn.reply
    up = "hushed" not in said
    for t in shots:
        assert (energy_at(jazz_long.plan, t) > energy_at(before, t)) == up, (t, turn.reply)
        assert energy_at(jazz_long.plan, t) != pytest.approx(energy_at(before, t)), (t, turn.reply)
    assert energy_at(jazz_long.plan, 40.0) == pytest.approx(energy_at(before, 40.0)), turn.reply


@pytest.mark.parametrize("said", ["Bass is too big for me", "the bass is a bit heavy for my taste"])
def test_a_part_too_big_for_me_turns_that_part_down(jazz_long, said):
    # before: "for me" hid the part's complaint, and "too big" lowered the energy of the whole score
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert all((s.levels_db or {}).get("bass", 0.0) < 0 for s in jazz_long.plan.sections), turn.reply
    assert energy_at(jazz_long.plan, 30.0) == pytest.approx(energy_at(before, 30.0)), turn.reply


def test_a_reverent_part_answered_with_what_comes_after_it_is_slower_there_only(jazz_long):
    # before: "more reverent" was not acted on, and "after that it's Easter Sunday" made the answer a request of its
    # own: the whole score slower
    from edit_clips import tempo_at

    before = jazz_long.plan
    asked = jazz_long.say("the Good Friday section needs to be slower and more reverent")
    assert asked.question and jazz_long.plan == before, asked.reply
    turn = jazz_long.say("Good Friday runs until the 4th cut, after that it's Easter Sunday")
    assert tempo_at(jazz_long.plan, 6.0) < tempo_at(before, 6.0), turn.reply
    assert energy_at(jazz_long.plan, 6.0) < energy_at(before, 6.0), turn.reply
    assert tempo_at(jazz_long.plan, 40.0) == pytest.approx(tempo_at(before, 40.0)), turn.reply


# ----------------------------------------------------------------------------- praise said in slang

@pytest.mark.parametrize("said", ["ok this goes hard. sending to investors tonight", "this goes so hard", "aww so cute"])
def test_praise_in_slang_is_a_sign_off(jazz_long, said):
    # before: "this goes hard" read "hard" as an edit (a heavier, faster, minor score)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.changed, turn.reply


def test_an_interjection_before_a_request_is_no_moment_of_the_picture(jazz_long):
    # before: "Aww cute! Could it ..." asked where 'Aww cute' is in the picture, and changed nothing
    turn = jazz_long.say("Aww cute! Could it feel more like a little bar on the beach in Rio?")
    assert jazz_long.plan.style == "bossa" and "did not act" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- places said another way

@pytest.mark.parametrize("said", ["Final pair of shots should build and build", "the last pair of shots louder"])
def test_the_last_pair_of_shots_is_the_last_two(jazz_long, said):
    # before: 'pair of shots' was no place (a question, or the whole score louder)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and "shots 14-15" in turn.reply, turn.reply
    assert energy_at(jazz_long.plan, 40.0) == pytest.approx(energy_at(before, 40.0)), turn.reply


@pytest.mark.parametrize("said", [
    "The storm arrives in shot five. Up to there keep it lean; from there onward bring in percussion and give it more weight.",
    # mine
    "the storm is shot 5. until there calmer, from there on more energy",
    "the storm arrives in shot five. Up to there keep it sparse; from there on, more energy"])
def test_up_to_there_and_from_there_on_are_the_sides_of_the_place_said_before(jazz_long, said):
    # before: "Up to there keep it lean" was not acted on and "from there onward" was shot 5 alone
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert "did not act" not in turn.reply, turn.reply
    for t in (2.0, 10.0, 14.0):   # before shot 5 (16 s): calmer
        assert energy_at(jazz_long.plan, t) < energy_at(before, t), (t, turn.reply)
    for t in (18.0, 30.0, 50.0):   # from shot 5 on: more
        assert energy_at(jazz_long.plan, t) > energy_at(before, t), (t, turn.reply)


# ----------------------------------------------------------------------------- "not a nightclub" beside an edit

@pytest.mark.parametrize("said", ["honestly it's a little over the top, could we tone it down? professional, not a nightclub",
                                  # mine
                                  "calmer please, not like a nightclub"])
def test_what_the_music_is_not_beside_an_edit_is_the_reason_not_a_question(jazz_long, said):
    # before: "not a nightclub" asked which style to move to, and the energy was left as it was
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question and jazz_long.plan.style == before.style, turn.reply
    assert energy_at(jazz_long.plan, 30.0) < energy_at(before, 30.0), turn.reply


def test_less_of_a_style_beside_an_edit_still_asks_where_to_go(jazz_long):
    turn = jazz_long.say("less corporate, and brighter")
    assert turn.question and "toward which style" in turn.reply, turn.reply


def test_a_place_praised_before_a_complaint_is_no_place_of_it(jazz_long):
    # before: "Love the opening! But it's way too bouncy when ..., That's shot 6." calmed the intro, not shot 6
    before = jazz_long.plan
    turn = jazz_long.say("Love the opening! But it's way too bouncy when Nana opens her card, she tears up a bit. That's shot 6.")
    assert energy_at(jazz_long.plan, 22.0) < energy_at(before, 22.0), turn.reply
    assert energy_at(jazz_long.plan, 2.0) == pytest.approx(energy_at(before, 2.0)), turn.reply


# ----------------------------------------------------------------------------- a 70s cop show by name; a version by number

@pytest.mark.parametrize("said", ["could it have more of a Starsky and Hutch kinda vibe??", "make it sound like Kojak"])
def test_a_seventies_cop_show_by_name_is_funk(jazz_long, said):
    # before: 'Starsky and Hutch' asked "darker (minor), or more energy?"
    jazz_long.say(said)
    assert jazz_long.plan.style == "funk"


def test_a_version_by_number_with_a_description_nothing_matches_goes_to_that_version(jazz_long):
    # before: "take me back to the 3rd version, the one before the seventies thing" changed nothing (no edit said
    # 'seventies'), though the version was named by its number
    jazz_long.say("darker")
    jazz_long.say("faster")
    third = jazz_long.plan
    jazz_long.say("more drums")
    turn = jazz_long.say("lol nope. take me back to the 3rd version, the one before the banjo thing")
    assert jazz_long.plan == third, turn.reply


@pytest.mark.parametrize("said", ["love the opening", "love the ending!", "I really like the intro", "love the last shot"])
def test_a_place_praised_alone_changes_nothing(jazz_long, said):
    # before: "love the opening" was read as romantic in the intro, "love the ending!" asked to switch to classical
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.changed and not turn.question, turn.reply
