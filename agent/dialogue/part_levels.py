"""A part's level said the way people say it in passing, put in the words the grammar reads as that part's level:

- the part said after the verb's "it" ("can you turn it down, the drums"): that part down, not the whole mix and the
  part as well (the loudness fell 3 LUFS and the drums 5 dB);
- a second part tacked on to a complaint ("the drums are too loud, and the bass", "... and so is the bass"): the
  complaint said again of it (the bare "the bass" read as the bass added: louder, more energy everywhere);
- how hard a part plays ("don't play the drums that hard", "the drums shouldn't hit so hard"): that part softer (the
  "don't play" took the drums out, and "hard" played the whole score aggressive: minor, faster, fuller).
- a part said to play too weakly ("the drums don't hit as hard as they should", "... so hard anymore"): louder;
- a part blamed for the music's disorder ("it's pure mayhem with the drone", "the drums are total chaos"): too busy.
- a part's level wished ("I need the bass way down", "can we get the drums down a bit"): that part's move (the
  "need the bass" read as the bass added: louder, more energy everywhere);
- a part praised, then called too loud ("I like the drums but they are too loud", "drums are great but way too
  loud"): that part's complaint (the praise added the part, "they are too loud" moved the whole mix);
- a part said not to be the trouble ("not the drums, the bass is too loud"): left out (it was read as added);
- a part named by what it plays with the sound it plays it on ("the synth melody is too loud", "the piano chords"):
  the part that plays it (the melody), not two parts (the synth read alone was the synth bass);
- a part's level said, then "it" or "them" in a clause after it ("I cannot hear the celesta, please make it more
  strong", "... from 0:28 to 0:36? It stands out too much there", "too present, tuck them back a hair"): that part (it
  had been the whole score's energy); after a clause naming two parts, the first ("the horn is buried by the strings, push it a
  touch": the horn), unless a place was said before it and none in its clause (the clause readers carry that place to
  the pronoun). "More back" is further back ("put them more back": no part put back).

    from v2m.agent.dialogue.part_levels import plain
    plain("can you turn it down, the drums")            # "can you turn the drums down"
    plain("the drums are too loud, and the bass")       # "the drums are too loud, and the bass is too loud"
    plain("don't play the drums that hard")             # "play the drums softer"

Read by `v2m.agent.dialogue.understanding` before the readers of an edit.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import BALANCE_DOWN, BALANCE_UP, HEARD, INSTR_ALT, LOST, named_parts
from v2m.agent.dialogue.sounded_parts import WAVEFORM
from v2m.agent.dialogue.patterns import LazyPattern   # the part alternations compile on first use (`v2m --help` stays light)

PART = rf"(?:the |your |those |that |these )?(?:{INSTR_ALT}|drummer)(?:s|es)?\b"
SIZE = r"(?: a (?:bit|little|touch|notch|tad)| some| slightly)?"
# "can you turn it down, the drums", "bring it up a notch, the bass please": the part named after the comma
IT_PART_RE = LazyPattern(rf"^(?P<ask>\W*(?:(?:can|could|would) (?:you|u) |please |pls |maybe )?(?P<verb>turn|bring|take|pull|knock|"
                        rf"dial|tone|back) )(?:it|that|this|them) (?P<how>down|up|back)(?P<size>{SIZE}),\s*"
                        rf"(?P<part>{PART})(?P<end>(?: please| pls| maybe)?\W*)$", re.I)
MADE_PART_RE = LazyPattern(rf"^(?P<ask>\W*(?:(?:can|could|would) (?:you|u) |please |pls |maybe )?make )(?:it|that|this|them) "
                          rf"(?P<size>(?:a (?:bit|little|touch|tad) )?)(?P<how>quieter|softer|louder),\s*(?P<part>{PART})"
                          rf"(?P<end>(?: please| pls| maybe)?\W*)$", re.I)
# "the synth melody", "that piano chords part": the part by what it plays, the sound it plays it on said before it
QUALIFIED_RE = LazyPattern(rf"\b(?P<the>the|that|this|your|those) (?:(?:{INSTR_ALT}) (?P<role>melody|tune|chords|harmony|pad)|"
                           rf"{WAVEFORM} (?P<r2>melody|tune|chords|harmony|pad|"
                           rf"lead|synth))\b", re.I)   # "the saw chords": the chords (not "let the bass lead")
# "lose the synth lead", "mute that guitar lead": the lead part taken out (not the synth put on the lead: "let the bass lead")
OUT_LEAD_RE = LazyPattern(rf"\b(?P<out>lose|drop|remove|mute|kill|ditch|cut|no|without|take out) (?P<the>the|that|this|your) "
                          rf"(?:{INSTR_ALT}) lead\b(?! (?:the|a|an|it|them|this|that)\b)", re.I)
# "the drums are too loud, and the bass", "the drums are too loud and so is the bass", "..., the bass too"
COMPLAINT = r"(?:(?:a bit|a little|way|much|far|really|so|kinda|kind of) )?too \w+"
TACKED_RE = LazyPattern(rf"(?P<first>(?P<p1>{PART}) (?:is|are|sounds?|feels?|seems?|gets?|got) (?P<said>{COMPLAINT}))\s*"
                       rf"(?:,\s*(?:and |also |plus |as well as |and also )?|\s+(?:and |also |plus |as well as |and also ))"
                       rf"(?:so (?:is|are|does|do) (?P<p2a>{PART})|(?P<p2b>{PART})(?: too| as well| also)?)(?=\W*$)", re.I)
# "don't play the drums that hard", "don't hit the drums so hard", "the drums shouldn't hit so hard": softer
HARD = r"(?:that|so|as|too|this) (?:hard|heavy|heavily|aggressively|roughly)"
PLAYED_RE = LazyPattern(rf"\b(?:don'?t|do not|dont|never|stop) (?:play|hit|bang|pound|strike|thump|hammer|whack|bash)(?:ing)? "
                       rf"(?:on )?(?P<a>{PART}) {HARD}\b|"
                       rf"\b(?P<b>{PART}) (?:shouldn'?t|should not|mustn'?t|must not|needn'?t|don'?t|doesn'?t|do not|does not)"
                       rf"(?: need to| have to)? (?:play|hit|bang|pound|strike|thump|hammer|whack|bash|be played|be hit|be) {HARD}\b"
                       rf"(?!\s+(?:as\b|anymore|any more|enough|like|now|these days|lately))", re.I)
# a complaint that a part is too weak: "the drums don't hit as hard as they should", "the drums don't hit so hard
# anymore": louder (PLAYED_RE read them as told to play softer)
WEAK_RE = LazyPattern(rf"\b(?P<b>{PART}) (?:don'?t|doesn'?t|do not|does not|dont) (?:play|hit|bang|pound|strike|thump|punch|kick) "
                     rf"(?:(?:as|so|that) )?(?:hard|heavy|heavily|strongly)(?: as (?:they|it|he|she) (?:should|used to|could|did)(?: before)?"
                     rf"| anymore| any more| enough| like (?:they|it) used to)\b", re.I)

# a part blamed for the music's disorder ("it's pure mayhem with the drone", "the drums are total chaos", "the bass is
# making it a mess"): that part too busy (down), never the part added or the whole score livelier
CHAOS = (r"(?:mayhem|chaos|chaotic|mess|messy|racket|cacophony|cacophonous|din|bedlam|madness|zoo|circus|carnage|"
         r"train ?wreck|shambles|jumble|free[- ]for[- ]all|overkill|all over the place|wall of noise|noise)")
SO = (r"(?:(?:pure|total|utter|complete|absolute|just|such|a bit|kind of|kinda|so|real|sheer|bloody|freaking|friggin|a|an|"
      r"like) )*")
CHAOS_RE = LazyPattern(rf"\b(?:it'?s|it is|its|this is|that'?s|that is|things are|everything'?s|everything is|it'?s all|all) {SO}{CHAOS} "
                       rf"(?:with|from|because of|thanks to|cos of|coz of|due to|cause of) (?P<a>{PART})|"
                       rf"\b(?P<b>{PART}) (?:is|are|'s|sounds?|feels?|seems?|gets?) (?:like )?{SO}{CHAOS}|"
                       rf"\b(?P<c>{PART}) (?:is|are|'s) (?:making|turning) (?:it|this|everything|things|the (?:music|mix|score|track))"
                       rf" (?:into )?{SO}{CHAOS}|"   # the music as a whole ("omg it's a mess", "pure chaos right now"): too busy
                       rf"\b(?P<w>it'?s|it is|its|this is|that'?s|everything'?s|everything is|the (?:music|mix|score|track|song) is) "
                       rf"{SO}(?!zoo\b|circus\b){CHAOS}(?=\s*(?:$|[.!,;?]|now\b|right now\b|lol\b|tbh\b|honestly\b))", re.I)   # a zoo said alone: the place

# a part's size asked for ("make the horns small small", "make the bass smaller", "make them bigger, the horns"): its level
# ("small small", said twice, is a little, as spelling mends it: "make the horns a little"; "small" alone was read as the part added, louder); a part said alone as the
# topic of what follows ("The bass. On the meters it is huge. Make it smaller."): the "it" that is asked to change
SIZED_RE = LazyPattern(rf"\b(?P<ask>make|get|keep) (?P<part>{PART}) (?P<size>small small|small|smaller|tiny|tinier|little|"
                       r"big big|big|bigger|huge|larger|a little(?=\s*(?:$|[,.;!?])))\b(?! (?:part|bit|sound|role|room|space)\b)", re.I)
TOPIC_RE = LazyPattern(rf"^\W*(?P<part>{PART})\s*[.:!]\s*(?P<rest>.*\b(?:make|turn|bring|take|pull|get) )(?:it|them)\b", re.I)
SIZES = {"small small": "a little quieter", "a little": "a little quieter", "big big": "a little louder", **dict.fromkeys(("small", "smaller", "tiny", "tinier", "little"),
         "quieter"), **dict.fromkeys(("big", "bigger", "huge", "larger"), "louder")}
# "I need the bass way down", "i'm going to need ...", "can we get the drums down a bit", "I want the piano more down"
START = r"(?P<lead>(?:^|(?<=[,.;:!?]))\W*)(?:(?:ok|okay|so|and|now|but|also|then)\s+)*"
WANTED_RE = LazyPattern(rf"{START}(?:(?:i|we)(?:'m| am|'re| are)? (?:going to |gonna )?(?:need|want|would like)|(?:i|we)'d like|"
                        rf"(?:can|could) (?:we|you|u|i) (?:get|have)|need|want) (?P<part>{PART}) (?P<size>(?:(?:a bit|a little|"
                        r"a touch|a tad|way|much|a lot|quite a bit) )?)(?:more )?(?P<how>up|down)\b", re.I)
# "I like the drums but they are too loud", "drums are great but way too loud", "I love the sax, only it is too loud"
PRAISED = r"(?:is |are |sound |sounds )?(?:fine|good|great|nice|lovely|cool|perfect|amazing|awesome|brilliant)"
PRAISED_RE = LazyPattern(rf"\b(?:(?:i|we) (?:really )?(?:like|love|dig) (?P<a>{PART})|(?P<b>{PART}) {PRAISED}),? "
                         rf"(?:but|only|just|though|although)(?: (?:it|they|he|she)(?:'s|'re| is| are| sounds?| feels?| gets?)?)? "
                         rf"(?P<said>{COMPLAINT})", re.I)
# "not the drums, the bass is too loud", "no not the piano the bass is too loud": the part said to be fine, then the one
# that is not ("no, the bass" alone stays: a correction of the last edit, `followups`)
NOT_PART_RE = LazyPattern(rf"{START}(?P<no>no+\b[\s,]*)?not (?:{PART})(?: (?:lol|though|tho|haha))?[\s,]+"
                          rf"(?={PART} (?:is|are|'s|sounds?|feels?|gets?|needs?|should)\b)", re.I)

# a part wished stronger or said to come through the rest ("make the drum more strong", "the kick has to punch through
# everything", "the lead line needs to sing over the band", "make the rhythm more strong": the beat): that part louder
# against the others (before: "more strong" was more energy everywhere, and "punch/sing through" was asked about)
LINE = r"(?: (?:line|part|track|sound))?"
STRONGER_RE = LazyPattern(rf"\b(?P<ask>make|get|have|let) (?P<part>{PART}{LINE}|(?:the |your )?(?:rhythm|groove)) "
                          r"(?P<size>(?:a (?:bit|little|touch|tad|lot) |much |way |slightly |even )?)(?:more strong|stronger|"
                          r"more powerful|more prominent|more present|punchier|more punchy|bolder)\b|"
                          rf"\b(?P<p2>{PART}{LINE}) (?:(?:needs? to|has to|have to|should|must|got to|gotta|to|can|could) )?"
                          r"(?:really )?(?:punch|cut|poke|break|push|sing|ring|soar|come|shine|sit)(?:es|s)? (?:out )?(?:through|over|above|"
                          r"on top of) (?:everything(?: else)?|it all|all|the (?:mix|band|others|rest|track|music|whole thing))\b", re.I)

# the edge taken off a part ("take the edge off the trumpets a smidge", "the sax needs the edge taken off it"): that part
# softer (before: "off trumpets" was read as the trumpets added, +2 dB)
EDGE_OFF_RE = LazyPattern(rf"\btake (?:some of |a bit of |a little of |a touch of )?the edge off (?P<part>{PART}{LINE})|"
                          rf"\b(?P<p2>{PART}{LINE}) (?:needs?|could use|wants?) (?:some of |a bit of )?(?:the|its|their) edge taken off"
                          r"(?: (?:it|them))?", re.I)


def _stronger(m: re.Match) -> str:
    part = m["part"] or m["p2"]
    part = "the drums" if re.search(r"\b(?:rhythm|groove)$", part, re.I) else re.sub(r" (?:line|part|track|sound)$", "", part)
    return f"{m['ask']} {part} {m['size'] or ''}louder" if m["ask"] else f"{part} louder"


def _part(said: str) -> str:
    return "the drums" if said.lower().endswith(("drummer", "drummers")) else said


def _be(part: str) -> str:
    return "are" if part.lower().endswith("s") and not part.lower().endswith(("ss", "bass")) else "is"


def plain(text: str) -> str:
    """`text` with a part's level said in passing put as that part's own move (the module docstring's three ways)."""
    text = it_as_part(text)
    text = EDGE_OFF_RE.sub(lambda m: f"make {m['part'] or m['p2']} softer", STRONGER_RE.sub(_stronger, text))
    text = OUT_LEAD_RE.sub(lambda m: f"{m['out']} {m['the']} lead", text)
    text = QUALIFIED_RE.sub(lambda m: f"{m['the']} {m['role'] or m['r2']}", TOPIC_RE.sub(lambda m: f"{m['rest']}{m['part']}", text))
    text = SIZED_RE.sub(lambda m: f"{m['ask']} {_part(m['part'])} {SIZES[m['size'].lower()]}", text)
    text = WANTED_RE.sub(lambda m: f"{m['lead']}{_part(m['part'])} {m['size']}{m['how']}", text)
    text = NOT_PART_RE.sub(r"\g<lead>", PRAISED_RE.sub(lambda m: f"{(p := _part(m['a'] or m['b']))} {_be(p)} {m['said']}", text))
    text = IT_PART_RE.sub(lambda m: f"{m['ask']}{_part(m['part'])} {m['how']}{m['size']}{m['end']}", text)
    text = MADE_PART_RE.sub(lambda m: f"{m['ask']}{_part(m['part'])} {m['size']}{m['how']}{m['end']}", text)
    text = TACKED_RE.sub(lambda m: f"{m['first']}, and {(p := _part(m['p2a'] or m['p2b']))} {_be(p)} {m['said']}", text)
    text = WEAK_RE.sub(lambda m: f"{_part(m['b'])} louder", text)
    text = CHAOS_RE.sub(lambda m: f"{m['w']} too busy" if m['w'] else f"{(p := _part(m['a'] or m['b'] or m['c']))} {_be(p)} too busy",
                        text)
    return PLAYED_RE.sub(lambda m: f"{'play ' if m['a'] else ''}{_part(m['a'] or m['b'])} softer", text)


MORE_BACK_RE = re.compile(r"\bmore back\b(?= *(?:a )?(?:little|lil|bit|please|pls|[.,;!?]|$))", re.I)
CLAUSE_START = r"(?:[.,;!?]\s*|\b(?:and|but|so|then|please|pls|just|though)\s+)"
# what a pronoun's clause asks of a level: a verb that moves a part, then where to ("up", "back", "more strong")
LEVEL_HOW = (r"(?:a |up|down|back|forward|out|more|less|louder|softer|quieter|stronger|weaker|lower|higher|lil|little|"
             r"slightly|just|way|much|further|in front|to the front|above|over|under|behind|through|a touch|a hair|a bit)")
PRONOUN_LEVEL_RE = LazyPattern(
    rf"{CLAUSE_START}(?:(?:please|pls|just|can you|could you|so|and)\s+)*(?:(?:make|get|have|push|bring|turn|tuck|put|pull|"
    rf"sit|nudge|bump|let|move|lift|raise|lower|boost|duck|drop|ease)\s+(?P<it>it|them)\b(?P<how>\s+{LEVEL_HOW}[^.,;!?]*|"
    rf"(?=\s*(?:[.,;!?]|$)))|(?P<it2>it|they)\s+(?:really\s+|just\s+|still\s+|now\s+)?(?:(?:stands?|sticks?|pokes?|jumps?)\s+out\b|"
    rf"(?P<pair>covers?|drowns?|buries|bury|swamps?|masks?|overpowers?|smothers?|swallows?|overwhelms?)\s+(?:out\s+)?the\b)"
    rf"(?P<how2>[^.,;!?]*)|(?:could|can|should|would|will|must)\s+(?P<it3>it|they)\s+(?:be|get|come|sound)\s+(?:a |way |much |"
    rf"slightly |a lot |louder|softer|quieter|up|down|forward|back|more|less)[^.,;!?]*)", re.I)   # "..., it cover the lead guitar": the part covers it
# the clause before says a part's level: too loud, lost, turned up, can't be heard
LEVEL_SAID_RE = LazyPattern(rf"\b(?:{LOST}|{BALANCE_UP}|{BALANCE_DOWN}|{HEARD}|hiding|hides|too big|behind a wall|muffled)\b", re.I)
PLACED_RE = LazyPattern(r"\b(?:there|here|shots?|cuts?|intro|outro|end|ending|start|beginning|opening|middle|half|"
                        r"first|last|\d+:\d\d|\d+ ?(?:s|secs?|seconds))\b", re.I)


def it_as_part(request: str) -> str:
    """`request` with the pronoun of a level clause said as the part whose level the clause before said (the first
    named); as it was otherwise."""
    request = MORE_BACK_RE.sub("further back", request)
    m = PRONOUN_LEVEL_RE.search(request)
    if m is None or m.start() == 0:
        return request
    before = request[:m.start()]
    parts = list(dict.fromkeys(named_parts(before.lower())))
    if not parts or not LEVEL_SAID_RE.search(before):
        return request
    start, end = m.span(next(g for g in ("it", "it2", "it3") if m.group(g)))
    if m.group("pair") and not PLACED_RE.search(m.group(0)):
        return request   # "the strings are too loud, they cover the piano": the complaint said again, read as before (a
        # place in its clause, "it cover the lead guitar in the last 12 seconds", is the complaint's: said of the part)
    if PLACED_RE.search(before) and not PLACED_RE.search(m.group(0)):
        return request   # a place said before and none after ("too loud there ... Put it more in the background"): the
        # pronoun's clause is about that place, which the clause readers carry to it
    return f"{request[:start]}the {parts[0]}{request[end:]}"   # (two named: the first, the subject: "the horn is buried by
    # the strings, push it a touch")
