"""fold16: the state a turn reads belongs to the turn, and twins folded into one owner each, through real chat
Sessions: the requests since undone (`edit_log.UNDONE`) are the turn's, not left behind for a reading outside it."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at, open_long, tempo_at

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


# ----------------------------------------------------------------------------- 3a. one list of words that say "wrong"
@pytest.mark.parametrize("fix", ["nah, the shot after", "sorry, the shot after", "nope, the shot after"])
def test_a_place_moved_by_a_word_that_says_wrong(jazz_long, fix):
    # shifts.SORRY_RE had no "nah" (followups.CORRECTING had): "nah, the shot after" added nothing and moved nothing
    before = jazz_long.plan
    jazz_long.say("more drums in the fifth shot")   # 0:16-0:20
    turn = jazz_long.say(fix)
    assert turn.changed and not turn.question, turn.reply
    assert level_at(jazz_long.plan, "drums", 18.0) == level_at(before, "drums", 18.0), turn.reply
    assert level_at(jazz_long.plan, "drums", 22.0) > level_at(before, "drums", 22.0), turn.reply


@pytest.mark.parametrize("said", ["from 0:20... nope, from 0:40 make it calmer", "from 0:20, nah from 0:40 calmer please",
                                  "from 0:20 - sorry, from 0:40 calmer"])
def test_a_place_put_right_at_once_reads_the_one_meant(jazz_long, said):
    # place_words.CORRECTED_RE had no "nope" or "nah": the place dropped was read too
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert energy_at(jazz_long.plan, 30.0) == energy_at(before, 30.0), turn.reply
    assert energy_at(jazz_long.plan, 50.0) < energy_at(before, 50.0), turn.reply


@pytest.mark.parametrize("said", ["oops, forget the flute", "my bad, scratch the flute", "nope, never mind the flute"])
def test_a_part_taken_back_after_a_word_that_says_wrong(jazz_long, said):
    # recall.TAKE_BACK_RE had no "oops", "my bad" or "nope" before its "forget"
    before = jazz_long.plan
    jazz_long.say("add a flute")
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert jazz_long.plan.sections == before.sections, turn.reply


# ----------------------------------------------------------------------------- 3b. one sentence splitter
@pytest.mark.parametrize("fix", ["no, one later.and a bit slower", "nope. the shot after. and a bit slower",
                                 "nah... the shot after. a bit slower too"])
def test_a_move_and_another_sentence_both_count(jazz_long, fix):
    # recall.sentences (its own splitter) kept "later.and" as one sentence, so the move was not read; and a word that
    # says wrong alone in its sentence ("nope.") left the move beside it unread
    before = jazz_long.plan
    jazz_long.say("more drums in the fifth shot")   # 0:16-0:20
    turn = jazz_long.say(fix)
    assert turn.changed and not turn.question, turn.reply
    assert level_at(jazz_long.plan, "drums", 18.0) == level_at(before, "drums", 18.0), turn.reply
    assert level_at(jazz_long.plan, "drums", 22.0) > level_at(before, "drums", 22.0), turn.reply
    assert tempo_at(jazz_long.plan, 5.0) < tempo_at(before, 5.0), turn.reply


# ----------------------------------------------------------------------------- 3c. one list of the words that end a stretch
@pytest.mark.parametrize("said", ["from 0:20 make it louder and add strings till 0:40",
                                  "from 0:20 make it louder and add strings up until 0:40",
                                  "from 0:20 louder, and strings until 0:40"])
def test_an_end_said_later_closes_the_stretch_opened_first(jazz_long, said):
    # sides.END_SAID_RE and TILL_SHOT_RE each spelled the words that end a stretch; one list (sides.TILL) now
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert energy_at(jazz_long.plan, 30.0) > energy_at(before, 30.0), turn.reply
    assert energy_at(jazz_long.plan, 50.0) == energy_at(before, 50.0), turn.reply


# ----------------------------------------------------------------------------- 3d. a stretch's word: the names' list
@pytest.mark.parametrize("said", ["more drums during the dragon part", "more drums during the dragon sequence",
                                  "more drums during the dragon fight", "more drums in the dragon section"])
def test_a_stretch_named_by_the_happening_that_starts_it_runs_on(jazz_long, said):
    # moment_table.STRETCH spelled its own list of a name's last words; it reads names.MOMENT_NOUNS now (less
    # "moment", a point; plus the happenings that last, "fight", "battle")
    before = jazz_long.plan
    jazz_long.say("the dragon shows up at 0:20")
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert level_at(jazz_long.plan, "drums", 10.0) == level_at(before, "drums", 10.0), turn.reply
    assert all(level_at(jazz_long.plan, "drums", t) > level_at(before, "drums", t) for t in (22.0, 40.0, 58.0)), turn.reply


# ----------------------------------------------------------------------------- 3e. the marks an edit placed: changes.placed
def _marks(plan) -> set:
    return {(round(h.time_s, 2), h.kind) for h in plan.hit_points}


@pytest.mark.parametrize("mark, after", [("a big crash at 0:22", "softer after the crash"),
                                         ("put a stab on 0:22", "calmer after that stab"),
                                         ("slam at 0:22 pls", "after the slam, chill it out")])
def test_a_mark_said_as_a_place_is_where_the_edit_placed_it(jazz_long, mark, after):
    # at_marks.placed_mark and recall._added_hits each compared two plans' marks their own way
    jazz_long.say(mark)
    before = jazz_long.plan
    turn = jazz_long.say(after)
    assert turn.changed and not turn.question, turn.reply
    assert energy_at(jazz_long.plan, 10.0) == energy_at(before, 10.0), turn.reply
    assert energy_at(jazz_long.plan, 40.0) < energy_at(before, 40.0), turn.reply


@pytest.mark.parametrize("mark, back", [("a sting at 0:22", "scratch the sting"), ("add a stab at 0:22", "forget the stab"),
                                        ("crash on 0:22", "nvm the crash")])
def test_a_mark_taken_back_two_edits_on_goes_and_the_edit_after_stays(jazz_long, mark, back):
    before = jazz_long.plan
    jazz_long.say(mark)
    jazz_long.say("a bit slower")
    slower = jazz_long.plan
    turn = jazz_long.say(back)
    assert turn.changed and not turn.question, turn.reply
    assert _marks(jazz_long.plan) == _marks(before), turn.reply
    assert tempo_at(jazz_long.plan, 5.0) == tempo_at(slower, 5.0) < tempo_at(before, 5.0), turn.reply


# ----------------------------------------------------------------------------- 3f. the latest edit at a place: changes.edited_at
@pytest.mark.parametrize("said", ["same as you did for the first shot, but for the last shot",
                                  "do the same as you did for the first shot but for the last shot",
                                  "same thing you did in the first shot but on the last shot"])
def test_a_repeat_copies_the_edit_made_there_not_a_later_one_over_the_whole(jazz_long, said):
    # done_at.split took the latest edit that met the place, a tempo change over the whole score, over the one made
    # there (versions.last_change_at already put an edit made there first; both read changes.edited_at now)
    before = jazz_long.plan
    jazz_long.say("more drums from 0:00 to 0:12")
    jazz_long.say("a bit slower")
    slower = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert level_at(jazz_long.plan, "drums", 58.0) > level_at(before, "drums", 58.0), turn.reply
    assert tempo_at(jazz_long.plan, 58.0) == tempo_at(slower, 58.0), turn.reply


@pytest.mark.parametrize("said", ["the second shot was nicer before", "shot 2 was better before", "i preferred shot 2 before"])
def test_a_place_nicer_before_goes_back_past_its_own_edit_only(jazz_long, said):
    before = jazz_long.plan
    jazz_long.say("more drums in the second shot")
    jazz_long.say("a bit slower")
    slower = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert level_at(jazz_long.plan, "drums", 6.0) == level_at(before, "drums", 6.0), turn.reply
    assert tempo_at(jazz_long.plan, 30.0) == tempo_at(slower, 30.0), turn.reply


# ----------------------------------------------------------------------------- 3g. a place praised as it is: kept.IS_FINE
@pytest.mark.parametrize("said", ["the end is absolutely fine, slower in the middle",
                                  "the ending is absolutely perfect, just the middle slower",
                                  "the ending was fine tbh, slower in the middle"])
def test_a_place_praised_names_no_place_for_the_edit_after_it(jazz_long, said):
    # kept.PRAISED and name_places.FINE_RE each spelled "is (really) fine"; one list (kept.IS_FINE) now
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert tempo_at(jazz_long.plan, 30.0) < tempo_at(before, 30.0), turn.reply
    assert tempo_at(jazz_long.plan, 58.0) == tempo_at(before, 58.0), turn.reply


def test_a_place_praised_and_kept_stays_as_it_is(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("the last shot was perfect, don't touch it. everything else calmer")
    assert turn.changed and not turn.question, turn.reply
    assert energy_at(jazz_long.plan, 30.0) < energy_at(before, 30.0), turn.reply
    assert energy_at(jazz_long.plan, 58.0) == energy_at(before, 58.0), turn.reply
