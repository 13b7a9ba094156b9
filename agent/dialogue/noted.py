"""What a turn that changed no music still records for later turns: the names it gives to places ("he falls at
the fifth cut"), said in the reply, since no version is made for it (`names` reads them back from the edit log)."""
from __future__ import annotations

from v2m.agent.dialogue.names import earlier, said
from v2m.agent.dialogue.phrases import words
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
