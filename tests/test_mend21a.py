"""Older turns fix20d's self-corrections broke, in the user's words and other voices of the same meaning (written
before the fix): "not the guitar, I mean the flute" is a contrast after a turn the user puts right, not a repair said
while speaking, so its "not" stays and the part meant moves, the one it names as wrong untouched; "the violins are a
bit much" names a section (the strings) the score lacks, which no solo part plays, so the chat asks; "the version
where the bass walked" is the latest version that still had the walking bass."""

from __future__ import annotations

import pytest
from edit_clips import level_at, open_chat


@pytest.mark.parametrize("said", ["no is not the guitar, I mean the flute",
                                  # other voices
                                  "not the guitar, i mean the flute", "no no it's not the guitar i meant the flute",
                                  "it isn't the guitar, I mean the flute"])
def test_not_this_part_i_mean_that_one_moves_the_part_meant(tmp_path, said):
    """d11 (review9): after "the guitar, more loud", "no is not the guitar, I mean the flute" is the flute louder and the
    guitar as it was before that turn (before: "'not flute' read as flute", the guitar kept louder)."""
    chat = open_chat(tmp_path, "bossa nova with a flute melody")
    before = chat.plan
    chat.say("the guitar, more loud")
    turn = chat.say(said)
    assert level_at(chat.plan, "melody", 10) > level_at(before, "melody", 10), turn.reply
    assert level_at(chat.plan, "harmony", 10) == level_at(before, "harmony", 10), turn.reply


@pytest.mark.parametrize("said", ["no is not the guitar, I mean the flute", "not the drums, i mean the bass",
                                  "it isn't the piano, I mean the sax"])
def test_a_contrast_is_no_spoken_repair(said):
    from v2m.agent.dialogue.self_repair import repaired

    assert repaired(said) == said


@pytest.mark.parametrize("said", ["hmm the violins are a bit much",
                                  # other voices
                                  "the violins are too loud", "turn the violins down a bit", "the trumpets are a bit much"])
def test_a_section_the_score_lacks_too_loud_is_asked_about(jazz_chat, said):
    """test_followups_wordings: after "more drive in the third shot", "hmm the violins are a bit much" in a jazz combo
    (sax, piano, bass, drums): the violins are a string section, which no part of the score is, so a question and the
    plan as it was (before: the tenor sax softer, as for a solo "the saxophone is too loud" where the fiddle plays)."""
    jazz_chat.say("more drive in the third shot")
    p1 = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert jazz_chat.plan == p1 and turn.question, turn.reply


@pytest.mark.parametrize("said", ["ok put the swing back, the version where the bass walked",
                                  # other voices
                                  "go back to the version where the bass walked", "the one where the bass was walking, bring that back",
                                  "i preferred the version where the bass walked"])
def test_the_version_where_a_part_did_something_is_the_last_that_still_had_it(jazz_long, said):
    """p-tune jazzclub-04 t6: after a walking bass from the 5th cut, more energy at the end, then bossa ("more Jobim"),
    "put the swing back, the version where the bass walked" is the last swing version, the walk and the energy both
    kept (before: the style set back to jazz alone, 'the version where the bass walked' not read)."""
    jazz_long.say("from the 5th cut on let the bass walk")
    jazz_long.say("more energy in the last two shots")
    swing = jazz_long.plan
    jazz_long.say("less swing, more Jobim")
    assert jazz_long.plan.style == "bossa"
    turn = jazz_long.say(said)
    assert jazz_long.plan == swing, turn.reply
    assert "did not act" not in turn.reply, turn.reply   # the version named is the one gone back to
