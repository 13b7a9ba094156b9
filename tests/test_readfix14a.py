"""What readback14a found in the fourteenth session's first round (notes READBACK14A_REPORT), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`), in the report's words and in other words:
a prohibition of how a part plays took the part out; ..."""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.operations import effective_roles


def _plays(plan, role: str) -> bool:
    return any(role in effective_roles(plan, s) for s in plan.sections)


def _level(plan, role: str) -> list[float]:
    return [s.levels_db.get(role, 0.0) for s in plan.sections]


# ----------------------------------------------------------------------------- 1. "don't play the sax so loud"

@pytest.mark.parametrize("said, role", [("don't play the sax so loud", "melody"), ("don't have the piano so loud", "harmony"),
                                        # mine
                                        ("don't have the drums that loud", "drums")])
def test_a_prohibition_of_how_loud_a_part_plays_turns_it_down(jazz_long, said, role):
    # before: "No melody." (a part after "don't play" counted as taken out, whatever followed it)
    turn = jazz_long.say(said)
    assert _plays(jazz_long.plan, role) and max(_level(jazz_long.plan, role)) < 0, turn.reply


def test_a_plain_prohibition_still_takes_the_part_out(jazz_long):
    jazz_long.say("don't play the sax")
    assert not _plays(jazz_long.plan, "melody")


# ----------------------------------------------------------------------------- 3. asides beside an edit are no unread request

@pytest.mark.parametrize("said", ["faster, is that possible?", "add strings, if possible", "louder in shot 3, that's where he jumps",
                                  "softer in shot 2, he's talking there", "slower at 0:20, she cries there",
                                  "louder at the end, when the fireworks start", "more drums in the chorus, the kids will dance",
                                  "more drums, we want people to dance", "add a piano, my mom loves piano", "more bass, not too much",
                                  "louder, you know what I mean",
                                  # mine
                                  "slower, the dog barks there", "more strings, would that be ok?"])
def test_an_aside_beside_an_edit_is_not_named_as_undone(jazz_long, said):
    # before: "... I did not act on 'she cries there': I don't know what that asks of the music."
    turn = jazz_long.say(said)
    assert turn.changed and "did not act on" not in turn.reply, turn.reply


@pytest.mark.parametrize("said, left", [("warmer and do the zoop thing at the end", "do the zoop thing"),
                                        ("louder, it needs more zoop", "it needs more zoop")])
def test_an_order_no_reader_reads_is_still_named(jazz_long, said, left):
    turn = jazz_long.say(said)
    assert f"did not act on '{left}" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 2. a place the turn acted on is not unread

@pytest.mark.parametrize("said", ["more bass, maybe around the middle", "faster everywhere but the intro",
                                  # mine
                                  "more drums, roughly the second half"])
def test_a_place_alone_that_was_acted_on_is_not_named_as_undone(jazz_long, said):
    # before: "... from 0:20 to 0:40 (in the middle). I did not act on 'maybe around the middle'"
    turn = jazz_long.say(said)
    assert turn.changed and "did not act on" not in turn.reply, turn.reply


def test_an_order_beside_a_placed_edit_is_still_named(jazz_long):
    turn = jazz_long.say("warmer in shot 2 and do the zoop thing at the end")
    assert "did not act on 'do the zoop thing at the end'" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 4. "no piano", then a band that is all piano

@pytest.mark.parametrize("out", ["remove the piano",
                                 # mine
                                 "lose the piano please"])
def test_a_style_that_is_all_the_instrument_taken_out_says_so(jazz_long, out):
    # before: "... harmony in, no bass, no drums. Kept without the piano, as you asked." (classical's chords and tune are piano)
    jazz_long.say(out)
    turn = jazz_long.say("make it classical")
    assert jazz_long.plan.style == "classical" and "Kept without the piano" not in turn.reply, turn.reply
    assert "all piano" in turn.reply and all(_plays(jazz_long.plan, r) for r in ("bass", "harmony", "melody")), turn.reply


def test_a_part_taken_out_stays_out_where_the_band_has_more(jazz_long):
    jazz_long.say("no drums")
    turn = jazz_long.say("make it rock")
    assert not _plays(jazz_long.plan, "drums") and "Kept without the drums" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. "both" to a question that invites more than one

@pytest.mark.parametrize("loose, answer", [("more comedic", "both"), ("more comedic", "all of them"),
                                           # mine
                                           ("make it a bit goofy", "yeah both please")])
def test_every_way_offered_is_taken_when_the_answer_takes_all(jazz_long, loose, answer):
    from edit_clips import energies, tempos

    tempo, energy = tempos(jazz_long.plan), energies(jazz_long.plan)
    assert not jazz_long.say(loose).changed
    # before: "I didn't follow 'both'. Do you mean back to the previous version?"
    turn = jazz_long.say(answer)
    assert turn.changed and min(tempos(jazz_long.plan)) > max(tempo), turn.reply
    assert all(b > a for a, b in zip(energy, energies(jazz_long.plan)) if a < 0.95), turn.reply
    assert "did not act on" not in turn.reply, turn.reply


def test_one_way_picked_is_made_without_naming_the_loose_word_undone(jazz_long):
    jazz_long.say("more comedic")
    turn = jazz_long.say("faster")   # before: "... I did not act on 'more comedic'"
    assert turn.changed and "did not act on" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 12. one part asked about is "it"

@pytest.mark.parametrize("said, word", [("you won't add a sax, right?", "sax"),
                                        # mine
                                        ("you're not going to add a bass, are you?", "bass")])
def test_the_question_about_one_part_says_it(jazz_long, said, word):
    # before: "Nothing added: the score has sax now. Should they go out? Say 'no sax' to take them out"
    turn = jazz_long.say(said)
    assert f"has a {word} now. Should it go out?" in turn.reply and "take it out" in turn.reply, turn.reply


def test_the_question_about_drums_says_they(jazz_long):
    assert "Should they go out?" in jazz_long.say("you won't add drums, right?").reply


# ----------------------------------------------------------------------------- 9. a part back after a style change; a placed removal

@pytest.mark.parametrize("back", ["bring the drums back",
                                  # mine
                                  "put the drums back"])
def test_a_part_brought_back_after_a_style_change_plays_the_new_bands_instrument(jazz_long, back):
    jazz_long.say("no drums")
    jazz_long.say("make it rock")
    turn = jazz_long.say(back)   # before: "Drums: Standard -> Jazz; drums in." (a jazz kit in a rock score)
    assert _plays(jazz_long.plan, "drums") and jazz_long.plan.instrumentation.get("drums", "Standard") == "Standard", turn.reply


@pytest.mark.parametrize("out", ["no drums in shot 3",
                                 # mine
                                 "take the drums out of shot 3"])
def test_a_placed_removal_a_style_change_lifts_is_said(jazz_long, out):
    jazz_long.say(out)
    turn = jazz_long.say("make it rock")   # by design the new band plays everywhere; before, only "drums in from 0:08 to 0:12"
    assert "plays the drums in shot 3" in turn.reply and "say 'no drums' there again" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 10. the shot before a mark inside a shot

@pytest.mark.parametrize("mark, said, start", [("a crash at 0:14", "softer in the shot before that", 8.0),
                                               # mine
                                               ("a hit at 0:22", "slower in the previous shot", 16.0)])
def test_the_shot_before_a_mark_is_the_shot_before_the_marks_shot(jazz_long, mark, said, start):
    from edit_clips import energy_at, tempo_at

    jazz_long.say(mark)
    before = [(energy_at(jazz_long.plan, t), tempo_at(jazz_long.plan, t)) for t in (start + 2, start + 6)]
    turn = jazz_long.say(said)   # before: the mark's own shot (0:12-0:16 for a crash at 0:14)
    after = [(energy_at(jazz_long.plan, t), tempo_at(jazz_long.plan, t)) for t in (start + 2, start + 6)]
    assert after[0] != before[0] and after[1] == before[1], turn.reply


# ----------------------------------------------------------------------------- 11. a moment at the edge of a place

@pytest.mark.parametrize("said, at", [("the music should stop at the end of shot 3", "the music should stop at 0:12"),
                                      # mine
                                      ("stop at the end of shot 5", "stop at 0:20")])
def test_a_stop_at_the_end_of_a_shot_is_that_moment(tmp_path, said, at):
    from edit_clips import open_long

    timed = open_long(tmp_path / "timed", "jazz")
    timed.say(at)
    chat = open_long(tmp_path / "said", "jazz")
    turn = chat.say(said)   # before: "No music from 0:08 to 0:12" (silence through shot 3)
    assert all(_plays(chat.plan, r) for r in ("drums", "bass", "harmony", "melody")), turn.reply
    assert chat.plan.model_dump(exclude={"reasoning"}) == timed.plan.model_dump(exclude={"reasoning"}), turn.reply


def test_louder_at_the_end_of_a_shot_is_still_the_shot(jazz_long):
    from edit_clips import energy_at

    before = energy_at(jazz_long.plan, 10.0)
    jazz_long.say("louder at the end of shot 3")
    assert energy_at(jazz_long.plan, 10.0) > before


# ----------------------------------------------------------------------------- 6. an entry at a time said in words

@pytest.mark.parametrize("said, role, t", [("drums come in after twenty", "drums", 20.0),
                                           # mine
                                           ("the sax comes in at forty", "melody", 40.0)])
def test_an_entry_at_a_spoken_time_is_silence_before_it(jazz_long, said, role, t):
    turn = jazz_long.say(said)   # before: "No drums." (the whole score)
    plays = [role in effective_roles(jazz_long.plan, s) for s in jazz_long.plan.sections]
    starts = [s.start_s for s in jazz_long.plan.sections]
    assert all(p == (a >= t - 0.05) for p, a in zip(plays, starts)), turn.reply


# ----------------------------------------------------------------------------- 14. unread cuts pieces as every splitter does

@pytest.mark.parametrize("said", ["slower at 1.30, is that possible?",
                                  # mine
                                  "louder at 0:20.5. she cries there"])
def test_a_point_inside_a_time_does_not_cut_a_piece(jazz_long, said):
    from v2m.agent.dialogue.unread import PIECE_SPLIT_RE

    pieces = [p for p in PIECE_SPLIT_RE.split(said) if p and p.strip()]
    assert len(pieces) == 2 and pieces[0][-1].isdigit(), pieces
    turn = jazz_long.say(said)
    assert "did not act on" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 15. beside a mark, as beside a stretch

@pytest.mark.parametrize("said, changed, kept", [("softer just before that", 13.0, 20.0),
                                                 # mine
                                                 ("calmer everything before that", 6.0, 20.0)])
def test_a_side_of_a_mark_is_beside_it_not_the_whole_score(jazz_long, said, changed, kept):
    from edit_clips import energy_at

    jazz_long.say("a crash at 0:14")
    before = energy_at(jazz_long.plan, changed), energy_at(jazz_long.plan, kept)
    turn = jazz_long.say(said)   # before: the whole score softer (a mark was no stretch to be beside)
    assert energy_at(jazz_long.plan, changed) < before[0] and energy_at(jazz_long.plan, kept) == before[1], turn.reply
