"""The optional audiocraft backend: missing package -> one line; JASCO gets the plan's chords on time.

audiocraft itself is not installed here (it pins old torch/av), so the wiring is checked against a
stand-in module that records what v2m asks of the audiocraft API documented in its docs/JASCO.md.
"""

import sys
import types

import numpy as np
import pytest
import soundfile as sf

from v2m.tools.musicgen.route import generate_score_audio
from v2m.tools.contract import ScorePlan, Section
from v2m.tools.errors import MissingDependency
from v2m.tools.musicgen.prompt import chord_timeline
from v2m.tools.musicgen.backends import load_backend

pytest.importorskip("torch")


def test_missing_audiocraft_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "audiocraft", None)  # import fails as if not installed
    with pytest.raises(MissingDependency, match="pip install audiocraft") as e:
        load_backend("audiocraft")
    assert "\n" not in str(e.value)


def test_chord_timeline_follows_tempo_and_meter():
    plan = ScorePlan(duration_s=20, style="jazz", tempo_bpm=120, meter="3/4", sections=[
        Section(name="A", start_s=0, end_s=10, chords=["Dm7", "G7", "Cmaj7"]),
        Section(name="B", start_s=10, end_s=20, chords=["ii7", "V7"])])
    # 3/4 at 120 bpm: a bar is 1.5 s
    assert chord_timeline(plan, 0, 0.0, 4.0) == [("Dm7", 0.0), ("G7", 1.5), ("Cmaj7", 3.0)]
    assert chord_timeline(plan, 0, -0.1, 1.0) == [("Dm7", 0.1)]
    assert chord_timeline(plan, 0, 2.0, 2.0) == [("G7", 0.0), ("Cmaj7", 1.0)]
    assert chord_timeline(plan, 0, 4.6, 0.5) == [("Dm7", 0.0)]  # bar 4 wraps to the first chord
    assert chord_timeline(plan, 1, 0.0, 5.0) == []  # roman numerals are the composer's to spell


def fake_audiocraft(calls):
    sr = 8000

    class JASCO:
        sample_rate, frame_rate = sr, 50

        @classmethod
        def get_pretrained(cls, name, chords_mapping_path=None, device="cpu"):
            calls.append(("load", name))
            return cls()

        def set_generation_params(self, **kw):
            calls.append(("params", kw))

        def generate_music(self, descriptions, chords=None, progress=False):
            import torch

            calls.append(("music", descriptions[0], chords))
            return torch.full((1, 1, 10 * sr), 0.1)

    mod = types.ModuleType("audiocraft")
    mod.models = types.SimpleNamespace(JASCO=JASCO, MusicGen=None)
    return mod


def test_jasco_gets_each_sections_chords_timed_to_its_window(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setitem(sys.modules, "audiocraft", fake_audiocraft(calls))
    plan = ScorePlan(duration_s=24, style="jazz", tempo_bpm=120, sections=[
        Section(name="A", start_s=0, end_s=4, chords=["Dm7", "G7"]),
        Section(name="B", start_s=4, end_s=24, chords=["Cmaj7", "A7"])])
    be = load_backend("audiocraft", "facebook/jasco-chords-drums-400M")
    out = generate_score_audio(plan, tmp_path / "j.wav", backend=be, crossfade_s=0.2)
    audio, sr = sf.read(out)
    assert len(audio) == 24 * sr and np.abs(audio[: -sr // 20]).min() > 0  # windows joined without a gap
    assert abs(audio[-1]) < 0.01 < abs(audio[-sr // 20 - 1])  # the last 50 ms fade out: no click at the end
    music = [c for c in calls if c[0] == "music"]
    assert music[0][2] == [("Dm7", 0.0), ("G7", 2.0), ("Dm7", 4.0)]  # A (4.1 s with its fade): 2 s bars
    # section B starts 0.1 s early (half the crossfade), so its first chord sits at 0.1 s
    assert music[1][2][:3] == [("Cmaj7", 0.1), ("A7", 2.1), ("Cmaj7", 4.1)]
    assert len(music) == 4  # B's 20.1 s = one 10 s window + two continuations with 4 s context
