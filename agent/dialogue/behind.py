"""A part said to sit under or behind another, read by `orchestration.read`: a part added underneath the others
("organ pad under everything", "soft strings behind the piano", "put an upright bass under it": how softly is the new
part's, no cut of the whole mix),
or a part put behind another ("push the piano behind the bass": the piano down against the bass, nothing added), or in
front of it ("put the piano in front of the drums": the piano up against the drums).
A verb after the part ("the sax sits behind the piano") says the part is already there: neither.
`BALANCES` are the other ways a part's level against another is said (session 31, tests/wordings31): a part over
another ("the sax drowns the piano", "the basses now swallow the horn line": the one under up), "all bass no piano", a
part let through ("let the pad rise above the chords", "I want the harp to shimmer through"), "get the horn above it",
"I lose the strings", "I can hardly hear the bass under the other stuff", "drop the kit a hair", "fiddle back a bit"."""

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
PUT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|sit|drop|shove|send|stick|duck|tuck|sink|lower|pull|bring)(?! an? | some )(?: the| that| this)? {INSTR} (?:way |further |back |down )?"
                     rf"(?:under|underneath|beneath|behind) (?:the )?{INSTR}")
# a part put in front of another ("put the piano in front of the drums", "move the sax over the piano"): the one in front up
# against the other, nothing added (the counter-instruction of "don't put the piano behind the drums", `refused`)
FRONT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|bring|get|pull|sit)(?: the| that| this)? {INSTR} (?:way |further |back )?"
                       rf"(?:in front of|ahead of|on top of|over|above) (?:the )?{INSTR}")
# ... in front of "it" ("the timpani is booming over the horn, get the horn above it"): the one in front up against the
# others, the other one's level the clause before said
FRONT_IT_RE = LazyPattern(rf"\b(?:push|put|move|set|place|bring|get|pull|sit)(?: the| that| this)? {INSTR} (?:way |further )?"
                          rf"(?:in front of|ahead of|on top of|over|above) (?:it|them)\b")
# a part over another ("the sax drowns the piano", "the basses now swallow the horn line", "the timpani are thundering
# over the harp", "the pad is like a blanket over the celesta"): the one under up against the one over
OVER_RE = LazyPattern(rf"{INSTR}(?:'s|'re)? (?:is |are |kind of |a bit |way |now |still |just |really |totally |always |keeps )*(?:drowns?|"
                      rf"drowning|buries|burying|swamps?|swamping|covers?|covering|overpowers?|overpowering|overwhelms?|overwhelming|"
                      rf"swallows?|swallowing|smothers?|smothering|eats?|eating|(?:is|are|'s|gets|sounds) (?:way |much |far |so )?"
                      rf"louder than|on top of|(?:stepping|steps?|sits?|sitting|walks?|walking|trampling|tramples?) (?:all )?(?:on|over)|"
                      rf"masks?|masking|fighting|fights|clashing with|competing with|(?:booming|thundering|blasting|screaming|roaring|"
                      rf"blaring|sitting|sits?|is like a blanket|like a blanket) (?:way |too |so |all )?(?:hot |loud )?(?:over|above)) "
                      rf"(?:out |with )?{INSTR}(?: (?:solo|line|part|melody|tune|chords)\b)?")
# "feels like all bass no piano": the one missing up against the one everywhere
ALL_NO_RE = LazyPattern(rf"\ball {INSTR},? (?:and )?(?:no|zero|hardly any|barely any) {INSTR}")
# a part let through ("let the piano carry more", "I want the harp to shimmer through", "let the pad rise above the
# chords"): that part up against the others (the one named after "above" down), never the whole score's energy
LET_UP_RE = LazyPattern(rf"\b(?:let|have|want|need|get|allow) {INSTR} (?:to )?(?:really |just |finally )?(?:carry(?: more| it| the "
                        rf"(?:song|track|piece|scene|section))?|breathe|shine|sing out|soar|ring out|(?:shimmer|cut|come|poke|punch|"
                        rf"shine) through|come out|come forward|step forward|step up|rise|float|take over|scream|wail|sing|ring)(?: (?:above|over) {INSTR})?")
# "every time the horn comes in I lose the strings": the strings not heard, up (no "lose the strings": that takes them out)
LOST_BY_ME_RE = LazyPattern(rf"\bi (?:keep |always |just |totally |completely )?(?:lose|loose|can'?t find) {INSTR}")
# "drop the kit a hair", "drop the bass a couple dB": a level, not the part taken out
DROP_SIZED_RE = LazyPattern(rf"\bdrop {INSTR} (?=a (?:hair|touch|bit|little|tad|notch|smidge|couple|few)\b|by\b|\d|slightly\b)")
# "..., fiddle back a bit there": a part said back by a degree, no verb: down (not "the drums back": put back)
BACK_SIZED_RE = LazyPattern(rf"(?:^|[,;.]\s*)(?:and |but |then )?{INSTR} (?:back|down) (?=a (?:bit|little|touch|hair|tad|notch)\b|"
                            rf"slightly\b|some\b)")
# "I can hardly hear the synth bass under the other stuff": that part up against all the others
HEARD_UNDER_RE = LazyPattern(rf"\b(?:can'?t|cannot|can not|can hardly|can barely|hardly|barely) (?:really |even )?(?:hear|make out|pick out) "
                             rf"{INSTR} (?:under|over|behind|through|beneath|among) (?:all )?(?:the other stuff|the others|the rest|"
                             rf"everything(?: else)?|it all|the mix|the band|the other (?:parts|instruments))")
BALANCES = ((OVER_RE, 2, 1), (HEARD_UNDER_RE, 1, 0), (ALL_NO_RE, 2, 1), (FRONT_IT_RE, 1, 0), (LET_UP_RE, 1, 2), (LOST_BY_ME_RE, 1, 0),
            (DROP_SIZED_RE, 0, 0), (BACK_SIZED_RE, 0, 0))   # (pattern, group of the part up or 0 for down, group of the part against or 0)
