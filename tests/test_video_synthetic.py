"""Video analysis on generated clips with known truth: flashes, fast pans, fades, dissolves, visual
tempo, the original audio, keyframes, rotation, variable frame rate, tiny clips and the timeline plot."""

from __future__ import annotations

import av
import numpy as np
import pytest

from clips import Segment, boundary_f1 as f1, write_clip
from v2m.tools.video.analyze import analyze

SMALL = (192, 108)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """Cuts, a fast pan, flashes, a fade through black and a dissolve, with a speech-like audio span."""
    path = tmp_path_factory.mktemp("clips") / "edited.mp4"
    truth = write_clip(path, [
        Segment("move", 2.0), Segment("pan", 2.5), Segment("static", 2.0, into="fade", flashes=(12, 30, 31)),
        Segment("move", 2.0, into="dissolve"), Segment("static", 1.5), Segment("pan", 1.5, flashes=(20,)),
    ], size=SMALL, audio="speech", speech=(1.0, 3.5))
    kf = tmp_path_factory.mktemp("keyframes")
    return path, truth, analyze(path, keyframe_dir=kf)


def test_cuts_flashes_and_pans(edited):
    _, truth, a = edited
    cuts = [t.frame for t in a.transitions if t.kind == "cut"]
    assert f1(cuts, truth.cuts) == 1.0
    for fl in truth.flashes:  # a flash is not a cut, and not a shot of its own
        assert all(abs(fl - b) > 2 for b in cuts)


def test_fade_and_dissolve_are_transitions_with_extent(edited):
    _, truth, a = edited
    fades = [t for t in a.transitions if t.kind == "fade"]
    dissolves = [t for t in a.transitions if t.kind == "dissolve"]
    assert len(fades) == len(truth.fades) == 1 and len(dissolves) == len(truth.dissolves) == 1
    (fs, fe, fnew), f = truth.fades[0], fades[0]
    assert abs(f.frame - fnew) <= 1
    assert f.start_s < f.time_s < f.end_s
    assert abs(f.start_s - fs / truth.fps) < 0.2 and abs(f.end_s - fe / truth.fps) < 0.2
    (ds, de, dnew), d = truth.dissolves[0], dissolves[0]
    assert abs(d.frame - dnew) <= 2 and d.start_s < d.time_s < d.end_s
    assert abs(d.start_s - ds / truth.fps) < 0.2 and abs(d.end_s - de / truth.fps) < 0.2
    kinds = {s.transition_in for s in a.shots}
    assert kinds == {"start", "cut", "fade", "dissolve"}


def test_motion_follows_the_picture(edited):
    _, truth, a = edited
    hop = a.motion_hop_s
    curve = np.array(a.motion)
    pan = curve[int(2.2 / hop):int(4.3 / hop)].mean()      # fast pan
    still = curve[int(5.2 / hop):int(6.0 / hop)].mean()    # static shot (between its flashes)
    assert pan > 0.5 and still < 0.1
    # flashes are edits, not motion: the static shot stays calm even across them
    assert max(curve[int(5.2 / hop):int(6.1 / hop)]) < 0.3


def test_original_audio(edited):
    _, truth, a = edited
    assert a.has_audio and a.audio_hop_s == pytest.approx(0.1)
    assert len(a.audio_loudness_db) == pytest.approx(a.duration_s / 0.1, abs=2)
    assert len(a.speech_s) == 1
    (s, e), (ts, te) = a.speech_s[0], truth.speech_s[0]
    assert abs(s - ts) < 0.3 and abs(e - te) < 0.3
    loud = np.array(a.audio_loudness_db)
    assert loud[int(1.5 / 0.1):int(3.0 / 0.1)].mean() > loud[int(5 / 0.1):].mean() + 5


def test_drone_is_not_speech(tmp_path):
    write_clip(tmp_path / "drone.mp4", [Segment("static", 3.0)], size=(96, 64), audio="drone")
    a = analyze(tmp_path / "drone.mp4")
    assert a.has_audio and a.audio_loudness_db and a.speech_s == []


def test_keyframes(edited):
    _, truth, a = edited
    assert all(s.keyframe for s in a.shots)
    for s in a.shots:
        with av.open(s.keyframe) as c:
            rgb = next(c.decode(video=0)).to_ndarray(format="rgb24")
        assert rgb.shape[1] == SMALL[0]
        luma = (rgb.astype(float) @ [0.299, 0.587, 0.114]).mean() / 255
        assert abs(luma - s.brightness) < 0.12  # the JPEG shows this shot, not a neighbour


@pytest.mark.parametrize("bpm", [60.0, 100.0, 150.0])
def test_visual_tempo(tmp_path, bpm):
    write_clip(tmp_path / "dance.mp4", [Segment("bounce", 5.0, bpm=bpm)], size=(160, 90))
    a = analyze(tmp_path / "dance.mp4")
    assert a.tempo_candidates_bpm
    best = a.tempo_candidates_bpm[0]
    assert min(abs(best / (bpm * k) - 1) for k in (0.5, 1, 2)) <= 0.04, a.tempo_candidates_bpm
    assert len(a.motion_peaks_s) >= 3  # one burst of speed per bounce


def test_tempo_pooled_across_shots(tmp_path):
    write_clip(tmp_path / "two.mp4", [Segment("bounce", 5.0, bpm=120), Segment("pan", 2.0),
                                      Segment("bounce", 3.0, bpm=90)], size=(160, 90))
    a = analyze(tmp_path / "two.mp4")
    assert abs(a.tempo_candidates_bpm[0] / 120 - 1) <= 0.04
    assert any(abs(b / 90 - 1) <= 0.04 for b in a.tempo_candidates_bpm)


def test_rotation_metadata(tmp_path):
    write_clip(tmp_path / "phone.mp4", [Segment("move", 1.0)], size=(160, 96), rotation=90)
    a = analyze(tmp_path / "phone.mp4", keyframe_dir=tmp_path / "kf")
    assert a.rotation_deg == 90 and (a.width, a.height) == (96, 160)
    with av.open(a.shots[0].keyframe) as c:
        frame = next(c.decode(video=0))
    assert frame.height > frame.width  # the keyframe is shown upright


def test_variable_frame_rate(tmp_path):
    truth = write_clip(tmp_path / "vfr.mp4", [Segment("move", 2.0), Segment("static", 2.0), Segment("pan", 2.0)],
                       size=(160, 90), vfr=True)
    a = analyze(tmp_path / "vfr.mp4")
    assert [t.frame for t in a.transitions] == truth.cuts
    # shot times come from timestamps, not frame counts: irregular spacing still lands on 2 s and 4 s
    assert a.cuts_s == pytest.approx([2.0, 4.0], abs=0.05)


@pytest.mark.parametrize("seconds", [0.04, 0.12])
def test_very_short_and_odd_sized(tmp_path, seconds):
    truth = write_clip(tmp_path / "short.mp4", [Segment("move", seconds)], size=(98, 34))
    a = analyze(tmp_path / "short.mp4")
    assert a.n_frames == truth.n_frames and len(a.shots) == 1
    assert a.duration_s == pytest.approx(seconds, abs=0.01) and (a.width, a.height) == (98, 34)


def test_progress_reports(tmp_path):
    write_clip(tmp_path / "p.mp4", [Segment("move", 3.0)], size=(96, 64))
    seen = []
    analyze(tmp_path / "p.mp4", progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 3 and seen == sorted(seen)
    assert seen[-1][0] == pytest.approx(3.0, abs=0.05) and seen[-1][1] == pytest.approx(3.0, abs=0.05)


def test_timeline_plot(edited, tmp_path):
    pytest.importorskip("matplotlib")
    from v2m.agent.cli import main

    path, _, _ = edited
    png = tmp_path / "timeline.png"
    assert main(["analyze", str(path), "--plot", str(png)]) == 0
    with av.open(str(png)) as c:
        frame = next(c.decode(video=0))
    assert frame.width >= 800 and frame.height >= 400
    img = frame.to_ndarray(format="rgb24")
    assert (np.abs(np.diff(img.astype(int), axis=1)) > 30).mean() > 0.01  # thumbnails drawn, not blank


def test_dissolve_between_moving_shots_and_cut_between_pans(tmp_path):
    truth = write_clip(tmp_path / "moving.mp4", [
        Segment("pan", 2.0, seed=11), Segment("bounce", 2.0, into="dissolve", bpm=100, seed=12),
        Segment("pan", 1.5, seed=13), Segment("pan", 1.5, seed=14)], size=(160, 90))
    a = analyze(tmp_path / "moving.mp4")
    assert f1([t.frame for t in a.transitions if t.kind == "cut"], truth.cuts) == 1.0  # incl. pan -> pan
    (ds, de, dnew), = truth.dissolves
    found = [t for t in a.transitions if t.kind == "dissolve"]
    assert len(found) == 1 and abs(found[0].frame - dnew) <= 2
