"""Defects the fourteenth session left (notes LEFT15, "left15a: the score's parts and fades"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the chords,
tenor sax on the tune), in the user's words and in other words of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels

from v2m.agent.dialogue.operations import effective_roles

OTHERS = ("bass", "harmony", "melody")   # jazz's parts beside the drums


def _level(plan, role: str) -> set[float]:
    return set(levels(plan, role))


# ----------------------------------------------------------------------------- 6. the rest of the band against a part

@pytest.mark.parametrize("said", ["the others quieter than the drums",
                                  # mine
                                  "everything else quieter than the drums", "make everything except the drums quieter",
                                  "the rest of the band should be softer than the drums"])
def test_the_rest_quieter_than_a_part_moves_every_other_part_down(jazz_long, said):
    """The user wants the drums on top by taking the others down: every other part playing steps back, the drums,
    the loudness and the energy stay, and no part is taken out (before: the drums -5 dB, the way asked against;
    "everything except the drums quieter" kept only the drums)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert _level(plan, "drums") == {0.0} and all(max(levels(plan, r)) < 0 for r in OTHERS), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply
    assert all(set(effective_roles(plan, s)) == {"drums", *OTHERS} for s in plan.sections), turn.reply


def test_the_rest_louder_than_a_part_moves_every_other_part_up(jazz_long):
    turn = jazz_long.say("everything but the bass louder")
    plan = jazz_long.plan
    assert _level(plan, "bass") == {0.0} and all(min(levels(plan, r)) > 0 for r in ("drums", "harmony", "melody")), turn.reply


# ----------------------------------------------------------------------------- 4. a limit between two parts

@pytest.mark.parametrize("said", ["the drums shouldn't be louder than the piano",
                                  # mine
                                  "never let the drums get louder than the piano", "keep the drums under the piano",
                                  "the drums must not be louder than the piano"])
def test_a_part_not_louder_than_another_steps_under_it(jazz_long, said):
    """A balance: the drums at or below the piano, the piano and the rest as they are (before: the drums +5 dB)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(d <= p - 3 for d, p in zip(levels(plan, "drums"), levels(plan, "harmony"))), turn.reply
    assert _level(plan, "harmony") == {0.0} and energies(plan) == energies(before), turn.reply
    assert plan.loudness_lufs == before.loudness_lufs, turn.reply


def test_a_part_not_quieter_than_another_comes_over_it(jazz_long):
    turn = jazz_long.say("the piano shouldn't be quieter than the drums")
    plan = jazz_long.plan
    assert all(p > d for d, p in zip(levels(plan, "drums"), levels(plan, "harmony"))), turn.reply
