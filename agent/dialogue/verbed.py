"""A stretch named by what the music does there, said as a verb beside a moment named just before ("he pops the
question at the third cut. I want everything to hush just before it and bloom after"): "the bloom" is after the third
cut and "the hush" just before it, for the turns after ("add strings for the bloom"), as `names` reads a name said
with its place."""

from __future__ import annotations

import re

from v2m.agent.dialogue.patterns import compiled

# a verb and the side of the moment said before ("... to hush just before it", "and bloom after"): the clause says no more
VERBED_RE = re.compile(r"^\s*(?:.*?\b(?:to|and|then|let it|have it|make it) )?(?P<verb>[a-z]{3,}) "
                       r"(?P<side>(?:just |right )?(?:after|before))(?: (?:it|that|this|then|there|wards))?\s*$")


def named(clauses: list[str], place: str, is_name) -> dict[str, str]:
    """{verb: its side of the place the last clause before it ends on} for each clause of `clauses` (lower-cased
    words) that is such a verb; `place` is how a place is said (`names.PLACE`), `is_name` whether a word may name."""
    found: dict[str, str] = {}
    last, at = None, compiled(rf"\b(?:at|on|in|around) (?P<place>{place})\s*$")
    for clause in clauses:
        if (m := VERBED_RE.match(clause)) and last and is_name(m["verb"]):
            found[m["verb"]] = f"{m['side']} {last}"
        elif (p := at.search(clause)):
            last = p["place"]
    return found
