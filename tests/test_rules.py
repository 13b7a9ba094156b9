"""The rules planner: sections follow the shots, every cut is a boundary or a hit point."""

import pytest

from conftest import bikes_like_analysis
from v2m.agent.planners.base import get_planner
from v2m.agent.planners.rules import MIN_SECTION_BARS, SECTION_SLACK, RulesPlanner
from v2m.tools.contract import Mood, Shot, VideoAnalysis


def bar_s(plan):
    return int(plan.meter.split("/")[0]) * 60 / plan.tempo_bpm


@pytest.mark.parametrize("request_text", ["", "score this in jazz", "fast rock", "calm ambient", "epic, 150 bpm"])
def test_every_cut_is_a_boundary_or_hit_point_and_sections_are_two_bars(request_text):
    a = bikes_like_analysis()
    plan = get_planner("rules").plan(a, request_text).plan
    marks = set(plan.boundaries_s) | {h.time_s for h in plan.hit_points}
    for cut in a.cuts_s:
        assert any(abs(cut - m) < 1e-3 for m in marks), cut
    for s in plan.sections:
        assert s.duration_s >= MIN_SECTION_BARS * bar_s(plan) * SECTION_SLACK - 1e-6 or len(plan.sections) == 1
    assert plan.sections[0].start_s == 0 and plan.sections[-1].end_s == a.duration_s
    # Each boundary is on a cut: sections are tied to shots.
    for b in plan.boundaries_s:
        assert any(abs(b - c) < 1e-3 for c in a.cuts_s)


def test_request_words_choose_style_tempo_and_mode():
    a = bikes_like_analysis()
    p = RulesPlanner().plan(a, "score this in jazz").plan
    assert p.style == "jazz" and p.meter == "4/4"
    assert RulesPlanner().plan(a, "score this film in jazz").plan.style == "jazz"  # a name beats a mood word
    p = RulesPlanner().plan(a, "rock in D minor at 100 bpm").plan
    assert (p.style, p.key, p.mode, p.tempo_bpm) == ("rock", "D", "minor", 100)
    slow = RulesPlanner().plan(a, "slow jazz").plan.tempo_bpm
    fast = RulesPlanner().plan(a, "fast jazz").plan.tempo_bpm
    assert slow < RulesPlanner().plan(a, "jazz").plan.tempo_bpm < fast
    assert RulesPlanner().plan(a, "dark jazz").plan.mode == "minor"


def test_no_style_word_lets_the_picture_choose():
    calm = bikes_like_analysis(mood=Mood(valence=0.3, arousal=0.1))
    busy = bikes_like_analysis(mood=Mood(valence=0.3, arousal=0.9))
    assert RulesPlanner().plan(calm, "").plan.style == "ambient"
    assert RulesPlanner().plan(busy, "").plan.style == "rock"


def test_a_long_clip_without_cuts_is_split_into_phrases():
    shot = Shot(index=0, start_s=0, end_s=60, start_frame=0, end_frame=1500)
    a = VideoAnalysis(source="x", duration_s=60, fps=25, width=64, height=64, n_frames=1500, shots=[shot],
                      motion_hop_s=0.5, motion=[0.2] * 120)
    plan = RulesPlanner().plan(a, "jazz").plan
    assert len(plan.sections) >= 3 and not plan.hit_points
    assert plan.sections[0].name == "intro" and plan.sections[-1].name == "outro"


def test_reasoning_explains_scene_mood_pacing_and_decisions():
    r = RulesPlanner().plan(bikes_like_analysis(), "in jazz")
    for heading in ("Scene", "Mood", "Pacing", "Decisions"):
        assert heading in r.reasoning
    assert "1.20 s" in r.reasoning and "jazz" in r.reply
