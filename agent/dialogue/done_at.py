"""The edit a repeat copies when it names where that edit was ("same thing you did for the kitchen, but for the
master bedroom", "do the same slam like you did after the 3rd cut but for the beginning", "same as you did for the
middle, but for the last part too"): the latest edit that changed the plan at the first place, repeated at the place
after "but" (`same_again.repeat`; without a first place, the last edit, where the request names).

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


# "do to the second half what you just did to the first", "give the last five pictures what you gave the first five": the
# place it goes now said first, then the place it was done (a "to"/"for" before the new place is "in" it, not "until")
DO_TO_RE = re.compile(r"\b(?:do|give|apply) (?:(?:to|for|with|on|in) )?(?P<b>[^,;.!?]+?) what(?:ever)? (?:you|u|we) (?:just |already |have |'ve )*(?:did|done|gave|given|applied|made)(?: it| that)?"
                      r"(?P<a> (?:(?:to|for|with|in|on|at) )?[^,;.!?]+)", re.I)

# the same said with a word between or in the present ("the same soft treatment as the beginning", "the same hush you gave
# the opening", "same like you make beginning slower", "apply the same reduction as the first 12 seconds"): not a quantity
# made equal ("the same energy as shot 2", "same tempo as the intro": `settings`)
QUANTITY = r"tempo|speed|bpm|pace|energy|level|volume|loudness|key|feel|vibe|style|mood|sound|length|time|instruments?"
LOOSE_RE = re.compile(rf"\b(?:same|identical)\b(?: (?!(?:{QUANTITY})\b)[a-z]+){{0,2}}? (?:as|like)\b(?: (?:you|u|we) (?:did|do|gave|made|make|had|put|used))?"
                      rf"(?: it| that)?|\b(?:same|identical) (?!(?:{QUANTITY})\b)[a-z]+ (?:you|u|we) (?:did|do|gave|made|had|put|used)\b(?: it| that)?", re.I)
# the words where the place it goes now may start, after the place it was done
TURNS = {"to", "for", "in", "on", "at", "where", "but", "and", "also", "could", "can", "would", "make", "from", "then", "now",
         "please", "over", "during"}


def _loose(text: str, history: list[ScorePlan], find: Callable) -> tuple[str, int] | None:
    """(the place it goes now, the edit made at the place named first), where both places are found and an edit was made
    at the first; else None."""
    if not (m := LOOSE_RE.search(text)):
        return None
    ws = text[m.end():].split()
    for i, w in enumerate(ws[1:], 1):
        if w.lower() not in TURNS:
            continue
        try:
            was, now = find(" ".join(ws[:i])), find(" ".join(ws[i:]))
        except Ask:
            continue
        if was is not None and now is not None and (k := edited_at((was.start_s, was.end_s), history, alone=True)) is not None:
            return " ".join(ws[i:]), k
    return None


# the part the repeated edit was done for ("same thing you do for the piano, do am for the horns"): not the part it goes to
DONE_FOR_RE = re.compile(r"\b(?:you|u|we) (?:did|do|done|gave|made|had)(?: it| that| am)? (?:for|to|with|on) (?:the |my |our )?(?P<part>[a-z]+)", re.I)


def parts_now(text: str, parts: list[str]) -> list[str]:
    """The parts a repeat names to do it for: `parts` without the one it was done for, where another is named."""
    done = DONE_FOR_RE.search(text)
    rest = [p for p in parts if not done or p.lower() not in done["part"].lower() and done["part"].lower() not in p.lower()]
    return rest if rest else parts


def _said(text: str):
    """The (place the edit was done, place it goes now) a repeat names, or None."""
    if m := DONE_AT_RE.search(text):
        return m["a"], m["b"]
    if m := AS_AT_RE.search(text):
        return (m["a"], m["b"]) if m["a"] else (f" in the {m['a2'].strip()}", m["b2"])
    if m := DO_TO_RE.search(text):
        return m["a"], f"in {m['b']}"
    return None


def own_words(text: str) -> str:
    """`text` without the words that name the repeated edit ("same as you did for shot 3, but for shot 7": "for shot
    7"), for the check that every piece of a request was read (`unread`); as it was when it names none."""
    if m := DO_TO_RE.search(text):   # "do to the second half what you did to the first": "in the second half"
        return f"{text[:m.start()].rstrip()} in {m['b'].strip()}".strip()
    m = DONE_AT_RE.search(text) or AS_AT_RE.search(text)
    return f"{text[:m.start()].rstrip()} {(m['b'] or m['b2']).strip()}".strip() if m else text


def split(text: str, history: list[ScorePlan], find: Callable, loose: bool = False) -> tuple[str, int | None]:
    """(the words that say where the repeat goes, the version whose edit is repeated: the last one, or the latest
    that changed the plan at the place said as where it was done, as `find` reads a place: a Span or None)."""
    last = len(history) - 1
    if not (m := _said(text)):   # said loosely: found only where both places are (`loose`: None where they are not)
        return _loose(text, history, find) or (text, None if loose else last)
    try:
        was = find(m[0].strip())
    except Ask:
        was = None
    if was is None:
        return m[1].strip(), last
    k = edited_at((was.start_s, was.end_s), history, alone=True)   # made there alone, then there, then over the whole
    return m[1].strip(), last if k is None else k


def changes(history: list[ScorePlan], k: int) -> list[Change]:
    """The changes of edit k, without a tempo, an energy or a part's level it only put back as it was before the edit
    ahead of it ("no, not slower, I meant calmer": the calm is repeated, not the slowing taken back; "oh no not the
    start, I meant 0:23", then "same again for the last bit": the lift at 0:23, not the start's taken back)."""
    out = diff(history[k - 1], history[k])
    if k < 2:
        return out
    back = [c for c in out if c.kind in HEARD and _restored(history, k, c)]
    # an energy or a level put back is dropped only beside one of its kind that moved there (the edit moved); alone it
    # is the edit ("livelier in shot 3" ... "calmer in shot 3", then "same in shot 5": calmer)
    moved = {c.kind for c in out if c not in back}
    return [c for c in out if c not in back or c.kind != "tempo" and c.kind not in moved]


# what a change of each kind reads at a time of a plan
HEARD = {"tempo": lambda p, t: p.sections[p.section_at(t)].tempo_bpm or p.tempo_bpm,
         "energy": lambda p, t: p.sections[p.section_at(t)].energy,
         "levels": lambda p, t: dict(p.sections[p.section_at(t)].levels_db or {})}


def _restored(history: list[ScorePlan], k: int, c: Change) -> bool:
    """Whether a change of edit k puts back what was heard two versions before it, where it changed."""
    a, b = c.span or (0.0, history[k].duration_s)
    t, at = (a + b) / 2, HEARD[c.kind]
    return _same(at(history[k], t), at(history[k - 2], t)) and not _same(at(history[k - 1], t), at(history[k], t))


def _same(x, y) -> bool:
    return x == y if isinstance(x, dict) else abs(x - y) < 0.05 if x is not None and y is not None else x == y
