"""A stretch named by what the music does there, said as a verb beside a moment named just before ("he pops the
question at the third cut. I want everything to hush just before it and bloom after"): "the bloom" is after the third
cut and "the hush" just before it, for the turns after ("add strings for the bloom"), as `names` reads a name said
with its place; a mark put "there" after a place ("ride the riser to the fifth shot, drop right there": the drop is
where the fifth shot starts), and the name said again as "post-drop" or "pre-drop" (after or before it)."""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import NUMBER_WORD, ORD, ORDINALS, spoken_number
from v2m.agent.dialogue.patterns import compiled

# a verb and the side of the moment said before ("... to hush just before it", "and bloom after"): the clause says no more
VERBED_RE = re.compile(r"^\s*(?:.*?\b(?:to|and|then|let it|have it|make it) )?(?P<verb>[a-z]{3,}) "
                       r"(?P<side>(?:just |right )?(?:after|before))(?: (?:it|that|this|then|there|wards))?\s*$")

# a mark put at the place said just before ("..., drop right there", "and the drop hits there", "big crash there")
# ("let it climb all the way up to shot five and drop on that", n-i-d-beats-03 turn 1)
THERE_RE = re.compile(r"^\s*(?:(?:and|then|with|so) )?(?:(?:the|a|big|huge|massive|hard) )*(?P<verb>[a-z]{3,})"
                      r"(?: (?:hits?|lands?|comes?(?: in)?|goes|happens|kicks? in))? (?:right |just )?(?:there|here|"
                      r"(?:on|at|into) (?:that|this|it)(?: (?:one|point|moment|spot))?)\s*$")
# a shot said as a place ("the fifth shot", "shot five"): a mark put there is where it starts, the cut before it
SHOT_SAID_RE = re.compile(rf"^(?:the )?(?:shot (?:number |no\.? |#)?(?P<n>\d+|{NUMBER_WORD})|{ORD} shot)$")
# "post-drop", "pre-chorus" said of a name given before: after it, before it
PREFIXED_RE = re.compile(r"\b(post|pre)-([a-z]{3,})\b")


def prefixed(text: str, known: dict[str, str]) -> str:
    """`text` with "post-X" and "pre-X" said as "after the X" and "before the X" where X is a name given before."""
    return PREFIXED_RE.sub(lambda m: f"{'after' if m[1] == 'post' else 'before'} the {m[2]}" if m[2] in known
                           else m[0], text)


def named(clauses: list[str], place: str, is_name) -> dict[str, str]:
    """{verb: its side of the place the last clause before it ends on} for each clause of `clauses` (lower-cased
    words) that is such a verb; `place` is how a place is said (`names.PLACE`), `is_name` whether a word may name."""
    found: dict[str, str] = {}
    last, at = None, compiled(rf"\b(?P<prep>at|on|in|around|to|till|until|into|up to) (?P<place>{place})\s*$")
    for clause in clauses:
        if (m := VERBED_RE.match(clause)) and last and is_name(m["verb"]):
            found[m["verb"]] = f"{m['side']} {last}"
        elif (m := THERE_RE.match(clause)) and last and is_name(m["verb"]):
            found[m["verb"]] = _start_of(last)
        elif (p := at.search(clause)):
            last = p["place"]
    return found


def _start_of(place: str) -> str:
    """Where a mark put at `place` lands: a shot's start, said as the cut it starts at ("shot five": "the 4th cut", so
    "after the drop" is from there to the end, not shot five alone); any other place as said."""
    if not (m := SHOT_SAID_RE.match(place)):
        return place if place[0].isdigit() or "shot" not in place else f"the start of {place}"
    k = (int(m["n"]) if m["n"].isdigit() else spoken_number(m["n"])) if m["n"] else ORDINALS.get(m.group(2), 0)
    if k < 2:
        return f"the start of {place}"
    suffix = "th" if 10 <= (k - 1) % 100 < 20 else {1: "st", 2: "nd", 3: "rd"}.get((k - 1) % 10, "th")
    return f"the {k - 1}{suffix} cut"
