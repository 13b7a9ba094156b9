"""Music a film editor would keep: melodies that sing over the harmony, a theme that returns, sections
that cadence into the next, the blues form, and expression (CC11 swells, a build-up, a humanised
performance that keeps every cut in sync). Measured with the benchmark's own functions."""

from __future__ import annotations

import pytest
from compose_plans import long_plan
from music_measures import (
    bar_shapes,
    clash_share,
    leap57_share,
    step_share,
    theme_returns,
    top_line,
)
from v2m.tools.music.compose import compose
from v2m.tools.style import load_style, style_names

COMP = ("harmony", "pad", "strings", "brass", "bass")


def _line_and_accomp(arr):
    mel = arr.part("melody") or arr.part("lead")
    line = top_line([(n.pitch, n.start, n.dur) for n in mel.notes])
    accomp = [(n.pitch, n.start, n.dur) for p in arr.parts if p.role in COMP for n in p.notes]
    return line, accomp


@pytest.mark.parametrize("style", list(style_names()))
def test_melody_steps_rarely_leaps_a_fifth_and_does_not_rub(style):
    for seed in (0, 1):
        arr = compose(long_plan(style, seed=seed))
        line, accomp = _line_and_accomp(arr)
        assert step_share(line) >= 0.45, (seed, step_share(line))
        assert leap57_share(line) <= 0.12, (seed, leap57_share(line))
        assert clash_share(line, accomp) <= 0.08, (seed, clash_share(line, accomp))
        # the melody sits above the chords
        comp = [n.pitch for p in arr.parts if p.role in COMP[:-1] for n in p.notes]
        assert sum(p for p, _, _ in line) / len(line) > sum(comp) / len(comp)


@pytest.mark.parametrize("style", list(style_names()))
def test_the_theme_returns_in_a_later_section(style):
    arr = compose(long_plan(style))
    tm = arr.tempo_map
    line, _ = _line_and_accomp(arr)
    shapes = bar_shapes(line, [b.start_beat for b in tm.bars], [b.beats for b in tm.bars])
    n_sec = max(b.section for b in tm.bars) + 1
    assert n_sec >= 3
    assert theme_returns([[s for s, b in zip(shapes, tm.bars) if b.section == i] for i in range(n_sec)])


def test_each_section_ends_on_the_dominant_and_the_piece_on_the_tonic():
    from v2m.tools.music.harmony import parse_chord, tonic_pc

    for style in ("rock", "jazz", "classical", "folk"):
        arr = compose(long_plan(style))
        tonic = tonic_pc(arr.key)
        tm = arr.tempo_map
        n_sec = max(b.section for b in tm.bars) + 1
        for i in range(n_sec):
            root = parse_chord(arr.chords[tm.section_bars(i)[-1].index], arr.key, arr.mode).root
            assert root == (tonic if i == n_sec - 1 else (tonic + 7) % 12), (style, i, arr.chords)


def test_blues_reaches_v7_ends_on_i7_and_bends_to_blue_notes():
    from v2m.tools.music.harmony import tonic_pc

    blue = 0
    for seed in (0, 1, 2):
        arr = compose(long_plan("blues", seed=seed))
        assert "V7" in arr.chords and "IV7" in arr.chords
        assert arr.chords[-1] == "I7"  # a dominant-seventh home, not a major seventh
        t = tonic_pc(arr.key)
        blue += sum((n.pitch - t) % 12 == 3 for n in arr.part("melody").notes)
    assert blue >= 2
    assert not load_style("rock").blue_notes


def _cc11(path, channel_name):
    import mido

    mf = mido.MidiFile(str(path))
    track = next(t for t in mf.tracks if (t.name or "").startswith(channel_name))
    now, out = 0, []
    for m in track:
        now += m.time
        if m.type == "control_change" and m.control == 11:
            out.append((now / mf.ticks_per_beat, m.value))
    return out


def test_expression_swells_into_sections_and_builds_to_the_climax(tmp_path):
    plan = long_plan("cinematic")
    arr = compose(plan)
    path = arr.write_midi(tmp_path / "x.mid")
    cc = _cc11(path, "strings")
    assert len(cc) > 20

    def at(beat):
        return [v for b, v in cc if b <= beat + 1e-6][-1]

    tm = arr.tempo_map
    climax = max(range(len(plan.sections)), key=lambda i: plan.sections[i].energy)
    for i in range(1, len(plan.sections)):
        start = tm.section_bars(i)[0].start_beat
        assert at(start - 0.1) > at(start - 2.5), i  # a crescendo into every new section
    start = tm.section_bars(climax)[0].start_beat
    assert at(start - 0.1) == 127 and at(start - 4 * 4 + 0.5) <= 115  # the build-up climbs to the top
    others = [at(tm.section_bars(i)[0].start_beat + 1) for i in range(len(plan.sections)) if i != climax]
    assert at(start + 1) > max(others)  # and the climax plays louder than every other section


def test_humanised_performance_keeps_the_cuts_and_the_swing(tmp_path):
    import pretty_midi
    from midi_checks import cut_misses, swing_ratio
    from v2m.tools.gm import DRUMS
    from v2m.tools.metrics.symbolic import onset_beats

    plan = long_plan("jazz")
    arr = compose(plan)
    pm = pretty_midi.PrettyMIDI(str(arr.write_midi(tmp_path / "j.mid")))
    assert cut_misses(pm, [h.time_s for h in plan.hit_points]) == []
    drums = next(i for i in pm.instruments if i.is_drum)
    assert swing_ratio(onset_beats(pm, drums, [DRUMS["ride"]])) > 1.5
    ride = [n.velocity for n in drums.notes if n.pitch == DRUMS["ride"]]
    assert len(set(ride)) >= 10  # not four or five machine values
    beats = onset_beats(pm, next(i for i in pm.instruments if i.name.startswith("melody")))
    assert any(abs(b * 8 - round(b * 8)) > 0.02 for b in beats)  # off-beat notes are not all on the grid


def test_grooves_vary_at_phrase_ends():
    arr = compose(long_plan("rock"))
    drums = arr.part("drums")
    tm = arr.tempo_map
    bars = tm.section_bars(2)
    assert len(bars) >= 5

    def pattern(bar):
        return sorted((n.pitch, round(n.start - bar.start_beat, 3)) for n in drums.notes
                      if bar.start_beat <= n.start < bar.end_beat)

    assert pattern(bars[3]) != pattern(bars[2])  # the fourth bar of a phrase ends with a pickup fill
