"""Routes in a conversation, on the real bikes.mp4 with the debug music backend: a turn switches to the
audio route, "another take of shot 2" generates only the section holding shot 2 again (every sample
outside its crossfade span is the previous take's), undo gives back the previous files byte for byte,
resume rebuilds the same music backend, and a missing music model is one line, not a half-made version."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from edit_clips import bikes as bikes_analysis

from v2m.agent.dialogue.session import Session
from v2m.tools.options import MusicOptions


def _digest(files):
    return {k: hashlib.sha256(Path(p).read_bytes()).hexdigest() for k, p in files.items()}


def _wav(path):
    import soundfile as sf

    audio, sr = sf.read(str(path), dtype="int16")
    return audio, sr


@pytest.fixture(scope="module")
def audio_session(tmp_path_factory, request):
    from v2m.tools.audio.render import find_soundfont

    find_soundfont()
    video = request.getfixturevalue("bikes")
    store = tmp_path_factory.mktemp("audio") / "store"
    s = Session.open(video, "score this in jazz", workdir=store, analysis=bikes_analysis(), music={"backend": "debug"})
    return s, store


@pytest.mark.slow
def test_switch_to_audio_then_another_take_of_one_section_and_undo(audio_session):
    import av

    from v2m.tools.musicgen.route import regenerated_span

    s, _ = audio_session
    assert s.plan.route == "symbolic" and set(s.files) == {"plan", "midi", "wav", "video"}
    t = s.say("switch to the audio route")
    assert t.changed and s.plan.route == "audio" and t.rendered == [0, 1], t.reply
    assert "Generated 2 of 2 sections." in t.reply
    assert set(s.files) == {"plan", "midi", "wav", "symbolic", "seams", "video"}
    before, sr = _wav(s.files["wav"])
    assert sr == 32000 and len(before) == 10 * sr  # the debug backend has MusicGen's rate; exactly 10 s
    with av.open(str(s.files["video"])) as c:
        assert c.streams.audio[0].sample_rate == 32000 and abs(c.duration / 1e6 - 10.0) < 0.1
    v2_files, v2_digest, v2_plan = dict(s.files), _digest(s.files), s.plan

    t = s.say("another take of shot 2")  # shot 2 (1.2-3.04 s) lies in the intro, section 0
    k = v2_plan.section_at(2.0)
    assert t.rendered == [k] and "Generated 1 of 2 sections." in t.reply and "for shot 2" in t.reply
    assert s.plan.sections[k].take == 1 and s.plan.sections[1 - k] == v2_plan.sections[1 - k]
    after, _ = _wav(s.files["wav"])
    a, b = regenerated_span(v2_plan, k, sr)
    outside = np.ones(len(before), bool)
    outside[a:b] = False
    assert a < 2 * sr < b < len(before)  # the span holds shot 2 and stops short of the end
    assert np.array_equal(before[outside], after[outside])  # the outro's samples, bit for bit
    inside = slice(a, b)
    assert np.mean(before[inside] != after[inside]) > 0.9  # the intro is a new take
    assert _digest(v2_files) == v2_digest  # the previous version's files were not touched

    u = s.undo()
    assert u.version == 2 and s.plan == v2_plan and _digest(s.files) == v2_digest
    r = s.redo()
    assert r.version == 3 and _wav(s.files["wav"])[0].tobytes() == after.tobytes()


@pytest.mark.slow
def test_hybrid_resume_and_back_to_midi(audio_session):
    s, store = audio_session
    s.say("hybrid")
    assert s.plan.route == "hybrid" and s.files["symbolic"].is_file()
    r = Session.resume(s.id, workdir=store)
    assert r.music == MusicOptions(backend="debug")
    t = r.say("another take of the ending")
    assert t.rendered == [1] and r.plan.sections[1].take == 1
    t = r.say("back to midi")
    assert r.plan.route == "symbolic" and set(r.files) == {"plan", "midi", "wav", "video"}
    import soundfile as sf

    assert sf.info(str(r.files["wav"])).samplerate == 44100


def test_a_missing_music_model_is_one_line_and_no_version(tmp_path, bikes, monkeypatch):
    monkeypatch.delenv("V2M_MUSICGEN_MODEL", raising=False)
    s = Session.open(bikes, "jazz", workdir=tmp_path / "store", analysis=bikes_analysis(), render=True,
                     music={"model": str(tmp_path / "no-such-weights")})
    folders = sorted(p.name for p in s.dir.iterdir())
    t = s.say("use musicgen")
    assert t.question and "not available" in t.reply and "stays on the symbolic route" in t.reply
    assert "\n" not in t.reply and s.plan.route == "symbolic" and s.version == 1
    assert sorted(p.name for p in s.dir.iterdir()) == folders  # nothing half-written
    from v2m.tools.errors import MissingDependency

    with pytest.raises(MissingDependency, match="not available"):
        Session.open(bikes, "jazz", workdir=tmp_path / "store2", analysis=bikes_analysis(), route="audio",
                     music={"model": str(tmp_path / "no-such-weights")})
    assert not (tmp_path / "store2").exists()  # checked before any session was made
