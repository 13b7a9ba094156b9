"""The edit a repeat copies when it names where that edit was ("same thing you did for the kitchen, but for the
master bedroom", "do the same slam like you did after the 3rd cut but for the beginning", "same as you did for the
middle, but for the last part too"): the latest edit that changed the plan at the first place, repeated at the place
after "but" (`understanding.repeat`; without a first place, the last edit, where the request names).

    text, k = done_at.split(words(request), history, find)
    for c in done_at.changes(history, k): ...
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.changes import Change, diff, edited_at
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import ScorePlan

# "... (like|as) you did for/after/in <A>, but for <B>": A names the edit, B where it goes now
DONE_AT_RE = re.compile(r"\b(?:you|u|we) (?:did|made|had|gave)(?: it| that)?(?P<a>(?: (?:for|in|on|at|after|before|with|to|from|"
                        r"during)\b)[^,;.!?]*?)\s*,?\s*\bbut\b(?: (?:now|then|also|just|only))?(?P<b>\s+.+)$", re.I)

# "same as the kitchen for the master bedroom", "same thing as in the intro, but in the outro", "do the kitchen thing again
# for the guest room": the place first names the edit, the place after it where it goes now
AS_AT_RE = re.compile(r"\bsame(?: thing| again| treatment)? (?:as|like)(?P<a> (?:(?:for|in|on|at|after|with|during) )?(?:the|my|our) "
                      r"[^,;.!?]*?)\s*,?\s*\b(?:but |and |now |just )*(?P<b>(?:for|in|on|at|over|during|from|to) .+)$|"
                      r"\b(?:do|repeat|give (?:it|me))(?: the| that| your)?(?P<a2> [^,;.!?]{1,30}?) (?:thing|treatment|change|edit|tweak|trick)s?"
                      r" again\s*,?\s*\b(?:but |and |now |just )*(?P<b2>(?:for|in|on|at|over|during|from|to) .+)$", re.I)


def _said(text: str):
    """The (place the edit was done, place it goes now) a repeat names, or None."""
    if m := DONE_AT_RE.search(text):
        return m["a"], m["b"]
    if m := AS_AT_RE.search(text):
        return (m["a"], m["b"]) if m["a"] else (f" in the {m['a2'].strip()}", m["b2"])
    return None


def own_words(text: str) -> str:
    """`text` without the words that name the repeated edit ("same as you did for shot 3, but for shot 7": "for shot
    7"), for the check that every piece of a request was read (`unread`); as it was when it names none."""
    m = DONE_AT_RE.search(text) or AS_AT_RE.search(text)
    return f"{text[:m.start()].rstrip()} {(m['b'] or m['b2']).strip()}".strip() if m else text


def split(text: str, history: list[ScorePlan], find: Callable) -> tuple[str, int]:
    """(the words that say where the repeat goes, the version whose edit is repeated: the last one, or the latest
    that changed the plan at the place said as where it was done, as `find` reads a place: a Span or None)."""
    last = len(history) - 1
    if not (m := _said(text)):
        return text, last
    try:
        was = find(m[0].strip())
    except Ask:
        was = None
    if was is None:
        return m[1].strip(), last
    k = edited_at((was.start_s, was.end_s), history, alone=True)   # made there alone, then there, then over the whole
    return m[1].strip(), last if k is None else k


def changes(history: list[ScorePlan], k: int) -> list[Change]:
    """The changes of edit k, without a tempo it only put back as it was before the edit ahead of it ("no, not slower,
    I meant calmer": the calm is repeated, not the slowing taken back)."""
    out = diff(history[k - 1], history[k])
    if k < 2:
        return out
    return [c for c in out if c.kind != "tempo" or not _restored(history, k, c)]


def _restored(history: list[ScorePlan], k: int, c: Change) -> bool:
    """Whether a tempo change of edit k puts back the tempo two versions before it, where it changed."""
    a, b = c.span or (0.0, history[k].duration_s)
    t = (a + b) / 2
    def at(p): return p.sections[p.section_at(t)].tempo_bpm or p.tempo_bpm   # noqa: E704
    return abs(at(history[k]) - at(history[k - 2])) < 0.05 and abs(at(history[k - 1]) - at(history[k])) >= 0.05
