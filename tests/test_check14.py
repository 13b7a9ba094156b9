"""The dialogue checker's readings (tests/dialogue_check.py, tests/dialogue_balance.py) measure what their
expectations say. Each change has a case where the old reading was wrong and the new one is right, and a case
where the music really is wrong and the new reading still fails it:
- `balance` reads a part's MIDI notes from its own track, not by GM program (a piano piece's bass, chords and tune
  are all Acoustic Grand Piano: "the left hand is too heavy" found the bass = every note and no others);
- `balance` up on a part that did not play before ("let the strings carry it") asks it to play at or above the
  others' level, where the old reading had no old level and failed;
- `balance` reads the plan only in the span's sections where the part plays (before or after): a tune that
  enters after the intro has no level to move in the intro ("the tune on top competes with me, tuck it behind");
- `plays` on a named role reads that role's track (a piano piece's bass out was still "playing": the chords and
  the tune share its program);
- `unchanged` outside a span that holds all the music (nothing outside before or after) measures nothing: it fails
  "nothing outside to compare" (a data error), as before (readback14c: it was met for any edit).
- `balance` "up" where the turn took the part out of a section of the span fails (readback14c)."""

from __future__ import annotations

import pretty_midi
from dialogue_balance import balance
from dialogue_check import Midi, check_turn
from edit_clips import bikes

from v2m.tools.contract import ScorePlan, Section
from v2m.tools.gm import program_number

PIANO = program_number("Acoustic Grand Piano")


def plan(style: str, levels: dict, roles: list[str] | None = None, inst: dict | None = None) -> ScorePlan:
    """One 8 s section of `style` with these levels (and roles, when given)."""
    return ScorePlan(duration_s=8.0, style=style, tempo_bpm=120, instrumentation=inst or {},
                     sections=[Section(name="A", start_s=0.0, end_s=8.0, levels_db=levels, instruments=roles or [])])


def midi(parts: dict[str, tuple[int, int]]) -> Midi:
    """Hand-made MIDI: one track per role named as write_midi names it ("role: ..."), eight notes in 0-8 s,
    role -> (GM program, velocity)."""
    pm = pretty_midi.PrettyMIDI()
    for role, (prog, vel) in parts.items():
        track = pretty_midi.Instrument(prog, is_drum=role == "drums", name=f"{role}: x")
        track.notes = [pretty_midi.Note(vel, 60, float(t), t + 0.5) for t in range(8)]
        pm.instruments.append(track)
    m = Midi.__new__(Midi)
    m.pm = pm
    return m


BASS_DOWN = {"in": [0, 8], "role": "bass", "change": "down"}
PIANO_TRIO = {"bass": (PIANO, 80), "harmony": (PIANO, 80), "melody": (PIANO, 80)}


def test_a_piano_piece_s_bass_is_read_from_its_own_track():
    old, new = plan("classical", {}), plan("classical", {"bass": -4.0})
    mo, mn = midi(PIANO_TRIO), midi({**PIANO_TRIO, "bass": (PIANO, 60)})
    # the old reading: the bass's program is every part's, so its notes were all 24 and no others were left
    assert len(mn.notes(0, 8, PIANO)) == 24
    assert len(mn.notes(0, 8, role="bass")) == 8
    assert balance(BASS_DOWN, old, new, mo, mn, [4.0]) == []


def test_a_piano_piece_s_bass_made_louder_when_asked_lighter_still_fails():
    old, new = plan("classical", {}), plan("classical", {"bass": 4.0})
    mo, mn = midi(PIANO_TRIO), midi({**PIANO_TRIO, "bass": (PIANO, 100)})
    fails = balance(BASS_DOWN, old, new, mo, mn, [4.0])
    assert any("bass level" in f for f in fails) and any("MIDI: bass velocity" in f for f in fails)


def test_a_level_the_composer_does_not_play_still_fails_in_the_midi():
    # the plan turned the bass down but its notes are as loud as before
    fails = balance(BASS_DOWN, plan("classical", {}), plan("classical", {"bass": -4.0}), midi(PIANO_TRIO),
                    midi(PIANO_TRIO), [4.0])
    assert fails == ["MIDI: bass velocity against the others 1.000 -> 1.000"]


def test_the_left_hand_of_a_real_piano_waltz_is_read_from_its_track(tmp_path):
    # j-a-piano-01 t2 on the hand-made bikes analysis, through a real Session and the composed MIDI
    from v2m.agent.dialogue.session import Session

    a = bikes()
    s = Session.open(a.source, "A little waltz in 3/4 for my pupils cycling to the spring recital. Light and "
                     "playful, with piano please.", workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    turn = s.say("The left hand is too heavy. Lighter, more staccato.")
    new = s.plan
    mo, mn = Midi(old, a), Midi(new, a)
    assert {t.name.split(":")[0] for t in mn.pm.instruments if t.program == PIANO} >= {"bass", "harmony"}
    fails, _ = check_turn({"balance": {"in": [0, 10], "role": "bass", "change": "down"}}, old, new, [old], turn,
                          a, lambda: (mo, mn))
    assert fails == [], turn.reply
    # and the same check on the turn read backwards (the bass up) fails it
    fails, _ = check_turn({"balance": {"in": [0, 10], "role": "bass", "change": "up"}}, old, new, [old], turn,
                          a, lambda: (mo, mn))
    assert len(fails) >= 2


JAZZ = {"drums": (0, 80), "bass": (32, 80), "harmony": (4, 80), "melody": (66, 80)}
JAZZ_ROLES = ["drums", "bass", "harmony", "melody"]
STRINGS = {"strings": "String Ensemble 1"}
STRINGS_UP = {"in": [0, 8], "instrument": "strings", "change": "up"}


def test_strings_brought_in_at_the_others_level_carry_it():
    old = plan("jazz", {}, JAZZ_ROLES, STRINGS)
    new = plan("jazz", {"strings": 5.0}, [*JAZZ_ROLES, "strings"], STRINGS)
    mn = midi({**JAZZ, "strings": (48, 90)})
    # the old reading: the strings had no notes before, so their old velocity ratio was None and the turn failed
    assert midi(JAZZ).notes(0, 8, role="strings") == []
    assert balance(STRINGS_UP, old, new, midi(JAZZ), mn, [4.0]) == []


def test_strings_brought_in_under_the_others_do_not_carry_it():
    old = plan("jazz", {}, JAZZ_ROLES, STRINGS)
    new = plan("jazz", {"strings": -6.0}, [*JAZZ_ROLES, "strings"], STRINGS)
    fails = balance(STRINGS_UP, old, new, midi(JAZZ), midi({**JAZZ, "strings": (48, 50)}), [4.0])
    assert len(fails) == 2 and all("did not play before" in f for f in fails)


def test_a_part_brought_in_when_asked_softer_fails():
    old = plan("jazz", {}, JAZZ_ROLES, STRINGS)
    new = plan("jazz", {"strings": 0.0}, [*JAZZ_ROLES, "strings"], STRINGS)
    fails = balance({**STRINGS_UP, "change": "down"}, old, new, midi(JAZZ), midi({**JAZZ, "strings": (48, 80)}), [4.0])
    assert len(fails) == 2


def test_strings_asked_up_that_never_come_in_still_fail():
    old = plan("jazz", {}, JAZZ_ROLES, STRINGS)
    new = plan("jazz", {"strings": 5.0}, JAZZ_ROLES, STRINGS)  # a level for a part the section does not play
    fails = balance(STRINGS_UP, old, new, midi(JAZZ), midi(JAZZ), [4.0])
    assert fails == ["strings plays in no section of [0, 8], before or after",
                     "MIDI: strings or the other parts have no notes in [0, 8]"]


BASS_OUT = {"plays": {"in": [0, 8], "role": "bass", "playing": False}}


def _plays(exp, new, m) -> list[str]:
    old = plan("classical", {})
    return check_turn(exp, old, new, [old], None, None, lambda: (m, m))[0]


def test_a_piano_piece_s_bass_taken_out_is_read_from_its_track():
    new = plan("classical", {}, ["harmony", "melody"])
    m = midi({"harmony": (PIANO, 80), "melody": (PIANO, 80)})
    assert len(m.notes(0, 8, PIANO)) == 16  # the old reading: the chords and the tune counted as the bass
    assert _plays(BASS_OUT, new, m) == []


def test_a_bass_the_plan_takes_out_but_the_midi_still_plays_fails():
    new = plan("classical", {}, ["harmony", "melody"])
    assert _plays(BASS_OUT, new, midi(PIANO_TRIO)) == ["MIDI: 8 notes of bass in [0, 8]"]
    # and a plan that keeps the bass fails on the plan too
    assert len(_plays(BASS_OUT, plan("classical", {}), midi(PIANO_TRIO))) == 2


class _NoSections:
    """An arrangement stand-in whose sections hold no notes (only the by-time comparison is read)."""

    def section_notes(self, i):
        return []


def _with_arr(m: Midi) -> Midi:
    m.arr = _NoSections()
    return m


def _extra(m: Midi, t: float) -> Midi:
    m.pm.instruments[0].notes.append(pretty_midi.Note(80, 72, t, t + 0.5))
    return m


def test_unchanged_outside_a_span_holding_all_the_music_measures_nothing():
    old = new = plan("classical", {})
    mo, mn = _with_arr(midi(PIANO_TRIO)), _with_arr(midi({**PIANO_TRIO, "bass": (PIANO, 60)}))
    fails, _ = check_turn({"unchanged": {"outside": [0, 8]}}, old, new, [old], None, None, lambda: (mo, mn))
    assert fails == ["nothing outside [0, 8] to compare"]


def test_a_part_asked_up_but_taken_out_of_the_span_fails():
    two = [Section(name="A", start_s=0.0, end_s=4.0, levels_db={}, instruments=JAZZ_ROLES),
           Section(name="B", start_s=4.0, end_s=8.0, levels_db={}, instruments=JAZZ_ROLES)]
    old = ScorePlan(duration_s=8.0, style="jazz", tempo_bpm=120, sections=two)
    new = old.model_copy(update={"sections": [two[0].model_copy(update={"levels_db": {"bass": 5.0}}),
                                              two[1].model_copy(update={"levels_db": {"bass": 5.0},
                                                                        "instruments": ["drums", "harmony", "melody"]})]})
    fails = balance({"in": [0, 8], "role": "bass", "change": "up"}, old, new, midi(JAZZ), midi(JAZZ), [2.0, 6.0])
    assert "bass no longer plays at 6.00 (asked up)" in fails


def test_unchanged_still_fails_when_the_edit_adds_notes_outside_its_span():
    old = new = plan("classical", {})
    mo, mn = _with_arr(midi(PIANO_TRIO)), _with_arr(_extra(midi(PIANO_TRIO), 7.5))
    fails, isolated = check_turn({"unchanged": {"outside": [0, 7.2]}}, old, new, [old], None, None, lambda: (mo, mn))
    assert not isolated and fails == ["notes outside [0, 7.2] changed (one old section spans it: compared by time)"]


def two(levels: dict, first: list[str]) -> ScorePlan:
    """Two 4 s classical sections: the first plays `first`, the second every part; `levels` in the second."""
    return ScorePlan(duration_s=8.0, style="classical", tempo_bpm=120,
                     sections=[Section(name="intro", start_s=0.0, end_s=4.0, instruments=first),
                               Section(name="A", start_s=4.0, end_s=8.0, levels_db=levels)])


TUNE_DOWN = {"in": [0, 8], "role": "melody", "change": "down"}
AFTER_INTRO = ["bass", "harmony"]


def test_a_tune_resting_in_the_intro_has_no_level_to_move_there():
    old, new = two({}, AFTER_INTRO), two({"melody": -5.0}, AFTER_INTRO)
    mo, mn = midi(PIANO_TRIO), midi({**PIANO_TRIO, "melody": (PIANO, 60)})
    # the old reading failed "melody level at 2.00 against the others +0.0 -> +0.0 dB" in the intro
    assert balance(TUNE_DOWN, old, new, mo, mn, [2.0, 6.0]) == []


def test_a_tune_left_as_loud_where_it_plays_still_fails():
    old = two({}, AFTER_INTRO)
    new = ScorePlan(**{**old.model_dump(), "sections": [Section(name="intro", start_s=0.0, end_s=4.0,
                    instruments=AFTER_INTRO, levels_db={"melody": -5.0}), old.sections[1]]})
    fails = balance(TUNE_DOWN, old, new, midi(PIANO_TRIO), midi(PIANO_TRIO), [2.0, 6.0])
    assert "melody level at 6.00 against the others +0.0 -> +0.0 dB" in fails and len(fails) == 2


def test_a_part_resting_through_the_whole_span_fails():
    old = new = two({}, AFTER_INTRO)
    fails = balance({**TUNE_DOWN, "in": [0, 4]}, old, new, midi(PIANO_TRIO), midi(PIANO_TRIO), [2.0])
    assert fails[0] == "melody plays in no section of [0, 4], before or after"
