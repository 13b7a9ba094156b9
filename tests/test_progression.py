"""Harmony across time: harmonic rhythm per style, the twelve-bar blues run on across cuts, the walking bass
approaching the chord after a cut, and none of it reaching into a section an edit did not address.

The twelve-bar form and the idioms are written here from the textbook, not read from the style files.
"""

import pytest

from compose_plans import bikes_plan, long_plan
from conftest import bikes_like_analysis
from music_measures import top_line
from v2m.tools.music.compose import compose
from v2m.tools.music.harmony import parse_chord
from v2m.tools.style import load_style, style_names

# the twelve-bar blues, bar by bar: the chords each bar may hold (quick change in bar 2, V or IV in bar 10,
# a turnaround in bar 12)
TWELVE = [{"I7"}, {"I7", "IV7"}, {"I7"}, {"I7"}, {"IV7"}, {"IV7"}, {"I7"}, {"I7"}, {"V7"}, {"IV7", "V7"},
          {"I7"}, {"V7", "I7"}]


def _changes_per_4(arr) -> float:
    ch = arr.chord_changes
    return 4 * sum(1 for a, b in zip(ch, ch[1:]) if a[1] != b[1]) / arr.tempo_map.end_beat


def _sections(arr):
    tm = arr.tempo_map
    return [tm.section_bars(i) for i in range(max(b.section for b in tm.bars) + 1)]


def test_harmonic_rhythm_follows_the_style():
    rate = {s: _changes_per_4(compose(long_plan(s))) for s in ("jazz", "gospel", "classical", "rock", "ambient")}
    assert rate["jazz"] > 1.1 and rate["gospel"] > 1.1 and rate["classical"] > 1.5  # two chords in many bars
    assert rate["ambient"] < 0.8 < rate["rock"]  # a drone holds each chord two bars
    jazz = compose(long_plan("jazz"))
    # jazz bars that lead on: a dominant seventh on beat three falling a fifth into the next bar's chord,
    # after its own ii (a ii-V in one bar) or after the bar's chord (a secondary dominant)
    two_fives = leads = 0
    for bar in jazz.tempo_map.bars:
        inside = [(b - bar.start_beat, n) for b, n in jazz.chord_changes if bar.start_beat <= b < bar.end_beat]
        nxt = jazz.chord_at(bar.end_beat)
        if len(inside) == 2 and inside[1][0] == 2 and nxt:
            a, b, c = (parse_chord(n, jazz.key, jazz.mode) for n in (inside[0][1], inside[1][1], nxt))
            dominant = {(t - b.root) % 12 for t in b.tones} >= {4, 10}
            leads += dominant and (b.root - c.root) % 12 == 7
            two_fives += dominant and (a.root - b.root) % 12 == 7 and (a.tones[1] - a.root) % 12 == 3
    assert two_fives >= 1 and leads >= 4, (two_fives, leads)


@pytest.mark.parametrize("style", ["jazz", "gospel", "classical", "silent_film", "bossa", "tango"])
def test_melody_and_voicings_follow_the_chord_at_each_beat(style):
    arr = compose(long_plan(style))
    key, mode = arr.key, arr.mode
    mel = top_line([(n.pitch, n.start, n.dur) for n in arr.part("melody").notes])
    comp = next(p for p in arr.parts if p.role in ("harmony", "pad", "strings"))
    moved = strong = ok = 0
    for b, name in arr.chord_changes:
        bar = arr.tempo_map.bar_at_beat(b)
        if b == bar.start_beat:
            continue
        moved += 1
        pcs = parse_chord(name, key, mode).pcs
        struck = {n.pitch % 12 for n in comp.notes if abs(n.start - b) < 0.05}
        assert not struck or struck <= pcs | {(min(pcs) + 2) % 12} or len(struck - pcs) <= 1, (b, name, struck)
        for p, on, _ in mel:
            if abs(on - b) < 1e-6:  # a melody note struck on the change is a tone of the new chord
                strong += 1
                ok += p % 12 in pcs
    assert moved >= 4
    assert strong == 0 or ok / strong >= 0.75


def _assert_the_form_runs_on(arr) -> None:
    """Every section's bars follow the twelve-bar form, each starting where the one before left it."""
    assert "V7" in arr.chords and "IV7" in arr.chords and arr.chords[-1] == "I7"
    positions = []  # where in the twelve bars each section may start
    sections = _sections(arr)
    for k, bars in enumerate(sections):
        body = [arr.chords[b.index] for b in bars[:-1]]  # the bar before a cut may be a turnaround
        if k == len(sections) - 1:
            body = body[:-1]  # the piece's V7 - I7 ending
        fits = [p for p in range(12) if all(c in TWELVE[(p + j) % 12] for j, c in enumerate(body))]
        assert fits, (k, body)
        positions.append((fits, len(bars)))
    # the form goes on where the last section left it (give or take the bar a bent tempo adds or takes)
    restarts = 0
    for (before, n), (after, _) in zip(positions, positions[1:]):
        assert any((a - b - n) % 12 in (0, 1, 11) for a in after for b in before), (before, n, after)
        restarts += after == [0]
    assert restarts < len(positions) - 1


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_blues_runs_its_twelve_bars_on_across_cuts(seed):
    _assert_the_form_runs_on(compose(long_plan("blues", seed=seed)))


def _long_analysis():
    """40 s of shots 4.2-7.4 s long, cut by cut, for a planner to make several sections of."""
    from v2m.tools.contract import Shot, Transition

    edges = [0, 5.2, 9.4, 16.8, 21.6, 27.2, 33.0, 40.0]
    shots = [Shot(index=i, start_s=a, end_s=b, start_frame=round(a * 25), end_frame=round(b * 25),
                  transition_in="start" if i == 0 else "cut") for i, (a, b) in enumerate(zip(edges, edges[1:]))]
    cuts = [Transition(kind="cut", time_s=t, start_s=t, end_s=t, frame=round(t * 25)) for t in edges[1:-1]]
    return bikes_like_analysis(duration_s=40.0, n_frames=1000, shots=shots, transitions=cuts,
                               motion=[0.3 + 0.3 * (i % 300 > 150) for i in range(1000)])


def test_the_rules_planner_writes_the_form_on_across_sections():
    from v2m.agent.planners.rules import RulesPlanner

    plan = RulesPlanner().plan(_long_analysis(), "a smoky blues").plan
    assert plan.style == "blues" and len(plan.sections) >= 3
    arr = compose(plan)
    _assert_the_form_runs_on(arr)
    ok, n = _approaches(arr, plan)
    assert ok == n


def _approaches(arr, plan) -> tuple[int, int]:
    """Cuts where the bass walks (or plays an approach) into the next section, and those where its last note
    is a half or whole step from the next section's first bass note."""
    bass = arr.part("bass").notes
    style = load_style(plan.style)
    ok = n = 0
    for i in range(len(plan.sections) - 1):
        level = style.level(plan.sections[i].energy).bass
        a = [x for x in bass if x.section == i]
        b = [x for x in bass if x.section == i + 1]
        if not a or not b or not (level == "walk" or "A" in level):
            continue
        d = (max(a, key=lambda x: x.start).pitch - min(b, key=lambda x: x.start).pitch) % 12
        n += 1
        ok += min(d, 12 - d) in (1, 2)
    return ok, n


def test_the_walking_bass_approaches_the_chord_after_every_cut():
    ok = n = 0
    for style in style_names():
        for seed in (0, 1):
            o, k = _approaches(compose(long_plan(style, seed=seed)), long_plan(style, seed=seed))
            ok, n = ok + o, n + k
    assert n >= 10 and ok == n, (ok, n)


@pytest.mark.parametrize("edit", ["chords", "tempo", "take", "energy"])
def test_an_edit_to_the_next_section_leaves_the_approach_into_it_alone(edit):
    plan = bikes_plan("jazz")
    before = compose(plan)
    edited = plan.model_copy(deep=True)
    sec = edited.sections[1]
    if edit == "chords":
        sec.chords = ["bVII7", "IV7"]
    elif edit == "tempo":
        sec.tempo_bpm = plan.tempo_bpm * 0.8
    elif edit == "take":
        sec.take = 3
    else:
        sec.energy = 0.05
    after = compose(edited)
    assert after.section_notes(1) != before.section_notes(1)
    assert after.section_notes(0) == before.section_notes(0)
    assert after.section_notes(2) == before.section_notes(2)


def test_the_walking_bass_approaches_every_chord_change_inside_a_section():
    plan = long_plan("jazz")
    arr = compose(plan)
    style = load_style("jazz")
    bass = sorted(arr.part("bass").notes, key=lambda n: n.start)
    ok = n = 0
    for beat, _ in arr.chord_changes:
        bar = arr.tempo_map.bar_at_beat(beat)
        first = arr.tempo_map.section_bars(bar.section)[0]
        if style.level(plan.sections[bar.section].energy).bass != "walk" or beat == first.start_beat:
            continue
        before = [x for x in bass if x.start < beat - 1e-6 and x.section == bar.section]
        at = [x for x in bass if abs(x.start - beat) < 0.05]
        if before and at:
            d = (before[-1].pitch - at[0].pitch) % 12
            n += 1
            ok += min(d, 12 - d) in (1, 2)
    assert n >= 20 and ok == n, (ok, n)
