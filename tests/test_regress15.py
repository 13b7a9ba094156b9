"""Regressions the fifteenth session's merges made on the banks' tune halves (notes REGRESS15), each through a real
chat Session, in the bank's wording and in other words of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, level_at, open_chat


@pytest.mark.parametrize("said", ["boom boom crash too much!! softer pls", "the boom boom is too loud",
                                  "turn the boom boom down a bit"])
def test_the_kit_said_as_its_sound_twice_is_the_drums(tmp_path, said):
    # spelling.undoubled (a word doubled for emphasis said once) read 'boom boom' as 'boom': the drums became a
    # complaint about the whole ('softer': less energy everywhere) or a moment asked about ('Where is the boom?')
    chat = open_chat(tmp_path, "rock")
    before = chat.plan
    turn = chat.say(said)
    assert level_at(chat.plan, "drums", 10) < level_at(before, "drums", 10), turn.reply
    assert energies(chat.plan) == energies(before), turn.reply


@pytest.mark.parametrize("said, read", [("a small small bell", "a small bell"), ("small small quieter", "a little quieter"),
                                        ("add a tom tom fill", "add a tom tom fill"), ("the boom boom", "the boom boom")])
def test_a_doubled_word_is_still_read_once(said, read):
    from v2m.agent.dialogue.spelling import undoubled

    assert undoubled(said) == read


@pytest.mark.parametrize("said, at", [("the music should grow and grow until the first cut, that is the peak", 6),
                                      ("build up until the second cut, that's the climax", 13)])
def test_a_peak_said_of_the_place_after_it_is_a_swell_there(tmp_path, said, at):
    # place_words.appositive read '..., that is the peak' as a name given to the place (review15's '..., that's the
    # hard step'), so the peak was dropped: no swell at the cut
    chat = open_chat(tmp_path, "jazz")
    turn = chat.say(said)
    assert any(abs(h.time_s - at) <= 0.35 and h.kind == "swell" for h in chat.plan.hit_points), turn.reply


def test_a_name_given_to_a_place_is_still_no_mood(tmp_path):
    chat = open_chat(tmp_path, "jazz")
    before = chat.plan
    turn = chat.say("from 0:13 to 0:21 a little slower, that's the hard step")
    assert energies(chat.plan) == energies(before) and chat.plan.tempo_bpm == before.tempo_bpm, turn.reply
