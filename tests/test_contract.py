"""The contract rejects what a model could get wrong, and its schema is exportable."""

import json

import pytest
from pydantic import ValidationError

from cli_run import v2m
from v2m.tools.contract import ScorePlan, Section, VideoAnalysis


def plan_dict(**over):
    d = dict(duration_s=10.0, style="jazz", tempo_bpm=120, key="F", mode="major",
             sections=[dict(name="intro", start_s=0, end_s=4), dict(name="outro", start_s=4, end_s=10)])
    d.update(over)
    return d


def test_valid_plan_round_trips_through_json():
    plan = ScorePlan(**plan_dict(hit_points=[{"time_s": 4.0, "kind": "crash"}]))
    again = ScorePlan.model_validate_json(plan.model_dump_json())
    assert again == plan
    assert plan.section_at(5.0) == 1 and plan.boundaries_s == [4.0]


@pytest.mark.parametrize("bad, message", [
    (dict(tempo="fast"), "Extra inputs"),                                    # unknown field
    (dict(style="polka-metal"), "unknown style"),
    (dict(key="H"), "tonic"),
    (dict(tempo_bpm=900), "less than or equal"),
    (dict(sections=[dict(name="a", start_s=0, end_s=4), dict(name="b", start_s=5, end_s=10)]), "without gaps"),
    (dict(sections=[dict(name="a", start_s=0, end_s=8)]), "video lasts"),
    (dict(hit_points=[{"time_s": 12}]), "after the end"),
    (dict(instrumentation={"melody": "Kazoo 9000"}), "unknown General MIDI"),
    (dict(instrumentation={"drums": "Jazz", "vocals": "Choir Aahs"}), "unknown role"),
])
def test_invalid_plans_are_rejected_with_a_reason(bad, message):
    with pytest.raises(ValidationError, match=message):
        ScorePlan(**plan_dict(**bad))


def test_section_roles_are_checked():
    with pytest.raises(ValidationError, match="unknown instrument roles"):
        Section(name="a", start_s=0, end_s=1, instruments=["kazoo"])


def test_schema_command_prints_both_schemas():
    for which, title in (("plan", "ScorePlan"), ("analysis", "VideoAnalysis")):
        r = v2m("schema", which)
        assert r.returncode == 0, r.stderr
        schema = json.loads(r.stdout)
        assert schema["title"] == title and schema["additionalProperties"] is False


def test_analysis_properties(tmp_path):
    from conftest import bikes_like_analysis

    a = bikes_like_analysis()
    assert a.cuts_s == [1.2, 3.04, 5.48, 7.48, 9.68]
    assert VideoAnalysis.model_validate_json(a.model_dump_json()) == a
