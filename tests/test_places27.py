"""A moment of the picture named by what happens there, then its place in a clause of its own (session 27):

    "from the spa onwards, so the second cut, softer"      "till the disco, so 0:20, keep it soft"

1. The name is that place, and the stretch runs from it on (or up to it): the clause that says where it is ("so the
   second cut") is no place of its own for the edits after it (before: only the one shot after that cut changed).
2. A scene's word said as such a moment ("from the spa onwards", "up to the yoga") names the picture, no style
   wished for: before, the whole turn was one question ("That sounds like ambient ... Switch the whole score?") and
   nothing said after it was read. "make it like a spa" still asks for the style.

The wordings are written for these tests, not taken from the dialogue sets; each through a real chat Session with the
rules planner on the 60 s clip cut every 4 s (cut n at 4n s; shot n is [4(n-1), 4n]).
"""

from __future__ import annotations

import pytest
from edit_clips import edited, energy_at, level_at, tempo_at


@pytest.mark.parametrize("said,start", [
    ("from the pool onwards, so the second cut, a bit slower", 8.0),
    ("from the harbour on - that's the fourth cut - slower please", 16.0),
    ("after the toast, so the fifth cut, slow it down", 20.0),
])
def test_from_a_named_moment_on_its_place_said_after(tmp_path, said, start):
    old, new, reply = edited(tmp_path, "a warm folk song", said)
    assert tempo_at(new, start - 2) == tempo_at(old, start - 2), reply
    for t in (start + 2, start + 14, 58.0):   # every section from the named place to the end, not one shot
        assert tempo_at(new, t) < tempo_at(old, t), (t, reply)


@pytest.mark.parametrize("said,place,style", [
    ("from the spa onwards, so the third cut, softer", (12.0, 60.0), "folk"),
    ("From the wedding onwards, which is shot 4, bring the fiddle down a little", (12.0, 60.0), "folk"),
    ("up to the yoga, that's 0:24, quieter", (0.0, 24.0), "folk"),
    ("till the disco, so 0:20, keep it soft", (0.0, 20.0), "rock"),
])
def test_a_scene_word_said_as_a_moment_is_no_style(tmp_path, said, place, style):
    old, new, reply = edited(tmp_path, style, said)
    assert new.style == old.style, reply
    a, b = place
    inside, outside = (a + b) / 2, (b + 2 if a == 0 else a - 2)
    if "fiddle" in said:   # folk's melody
        assert level_at(new, "melody", inside) < level_at(old, "melody", inside), reply
        assert level_at(new, "melody", outside) == level_at(old, "melody", outside), reply
    else:
        assert energy_at(new, inside) < energy_at(old, inside), reply
        assert energy_at(new, outside) == energy_at(old, outside), reply


def test_a_scene_wished_for_is_still_a_style(tmp_path):
    old, new, reply = edited(tmp_path, "rock", "could it feel more like a spa")
    assert (old.style, new.style) == ("rock", "ambient"), reply
