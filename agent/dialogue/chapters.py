"""A video's numbered parts as a request marks them out ("act 1 (to 0:35) ..., act 2 ..., act 3 (1:06>) ..."): each
part the stretch from where the one before it ends to where the next begins, its own times first. Read by
`v2m.agent.dialogue.names` with the other names a request gives to places.

    parts(["act 1 to 0:35", "act 2 from 0:35 to 1:06", "act 3 from 1:06"])   # {"act 1": "from 0:00 to 0:35", ...}
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.place_words import CLOCK

# A video's numbered parts as a request marks them out: "act 1 (to 0:35)", "part two", "chapter 3 (from 1:06)"
PART_RE = re.compile(r"\b(?:act|part|chapter|movement) (?:\d|one|two|three|four|five)\b")


def parts(clauses: list[str]) -> dict[str, str]:
    """The numbered parts said in `clauses`, each as the stretch from where the part before it ends to where
    the next begins (its own times first), when at least two are said and one of them has a time."""
    said_parts = []   # [name, start, end], times as said or None
    for clause in clauses:
        if m := PART_RE.search(clause):
            since = re.search(rf"\b(?:from|after|since) ({CLOCK})", clause)
            until = re.search(rf"\b(?:until|till|to|up to) ({CLOCK})", clause)
            said_parts.append([m.group(0), since and since.group(1), until and until.group(1)])
    if len(said_parts) < 2 or not any(p[1] or p[2] for p in said_parts):
        return {}
    for k, p in enumerate(said_parts):
        p[1] = p[1] or (said_parts[k - 1][2] if k else "0:00")
    for k, p in enumerate(said_parts[:-1]):
        p[2] = p[2] or said_parts[k + 1][1]
    return {name: f"from {a} to {b}" if a and b else f"from {a}" if a else f"until {b}"
            for name, a, b in said_parts if a or b}
