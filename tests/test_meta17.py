"""Metamorphic gaps the seventeenth session's bench found (tests/bench/bench_metamorphic.py), each cause through a real
Session on a synthetic clip, in sentences of our own in several voices (texting, polite, crew, learner, dictation):
the same request said another way must be read the same.

- a thanks said beside an edit ("energy up, thanks!", "thanks, slow it") was read as a sign-off and nothing changed;
- a review note's heading time after an opener ("so, 00:12 - too busy here", "ok so 0:15 ...") lost its place;
- a moment counted with "in" before any word but a closed list ("hit it 17 seconds in with a crash", "a big
  cymbal 17 seconds in :)") was no moment: the place was asked for, or the edit went everywhere;
- two neighbouring letters swapped in a long word the readers know but the tokenizer's English lacks ("crsecendo",
  "riatrdando", "shkaers") were left as typed: nothing was read, or the place alone.
"""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, open_chat, tempos


@pytest.mark.parametrize("said", ["speed it up, thanks!", "speed it up thx", "thanks, speed it up",
                                  "A touch quicker, thank you.", "hurry it along please, cheers",
                                  "pick up the pace ty", "faster thank you"])
def test_a_thanks_beside_a_faster_is_still_the_edit(lofi_chat, said):
    # before: "X, thanks!" with no word of WISH_BESIDE_CLOSING_RE in X was a sign-off: nothing changed
    before = tempos(lofi_chat.plan)
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert all(a > b for a, b in zip(tempos(lofi_chat.plan), before)), turn.reply


@pytest.mark.parametrize("said", ["energy up, thanks!", "more oomph pls, ta", "thank you, give it some punch",
                                  "Bring up the energy. Thanks!"])
def test_a_thanks_beside_more_energy_is_still_the_edit(lofi_chat, said):
    before = energies(lofi_chat.plan)
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert sum(energies(lofi_chat.plan)) > sum(before), turn.reply


@pytest.mark.parametrize("said", ["thanks, that's great", "cheers, that'll do nicely", "perfect, thank you!",
                                  "much better, thanks!", "lovely, ty", "thank you so much, it's perfect now",
                                  "yes. that's the cinematic one. ty", "night night, and thank you 🌙"])
def test_thanks_alone_or_with_praise_still_signs_off(lofi_chat, said):
    lofi_chat.say("a bit faster")
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    assert lofi_chat.plan == before and not turn.changed, turn.reply


@pytest.mark.parametrize("said", ["so, 00:15 - could it be less busy here?", "ok so 0:15 - calmer here pls",
                                  "and 00:15 — way too much going on here, tone it down",
                                  "so like, 0:15 - chill it out", "right, 0:15: less energy", "also 00:15, calmer"])
def test_a_heading_time_after_an_opener_is_the_notes_place(lofi_chat, said):
    # before: only a time at the very start headed the note; "so, 00:15 - ..." asked where, or changed everywhere
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert energy_at(lofi_chat.plan, 16.0) < energy_at(before, 16.0), turn.reply
    assert energy_at(lofi_chat.plan, 3.0) == energy_at(before, 3.0), turn.reply   # the first shot as it was


@pytest.mark.parametrize("said", ["hit it 17 seconds in with a crash", "a big cymbal 17 seconds in :)",
                                  "a crash seventeen seconds in - it's the reveal",
                                  "the door slams 17 secs in, put a hit on it", "gimme a hit 17s in yeah"])
def test_a_moment_counted_with_in_before_any_word_is_that_moment(lofi_chat, said):
    before = [h.time_s for h in lofi_chat.plan.hit_points]
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    new = [h.time_s for h in lofi_chat.plan.hit_points if h.time_s not in before]
    assert new and all(16.5 <= t <= 17.5 for t in new), (turn.reply, new)


def test_a_length_inside_a_place_is_still_no_moment(lofi_chat):
    # "in" before what it holds: "the first 5 seconds in the intro" is no moment 5 seconds in
    turn = lofi_chat.say("fade the first 5 seconds in softly")
    assert not any(4.5 <= h.time_s <= 5.5 for h in lofi_chat.plan.hit_points), turn.reply


@pytest.mark.parametrize("typed, meant", [("crsecendo into the last shot", "crescendo into the last shot"),
                                          ("can we get a riatrdando at the end", "can we get a ritardando at the end"),
                                          ("add some shkaers pls", "add some shakers please"),
                                          ("the twnikly sound is too loud", "the twinkly sound is too loud"),
                                          ("but gnetler please", "but gentler please")])
def test_two_letters_swapped_in_a_long_word_are_put_back(typed, meant):
    # before: put right only towards the tokenizer's English words, which lack these ("crescendo", "twinkly", "shakers")
    from v2m.agent.dialogue.spelling import mended, spelled

    assert spelled(typed) == meant
    assert mended(typed).lower() == meant


def test_a_swap_towards_no_word_or_two_words_is_left_as_typed():
    from v2m.agent.dialogue.spelling import mended

    assert mended("the zqxwv sounds odd") == "the zqxwv sounds odd"


@pytest.mark.parametrize("typed, meant", [("Twinkly bells, but gnetler please", "Twinkly bells, but gentler please"),
                                          ("add some shkaers pls", "add some shakers pls")])
def test_a_swapped_word_reads_as_the_word_in_a_chat(tmp_path, typed, meant):
    a, b = open_chat(tmp_path / "typed", "tense lofi music"), open_chat(tmp_path / "meant", "tense lofi music")
    turn, want = a.say(typed), b.say(meant)
    assert want.changed and not want.question, want.reply
    assert a.plan.model_dump(exclude={"reasoning"}) == b.plan.model_dump(exclude={"reasoning"}), (turn.reply, want.reply)
