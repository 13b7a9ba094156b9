"""A part said to play only at a place ("the drums should only play in the second half", "keep the piano only until the
second cut", "the guitar should just come in for the chorus"): said as the readers know a part kept
out elsewhere, "no drums except in the second half", "no sax before 0:30", "no piano after the second cut". Before,
the readers heard no edit and the learned model's "remove" was placed at the place said: the part taken out exactly
where it was wanted, the opposite. Said bare, "drums only till the end of shot 2, then the band joins" is the drums
alone there, as "only the drums ..." (`prohibited`'s): left to the other readers.

    there("the drums should only play in the second half, and brighter")   # "no drums except in the second half, and brighter"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import POINT, PLACE_RANGE as PLACE_SAID, LazyPattern

PART = rf"(?P<art>the |a |an |some |my |our |your )?(?P<part>{INSTR_ALT})(?:s|es)?"
BETWEEN = rf"(?<=between )(?:[a-z0-9: ]|{POINT})+? and (?:[a-z0-9: ]|{POINT})+?"   # "between 0:20 and 0:45": its "and" kept
SPAN_TO_RE = re.compile(r"\b(?:to|until|till|til|thru|through)\b", re.I)   # "from the second cut until the fifth": a stretch
WISH = r"(?:(?:i|we)(?: want| need| would like|'d like| d like) |(?:i |we )?(?P<wonly>only )(?:want|need|would like) |(?:keep|have|leave|put|play) |let )?"
MODAL = r"(?: (?:should|must|can|could|will|shall|to|ought to|need to|needs to|has to|have to)(?: to)?)?"   # "must to play": must
PLAYS = r"(?: (?:play|plays|playing|be|come in|comes in|come|comes|stay|stays|kick in|kicks in|heard|there))?"
ONLY = r"(?: (?:only|just|exclusively|solely))"
# said bare, the part must open its clause ("the piano only in shots 3 to 5"; not "lose the bass just in shot 4")
OPENS_RE = re.compile(r"(?:^|[,;.!?:]|\b(?:and|but|so|also|then|now|ok|okay|please|pls))\s*$", re.I)
AND_PLACE_RE = re.compile(r"\s+and (?:in |during |for |at )?(?:the )?(?:first|last|opening|final|closing|middle|shots?|cuts?|\d)", re.I)
ONLY_AFTER_RE = re.compile(r"\s*(?:only|just)\b|.*\b(?:only|just)\s*$", re.I)   # "a shaker from 0:16 only"
THEN_RE = re.compile(r"\s*,?\s*(?:and )?then\b", re.I)   # "... in shot 2, then the band joins": the drums alone there
ENTERS_RE = re.compile(r" (?:come in|comes in|come|comes|kick in|kicks in)", re.I)
END = r"(?=\s*(?:[,;.!?]|$|\b(?:and|but|then|please|pls|por favor|thanks?|thank you|thx)\b))"
ONLY_RE = LazyPattern(
    rf"\b(?P<wish>{WISH}){PART}(?P<modal>{MODAL})(?P<first>{ONLY})?(?P<plays>{PLAYS})(?P<then>{ONLY})? (?P<prep>in|during|for|on|at|from|after|before|until|till|between|across|over|throughout|through)"
    rf" (?P<at>{BETWEEN}|{PLACE_SAID})(?: (?:on|onwards?))?{END}", re.I)
SAID_AS = {"from": "no {part} before {at}", "after": "no {part} before {at}", "before": "no {part} after {at}",
           "until": "no {part} after {at}", "till": "no {part} after {at}"}   # else "no {part} except in {at}"


def there(request: str) -> str:
    """`request` with each part said to play only at a place said as the part kept out elsewhere."""
    def said(m) -> str:
        if AND_PLACE_RE.match(m.string, m.end()):   # "solely during the first ten seconds and the last ten": two places,
            return m.group(0)                        # `kept_out`'s (before, the second read apart: no music there)
        first = m["first"] or m["wonly"]   # "only want the kit playing in the middle third"
        bare = not (m["modal"] or m["plays"] or m["wish"])
        if bare and (first or m["then"] or ONLY_AFTER_RE.match(m.string, m.end()) or ONLY_AFTER_RE.match(m.group(0))) and \
                (m["art"] or "").strip().lower() in ("a", "an", "some"):   # "..., and a shaker from 0:16 only": one added
            return f"add {m['art']}{m['part']} {m['prep']} {m['at'].strip()}"   # there, not a part kept out elsewhere
        if bare and first and THEN_RE.match(m.string, m.end()):   # "drums only in shot 2, then the band joins": alone
            return f"only the {m['part']} {m['prep']} {m['at'].strip()}"   # there (`prohibited`'s; before, the drums went out there)
        if not (first or m["then"]) or not m["at"].strip() or bare and (m["prep"].lower() not in ("in", "during", "for", "between", "across", "throughout", "from", "after")
                                                                             or not OPENS_RE.search(m.string[:m.start()])):
            return m.group(0)   # "drums only till shot 2": the drums alone there (`prohibited`'s), not this
        if ENTERS_RE.fullmatch(m["plays"] or "") and m["prep"].lower() in ("at", "on"):
            return m.group(0)   # "the drums should only kick in at the third shot": an entry there (`mentions.entry`'s)
        prep = m["prep"].lower()
        if prep == "between" or prep == "from" and SPAN_TO_RE.search(m["at"]):   # "between 0:20 and 0:45", "from X until Y"
            return f"no {m['part']} except {prep} {m['at'].strip()}"
        return SAID_AS.get(prep, "no {part} except in {at}").format(part=m["part"], at=m["at"].strip())
    return ONLY_RE.sub(said, request)
