"""Defects the fifteenth session left (notes LEFT16, "left16c: from the left items and read-backs"), each through a
real chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on
the chords, tenor sax on the tune; shot k is [4(k-1), 4k]), in the user's words and in other words of the same
family."""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, levels, tempo_at, tempos

from v2m.agent.dialogue.operations import effective_roles

BAND = ("drums", "bass", "harmony", "melody")


def _level(plan, role: str) -> set[float]:
    return set(levels(plan, role))


# ----------------------------------------------------------------------------- 9. a part played too hard

@pytest.mark.parametrize("said, role", [("the drums hit too hard", "drums"),
                                        # mine
                                        ("the drums are hitting way too hard", "drums"),
                                        ("the kick hits a bit too hard", "drums"),
                                        ("the piano comes in too strong", "harmony"),
                                        ("the bass is playing too loud in shot 3", "bass")])
def test_a_part_played_too_hard_is_softer(jazz_long, said, role):
    """A complaint about how hard a part plays: that part softer against the others, the energy, the loudness and
    the other parts as they were (before: "hit too hard" read as the drums added: +2 dB and more energy)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert min(levels(plan, role)) < 0 and max(levels(plan, role)) <= 0, turn.reply
    assert all(_level(plan, r) == {0.0} for r in set(BAND) - {role}), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply


# ----------------------------------------------------------------------------- 10. a second part after one taken out

@pytest.mark.parametrize("said, gone", [("take out the strings, and the drums in shot 3", ()),
                                        # mine
                                        ("take out the sax, and the drums in shot 3", ("melody",)),
                                        ("mute the sax, and the drums in shot 3", ("melody",)),
                                        ("lose the piano. and the drums in shot 3", ("harmony",))])
def test_a_part_named_after_one_taken_out_goes_too(jazz_long, said, gone):
    """The drums are taken out as the part before them was, only where said (shot 3, 0:08-0:12); no part louder,
    the energy as it was (before: "and the drums in shot 3" read alone as the drums added there, +2 dB and more
    energy; jazz has no strings, so that one is said and nothing else)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    for s in plan.sections:
        playing = set(effective_roles(plan, s))
        assert ("drums" in playing) == (not (8.0 <= s.start_s < 12.0)), (s.start_s, turn.reply)
        assert not playing & set(gone), (s.start_s, turn.reply)
    assert all(max(levels(plan, r), default=0) <= 0 for r in BAND), turn.reply
    assert energies(plan) == energies(before), turn.reply
    assert ("strings" in turn.reply) == ("strings" in said), turn.reply


def test_a_part_tacked_on_with_a_level_keeps_its_level(jazz_long):
    # guard: "no sax, and the drums louder" is the sax out and the drums up, not the drums out
    turn = jazz_long.say("no sax, and the drums louder")
    plan = jazz_long.plan
    assert min(levels(plan, "drums")) > 0 and all("drums" in effective_roles(plan, s) for s in plan.sections), turn.reply


# ----------------------------------------------------------------------------- 15. a part alone complained of

@pytest.mark.parametrize("said", ["the bass on its own is boring", "the sax alone feels weak",
                                  # mine
                                  "the bass by itself sounds boring", "the piano on its own is too loud",
                                  "ngl the drums on their own feel kinda weak"])
def test_a_part_alone_complained_of_keeps_the_band(jazz_long, said):
    """"on its own", "alone", "by itself" describe the part the complaint is about, they ask for no solo: every part
    still plays, and what changes is what the complaint says of that part (before: only that part kept)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(set(effective_roles(plan, s)) == set(BAND) for s in plan.sections), turn.reply
    if "weak" in said:
        assert min(levels(plan, "melody" if "sax" in said else "drums")) > 0, turn.reply
    if "loud" in said:
        assert max(levels(plan, "harmony")) < 0, turn.reply


@pytest.mark.parametrize("said", ["the bass on its own", "just the bass on its own please"])
def test_a_part_alone_asked_for_is_still_kept_alone(jazz_long, said):
    # guard: asked for, a part on its own is the only part
    turn = jazz_long.say(said)
    assert all(set(effective_roles(jazz_long.plan, s)) == {"bass"} for s in jazz_long.plan.sections), turn.reply


# ----------------------------------------------------------------------------- 12. a setting put back after a time

@pytest.mark.parametrize("said", ["put the tempo back after 0:30",
                                  # mine
                                  "the tempo back after 30 seconds pls", "can u put the tempo back after 0:30",
                                  "after 0:30 set the speed back"])
def test_the_tempo_put_back_after_a_time_leaves_an_earlier_change(jazz_long, said):
    """Shot 2 (0:04-0:08) was slowed; the tempo after 0:30 was never changed, so there is nothing to put back there:
    shot 2 stays slower and the reply says so (before: shot 2's tempo was put back, the time said ignored)."""
    jazz_long.say("slower in shot 2")
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert tempos(plan) == tempos(before) and not turn.changed, turn.reply
    assert "0:30" in turn.reply, turn.reply


def test_the_tempo_put_back_after_a_time_only_there(jazz_long):
    jazz_long.say("slower")
    turn = jazz_long.say("put the tempo back after 0:30")
    plan, first = jazz_long.plan, jazz_long.plan.tempo_bpm
    assert tempo_at(plan, 10.0) < tempo_at(plan, 40.0) and tempo_at(plan, 40.0) > first, turn.reply


# ----------------------------------------------------------------------------- 4. a part's entry through a style change

@pytest.mark.parametrize("entry, style", [("drums come in after 20 seconds", "make it rock"),
                                          # mine
                                          ("the drums enter at 0:20", "switch to funk"),
                                          ("drums from 0:20 on", "can we try it as rock"),
                                          ("the drums should start at 0:20", "rock it up, make it rock")])
def test_a_part_brought_in_at_a_place_still_enters_there_after_a_style_change(jazz_long, entry, style):
    """"no drums", then the drums brought in at 0:20: the user has arranged where the drums enter, and a new style
    keeps that entry, its own kit from 0:20 (before: the new band's drums played from 0:00, "drums in from 0:00 to
    0:20")."""
    jazz_long.say("no drums")
    jazz_long.say(entry)
    turn = jazz_long.say(style)
    plan = jazz_long.plan
    assert plan.style != "jazz", turn.reply
    for s in plan.sections:
        assert ("drums" in effective_roles(plan, s)) == (s.start_s >= 20.0), (s.start_s, turn.reply)
    assert "0:00-0:20" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 11. how slowly a rise comes, said apart

@pytest.mark.parametrize("said", ["little by little, grow from shot 5 to 9",
                                  # mine
                                  "slowly, bit by bit, grow from shot 5 to 9", "grow from shot 5 to 9, little by little",
                                  "build up from shot 5 to shot 9 - gradually", "step by step: grow from shot 5 to 9"])
def test_a_slow_rise_said_apart_grows_from_the_music_there(jazz_long, said):
    """"little by little" says how the rise comes: from where shot 5 (0:16-0:20) plays now, up, step by step, to
    shot 9 (0:32-0:36); nothing outside changes (before: the comma cut it off, and the rise first dropped shot 5 from
    0.78 to 0.60)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question and "did not act" not in turn.reply, turn.reply
    inside = [energy_at(plan, t) for t in (18, 22, 26, 30, 34)]
    assert inside[0] >= energy_at(before, 18) and inside[-1] > inside[0], turn.reply
    assert all(b >= a for a, b in zip(inside, inside[1:])), inside
    assert all(energy_at(plan, t) == energy_at(before, t) for t in (2, 10, 14, 38, 50)), turn.reply


# ----------------------------------------------------------------------------- 6. the music said to end where the video does

@pytest.mark.parametrize("said", ["let the music end at the end of the last shot",
                                  # mine
                                  "end the music with the last shot", "the music should finish when the video ends",
                                  "the music should end at 1:00", "can the music just end at the end of shot 15 please"])
def test_the_music_said_to_end_with_the_video_changes_nothing_and_says_so(jazz_long, said):
    """The music already ends where the video does: nothing to take out or fade; the reply says it ends there and
    asks whether the end should sound different, a fade or a final hit (before: the last shot faded, 0.62 -> 0.23)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert "already ends" in turn.reply and "1:00" in turn.reply, turn.reply


def test_the_music_said_to_end_with_the_video_beside_a_change_is_that_change(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("let the music end at the end of shot 15, and make it slower")
    plan = jazz_long.plan
    assert tempo_at(plan, 30) < tempo_at(before, 30) and energies(plan) == energies(before), turn.reply


@pytest.mark.parametrize("answer, fades", [("fade out at the end", True), ("the first one", True), ("the second", False)])
def test_the_end_offered_is_taken(jazz_long, answer, fades):
    jazz_long.say("let the music end at the end of the last shot")
    before = jazz_long.plan
    turn = jazz_long.say(answer)
    assert turn.changed and (energy_at(jazz_long.plan, 59) < energy_at(before, 59)) == fades, turn.reply


# ----------------------------------------------------------------------------- 7. the music stopped at the end of a shot

@pytest.mark.parametrize("said", ["stop the music at the end of shot 5", "the music should stop at the end of shot 5",
                                  # mine
                                  "cut the music right at the end of the fifth shot", "pls stop the music at the end of shot 5 ok"])
def test_the_music_stopped_at_the_end_of_a_shot_is_one_stop_there(jazz_long, said):
    """Both wordings say the same moment: a stop mark where shot 5 ends (0:20), every section still playing (before:
    "stop the music at the end of shot 5" silenced shot 5 itself, 0:16-0:20, while "the music should stop at the end
    of shot 5" was a stop at 0:20)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert any(h.kind == "stop" and abs(h.time_s - 20.0) < 0.05 for h in plan.hit_points), turn.reply
    assert all(s.music for s in plan.sections), turn.reply


def test_the_music_stopped_over_a_shot_is_still_silence_there(jazz_long):
    # guard: "in shot 5" is a stretch, no moment
    turn = jazz_long.say("stop the music in shot 5")
    assert not jazz_long.plan.sections[jazz_long.plan.section_at(18.0)].music, turn.reply


# ----------------------------------------------------------------------------- 3. a whole-score change said once

@pytest.mark.parametrize("said", ["max energy",
                                  # mine
                                  "more energy", "bring the energy up a lot pls", "less energy everywhere"])
def test_the_energy_moved_everywhere_is_said_in_one_line(jazz_long, said):
    """Each shot moves from its own level, but the user asked one thing: the reply says it once, by how much and
    where it is now (before: fifteen "more energy (0.47 -> 0.67) from 0:00 to 0:04; ..." phrases)."""
    turn = jazz_long.say(said)
    assert turn.changed, turn.reply
    first = turn.reply.split("\n")[0]
    assert first.lower().count("energy") == 1 and " from 0:" not in first and len(first) < 120, first


def test_a_shape_is_still_said_stretch_by_stretch(jazz_long):
    # guard: a rise (down, then up) keeps each stretch's words
    turn = jazz_long.say("build from shot 5 to 9")
    assert turn.reply.count("energy") >= 3, turn.reply


# ----------------------------------------------------------------------------- 13. every mark of a kind taken out, said after "ok"

@pytest.mark.parametrize("said", ["ok no crashes then",
                                  # mine
                                  "ok fine no hits then", "yeah lose the crashes", "alright, no more crashes please"])
def test_every_crash_taken_out_after_an_opener(jazz_long, said):
    """"ok" and "yeah" open the request and say nothing: every crash goes, and the reply says it once (before: "I
    didn't follow 'crashes'", and with no opener fourteen "no crash at ..." phrases)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question and not plan.hit_points, turn.reply
    assert turn.reply.count("0:") <= 2, turn.reply


# ----------------------------------------------------------------------------- 5. an option picked by its place

@pytest.mark.parametrize("asked, answer", [("the hats are too fast", "the first one"),
                                           # mine
                                           ("the hats are too fast", "1st"), ("the drums are too slow", "the first"),
                                           ("the hats r too fast", "first one pls")])
def test_the_first_option_picked_is_taken(jazz_long, asked, answer):
    """The question offered two readings (the whole tempo, or that part playing fewer notes): "the first one" is
    the first, the tempo (before: the asked request read again raised the same question, and "the first one" alone
    was asked where it should go)."""
    before = jazz_long.plan
    assert jazz_long.say(asked).question
    turn = jazz_long.say(answer)
    assert turn.changed and not turn.question, turn.reply
    way = -1 if "fast" in asked else 1
    assert (tempo_at(jazz_long.plan, 30) - tempo_at(before, 30)) * way > 0, turn.reply


def test_an_option_picked_leaves_no_note_about_the_words_asked(jazz_long):
    jazz_long.say("make it zoopy")
    turn = jazz_long.say("the first one")
    assert turn.changed and "did not act on" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 2. a mark already there, and a part prohibited

@pytest.mark.parametrize("said", ["a crash at 0:20 and never add strings",
                                  # mine
                                  "a crash at 0:20 and don't ever add strings", "crash at 0:20 and never use strings"])
def test_a_mark_already_there_and_a_part_prohibited_are_both_said(jazz_long, said):
    """Two orders: the crash at 0:20 is there already, and strings are never to be added (none play): nothing changes
    and the reply says both (before: "and never add strings" was read into the mark's clause and dropped)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question, turn.reply
    assert "0:20 already has" in turn.reply and "strings" in turn.reply, turn.reply


def test_a_new_mark_and_a_part_prohibited_are_both_read(jazz_long):
    turn = jazz_long.say("a crash at 0:21 and never add strings")
    assert any(abs(h.time_s - 21.0) < 0.05 for h in jazz_long.plan.hit_points) and "strings" in turn.reply, turn.reply


@pytest.mark.xfail(reason="a prohibition that changed nothing is not in the plan's log `standing` reads, so a later "
                          "purpose's strings come in (left: the log of unchanged turns is the session's, not the plan's)")
def test_a_part_prohibited_stays_out_when_a_purpose_brings_it(jazz_long):
    jazz_long.say("a crash at 0:20 and never add strings")
    jazz_long.say("it's for a wedding")
    assert not any("strings" in effective_roles(jazz_long.plan, s) for s in jazz_long.plan.sections)


# ----------------------------------------------------------------------------- 16. "it" after a part, done and not unread

@pytest.mark.parametrize("said, role", [("the sax sits behind the piano, bring it forward", "melody"),
                                        # mine
                                        ("the bass is buried. turn it up", "bass"),
                                        ("the drums are too busy, can you tone them down", "drums")])
def test_it_after_a_part_is_done_and_not_named_unread(jazz_long, said, role):
    """"it" is the part just named; the change is made, and the reply does not say it did not act on "bring it
    forward" (before: that piece, read alone, had no part for "it")."""
    turn = jazz_long.say(said)
    assert turn.changed and levels(jazz_long.plan, role)[0] != 0 and "did not act" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 1. an event told with its particle

@pytest.mark.parametrize("said, told", [("she runs off at 0:20", "she runs off"),
                                        # mine
                                        ("they drive off on the third cut", "they drive off"),
                                        ("the kid climbs up at 0:20", "the kid climbs up"),
                                        ("the bomb goes off at 0:20", "the bomb")])
def test_an_event_is_noted_with_all_its_words(jazz_long, said, told):
    """The note quotes the whole event: "runs off" is not "runs" (before: "she runs" is 0:20); "goes off" is how
    the bomb is said to happen, so the bomb alone is the name."""
    turn = jazz_long.say(said)
    assert not turn.changed and f'"{told}"' in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. a purpose said as why a tempo

@pytest.mark.parametrize("said, slower", [("slower, it's for a wedding", True),
                                          # mine
                                          ("slower. its for my sisters wedding", True),
                                          ("faster please, this is for a party", False)])
def test_a_purpose_given_for_a_tempo_only_explains_it(jazz_long, said, slower):
    """The purpose says why the tempo: the tempo moves, the style, key and parts stay (before: "Style jazz ->
    classical; strings in, no drums")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert (tempo_at(plan, 30) < tempo_at(before, 30)) == slower and tempo_at(plan, 30) != tempo_at(before, 30), turn.reply
    assert plan.style == "jazz" and all(set(effective_roles(plan, s)) == set(BAND) for s in plan.sections), turn.reply


def test_a_purpose_alone_still_sets_the_style(jazz_long):
    # guard: "it's for a wedding" alone is read as said
    turn = jazz_long.say("it's for a wedding")
    assert jazz_long.plan.style != "jazz", turn.reply


# ----------------------------------------------------------------------------- 14. a correction with an unknown sound beside it

@pytest.mark.xfail(reason="left: recall.corrected reads a correction only when it is all the turn says; the unknown "
                          "sound beside it makes the turn a new request, asked about (recall.py is at 400 lines)")
def test_a_correction_with_an_unknown_sound_beside_it_moves_the_edit(jazz_long):
    """"no, shot 6" moves the last edit from shot 5 to shot 6; "also do the blorp sound" is said as not acted on."""
    jazz_long.say("louder in shot 5")
    before = jazz_long.plan
    turn = jazz_long.say("no, shot 6. also do the blorp sound")
    assert energy_at(jazz_long.plan, 22) > energy_at(before, 22) and "blorp" in turn.reply, turn.reply
