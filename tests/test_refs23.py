"""Turns that point back at an earlier edit or an earlier moment (p-tune, written before each fix: the user's words
and other voices of the same meaning): "same treatment for X - that's the shot straight after" repeats the last
edit on the shot after it; "do to the second half what you just did to the first" repeats the last edit there."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, make_analysis, open_long, tempo_at

AIRLINE_CUTS = (9, 18, 26, 35, 44, 52, 61, 70, 79, 88, 99)


@pytest.fixture()
def airline(tmp_path):
    """A 110 s safety video cut at AIRLINE_CUTS (shots 1-12), scored as bossa nova; shot 6 (0:44-0:52) made calmer."""
    s = open_long(tmp_path, "playful upbeat bossa nova", make_analysis(110.0, 25.0, [c * 25 for c in AIRLINE_CUTS]))
    s.say("The oxygen-mask demo is the shot after the fifth cut; everything there needs to be calmer so passengers "
          "actually focus.")
    return s


def _outside_same(before, after, lo, hi) -> bool:
    out = lambda p: [(s.start_s, s.energy, s.tempo_bpm) for s in p.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    return out(before) == out(after)


@pytest.mark.parametrize("said", [
    "Same treatment for the brace position, please - that's the shot straight after.",
    # other voices
    "Could the shot directly afterwards have the same treatment?",
    "Same again for the life-jacket bit, which is the shot immediately after.",
    "do that again on the one right after it please",
])
def test_the_same_on_the_shot_straight_after(airline, said):
    """p-e-airline-01 t3: "the shot straight after" (said with no object) was no place: 'Same again where?'."""
    before = airline.plan
    turn = airline.say(said)
    assert not turn.question, turn.reply
    assert energy_at(airline.plan, 56) < energy_at(before, 56), turn.reply
    assert _outside_same(before, airline.plan, 52, 61), turn.reply


@pytest.fixture()
def xmas(tmp_path):
    """A 70 s family video, a picture every 7 s (shots 1-10), brass band; the first half made slower and calmer."""
    from edit_clips import long_clip
    s = open_long(tmp_path, "festive christmas brass band", long_clip(70.0, 7.0))
    s.say("It's going at a fair old lick in the first half. Could you rein it in up to the end of the fifth picture?")
    return s


@pytest.mark.parametrize("said", [
    "Now the second half feels like it's rushing off. Could you do to the second half what you just did to the first?",
    # other voices
    "please do for the last five pictures what you did for the first five",
    "Give the second half what you gave the first half, it's racing too.",
    pytest.param("And the rest of it - can you do the same to that as you did to the start?", marks=pytest.mark.xfail(
        reason="the place it goes is 'that', pointing back to 'the rest of it' said before the dash: not read", strict=True)),
])
def test_what_you_did_to_one_place_done_to_another(xmas, said):
    """p-a-christmas-13 t3: read as "slower" alone (the energy lowered with it in t2 was not repeated), so in t5 the
    second half sat at full energy and "merrier" there could not rise."""
    before = xmas.plan
    turn = xmas.say(said)
    assert not turn.question, turn.reply
    assert tempo_at(xmas.plan, 50) < tempo_at(before, 50), turn.reply
    assert energy_at(xmas.plan, 50) < energy_at(before, 50), turn.reply
    assert _outside_same(before, xmas.plan, 35, 70), turn.reply
