"""What the second read-back of the eleventh session found (notes READBACK11B_REPORT, items 3, 4, 8), each through a
real Session (jazz on a 60 s clip cut every 4 s), in the report's wording and in other words: a question with a
description or an aside beside it was read as an order ("where is the third cut? the drums there are louder than the
rest" raised the drums); "the last shot is great now, keep it up!" locked the last shot; "add a rock and roll guitar"
switched the style to rock and added a rock organ."""

from __future__ import annotations

import pytest


# ----------------------------------------------------------------------------- 3. a question, then a description

@pytest.mark.parametrize("said, fact", [
    ("where is the third cut? the drums there are louder than the rest", "0:12"),   # before: drums +5 dB in 0:12-0:16
    ("what key is it? the strings sound brighter than I expected", "F major"),   # before: "already in F major"
    ("what's the tempo? I want to check before we change more", "139.4 BPM"),   # before: "Do you mean faster?"
    ("how many cuts are there? we need to know before we do more", "0:04")])
def test_a_question_with_a_state_or_an_aside_beside_it_is_answered(jazz_long, said, fact):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert turn.reply.startswith("The ") and fact in turn.reply and "already" not in turn.reply, turn.reply   # an answer


def test_a_change_told_after_a_question_is_still_done(jazz_long):
    turn = jazz_long.say("what's the tempo? a bit faster than that")
    assert turn.changed and jazz_long.plan.tempo_bpm > 139.4, turn.reply


# ----------------------------------------------------------------------------- 4. a cheer after praise of a place

@pytest.mark.parametrize("said", ["the last shot is great now, keep it up!", "the intro is lovely, keep it coming"])
def test_a_cheer_after_praise_of_a_place_changes_and_locks_nothing(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and not turn.question and jazz_long.plan == before, turn.reply
    assert "Locked" not in turn.reply


def test_a_keep_after_praise_of_a_place_still_locks_it(jazz_long):
    turn = jazz_long.say("the first shot is perfect now, don't touch it")
    assert turn.changed and "Locked from 0:00 to 0:04" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. a kind of part added

@pytest.mark.parametrize("said", ["add a rock and roll guitar", "add some rock and roll guitars in the last shot"])
def test_a_part_added_with_its_kind_is_that_part_and_the_style_stays(jazz_long, said):
    turn = jazz_long.say(said)
    after = jazz_long.plan
    assert turn.changed and after.style == "jazz", turn.reply
    assert "guitar" in turn.reply.lower() and "organ" not in turn.reply.lower(), turn.reply


def test_two_parts_added_with_and_are_both_added_and_a_style_named_still_switches(jazz_long):
    turn = jazz_long.say("add strings and piano")
    assert "string" in turn.reply.lower(), turn.reply
    turn = jazz_long.say("make it rock and add a guitar")
    assert jazz_long.plan.style == "rock", turn.reply
