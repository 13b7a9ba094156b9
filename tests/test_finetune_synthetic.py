"""The synthetic corpus: clips whose analysis finds the cuts that were written, the same bytes for the
same seed, targets that are valid plans of the rules planner, and edits chained as in a chat."""

from __future__ import annotations

import json
import pytest

from v2m.finetune.synthetic import ClipSpec, ShotSpec, build_synthetic, check_truth
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError


def test_known_pacing_is_what_the_analysis_measures(tmp_path):
    build_synthetic(tmp_path, clips=4, seed=7, turns=2)
    lines = [json.loads(x) for x in (tmp_path / "sft.jsonl").read_text().splitlines()]
    assert {e["meta"]["kind"] for e in lines} == {"plan", "revise"}
    for ex in lines:
        folder = tmp_path / "clips" / ex["meta"]["video"].split("/")[-2]
        truth = json.loads((folder / "truth.json").read_text())
        spec = ClipSpec(name=folder.name, pacing=truth["pacing"], shots=tuple(ShotSpec(**s) for s in truth["shots"]))
        analysis = VideoAnalysis.model_validate_json((folder / "analysis.json").read_text())
        assert check_truth(analysis, spec) == [], folder.name          # every written cut found, no other
        assert abs(analysis.duration_s - spec.duration_s) < 0.1
        assert (len(spec.shots) >= 3) == (spec.pacing == "fast")
        text = ex["messages"][-1]["content"]
        plan = ScorePlan.model_validate_json(text[text.index("{"):])
        assert abs(plan.duration_s - analysis.duration_s) < 1e-6
        if ex["meta"]["kind"] == "revise":
            current = ScorePlan.model_validate_json(ex["meta"]["current"])
            assert current != plan and ex["meta"]["request"] in ex["messages"][1]["content"]


def test_the_same_seed_writes_the_same_corpus(tmp_path):
    a = build_synthetic(tmp_path, clips=2, seed=11, turns=1)
    first = (tmp_path / "sft.jsonl").read_bytes()
    with pytest.raises(V2MError, match="already exists"):
        build_synthetic(tmp_path, clips=2, seed=11)
    assert build_synthetic(tmp_path, clips=2, seed=11, turns=1, force=True) == a
    assert (tmp_path / "sft.jsonl").read_bytes() == first
    other = tmp_path / "other"
    build_synthetic(other, clips=2, seed=12, turns=1)
    assert (other / "sft.jsonl").read_bytes() != first
    with pytest.raises(V2MError, match="--clips"):
        build_synthetic(tmp_path / "none", clips=0)
