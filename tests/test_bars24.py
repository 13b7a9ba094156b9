"""Wrong readings of general forms that the refactor24 helper pinned (tests/test_refactor24.py), each tested in the
words found and three or more other wordings of the same form, written before the fix:

1. a number said as one hyphenated word ("bar twenty-one") is one number, not a stretch "bars 20 to 1";
2. a bar counted from the end ("the 2nd from last bar") or a stretch ending on the last bar ("from bar 3 to the last
   bar") is that bar of the music as it plays (`TempoMap.played_bars`, `bar_end_s`), not "the last 1.358 seconds";
3. a part brought back at a moment reads the same with the moment said first as after it ("at 0:30 the drums may come
   back in" is "the drums may come back in at 0:30"), "let them come back in" included.

    python -m pytest -q tests/test_bars24.py
"""

from __future__ import annotations

import pytest
from edit_clips import long_clip, open_long

from v2m.agent.dialogue.bar_places import timed
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import ScorePlan, Section

# 16 s at 120 BPM (bars of 2 s), then 90 BPM: 18 bars (as tests/test_refactor24.py); and 128 s at 120 BPM: 64 bars of 2 s
PLAN = ScorePlan(duration_s=40.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                 sections=[Section(name="a", start_s=0, end_s=16.0), Section(name="b", start_s=16.0, end_s=40.0, tempo_bpm=90)])
LONG = ScorePlan(duration_s=128.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                 sections=[Section(name="a", start_s=0, end_s=128.0)])


@pytest.mark.parametrize("said, read", [
    ("bar twenty-one", "from 0:40 to 0:42"),   # the words found: read as the bars 20 to 1
    # other wordings of the form
    ("after bar thirty-two", "after 1:04"),
    ("in bar forty-five", "from 1:28 to 1:30"),
    ("until bar sixty-one", "until 2:00"),
    ("bar twenty-one louder, bar twenty-two softer", "from 0:40 to 0:42 louder, from 0:42 to 0:44 softer"),
])
def test_a_hyphenated_number_is_one_bar(said, read):
    assert timed(said, LONG) == read


@pytest.mark.parametrize("said, k", [("bar ninety-nine", 99), ("after bar twenty-one", 21), ("from bar fifty-five on", 55)])
def test_a_hyphenated_bar_past_the_end_is_asked_by_its_number(said, k):
    with pytest.raises(Ask) as e:
        timed(said, LONG if k > 64 else PLAN)
    assert f"so bar {k} is past its end" in str(e.value)


@pytest.mark.parametrize("said, same_as", [
    ("the 2nd from last bar", "bar 17"),   # the words found: "the 2nd from the last 1.358 seconds"
    # other wordings of the form
    ("the second to last bar louder", "bar 17 louder"),
    ("the third-from-last bar", "bar 16"),
    ("the 2nd last bar", "bar 17"),
    ("until the 3rd from last bar", "until bar 16"),
    ("beat 2 of the second-to-last bar", "beat 2 of bar 17"),
])
def test_a_bar_counted_from_the_end_is_that_bar(said, same_as):
    assert timed(said, PLAN) == timed(same_as, PLAN)
    assert "seconds" not in timed(said, PLAN)


@pytest.mark.parametrize("said, same_as", [
    ("from bar 3 to the last bar", "from bar 3 to bar 18"),   # the words found: "from 0:04 to the last 1.358 seconds"
    # other wordings of the form
    ("between bar 9 and the final bar", "between bar 9 and bar 18"),
    ("bars 5 through the penultimate bar", "bars 5 through 17"),
    ("from the 3rd bar to the second-last bar", "from bar 3 to bar 17"),
    ("from bar 10 until the last bar", "from bar 10 until bar 18"),
])
def test_a_stretch_to_the_last_bar_ends_with_the_music(said, same_as):
    assert timed(said, PLAN) == timed(same_as, PLAN)


def test_the_user_stretch_to_the_last_bar_reads_to_the_end():
    assert timed("from bar 3 to the last bar", PLAN) == "from 0:04 to 0:40"
    assert timed("the 2nd from last bar", PLAN) == "from 0:36.126 to 0:38.642"


def test_a_bar_counted_from_before_the_start_is_asked():
    with pytest.raises(Ask):
        timed("the 20th from last bar", PLAN)


def _parts_plan(parts: list[str]) -> ScorePlan:
    return ScorePlan(duration_s=40.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                     sections=[Section(name="a", start_s=0, end_s=10.0, instruments=["drums", "bass", "pad"]),
                               Section(name="b", start_s=10.0, end_s=40.0, instruments=parts)])


DRUMS_OUT = [_parts_plan(["drums", "bass", "pad"]), _parts_plan(["bass", "pad"])]   # the last edit took the drums out


@pytest.mark.parametrize("said, read", [
    ("at 0:46 the drums may come back in", "the drums back in from 0:46"),   # the words found: left as said
    ("at 0:21 let them come back in", "drums back in from 0:21"),   # the words found: read by neither order
    # other wordings of the forms
    ("on the fifth cut the bass may come back", "the bass back in from the fifth cut"),
    ("from 0:30 they may come back in", "drums back in from 0:30"),
    ("at 0:12, it may come back", "drums back in from 0:12"),
    ("let them come back in at 0:21", "let drums back in from 0:21"),
    ("on the third cut let them come back", "drums back in from the third cut"),
    ("on the third cut let it come back", "drums back in from the third cut"),   # a control: read before the fix
    ("from 0:40 let them come back", "drums back in from 0:40"),
])
def test_a_part_back_with_the_moment_said_first(said, read):
    from v2m.agent.dialogue.returns import back_from
    assert back_from(said, DRUMS_OUT) == read


def _plays(plan, role: str, t: float) -> bool:
    return role in effective_roles(plan, plan.sections[plan.section_at(t)])


@pytest.fixture()
def rock(tmp_path):
    """A 60 s clip cut every 8 s scored as rock, the drums taken out from 0:10 on."""
    s = open_long(tmp_path, "gritty rock", long_clip(60.0, 8.0))
    assert not s.say("no drums from 0:10 on").question
    return s


@pytest.mark.parametrize("said, at", [
    ("at 0:30 the drums may come back in", 30),   # the words found: the drums back in the shot around 0:30 only
    ("at 0:21 let them come back in", 21),   # the words found: asked "Do you mean remove an instrument?"
    # other wordings
    ("from 0:40 the drums may come back", 40),
    ("At 0:30, they may come back in.", 30),
    ("on the fourth cut let them come back in", 32),
    ("on the fourth cut let the drums come back in", 32),   # a control: read before the fix
])
def test_the_drums_back_from_a_moment_said_first(rock, said, at):
    turn = rock.say(said)
    assert not turn.question, turn.reply
    assert not _plays(rock.plan, "drums", at - 2) and all(_plays(rock.plan, "drums", t) for t in range(at + 1, 60, 3)), turn.reply


@pytest.mark.parametrize("said, at", [("at 0:44 the strings may come back", 44),   # the words found: "There are no strings ..."
                                      ("at 0:44, the strings may come back in please", 44),
                                      ("on the sixth cut the strings may come back", 48),
                                      # controls, read before the fix
                                      ("from 0:44 the strings may come back in", 44), ("at 0:44 let the strings come back", 44)])
def test_the_strings_back_from_a_moment_said_first(tmp_path, said, at):
    s = open_long(tmp_path, "cinematic orchestral with strings", long_clip(60.0, 8.0))
    assert not s.say("no strings from 0:10 on").question
    turn = s.say(said)
    assert not turn.question, turn.reply
    assert not _plays(s.plan, "strings", at - 4) and all(_plays(s.plan, "strings", t) for t in (at + 1, 50, 58)), turn.reply
