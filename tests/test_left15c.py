"""Defects the fourteenth session left (notes LEFT15, "left15c: places and stretches"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: shot k is [4(k-1), 4k]), in the user's
words and in other words of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, tempo_at


# ----------------------------------------------------------------------------- 1. a stretch's end said after its edit

@pytest.mark.parametrize("said", ["from the 2nd shot on, calmer, up to the fifth",
                                  # mine
                                  "from shot 2, make it calmer, up to shot 5",
                                  "from the second shot onwards, softer, up until the fifth"])
def test_an_end_said_with_up_to_after_the_edit_closes_the_stretch(jazz_long, said):
    """The user means shots 2 to 5 calmer (0:04-0:20), the rest as it was. Before: "up to the fifth" was read as
    "up" (more energy before shot 5) and the calm ran to the end."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(energy_at(plan, t) < energy_at(before, t) for t in (5, 10, 14, 18)), turn.reply
    assert all(energy_at(plan, t) == energy_at(before, t) and tempo_at(plan, t) == tempo_at(before, t)
               for t in (1, 22, 40, 58)), turn.reply


def test_up_to_a_time_after_the_edit_closes_it_too(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("from 0:08 on, louder, up to 0:30")
    assert energy_at(jazz_long.plan, 20) > energy_at(before, 20) and energy_at(jazz_long.plan, 40) == energy_at(before, 40), turn.reply


def test_a_bare_up_at_a_place_is_still_more(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("up in shot 2, less in shot 3")
    assert energy_at(jazz_long.plan, 5) > energy_at(before, 5) and energy_at(jazz_long.plan, 9) < energy_at(before, 9), turn.reply
