"""An asked section tempo is heard in the MIDI the way the plan asked it (compose14; tests/bench/bench_realise.py).

Before: the sync grid took the whole-bar count nearest the asked number, and a free cue had strayed from the plan's
tempo to keep whole bars, so 'slower in the third shot' (rock, 129 -> 110 BPM) kept the 16 beats played there at 120
(nothing heard), and a short shot asked slower could play faster (a bikes shot 14% faster). Each test says the edit
through a chat Session and reads the beats the written MIDI file plays in the span, new over old."""

from __future__ import annotations

import pytest
from dialogue_check import Midi
from edit_clips import bikes, make_analysis, tempo_at

from v2m.agent.dialogue.session import Session

CHAT30 = make_analysis(30.0, 25.0, [150, 325, 525], source="synthetic.mp4")   # shots 0-6, 6-13, 13-21, 21-30


def _open(tmp_path, style: str, analysis):
    return Session.open(analysis.source, f"score this in {style}", workdir=tmp_path / "store", analysis=analysis,
                        render=False)


def _heard(plan, analysis, span) -> float:
    return Midi(plan, analysis).beats_in(*span)


@pytest.mark.parametrize("style, said, span, slower", [
    ("rock", "slower in the third shot", (13.0, 21.0), True),        # before: 16 beats -> 16 (unheard)
    ("rock", "a bit faster in the second shot", (6.0, 13.0), False),  # before: 16 -> 16
    ("lofi", "a bit faster in the second shot", (6.0, 13.0), False),
])
def test_an_asked_section_tempo_moves_the_beats_the_midi_plays_there(tmp_path, style, said, span, slower):
    s = _open(tmp_path, style, CHAT30)
    before = _heard(s.plan, CHAT30, span)
    old = s.plan
    s.say(said)
    mid = sum(span) / 2
    plan_ratio = tempo_at(s.plan, mid) / tempo_at(old, mid)
    assert (plan_ratio < 1) == slower
    ratio = _heard(s.plan, CHAT30, span) / before
    assert (ratio < 1) == slower and ratio != 1
    assert abs(ratio - plan_ratio) <= max(0.08, 1 / before + 1e-3)   # within a beat of the plan's ratio


def test_a_short_shot_asked_slower_never_plays_faster(tmp_path):
    # before: on the bikes cuts a 1.8 s shot asked 8% slower took 4 beats where about 3.8 had played (14% faster)
    a = bikes()
    s = _open(tmp_path, "jazz", a)
    span = (a.shots[1].start_s, a.shots[1].end_s)
    before = _heard(s.plan, a, span)
    s.say("the second shot is a bit too fast")
    assert tempo_at(s.plan, sum(span) / 2) < s.plan.tempo_bpm
    assert _heard(s.plan, a, span) < before


def test_a_hit_asked_in_another_shot_leaves_the_asked_tempo_as_it_was(tmp_path):
    # the beats the span played before are read on the video's cuts only: a later hit elsewhere changes none of them
    s = _open(tmp_path, "rock", CHAT30)
    s.say("slower in the third shot")
    bars = [(b.start_s, b.beats, b.sec_per_beat) for b in Midi(s.plan, CHAT30).arr.tempo_map.bars if 13 <= b.start_s < 21]
    s.say("a big hit at 0:09")
    assert any(abs(h.time_s - 9.0) < 0.05 for h in s.plan.hit_points)
    after = [(b.start_s, b.beats, b.sec_per_beat) for b in Midi(s.plan, CHAT30).arr.tempo_map.bars if 13 <= b.start_s < 21]
    assert after == bars
