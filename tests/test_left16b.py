"""Defects the fifteenth session left (notes LEFT16, "left16b: from the review, the misses, the parts"), each through
a real chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on
the chords, tenor sax on the tune) or a session opened in the user's words, in the user's words and in other words of
the same family (texting, learners, dictation, crew jargon)."""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, level_at, levels, open_long, tempo_at

from v2m.agent.dialogue.operations import effective_roles

# ----------------------------------------------------------------------------- 8. a named style over the purpose


@pytest.mark.parametrize("said", ["joyful afrobeats for a wedding highlight",
                                  # mine
                                  "afro beats for my sister's wedding video", "wedding highlight video, afrobeat please",
                                  "afropop for our traditional wedding"])
def test_afrobeats_named_for_a_wedding_is_the_groove_not_classical(tmp_path, said):
    """The user names the genre; the wedding is what the video is for. Afrobeat is a horn-and-groove dance music, and
    the library's nearest is funk: the named genre wins over the purpose as "jazz for a wedding" stays jazz (before:
    "afrobeats" was no style word, so the wedding's classical piano and strings opened)."""
    chat = open_long(tmp_path, said)
    assert chat.plan.style == "funk", chat.plan.style
    assert "drums" in chat.plan.instrumentation, chat.plan.instrumentation


def test_a_wedding_with_no_genre_named_stays_classical(tmp_path):
    chat = open_long(tmp_path, "joyful music for a wedding highlight")
    assert chat.plan.style == "classical" and energies(chat.plan), chat.plan.style


# ----------------------------------------------------------------------------- 1. one struck sound at a moment

@pytest.mark.parametrize("said, at", [("add a gentle chime at 0:09", 9.0),
                                      # mine
                                      ("add a gentle chime at 0:09 when the tap turns off", 9.0),
                                      ("can u put a lil ding at 0:30 pls", 30.0),
                                      ("one small bell on the 3rd cut", 12.0),
                                      ("i would like a soft bell sound at 0:22, when the door opens", 22.0)])
def test_a_chime_at_a_moment_is_a_light_mark_there(jazz_long, said, at):
    """One struck sound at a moment (a chime, a ding, a bell) marks that moment lightly: an accent there, nothing
    else moves and no part is added (before: "I don't know an instrument called 'gentle chime'", a question)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    there = [h.kind for h in plan.hit_points if abs(h.time_s - at) < 0.05]
    assert there == ["accent"], (there, turn.reply)   # (on a cut: its crash made light)
    assert plan.instrumentation == before.instrumentation and plan.sections == before.sections, turn.reply


@pytest.mark.parametrize("said", ["the sax chimes in at 0:40", "add chimes from 0:44 to the end"])
def test_a_part_that_chimes_in_or_chimes_over_a_stretch_is_no_mark(jazz_long, said):
    turn = jazz_long.say(said)
    assert not any(h.source == "user" for h in jazz_long.plan.hit_points), turn.reply


# ----------------------------------------------------------------------------- 9. parts listed with commas

@pytest.mark.parametrize("said, parts, way", [("the bass, the harmony and the melody quieter", ("bass", "harmony", "melody"), -1),
                                              # mine
                                              ("bass, piano and sax quieter", ("bass", "harmony", "melody"), -1),
                                              ("the bass, the drums and the sax should be softer", ("bass", "drums", "melody"), -1),
                                              ("make the drums, the bass louder", ("drums", "bass"), 1)])
def test_every_part_listed_with_commas_moves(jazz_long, said, parts, way):
    """Each part in the list moves the way said, the others and the energy stay (before: the commas cut the first
    part off, so "the bass, the harmony and the melody quieter" left the bass as it was)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(min(way * x for x in levels(plan, r)) > 0 for r in parts), turn.reply
    others = {"drums", "bass", "harmony", "melody"} - set(parts)
    assert all(set(levels(plan, r)) == {0.0} for r in others) and energies(plan) == energies(before), turn.reply


def test_an_amount_before_the_first_part_keeps_its_own_clause(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("more drums, the bass quieter")
    assert max(levels(jazz_long.plan, "bass")) < 0 and jazz_long.plan != before, turn.reply


# ----------------------------------------------------------------------------- 6. dictation's "core" for a chord

KISS_CUTS = (14.0, 31.5, 48.0, 66.2, 80.0, 97.3, 112.8, 130.0, 146.5, 161.0, 172.4)   # k-d-dictation-01's clip


@pytest.mark.parametrize("said", ["there should be like a big core at the end when they kiss which is at two forty one",
                                  # mine
                                  "put a huge core right at 2:41", "i want a big core at two forty one, when they kiss",
                                  "big core at the kiss which is at 2:41 please"])
def test_a_dictated_big_core_is_a_big_chord_at_its_moment(tmp_path, said):
    """Speech-to-text writes "chord" as "core": a big chord at 2:41 is a mark there (the cut at 2:41 has its crash:
    nothing to add, said so), never a question about "they kiss which" (before: unread, a question)."""
    from edit_clips import make_analysis

    a = make_analysis(180.0, 25.0, [int(round(t * 25)) for t in KISS_CUTS])
    chat = open_long(tmp_path, "a wedding video, classical with strings but not boring", a)
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert any(abs(h.time_s - 161.0) < 0.05 for h in chat.plan.hit_points), turn.reply


def test_the_core_of_a_thing_stays_a_core(tmp_path):
    from v2m.agent.dialogue.spelling import spelled

    assert "core of" in spelled("the core of the song is the strings")


# ----------------------------------------------------------------------------- 11. a limit that already holds

@pytest.mark.parametrize("said", ["the drums shouldn't be louder than the piano",
                                  # mine
                                  "never let the drums get louder than the piano", "keep the drums under the piano pls",
                                  "ok remember, the drums must not be louder than the piano."])
def test_a_limit_between_parts_that_holds_changes_nothing_and_says_so(jazz_long, said):
    """After the drums stepped under the piano, the same limit said again (or in other words) already holds: nothing
    moves, the reply says it holds and offers the move; a yes takes the drums down further (before: the drums went
    down 5 dB more at every saying)."""
    jazz_long.say("the drums shouldn't be louder than the piano")
    under = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == under and "already under the piano" in turn.reply, turn.reply
    jazz_long.say("yes")
    assert max(levels(jazz_long.plan, "drums")) < min(levels(under, "drums")), jazz_long.plan


def test_a_limit_that_does_not_hold_yet_still_moves(jazz_long):
    jazz_long.say("the drums louder")
    up = jazz_long.plan
    turn = jazz_long.say("the drums shouldn't be louder than the piano")
    assert not turn.question and max(levels(jazz_long.plan, "drums")) < min(levels(up, "drums")), turn.reply


# ----------------------------------------------------------------------------- 13. a bare correction of the place

@pytest.mark.parametrize("said", ["no, the sixth",
                                  # mine
                                  "nope the 6th one", "no, shot 6", "wait, the sixth shot"])
def test_a_bare_correction_moves_the_last_edit_to_the_place_said(jazz_long, said):
    """"no, the sixth" right after "slower in shot 5" puts the last edit right: shot 5 back as it was, shot 6 slower,
    the rest as it was (before: "Where should that go, and what should change there?")."""
    start = jazz_long.plan
    jazz_long.say("slower in shot 5")
    slow = jazz_long.plan.sections[jazz_long.plan.section_at(18.0)].tempo_bpm
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert tempo_at(plan, 18.0) == tempo_at(start, 18.0) and tempo_at(plan, 22.0) == slow, turn.reply
    assert tempo_at(plan, 30.0) == tempo_at(start, 30.0), turn.reply


def test_a_bare_no_is_still_no_correction(jazz_long):
    jazz_long.say("slower in shot 5")
    slowed = jazz_long.plan
    jazz_long.say("no")
    assert jazz_long.plan == slowed


# ----------------------------------------------------------------------------- 10, 12. a part faded in at a moment

def _playing(plan, role: str, t: float) -> bool:
    return role in effective_roles(plan, plan.sections[plan.section_at(t)])


@pytest.mark.parametrize("said", ["fade in the piano at 0:20",
                                  # mine
                                  "the piano comes in gradually at 0:20", "let the piano slowly creep in from 0:20",
                                  "fade the keys in at 0:20 pls"])
def test_a_fade_in_of_a_part_that_plays_makes_it_enter_there(jazz_long, said):
    """The piano plays throughout; a fade in at 0:20 means it enters at 0:20: out before, rising in over its first
    seconds, at its level after, the energy and the other parts as they were (before: the piano +2 dB and more energy
    from 0:20 to the end, no rise)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert not _playing(plan, "harmony", 10.0) and not _playing(plan, "harmony", 19.0), turn.reply
    assert level_at(plan, "harmony", 20.5) < level_at(plan, "harmony", 23.5) < 0 == level_at(plan, "harmony", 40.0), turn.reply
    assert _playing(plan, "harmony", 50.0) and energy_at(plan, 30.0) == energy_at(before, 30.0), turn.reply
    assert all(_playing(plan, r, t) for r in ("drums", "bass", "melody") for t in (2.0, 30.0)), turn.reply


def test_a_fade_in_and_out_of_a_part_that_plays_keeps_it_between(jazz_long):
    turn = jazz_long.say("fade in the piano at 0:20 and fade it out at 0:40")
    plan = jazz_long.plan
    assert not _playing(plan, "harmony", 10.0) and not _playing(plan, "harmony", 50.0), turn.reply
    assert _playing(plan, "harmony", 30.0) and level_at(plan, "harmony", 39.5) < level_at(plan, "harmony", 36.5) < 0, turn.reply
    assert "rising in" in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["the strings come in gradually at 0:20",
                                  # mine
                                  "strings should come in bit by bit at 0:20", "the strings enter slowly at 0:20",
                                  "fade in strings at 0:20"])
def test_a_new_part_coming_in_gradually_at_a_moment_stays_to_the_end(jazz_long, said):
    """The strings enter at 0:20 with a rise and play on to the end (before: one shot, 0:20-0:24, at full level)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert not _playing(plan, "strings", 10.0) and all(_playing(plan, "strings", t) for t in (20.5, 30.0, 59.0)), turn.reply
    assert level_at(plan, "strings", 20.5) < level_at(plan, "strings", 30.0), turn.reply


# ----------------------------------------------------------------------------- 4. the same edit, for a place named anew

@pytest.mark.parametrize("said", ["same thing you did for the kitchen, but for the master bedroom from 0:48 to 0:54",
                                  # mine
                                  "same as the kitchen for the master bedroom from 0:48 to 0:54 pls",
                                  "do the kitchen thing again for the guest room, 0:48-0:54",
                                  "same as for the kitchen but in the master bedroom from 0:48 to 0:54"])
def test_the_same_edit_for_a_room_named_with_its_span(jazz_long, said):
    """The kitchen's lift, made again over 0:48-0:54 (the master bedroom, named with its span), nothing else moves,
    and the reply names no words as unread (before: "did not act on 'for the master bedroom from 0:48 to 0:54'";
    "same as the kitchen for ..." lifted the kitchen again; "do the kitchen thing again" asked)."""
    jazz_long.say("The kitchen is from 0:24 to 0:36, can the music have a bit more energy there")
    kitchen = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert energy_at(plan, 51.0) > energy_at(kitchen, 51.0), turn.reply
    assert all(energy_at(plan, t) == energy_at(kitchen, t) for t in (2.0, 30.0, 45.0, 57.0)), turn.reply
    assert "did not act on" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 7. a part entering from the start

@pytest.mark.parametrize("said", ["The music is sweet but the groove should enter well well from the beginning, not this small small thing.",
                                  # mine
                                  "the groove should enter from the beginning", "the drums should kick in from the very start",
                                  "the beat needs to come in properly from the start"])
def test_a_part_said_to_enter_from_the_start_plays_fuller_there(tmp_path, said):
    """The drums play from the start already: said to enter from the beginning, the opening should have the groove in
    full (more going on there, the drums up), never the drums taken out (before: "the groove should enter from the
    beginning" took the drums out of the intro; with "well" it asked)."""
    chat = open_long(tmp_path, "joyful afrobeats for a wedding highlight")
    before = chat.plan
    turn = chat.say(said)
    plan = chat.plan
    assert not turn.question and energy_at(plan, 2.0) > energy_at(before, 2.0), turn.reply
    assert "drums" in effective_roles(plan, plan.sections[0]) and energy_at(plan, 30.0) == energy_at(before, 30.0), turn.reply


def test_a_part_entering_later_is_still_out_before(jazz_long):
    turn = jazz_long.say("the drums come in at 0:20")
    plan = jazz_long.plan
    assert "drums" not in effective_roles(plan, plan.sections[plan.section_at(10.0)]), turn.reply
    assert "drums" in effective_roles(plan, plan.sections[plan.section_at(30.0)]), turn.reply


# ----------------------------------------------------------------------------- left: 2, 3, 5

@pytest.mark.xfail(reason="a named place widened by a correction in learner words ('the storm I say is the fourth and fifth "
                          "shot, not only fourth') is read as a mood question: names' re-tie of a known name to a wider "
                          "span, with the last edit carried to the added shot, is not written", strict=True)
def test_a_named_place_widened_by_a_correction_carries_its_edit(jazz_long):
    """"the storm" was the fourth shot and got more energy; said to be the fourth and fifth, the fifth gets the same."""
    jazz_long.say("when the storm come, it is the fourth shot, music must be more strong")
    before = jazz_long.plan
    turn = jazz_long.say("the storm I say is the fourth and fifth shot, not only fourth")
    assert not turn.question and energy_at(jazz_long.plan, 18.0) > energy_at(before, 18.0), turn.reply


@pytest.mark.xfail(reason="'make it like the start, just piano' takes the start as the place; copying one place's "
                          "sound (its parts, energy) to another place said beside it is read by no reader", strict=True)
def test_like_the_start_just_piano_is_said_of_the_place_named(jazz_long):
    """For the last shot: like the start, piano only: the last shot keeps only the piano, the start stays as it is."""
    before = jazz_long.plan
    turn = jazz_long.say("for the last shot, make it like the start, just piano")
    plan = jazz_long.plan
    assert effective_roles(plan, plan.sections[plan.section_at(58.0)]) == ["harmony"], turn.reply
    assert plan.sections[0] == before.sections[0], turn.reply


@pytest.mark.xfail(reason="crew jargon 'cut to the boss at 0:13' (the moment the boss appears) is not a tie: the "
                          "clause asks what hit point is meant; 'the boss walks in/enters at 0:13' and 'when the boss "
                          "walks in' after it was named already work", strict=True)
def test_cut_to_a_person_is_the_moment_they_appear(jazz_long):
    """"cut to the boss at 0:13" names the boss's moment: the big hit lands there, and "the boss fight" later is from
    0:13 on (now: "Do you want a hit point?", and the bass louder everywhere)."""
    turn = jazz_long.say("cut to the boss at 0:13, put a big hit")
    assert not turn.question and any(abs(h.time_s - 13.0) < 0.05 for h in jazz_long.plan.hit_points), turn.reply
    turn = jazz_long.say("the bass is too quiet during the boss fight")
    assert level_at(jazz_long.plan, "bass", 5.0) == 0 < level_at(jazz_long.plan, "bass", 20.0), turn.reply
