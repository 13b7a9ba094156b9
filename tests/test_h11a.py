"""Set h's tune half, prefix h-a (eleventh session), in other words than the set's, through a real Session: a name
given at the end of the request it is used in ("from the collapse on, ... The collapse is the third shot"), weight
and body as a fuller sound, a part named bare beside an edit ("strings and more energy"), "think"/"picture" as a wish
after a complaint, an edit decision list pasted, "hold it back until ..., then let it blossom", "flat" (dull, or out
of tune?) asked about and its answer read with the question. (An edit moved to another shot kept the cuts the first
one made; the fifteenth session joins them again, as the corrected request said directly does: tests/test_fold15.py.)"""

from __future__ import annotations

import pytest
from edit_clips import energies

from v2m.agent.dialogue.operations import effective_roles


@pytest.mark.parametrize("said", ["From the collapse on, more weight. The collapse is the third shot.",
                                  "from the argument onwards, give it more body. the argument is shot 3"])
def test_a_name_given_last_places_the_edits_said_before_it(lofi_chat, said):
    # before: the clause naming the place was read as a place of its own, so the edit went to shot 3 alone (and
    # "more weight" was a mood, "more body" an organ added)
    before = energies(lofi_chat.plan)
    turn = lofi_chat.say(said)
    after = energies(lofi_chat.plan)
    assert after[:2] == before[:2], turn.reply
    assert after[2] > before[2] and after[3] > before[3], turn.reply
    assert "organ" not in lofi_chat.plan.instrumentation


def test_a_part_named_bare_beside_an_edit_is_brought_in_and_the_edit_made(lofi_chat):
    # before: "strings" was taken as the topic of the clause after it and dropped
    before = energies(lofi_chat.plan)
    lofi_chat.say("from the third shot on, strings and more energy")
    plan = lofi_chat.plan
    assert all("strings" in effective_roles(plan, s) for s in plan.sections if s.start_s >= 13)
    assert not any("strings" in effective_roles(plan, s) for s in plan.sections if s.end_s <= 13)
    assert [e > b for e, b in zip(energies(plan), before)] == [False, False, True, True]


@pytest.mark.parametrize("said, style", [("too sleepy. think 70s cop show", "funk"),
                                         ("way too polite. picture a spaghetti western", "western")])
def test_think_or_picture_after_a_complaint_is_the_style_wished_for(lofi_chat, said, style):
    # before: the sentence before it said how the music is now, so "think ..." was read as a description too and
    # its words were blanked ("I'm not sure what 'think show' means")
    turn = lofi_chat.say(said)
    assert lofi_chat.plan.style == style, turn.reply


def test_an_edit_decision_list_pasted_is_asked_about_and_changes_nothing(lofi_chat):
    # before: each line was a note of a pasted list, and "TEMP MUSIC REMOVED" slowed the tempo
    edl = ("here's the cut list\n\nTITLE: HARBOUR_FINAL_V2\nFCM: DROP FRAME\n\n"
           "001  B012     V     C        10:02:11;04 10:02:17;04 00:00:00;00 00:00:06;00\n"
           "* FROM CLIP NAME: dock_wide.mov\n"
           "002  B019     V     C        11:40:00;10 11:40:07;10 00:00:06;00 00:00:13;00\n"
           "* FROM CLIP NAME: crane_tilt.mov\n"
           "003  B020     A     C        11:41:00;00 11:41:17;00 00:00:13;00 00:00:30;00\n"
           "* COMMENT: TEMP MUSIC REMOVED, FASTER CUT PENDING\n")
    before = lofi_chat.plan
    turn = lofi_chat.say(edl)
    assert lofi_chat.plan == before
    assert turn.question and "edit decision list" in turn.question


def test_hold_it_back_until_a_cut_then_blossom(lofi_chat):
    # before: "hold it back" was no edit the grammar knew, and "blossom" a build from a low start (the music
    # dropped right where it should open up)
    before = energies(lofi_chat.plan)
    lofi_chat.say("hold it back until the second cut, then let it blossom")
    after = energies(lofi_chat.plan)
    assert after[0] < before[0] and after[1] < before[1]
    assert after[2] > before[2] and after[3] > before[3]


def test_flat_is_asked_about_and_the_answer_is_read_with_the_question(lofi_chat):
    # before: "too flat now" right after an edit took half of that edit back, everywhere it had moved
    lofi_chat.say("quieter in shot 2")
    before = lofi_chat.plan
    turn = lofi_chat.say("shot 2 is a bit flat now")
    assert lofi_chat.plan == before and turn.question and "out of tune" in turn.question
    lofi_chat.say("flat as in lifeless. a bit more going on there")
    after = energies(lofi_chat.plan)
    assert after[1] > before.sections[1].energy
    assert after[:1] + after[2:] == energies(before)[:1] + energies(before)[2:]


def test_flat_beside_a_way_to_go_is_read_without_a_question(lofi_chat):
    before = energies(lofi_chat.plan)
    turn = lofi_chat.say("shots 2 and 3 feel flat. Lift them.")
    assert turn.question is None
    assert energies(lofi_chat.plan)[1] > before[1] and energies(lofi_chat.plan)[2] > before[2]
