"""v2m's stages as LangChain tools, driven by a scripted tool-calling chat model through
langchain's `create_agent`: the model picks tools and writes plan JSON, the tools validate and act."""

from __future__ import annotations

import json

import numpy as np
import pytest

pytest.importorskip("langchain")
from langchain_core.messages import AIMessage, ToolMessage  # noqa: E402

from fake_chat import ScriptedChatModel  # noqa: E402
from llm_kit import BIKES, bikes_analysis, plan_dict  # noqa: E402
from v2m.agent.lc_tools import TOOL_NAMES, Workbench, make_tools, run_agent  # noqa: E402
from v2m.tools.contract import ScorePlan  # noqa: E402

def call(name: str, i: int, **args) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": f"call_{i}", "type": "tool_call"}])


def last_tool_result(messages) -> str:
    return next(m.content for m in reversed(messages) if isinstance(m, ToolMessage))


def test_tools_have_schemas_and_take_no_paths(tmp_path):
    with Workbench(BIKES, tmp_path / "out", "jazz", analysis=bikes_analysis()) as bench:
        tools = make_tools(bench)
        assert [t.name for t in tools] == list(TOOL_NAMES)
        for t in tools:
            assert t.description and not any("path" in a or "file" in a for a in t.args)
        by = {t.name: t for t in tools}
        assert by["write_plan"].args["plan_json"]["type"] == "string"
        assert by["mux_video"].args["keep_audio"]["default"] is False
        assert by["compose_score"].invoke({}).startswith("error: no plan yet")  # errors are answers, not exceptions


def test_the_tools_write_a_run_the_way_v2m_score_does(tmp_path):
    """A fresh work folder swapped in whole (outputs.RunFolder): nothing written over without --force,
    a previous run replaced as a whole with it, a failed run leaves the folder as it was."""
    import shutil

    from v2m.tools.errors import V2MError

    out = tmp_path / "out"
    (out / "keyframes").mkdir(parents=True)
    (out / "keyframes" / "shot_099.jpg").write_bytes(b"an older run's keyframe")
    (out / "plan.json").write_text("{}")
    (out / "mine.txt").write_text("the user's own file")
    with pytest.raises(V2MError, match="already exists"):
        Workbench(BIKES, out, "jazz", analysis=bikes_analysis())
    with pytest.raises(RuntimeError):
        with Workbench(BIKES, out, "jazz", analysis=bikes_analysis(), force=True) as bench:
            bench.write_plan(json.dumps(plan_dict()))
            raise RuntimeError("the model's server went away")
    assert sorted(p.name for p in out.iterdir()) == ["keyframes", "mine.txt", "plan.json"]
    assert (out / "plan.json").read_text() == "{}"
    with Workbench(BIKES, out, "jazz", analysis=bikes_analysis(), force=True) as bench:
        assert bench.write_plan(json.dumps(plan_dict())).startswith("ok: plan saved")
        assert not (out / "reasoning.md").exists()  # nothing lands in the folder before the run ends
    assert bench.files["plan.json"] == out / "plan.json" and ScorePlan.model_validate_json(
        (out / "plan.json").read_text()).tempo_bpm == plan_dict()["tempo_bpm"]
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt", "plan.json", "reasoning.md"]
    shutil.copy(BIKES, out / "score.wav")  # a video that happens to be named like an output, inside -o
    with pytest.raises(V2MError, match="would be overwritten"):
        Workbench(out / "score.wav", out, "jazz", force=True)


def test_agent_plans_through_tools_fixing_its_own_errors(tmp_path):
    bad = plan_dict()
    bad["sections"][1]["start_s"] = 5.0  # a 2 s gap: not repairable, must come back as an error
    seen = {}

    def after_error(messages):
        seen["error"] = last_tool_result(messages)
        return call("write_plan", 3, plan_json=json.dumps(plan_dict()))

    model = ScriptedChatModel(script=[
        call("analyse_video", 1), call("write_plan", 2, plan_json=json.dumps(bad)), after_error,
        call("edit_plan", 4, patch_json='{"tempo_bpm": 150, "shell": "rm -rf /"}'),
        call("edit_plan", 5, patch_json='{"tempo_bpm": 150}'),
        "Jazz at 150 bpm; the crash lands on the cut at 3.04 s."])
    out = run_agent(model, BIKES, "score this in jazz", tmp_path / "out", analysis=bikes_analysis())
    assert out["error"] is None and out["reply"].startswith("Jazz at 150")
    assert set(model.tool_names) == set(TOOL_NAMES)
    assert "sections.1" in seen["error"] or "section 1" in seen["error"]
    assert any("shell: unknown field" in line for line in [m.content for m in out["messages"]
                                                          if isinstance(m, ToolMessage)])
    plan = ScorePlan.model_validate_json((tmp_path / "out" / "plan.json").read_text())
    assert plan.tempo_bpm == 150 and plan.sections[1].start_s == 3.04
    analysis = json.loads((tmp_path / "out" / "analysis.json").read_text())
    assert analysis["duration_s"] == 10.0 and len(analysis["shots"]) == 6
    transcript = json.loads((tmp_path / "out" / "agent_transcript.json").read_text())
    assert [c["name"] for m in transcript for c in m["tool_calls"]][:2] == ["analyse_video", "write_plan"]
    assert len(out["tool_log"]) == 5


def test_mux_tool_puts_music_on_the_real_clip(tmp_path):
    import av
    import soundfile as sf

    with Workbench(BIKES, tmp_path / "out", "jazz", analysis=bikes_analysis()) as bench:
        tools = {t.name: t for t in make_tools(bench)}
        assert tools["write_plan"].invoke({"plan_json": json.dumps(plan_dict())}).startswith("ok: plan saved")
        sr = 44100
        t = np.arange(10 * sr) / sr
        sf.write(bench.files["score.wav"], (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), sr)
        assert tools["mux_video"].invoke({}) == "ok: wrote bikes.scored.mp4"
    assert bench.files["video"] == tmp_path / "out" / "bikes.scored.mp4"
    with av.open(str(bench.files["video"])) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        assert abs(float(c.duration / av.time_base) - 10.0) < 0.2


@pytest.mark.slow
def test_agent_scores_the_clip_end_to_end(tmp_path):
    """Real analysis of bikes.mp4, the model's own plan (with an ABC melody), compose, render, mux."""
    import av
    import mido
    import soundfile as sf

    def own_plan(messages):  # the model reads the measured cuts from the tool result and plans on them
        facts = last_tool_result(messages)
        assert "hard cuts at" in facts
        return call("write_plan", 2, plan_json=json.dumps(plan_dict()))

    model = ScriptedChatModel(script=[
        call("analyse_video", 1), own_plan, call("compose_score", 3), call("render_audio", 4),
        call("mux_video", 5), "Scored in jazz at 140 bpm."])
    out = run_agent(model, BIKES, "score this in jazz", tmp_path / "out")
    assert out["error"] is None and out["reply"] == "Scored in jazz at 140 bpm."
    assert [line.split("(")[0] for line in out["tool_log"]] == [
        "analyse_video", "write_plan", "compose_score", "render_audio", "mux_video"]
    assert all(line.split(" -> ")[1].startswith(("ok", "- input")) for line in out["tool_log"]), out["tool_log"]
    files = out["files"]
    for name in ("analysis.json", "plan.json", "reasoning.md", "score.mid", "score.abc", "score.wav", "video"):
        assert name in files, name
    analysis = json.loads(files["analysis.json"].read_text())
    assert len(analysis["shots"]) >= 5 and abs(analysis["duration_s"] - 10.0) < 0.1
    notes = [m for tr in mido.MidiFile(files["score.mid"]).tracks for m in tr if m.type == "note_on" and m.velocity]
    assert len(notes) > 20
    wav, sr = sf.read(files["score.wav"])
    assert abs(len(wav) / sr - analysis["duration_s"]) < 0.05 and abs(wav).max() > 0.01
    with av.open(str(files["video"])) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        assert abs(float(c.duration / av.time_base) - 10.0) < 0.2


@pytest.mark.slow
def test_generate_audio_tool_makes_the_audio_route_with_the_debug_backend(tmp_path):
    """The tool calls the same stages as `v2m score --route audio|hybrid` and writes real audio."""
    import soundfile as sf

    from v2m.tools.options import MusicOptions

    with Workbench(BIKES, tmp_path / "out", "jazz", analysis=bikes_analysis(),
                   music=MusicOptions(backend="debug")) as bench:
        tools = {t.name: t for t in make_tools(bench)}
        assert tools["write_plan"].invoke({"plan_json": json.dumps(plan_dict())}).startswith("ok: plan saved")
        assert tools["generate_audio"].invoke({}) == "ok: generated score.wav (3 sections, audio route)"
        audio, sr = sf.read(bench.files["score.wav"], dtype="float32")
        assert sr == 32000 and len(audio) == 10 * sr and np.sqrt(np.mean(audio ** 2)) > 0.01
        assert bench.files["score.seams.npz"].is_file()
        # hybrid: the composed notes, rendered, condition the model
        assert tools["edit_plan"].invoke({"patch_json": '{"route": "hybrid"}'}).startswith("ok")
        assert tools["generate_audio"].invoke({}).startswith("error: no score yet")
        assert tools["compose_score"].invoke({}).startswith("ok: composed")
        assert tools["generate_audio"].invoke({}) == "ok: generated score.wav (3 sections, hybrid route)"
        assert sf.info(str(bench.files["score.symbolic.wav"])).duration == pytest.approx(10.0, abs=1e-3)
        assert tools["mux_video"].invoke({}) == "ok: wrote bikes.scored.mp4"
