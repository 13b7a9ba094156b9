"""A mark asked for, then taken back: what "nvm the hit" undoes when the last request named a mark. When that request
made the mark, the version before it comes back; when the plan already had a mark there ("hit @ 48" on a cut's
crash: "Nothing changed: 0:48 already has a strong crash") and the user takes it back ("nvm no hit", "we no longer
want that accent, please remove it"), the mark they now know is there is what they mean: it goes, and the last
change of music (made before that request) stays.

    taken_back(asked, history, "nvm no hit")   # [EditIntent(what="no_hit", scope=EditScope(times_s=[48.0]))]

Read by `recall.withdrawn` with the intents of the last request heard (`asked`: its hits).
"""

from __future__ import annotations

from v2m.agent.dialogue.edit_log import unchanged_last
from v2m.agent.dialogue.marks import NEAR_HIT_S
from v2m.tools.contract import EditIntent, EditScope, ScorePlan


def taken_back(asked: list[EditIntent], history: list[ScorePlan], text: str) -> list[EditIntent] | None:
    """The intents that take back the marks `asked` (the hits of the last request heard): the plan's marks at those
    times when that request changed nothing (they were there already), else the version before that request; None
    when it changed nothing and no mark is near a time it named (nothing to take back)."""
    if not unchanged_last(history):
        return [EditIntent(what="revert", version=-1, text=text)]
    said = [t for it in asked for t in it.scope.times_s]
    there = sorted({round(h.time_s, 3) for h in history[-1].hit_points if any(abs(h.time_s - t) <= NEAR_HIT_S for t in said)})
    return [EditIntent(what="no_hit", scope=EditScope(times_s=there), text=text)] if there else None
