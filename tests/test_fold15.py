"""The last edit put right at another place (notes FOLD15): every reader of a correction ("no, I meant shot 8",
"sorry, shot 8 not 5", "I said the eighth", "wrong one, the last shot", "one later") takes the last edit back the
one way (`followups.moved`), so the plan after the correction is the plan the corrected request makes said
directly: its sections, tempos and parts. Before, "no, I meant ..." and "..., not 5" put the wrong place back with
the cuts its edit made kept, so a section split at the wrong shot stayed split ("one later" joined it again), and
their reply named the correction's own words as not acted on."""

from __future__ import annotations

import pytest
from edit_clips import bikes, long_clip, open_long

from v2m.agent.dialogue.changes import same_music


def _short(tmp_path, name: str):
    # 30 s cut every 2 s (shots 1-15): the first score's sections hold two shots, so an edit at one shot splits one
    return open_long(tmp_path / name, "jazz", long_clip(30.0, 2.0))


@pytest.mark.parametrize("fix, direct", [("no, I meant shot 8", "make shot 8 faster"),
                                         ("sorry, I meant the eighth shot", "make shot 8 faster"),
                                         ("sorry, shot 8 not 5", "make shot 8 faster"),
                                         ("I said the eighth", "make shot 8 faster"),
                                         ("wrong one, the last shot", "make the last shot faster"),
                                         ("no, one later", "make shot 6 faster")])
def test_a_corrected_place_makes_the_plan_the_corrected_request_makes(tmp_path, fix, direct):
    s = _short(tmp_path, "fixed")
    s.say("make shot 5 faster")
    assert s.plan.sections[s.plan.section_at(8.5)].end_s == pytest.approx(10.0)   # the wrong shot's section, split
    turn = s.say(fix)
    said = _short(tmp_path, "said")
    said.say(direct)
    assert same_music(s.plan, said.plan), turn.reply
    assert [(x.start_s, x.end_s) for x in s.plan.sections] == [(x.start_s, x.end_s) for x in said.plan.sections]
    # the reply says the edit moved, and no word of the correction as not acted on (before: "I did not act on
    # 'sorry' or 'I meant the eighth shot'", the pieces of the correction read alone)
    assert "moved" in turn.reply and "did not act on" not in turn.reply, turn.reply


def test_a_correction_of_a_part_level_is_the_plan_said_directly(tmp_path):
    s = _short(tmp_path, "fixed")
    s.say("more drums in shot 5")
    turn = s.say("no, I meant shot 8")
    said = _short(tmp_path, "said")
    said.say("more drums in shot 8")
    assert same_music(s.plan, said.plan), turn.reply


def test_the_second_shot_moved_to_the_third_joins_the_first_section_again(tmp_path):
    # bikes: the first score's first section holds shots 1-2; "slower in the second shot" cut it at 1.2 s, and the
    # correction to the third shot joins it again, as "slower in the third shot" said first leaves it
    a = bikes()
    plans = []
    for name, said in (("fixed", ["slower in the second shot, only there", "no, I meant the third shot"]),
                       ("said", ["slower in the third shot, only there"])):
        s = open_long(tmp_path / name, "calm piano", a)
        for x in said:
            s.say(x)
        plans.append(s.plan)
    assert same_music(*plans)
    third = plans[0].sections[plans[0].section_at(4.0)]
    assert plans[0].sections[plans[0].section_at(2.0)].tempo_bpm is None and third.tempo_bpm < plans[0].tempo_bpm
