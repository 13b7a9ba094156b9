"""ABC export: music21 and abc2midi read every exported file; voices and bar lengths survive."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from compose_plans import bikes_plan
from v2m.tools.music.compose import compose
from v2m.tools.style import style_names

ALL_STYLES = list(style_names())


@pytest.mark.parametrize("style", ALL_STYLES)
def test_abc_parses_with_music21_into_the_same_voices(style, tmp_path):
    from music21 import converter

    arr = compose(bikes_plan(style))
    text = arr.write_abc(tmp_path / "score.abc").read_text()
    score = converter.parse(text, format="abc")
    assert len(score.parts) == len(arr.parts)
    # every voice lasts the tempo map's beats (complete bars; music21 re-bars inline meter changes in
    # its own way and may be off by a beat), and the notes survive
    beats = sum(b.beats for b in arr.tempo_map.bars)
    for part in score.parts:
        assert abs(part.duration.quarterLength - beats) <= 1
    n_notes = sum(len(p.recurse().notes) for p in score.parts)
    assert n_notes > 0.5 * sum(len({(n.start) for n in p.notes}) for p in arr.parts)


@pytest.mark.skipif(not shutil.which("abc2midi"), reason="abc2midi not installed")
@pytest.mark.parametrize("style", ALL_STYLES)
def test_abc2midi_accepts_the_export_without_errors_or_warnings(style, tmp_path):
    import pretty_midi

    arr = compose(bikes_plan(style))
    path = arr.write_abc(tmp_path / "score.abc")
    out = tmp_path / "abc.mid"
    proc = subprocess.run(["abc2midi", str(path), "-o", str(out)], capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0 and out.exists(), log
    assert "Error" not in log and "Warning" not in log, log
    pm = pretty_midi.PrettyMIDI(str(out))
    assert len([i for i in pm.instruments if i.notes]) == len([p for p in arr.parts if p.notes])
    assert abs(pm.get_end_time() - 10.0) < 1.0  # integer [Q:] tempos: close to, not exactly, the MIDI's sync


def test_model_melody_is_repaired_reported_and_played(tmp_path):
    from music21 import converter

    plan = bikes_plan("jazz")
    # headers, a chord symbol, a decoration, an overlong bar, a short bar, an unknown character, a chord
    plan.sections[1].melody_abc = 'X:1\nK:G\nV:1\n"Gm7"!trill!G2 B2 d2 f2 g2 | a4 & [ceg]2 |'
    arr = compose(plan)
    text = " ".join(arr.repairs)
    for word in ("header line 'K:G' removed", "cut", "filled with rest", "unknown character", "top note"):
        assert word in text, (word, arr.repairs)
    assert all(r.startswith("section 1 (A)") for r in arr.repairs)
    mel = [n for n in arr.part("melody").notes if n.section == 1]
    first_bar = arr.tempo_map.section_bars(1)[0]
    got = [n.pitch % 12 for n in mel if first_bar.start_beat <= n.start < first_bar.end_beat]
    # G Bb D F (the plan is in F: B means Bb) then the cut bar stops at four beats
    assert got == [7, 10, 2, 5]
    assert len(converter.parse(arr.to_abc(), format="abc").parts) == len(arr.parts)


def test_parse_melody_reads_tuplets_broken_rhythm_and_accidentals():
    from v2m.tools.music.abc_melody import parse_melody

    bars, repairs = parse_melody("(3cde f2 A>B c2 | ^F2 F2 =F4 |", meter_beats=4, key="F", mode="major")
    assert not repairs
    assert [round(n, 3) for _, _, n in bars[0]] == [0.333, 0.333, 0.333, 1.0, 0.75, 0.25, 1.0]
    assert [p for p, _, _ in bars[1]] == [66, 66, 65]  # ^F holds to the bar line, = cancels it
    bars, repairs = parse_melody("", meter_beats=4, key="C", mode="major")
    assert bars == [] and repairs == []


def test_unreadable_melody_falls_back_to_the_composer():
    plan = bikes_plan("rock")
    plan.sections[0].melody_abc = "@@@ ### !!"
    arr = compose(plan)
    assert any("no notes could be read" in r for r in arr.repairs)
    assert [n for n in arr.part("melody").notes if n.section == 0]


def test_repair_melody_returns_clean_abc_that_needs_no_more_repair():
    from music21 import converter

    from v2m.tools.music.abc_melody import repair_melody

    messy = 'X:1\nK:G\n"Gm7"!trill!G2 B2 d2 f2 g2 | a4 & [ceg]2 | (3cde f2 A>B c2 | ^F2 F2 G^G A2 |'
    clean, repairs = repair_melody(messy, key="F", mode="major")
    assert len(repairs) >= 5
    again, more = repair_melody(clean, key="F", mode="major")
    assert more == [] and again == clean
    assert clean.count("|") == 4
    assert "G _A =A2" in clean  # a short off-beat chromatic passing note (G#, spelled Ab in F) is kept
    score = converter.parse("X:1\nM:4/4\nL:1/8\nK:F\n" + clean + "\n", format="abc")
    assert score.flatten().notes[0].pitch.name == "G" and score.duration.quarterLength == 16


@pytest.mark.parametrize("key,mode", [("F#", "major"), ("Bb", "minor"), ("E", "phrygian"), ("C#", "dorian"),
                                      ("Ab", "mixolydian"), ("G", "lydian"), ("Eb", "major"), ("B", "minor")])
def test_abc_spells_any_key_so_both_readers_agree_with_the_midi(key, mode, tmp_path):
    import pretty_midi
    from music21 import converter

    arr = compose(bikes_plan("jazz").model_copy(update={"key": key, "mode": mode}))
    text = arr.to_abc()
    score = converter.parse(text, format="abc")
    ours = sorted(n.pitch for n in arr.part("melody").notes)
    melody = score.parts[[p.role for p in arr.parts].index("melody")]
    theirs = sorted(p.midi for n in melody.recurse().notes for p in n.pitches if not n.tie or n.tie.type == "start")
    assert theirs == ours
    path = tmp_path / "k.abc"
    path.write_text(text)
    proc = subprocess.run(["abc2midi", str(path), "-o", str(tmp_path / "k.mid")], capture_output=True, text=True)
    assert proc.returncode == 0 and "Error" not in proc.stdout + proc.stderr
    pm = pretty_midi.PrettyMIDI(str(tmp_path / "k.mid"))
    abc_bass = sorted(n.pitch for i in pm.instruments if i.program == 32 for n in i.notes)
    assert abc_bass == sorted(n.pitch for n in arr.part("bass").notes)
