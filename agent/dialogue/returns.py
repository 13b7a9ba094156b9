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
BACK_AT_RE = re.compile(rf"\b(?:(?:bring|put|get|have|let)\s+(?P<obj>them|it|(?:the\s+)?{INSTR_ALT}(?:s|es)?)\s+back(?:\s+in)?|"
                        rf"(?P<subj>they|it|(?:the\s+)?{INSTR_ALT}(?:s|es)?)\s+(?:can\s+|should\s+|could\s+|will\s+|may\s+)?"
                        r"come\s+back(?:\s+in)?)\s+(?:at|on|from)\s+(?=\S)(?!\d+\s*(?:bpm|beats|%|percent|db)\b)", re.I)   # not a tempo

# the moment said first ("at 0:46 bring the guitar back in", "on the fifth cut, let the drums come back"): the same
BACK_AFTER_RE = re.compile(rf"\b(?:at|on|from) (?P<at>\d+:\d{{2}}(?:\.\d+)?|the (?:[a-z]+ ){{1,2}}cut)\b,? (?:(?:bring|put|get|have|let)\s+"
                           rf"(?P<obj>them|it|(?:the\s+)?{INSTR_ALT}(?:s|es)?)\s+back(?:\s+in)?|(?:let\s+)?(?P<subj>they|it|(?:the\s+)?"
                           rf"{INSTR_ALT}(?:s|es)?)\s+(?:can\s+|should\s+|could\s+|will\s+)?come\s+back(?:\s+in)?)\b", re.I)


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
