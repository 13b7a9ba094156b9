"""Items the sixteenth session left (notes LEFT17, "left17b: state, structure, isolation"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the chords,
tenor sax on the tune; shot k is [4(k-1), 4k]), in the user's words and in other voices of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies


# ----------------------------------------------------------------------------- 3. the energy taken to its limit

@pytest.mark.parametrize("said", ["max energy",
                                  # other voices: texting, a learner, crew jargon, a plain sentence
                                  "energy to the max pls", "please give it the most energy possible",
                                  "maximum intensity", "crank the energy all the way up", "energy to 11"])
def test_max_energy_takes_every_shot_to_the_top(jazz_long, said):
    """"max energy" says where the energy goes, not how far it moves: every shot at the top (before: +0.2 in each
    shot, the opening still at 0.67, or read as a switch to rock); the reply says the energy once."""
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert set(energies(jazz_long.plan)) == {1.0}, turn.reply
    assert jazz_long.plan.style == "jazz", turn.reply


@pytest.mark.parametrize("said", ["max energy in shot 5", "shot 5: full energy"])
def test_max_energy_at_a_place_is_there_only(jazz_long, said):
    before = energies(jazz_long.plan)
    turn = jazz_long.say(said)
    after = energies(jazz_long.plan)
    assert after[4] == 1.0 and after[:4] == before[:4] and after[5:] == before[5:], turn.reply


@pytest.mark.parametrize("said", ["minimum energy", "as calm as it gets, lowest energy possible"])
def test_min_energy_takes_every_shot_to_the_bottom(jazz_long, said):
    turn = jazz_long.say(said)
    assert turn.changed and max(energies(jazz_long.plan)) <= 0.1, turn.reply


@pytest.mark.parametrize("said", ["more energy", "a bit more energy in shot 5", "slower where the music has the most energy"])
def test_a_step_of_energy_is_still_a_step(jazz_long, said):
    # guard: a plain "more energy" moves each shot from its own level; "the most energy" of a place is no limit
    turn = jazz_long.say(said)
    assert set(energies(jazz_long.plan)) != {1.0}, turn.reply


# ----------------------------------------------------------------------------- 9. thanks in another language

@pytest.mark.parametrize("said", ["Prachtig, dank je wel!",
                                  # other voices: a French, German, Spanish, Italian, Swedish speaker signing off
                                  "merci beaucoup!", "danke schön, perfekt", "muchas gracias!!", "grazie mille",
                                  "tack så mycket :)"])
def test_thanks_in_another_language_changes_nothing(jazz_long, said):
    """A person who slips into their own language to thank ("Prachtig, dank je wel!": "lovely, thank you very much")
    signs off: nothing changes and nothing is asked (before: "I didn't follow 'prachtig'. Do you mean more energy?")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert "?" not in turn.reply, turn.reply


def test_thanks_in_another_language_beside_a_wish_is_the_wish(jazz_long):
    # guard: the thanks is no edit, the wish beside it still is
    turn = jazz_long.say("merci! but a bit slower please")
    assert turn.changed and jazz_long.plan.tempo_bpm < 139, turn.reply


# ----------------------------------------------------------------------------- 2. a part prohibited while absent stays out

def _plays(plan, role: str) -> bool:
    from v2m.agent.dialogue.operations import effective_roles

    return any(role in effective_roles(plan, s) for s in plan.sections)


@pytest.mark.parametrize("never, style", [("never add strings", "make it cinematic"),
                                          # other voices: texting, a learner, a client's brief
                                          ("pls dont ever put strings in", "cinematic please"),
                                          ("We will not use strings.", "Can we try a film score style?"),
                                          ("don't ever bring in any strings", "go orchestral, like a movie")])
def test_a_part_prohibited_where_it_is_absent_stays_out_after_a_restyle(jazz_long, never, style):
    """"never add strings" where none play changes nothing, and it still holds: a later style whose band has strings
    (cinematic) comes without them, and the reply says so (before: the turn left no trace, so the strings came in)."""
    first = jazz_long.say(never)
    assert not first.changed and not _plays(jazz_long.plan, "strings"), first.reply
    turn = jazz_long.say(style)
    assert turn.changed and jazz_long.plan.style != "jazz", turn.reply
    assert not _plays(jazz_long.plan, "strings") and "strings" in turn.reply, turn.reply


def test_a_part_prohibited_then_asked_for_plays(jazz_long):
    # guard: an explicit "add strings" after it lifts the prohibition, and a restyle keeps them
    jazz_long.say("never add strings")
    jazz_long.say("ok actually add strings")
    assert _plays(jazz_long.plan, "strings")
    jazz_long.say("make it cinematic")
    assert _plays(jazz_long.plan, "strings")


# ----------------------------------------------------------------------------- 4. a bell or a gong asked as the mark

@pytest.mark.parametrize("said, at, word", [("add a bell at 0:20", 20.0, "bell"),
                                            # other voices: a texter, a crew note, a roundabout client
                                            ("a lil ding at 0:12 pls", 12.0, "ding"), ("gong on the 5th cut", 20.0, "gong"),
                                            ("could we get a single chime right at 0:30?", 30.0, "chime")])
def test_a_struck_sound_asked_as_a_mark_is_said_plainly(jazz_long, said, at, word):
    """The marks are the band's own (a light accent, a crash): no bell, chime or gong sound plays. The mark is made
    at the moment, and the reply says which mark stands for the sound asked (before: "Accent at 0:20 (was a crash)."
    and nothing about the bell, so the user waits for a bell that never rings)."""
    turn = jazz_long.say(said)
    assert turn.changed or word == "gong", turn.reply   # a gong is a crash: the one on the cut stays as it is
    assert any(abs(h.time_s - at) < 0.05 for h in jazz_long.plan.hit_points), turn.reply
    assert f"no {word} sound" in turn.reply.lower(), turn.reply


def test_bells_as_a_part_are_no_mark(jazz_long):
    # guard: "bells from 0:20" is a part to add, said as a part, nothing said about a mark
    turn = jazz_long.say("add bells from 0:20")
    assert "sound" not in turn.reply.lower() or "mark" not in turn.reply.lower(), turn.reply


# ----------------------------------------------------------------------------- 11. the kept-out sections are new ones

def test_kept_entered_returns_new_sections_and_leaves_the_plan(jazz_long):
    """`standing._kept_entered` (a part brought in late kept late across a style change) returns the sections with
    the part silent where it was, and leaves the plan it reads as it was (before: it wrote into `plan.sections`)."""
    from v2m.agent.dialogue import operations as ops, standing

    jazz_long.say("no drums")
    jazz_long.say("drums in from 0:20 on")
    plan = jazz_long.plan.model_copy(deep=True)
    entered = standing._entered(plan, standing.kept_out(plan))
    ops.set_style(plan, "rock")
    before = [s.model_copy(deep=True) for s in plan.sections]
    sections, said = standing._kept_entered(plan, entered)
    assert plan.sections == before and sections != before and said
    assert all("drums" not in ops.effective_roles(plan, s) for s in sections if s.end_s <= 20.0)
    assert all("drums" in ops.effective_roles(plan, s) for s in sections if s.start_s >= 20.0)


# ----------------------------------------------------------------------------- 10. a stretch that starts where it ends

@pytest.mark.parametrize("said", ["now 1.00 to 1.00",
                                  # other voices: a typed range, dictation, a learner
                                  "louder from 0:20 to 0:20", "slower from zero twenty to zero twenty", "make 0:30-0:30 calmer"])
def test_a_stretch_of_no_length_is_refused_plainly(jazz_long, said):
    """A stretch that starts and ends at one moment holds no music: nothing changes, and the reply says why plainly
    and asks which stretch was meant (before: "1:00 to 1:00 is too short a stretch to change", as if it were short)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert "same moment" in turn.reply and "?" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. "all the way through" is the whole piece

@pytest.mark.parametrize("said, size", [("louder all the way through", "louder"),
                                        # other voices: texting, a learner, and the size said beside it
                                        ("a bit louder all the way thru", "a bit louder"),
                                        ("louder please, all the way from start to end", "louder please")])
def test_all_the_way_through_is_the_whole_piece_not_a_size(jazz_long, tmp_path, said, size):
    """"all the way through" says where (everywhere), not how much: the same change as the words without it
    (before: "louder all the way through" +6 LUFS, a large step, where "louder" is +3)."""
    from edit_clips import open_long

    jazz_long.say(said)
    other = open_long(tmp_path / "other")
    other.say(size)
    assert jazz_long.plan.loudness_lufs == other.plan.loudness_lufs != -16.0


def test_all_the_way_up_is_still_big(jazz_long, tmp_path):
    # guard: "all the way up" is how far
    from edit_clips import open_long

    jazz_long.say("turn it all the way up")
    other = open_long(tmp_path / "other")
    other.say("turn it up")
    assert jazz_long.plan.loudness_lufs > other.plan.loudness_lufs


# ----------------------------------------------------------------------------- 3. a part brought in at a time, from there on

@pytest.mark.parametrize("first", [None, "no drums"])
def test_drums_brought_in_at_a_time_play_from_there_on(jazz_long, first):
    """"bring the drums in at 0:20": silent before 0:20, playing from 0:20 to the end (not one shot only); the item
    did not reproduce on this clip (jazz, ambient, solo piano, lofi): kept as a guard."""
    from v2m.agent.dialogue.operations import effective_roles

    if first:
        jazz_long.say(first)
    turn = jazz_long.say("bring the drums in at 0:20")
    plays = ["drums" in effective_roles(jazz_long.plan, s) for s in jazz_long.plan.sections]
    assert not any(plays[:5]) and all(plays[5:]), turn.reply


# ----------------------------------------------------------------------------- left: not done this session

@pytest.mark.xfail(reason="left: an unknown sound beside a correction ('also do the blorp sound') asks about the whole "
                          "turn instead of moving the edit and noting the unread clause", strict=True)
def test_a_correction_beside_an_unknown_sound_moves_the_edit(jazz_long):
    jazz_long.say("louder in shot 5")
    turn = jazz_long.say("no, shot 6. also do the blorp sound")
    assert turn.changed and energies(jazz_long.plan)[5] > 0.9 and "blorp" in turn.reply, turn.reply


@pytest.mark.xfail(reason="left: 'the same as X' copying one place's feel to another is unread", strict=True)
@pytest.mark.parametrize("said", ["make the outro the same as the intro", "make the last shot like the first shot"])
def test_one_place_made_the_same_as_another(jazz_long, said):
    turn = jazz_long.say(said)
    p = jazz_long.plan
    assert turn.changed and p.sections[-1].energy == p.sections[0].energy, turn.reply


@pytest.mark.xfail(reason="left: a moment said inside an edit clause after its time ('more energy at 0:20 when she "
                          "jumps') is not remembered as a name (names.EVENT_RE reads a clause that is only the event)",
                   strict=True)
def test_a_moment_said_inside_an_edit_is_remembered(jazz_long):
    jazz_long.say("more energy at 0:20 when she jumps")
    turn = jazz_long.say("a stab when she jumps")
    assert any(abs(h.time_s - 20.0) < 0.05 and h.kind == "stab" for h in jazz_long.plan.hit_points), turn.reply


@pytest.mark.xfail(reason="left: 'nope the 6th one' after a mark said by its time (not by its cut) is unread", strict=True)
def test_a_mark_said_by_time_moved_to_a_counted_cut(jazz_long):
    jazz_long.say("a stab at 0:15")
    turn = jazz_long.say("nope the 6th one")
    assert any(abs(h.time_s - 24.0) < 0.05 and h.kind == "stab" for h in jazz_long.plan.hit_points), turn.reply


# ----------------------------------------------------------------------------- 1. isolation: a new request is not read at the offer's place

@pytest.mark.parametrize("first, said", [
    ("kick off soft, let it climb all the way up to shot five", "after the drop kick's buried, push it"),
    # other voices: a texter, a producer's shorthand
    ("kick off soft, let it climb all the way up to shot five", "after the dog's jump the sax is 2 quiet"),
    ("kick off soft, let it climb all the way up to shot five", "once the crowd's cheering, bass up")])
def test_a_new_request_with_a_place_unfound_is_not_read_at_the_offers_place(jazz_long, first, said):
    """Tune turn n-i-d-beats-03 t2: after a question that offered readings, a request of its own whose place the chat
    cannot find ("after the drop kick's") is asked about, not read together with the question's request at that
    request's place (before: the drums up from 0:00 to 0:16, "before shot 5", as the earlier turn said, so the shots
    the user never named changed). The apostrophe in the quoted place hid the where-question (`moment_answers.ASKED_RE`)."""
    asked = jazz_long.say(first)
    assert asked.question, asked.reply
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and turn.question and "Where" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 1. isolation: markers pasted tab-separated

PREMIERE = ("markers from premiere below\nMarker Name\tIn\tDescription\nM1\t00:00:05:00\tdrums are too loud here\n"
            "M2\t00:00:15:00\tneed a swell into this cut\nM3\t00:00:25:00\tfinish on a hit")


@pytest.mark.parametrize("pasted", [PREMIERE,
                                    # other exports: Resolve's (a # column, Timecode, Notes), a hand-typed tab table
                                    "#\tTimecode\tNotes\n1\t00:00:04:00\tdrums are too loud here\n2\t00:00:24:00\tless bass",
                                    "Time\tWho\tComment\n0:04\tJo\tdrums too loud here\n0:24\tSam\tless bass please"])
def test_markers_pasted_with_tabs_are_read_at_their_times(jazz_long, pasted):
    """Tune turn n-e-ed-pasted-export t1: a marker list pasted from an editor is tab-separated; each marker's note is
    read at its own time (the drums softer in the shot at 0:05 or 0:04, not over the whole score, which changed the
    shots no marker named), and the line introducing it ("markers from premiere below") is no note."""
    turn = jazz_long.say(pasted)
    drums = [(s.levels_db or {}).get("drums", 0.0) for s in jazz_long.plan.sections]
    assert drums[1] < 0 and drums[0] == 0.0 and all(d == 0.0 for d in drums[2:]), turn.reply
    assert "premiere" not in turn.reply, turn.reply
