"""A place named by how the music sounds there ("where the music is loud, tone it down", "when it gets quiet, add
strings"): no place of the picture, so no place finder reads it, and the edit went to the whole score. The stretch
where the plan sounds so (the sections nearest its loudest or quietest energy) is offered, the score left as it is.

    from v2m.agent.dialogue.music_places import asked
    asked("where the music is loud, tone it down", plan)   # an Offer: "from 0:16 to 0:48: tone it down"?
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.arbiter import Offer
from v2m.agent.dialogue.next_place import NAMED_PLACE_RE
from v2m.agent.dialogue.place_words import only_place
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import ScorePlan

LOUD = "loud|louder|loudest|big|bigger|busy|busier|full|fuller|intense|heavy|energetic|high energy|fast|faster|at its peak"
QUIET = "quiet|quieter|quietest|soft|softer|softest|calm|calmer|sparse|low|slow|slower|gentle"
SOUNDS_RE = re.compile(rf"\b(?:where|when|wherever|whenever) (?:the music|the score|the track|the song|it|things|everything) "
                       rf"(?:is|gets|sounds|goes|becomes|feels)(?: (?:really|very|so|too|a bit|kind of))? "
                       rf"(?:(?P<loud>{LOUD})|(?P<quiet>{QUIET}))\b,?", re.I)
NEAR = 0.1   # energy within this of the loudest (quietest) section sounds as loud (quiet)


def _said(request: str, m: re.Match) -> str:
    return (request[:m.start()] + " " + request[m.end():]).strip(" ,.;") or "change it"


def answered(request: str) -> str:
    """`request` read with its answer: "where the music is loud, tone it down. from 0:16 to 0:44: tone it down" is
    the answer's; "... tone it down. in shots 5-7" is "in shots 5-7: tone it down"; as it is when nothing answers."""
    # (". ", not patterns.sentences: the mark answers.answered joins a request and its answer with, never a point in
    # a time ("0:06.5"); a "?" or "!" inside the request stays in its first sentence, as it always has)
    first, _, later = request.strip().partition(". ")
    if not (m := SOUNDS_RE.search(first)) or not NAMED_PLACE_RE.search(later):
        return request
    if only_place(later):
        return f"{later.strip(' .')}: {_said(first, m)}"
    # the offer's own words said again with its place; any other sentence is a request of its own ("... add strings.
    # also louder in shot 3": both)
    return later if _said(first, m).lower() in later.lower() else request


def asked(request: str, plan: ScorePlan) -> Offer | None:
    """The question for an edit placed where the music sounds a way: the longest stretch of sections that sound so,
    offered with the edit said there; None when the request names no such place, or the whole score sounds so."""
    if not (m := SOUNDS_RE.search(request)) or not plan.sections or request.strip().partition(". ")[2]:
        return None   # (a sentence after it is a request of its own: "when it gets quiet, add strings. also ...")
    energy = [s.energy for s in plan.sections]
    edge = max(energy) - NEAR if m["loud"] else min(energy) + NEAR
    fits = [e >= edge if m["loud"] else e <= edge for e in energy]
    if all(fits):
        return None
    runs, start = [], None
    for i, ok in enumerate([*fits, False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            runs.append((start, i - 1))
            start = None
    a, b = max(runs, key=lambda r: (plan.sections[r[1]].end_s - plan.sections[r[0]].start_s, -r[0]))
    said = _said(request, m)
    place = f"from {fmt(plan.sections[a].start_s)} to {fmt(plan.sections[b].end_s)}"
    how = (m["loud"] or m["quiet"]).lower()
    return Offer(f"The music sounds {how} most {place}: {said} there? I left the score as it is; say yes, or where.",
                 (f"{place}: {said}",))
