"""What a turn that changed no music still records for later turns: the names it gives to places ("the fall is
at the fifth cut, a crash there"), said in the reply, since no version is made for it (`names` reads them back from
the edit log). A moment told as a fact ("he falls at the fifth cut") is `moment_table`'s, noted before anything is
read."""
from __future__ import annotations

from v2m.agent.dialogue.names import earlier, said
from v2m.agent.dialogue.phrases import words
from v2m.tools.contract import ScorePlan


def recorded(request: str, history: list[ScorePlan] | None) -> str:
    """What a request that changed no music still records for later turns: the names it gives to places the
    edits so far had not ("the fall is at the fifth cut, a crash there" where one is: 'Noted for later: "fall" is
    the fifth cut.'), or ""."""
    known, said_words = earlier(history), set(words(request.lower()).split())
    places: dict[str, list[str]] = {}
    for name, place in said(request).items():
        if known.get(name) != place:
            places.setdefault(place, []).append(name)
    shown = [(max(ns, key=lambda n: (set(n.split()) <= said_words, len(n))), p) for p, ns in places.items()]
    return "" if not shown else "Noted for later: " + "; ".join(f'"{n}" is {p}' for n, p in shown) + "."

