"""Marks asked in everyday words (the hits family: tests/hits_bank), each through a real Session on a synthetic clip,
in sentences of our own, not the bank's: a cymbal or a thump at a cut named by the shot it begins, a time said
loosely or twice, two marks of two kinds in one breath, the band stopped dead, a crescendo landing on a moment, a
moment left to flow (or already unmarked). Each asserts the plan before and after: the mark where asked, of the
kind asked, and the other marks as they were."""

from __future__ import annotations

import pytest


def _marks(plan) -> dict[float, str]:
    return {round(h.time_s, 1): h.kind for h in plan.hit_points}


def _said(jazz_chat, text: str) -> tuple[dict, dict, object]:
    before = _marks(jazz_chat.plan)
    r = jazz_chat.say(text)
    return before, _marks(jazz_chat.plan), r


@pytest.mark.parametrize("said, at, kind", [
    ("give me a ride cymbal crash on the cut into shot four", 21.0, "crash"),
    ("smash the cymbals as it jumps to the second shot", 6.0, "crash"),
    ("a stab right where shot three ends and four begins", 21.0, "stab"),
    ("a stab on the transition between shot 2 and shot 3", 13.0, "stab"),
    ("stab the second edit", 13.0, "stab"),
    ("a sting the moment shot 4 appears", 21.0, "stab"),
])
def test_a_mark_at_a_cut_named_by_its_shot_or_as_an_edit(jazz_chat, said, at, kind):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert after[at] == kind
    assert {t: k for t, k in after.items() if t != at} == {t: k for t, k in before.items() if t != at}


@pytest.mark.parametrize("said, times, kind", [
    ("could I get a cymbal splash at roughly 0:17", [17.0], "crash"),
    ("a big thump at approximately 0:09 when the ball lands", [9.0], "accent"),
    ("stabs at 0:04 and again at 0:24", [4.0, 24.0], "stab"),
    ("at 0:19 when she waves, put a hit", [19.0], "accent"),
])
def test_a_mark_at_a_time_said_loosely_or_twice(jazz_chat, said, times, kind):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert all(after.get(t) == kind or kind == "accent" and t in after for t in times), after   # an accent: any mark
    assert {t: k for t, k in after.items() if t not in times} == before


def test_two_marks_of_two_kinds_in_one_clause(jazz_chat):
    before, after, r = _said(jazz_chat, "a stab at 0:03 and a splash cymbal on the last cut")
    assert not r.question, r.reply
    assert after[3.0] == "stab" and after[21.0] == "crash"


@pytest.mark.parametrize("said, at", [
    ("at 0:24 everybody stops dead", 24.0),
    ("stop everything dead on the second cut", 13.0),
    ("at 0:08 slam on the brakes", 8.0),
])
def test_the_band_stopped_at_a_moment_is_a_stop(jazz_chat, said, at):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert after[at] == "stop"


@pytest.mark.parametrize("said, at", [("a crescendo that lands on 0:15", 15.0), ("a slow build peaking at 0:08", 8.0)])
def test_a_crescendo_landing_on_a_moment_is_a_swell_there(jazz_chat, said, at):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert after[at] == "swell"


@pytest.mark.parametrize("said, at", [
    ("the band shouldn't react to the first cut, keep swinging", 6.0),
    ("play straight through the cut at 0:21 without punctuating it", 21.0),
    ("leave the edit into shot 2 alone, no accent", 6.0),
])
def test_a_cut_left_to_flow_loses_its_mark(jazz_chat, said, at):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert at in before and at not in after
    assert {t: k for t, k in after.items()} == {t: k for t, k in before.items() if t != at}


def test_no_mark_asked_where_there_is_none_changes_nothing_and_says_so(jazz_chat):
    before, after, r = _said(jazz_chat, "no hit at 0:10 please")
    assert not r.question and after == before
    assert "no mark at 0:10" in r.reply


def _silent(plan) -> list[tuple[float, float]]:
    return [(round(s.start_s, 1), round(s.end_s, 1)) for s in plan.sections if not s.music]


@pytest.mark.parametrize("said, start, end", [
    ("dead air in the third shot", 13.0, 21.0),
    ("I'd like everybody to sit out from 0:22 to 0:26", 22.0, 26.0),
    ("let it go totally silent during shot 2", 6.0, 13.0),
    ("no band at all for the first shot", 0.0, 6.0),
    ("zero music after the last cut", 21.0, 30.0),
    ("the music cuts out at 0:08 and returns at 0:11", 8.0, 11.0),
    ("the score should only start at the second cut", 0.0, 13.0),
    ("no music 0:15-0:19", 15.0, 19.0),
])
def test_silence_said_in_other_words_empties_that_stretch_only(jazz_chat, said, start, end):
    before = jazz_chat.plan
    r = jazz_chat.say(said)
    assert not r.question, r.reply
    silent = _silent(jazz_chat.plan)
    assert silent and silent[0][0] == pytest.approx(start, abs=0.8) and silent[-1][1] == pytest.approx(end, abs=0.8), silent
    assert _marks(jazz_chat.plan) == _marks(before) or all(start - 0.8 <= t <= end + 0.8 for t in
                                                          set(_marks(before)) ^ set(_marks(jazz_chat.plan)))


@pytest.mark.parametrize("said, at, kind", [
    ("crash at 0:17, loud", 17.0, "crash"),
    ("Second cut. Dead stop. Then carry on.", 13.0, "stop"),
    ("slam to a halt at 0:11, like a cartoon freeze", 11.0, "stop"),
])
def test_a_mark_said_with_how_it_sounds_after_it_is_that_mark_only(jazz_chat, said, at, kind):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert at in after and (kind is None or after[at] == kind)
    assert {t: k for t, k in after.items() if t != at} == {t: k for t, k in before.items() if t != at}


def test_music_that_should_not_react_to_a_cut_loses_its_mark(jazz_chat):
    before, after, r = _said(jazz_chat, "can the band not react to the second cut")
    assert not r.question and 13.0 in before and 13.0 not in after


@pytest.mark.parametrize("said, at", [("the first cut feels clunky. no accent there, keep it flowing", 6.0),
                                      ("the cut when the picture changes the second time: no hit, play straight through", 13.0)])
def test_a_cut_named_before_then_unmarked_there(jazz_chat, said, at):
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert at in before and at not in after and len(after) == len(before) - 1


def test_an_interjection_then_a_cut_then_the_music_stopping_is_a_stop_there(jazz_chat):
    before, after, r = _said(jazz_chat, "Look. Third cut, the music needs to just stop. Properly dead.")
    assert not r.question, r.reply
    assert after[21.0] == "stop" and {t: k for t, k in after.items() if t != 21.0} == \
        {t: k for t, k in before.items() if t != 21.0}


@pytest.mark.parametrize("said, at", [("the crash on the second cut sounds tacky, get rid of it", 13.0),
                                      ("that stab at 0:21 feels corny, lose it and keep it swinging", 21.0)])
def test_a_mark_said_to_feel_wrong_and_taken_out_is_that_mark_only(jazz_chat, said, at):
    if "stab" in said:
        jazz_chat.say("a stab on the last cut")
    sections = [s.model_dump() for s in jazz_chat.plan.sections]
    key = (jazz_chat.plan.key, jazz_chat.plan.mode)
    before, after, r = _said(jazz_chat, said)
    assert not r.question, r.reply
    assert at in before and at not in after
    assert {t: k for t, k in after.items()} == {t: k for t, k in before.items() if t != at}
    # the feeling is the mark's, not the music's: no mood, key or section moved
    assert (jazz_chat.plan.key, jazz_chat.plan.mode) == key and [s.model_dump() for s in jazz_chat.plan.sections] == sections
