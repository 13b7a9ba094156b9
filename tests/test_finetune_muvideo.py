"""MUVideo/MUImage readers on files the test writes: both key spellings, bad records, missing media,
targets whose tempo and key are measured from a real WAV, prompts identical to the planner's."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from conftest import write_clip
from v2m.agent.cli import main as v2m_main
from v2m.agent.planners.llm import planner_messages
from v2m.tools.contract import ScorePlan, VideoAnalysis

SR = 22050
A_MINOR = (57, 60, 64, 69, 72, 76)  # A3 C4 E4 A4 C5 E5


def music_wav(path: Path, bpm: float = 120.0, seconds: float = 12.0) -> Path:
    """Clicks on every beat over sustained A-minor tones: a known tempo and key."""
    t = np.arange(int(seconds * SR)) / SR
    y = sum(np.sin(2 * np.pi * 440 * 2 ** ((m - 69) / 12) * t) for m in A_MINOR) * 0.08
    y += 0.1 * np.sin(2 * np.pi * 440 * 2 ** ((57 - 69) / 12) * t)  # the tonic, louder
    beat = int(60 / bpm * SR)
    click = np.exp(-np.arange(800) / 80) * np.sin(2 * np.pi * 1800 * np.arange(800) / SR)
    for start in range(0, len(y) - 800, beat):
        y[start:start + 800] += 0.6 * click
    sf.write(path, y.astype(np.float32), SR)
    return path


def record(inp, out, *, key="conversation", answer="Here is a calm jazz piece.", caption="mellow jazz trio, brushed drums"):
    turns = [{"from": "human", "value": "<video>\nCompose music for this video in a jazz mood", "input_modality": "video"},
             {"from": "gpt", "value": answer, "caption": caption, "output_modality": "audio"}]
    return {"input_file": inp, "output_file": out, key: turns}


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("media")
    write_clip(d / "two_shots.mp4", [(200, 60, 40), (30, 160, 60)], 40)
    music_wav(d / "music.wav")
    from PIL import Image

    img = np.zeros((90, 160, 3), np.uint8)
    img[:, :80] = (250, 180, 40)
    Image.fromarray(img).save(d / "photo.png")
    return d


@pytest.mark.slow
def test_muvideo_file_both_spellings_bad_records_and_measured_targets(media, tmp_path, capsys):
    records = [record("two_shots.mp4", "music.wav"),                                    # kept, measured music
               record("two_shots.mp4", "absent.wav", key="conversations", caption=""),  # kept, no music file
               record("two_shots.mp4", "music.wav", answer=None),                       # null answer
               record("nowhere.mp4", "music.wav"),                                      # missing media
               {"input_file": "two_shots.mp4", "output_file": "music.wav"},             # no conversation
               "not a record"]
    src = tmp_path / "MUVideoInstructions.json"
    src.write_text(json.dumps(records))
    out = tmp_path / "muvideo.jsonl"
    assert v2m_main(["finetune", "data", "--muvideo", str(src), "--media", str(media), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kept 2 record(s), skipped 4" in err
    assert "null answer (records 2)" in err and "missing media (input_file) (records 3)" in err
    assert "no conversation / conversations list (records 4, 5)" in err

    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 2 and all(e["meta"]["kind"] == "plan" for e in lines)
    first = lines[0]
    analysis = VideoAnalysis.model_validate_json(Path(first["meta"]["analysis"]).read_text())
    request = "Compose music for this video in a jazz mood"
    assert first["messages"][:2] == planner_messages(analysis, request)  # prompted exactly as at inference
    assert first["images"] and all(Path(p).is_file() for p in first["images"])
    text = first["messages"][2]["content"]
    plan = ScorePlan.model_validate_json(text[text.index("{"):])
    assert abs(plan.tempo_bpm - 120) / 120 < 0.05, plan.tempo_bpm       # measured from music.wav
    assert (plan.key, plan.mode) == ("A", "minor")
    assert plan.style == "jazz" and all(s.musicgen_prompt == "mellow jazz trio, brushed drums" for s in plan.sections)
    assert [round(h.time_s, 1) for h in plan.hit_points] == [1.6]       # the clip's one cut (40 frames at 25 fps)
    assert "Here is a calm jazz piece." in text
    second = ScorePlan.model_validate_json(lines[1]["messages"][2]["content"].split("\n\n")[-1])
    assert lines[1]["meta"]["music"] is None and second.style == "jazz"


@pytest.mark.slow
def test_muimage_file_and_unreadable_input(media, tmp_path, capsys):
    (media / "broken.png").write_bytes(b"not a picture")
    rec = record("photo.png", "none.wav", key="conversations")
    src = tmp_path / "MUImageInstructions.json"
    src.write_text(json.dumps([rec, record("broken.png", "none.wav"), record("two_shots.mp4", "none.wav")]))
    out = tmp_path / "muimage.jsonl"
    assert v2m_main(["finetune", "data", "--muimage", str(src), "--media", str(media), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kept 1 record(s), skipped 2" in err and "unreadable media" in err and "input is not an image" in err
    (ex,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert ex["meta"]["source"].startswith("muimage:") and ex["messages"][0]["role"] == "system"


def test_bad_inputs_are_one_line_errors(media, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    src = tmp_path / "x.json"
    src.write_text("{not json")
    assert v2m_main(["finetune", "data", "--muvideo", str(src), "--media", str(media), "-o", str(out)]) == 2
    assert "not a readable JSON file" in capsys.readouterr().err and not out.exists()
    assert v2m_main(["finetune", "data", "--muvideo", str(src), "-o", str(out)]) == 2
    assert "needs --media" in capsys.readouterr().err
    assert v2m_main(["finetune", "data", "-o", str(out)]) == 2


@pytest.mark.slow
def test_key_and_tempo_of_a_known_file(media):
    from v2m.finetune.music_facts import fold_tempo, measure_music

    facts = measure_music(media / "music.wav")
    assert (facts.key, facts.mode) == ("A", "minor") and abs(facts.tempo_bpm - 120) < 6
    assert fold_tempo(480) == 240 and fold_tempo(30) == 60
