"""A cue note's capitals IN and OUT ("IN 0:08 OUT 0:26") are the note's events, not a shouted sentence: meta18's
all-capitals rule lower-cased them, and a lower-case "in 0:08 out 0:26" is no cue (tests/test_cues.py's
test_an_in_and_an_out_with_no_punctuation_between). Other wordings of the same note, written before the mend."""

from __future__ import annotations

import pytest
from edit_clips import make_analysis

from v2m.agent.dialogue.plainly import unshouted
from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.planners.rules import RulesPlanner

CUTS = [4.0, 9.0, 15.0, 21.0, 26.0, 32.0]
FPS = 25.0


@pytest.fixture(scope="module")
def clip():
    analysis = make_analysis(36.0, FPS, [round(t * FPS) for t in CUTS], source="cues.mp4")
    result = RulesPlanner().plan(analysis, "moody synth score")
    return analysis, getattr(result, "plan", result)


def _silent(plan) -> list[tuple[float, float]]:
    return [(s.start_s, s.end_s) for s in plan.sections if not s.music]


@pytest.mark.parametrize("said", ["IN 0:08 OUT 0:26", "1M1 IN 0:08 OUT 0:26", "IN AT 0:08 OUT AT 0:26",
                                  "IN 0:08, OUT 0:26"])
def test_a_cue_note_in_capitals_keeps_its_in_and_out(clip, said):
    analysis, plan = clip
    r = apply_edit(analysis, plan, said)
    assert not r.question, r.question
    assert _silent(r.plan)[0] == (0.0, 8.0) and min(a for a, _ in _silent(r.plan) if a > 0) == 26.0


def test_a_shouted_sentence_is_still_lower_cased():
    assert unshouted("PUT IT IN A MINOR KEY") == "put it in a minor key"
    assert unshouted("BRING THE DRUMS IN AT 0:10") == "bring the drums in at 0:10"
    assert unshouted("IN 0:08 OUT 0:26") == "IN 0:08 OUT 0:26"
