"""Honesty of a chat reply, judged from the two plans alone (not from v2m's own diff): the kinds of change
a reply claims by its words must be exactly the kinds in which the old and new plans differ. Used by
tests/dialogue_check.py for every turn of every dialogue set.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.operations import effective_roles
from v2m.tools.contract import ROLES

# What a reply may claim, by the words it uses (first line, without the "Why:" reason), and what the
# plans show: the two sets must be equal.
CLAIMS = {"tempo": r"\bBPM\b|\btempo\b(?! back)", "energy": r"\benergy\b", "key": r"\bkey\b|\bchords\b",
          "style": r"\bstyle\b", "loudness": r"\bLUFS\b|\bloudness\b",
          "roles": r"\b(?:%s) in\b|\bno (?:%s)\b|\b(?:%s): |\bno music\b|\bmusic back in\b" % (("|".join(ROLES),) * 3),
          "levels": r"against the others", "hits": r"\b(?:accent|crash|stab|swell|stop) at\b",
          "locks": r"\b(?:locked|unlocked)\b", "take": r"\btake\b", "route": r"\broute\b"}


# a user's words quoted in a reply, in double quotes or in single quotes that are not apostrophes
QUOTED_RE = re.compile(r"\"[^\"]*\"|(?<![A-Za-z])'[^']*'(?![A-Za-z])")


def plan_differences(old, new) -> set[str]:
    """The kinds of difference between two plans, read from the plans alone."""
    out = set()
    if old.style != new.style:
        out.add("style")
    if (old.key, old.mode) != (new.key, new.mode):
        out.add("key")
    if old.loudness_lufs != new.loudness_lufs:
        out.add("loudness")
    if old.route != new.route:
        out.add("route")
    if {(round(h.time_s, 2), h.kind, h.strength) for h in old.hit_points} != \
            {(round(h.time_s, 2), h.kind, h.strength) for h in new.hit_points}:
        out.add("hits")
    if old.tempo_bpm != new.tempo_bpm:
        out.add("tempo")
    if old.instrumentation != new.instrumentation:
        out.add("roles")
    times = sorted({(s.start_s + s.end_s) / 2 for p in (old, new) for s in p.sections})
    for t in times:
        a, b = old.sections[old.section_at(t)], new.sections[new.section_at(t)]
        if (a.tempo_bpm or old.tempo_bpm) != (b.tempo_bpm or new.tempo_bpm):
            out.add("tempo")
        if set(a.chords) != set(b.chords) and old.style == new.style:  # a split piece rotates, keeps the set
            out.add("key")
        if a.energy != b.energy:
            out.add("energy")
        if set(effective_roles(old, a)) != set(effective_roles(new, b)):
            out.add("roles")
        if {k: v for k, v in a.levels_db.items() if v} != {k: v for k, v in b.levels_db.items() if v}:
            out.add("levels")
        if a.locked != b.locked:
            out.add("locks")
        if a.take != b.take:
            out.add("take")
    return out


def honesty(turn, old, new) -> str:
    """"" when the reply claims exactly what changed; else what it got wrong."""
    first = turn.reply.split("\n")[0]
    if turn.question:
        return "" if new == old else "a question, but the plan changed"
    if re.match(r"(Back to version|Forward to version|Nothing to (undo|redo))", first):
        return ""  # the session's own undo/redo: a move between versions, not an edit
    first = first.split(" Why: ")[0]
    if ": " in first.split(".")[0][:60] and re.match(r"^[A-Z][^:]*\d:\d|^(The|In|After|Before|From|Shot|Between)",
                                                       first):
        first = first.split(": ", 1)[1]  # the place prefix ("Shot 2 (0:01.2-0:03.0): ...")
    first = QUOTED_RE.sub('""', first)   # the user's own words quoted ('noted for later: "the key moment" is 0:05') claim nothing
    if first.startswith("Nothing changed"):   # its reason says how the score is ("there are no strings in the score"):
        first = ""                            # no change claimed, and the plans must then be equal (below)
    claimed = {k for k, pat in CLAIMS.items() if re.search(pat, first, re.I)}
    changed = plan_differences(old, new)
    if "style" in changed:  # a new style brings its own instruments, tempo and chords: one claim covers them
        claimed |= changed & {"tempo", "roles", "key"}
    if not changed:
        return "" if not claimed else f"claims {sorted(claimed)} but nothing changed"
    if claimed != changed:
        return f"claims {sorted(claimed)}, the plans differ in {sorted(changed)}"
    return ""
