"""Idioms for the dimensions the edit grammar knows, each rewritten to the grammar's own words ("ease off the
speed a touch" -> "slower", "give it tension" -> "more energy", "bring the whole band in" -> "more energy").

    from v2m.agent.dialogue.idioms import IDIOMS     # ((pattern, the grammar's words), ...), longer first

Read by `v2m.agent.dialogue.phrases.plain` before the grammar parses a clause (moved here from phrases.py, which
had passed 400 lines).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import patterns, shape_start
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import EditScope
from v2m.agent.dialogue.place_words import OWN_PLACE_RE

# What energy is called ("intensity", "excitement", "drive"), the tempo ("pace") and the volume; the verbs that move either up
# or down ("crank", "nudge", "calm"), and a quantity said to go up or down ("the tempo needs to go up")
ENERGY = r"(?:energy|intensity|excitement|drive|busyness|momentum|vigou?r|oomph|pep|dynamics)"
PACE = r"(?:tempo|pace|speed|bpm)"
VOLUME = r"(?:(?:master |overall |music )?(?:volume|loudness))"
MOVE = (r"(?:bring|dial|turn|tone|take|pull|calm|nudge|knock|wind|ease|drop|notch|ratchet|move|push|kick|crank|pump|jack|"
        r"ramp|bump|step|inch|edge|shift)")
MUST = r"(?:needs? to|should|has to|must|could|can|to|will|has got to|ought to) (?:go|come|be|get)"
# the energy wished to fall on its own ("the intensity should drop in the outro", "energy needs to dip there"); no
# rise: "the energy should rise across shot 3" is a build (`phrases.SHAPES`)
SHOULD_FALL = r"(?:needs? to|should|has to|must|could|ought to) (?:drop|fall|dip|sink|decrease|lessen|subside)(?! away| off)"

# The energy moved, one table for both ways: the verbs that move it that way, and the words that say it was moved
ENERGY_MOVES = {
    "down": (r"reduce|lower|decrease|lessen|drop|dial down|bring down|tone down|turn down|pull down|take down",
             r"brought down|lowered|reduced|decreased|dropped|pulled back|down|lower",
             r"\b(?:ease|back|lay) off (?:on )?(?:the |its |some )?{E}\b|\bease back (?:on )?(?:the |its )?{E}\b|\brein in (?:the |its )?{E}\b"
             r"|\b(?:pull|rein|dial|tone|scale|hold) (?:the |its |that |this |some )?{E} (?:\w+ )?(?:\w+ )?back\b"   # not "bring the energy back"
             r"|\btake (?:(?:a little|a bit|a touch|some) of )?(?:the |its )?{E} off\b"),   # "take a little of the drive off"
    "up": (r"increase|raise|boost|lift|crank up|turn up|pump up|dial up",
           r"raised|increased|boosted|lifted|pushed|pumped(?: up)?|brought up|up|higher", None),
}


def _energy_moved(way: str) -> str:
    """The pattern of the energy moved `way` ("down" or "up") in any of the wordings of `ENERGY_MOVES`."""
    verbs, done, more = ENERGY_MOVES[way]
    wound = r"(?!(?:wind|ramp)\b)" if way == "down" else ""
    return (rf"\b(?:{verbs}) (?:the |its |some )?{ENERGY}\b"
            rf"|\b{wound}{MOVE} (?:the |its |that |this |some )?{ENERGY}(?: levels?)? (?:\w+ ){{0,2}}?{way}\b"
            rf"|\b{ENERGY}(?: levels?)? {MUST} (?:\w+ ){{0,2}}?{way}\b"
            + (rf"|\b{ENERGY}(?: levels?)? {SHOULD_FALL}\b" if way == "down" else "") +
            rf"|(?<!wind the )(?<!ramp the )\b(?:energy|intensity) (?:(?:to be|should be|could be|be|is|gets?) )?(?:{done})\b"
            rf"(?! to\b| until\b| till\b)" + (f"|{more.format(E=ENERGY)}" if more else ""))


# Idioms for dimensions the grammar knows, rewritten to its own words. Order matters: longer first.
# measured against a wish ("than I'd like", "than it should be"): the quality too much, as "too loud" says it
WISHED = (r"than (?:(?:i|we|you)(?:'d| would)? (?:like|want|wanted|hoped|expected|planned|asked for|thought)|expected|hoped|"
          r"wanted|planned|needed|necessary|(?:it|they) (?:should|needs? to|ought to|has to|have to) be)\b")
AGAINST_WISH = tuple((re.compile(rf"\b((?:way|much|far|a bit|a little|slightly|a lot|quite a bit) )?{more} {WISHED}", re.I),
                      rf"\1too {word}") for more, word in (("louder", "loud"), ("(?:quieter|softer)", "quiet"),
                                                           ("faster", "fast"), ("slower", "slow"), ("busier", "busy")))


# the one asking is in no hurry, then asks ("not in a rush, but could it be faster in shot 9", "I'm in no hurry, just
# ..."): a filler before the request, as bare "no rush" is, and no wish for a slower score
UNHURRIED_RE = re.compile(r"(?:^|(?<=[,;.!?]))\W*(?:(?:i'?m|i am|we'?re|we are|honestly|ok|okay|so)\W+)*"
                          r"(?:(?:not|never) (?:in )?(?:a |any |such a )?|in no )(?:hurry|rush)\b"
                          r"(?=,? *(?:but|though|just|so)\b|\W*[,;.]\W*(?:could|can|would|please|make|maybe)\b)", re.I)


# a part put "front and centre" or "centre stage": forward in the mix (one phrase, before a clause is cut at its "and")
FRONT_RE = re.compile(r"\bfront and cent(?:re|er)\b|\bcent(?:re|er)[- ]stage\b", re.I)


def fronted(text: str) -> str:
    """`text` with "front and centre" said as "up front" ("put the strings front and centre": the strings forward)."""
    return FRONT_RE.sub("up front", text)


def unhurried(text: str) -> str:
    """`text` without a "not in a rush" said before a request ("not in a rush, but could it be faster")."""
    return UNHURRIED_RE.sub("", text)


def against_wish(text: str) -> str:
    """"the bass is louder than I'd like": "the bass is too loud", read before the parts (not "louder", a wish)."""
    for pattern, words in AGAINST_WISH:
        text = pattern.sub(words, text)
    return text

IDIOMS: tuple[tuple[str, str], ...] = (
    # a version called by how it goes, as the subject of a complaint ("the slow one drags"): it, no wish for slow
    (r"\b(?:the|that|this) (?:slow|slower|fast|faster|quick|quicker|new|newer) (?:one|version|take|mix)\b"
     r"(?= (?:drags|rushes|is|was|feels|sounds)\b)", "it"),
    # the tempo named and moved ("tempo down a bit", "the tempo to be increased", "bump the pace", "speed the whole
    # thing up", "a bit more pace"): faster or slower, the size said beside it kept
    (r"\b(?:tempo|pace|speed|bpm)(?: (?!and\b|but\b)[a-z]+){0,3}? (?:down|decreased|reduced|lowered|dropped|drops?|"
     r"brought down|pulled back|falls?|comes? down)\b(?! to\b| until\b| till\b)"
     r"|\b(?:decrease|reduce|lower|drop|bring down|pull back|pull down|knock down|take down|ease)(?: down)? (?:the |its |our )?"
     r"(?:tempo|pace|speed|bpm)\b|\b(?:less|lesser) (?:pace|speed|tempo|bpm)\b|\bmore slow\b|\bslow (?:the whole thing|everything|things|it all|"
     r"the music|the track|the piece|the beat|the groove) down\b", "slower"),
    (r"\b(?:tempo|pace|speed|bpm)(?: (?!and\b|but\b|down\b)[a-z]+){0,3}? (?:up|increased|raised|higher|bumped(?: up)?|pushed)\b(?! to\b| until\b| till\b)"
     r"|\b(?:increase|raise|bump|push|lift|nudge|crank|up)(?: up)? (?:the |its |our )?(?:tempo|pace|speed|bpm)\b"
     r"|(?<!few )(?<!couple )(?<!\d )\b(?:more|extra) (?:pace|speed|tempo|bpm)\b|\bfaster (?:tempo|pace)\b|\bspeed (?:the whole thing|everything|things|it all|"
     r"the music|the track|the piece|the beat|the groove) up\b", "faster"),
    # the energy named and moved: by whatever verb moves it, with the size said between ("reduce the intensity",
    # "calm the energy down a ton", "nudge the intensity up a notch", "crank the energy WAY up", "ease off the energy";
    # "wind/ramp ... down" is a fall, `phrases.SHAPES`), said to go ("the energy needs to come down") or said moved
    # ("the energy to be lowered", "intensity raised"; not "down to 0.3", an exact level)
    (_energy_moved("down"), "less energy"), (_energy_moved("up"), "more energy"),
    (rf"\bmore {ENERGY}\b", "more energy"), (rf"\bless {ENERGY}\b", "less energy"),
    # turned up past the top of the dial ("energy to 11", "crank it up to eleven"): the most energy, no place 11
    (rf"\b(?:(?:(?:crank|turn|push|dial|take|pump) )?(?:it|the {ENERGY}|{ENERGY}|everything|things) )?(?:all the way )?(?:up )?(?<!\d )(?<!\bten )to (?:11|eleven)\b(?![:.]?\d| ?(?:s|secs?|seconds?|bpm)\b)", "much more energy"),
    # the tempo moved by a verb, with the size said between ("crank the tempo way up", "tempo needs to go up a lot")
    (rf"\b{MOVE} (?:the |its )?{PACE} (?:\w+ ){{0,2}}?up\b|\b{PACE} {MUST} (?:\w+ ){{0,2}}?up\b", "faster"),
    (rf"\b{MOVE} (?:the |its )?{PACE} (?:\w+ ){{0,2}}?down\b|\b{PACE} {MUST} (?:\w+ ){{0,2}}?down\b", "slower"),
    # the volume moved by a verb, with the size said between ("crank the volume right up", "volume needs to come down")
    (rf"\b{MOVE} (?:the |its )?{VOLUME} (?:\w+ ){{0,2}}?up\b|\b{VOLUME} {MUST} (?:\w+ ){{0,2}}?up\b", "louder"),
    (rf"\b{MOVE} (?:the |its )?{VOLUME} (?:\w+ ){{0,2}}?down\b|\b{VOLUME} {MUST} (?:\w+ ){{0,2}}?down\b", "quieter"),
    # "twice as busy", "twice as loud": a big step of that quantity (tempo aside: "twice as fast" is double time)
    (r"\btwice as (?:busy|intense|energetic|lively|full|dense|driving|exciting|punchy)\b", "much more energy"),
    (r"\btwice as (?:loud|noisy)\b", "much louder"), (r"\btwice as (?:quiet|soft)\b", "much quieter"),
    # the volume said too low or too high ("far too quiet overall", "the volume is way too low"): louder
    (r"\btoo (?:quiet|soft|low)(?= overall\b| in volume\b)|\b(?:volume|level)(?: of (?:the )?(?:music|song|track))? (?:is |'s )?"
     r"(?:too|very|so|really|way too|super) low\b", "louder"),
    # rising across the place ("the music lifts up through it", "build through the whole shot"): a shape
    # ("rise across the whole clip", "build up the tension through the whole thing"): the whole clip
    (r"\b(?:lift|rise|rising|build|grow|climb|swell|soar)\w*(?: up)?(?: it| the music| things| the tension| the energy)?(?: up)?"
     r" (?:all the way )?(?:through|across|over the course of) "
     r"(?:it|that|this|there|the (?:whole |entire )?(?:shot|bit|scene|section|part)|the (?:whole|entire) (?:video|clip|film|"
     r"thing|piece|track|song|ad|advert|commercial|edit|reel|cue))\b", "more and more"),
    (r"\b(?:ease|back) off (?:the )?(?:speed|pace|tempo)\b|\bease (?:the )?(?:pace|speed|tempo) off\b"
     r"|\b(?:it'?s|is|are|'s|still|keeps?|(?:a )?(?:little|bit|tad|touch)|slightly|kind of|sort of|always) rushing\b"
     r"|^\W*rushing\b|\bless rushed\b|(?:'s|\bis|\bare|\bwas|\bkeeps?) (?:(?:a bit|rather|really|just|still) )?(?:going|racing|running|belting|tearing)"
     r"(?: along)?(?: at (?:quite |such |some )?(?:a )?(?:fair |good |right |cracking )?(?:old )?(?:lick|clip|rate of knots)\b|(?<=along)\b)|\bbring (?:the )?(?:tempo|pace|speed) down\b"
     r"|\b(?:not|never|isn'?t) (?:be |in )?(?:a |any |such a )?(?:hurry|rush)(?:ed|ing)?\b|\bin no (?:hurry|rush)\b|\bunhurried\b",
     "slower"),   # "not in hurry" ("not in a rush, but ...": `unhurried`)
    # tempo as a ratio ("half the pace", "double the speed"): read by the grammar as half-time or double-time
    (r"\b(?:at )?half (?:the )?(?:pace|speed|tempo)\b|\bhalve (?:the |its )?(?:pace|speed|tempo)\b|\bhalf[- ]time feel\b",
     "half-time"),
    (r"\b(?:at )?(?:double|twice) (?:the )?(?:pace|speed|tempo)\b|\bdouble (?:the |its )?(?:pace|speed|tempo)\b", "double-time"),
    (r"\b(?:go|goes|move|moves|step|steps|get|gets)(?: it)? along (?:a (?:bit|little|touch|tad) )?(?:smarter|smartish|smartly|briskly|brisker)\b"
     r"|\b(?:a |with (?:a )?)?full head of steam\b|\bpush it along\b|\bpick up the (?:tempo|pace|speed)\b|\bmove it along\b|\bmore fast\b|\bspeed it up\b"
     r"|\b(?:it'?s |is )?dragging\b|\bdrags\b(?! (?:the|a|an|it|them|him|her)\b)|\btake the tempo up\b|\btempo up\b|\bquicken\b|\bquicker\b", "faster"),
    (r"\b(?:merrier|jollier|cheerier|cheery)\b", "happier"),   # not vocab.MOODS' words: a new mood word moved the guesses ("too boomy")
    (r"\ba hair\b|\ba smidge\b|\ba notch\b|\ba tiny bit\b|\bjust a bit\b|\bslightly\b|\ba little\b", "a little"),
    (r"\bwake (?:it|them|things) up\b|\benergi[sz]e\b|\b(?:an? |such an? )?(?:snooze|yawn) ?fest\b|\bperk (?:it|them|things) up\b|\b(?:more|extra|some) punch\b|\bpunch it up\b|\bmore oomph\b|\bmore life\b|\bliven it up\b|\blift (?:it|them)\b"
     r"|\brough (?:it |them |things |this |that )?up\b|\blift(?= (?:from |in |over |between )?\d)"   # "rough up shot 2", "lift 0-15"
     r"|\bopen it up\b|\bmore power\b|\bmore strong\b|\bmake it pop\b|\bkick it up\b|\bgive it some (?:energy|life)\b"
     r"|\bsoar\b|\blift again\b|\bmore drive\b|\bmore tension\b|\bbusier\b|\bmore hype\b|\bhype it\b"
     r"|\bhyped\b|\btoe[- ]tapping\b|\bgroovier\b|\bmore groove\b|\bbouncier\b|\bmore bounce\b"
     r"|\b(?:a (?:bit|touch|little) of |some |a lot of |extra )?oomph\b|\bgive (?:it|them|this|that) (?:some |a bit of |a little )?"
     r"(?:welly|heaps|some stick|a lift|a boost|a kick|some juice)\b|\b(?:music|it|things|this|that|the score) lifts?\b"
     r"|\b(?:could|should|can|needs to|has to|must|to|would) lift\b(?! (?:the|a|an|it|them|this|that|those|these)\b)"
     r"|\blifts? up\b|\b(?:lift|lifts|lifting|blast|blasts) off\b|\btakes? flight\b|\bsk(?:y|ie)rocket\w*\b"
     r"|\b(?:let|have) (?:it|the music|the score|things|everything) come up\b"   # "let it come up a little when I plate"
     r"|\b(?:add|inject|put|bring|give it|give (?:it|the music) some|needs?)(?: some| a bit of| a little| more| a touch of"
     r"| lots of| plenty of| a lot of| extra)? (?:energy|life|drive|excitement|intensity|momentum|oomph)(?! down)\b"
     r"|\bmore (?:hectic|chaotic|frantic|manic|crowded|cluttered|intense|full-on|full on)\b"
     r"|\bmore (?:going on|happening|movement)\b|\b(?:want|need|add|some) tension\b"
     # a quality given, needed or added ("give it tension", "it needs urgency"): more of it
     r"|\b(?:give (?:it|them|this|that|the music)|needs?|wants?|could use|add) (?:some |a bit of |a little |a lot of |more |real )?"
     r"(?:tension|urgency|drive|intensity|momentum|edge|bite)\b", "more energy"),
    # drama is more going on, emptiness too little ("make the finish more dramatic", "the middle feels empty"; a
    # "dramatic pause" is a silence);
    # space is room between the notes ("slower and more spacious")
    (r"\b(?:less|not so|overly) dramatic\b", "less energy"),   # ("too dramatic" beside a removal is why, left alone)
    (r"(?<!too )(?<!so )\b(?:more |very |really )?dramatic\b(?! (?:pause|silence|stop|break|gap))|\b(?:more|some|a bit of|a little|a touch of|extra|added) drama\b|\b(?:feels?|sounds?|is|it'?s|seems?|too|a bit|kind of|rather|pretty|so) "
     r"(?:empty|bare|hollow)\b", "more energy"),
    (r"\b(?:more |very |a bit more )?spacious\b|\bairier\b|\bmore airy\b", "sparser"),
    # weight, heft, body: a fuller sound, more going on ("from the storm on, more weight"; not a mood, not an organ)
    (r"\b(?:more|extra|some|added|a bit of|a little|real) (?:weight|heft|body|heaviness)\b"
     r"|\b(?:give|add) (?:it |the music |them )?(?:some |a bit of |a little |more )?(?:weight|heft|body)\b", "more energy"),
    (r"\bless (?:weight|heft|body|heaviness)\b", "less energy"),
    # "pull right back in shot 5", "then pull way back there": the music held back (not "pull back the drums")
    (r"\bpull(?:s|ing)? (?:right |way |all the way |well |really )?back\b(?! (?:the|a|an|on|to|it|them|that|this|those|these|from|some)\b)",
     "less energy"),
    (r"\bgo( a bit| a little| totally| completely| properly)? (?:mental|nuts|crazy|wild|mad|bananas|ham|to town)\b",
     r"\1 more energy"),   # "go a bit mental with the drums": let rip
    # sober, restrained, understated: held back, less going on (not sadder: "sombre" is the sad mood)
    (r"\bmore (?:serious|sober|restrained|understated|subdued|austere|reserved|low[- ]key)\b"
     r"|\bless (?:silly|playful|goofy|jokey|frivolous|flashy|showy)\b|\bgraver\b|\bmore grown[- ]up\b"
     r"|\bcalm (?:it|things|this|that)\b(?! down)", "less energy"),
    # everyone playing, or kept big ("bring the whole band in", "go full band", "keep it big", "stay big till the end"): fuller
    (r"\b(?:bring|let|have|get) (?:in )?(?:the (?:whole|full) band|everyone|everybody|all the (?:instruments|parts))(?: in)?\b(?! (?:down|back|off|out)\b)"
     r"|\b(?:the )?(?:whole|full) band (?:comes |kicks |joins )?in\b|\bkeep (?:it|things|the music) (?:big|huge|massive|full)\b"
     r"|\bgo (?:full|whole) band\b|\b(?:stay|stays|staying) (?:big|huge|massive|full)\b",
     "more energy"),
    # a place wished to be the peak ("make the last shot the biggest moment", "the ending should be the climax", "as
    # the climax"; not a place named by it, "until the climax", nor the peak as the subject: "the climax is too loud")
    (r"\b((?:be|become|becomes|make (?:\w+ ){1,3}|as|into) )"
     r"the (?:(?:biggest|loudest|strongest|most (?:intense|epic|exciting|powerful)) (?:moment|part|bit|point|section)|"
     r"climax|high ?point|peak)\b(?! of\b)", r"\1much more energy"),
    (r"\bbig moment\b|\bgo (?:all out|big)\b|\b(?:the )?full works\b|\ball guns blazing\b|\bpull out all the stops\b"
     r"|\beverything (?:it'?s|you'?ve) got\b|\bmake it (?:huge|massive)\b", "much more energy"),
    (r"\b(?:kind of |a bit )?(?:sags?|sagging|loses? (?:steam|momentum)|runs? out of steam|(?:goes|falls?) flat|"
     r"(?:a bit of )?a (?:damp squib|let ?down|wet blanket))\b"
     r"|\bkeep (?:the energy|the momentum|the pace) (?:going|up)\b"
     r"|\bget (?:the |some )?energy back(?: up)?\b|(?:^\s*|(?<=, ))energy back\b", "more energy"),   # raised again after a dip
    (r"\bfewer (?:instruments|parts|layers)\b|\bless instruments\b|\bpull (?:it|things|everything|them) (?:back|down)\b(?! to \d)|\bback it off\b(?! to \d)|\bthin (?:it|things) out\b|\bthin it\b"
     r"|\bcalm it down\b|\bsoften (?:it|things|everything|the (?:music|score|track|cue|whole thing))\b(?! up\b)|\b(?:take|bring) it(?: all)? down\b(?! to \d)|\bdial it back\b|\bstrip it back\b|\bless going on\b"
     r"|\bhold (?:it |things |everything |the music |the score )?back\b(?! (?:the|on|a|an)\b)"   # "hold it back until the kiss"
     r"|\b(?:only|just|keep(?: it to)?(?: only| just)?) (?:the )?(?:soft|quiet|gentle|calm|light)(?:er)? (?:parts?|bits?|instruments?|"
     r"stuff|sounds?|layers?)\b"   # "the drums rest, only the soft part": the quiet parts alone, sparser
     r"|\btoo much (?=now|here|there|honestly|tbh|overall|for us|for this)\b"
     r"|\b(?:it'?s|its|it is|that'?s|this is|it feels|it sounds) (?:(?:a bit|a little|just|way|far|all|kind of|kinda) )?too much(?= *(?:$|[,.!?;]))|\bkeep it minimal\b|\btoo much (?:going on|happening)\b|\brein it in\b|\bsettle it\b|\bground it\b|\bless busy\b", "less energy"),
    # space between the notes ("let it breathe", "give the intro room to breathe", "more air"): sparser
    (r"\blet (?:it|the music|things|them|(?:the )?\w+) breathe\b|\b(?:more |some |enough )?(?:room|space) (?:for it )?to breathe\b"
     r"|\b(?:more |some )?breathing (?:room|space)\b|\bmore (?:air|space)\b(?! in the mix)"
     r"|\b(?:keep|make|have) (?:it|things|the music|everything)(?: nice and| really| very)? (?:lean|spare|bare)\b", "sparser"),
    # ("start quiet in the first 12 seconds": not "start quiet and build", a shape, read whole by `SHAPES`)
    (r"\b(?:go|goes|going|be|(?:keep|make) (?:it|the music)|very|music|(?:start|begin|open)s?(?: (?:it|things|the music))?|stays?|"
     r"(?:just|all)(?= (?:quiet|soft|hushed)\b(?! (?:parts?|bits?|instruments?|stuff|sounds?|layers?)\b))) "   # "no drums just soft"
     r"(?:very |really |extremely |so |a bit |nice and )?(?:quiet|low|soft|hushed|down)\b(?!.*\b(?:grow|build|swell|rise|climb|creep|lift|big|bigger|louder|fuller)\w*)",
     "quieter"),
    # a place named by how dull it is and said to lack something ("the boring bit in the middle needs something", "the dull
    # part at the end could use something"; "the middle needs something"): more going on there (the place said beside it)
    (r"\bthe (?:boring|dull|sleepy|lifeless|static|flat|tame) (?:bit|part|section|stretch|patch)\b", "more energy in the bit"),
    # (a part said to lack something, "the bass needs something": more of that part, not more energy everywhere)
    (rf"\b(?:the |my |our |that )?(?P<part>(?:{INSTR_ALT})(?:s|es)?) (?:needs?|could use|could do with|wants?) (?:a little |just |a bit of )?"
     r"something(?: more| extra)?\b(?! (?:else|different|other)\b)", r"more \g<part>"),
    (r"\b(?:needs?|could use|could do with|wants?) (?:a little |just |a bit of )?something(?: more| extra)?\b(?! (?:else|different|other)\b)",
     "more energy"),
    # the music hushed ("everything to hush just before it", "let it hush down in shot 2", "a hushed last shot"): quieter
    (r"\bhush(?:es|ed|ing)?\b(?: (?:it |things |everything )?down\b)?", "quieter"),
    # a clause that opens with the bare word and then its place ("quiet until 0:12", "soft for the first shot"), or says
    # nothing else: quieter there (not a style guessed from the word)
    # or the bare word said last after its place, as a terse note does ("first shot quiet", "shot 1 soft", "intro quiet")
    (r"^ ?(?:very |really |extremely |so |nice and )?(?:quiet|soft|hushed)(?= ?$| (?:until|till|til|up to|up until|through|for|in|during|before|"
     r"from|after|over|at|on|between|under)\b)|(?:(?<=shot )|(?<=shots )|(?<=intro )|(?<=opening )|(?<=ending )|(?<=outro )|(?<=\d ))"
     r"(?:very |really |so |nice and )?(?:quiet|soft|hushed)(?= ?$)", "quieter"),
    # music asked for "where nothing happens" (not "the bit where nothing happens", a place): calmer
    (r"\b(?:music|something|a score|a track) (?:where|in which) nothing (?:much )?(?:happens|is happening|goes on)\b", "less energy"),
    (r"\bturn it down\b|\bthe volume of all\b|\blower the whole mix\b|\bwhole mix (?:down|lower)\b"
     r"|\bduck (?:everything|it|the music|the mix|it all|all of it)(?: down)?(?: under(?:neath)?(?= \d| the| a))?\b", "quieter"),
    (r"\b(?:take|tone|dial|calm|settle|bring) (?:the whole thing|everything|it all|things) down\b", "less energy"),
    # the music said to end softly ("could it end gently", "finish quietly", "close on a soft note"): a fade out
    (r"\b(?:end|ends|ending|finish|finishes|finishing|close|closes|wind up)(?: it| things)? (?:really |very |nice and |more )?(?:gently|softly|quietly|"
     r"calmly|peacefully|on a (?:soft|gentle|quiet|calm) note)\b", "fade out"),
    # the music dipping at a place ("can the music dip in shot 2", "dip it under the voice there"): quieter there
    (r"\b(?:music|score|it|everything|track) (?:(?:can|could|should|needs? to|to|will) )?dips?\b(?! (?:in|into) (?:energy|tempo))"
     r"|\bdip (?:the music|it|everything|the score)(?: down)?\b", "quieter"),
    (r"\bturn it up\b|\braise the whole mix\b|\bmore loud\b", "louder"),
    (r"\bmore quiet\b|\b(?:decrease|reduce|lower|drop|bring down|turn down)(?: the)?(?: overall| general| whole)? (?:volume|level)\b"
     r"|\b(?:the )?(?:overall |general )?(?:volume|level)(?:'s| is)? (?:a bit |a little |a touch |way |too )?(?:high|loud|much)\b"
     r"|\b(?:lower|less) (?:overall )?volume\b|\bdown in volume\b|\b(?:volume|level|loudness) (?:lower|down|quieter|softer)\b", "quieter"),
    (r"\b(?:volume|level|loudness) (?:higher|up|louder)\b", "louder"),
    # "goal at 0:19, hit it hard there": a mark at the moment said (`marks.sync` reads it with that clause), no mood
    (r"^\W*(?:and |so |then |just )?hit (?:it|that|this|them) (?:really |nice and |very )?(?:hard|big|loud)(?= there| here|\W*$)",
     "a crash"),
)


# "everything kicks in at 0:20" is more energy there (not "then everyone comes in" after "just drums": the parts back);
# "big drop at 0:40, everything kicks in": from the moment just said, not over the whole score
ALL_IN = r"\b(?:everything|it all) (?:kicks|slams|crashes) in\b"
KICKS_IN_RE = re.compile(rf"(\b(?:drop|crash|hit|slam|downbeat)\b[^,;.!?]{{0,20}}?\b(?:at|on) (\d{{1,3}}:\d{{2}}(?:\.\d+)?))\s*,?\s*"
                         rf"(?:and |then )?{ALL_IN}(?! (?:at|from|after|on)\b)", re.I)


# a growth said with where it peaks at the end ("start soft and grow, biggest at the very end", "build up, loudest by the
# end"): the peak is where the growth ends, over all of it, not the growth put at the ending
PEAK_END_RE = re.compile(r"\b((?:grow|build|swell|rise|climb|ramp)\w*\b[^.;!?]{0,60}?),? (?:and )?(?:getting |with it |so it'?s )?"
                         r"(?:biggest|loudest|fullest|strongest|largest|at (?:its|the) (?:biggest|loudest|fullest|peak)|peaking) "
                         r"(?:at|by|for|in) the (?:very )?end(?:ing)?\b", re.I)


def all_in(text: str) -> str:
    """"everything kicks in" as more energy, from the moment said just before it when one is; a growth that peaks at
    the end grows all the way to the end."""
    text = PEAK_END_RE.sub(lambda m: m.group(0) if OWN_PLACE_RE.search(patterns.sentences(m.string[:m.start()], ";")[-1])
                           else f"{m.group(1)} all the way to the end", text)   # "in shot 2 let it swell, biggest by the end"
    return re.sub(ALL_IN, "more energy", KICKS_IN_RE.sub(r"\1, more energy from \2", text), flags=re.I)


# A quiet start and a rise said as two steps ("start quiet, then get louder", "begin softly and get bigger", "open soft;
# then build", "keep it quiet (at first), then get louder", "start soft and slowly slowly increase"): one build over the place, as "start quiet and build"
# (`phrases.SHAPES`), not quieter everywhere and then louder everywhere. When the rise ends its clause, or is said from a
# place on ("start quiet, then get louder from 0:20": quiet until there, the rise from there, `quiet_first`); a rise
# "into" a cut or shot ends there ("start softer and grow into the second cut": from the start until that cut).
START_RISE_RE = re.compile(
    r"\b((?:start|begin|open|(?P<keep>keep))\w*(?: (?:it|things|the music|the track|off|out))*(?: (?:very|really|super|so|"
    r"fairly|pretty|a bit|a little|a touch|a tad|little|nice and))? (?P<q>soft|quiet|silent|small|gentl|low|sparse|calm|minimal|subdued)\w*"
    r"(?(keep)(?: (?:at first|to begin with|at the start|early on|for now|for a bit|for a while))?))\s*(?:[,;]|\.(?!\d))?\s*"
    r"(?:and |but )?(?:then |after that |afterwards |from there )?(?:let (?:it|the music|things) )?(?:(?:slowly|gradually|steadily|bit by bit|little by little) )*(?:(?:get|gets|getting|go|goes|"
    r"going|grow|grows|growing|become|becomes|becoming|turn|turns) )?(?:louder|bigger|fuller|busier|more intense|more energy|"
    r"more energetic|build\w*(?: up)?|grow\w*|swell\w*|ris(?:e|es|ing)|climb\w*|increas(?:e|es|ing)|(?:end|ends|finish|finishes|close|closes)(?: (?:up|off|on|it))?"
    r"(?: (?:really|very|super|so|nice and|a lot))? (?:loud|big|huge|full|strong|epic|massive|intense|powerful)(?! (?:chord|hit|note|stab|button)))"
    r"(?P<into> (?:into|in to|up to|towards?|to)(?= (?:the )?(?:\w+ )?(?:cut|shot)s?\b))?"   # "... grow into the 2nd cut"
    r"(?(into)|(?= *(?:$|[,;!?]|\.(?!\d)|and\b|but\b|please\b|over\b|across\b|through\b|thru\b|towards?\b|to the end\b|by the end\b|all the way\b|"
    r"until the end\b|from\b|after\b|starting (?:at|from)\b)))", re.I)


# A chord to end on ("a proper final chord", "end on a big chord", "finish with a cadence"): a button at the end (a stop
# mark there: a short chord, then nothing); not a chord of the progression ("make the last chord minor")
FINAL_CHORD_RE = re.compile(r"\b(?:end|ends|ending|finish|finishes|close|closes|wrap it up)(?: it| the (?:music|track|piece|song|"
                            r"cue))? (?:on|with) (?:a|an|one) (?:\w+ )?(?:(?:final|last|closing|ending) )?(?:\w+ )?(?:chord|cadence)\b|"
                            r"\b(?:a|an|one) (?:\w+ )?(?:final|closing|ending|last)(?: \w+)? (?:chord|cadence)\b", re.I)   # "one last big chord"


# a moment said beside the chord ("at 5 seconds stop everything with one final chord, then the groove returns"): the
# chord is how that stop sounds, not a button at the end of the cue
OWN_MOMENT_RE = re.compile(r"\d|\bstop")
# the chord said with its own place ("end on a big chord at 0:44", "finish with a cadence on the 10th cut"): a button there
PLACED_CHORD_RE = re.compile(rf"(?:{FINAL_CHORD_RE.pattern})(?= (?:at|on) (?:\d|the (?:\w+ )?(?:cut|shot)))", re.I)


# "hard out" (a cue that stops dead, no fade): with its button said ("hard out with a button on the final cut"), that
# button; alone, a button at the end; never "hard" as more energy, a faster tempo and darker chords
HARD_OUT_RE = re.compile(r"\b(?:a |the )?hard (?:out|ending)\b(?P<said>,? (?:with|and|on|at)\b(?= (?:a|an|one) (?:\w+ )?"
                         r"(?:button|stop|stab|sting|hit|chord)\b))?", re.I)
BUTTON_SAID_RE = re.compile(r"\b(?:button|stop|stab|sting|hit|chord)", re.I)   # "button on the second cut, hard out"


def final_chord(text: str) -> str:
    """`text` with a chord to end on said as a button at the end (read before the places: "at the end" is a moment)."""
    own = BUTTON_SAID_RE.search(HARD_OUT_RE.sub(" ", text))   # a button said elsewhere in the request: "hard out" is how it ends
    text = HARD_OUT_RE.sub(lambda m: " " if m["said"] or own else "a button at the end", text)
    return PLACED_CHORD_RE.sub("a button", text) if OWN_MOMENT_RE.search(text) else FINAL_CHORD_RE.sub("a button at the end", text)


# the other way ("start loud and end soft", "begin big, finish quiet"): one fall over the place
START_FALL_RE = re.compile(r"\b(?:start|begin|open)\w*(?: (?:it|things|the music|off|out))*(?: (?:very|really|super|so|nice and))? (?:loud|big|huge|"
                           r"full|strong|epic|massive|intense|powerful)\w*\s*,?\s*(?:and |but )?(?:then )?(?:end|ends|finish|finishes|close|"
                           r"closes)(?: (?:up|off|on|it))?(?: (?:really|very|super|so|nice and))? (?:soft|quiet|gentle|small|calm|sparse|silent)\w*", re.I)


# parts listed with commas before one change of level ("the bass, the harmony and the melody quieter", "make the drums,
# the bass louder", "bass, piano, sax - all softer", "the piano, the bass and also the drums, a little louder"): each
# part, as "and" joins them (the commas cut the first one off); an order on "them" after the list is on the list ("bass,
# keys, sax: pull em back")
_PART = rf"(?:(?:the|my|our|that|this) )?{INSTR_ALT}(?:s|es)?"
_THEM = r"(?P<verb>pull|push|turn|bring|take|knock|tone|ease|dial|crank|pump) (?:'?em|them|those|these|all of them) (?P<way>back|down|up|off)\b"
PARTS_LISTED_RE = patterns.LazyPattern(rf"(?<!more )(?<!less )(?<!some )(?<!extra )(?<!no )(?<!add )(?<!, )\b(?P<list>{_PART}(?:\s*,\s*(?:and |& |plus )?(?:also )?{_PART})+"
                                       rf"(?:,? (?:and|&|plus) (?:also )?{_PART})?)(?:\s*(?:[,:-]\s*)?"
                                       r"(?=(?:(?:all|both|each|too|should|must|need to|needs to|to|are|is|be|get|go|"
                                       r"a bit|a little|a lot|much|way|slightly|\w+ly) )*(?:louder|softer|quieter|lower|down|up|"
                                       rf"back|forward)\b)|\s*[,:-]?\s*{_THEM})", re.I)   # not "less/more": "the drums are cluttered" reads "the drums less energy" first
# ... or said after the verb and its way ("turn down the bass, the piano and the sax a little")
LISTED_AFTER_RE = patterns.LazyPattern(rf"\b(?P<verb>(?:turn|bring|pull|dial|tone|knock|push|crank|pump) (?:down|up|back) )(?P<list>{_PART}"
                                       rf"(?:\s*,\s*(?:and |& |plus )?{_PART})+(?:,? (?:and|&|plus) {_PART})?)", re.I)
LISTED_COMMA_RE = re.compile(r"\s*,\s*(?:(?:and|&|plus) )?(?:also )?|\s+(?:and|&|plus) also\s+")
# ... not a part kept or added before the comma ("keep the sax, the drums down", "add a flute, and the drums quieter")
KEPT_BEFORE_RE = re.compile(r"\b(?:keep|keeping|leave|leaving|lock|hold|protect|spare|except|excluding|but not|not|touch|add|bring in|"
                            r"love|like|fine with|there (?:is|was|were))\s+(?:(?:the|my|our|that|this|a|an|some)\s+)?$", re.I)


# how slowly a change comes, said apart from it ("little by little, grow from shot 5 to 9", "build up to 0:40, step by step")
_MANNER = rf"(?:{shape_start.GRADUAL_RE.pattern})(?:\W+(?:and |but )?(?:{shape_start.GRADUAL_RE.pattern}))*"
MANNER_APART_RE = re.compile(rf"^(\W*{_MANNER})\s*[,:;-]+\s*(?=\w)|(?<=\w)\s*[,;:-]+\s*({_MANNER})\W*$", re.I)


# two plain words of change joined ("make the music little slow and soft"): each as the grammar's comparative (only the first
# was read). Not a state told or kept ("it's slow and soft", "keep it ..."), "nice and slow", nor a start (a shape)
MORE = {"slow": "slower", "fast": "faster", "quick": "faster", "soft": "softer", "loud": "louder", "quiet": "quieter",
        "gentle": "gentler", "calm": "calmer", "big": "bigger", "busy": "busier", "light": "lighter", "sweet": "sweeter"}
PAIR_RE = re.compile(rf"(?<!\bnice )(?<!\bgood )(?<!\btoo )(?<!\bso )(?<!\bvery )(?<!\bnot )(?<!\bas )(?<!\bis )(?<!\bare )(?<!'s )"
                     rf"(?<!\bwas )(?<!\bkeep it )(?<!\bstay )(?<!\bstays )(?<!\bstart )(?<!\bstarts )(?<!\bbegin )(?<!\bopen )"
                     rf"\b(?P<a>{'|'.join(MORE)})(?:er)? and (?P<b>{'|'.join(MORE)})\b(?!er\b)", re.I)


def paired(text: str) -> str:
    """`text` with two plain words of change joined by "and" said as the grammar's comparatives (`PAIR_RE`)."""
    return PAIR_RE.sub(lambda m: m[0] if m["a"].lower() == m["b"].lower() else f"{MORE[m['a'].lower()]} and {MORE[m['b'].lower()]}", text)


def joined(text: str) -> str:
    """`all_in`, a quiet start with its rise said apart ("start quiet, then get louder") as one build, how slowly a
    change comes said apart from it (`MANNER_APART_RE`) as part of it, and parts listed with commas before one change
    of level joined by "and"."""
    if (m := MANNER_APART_RE.search(text)):   # said first, as one clause: "little by little grow from shot 5 to 9"
        manner = " ".join(w.strip(",;:-") for w in (m[1] or m[2]).split())
        text = f"{manner} {text[m.end():] if m[1] else text[:m.start()]}"
    text = PARTS_LISTED_RE.sub(lambda m: m[0] if KEPT_BEFORE_RE.search(text, 0, m.start()) else
                               f"{m['verb'] + ' ' + m['way'] + ' ' if m['verb'] else ''}{LISTED_COMMA_RE.sub(' and ', m['list'])} ", text)
    text = LISTED_AFTER_RE.sub(lambda m: m["verb"] + LISTED_COMMA_RE.sub(" and ", m["list"]), text)
    text = START_FALL_RE.sub("softer and softer after a loud start", paired(text))
    return START_RISE_RE.sub(lambda m: f"{'start ' + m['q'] if m['keep'] else m[1]} and build{' until' if m['into'] else ''}",
                             all_in(text))   # "... and grow into the 2nd cut": from the start until there


# the start said first, the place of the rise after it in the same clause ("start quiet and build from 0:20"; not "from
# the fourth cut on, start tiny and grow": the start of that stretch)
START_SAID_RE = re.compile(r"^\W*(?:start|begin|open)\w*\b.*\b(?:from|after|starting (?:at|from))\b", re.I)


def quiet_first(intents: list) -> list:
    """A start said quiet and a rise said from a place on ("start quiet and build from 0:20"): the clip quiet until
    there, at the rise's first level (a flat shape), then the rise; a rise over a place of its own ("in shot 3, start
    quiet then get louder") or said with no start is as read."""
    out = []
    for it in intents:
        sc = it.scope
        if it.what == "shape" and len(it.shape) > 1 and it.shape[0] < it.shape[-1] and sc.kind == "from" and \
                sc.start_s > 0.5 and START_SAID_RE.search(it.text):
            out.append(it.model_copy(update={"shape": [it.shape[0]], "direction": "set", "scope": EditScope(
                kind="span", start_s=0.0, end_s=sc.start_s, label=f"before {fmt(sc.start_s)}")}))
        out.append(it)
    return out
