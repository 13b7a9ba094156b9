"""One realisation for every caller: the pipeline (`score`) and a chat session make the same samples from
the same plan, a still image and the video's own sound go through the same stages, and the options are
one frozen object, recorded as resolved."""

from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile as sf

from v2m.agent.dialogue.session import Session
from v2m.agent.pipeline import score
from v2m.tools.errors import InputError
from v2m.tools.options import MusicOptions


@pytest.mark.slow
def test_the_pipeline_and_a_chat_session_write_the_same_samples(bikes, tmp_path):
    run = score(bikes, "score this in jazz", tmp_path / "run", music={"seed": 3})
    s = Session.open(bikes, "score this in jazz", workdir=tmp_path / "store", analysis=run.analysis)
    assert s.plan == run.plan  # one plan ...
    ours, sr = sf.read(str(run.files["score.wav"]), dtype="int16", always_2d=True)
    theirs, sr2 = sf.read(str(s.files["wav"]), dtype="int16", always_2d=True)
    assert sr == sr2 == 44100 and len(ours) == round(run.analysis.duration_s * sr)
    assert np.abs(ours).max() > 1000  # real music, not silence
    assert np.array_equal(ours, theirs)  # ... the very same samples, whoever asked
    assert run.files["score.mid"].read_bytes() == s.files["midi"].read_bytes()
    config = json.loads(run.files["config.json"].read_text())["config"]
    assert config["music"] == {"backend": None, "model": None, "device": None, "dtype": None, "seed": 3,
                               "guidance_scale": None, "window_s": None, "soundfont": None}
    assert not [p.name for p in run.outdir.iterdir() if p.name.startswith(".")]  # the caches are gone


@pytest.mark.slow
def test_the_realiser_keeps_the_videos_own_sound_when_asked(clip_with_audio, tmp_path):
    from test_mux import audio_of, sine_wav

    from v2m.tools.contract import ScorePlan, Section
    from v2m.tools.realiser import Realiser
    from v2m.tools.video.analyze import analyze

    analysis = analyze(clip_with_audio)
    plan = ScorePlan(duration_s=analysis.duration_s, style="jazz", tempo_bpm=120,
                     sections=[Section(name="A", start_s=0.0, end_s=analysis.duration_s)])
    levels = {}
    for keep in (False, True):
        folder = tmp_path / str(keep)
        folder.mkdir()
        sine_wav(folder / "score.wav", 4.0, hz=880)
        r = Realiser(analysis, clip_with_audio, tmp_path / f"cache{keep}", keep_audio=keep)
        x = audio_of(r.mux(plan, folder))[1][0, 44100:3 * 44100]
        levels[keep] = np.abs(np.fft.rfft(x))[int(round(330 * len(x) / 44100))]
    assert levels[True] > 20 * levels[False]  # the original's 330 Hz tone is under the music


@pytest.mark.slow
def test_a_still_image_on_the_debug_audio_route(still_image, tmp_path):
    import av

    run = score(still_image, "calm piano", tmp_path / "still", route="audio", still_seconds=3.0,
                music=MusicOptions(backend="debug"))
    assert {"score.symbolic.wav", "score.seams.npz"} <= set(run.files)
    assert sf.info(str(run.files["score.wav"])).samplerate == 32000
    assert sf.info(str(run.files["score.symbolic.wav"])).samplerate == 44100
    with av.open(str(run.files["video"])) as c:
        assert len(c.streams.video) == 1 and c.streams.audio[0].sample_rate == 32000
        assert abs(float(c.duration / av.time_base) - 3.0) < 0.15


def test_music_options_are_frozen_and_checked():
    m = MusicOptions.of({"backend": "debug", "seed": 2})
    assert m == MusicOptions(backend="debug", seed=2) and m.given() == {"backend": "debug", "seed": 2}
    assert MusicOptions(device="cuda", dtype="float16", seed=1).backend_options() == {"device": "cuda",
                                                                                      "dtype": "float16"}
    with pytest.raises(AttributeError):
        m.seed = 3  # type: ignore[misc]
    with pytest.raises(InputError, match="unknown music options"):
        MusicOptions.of({"bakend": "debug"})


def test_score_chat_and_agent_declare_the_same_music_flags():
    from v2m.agent.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command").choices
    music = {"--soundfont", "--music-backend", "--music-model", "--music-device", "--music-dtype", "--seed"}

    def flags(name):
        return {o for a in sub[name]._actions for o in a.option_strings}

    assert music <= flags("score") and music <= flags("chat") and music <= flags("agent")
    args = build_parser().parse_args(["chat", "x.mp4", "--music-backend", "debug", "--seed", "4"])
    from v2m.agent.options import music_from_args

    assert music_from_args(args) == MusicOptions(backend="debug", seed=4)


@pytest.mark.slow
def test_the_container_is_decided_once_per_run(tmp_path, monkeypatch):
    """The pipeline decides the container before any work and hands it to the realiser: the input is
    probed for it once (an MS-MPEG4 AVI goes to MKV, so a second probe would be seen and could disagree)."""
    import sys

    from hostile_media import Clip, write

    import v2m.agent.pipeline as pipeline
    from v2m.tools.audio.container import choose_container

    src = tmp_path / "old.avi"
    write(src, Clip(codec="msmpeg4", fmt="avi"))
    probes = []

    def counted(path):
        probes.append(path)
        return choose_container(path)

    monkeypatch.setattr(pipeline, "choose_container", counted)
    monkeypatch.setattr(sys.modules["v2m.tools.realiser"], "choose_container", counted)
    run = score(src, "jazz", tmp_path / "out")
    assert len(probes) == 1 and run.files["video"].name == "old.scored.mkv" and run.files["video"].is_file()
