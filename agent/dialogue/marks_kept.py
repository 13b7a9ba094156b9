"""Which of the last edit's marks stay ("except the first one", "jk just last 2", "only the first three"): a follow-up
that keeps only some of the marks the last edit added, the others taken out as no-hit intents (`narrow`). The marks
themselves are placed by `v2m.agent.dialogue.marks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue import hit_words
from v2m.agent.dialogue.counted import spoken_number
from v2m.agent.dialogue.marks import NEAR_HIT_S
from v2m.agent.dialogue.phrases import opening
from v2m.agent.dialogue.place_words import TIME, parse_time
from v2m.agent.dialogue.where import Ask, fmt
from v2m.tools.contract import EditIntent, EditScope, ScorePlan


# "except the first one", "jk just last 2", "only the first three": which of the last edit's marks stay
MARKED = r"(?:ones?|cuts?|hits?|crash(?:es)?|accents?|marks?|stabs?|stops?|swells?)"   # what a mark is called


NARROW_RE = re.compile(opening(r"jk|j/k|actually|no|nah|sorry|wait|but|and|(?:way |far |a bit |just )?too (?:much|many)"
                               rf"(?: {MARKED}| of (?:them|those|these))?(?: now)?|"
                               r"overkill|(?:that'?s |it'?s )?(?:a bit |way )?(?:much|a lot)") + r"(?:keep |leave )?(?P<how>except(?: for)?|"
                       r"but not|not|apart from|other than|skip|leave out|just|only|"
                       rf"{hit_words.GONE_VERBS}|pull)(?: keep| leave)?\s+(?:on\s+|at\s+)?(?:the\s+)?"
                       rf"(?P<which>first|last|final|middle|second|third|fourth|2nd|3rd|4th)(?:\s+(?P<n>one|two|three|four|five|\d+))?(?:\s+{MARKED})?(?:\s+out)?"
                       r"\W*$", re.I)   # "too many crashes, only keep the last one", "keep just the first two"


PICKED = {"second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}   # one of the marks, counted from the first


# "too many hits, just keep the one at 0:05", "only leave the crash on 0:12": the mark at that time stays, the others go
KEEP_AT_RE = re.compile(opening(r"jk|actually|no|nah|sorry|wait|but|and|(?:way |far |a bit |just )?too (?:much|many)"
                                rf"(?: {MARKED}| of (?:them|those|these))?(?: now)?|overkill") +
                        rf"(?:(?:just|only) (?:keep|leave)|(?:keep|leave) (?:just|only)) the (?:one|{MARKED}) (?:at|on|around) {TIME}\W*$", re.I)


def narrow(request: str, history: list[ScorePlan] | None,
           last_asked: Callable[[], list[EditIntent]] = list) -> list[EditIntent] | None:
    """A follow-up that keeps only some of the marks the last edit added ("crash on every cut" then "except the
    first one" or "just the last 2"), else of the marks the last request touched (`last_asked`: its intents), at
    the moments or in the stretch its hits were asked for, on cuts already marked ("hit every cut from 0:46" where
    each cut had one): no-hit intents for the others; None when the request is no such turn."""
    m = NARROW_RE.match(request.strip())
    kept = KEEP_AT_RE.match(request.strip())
    if not (m or kept) or not history or len(history) < 2:
        return None
    old = {(round(h.time_s, 3), h.kind) for h in history[-2].hit_points}   # a new mark, or a new kind of one
    kinds = {h.kind for h in history[-1].hit_points if (round(h.time_s, 3), h.kind) not in old}
    added = sorted(h.time_s for h in history[-1].hit_points if h.kind in kinds)   # the marks of the kind just added
    if len(added) < 2:   # else the marks the last request touched
        asked = [it.scope for it in last_asked() if it.what == "hit"]
        added = sorted({h.time_s for sc in asked for h in history[-1].hit_points
                        if any(abs(h.time_s - t) < 0.05 for t in sc.times_s) or not sc.times_s and
                        sc.start_s is not None and sc.start_s - 0.05 <= h.time_s <= sc.end_s + 0.05})
    if len(added) < 2:
        return None
    if kept:   # the one nearest the time said, if one is near it
        at = parse_time(kept.group(kept.lastindex))
        stay = min(added, key=lambda t: abs(t - at))
        if abs(stay - at) > NEAR_HIT_S:
            raise Ask(f"None of the last marks is at {fmt(at)}; which of them should stay?")
        return [EditIntent(what="no_hit", scope=EditScope(times_s=[round(t, 3) for t in added if t != stay]),
                           text=request[:400])]
    n = int(said) if (said := (m.group("n") or "one").lower()).isdigit() else spoken_number(said)
    which = m.group("which").lower()
    if not 1 <= n < len(added) or which == "middle" and (n > 1 or len(added) % 2 == 0) or \
            which in PICKED and (n > 1 or PICKED[which] >= len(added)):
        raise Ask(f"The last edit left {len(added)} marks of that kind; which of them should stay?")
    # "lose the middle one" of three, "drop the second one": that one mark of those the last edit left
    named = [added[len(added) // 2]] if which == "middle" else [added[PICKED[which]]] if which in PICKED else \
        added[:n] if which == "first" else added[-n:]
    drop = named if m.group("how").lower() not in ("just", "only") else [t for t in added if t not in named]
    return [EditIntent(what="no_hit", scope=EditScope(times_s=[round(t, 3) for t in drop]), text=request[:400])]
