"""The rules planner's edit language on hand-made analyses: each edit does what was asked, sections it
did not address keep their exact values, and what it cannot do comes back as a question."""

from __future__ import annotations

import pytest
from edit_clips import bikes, long_clip, make_analysis, tempo_at

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.planners.base import get_planner
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.where import Ask, snap


@pytest.fixture(scope="module")
def clip():
    return bikes()


@pytest.fixture(scope="module")
def long60():
    a = long_clip(60.0, 4.0)
    return a, get_planner("rules").plan(a, "rock").plan


def revise(analysis, plan, request):
    return get_planner("rules").revise(analysis, plan, request)


def untouched(old, new, start_s, end_s):
    """Sections of `old` entirely outside [start_s, end_s] appear unchanged in `new`."""
    outside = [s for s in old.sections if s.end_s <= start_s + 1e-6 or s.start_s >= end_s - 1e-6]
    news = {(s.start_s, s.end_s): s for s in new.sections}
    return outside and all(news.get((s.start_s, s.end_s)) == s for s in outside)


@pytest.mark.parametrize("words,lo,hi", [("a bit slower", 0.88, 0.95), ("slower", 0.8, 0.9),
                                         ("much slower", 0.6, 0.78), ("a little faster", 1.04, 1.1),
                                         ("faster please", 1.1, 1.2), ("way faster", 1.25, 1.45),
                                         ("20% slower", 0.79, 0.81)])
def test_relative_tempo_scales_the_whole_score(clip, jazz_plan, words, lo, hi):
    new = revise(clip, jazz_plan, words).plan
    assert lo <= new.tempo_bpm / jazz_plan.tempo_bpm <= hi
    assert [s.energy for s in new.sections] == [s.energy for s in jazz_plan.sections]
    assert (new.key, new.mode, new.style) == (jazz_plan.key, jazz_plan.mode, jazz_plan.style)


def test_absolute_tempo_and_bpm_delta(clip, jazz_plan):
    assert revise(clip, jazz_plan, "make it 90 bpm").plan.tempo_bpm == 90
    assert revise(clip, jazz_plan, "10 bpm faster").plan.tempo_bpm == pytest.approx(jazz_plan.tempo_bpm + 10, abs=0.11)
    r = revise(clip, jazz_plan, "300 bpm")
    assert r.question and r.plan == jazz_plan


def test_second_half_slower_leaves_the_first_half_alone(long60):
    a, plan = long60
    r = revise(a, plan, "slower in the second half")
    assert r.question is None
    for s in r.plan.sections:
        if s.start_s >= 30 - 1e-6:
            assert 0.8 <= (s.tempo_bpm or r.plan.tempo_bpm) / plan.tempo_bpm <= 0.9
    assert untouched(plan, r.plan, 30.0, 60.0)
    assert r.plan.tempo_bpm == plan.tempo_bpm
    assert "second half" in r.reply and "BPM" in r.reply


def test_time_range_splits_a_section_at_the_cut(clip, jazz_plan):
    r = revise(clip, jazz_plan, "from 0:03 to 0:06 much slower")
    new = r.plan
    assert [s.start_s for s in new.sections] == [0.0, 3.04, 5.48]  # 0:03 and 0:06 snap to the cuts
    assert new.sections[0].tempo_bpm is None and new.sections[2] == jazz_plan.sections[1]
    assert tempo_at(new, 4.0) / jazz_plan.tempo_bpm == pytest.approx(0.7, abs=0.01)
    # the untouched first piece keeps every value but its span and its shots, and plays no fill into the
    # split edge (a transition nobody asked for)
    # and says what it was cut from, so the composer plays it as that section's music cut at the seam
    skip = ("end_s", "shots", "fill", "split_from")
    keep = {k: v for k, v in new.sections[0].model_dump().items() if k not in skip}
    assert keep == {k: v for k, v in jazz_plan.sections[0].model_dump().items() if k not in skip}
    assert (new.sections[0].split_from.start_s, new.sections[0].split_from.end_s) == (0.0, jazz_plan.sections[0].end_s)
    assert new.sections[0].fill is False and new.sections[1].fill is True
    assert new.sections[0].shots == [0, 1] and new.sections[1].shots == [2]
    # the split piece continues the chord cycle where the original section would be at 3.04 s
    assert new.sections[1].chords[0] in jazz_plan.sections[0].chords


def test_shot_and_cut_references(long60):
    a, plan = long60
    r = revise(a, plan, "shot 3 calmer")
    s = r.plan.sections[r.plan.section_at(9.0)]
    assert (s.start_s, s.end_s) == (8.0, 12.0) and s.energy < plan.sections[plan.section_at(9.0)].energy
    assert untouched(plan, r.plan, 8.0, 12.0)
    r = revise(a, plan, "more energy after the last cut")
    last = r.plan.sections[-1]
    assert last.start_s == pytest.approx(56.0) and last.energy > plan.sections[-1].energy
    assert untouched(plan, r.plan, 56.0, 60.0)


def test_key_and_mode(clip, jazz_plan):
    new = revise(clip, jazz_plan, "darker").plan
    assert new.mode == "minor" and new.key == jazz_plan.key
    assert all(s.chords != o.chords for s, o in zip(new.sections, jazz_plan.sections))
    assert revise(clip, jazz_plan, "in D minor").plan.key == "D"
    assert revise(clip, jazz_plan, "up a whole step").plan.key == "G"
    local = revise(clip, jazz_plan, "darker in the ending").plan
    assert local.mode == "major" and local.sections[0] == jazz_plan.sections[0]
    assert local.sections[1].chords[0] == "Fm7"  # i7 of F minor spelled as a symbol


def test_instruments_add_remove_swap_solo(clip, jazz_plan):
    new = revise(clip, jazz_plan, "add strings").plan
    assert new.instrumentation["strings"] == "String Ensemble 1"
    assert all(s.instruments == [] for s in new.sections)
    new = revise(clip, jazz_plan, "no drums in the intro").plan
    assert "drums" not in new.sections[0].instruments and new.sections[0].instruments
    assert new.sections[1] == jazz_plan.sections[1]
    new = revise(clip, jazz_plan, "replace the sax with a trumpet").plan
    assert new.instrumentation["melody"] == "Trumpet" and new.sections == jazz_plan.sections
    new = revise(clip, jazz_plan, "add a flute in the ending").plan
    role = next(r for r, n in new.instrumentation.items() if n == "Flute")
    assert role in effective_roles(new, new.sections[1]) and role not in effective_roles(new, new.sections[0])
    assert set(effective_roles(new, new.sections[0])) == set(effective_roles(jazz_plan, jazz_plan.sections[0]))
    new = revise(clip, jazz_plan, "piano solo in the ending").plan
    assert new.sections[1].instruments == ["harmony"] and new.sections[0] == jazz_plan.sections[0]


def test_sync_hits(clip, jazz_plan):
    new = revise(clip, jazz_plan, "hit the cut at 0:07").plan
    h = [x for x in new.hit_points if abs(x.time_s - 7.48) < 0.01]
    assert len(h) == 1 and h[0].strength >= 0.9
    new = revise(clip, jazz_plan, "no accent at the first cut").plan
    assert [x.time_s for x in new.hit_points] == [x.time_s for x in jazz_plan.hit_points][1:]
    new = revise(clip, jazz_plan, "a crash at 0:04.5").plan
    assert any(x.time_s == 4.5 and x.kind == "crash" and x.source == "user" for x in new.hit_points)


def test_lock_protects_a_section_from_later_global_edits(clip, jazz_plan):
    locked = revise(clip, jazz_plan, "keep the intro as it is").plan
    assert locked.sections[0].locked
    new = revise(clip, locked, "much faster and more energy").plan
    assert new.sections[0] == locked.sections[0]
    assert new.sections[1].energy > locked.sections[1].energy and (new.sections[1].tempo_bpm or 0) > jazz_plan.tempo_bpm
    r = revise(clip, locked, "make it rock")
    assert r.question and r.plan == locked
    assert not revise(clip, locked, "unlock the intro").plan.sections[0].locked


@pytest.mark.parametrize("request_", ["when the car appears make it louder", "make it different",
                                      "slower from 0:20 to 0:30", "shot 9 faster", "faster and slower",
                                      "replace the banjo with a flute", "jazz in the second half", "hmm"])
def test_ambiguous_or_impossible_asks_and_keeps_the_plan(clip, jazz_plan, request_):
    r = revise(clip, jazz_plan, request_)
    assert r.question and r.reply == r.question and r.question.endswith("?")
    assert r.plan == jazz_plan


def test_mood_and_energy_and_loudness(clip, jazz_plan):
    new = revise(clip, jazz_plan, "sadder").plan
    assert new.mode == "minor" and new.tempo_bpm < jazz_plan.tempo_bpm
    assert all(n.energy < o.energy for n, o in zip(new.sections, jazz_plan.sections))
    new = revise(clip, jazz_plan, "make the ending bigger").plan
    assert new.sections[1].energy > jazz_plan.sections[1].energy and new.sections[0] == jazz_plan.sections[0]
    assert new.sections[1].tempo_bpm is None
    assert revise(clip, jazz_plan, "louder").plan.loudness_lufs > jazz_plan.loudness_lufs
    assert revise(clip, jazz_plan, "make it rock").plan.style == "rock"


def test_locate_phrases():
    a = make_analysis(20.0, 25.0, [100, 200, 300, 400])  # cuts at 4, 8, 12, 16 s
    plan = get_planner("rules").plan(a, "jazz").plan
    cases = {"from 0:05 to 0:09": (5.0, 9.0), "from 0:04.5 to 0:08.5": (4.0, 8.0), "between 3.5 and 12.5 seconds": (4.0, 12.0), "after 0:10": (10.0, 20.0),
             "the first half": (0.0, 10.0), "the last third": (13.33, 20.0), "shot 2": (4.0, 8.0),
             "shots 2-3": (4.0, 12.0), "the third shot": (8.0, 12.0), "after the last cut": (16.0, 20.0),
             "before the second cut": (0.0, 8.0), "between the first and third cut": (4.0, 12.0),
             "the last 5 seconds": (15.0, 20.0)}
    for text, want in cases.items():
        span = snap(locate(text, a, plan), a)
        assert (round(span.start_s, 2), round(span.end_s, 2)) == want, text
    assert locate("make it jazzier", a, plan) is None
    with pytest.raises(Ask):
        locate("after 0:40", a, plan)


def test_intro_and_ending_shapes(clip, jazz_plan):
    new = revise(clip, jazz_plan, "fade out at the end").plan
    last = new.sections[-1]
    assert last.energy < jazz_plan.sections[-1].energy and "drums" not in effective_roles(new, last)
    assert new.sections[0] == jazz_plan.sections[0]
    r = revise(clip, jazz_plan, "add a longer intro")
    assert r.question and r.plan == jazz_plan
