"""A part's edits taken back together ("undo the drum changes", "scrap all the bass tweaks"): that part as it was
before the first edit that changed it (where it plays, its level), every other change since kept; whether those
edits are the latest or not (the model read "undo" as the last edit alone, which could be a tempo change)."""

from __future__ import annotations

import re

from v2m.agent.dialogue import doubled
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.hit_words import GONE_VERBS
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import opening
from v2m.tools.contract import EditIntent, ScorePlan

PART_EDITS_RE = re.compile(opening("actually|no|sorry|wait|please|just") +
                           r"(?:(?:can|could|would) (?:you|we) (?:please |just )?)?(?:undo|revert|reverse|roll back|take back|"
                           rf"forget|cancel|{GONE_VERBS})\s+(?:all\s+)?(?:of\s+)?(?:the|my|those|these|our|that)\s+"
                           r"(?P<part>[a-z ]{2,30}?)\s+(?:changes?|edits?|tweaks?|adjustments?|moves?|stuff|things?|idea)\b", re.I)
# "Bass back how it was. Keep the rest.", "put that fiddle back how she was", "the drums back to normal": the same
PART_BACK_RE = re.compile(opening("actually|no|sorry|wait|please|just|ok|okay|and") +
                          r"(?:(?:can|could|would) (?:you|we) (?:please |just )?)?(?:(?:put|bring|set|get|turn|make) )?(?:the |my |that |those |"
                          r"these |our )?(?P<part>[a-z ]{2,30}?) back (?:to )?(?:(?:how|the way|like|as) (?:it|they|she|he) (?:was|were|used to be|"
                          r"sounded)|(?:like|as) (?:before|at first|it was)|to (?:normal|the original|what it was|how it was))\b", re.I)
PART_KINDS = ("levels", "roles", "instrument")


def part_named(m: re.Match | None, history: list[ScorePlan] | None) -> tuple[str, str | None]:
    """The part a match's `part` group names, after an edit, and its role in the last plan ("", None: none)."""
    parts = named_parts(m["part"].lower()) if m and history and len(history) > 1 else []
    return (parts[0], role_of(history[-1], parts[0])) if parts else ("", None)


def undone(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """The part named back as before the first edit that changed it; None when the words name no part's edits, or
    no edit changed that part."""
    word, role = part_named(PART_EDITS_RE.match(request.strip()) or PART_BACK_RE.match(request.strip()), history)
    if role is None:
        return None
    plan = history[-1]   # an instrument that plays several parts (a piano piece's bass, chords and tune): each of them
    played = doubled.roles(plan, list(range(len(plan.sections))), word) or [role]
    return [it for r in played for it in _back(r, request, history)] or None


def _back(role: str, request: str, history: list[ScorePlan]) -> list[EditIntent]:
    """The part `role` back as before the first edit that changed it ([] when none did)."""
    named = compiled(rf"\b{re.escape(role)}\b", re.I)
    changed = [k for k in range(1, len(history))
               if any(c.kind in PART_KINDS and named.search(c.words) for c in diff(history[k - 1], history[k]))]
    if not changed:
        return []
    return [EditIntent(what="revert", version=changed[0] - 1, value="instruments", target=role, text=request[:400])]
