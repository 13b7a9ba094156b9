"""Memory that does not grow with the video: the pieces-at-a-time paths give what the whole-at-once
paths gave (loudness, finished samples, AAC packets, MusicXML notes), keyframe pictures stay within
their budget, and the stage clock measures each stage's own peak."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
import soundfile as sf

from compose_plans import bikes_plan


def test_loudness_measured_in_pieces_is_the_whole_measure_to_the_bit():
    from v2m.tools.audio.loudness import GatedMeter, gated_loudness

    rng = np.random.default_rng(5)
    for n, sr in ((44100 * 7 + 123, 44100), (9000, 44100), (32000 * 3, 32000)):
        x = (rng.standard_normal((n, 2)) * np.linspace(0, 1, n)[:, None] ** 3).astype(np.float32)
        meter = GatedMeter(n, sr)
        for a in range(0, n, 30_011):
            meter.push(x[a:a + 30_011])
        assert meter.loudness() == gated_loudness(x, sr)
        assert np.isfinite(meter.loudness())
    assert GatedMeter(1000, 44100).loudness() == float("-inf")  # nothing pushed: silence


def test_a_mix_finished_in_pieces_is_the_mix_finished_whole():
    from v2m.tools.audio.loudness import finish, finish_piece

    x = (np.random.default_rng(2).standard_normal((44100 * 3, 2)) * 0.5).astype(np.float32)
    whole = finish(x, len(x), 44100, 6.0)  # loud enough for the limiter to act
    pieces = [finish_piece(x[a:a + 10_000], a, len(x), 44100, 6.0) for a in range(0, len(x), 10_000)]
    assert np.array_equal(np.concatenate(pieces), whole)
    assert whole[-1].max() == 0.0 and np.abs(whole).max() <= 0.97  # the end fade, the peak ceiling


def test_aac_from_a_wav_read_by_segments_is_the_aac_of_its_samples(tmp_path, bikes):
    import av

    from v2m.tools.audio.remux import SegmentMuxer

    sr = 44100
    t = np.arange(int(10.0 * sr)) / sr
    x = (0.3 * np.sin(2 * np.pi * 220 * t)[:, None] * np.array([1.0, 0.5])).astype(np.float32)
    sf.write(tmp_path / "m.wav", x, sr, subtype="PCM_16")
    x16, _ = sf.read(tmp_path / "m.wav", dtype="float32", always_2d=True)
    cuts = [2.0, 4.0, 6.0, 8.0]
    SegmentMuxer(tmp_path / "a").mux(bikes, x16, sr, tmp_path / "array.mp4", cuts_s=cuts)
    stats = SegmentMuxer(tmp_path / "b").mux(bikes, tmp_path / "m.wav", None, tmp_path / "wav.mp4", cuts_s=cuts)
    assert stats.encoded == [0, 1, 2, 3, 4]

    def packets(path):
        with av.open(str(path)) as c:
            return [(p.pts, bytes(p)) for p in c.demux(c.streams.audio[0]) if p.size]

    assert packets(tmp_path / "wav.mp4") == packets(tmp_path / "array.mp4")
    assert len(packets(tmp_path / "wav.mp4")) >= 10 * sr // 1024


def test_musicxml_written_in_pieces_keeps_every_note_and_measure(tmp_path, monkeypatch):
    from v2m.tools.music import musicxml
    from v2m.tools.music.compose import compose

    arr = compose(bikes_plan("jazz"))
    musicxml.write_musicxml(arr, tmp_path / "whole.musicxml")
    monkeypatch.setattr(musicxml, "WHOLE_BARS", 2)  # a 10 s score in pieces of two bars
    monkeypatch.setattr(musicxml, "CHUNK_BARS", 2)
    musicxml.write_musicxml(arr, tmp_path / "pieces.musicxml")

    def notes(path):
        root = ET.parse(path).getroot()
        return [[(m.get("number"), [(n.findtext("pitch/step"), n.findtext("pitch/octave"), n.findtext("duration"))
                                    for n in m.iter("note")]) for m in part.iter("measure")]
                for part in root.iter("part")]

    whole, pieces = notes(tmp_path / "whole.musicxml"), notes(tmp_path / "pieces.musicxml")
    assert len(whole) == len(arr.parts) and len(whole[0]) > 4
    assert pieces == whole
    from music21 import converter

    assert len(converter.parse(str(tmp_path / "pieces.musicxml")).parts) == len(arr.parts)


def test_keyframe_pictures_stay_within_their_budget(bikes):
    import av

    from v2m.tools.video.keyframes import Candidates

    budget = 320 * 136 * 3 // 2 * 6  # six of bikes.mp4's pictures (320x136 kept, YUV 4:2:0)
    kept = Candidates(fps=25.0, budget_bytes=budget)
    with av.open(str(bikes)) as c:
        for i, frame in enumerate(c.decode(video=0)):
            kept.push(i / 25.0, frame)
            assert sum(f.width * f.height * 3 // 2 for _, _, f in kept.kept.values()) <= budget
    assert kept.stride > 5 and len(kept.kept) >= 3  # the spacing doubled; pictures still span the clip
    times = sorted(t for t, _, _ in kept.kept.values())
    assert times[0] == 0.0 and times[-1] > 5.0


def test_stage_clock_measures_each_stage_its_own_peak():
    # in a fresh process: inside a long test run, freed pages of earlier tests are reused without the
    # resident size growing, so a 60 MB block need not raise this process's high-water mark at all
    import json
    import subprocess
    import sys

    code = """
import json, numpy as np
from v2m.agent.stage_clock import StageClock
clock = StageClock()
clock.start("big")
block = np.ones(60 * 2**20 // 8)  # 60 MB touched
del block
clock.start("small")
small = np.ones(1000)
clock.stop()
print(json.dumps({"times": sorted(clock.times_s), "per_stage": clock.per_stage, "peaks": clock.peaks_mb,
                  "table": clock.table(), "sum": float(small.sum())}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["times"] == ["big", "small"] and got["sum"] == 1000
    if not got["per_stage"]:
        pytest.skip("this system cannot reset the RSS high-water mark")
    assert got["peaks"]["big"] - got["peaks"]["small"] > 40
    assert "total" in got["table"]

