"""A part's entry said as holding it back ("hold the drums back until 0:20", "don't start the drums until 0:20", "wait
till the second cut to bring in the strings", "no need to bring in the drums until shot 3"): said as the readers know
an entry, "no drums before 0:20" (the part silent before there; brought in from there where it is silent now,
`entries.moved`). Before, the words read as the part brought in up to there: the opposite of what was asked.

    held("hold the drums back until 0:20, and brighter")   # "no drums before 0:20, and brighter"

"Hold the drums until 0:20" is holding them back too (a part, not a note, is held: before, the drums were made louder
up to there). "Keep the drums until 0:20" (the drums play up to there) and "keep the drums out until 0:20" (read
already) are not holding back.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.kept_out import KIT_RE
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import PLACE_SAID, LazyPattern

PART = rf"(?:the |a |an |some |any |my |our |your )?(?P<part>{INSTR_ALT})(?:s|es)?"
UNTIL = r"(?:until|till|til|'til)"
THEN_IN = r"(?:,? (?:and )?then (?:bring|let|have|add|put) (?:it|them|the \w+) in\b)?"   # "..., then bring it in": that entry
END = r"(?=\s*(?:[,;.!?]|$|\b(?:and|but|then|please|pls)\b))"
REFUSE = r"(?:no need to|(?:you |we )?(?:don'?t|do not) (?:need|have) to|don'?t|do not|never|let'?s not|please don'?t)"
ENTER = r"(?:bring in|bring|start|add|introduce|use|put in|have|let in)"
HELD_RE = LazyPattern(
    rf"\b(?:{REFUSE} {ENTER}|hold(?: back| off(?: on)?)?) {PART}(?: in| back| off)? {UNTIL} (?P<at>{PLACE_SAID}){END}{THEN_IN}"
    rf"|\bwait (?:until|till|til|for) (?P<at2>{PLACE_SAID}) (?:to|before|then) (?:you )?"
    rf"(?:bring in|bring|start|add|introduce|use|let in|have) {PART.replace('?P<part>', '?P<part2>')}(?: in)?{END}", re.I)


# "later" said with the place it means ("bring the strings in later, at 0:30"): the place alone (before, "later" and
# the place were read apart and the turn asked where "at 0:30" was)
LATER_RE = LazyPattern(r"\b(?:a (?:bit|little) |much )?later(?: on)?,?\s+(?=(?:at|around|about|from|after|in) (?:\d|the|shot|cut))", re.I)


def held(request: str) -> str:
    """`request` with each part held back until a place said as its entry there ("no drums before 0:20"), and "later"
    said with its place as the place alone."""
    def said(m) -> str:
        part = m["part"] or m["part2"]
        return f"no {'drums' if KIT_RE.match(part) else part} before {(m['at'] or m['at2']).strip()}"
    return HELD_RE.sub(said, LATER_RE.sub("", request))
