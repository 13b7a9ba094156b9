"""A part's entry moved earlier ("the flute comes in at 0:20", then "the flute comes in at 0:10 instead"): said as
"no flute before 0:10" (`mentions.entry`) where the flute is silent until 0:20 already, the only change it can mean is
the flute playing from 0:10, up to where it comes in now; not "already silent there". A part taken out everywhere
("no drums", then "drums come in after 20 seconds") plays from the moment to the end."""

from __future__ import annotations

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.where import Span, fmt
from v2m.tools.contract import EditIntent, EditScope, ScorePlan


def before(span: Span | None, entered: bool = True) -> Span | None:
    """For an entry, the stretch before its place (the place itself when it already starts at 0)."""
    if span is None or not entered or span.start_s <= 0.05:
        return span
    return Span(0.0, span.start_s, f"before {span.label}", snap=False)


def moved(intents: list[EditIntent], plan: ScorePlan) -> list[EditIntent]:
    """`intents` with each part kept out before a moment where it is silent up to that moment and after it: the part
    brought in from there to where it plays now (or the end)."""
    out = []
    for it in intents:
        sc, role = it.scope, role_of(plan, it.value) if it.what == "remove" and it.value and it.value != "music" else None
        if role is None or sc.kind == "whole" or sc.start_s > 0.05 or not sc.label.startswith("before "):
            out.append(it)
            continue
        plays = [(s.start_s, s.end_s) for s in plan.sections if role in effective_roles(plan, s)]
        t = sc.end_s
        if any(a < t - 0.05 for a, _ in plays):   # it plays before the moment: kept out there, as said
            out.append(it)
            continue
        until = min((a for a, _ in plays), default=plan.duration_s)   # taken out everywhere ("no drums"): from there on
        if until <= t + 0.05:   # it comes in there already
            out.append(it)
            continue
        out.append(it.model_copy(update={"what": "add", "scope": EditScope(
            kind="span", start_s=t, end_s=until, label=f"from {fmt(t)}")}))
    return out
