"""Cross-branch breaks the seventeenth session's merges made, mended (mend17a): a moment of the picture said as the side
of a stretch with its time beside it ("from when the big salmon takes the fly, about 0:22, till the end"), and a
character word said with no direction ("more pixar")."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, open_long


# ----------------------------------------------------------------------------- 1. the side of a stretch, then its time

@pytest.mark.parametrize("said", ["since the moment the door opens, around 0:22, up to the end, slowly build it up",
                                  "frm when the dog runs in, like 0:22, to the end make it grow",
                                  "starting from when she smiles, approximately 0:22, to the end, more and more intense",
                                  "From where the car turns, about 0:22, to the end: a slow build please",
                                  "after when the hero lands, at 0:22, build it up till the end"])
def test_the_side_of_a_stretch_said_as_a_moment_then_its_time_is_that_time(tmp_path, said):
    """"from when he jumps, around 0:22, to the end, build it up": from 0:22 on; review17's joining of a scene and the
    time after its comma ("where her grandchildren are shown, around 0:26") made it "from when he jumps around 0:22", a
    place nobody can find ("Where do you mean by 'from when the big'?")."""
    s = open_long(tmp_path, "folk")
    before = s.plan
    turn = s.say(said)
    assert not turn.question and energy_at(s.plan, 58) > energy_at(s.plan, 25), turn.reply
    assert all(energy_at(s.plan, t) == energy_at(before, t) for t in (2, 10, 18)), turn.reply


@pytest.mark.parametrize("said", ["more energy when the kids run, around 0:26", "a bit louder where the bride walks in, at 0:26"])
def test_a_moment_then_its_time_with_no_side_is_still_there(tmp_path, said):
    """review17's case kept: the scene with its time after a comma, no side of a stretch, is that time's place."""
    s = open_long(tmp_path, "folk")
    before = s.plan
    turn = s.say(said)
    assert not turn.question and turn.changed, turn.reply
    assert energy_at(s.plan, 2) == energy_at(before, 2), turn.reply


# ----------------------------------------------------------------------------- 2. a film house said as a degree, or as a likeness

@pytest.mark.parametrize("said", ["a lil more disney pls", "could it be a bit more pixar?", "MORE PIXAR", "needs more disney"])
def test_a_film_house_said_only_as_a_degree_asks_which_way(jazz_long, said):
    """"more pixar": a character, more than a sound (test_ask14b); it asks which way, with options, and changes nothing
    (bankfix17b's nearest styles made it cinematic)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.question and len(turn.options or []) >= 2 and jazz_long.plan == before, turn.reply


@pytest.mark.parametrize("said", ["more pixar style", "make it sound like pixar", "can it sound more like disney",
                                  "more pixar-ish", "like a disney movie pls"])
def test_a_film_house_said_as_a_likeness_is_its_nearest_style(jazz_long, said):
    """"make it sound like pixar", "pixar style": the genre, its nearest style (bankfix17b's reading kept)."""
    turn = jazz_long.say(said)
    assert not turn.question and jazz_long.plan.style == "cinematic", turn.reply
