"""Places said the way people say them (scope14): forty requests written before reading the agent's code, each
with the span a careful user means, asserted on the plan (energy / tempo heard inside and outside the span) through
a real chat Session: spoken clock times, relative places after a placed edit ("there", "right after that"),
'from X on' / 'until X' / 'between X and Y' in loose forms, pieces of a shot or section, and lock scopes.

Clips: jazz on the synthetic 60 s clip cut every 4 s (shot k is [4(k-1), 4k]; intro 0-4, climax 28-32), the same
cut every 4 s over 120 s for clock times past a minute, and the real bikes clip analysed (cuts at 1.2, 3.04, 5.48,
7.48, 9.68 s)."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip, open_long, tempo_at


@pytest.fixture(scope="module")
def real_bikes():
    from dialogue_check import _real_bikes

    return _real_bikes()


def _changed(session, said: str, before: tuple[str, ...] = ()) -> tuple[list[float], object]:
    """Say `before` (each must change the plan), then `said`; return the probe times (every half second) whose
    energy or tempo `said` changed, with its turn."""
    for line in before:
        assert session.say(line).changed, line
    old = session.plan
    turn = session.say(said)
    new = session.plan
    end = new.duration_s if hasattr(new, "duration_s") else None
    end = end or max(s.end_s for s in new.sections)
    probes = [k / 2 + 0.25 for k in range(int(end * 2))]
    moved = [t for t in probes if abs(energy_at(new, t) - energy_at(old, t)) > 1e-6
             or abs(tempo_at(new, t) - tempo_at(old, t)) > 1e-6]
    return moved, turn


def _near(moved: list[float], t: float) -> bool:
    return any(abs(m - t) <= 0.25 for m in moved)


def _check(session, said, inside, outside, before=()):
    moved, turn = _changed(session, said, before)
    assert turn.changed and not turn.question, (said, turn.reply, turn.question)
    assert all(_near(moved, t) for t in inside), (said, turn.reply, [t for t in inside if not _near(moved, t)])
    assert not any(_near(moved, t) for t in outside), (said, turn.reply, [t for t in outside if _near(moved, t)])


# ----------------------------------------------------------------------------- spoken clock times (60 s clip)

@pytest.mark.parametrize("said, inside, outside", [
    ("more intense at forty", [40.75, 43.25], [10.75, 30.75, 37.75, 50.75]),
    ("make it more intense half a minute in", [30.25], [10.25, 20.25, 45.25, 55.25]),
    ("give it more energy twenty seconds in", [21.25], [5.25, 12.25, 35.25, 50.25]),
    ("calmer in the last ten seconds", [51.25, 55.25, 59.75], [30.25, 45.25]),
    ("slower for the first quarter", [1.25, 7.25, 13.25], [18.25, 30.25, 50.25]),
    ("faster from the forty second mark", [41.25, 50.25, 59.75], [20.25, 30.25]),
    ("calmer from forty-five seconds to fifty-five", [46.25, 50.25, 54.25], [20.25, 40.25, 58.75]),
    ("more energy in the first twenty seconds", [1.25, 10.25, 19.25], [22.25, 40.25]),
    ("more intense about a third of the way in", [20.75], [5.25, 40.25, 55.25]),
    ("slow down for the final quarter of the video", [46.25, 52.25, 59.75], [30.25, 40.25]),
    ("more energy at the halfway point", [30.25], [5.25, 50.25]),
    ("calmer in the middle third", [21.25, 30.25, 38.75], [10.25, 50.25]),
])
def test_a_spoken_clock_time_places_the_edit(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)


@pytest.mark.parametrize("said, inside, outside", [
    ("more energy around the one-minute mark", [61.25], [20.25, 40.25, 100.25]),
    ("more intense at one fifteen", [74.25, 75.25], [15.25, 60.25, 100.25]),
])
def test_a_clock_time_past_a_minute_on_a_long_clip(tmp_path, said, inside, outside):
    _check(open_long(tmp_path, "jazz", long_clip(120.0, 4.0)), said, inside, outside)


# ----------------------------------------------------------------------------- relative places after a placed edit

@pytest.mark.parametrize("before, said, inside, outside", [
    ("more intense in shot 5", "and slower there too", [17.25, 19.25], [10.25, 22.25, 40.25]),
    ("more energy at 0:24", "faster from there on", [25.25, 40.25, 59.75], [10.25, 20.25]),
    ("calmer in shot 4", "more intense right after that", [17.25, 19.25], [10.25, 13.25, 30.25]),
    ("more intense in shot 8", "calmer just before it", [25.25, 27.25], [15.25, 29.25, 40.25]),
    ("faster at 0:36", "more energy at the same spot", [37.25, 39.25], [20.25, 50.25]),
    ("more intense at forty seconds", "make everything after that calmer", [45.25, 50.25, 59.75], [30.25, 41.25]),
    ("slower in shot 10", "bring the energy up in the shot before that", [33.25, 35.25], [20.25, 37.25, 50.25]),
    ("calmer at 0:20", "more intense from there until the end", [21.25, 40.25, 59.75], [10.25, 18.25]),
])
def test_a_relative_place_follows_the_last_placed_edit(jazz_long, before, said, inside, outside):
    _check(jazz_long, said, inside, outside, (before,))


# ----------------------------------------------------------------------------- from X on / until X / between, loosely

@pytest.mark.parametrize("said, inside, outside", [
    ("faster from the third cut till the end", [13.25, 30.25, 59.75], [5.25, 10.25]),
    ("more intense up to shot 5", [1.25, 10.25, 15.25], [25.25, 40.25]),
    ("calmer between the second and fourth cuts", [9.25, 15.25], [5.25, 18.25, 40.25]),
    ("slower from shot 6 onwards", [21.25, 40.25, 59.75], [10.25, 19.25]),
    ("more energy until the 30 second mark", [1.25, 15.25, 29.25], [35.25, 50.25]),
    ("more intense from shot 3 through shot 5", [9.25, 19.25], [5.25, 22.25]),
    ("faster starting at twenty-five seconds", [26.25, 40.25, 59.75], [10.25, 22.25]),
    ("make everything before shot 4 calmer", [1.25, 11.25], [13.25, 30.25]),
])
def test_a_loose_from_until_between_scope(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)


def test_everything_after_the_drop_once_the_drop_is_told(jazz_long):
    # the user names a moment ("the drop") by its time, then scopes an edit from it
    jazz_long.say("the drop is at 32 seconds")
    _check(jazz_long, "make everything after the drop faster", [33.25, 45.25, 59.75], [10.25, 25.25, 30.25])


# ----------------------------------------------------------------------------- pieces of a shot or a section

@pytest.mark.parametrize("said, inside, outside", [
    ("more intense in the second half of shot 3", [10.25, 11.75], [8.25, 9.25, 13.25]),
    ("calmer at the tail end of the intro", [3.75], [0.25, 10.25]),
    ("more energy in the last couple of shots", [53.25, 59.75], [30.25, 45.25]),
    ("slower for the first two shots", [1.25, 7.25], [9.25, 30.25]),
    ("more intense in the first half of the climax", [28.25, 29.25], [20.25, 31.25]),
])
def test_a_piece_of_a_shot_or_section(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)


# ----------------------------------------------------------------------------- lock scopes

@pytest.mark.parametrize("said, inside, outside", [
    ("leave shot 2 alone, more energy everywhere else", [1.25, 10.25, 30.25, 59.75], [5.25, 7.25]),
    ("faster everywhere except the intro", [5.25, 30.25, 59.75], [1.25, 3.25]),
    ("don't touch the last two shots but make the rest calmer", [1.25, 30.25, 50.25], [53.25, 59.75]),
])
def test_a_lock_scope_keeps_its_place_untouched(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)


# ----------------------------------------------------------------------------- the real bikes clip

@pytest.mark.parametrize("before, said, inside, outside", [
    pytest.param((), "more intense at five seconds", [4.75], [0.75, 8.25], marks=pytest.mark.xfail(
        reason="by design a moment within 0.8 s before a cut (5.48) is the shot that cut begins (`place_finders.shot_at`); "
               "I meant the shot 5 s falls in, left for the lead to judge", strict=True)),
    ((), "faster from the second cut on", [3.75, 6.25, 8.75], [0.75, 2.25]),
    ((), "calmer in the last couple of seconds", [8.75, 9.75], [2.25, 5.25]),
    (("more energy in shot 2",), "and slower right after that", [3.75, 4.75], [0.75, 2.25, 8.25]),
])
def test_places_on_the_real_bikes_clip(tmp_path, real_bikes, before, said, inside, outside):
    _check(open_long(tmp_path, "jazz", real_bikes), said, inside, outside, before)


# ----------------------------------------------------------------------------- added after reading the code

def test_a_stretch_between_two_spoken_clock_times(tmp_path):
    # "one fifteen and one twenty eight": the second is read once the first is a clock time (k-tune's dictation)
    _check(open_long(tmp_path, "jazz", long_clip(120.0, 4.0)), "more energy between one fifteen and one twenty eight",
           [76.25, 84.25], [60.25, 95.25, 15.25])


@pytest.mark.parametrize("said, inside, outside", [
    ("faster everywhere but the intro", [5.25, 30.25, 59.75], [1.25, 3.25]),   # was split at "but": into the intro
    ("calmer in the last few seconds of shot 6", [21.75, 23.75], [20.25, 10.25, 30.25]),
    ("faster from half a minute in", [30.25, 45.25, 59.75], [10.25, 27.25]),   # from there on, not the shot at 0:30
    ("make it calmer from forty on", [40.25, 59.75], [10.25, 38.25]),
    ("slower until twenty seconds in", [1.25, 19.25], [22.25, 40.25]),
])
def test_more_pieces_and_spared_places(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)


@pytest.mark.parametrize("said, inside, outside", [
    # an edge of a place said with a side: that moment (before: "until the end of shot 3" was from shot 3 to the end,
    # "from the start of shot 3 to the end of shot 5" shot 5 alone, "up to the third shot's end" 0-8)
    ("more energy until the end of shot 3", [1.25, 11.25], [13.25, 30.25]),
    ("up to the third shot's end, more energy", [1.25, 11.25], [13.25, 30.25]),
    ("calmer from the end of the second shot on", [8.25, 30.25, 59.75], [1.25, 7.25]),
    ("more energy after the end of the intro", [4.25, 30.25], [1.25, 3.25]),
    ("calmer before the start of the climax", [1.25, 27.25], [29.25, 40.25]),
    ("from the start of shot 3 to the end of shot 5, calmer", [8.25, 19.75], [7.25, 20.25, 40.25]),
    ("more energy from 0:20 to the end of shot 8", [20.25, 31.75], [18.25, 33.25]),
])
def test_an_edge_of_a_place_said_with_a_side(jazz_long, said, inside, outside):
    _check(jazz_long, said, inside, outside)
