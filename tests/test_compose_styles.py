"""Every style on a 60 s plan with cuts: sync, musical sanity, and the style audible in the MIDI data."""

from __future__ import annotations

import pytest
from compose_plans import composed
from midi_checks import (
    chords_at_onsets,
    cut_misses,
    instrument,
    is_seventh,
    swing_ratio,
)
from v2m.tools.gm import DRUMS
from v2m.tools.metrics.symbolic import (
    bar_starts,
    beat_of,
    groove_consistency,
    onset_beats,
    scale_consistency,
)
from v2m.tools.music.compose import compose
from v2m.tools.style import load_style, style_names

ALL = list(style_names())


def test_the_library_has_the_first_twelve_styles_and_every_chord_reads():
    from v2m.tools.music.harmony import parse_chord

    for name in ("jazz", "lofi", "cinematic", "ambient", "rock", "electronic", "classical", "folk", "funk",
                 "synthwave", "blues", "bossa"):
        assert name in ALL
    for name in ALL:
        st = load_style(name)
        assert st.default_tempo_bpm and st.tempo_bpm[0] <= st.default_tempo_bpm <= st.tempo_bpm[1]
        assert st.levels and all(lv.drums is None or lv.drums in st.grooves for lv in st.levels), name
        for mode, progs in st.progressions.items():
            for prog in progs:
                for ch in prog:
                    parse_chord(ch, st.default_key, mode)


@pytest.mark.parametrize("style", ALL)
def test_sync_and_musical_sanity(style, tmp_path_factory):
    from v2m.tools.music.ranges import playable_range

    plan, arr, pm = composed(style, tmp_path_factory)
    downbeats = pm.get_downbeats()
    assert cut_misses(pm, [h.time_s for h in plan.hit_points]) == []
    misses = [t for t in plan.boundaries_s if min(abs(d - t) for d in downbeats) >= 0.010]
    assert not misses, misses  # a new section starts on a downbeat
    pitched = [i for i in pm.instruments if not i.is_drum]
    assert len([i for i in pitched if i.notes]) >= 3
    if load_style(style).tonal:
        sc = scale_consistency([n.pitch for i in pitched for n in i.notes])
        # a complete twelve-bar blues sits on I7 and IV7, whose sevenths lie outside any one major or minor
        # scale (a quarter of every I7 and IV7 voicing): 0.85 for a form of dominant sevenths, 0.9 elsewhere
        assert sc >= (0.85 if load_style(style).form else 0.9), sc
    for inst in pitched:
        lo, hi = playable_range(inst.program)
        bad = [n.pitch for n in inst.notes if not lo <= n.pitch <= hi]
        assert not bad, (inst.name, bad[:5], (lo, hi))
    # no empty bars where a part plays: every bar inside the video has a note sounding in every part
    end = beat_of(pm, plan.duration_s)
    for part in arr.parts:
        sounding = [(n.start, n.start + n.dur) for n in part.notes]
        for bar in arr.tempo_map.bars:
            if bar.start_beat >= end - 1e-6:
                continue
            roles = plan.sections[bar.section].instruments
            if roles and part.role not in roles:
                continue
            level = load_style(style).level(plan.sections[bar.section].energy)
            pattern = getattr(level, part.role, None)
            if part.role == "drums" and not level.drums or isinstance(pattern, str) and not pattern.strip(". "):
                continue  # the style rests this part at this intensity
            assert any(a < bar.end_beat and b > bar.start_beat for a, b in sounding), (part.role, bar)
    drums = next((i for i in pm.instruments if i.is_drum), None)
    if drums is not None:
        gc = groove_consistency(onset_beats(pm, drums), bar_starts(pm))
        assert gc >= 0.8, gc


def _snare_on_2_and_4(pm, arr, snare_pitches=(DRUMS["snare"], DRUMS["clap"], DRUMS["side_stick"])):
    """Share of 4/4 bars with the snare on 2 and 4, leaving out each section's last bar (its fill)."""
    drums = next(i for i in pm.instruments if i.is_drum)
    hits = onset_beats(pm, drums, snare_pitches)
    fills = {arr.tempo_map.section_bars(i)[-1].start_beat for i in range(len(arr.tempo_map.bars))
             if arr.tempo_map.section_bars(i)}
    bars = [(s, n) for s, n in bar_starts(pm) if n == 4 and int(round(s)) not in fills]
    ok = sum(1 for s, _ in bars if all(any(abs(h - (s + b)) < 0.02 for h in hits) for b in (1, 3)))
    return ok / max(1, len(bars))


def test_jazz_swings_walks_and_plays_sevenths(tmp_path_factory):
    plan, arr, pm = composed("jazz", tmp_path_factory)
    drums = next(i for i in pm.instruments if i.is_drum)
    assert swing_ratio(onset_beats(pm, drums, [DRUMS["ride"]])) > 1.5
    bass = instrument(pm, "bass")
    onsets = onset_beats(pm, bass)
    walking_bars = [b for b in arr.tempo_map.bars if load_style("jazz").level(plan.sections[b.section].energy).bass
                    == "walk" and b.index < len(arr.tempo_map.bars) - 1]
    assert len(walking_bars) > 5
    per_beat = [sum(1 for o in onsets if bb <= o < bb + 1 - 1e-6) for b in walking_bars
                for bb in range(b.start_beat, b.end_beat)]
    assert sum(c == 1 for c in per_beat) / len(per_beat) >= 0.95
    notes = sorted((n for n in bass.notes), key=lambda n: n.start)
    steps = [abs(a.pitch - b.pitch) for a, b in zip(notes, notes[1:])]
    assert sum(s <= 7 for s in steps) / len(steps) >= 0.85
    chords = chords_at_onsets(instrument(pm, "harmony"))
    assert sum(is_seventh(c) for c in chords) / len(chords) >= 0.9


def test_blues_shuffles_on_dominant_sevenths(tmp_path_factory):
    plan, arr, pm = composed("blues", tmp_path_factory)
    assert swing_ratio(onset_beats(pm, instrument(pm, "bass"))) > 1.5
    chords = chords_at_onsets(instrument(pm, "harmony"))
    dominant = [c for c in chords if any({r, (r + 4) % 12, (r + 10) % 12} <= c for r in c)]
    assert len(dominant) / len(chords) >= 0.8


def test_rock_folk_synthwave_funk_have_a_backbeat(tmp_path_factory):
    for style in ("rock", "synthwave", "funk", "folk"):
        _, arr, pm = composed(style, tmp_path_factory)
        assert _snare_on_2_and_4(pm, arr) >= 0.8, style


def test_electronic_is_four_on_the_floor(tmp_path_factory):
    _, _, pm = composed("electronic", tmp_path_factory)
    drums = next(i for i in pm.instruments if i.is_drum)
    kicks = onset_beats(pm, drums, [DRUMS["kick"]])
    bars = [(s, n) for s, n in bar_starts(pm) if n == 4]
    ok = sum(all(any(abs(k - (s + b)) < 0.02 for k in kicks) for b in range(4)) for s, _ in bars)
    assert ok / len(bars) >= 0.9


def test_lofi_swings_sixteenths_and_funk_syncopates(tmp_path_factory):
    _, _, pm = composed("lofi", tmp_path_factory)
    drums = next(i for i in pm.instruments if i.is_drum)
    assert swing_ratio(onset_beats(pm, drums, [DRUMS["hat_closed"]]), unit=16) > 1.3
    assert all(len(c) >= 4 for c in chords_at_onsets(instrument(pm, "harmony")))
    _, _, pm = composed("funk", tmp_path_factory)
    bass = onset_beats(pm, instrument(pm, "bass"))
    assert sum(abs(b - round(b)) > 0.1 for b in bass) / len(bass) >= 0.3
    hats = onset_beats(pm, next(i for i in pm.instruments if i.is_drum), [DRUMS["hat_closed"]])
    assert len(hats) >= 0.8 * 4 * beat_of(pm, 60.0) / 4  # sixteenth-note hats most of the time


def test_bossa_bass_and_clave(tmp_path_factory):
    _, _, pm = composed("bossa", tmp_path_factory)
    bass = onset_beats(pm, instrument(pm, "bass"))
    bars = [(s, n) for s, n in bar_starts(pm) if n == 4]
    ok = sum(all(any(abs(o - (s + b)) < 0.02 for o in bass) for b in (0, 1.5, 2, 3.5)) for s, _ in bars[:-1])
    assert ok / (len(bars) - 1) >= 0.8
    drums = next(i for i in pm.instruments if i.is_drum)
    assert len(onset_beats(pm, drums, [DRUMS["side_stick"]])) >= 3 * len(bars)


def test_classical_and_ambient_have_no_kit_and_their_own_colours(tmp_path_factory):
    _, arr, pm = composed("classical", tmp_path_factory)
    assert not any(i.is_drum for i in pm.instruments)
    assert all(i.program <= 7 for i in pm.instruments)
    assert sum(n == 3 for _, n in bar_starts(pm)) / len(bar_starts(pm)) >= 0.6  # in three
    _, arr, pm = composed("ambient", tmp_path_factory)
    assert not any(i.is_drum for i in pm.instruments)
    pad = arr.part("pad")
    assert sum(n.dur for n in pad.notes) / len(pad.notes) >= 2.0


def test_cinematic_is_orchestral_and_louder_where_the_energy_is(tmp_path_factory):
    plan, arr, pm = composed("cinematic", tmp_path_factory)
    assert {48, 60}.issubset({i.program for i in pm.instruments if not i.is_drum} | {60})
    assert any(48 <= i.program <= 51 for i in pm.instruments)
    by_energy = {}
    for i, sec in enumerate(plan.sections):
        vels = [n[4] for n in arr.section_notes(i) if n[0] == "strings"]
        if vels:
            by_energy.setdefault(sec.energy, []).extend(vels)
    lo, hi = min(by_energy), max(by_energy)
    assert sum(by_energy[hi]) / len(by_energy[hi]) > sum(by_energy[lo]) / len(by_energy[lo]) + 10


def test_dynamics_follow_the_motion_curve():
    from compose_plans import bikes_plan
    from v2m.tools.contract import Shot, VideoAnalysis

    plan = bikes_plan("rock")
    motion = [0.0] * 125 + [1.0] * 125  # still first half, busy second half
    a = VideoAnalysis(source="x.mp4", duration_s=10, fps=25, width=64, height=64, n_frames=250,
                      shots=[Shot(index=0, start_s=0, end_s=10, start_frame=0, end_frame=250)],
                      motion_hop_s=0.04, motion=motion)
    flat = compose(plan)
    moved = compose(plan, a)
    sec = 1  # 3.04 .. 7.48 s straddles the change at 5 s
    def mean_vel(arr, first):
        bars = arr.tempo_map.section_bars(sec)
        keep = bars[:1] if first else bars[1:]
        beats = [(b.start_beat, b.end_beat) for b in keep]
        vs = [n.vel for p in arr.parts for n in p.notes if n.section == sec and any(x <= n.start < y for x, y in beats)]
        return sum(vs) / len(vs)
    assert mean_vel(moved, False) > mean_vel(moved, True) + 5
    assert abs(mean_vel(flat, False) - mean_vel(flat, True)) < abs(mean_vel(moved, False) - mean_vel(moved, True))


@pytest.mark.parametrize("style", ["jazz", "rock", "folk", "cinematic", "electronic"])
def test_melody_develops_a_motif_on_chord_tones(style, tmp_path_factory):
    from v2m.tools.music.harmony import apply_vocabulary, parse_chord
    from v2m.tools.music.theory import scale_pcs

    plan, arr, _ = composed(style, tmp_path_factory)
    st = load_style(style)
    mel = arr.part("melody").notes
    strong = hits = 0
    repeats = phrases = 0
    for bar in arr.tempo_map.bars[:-1]:
        ns = [n for n in mel if bar.start_beat <= n.start < bar.end_beat]
        for n in ns:
            off = n.start - bar.start_beat
            if abs(off - round(off)) < 1e-6 and round(off) % 2 == 0:
                # a tone of the chord sounding then: jazz moves to a secondary dominant on beat three
                ch = apply_vocabulary(parse_chord(arr.chord_at(n.start), plan.key, plan.mode), st.chords,
                                      scale_pcs(plan.key, plan.mode))
                strong += 1
                hits += n.pitch % 12 in ch.pcs
        sec_bars = arr.tempo_map.section_bars(bar.section)
        first, last = sec_bars[0].index, sec_bars[-1].index
        if (bar.index - first) % 4 == 1 and bar.index != last:
            prev = arr.tempo_map.bars[bar.index - 1]
            common = min(prev.beats, bar.beats)
            rhythm = lambda b: [round((n.start - b.start_beat) * 4) / 4 for n in mel  # noqa: E731  (16th grid)
                                if b.start_beat <= n.start < b.start_beat + common]
            phrases += 1
            repeats += rhythm(prev) == rhythm(bar)  # the sequence repeats the statement's rhythm
    assert strong and hits / strong >= 0.9
    assert phrases and repeats / phrases >= 0.6
