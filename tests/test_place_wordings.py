"""Places said in the many ways people say them, read by `place_finders.locate` and through a real Session: other
names for a cut ("transition", "edit point") and a shot ("scene"), minutes said in words ("one minute
fifteen", "a minute in"), clock times missing their minutes (":25") or written with a dot ("0.20-0.35"),
stretches from one cut or shot to another, listed shots, a shot with its neighbours ("the final shot and the
two before it"), ordinals typed in haste, and a place put right as it is said ("from 0:50... sorry, 0:55");
and the energy named and turned down or up ("lower the intensity") read as less or more energy at that place.

The clip is 100 s cut every 5 s: cut k at 5k s, shot k from 5(k-1) to 5k s."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from edit_clips import long_clip

from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from bench_places import changed  # noqa: E402 - the one reading of which stretch a turn changed


@pytest.fixture()
def session(tmp_path):
    a = long_clip(100.0, 5.0)
    return Session.open(a.source, "a warm pop score", workdir=tmp_path / "store", analysis=a, render=False), a


@pytest.mark.parametrize("words,span", [
    ("from the second transition on", (10, 100)), ("at edit point 4", (20, 25)), ("in scene 7", (30, 35)),
    ("the fourth scene", (15, 20)), ("the last three scenes", (85, 100)),
    ("between one minute ten and one minute twenty-five", (70, 85)), ("one minute fifteen to one minute thirty", (75, 90)),
    ("a minute in", (60, 100)), ("after the first minute", (60, 100)), ("from a minute and five seconds", (65, 100)),
    ("from :25 to :40", (25, 40)), ("0.20-0.35", (20, 35)),
    ("the 2nd cut till the 6th cut", (10, 30)), ("from cut 3 until cut 7", (15, 35)),
    ("from 3rd cut up to the 9th shot", (15, 45)), ("shot 4 to shot 6", (15, 30)),
    ("the 5th shot through the 8th shot", (20, 40)), ("upto the 4th cut", (0, 20)), ("til the 2nd cut", (0, 10)),
    ("from fourteen seconds through to thirty seconds", (14, 30)), ("the fouth shot", (15, 20)),
    ("the final shot and the two before it", (85, 100)), ("the first shot and the one after it", (0, 10)),
    ("shots 2 3 and 4", (5, 20)), ("shots nine, ten and eleven", (40, 55)),
    ("between the 2nd cut and the 4th cut", (10, 20))])
def test_a_place_said_any_way_is_the_stretch_meant(session, words, span):
    s, a = session
    got = locate(words, a, s.plan)
    assert got is not None and (round(got.start_s, 2), round(got.end_s, 2)) == span


def test_shots_apart_in_a_list_are_not_read_as_a_stretch(session):
    s, a = session
    got = locate("shots 2, 5 and 9", a, s.plan)
    assert got is None or (got.start_s, got.end_s) != (5, 45)


def _landed(session, request_: str) -> tuple[float, float] | None:
    """The stretch whose sections changed when `request_` was said (never a question)."""
    s, a = session
    old = s.plan
    r = s.say(request_)
    assert not getattr(r, "question", None), r.reply
    return changed(old, s.plan, a.duration_s)


@pytest.mark.parametrize("request_,span", [
    ("in shots six, seven and eight, less energy please", (25, 40)),
    ("the last shot and the one before it drag, make them faster", (90, 100)),
    ("drums out from 0:50... sorry, from 0:55 on", (55, 100)),
    ("more energy from the 3rd transition to the 6th transition", (15, 30)),
    ("the ninth scene could be calmer", (40, 45)),
    ("please lower the intensity from 0:30 to 0:45", (30, 45)), ("between the 3rd cut and the 6th cut, softer", (15, 30)), ("turn the energy up in scene 3", (10, 15))])
def test_the_edit_lands_on_the_stretch_named(session, request_, span):
    assert _landed(session, request_) == span


@pytest.mark.parametrize("request_,span", [
    ("from the first cut to 0:30, faster please", (5, 30)),
    ("from the first cut until the 20 second mark: less energy", (5, 20)),
    ("after cut 2, give it more energy, until cut 5", (10, 25)),
    ("the drums are way too loud, bring them down from 0:40 to 0:55", (40, 55))])
def test_a_place_around_or_after_the_edit_still_bounds_it(session, request_, span):
    """"From the first cut to ..." is a stretch of the picture, not the first version of the score; a place
    whose end comes after the edit, or in the clause after a complaint, still bounds the edit."""
    assert _landed(session, request_) == span


@pytest.mark.parametrize("request_,span", [
    ("the opening three shots need a slow build", (0, 15)),
    ("a progressive rise between 0:20 and 0:40", (20, 40)),
    ("the closing two shots, less energy", (90, 100)),
    ("in shot 5 can the bass come up a touch", (20, 25)),
    ("could the bass come down slightly from 0:30 to 0:50", (30, 50))])
def test_the_kind_of_edit_said_in_other_words_lands_on_its_place(session, request_, span):
    """A growth said as a noun ("a slow build"), a part that "comes up a touch", and a count after "opening" or
    "closing" (shots 1-3, not shots named "opening three") each change the stretch named."""
    assert _landed(session, request_) == span


@pytest.mark.parametrize("request_,span", [
    ("from the start to 0:30 keep it low-key", (0, 30)),
    ("from the very beginning to 0:20, can you keep it low key", (0, 20))])
def test_from_the_start_to_a_time_is_a_place_and_low_key_is_no_key(session, request_, span):
    """"From the start" followed by its end is the stretch up to that end (not the intro, not the first
    version), and "low-key" asks for subdued music, not the key as it was."""
    assert _landed(session, request_) == span


@pytest.mark.parametrize("request_,span", [
    ("in shot 3 the drums are great but could they be a bit busier", (10, 15)),
    ("from 0:40 to 0:50 the bass sounds good, just make it all louder", (40, 50))])
def test_a_part_fine_at_a_place_keeps_the_place(session, request_, span):
    """"In shot 3 the drums are great, but ...": a part said to be fine is no place said to be fine, so the
    edit after it still lands where the request began."""
    assert _landed(session, request_) == span


@pytest.mark.parametrize("request_,span", [
    ("the wedding bit from 0:10 to 0:20 needs less energy", (10, 20)),
    ("the wedding toast between 0:30 and 0:45 should be calmer", (30, 45))])
def test_a_style_word_naming_the_picture_at_a_place_is_no_style(session, request_, span):
    """A word that may name a style ("wedding") said of a place with an edit of its own names what is seen
    there: the edit is made at that place, not a question about switching the whole score's style."""
    assert _landed(session, request_) == span
