"""Mends made while merging the eighteenth session's branches."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

EDL = """TITLE: PROMO_V2
FCM: NON-DROP FRAME
001  AX       V     C        00:00:00:00 00:00:04:00 01:00:00:00 01:00:04:00
* FROM CLIP NAME: WS_TRACK_01.MXF
002  AX       V     C        00:00:12:10 00:00:17:10 01:00:04:00 01:00:09:00
* FROM CLIP NAME: CU_FINISH.MXF"""


def test_a_pasted_edit_list_in_capitals_is_not_read_as_a_shouted_request():
    # meta18 reads a message typed all in capitals in lower case ("PUT IT IN A MINOR KEY"); an edit decision list is
    # capitals too, and lower-cased it lost the look of a paste: set o-tune's news-10 t4 (a pasted EDL) changed the
    # plan where it must be refused. Lines of capitals are a paste, kept as typed.
    from dialogue_check import clip_analysis
    from v2m.agent.dialogue.plainly import unshouted
    from v2m.agent.dialogue.understanding import apply_edit
    from v2m.agent.planners.base import get_planner

    assert unshouted(EDL) == EDL and unshouted("PUT IT IN A MINOR KEY") == "put it in a minor key"
    a = clip_analysis({"duration": 20, "cuts": [4.0, 9.0, 15.0]})
    plan = get_planner("rules").plan(a, "jazz").plan
    r = apply_edit(a, plan, EDL)
    assert r.plan == plan
    assert apply_edit(a, plan, "MAKE IT SLOWER").plan != plan


def test_a_question_about_what_differs_from_the_original_is_no_undo():
    # join18 let the learned head's "revert" (right 11 of 11 times on "what do you mean" turns) act on questions about
    # the difference between versions: the talk bank's tune half lost two answers, each of which undid the last edit
    # ("How does this compare to the original, what got altered?"). Asking to go back still goes back.
    from dialogue_check import clip_analysis
    from v2m.agent.dialogue.understanding import apply_edit
    from v2m.agent.planners.base import get_planner

    a = clip_analysis({"duration": 30, "every": 5})
    first = get_planner("rules").plan(a, "jazz").plan
    slower = apply_edit(a, first, "much slower").plan
    assert slower.tempo_bpm < first.tempo_bpm
    for q in ("How does this compare to the original, what got altered?",
              "Could you walk me through everything that's different between version one and version two?",
              "what's different compared to the first one?"):
        assert apply_edit(a, slower, q, history=[first, slower]).plan == slower, q
    assert apply_edit(a, slower, "can we go back to the original?", history=[first, slower]).plan.tempo_bpm == first.tempo_bpm
