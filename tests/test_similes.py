"""Lay clients who say only how the music feels against the picture ("similes"): a simile of the music as it is
now moves away from it, a simile of a wish moves toward it, a culture said as the present state switches no
style, and an unclear feeling is asked about. Sentences here are our own, in words the dialogue sets do not use."""

from __future__ import annotations

import pytest
from edit_clips import bikes, energy_at, long_clip

from v2m.agent.dialogue.similes import plain
from v2m.agent.dialogue.where import Ask
from v2m.agent.planners.base import get_planner


@pytest.fixture(scope="module")
def clip():
    return long_clip(40.0, 5.0)


@pytest.fixture(scope="module")
def pop(clip):
    return get_planner("rules").plan(clip, "a gentle acoustic pop score in a minor key").plan


def revise(analysis, plan, request):
    return get_planner("rules").revise(analysis, plan, request)


def energies(plan, start_s=0.0, end_s=1e9):
    return [s.energy for s in plan.sections if s.start_s >= start_s - 1e-6 and s.end_s <= end_s + 1e-6]


@pytest.mark.parametrize("said,moves", [
    ("honestly it sounds like a memorial service and they're only unwrapping presents", "more energy brighter"),
    ("now it's like being stuck in an elevator", "more energy"),
    ("it's gone a bit drowsy", "a little more energy"),
    ("it's like a police chase, it's a knitting tutorial, not a heist", "less energy"),
    ("the last shot should feel snug, like a duvet", "calm"),
    ("by the end I want the audience in tears", "sad"),
    ("the reveal should feel like the curtain going up", "gradually build"),
])
def test_a_simile_is_read_as_a_move_toward_or_away(said, moves):
    assert " ".join(plain(said).split()).endswith(moves) or moves in " ".join(plain(said).split())


def test_a_culture_as_it_is_now_is_no_style_to_switch_to():
    assert "world cup" not in plain("way over the top now, like the world cup").lower()
    assert "western" in plain("make it sound like a western")          # a wish: the grammar's style
    with pytest.raises(Ask):
        plain("it sounds like a western now")   # which way away from a western? asked


def test_an_unclear_feeling_is_asked_unless_something_says_the_way():
    with pytest.raises(Ask) as q:
        plain("the intro feels a little clinical")
    assert "softer" in str(q.value) and "fuller" in q.value.options
    assert "calm" in plain("the intro is a bit clinical. cosier please")   # the way said: no question


def test_the_music_like_a_mourning_scene_over_a_happy_picture_gets_lighter_and_brighter(clip, pop):
    r = revise(clip, pop, "it feels like a horror film and they're only baking cookies")
    assert r.question is None and r.plan.mode == "major"
    assert r.plan.style == pop.style     # a culture said as the present state switches no style


def test_a_wish_at_a_place_moves_only_there(clip, pop):
    r = revise(clip, pop, "from 0:30 it should feel like sitting by a log fire")
    assert r.question is None
    assert all(a < b for a, b in zip(energies(r.plan, 30), energies(pop, 30)))
    assert energies(r.plan, 0, 30) == energies(pop, 0, 30)


def test_x_not_y_moves_toward_x_and_away_from_y():
    b = bikes()
    plan = get_planner("rules").plan(b, "score this as upbeat rock").plan
    r = revise(b, plan, "like a yoga class, not a fairground")
    assert r.question is None and r.plan.style == plan.style
    assert sum(energies(r.plan)) < sum(energies(plan))


def test_too_much_like_a_stadium_keeps_the_style_and_turns_down(clip, pop):
    r = revise(clip, pop, "it's all too much, like a stadium anthem")
    assert r.question is None and r.plan.style == pop.style
    assert sum(energies(r.plan)) < sum(energies(pop))


def test_too_sweet_is_asked_which_way_unless_the_request_says():
    with pytest.raises(Ask) as q:
        plain("hmm, it's gone a bit schmaltzy")
    assert "darker" in q.value.options
    assert "schmaltzy" in plain("the violins are schmaltzy, turn them down")   # the grammar reads the rest


def apply(clip, plan, request):
    from v2m.agent.dialogue.understanding import apply_edit
    return apply_edit(clip, plan, request)


@pytest.mark.parametrize("said", ["a touch less like a graveyard, please", "nothing like a memorial service please"])
def test_less_like_a_sad_scene_moves_away_from_it(clip, pop, said):
    r = apply(clip, pop, said)
    assert r.question is None and sum(energies(r.plan)) > sum(energies(pop))


@pytest.mark.parametrize("said", ["it still doesn't feel snug", "the music doesn't really sound like a lullaby yet"])
def test_not_yet_like_a_scene_is_a_wish_toward_it(clip, pop, said):
    r = apply(clip, pop, said)
    assert r.question is None and sum(energies(r.plan)) < sum(energies(pop))


@pytest.mark.parametrize("said", ["honestly it sounds like a blockbuster", "it sounds like a film trailer now"])
def test_a_scene_word_ending_in_er_is_no_comparative(clip, pop, said):
    r = apply(clip, pop, said)   # the music now like a big epic scene: away (calmer), not toward it
    assert r.question is None and sum(energies(r.plan)) < sum(energies(pop))


@pytest.mark.parametrize("said", ["it sounds like a film trailer, perfect", "it feels like a ghost story and I love it",
                                  "the last shot sounds like a lullaby, which is just right for it",
                                  "sounds like a fairground, exactly what we wanted"])
def test_a_simile_the_user_praises_changes_nothing(clip, pop, said):
    r = apply(clip, pop, said)
    assert r.plan == pop and "glad" in r.reply.lower()


def test_praise_elsewhere_does_not_keep_a_complaint(clip, pop):
    r = apply(clip, pop, "it's way too much like a memorial service, otherwise perfect")
    assert r.question is None and sum(energies(r.plan)) > sum(energies(pop))


def test_a_style_asked_for_and_i_feel_like_as_i_think_still_read_as_before(clip, pop):
    assert apply(clip, pop, "can you make it sound like a 70s cop show").plan.style == "funk"
    r = apply(clip, pop, "I feel like the bass is a bit too quiet")
    assert r.question is None and r.plan.style == pop.style and "bass louder" in r.reply.lower()
    r = apply(clip, pop, "it sounds like the drums are way too loud")
    assert r.question is None and "drums softer" in r.reply.lower()


@pytest.mark.parametrize("said", ["we really don't want it to sound like a graveyard", "it should not feel like a hearse",
                                  "please don't make it sound like a tear jerker"])
def test_a_wish_said_not_to_be_moves_away(clip, pop, said):
    r = apply(clip, pop, said)
    assert r.question is None and sum(energies(r.plan)) > sum(energies(pop))


def test_a_wish_said_not_to_be_keeps_its_place(clip, pop):
    r = apply(clip, pop, "I'd rather the last shot didn't feel like a lullaby")
    shots = [2.5 + 5 * k for k in range(7)]   # by time: the section holding 30-40 s may be split at the shot's start
    assert r.question is None and [energy_at(r.plan, t) for t in shots] == [energy_at(pop, t) for t in shots]
    assert energies(r.plan, 35) > energies(pop, 35)
