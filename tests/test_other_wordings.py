"""Edits as people other than the grammar's writers say them: a part told to rest ("the bass should take a
break"), a quality given ("the last shot needs some urgency"), the band brought in ("let everyone in"),
rising "through" a shot, a clause after "until X, then ...", the middle in whole shots, a person's story told
beside a request, "forget that" after a turn that changed nothing, a change already at its limit beside one
that is not, an answer that picks a reading (it goes where the question's request put it) and an answer with
a source tag. The sentences are our own, not the dialogue sets'. Readings are checked on the intents;
turns through a real Session, on the plan (energy, levels, roles, tempo) where it must and must not change."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session
from v2m.agent.dialogue.understanding import understand
from v2m.agent.planners.rules import RulesPlanner

CLIP = long_clip(40.0, 4.0)   # shots 1-10, cut every 4 s


@pytest.fixture(scope="module")
def plan():
    return RulesPlanner().plan(CLIP, "a warm acoustic score with drums and bass").plan


@pytest.fixture()
def session(tmp_path):
    return Session.open(CLIP.source, "a warm acoustic score with drums and bass", workdir=tmp_path / "store",
                        analysis=CLIP, render=False)


def read(plan, words):
    return [(it.what, it.direction, it.value, it.scope.start_s, it.scope.end_s) for it in understand(CLIP, plan, words, [plan])]


@pytest.mark.parametrize("words,want", [
    ("the bass can take a breather in shot 2", ("remove", None, "bass", 4.0, 8.0)),
    ("give the drums a rest after 0:20", ("remove", None, "drums", 20.0, 40.0)),
    ("from 0:28 the guitar should rest", ("remove", None, "guitar", 28.0, 40.0)),
])
def test_a_part_told_to_rest_is_taken_out_there(plan, words, want):
    assert read(plan, words) == [want]


@pytest.mark.parametrize("words,span", [
    ("the last shot needs some urgency", (36.0, 40.0)),
    ("give the music a bit of bite in shot 3", (8.0, 12.0)),
    ("let everyone in from the seventh shot", (24.0, 40.0)),
    ("get the whole band in for the last shot", (36.0, 40.0)),
])
def test_a_quality_given_or_the_band_brought_in_is_more_energy(plan, words, span):
    assert [(w, d, a, b) for w, d, _, a, b in read(plan, words)] == [("energy", "up", *span)]


def test_rising_through_a_shot_is_a_shape_over_it(plan):
    (it,) = understand(CLIP, plan, "lift it through the whole shot from 0:12 to 0:16", [plan])
    assert (it.what, it.direction, it.scope.start_s, it.scope.end_s) == ("shape", "up", 12.0, 16.0)
    assert it.shape[0] < it.shape[-1]


def test_a_clause_after_until_then_is_after_that_place(plan):
    said = read(plan, "keep it sparse up to the sixth shot and then open it up")
    assert said == [("energy", "down", None, 0.0, 20.0), ("energy", "up", None, 20.0, 40.0)]
    (it, *_) = understand(CLIP, plan, "build the suspense up to 0:24", [plan])
    assert (it.what, it.direction, it.scope.end_s) == ("shape", "up", 24.0)


def test_the_middle_is_whole_shots(plan):
    (it,) = understand(CLIP, plan, "calmer in the middle", [plan])
    assert (it.scope.start_s, it.scope.end_s) == (12.0, 28.0)   # not 13.3-26.7, slivers of shots 4 and 7


def test_a_story_beside_a_request_switches_no_style(session):
    style = session.plan.style
    session.say("My nan sang in a gospel choir. Can we add an organ in the last shot?")
    p = session.plan
    assert p.style == style
    assert any("organ" in n.lower() for n in p.instrumentation.values())


def test_forget_that_after_a_refusal_undoes_no_edit(session):
    session.say("add a flute")
    with_flute = dict(session.plan.instrumentation)
    t = session.say("make it like the song at Priya's engagement party")
    assert t.question and session.plan.instrumentation == with_flute
    session.say("oh forget that one. no drums in shot 4")
    p = session.plan
    assert p.instrumentation == with_flute   # the flute stays: the refused turn is what was withdrawn
    assert "drums" not in effective_roles(p, p.sections[p.section_at(14.0)])
    assert "drums" in effective_roles(p, p.sections[p.section_at(30.0)])


def test_a_change_at_its_limit_does_not_sink_the_rest(session):
    for _ in range(4):
        session.say("much more energy in shot 5")
    assert energy_at(session.plan, 18.0) == 1.0
    s = session.plan.sections[session.plan.section_at(18.0)]
    t = session.say("go nuts with the bass in shot 5")
    assert not t.question
    p = session.plan
    assert p.sections[p.section_at(18.0)].levels_db.get("bass", 0.0) > s.levels_db.get("bass", 0.0)


def test_an_answer_picking_a_reading_goes_where_the_request_put_it(session):
    before = session.plan
    t = session.say("shot 6 quicker / shot 6 slower, you choose?")
    assert t.question
    t = session.say("quicker it is.")
    p = session.plan
    assert not t.question
    moved = {k for k, s in enumerate(p.sections) if (s.tempo_bpm or p.tempo_bpm) != before.tempo_bpm}
    assert moved and all(20.0 - 0.1 <= p.sections[k].start_s and p.sections[k].end_s <= 24.1 for k in moved)


def test_an_answer_with_a_source_tag_places_the_moment(session):
    before = session.plan
    t = session.say("[producer] where the dog jumps make it bigger")
    assert t.question
    t = session.say("[editor] dog is shot 8")
    p = session.plan
    assert not t.question
    assert energy_at(p, 30.0) > energy_at(before, 30.0)
    assert energy_at(p, 10.0) == energy_at(before, 10.0) and energy_at(p, 38.0) == energy_at(before, 38.0)


@pytest.mark.parametrize("words,want", [
    ("shots 1 to 3 lower energy", [("energy", "down", None, 0.0, 12.0)]),   # not "lower" read as nothing
    ("from 0:32 on, go full", [("energy", "up", None, 32.0, 40.0)]),
    ("the last shot full throttle", [("energy", "up", None, 36.0, 40.0)]),
])
def test_terse_energy_words(plan, words, want):
    assert read(plan, words) == want


def test_a_numbered_part_said_only_with_its_shape(plan):
    said = read(plan, "part one sparse until 0:12, part two builds, part three from 0:28 on fuller")
    assert said == [("energy", "down", None, 0.0, 12.0), ("shape", "up", None, 12.0, 28.0), ("energy", "up", None, 28.0, 40.0)]


def test_someone_means_the_version_before_a_part(session):
    first = session.plan
    session.say("add a marimba in shot 2")
    session.say("a bit faster")
    t = session.say("she means before the marimba. take it out")
    assert not t.question and session.plan == first


def test_i_meant_before_a_named_moment_is_no_version(session):
    first = session.plan
    session.say("the kiss is at 0:24, slower after the kiss")
    session.say("no, I meant before the kiss")
    assert session.plan != first and session.plan.sections[session.plan.section_at(8.0)].tempo_bpm is not None
