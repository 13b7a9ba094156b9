"""readback15a's findings on the fifteenth session's diff (notes READBACK15A_REPORT, items 1-11), each through a real
chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the
chords, tenor sax on the tune; shot k is [4(k-1), 4k]), in the reader's words and in others of the same family."""

from __future__ import annotations

import pytest
from edit_clips import level_at, levels

OTHERS = ("bass", "harmony", "melody")   # jazz's parts beside the drums


# ----------------------------------------------------------------------------- 1. the rest of the band, with a place

@pytest.mark.parametrize(("said", "inside", "outside"), [("the others quieter than the drums in shot 3", 10, 30),
                                                         ("the others should be quieter than the drums after 0:30", 40, 10),
                                                         # mine
                                                         ("everything but the drums softer in shot 5", 18, 40)])
def test_the_rest_against_a_part_with_a_place_moves_every_other_part_there_only(jazz_long, said, inside, outside):
    """Every other part steps back in the place said, and only there (before: the first part listed, the bass, went
    down over the whole clip, because the place trailed only the last of the rewritten clauses)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed, turn.reply
    assert all(level_at(plan, r, inside) < 0 for r in OTHERS), turn.reply
    assert all(level_at(plan, r, outside) == 0 for r in OTHERS), turn.reply
    assert set(levels(plan, "drums")) == {0.0}, turn.reply
