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
from v2m.agent.dialogue.patterns import compiled, said_sentences
from v2m.agent.dialogue.references import AS_IT_WAS
from v2m.agent.dialogue.versions import KEEP_CLAUSE_RE
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
# The part said first, its going back after ("rhythm in the end, please go back like first version", "the drums in
# market I like more the first time, before I said make strong. Change back this", "the beat was better at first, put
# it back"): an earlier state named (`EARLIER_RE`) and a wish for it (`WANTED_RE`), in the sentences that name the part
BEFORE_SAID = r"\bbefore (?:i|we|you)\s+(?:said|asked|told|made|had you|wanted)\b"   # "before I said make strong"
EARLIER_RE = re.compile(r"\b(?:first|original|earlier|old|previous)\s+(?:version|one|time|take|mix|draft)\b|\bthe original\b|"
                        rf"\bat (?:the )?first\b|{BEFORE_SAID}|\b{AS_IT_WAS}", re.I)
WANTED_RE = re.compile(r"\b(?:back|revert|restore|preferred|prefer|liked?|loved)\b|\b(?:better|nicer|more good)\b", re.I)
# what else the request may ask ("back like the first version but louder", "go back to the first version with
# strings"): an edit beside the going back, which this reader leaves to the others; "before I said make strong" is
# the edit named, not asked again, and "keep the flute" what going back leaves
OTHER_ASK_RE = re.compile(r"\b(?:louder|quieter|softer|stronger|weaker|faster|slower|brighter|darker|with|without|add|"
                          r"remove|drop|lose|less|more (?!good\b|the\b))\b", re.I)
NAMED_EDIT_RE = re.compile(rf"{BEFORE_SAID}[^.;!?]*", re.I)
# a part in the edit the going back is measured from ("the way it was before the drums went", "right before the
# strings"): the version before that edit, which `versions` reads, not that part alone
BEFORE_PART_RE = re.compile(r"\bbefore (?!(?:i|we|you)\b)[^.;!?]*", re.I)
DRUM_WORDS_RE = re.compile(r"\b(?:rhythm|groove)\b(?!\s+(?:section|guitar|part))", re.I)   # "the rhythm": the beat, as `part_levels` reads it


def part_named(m: re.Match | None, history: list[ScorePlan] | None) -> tuple[str, str | None]:
    """The part a match's `part` group names, after an edit, and its role in the last plan ("", None: none)."""
    parts = named_parts(m["part"].lower()) if m and history and len(history) > 1 else []
    return (parts[0], role_of(history[-1], parts[0])) if parts else ("", None)


def said_first(request: str, history: list[ScorePlan] | None) -> tuple[str, str | None]:
    """The one part said, then wished back as an earlier state had it, and its role in the last plan ("", None: no
    such request: no earlier state named, no wish for it, another edit asked beside it, a part said only as the edit
    it goes back before (`BEFORE_PART_RE`), or not one part)."""
    if not history or len(history) < 2 or not EARLIER_RE.search(request) or not WANTED_RE.search(request):
        return "", None
    rest = KEEP_CLAUSE_RE.sub(" ", NAMED_EDIT_RE.sub(" ", request))
    if OTHER_ASK_RE.search(rest) or any(named_parts(m[0].lower()) for m in BEFORE_PART_RE.finditer(rest)):
        return "", None
    said = [x for x in said_sentences(rest) if EARLIER_RE.search(x) or WANTED_RE.search(x)]
    parts = list(dict.fromkeys(p for x in said for p in named_parts(DRUM_WORDS_RE.sub("drums", x).lower())))
    return (parts[0], role_of(history[-1], parts[0])) if len(parts) == 1 else ("", None)


def undone(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """The part named back as before the first edit that changed it; None when the words name no part's edits, or
    no edit changed that part."""
    word, role = part_named(PART_EDITS_RE.match(request.strip()) or PART_BACK_RE.match(request.strip()), history)
    if role is None:
        word, role = said_first(request, history)
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
