"""Mends after the twenty-first session's merges (mend21e): each a test that passed before a merge and the branch's own
case, kept both. Written before the mend, through a real chat Session (no rendering).

1. "the tail end of the intro" is the intro's tail end (test_scope14, `within.piece`), while "the tail end" alone is
   the ending (read20, `place_words`).
2. "since minute 1" is from 1:00 on (test_rewordings), while "in minute one" is the first 60 seconds (fix20a,
   `spoken_times.FIRST_MINUTE_RE`).
"""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip, open_long, tempo_at


def _moved(old, new, t: float) -> bool:
    return abs(energy_at(new, t) - energy_at(old, t)) > 1e-6 or abs(tempo_at(new, t) - tempo_at(old, t)) > 1e-6


# ----------------------------------------------------------------------------- 1. the tail end of a place

@pytest.mark.parametrize("said, inside, outside", [
    ("calmer at the tail end of the intro", [3.75], [0.25, 10.25]),          # the user's words (test_scope14)
    ("less energy in the tail-end of the intro", [3.75], [0.25, 10.25]),
    ("can the tail end of the intro be calmer", [3.75], [0.25, 10.25]),
    ("make the tail end of shot 3 calmer", [11.75], [8.25, 20.25]),          # shot 3 is 8-12 s
])
def test_the_tail_end_of_a_place_is_that_place_s_tail(tmp_path, said, inside, outside):
    s = open_long(tmp_path, "jazz")
    old = s.plan
    turn = s.say(said)
    assert turn.changed and not turn.question, (said, turn.reply)
    assert all(_moved(old, s.plan, t) for t in inside), (said, turn.reply)
    assert not any(_moved(old, s.plan, t) for t in outside), (said, turn.reply)


@pytest.mark.parametrize("said", ["louder right at the tail end", "more energy at the tail end of the song"])
def test_the_tail_end_alone_or_of_the_whole_is_still_the_ending(tmp_path, said):
    s = open_long(tmp_path, "jazz")
    old = s.plan
    turn = s.say(said)
    assert turn.changed and not turn.question, (said, turn.reply)
    assert _moved(old, s.plan, 59.75) and not _moved(old, s.plan, 10.25), (said, turn.reply)


# ----------------------------------------------------------------------------- 2. since minute one

@pytest.mark.parametrize("said", ["since minute 1, the pace a little higher",   # the user's words (test_rewordings)
                                  "since minute one make it a bit faster",
                                  "starting at minute 1, a little quicker please",
                                  "starting from minute one, speed it up a bit"])
def test_since_minute_one_is_from_one_minute_on(tmp_path, said):
    from v2m.agent.dialogue.session import Session

    s = Session.open("clip.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(90.0, 10.0), render=False)
    before = s.plan
    turn = s.say(said)
    assert turn.changed and not turn.question, (said, turn.reply)
    assert tempo_at(s.plan, 75) > tempo_at(before, 75) and tempo_at(s.plan, 30) == tempo_at(before, 30), turn.reply
