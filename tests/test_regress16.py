"""What the sixteenth session's merges lost and regress16 mended, item by item against the start (main at 4b89460),
through a real chat Session (conftest's `jazz_long`: the synthetic 60 s clip cut every 4 s, jazz)."""

from __future__ import annotations

import pytest
from edit_clips import energy_at


@pytest.mark.parametrize("said, inside, outside", [
    ("fade in across the first 6.5 seconds", 2, 20),   # places-tune's 'fade in across the first 7.5 seconds'
    ("less energy for the first 5.5 secs", 2, 20),
    ("bring the energy down over the first 6.5 secs.", 2, 20),
    ("less energy in the last 4.5 seconds", 58, 40)])
def test_seconds_with_a_decimal_are_no_count_of_shots(jazz_long, said, inside, outside):
    """'the first 7.5 seconds' is seconds: review16's 'the first three, I think' (three shots) read 'the first 7'
    before '.5' as the first seven shots (before: the energy changed from 0:00 to 0:28)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.question, turn.reply
    assert energy_at(jazz_long.plan, inside) != energy_at(before, inside), turn.reply
    assert energy_at(jazz_long.plan, outside) == energy_at(before, outside), turn.reply


@pytest.mark.parametrize("first, then, kept", [
    ("crash on every cut", "jk just last 2", 2),                     # b-tp-06 turn 3 (set b, a phone typer)
    ("a crash at each cut please", "actually only keep the last two crashes", 2),
    ("crash every cut", "ok no crashes then", 0)])
def test_marks_taken_out_said_as_marks_and_what_stays(jazz_long, first, then, kept):
    """left16c's one phrase for many marks ('No crashes (3, 0:01.2 to 0:05.5).') claimed no mark in the reply's
    words (the honesty reader takes '<kind> at' for a mark: b-tp-06 turn 3 was judged dishonest) and said 'no
    crashes' where two stayed: now 'No crash at 3 points from 0:01.2 to 0:05.5 (2 crashes left).'"""
    from dialogue_honesty import honesty

    jazz_long.say(first)
    old = jazz_long.plan
    turn = jazz_long.say(then)
    crashes = [h for h in jazz_long.plan.hit_points if h.kind == "crash"]
    assert len(crashes) == kept, turn.reply
    assert not honesty(turn, old, jazz_long.plan), turn.reply
    assert ("no crashes left" if not kept else f"{kept} crashes left") in turn.reply, turn.reply
    assert turn.reply.count("0:") <= 2, turn.reply


@pytest.mark.parametrize("said, at", [("that stab at 0:21 feels corny, lose it and keep it swinging", 21.0),
                                      ("the stab on the last cut sounds cheesy, drop it", 21.0),
                                      ("that stab at 0:21 is too much, get rid of it", 21.0)])
def test_a_mark_judged_then_taken_out_is_that_mark_only(jazz_chat, said, at):
    """test_hits_wordings' 'that stab at 0:21 feels corny, lose it ...' (failing on main): review16's fronted.said_first
    took 'that stab at 0:21 feels corny' for the thing taken back ('lose that stab at 0:21 feels corny'), and 'corny'
    asked a mood question; a thing said with how it feels is left to the readers of a judged mark."""
    jazz_chat.say("a stab on the last cut")
    before = {round(h.time_s, 1): h.kind for h in jazz_chat.plan.hit_points}
    sections = [s.model_dump() for s in jazz_chat.plan.sections]
    turn = jazz_chat.say(said)
    after = {round(h.time_s, 1): h.kind for h in jazz_chat.plan.hit_points}
    assert not turn.question, turn.reply
    assert before.get(at) == "stab" and at not in after, turn.reply
    assert after == {t: k for t, k in before.items() if t != at}, turn.reply
    assert [s.model_dump() for s in jazz_chat.plan.sections] == sections, turn.reply
