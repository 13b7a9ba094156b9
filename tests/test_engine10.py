"""Every style sounds what the plan says (notes ENGINE10), checked on the composed MIDI read back, on synthetic clips:
(1) a stop sounds on its beat, a short chord or a kick, then silence, including a stop on the clip's last frame, which
the tempo map may put after the last bar line (before: no note was written there, so "button it on the last frame"
in folk, funk or synthwave left the end unmarked); (2) energy rising across sections raises what is heard (note
weight: velocity summed over the notes started, per second), also when the last section is one bar long, which was
all ending: one held chord whatever its energy (before: "the logo at the end should feel like a door opening" in
electronic went 898 -> 885 per second)."""

from __future__ import annotations

import pytest
from compose_plans import composed_midi, sections_plan
from dialogue_check import clip_analysis

from v2m.agent.dialogue.session import Session
from v2m.tools.contract import HitPoint
from v2m.tools.music.compose import STOP_BUTTON_BEATS, compose
from v2m.tools.style import load_style, style_names

STYLES = style_names()
EPS = 1e-3




def _struck(pm, t: float, tol: float = 0.01) -> bool:
    """A chord (three notes of one instrument together) or a kick or cymbal starts within `tol` of t."""
    for inst in pm.instruments:
        at = [n for n in inst.notes if abs(n.start - t) < tol]
        if inst.is_drum and any(n.pitch in (35, 36, 49, 51, 52, 55, 57) for n in at) or len(at) >= 3:
            return True
    return False


def _weight(pm, a: float, b: float) -> float:
    return sum(n.velocity for inst in pm.instruments for n in inst.notes if a - EPS <= n.start < b - EPS) / (b - a)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("at", [9.98, 6.3])  # the bikes clip's last frame; inside its middle section
def test_a_stop_sounds_on_its_beat_then_silence(style, at):
    plan = sections_plan(style, [0.0, 3.04, 7.48], [0.3, 0.6, 0.9], 10.0,
                 [HitPoint(time_s=t, kind="crash") for t in (3.04, 7.48)] + [HitPoint(time_s=at, kind="stop")])
    arr, pm = composed_midi(plan)
    assert _struck(pm, at), [(round(n.start, 3), n.pitch) for i in pm.instruments for n in i.notes
                             if n.start > at - 0.5]
    tmap = arr.tempo_map
    beat = tmap.s_to_beat(at)
    quiet_until = min(tmap.beat_to_s(beat + tmap.bar_at_beat(beat).beats),
                      min([s.start_s for s in plan.sections if s.start_s > at + EPS], default=plan.duration_s))
    after = [n for i in pm.instruments for n in i.notes
             if tmap.beat_to_s(beat + STOP_BUTTON_BEATS) + EPS < n.start < quiet_until - EPS]
    assert not after  # silence after the button, until the next section or the end
    sounding = [n for i in pm.instruments for n in i.notes if n.start < at - EPS and n.end > at + 0.05]
    assert not sounding  # nothing held through the stop


@pytest.mark.parametrize("style", STYLES)
def test_a_stop_writes_nothing_where_the_plan_has_none(style):
    crashes = [HitPoint(time_s=t, kind="crash") for t in (3.04, 7.48)]
    plan = sections_plan(style, [0.0, 3.04, 7.48], [0.3, 0.6, 0.9], 10.0, crashes)
    stopped = plan.model_copy(update={"hit_points": plan.hit_points + [HitPoint(time_s=9.98, kind="stop")]})
    a, b = compose(plan), compose(stopped)
    assert a.section_notes(0) == b.section_notes(0) and a.section_notes(1) == b.section_notes(1)


@pytest.mark.parametrize("style", STYLES)
def test_energy_rising_across_sections_is_heard(style):
    # three sections of about four bars each, softest to loudest, then a quiet last one
    st = load_style(style)
    bar_s = int(st.meter[0]) * 60.0 / st.default_tempo_bpm
    edges = [round(k * 4 * bar_s, 2) for k in range(4)]
    plan = sections_plan(style, edges, [0.15, 0.5, 0.9, 0.3], edges[3] + 2 * bar_s)
    _, pm = composed_midi(plan)
    w = [_weight(pm, a, b) for a, b in zip(edges, edges[1:])]
    assert w[0] < w[1] < w[2], w


@pytest.mark.parametrize("style", STYLES)
def test_a_rise_into_a_one_bar_last_section_is_heard(style):
    # the shape of "the logo at the end should feel like a door opening": three one-bar sections rising to the end
    st = load_style(style)
    bar_s = int(st.meter[0]) * 60.0 / st.default_tempo_bpm
    edges = [round(4 * bar_s + k * bar_s, 2) for k in range(3)]
    duration = round(edges[-1] + 0.9 * bar_s, 2)
    plan = sections_plan(style, [0.0] + edges, [0.8, 0.28, 0.53, 0.77], duration)
    arr, pm = composed_midi(plan)
    third = (duration - edges[0]) / 3
    assert _weight(pm, edges[0], edges[0] + third) < _weight(pm, duration - third, duration)
    # at the softest level the last bar keeps its one held chord: fewer notes than the big finish
    quiet = compose(sections_plan(style, [0.0] + edges, [0.8, 0.28, 0.53, 0.2], duration))
    assert len(quiet.section_notes(3)) < len(arr.section_notes(3))


def test_button_it_on_the_last_frame_in_folk_sounds_at_the_end(tmp_path):
    # the turn of f-me-bikes-spot: folk (a "light indie score"), a stop on the last frame of the real bikes clip
    a = clip_analysis("bikes")
    s = Session.open(a.source, "light indie score for the bike montage", workdir=tmp_path / "store", analysis=a,
                     render=False)
    assert s.plan.style == "folk"
    before = s.plan
    s.say("Button it on the last frame.")
    stops = [h.time_s for h in s.plan.hit_points if h.kind == "stop"]
    assert stops and stops[-1] > 9.9 and s.plan != before
    _, pm = composed_midi(s.plan)
    assert _struck(pm, stops[-1], tol=0.03)
