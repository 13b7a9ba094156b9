"""Place and part readings the places and parts benches missed (tenth session), each through a real chat Session on
the 30 s synthetic clip cut at 6, 13 and 21 s, in words other than the bench's: a time with a decimal after a counted
cut ("from the first cut to the 17.5 second mark") asked which cut; a part described by its sound ("the big drums",
"that warm pad") was read as more of it or as a mood for the whole score; "the lead" in a band with no added lead
part asked which instrument; a part "screaming over everything" was turned up."""

from __future__ import annotations

import pytest
from edit_clips import level_at, open_chat, tempo_at

from v2m.agent.dialogue.operations import effective_roles


@pytest.mark.parametrize("said", ["from the first cut to the 17.5 second mark - slower",
                                  "slower between the 1st cut and the 17.5-second mark"])
def test_a_decimal_time_after_a_counted_cut_is_a_time_not_another_cut(tmp_path, said):
    # before: "the 17" before ".5" was read as a bare ordinal ("the 17th cut") and the chat asked which cut
    chat = open_chat(tmp_path, "lofi")
    before = chat.plan
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert tempo_at(chat.plan, 3) == tempo_at(before, 3)
    assert tempo_at(chat.plan, 9) < tempo_at(before, 9)
    assert tempo_at(chat.plan, 25) == tempo_at(before, 25)


@pytest.mark.parametrize("said", ["no more big drums", "lose the big drums please"])
def test_big_drums_are_the_drums_and_no_more_of_them_takes_them_out(tmp_path, said):
    # before: "no more big drums" became "no bigger drums" (a learner's comparative) and the drums went up
    chat = open_chat(tmp_path, "cinematic orchestral")
    before = chat.plan
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not any("drums" in effective_roles(chat.plan, s) for s in chat.plan.sections), turn.reply
    assert [s.energy for s in chat.plan.sections] == [s.energy for s in before.sections]


def test_a_warm_pad_is_the_pad_and_no_warm_mood(tmp_path):
    # before: "warm" was also read as a romantic mood: the tempo fell and every section lost energy
    chat = open_chat(tmp_path, "ambient")
    before = chat.plan
    turn = chat.say("the warm pad behind everything is too much")
    assert turn.changed, turn.reply
    assert chat.plan.tempo_bpm == before.tempo_bpm
    assert [s.energy for s in chat.plan.sections] == [s.energy for s in before.sections]
    assert all(level_at(chat.plan, "pad", t) < 0 for t in (3, 9, 17, 25))


@pytest.mark.parametrize("said", ["the lead is too loud", "the lead's yelling over the others, pull it back"])
def test_the_lead_is_the_tune_where_no_added_lead_plays(tmp_path, said):
    # before: "the lead" was only an added part's role, so the chat asked which instrument was meant; and
    # "screaming/yelling over" something was read as a screaming lead guitar and turned up
    chat = open_chat(tmp_path, "rock")
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert all(level_at(chat.plan, "melody", t) < 0 for t in (3, 9, 17, 25)), turn.reply
    assert all(level_at(chat.plan, "harmony", t) == 0 for t in (3, 9, 17, 25))


@pytest.mark.parametrize("said", ["lose the horn melody", "do we even need the horn tune"])
def test_a_part_named_with_its_tune_is_that_part(tmp_path, said):
    # before: "the horn melody" was the horn taken out and the melody added back: nothing changed
    chat = open_chat(tmp_path, "cinematic orchestral")
    turn = chat.say(said)
    assert turn.changed, turn.reply
    assert not any("melody" in effective_roles(chat.plan, s) for s in chat.plan.sections), turn.reply
    assert all("strings" in effective_roles(chat.plan, s) for s in chat.plan.sections)


@pytest.mark.parametrize("said", ["the bass up a bit its too thin", "turn the drums up, its so sleepy"])
def test_why_said_after_a_part_without_its_apostrophe_or_comma_is_no_second_change(tmp_path, said):
    # before: "its too thin" ("it's", typed in haste, and no comma) was read as a change of its own: more energy
    chat = open_chat(tmp_path, "jazz")
    before = chat.plan
    turn = chat.say(said)
    part = "bass" if "bass" in said else "drums"
    assert all(level_at(chat.plan, part, t) > 0 for t in (3, 9, 17, 25)), turn.reply
    assert [s.energy for s in chat.plan.sections] == [s.energy for s in before.sections], turn.reply
    assert chat.plan.tempo_bpm == before.tempo_bpm


@pytest.mark.parametrize("said", ["no more big drums, too action movie", "drums out, too busy"])
def test_too_something_after_a_part_taken_out_says_why(tmp_path, said):
    # before: "too action movie" was read as a change of its own, away from it: every section lost energy
    chat = open_chat(tmp_path, "cinematic orchestral")
    before = chat.plan
    turn = chat.say(said)
    assert not any("drums" in effective_roles(chat.plan, s) for s in chat.plan.sections), turn.reply
    assert [s.energy for s in chat.plan.sections] == [s.energy for s in before.sections], turn.reply


def test_too_slow_after_a_part_is_still_a_change_of_its_own(tmp_path):
    chat = open_chat(tmp_path, "jazz")
    before = chat.plan
    chat.say("lose the sax, too slow")
    assert chat.plan.tempo_bpm > before.tempo_bpm
