"""The last edit again with its place said anew: "from the fourth shot, not the fourth cut" (the place the last
request named, replaced), "no, the other cut, at 0:07" (its one time), "one earlier", "the one after" (its place
moved by one shot or cut), "also the shot after" (the same edit once more there, the last one kept). Moved out of
`recall` (which reads the other turns that point back into the conversation) when it passed 400 lines.

    from v2m.agent.dialogue.shifts import moved, said_again
    said_again("no, one later", "slower in the second shot", cuts)   # "slower in the third shot"
    moved("sorry, the third shot not the second", history, last_request, understand, cuts)   # [revert, the edit]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue import followups
from v2m.agent.dialogue.counted import ORD, ORDINALS
from v2m.agent.dialogue.patterns import compiled, said_sentences
from v2m.agent.dialogue.phrases import SMALL_TALK
from v2m.agent.dialogue.place_words import CLOCK, PLACE_FILLER, PLACE_WORDS_RE, WRONG, parse_time
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan

# "from the fourth shot, not the fourth cut", "shot 3 not shot 2": the place said instead of one the last request said
ONE_PLACE = rf"(?:the )?(?:{ORD} (?:shot|cut|photo|clip|beat|bar)|(?:shot|cut) \d{{1,2}})"
CONTRAST_RE = re.compile(rf"\b(?P<a>{ONE_PLACE})\s*,?\s+(?:and |but )?not\s+(?P<b>{ONE_PLACE})\b")
# "one earlier", "a shot later", "the one after": the last edit's place moved by one
SHIFT_RE = re.compile(r"\b(?:one|a) (?:shot |cut )?(?P<d>earlier|sooner|later|before|after|back|on)\b(?! (?:that|this|it|the)\b)|"
                      r"\bthe (?:one|shot|cut) (?P<d2>before|after)(?: (?:it|that|this)\b(?! \w)|\b(?! (?:that|this|it|the)\b))")
OTHER_RE = re.compile(r"\bthe other (?:cut|shot|one|time|spot|place|moment|hit)\b")
SORRY_RE = re.compile(rf"\b(?:{WRONG}|typo|i meant|meant|rather)\b")   # anywhere: the last edit was wrong (not "oh", "hmm")
SORRY_ALONE_RE = re.compile(rf"\W*(?:{SORRY_RE.pattern}\W*)+", re.I)   # "nah.", "sorry...": a sentence of those words only
# "also the shot after", "and one later too": the last edit once more at the new place, not moved there
ALSO_RE = re.compile(r"\b(?:also|too|as well|and|again|same (?:there|for|in|on))\b")
MOVE_RE = re.compile(r"\b(?:not|instead|rather than)\b")
ORD_NAMES = [k for k, v in sorted(ORDINALS.items(), key=lambda kv: kv[1]) if 0 < v and k.isalpha()]
FROM_END = {-1: "last", -2: "penultimate", -3: "antepenultimate"}


def _shifted(place: str, step: int) -> str | None:
    """'the fourth shot' -> 'the third shot' (step -1), 'shot 4' -> 'shot 5'; None at the first."""
    if m := re.search(r"\b(shot|cut) (\d{1,2})\b", place):
        n = int(m.group(2)) + step
        return None if n < 1 else place[:m.start(2)] + str(n) + place[m.end(2):]
    m = re.search(ORD, place)
    n = ORDINALS.get(m.group(1)) if m else None
    if n is not None and n < 0 and n + step in FROM_END:   # "the final cut", one earlier: the penultimate cut
        return place[:m.start(1)] + FROM_END[n + step] + place[m.end(1):]
    if n is None or n < 1 or not 1 <= n + step <= len(ORD_NAMES):
        return None
    return place[:m.start(1)] + ORD_NAMES[n + step - 1] + place[m.end(1):]


def _shifted_time(said: str, step: int, cuts: list[float]) -> str | None:
    """The last request with its one time moved to the cut before or after it ("hit 0:07" -> "hit 0:05.48")."""
    times = list(re.finditer(rf"(?<![\d:.]){CLOCK}(?![\d:])", said))
    if len(times) != 1 or not cuts:
        return None
    t = parse_time(times[0].group(0))
    near = [c for c in cuts if (c < t - 0.3 if step < 0 else c > t + 0.3)]
    if not near:
        return None
    c = max(near) if step < 0 else min(near)
    clock = f"{int(c // 60)}:{c % 60:05.2f}".rstrip("0").rstrip(".")
    return f"{said[:times[0].start()]}{clock}{said[times[0].end():]}"


# What a sentence that only moves the last edit says besides the move ("do the same for the one after")
MOVE_FILLER = SMALL_TALK | PLACE_FILLER | set("do same thing there here is was one ones next previous following".split())


def _only_moved(low: str, shift: re.Match) -> bool:
    """The sentence says nothing but the move ("also the one after", "sorry, one earlier"); one with words of its
    own ("the shot after is too loud": "too" is no "also" there) is a request of its own at that place."""
    rest = low[:shift.start()] + " " + low[shift.end():]
    for said in (ALSO_RE, SORRY_RE, MOVE_RE, PLACE_WORDS_RE):   # "the next one too, the shot after": the place again
        rest = said.sub(" ", rest)
    return not set(re.findall(r"[a-z']+", rest)) - MOVE_FILLER


def said_again(sentence: str, said: str, cuts: list[float]) -> str | None:
    """The last request (`said`, lower-cased) with its place as one sentence of a correction puts it, or None."""
    low = " ".join(sentence.lower().split())
    if (m := CONTRAST_RE.search(low)) and SORRY_RE.search(low):
        b = re.sub(r"^the ", "", m.group("b"))
        if (said_b := compiled(rf"\b{re.escape(b)}\b")).search(said):
            return said_b.sub(re.sub(r"^the ", "", m.group("a")), said, count=1)
    if OTHER_RE.search(low) and SORRY_RE.search(low):   # "no, the other cut - it's at 0:07": the time said now
        now, before = re.findall(rf"(?<![\d:.]){CLOCK}(?![\d:])", low), re.findall(rf"(?<![\d:.]){CLOCK}(?![\d:])", said)
        if len(now) == 1 and len(before) == 1 and now != before:
            return said.replace(before[0], now[0], 1)
    if (m := SHIFT_RE.search(low)) and len(low.split()) <= 8 and (m.group("d") or ALSO_RE.search(low) or
                                                                    SORRY_RE.search(low) or MOVE_RE.search(low)) \
            and _only_moved(low, m):
        step = -1 if (m.group("d") or m.group("d2")) in ("earlier", "sooner", "before", "back") else 1
        places = list(re.finditer(ONE_PLACE, said))
        if len(places) > 1 and all(_shifted(p.group(0), step) for p in places):   # "the last shot should slam, a hit on
            for p in reversed(places):   # the final cut", then "the cut before it": the one moment, both ways it was said
                said = said[:p.start()] + _shifted(p.group(0), step) + said[p.end():]
            return said
        if len(places) == 1 and (new := _shifted(places[0].group(0), step)):
            return said[:places[0].start()] + new + said[places[0].end():]
        if not places:   # "hit the cut at 0:07", then "no, one earlier": the cut before
            return _shifted_time(said, step, cuts)
    return None


def moved(request: str, history: list[ScorePlan] | None, last: str,
          read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]],
          cuts: list[float] = ()) -> list[EditIntent] | None:
    """The last edit again with its place said anew: "sorry - from the fourth shot, not the fourth cut" (the place
    the last request named, replaced), "no, the other cut, at 0:07" (its one time), "one earlier", "the one
    after" (its place moved by one shot or cut); the request's other sentences are read on top. None when no
    sentence moves a place of the last request.

    Args:
        request: the user's words.
        history: the plans so far.
        last: the words of the last edit's request.
        read: reads a request against a plan and the history up to it (`understanding.understand`).
        cuts: the video's cuts, for a time moved by one.
    """
    if not history or len(history) < 2 or not last:
        return None
    said, said_now = " ".join(last.lower().split()), []
    for x in said_sentences(request):   # "nah... the shot after", "sorry. one earlier": the words that say wrong, with the move
        said_now[-1:] = [f"{said_now[-1]}, {x}"] if said_now and SORRY_ALONE_RE.fullmatch(said_now[-1]) else [*said_now[-1:], x]
    k, again = next(((k, a) for k, x in enumerate(said_now) if (a := said_again(x, said, list(cuts)))), (0, None))
    if again is None:
        return None
    rest = [x for j, x in enumerate(said_now) if j != k and not SHIFT_RE.search(x.lower())
            and set(re.findall(r"[a-z']+", x.lower())) - SMALL_TALK]
    try:
        redo = read(history[-2], again, history[:-1])
        more = read(history[-2], ". ".join(rest), history[:-1]) if rest else []
    except Ask:
        return None
    if not redo or any(it.what in ("revert", "undo") for it in [*redo, *more]):
        return None
    low = said_now[k].lower()
    if ALSO_RE.search(low) and not SORRY_RE.search(low) and not MOVE_RE.search(low):
        try:   # "also the shot after": the same edit added there, the last one kept
            return [it.model_copy(update={"text": request[:400], "reason": f"the last edit again: '{again[:80]}'"})
                    for it in [*read(history[-1], again, history), *(read(history[-1], ". ".join(rest), history) if rest else [])]]
        except Ask:
            return None
    return followups.moved(request, [*redo, *more], f": '{again[:80]}'")
