"""One meaning said twice in a request ("ease the pace off a little, it's rushing"; "gloomy, like a minor key"):
read twice, done once. `v2m.agent.dialogue.edits` keeps the first reading (or the larger size) of each meaning.

    same_meaning(a, b)   # the same change at the same place
    place_of(scope)      # where a scope is, whatever it is called
"""

from __future__ import annotations

from v2m.tools.contract import EditIntent


def same_meaning(a: EditIntent, b: EditIntent) -> bool:
    """Two readings of one meaning ("ease the pace off a little, it's rushing"): said once, done once."""
    return (a.what, a.direction, a.value, place_of(a.scope)) == (b.what, b.direction, b.value, place_of(b.scope)) and \
        a.what in ("tempo", "energy", "loudness", "mode", "key", "mood", "balance", "shape", "style", "add", "remove", "only",
                   "hit", "no_hit")


def place_of(scope) -> tuple:
    """Where a scope is, whatever it is called ("before 0:08" and "from 0:00 to 0:08" are one place)."""
    return (scope.kind == "whole", round(scope.start_s or 0.0, 2), round(scope.end_s or 0.0, 2), scope.sections,
            tuple(round(t, 2) for t in scope.times_s))
