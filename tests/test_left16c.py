"""Defects the fifteenth session left (notes LEFT16, "left16c: from the left items and read-backs"), each through a
real chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on
the chords, tenor sax on the tune; shot k is [4(k-1), 4k]), in the user's words and in other words of the same
family."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels

from v2m.agent.dialogue.operations import effective_roles

BAND = ("drums", "bass", "harmony", "melody")


def _level(plan, role: str) -> set[float]:
    return set(levels(plan, role))


# ----------------------------------------------------------------------------- 9. a part played too hard

@pytest.mark.parametrize("said, role", [("the drums hit too hard", "drums"),
                                        # mine
                                        ("the drums are hitting way too hard", "drums"),
                                        ("the kick hits a bit too hard", "drums"),
                                        ("the piano comes in too strong", "harmony"),
                                        ("the bass is playing too loud in shot 3", "bass")])
def test_a_part_played_too_hard_is_softer(jazz_long, said, role):
    """A complaint about how hard a part plays: that part softer against the others, the energy, the loudness and
    the other parts as they were (before: "hit too hard" read as the drums added: +2 dB and more energy)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert min(levels(plan, role)) < 0 and max(levels(plan, role)) <= 0, turn.reply
    assert all(_level(plan, r) == {0.0} for r in set(BAND) - {role}), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply
