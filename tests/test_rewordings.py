"""Other people's words for edits the grammar already makes: a tempo change with its amount said after it
("speed things up by about 20%"), versions counted back ("scrap my last couple of changes", "take us back
three steps"), a half-way named by its two versions, a question about a mark followed by an order ("is there an
accent on the third cut? lose it"), stretches named by order ("every remaining shot"), a mark no longer
wanted, a place said as "since minute 1", some of the marks asked on cuts already marked kept ("only the final
two"). Sentences here are our own, not the dialogue sets'."""

from __future__ import annotations

import pytest

from edit_clips import long_clip, tempo_at
from v2m.agent.dialogue.session import Session


def open_session(tmp_path, length=60.0, every=5.0):
    return Session.open("clip.mp4", "jazz", workdir=tmp_path / "store", analysis=long_clip(length, every),
                        render=False)


def changed(s: Session, text: str):
    t = s.say(text)
    assert t.changed and not t.question, (text, t.reply)
    return s.plan


@pytest.mark.parametrize("said, ratio", [("speed things up by about 20%", 1.2), ("raise the tempo by 5 percent", 1.05),
                                         ("could you make it slower by 25%", 0.75), ("the pace a bit higher by 10%", 1.1)])
def test_a_percentage_said_after_the_change_is_its_amount(tmp_path, said, ratio):
    s = open_session(tmp_path)
    before = s.plan.tempo_bpm
    after = changed(s, said).tempo_bpm
    assert after == pytest.approx(before * ratio, abs=0.2), (said, before, after)


def test_beats_per_minute_said_after_the_change_are_added_or_taken_but_to_sets(tmp_path):
    s = open_session(tmp_path)
    before = s.plan.tempo_bpm
    assert changed(s, "slow it down by 8 bpm").tempo_bpm == pytest.approx(before - 8, abs=0.1)
    assert changed(s, "increase the tempo by 12 bpm").tempo_bpm == pytest.approx(before + 4, abs=0.1)
    assert changed(s, "slow it down to 90 bpm").tempo_bpm == 90


@pytest.mark.parametrize("said, back", [("scrap my last couple of changes", 2), ("step back one version", 1),
                                        ("could you take us back three steps", 3),
                                        ("please reverse the 2 latest edits", 2)])
def test_versions_counted_back_in_everyday_words(tmp_path, said, back):
    s = open_session(tmp_path)
    plans = [s.plan] + [changed(s, x) for x in ("add a cello", "darker", "more energy in shot 3")]
    changed(s, said)
    assert s.plan == plans[-1 - back]


def test_a_half_way_named_by_the_version_before_and_the_one_now(tmp_path):
    s = open_session(tmp_path)
    before = changed(s, "add a flute").tempo_bpm
    fast = changed(s, "a lot faster").tempo_bpm
    changed(s, "too hurried now: land between the old speed and the new one")
    assert s.plan.tempo_bpm == round((before + fast) / 2, 1)


def test_a_question_about_a_mark_then_an_order_takes_it_out(tmp_path):
    s = open_session(tmp_path)
    assert any(abs(h.time_s - 15) < 0.05 for h in s.plan.hit_points)
    changed(s, "hmm, is there an accent on the third cut? lose it")
    assert not any(abs(h.time_s - 15) < 0.05 for h in s.plan.hit_points)
    assert len(s.plan.hit_points) == len(s.lineage()[0].hit_points) - 1
    t = s.say("is there a crash on the fourth cut?")   # a question alone still changes nothing
    assert t.question and not t.changed


def test_stretches_named_by_order_are_the_score_not_a_moment_of_the_picture(tmp_path):
    s = open_session(tmp_path)
    changed(s, "lock the first two shots")
    before = s.plan
    changed(s, "Every remaining shot should be slower.")
    assert tempo_at(s.plan, 20) < tempo_at(before, 20) and tempo_at(s.plan, 5) == tempo_at(before, 5)


def test_a_mark_no_longer_wanted_is_taken_back(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "put a big crash at 0:12")
    changed(s, "on second thought, I don't need that crash")
    assert s.plan == first


def test_since_minute_one_is_a_place_and_the_tempo_higher_is_faster(tmp_path):
    s = open_session(tmp_path, length=90.0, every=10.0)
    before = s.plan
    changed(s, "since minute 1, the pace a little higher")
    assert tempo_at(s.plan, 75) > tempo_at(before, 75) and tempo_at(s.plan, 30) == tempo_at(before, 30)


def test_keeping_some_of_the_marks_asked_on_cuts_that_had_them_already(tmp_path):
    s = open_session(tmp_path)
    assert not s.say("hit every cut from 0:40 to the end").changed   # each of these cuts had its mark already: no version
    changed(s, "too many now. only the final two")
    times = {round(h.time_s) for h in s.plan.hit_points}
    assert {50, 55} <= times and not {40, 45} & times and {5, 10, 35} <= times


def test_requests_counted_back_in_other_words_count_the_ones_that_changed_nothing(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    cello = changed(s, "add a cello")
    assert s.say("when the dog jumps make it pop").question
    changed(s, "ok, roll back my past two requests please")   # the question and the cello
    assert s.plan == first
    changed(s, "add a cello")
    assert s.say("when the dog jumps make it pop").question
    t = s.say("step back one change")   # the last request changed nothing: nothing to take back
    assert not t.changed and s.plan == cello


@pytest.mark.parametrize("said, back_to", [("honestly the third take was better", 2), ("the 2nd mix was better", 1),
                                           ("the original was better", 0)])
def test_a_version_named_by_its_ordinal_and_said_to_be_better_is_gone_back_to(tmp_path, said, back_to):
    s = open_session(tmp_path)
    plans = [s.plan] + [changed(s, x) for x in ("slower", "add a cello", "darker")]
    changed(s, said)
    assert s.plan == plans[back_to]
