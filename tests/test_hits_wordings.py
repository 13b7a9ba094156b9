"""Marks asked in everyday words (the hits family: tests/hits_bank), each through a real Session on a synthetic clip,
in sentences of our own, not the bank's: a cymbal or a thump at a cut named by the shot it begins, a time said
loosely or twice, two marks of two kinds in one breath, the band stopped dead, a crescendo landing on a moment, a
moment left to flow (or already unmarked). Each asserts the plan before and after: the mark where asked, of the
kind asked, and the other marks as they were."""

from __future__ import annotations

import pytest
from edit_clips import make_analysis

from v2m.agent.dialogue.session import Session

# One clip for all: 30 s, cut at 6, 13 and 21 s (shots 1-4); the jazz score marks each cut from the start.
CUTS_S = (6, 13, 21)


@pytest.fixture()
def session(tmp_path):
    a = make_analysis(30.0, 25.0, [int(t * 25) for t in CUTS_S], source="synthetic.mp4")
    return Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)


def _marks(plan) -> dict[float, str]:
    return {round(h.time_s, 1): h.kind for h in plan.hit_points}


def _said(session, text: str) -> tuple[dict, dict, object]:
    before = _marks(session.plan)
    r = session.say(text)
    return before, _marks(session.plan), r


@pytest.mark.parametrize("said, at, kind", [
    ("give me a ride cymbal crash on the cut into shot four", 21.0, "crash"),
    ("smash the cymbals as it jumps to the second shot", 6.0, "crash"),
    ("a stab right where shot three ends and four begins", 21.0, "stab"),
    ("a stab on the transition between shot 2 and shot 3", 13.0, "stab"),
    ("stab the second edit", 13.0, "stab"),
    ("a sting the moment shot 4 appears", 21.0, "stab"),
])
def test_a_mark_at_a_cut_named_by_its_shot_or_as_an_edit(session, said, at, kind):
    before, after, r = _said(session, said)
    assert not r.question, r.reply
    assert after[at] == kind
    assert {t: k for t, k in after.items() if t != at} == {t: k for t, k in before.items() if t != at}


@pytest.mark.parametrize("said, times, kind", [
    ("could I get a cymbal splash at roughly 0:17", [17.0], "crash"),
    ("a big thump at approximately 0:09 when the ball lands", [9.0], "accent"),
    ("stabs at 0:04 and again at 0:24", [4.0, 24.0], "stab"),
    ("at 0:19 when she waves, put a hit", [19.0], "accent"),
])
def test_a_mark_at_a_time_said_loosely_or_twice(session, said, times, kind):
    before, after, r = _said(session, said)
    assert not r.question, r.reply
    assert all(after.get(t) == kind or kind == "accent" and t in after for t in times), after   # an accent: any mark
    assert {t: k for t, k in after.items() if t not in times} == before


def test_two_marks_of_two_kinds_in_one_clause(session):
    before, after, r = _said(session, "a stab at 0:03 and a splash cymbal on the last cut")
    assert not r.question, r.reply
    assert after[3.0] == "stab" and after[21.0] == "crash"


@pytest.mark.parametrize("said, at", [
    ("at 0:24 everybody stops dead", 24.0),
    ("stop everything dead on the second cut", 13.0),
    ("at 0:08 slam on the brakes", 8.0),
])
def test_the_band_stopped_at_a_moment_is_a_stop(session, said, at):
    before, after, r = _said(session, said)
    assert not r.question, r.reply
    assert after[at] == "stop"


@pytest.mark.parametrize("said, at", [("a crescendo that lands on 0:15", 15.0), ("a slow build peaking at 0:08", 8.0)])
def test_a_crescendo_landing_on_a_moment_is_a_swell_there(session, said, at):
    before, after, r = _said(session, said)
    assert not r.question, r.reply
    assert after[at] == "swell"


@pytest.mark.parametrize("said, at", [
    ("the band shouldn't react to the first cut, keep swinging", 6.0),
    ("play straight through the cut at 0:21 without punctuating it", 21.0),
    ("leave the edit into shot 2 alone, no accent", 6.0),
])
def test_a_cut_left_to_flow_loses_its_mark(session, said, at):
    before, after, r = _said(session, said)
    assert not r.question, r.reply
    assert at in before and at not in after
    assert {t: k for t, k in after.items()} == {t: k for t, k in before.items() if t != at}


def test_no_mark_asked_where_there_is_none_changes_nothing_and_says_so(session):
    before, after, r = _said(session, "no hit at 0:10 please")
    assert not r.question and after == before
    assert "no mark at 0:10" in r.reply
