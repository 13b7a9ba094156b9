"""Places said beside a moment of the picture (p-tune, written before the fix, in the user's words and other voices):
"when they open the big present from Father Christmas, that's the last picture, ..." names the place by the picture
counted, so the edit lands there, even when the moment's own words hold a "from" ("the present from Santa"), which
is no place of its own; a place in brackets beside a place's name ("from pheras onwards (that is 6th cut)") is that
place; a soft start that "slowly slowly increase"s is a build, as one that grows."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip, make_analysis, open_long


@pytest.fixture()
def xmas(tmp_path):
    """A 70 s home video, a cut every 7 s (shots 1-10), scored as a brass band."""
    return open_long(tmp_path, "festive christmas brass band", long_clip(70.0, 7.0))


@pytest.mark.parametrize("said, lo, hi, change", [
    ("When they open the big present from Father Christmas, that's the last picture, could it swell right up like an "
     "orchestra at the end of a film?", 63, 70, "rise"),
    # other voices
    ("where the parcel from Auntie May gets opened, which is the last photo, build it right up", 63, 70, "rise"),
    ("When the kids get the bike from their grandad, that's the ninth picture, can it be a lot louder there?", 56, 63, "up"),
    ("as the dog runs off with the paper from the presents, that is the third picture, quieter there please", 14, 21, "down"),
])
def test_a_place_said_by_the_picture_counted_beside_a_moment(xmas, said, lo, hi, change):
    """p-tune christmas-13 t4: the moment's words ("from Father Christmas") held a "from", so the picture counted beside
    it was taken for a name given to a place of its own and dropped; the moment was then asked about."""
    before = xmas.plan
    turn = xmas.say(said)
    assert not turn.question, turn.reply
    after = xmas.plan
    outside = [(s.start_s, s.energy) for s in after.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    was = [(s.start_s, s.energy) for s in before.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    assert outside == was, turn.reply
    inside = [s.energy for s in after.sections if lo - 0.05 <= s.start_s < hi - 0.05]
    old = before.sections[before.section_at((lo + hi) / 2)].energy
    if change == "rise":
        assert len(inside) >= 2 and inside[-1] > inside[0], turn.reply
    elif change == "up":
        assert inside and min(inside) > old, turn.reply
    else:
        assert inside and max(inside) < old, turn.reply


WEDDING_CUTS = (6, 15, 24, 33, 45, 58, 70, 81)


@pytest.fixture()
def wedding(tmp_path):
    """A 90 s wedding highlight cut at WEDDING_CUTS (shots 1-9), scored as a marching band."""
    return open_long(tmp_path, "punjabi wedding, brass band baja", make_analysis(90.0, 25.0, [c * 25 for c in WEDDING_CUTS]))


def _only_in(before, after, lo: float, hi: float) -> bool:
    """Whether every section outside [lo, hi] kept its energy and tempo."""
    out = lambda p: [(s.start_s, s.energy, s.tempo_bpm) for s in p.sections if s.end_s <= lo + 0.05 or s.start_s >= hi - 0.05]
    return out(before) == out(after)


def _rises(plan, lo: float, hi: float) -> bool:
    inside = [s.energy for s in plan.sections if lo - 0.05 <= s.start_s < hi - 0.05]
    return len(inside) >= 2 and inside[-1] > inside[0]


@pytest.mark.parametrize("said", [
    "From pheras onwards (that is 6th cut) till the end, start soft and slowly slowly increase, full josh at the end",
    # other voices
    "from the vidaai (i.e. the sixth cut) to the end: begin quiet and build",
    "After the pheras (6th cut), start soft then get bigger and bigger",
])
def test_a_place_in_brackets_beside_its_name_is_that_place(wedding, said):
    """p-tune wedding-02 t3: the bracketed "(that is 6th cut)" was lost with its brackets, "pheras" left as no place."""
    before = wedding.plan
    turn = wedding.say(said)
    assert not turn.question, turn.reply
    assert _rises(wedding.plan, 58, 90) and _only_in(before, wedding.plan, 58, 90), turn.reply


@pytest.mark.parametrize("said, lo, hi, up", [
    ("in the doli scene (shot 8) a bit more energy", 70, 81, True),
    ("from the sangeet (that's the 3rd cut) onwards, calmer please", 24, 90, False),
])
def test_a_bracketed_place_for_a_plain_edit(wedding, said, lo, hi, up):
    before = wedding.plan
    turn = wedding.say(said)
    mid = (lo + hi) / 2
    assert (energy_at(wedding.plan, mid) > energy_at(before, mid)) == up and energy_at(wedding.plan, mid) != energy_at(before, mid), turn.reply
    assert _only_in(before, wedding.plan, lo, hi), turn.reply


@pytest.mark.parametrize("said", [
    "from the 6th cut till the end, start soft and slowly slowly increase",
    # other voices
    "the last three shots: start quiet and slowly increase",
    "from 0:58 begin gently and gradually increase",
])
def test_a_soft_start_that_increases_is_a_build(wedding, said):
    """'increase' said of the music itself after a soft start is a build (before: 'start soft and slowly increase' was
    read falling, 'slowly slowly increase' as a style)."""
    before = wedding.plan
    turn = wedding.say(said)
    assert not turn.question, turn.reply
    assert _rises(wedding.plan, 58, 90) and _only_in(before, wedding.plan, 58, 90), turn.reply


CHURCH_CUTS = (10, 22, 35, 47, 60, 72, 85)


@pytest.fixture()
def church(tmp_path):
    """A 100 s service recap cut at CHURCH_CUTS (shots 1-8), scored as gospel."""
    return open_long(tmp_path, "sunday service recap, organ and choir, gospel", make_analysis(100.0, 25.0, [c * 25 for c in CHURCH_CUTS]))


@pytest.mark.parametrize("asked, answer, lo, hi", [
    ("when pastor comes up to speak can it get real quiet", "thats the fourth shot um the one at thirty five", 35, 47),
    # other voices
    ("when the bishop walks in could things get really soft", "the sixth shot", 60, 72),
    ("can it get real calm when they pray", "that's shot 2", 10, 22),
])
def test_it_gets_quiet_as_a_wish_answered_with_its_place(church, asked, answer, lo, hi):
    """p-tune church-01 t3: "can it get real quiet" was no edit the grammar knew ('get quiet' guessed as a style), so
    the answer's place had nothing to carry."""
    before = church.plan
    assert church.say(asked).question
    turn = church.say(answer)
    mid = (lo + hi) / 2
    assert energy_at(church.plan, mid) < energy_at(before, mid), turn.reply
    assert _only_in(before, church.plan, lo, hi), turn.reply


@pytest.mark.parametrize("said, lo, hi", [("in the fourth shot can it get real quiet", 35, 47),
                                          ("let it get really soft from the fifth cut on", 60, 100)])
def test_it_gets_quiet_said_with_its_place(church, said, lo, hi):
    before = church.plan
    turn = church.say(said)
    mid = (lo + hi) / 2
    assert energy_at(church.plan, mid) < energy_at(before, mid), turn.reply
    assert _only_in(before, church.plan, lo, hi), turn.reply


CRUISE_CUTS = (9, 21, 30, 44, 57, 66, 79, 92)


def _plays(plan, role: str, t: float) -> bool:
    s = plan.sections[plan.section_at(t)]
    return s.music and (not s.instruments or role in s.instruments)


@pytest.fixture()
def cruise(tmp_path):
    """A 105 s holiday video cut at CRUISE_CUTS (shots 1-9), scored as reggae (drums playing)."""
    return open_long(tmp_path, "reggae, sunny", make_analysis(105.0, 25.0, [c * 25 for c in CRUISE_CUTS]))


@pytest.mark.parametrize("said, lo, hi", [
    ("From when we get off at Barbados, that's the fourth bit of film, right through to the end, could it be a little "
     "softer, and let the drummer have a rest there as well please.", 30, 105),
    # other voices
    ("give the drummer a break in the last two shots", 79, 105),
    ("from the sixth bit of film on, let the drums take a rest", 57, 105),
    ("the drummer can sit out the second shot", 9, 21),
])
def test_a_part_given_a_rest_is_out_there(cruise, said, lo, hi):
    """p-tune cruise-03 t3: "let the drummer have a rest there" was unread (the drums kept playing)."""
    before = cruise.plan
    assert _plays(before, "drums", (lo + hi) / 2)
    turn = cruise.say(said)
    assert not _plays(cruise.plan, "drums", (lo + hi) / 2) and not _plays(cruise.plan, "drums", hi - 1), turn.reply
    assert _plays(cruise.plan, "drums", lo - 2), turn.reply
