"""fold16: the state a turn reads belongs to the turn, and twins folded into one owner each, through real chat
Sessions: the requests since undone (`edit_log.UNDONE`) are the turn's, not left behind for a reading outside it."""

from __future__ import annotations

from edit_clips import energy_at, open_long

from v2m.agent.dialogue import edit_log, names


def test_names_from_an_undone_turn_are_the_turns_only(tmp_path):
    chat = open_long(tmp_path, "jazz")
    before = chat.plan
    chat.say("the proposal shot is shot 5, piano louder there")
    chat.say("undo")
    chat.say("a touch brighter")   # a turn read with the undone request heard
    # before: the last turn's undone requests stayed set, so a reading outside any turn (another chat, a bench
    # calling the planner) found "the proposal shot" too
    assert edit_log.UNDONE.get() == ()
    assert names.earlier(None) == {}
    turn = chat.say("more drums in the proposal shot")   # in a turn, the name given since undone still counts
    assert turn.changed and not turn.question, turn.reply
    assert energy_at(chat.plan, 6.0) == energy_at(before, 6.0)
