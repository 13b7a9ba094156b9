"""Detectors that were written two or three times, folded into one place each (notes FOLD10), through a real Session
on a synthetic clip: thanks and approval read by `approval` with one reply, whichever of its two readers heard it.

    python -m pytest -q tests/test_fold10.py
"""

from __future__ import annotations

import pytest
from edit_clips import open_chat

from v2m.agent.dialogue.approval import REPLY


# "cheers, that'll do nicely" was a sign-off (talk's reply), "ok cool ty" an approval (followups' reply, worded apart)
@pytest.mark.parametrize("said", ["cheers, that'll do nicely", "ok cool ty", "haha the bass line is sick, keep it",
                                  "perfect, leave it like that"])
def test_thanks_and_approval_leave_the_score_with_one_reply(thriller_chat, said):
    thriller_chat.say("slower in shot 2")
    before = thriller_chat.plan
    turn = thriller_chat.say(said)
    assert thriller_chat.plan == before and not turn.changed and turn.reply == REPLY, turn.reply


@pytest.mark.parametrize("said", ["perfect, just a bit slower", "nice, but no drums"])
def test_a_wish_beside_the_praise_is_still_an_edit(thriller_chat, said):
    before = thriller_chat.plan
    turn = thriller_chat.say(said)
    assert turn.changed and thriller_chat.plan != before, turn.reply


# "more of the last edit" had two readers with two word lists: "once more" after a part brought in was read by the
# follow-ups (more energy there, the part +2 dB), "more" by repeats (the part louder); one list now, one reading
@pytest.mark.parametrize("said", ["more", "once more", "a bit more"])
def test_more_after_a_part_brought_in_brings_that_part_up(thriller_chat, said):
    thriller_chat.say("add a flute in shot 2")
    before = thriller_chat.plan
    turn = thriller_chat.say(said)
    shot2 = thriller_chat.plan.sections[1]
    assert shot2.levels_db.get("lead", 0) > before.sections[1].levels_db.get("lead", 0), turn.reply
    assert shot2.energy == before.sections[1].energy, turn.reply


def test_crank_that_section_even_further_repeats_the_step_there(thriller_chat):
    thriller_chat.say("louder drums in the intro")
    before = thriller_chat.plan
    turn = thriller_chat.say("crank that section even further")
    assert thriller_chat.plan.sections[0].levels_db["drums"] > before.sections[0].levels_db["drums"], turn.reply
    assert thriller_chat.plan.sections[1:] == before.sections[1:], turn.reply


# the words that correct were four lists (understanding's CORRECTION_RE, NAME_FIX_RE, CORRECTION_WORDS_RE and repeats'
# PART_FIX_RE); one now (followups.CORRECTING), so "hang on" puts a name right as "no wait" did (it was read as a climb
# down over shot 3)
@pytest.mark.parametrize("said", ["no wait the climb is the third shot", "hang on, the climb is the third shot"])
def test_a_name_put_right_moves_the_last_edit(thriller_chat, said):
    first = thriller_chat.plan
    thriller_chat.say("make the second shot bigger")
    turn = thriller_chat.say(said)
    at = lambda p, t: p.sections[p.section_at(t)].energy
    assert at(thriller_chat.plan, 9) == at(first, 9) and at(thriller_chat.plan, 17) > at(first, 17), turn.reply


def test_not_the_guitar_i_mean_the_flute_moves_the_last_edit_to_that_part(tmp_path):
    s = open_chat(tmp_path, "romantic bossa with a guitar and a flute")
    s.say("the guitar, more loud")
    louder = s.plan
    turn = s.say("no is not the guitar, I mean the flute")
    assert s.plan != louder and "flute" in turn.reply.lower(), turn.reply


# out and back again was read twice (silence.SILENT's "drops out at X and comes back at Y", ROUND_TRIP_RE), one reader
# now: "stops abruptly at 0:08 and comes back at 0:11" was two stops (neither reader allowed a word after "stops")
@pytest.mark.parametrize("said", ["the music stops abruptly at 0:08 and comes back at 0:11",
                                  "Music drops out entirely at 0:08 and comes back at 0:11",
                                  "the music should stop at 0:08 and come back at 0:11"])
def test_out_and_back_again_is_no_music_between(thriller_chat, said):
    turn = thriller_chat.say(said)
    plan = thriller_chat.plan
    assert not plan.sections[plan.section_at(9.5)].music and plan.sections[plan.section_at(12)].music, turn.reply
    assert not [h for h in plan.hit_points if h.kind == "stop"], turn.reply


@pytest.mark.parametrize("said", ["shot 3 should be silent", "shot 3 should remain silent", "leave it silent in shot 3"])
def test_a_place_said_to_be_silent_has_no_music(thriller_chat, said):
    turn = thriller_chat.say(said)
    plan = thriller_chat.plan
    assert not plan.sections[plan.section_at(17)].music and plan.sections[plan.section_at(10)].music, turn.reply


# the meter asked about was read by an inline pattern in talk.answer but was no topic, so "time signature?" alone went
# to the grammar ("I didn't follow 'time signature'"); one pattern now (tempos.METER_NAMED_RE), a topic and its answer
@pytest.mark.parametrize("said", ["time signature?", "meter pls", "how many beats a bar?"])
def test_the_meter_asked_alone_is_answered(thriller_chat, said):
    before = thriller_chat.plan
    turn = thriller_chat.say(said)
    assert thriller_chat.plan == before and f"meter is {before.meter}" in turn.reply, turn.reply


def test_a_meter_asked_for_is_still_set(thriller_chat):
    turn = thriller_chat.say("in 3/4 time please")
    assert thriller_chat.plan.meter == "3/4", turn.reply


# "overdone" was three patterns (halfway.TOO_NOW_RE, where.OVERDONE_RE, followups.OVER_RE); one now, halfway.OVERDONE_RE,
# which OVER_RE extends. "too slow now" after an edit at shot 2 was read over the whole score while "now it's too slow"
# was read there; both are there now (the complaint is about what the last edit made)
@pytest.mark.parametrize("said", ["too slow now", "now it's too slow"])
def test_too_slow_now_after_an_edit_at_a_place_is_read_there(thriller_chat, said):
    thriller_chat.say("more drums in shot 2")
    before = thriller_chat.plan
    turn = thriller_chat.say(said)
    tempo = lambda p, t: p.sections[p.section_at(t)].tempo_bpm or p.tempo_bpm
    assert tempo(thriller_chat.plan, 9) > tempo(before, 9) and tempo(thriller_chat.plan, 17) == tempo(before, 17), turn.reply


def test_too_fast_now_after_a_step_takes_half_of_it_back(thriller_chat):
    first = thriller_chat.plan
    thriller_chat.say("faster in shot 2")
    fast = thriller_chat.plan
    turn = thriller_chat.say("too fast now")
    tempo = lambda p: p.sections[p.section_at(9)].tempo_bpm or p.tempo_bpm
    assert tempo(first) < tempo(thriller_chat.plan) < tempo(fast), turn.reply
