"""What the sixteenth session's merges mended themselves, through a real chat Session (conftest's `jazz_long`: the
synthetic 60 s clip cut every 4 s, jazz)."""

from __future__ import annotations

import pytest
from edit_clips import tempos


@pytest.mark.parametrize("said", ["scratch that last one, previous take was the keeper", "ditch the latest change",
                                  "nah the take before was better", "bin that last tweak pls",
                                  "the previous take was the keeper", "ok scrap that last edit"])
def test_the_last_edit_thrown_away_in_a_takes_words(jazz_long, said):
    """n-d-cop-show t5 ("scratch that last one, previous take was the keeper", a tune turn lost when left16a made its
    turn 4 act): the last edit thrown away, or the take before it kept, said the editor's way, is back one version."""
    first = jazz_long.plan
    jazz_long.say("faster from shot 4 on and add a horn section")
    assert jazz_long.plan != first
    turn = jazz_long.say(said)
    assert not turn.question, turn.reply
    assert jazz_long.plan == first, turn.reply


@pytest.mark.parametrize("said", ["drop the last shot's drums", "kill the last hit"])
def test_last_words_that_throw_no_version_away(jazz_long, said):
    """A part or a mark of the last place, or a remark on it, is no undo of the last edit."""
    jazz_long.say("faster from shot 4 on")
    after = jazz_long.plan
    turn = jazz_long.say(said)
    assert tempos(jazz_long.plan) == tempos(after), turn.reply   # the faster tempo stays


@pytest.mark.parametrize("said", ["that stab at 0:21 feels corny, lose it", "the sax in shot 3 sounds cheesy, drop it",
                                  "that crash at 0:08 feels too much, lose it"])
def test_a_complaint_said_first_then_lose_it_is_no_fronted_undo(jazz_long, said):
    """review16's `fronted` read "that stab at 0:21 feels corny, lose it" as "lose that stab at 0:21 feels corny" (a
    thing said first, then the verb on "it") and asked what 'corny' should be (test_hits_wordings): the thing said first
    is a noun phrase, never a clause with its verb; the complaint and its "it" are the mark and part readers' own."""
    jazz_long.say("a stab at 0:21")
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply


@pytest.mark.parametrize("first, said", [("no music after 0:40", "after she talks, at 0:48, music come back"),
                                         ("no music after 0:40", "after she talk, at 0:48, music come back")])
def test_a_time_after_a_clause_of_its_own_is_a_place_not_an_appositive(jazz_long, first, said):
    """review16's appositive time ("from when the salmon takes the fly, about 0:22, till the end") took "at 0:48" into
    "after she talk" (test_review10 learner-nonna-3 asked where 'at 0:48' is): a time beside a side said as a moment
    ("from when ...") is that side; beside any other clause, it is a place of its own, carried to the next."""
    jazz_long.say(first)
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert "0:48" in turn.reply, turn.reply
