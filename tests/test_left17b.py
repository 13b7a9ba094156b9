"""Items the sixteenth session left (notes LEFT17, "left17b: state, structure, isolation"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the chords,
tenor sax on the tune; shot k is [4(k-1), 4k]), in the user's words and in other voices of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies


# ----------------------------------------------------------------------------- 3. the energy taken to its limit

@pytest.mark.parametrize("said", ["max energy",
                                  # other voices: texting, a learner, crew jargon, a plain sentence
                                  "energy to the max pls", "please give it the most energy possible",
                                  "maximum intensity", "crank the energy all the way up", "energy to 11"])
def test_max_energy_takes_every_shot_to_the_top(jazz_long, said):
    """"max energy" says where the energy goes, not how far it moves: every shot at the top (before: +0.2 in each
    shot, the opening still at 0.67, or read as a switch to rock); the reply says the energy once."""
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert set(energies(jazz_long.plan)) == {1.0}, turn.reply
    assert jazz_long.plan.style == "jazz", turn.reply


@pytest.mark.parametrize("said", ["max energy in shot 5", "shot 5: full energy"])
def test_max_energy_at_a_place_is_there_only(jazz_long, said):
    before = energies(jazz_long.plan)
    turn = jazz_long.say(said)
    after = energies(jazz_long.plan)
    assert after[4] == 1.0 and after[:4] == before[:4] and after[5:] == before[5:], turn.reply


@pytest.mark.parametrize("said", ["minimum energy", "as calm as it gets, lowest energy possible"])
def test_min_energy_takes_every_shot_to_the_bottom(jazz_long, said):
    turn = jazz_long.say(said)
    assert turn.changed and max(energies(jazz_long.plan)) <= 0.1, turn.reply


@pytest.mark.parametrize("said", ["more energy", "a bit more energy in shot 5", "slower where the music has the most energy"])
def test_a_step_of_energy_is_still_a_step(jazz_long, said):
    # guard: a plain "more energy" moves each shot from its own level; "the most energy" of a place is no limit
    turn = jazz_long.say(said)
    assert set(energies(jazz_long.plan)) != {1.0}, turn.reply


# ----------------------------------------------------------------------------- 9. thanks in another language

@pytest.mark.parametrize("said", ["Prachtig, dank je wel!",
                                  # other voices: a French, German, Spanish, Italian, Swedish speaker signing off
                                  "merci beaucoup!", "danke schön, perfekt", "muchas gracias!!", "grazie mille",
                                  "tack så mycket :)"])
def test_thanks_in_another_language_changes_nothing(jazz_long, said):
    """A person who slips into their own language to thank ("Prachtig, dank je wel!": "lovely, thank you very much")
    signs off: nothing changes and nothing is asked (before: "I didn't follow 'prachtig'. Do you mean more energy?")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert "?" not in turn.reply, turn.reply


def test_thanks_in_another_language_beside_a_wish_is_the_wish(jazz_long):
    # guard: the thanks is no edit, the wish beside it still is
    turn = jazz_long.say("merci! but a bit slower please")
    assert turn.changed and jazz_long.plan.tempo_bpm < 139, turn.reply
