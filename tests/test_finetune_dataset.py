"""The fine-tuning set is built from real run folders and a real session store."""

import json

import pytest

from conftest import bikes_like_analysis
from v2m.agent.planners.llm import planner_messages
from v2m.agent.pipeline import score
from v2m.agent.dialogue.session import Session
from v2m.finetune.dataset import build, main
from v2m.tools.contract import ScorePlan


@pytest.mark.slow
def test_runs_and_session_turns_become_chat_examples(bikes, tmp_path):
    run = score(bikes, "score this in jazz", tmp_path / "runs" / "bikes")
    s = Session.open(bikes, "rock", workdir=tmp_path / "sessions", analysis=bikes_like_analysis(), render=False)
    s.say("a bit slower")
    s.say("hmm")                           # too vague: v2m asks instead of guessing
    s.store.close()

    out = tmp_path / "sft.jsonl"
    counts = build([tmp_path / "runs"], tmp_path / "sessions", out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert counts == {"plan": 1, "revise": 1, "question": 1} and len(lines) == 3
    question = next(e for e in lines if e["meta"]["kind"] == "question")
    asked = question["messages"][2]["content"]  # one concrete question with options, not "what does hmm mean"
    assert asked.rstrip().endswith("?") and "tempo" in asked and "hmm" in question["messages"][1]["content"]

    plan_ex = next(e for e in lines if e["meta"]["kind"] == "plan")
    assert [m["role"] for m in plan_ex["messages"]] == ["system", "user", "assistant"]
    # The prompt is exactly the one a model planner would be asked with at inference.
    assert plan_ex["messages"][:2] == planner_messages(run.analysis, "score this in jazz")
    answer = plan_ex["messages"][2]["content"]
    target = ScorePlan.model_validate_json(answer[answer.index("{"):])
    assert target.style == "jazz" and target.sections == run.plan.sections
    assert plan_ex["images"] and all(p.endswith(".jpg") for p in plan_ex["images"])

    revise = next(e for e in lines if e["meta"]["kind"] == "revise")
    assert "a bit slower" in revise["messages"][1]["content"]
    new = ScorePlan.model_validate_json(revise["messages"][2]["content"].split("\n\n")[-1])
    assert new.tempo_bpm < run.plan.tempo_bpm or new.sections[0].tempo_bpm is not None


def test_existing_output_is_kept(tmp_path, capsys):
    out = tmp_path / "sft.jsonl"
    out.write_text("mine\n")
    assert main([str(tmp_path), "-o", str(out)]) == 2
    assert out.read_text() == "mine\n" and "already exists" in capsys.readouterr().err
