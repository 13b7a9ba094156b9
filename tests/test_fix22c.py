"""Places said beside a moment of the picture (p-tune, written before the fix, in the user's words and other voices):
"when they open the big present from Father Christmas, that's the last picture, ..." names the place by the picture
counted, so the edit lands there, even when the moment's own words hold a "from" ("the present from Santa"), which
is no place of its own."""

from __future__ import annotations

import pytest
from edit_clips import long_clip, open_long


@pytest.fixture()
def xmas(tmp_path):
    """A 70 s home video, a cut every 7 s (shots 1-10), scored as a brass band."""
    return open_long(tmp_path, "festive christmas brass band", long_clip(70.0, 7.0))


@pytest.mark.parametrize("said, lo, hi, change", [
    ("When they open the big present from Father Christmas, that's the last picture, could it swell right up like an "
     "orchestra at the end of a film?", 63, 70, "rise"),
    # other voices
    ("where the parcel from Auntie May gets opened, which is the last photo, build it right up", 63, 70, "rise"),
    ("When the kids get the bike from their grandad, that's the ninth picture, can it be a lot louder there?", 56, 63, "up"),
    ("as the dog runs off with the paper from the presents, that is the third picture, quieter there please", 14, 21, "down"),
])
def test_a_place_said_by_the_picture_counted_beside_a_moment(xmas, said, lo, hi, change):
    """p-tune christmas-13 t4: the moment's words ("from Father Christmas") held a "from", so the picture counted beside
    it was taken for a name given to a place of its own and dropped; the moment was then asked about."""
    before = xmas.plan
    turn = xmas.say(said)
    assert not turn.question, turn.reply
    after = xmas.plan
    outside = [(s.start_s, s.energy) for s in after.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    was = [(s.start_s, s.energy) for s in before.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    assert outside == was, turn.reply
    inside = [s.energy for s in after.sections if lo - 0.05 <= s.start_s < hi - 0.05]
    old = before.sections[before.section_at((lo + hi) / 2)].energy
    if change == "rise":
        assert len(inside) >= 2 and inside[-1] > inside[0], turn.reply
    elif change == "up":
        assert inside and min(inside) > old, turn.reply
    else:
        assert inside and max(inside) < old, turn.reply
