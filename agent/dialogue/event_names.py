"""Moments named by what happens in them, said in a clause beside a place: "when the picture changes the fourth time,
that's when Ron blows out his candles", "... where he opens his presents? That's the seventh change of picture", "from
when we get off at Barbados, that's the fourth bit of film, right through to the end". What the happening is about
(its last word that may name: "the candles", "the presents", "Barbados") is that place for the turns after ("from the
candles to the presents", "the drums back in the Barbados part"), as `names` reads a name said with its place; a
happening said "from when" is that place on (the stretch from it). Called by `names.said` with its own place pattern
and name test (`names.PLACE`, `name_words.is_name`), so this module imports nothing of `names`.

    named(["from when we get off at barbados", "that's the fourth bit of film"], PLACE, is_name)
    # {"barbados": "from the fourth bit of film on"}
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.place_words import normalise

# a happening said after "when"/"where" at a clause's end: who does it, then what they do ("when ron blows out his
# candles", "where he opens his presents", "from when we get off at barbados"); up to six words after who
HAPPENING = r"(?P<from>\bfrom )?\b(?:when|where|while|as soon as) (?P<what>(?:[a-z'-]+ ){1,6}[a-z'-]+)\s*$"
HAPPENING_RE = re.compile(HAPPENING)
# a clause that is a happening alone ("that's when ron blows out his candles"), said of the place the clause before names
THATS_HAPPENING_RE = re.compile(r"^\s*(?:that'?s|thats|that is|this is|which is|it'?s) (?:when|where|as) (?P<what>(?:[a-z'-]+ ){1,6}[a-z'-]+)\s*$")
# a clause that is a place alone, said to be the happening of the clause before ("that's the seventh change of picture")
THATS_PLACE = r"^\s*(?:that'?s|thats|that is|this is|which is|it'?s) (?:at |on |in )?(?P<place>{place})\s*$"
# the words after the place that say it runs on ("right through to the end", "onwards", "take the drums out from there to
# the end", which `normalise` leaves "from there")
ON_RE = re.compile(r"^\s*(?:(?:right|all the way|straight) )?(?:(?:through|on|up) )?(?:to|till|until) (?:the )?(?:very )?end\b|"
                   r"^\s*(?:on|onwards?|from then on|after that)\s*$|\bfrom (?:there|then|that point)(?: on\b| onwards?| to the (?:very )?end\b|\s*$)")
# a thing of a happening: a word after "the", "his" ... or after a preposition ("his candles", "at barbados"), or its last
THING_RE = re.compile(r"\b(?:the|his|her|their|our|my|its|your|at|in|into|to|on|from|with) ([a-z][a-z'-]+)\b|([a-z][a-z'-]+)\s*$")
# words of a happening that name no thing in it (who does it, the particles of its verb)
NOT_THING = {"we", "you", "they", "he", "she", "i", "it", "off", "out", "in", "on", "up", "down", "over", "away", "back",
             "there", "here", "again", "then", "now", "too", "all", "together", "get", "gets", "got", "go", "goes", "come", "comes"}
VERB_END_RE, BARE_VERB_END_RE = re.compile(r"(?:ing|ed)$"), re.compile(r"(?:ing|ed|s)$")   # a verb's endings, bare or not
DASH_RE = re.compile(r"\s+[-\u2013\u2014]\s+")   # clauses set apart by dashes ("when we arrive - that's the seventh shot - ...")


def _things(what: str, is_name: Callable[[str], bool]) -> list[str]:
    """The words of a happening that name what it is about ("blows out his candles": "candles"; "get off at barbados":
    "barbados"; "the ship leaves nassau": "ship" and "nassau"), never who does it said as a pronoun, nor its verb."""
    out = []
    for m in THING_RE.finditer(what):
        w = m[1] or m[2]   # (a last word with no article or preposition before it and an -s is a verb: "the ceo appears")
        if w not in NOT_THING and is_name(w) and not (VERB_END_RE if m[1] else BARE_VERB_END_RE).search(w):
            out.append(w)
    return list(dict.fromkeys(out))


def named(clauses: list[str], place: str, is_name: Callable[[str], bool]) -> dict[str, str]:
    """{what a happening is about: the place said beside it} for each happening said in a clause beside a place.

    Args:
        clauses: a request's clauses, lower-cased words (`names._clauses`).
        place: how a place is said (`names.PLACE`).
        is_name: whether a word may name a moment (`name_words.is_name`).
    Returns:
        names to places as the place finders read them ("the fourth cut", "from the fourth bit of film on").
    """
    found: dict[str, str] = {}
    thats_place = compiled(THATS_PLACE.format(place=place))
    place_last = compiled(rf"(?:^|\b(?:at|on|around|in)) (?P<place>{place})(?: please| pls)?\s*$")
    plain = [normalise(part).strip() for c in clauses for part in DASH_RE.split(c)]   # "when the picture changes the fourth time": at the fourth cut
    for k, clause in enumerate(plain):
        if k and (m := thats_place.match(clause)) and (h := HAPPENING_RE.search(plain[k - 1])):
            on = bool(h["from"]) or k + 1 < len(plain) and bool(ON_RE.search(plain[k + 1]))
            found |= {thing: f"from {m['place']} on" if on else m["place"] for thing in _things(h["what"], is_name)}
        elif k and (h := THATS_HAPPENING_RE.match(clause)) and (p := place_last.search(f" {plain[k - 1]}")):
            found |= {thing: p["place"] for thing in _things(h["what"], is_name)}
    return found
