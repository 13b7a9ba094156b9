"""Messages that lean on the change before them (issue 11, `agent/dialogue/followups.py`), in this file's own words
(not the follow-ups bank's), each through a real Session on a synthetic clip: the last edit again ("further still"),
part of the way back ("that went too far"), at another place as well ("the last shot could use that as well"),
moved ("oops, I meant shot 3"), for another part ("the bass as well"), and approval that changes nothing ("nailed
it, cheers"); a message with a place or a meaning of its own is still read on its own."""

from __future__ import annotations

import pytest
from edit_clips import tempo_at

from v2m.agent.dialogue.operations import effective_roles

MIDS = (3.0, 9.5, 17.0, 25.5)


def _at(plan, t):
    return plan.sections[plan.section_at(t)]


def _plays(plan, t, role):
    return role in effective_roles(plan, _at(plan, t))


@pytest.mark.parametrize("said", ["again please", "further still", "a touch more", "keep going with it", "more of that",
                                  "slower still"])
def test_the_same_again_goes_further_the_same_way(jazz_chat, said):
    jazz_chat.say("a little slower")
    p1 = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert not turn.question and jazz_chat.plan.tempo_bpm < p1.tempo_bpm


@pytest.mark.parametrize("said", ["louder still", "bit more"])
def test_a_part_louder_then_more_is_that_part_not_the_mix(jazz_chat, said):
    jazz_chat.say("bring the bass forward")
    p1 = jazz_chat.plan
    jazz_chat.say(said)
    assert all(_at(jazz_chat.plan, t).levels_db.get("bass", 0) > _at(p1, t).levels_db.get("bass", 0) for t in MIDS)
    assert jazz_chat.plan.loudness_lufs == p1.loudness_lufs


@pytest.mark.parametrize("said", ["that went too far", "bit much now", "hmm, overcooked it", "not that much",
                                  "little less", "tone it down a bit", "less of that"])
def test_too_much_goes_part_of_the_way_back_only_where_the_edit_was(jazz_chat, said):
    p0 = jazz_chat.plan
    jazz_chat.say("more drive in the third shot")
    p1 = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert not turn.question
    e0, e1, e2 = (_at(p, 17.0).energy for p in (p0, p1, jazz_chat.plan))
    assert e0 < e2 < e1
    assert all(_at(jazz_chat.plan, t) == _at(p1, t) for t in (3.0, 9.5, 25.5))


@pytest.mark.parametrize("said", ["too boomy now", "now it's way too heavy"])
def test_too_something_now_after_a_part_went_up_takes_it_part_of_the_way_back(jazz_chat, said):
    jazz_chat.say("bring the bass forward")
    p1 = jazz_chat.plan
    jazz_chat.say(said)
    assert all(0 < _at(jazz_chat.plan, t).levels_db.get("bass", 0) < _at(p1, t).levels_db.get("bass", 0) for t in MIDS)


def test_the_other_way_with_too_goes_part_of_the_way_back(jazz_chat):
    p0 = jazz_chat.plan
    jazz_chat.say("faster")
    p1 = jazz_chat.plan
    jazz_chat.say("it's a bit too rushed now")
    assert p0.tempo_bpm < jazz_chat.plan.tempo_bpm < p1.tempo_bpm


@pytest.mark.parametrize("said, shot", [("the last shot could use that as well", 25.5), ("plus the third shot", 17.0),
                                        ("give shot 2 the same", 9.5)])
def test_the_same_at_another_place_too_keeps_the_first(jazz_chat, said, shot):
    p0 = jazz_chat.plan
    jazz_chat.say("gentler in the first shot")
    p1 = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert not turn.question
    assert _at(jazz_chat.plan, shot).energy < _at(p0, shot).energy
    assert _at(jazz_chat.plan, 3.0).energy == _at(p1, 3.0).energy


@pytest.mark.parametrize("said", ["oops, I meant shot 3", "no, the third shot, not the second", "hmm not shot 2, shot 3",
                                  "move that to shot 3", "should've been shot 3",
                                  "sorry, it should be the third shot rather than the second"])
def test_a_correction_moves_the_last_edit(jazz_chat, said):
    jazz_chat.say("no drums in shot 2")
    turn = jazz_chat.say(said)
    assert not turn.question
    assert _plays(jazz_chat.plan, 9.5, "drums") and not _plays(jazz_chat.plan, 17.0, "drums")


@pytest.mark.parametrize("said, role", [("the bass as well", "bass"), ("same with the sax", "melody"),
                                        ("lose the piano there too", "harmony")])
def test_another_part_too_goes_where_the_first_went(jazz_chat, said, role):
    jazz_chat.say("no drums in the last shot")
    turn = jazz_chat.say(said)
    assert not turn.question
    assert not _plays(jazz_chat.plan, 25.5, role) and all(_plays(jazz_chat.plan, t, role) for t in (3.0, 9.5, 17.0))


@pytest.mark.parametrize("said", ["nailed it, cheers", "that's the one, thank you", "sounds much warmer now, well done",
                                  "Great. The sax solo is gorgeous, we're good", "bang on", "good to go"])
def test_approval_changes_nothing_and_asks_nothing(jazz_chat, said):
    jazz_chat.say("a little slower")
    p1 = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert jazz_chat.plan == p1 and "?" not in turn.reply


@pytest.mark.parametrize("said", ["great, now add a flute", "nice, but slower in the last shot", "ok, the intro calmer"])
def test_approval_beside_a_wish_is_the_wish(jazz_chat, said):
    jazz_chat.say("a little slower")
    p1 = jazz_chat.plan
    jazz_chat.say(said)
    assert jazz_chat.plan != p1


def test_a_place_of_its_own_is_read_on_its_own(jazz_chat):
    jazz_chat.say("slower")
    p1 = jazz_chat.plan
    jazz_chat.say("slower in shot 3")
    assert tempo_at(jazz_chat.plan, 17.0) < tempo_at(p1, 17.0)
    assert all(tempo_at(jazz_chat.plan, t) == tempo_at(p1, t) for t in (3.0, 9.5, 25.5))


def test_a_new_change_at_another_place_is_not_the_last_one_again(jazz_chat):
    jazz_chat.say("slower in the last shot")
    p1 = jazz_chat.plan
    jazz_chat.say("and the second shot a bit quicker")
    assert tempo_at(jazz_chat.plan, 9.5) > tempo_at(p1, 9.5) and tempo_at(jazz_chat.plan, 25.5) == tempo_at(p1, 25.5)


def test_too_much_after_a_part_went_out_is_asked(jazz_chat):
    jazz_chat.say("no piano in shot 2")
    p1 = jazz_chat.plan
    turn = jazz_chat.say("too much")
    assert turn.question and jazz_chat.plan == p1


def test_the_same_word_again_without_a_cue_is_read_as_said(jazz_chat):
    jazz_chat.say("slower in the last shot")
    p1 = jazz_chat.plan
    jazz_chat.say("slower")
    assert tempo_at(jazz_chat.plan, 3.0) < tempo_at(p1, 3.0)


def test_too_much_of_a_part_the_score_lacks_is_not_the_last_edit_taken_back(jazz_chat):
    jazz_chat.say("more drive in the third shot")
    p1 = jazz_chat.plan
    turn = jazz_chat.say("hmm the violins are a bit much")
    assert jazz_chat.plan == p1 and turn.question


def test_too_much_with_like_it_was_before_goes_all_the_way_back(jazz_chat):
    p0 = jazz_chat.plan
    jazz_chat.say("more drive in the third shot")
    jazz_chat.say("shot 3 is too much now, make it like it was before")
    assert _at(jazz_chat.plan, 17.0).energy == _at(p0, 17.0).energy
