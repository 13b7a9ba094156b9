"""A simile said alone before the request it illustrates: "Like tiptoeing! Quieter and a little slower, from the
fourth picture to the end". Alone it was read as a request of its own, for the whole score (a key, a tempo); it is
how the change after it should feel, so it is said inside that change, before its place.

    from v2m.agent.dialogue.fragments import simile_inside
    simile_inside("Like tiptoeing! Quieter, from shot 4 on")   # "Quieter like tiptoeing, from shot 4 on"
"""

from __future__ import annotations

import re

# "Like tiptoeing!", "like a lullaby.": a simile of a few words said as its own exclamation, then more
LEAD_SIMILE_RE = re.compile(r"^\s*(?P<simile>like (?!(?:it|this|that|them|these|those|you|i|we|the way|how|what)\b)"
                            r"[^,.;:!?]{1,40}?)\s*[!.:]+\s+(?P<rest>[A-Za-z][^.!?]*)(?P<tail>.*)$", re.I | re.S)


def simile_inside(request: str) -> str:
    """`request` with a simile said alone before a change moved into that change, before its first comma."""
    m = LEAD_SIMILE_RE.match(request)
    if m is None:
        return request
    rest, simile = m.group("rest"), m.group("simile").lower()
    cut = rest.find(",")
    rest = f"{rest[:cut]} {simile}{rest[cut:]}" if cut > 0 else f"{rest} {simile}"
    return rest[0].upper() + rest[1:] + m.group("tail")
