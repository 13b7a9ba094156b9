"""The eight styles beyond the first twelve, each heard in its idiom in the MIDI data of a 60 s plan:
stride piano, a 2/4 march, a trailer's ostinato and war drums, chiptune arpeggios, tango marcato,
the reggae one drop and skank, gospel claps and organ, and the boom-chick of country and western."""

from __future__ import annotations

import pytest
from compose_plans import composed
from midi_checks import instrument
from v2m.tools.gm import DRUMS
from v2m.tools.metrics.symbolic import bar_starts, onset_beats
from v2m.tools.style import load_style, style_names

NEW = ["silent_film", "marching_band", "epic_trailer", "chiptune", "tango", "reggae", "gospel", "western"]


def _share(beats, ok) -> float:
    return sum(1 for b in beats if ok(b)) / max(1, len(beats))


def _groove_bars(pm, arr, n=4):
    """Bar starts of full n-beat bars that are neither a section's last (its fill) nor the final bar."""
    ends = {arr.tempo_map.section_bars(i)[-1].start_beat for i in range(len(arr.tempo_map.bars))
            if arr.tempo_map.section_bars(i)}
    return [s for s, m in bar_starts(pm) if m == n and int(round(s)) not in ends]


def test_the_library_has_twenty_styles_each_with_a_distinct_keyword():
    assert len(style_names()) >= 20 and set(NEW) <= set(style_names())
    from v2m.agent.planners.opening import find_style

    for request, style in [("a silent movie chase", "silent_film"), ("a parade", "marching_band"),
                           ("blockbuster teaser", "epic_trailer"), ("8-bit video game", "chiptune"),
                           ("a milonga in buenos aires", "tango"), ("roots reggae", "reggae"),
                           ("sunday church choir", "gospel"), ("a cowboy at the saloon", "western"),
                           ("an epic trailer feel", "epic_trailer"), ("country road", "folk")]:
        assert find_style(request) == style, request


def test_silent_film_plays_stride_piano(tmp_path_factory):
    _, arr, pm = composed("silent_film", tmp_path_factory)
    assert not any(i.is_drum for i in pm.instruments)
    assert {i.program for i in pm.instruments} == {3}  # honky-tonk piano, both hands
    bass = onset_beats(pm, instrument(pm, "bass"))
    assert _share(bass, lambda b: abs(b - round(b)) < 0.02 and round(b) % 2 == 0) >= 0.8  # left hand on 1 and 3
    chords = sorted({round(n.start, 3) for n in instrument(pm, "harmony").notes})
    on_2_4 = [pm.time_to_tick(t) / pm.resolution for t in chords]
    assert _share(on_2_4, lambda b: abs(b - round(b)) < 0.02 and round(b) % 2 == 1) >= 0.7  # chords on 2 and 4


def test_marching_band_is_in_two_with_the_bass_drum_on_every_beat(tmp_path_factory):
    _, arr, pm = composed("marching_band", tmp_path_factory)
    assert {(s.numerator, s.denominator) for s in pm.time_signature_changes} == {(2, 4)}
    drums = next(i for i in pm.instruments if i.is_drum)
    kicks = onset_beats(pm, drums, [DRUMS["kick"]])
    bars = _groove_bars(pm, arr, 2)
    assert _share(bars, lambda s: all(any(abs(k - (s + b)) < 0.02 for k in kicks) for b in (0, 1))) >= 0.9
    snare = onset_beats(pm, drums, [DRUMS["snare"]])
    assert len(snare) > 2 * len(bars)  # a snare cadence, not a backbeat
    assert instrument(pm, "bass").program == 58  # tuba


def test_epic_trailer_has_a_sixteenth_ostinato_war_drums_and_minor_mode(tmp_path_factory):
    plan, arr, pm = composed("epic_trailer", tmp_path_factory)
    assert plan.mode == "minor"
    loud = max(range(len(plan.sections)), key=lambda i: plan.sections[i].energy)
    bars = arr.tempo_map.section_bars(loud)
    strings = sorted({n.start for n in arr.part("strings").notes if bars[0].start_beat <= n.start < bars[-2].end_beat})
    gaps = [round(b - a, 3) for a, b in zip(strings, strings[1:])]
    assert _share(gaps, lambda g: g == 0.25) >= 0.8
    drums = next(i for i in pm.instruments if i.is_drum)
    assert len(onset_beats(pm, drums, [DRUMS["tom_low"]])) > 100


def test_chiptune_arpeggiates_on_square_waves(tmp_path_factory):
    _, arr, pm = composed("chiptune", tmp_path_factory)
    assert instrument(pm, "melody").program == 80 and instrument(pm, "harmony").program == 80
    harm = arr.part("harmony").notes
    starts = [n.start for n in harm]
    assert len(set(starts)) >= 0.9 * len(starts)  # one note at a time: chords as arpeggios
    gaps = [round(b - a, 3) for a, b in zip(sorted(set(starts)), sorted(set(starts))[1:])]
    assert _share(gaps, lambda g: g == 0.25) >= 0.7


def test_tango_marcato_on_every_beat_with_a_bandoneon(tmp_path_factory):
    plan, arr, pm = composed("tango", tmp_path_factory)
    assert plan.mode == "minor" and not any(i.is_drum for i in pm.instruments)
    assert instrument(pm, "pad").program == 23  # tango accordion
    quiet = [i for i, s in enumerate(plan.sections) if load_style("tango").level(s.energy).bass == "R.R.R.R."]
    bass = [n.start for n in arr.part("bass").notes if arr.tempo_map.bar_at_beat(n.start).section in quiet]
    assert bass and _share(bass, lambda b: abs(b - round(b)) < 1e-6) >= 0.95
    per_bar = len(bass) / sum(len(arr.tempo_map.section_bars(i)) for i in quiet)
    assert per_bar >= 3.5  # marcato in four


def test_reggae_one_drop_and_off_beat_skank(tmp_path_factory):
    plan, arr, pm = composed("reggae", tmp_path_factory)
    drums = next(i for i in pm.instruments if i.is_drum)
    rim = onset_beats(pm, drums, [DRUMS["side_stick"]])
    bars = _groove_bars(pm, arr)
    assert _share(bars, lambda s: any(abs(r - (s + 2)) < 0.03 for r in rim)) >= 0.9  # the drop on three
    drop_secs = [i for i, s in enumerate(plan.sections) if load_style("reggae").level(s.energy).drums == "drop"]
    kicks = [n.start for n in arr.part("drums").notes if n.pitch == DRUMS["kick"]
             and arr.tempo_map.bar_at_beat(n.start).section in drop_secs]
    on_one = [k for k in kicks if abs(k - arr.tempo_map.bar_at_beat(k).start_beat) < 1e-6]
    assert len(on_one) <= len(drop_secs) * 2 + len(plan.hit_points)  # only cut accents on beat one
    skank = [n.start for n in arr.part("harmony").notes]
    assert _share(skank, lambda b: abs(b % 1 - 0.5) < 0.05) >= 0.75  # humanised a little


def test_gospel_claps_on_two_and_four_over_an_organ(tmp_path_factory):
    _, arr, pm = composed("gospel", tmp_path_factory)
    drums = next(i for i in pm.instruments if i.is_drum)
    claps = onset_beats(pm, drums, [DRUMS["clap"]])
    bars = _groove_bars(pm, arr)
    assert _share(bars, lambda s: all(any(abs(c - (s + b)) < 0.03 for c in claps) for b in (1, 3))) >= 0.9
    assert instrument(pm, "pad").program == 16 and instrument(pm, "melody").program == 52


def test_western_bass_alternates_root_and_fifth(tmp_path_factory):
    from v2m.tools.music.harmony import parse_chord

    plan, arr, pm = composed("western", tmp_path_factory)
    st = load_style("western")
    alternating = total = 0
    for bar in arr.tempo_map.bars[:-1]:
        if st.level(plan.sections[bar.section].energy).bass != "R...5...":
            continue
        ch = parse_chord(arr.chords[bar.index], plan.key, plan.mode)
        notes = {round(n.start - bar.start_beat, 3): n.pitch % 12 for n in arr.part("bass").notes
                 if bar.start_beat <= n.start < bar.end_beat}
        if 0.0 in notes and 2.0 in notes:
            total += 1
            alternating += notes[0.0] == ch.root and notes[2.0] == (ch.root + 7) % 12
    assert total and alternating / total >= 0.8
    assert instrument(pm, "melody").program == 110  # fiddle


@pytest.mark.parametrize("style", NEW)
def test_new_styles_sound_and_sync(style, tmp_path_factory):
    from midi_checks import cut_misses
    from v2m.tools.metrics.symbolic import scale_consistency
    from v2m.tools.music.ranges import playable_range

    plan, arr, pm = composed(style, tmp_path_factory)
    assert cut_misses(pm, [h.time_s for h in plan.hit_points]) == []
    pitched = [i for i in pm.instruments if not i.is_drum]
    assert scale_consistency([n.pitch for i in pitched for n in i.notes]) >= 0.9
    for inst in pitched:
        lo, hi = playable_range(inst.program)
        assert all(lo <= n.pitch <= hi for n in inst.notes), inst.name
