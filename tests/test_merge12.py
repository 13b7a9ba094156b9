"""The lead's fixes while merging the twelfth session's branches, each through a chat Session (tests in my words)."""
from __future__ import annotations

import pytest

from edit_clips import make_analysis

from v2m.agent.dialogue.session import Session


@pytest.fixture()
def chat(tmp_path):
    a = make_analysis(30.0, 25.0, [150, 325, 525], source="synthetic.mp4")   # cuts at 6, 13 and 21 s
    return Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)


def _stops(plan) -> list[float]:
    return [round(h.time_s, 1) for h in plan.hit_points if h.kind == "stop"]


@pytest.mark.parametrize("said, at", [
    # a chord said with its own moment is how that stop sounds (left12b's final chord made it a button at the end too)
    ("at 5 seconds stop everything with one final chord, then the groove returns", [5.0]),
    ("stop the music at 0:17 with a big closing chord", [17.0]),
    # with no moment of its own, a final chord is the cue's button at the end (left12b)
    ("give it a proper final chord", [30.0]),
])
def test_a_final_chord_lands_where_its_stop_is_said(chat, said, at):
    chat.say(said)
    assert _stops(chat.plan) == at


def test_the_subs_are_read_the_same_in_every_process():
    # readfix12b's "sub, not subs" was written into the alternation only when the set's order put a word after "sub"
    from v2m.agent.dialogue.mentions import INSTR_ALT

    assert r"sub(?!s\b)" in INSTR_ALT and "|sub|" not in INSTR_ALT


@pytest.mark.parametrize("said, at", [
    # the clauses were cut at the commas: every time after the first was lost and the reply did not say so
    ("could I get accents at 0:04, 0:09 and 0:17", [4.0, 9.0, 17.0]),
    ("crashes at 0:12 0:20 0:25", [12.0, 20.0, 25.0]),
])
def test_clock_times_listed_for_marks_are_each_marked(chat, said, at):
    chat.say(said)
    assert [t for t in at if any(abs(h.time_s - t) < 0.05 for h in chat.plan.hit_points)] == at


def test_a_listed_time_beside_another_edit_keeps_that_edit(chat):
    chat.say("a stab at 0:09, louder from 0:20")
    assert any(abs(h.time_s - 9.0) < 0.05 and h.kind == "stab" for h in chat.plan.hit_points)
    assert chat.plan.sections[-1].energy > 0.7
