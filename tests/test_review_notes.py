"""Places as review notes name them: a timecode heading a note ("01:04 - thin here", "[0:20] ...", SMPTE
"00:00:22:12"), shorthand for shots and cuts ("sh4", "sh2-4", "c2", "from cut 5"), seconds said in words
("between twenty and thirty"), "till the end" after a note's time, and marks on cuts by number ("accents on
cuts 2 + 5", "scrap the accent on 5", "silence two beats then bang"). The words here are our own, not the
dialogue sets'. Pure readings are checked on `locate`; edits through a real Session, on the plan and where
notes must not change, on the composed MIDI."""

from __future__ import annotations

import pytest
from dialogue_check import notes_outside
from edit_clips import energy_at, long_clip

from v2m.agent.dialogue import name_places, names
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.counted import spoken_number
from v2m.agent.dialogue.place_words import normalise
from v2m.agent.dialogue.review_notation import notation
from v2m.agent.dialogue.session import Session
from v2m.agent.dialogue.place_finders import locate


@pytest.fixture()
def session(tmp_path):
    """A 40 s clip cut every 4 s (shots 1-10, cuts 1-9 at 4, 8, ... 36 s), scored plainly."""
    a = long_clip(40.0, 4.0)
    return Session.open(a.source, "a warm acoustic score", workdir=tmp_path / "store", analysis=a, render=False), a




def where(words, session):
    s, a = session
    span = locate(notation(words), a, s.plan)
    return None if span is None else (span.start_s, span.end_s)


@pytest.mark.parametrize("words,span", [
    ("0:26 - the strings feel thin here", (24, 28)),          # the shot the moment falls in
    ("[0:13] lighter here please", (12, 16)),
    ("@0:30 the pad is muddy", (28, 32)),
    ("00:00:22:12 warmer", (20, 24)),                          # SMPTE, its frames dropped
    ("01:00:22:00 warmer", (20, 24)),                          # a source timecode counted from its first hour
    ("00:24–00:32 less going on", (24, 32)),                   # a range heading the note
    ("00:36 to end: brighter", (36, 40)),
    ("3, 0:09, Kim, too loud", (8, 12)),                       # a row of an exported comment list
])
def test_a_timecode_heading_a_note_is_its_place(session, words, span):
    assert where(words, session) == span


@pytest.mark.parametrize("words,span", [
    ("sh4 darker", (12, 16)), ("sh 7 darker", (24, 28)), ("sh2-4 darker", (4, 16)),
    ("c2 darker", (8, 12)),                                    # the shot the second cut begins
    ("from cut 5 darker", (20, 40)), ("slower after cut 8", (32, 40)),
    ("darker at twelve seconds", None),                        # a moment: the finder leaves it to the edit
    ("darker between twenty and thirty", (20, 30)), ("twenty to thirty seconds darker", (20, 30)),
    ("the shot beginning at 0:16 darker", (16, 20)), ("the shot that starts at 0:21", (20, 24)),
])
def test_shorthand_and_spoken_places(session, words, span):
    assert where(words, session) == span


def test_words_that_look_like_shorthand_stay_words():
    assert "shot" not in normalise("in c major please") and "cut 20%" in normalise("cut 20% of the reverb")
    assert [spoken_number(w) for w in ("nineteen", "forty-two", "sixty one", "eight")] == [19, 42, 61, 8]


def test_the_noun_a_request_counts_is_the_one_said_first():
    assert names.noun_of("counting the cuts, on the fourth one a stab, only in that shot") == "cuts"
    assert names.noun_of("the photos, the last two, and the cut before them") == "shots"


def test_a_note_with_a_time_then_till_the_end_runs_from_there_to_the_end(session):
    s, a = session
    old = s.plan
    s.say("0:25 - the walk starts. could it stay calmer until the end?")
    assert all(energy_at(s.plan, t) < energy_at(old, t) for t in (26, 34, 38))
    assert energy_at(s.plan, 18) == energy_at(old, 18)
    assert notes_outside(s.plan, a, 24, 40) == notes_outside(old, a, 24, 40)


def test_a_timecode_note_changes_only_its_shot(session):
    s, a = session
    old = s.plan
    s.say("[0:17] a touch calmer here")
    assert energy_at(s.plan, 18) < energy_at(old, 18)
    assert energy_at(s.plan, 10) == energy_at(old, 10) and energy_at(s.plan, 30) == energy_at(old, 30)
    assert notes_outside(s.plan, a, 16, 20) == notes_outside(old, a, 16, 20)


def test_marks_on_cuts_by_number_then_one_taken_away(session):
    s, a = session
    s.say("brass stabs on cuts 2 + 5")
    stabs = sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab")
    assert stabs == [8.0, 20.0]
    s.say("scrap the stab on 5")                  # the fifth cut, at 20 s, not 5 seconds
    assert sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab") == [8.0]


def test_a_stop_with_its_length_then_a_bang(session):
    s, a = session
    s.say("0:20 silence two beats then bang")
    beat = 60.0 / s.plan.tempo_bpm
    hits = {round(h.time_s, 2): h.kind for h in s.plan.hit_points}
    assert hits.get(20.0) == "stop"
    assert any(abs(t - (20 + 2 * beat)) < 0.01 and k == "crash" for t, k in hits.items())


def test_everything_dropping_out_but_one_part_is_no_stop(session):
    s, a = session
    s.say("on the third cut everything drops out except the bass")
    assert not any(h.kind == "stop" for h in s.plan.hit_points)


def test_arriving_somewhere_is_no_mark(session):
    s, a = session
    before = list(s.plan.hit_points)
    s.say("0:30 - brighter when we hit the beach")
    assert s.plan.hit_points == before


def test_numbered_parts_each_take_their_own_stretch_and_are_remembered(session):
    s, a = session
    old = s.plan
    s.say("part 1 (to 0:16) calmer, part 2 bigger, part 3 (0:32>) calmer")
    assert all(energy_at(s.plan, t) < energy_at(old, t) for t in (2, 10, 34, 38))
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (18, 26))
    old = s.plan
    s.say("in part 2 no drums")                       # part 2 is still 0:16 to 0:32
    silent = [x for x in s.plan.sections if "drums" not in effective_roles(s.plan, x)]
    assert silent and all(16 - 0.05 <= x.start_s and x.end_s <= 32 + 0.05 for x in silent)


def test_a_moment_named_in_spoken_seconds_is_remembered_and_the_bit_after_it_is_its_shot(session):
    s, a = session
    s.say("the dive is at sixteen seconds, a crash on it")
    assert any(abs(h.time_s - 16.0) < 0.05 for h in s.plan.hit_points)
    old = s.plan
    s.say("the bit after the dive needs more energy")
    assert energy_at(s.plan, 18) > energy_at(old, 18)
    assert energy_at(s.plan, 22) == energy_at(old, 22) and energy_at(s.plan, 14) == energy_at(old, 14)


def test_a_name_given_to_the_last_shots_is_their_place(session):
    s, a = session
    old = s.plan
    s.say("the sunset is the last two shots. make the sunset calmer")
    assert all(energy_at(s.plan, t) < energy_at(old, t) for t in (34, 38))
    assert energy_at(s.plan, 30) == energy_at(old, 30)


def test_a_happening_at_a_place_is_the_moment_the_next_clauses_speak_of(session):
    s, a = session
    old = s.plan
    s.say("She blows out the candles at the fifth cut. Quieter just before it and bigger after.")
    assert energy_at(s.plan, 18) < energy_at(old, 18)                     # the shot before the cut at 20 s
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (22, 34))
    assert energy_at(s.plan, 10) == energy_at(old, 10)
    assert names.defined(" it gets louder at 0:30 ")[0] == " it gets louder at 0:30 "   # an edit, not a happening


@pytest.mark.parametrize("words", ["swell from silence at the start toward the big finale at the very end",
                                   "rise from the top of the video into the final chord at the end"])
def test_from_the_start_into_something_at_the_end_is_the_whole_video(session, words):
    assert where(words, session) is None


def test_a_spared_place_leaves_the_edit_to_the_rest(session):
    s, a = session
    old = s.plan
    s.say("all of it +energy, sh8-10 untouched")             # shots 8-10 are 28-40 s: more energy before 0:28 only
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (2, 14, 26))
    assert all(energy_at(s.plan, t) == energy_at(old, t) for t in (30, 38))
    assert notes_outside(s.plan, a, 0, 28) == notes_outside(old, a, 0, 28)


def test_except_a_part_is_no_place_and_a_spared_middle_is_asked(session):
    s, a = session
    s.say("on the second cut everything drops out except the bass")   # no place spared: the bass plays on
    assert not any(h.kind == "stop" for h in s.plan.hit_points)
    t = s.say("more energy everywhere except shot 5")
    assert t.question and "everywhere but" in t.question


def test_an_exported_comment_list_is_one_edit_per_row_at_its_time(session):
    s, a = session
    old = s.plan
    s.say("export below\nNo,Time,Reviewer,Note\n1,00:00:09:00,Lee,quieter drums\n2,00:00:28:00,Lee,a crash on this cut")
    changed = [x for x in s.plan.sections if x.levels_db.get("drums", 0) < 0]
    assert changed and all(8 - 0.05 <= x.start_s and x.end_s <= 12 + 0.05 for x in changed)
    assert any(abs(h.time_s - 28.0) < 0.05 and h.kind == "crash" for h in s.plan.hit_points)
    assert energy_at(s.plan, 20) == energy_at(old, 20)


def test_places_said_to_be_fine_are_not_where_the_edit_goes(session):
    s, a = session
    old = s.plan
    s.say("the ending is fine, the opening is great too, it's that middle part. Could it be calmer there?")
    assert energy_at(s.plan, 20) < energy_at(old, 20)
    assert energy_at(s.plan, 2) == energy_at(old, 2) and energy_at(s.plan, 38) == energy_at(old, 38)


def test_a_signed_tempo_change_in_note_form(session):
    s, a = session
    old = s.plan
    s.say("-8% tempo from cut 6")                          # the sixth cut is at 24 s
    assert all(s.plan.sections[s.plan.section_at(t)].tempo_bpm < old.tempo_bpm for t in (26, 38))
    assert s.plan.sections[s.plan.section_at(10)].tempo_bpm in (None, old.tempo_bpm)
    assert notation("tempo +4% in sh3") == "4% faster in sh3" and notation("-3% reverb") == "-3% reverb"


def test_fine_is_read_only_of_a_place_that_is_said_to_be_fine(session):
    s, a = session
    assert name_places.placed(" the intro is fine ", a, s.plan, {}, None)[1] is None
    assert name_places.placed(" make the intro feel nice and warm ", a, s.plan, {}, None)[1] is not None


def test_shots_listed_with_plus_each_get_the_edit(session):
    s, a = session
    old = s.plan
    s.say("sh3 + 7 a lot calmer")
    assert energy_at(s.plan, 10) < energy_at(old, 10) and energy_at(s.plan, 26) < energy_at(old, 26)
    assert all(energy_at(s.plan, t) == energy_at(old, t) for t in (6, 14, 18, 22, 30))


def test_a_time_given_a_name_stays_a_moment(session):
    s, a = session
    assert names.said("0:21 is the splash") == {"splash": "0:21"}
    s.say("0:21 is the splash, a stab there")
    assert any(abs(h.time_s - 21.0) < 0.05 and h.kind == "stab" for h in s.plan.hit_points)
    old = s.plan
    s.say("after the splash, slower")                        # from 0:21 to the end, not the shot there
    assert all(s.plan.sections[s.plan.section_at(t)].tempo_bpm < old.tempo_bpm for t in (26, 38))
    assert s.plan.sections[s.plan.section_at(10)].tempo_bpm in (None, old.tempo_bpm)
