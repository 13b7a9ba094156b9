"""Steady time: one tempo per cue, bent a few percent at most, whole bars, every hit on a beat or offbeat."""

from __future__ import annotations

import pytest

from compose_plans import long_plan
from v2m.tools.contract import HitPoint, ScorePlan, Section
from v2m.tools.music.tempo_map import build_tempo_map, swing_beat
from v2m.tools.style import load_style, style_names


def spreads(tmap) -> dict[int, float]:
    """Per section: fastest over slowest tempo of its segments, minus one."""
    tempos: dict[int, list[float]] = {}
    for beat, _t, spb in tmap.segments:
        tempos.setdefault(tmap.bar_at_beat(beat).section, []).append(60.0 / spb)
    return {k: max(v) / min(v) - 1.0 for k, v in tempos.items()}


@pytest.mark.parametrize("style", list(style_names()))
def test_sixty_seconds_of_cuts_keep_the_meter_and_a_steady_tempo(style):
    st = load_style(style)
    meter = int(st.meter.split("/")[0])
    for seed in (0, 1):
        plan = long_plan(style, seed=seed)
        tmap = build_tempo_map(plan, st)
        off = sum(b.beats != meter for b in tmap.bars) / len(tmap.bars)
        assert off <= 0.10, (seed, off, tmap.notes)
        assert max(spreads(tmap).values()) <= 0.08, (seed, spreads(tmap))
        # every hit kept, each exactly at its time, on a grid point of its beat
        assert len(tmap.hits) == len([h for h in plan.hit_points if h.time_s not in plan.boundaries_s])
        for beat, t in tmap.hits:
            assert abs(tmap.beat_to_s(swing_beat(beat, st.swing, st.swing_unit)) - t) < 1e-6
            assert (beat * 4) % 1 == 0
        for b in tmap.bars:
            if b.anchor == "boundary":
                assert any(abs(b.start_s - s) < 1e-6 for s in plan.boundaries_s)


def test_a_cue_too_short_for_a_bar_changes_meter_and_says_why():
    plan = ScorePlan(duration_s=12.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                     sections=[Section(name="a", start_s=0, end_s=4.0, energy=0.5),
                               Section(name="b", start_s=4.0, end_s=5.0, energy=0.5),
                               Section(name="c", start_s=5.0, end_s=12.0, energy=0.5)],
                     hit_points=[HitPoint(time_s=2.1)])
    tmap = build_tempo_map(plan, load_style("rock"))
    assert [b.beats for b in tmap.section_bars(1)] != [4]
    assert tmap.notes and "section 1 (b)" in tmap.notes[0] and "meter change" in tmap.notes[0]
    assert all(b.beats == 4 for b in tmap.section_bars(0))
