"""Answers to the chat's own questions: the turn after the planner asked something is read with the request
that question was about.

    from v2m.agent.dialogue.answers import asked_turn, answered
    asked = asked_turn(store.turns(sid))                  # the last turn, when it was a question
    result = answered(planner, analysis, plan, lineage, asked, "it's the third shot", result)

An answer ("it's the third shot", "more energy", "the second one") is read together with the request it
answers ("<request>. <answer>"), and that reading is taken when together they make an edit (never "ok thanks"
alone). A question that offered readings is answered by naming one ("the second one", "more energy please").
"""

from __future__ import annotations

from v2m.agent.dialogue.messages import picks
from v2m.agent.dialogue.store import TurnRecord
from v2m.tools.contract import ScorePlan, VideoAnalysis


def asked_turn(turns: list[TurnRecord]) -> TurnRecord | None:
    """The last turn, when the planner answered it with a question (its request, reply and options)."""
    last = turns[-1] if turns else None
    return last if last and last.kind == "say" and last.question and "?" in last.reply else None


def answered(planner, analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan], asked: TurnRecord | None,
             text: str, result):
    """The planner's result for `text` read as an answer to `asked`, else `result` (its reading alone).

    Args:
        planner: the session's planner (its `revise` reads a request against a plan).
        analysis, old, lineage: the video, the current plan and the plans so far.
        asked: the question just asked (its request, reply and options), or None.
        text: the user's new words.
        result: `text` read on its own by the planner.
    Returns:
        The PlanResult to take.
    """
    picked = picks(asked.options, text) if asked else None
    if asked and (getattr(result, "question", None) or picked):
        answer = picked if picked and picked.lower() not in text.lower() else text
        both = planner.revise(analysis, old, f"{asked.text.strip().rstrip('.!?')}. {answer}", history=lineage)
        if not getattr(both, "question", None) and both.plan != old:
            return both
    return result
