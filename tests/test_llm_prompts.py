"""Prompts are data: every template renders strictly, and every example plan obeys the contract."""

from __future__ import annotations

import jinja2
import pytest

from llm_kit import bikes_analysis
from v2m.agent.planners.facts import facts_sheet, schema_brief
from v2m.agent.planners.reply import clean_abc, musical_errors
from v2m.prompts.templates import TEMPLATE_NAMES, example_json, example_plans, prompt_version, render
from v2m.tools.contract import ScorePlan, Shot, VideoAnalysis

CTX = dict(request="in jazz", facts="- input: video", schema="ScorePlan: ...", styles="jazz", roles="bass",
           duration_s="10.00", abc=True, example="{}", plan="{}", errors=["e1", "e2"], attempt=1, attempts=3,
           whats="tempo, energy", cuts="1.20 s")


def test_every_template_renders_and_missing_variables_raise():
    for name in TEMPLATE_NAMES:
        text = render(name, **CTX)
        assert text and "{{" not in text and "{%" not in text
    assert "e2" in render("reask", **CTX) and "in jazz" in render("analyse", **CTX)
    assert "melody_abc" in render("plan", **CTX) and "Leave `melody_abc` null" in render("plan", **CTX | {"abc": False})
    with pytest.raises(jinja2.UndefinedError):
        render("analyse", request="in jazz")  # facts missing: an error, never an empty hole in the prompt
    with pytest.raises(KeyError):
        render("nope")
    assert prompt_version() >= 1


def _analysis_for(plan: ScorePlan) -> VideoAnalysis:
    n = max([k for s in plan.sections for k in s.shots] + [0]) + 1
    step = plan.duration_s / n
    shots = [Shot(index=i, start_s=i * step, end_s=(i + 1) * step, start_frame=i * 25, end_frame=(i + 1) * 25)
             for i in range(n)]
    return VideoAnalysis(source="x.mp4", duration_s=plan.duration_s, fps=25, width=64, height=64,
                         n_frames=int(plan.duration_s * 25), shots=shots, motion_hop_s=0.5)


def test_example_plans_validate_against_the_contract_and_musical_sense():
    examples = example_plans()
    assert len(examples) >= 3
    for name, data in examples.items():
        plan = ScorePlan.model_validate(data)
        assert musical_errors(plan, _analysis_for(plan)) == [], name
        for s in plan.sections:
            if s.melody_abc:
                cleaned, repairs, err = clean_abc(s.melody_abc)
                assert err is None and repairs == [] and cleaned == s.melody_abc, (name, err)
    assert ScorePlan.model_validate_json(example_json("rock_bikes")).style == "rock"


def test_facts_sheet_carries_the_measured_cuts_and_schema_brief_every_field():
    text = facts_sheet(bikes_analysis())
    for t in ("1.20", "3.04", "5.48", "7.48", "9.68"):
        assert t in text
    assert "10.00 s" in text and "bright, energetic" in text and "shots: 6" in text
    brief = schema_brief()
    for field in list(ScorePlan.model_fields) + ["melody_abc", "time_s", "locked"]:
        if field != "schema_version":
            assert f"{field}:" in brief, field
