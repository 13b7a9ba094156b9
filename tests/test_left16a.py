"""Defects the fifteenth session left (notes LEFT16, "left16a: from the reworded sets' writers"), each through a real
chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the
chords, tenor sax on the tune; shot k is [4(k-1), 4k]), in the user's words and in other voices of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels

OTHERS = ("drums", "harmony", "melody")   # jazz's parts beside the bass


# ----------------------------------------------------------------------------- 10. the low side said alone is the bass

@pytest.mark.parametrize("said, up", [("turn up the bottom", True), ("the lows are too quiet", True),
                                      # other voices: texting, crew jargon, a learner
                                      ("the lows r way too loud lol", False), ("boost the lows a bit", True),
                                      ("the bottom is way too muddy", False)])
def test_the_bottom_and_the_lows_are_the_bass(jazz_long, said, up):
    """"the bottom", "the lows" are the mixer's names for the low end: the bass up or down against the others, the
    loudness, the energy and the other parts as they were (before: "turn up the bottom" the loudness +3 LUFS, "the
    lows are too quiet" more energy everywhere, "the bottom is way too muddy" asked where "the bottom" is)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert (min(levels(plan, "bass")) > 0) if up else (max(levels(plan, "bass")) < 0), turn.reply
    assert all(set(levels(plan, r)) == {0.0} for r in OTHERS), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply


@pytest.mark.parametrize("said", ["the bottom of the hill should feel calmer", "the music should follow the highs and lows of the story"])
def test_the_bottom_of_something_is_no_bass(jazz_long, said):
    """"the bottom of the hill" is a place in the picture, "the highs and lows" the story's ups and downs: no bass."""
    turn = jazz_long.say(said)
    assert all(set(levels(jazz_long.plan, r)) == {0.0} for r in ("bass", *OTHERS)), turn.reply


# ----------------------------------------------------------------------------- 2. a part that comes in late

@pytest.mark.parametrize("first, said, role", [
    ("no drums in the first three shots", "the drums take forever to kick in", "drums"),
    # other voices: a roundabout speaker, a texter, a crew member
    ("no bass in the first three shots", "it takes ages for the bass to come in", "bass"),
    ("no drums in the first three shots", "drums r soooo late to kick in", "drums"),
    ("no sax before 0:12", "the sax comes in way too late", "melody")])
def test_a_part_that_comes_in_late_enters_from_the_start(jazz_long, first, said, role):
    """The part is silent until 0:12 and the user wants it sooner: it plays from the start, up to where it plays now;
    the energy of the whole score and the other parts as they were (before: more energy in the first shot only, the
    part still silent to 0:12)."""
    from v2m.agent.dialogue.operations import effective_roles

    jazz_long.say(first)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(role in effective_roles(plan, s) for s in plan.sections), turn.reply
    assert energies(plan) == energies(before), turn.reply


@pytest.mark.parametrize("said", ["the drums take forever to kick in", "drums are way too slow to come in"])
def test_a_part_playing_from_the_start_said_late_is_more_present_there(jazz_long, said):
    """The drums play from 0:00 already: heard late, they are too faint there; more of them in the opening, the rest
    of the score as it was (before: the whole opening livelier, the drums as they were)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert levels(plan, "drums")[0] > 0 and set(levels(plan, "drums")[1:]) == {0.0}, turn.reply
    assert energies(plan)[1:] == energies(before)[1:], turn.reply


# ----------------------------------------------------------------------------- 3. a part blamed for the disorder

@pytest.mark.parametrize("said, role", [("it's pure mayhem with the drums", "drums"),
                                        # other voices: a texter, a plain complaint, a producer
                                        ("omg its a total mess cos of the sax", "melody"), ("the drums are total chaos", "drums"),
                                        ("the bass is making it a mess", "bass")])
def test_a_part_blamed_for_mayhem_steps_back(jazz_long, said, role):
    """"pure mayhem with the drums" is a complaint: the drums make it chaotic, so they step back; the energy, the
    loudness and the other parts as they were (before: the drums added, louder and more energy everywhere)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert max(levels(plan, role)) < 0, turn.reply
    assert all(set(levels(plan, r)) == {0.0} for r in {"drums", "bass", "harmony", "melody"} - {role}), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply


def test_mayhem_with_a_drone_of_an_ambient_score_is_the_pad_down(tmp_path):
    """The user's own words, on a score where a drone (the pad) plays: the pad steps back, never a drone added."""
    from edit_clips import open_long

    chat = open_long(tmp_path, "dark ambient drone music")
    turn = chat.say("it's pure mayhem with the drone")
    assert turn.changed and max(levels(chat.plan, "pad")) < 0, turn.reply


@pytest.mark.parametrize("said", ["omg its a mess", "this is madness, tone it down"])
def test_the_whole_music_called_a_mess_is_calmer(jazz_long, said):
    """No part blamed: the whole score too busy, less energy (before: "omg its a mess" asked "more energy?")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and sum(energies(jazz_long.plan)) < sum(energies(before)), turn.reply


# ----------------------------------------------------------------------------- 4. someone arriving at a numbered cut

@pytest.mark.parametrize("told", ["Monster shows up on cut number 6",
                                  # other voices: a game trailer's editor, a dictation, a describer of the picture
                                  "the boss monster appears at cut #6", "Teacher walks in on cut number six",
                                  "the gunslinger shows up at the sixth cut"])
def test_someone_arriving_at_a_numbered_cut_is_a_moment_to_edit_from(jazz_long, told):
    """"Monster shows up on cut number 6" tells where a moment is (the 6th cut, 0:24): noted, nothing changed; "from
    that point until the end" then starts there (before: not noted, the words asked about, and "from that point" read
    from 0:06, "number 6" as six seconds; "monster", "teacher" read as comparatives)."""
    from edit_clips import energy_at

    first = jazz_long.say(told)
    assert not first.changed and "noted" in first.reply.lower(), first.reply
    before = jazz_long.plan
    turn = jazz_long.say("from that point until the end make it calmer")
    plan = jazz_long.plan
    assert turn.changed, turn.reply
    assert all(energy_at(plan, t) == energy_at(before, t) for t in (2, 10, 22)), turn.reply
    assert all(energy_at(plan, t) < energy_at(before, t) for t in (26, 40, 58)), turn.reply


# ----------------------------------------------------------------------------- 13. a build over the whole piece

@pytest.mark.parametrize("said", ["whole thing's gotta ramp, top of the reel to the last frame",
                                  # other voices: a plain request, a texter, an editor
                                  "build from the top to the last frame", "it needs to ramp from the top of the video to the end",
                                  "ramp it up from the top of the reel to the final frame"])
def test_a_ramp_from_the_top_to_the_last_frame_is_a_build_over_the_whole_piece(jazz_long, said):
    """"top of the reel" is the start, "to the last frame" the end, "gotta ramp" a build: the energy rises from the
    first shot to the last (before: asked "growing over time?", or a rise inside the last shot only, the last frame
    read as a mark's moment)."""
    turn = jazz_long.say(said)
    e = energies(jazz_long.plan)
    assert turn.changed and not turn.question, turn.reply
    assert e[0] < e[7] < e[-1] and e == sorted(e), turn.reply


# ----------------------------------------------------------------------------- 11. the freeze (frame) as a moment

@pytest.mark.parametrize("told, said", [("there's a freeze frame at 0:40", "from the freeze to the end make it quieter"),
                                        # other voices: an editor, a describer, a texter
                                        ("the freeze frame is at 0:40", "quieter from the freeze frame to the end"),
                                        ("there's a freeze frame at 0:40", "after the freeze, calmer"),
                                        ("the picture freezes at 0:40", "from the freeze til the end calmer pls"),
                                        ("we got a freeze on cut ten where he leaps the hood", "then from the freeze to the end calmer")])
def test_the_freeze_named_is_a_moment_not_a_lock(jazz_long, told, said):
    """"the freeze" is the freeze-frame moment told before (0:40): calmer from there to the end, the rest as it was
    (before: "there's a freeze frame at 0:40" asked "slower, or faster?" and "from the freeze ..." locked the score)."""
    from edit_clips import energy_at

    assert not jazz_long.say(told).changed
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and "lock" not in turn.reply.lower(), turn.reply
    assert all(energy_at(plan, t) == energy_at(before, t) for t in (2, 20, 38)), turn.reply
    assert all(energy_at(plan, t) < energy_at(before, t) for t in (42, 50, 58)), turn.reply


def test_freeze_as_a_verb_still_locks(jazz_long):
    turn = jazz_long.say("freeze the first shot")
    assert "locked" in turn.reply.lower(), turn.reply


# ----------------------------------------------------------------------------- 14. happier is major and not calmer

@pytest.mark.parametrize("said", ["its all so gloomy, can it be happier", "can it be happier", "way too gloomy, make it happy pls"])
def test_happier_is_major_without_less_energy(lofi_chat, said):
    """Happier: the key to major, the energy not lower anywhere (the fifteenth session saw major with less energy; it
    holds on main, kept here)."""
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    plan = lofi_chat.plan
    assert turn.changed and plan.mode == "major", turn.reply
    assert all(a >= b for a, b in zip(energies(plan), energies(before))), turn.reply


# ----------------------------------------------------------------------------- 8. warm and snug: one gentle feel

@pytest.mark.parametrize("said", ["warm and snug like a nice quilt",
                                  # other voices: a plain wish, a texter, a describer
                                  "make it warm and snug", "warm n cozy pls", "it should feel warm and snug, like a nice quilt"])
def test_warm_and_snug_is_one_gentle_feel(jazz_long, said):
    """Warm, snug, cosy agree (gentle, a little slower, no mode against the other): one reading, no question; the
    quilt's "nice" is no praise of the score (before: praise, nothing changed; or "calm and romantic, which mood?")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert plan.tempo_bpm < before.tempo_bpm and sum(energies(plan)) < sum(energies(before)), turn.reply
    assert plan.mode == "major", turn.reply


@pytest.mark.parametrize("said", ["calm and epic", "make it happy and sad"])
def test_moods_that_pull_apart_are_still_asked(jazz_long, said):
    turn = jazz_long.say(said)
    assert not turn.changed, turn.reply


# ----------------------------------------------------------------------------- 7. a run-on answer opening with "where"

@pytest.mark.parametrize("asked, answer, shot", [
    ("make it softer when she is bending over", "where she is bending over um that is the fourth picture", 4),
    # other voices: a dictation, a texter, a learner
    ("calmer when the kid is blowing out the candles", "where the kid is blowing out the candles uh it's shot six", 6),
    ("softer when he is falling down", "where he is falling down which is the third shot", 3)])
def test_a_run_on_answer_opening_with_where_fills_the_place(jazz_long, asked, answer, shot):
    """The reply asked where the moment is; "where she is bending over um that is the fourth picture" says it (a
    statement: subject before verb, no question mark): the asked edit made in that shot (before: read as a question
    about the score, "It is jazz in F major ...", nothing changed)."""
    from edit_clips import energy_at

    assert jazz_long.say(asked).question
    before = jazz_long.plan
    turn = jazz_long.say(answer)
    plan = jazz_long.plan
    t = 4 * shot - 2
    assert turn.changed and energy_at(plan, t) < energy_at(before, t), turn.reply
    assert all(energy_at(plan, u) == energy_at(before, u) for u in range(2, 60, 4) if u != t), turn.reply


# ----------------------------------------------------------------------------- left for later (xfail, one line each)

@pytest.mark.xfail(reason="'her entrance' is not tied to 'my wife comes in' (entrance ~ comes in), nor 'the build up to X' read as the stretch before X", strict=True)
def test_the_build_up_to_her_entrance_is_kept(jazz_long):
    """1. "her entrance" is the moment told (0:30); "the build up to" it the stretch before: kept as it is (locked)."""
    jazz_long.say("my wife comes in at 0:30")
    turn = jazz_long.say("keep the build up to her entrance exactly as is")
    assert turn.changed and "lock" in turn.reply.lower() and "0:30" in turn.reply, turn.reply


@pytest.mark.xfail(reason="a swell into a shot is a rise over the shot before (the fifteenth session's reading for crescendo/build too); no swell mark at its start", strict=True)
def test_a_big_swell_leading_into_the_final_shot_marks_its_start(jazz_long):
    """5. A swell mark at the last shot's start (0:56), as "a big swell leading into 0:56" makes."""
    jazz_long.say("a big swell leading into the final shot")
    assert any(h.kind == "swell" and abs(h.time_s - 56) < 0.1 for h in jazz_long.plan.hit_points)


@pytest.mark.xfail(reason="nothing copies one place's feel to another (left16b item 3 is the same family: 'like the start, just piano')", strict=True)
def test_like_the_intro_but_darker_copies_the_intro(jazz_long):
    """6. "make the ending like the intro but darker": the ending takes the intro's energy, darker."""
    from edit_clips import energy_at

    jazz_long.say("make the ending like the intro but darker")
    assert energy_at(jazz_long.plan, 58) == energy_at(jazz_long.plan, 2)


@pytest.mark.xfail(reason="a moment re-told at a new time does not move the earlier edits tied to it (retarget moves the last edit only)", strict=True)
def test_the_kiss_said_later_moves_the_edit_at_the_kiss_only(jazz_long):
    """9. The bass edit was at the kiss (0:40), the drums edit in shot 3: the kiss now at 0:52 moves the bass edit
    there and keeps the drums in shot 3 (now: asked "slower?")."""
    jazz_long.say("the kiss is at 0:40")
    jazz_long.say("make the bass louder at the kiss")
    jazz_long.say("more drums in shot 3")
    jazz_long.say("oh no hang on I got that wrong the kiss is fifty two seconds")
    plan = jazz_long.plan
    assert levels(plan, "bass")[13] > 0 and levels(plan, "bass")[10] == 0 and levels(plan, "drums")[2] > 0


@pytest.mark.xfail(reason="'00:05:00' (three fields) is read as h:mm:ss, 5:00, past the end of a 60 s clip; mm:ss:ff is not tried", strict=True)
def test_a_tab_separated_marker_list_with_frames(jazz_long):
    """15. An editor's marker list, mm:ss:ff: more drums in the shot at 0:05, softer in the shot at 0:12, nothing at
    0:00-0:04."""
    turn = jazz_long.say("00:05:00\tmore drums\n00:12:00\tsofter")
    plan = jazz_long.plan
    assert turn.changed and levels(plan, "drums")[1] > 0 and levels(plan, "drums")[0] == 0, turn.reply
