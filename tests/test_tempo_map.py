"""Steady time: one tempo per cue, bent a few percent at most, whole bars, every hit on a beat or offbeat."""

from __future__ import annotations

import math

import pytest

from compose_plans import long_plan
from edit_clips import long_clip, make_analysis
from v2m.agent.planners.base import get_planner
from v2m.tools.contract import HitPoint, ScorePlan, Section
from v2m.tools.music.tempo_map import FREE_MEAN_SLACK, FREE_TEMPO_SLACK, TEMPO_SLACK, build_tempo_map, swing_beat
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


def strays(plan, tmap) -> list[float]:
    """Per section: |log| of the tempo its beats make over the wanted one (the section's or the plan's)."""
    out = []
    for s in plan.sections:
        beats = tmap.s_to_beat(s.end_s) - tmap.s_to_beat(s.start_s)
        out.append(abs(math.log(beats * 60.0 / s.duration_s / (s.tempo_bpm or plan.tempo_bpm))))
    return out


def midi_mean_bpm(path, duration_s: float) -> float:
    """Beats the MIDI file's tempo events play over the video, per minute."""
    import pretty_midi

    times, tempi = pretty_midi.PrettyMIDI(str(path)).get_tempo_changes()
    ends = [*times[1:], duration_s]
    return sum((min(b, duration_s) - a) * bpm / 60.0 for a, b, bpm in zip(times, ends, tempi) if a < duration_s) \
        * 60.0 / duration_s


def test_a_planner_tempo_moves_to_keep_bars_whole():
    """ambient at 70 BPM, first cue 5.3 s: whole bars need 12 beats (~80 BPM); the planner's own tempo may
    go there, a tempo a person asked for may not and takes a 2/4 bar instead."""
    st = load_style("ambient")
    free = long_plan("ambient", seed=0)
    asked = free.model_copy(update={"tempo_asked": True})
    tm_free, tm_asked = build_tempo_map(free, st), build_tempo_map(asked, st)
    off_free = sum(b.beats != 4 for b in tm_free.bars)
    assert off_free / len(tm_free.bars) <= 0.10 and off_free < sum(b.beats != 4 for b in tm_asked.bars)
    assert TEMPO_SLACK + 0.02 < max(strays(free, tm_free)) < FREE_TEMPO_SLACK + 0.02
    assert max(strays(asked, tm_asked)) <= TEMPO_SLACK + 0.005
    assert [b.beats for b in tm_free.section_bars(0)] == [4, 4, 4]


def test_a_planner_tempo_keeps_its_mean_over_the_score():
    """bossa at 133 BPM on cuts every 4 s: every cue would take 8 beats (120 BPM) for whole bars, so what
    plays would be ~10% slower than the plan says and a later "10% faster" would land near the old number;
    the score's mean tempo stays the plan's instead."""
    clip = long_clip(60.0, 4.0)
    plan = get_planner("rules").plan(clip, "bossa").plan
    tmap = build_tempo_map(plan, load_style("bossa"))
    assert not plan.tempo_asked and len(plan.sections) > 3
    assert abs(math.log(tmap.end_beat * 60.0 / plan.duration_s / plan.tempo_bpm)) <= FREE_MEAN_SLACK


def test_the_rules_planner_marks_only_a_tempo_the_request_names():
    clip = long_clip(20.0, 4.0)
    assert get_planner("rules").plan(clip, "jazz at 90 bpm").plan.tempo_asked
    assert not get_planner("rules").plan(clip, "slow calm jazz").plan.tempo_asked  # the planner's reading
    fast = get_planner("rules").plan(clip, "jazz at 400 bpm").plan    # beyond what v2m plays: clamped, said
    assert fast.tempo_bpm == 240 and not fast.tempo_asked and "asks for 400 BPM" in fast.reasoning


def test_a_persons_tempo_edit_is_heard_in_the_midi(tmp_path):
    """ambient's 60 s plan at 87.5 BPM, "20% slower": the edit marks 70 BPM as asked, so every cue keeps it
    within ~8% (the first cue takes a 2/4 bar) and the MIDI's mean tempo is 70 within ~8%; left free, the
    first cue would move to ~82 BPM for whole bars."""
    from v2m.tools.music.compose import compose

    first = long_plan("ambient", seed=0).model_copy(update={"tempo_bpm": 87.5})
    clip = make_analysis(60.0, 25.0, [round(h.time_s * 25) for h in first.hit_points])
    assert not first.tempo_asked
    new = get_planner("rules").revise(clip, first, "20% slower").plan
    assert new.tempo_asked and new.tempo_bpm == 70.0
    st = load_style("ambient")
    assert max(strays(new, build_tempo_map(new, st))) <= TEMPO_SLACK + 0.005
    heard = midi_mean_bpm(compose(new).write_midi(tmp_path / "score.mid"), new.duration_s)
    assert abs(math.log(heard / new.tempo_bpm)) <= TEMPO_SLACK
    free = new.model_copy(update={"tempo_asked": False})
    assert max(strays(free, build_tempo_map(free, st))) > TEMPO_SLACK + 0.02
    # going back to the first tempo frees it again, as it was
    back = get_planner("rules").revise(clip, new, "back to the original tempo", history=[first, new]).plan
    assert back.tempo_bpm == first.tempo_bpm and not back.tempo_asked
