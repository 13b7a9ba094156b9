"""Strict isolation (issue 11): an edit of one span changes the notes of that span only.

Built apart from the dialogue sets: synthetic clips (edit_clips.make_analysis) planned by the rules planner
in several styles, then each kind of span edit, said with explicit times in words written here, applied
through `apply_edit` to the first, a middle and the last section and to a span inside a section (which the
edit splits off). Every section of the old plan lying outside the sections the span touches must keep
its times and its notes (`Arrangement.section_notes`, beats relative to the section's start) exactly.
"""

from __future__ import annotations

import pytest
from edit_clips import make_analysis

from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.planners.base import get_planner
from v2m.tools.music.compose import compose

# each kind of span edit, in words; {a}/{b} the span's edges, {m} its middle (a moment)
EDITS = {
    "energy up": "more energy from {a} to {b}",
    "energy down": "calmer from {a} to {b}",
    "tempo up": "faster from {a} to {b}",
    "tempo down": "20% slower from {a} to {b}",
    "add": "add strings from {a} to {b}",
    "remove": "no melody from {a} to {b}",
    "remove kit": "no drums from {a} to {b}",
    "balance up": "bass louder from {a} to {b}",
    "balance down": "melody quieter from {a} to {b}",
    "keep only": "only the bass from {a} to {b}",
    "stop": "a dead stop at {m}",
    "crash": "a big crash at {m}",
    "fade out": "fade out from {a} to {b}",
    "build": "build up from {a} to {b}",
}
QUICK = ("energy up", "remove", "tempo down", "stop", "fade out")
STYLES = ("jazz", "rock", "classical", "epic_trailer", "bossa", "folk", "ambient", "electronic")
CLIPS = {  # (duration s, cut frames at 25 fps): uneven shots, and a longer even one
    "uneven": (23.0, [80, 190, 260, 400, 470]),
    "even": (40.0, [125, 250, 375, 500, 625, 750, 875]),
}


def clock(t: float) -> str:
    return f"{int(t // 60)}:{t % 60:05.2f}"


def span_of(plan, where: str) -> tuple[float, float]:
    """The span an edit addresses: a whole first / middle / last section, or the inside of the middle one."""
    n = len(plan.sections)
    s = plan.sections[{"first": 0, "middle": n // 2, "last": n - 1, "inside": n // 2}[where]]
    if where == "inside":
        return s.start_s + 0.3 * s.duration_s, s.start_s + 0.75 * s.duration_s
    return s.start_s, s.end_s


def leaks(analysis, plan, kind: str, where: str) -> list[str]:
    """What changed outside the edited span (empty when isolated); None when the edit was refused."""
    a, b = span_of(plan, where)
    said = EDITS[kind].format(a=clock(a), b=clock(b), m=clock((a + b) / 2))
    result = apply_edit(analysis, plan, said)
    if result.question:
        return None
    assert result.plan != plan, said
    # the sections the span touches may change; every other one is compared
    touched = [s for s in plan.sections if s.end_s > a + 1e-6 and s.start_s < b - 1e-6]
    lo, hi = touched[0].start_s, touched[-1].end_s
    before, after = compose(plan, analysis), compose(result.plan, analysis)
    new = {(s.start_s, s.end_s): (j, s) for j, s in enumerate(result.plan.sections)}
    out = []
    for i, s in enumerate(plan.sections):
        if lo - 1e-6 < s.start_s < hi - 1e-6 or lo + 1e-6 < s.end_s < hi + 1e-6:
            continue
        j, _ = new.get((s.start_s, s.end_s), (None, None))
        if j is None:
            out.append(f"{said!r}: section {s.start_s}-{s.end_s} was split or moved")
        elif before.section_notes(i) != after.section_notes(j):
            out.append(f"{said!r}: section {s.start_s}-{s.end_s} changed notes")
    return out


def plan_for(style: str, clip: str):
    duration, cuts = CLIPS[clip]
    analysis = make_analysis(duration, 25.0, cuts, source=f"{clip}.mp4")
    return analysis, get_planner("rules").plan(analysis, f"score this in {style}").plan


def test_span_edits_leave_the_other_sections_note_for_note():
    analysis, plan = plan_for("classical", "uneven")
    assert len(plan.sections) >= 3
    found = [leaks(analysis, plan, kind, where) for kind in QUICK for where in ("first", "last")]
    assert [f for f in found if f is None] == []  # every quick edit is understood
    assert [x for f in found for x in f] == []


def test_a_note_never_sounds_past_its_own_section():
    """A note held across a cut would be shortened or kept by what the next section plays."""
    for style in ("classical", "cinematic", "funk"):
        analysis, plan = plan_for(style, "even")
        arr = compose(plan, analysis)
        ends = {}
        for bar in arr.tempo_map.bars:
            ends[bar.section] = max(ends.get(bar.section, 0), bar.end_beat)
        over = [(p.role, n) for p in arr.parts for n in p.notes if n.start + n.dur > ends[n.section] + 1e-6]
        assert over == [], style


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("clip", sorted(CLIPS))
def test_every_kind_of_span_edit_anywhere_is_isolated(style, clip):
    analysis, plan = plan_for(style, clip)
    failures, understood = [], 0
    for where in ("first", "middle", "last", "inside"):
        for kind in EDITS:
            found = leaks(analysis, plan, kind, where)
            if found is not None:
                understood += 1
                failures += [f"{where}: {x}" for x in found]
    assert understood >= len(EDITS) * 3  # a refusal (no drums in ambient) is fine, silence is not
    assert failures == []


def test_the_tempo_maps_plan_wide_hold_is_not_tipped_by_one_sections_edit():
    """The free tempo is held when it drifts one way over the shots; asking a tempo in one section, adding
    a hit point in another or splitting a third must leave the other sections' bars (count and tempo)."""
    from v2m.tools.contract import HitPoint
    from v2m.tools.music.tempo_map import build_tempo_map
    from v2m.tools.style import load_style

    analysis, plan = plan_for("classical", "uneven")  # a plan near the drift line: any tip shows

    def bars(p, start_s):
        tmap = build_tempo_map(p, load_style(p.style))
        i = next(k for k, s in enumerate(p.sections) if s.start_s == start_s)
        return [(b.beats, round(b.sec_per_beat, 6)) for b in tmap.section_bars(i)]

    first, middle, last = plan.sections[0], plan.sections[1], plan.sections[-1]
    slower = plan.model_copy(deep=True)
    slower.sections[0] = first.model_copy(update={"tempo_bpm": round(plan.tempo_bpm * 0.8, 1), "tempo_asked": True})
    stop = plan.model_copy(deep=True)
    stop.hit_points = sorted([*plan.hit_points, HitPoint(time_s=(last.start_s + last.end_s) / 2, kind="stop",
                                                         source="user", strength=0.9)], key=lambda h: h.time_s)
    split = plan.model_copy(deep=True)
    cut = round(middle.start_s + 0.4 * middle.duration_s, 3)
    split.sections[1:2] = [middle.model_copy(update={"end_s": cut}), middle.model_copy(update={"start_s": cut})]
    for edited, kept in ((slower, [middle.start_s, last.start_s]), (stop, [first.start_s, middle.start_s]),
                         (split, [first.start_s, last.start_s])):
        assert edited != plan
        for start_s in kept:
            assert bars(edited, start_s) == bars(plan, start_s), start_s
