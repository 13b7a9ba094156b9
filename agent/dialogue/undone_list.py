"""Two earlier edits taken back in one breath: "undo the minor and the bass thing", "forget the strings and the
slowdown": each read as taken back alone ("undo the minor thing", "undo the bass thing"), both done. None when
either alone reads as nothing, or neither as a going back (a list of parts to remove, "drop the drums and the bass",
has no verb of undoing here and stays the readers').

    both("undo the minor and the bass thing", history, read)   # the key's revert, then the bass's
    listed("jazz ok, drums back, volume back", history, read)   # the drums put back, then the loudness
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import versions
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan

DET = r"(?:the|that|my|your|our|this)"
DET_RE = re.compile(DET, re.I)
LIST_RE = re.compile(rf"^\W*(?:(?:ok|okay|so|and|but|please|pls|just|yeah|hmm|no)\W+)*(?P<verb>undo|revert|take back|forget|"
                     rf"cancel|scrap|ditch|reverse|roll back|back out|take out|get rid of|lose|drop|remove|kill|nix|bin)\s+(?P<a>{DET} [^,.;!?]{{1,30}}?)\s+(?:and|&|plus|as well as)\s+"
                     rf"(?P<b>(?:{DET} )?[^,.;!?]{{1,30}}?)(?P<tail>\s+(?:things?|changes?|stuff|bits?|edits?|business|ideas?))?"
                     r"\s*(?:too|as well|both|please|pls)?\s*[.!?]*\s*$", re.I)


ONE_RE = re.compile(r"(?<!\blast)(?<!\bfirst)(?<!\bprevious)(?<!\bother)(?<!\bsecond)(?<!\bthird) one$", re.I)


def both(request: str, history: list[ScorePlan] | None, read: Callable[[str], list[EditIntent]]) -> list[EditIntent] | None:
    """Each of the two things the request takes back, taken back; None when it names no two, either alone reads as
    nothing, or neither as a going back."""
    if not history or len(history) < 3 or not (m := LIST_RE.match(request)):
        return None
    tail = m["tail"] or ""
    b = m["b"] if DET_RE.match(m["b"]) else f"the {m['b']}"
    try:   # "the drums one": the drums change ("the last one" stays the last)
        each = [read(ONE_RE.sub(" change", f"{m['verb']} {x}{tail}")) for x in (m["a"], b)]
    except Ask:
        return None
    if not all(each) or not any(it.what == "revert" for x in each for it in x):
        return None   # ("undo the bass" read as the bass back in: a taking back too)
    return [*each[0], *each[1]]


# "drums back, tempo back", "jazz ok, drums back, volume back": things put back one by one, in a list
PIECE_RE = re.compile(r"\s*(?:[,;.!?]|\band\b|\bn\b|&|\+)\s*", re.I)
BACK_PIECE_RE = re.compile(r"^(?:(?:put|bring|get|have)\s+)?(?:the\s+|my\s+|that\s+)?[a-z' -]{2,25}?\s+back(?:\s+(?:in|on|please|"
                           r"pls|too|again|to (?:before|normal|how it was)))?$", re.I)
FINE_PIECE_RE = re.compile(r"^(?:the\s+)?[a-z' -]{2,20}?\s+(?:is\s+|are\s+)?(?:ok|okay|fine|good|great|stays?|can stay)$", re.I)


def listed(request: str, history: list[ScorePlan] | None, read: Callable[[str], list[EditIntent]]) -> list[EditIntent] | None:
    """Each thing a list puts back ("drums back, tempo back"), put back, beside what it says is fine ("jazz ok"); None
    when the message is no such list of two or more, or a piece alone reads as nothing."""
    if not history or len(history) < 2:
        return None
    pieces = [p for p in PIECE_RE.split(request.strip()) if p]
    backs = [p for p in pieces if BACK_PIECE_RE.match(p)]
    if len(backs) < 2 or any(not (BACK_PIECE_RE.match(p) or FINE_PIECE_RE.match(p)) for p in pieces):
        return None
    try:
        each = [read(p) for p in backs]
    except Ask:
        return None
    return [it for x in each for it in x] if all(each) else None


def placed_edit(said: set[str], history: list[ScorePlan]) -> bool:
    """Whether the words name one earlier edit that was made in a place, not everywhere ("lose the slowdown in the
    middle" after "slower from 0:20 to 0:40"): the place said is that edit's own, so it is taken back whole (a place
    said of an edit made everywhere is a part of it taken back, the readers')."""
    found = versions.matching(said - versions.PLACE_WORDS - {"between"}, history)
    return len(found) == 1 and all(c.span is not None for c in diff(history[found[0] - 1], history[found[0]]))
