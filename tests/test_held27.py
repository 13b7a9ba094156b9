"""A part held back until a place is its entry there (session 27, `held_back`): "hold the drums back until 0:20",
"don't start the drums until 0:20", "wait until the fifth cut to bring in the strings", "no need to bring in the
drums until shot 3". Where the part is silent, it comes in from there; where it plays, it is silent before there.
Before, each of these read as the part brought in (or louder) up to that place: the opposite.
"Hold the bass in until 0:20" and "keep the drums until 0:20" hold nothing back and are left to the other readers.

The wordings are written for these tests, not taken from the dialogue sets. Each through a real chat Session with the
rules planner on the 60 s clip cut every 4 s (cut n at 4n s; shot n is [4(n-1), 4n]).
"""

from __future__ import annotations

import pytest
from edit_clips import open_long

from v2m.agent.dialogue.operations import effective_roles


def _playing(plan, role: str) -> list[bool]:
    return [role in effective_roles(plan, s) for s in plan.sections]


def _starts(plan) -> list[float]:
    return [s.start_s for s in plan.sections]


@pytest.mark.parametrize("said,at", [
    ("hold the drums back until 0:20", 20.0),
    ("Don't start the drums until 0:20.", 20.0),
    ("no need to bring in the drums until shot 3", 8.0),
    ("wait till the fifth cut to bring in the drums", 20.0),
    ("could you hold back the drums till 0:32 please", 32.0),
    ("we don't need to add drums until the fourth cut", 16.0),
])
def test_a_part_held_back_comes_in_there(tmp_path, said, at):
    s = open_long(tmp_path, "a gentle acoustic folk song, no drums")
    assert not any(_playing(s.plan, "drums"))
    turn = s.say(said)
    assert not turn.question, turn.reply
    plays = dict(zip(_starts(s.plan), _playing(s.plan, "drums")))
    assert all(p == (t >= at - 0.05) for t, p in plays.items()), (plays, turn.reply)


@pytest.mark.parametrize("said,at", [
    ("hold the drums back until 0:20", 20.0),
    ("hold off on the drums till the third cut", 12.0),
    ("Hold the drums back until 0:20, please.", 20.0),
])
def test_a_part_playing_held_back_is_silent_before(tmp_path, said, at):
    s = open_long(tmp_path, "rock")
    turn = s.say(said)
    assert not turn.question, turn.reply
    plays = dict(zip(_starts(s.plan), _playing(s.plan, "drums")))
    assert all(p == (t >= at - 0.05) for t, p in plays.items()), (plays, turn.reply)
