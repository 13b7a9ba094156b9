"""ABC export: music21 and abc2midi read every exported file; voices and bar lengths survive."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from compose_plans import bikes_plan
from v2m.tools.compose import compose


@pytest.mark.parametrize("style", ["jazz", "rock", "ambient", "cinematic"])
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
@pytest.mark.parametrize("style", ["jazz", "rock", "ambient", "cinematic"])
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
