"""The `chat` backend: a LangChain chat model gets the facts and keyframes (as image parts) and its
reply goes through the same parse -> validate -> re-ask -> fallback loop."""

from __future__ import annotations

import argparse
import base64
import io

import pytest

pytest.importorskip("langchain_core")
pytest.importorskip("langchain")
from langchain_core.messages import HumanMessage, SystemMessage  # noqa: E402

from fake_chat import ScriptedChatModel  # noqa: E402
from llm_kit import bikes_analysis, fenced, plan_dict  # noqa: E402
from v2m.agent.planners.chat import ChatBackend, content_text  # noqa: E402
from v2m.agent.planners.llm import LLMPlanner, add_planner_args, planner_from_args  # noqa: E402
from v2m.tools.errors import InputError, MissingDependency  # noqa: E402


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    return bikes_analysis(tmp_path_factory.mktemp("keys"))


def test_chat_model_sees_keyframes_as_images_and_its_plan_is_used(analysis):
    from PIL import Image

    from langchain_core.messages import AIMessage

    # content as a list of blocks, the way multimodal providers answer
    model = ScriptedChatModel(script=[AIMessage(content=[{"type": "text", "text": fenced(plan_dict())}])])
    res = LLMPlanner(ChatBackend(model), name="chat", max_frames=3).plan(analysis, "score this in jazz")
    assert res.warnings == [] and res.plan.tempo_bpm == 140
    sent = model.calls[0]
    assert isinstance(sent[0], SystemMessage) and isinstance(sent[1], HumanMessage)
    parts = sent[1].content
    images = [p for p in parts if p["type"] == "image_url"]
    assert len(images) == 3 and parts[-1]["type"] == "text" and "3.04" in parts[-1]["text"]
    jpeg = base64.b64decode(images[0]["image_url"]["url"].split(",", 1)[1])
    with Image.open(io.BytesIO(jpeg)) as im:  # a real picture of the clip, not a placeholder
        assert im.format == "JPEG" and im.size[0] > 100 and len(set(im.convert("L").getdata())) > 50


def test_chat_errors_are_re_asked_then_fall_back(analysis):
    model = ScriptedChatModel(script=["I cannot see the video.", fenced(plan_dict(tempo_bpm=500))])
    res = LLMPlanner(ChatBackend(model), name="chat", max_attempts=2, max_frames=0).plan(analysis, "jazz")
    assert "used the rules planner instead" in res.warnings[0] and len(model.calls) == 2
    assert isinstance(model.calls[0][1].content, str)  # no frames: plain text for text-only models
    assert "no JSON object found" in model.calls[1][-1].content
    assert res.plan.style == "jazz"  # the rules planner read the request


def test_content_blocks_and_setup_failures():
    assert content_text([{"type": "text", "text": "a"}, {"type": "tool_use"}, "b"]) == "ab"
    with pytest.raises(MissingDependency, match="langchain-ollama"):
        ChatBackend("ollama:llama3.2")
    with pytest.raises(InputError, match="provider:name"):
        ChatBackend("no-such-provider:model")
    p = argparse.ArgumentParser()
    add_planner_args(p)
    with pytest.raises(InputError, match="--frames video works with --backend hf"):
        planner_from_args(p.parse_args(["--backend", "chat", "--model", "openai:x", "--frames", "video"]))
    with pytest.raises(MissingDependency):
        planner_from_args(p.parse_args(["--backend", "chat", "--model", "ollama:llama3.2",
                                        "--base-url", "http://127.0.0.1:1"]))
