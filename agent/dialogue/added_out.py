"""A part the last edit brought in, taken out plainly ("Oh dear, that's rather corny. Please get rid of the accordion"):
back to the plan before that edit, when bringing the part in was all that edit did (its changes only instruments,
parts and levels). Taken out "again" is `recall.withdrawn`'s; anything else is no such request (None), and the part
is taken out as said.

    taken("please get rid of the accordion", history)   # [revert to version -1] after "add an accordion"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.mentions import OUT_VERBS, named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.tools.contract import EditIntent, ScorePlan

OUT_RE = re.compile(rf"\b(?:{OUT_VERBS}|scrap|axe|bin)\b(?: (?:the|that|this|those|these|your))?\s+(?P<rest>[^,.;!?]*)(?P<after>.*)$",
                    re.I | re.S)
# an edit of its own said beside the taking out ("make it faster, and get rid of the accordion"), a place (beside it or
# after the part: "take the strings out at the end"), or the part faded out ("gradually take out the strings", `fade_ins`)
OTHER_EDIT_RE = re.compile(r"\b(?:more|less|faster|slower|louder|quieter|softer|darker|brighter|bigger|calmer|busier|add|make|gradually|"
                           r"turn|bring|put|give|keep|shots?|cuts?|intro|ending|start|end|until|till|from|after|before)\b|\d", re.I)
ONLY_KINDS = {"instrument", "roles", "level"}


def taken(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """Going back to before the last edit when `request` only takes out the one part that edit brought in; else None."""
    if not history or len(history) < 2 or not (m := OUT_RE.search(request)):
        return None
    parts = named_parts(m["rest"].lower())
    if len(parts) != 1 or OTHER_EDIT_RE.search(request[:m.start()] + " " + m["rest"] + " " + m["after"]) or \
            len(re.findall(r"[a-z']+", m["rest"].lower())) > 4:
        return None
    before, last = history[-2], history[-1]
    if role_of(last, parts[0]) is None or role_of(before, parts[0]) is not None:
        return None
    changes = diff(before, last)   # a part brought in ("flute in"), not swapped for another: a swap goes back as said
    if not all(c.kind in ONLY_KINDS for c in changes) or not any(c.kind == "roles" for c in changes):
        return None
    return [EditIntent(what="revert", version=-1, text=request[:400])]
