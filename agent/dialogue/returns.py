"""A part brought back at a moment ("bring the drums back at 0:21", "they can come back in on the fifth cut", after
"no drums from 0:10"): the part plays again from that moment on, as "drums back in from 0:21" says, not in the shot
around the moment alone, nor the whole removal taken back (the learned reader's "undo" for "bring them back").
"them", "they" and "it" are the part the last edit took out; with none taken out they are left to the readers.

Not a third reader beside `cues.PART_BACK_RE` and `silence.BACK_RE`: this one runs first, in `understand` (before the
readers of "bring them back" as an undo), and only says the return in the words `cues.PART_BACK_RE` reads ("the drums
back in from 0:21": the drums added from 0:21); `silence.BACK_RE` is the music's own return, no part's."""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.operations import effective_roles
from v2m.tools.contract import ScorePlan

PRONOUNS = ("them", "it", "they")
# The two ways a part's return is said, one piece each for both orders below: brought back ("bring the drums back in",
# "put them back") or coming back ("the guitar can come back", "they come back in"); a part by name or a pronoun
PART = rf"(?:the\s+)?{INSTR_ALT}(?:s|es)?"
BROUGHT_BACK = rf"(?:bring|put|get|have|let)\s+(?P<obj>them|it|{PART})\s+back(?:\s+in)?"
# coming back, with or without a word letting it ("the guitar may come back", "let them come back in": "them" after "let")
COMES_BACK = rf"(?P<subj>they|it|them|{PART})\s+(?:(?:can|should|could|will|may)\s+)?come\s+back(?:\s+in)?"

# the moment after: "bring the drums back at 0:21", "they can come back in on the fifth cut" (a "let" before "the drums
# come back" stays outside the match, as said); not a tempo ("put it back at 120 bpm")
BACK_AT_RE = re.compile(rf"\b(?:{BROUGHT_BACK}|{COMES_BACK})\s+(?:at|on|from)\s+(?=\S)"
                        r"(?!\d+\s*(?:bpm|beats|%|percent|db)\b)", re.I)
# the moment said first ("at 0:46 bring the guitar back in", "on the fifth cut, let the drums come back", "at 0:30 the
# drums may come back in"): the same words as after it, its "let" inside the match, which runs from the moment on
BACK_AFTER_RE = re.compile(rf"\b(?:at|on|from) (?P<at>\d+:\d{{2}}(?:\.\d+)?|the (?:[a-z]+ ){{1,2}}cut)\b,? "
                           rf"(?:{BROUGHT_BACK}|(?:let\s+)?{COMES_BACK})\b", re.I)


def taken_out(history: list[ScorePlan] | None) -> str | None:
    """The one part the last edit stopped somewhere it played, None when it stopped none or more than one."""
    if not history or len(history) < 2:
        return None
    old, new = history[-2], history[-1]
    gone = {r for s in new.sections for r in set(effective_roles(old, old.sections[old.section_at((s.start_s + s.end_s) / 2)]))
            - set(effective_roles(new, s))}
    return gone.pop() if len(gone) == 1 else None


def back_from(request: str, history: list[ScorePlan] | None) -> str:
    """`request` with a part brought back at a moment said as that part back in from there."""
    def said(m: re.Match) -> str:
        part = m["obj"] or m["subj"]
        if part.lower() in PRONOUNS and (part := taken_out(history)) is None:
            return m[0]
        return f"{part} back in from "
    request = BACK_AT_RE.sub(said, request)
    return BACK_AFTER_RE.sub(lambda m: m[0] if (back := said(m)) == m[0] else back + m["at"], request)   # (no part: as said)
