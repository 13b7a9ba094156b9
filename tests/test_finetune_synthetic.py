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


def test_short_reasoning_states_the_decisions_of_the_same_plans(tmp_path):
    build_synthetic(tmp_path / "why", clips=2, seed=5, turns=1)
    build_synthetic(tmp_path / "short", clips=2, seed=5, turns=1, reasoning="short")
    why, short = ([json.loads(x) for x in (tmp_path / d / "sft.jsonl").read_text().splitlines()] for d in ("why", "short"))
    assert len(why) == len(short)
    for a, b in zip(why, short):
        ta, tb = a["messages"][-1]["content"], b["messages"][-1]["content"]
        assert ta[ta.index("{"):] == tb[tb.index("{"):]                 # the same plan, only the prose differs
        if a["meta"]["kind"] == "plan":
            plan = ScorePlan.model_validate_json(tb[tb.index("{"):])
            assert tb[:tb.index("{")].strip() == (f"Style: {plan.style}. Tempo: {plan.tempo_bpm:g} BPM. "
                                                  f"Key: {plan.key} {plan.mode}.")
            assert len(tb) < len(ta)
        else:
            assert ta == tb                                             # an edit's reasoning is what changed
    with pytest.raises(V2MError, match="reasoning 'long'"):
        build_synthetic(tmp_path / "bad", clips=1, reasoning="long")


def test_facts_reasoning_and_compact_targets_keep_the_rules_planners_decisions(tmp_path):
    from v2m.agent.planners.reply import parse_reply
    from v2m.finetune.evaluate import grade
    from v2m.finetune.recipe import example_analysis

    build_synthetic(tmp_path / "full", clips=2, seed=5, turns=1, requests=3)
    build_synthetic(tmp_path / "compact", clips=2, seed=5, turns=1, requests=3, reasoning="facts", target="compact")
    full, small = ([json.loads(x) for x in (tmp_path / d / "sft.jsonl").read_text().splitlines()]
                   for d in ("full", "compact"))
    assert len(full) == len(small) and sum(e["meta"]["kind"] == "plan" for e in small) == 6  # 3 requests a clip
    for a, b in zip(full, small):
        assert a["meta"]["request"] == b["meta"]["request"]
        prompt, answer = b["messages"][1]["content"], b["messages"][-1]["content"]
        head, body = answer[:answer.index("{")], answer[answer.index("{"):]
        analysis = example_analysis(a)
        row = grade(answer, a, analysis)                               # against the full reference
        assert row["usable"] == row["style"] == row["tempo"] == row["key"] == row["instruments"] == 1.0
        assert row["cut_marks"] in (None, 1.0)
        if b["meta"]["kind"] == "revise":
            assert head.startswith(f'The user now says: "{b["meta"]["request"]}"\n')
            assert body == a["messages"][-1]["content"][a["messages"][-1]["content"].index("{"):]  # the whole plan
            assert row["edit_following"] == row["contract"] == 1.0
            continue
        # The answer opens by restating the request and facts in the prompt's own words, then decides.
        request_line, length, cuts, decisions = head.strip().splitlines()
        assert request_line == f'The user asks: "{b["meta"]["request"]}"' and request_line in prompt
        assert length in prompt and cuts in prompt and cuts.startswith("- shots: ")
        compact = ScorePlan.model_validate_json(body)                  # the contract as written, no repair
        assert '"style": "' in body and "musicgen_prompt" not in body and "request" not in body
        ref = a["messages"][-1]["content"]
        ref = ScorePlan.model_validate_json(ref[ref.index("{"):])
        assert decisions == f"Style: {ref.style}. Tempo: {ref.tempo_bpm:g} BPM. Key: {ref.key} {ref.mode}."
        assert (compact.style, compact.tempo_bpm, compact.key, compact.mode) == (ref.style, ref.tempo_bpm, ref.key, ref.mode)
        assert [(round(s.start_s, 2), round(s.end_s, 2), s.energy) for s in ref.sections] == \
            [(s.start_s, s.end_s, s.energy) for s in compact.sections]
        assert parse_reply(answer, analysis, a["meta"]["request"]).plan is not None
    with pytest.raises(V2MError, match="target 'tiny'"):
        build_synthetic(tmp_path / "bad", clips=1, target="tiny")
    with pytest.raises(V2MError, match="--requests"):
        build_synthetic(tmp_path / "bad", clips=1, requests=0)
