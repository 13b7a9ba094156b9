"""A part said to sit under or behind another, read by `orchestration.read`: a part added underneath the others
("organ pad under everything", "soft strings behind the piano": how softly is the new part's, no cut of the whole mix),
or a part put behind another ("push the piano behind the bass": the piano down against the bass, nothing added).
A verb after the part ("the sax sits behind the piano") says the part is already there: neither."""

from __future__ import annotations

from v2m.agent.dialogue.mentions import INSTR
from v2m.agent.dialogue.patterns import LazyPattern

SOFTLY = r"(?:soft|quiet|gentle|subtle|light|faint|low|warm|some)"
PART_NOUN = r"(?:pad|pads|line|lines|part|bed|layer|drone|wash)"   # the word after the part, never a verb
ADDED_RE = LazyPattern(rf"(?<!tuck )(?<!tuck the )(?<!tuck that )(?:{SOFTLY} )?{INSTR}(?: {PART_NOUN})? (?:under|underneath|beneath|behind) "
                       rf"(?!the (?:beat|groove|click|vocals?|voice)\b)(?:everything|it all|the rest|the \w+)\b"
                       rf"(?!'s| (?:is|are|was|were|sounds?|feels?|seems?|gets?)\b)")   # ("the pad behind everything is ...")
PUT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|sit|drop|shove|send|stick)(?: the| that| this)? {INSTR} (?:way |further |back )?"
                     rf"(?:under|underneath|beneath|behind) (?:the )?{INSTR}")
