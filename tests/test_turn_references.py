"""Places said by reference to what was said before, through a real Session: a name said in a clause of its own
beside a place ("the toast, 0:12 to 0:20, ..."; "accent the cut at 0:28, the kiss"), "after" a named stretch,
"that final stretch" and an overdone complaint ("now it's too busy") at the last edit's place, "it" after a
question about one mark; and readings around them: a part pulled out with a bare time after it, a style moved
away from beside an edit of a part, marks narrowed and given a kind by their time. Sentences written for this
test, in words none of the dialogue sets use; each checks the plan, and the MIDI where notes must not change."""

from __future__ import annotations

import pytest
from dialogue_check import notes_outside
from edit_clips import bikes, energy_at, level_at, long_clip

from v2m.agent.dialogue.names import said
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session


def _open(tmp_path, request="an upbeat rock score", analysis=None):
    a = analysis or long_clip(40.0, 4.0)   # shots 1-10, 4 s each
    return Session.open(a.source, request, workdir=tmp_path / "store", analysis=a, render=False), a


def _same_outside(old, new, analysis, a, b):
    """The composed MIDI is note for note the same outside [a, b)."""
    return notes_outside(old, analysis, a, b) == notes_outside(new, analysis, a, b)


@pytest.mark.parametrize("text, name, place", [
    ("the best man's toast, 0:12 to 0:20, needs a softer bed", "toast", "from 0:12 to 0:20"),
    ("accent the cut at 0:28, the kiss.", "kiss", "0:28"),
    ("the harbour sequence, shots 3 to 5, wants more air", "harbour", "shots 3 to 5"),
    ("the lighthouse is shots 6 to 8", "lighthouse", "shots 6 to 8"),
])
def test_a_name_beside_a_place_is_remembered(text, name, place):
    assert said(text).get(name) == place


@pytest.mark.parametrize("text", ["warmer, shots 3 to 5", "more energy at 0:30, the drums", "the end, 0:30 to 0:40"])
def test_an_edit_an_instrument_or_a_place_beside_a_place_is_no_name(text):
    assert not said(text)


def test_after_a_named_stretch_is_after_its_end(tmp_path):
    s, a = _open(tmp_path)
    s.say("the best man's toast, 0:12 to 0:20, needs to be much calmer")
    before = s.plan
    t = s.say("everything after the toast should be livelier")
    assert t.changed and not t.question
    assert energy_at(s.plan, 30.0) > energy_at(before, 30.0)
    assert energy_at(s.plan, 14.0) == energy_at(before, 14.0) and energy_at(s.plan, 6.0) == energy_at(before, 6.0)
    assert _same_outside(before, s.plan, a, 20.0, 40.0)


def test_that_final_stretch_is_where_the_last_edit_was(tmp_path):
    s, a = _open(tmp_path)
    s.say("make it sparser from 0:24 to the end")
    before = s.plan
    t = s.say("bass louder in that final stretch please")
    assert t.changed and level_at(s.plan, "bass", 30.0) > level_at(before, "bass", 30.0)
    assert level_at(s.plan, "bass", 10.0) == level_at(before, "bass", 10.0)
    assert _same_outside(before, s.plan, a, 24.0, 40.0)


@pytest.mark.parametrize("complaint", ["hmm, now it's too busy", "that's a bit loud now", "too much now!"])
def test_an_overdone_complaint_is_about_the_last_edit(tmp_path, complaint):
    s, a = _open(tmp_path)
    s.say("a lot more drive in shot 6")
    before = s.plan
    t = s.say(complaint)
    assert t.changed and energy_at(s.plan, 22.0) < energy_at(before, 22.0)
    assert energy_at(s.plan, 6.0) == energy_at(before, 6.0) and energy_at(s.plan, 34.0) == energy_at(before, 34.0)
    assert _same_outside(before, s.plan, a, 20.0, 24.0)


@pytest.mark.parametrize("note, gone", [("ditto: pull the bass 0:05-0:07", "bass"), ("pull the bass in shot 3", "bass")])
def test_a_part_pulled_with_a_bare_time_or_a_shot_goes(tmp_path, note, gone):
    s, a = _open(tmp_path, "upbeat electronic score", bikes())
    before = s.plan
    t = s.say(note)
    assert t.changed
    at = 6.5 if "0:05" in note else 4.0
    section = next(x for x in s.plan.sections if x.start_s <= at < x.end_s)
    assert gone not in effective_roles(s.plan, section)
    assert gone in effective_roles(before, next(x for x in before.sections if x.start_s <= at < x.end_s))


def test_a_style_moved_away_from_beside_an_edit_of_a_part_only_colours_it(tmp_path):
    s, a = _open(tmp_path, "a warm acoustic score")
    before = s.plan
    t = s.say("shot 5 needs to be more relaxed, not corporate")
    assert t.changed and not t.question and s.plan.style == before.style
    assert energy_at(s.plan, 18.0) < energy_at(before, 18.0) and energy_at(s.plan, 30.0) == energy_at(before, 30.0)
    assert _same_outside(before, s.plan, a, 16.0, 20.0)


def test_narrowing_marks_the_last_edit_made_stronger_keeps_those_of_its_stretch(tmp_path):
    s, a = _open(tmp_path, "a chill lofi beat")   # every cut already marked (accents and crashes)
    s.say("put a hit on every cut after 0:20")
    t = s.say("hmm too many. just the first two")
    assert t.changed and not t.question
    kept = {round(h.time_s, 1) for h in s.plan.hit_points}
    assert {20.0, 24.0} <= kept and not {28.0, 32.0, 36.0} & kept and {4.0, 8.0, 12.0, 16.0} <= kept


@pytest.mark.parametrize("note, at, kind", [("can the accent at 0:07 be a sting instead", 7.48, "stab"),
                                            ("change the accent at 0:05 to a crash", 5.48, "crash")])
def test_a_mark_named_by_its_time_takes_the_kind_said_after_it(tmp_path, note, at, kind):
    s, a = _open(tmp_path, "upbeat electronic score", bikes())
    before = {round(h.time_s, 2) for h in s.plan.hit_points}
    t = s.say(note)
    assert t.changed and {round(h.time_s, 2) for h in s.plan.hit_points} == before   # no new mark beside it
    assert next(h.kind for h in s.plan.hit_points if abs(h.time_s - at) < 0.01) == kind


def test_it_after_a_question_about_one_mark_is_that_mark(tmp_path):
    s, a = _open(tmp_path, "upbeat electronic score", bikes())
    s.say("what sort of hit is the accent at 0:05 right now?")
    before = s.plan
    t = s.say("turn it into a crash then")
    assert t.changed and not t.question
    assert next(h.kind for h in s.plan.hit_points if abs(h.time_s - 5.48) < 0.01) == "crash"
    assert [h for h in s.plan.hit_points if abs(h.time_s - 5.48) > 0.01] == \
        [h for h in before.hit_points if abs(h.time_s - 5.48) > 0.01]
