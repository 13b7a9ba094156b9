"""Instrument intents as read, settled against the plan before they apply: a part said to arrive at a place where it does
not play yet, and cymbals taken out at a cut that carries a crash (`arrivals`); an instrument or a piece of the kit asked
for where it plays all through already, brought forward (`present`); the reason said for a part outside General MIDI
that another plays, and a piece of the kit named alone as the whole kit (`stand_ins`).

Used by `v2m.agent.dialogue.understanding` after the grammar (`orchestration`) has read the parts.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import patterns, vocab
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.tools.contract import EditIntent, EditScope, ScorePlan
from v2m.tools.style import load_style


CRASH_WORDS = {"cymbals", "cymbal", "crash", "crashes", "crash cymbal"}


def with_reason(*reasons: str) -> str:
    """The reasons said, joined, within `EditIntent.reason`'s 300 characters (an intent's own first)."""
    return "; ".join(r for r in reasons if r)[:300]


def arrivals(intents: list, plan: ScorePlan) -> list:
    """"No cello before the third shot" (or "the cello comes in at the third shot") where no cello plays yet:
    the cello plays from there on, an addition at the place it arrives, not a question about removing it. And
    cymbals taken out at a cut that carries a crash ("the cymbals on the second cut are harsh, take those out"):
    that crash, not the kit."""
    out = []
    for it in intents:
        sc = it.scope
        at = [h.time_s for h in plan.hit_points if sc.kind != "whole" and abs(h.time_s - (sc.start_s or 0.0)) < 0.1]
        if it.value in CRASH_WORDS and at and (it.what == "remove" or it.what == "balance" and it.direction == "down"):
            gone = EditIntent(what="no_hit", scope=EditScope(times_s=[round(t, 3) for t in at]), text=it.text)
            out += [] if any(o.what == "no_hit" and o.scope == gone.scope for o in out) else [gone]
            continue
        if it.what == "remove" and it.value and it.value != "music" and role_of(plan, it.value) is None and sc.kind != "whole" and \
                sc.start_s <= 0.05 and sc.label.startswith("before ") and sc.end_s < plan.duration_s - 1.0:
            it = it.model_copy(update={"what": "add", "scope": sc.model_copy(update={
                "kind": "from", "start_s": sc.end_s, "end_s": plan.duration_s, "label": "from " + re.sub(r" \([^()]*\)$", "", sc.label[7:]),
                "sections": None})})
        out.append(it)
    return out


# An instrument asked for as one not there yet: with "a", "an" or "some" ("add a guitar", "could we get some piano"), or
# right after a verb of adding ("add drums"); "let the bass walk", "the drums come in strong" ask the part to play fuller
ADDED_DB = 2.0   # the level a part asked for where it plays comes up by (as `orchestration.add` brings it)
NEW_ASKED = r"(?:\b(?:a|an|some)\s+(?:[a-z-]+\s+){0,2}|\b(?:add|adding|include|introduce|throw in|put in)\s+)"


def present(intents: list, plan: ScorePlan) -> list:
    """An instrument asked for as new ("add a guitar") or a piece of the kit asked for ("add a snare", "more hi-hat")
    where that part plays all through the place already: it is there, so it is brought forward (its level up against the
    others), never the whole score's energy (every part's), and the reply says so. Where it plays nowhere or only in
    some of the place, the add stands: it comes in where it is out."""
    return [_forward(it, plan) if it.what == "add" and it.value and it.value not in ("music", "brushes") and
            " back " not in f" {it.text} " else it for it in intents]


def _forward(it: EditIntent, plan: ScorePlan) -> EditIntent:
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    kit = it.value in vocab.KIT_PIECES and "drums" in inst
    role = "drums" if kit else role_of(plan, it.value)
    if role is None or not _throughout(plan, role, it.scope):
        return it
    where = "" if it.scope.kind == "whole" else " there"
    if kit:
        why = f"{it.value}: part of the drum kit, which plays as one part{where}, so the whole kit is brought forward instead"
    elif it.direction == "up" or vocab.another_sound(it.value, inst[role]) or it.value in ("horn", "horns") or \
            vocab.ROLE_WORDS.get(it.value, role) != role or \
            not patterns.compiled(NEW_ASKED + re.escape(it.value) + r"(?:e?s)?\b").search((it.text or "").lower()):
        return it   # "more bass": its level, as read; "add an electric guitar" beside an overdriven one: a part of its own;
        # "bring in some percussion" where only the kit plays it: no percussion of its own plays, so as read
    else:
        why = f"the {it.value} already plays{where}, so it is brought forward"
    return it.model_copy(update={"what": "balance", "direction": "up", "amount": ADDED_DB, "value": "drums" if kit else it.value,
                                 "reason": with_reason(it.reason, why)})


def _throughout(plan: ScorePlan, role: str, sc: EditScope) -> bool:
    """Whether `role` plays in every section the scope `sc` reaches."""
    secs = [s for s in plan.sections if sc.kind == "whole" or s.start_s < sc.end_s - 0.05 and s.end_s > sc.start_s + 0.05]
    return bool(secs) and all(role in effective_roles(plan, s) for s in secs)


def stand_ins(intents: list, plan=None) -> list:
    """The intents with the reason said for each instrument outside General MIDI they bring in ("no dhol in the GM
    sound set, so Taiko Drum plays it"; "more dhol" where none plays: `vocab.more_of_missing`); and a piece of the
    kit named alone ("kill the hats", "the kick comes in at 0:20") as the whole kit, said so: the kit plays as one."""
    out = []
    for it in (intents if plan is None else [vocab.more_of_missing(it, plan) for it in intents]):
        if it.what in ("remove", "balance") and it.value in vocab.KIT_PIECES:
            out.append(_kit(it))
            continue
        words = (it.value or "").split(",") if it.what in ("add", "swap", "only", "balance") else []
        inst = {**load_style(plan.style).instruments, **plan.instrumentation} if plan is not None and it.what == "add" else None
        why = "; ".join(x for x in (vocab.stand_in(w.strip(), inst) for w in words) if x)
        out.append(it.model_copy(update={"reason": with_reason(it.reason, why)}) if why else it)
    return out


def _kit(it):   # a piece taken out ("lose the hats") leaves a thinner, quieter kit; held until a moment ("the kick comes in at 0:20") the kit comes in
    why = f"{it.value}: part of the drum kit, which plays as one part, so the whole kit {'plays quieter instead' if (thin := it.what == 'remove' and it.scope.kind != 'until') else 'is out there' if it.what == 'remove' else 'moves'}"
    return it.model_copy(update={"value": "drums", "reason": with_reason(it.reason, why)} | ({"what": "balance", "direction": "down"} if thin else {}))
