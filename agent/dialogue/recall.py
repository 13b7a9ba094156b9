"""Turns that point back into the conversation rather than at the music: taking back something an earlier
edit brought in ("never mind the hit", "lose the accordion again"), a version named by when it was heard
("the one from this morning"), one thing as it was in a version ("I preferred the drums in v2"), and a version to start from before a new edit ("from the first one, only
change: ..."). Read from the words and the plans so far; what to do then is said as `EditIntent`s.

    from v2m.agent.dialogue.recall import withdrawn, rebased, named_by_time
    withdrawn("nvm the crash", history)        # [EditIntent(what="revert", version=-1)] when the last edit added it
    preferred("I liked the bass in v2", history)   # [EditIntent(what="revert", version=1, value="instruments")]
    rebased("from version 2, just darker")     # (1, "darker"): version 2 is the plan after one edit

`history` is the first plan, then the plan after each edit so far (the last is the current plan); the version a
user names as N (the chat's numbers: the first score is version 1) is history[N - 1] (`phrases.edits_before`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.phrases import ATTRIBUTES, edits_before
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, EditScope, ScorePlan

# "nvm the hit", "never mind no crash", "forget the accordion", "scratch the stab": taking back a thing
TAKE_BACK_RE = re.compile(r"^\W*(?:(?:ok|okay|nah|no|actually|hmm|sorry|wait|oh)\W+)*(?:nvm|never ?mind|forget|"
                          r"scratch|cancel|skip)\b\W*(?:(?:about|on|the|that|those|this|these|my|no)\s+)*(?P<rest>.*)$",
                          re.I)
# "lose the accordion again", "take the strings out again": a part removed again, after it was brought in
AGAIN_RE = re.compile(r"\b(?:lose|drop|remove|ditch|kill|cut|mute|get rid of|take (?:out|away)|no more)\b.*\bagain\b|"
                      r"\b(?:take|get) (?:the |that |those )?[\w ]{1,30}? (?:out|off|away) again\b", re.I)
HIT_WORDS_RE = re.compile(r"^(?:hits?|accents?|crash(?:es)?|stabs?|swells?|stops?|bangs?|booms?|marks?)\b", re.I)
# "the version from this morning", "the one we had yesterday": a version named by when it was heard
BY_TIME_RE = re.compile(r"\b(?:version|one|mix|cut|take|edit)s? (?:from|of|we had|you sent|i heard|she heard|he heard)"
                        r"(?: on)? (?:this morning|yesterday|last night|earlier(?: on| today)?|last week|the other day|"
                        r"before lunch|this afternoon|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
WANT_BACK_RE = re.compile(r"\b(?:go|going|get|bring|put|switch|revert|return|restore)\b.{0,20}\b(?:back|to (?:that|it))\b|"
                          r"\b(?:revert|restore|return)\b|\b(?:liked|preferred|prefer|like)\b.{0,60}\bbetter\b|"
                          r"\bgo with\b|\buse that\b", re.I)
# "I preferred the drums in v2", "the tempo in version 3 was better": one thing as it was in a version
PREFER_RE = re.compile(r"\b(?:preferred|prefer|liked|loved|like)\b (?:the |how the |how )?(?P<what>[\w ]{1,30}?)"
                       r"(?: (?:was|were|sounded))? (?:in|from|on) (?:version |v)(?P<n>\d{1,2})\b|"
                       r"\b(?:the )?(?P<what2>[\w ]{1,30}?) (?:in|from|on) (?:version |v)(?P<n2>\d{1,2}) "
                       r"(?:was|were|sounded|is) (?:better|nicer|right)\b", re.I)
# "from the first one, only change: ...", "starting from version 2, just darker": a version, then an edit
REBASE_RE = re.compile(r"^\W*(?:(?:ok|okay|so|right|alright|then)\W+)*(?:starting |going back |back |go back |start )?"
                       r"from (?P<ref>the (?:very )?(?:first|original) (?:one|version|score|take|mix|cut)|the original|"
                       r"version (?P<n>\d{1,2})|v(?P<v>\d{1,2}))\s*(?:[,:;-]+\s*|\s+)(?:(?:and|but|then|with)\s+)?"
                       r"(?:(?:the )?only (?:change|difference|edit)s?\s*[:,-]?\s*|just\s+|only\s+)?(?P<rest>\S.*)$",
                       re.I)


def _added_hits(before: ScorePlan, after: ScorePlan) -> list[float]:
    """The times of marks `after` has that `before` had not (a new mark, or a cut's accent now asked for)."""
    old = {h.model_dump_json() for h in before.hit_points}
    return sorted({round(h.time_s, 3) for h in after.hit_points if h.model_dump_json() not in old})


def _brought_in(before: ScorePlan, after: ScorePlan, word: str) -> bool:
    """Whether `after` plays the part `word` names and `before` did not."""
    return role_of(after, word) is not None and (role_of(before, word) is None or
                                                 before.instrumentation != after.instrumentation)


def withdrawn(request: str, history: list[ScorePlan] | None,
              last_asked: Callable[[], list[EditIntent]] = list) -> list[EditIntent] | None:
    """Intents taking back what an earlier edit brought in: the plan before the last edit when that edit
    brought it (its other changes were for it too), else the marks themselves dropped; None when the
    request takes nothing back, or names nothing an edit brought in.

    Args:
        request: the user's words.
        history: the plans so far.
        last_asked: the intents the last edit's request reads as: when it asked for a mark the plan already
            had ("a hit at 0:48" on a cut's crash), taking it back is going back to before that request.
    """
    if not history or len(history) < 2:
        return None
    m = TAKE_BACK_RE.match(request.strip())
    again = AGAIN_RE.search(request)
    if not m and not again:
        return None
    rest = (m.group("rest") if m else request).strip().lower()
    text = request[:400]
    if m and HIT_WORDS_RE.match(rest):
        for k in range(len(history) - 1, 0, -1):
            if (added := _added_hits(history[k - 1], history[k])):
                if k == len(history) - 1:
                    return [EditIntent(what="revert", version=-1, text=text)]
                now = {round(h.time_s, 3) for h in history[-1].hit_points}
                keep = [t for t in added if t in now]
                return [EditIntent(what="no_hit", scope=EditScope(times_s=keep), text=text)] if keep else None
        asked = any(it.what == "hit" for it in last_asked())
        return [EditIntent(what="revert", version=-1, text=text)] if asked else None
    parts = named_parts(rest)
    if parts and _brought_in(history[-2], history[-1], parts[0]) and (again or len(rest.split()) <= 4):
        return [EditIntent(what="revert", version=-1, text=text)]
    return None


def named_by_time(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"She liked the version from this morning better, can we go back to that?": the version heard before
    this sitting's changes, which is the first score (versions keep no clock the user sees); None when the
    request names no version by time.

    Raises:
        Ask: a version named by time is praised but not asked for ("the one from last week was nicer"):
            going back is offered, not done.
    """
    if not history or len(history) < 2 or not BY_TIME_RE.search(request):
        return None
    if not WANT_BACK_RE.search(request):
        raise Ask("Should I go back to the first score, the version before today's changes? Say 'go back to it' "
                  "or tell me what you liked about it.")
    return [EditIntent(what="revert", version=0, text=request[:400])]


def preferred(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"I preferred the drums in v2": that thing (its attribute: tempo, key, style, energy, loudness, or the
    instruments for a part) as it was in the version named; the whole version when no thing is named."""
    m = PREFER_RE.search(request)
    if not m or not history or len(history) < 2:
        return None
    what = (m.group("what") or m.group("what2") or "").lower()
    attr = next((a for w, a in ATTRIBUTES.items() if re.search(rf"\b{w}\b", what)), None) or \
        ("instruments" if named_parts(what) else None)
    return [EditIntent(what="revert", version=edits_before(int(m.group("n") or m.group("n2"))), value=attr, text=request[:400])]


def rebased(request: str) -> tuple[int, str] | None:
    """(the version to start from, the edit to make on it) for "from the first one, only change: X", or
    None when the request does not start from a named version."""
    m = REBASE_RE.match(request.strip())
    if not m:
        return None
    n = m.group("n") or m.group("v")
    return (edits_before(int(n)) if n else 0), m.group("rest").strip()
