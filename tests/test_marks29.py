"""Marks said the ways two writers blind to the grammar said them (session 29, `tests/wordings29h`), in wordings
written for these tests, not taken from that data: the mark placed last named by reference and moved by a step, to a
place, put right ("... not 4"), removed or followed by another (`that_mark`); several cuts in one breath; shorthand
("first cut = stop"); "the ones at"; a time told in a clause of its own beside a bare "big crash"; a chord struck at a
moment (a stab, not a guitar); "cut out dead"; a point inside a shot. Before, each was asked about or read as
something else (an undo, a tempo, an instrument to add).

Each through a real chat Session with the rules planner on the 60 s clip cut every 4 s (cut n at 4n s). On 41413b2
(before these readers) 11 of these 16 tests fail; "get rid of that stab", "the car hits the wall at 0:33. big crash",
"cut out dead", "a hit at 0:07 and another at 0:29" and the reference with no mark before were read there already,
and stay as guards.
"""

from __future__ import annotations

import pytest
from edit_clips import open_long


def _marks(plan) -> dict[float, str]:
    return {round(h.time_s, 2): h.kind for h in plan.hit_points}


@pytest.mark.parametrize("style,turns,there,gone", [
    ("jazz", ["stab at 0:30", "nudge that stab two seconds later"], {32.0: "stab"}, [30.0]),
    ("cinematic", ["a crash at 0:17", "move it one cut earlier"], {16.0: None}, [17.0]),
    ("jazz", ["a stab at 0:21", "get rid of that stab"], {}, [21.0]),
    ("lofi", ["an accent at 0:37", "hmm, that accent should go on 0:39 instead"], {39.0: None}, [37.0]),
    ("lofi", ["a stab at 0:18", "keep it, and add another at 0:50"], {18.0: "stab", 50.0: "stab"}, []),
    ("lofi", ["a stab at 0:09", "also a stab three cuts after that"], {9.0: "stab", 20.0: "stab"}, []),
    ("lofi", ["stab on cut 4", "stab on cut 5! not 4"], {20.0: "stab"}, [16.0]),
    ("lofi", ["stings on cuts 3, 6 and 9"], {12.0: "stab", 24.0: "stab", 36.0: "stab"}, []),
    ("ambient", ["first cut = stop"], {4.0: "stop"}, []),
    ("jazz", ["remove the ones at 0:08 and 0:16"], {}, [8.0, 16.0]),
    ("cinematic", ["the car hits the wall at 0:33. big crash please"], {33.0: None}, []),   # (an accent: "hits ... at" read first)
    ("classical", ["a big orchestral chord on cut 7"], {28.0: "stab"}, []),
    ("folk", ["an accent at the midpoint of shot 5"], {18.0: None}, []),
    ("rock", ["the band should cut out dead at 0:41"], {41.0: "stop"}, []),
    ("folk", ["a hit at 0:07 and another at 0:29"], {7.0: None, 29.0: None}, []),
])
def test_a_mark_said_in_other_words_is_placed_where_meant(tmp_path, style, turns, there, gone):
    s = open_long(tmp_path, style)
    for t in turns:
        turn = s.say(t)
    assert not turn.question, turn.reply
    marks = _marks(s.plan)
    for t, kind in there.items():
        assert t in marks and (kind is None or marks[t] == kind), (turn.reply, marks)
    for t in gone:
        assert not any(abs(t - m) < 0.3 for m in marks), (turn.reply, marks)


def test_a_reference_with_no_mark_before_is_left_as_said(tmp_path):
    """No mark was placed: "move it one cut later" is no move of a mark (the readers see the words as said)."""
    s = open_long(tmp_path, "lofi")
    old = s.plan
    s.say("move it one cut later")
    assert s.plan.hit_points == old.hit_points


def test_a_mark_put_somewhere_with_the_is_a_new_one_not_the_last_moved(tmp_path):
    s = open_long(tmp_path, "lofi")
    s.say("a stab at 0:10")
    s.say("put the crash at 0:30")
    marks = _marks(s.plan)
    assert marks.get(10.0) == "stab" and marks.get(30.0) == "crash", marks


def test_it_names_the_last_mark_only_right_after_it(tmp_path):
    """"push it to 0:40" after a tempo change: not the stab two turns back (a stab named by its word still is)."""
    s = open_long(tmp_path, "lofi")
    s.say("a stab at 0:10")
    s.say("slower in the second half")
    s.say("push it to 0:40")
    assert _marks(s.plan).get(10.0) == "stab"
    s.say("move the stab to 0:41")
    marks = _marks(s.plan)
    assert marks.get(41.0) == "stab" and 10.0 not in marks, marks
