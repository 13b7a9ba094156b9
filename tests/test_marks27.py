"""A mark asked for as "a big cymbal moment" or "a drum moment" on a cut (session 27): a crash or a hit there,
and no "I did not act on ..." for the words it was read from (before: nothing read, or the learned model's plain
accent with that line). The wordings are written for these tests, not taken from the dialogue sets; each through a
real chat Session with the rules planner on the 60 s clip cut every 4 s (cut n at 4n s), whose cuts carry marks of
their own (crashes): so the marks asked for here fall between cuts.
"""

from __future__ import annotations

import pytest
from edit_clips import edited


def _kind(plan, t: float) -> str | None:
    return next((h.kind for h in plan.hit_points if abs(h.time_s - t) < 0.05), None)


@pytest.mark.parametrize("said,at", [
    ("could we have a big cymbal moment at 0:10", 10.0),
    ("one cymbal sound at 0:22 please", 22.0),
    ("i'd love a massive cymbal moment at 0:30", 30.0),
])
def test_a_cymbal_moment_is_a_crash(tmp_path, said, at):
    old, new, reply = edited(tmp_path, "jazz", said)
    assert _kind(old, at) != "crash" and _kind(new, at) == "crash", reply
    assert "did not act" not in reply, reply
    assert [h for h in old.hit_points if abs(h.time_s - at) > 0.05] == [h for h in new.hit_points if abs(h.time_s - at) > 0.05]


def test_a_drum_moment_is_a_mark_there(tmp_path):
    old, new, reply = edited(tmp_path, "jazz", "a big drum moment at 0:18")
    assert _kind(old, 18.0) is None and _kind(new, 18.0) is not None, reply
    assert "did not act" not in reply, reply


@pytest.mark.parametrize("said", ["could we get a huge cymbal moment when the fourth shot starts",
                                  "a big cymbal when shot 4 starts"])
def test_a_cymbal_moment_as_a_shot_starts_is_its_cut(tmp_path, said):
    """The cut into shot 4 (0:12) carries a crash already: nothing added (before: a cymbal part added over shot 4, or
    nothing read), and the reply says the crash is there."""
    old, new, reply = edited(tmp_path, "jazz", said)
    assert new.model_dump(exclude={"reasoning"}) == old.model_dump(exclude={"reasoning"}), reply
    assert "0:12" in reply and "crash" in reply, reply
