"""Defects the thirteenth session left (notes LEFT14, items 12-20, "where and when, marks"), each through a real
Session (conftest's `jazz_long`: jazz on a synthetic 60 s clip cut every 4 s), in the quoted wording and in other
words: both ends of one shape said in one clause ("start soft and end loud") did only the start; ..."""

from __future__ import annotations

import pytest
from edit_clips import energies


# ----------------------------------------------------------------------------- 12. both ends of one shape in a clause

@pytest.mark.parametrize("said", ["start soft and end loud",
                                  # mine
                                  "begin quiet, end huge", "start really quiet and finish up big please"])
def test_a_soft_start_and_a_loud_end_is_a_rise_over_the_whole(jazz_long, said):
    # before: "start soft" read alone turned the whole mix down (-3 LUFS) and "end loud" was lost
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    e = energies(jazz_long.plan)
    assert all(a <= b for a, b in zip(e, e[1:])) and e[0] < 0.3 and e[-1] > 0.8, e


@pytest.mark.parametrize("said", ["start loud and end soft", "begin big, finish quiet"])
def test_a_loud_start_and_a_soft_end_is_a_fall_over_the_whole(jazz_long, said):
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    e = energies(jazz_long.plan)
    assert all(a >= b for a, b in zip(e, e[1:])) and e[-1] < 0.25, e
