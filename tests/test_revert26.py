"""One thing of the last edit taken back by its name ("the old tempo was better for the back half, go back to that"):
that thing alone comes back, where the edit was; the rest of that edit (its energy) stays. And the words of the way
back ("go back to that") are not reported as words nobody acted on, when the turn went back."""

from __future__ import annotations

import pytest
from edit_clips import tempos


def _sections(plan, a, b):
    return [s for s in plan.sections if s.start_s >= a - 1e-6 and s.end_s <= b + 1e-6]


@pytest.mark.parametrize("said", [
    "hmm, the old tempo was better for the back half, go back to that",
    "the previous speed was nicer after 0:20, go back to it",
    "actually the old pace worked better from 0:20 on, revert to that",
])
def test_the_old_tempo_alone_comes_back(jazz_long, said):
    before = jazz_long.plan
    jazz_long.say("after 0:20 it drags, kick it up a gear")
    edited = jazz_long.plan
    late = [(a.tempo_bpm or before.tempo_bpm, b.tempo_bpm or edited.tempo_bpm, a.energy, b.energy) for a, b in zip(_sections(before, 20, 60), _sections(edited, 20, 60))]
    assert any(t1 > t0 for t0, t1, _, _ in late) and any(e1 > e0 for _, _, e0, e1 in late), late   # faster and livelier
    turn = jazz_long.say(said)
    now = jazz_long.plan
    assert tempos(now) == tempos(before), turn.reply
    assert [s.energy for s in now.sections] == [s.energy for s in edited.sections], turn.reply   # the energy stays
    assert "did not act on" not in turn.reply, turn.reply


def test_two_old_things_named_bring_back_the_whole_edit(jazz_long):
    before = jazz_long.plan
    jazz_long.say("after 0:20 it drags, kick it up a gear")
    turn = jazz_long.say("the old tempo and energy were better for the back half, go back to that")
    assert tempos(jazz_long.plan) == tempos(before), turn.reply
    assert [s.energy for s in jazz_long.plan.sections] == [s.energy for s in before.sections], turn.reply
