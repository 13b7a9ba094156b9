"""`v2m score` end to end through the command line, on the real bikes.mp4 and made-up clips.

Most runs call `main(argv)` in this process (tests/cli_run.py); the `--help`, `--example`, usage-error and
`analyze` tests run a real `python -m v2m.agent.cli` process."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import av
import mido
import numpy as np
import pretty_midi
import pytest
import soundfile as sf

from cli_run import v2m, v2m_process
from conftest import BIKES_CUT_FRAMES, BIKES_FPS

OUTPUTS = {"analysis.json", "plan.json", "reasoning.md", "score.abc", "score.mid", "score.musicxml", "score.wav",
           "config.json"}


@pytest.fixture(scope="module")
def bikes_run(tmp_path_factory, bikes):
    out = tmp_path_factory.mktemp("run") / "bikes"
    r = v2m("score", bikes, "score this in jazz", "-o", out, "--profile")
    assert r.returncode == 0, r.stderr
    return out, r


def test_writes_every_file_and_a_summary(bikes_run):
    out, r = bikes_run
    assert OUTPUTS | {"bikes.scored.mp4"} <= {p.name for p in out.iterdir()}
    assert "jazz" in r.stdout and "BPM" in r.stdout and str(out) in r.stdout
    assert "[5/5] mux" in r.stderr  # the progress display names each stage
    config = json.loads((out / "config.json").read_text())
    assert config["config"]["request"] == "score this in jazz"
    assert set(config["timings_s"]) == {"load planner", "analyse", "plan", "compose", "render", "mux"}
    # --profile: one table at the end, a line per stage with its seconds and peak memory
    assert set(config["peak_rss_mb"]) == set(config["timings_s"])
    assert all(20 < mb < 4000 for mb in config["peak_rss_mb"].values())
    table = r.stderr[r.stderr.index("stage "):].splitlines()
    assert [line.split()[0] for line in table[1:]] == ["load", "analyse", "plan", "compose", "render", "mux", "total"]
    assert "Scene" in (out / "reasoning.md").read_text()


def test_every_cut_is_a_boundary_or_hit_point_and_sections_last_two_bars(bikes_run):
    out, _ = bikes_run
    plan = json.loads((out / "plan.json").read_text())
    marks = [s["start_s"] for s in plan["sections"][1:]] + [h["time_s"] for h in plan["hit_points"]]
    for f in BIKES_CUT_FRAMES:
        assert min(abs(f / BIKES_FPS - m) for m in marks) <= 1 / BIKES_FPS, f
    # A section is at least two bars: count the MIDI's downbeats inside each section.
    downbeats = pretty_midi.PrettyMIDI(str(out / "score.mid")).get_downbeats()
    for s in plan["sections"]:
        inside = [d for d in downbeats if s["start_s"] - 0.01 <= d < s["end_s"] - 0.01]
        assert len(inside) >= 2, s


def test_scored_video_copies_the_picture_and_fits_the_audio(bikes_run, bikes):
    out, _ = bikes_run
    def packets(p):
        with av.open(str(p)) as c:
            return [bytes(x) for x in c.demux(c.streams.video[0]) if x.size]
    scored = out / "bikes.scored.mp4"
    assert packets(scored) == packets(bikes)
    with av.open(str(scored)) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        v, a = c.streams.video[0], c.streams.audio[0]
        video_s, audio_s = float(v.duration * v.time_base), float(a.duration * a.time_base)
        samples = np.concatenate([f.to_ndarray() for f in c.decode(a)], axis=1)
    assert abs(audio_s - video_s) <= 1024 / a.sample_rate
    assert np.sqrt(np.mean(samples ** 2)) > 0.01  # there is music, not silence


def test_wav_is_exactly_as_long_as_the_video(bikes_run):
    out, _ = bikes_run
    info = sf.info(str(out / "score.wav"))
    assert info.frames == round(10.0 * info.samplerate)


def test_abc_parses_back_into_the_same_voices(bikes_run):
    import music21

    out, _ = bikes_run
    text = (out / "score.abc").read_text()
    n_voices = text.count("\nV:")
    score = music21.converter.parse(text, format="abc")
    assert n_voices >= 4 and len(score.parts) == n_voices
    if shutil.which("abc2midi"):
        r = subprocess.run(["abc2midi", str(out / "score.abc"), "-o", str(out.parent / "check.mid")],
                           capture_output=True, text=True)
        assert "Error" not in r.stdout + r.stderr


def test_musicxml_parses_back_with_every_pitched_part(bikes_run):
    import music21

    out, _ = bikes_run
    parts = music21.converter.parse(str(out / "score.musicxml")).parts
    pitched = [i for i in pretty_midi.PrettyMIDI(str(out / "score.mid")).instruments if not i.is_drum]
    assert len(parts) >= len(pitched) >= 3
    assert all(len(p.recurse().notes) > 0 for p in parts)


def test_midi_has_drums_on_channel_10_and_three_pitched_instruments(bikes_run):
    out, _ = bikes_run
    mid = mido.MidiFile(str(out / "score.mid"))
    channels = {m.channel for t in mid.tracks for m in t if m.type == "note_on"}
    assert 9 in channels
    pm = pretty_midi.PrettyMIDI(str(out / "score.mid"))
    pitched = [i for i in pm.instruments if not i.is_drum and i.notes]
    assert len(pitched) >= 3 and any(i.is_drum and i.notes for i in pm.instruments)


def test_still_image_is_scored_as_a_clip_of_set_length(still_image, tmp_path):
    out = tmp_path / "still"
    r = v2m("score", still_image, "calm piano", "--still-seconds", "6", "-o", out)
    assert r.returncode == 0, r.stderr
    with av.open(str(out / "still.scored.mp4")) as c:
        a = c.streams.audio[0]
        assert abs(float(a.duration * a.time_base) - 6.0) <= 1024 / a.sample_rate
        assert c.streams.video[0].frames > 0
    analysis = json.loads((out / "analysis.json").read_text())
    assert analysis["kind"] == "image" and len(analysis["shots"]) == 1


def test_clip_without_cuts(clip_no_cuts, tmp_path):
    out = tmp_path / "nocuts"
    r = v2m("score", clip_no_cuts, "ambient", "-o", out)
    assert r.returncode == 0, r.stderr
    plan = json.loads((out / "plan.json").read_text())
    assert not [h for h in plan["hit_points"] if h["source"] == "cut"]
    assert sf.info(str(out / "score.wav")).duration == pytest.approx(4.0, abs=1e-3)


@pytest.mark.slow
def test_example_flag_scores_the_bundled_clip(tmp_path):
    r = v2m_process("score", "--example", "rock", "-o", tmp_path / "ex")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "ex" / "bikes.scored.mp4").exists() and "rock" in r.stdout


def make_bad_inputs(tmp: Path, bikes: Path) -> dict[str, Path]:
    bad = {}
    bad["missing"] = tmp / "nope.mp4"
    (tmp / "notes.txt").write_text("hello, I am not a video\n" * 50)
    bad["not media"] = tmp / "notes.txt"
    data = bikes.read_bytes()
    (tmp / "cut.mp4").write_bytes(data[: len(data) // 3])
    bad["truncated"] = tmp / "cut.mp4"
    audio_only = tmp / "voice.m4a"
    with av.open(str(audio_only), "w") as c:
        s = c.add_stream("aac", rate=44100, layout="mono")
        for i in range(20):
            fr = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="fltp", layout="mono")
            fr.sample_rate, fr.pts = 44100, i * 1024
            for p in s.encode(fr):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)
    bad["audio only"] = audio_only
    empty = tmp / "empty.mp4"
    with av.open(str(empty), "w") as c:
        s = c.add_stream("libx264", rate=25)
        s.width, s.height, s.pix_fmt = 64, 64, "yuv420p"
    bad["zero-length"] = empty
    (tmp / "zero.mp4").write_bytes(b"")
    bad["empty file"] = tmp / "zero.mp4"
    return bad


def test_bad_inputs_fail_with_one_clear_line(tmp_path, bikes):
    for what, path in make_bad_inputs(tmp_path, bikes).items():
        out = tmp_path / f"out-{what.replace(' ', '-')}"
        r = v2m("score", path, "-o", out)
        assert r.returncode == 2, (what, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert lines[-1].startswith("v2m: error: "), (what, r.stderr)
        assert "Traceback" not in r.stderr, what
        assert not out.exists(), f"{what}: left a half-made output folder"


def test_unwritable_output_folder(tmp_path, bikes):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = v2m("score", bikes, "-o", blocker / "sub")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("v2m: error: cannot create output folder")


@pytest.mark.slow
def test_existing_outputs_are_kept_without_force(bikes, tmp_path):
    out = tmp_path / "keep"
    out.mkdir()
    (out / "score.wav").write_bytes(b"my own mix")
    r = v2m("score", bikes, "-o", out)
    assert r.returncode == 2 and "already exists" in r.stderr and "--force" in r.stderr
    assert (out / "score.wav").read_bytes() == b"my own mix"
    assert sorted(p.name for p in out.iterdir()) == ["score.wav"]
    r = v2m("score", bikes, "-o", out, "--force")
    assert r.returncode == 0, r.stderr
    assert sf.info(str(out / "score.wav")).frames > 0


def test_bad_option_values_are_one_line_errors(bikes, tmp_path):
    r = v2m_process("score", bikes, "--still-seconds", "-3", "-o", tmp_path / "x")  # argparse exits the process
    assert r.returncode == 2 and "Traceback" not in r.stderr and "still-seconds" in r.stderr
    r = v2m("score", bikes, "--backend", "nonsense", "-o", tmp_path / "y")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_help_is_fast():
    import resource

    def cpu_s() -> float:  # CPU time of finished children: wall time swings with the machine's load
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = cpu_s()
    r = v2m_process("--help")
    assert r.returncode == 0 and "score" in r.stdout
    assert cpu_s() - before < 1.0  # heavy imports wait until a command needs them (see test_structure.py)


@pytest.mark.slow
def test_hybrid_route_end_to_end_with_the_debug_music_backend(bikes, tmp_path):
    out = tmp_path / "hybrid"
    r = v2m("score", bikes, "jazz", "--route", "hybrid", "--music-backend", "debug", "-o", out)
    assert r.returncode == 0, r.stderr
    assert json.loads((out / "plan.json").read_text())["route"] == "hybrid"
    assert sf.info(str(out / "score.symbolic.wav")).duration == pytest.approx(10.0, abs=1e-3)
    info = sf.info(str(out / "score.wav"))
    assert info.frames == round(10.0 * info.samplerate)
    with av.open(str(out / "bikes.scored.mp4")) as c:
        a = c.streams.audio[0]
        assert abs(float(a.duration * a.time_base) - 10.0) <= 1024 / a.sample_rate


def test_audio_route_without_weights_fails_in_one_line_and_leaves_nothing(bikes, tmp_path):
    out = tmp_path / "audio"
    r = v2m("score", bikes, "--route", "audio", "--music-model", tmp_path / "no-such-weights", "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "--route symbolic" in r.stderr.strip().splitlines()[-1]
    assert not out.exists()


@pytest.mark.slow
def test_a_model_planner_drives_the_cli_and_its_transcript_is_kept(bikes, tmp_path):
    from v2m.prompts.templates import example_plans

    plan = json.loads(json.dumps(example_plans()["rock_bikes"]))
    plan["sections"][2]["melody_abc"] = "E2 G2 B2 e2 d2 | d2 B2 G4 | E8"  # first bar is a beat too long
    replies = tmp_path / "replies.json"
    replies.write_text(json.dumps(["Thinking about the bikes...\n" + json.dumps(plan)]))
    out = tmp_path / "model"
    r = v2m("score", bikes, "energetic rock", "--backend", "scripted", "--model", replies, "-o", out)
    assert r.returncode == 0, r.stderr
    written = json.loads((out / "plan.json").read_text())
    assert (written["style"], written["tempo_bpm"], len(written["sections"])) == ("rock", 150, 3)
    transcript = json.loads((out / "transcript.json").read_text())
    assert [m["role"] for m in transcript][:3] == ["system", "user", "assistant"]
    config = json.loads((out / "config.json").read_text())
    assert config["config"]["planner"] == "scripted"
    # What the composer had to repair in the model's melody is reported, not silently fixed.
    assert any(w.startswith("melody repaired") for w in config["warnings"])
    assert "warning: melody repaired" in r.stdout


@pytest.mark.slow
def test_analyze_keeps_an_existing_plot_without_force(bikes, tmp_path):
    plot = tmp_path / "timeline.png"
    plot.write_bytes(b"my picture")
    r = v2m_process("analyze", bikes, "--plot", plot)
    assert r.returncode == 2 and "already exists" in r.stderr and plot.read_bytes() == b"my picture"
    r = v2m("analyze", bikes, "--plot", plot, "--force", "--json")
    assert r.returncode == 0, r.stderr
    assert plot.read_bytes()[:4] == b"\x89PNG" and json.loads(r.stdout)["n_frames"] == 250


@pytest.mark.slow
def test_a_hand_edited_plan_is_realised_and_a_broken_one_refused(bikes_run, bikes, tmp_path):
    out, _ = bikes_run
    plan = json.loads((out / "plan.json").read_text())
    plan["style"], plan["tempo_bpm"] = "rock", 150
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(plan))
    r = v2m("score", bikes, "--plan", edited, "-o", tmp_path / "again")
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "again" / "plan.json").read_text())["style"] == "rock"
    tempos = pretty_midi.PrettyMIDI(str(tmp_path / "again" / "score.mid")).get_tempo_changes()[1]
    assert 130 < float(np.median(tempos)) < 170
    plan["sections"][0]["end_s"] = 4.0  # now there is a gap before the next section
    edited.write_text(json.dumps(plan))
    r = v2m("score", bikes, "--plan", edited, "-o", tmp_path / "broken")
    assert r.returncode == 2 and "not a valid plan" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "broken").exists()


def test_a_meter_change_is_said_in_the_reasoning(bikes_run, bikes, tmp_path):
    # a 1 s section is shorter than any 4/4 bar in the style's tempo range: the composer changes the meter
    # there, and reasoning.md must say where and why (issue 12: "change meter only when nothing else works")
    out, _ = bikes_run
    plan = json.loads((out / "plan.json").read_text())
    first, last = plan["sections"][0], plan["sections"][-1]
    plan["sections"] = [{**first, "start_s": 0.0, "end_s": 4.0}, {**first, "name": "b", "start_s": 4.0, "end_s": 5.0},
                        {**last, "start_s": 5.0, "end_s": plan["duration_s"]}]
    plan["hit_points"] = []
    given = tmp_path / "short.json"
    given.write_text(json.dumps(plan))
    r = v2m("score", bikes, "--plan", given, "-o", tmp_path / "run")
    assert r.returncode == 0, r.stderr
    reasoning = (tmp_path / "run" / "reasoning.md").read_text()
    timing = reasoning.split("## Timing\n", 1)[1]
    assert "section 1 (b)" in timing and "meter change" in timing
    bars = pretty_midi.PrettyMIDI(str(tmp_path / "run" / "score.mid")).time_signature_changes
    assert any(ts.numerator != 4 for ts in bars)  # the MIDI carries the change the reasoning names
