"""Where a part's balance said without a place applies: right after an edit that brought that part in or changed its
level somewhere, there ("add a flute from 0:20 to 0:40", then "flute's too hot": 0:20-0:40), said so in the reply."""

from __future__ import annotations

from v2m.agent.dialogue import orchestration
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.intents import scope_of
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.where import Span, fmt
from v2m.tools.contract import EditIntent, ScorePlan


def where_heard(intents: list[EditIntent], history: list[ScorePlan] | None) -> list[EditIntent]:
    """A part's balance said without a place ("flute's too hot") right after an edit that brought that part
    in or changed it somewhere ("add a flute from 0:20 to 0:40") is about that part there, not everywhere."""
    if not history or len(history) < 2:
        return intents
    changes = [c for c in diff(history[-2], history[-1]) if c.kind in ("roles", "levels")]
    out = []
    for it in intents:
        role = orchestration.role_of(history[-1], it.value) if it.what == "balance" and it.value else None
        # where the last edit brought it in or moved its level: not where it took it out ("no bass, no pad")
        hits = [c for c in changes
                if role and compiled(rf"\b{role} in\b" if c.kind == "roles" else rf"\b{role}\b").search(c.words)]
        spans = [c.span for c in hits]
        if it.scope.kind == "whole" and spans and None not in spans:
            a, b = min(x for x, _ in spans), max(y for _, y in spans)
            # said as what the last edit did there, not as where the part plays (it may play everywhere)
            done = {"roles": " just came in", "levels": "'s level was just changed"}.get(
                hits[0].kind if len({c.kind for c in hits}) == 1 else "", " was just changed")
            it = it.model_copy(update={"scope": scope_of(Span(a, b, f"where the {it.value}{done} ({fmt(a)}-{fmt(b)})",
                                                              snap=False), it.scope.times_s)})
        out.append(it)
    return out
