"""A language-model planner inside the real pipeline: `score(..., planner="scripted")` on bikes.mp4.

The scripted model first answers with prose, is re-asked, then writes a plan; the run's folder must
hold that plan, the model's reasoning and the attempt log in reasoning.md, and the warnings in config.json.
"""

from __future__ import annotations

import json

import pytest

from llm_kit import BIKES, fenced, plan_dict
from v2m.tools.contract import ScorePlan



@pytest.mark.slow
def test_pipeline_scores_with_a_model_plan_and_keeps_its_reasoning(tmp_path):
    from v2m.agent.pipeline import score

    replies = ["The bikes are fast. I would use jazz.",
               fenced(plan_dict(tempo_bpm=150), before="Cyclists racing in daylight: a quick swing.")]
    run = score(BIKES, "score this in jazz", tmp_path / "out", planner="scripted",
                planner_options={"replies": replies})
    plan = ScorePlan.model_validate_json((tmp_path / "out" / "plan.json").read_text())
    assert plan.tempo_bpm == 150 and plan.style == "jazz" and plan.sections[1].start_s == 3.04
    reasoning = (tmp_path / "out" / "reasoning.md").read_text()
    assert "Cyclists racing in daylight" in reasoning
    assert "attempt 1: no JSON object found" in reasoning and "attempt 2: valid plan" in reasoning
    assert run.files["video"].exists() and run.reply.startswith("Planned jazz at 150 bpm")
    config = json.loads((tmp_path / "out" / "config.json").read_text())
    assert config["config"]["planner"] == "scripted"


@pytest.mark.slow
def test_pipeline_survives_a_model_that_never_plans(tmp_path):
    from v2m.agent.pipeline import score

    run = score(BIKES, "score this in jazz", tmp_path / "out", planner="scripted",
                planner_options={"replies": ["no", "still no", "```json\n{\"style\": 5}\n```"]})
    config = json.loads((tmp_path / "out" / "config.json").read_text())
    assert any("used the rules planner instead" in w for w in config["warnings"])
    assert "**Warning:**" in (tmp_path / "out" / "reasoning.md").read_text()
    from v2m.agent.planners.base import get_planner

    assert run.files["video"].exists()
    assert run.plan == get_planner("rules").plan(run.analysis, "score this in jazz").plan
