"""Music theory in one place (`v2m.tools.music.theory`): scales, note spelling and roman numerals are
checked against music21, an implementation v2m did not write, and the edit language's mode change
spells and plays the chords the composer would."""

from __future__ import annotations

import pytest
from edit_clips import bikes

from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.planners.base import get_planner
from v2m.tools.music.compose import compose
from v2m.tools.music.harmony import parse_chord
from v2m.tools.music.theory import (MODES, TONICS, chord_symbol, normalise_numeral, numeral_mode, pc_name,
                                    read_tonic, scale_pcs, tonic_pc, transpose_tonic)
from v2m.tools.style import load_style, style_names

music21 = pytest.importorskip("music21")

KEYS = ["C", "G", "D", "A", "E", "B", "F#", "F", "Bb", "Eb", "Ab", "Db", "C#", "Gb"]
M21_SCALES = {"major": "MajorScale", "minor": "MinorScale", "dorian": "DorianScale",
              "mixolydian": "MixolydianScale", "lydian": "LydianScale", "phrygian": "PhrygianScale"}


def m21(name: str) -> str:
    return name[0] + name[1:].replace("b", "-")


def ours(name: str) -> str:
    return name.replace("-", "b")


def style_numerals() -> list[tuple[str, str]]:
    """(mode, numeral) for every numeral in every style's progressions, plus the borrowed chords."""
    out = {(mode, n) for s in style_names() for mode, progs in load_style(s).progressions.items()
           for prog in progs for n in prog}
    borrowed = ("bVII", "bVI", "bIII", "IV", "ii7", "V7", "iiø7", "vi", "vii°7", "bvi", "bvii", "biii")
    out |= {(mode, n) for mode in MODES for n in borrowed}
    return sorted(out)


@pytest.mark.parametrize("mode", list(MODES))
def test_scales_are_spelled_on_consecutive_letters_as_music21_does(mode):
    checked = 0
    for key in KEYS:
        ref = getattr(music21.scale, M21_SCALES[mode])(m21(key)).getPitches()[:7]
        if any(abs(p.alter) > 1 for p in ref):
            continue  # D# minor's F##: v2m never writes double sharps in a key signature
        assert [pc_name(pc, key, mode) for pc in scale_pcs(key, mode)] == [ours(p.name) for p in ref], (key, mode)
        checked += 1
    assert checked >= 10


@pytest.mark.slow
def test_numeral_roots_and_chords_agree_with_music21_in_every_key():
    """The root of every numeral the styles use, in 5 keys (sharp and flat) and every mode, is music21's pitch name; its
    chord symbol has music21's pitch names (lead-sheet X7 aside: music21 reads IV7 as a major seventh)
    and the composer's pitch classes."""
    checked = 0
    for mode, numeral in style_numerals():
        for key in ("C", "E", "F#", "Bb", "Db"):
            m21_key = music21.key.Key(m21(key), numeral_mode(mode))
            rn = music21.roman.RomanNumeral(normalise_numeral(numeral, mode), m21_key)
            if abs(rn.root().alter) > 1:
                continue  # Ebb: a chord symbol carries one accidental (checked below by pitch class)
            symbol = chord_symbol(numeral, key, mode)
            root = symbol[:2] if symbol[1:2] in ("#", "b") else symbol[:1]
            assert root == ours(rn.root().name), (numeral, key, mode, symbol, rn.root().name)
            assert parse_chord(symbol, key, mode).pcs == parse_chord(numeral, key, mode).pcs, (numeral, key, mode)
            lead_sheet = numeral.lstrip("b#")[:1].isupper() and numeral.endswith("7") and "maj" not in numeral
            if not lead_sheet and not numeral.endswith(("sus4", "add9")):
                cs = music21.harmony.ChordSymbol(m21(symbol[:2]) + symbol[2:] if symbol[1:2] in "#b" else symbol)
                assert sorted(ours(p.name) for p in cs.pitches) == sorted(ours(p.name) for p in rn.pitches), \
                    (numeral, key, mode, symbol)
            checked += 1
    assert checked > 450


def test_flat_seven_and_friends_in_the_keys_musicians_expect():
    assert chord_symbol("bVII", "C", "mixolydian") == "Bb"
    assert chord_symbol("bVII", "E", "mixolydian") == "D"
    assert chord_symbol("bVII", "A", "minor") == "G"
    assert chord_symbol("VII", "A", "minor") == "G"
    assert chord_symbol("bVI", "Gb", "major") == "D"  # Ebb, written with one accidental
    assert chord_symbol("iiø7", "Bb", "major") == "Cm7b5"
    assert chord_symbol("biii°7", "F", "major") == "Abdim7"
    assert chord_symbol("vii°7", "A", "minor") == "G#dim7" and chord_symbol("bvi", "A", "minor") == "Fm"
    with pytest.raises(ValueError):
        chord_symbol("X7", "C", "major")


def test_tonic_names_and_transposition():
    assert read_tonic("f sharp") == "F#" and read_tonic("B♭") == "Bb"
    assert [tonic_pc(k) for k in ("C", "B#", "Cb", "E#", "Fb", "Bb")] == [0, 0, 11, 5, 4, 10]
    assert transpose_tonic("Bb", 1) == "B" and transpose_tonic("C", -1) == "B" and transpose_tonic("E", 2) == "F#"
    assert [transpose_tonic(k, 0) for k in ("Db", "A#", "D#", "Gb")] == ["C#", "Bb", "Eb", "F#"]
    assert len(set(TONICS)) == 12


def pcs_played(plan, roles, t0):
    arr = compose(plan, bikes())
    tm = arr.tempo_map
    return {n.pitch % 12 for p in arr.parts if p.role in roles for n in p.notes if tm.beat_to_s(n.start) >= t0 - 1e-6}


@pytest.mark.parametrize("request_,key,flat7,leading", [("score this in rock in C major", "C", 10, 11),
                                                        ("score this in rock in A minor", "A", 7, 6)])
def test_mixolydian_second_half_plays_the_flat_seven(request_, key, flat7, leading):
    """'make the second half mixolydian' through the edit language: C gets B-flat, A minor gets G, and the
    composer's bass and chords play that note in the second half and never the note a copy got wrong."""
    analysis = bikes()
    plan = get_planner("rules").plan(analysis, request_).plan
    assert plan.key == key and plan.style == "rock"
    res = apply_edit(analysis, plan, "make the second half mixolydian")
    assert res.question is None, res.reply
    half = [s for s in res.plan.sections if s.start_s >= analysis.duration_s / 2 - 0.5]
    assert half and all(pc_name(flat7, key, "mixolydian") in s.chords for s in half)
    assert all(chord_symbol("bVII", key, "mixolydian") in s.chords for s in half)
    played = pcs_played(res.plan, ("bass", "harmony"), half[0].start_s)
    assert flat7 in played and leading not in played


@pytest.mark.slow
def test_the_chord_tables_read_every_style_chord_as_music21_does():
    """parse_chord reads everyday qualities from its own tables (music21 costs 5-15 ms a name): each must
    give exactly music21's chord, for every numeral of every style in every key and mode, and the symbols
    the edit language spells them as."""
    from v2m.tools.music.harmony import _table_chord, music21_chord
    from v2m.tools.music.theory import MODES, TONICS, chord_symbol
    from v2m.tools.style import load_style, style_names

    numerals = {n for s in style_names() for progs in load_style(s).progressions.values() for p in progs for n in p}
    numerals |= {"ii°", "viio7", "vii°7", "iiø7", "Imaj7", "imaj7", "bVI", "bIII", "#iv°7"}
    read = 0
    for key in TONICS:
        for mode in MODES:
            for n in sorted(numerals):
                fast = _table_chord(n, key, mode)
                if fast is not None:
                    read += 1
                    assert fast == music21_chord(n, key, mode), (n, key, mode)
                try:
                    sym = chord_symbol(n, key, mode)
                except ValueError:
                    continue
                fast = _table_chord(sym, key, mode)
                if fast is not None:
                    read += 1
                    assert fast == music21_chord(sym, key, mode), (n, sym, key, mode)
    for sym in ("C6", "Am6", "G9", "Dsus4", "Esus2", "Caug", "Bdim7", "F#m7b5", "Bb/D", "Ebmaj7"):
        assert _table_chord(sym, "C", "major") == music21_chord(sym, "C", "major"), sym
    assert read > 2000


def test_the_chord_tables_agree_with_music21_on_a_few():
    from v2m.tools.music.harmony import _table_chord, music21_chord

    for name, key, mode in (("ii7", "C", "major"), ("V7", "A", "minor"), ("bVII", "D", "mixolydian"),
                            ("iiø7", "Eb", "minor"), ("Imaj7", "F", "major"), ("vii°", "G", "minor"),
                            ("F#m7b5", "C", "major"), ("Bb/D", "F", "major")):
        assert _table_chord(name, key, mode) == music21_chord(name, key, mode), name
    assert _table_chord("imaj7", "C", "major") is None  # music21's own reading; parse_chord asks it
