"""Dictation's and phone typing's run-ons: changes said one after another without the comma between them
("faster in shot 2 louder bass in shot 3", "build in shot 2 fade in shot 4", "less bass overall and more punch
in shot 2"), given back the comma that makes each change its own clause with its own place, before any reader
splits the request; and a part or a verb said once for two places ("the sax louder in shot 1 and quieter in
shot 4", "take out the chords in shot 1 and the bass in shot 2", "make it louder, then the drums"), said again in
the second.

    from v2m.agent.dialogue.runons import punctuated
    punctuated("build in shot 2 fade in shot 4")   # "build in shot 2, fade in shot 4"

Only a place that ends a change already said gets the comma ("slower in shot 2 ..."): a place said first
("in shot 2 louder bass") is the place of what follows, and is left as it is.

Dictation drops every full stop too (`sentences`): a question, a "please" or an order said after how the music is
("the opening feels flat can it start softer", "the level is too high please reduce the volume", "the piano is too
loud turn it down") starts a sentence of its own; a moment's time before an order ("17 seconds in kick it up") and a
part alone before what goes ("the guitar on its own no bass") get their comma. A question after a complaint said with
"too" or "so" stays in its sentence: how it is is why it is asked.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.phrases import ORDER_VERBS

# A place that closes a change: a counted shot, a named section, a clock time, the whole clip.
_ORD = r"(?:first|second|third|fourth|fifth|last|final|opening|closing|\d+(?:st|nd|rd|th))"
PLACE = (rf"(?:in|during|for|over|across|through|on) (?:the )?(?:(?:shot|scene) (?:\d+|one|two|three|four|five)|{_ORD} (?:shot|scene))"
         r"|in the (?:intro|ending|end|outro|beginning|middle)|(?:from|after|at|until|till|before) \d+:\d\d(?: on)?"
         r"|overall|everywhere|throughout|all the way through|the whole (?:thing|track|clip|way)")
# A word that starts a change of its own: an order's verb, a comparative, a fade, a build, "more"/"less"/"no".
STARTS = (rf"(?:{ORDER_VERBS}|more|less|no|fade|build|swell|louder|quieter|softer|faster|slower|quicker|calmer|busier|"
          r"brighter|darker|bigger|heavier|lighter|sparser|fuller|gentler|punchier)")
# "slower in shot 2 louder bass in shot 3": the comma after the place, when a change was said before it
RUN_ON_RE = re.compile(rf"(?<=[a-z] )(?<!\band )(?<!\bthen )(?<!\bso )(?<!\bbut )(?<!\bnow )(?<!\bplease )"
                       rf"({PLACE})( and)? (?={STARTS}\b)", re.I)
# "fade out the end and everything a bit quieter": a clause about the whole clip after "and"
AND_WHOLE_RE = re.compile(r"(?<=[a-z0-9]) and (?=(?:everything|the whole (?:thing|track|clip)|overall|all of it)\b)", re.I)

# "faster and build up", "darker and fade out the end": a shape after a comparative and "and" is a change of its
# own (not "start soft and grow": one shape)
AND_SHAPE_RE = re.compile(r"\b(faster|slower|quicker|louder|quieter|softer|darker|brighter|busier|calmer|bigger|fuller|"
                          r"sparser|lighter|heavier|warmer|sadder|happier) and (?=(?:build|fade|swell|ramp|grow)\w*\b)", re.I)

# A part of the band, as named ("the sax", "drums", "electric guitar"): the names `mentions` reads
PART = f"(?:{INSTR_ALT})"
PLACED = r"(?:in|for|during|from|after|before|at|until|till|over|on|through)\b"
LEVEL = r"(?:louder|quieter|softer|up|down|lower|higher|out|in)"
# "make the sax louder in shot 1 and quieter in shot 4": the part said again in the second change
PART_GAP_RE = re.compile(rf"\b((?:the )?{PART}) ({LEVEL})\b([^,;]*? {PLACED}[^,;]*?) and ({LEVEL}) (?={PLACED})", re.I)
# "take out the chords in shot 1 and the bass in shot 2": the verb said again
VERB_GAP_RE = re.compile(rf"\b(take out|take away|remove|mute|lose|kill|add|bring in|bring back|bring up|turn up|turn down)"
                         rf"( (?:the |a |an )?{PART} {PLACED}[^,;]*?) and ((?:the |a |an )?{PART} {PLACED})", re.I)
# "the drums louder its too sleepy": why, said after a change without its comma (`part_reasons.only_reason` then reads it)
WHY_RUN_ON_RE = re.compile(r"(?<=[a-z]) (?=(?:its|it's|it is|thats|that's|that is|they're|theyre|they are|it (?:feels|sounds|seems)) "
                           r"(?:to|too|way too|far too|so|a bit|a little|kind of|kinda|really|pretty)\b)", re.I)
# "make it louder, then the drums", "the bass softer and the kick": a part named alone after a change of level is
# that change again, for the part (not the part added); said again as "the drums louder too"
LEVEL_CARRY_RE = re.compile(rf"\b(louder|quieter|softer|(?:turn|crank|bring|pump)(?: it| the \w+| \w+)? (?:up|down))\b"
                            rf"([^.;!?]{{0,60}}?(?:,? (?:and|then|and then) |, ))((?:the |your )?{PART}s?)"
                            r"(?: (?:too|as well|also))?(?=(?:,? (?:please|thanks))?\s*(?:$|[.;!?]))", re.I)

# "the fiddle is too much, more soft please": the part's own change said again after it (not the whole music softer)
LEVEL_ECHO_RE = re.compile(rf"\b((?:the |your )?{PART}s? (?:is |are |'s )?(?:a bit |way |far |much |just )?too (?:much|loud|strong|"
                           r"prominent|present|quiet|soft|low|weak))\s*,\s*(?:and |so |just )?(?:more soft|more quiet|softer|quieter|"
                           r"less loud|lower|more loud|louder|more strong|stronger)(?:,? (?:please|pls|plz|thanks))?\s*(?=$|[.;!?])", re.I)

# "where hes holding the cake its pic 2", "when he jumps in the lake thats shot five": a moment described, then its
# place said as what it is with no comma between (an answer to "where is ...?"): the comma before the place
_COUNTED = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
PLACE_SAID_RE = re.compile(r"^(\W*(?:where|when|while)\b[^,.;!?]*?[a-z]) (?=(?:it'?s|it is|that'?s|that is|this is|this'?s|which is) "
                           r"(?:in |on |at |around |about )?(?:the )?(?:(?:shot|pic|picture|photo|image|cut|scene|clip|frame|slide)s? "
                           rf"(?:#?\d|number\b|{_COUNTED})|(?:[a-z]+(?:st|nd|rd|th)|second|third|last|final) [a-z]|\d+:\d\d|\d+ ?s(?:ec|econds?)?\b))", re.I)

# Two sentences dictated with no full stop between them (`sentences`): a question or a "please" that asks for a change
# ("the opening feels flat can it start softer", "lol can u throw in some steel drums", "the level is too high please
# reduce the volume") after a word that ends a clause, and an
# order after how it sounds ("this is way too much tone it down", "the piano is too loud turn it down", "it feels
# rushed slow it down"): the order's verb with what it acts on, after a verb of being or seeming and a few words; a
# question about a part ("her walking in can the music swell into that")
NOT_ENDING = (r"(?<!\band)(?<!\bbut)(?<!\bso)(?<!\bor)(?<!\bthen)(?<!\bif)(?<!\bhow)(?<!\bwhat)(?<!\bwhy)(?<!\bwhere)"
              r"(?<!\bwhen)(?<!\bwhich)(?<!\bthat)(?<!\bwho)(?<!\byou)(?<!\bwe)(?<!\bi)(?<!\bu)(?<!\bplease)(?<!\bpls)"
              r"(?<!\balso)(?<!\bnow)(?<!\bmaybe)(?<!\bjust)(?<!\bok)(?<!\bokay)(?<!\bhey)(?<!\bhi)(?<!\bto)(?<!\bnot)")
ASKED_RE = re.compile(rf"(?<=[a-z]){NOT_ENDING} (?=(?:can|could|would|will) (?:you|u|we|it|i|they|there|the (?!(?:end|start|one)\b)[a-z]+)\b)", re.I)
PLEASE_RE = re.compile(rf"(?<=[a-z]){NOT_ENDING} (?=(?:please|pls|plz) (?:{ORDER_VERBS}|reduce|increase|decrease|keep|leave|try|fix|"
                       r"undo|restore|switch|go|use)\b)", re.I)
TOLD_RE = re.compile(rf"(\b(?:is|are|was|were|feels?|sounds?|seems?|gets?|got|looks?)(?: [a-z']+){{1,6}}?){NOT_ENDING}"
                     rf" (?={ORDER_VERBS} (?:it|them|that|this|everything|things|the music|me|us)\b)", re.I)

STOPPED_RE = re.compile(r"(?:[!?;]|\.(?!\d))(?=\s*\w)")   # a sentence ended by its writer (not only the last): as written

# "it is too sad for a sunny morning less funereal": how it is, then a comparative that says which way
COMPARED_AFTER_RE = re.compile(rf"(\b(?:too|so) (?!much\b|many\b|far\b)[a-z]+(?: for (?:a|an|the|my|our) [a-z]+(?: [a-z]+)?)?)"
                               rf" (?=(?:less|more|louder|quieter|softer|faster|slower|calmer|happier|sadder|brighter|darker|"
                               rf"gentler|lighter|heavier|bigger|warmer|simpler) [a-z])", re.I)

# "its a little too calm its like the whole thing is sleeping": how it is, then what it is like, a clause of its own
SAID_AFTER_RE = re.compile(r"(\b(?:too|so) (?!much\b|many\b|far\b)[a-z]+) (?=(?:its|it's|it is|thats|that's|that is|this is) )", re.I)

TOO_RE = re.compile(r"\b(?:too|so) (?!much\b|many\b|far\b)[a-z]", re.I)

# a place said first ("when shot 3 starts can you do a big thump", "once the logo appears could you ..."): the question's
# own place, read with it as one sentence (a full stop, or even a comma, loses it: the hits bank's tune half)
ENDS_RE = re.compile(r"[.!?;]")
PLACE_FIRST_RE = re.compile(r"^\W*(?:(?:so|and|ok|okay|um|uh|hey|then|right)\W+)*(?:when|whenever|where|while|once|as soon as|"
                            r"after|before|until|till|at|from|during|on|in)\b", re.I)


def sentences(text: str) -> str:
    """`text` with a full stop where dictation ran two sentences together: a question or an order after a clause
    said ("the piano is too loud turn it down": "the piano is too loud. turn it down")."""
    text = SAID_AFTER_RE.sub(r"\1, ", text)   # ("too calm, its like ... can you add drums after the third cut": asked
    # after "too" or "so", how it is is why it is asked, read with the question and its place, as one sentence)
    text = ASKED_RE.sub(lambda m: m[0] if TOO_RE.search(text, 0, m.start()) or
                        PLACE_FIRST_RE.match(ENDS_RE.split(text[:m.start()])[-1]) else ". ", text)   # (or a place said first)
    return COMPARED_AFTER_RE.sub(r"\1. ", TOLD_RE.sub(r"\1. ", PLEASE_RE.sub(". ", text)))


# "where the truck splashes, 17 seconds in kick it up": a moment's time, then an order with no comma after it
TIME_THEN_RE = re.compile(rf"(\b\d+ ?(?:seconds?|secs?) in|(?<![\d:])\d{{1,2}}:\d\d(?:\.\d)?) (?={ORDER_VERBS}\b|{STARTS} (?:it|them|the|up|down)\b)", re.I)

# "just the guitar on its own no bass or drums", "the guitar alone take away the bass": a part alone, then what goes
ALONE_RE = re.compile(r"\b(alone|on (?:its|their) own|by (?:itself|themselves)) (?=(?:no|without|take|lose|drop|remove|mute|kill|"
                      r"cut|get rid)\b)", re.I)


def placed(text: str) -> str:
    """`text` with a comma between a moment described and its place said after it ("where hes holding the cake, its
    pic 2"), so each is read as its own clause."""
    return PLACE_SAID_RE.sub(r"\1, ", text)


def _level_carried(m: re.Match) -> str:
    up = m[1].lower() == "louder" or m[1].lower().endswith("up")
    return f"{m[1]}{m[2]}{m[3]} {'louder' if up else 'softer'} too"


def carried(text: str) -> str:
    """`text` with a part named alone after a change of level given that change ("and the drums louder too"), and
    without a level said again after the part's own ("the fiddle is too much, more soft please")."""
    return LEVEL_ECHO_RE.sub(r"\1", LEVEL_CARRY_RE.sub(_level_carried, text))


def punctuated(text: str) -> str:
    """`text` with a comma where two changes ran on without one, and a part or verb said once said again."""
    text = ALONE_RE.sub(r"\1, ", TIME_THEN_RE.sub(r"\1, ", carried(text)))   # (also where its writer put a comma before)
    text = text if STOPPED_RE.search(text) else sentences(text)   # (a comma may be dictation's filler: `plainly`)
    if "," in text or ";" in text:   # punctuated by its writer: read as written
        return text
    text = WHY_RUN_ON_RE.sub(", ", text)
    text = VERB_GAP_RE.sub(r"\1\2, and \1 \3", PART_GAP_RE.sub(r"\1 \2\3, and \1 \4 ", text))
    return AND_SHAPE_RE.sub(r"\1, and ", AND_WHOLE_RE.sub(", and ", RUN_ON_RE.sub(r"\1,\2 ", text)))
