"""Rendering: exact length, target loudness, a real synthesizer; soundfont discovery and errors."""

from __future__ import annotations

import numpy as np
import pytest

from compose_plans import bikes_plan
from v2m.tools.music.compose import compose
from v2m.tools.audio.loudness import integrated_loudness, normalize_loudness
from v2m.tools.audio.render import find_soundfont, render


@pytest.fixture(scope="module")
def jazz_wav(tmp_path_factory):
    d = tmp_path_factory.mktemp("render")
    mid = compose(bikes_plan("jazz")).write_midi(d / "score.mid")
    return render(mid, d / "score.wav", duration_s=10.0)


def test_wav_is_exactly_as_long_as_the_video_and_at_the_target_loudness(jazz_wav):
    import soundfile as sf

    audio, sr = sf.read(str(jazz_wav), always_2d=True)
    assert sr == 44100 and len(audio) == 441000 and audio.shape[1] == 2
    assert abs(integrated_loudness(audio, sr) + 16.0) < 1.0
    assert np.abs(audio).max() < 0.99
    assert np.abs(audio[-1]).max() < 1e-4 and np.abs(audio[-10:]).max() < 0.01  # faded out, no click
    assert np.abs(audio[: sr]).max() > 0.01  # music from the start


def test_other_rate_length_and_loudness(tmp_path):
    import soundfile as sf

    mid = compose(bikes_plan("ambient")).write_midi(tmp_path / "a.mid")
    wav = render(mid, tmp_path / "a.wav", duration_s=7.3333, sample_rate=22050, loudness_lufs=-23.0)
    audio, sr = sf.read(str(wav), always_2d=True)
    assert sr == 22050 and len(audio) == round(7.3333 * 22050)
    assert abs(integrated_loudness(audio, sr) + 23.0) < 1.0


def test_normalize_loudness_hits_target_and_leaves_silence_alone():
    sr = 44100
    t = np.arange(sr * 2) / sr
    loud = 0.9 * np.sin(2 * np.pi * 220 * t)
    out = normalize_loudness(loud, sr, -20.0)
    assert abs(integrated_loudness(out, sr) + 20.0) <= 0.26  # the gain moves in 0.5 dB steps
    assert np.array_equal(normalize_loudness(np.zeros(sr), sr, -16.0), np.zeros(sr))


def test_soundfont_lookup_and_errors(tmp_path, monkeypatch):
    from v2m.tools.errors import InputError, MissingDependency

    assert find_soundfont().suffix in (".sf2", ".sf3")
    with pytest.raises(MissingDependency, match="nope.sf2"):
        find_soundfont(tmp_path / "nope.sf2")
    monkeypatch.setenv("V2M_SOUNDFONT", str(tmp_path / "env.sf2"))
    with pytest.raises(MissingDependency, match="env.sf2"):
        find_soundfont()
    monkeypatch.delenv("V2M_SOUNDFONT")
    with pytest.raises(InputError, match="does not exist"):
        render(tmp_path / "missing.mid", tmp_path / "x.wav", duration_s=1.0)
    (tmp_path / "junk.mid").write_text("not midi")
    with pytest.raises(InputError, match="is not a MIDI file"):
        render(tmp_path / "junk.mid", tmp_path / "x.wav", duration_s=1.0)
    (tmp_path / "junk.sf2").write_text("not a soundfont")
    mid = compose(bikes_plan("rock")).write_midi(tmp_path / "ok.mid")
    with pytest.raises(MissingDependency, match="is not a SoundFont"):
        render(mid, tmp_path / "x.wav", duration_s=1.0, soundfont=tmp_path / "junk.sf2")
    with pytest.raises(InputError, match="not a writable folder"):
        render(mid, tmp_path / "no" / "x.wav", duration_s=1.0)
    assert not (tmp_path / "x.wav").exists()


@pytest.mark.slow
@pytest.mark.parametrize("style", __import__("v2m.tools.style", fromlist=["x"]).style_names())
def test_every_style_60s_cuts_are_audible_onsets(style, tmp_path):
    """At least 90% of the cuts have an onset within 70 ms in the rendered audio; length and level exact."""
    import soundfile as sf

    from v2m.tools.metrics.onsets import cut_recall
    from compose_plans import long_plan

    plan = long_plan(style)
    mid = compose(plan).write_midi(tmp_path / "score.mid")
    wav = render(mid, tmp_path / "score.wav", duration_s=plan.duration_s)
    audio, sr = sf.read(str(wav), always_2d=True)
    assert len(audio) == round(plan.duration_s * sr)
    assert abs(integrated_loudness(audio, sr) + 16.0) < 1.0
    cuts = [h.time_s for h in plan.hit_points]
    assert len(cuts) >= 12
    assert cut_recall(audio, sr, cuts, tol_s=0.070) >= 0.9
