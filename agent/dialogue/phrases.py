"""How people say things the edit grammar reads plainly: idioms ("ease off the speed a touch" = a little
slower), "too X" (move away from X), shapes over time ("start soft and grow"), references to earlier
versions ("like it was before", "the original tempo", "version 2") and the small talk around a request
("cheers", "joke."). Misspellings, dictated homophones and signs are mended before, by `spelling`.

    from v2m.agent.dialogue.phrases import plain
    plain("that's a bit too busy")       # " a bit  less busy "  (the grammar's own words)

Used by `v2m.agent.dialogue.edits` before its parsers read a clause.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.amounts import sizes
from v2m.agent.dialogue.cultures import shunned
from v2m.agent.dialogue.felt_idioms import FELT
from v2m.agent.dialogue.idioms import IDIOMS
from v2m.agent.dialogue.mentions import BEING, INSTR, INSTR_ALT, named_parts
from v2m.agent.dialogue.patterns import FULL_STOP, OPENERS, Lazy, LazyPattern, compiled, opening   # (openers: re-exported)
from v2m.agent.dialogue.starts import LATE_START_RE
from v2m.agent.dialogue.where import Ask

# How a part of the score is described when it is too much of something ("it's flat chat from the start",
# "sh3 gone a bit mental"): said as "too X", so a plain reduction beside it ("bring it back a notch", "calm
# it") reduces that X.
STATES: tuple[tuple[str, str], ...] = (
    (r"\b(?:it'?s|is|was|goes|going|went|been|gone|runs?|running)(?: \w+)?? (?:flat chat|flat out|full tilt|full pelt|"
     r"hell for leather|at full speed|at a gallop|like the clappers)\b", " too fast "),
    (r"\b(?:gone|going|goes|gets?|getting|got|went|is|it'?s)(?: a bit| a little| totally| completely| proper| way)? "
     r"(?:mental|nuts|crazy|mad|manic|bananas|wild|over the top|ott|overboard)\b", " too busy "),
    (r"\b(?:it'?s|is|are|was|sounds?|gets?|getting|got)(?: a bit| a little| kind of| so| really| just)? (?:deafening|blaring|"
     r"ear[- ]?splitting|blasting|booming)\b", " too loud "),   # "the music is blaring": louder than wanted
    # the music said to be what nobody asks for ("client feels it is slow", "it's a bit sluggish"): too much so (a
    # tempo or a volume only: "speed it up, it's boring" says why, not a second change)
    (r"(?:\b(?:it'?s|it is|its|is|was|were|feels?|sounds?|seems?)|(?<=[a-z])(?<!\blet)'s)((?: a bit| a little| a tad| kind of| kinda| sort of| so| really| very| quite|"
     r" pretty| rather| just| way| far| little bit| little| bit)*) (slow|sluggish|draggy|lazy|rushed|hurried|loud|noisy)\b", r" \1 too \2 "),
    # a complaint asked as a question: "why is it so slow?", "why are the drums so loud" (too slow, the drums too loud)
    (r"\bwhy (?:is|are|does|do) (it|this|everything|the \w+)(?: (?:sound|sounds|feel|feels))? so\b", r" \1 too"),
)
REDUCE_RE = re.compile(r"\b(?:bring|take|knock|pull|dial|wind|rein|peg|tone|back) (?:it|things|that|this|them)? ?(?:back|down|off)"
                       r"(?: (?:a notch|a bit|a little|a touch|a tad|a smidge|a hair|slightly|some|somewhat|a few notches))?\b")
SIZED = r"notch|bit|little|touch|tad|smidge|hair|slight|some"

# "too X" -> the grammar's words for moving away from X.
TOO: dict[str, str] = {w: away for words, away in (
    ("fast quick rushed hurried speedy hasty", "slower"),   # "frantic" is too much energy, the tempo kept unless said
    ("slow sluggish draggy dragging plodding leisurely", "faster"),   # (`complaints.PACE` too)
    ("busy cluttered crowded full dense intense aggressive hectic chaotic heavy pompous big energetic triumphant epic heroic grand "
     "bombastic overpowering strong hot hyper hyperactive frenetic frantic jittery jolly upbeat bouncy peppy perky chirpy grandiose majestic "
     "shouty hype hyped "
     "plinky plinkey plinking tinkly tinkling twinkly twinkling chimey chimy", "less energy"),   # a high bell-like sound: sparser
    ("sleepy drowsy dull flat boring weak thin empty sparse quiet soft static lifeless timid chill calm mellow lazy "
     "relaxed tame polite snoozy dreary lacklustre lackluster serious solemn stuffy stiff subdued restrained", "more energy"),
    ("dark gloomy sad moody minor bleak dismal depressing depressed miserable grim morose mournful sombre somber", "brighter"),
    ("happy bright cheerful sunny sweet cheesy major", "darker"),
    ("high loud noisy", "quieter"), ("tense scary spooky creepy eerie menacing ominous frightening", "calmer"),
) for w in words.split()}
# "not so loud", "not as busy", "less sluggish": the same move away as "too loud", "too busy", "too slow"
_TOO_WORD = "|".join(sorted(TOO, key=len, reverse=True))
# a terse note that opens on how a place is ("bit quiet in shot 2", "kinda slow in the intro", "tad busy here"): too
# much so; the comparative ("a bit quieter") is the wish itself
TERSE_RE = re.compile(rf"^\s*(?:(?:a )?(?:bit|little|tad|touch|wee bit|little bit)|kinda|kind of|sorta|sort of|pretty) ({_TOO_WORD})\b"
                      r"(?!.*\b(?:would|could|please|pls|i'?d like|is what|sounds? (?:good|nice))\b)")   # not a wish
NOT_SO_RE = re.compile(r"\b(?:(?:don'?t|dont|do not) (?:want|need|like) (?:it|this|that|things|the music|the track|the tempo|everything)"
                       r"(?: to (?:be|feel|sound|go))? (?:so|as|that|this|too) |"   # "I don't want it so fast": too fast
                       r"not (?:be |sound |feel |get |seem |come across |go |run )?(?:(?:quite |nearly )?(?:so|as|that|too) )?|"
                       rf"less )(?:much )?({_TOO_WORD})\b(?! enough\b)")   # "not sad" is away from sad ("not loud enough" is not)
# "not loud enough", "isn't quite fast enough": a lack, the way toward the word; never "not high enough" (a pitch)
NOT_ENOUGH_RE = re.compile(rf"\b(?:not|n'?t)(?: (?:be|sound|feel|get|seem|quite|nearly|really|very|near))* ((?!high\b)(?:{_TOO_WORD})) enough\b")
TOWARD = {a: b for x, y in (("slower", "faster"), ("less energy", "more energy"), ("brighter", "darker"), ("quieter", "louder")) for a, b in ((x, y), (y, x))}
# "less busy and intense", "too loud or brash": the second word is said less or too much as well
AND_TOO_RE = re.compile(rf"\b(less|too|not so|not as) ({_TOO_WORD}),?( and| or|,| &) ({_TOO_WORD})\b")
TOO_ANY_RE = re.compile(r"\btoo (?:much )?(?!(?:now|here|there|then|for|and|but|with|at|in|on|so)\b)([a-z]{3,})\b")
TOO_RE = re.compile(r"\b(?:is |it'?s |that'?s |sounds |feels |a bit |a little |way |much |kind of |slightly )*"
                    rf"too (?:much )?(?:bit )?({_TOO_WORD})\b")

# Shapes over time: (pattern, levels across the scope).
SHAPES: tuple[tuple[str, tuple[float, ...]], ...] = (
    (r"\b(?:start|begin|open)\w* (?:\w+ ){0,4}?(?:soft|quiet|silent|small|gentle|nothing|low|sparse|calm)\w*"
     r"(?: \w+){0,6}? (?:and |then |after )?(?:\w+ ){0,3}?(?:grow|build|swell|rise|climb|creep|become big|get bigger|lift)\w*", (0.15, 0.9)),
    (r"\bgrow\w* (?:up )?(?:out of|from) (?:almost |nearly |next to )?(?:nothing|silence|zero)|\bbuild\w* (?:it )?from\b|\bcreep up\b|\bcrescendo\b|\bsunrise\b"
     r"|\bswell\w* into\b|\bgradually (?:louder|bigger|build|grow)\w*|\b(?:build|swell|rise|rising|climb)\w*(?: (?:it|things))?(?: up)? (?:all the way )?(?:up )?(?:to|into|towards) the (?:very )?end"
     r"|\bbuild\w* (?:up )?(?:the |some |more |a bit of |a little )?(?:tension|suspense|anticipation)\b(?: up\b)?"
     r"|\bramp\w* (?:(?:it|this|things|everything|the \w+) )?up\b|\b(?:gotta|got to|has to|have to|needs? to|should|must|gonna|ought to|(?:it|things|everything) (?:just )?) ?ramps?\b(?! (?:down|off|back)\b)|\bgrow\w* (?:all the way|towards|to the end|into)\b|\blike it'?s going somewhere\b", (0.15, 0.9)),
    (r"\b(?:more and more|(bigger|louder|busier|livelier|fuller|stronger|wilder|jollier|merrier) and \1|keeps? (?:it )?(?:building|climbing|rising|growing|going up)|(?:gradually|steadily|progressively) (?:get|grow|become)s? (?P<c>livelier|busier|fuller|stronger|louder|bigger)(?: and (?P=c))?)\b", (0.15, 0.9)),
    # "grow steadily", "slowly rise", "build bit by bit": growth said with how it goes, over the place
    (r"\b(?:grow|build|rise|climb|swell|intensify|intensifies|intensifying|increas(?:e|ing))(?:s|es|ing)? (?:up )?(?:steadily|gradually|slowly|"
     r"bit by bit|little by little|step by step|over time|the whole (?:time|way))\b"
     r"|\b(?:steadily|gradually|slowly|progressively) (?:grow|build|rise|climb|swell|intensify|get bigger|get louder)\w*"
     r"|\b(?:gradual|slow|steady|progressive) (?:build|rise|climb|swell|lift|ramp)\w*", (0.15, 0.9)),
    # a clause that is only the shape ("0:30 to the end: a low pulse, building"); a staircase, a step per shot
    # ("softer until 0:12, then build", "after that let it grow": over the place after the one said before)
    (r"^\s*(?:and |then |slowly |steadily |gradually |always |just |after (?:that |this |it )?|afterwards |from there |"
     r"please |can (?:it|you|we) |could (?:it|you|we) |let (?:it|the music|things) )*(?:building|builds|build|rising|rise|"
     r"climbing|climb|growing|grow|swell|swelling|a build)(?: it)?(?: up)?(?: please)?\s*$"   # "build it up pls", "can it build up"
     r"|\b(?:every|each) (?:shot|cut|bar) (?:a )?(?:notch|step|little|bit|touch|level) (?:up|higher|bigger|louder)\b"
     r"|\b(?:a )?(?:notch|step|little|bit) (?:up|higher|bigger) (?:on|at|with|for) (?:every|each) (?:shot|cut)\b"
     r"|\b(?:every|each) (?:shot|cut) (?:bigger|louder|higher|fuller) than the (?:last|one before)\b", (0.15, 0.9)),
    (r"\b(?:less and less|quieter and quieter|softer and softer|smaller and smaller)\b", (0.8, 0.15)),
    (r"\b(?:fade|fades|fading|faded)(?: it)?(?: out)?\b|\bdie away\b|\b(?:wind|ramp)\w* (?:(?:it|this|things|everything|"
     r"the \w+) )?down\b|\btaper\w* off\b|\b(?:decrescendo|diminuendo|morendo)\b|\bdissolv\w* (?:away|(?:in)?to nothing)\b|\bdisappear\w* (?:slow(?:ly)?|gradually)\b"
     r"|\bgo down slowly\b|\bgradually (?:quieter|softer|smaller)"
     # dying by itself ("let it peter out", "tail off over shot 4", "die off"): a fall over the place
     r"|\b(?:die|dies|dying|died) (?:off|out|down)\b|\bpeter\w* out\b|\b(?:tail|trail)\w* (?:off|away|out)\b|\bebb\w* away\b"
     r"|\b(?:fall|falls|falling|fell|drop|drops|dropping|melt|melts|melting) away\b"
     r"|\b(?:settle|settles|settling|ease|eases|easing|wind|winds|winding|calm|calms|calming|come|comes|coming) (?:it |things )?back down\b", (0.8, 0.15)),
)
# A change of energy said with how it goes over time ("gradually get more intense", "slowly bring the energy down", "ease
# down steadily across the last shot", "softer towards the end" of a place said): a build or a fade over the place, not
# one step. Tempo said with it ("gradually slow down") is a tempo change, not a shape.
GRADUAL = (r"(?:gradual(?:ly)?|steady|steadily|slow(?:ly)?|progressive(?:ly)?|bit by bit|little by little|over time|"
           r"step by step|more and more|evenly|smoothly|continuously)")
RISE = (r"(?:more energy|more energetic|more intense|energetic|intense|intensif\w*|increas\w*(?: the| in)? energy|"
        r"(?:energy|intensity) (?:up|increas\w*|ris\w*|going up)|bigger|fuller|busier|louder|stronger|rising|climb\w*|grow\w*|"
        r"build\w*(?: up)?|swell\w*|lift\w*|ramp\w* up)")
FALL = (r"(?:less energy|lower energy|less intense|calmer|softer|quieter|gentler|smaller|sparser|"
        r"(?:energy|intensity) (?:down|decreas\w*|drop\w*|fall\w*)|decreas\w*(?: the)? energy|"
        r"(?:ease|eases|easing|settle|settles|settling|calm|calms|calming|simmer\w*|wind\w*|come|comes|coming|go|goes|"
        r"going|quiet\w*) (?:it |things |everything )?down|(?:fall|falls|falling|drop|drops|dropping) (?:away|off))")
GRADUAL_RE = re.compile(rf"\b{GRADUAL}\b(?: [a-z']+){{0,4}}? (?:({RISE})|({FALL}))\b"
                        rf"|\b(?:({RISE})|({FALL}))(?: [a-z']+){{0,5}}? {GRADUAL}\b")
TOWARD_END_RE = re.compile(rf"()()\b(?:({RISE})|({FALL}))(?: [a-z']+){{0,3}}? towards? the (?:very )?end\b")   # over a place said: a ramp across it
TEMPO_WORDS = "tempo|pace|speed|faster|slower|quicker"   # `meant_kind` adds slow/fast/quick
TEMPO_WORDS_RE = re.compile(rf"\b(?:{TEMPO_WORDS}|bpm)\b")   # "go faster and build up": the build no tempo
AND_RE = re.compile(r"\b(?:and|then)\b")
# a build said at a place ("build it up over shot 3", "swell from the second cut to the third", "from shot 4 it grows"): a rise
BUILD_VERB_RE = re.compile(r"\b(?:build|builds|building)(?: (?:it|things|the energy|energy|the music|everything))?(?: up)?(?: (?:big|bigger|a lot|a bit|gently|"
                           r"nicely))?\b|\b(?:swell|swells|swelling|crescendo|rise|rises|rising|(?:it|things|the music|everything) (?:grows?|climbs))\b|\bramp\w* (?:it )?up\b")

# a verb that starts a new order after "and" ("add a cello and have the sax softer"): a clause of its own
ORDER_VERBS = (r"(?:have|make|let|get|bring|take|turn|lower|raise|drop|lose|add|put|cut|remove|give|push|pull|kill|mute|"
               r"stick|throw|boost|swap|replace|change|speed|slow|pump|knock|tone)")
NOT_READ_RE = re.compile(r"[^a-z0-9#:.%' -]+")   # characters no parser reads
# "make it 4/4", "in 3/4", "3/4 time": a meter, said in words for the parsers (not "turn the volume down to 3/4")
METER_SAID_RE = re.compile(r"(?:(?<=make it )|(?<=\bin )|(?<=into )|(?<=switch to )|(?<=change to )|(?<=go to )|(?<=\btry )|"
                           r"(?<=\ba )|(?<=meter )|(?<=signature )|(?<=^)|(?=[234] ?/ ?4 ?(?:time|meter|feel)))"
                           r"(?<![\d/.:])([234]) ?/ ?4(?![\d/])(?! ?of\b)")
NUMBER_NAMES = ("zero", "one", "two", "three", "four")
SCARE_QUOTED_RE = re.compile(r"(?<![\w'])'([a-z0-9]+(?:[ -][a-z0-9]+){0,2})'(?![\w'])")   # "the 'drop'": the words
SUPER_RE = re.compile(r"\bsuper(?= (?!bowl|mario|nintendo|market|hero|man|star|sonic|smash)[a-z])")   # "super soft": very


def words(text: str) -> str:
    """`text` as the parsers read it: lower-cased, other characters as spaces, single-spaced, one space around."""
    text = METER_SAID_RE.sub(lambda m: f" {NUMBER_NAMES[int(m.group(1))]}-four time ", text.lower())   # "4/4": no slash is read
    text = SUPER_RE.sub("really", SCARE_QUOTED_RE.sub(r"\1", text))
    return " " + re.sub(r"\s+", " ", NOT_READ_RE.sub(" ", text)).strip() + " "


# The grammar's words for tempo, energy and loudness (read by `v2m.agent.dialogue.edits`; sizes by `amounts`).
SLOW_RE = (r"\b(?:slower|slow(?: it| things)? down|slow|less fast|more slowly|lower tempo|rit|ritard|ritardando|rall|rallentando|"
           r"(?:reduce|drop|decrease|lower|cut|trim|slash) (?:the )?(?:tempo|pace|speed|bpm)|(?:pull|ease|rein|bring) (?:the )?(?:tempo|pace|speed) (?:back|in|down)|relax the pace|ease off the tempo|ease (?:it|things) back (?:in|on) (?:the )?tempo|"
           r"(?:tempo|pace|speed|bpm) (?:(?:a )?(?:bit|little|touch|lot|much) )?lower)\b")
FAST_RE = (r"\b(?:faster|speed(?: it| things)? up|fast(?![- ]?forward)|quicker|quick|more quickly|higher tempo|up the tempo|accel|accelerando|"
           r"(?:raise|increase|boost|lift) (?:the )?(?:tempo|pace|speed|bpm)|pick up the pace|more tempo|hurry|"
           r"(?:tempo|pace|speed|bpm) (?:(?:a )?(?:bit|little|touch|lot|much) )?higher)\b")
MORE_RE = (r"\b(?:more energy|more energetic|energetic|busier|denser|fuller|more intense|intense|livelier|higher energy|"
           r"raise the energy|full (?:on|throttle|tilt|power|blast|energy)|(?:go|goes|going|on|at) full(?! of\b)(?= *$)|"
           r"more lively|more alive|punchier|bigger|stronger|more driving|build(?: it)? up|more power|more powerful|"
           r"more action|more exciting|exciting|more impact|more dense|richer|thicker|wilder|more confident|bolder|more assertive)\b")
LESS_RE = (r"\b(?:less energy|less energetic|lower energy|lower the energy|sparser|sparse|thinner|less busy|simpler|"
           r"lighter|softer|gentler|more gentle|(?:keep|make|have) (?:it|things|everything|this|that)(?: nice and| really| very)? gentle|"
           r"more minimal|minimal|stripped[- ]down|strip it down|tone it down|less intense|more subtle|subtler|"
           r"smaller|quieter|more delicate|less dense|emptier|more empty|barer|more bare)\b")
# the whole score said as a thing to turn up or down ("turn the whole score down", "turn everything up")
WHOLE_MIX = r"(?:it |it all |all of it |everything |the music |the (?:whole )?(?:score|track|song|mix|thing|soundtrack) )"
VOLUME = r"(?:the )?(?:overall |master |music |total |whole )?(?:volume|loudness)"
# a level said as wished, not compared ("as loud as they want it", "as quiet as possible", "make it loud"): that way
# ("keep it loud" asks that the level stay: not louder)
AS_WISHED = r"as (?:(?:\w+ ){0,3}?(?:wants?|likes?|needs?|wish(?:es)?|pleases?)(?: it)?|possible|it (?:gets|goes|can (?:get|go|be))|you can|we can)"
LOUD_RE = (rf"\b(?:louder|(?<!not )as loud {AS_WISHED}|(?:make|get|have) (?:it|this|things|everything) (?:nice and |really |very |super )?loud(?! enough)|(?:turn|crank|pump) {WHOLE_MIX}?(?:\w+ ){{0,2}}?up|more volume|crank it(?: all)?\b(?! (?:\w+ )?down)|(?:raise|increase|boost|lift|up) {VOLUME}|"
           r"volume up)\b")
QUIET_RE = (rf"\b(?:(?<!not )as (?:quiet|soft) {AS_WISHED}|turn {WHOLE_MIX}?(?:\w+ ){{0,2}}?down|less volume|(?:lower|reduce|decrease|drop|cut|lessen) {VOLUME}|volume down|"
            r"too loud|quieter overall|quieter)\b")

# The rest said to stay as it is ("but leave the rest alone", "don't touch anything else", "keep everything else the
# same", "everything else as it is now", "nothing else", "the rest stays"): no edit of its own, beside an edit or a
# sign-off beside praise ("cool, leave everything else as it is"). The one pattern for it: the fillers strip it
# from an edit, `rest_only` drops a clause of it alone, `beside_change` and the sign-off look for it. It ends where
# the clause does, so "everything else" with a word of its own ("make everything else quieter") is no part of it.
_REST = r"(?:the rest|everything else|all else|anything else|the others|all the others|every ?thing around it)(?: of (?:it|the \w+))?"
_AS_IS = (r"(?:exactly |just )?(?:alone|as (?:it is|is|they are|it was|they were)|the same|untouched|unchanged|intact|how (?:it is|it was"
          r"|they are)|the way (?:it is|it was|they are)|like (?:that|this|it is))(?: now| for now)?")
_CLAUSE_END = r"(?=\s*(?:$|[,.;:!?)]|\b(?:and|but|please|thanks?|pls|though)\b))"
REST_STAYS = (rf"\b(?:(?:leave|keep) {_REST}(?: {_AS_IS})?|(?:don'?t|do not|doesn'?t need to) (?:touch|change|mess with|alter) "
              rf"(?:the rest|anything else|everything else|the others)(?: of (?:it|the \w+))?|(?:everything|anything|all|(?<!with )nothing) "
              rf"else(?: (?:(?:shall|should|must|will|can|may) )?(?:stays?|remains?)| (?:needs?|wants?|has|have|should|must|will|"
              rf"shall|can|may)(?: to)?(?: be)? (?:chang|touch|alter)(?:e|ed|es|ing)?)?(?: {_AS_IS})?|(?:the )?rest (?:stays?|remains?|keeps?)(?: {_AS_IS})?|(?:the )?rest {_AS_IS})"
              rf"\b{_CLAUSE_END}")


# Words that carry no edit: dictation fillers, hedges and politeness ("um, can you like make it ...", "pull
# it right back", "a wee bit", "at like 0:09"), dropped before the grammar reads a clause.
FILLERS = ((r"\b(?:um+|uh+|erm|er|hmm+|you know|i guess|basically|literally|honestly|tbh|mate|kindly|after all(?=\s*(?:$|[,.;!?]))|"
            r"(?:(?<=^)|(?<=^ ))(?:roughly|approximately|more or less|give or take|or so)(?=\s*$))\b", " "),   # a hedge said alone
           # "crank it right up", "turn it right down": all the way, a big change (not "right up to the drop")
           (r"\bright (up|down)\b(?! (?:to|until|till|into|in|at|from|the|before|after|near|by|on)\b)", r"way \1"),
           (REST_STAYS, " "),   # "slower in shot 3, leave the rest alone": every edit spares the rest already
           (r"\b(?:sort|kind) of\b(?= \w)", " "), (r"\blike(?= \d| about| around|,)", " "),
           (r"\bright(?= (?:back|on|at|into|in|there|before|after|up|down|from|till|until|to the)\b)"
            r"(?! before\b| after (?:it|that|this)\b)", " "),   # "right before it": just before, kept for the place
           (r"\b(?:(?:there'?s|it'?s|it) )?(?:no need to be|(?:doesn'?t|does not|don'?t) (?:need|have) to be) (?:exact|precise)\b", " "), (r"\ba wee\b", "a"), (r"\bround about\b", "around"), (r"\bdo the needful\b", " "), (r"^\s*(?:(?:no|nah|oh|ok|okay|actually)\W+)*(?:wait|hold on|hang on)\b", " "),   # "no wait remove the one at 3s"
           # Nigerian English and Pidgin, South African: "abeg" (please), "make am faster small" (make it a little
           # faster), "eish", "howzit", "sha" (anyway)
           (r"\b(?:abeg|eish|howzit|sha)\b", " "), (r"\b(make|reduce|increase|slow|speed|bring|take|push|pull|turn|"
                                                  r"give|carry|put|drop|raise|lower) am\b", r"\1 it"),
           (r"\b(faster|slower|louder|quieter|softer|bigger|calmer|busier|brighter|darker|sweeter|up|down)(?: small)+\b",
            r"a little \1"))


FILLERS_RES = tuple((re.compile(p), r) for p, r in FILLERS)


# A wish for growth said as the speaker's wish ("I would love it to swell", "I'd like the music to build"): the shape
# itself ("let it swell"), not a feeling ("love") for the embeddings to guess
WISH_GROW_RE = re.compile(r"\b(?:i(?:'?d| would)|we(?:'?d| would)) (?:really )?(?:love|like|prefer) (?:it|the music|the score|"
                          r"things|this) to (?=(?:swell|build|grow|rise|climb)\w*(?: up)?\s*[.!]*\s*$)"
                          r"|\b(?:i|we) (?:want|need) (?:it|the music|the score|things|this) to (?=(?:swell|build|grow)\w*\s*$)")


def unfilled(text: str) -> str:
    """Lower-case `text` without the fillers that carry no edit, and a late start said as more energy at the start."""
    for pat, rep in FILLERS_RES:
        text = pat.sub(rep, text)
    return LATE_START_RE.sub(" more energy at the start ", WISH_GROW_RE.sub("let it ", text))


# A number that can be a tempo (never seconds, %, a time, dB or a factor); one a move goes to ("take it down to 90")
TEMPO_NUMBER = r"\d{2,3}\b(?![:.%]| ?(?:%|(?:s|secs?|seconds?|percent|db|x|times)\b))"
TO_TEMPO = rf"(?! (?:down |back |up )?to {TEMPO_NUMBER})"
STATES_RES = tuple((re.compile(p), w) for p, w in STATES)
IDIOM_RES = Lazy((rf"(?:{p}){TO_TEMPO}", w) for p, w in (*IDIOMS, *FELT))


def plain(text: str) -> str:
    """`text` with idioms and "too X" rewritten into the grammar's words."""
    t = AND_TOO_RE.sub(r"\1 \2\3 \1 \4", re.sub(r"\s+", " ", text))
    for pat, words in STATES_RES:
        t = pat.sub(words, t)
    t = TERSE_RE.sub(r" a little too \1 ", t)
    if TOO_RE.search(t) or NOT_SO_RE.search(t):  # "too fast, bring it back a notch": the complaint says what
        t = REDUCE_RE.sub(lambda m: " a little " if re.search(SIZED, m.group(0)) else " ", t)
    for pat, words in IDIOM_RES:   # the size said inside an idiom is kept ("add a touch of energy": a little more);
        # "take it down to 90 bpm": a tempo to go to, no idiom for less energy
        t = pat.sub(lambda m: f" {sizes(m.group(0))} {m.expand(words)} ", t)
    t = TOO_RE.sub(lambda m: f" {sizes(m.group(0))} {TOO[m.group(1)]} ", t)   # "WAY too loud": much quieter
    t = NOT_ENOUGH_RE.sub(lambda m: f" {TOWARD[TOO[m.group(1)]]} ", NOT_SO_RE.sub(lambda m: f" {TOO[m.group(1)]} ", t))
    # "too epic" is no wish for more epic: an X the grammar cannot move away from is not read as asked for
    # ("too corporate" is kept: a culture moved away from, see `shunned`); a part said to be too X ("the brass is
    # way too blaring") is too much of itself, whatever X is
    t = TOO_ANY_RE.sub(lambda m: m.group(0) if m.group(1) in ("much", "many", "long", "short") or shunned(m.group(0))
                       else " too much " if re.search(rf"{INSTR}(?: section)? {BEING}(?:way |far |much |a bit |a little )?$", t[:m.start()])
                       else " ", t)
    return re.sub(r"\s+", " ", t)


def guessed_kinds(clause: str, unknown: list[str]) -> tuple[str, ...]:
    """What words the grammar does not know may be guessed as: a style, a mood or an instrument; no style when
    they are asked for by degree ("a bit more polished", "less sophisticated"): a genre does not come in degrees,
    a quality does, so only a genre's own word ("more jazzy", found exactly) names one."""
    degree = compiled(rf"\b(?:more|less) (?:{'|'.join(map(re.escape, unknown))})\b").search(clause) if unknown else None
    return ("mood", "instrument") if degree else ("style", "mood", "instrument")


def too_question(text: str) -> str | None:
    """The question for "too X" with an X the grammar cannot move away from on its own ("too epic"), asked
    only when nothing else in the clause was read ("too epic, tone it down" is read as less energy)."""
    m = TOO_ANY_RE.search(plain(text))
    if m and m.group(1) not in ("much", "many", "long", "short"):
        return (f"Less {m.group(1)}: should it be more energetic, faster, brighter (major), or another style? "
                "Pick one, or say it another way.")
    return None

SHAPES_RES = tuple((re.compile(p), levels) for p, levels in SHAPES)


# A fade said over all of it ("fade out the entire track from start to finish"): across the whole clip, not
# the ending a plain "fade out" means
FADE_WHOLE_RE = re.compile(r"\b(?:(?:the|this|my) (?:whole|entire) (?:clip|track|thing|song|piece|video|film|score|cue|way)|"
                           r"(?:from )?(?:the )?(?:start|beginning) to (?:the )?(?:finish|end)|all the way through|throughout)\b")


def fade_kind(text: str, placed: bool) -> str:
    """A fade's kind: "fade_out" (over the ending, or the place said), "fade_all" (over the whole clip, said so)."""
    return "fade_all" if not placed and FADE_WHOLE_RE.search(text) else "fade_out"


def shape(text: str, placed: bool = False) -> tuple[tuple[float, ...], re.Match] | None:
    """The energy levels a shape-over-time phrase asks for, and the match. `placed`: the clause names a stretch,
    so a plain "build it up" there rises across it."""
    for pat, levels in SHAPES_RES:
        if (m := pat.search(text)):   # with how it goes said beside it ("a slow fade out"), which is no tempo
            return levels, re.compile(rf"(?:\b{GRADUAL} )?{re.escape(m.group(0))}(?: {GRADUAL}\b)?").search(text, max(0, m.start() - 25))
    if (m := GRADUAL_RE.search(text) or placed and TOWARD_END_RE.search(text)) and not TEMPO_WORDS_RE.search(m.group(0)):
        return ((0.15, 0.9) if m.group(1) or m.group(3) else (0.8, 0.15)), m
    if placed and (m := BUILD_VERB_RE.search(text)) and not TEMPO_WORDS_RE.search(AND_RE.split(text[:m.start()])[-1] + AND_RE.split(text[m.start():])[0]) and not named_parts(text):
        # not "the strings build from 0:05": that part grows
        return (0.15, 0.9), m
    return None


# Clauses made only of these ("no, jazz instead", "ok, then ...") carry no edit of their own.
SMALL_TALK = {*OPENERS.split("|"), "no", "nope", "yes", "yeah", "please", "actually", "instead", "rather", "and", "also",
              "then", "hm", "sorry", "thanks", "thank", "you", "wait", "listen", "look", "hey"}
# Pleasantries and sign-offs ("cheers", "legend", "sweet as", "grand", "God bless you, we are done"): a turn
# made only of these and small talk asks for nothing, and changes nothing.
PLEASANTRIES = set("""cheers ta legend legends lovely brilliant great cool nice perfect awesome sweet as grand god bless
mate mates champion champ superb fab fabulous excellent wonderful beautiful amazing lekker deadly class sorted good
stuff we are all done finished that's it that is for now bye goodbye see ya very much much so really again guys
folks team everyone love it lol haha no worries dramas wahala problem she's apples savage howzit
oh my gosh goodness dear me wow whoa yikes blimey crikey heavens
print ship export render finish wrap a we're""".split())   # "perfect, print it", "ok good, finish", "that's a wrap"
# Not knowing yet ("hmm, not sure", "I don't know", "honestly I'm not sure this is working"): no edit to read
UNDECIDED = set("not sure unsure dunno know don't dont i i'm im maybe think thinking let me honestly this it is isn't "
                "working quite yet".split())
JOKE_RE = re.compile(r"^\W*(?:(?:just |only |i'?m )?(?:a )?(?:joke|joking|kidding)|jk|j/k|lol jk|not really|scratch that)\W*$", re.I)   # "go minor? joke.": the clause before taken back
JOKED_RE = re.compile(r"(?<!\bnot )(?<!\bno )\b(?:(?:lol|haha+|lmao|hehe) )?(?:jk|j/k|(?:just )?(?:kidding|joking))\W*$", re.I)   # "more cowbell lol jk": this one
PLACE_TOKEN_RE = re.compile(r"(?:from )?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:[-–]|to)\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?|\b(?:shots?|sh|cuts?) ?\d+"
                            r"(?:\s*[-–]\s*\d+)?\b", re.I)
# How the score is now, said beside a request ("the music is sweet, but ..."): a description, no wish of its own
DESCRIBED_RE = re.compile(r"^\W*(?:the music|the score|the track|the song|it|this|that|everything)(?: is|'s| sounds| feels)"
                          r"(?: very| really| so| quite| pretty| rather| somewhat| lovely and| a bit| a little| kind of"
                          r"| sort of)*(?: a)? [a-z]+\W*$", re.I)   # "that is rather a lot", "it's a bit much"
# What the video is about, told as a story ("it's about two kids building a treehouse", "this is a video of our
# wedding", "the film shows my grandad's party"): the picture described, no wish for the music
STORY_RE = re.compile(r"^\W*(?:(?:so|well|ok|okay|basically|fyi|just so you know|for context)\W+)*(?:it'?s|it is|this is|"
                      r"this'?s|the (?:video|film|clip|footage|piece) (?:is|shows)|we'?re making|i'?m making)\s+(?:(?:a|an|the|"
                      r"our|my|just)\s+)?(?:(?:short |little |quick )?(?:video|film|clip|movie|edit|reel|montage|vlog|story)\s+)?"
                      r"(?:about|of|showing|where)\s+(?!time\b|right\b|to\b|the same\b|half|\d)", re.I)
NOT_STORY_RE = re.compile(r"\b(?:music|score|song|track|sound|ending|intro|outro|end|start|beginning|middle|shot|shots|cut|"
                          r"cuts|tempo|beat|key|faster|slower|louder|quieter|more|less|too|should|needs?|make|want)\b")
STORY_QUESTION = ("Thanks, that helps to know. I left the score as it is: what should change, e.g. 'calmer in the "
                  "middle', 'more energy at the end', 'slower'?")
# Beside "the rest stays" (REST_STAYS), the clause that says only this changes: "just that bit", "only change that",
# "nothing else on that front", and "leave the tempo", "keep the bass", "keep piano": not a place ("keep the intro as it is" locks it)
ONLY_THIS_RE = LazyPattern(r"^\W*(?:just|only) (?:that|this)(?: bit| one| part| thing)?\W*$|\bonly (?:change|touch) (?:that|this)\b"
                           rf"|\bon that front\b|^\W*(?:but |and )?(?:leave|keep) (?:(?:the|my|our) |(?=(?:{INSTR_ALT})s?\b))(?!(?:intro|ending|end|outro|start|"
                          r"opening|middle|beginning|shot|cut|chorus|verse|bridge|drop|climax|finale)\b)[a-z]+(?: up| out| in)?(?: alone| as (?:it is|is)| untouched| "
                          r"unchanged| (?:like|as|how it is) now)?(?: now| noo| tho| though)?\W*$")
STAYS = set("as it is was now the same stays stay remains alone untouched unchanged do not dont don't touch change "
            "keep leave please and but just only exactly how".split())


CLAUSE_END_RE = re.compile(rf"(?:[,;!?]|{FULL_STOP})+|\bbut\b")


def beside_change(request: str) -> bool:
    """The rest said to stay beside a change asked in the same request ("slower in shot 3, keep the rest as is"),
    not beside praise only ("lovely. leave everything else exactly as it is": a sign-off)."""
    clauses = [x for x in CLAUSE_END_RE.split(request) if x.strip()]
    return bool(re.search(REST_STAYS, words(request)) or re.search(REST_STAYS, request, re.I)) and any(
        not rest_only(x) and set(words(x).split()) - STAYS - SMALL_TALK - PLEASANTRIES for x in clauses)


def rest_only(clause: str) -> bool:
    """A clause that only says the rest stays ("everything else as it is now", "keep the bass"), not one that
    also asks something ("warmer in shot 1 and do not touch anything else")."""
    t = words(clause)
    left = ONLY_THIS_RE.sub(" ", re.sub(REST_STAYS, " ", t))
    return left != t and not set(left.replace(".", " ").split()) - STAYS - SMALL_TALK   # "everything else as it is now."


KEEP_IT_RE = re.compile(r"^\W*(?:no,? )?(?:keep|leave) (?:it|that|this|things)(?: as (?:it is|is|it was))?\W*$", re.I)


def _words(clause: str) -> set[str]:
    return set(re.findall(r"[a-z']+", clause.lower()))


def edit_clauses(clauses: list[str]) -> list[str]:
    """The clauses that carry an edit: without one taken back ("can we go minor? joke."), a "keep it" and small
    talk; all of them when every one is small talk ("no", "ok": the grammar reads them as they are).

    Raises:
        Ask: the turn is only pleasantries ("cheers, legend", "God bless you, we are done"): nothing to change.
    """
    taken_back = {k for k, x in enumerate(clauses) if JOKE_RE.match(x)}
    # a clause taken back keeps the place it named ("0:18-0:31 can we go minor? joke. but more serious")
    clauses = [" ".join(PLACE_TOKEN_RE.findall(x)) if k + 1 in taken_back else x for k, x in enumerate(clauses)
               if k not in taken_back and not KEEP_IT_RE.match(x) and not rest_only(x) and not JOKED_RE.search(x)]
    clauses = [x for x in clauses if x.strip()]
    # "Thanks, Tom": the name signed after a pleasantry is part of the sign-off
    clauses = [x for k, x in enumerate(clauses) if not (k and re.fullmatch(r"\s*[A-Z][a-z]+\W*", x)
                                                        and not _words(clauses[k - 1]) - PLEASANTRIES - SMALL_TALK)]
    told = [x for x in clauses if STORY_RE.match(x) and not NOT_STORY_RE.search(x) and not named_parts(x.lower())]
    clauses = [x for x in clauses if x not in told]   # "it's about two kids building a treehouse": no "building"
    if told and not clauses:
        raise Ask(STORY_QUESTION)
    meaningful = [x for x in clauses if _words(x) - SMALL_TALK - PLEASANTRIES or PLACE_TOKEN_RE.fullmatch(x.strip())]
    asked = [x for x in meaningful if not DESCRIBED_RE.match(x)]
    meaningful = asked or meaningful   # "the music is sweet but the groove should come in sooner": the but-clause
    if not meaningful and any(_words(x) & (PLEASANTRIES - SMALL_TALK) for x in clauses):
        raise Ask("Glad to hear it. I left the score exactly as it is; tell me if anything should change.")
    if clauses and all(not _words(x) - SMALL_TALK - PLEASANTRIES - UNDECIDED for x in clauses) and \
            any(_words(x) & {"sure", "unsure", "dunno", "know", "working", "think", "thinking"} for x in clauses):
        raise Ask("Take your time: I left the score as it is. When you know what bothers you, say it in your own words "
                  "(e.g. 'too busy in the middle', 'slower', 'darker at the end').")
    return meaningful if meaningful or not clauses else clauses
