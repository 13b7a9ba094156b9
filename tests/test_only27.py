"""A part said to play only at a place (session 27, `only_there`): "the drums should only play in the second half",
"the bass play only after 0:24", "keep the guitar only until the third cut". The part is kept out everywhere else (where
it plays), or brought in there (where it is silent). Said bare ("drums only till shot 2, then the band joins") it can
be the part alone there: left to the other readers (not tested here). Before, the grammar read nothing and the learned model's "remove" was placed at
the place said: the part taken out exactly where it was wanted.

The wordings are written for these tests, not taken from the dialogue sets. Each through a real chat Session with the
rules planner on the 60 s clip cut every 4 s (cut n at 4n s; shot n is [4(n-1), 4n]).
"""

from __future__ import annotations

import pytest
from edit_clips import open_long

from v2m.agent.dialogue.operations import effective_roles


def _plays(plan, role: str) -> dict[float, bool]:
    return {s.start_s: role in effective_roles(plan, s) for s in plan.sections}


@pytest.mark.parametrize("style,said,role,lo,hi", [
    ("rock", "the drums should only play in the second half please", "drums", 30.0, 60.0),
    ("rock", "could the bass play only after 0:24", "bass", 24.0, 60.0),
    ("jazz", "keep the piano only until the third cut", "harmony", 0.0, 12.0),
    ("jazz", "i'd like the drums only from 0:40 on", "drums", 40.0, 60.0),
    ("rock", "the guitar should just come in for the last 20 seconds", "harmony", 40.0, 60.0),
])
def test_a_part_only_at_a_place_plays_there_alone(tmp_path, style, said, role, lo, hi):
    s = open_long(tmp_path, style)
    assert all(_plays(s.plan, role).values())
    turn = s.say(said)
    assert not turn.question, turn.reply
    plays = _plays(s.plan, role)
    assert all(p == (lo - 0.05 <= t < hi - 0.05) for t, p in plays.items()), (plays, turn.reply)


def test_a_silent_part_only_at_a_place_comes_in_there(tmp_path):
    s = open_long(tmp_path, "a gentle acoustic folk song, no drums")
    turn = s.say("the drums should only come in for the last third")
    assert not turn.question, turn.reply
    plays = _plays(s.plan, "drums")
    assert all(p == (t >= 40 - 0.05) for t, p in plays.items()), (plays, turn.reply)


def test_a_part_that_only_enters_at_a_place_plays_on_from_there(tmp_path):
    """ "only kick in at the fifth cut" is an entry (the part from there on), not the part only in that shot: the first
    version of only_there read it so (CI, tests/test_instruments_edit.py)."""
    s = open_long(tmp_path, "rock")
    turn = s.say("the bass should only come in at the fifth cut")
    assert not turn.question, turn.reply
    plays = _plays(s.plan, "bass")
    assert all(p == (t >= 20 - 0.05) for t, p in plays.items()), (plays, turn.reply)
