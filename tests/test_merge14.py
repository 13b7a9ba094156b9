"""What the lead mended after the fourteenth session's merges (readback14c, on the second round): a part refused in
an opening only when the refusal ends at the part, a mood said not to be, and "character" as a person."""

from __future__ import annotations

import pytest
from edit_clips import long_clip

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.planners.base import get_planner
from v2m.agent.planners.refused import refused


def _plays(plan, role: str) -> bool:
    return any(role in effective_roles(plan, s) for s in plan.sections if s.music)


@pytest.mark.parametrize("said,part", [("hype EDM for a skate video, build up then drop the bass", "bass"),
                                       ("jazz, I dont want drums to be too loud", "drums"),
                                       ("epic trailer with a big hit on every cut the drums should slam", "drums"),
                                       ("lofi hip hop, no beat drops just chill", "drums")])
def test_a_part_said_beside_a_refusing_word_still_plays(said, part):
    plan = get_planner("rules").plan(long_clip(), said).plan
    assert refused(said) == [] and _plays(plan, part)


@pytest.mark.parametrize("said,out", [("jazz without drums", "drums"), ("a rock score, drop the drums", "drums"),
                                      ("jazz but slow and no drums, please", "drums"), ("lofi, no bass at all", "bass")])
def test_a_refusal_that_ends_at_the_part_takes_it_out(said, out):
    plan = get_planner("rules").plan(long_clip(), said).plan
    assert not _plays(plan, out)


def test_a_mood_said_not_to_be_does_not_set_the_pace():
    clip = long_clip()
    assert get_planner("rules").plan(clip, "jazz, dont make it sad").plan.tempo_bpm == \
        get_planner("rules").plan(clip, "jazz").plan.tempo_bpm


def test_the_main_character_is_a_person_not_a_character_word(jazz_long):
    turn = jazz_long.say("the main character enters at 0:12")
    assert "says a character more than a sound" not in (turn.question or turn.reply)
    turn = jazz_long.say("give it some character")
    assert turn.question and "says a character more than a sound" in turn.question


def test_a_tempo_said_with_a_mood_in_a_major_key_is_the_tempo(jazz_long):
    # fix14 made a placed "brighter" in a major key brighter another way (a little faster); a tempo said beside it,
    # or the key's own word ("make it major there"), is not a feeling to move by
    from edit_clips import tempo_at
    jazz_long.say("more upbeat at 150 bpm in the last shot")
    assert tempo_at(jazz_long.plan, 58) == pytest.approx(150)


def test_a_stretch_named_by_where_it_starts_runs_from_there(tmp_path):
    from edit_clips import energy_at, open_long
    s = open_long(tmp_path, "epic boss fight music for a highlight reel", long_clip(72.0, 6.0))
    before = s.plan
    s.say("the victory part starts at 0:54, make it triumphant")   # ask14b's named stretches read it at 0:54 only
    assert energy_at(s.plan, 66) > energy_at(before, 66) and energy_at(s.plan, 40) == energy_at(before, 40)
