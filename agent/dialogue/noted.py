"""What a turn that changed no music still records for later turns: the names it gives to places ("he falls at
the fifth cut"), said in the reply, since no version is made for it (`names` reads them back from the edit log)."""
from __future__ import annotations

import re

from v2m.agent.dialogue.marks import HIT_WORDS_RE
from v2m.agent.dialogue.moments import _about_music
from v2m.agent.dialogue.names import DET, _clauses, defined, earlier, said
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import notation, only_place, shorthand
from v2m.tools.contract import ScorePlan


def recorded(request: str, history: list[ScorePlan] | None) -> str:
    """What a request that changed no music still records for later turns: the names it gives to places the
    edits so far had not ("he falls at the fifth cut": 'Noted for later: "falls" is the fifth cut.'), or ""."""
    known, said_words = earlier(history), set(words(request.lower()).split())
    places: dict[str, list[str]] = {}
    for name, place in said(request).items():
        if known.get(name) != place:
            places.setdefault(place, []).append(name)
    shown = [(max(ns, key=lambda n: (set(n.split()) <= said_words, len(n))), p) for p, ns in places.items()]
    return "" if not shown else "Noted for later: " + "; ".join(f'"{n}" is {p}' for n, p in shown) + "."


# the place a clause ends on, taken off to see what was said of it ("she trips at the fifth cut": "she trips")
PLACE_TAIL_RE = re.compile(r"\s(?:at|on|around|in)\s.*$")
IS_RE = re.compile(r"\b(?:is|are|was|were)\b|'s\b")
DET_LEAD_RE = re.compile(rf"^\s*{DET}\s")


def told_moment(request: str) -> bool:
    """Whether `request` only tells where something happens in the picture ("she trips at the fifth cut", "the kid
    trips at 0:12"): a moment told as a fact, no edit (`recorded` notes its name). A mark asked for there ("a crash
    where she trips at 0:12"), a thing named alone at a place ("the goal at 0:22": a mark there?) and a place defined
    ("the ramp is shots six and seven", the answer to "where is the ramp?") and the music's own entries ("the cue
    comes in at 0:04": a wish) are not."""
    clauses = [c for c in _clauses(notation(request)) if c.strip()]
    if not clauses or HIT_WORDS_RE.search(request.lower()):
        return False
    for clause in clauses:
        text, found = defined(shorthand(clause))
        told = DET_LEAD_RE.sub(" ", PLACE_TAIL_RE.sub("", clause)).split()
        if not found or not only_place(text) or len(told) < 2 or IS_RE.search(clause) or _about_music(" ".join(told)):
            return False   # "the ramp is shots six and seven": a place defined, often the answer to a question
    return True
