"""What readback14a found in the fourteenth session's first round (notes READBACK14A_REPORT), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`), in the report's words and in other words:
a prohibition of how a part plays took the part out; ..."""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.operations import effective_roles


def _plays(plan, role: str) -> bool:
    return any(role in effective_roles(plan, s) for s in plan.sections)


def _level(plan, role: str) -> list[float]:
    return [s.levels_db.get(role, 0.0) for s in plan.sections]


# ----------------------------------------------------------------------------- 1. "don't play the sax so loud"

@pytest.mark.parametrize("said, role", [("don't play the sax so loud", "melody"), ("don't have the piano so loud", "harmony"),
                                        # mine
                                        ("don't have the drums that loud", "drums")])
def test_a_prohibition_of_how_loud_a_part_plays_turns_it_down(jazz_long, said, role):
    # before: "No melody." (a part after "don't play" counted as taken out, whatever followed it)
    turn = jazz_long.say(said)
    assert _plays(jazz_long.plan, role) and max(_level(jazz_long.plan, role)) < 0, turn.reply


def test_a_plain_prohibition_still_takes_the_part_out(jazz_long):
    jazz_long.say("don't play the sax")
    assert not _plays(jazz_long.plan, "melody")
