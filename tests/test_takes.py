"""Takes and routes spoken in a turn: "another take of shot 2" redraws only the section holding shot 2
(its notes here, its audio in test_session_audio.py); "use musicgen" / "back to midi" switch the route."""

from __future__ import annotations

import pytest
from edit_clips import bikes

from v2m.agent.dialogue.understanding import apply_edit


@pytest.mark.parametrize("words, route", [
    ("switch to the audio route", "audio"), ("use musicgen", "audio"), ("let's try generated audio", "audio"),
    ("hybrid", "hybrid"), ("use musicgen melody", "hybrid"), ("go to the hybrid route please", "hybrid")])
def test_a_turn_switches_the_route_and_nothing_else(jazz_plan, words, route):
    r = apply_edit(bikes(), jazz_plan, words)
    assert r.question is None and r.plan.route == route, r.reply
    assert r.plan.sections == jazz_plan.sections and r.plan.tempo_bpm == jazz_plan.tempo_bpm
    assert f"-> {route}" in r.reply
    back = apply_edit(bikes(), r.plan, "back to midi")
    assert back.plan.route == "symbolic" and back.plan.sections == jazz_plan.sections


def test_route_questions_and_words_that_are_not_routes(jazz_plan):
    r = apply_edit(bikes(), jazz_plan, "back to midi")
    assert r.question and "already on the symbolic" in r.question and r.plan == jazz_plan
    r = apply_edit(bikes(), jazz_plan, "use the audio route for shot 2")
    assert r.question and "whole score" in r.question and r.plan == jazz_plan
    r = apply_edit(bikes(), jazz_plan, "make the audio louder")  # loudness, not a route
    assert r.plan.route == "symbolic" and r.plan.loudness_lufs > jazz_plan.loudness_lufs


@pytest.mark.parametrize("words, taken", [
    ("another take of shot 2", [0]), ("regenerate the ending", [1]), ("redo the intro", [0]),
    ("another take of 0:07-0:09", [1]), ("a new take of the last shot", [1]), ("regenerate everything", [0, 1])])
def test_a_take_marks_only_the_sections_named(jazz_plan, words, taken):
    r = apply_edit(bikes(), jazz_plan, words)
    assert r.question is None, r.reply
    assert len(r.plan.sections) == len(jazz_plan.sections)  # a take never splits a section
    for i, (old, new) in enumerate(zip(jazz_plan.sections, r.plan.sections)):
        if i in taken:
            assert new.take == old.take + 1 and new.model_copy(update={"take": old.take}) == old
        else:
            assert new == old
    assert "ew take of the" in r.reply and "take 2" in r.reply  # the reply is the plan diff


def test_takes_respect_locks_and_ask_about_unknown_parts(jazz_plan):
    locked = apply_edit(bikes(), jazz_plan, "keep the intro as it is").plan
    r = apply_edit(bikes(), locked, "another take of shot 2")
    assert r.question and "locked" in r.question and r.plan == locked
    r = apply_edit(bikes(), locked, "regenerate")
    assert [s.take for s in r.plan.sections] == [0, 1] and r.reply.count("ew take of") == 1
    r = apply_edit(bikes(), jazz_plan, "regenerate the chorus")  # no chorus here: ask, never redraw everything
    assert r.question and "intro (0:00-0:05.5)" in r.question and r.plan == jazz_plan
    both = apply_edit(bikes(), jazz_plan, "switch to audio and another take of shot 2").plan
    assert both.route == "audio" and [s.take for s in both.sections] == [1, 0]
    again = apply_edit(bikes(), both, "use musicgen and regenerate the ending").plan  # already on audio
    assert again.route == "audio" and [s.take for s in again.sections] == [1, 1]


def test_another_take_redraws_that_sections_notes_only(jazz_plan):
    from v2m.tools.music.compose import compose

    a = compose(jazz_plan, bikes())
    taken = apply_edit(bikes(), jazz_plan, "another take of the ending").plan
    b = compose(taken, bikes())
    assert b.section_notes(0) == a.section_notes(0)
    assert b.section_notes(1) != a.section_notes(1) and len(b.section_notes(1)) > 10
    again = compose(taken, bikes())  # a take is a seed, not chance: the same take gives the same notes
    assert again.section_notes(1) == b.section_notes(1)
    second = compose(apply_edit(bikes(), taken, "another take of the ending").plan, bikes())
    assert second.section_notes(1) not in (a.section_notes(1), b.section_notes(1))
