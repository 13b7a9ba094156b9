"""A part said to sit under or behind another, read by `orchestration.read`: a part added underneath the others
("organ pad under everything", "soft strings behind the piano", "put an upright bass under it": how softly is the new
part's, no cut of the whole mix),
or a part put behind another ("push the piano behind the bass": the piano down against the bass, nothing added), or in
front of it ("put the piano in front of the drums": the piano up against the drums).
A verb after the part ("the sax sits behind the piano") says the part is already there: neither."""

from __future__ import annotations

from v2m.agent.dialogue.mentions import INSTR
from v2m.agent.dialogue.patterns import LazyPattern

SOFTLY = r"(?:soft|quiet|gentle|subtle|light|faint|low|warm|some)"
PART_NOUN = r"(?:pad|pads|line|lines|part|bed|layer|drone|wash)"   # the word after the part, never a verb
ADDED_RE = LazyPattern(rf"(?<!tuck )(?<!tuck the )(?<!tuck that )(?:{SOFTLY} )?{INSTR}(?: {PART_NOUN})? (?:under|underneath|beneath|behind) "
                       rf"(?!the (?:beat|groove|click|vocals?|voice)\b)(?:everything|it all|the rest|the \w+)\b"
                       rf"(?!'s| (?:is|are|was|were|sounds?|feels?|seems?|gets?)\b)")   # ("the pad behind everything is ...")
# a new part laid under the music ("put an upright bass under it", "slip some strings underneath"): a verb of placing or
# adding before the part, never "the" ("put the bass under it", "tuck the bass under": it plays already, so it goes
# down) nor "don't"; "under it" the last words said of it ("there's a bass under it that is too loud": no verb, no add)
LAID_BY = r"(?:add|put|lay|layer|slip|slide|throw|stick|place|set|drop|bring|get|give (?:me|us|it))(?: in)?"
DET = r"(?:the|that|this|those|these|your|my|our|his|her|their|its)"
LAID_RE = LazyPattern(rf"(?<!n't )(?<!not )(?<!never )(?<!ever )\b{LAID_BY} (?:(?:a|an|some) )?(?!{DET} )(?:(?!{DET} )[a-z]+ )??"
                      rf"{INSTR}(?: {PART_NOUN})? (?:in )?(?:under|underneath|beneath|below)(?: (?:it|this|that|the music|the track|"
                      rf"the mix|the rest|everything|it all|all of it))?(?= *$| *[,.;!?]| (?:please|pls|too|as well|for me|in|"
                      rf"at|from|during|after|before|till|until|through|throughout|instead)\b)")
PUT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|sit|drop|shove|send|stick)(?: the| that| this)? {INSTR} (?:way |further |back )?"
                     rf"(?:under|underneath|beneath|behind) (?:the )?{INSTR}")
# a part put in front of another ("put the piano in front of the drums", "move the sax over the piano"): the one in front up
# against the other, nothing added (the counter-instruction of "don't put the piano behind the drums", `refused`)
FRONT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|bring|get|pull|sit)(?: the| that| this)? {INSTR} (?:way |further |back )?"
                       rf"(?:in front of|ahead of|on top of|over|above) (?:the )?{INSTR}")
