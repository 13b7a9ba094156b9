"""What the read-back of the twelfth session found in the turns that change no music, the next-shot reader and splits
(notes READBACK12C_REPORT, items 1-5), each through a real Session (jazz on 60 s cut every 4 s) in the report's words
and in other words: a no-change turn left "the last change" pointing at nothing ("undo the last change", "more");
a name given in a no-change turn was lost by undoing a later edit; a withdrawn no-change turn was still heard;
"the shot after the sting" was no place; a split piece lost its whole section's grid after a whole-score tempo."""

from __future__ import annotations

import pytest
from edit_clips import make_analysis, open_long


def _say(s, *lines):
    return [s.say(x) for x in lines][-1]


# ----------------------------------------------------------------------------- 1. the last change after a no-change turn

@pytest.mark.parametrize("said", ["undo the last change", "the version before was better",
                                  # mine
                                  "go back to how it was before the last change"])
def test_the_last_change_is_the_last_that_made_music(jazz_long, said):
    _say(jazz_long, "slower", "louder")
    v2_lufs = jazz_long.lineage()[-2].loudness_lufs
    turn = _say(jazz_long, "a crash at 0:20")
    assert turn.reply.startswith("Nothing changed"), turn.reply
    turn = jazz_long.say(said)   # before: "Nothing changed: the score is as it was."
    assert turn.changed and jazz_long.plan.loudness_lufs == v2_lufs, turn.reply


@pytest.mark.parametrize("between", [["a crash at 0:20"], ["a crash at 0:20", "a crash at 0:24"]])
@pytest.mark.parametrize("said", ["more", "a bit more there"])
def test_more_after_a_no_change_turn_repeats_the_last_change(jazz_long, between, said):
    _say(jazz_long, "make shot 3 louder")
    shot3 = jazz_long.plan.sections[2].energy
    _say(jazz_long, *between)
    turn = jazz_long.say(said)   # before: "Where should that go ...?"
    assert turn.changed and jazz_long.plan.sections[2].energy > shot3, turn.reply


def test_what_changed_after_a_no_change_turn_names_the_last_change(jazz_long):
    turn = _say(jazz_long, "slower", "louder", "a crash at 0:20", "what did you just change?")
    assert "Loudness -16 -> -13" in turn.reply, turn.reply   # before: "Nothing has been edited yet."


def test_a_correction_of_a_no_change_mark_takes_nothing_back(jazz_long):
    # the last request is still the one a correction moves: nothing of the tempo edit before it is undone
    _say(jazz_long, "slower", "a crash at 0:20")
    tempo = jazz_long.plan.tempo_bpm
    _say(jazz_long, "no, one earlier")
    assert jazz_long.plan.tempo_bpm == tempo


def test_there_after_a_no_change_mark_is_its_moment(jazz_long):
    # guard (d-gender-reveal's shape): "too much" naming a place inside the last change is about that place
    _say(jazz_long, "make it louder from 0:00 to 0:20", "big crash at 0:16")
    before = jazz_long.plan
    _say(jazz_long, "the third shot is a bit too much now")
    after = jazz_long.plan
    assert after.sections[2].energy < before.sections[2].energy
    assert [s.energy for k, s in enumerate(after.sections) if k != 2] == \
        [s.energy for k, s in enumerate(before.sections) if k != 2]


# ----------------------------------------------------------------------------- 2-3. names across undo; withdrawn turns

@pytest.mark.parametrize("lines", [["slower", "he falls at the fifth cut", "louder", "undo"],
                                   # mine
                                   ["slower", "the goal is at the fifth cut", "quieter", "take that back"]])
def test_a_name_outlives_undoing_a_later_edit(jazz_long, lines):
    _say(jazz_long, *lines)
    noun = "fall" if "falls" in lines[1] else "goal"
    turn = jazz_long.say(f"a stab at the {noun}")   # before: "Do you want a hit point? ..."
    assert turn.changed and any(h.kind == "stab" and abs(h.time_s - 20.0) < 0.1 for h in jazz_long.plan.hit_points), turn.reply


@pytest.mark.parametrize("forget", ["forget that", "forget that one"])
def test_a_withdrawn_name_is_not_heard(jazz_long, forget):
    _say(jazz_long, "slower", "he falls at the fifth cut")
    turn = jazz_long.say(forget)
    assert turn.reply.startswith("Dropped"), turn.reply
    before = jazz_long.plan
    jazz_long.say("a stab at the fall")   # before: "Stab at 0:20 (was a crash)"
    assert not any(h.kind == "stab" for h in jazz_long.plan.hit_points if h not in before.hit_points)


def test_a_bare_undo_after_no_change_turns_still_undoes_the_last_real_change(jazz_long):
    # guard (honest12): "undo" undoes the last real change, "redo" brings it back
    _say(jazz_long, "slower", "louder", "a crash at 0:20", "a crash at 0:24")
    loud = jazz_long.plan.loudness_lufs
    turn = jazz_long.say("undo")
    assert turn.changed and jazz_long.plan.loudness_lufs != loud
    jazz_long.say("redo")
    assert jazz_long.plan.loudness_lufs == loud


# ----------------------------------------------------------------------------- 4. split pieces keep the grid

@pytest.mark.parametrize("style", ["folk", "jazz", "rock"])
@pytest.mark.parametrize("tempo", ["set the tempo to 120",
                                   # mine: the pieces' own tempo moved, their split_from with it
                                   "a bit slower overall"])
def test_a_whole_score_tempo_moves_a_split_pieces_grid(tmp_path, style, tempo):
    a = make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4")
    s = open_long(tmp_path, style, a)
    _say(s, "slower from 0.0 to 4.0 seconds", "louder in shot 2")
    _say(s, tempo)
    pieces = [x for x in s.plan.sections if x.split_from is not None]
    assert len(pieces) == 2
    assert all((x.tempo_bpm, x.tempo_asked) == (x.split_from.tempo_bpm, x.split_from.tempo_asked) for x in pieces)


# ----------------------------------------------------------------------------- 5. the shot after a mark

@pytest.mark.parametrize("mark, said", [
    ("a sting at 0:21", "silence for the shot after the sting"),
    ("a button at 0:21", "quieter in the shot after the button"),
    # mine
    ("a slam at 0:21", "more drums in the shot after the slam"),
    ("a stab at 0:21", "silence for the shot after the stab"),   # guard: worked before
])
def test_the_shot_after_any_mark_noun(jazz_long, mark, said):
    jazz_long.say(mark)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.question and turn.changed, turn.reply
    from v2m.agent.dialogue.changes import diff

    spans = [c.span for c in diff(before, jazz_long.plan) if c.span]
    assert spans and all(24.0 - 0.1 <= a and b <= 28.0 + 0.1 for a, b in spans), spans


# ----------------------------------------------------------------------------- 6-8. composer notes

def _with_marks(jazz_long, *marks):
    from v2m.tools.contract import HitPoint

    p = jazz_long.plan
    kept = [h for h in p.hit_points if all(abs(h.time_s - t) > 1.0 for t, _ in marks)]
    return p.model_copy(update={"hit_points": kept + [HitPoint(time_s=t, kind=k) for t, k in marks]})


@pytest.mark.parametrize("marks, t, other", [
    (((10.041667, "crash"), (10.2, "stab")), 10.041667, "the stab at 0:10.2"),   # the report's: a cut at frame 241
    # mine: the dropped mark is the later one, just past a rounding edge
    (((30.0, "stab"), (30.0449, "accent")), 30.0449, "the stab at 0:30"),
])
def test_a_dropped_mark_is_not_too_close_to_itself(jazz_long, marks, t, other):
    from v2m.agent.dialogue.composer_notes import plain
    from v2m.tools.music.warning_words import TOO_CLOSE

    said = plain(_with_marks(jazz_long, *marks), TOO_CLOSE.format(t=t))
    assert f"too close to {other} " in said, said


def test_the_warnings_wording_is_read_where_it_is_written():
    from v2m.agent.dialogue.composer_notes import TOO_CLOSE_RE, TOO_SHORT_RE
    from v2m.tools.music.warning_words import TOO_CLOSE, TOO_SHORT

    assert TOO_CLOSE_RE.match(TOO_CLOSE.format(t=30.05))["t"] == "30.05"
    assert TOO_SHORT_RE.match(TOO_SHORT.format(t=3))["t"] == "3.00"


@pytest.mark.parametrize("raw", ["tempo \x1b]0;x\x07bent at 3.5s", "tempo \x1b[31mbent\x1b[0m at 3.5s\u202e"])
def test_a_note_has_no_terminal_escapes(jazz_long, raw):
    from v2m.agent.dialogue.composer_notes import plain

    assert plain(jazz_long.plan, raw) == "tempo bent at 0:03.5"   # before: the OSC left "]0;x" in the note


# ----------------------------------------------------------------------------- 13. a description gets no mark's reply

@pytest.mark.parametrize("said, label, name", [("he falls at the fifth cut", "he falls", "falls"),
                                               # mine
                                               ("the goal is at the fifth cut", "the goal", "goal")])
def test_a_description_is_noted_without_a_marks_reply(jazz_long, said, label, name):
    turn = jazz_long.say(said)   # (the label is the moment's own words since general13a's moment table)
    assert not turn.changed and turn.reply == f'Nothing changed; noted for later: "{label}" is the fifth cut.', turn.reply
    assert jazz_long.say(f"a stab at the {name.rstrip('s')}").changed   # and heard later


def test_a_mark_asked_where_one_is_still_says_why(jazz_long):
    # guard (honest12): a mark asked for gets its reason
    assert jazz_long.say("put a crash on the fifth cut").reply == "Nothing changed: 0:20 already has a strong crash."


# ----------------------------------------------------------------------------- 10. a no-change turn is no question

def test_a_no_change_turn_is_not_shown_as_a_question(jazz_long):
    jazz_long.say("a crash at 0:20")
    assert not jazz_long.history()[-1].asked   # before: the CLI marked it "?", the web styled it as a question
    jazz_long.say("a hit on the goal")          # a question ("Do you want a hit point? ...") still is one
    assert jazz_long.history()[-1].asked       # ("he falls at 0:22", "the goal at 0:22" are moments told and noted)
    jazz_long.say("he falls at 0:22")
    assert not jazz_long.history()[-1].asked
