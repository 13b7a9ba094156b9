"""The optional audiocraft backend: missing package -> one line; JASCO gets the plan's chords on time.

audiocraft itself is not installed here (it pins old torch/av), so the wiring is checked against a
stand-in module that records what v2m asks of the audiocraft API documented in its docs/JASCO.md.
"""

import sys
import types

import numpy as np
import pytest
import soundfile as sf
from v2m.tools.contract import ScorePlan, Section
from v2m.tools.errors import MissingDependency
from v2m.tools.music.tempo_map import build_tempo_map
from v2m.tools.musicgen.backends import load_backend
from v2m.tools.musicgen.prompt import chord_timeline
from v2m.tools.musicgen.route import generate_score_audio, layout
from v2m.tools.style import load_style

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
    # the composer's 3/4 bars near 120 bpm (its hit-finder picks a tempo that fits 10 s whole): chords change
    # exactly on them, one chord a bar, cycling
    bars = [b.start_s for b in build_tempo_map(plan, load_style("jazz")).bars if b.start_s < 10 - 1e-6]
    assert 1.3 < bars[1] - bars[0] < 1.7
    got = chord_timeline(plan, 0, 0.0, 4.0)
    want = [(c, t) for c, t in zip(["Dm7", "G7", "Cmaj7"], bars) if t < 4.0]
    assert [c for c, _ in got] == [c for c, _ in want]
    assert [t for _, t in got] == pytest.approx([t for _, t in want], abs=1e-3)
    assert chord_timeline(plan, 0, -0.1, 1.0) == [("Dm7", pytest.approx(0.1, abs=1e-3))]
    got = chord_timeline(plan, 0, 2.0, 2.0)  # from inside bar 2: G7 already sounding, then Cmaj7 on bar 3
    assert [c for c, _ in got] == ["G7", "Cmaj7"] and got[1][1] == pytest.approx(bars[2] - 2.0, abs=1e-3)
    assert chord_timeline(plan, 0, bars[3] + 0.1, 0.5)[0][0] == "Dm7"  # bar 4 wraps to the first chord
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


def test_jasco_chords_change_on_the_composers_downbeats(monkeypatch, tmp_path):
    """On the example clip's shots (bikes.mp4) the tempo map stretches bars so cuts and hits land on
    downbeats; every chord time sent to JASCO is a downbeat of the composed MIDI, within 1 ms, and every
    downbeat carries a chord."""
    import pretty_midi
    from conftest import bikes_like_analysis
    from v2m.agent.planners.base import get_planner
    from v2m.tools.music.compose import compose

    analysis = bikes_like_analysis()
    plan = get_planner("rules").plan(analysis, "score this in jazz").plan
    plan = plan.model_copy(update={"sections": [s.model_copy(update={"chords": ["Dm7", "G7", "Cmaj7", "A7"]})
                                                for s in plan.sections]})
    midi = compose(plan, analysis).write_midi(tmp_path / "score.mid")
    downbeats = [t for t in pretty_midi.PrettyMIDI(str(midi)).get_downbeats() if t < plan.duration_s - 1e-3]
    grid = [k * 4 * 60.0 / plan.tempo_bpm for k in range(len(downbeats))]
    assert max(abs(a - b) for a, b in zip(downbeats, grid)) > 0.1  # the bars really are stretched here

    calls = []
    monkeypatch.setitem(sys.modules, "audiocraft", fake_audiocraft(calls))
    crossfade = 0.2
    backend = load_backend("audiocraft", "facebook/jasco-chords-drums-400M")
    generate_score_audio(plan, tmp_path / "j.wav", backend=backend, crossfade_s=crossfade)
    lay = layout(plan, backend.sample_rate, crossfade)
    music = [c for c in calls if c[0] == "music"]
    assert len(music) == len(plan.sections)  # one window each: every section is shorter than 10 s
    sent = set()
    for k, call in enumerate(music):
        window_start = lay.span(k)[0] / backend.sample_rate
        for symbol, t in call[2]:
            at = window_start + t
            assert min(abs(at - d) for d in downbeats) < 1e-3, (k, symbol, at)
            sent.add(round(at, 3))
    assert all(min(abs(d - t) for t in sent) < 1e-3 for d in downbeats)
