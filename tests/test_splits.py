"""An edit that splits a section leaves the side it did not address note for note (split12, tools/music/splits.py).

Before: the tempo map fitted each piece's bars to its own span, so "louder in shot 2" where shots 1-2 were one section
gave shot 1 another tempo and bar layout (lofi 78 -> 84 BPM, bars 4+5 -> 4+3 beats) and re-voiced it. Now a piece that
keeps the section's tempo is the whole section's music cut at the seam (tests/bench/bench_splits.py measures all 85
splits of its sweep); a seam on an offbeat of the section's grid cuts a bar in two short ones (seams13, below).
"""

from __future__ import annotations

import shutil

import pretty_midi
import pytest
from edit_clips import bikes, make_analysis
from midi_checks import cut_misses
from notation_checks import abc2midi_errors, typeset_errors

from v2m.agent.dialogue.session import Session
from v2m.tools.music.compose import compose
from v2m.tools.music.splits import origins, signature
from v2m.tools.music.tempo_map import swing_beat

EDITS = (("slower in shot 2", 2), ("faster in shot 3", 3), ("make shot 2 calmer", 2), ("louder in shot 2", 2))


def _notes(plan) -> list[tuple[float, int, str, int]]:
    arr = compose(plan)
    tm = arr.tempo_map
    return sorted((round(tm.beat_to_s(n.start), 3), n.pitch, p.role, n.vel) for p in arr.parts for n in p.notes)


CLIPS = {"12 s": (12.0, [50, 100, 225]), "20 s": (20.0, [100, 200, 300, 400])}  # cut frames at 25 fps
# splits whose seam falls on a whole beat of the section's grid (22 of bench_splits' 85)
CASES = [("12 s", st, e) for st in ("folk", "jazz", "rock") for e in EDITS if st == "folk" or e[1] == 2] + \
    [("20 s", st, e) for st in ("lofi", "reggae") for e in EDITS if st == "reggae" or e[1] == 2]


@pytest.mark.parametrize("clip,style,edit", CASES)
def test_the_side_an_edit_did_not_address_keeps_its_notes(tmp_path, clip, style, edit):
    duration, cuts = CLIPS[clip]
    a = make_analysis(duration, 25.0, cuts, source="synthetic.mp4")
    edit, shot = edit
    s = Session.open(a.source, style, workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say(edit)
    lo, hi = a.shots[shot - 1].start_s, a.shots[shot - 1].end_s
    assert {round(x.start_s, 2) for x in s.plan.sections} - {round(x.start_s, 2) for x in old.sections}  # a split
    before, after = _notes(old), _notes(s.plan)
    for side in ((0.0, lo - 0.02), (hi + 0.02, 1e9)):
        assert [n for n in before if side[0] <= n[0] < side[1]] == [n for n in after if side[0] <= n[0] < side[1]]
    # the seam is still a bar line at the cut, and the edit is heard in the addressed shot
    arr = compose(s.plan)
    assert any(abs(b.start_s - lo) < 0.011 for b in arr.tempo_map.bars)
    assert [n for n in before if lo <= n[0] < hi] != [n for n in after if lo <= n[0] < hi]


def test_louder_in_shot_2_leaves_shot_1_note_for_note(tmp_path):
    # engine12's reproduction: a 12 s folk clip cut at 2, 4 and 9 s
    a = make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4")
    s = Session.open(a.source, "folk", workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say("louder in shot 2")
    assert any(x.start_s < 2.0 < x.end_s for x in old.sections)  # the edit split the section holding shots 1-2
    assert any(abs(x.start_s - 2.0) < 0.01 for x in s.plan.sections)

    def shot_1(plan):
        arr = compose(plan)
        return sorted((round(n.start, 4), n.pitch, p.role) for p in arr.parts for n in p.notes if n.start < 2.0 - 0.01)
    assert shot_1(s.plan) == shot_1(old)


# seams13: a seam the whole section's grid put on an offbeat (an eighth or sixteenth) cuts the bar it falls in into
# two short bars (bikes' cut at 1.2 s is beat 2.25 of folk's grid: a 9/16 bar, then 7/16 and 3/8 to the next cut).
# Before, such a piece was a section of its own, re-timed and re-voiced (bench_splits: 63 of 85 splits changed a
# side nobody addressed; after: 12, every one a seam on a swung offbeat; seams14, below: 0).

def _sounding(plan) -> list[tuple[float, int, str, int]]:
    """Notes at the time they sound (swung on their section's own beats, as the MIDI file and the stems play them)."""
    arr = compose(plan)
    tm, org = arr.tempo_map, origins(arr.tempo_map)
    return sorted((round(tm.beat_to_s(swing_beat(n.start - org.get(n.section, 0.0), arr.swing, arr.swing_unit)
                                      + org.get(n.section, 0.0)), 3), n.pitch, p.role, n.vel)
                  for p in arr.parts for n in p.notes)


OFFBEAT = [("bikes", "folk", "louder in shot 2"), ("bikes", "rock", "make shot 2 calmer"),
           ("bikes", "reggae", "slower in shot 2"), ("folk12", "ambient", "make shot 2 calmer")]


@pytest.mark.parametrize("clip,style,edit", OFFBEAT)
def test_a_seam_on_an_offbeat_leaves_the_untouched_sides_as_they_were(tmp_path, clip, style, edit):
    a = bikes() if clip == "bikes" else make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4")
    s = Session.open(a.source, style, workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say(edit)
    lo, hi = a.shots[1].start_s, a.shots[1].end_s
    arr = compose(s.plan)
    assert any(b.beats % 1 for b in arr.tempo_map.bars)  # a short bar: the seam was on an offbeat
    before, after = _sounding(old), _sounding(s.plan)
    for side in ((0.0, lo - 0.02), (hi + 0.02, 1e9)):
        assert [n for n in before if side[0] <= n[0] < side[1]] == [n for n in after if side[0] <= n[0] < side[1]]
    assert [n for n in before if lo <= n[0] < hi] != [n for n in after if lo <= n[0] < hi]


def test_the_short_bars_are_written_as_their_meters_and_typeset(tmp_path):
    a = bikes()
    s = Session.open(a.source, "folk", workdir=tmp_path / "store", analysis=a, render=False)
    s.say("louder in shot 2")
    arr = compose(s.plan)
    assert [(b.start_beat, b.beats) for b in arr.tempo_map.bars[:4]] == [(0, 2.25), (2.25, 1.75), (4, 1.5), (5.5, 2.5)]
    pm = pretty_midi.PrettyMIDI(str(arr.write_midi(tmp_path / "score.mid")))
    sigs = [(ts.numerator, ts.denominator) for ts in pm.time_signature_changes]
    assert sigs[:4] == [(9, 16), (7, 16), (3, 8), (5, 8)]
    assert cut_misses(pm, [1.2, 3.04]) == []  # the cuts on the seams are still marked in time
    abc = arr.write_abc(tmp_path / "score.abc")
    assert "[M:7/16]" in abc.read_text()
    if shutil.which("abcm2ps") and shutil.which("abc2midi"):
        assert [ln for ln in typeset_errors(abc) if "underfull" not in ln] == []
        assert abc2midi_errors(abc) == []
    assert signature(4) == (4, 4) and signature(3.5) == (7, 8) and signature(0.25) == (1, 16)


# seams14: a cut the grid put on a swung offbeat is written before it sounds (lofi's at 2 s: written on beat 2.75,
# sounding 36 ms later), and a section of its own beside it cannot start at both times, so seams13 left such pieces
# sections of their own, re-timed and re-voiced (bench_splits: 12 of 85 splits, lofi and jazz). Now a piece before
# such a seam keeps its grid but for a bridge past its last sixteenth, where its clock slows to reach the written seam
# at the cut; a section of its own before such a seam ends at the seam's written time, so the piece after it still
# sounds its first note at the cut (splits.joins). bench_splits: 0 of 85.

SWUNG = [("folk12", "lofi", "slower in shot 2"), ("folk12", "lofi", "louder in shot 2"),
         ("folk12", "jazz", "faster in shot 3"), ("bikes", "jazz", "slower in shot 2"),
         ("bikes", "jazz", "louder in shot 2"), ("odd16", "lofi", "faster in shot 3")]


def _clip(name: str):
    cuts = {"folk12": (12.0, [50, 100, 225]), "odd16": (16.0, [70, 160, 310])}
    return bikes() if name == "bikes" else make_analysis(cuts[name][0], 25.0, cuts[name][1], source=f"{name}.mp4")


@pytest.mark.parametrize("clip,style,edit", SWUNG)
def test_a_seam_on_a_swung_offbeat_leaves_the_untouched_sides_as_they_were(tmp_path, clip, style, edit):
    a = _clip(clip)
    shot = int(edit[-1])
    s = Session.open(a.source, style, workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say(edit)
    lo, hi = a.shots[shot - 1].start_s, a.shots[shot - 1].end_s
    before, after = _sounding(old), _sounding(s.plan)
    for side in ((0.0, lo - 0.02), (hi + 0.02, 1e9)):
        assert [n for n in before if side[0] <= n[0] < side[1]] == [n for n in after if side[0] <= n[0] < side[1]]
    assert [n for n in before if lo <= n[0] < hi] != [n for n in after if lo <= n[0] < hi]


def test_a_piece_before_a_swung_seam_bridges_its_clock_to_the_cut(tmp_path):
    a = _clip("folk12")
    s = Session.open(a.source, "lofi", workdir=tmp_path / "store", analysis=a, render=False)
    s.say("slower in shot 2")
    arr = compose(s.plan)
    tm = arr.tempo_map
    assert sorted(tm.frames) == [0, 2]  # shots 1 and 3 keep the whole section's grid; shot 2 has its own tempo
    assert [(b.start_beat, b.beats) for b in tm.section_bars(0)] == [(0, 2.75)]
    assert tm.section_bars(1)[0].start_s == 2.0 and tm.beat_to_s(2.75) == 2.0  # the written seam is at the cut
    for (b0, t0, spb), (b1, t1, _) in zip(tm.segments, tm.segments[1:]):  # one clock: no jump at the seams
        assert b1 > b0 and abs(t0 + (b1 - b0) * spb - t1) < 1e-9
    pm = pretty_midi.PrettyMIDI(str(arr.write_midi(tmp_path / "score.mid")))
    assert cut_misses(pm, [2.0, 4.0]) == []
    bridge = [t for b, t, _ in tm.segments if 2.5 < b < 2.75]  # past the sixteenth before the seam (beat 2.5)
    assert len(bridge) == 1 and not [n for i in pm.instruments for n in i.notes if bridge[0] - 0.01 < n.start < 1.99]
    # shot 1's notes end by the cut, as in the whole section (cut where the written seam's swung end would sound)
    ends = [swing_beat(n.start + n.dur, arr.swing, arr.swing_unit) for p in arr.parts for n in p.notes if n.section == 0]
    assert max(tm.beat_to_s(e) for e in ends) <= 2.0
    abc = arr.write_abc(tmp_path / "score.abc")
    if shutil.which("abcm2ps") and shutil.which("abc2midi"):
        assert [ln for ln in typeset_errors(abc) if "underfull" not in ln] == []
        assert abc2midi_errors(abc) == []


def test_a_locked_piece_keeps_its_notes_when_the_piece_after_takes_a_tempo_of_its_own(tmp_path):
    # set k's clean-girl dialogue (98763e9): shots 1 and 2 one grid (louder shot 2), shot 1 locked, then "slow the
    # whole thing down": shot 2 takes its own tempo at a cut on a swung offbeat (1.2 s), which re-timed locked shot 1
    a = bikes()
    s = Session.open(a.source, "lofi", workdir=tmp_path / "store", analysis=a, render=False)
    s.say("louder in shot 2")
    s.say("never change the shot 1 music")
    before = _sounding(s.plan)
    s.say("slow the whole thing down a touch")
    assert s.plan.sections[0].locked and s.plan.sections[1].tempo_bpm
    after = _sounding(s.plan)
    assert [n for n in before if n[0] < 1.18] == [n for n in after if n[0] < 1.18]
    assert [n for n in before if n[0] > 1.2] != [n for n in after if n[0] > 1.2]


def test_a_tempo_set_on_every_piece_moves_the_whole_sections_grid_with_them(tmp_path):
    # readfix12c: a per-section tempo set every piece's own tempo but not split_from's, so the pieces lost the whole
    # section's grid (frames [] after "at 90 bpm"), and a later edit of shot 1 re-timed shot 2
    a = make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4")
    s = Session.open(a.source, "folk", workdir=tmp_path / "store", analysis=a, render=False)
    s.say("louder in shot 2")
    s.say("from 0 to 4 seconds at 90 bpm")
    assert [x.split_from and x.split_from.tempo_bpm for x in s.plan.sections[:2]] == [90.0, 90.0]
    assert sorted(compose(s.plan).tempo_map.frames) == [0, 1]
    before = _sounding(s.plan)
    s.say("quieter in shot 1")
    after = _sounding(s.plan)
    assert [n for n in before if 2.02 <= n[0]] == [n for n in after if 2.02 <= n[0]]
    assert [n for n in before if n[0] < 1.98] != [n for n in after if n[0] < 1.98]
