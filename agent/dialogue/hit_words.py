"""How people ask for a mark in the music, or for none, in the words `marks.sync` reads: a cymbal smashed
or splashed is a crash, a thump or punctuation an accent, the band stopped dead a stop, a crescendo landing on a
moment a swell into it, a moment left to flow a "no hit"; and the moment itself named by the shot it begins
("the cut into shot 3", "the transition between shot 2 and shot 3", "the first edit", "when shot 4 appears").

    plain("chuck a splash cymbal on the cut into shot two")   # "... a crash on the 1th cut" (counted from 1)
    plain("let the band play straight through the second cut")   # "no hit ... the second cut"

Read by `v2m.agent.dialogue.marks` on a clause before it looks for a mark.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import MARK_NOUNS, NUMBER_WORD, ORD, ORDINALS, spoken_number
from v2m.agent.dialogue.place_words import PEAK_RE, PICTURE_CHANGES, TIME
from v2m.agent.dialogue.rising import GOING

# The words that name a mark, one list for every reader: `marks` (a mark asked, where "stop" and "punch" are read only
# in the forms that name one), `next_place` (a request about the last mark's moment, with the words of one landing) and
# `recall` (the marks taken back, "forget the stabs"). Each adds its own few beside it, and says why.
# (MARK_NOUNS: `counted`'s, where a count's noun is read)
# The verbs that take a mark (or an edit) out, one list: `marks` ("lose the one at 0:13", "drop the last two"),
# `mark_picks` ("remove the sting") and `part_undo` ("scrap the drum changes"); each adds its own few beside it
GONE_VERBS = r"lose|remove|kill|ditch|scrap|scratch|delete|nix|axe|drop|bin|get rid of|take out"
# A clause after a mark that only says how it should sound or what follows it ("stop at 0:25, hard", "First edit.
# Hard stop. Then carry on.", "an accent, nothing fancy"): part of the mark, no edit of its own
TRAILING_RE = re.compile(r"\W*(?:(?:and |then |so |just |a |one |very |really |nice and |proper(?:ly)? |clean |hard |dead |sharp "
                         r"|make (?:it|that|them) (?:hit |land |sound |feel )?)*(?:hard|dead|cold|tight|sharp|clean|big|loud|break|chord|carry on|continue|keep going|resume|"
                         r"(?:hard|dead|clean|cold) out|"   # "button on the last cut, hard out": how it ends
                         r"nothing fancy|nothing too fancy|not a fade|no fade|haha|lol|(?:a )?(?:moment of |beat of )?silence"
                         r"(?: for a (?:moment|beat|second|bit))?|play (?:straight |right )?through|let it (?:flow|ride|breathe)|"
                         r"keep (?:it |the groove |the band )?(?:flowing|going|swinging|grooving|playing))\W*)+")
# A sentence about a mark ("the hit on the last cut feels cheesy, lose it"): how the mark feels, not the music's mood
MARK_SUBJECT_RE = re.compile(r"^\W*(?:and |but |so )?(?:the|that|this) (?:hit|accent|crash|stab|sting|stinger|stop|swell|mark|"
                             r"cymbal(?: crash)?)s? (?:on|at|in|into|over|for)\b", re.I)
NUMBERED = rf"(?:\d{{1,2}}|{NUMBER_WORD})"
# A shot said by its number or its place in order: "shot 3", "shot three", "the third shot", "the final shot"
SHOT = rf"(?:shot (?P<n>{NUMBERED})\b|(?:the )?(?P<o>{ORD}) shot\b)"
NEXT_SHOT = SHOT.replace("<n>", "<n2>").replace("<o>", "<o2>")


def _shot_number(m: re.Match, n: str = "n", o: str = "o") -> int | None:
    """The shot's number as said (1 = the first shot), None for "the last"/"the final" (counted from the end)."""
    if m.group(n):
        return int(m.group(n)) if m.group(n).isdigit() else spoken_number(m.group(n))
    k = ORDINALS.get(m.group(o)) if m.group(o) in ORDINALS else int(re.match(r"\d+", m.group(o)).group(0)) \
        if m.group(o)[0].isdigit() else None
    return k if k and k > 0 else None


def _cut_into(m: re.Match) -> str:
    """The cut a shot begins with: shot 3 begins at the second cut; the last shot at the last cut."""
    k = _shot_number(m)
    if k is None:
        return " the last cut "
    return f" the {k - 1}th cut " if k > 1 else " 0:00 "


def _cut_between(m: re.Match) -> str:
    """The cut between two shots said in a row ("between shot 2 and shot 3"): the first one's end."""
    a, b = _shot_number(m), _shot_number(m, "n2", "o2")
    if a is None or (b is not None and b != a + 1):
        return m.group(0)
    return f" the {a}th cut "


# The moment a shot begins: "the cut into shot 3", "the jump to the final shot", "as it goes to the fourth shot",
# "when shot 3 starts", "the instant shot 4 appears", "where the third shot lands"
INTO_SHOT = (rf"\b(?:the )?(?:cut|edit|transition|jump|change|switch|move|hard cut)s? (?:in)?to {SHOT}",
             rf"\b(?:right |just )?(?:as|when|once) (?:it|we|the video|the picture|the edit) (?:goes|go|cuts?|jumps?|switch(?:es)?|"
             rf"changes?|moves?) (?:in)?to {SHOT}",
             rf"\b(?:right |just )?(?:as|when|once|where|the (?:instant|moment|second)|at the (?:instant|moment|point)) {SHOT} "
             rf"(?:starts?|begins?|lands?|appears?|comes? (?:in|up|on)|hits?|kicks? in|arrives?|opens?)\b")
BETWEEN = rf"\b(?:the )?(?:cut|edit|transition|jump|change|switch) (?:between|from) {SHOT} (?:and|to|into) {NEXT_SHOT}"
# "where shot one ends and two begins": the cut after the first shot
ENDS = rf"\b(?:where|when|as) {SHOT} ends?(?: and (?:shot )?(?:\w+ )?(?:begins?|starts?))?"
# "when the picture changes the first time", "the second time the shot changes": that cut
CHANGES = PICTURE_CHANGES[0]
# "the first edit", "the final change", "the second scene change": a cut, counted
CUT_NAMES = rf"\b{ORD} (?:edit|change|picture change|shot change|scene change|transition|jump)\b"

# A crash said with its cymbal: "a splash cymbal", "a cymbal bash", "smash a cymbal", "a big cymbal hit", "a big cymbal
# moment on the fourth cut"
CRASH = ((r"\b(?:splash|crash|china|ride) cymbal\b|\bcymbal (?:crash|splash|bash|smash|hit|hits?)\b|"
          r"\b(?:smash|bash|whack|hit|crash) (?:a|the|some) cymbals?\b|\b(?:a|one) (?:(?:little|small|quick|big|huge|massive|soft|single) )?cymbal(?: (?:moment|sound))?\b"
          r"(?= (?:when|as|on|at|where|right|just|about|around|\d|the \d+th cut\b))|\bsmash(?:es)?\b(?! (?:hit|cut))|\bsplash\b|\bbash\b", " crash "),
         (r"\b(?:bass|sub)[- ]drop\b(?= (?:right |just )?(?:on|at|when|as|@) )", " crash "))   # "a bass drop on the third cut": no bass out
# The words that say a mark is light ("a soft hit", "just a gentle accent"), one list: `marks` (a lighter mark said
# instead of one there) and `ACCENT` (one struck sound at a moment)
LIGHT_WORDS = r"gentle|soft|small|little|lil|tiny|light|subtle|quiet"
LIGHT_SAID_RE = re.compile(rf"(?:(?:{LIGHT_WORDS}) ?)+")   # "a soft little bell": light so; "a nice chime": light all the same
# An accent said otherwise: "a big thump", "a drum hit", "punctuate the cut", "something to sell the cut", "make
# it land"
ACCENT = ((r"\b(?:thump|thud|kick drum hit|drum hit|musical hit|drum moment)\b(?! (?:up|down)\b)", " hit "),
          # the music arriving on a moment, said with no subject after what comes before it ("first shot quiet, then
          # kick in on the first cut"): a hit there ("the drums kick in", "the music kicks in at 0:20" are entries)
          (r"(?:^ *|\bthen |\band |\bafter that )(?:(?:really|properly|hard|big) )?(?:kick|slam|crash|burst) in(?= (?:hard |big )?(?:right |just )?(?:on|at) )",
           " hit "),
          (r"\bpunctuat(?:e|es|ed|ing)\b|\bemphasi[sz](?:e|es|ed|ing)\b|\bunderline\b|\bsell\b(?= (?:the|that|this) (?:\w+ )?(?:cut|edit|moment))",
           " accent "),
          (r"\b(?:punctuation|emphasis)\b", " accent "),
          # a chord struck at a moment ("a big orchestral chord on cut 3", "big chrd on cut 12 plz", "I'd love a big chord
          # to land right there"): a stab, not a guitar to add (session 29's blind marks wordings)
          (r"\b(?:(?:a|an|one|another) )?(?:(?:big|huge|loud|massive|orchestral|full|fat|heavy|punchy|short|sharp|sforzando|sfz|accented) )+ch(?:o)?rds?\b"
           r"(?= (?:to land |land |landing |hit |hitting )?(?:right |just |exactly )?(?:at|on|when|as|there|here)\b)", " a stab "),
          # one struck sound at a moment ("a gentle chime at 0:09", "a lil ding when the tap turns off", "one small bell
          # on the 3rd cut", "add a bell at 0:20"): a light mark there, light also when no size is said (a bell is no
          # crash, so a crash there is made light, not "already there"); a gong, a big one. Not a part to add ("the sax
          # chimes in at 0:20", "bells from 0:20": parts)
          (rf"\b(?:a|an|one|another|single)((?: (?:{LIGHT_WORDS}|lil|tiny|nice|sweet|bright|clear|single|short|quick|delicate|faint))*) "
           r"(?:(?P<big>gong)|chime|ding|bell|ping|triangle|bell hit|chime hit|bell strike|ring)(?: (?:sound|hit|strike|note))?\b"
           r"(?= (?:right |just |exactly |about |around |roughly )?(?:at|on|in|when|as|where|@) )",
           lambda m: f" a{m[1]} crash " if m["big"] else f" a{m[1]} hit " if LIGHT_SAID_RE.fullmatch(m[1].strip()) else " a light hit "))
BRIEFLY = r"(?:one time|once|for a (?:moment|second|sec|beat|split second|brief moment|short moment)|briefly|for an instant)\b"
# The band stopped at a moment: "everybody stops", "stop the band dead", "the music should break", "slam on the
# brakes", "cut the band off", "cut the band at 0:17", "stop at 0:25", "slam to a stop"
STOP = ((r"\b(?:everybody|everyone|every(?:one|body) in the band|the (?:whole )?band) (?:should |must |needs? to |has to |to )?"
         r"(?:just )?(?:stops?|breaks?(?: off)?|halts?|freezes?)(?: (?:dead|completely|entirely|cold|hard|totally))?\b"
         r"(?! (?:being|playing|from)\b)", " a stop "),
        (r"\b(?:the music|the track|everything) (?:should |must |needs? to |has to |to )?(?:just )?(?:breaks?|halts?|freezes?)"
         r"(?: off| dead| completely| entirely| cold| totally)?\b", " a stop "),   # (music that stops: `STOP_RE`)
        (r"\b(?:stop|halt|freeze) (?:the (?:whole )?(?:band|groove)|everything|everyone|everybody)(?: (?:dead|cold))?\b", " a stop "),
        (r"\bslam(?:s|ming)? (?:on )?(?:the brakes|to a (?:stop|halt))\b|\bslam on the brakes\b|\bdead stop\b|\bfull stop\b|"
         r"\bhard stop\b|\b(?:stops?|cuts?)(?: out)? (?:dead|cold)\b", " a stop "),   # "stop dead at 0:13", "the band cuts cold"
        (r"\bcut (?:the (?:whole )?band|everyone|everybody)(?: off\b|(?= (?:right |just )?(?:at|on) (?:the |\d)))", " a stop "),
        (rf"^\W*stop(?= (?:right )?(?:at|on) (?:the |{TIME}))", " a stop"),
        (r"\bbreak (?:completely|totally|entirely|dead)\b", " a stop "),
        # the music stopped only for a moment ("make the music stop one time, then continue", "pause briefly"): a stop
        (rf"\b(?:(?:make|let|have) )?(?:the )?(?:music|score|everything|it) (?:to )?(?:stops?|pauses?|breaks?) {BRIEFLY}|"
         rf"\b(?:stop|pause) (?:the )?(?:music|score|everything) {BRIEFLY}|\bpause {BRIEFLY}|"
         r"\b(?:a|one) (?:short|brief|quick|little|small|tiny) (?:pause|stop|break)\b", " a stop "),
        (r"\b(?:hard|cold|dead|clean) out(?= (?:right |just )?(?:on|at) |\s*$)", " a stop "))   # "cold out on the last cut": the cue ends there
# The music itself stopping at a moment ("cut all the music on the second cut", "everything drops out at 0:20"):
# a hit point of kind stop, read as "a stop on ..." ("everything drops out except the bass" keeps a part
# playing: no stop, an arrangement). "silence 1 bar": a stop with its length. Only with a moment said (`marks.sync`):
# "the music stops in shot 5" is no music there, not a stop.
STOP_RE = re.compile(r"\b(?:cut|kill|mute|stop) (?:all )?(?:of )?(?:the )?music\b(?! (?:from|between|for|during|through|until|till)\b)"   # a stretch: music out
                     r"|\bcomes? to a (?:dead |sudden |full )?(?:stop|halt)\b"
                     r"|\b(?:the )?(?:music|score|soundtrack|everything|band) (?:(?:needs?|has|have|ought|is going|are going) to |should |must |"
                     r"will |to |can |could |would |shall )?(?:just |suddenly |abruptly )?(?:stops?|cuts? out|drops? out|"
                     r"goes silent|go silent)\b"
                     r"(?!.*\b(?:except|but|apart from|other than|save for|only)\b)"
                     r"|\b(?:a |dead |total )?silence(?=(?: (?:when|as|where) [a-z' ]{1,30}?)? (?:on|at)\b| (?:for )?(?:a|one|two|\d+) (?:bars?|beats?)\b)")   # "silence when he dies at 0:21"
# A crescendo or a build that peaks on a moment: "crescendo into 0:16", "build into the last cut", "climb towards
# 0:04 and peak there", "rise into 0:09": a swell into it
SWELL_TO = (r"\b(?:crescendo|build(?:ing)?(?: it)?(?: up)?|climb(?:ing)?|ris(?:e|ing)|grow(?:ing)?|ramp(?:ing)?(?: up)?|swell(?:ing)?"
            rf"(?: it)?(?: up)?)(?: the music| the band)?(?: {GOING})? (?:right )?(?:into|in to|towards?|up to|to|that lands on|landing on|"
            r"that peaks (?:at|on)|peaking (?:at|on)|and peaks? (?:at|on)|until)\b")
# (a build or a growth into a place is a shape over the shot before, unless it is said to peak there: "build into
# shot 3 and peak right on the edit"; a crescendo lands on its moment; so does a growth into a time, "build into 0:25",
# "grow into 0:25", which names a moment, not a stretch)
SWELL_TO_TIME_RE = re.compile(rf"{SWELL_TO}(?= (?:{TIME}))")
# A swell said over a stretch ("let it swell from 0:32 on", "swelling over shot 5", "a swell from the second cut to the
# fourth"): a rise across it (`phrases`' shape), not a swell mark on each cut in it
SWELL_OVER_RE = re.compile(r"\bswell(?:ing)?(?= (?:up )?(?:from|over|across|through|throughout|during|between|after)\b)")
# A moment left unmarked: "doesn't need a hit", "let the band play straight through the cut", "without marking
# it", "don't emphasise the cut", "not react to the cut", "no punctuation"
UNMARK = ((r"\b(?:does ?n[o']?t|do ?n[o']?t|does not|do not|should ?n[o']?t|should not|wo ?n[o']?t|will not|must ?n[o']?t|"
           r"must not|need ?n[o']?t|need not|never)(?: really)? (?:need |want |have |get |deserve )?(?:an? |any )?"
           r"(?:hit|accent|mark|crash|stab|sting|punctuation|emphasis|punctuate|accentuate|accent|emphasi[sz]e|mark|"
           r"hit|react to|respond to|acknowledge|comment on|underline|catch|land on)\b", " no hit "),
          (r"\bnot (?:react|respond|reacting|responding) to\b", " no hit on "),
          (r"\bwithout (?:marking|hitting|accenting|punctuating|emphasi[sz]ing|acknowledging|reacting to|a hit on|an accent on)\b",
           " no hit on "),
          (r"\b(?:play|ride|glide|flow|carry on|keep (?:playing|going|swinging|grooving))(?: straight| right)? (?:through|over|across)\b"
           r"(?=.*\b(?:cut|edit|transition|\d:\d\d|no hit|no accent)\b)", " no hit on "))
# "leave the cut to shot 3 alone": no mark there (and no lock: `marks.locks` reads this too)
LEFT_ALONE_RE = re.compile(r"\b(?:leave|let)\b((?: the| that)? (?:\w+ )?(?:cut|edit|transition)\b.*?) alone\b")
LEFT_ALONE = ((LEFT_ALONE_RE.pattern, r" no hit on \1 "),
              (rf"\b{ORD}( and| &|,) (?:the )?{ORD} cuts\b", r"\1 cut\2 the \3 cut"))   # "the first and second cuts"

BETWEEN_RE, ENDS_RE, CHANGES_RE, CUT_NAMES_RE = map(re.compile, (BETWEEN, ENDS, CHANGES, CUT_NAMES))
INTO_SHOT_RES = tuple(map(re.compile, INTO_SHOT))
MARKING = tuple((re.compile(p), r) for p, r in (*CRASH, *ACCENT, *STOP, *UNMARK, *LEFT_ALONE))
BAND_STOPS = tuple(re.compile(p) for p, _ in STOP)   # the band said to stop (`name_words.is_name`)
SPACES_RE, CRESCENDO_RE = re.compile(r"\s+"), re.compile(r"\bcrescendo\b")
SWELL_TO_RE = re.compile(rf"{SWELL_TO}(?= (?:the |shot |\d))")


def moments(t: str) -> str:
    """`t` with the moment a shot begins said as its cut ("the cut into shot 3" -> "the 2th cut")."""
    t = BETWEEN_RE.sub(_cut_between, t)
    for pat in INTO_SHOT_RES:
        t = pat.sub(_cut_into, t)
    t = ENDS_RE.sub(lambda m: f" the {k}th cut " if (k := _shot_number(m)) else m.group(0), t)
    t = CHANGES_RE.sub(lambda m: f" at the {m.group(1)} cut ", t)
    return CUT_NAMES_RE.sub(lambda m: f"{m.group(1)} cut", t)


def plain(t: str) -> str:
    """`t` (a clause, lower-case) with its marks said in the words `marks.sync` reads; unchanged when it asks no
    mark."""
    t = SPACES_RE.sub(" ", moments(t))
    for pat, rep in MARKING:
        t = SPACES_RE.sub(" ", pat.sub(rep, t))
    if PEAK_RE.search(t) or CRESCENDO_RE.search(t):   # ("grow into the third cut" alone: a shape, `phrases`)
        t = SWELL_TO_RE.sub(" swell into", t)
    t = SWELL_TO_TIME_RE.sub(" swell into", SWELL_OVER_RE.sub("grow", t))
    return SPACES_RE.sub(" ", t)


# clock times listed for marks ("hits at 0:03, 0:09 and 0:17", "crashes at 0:12 0:20 0:31"): one clause, the times
# joined by "and" as `marks` reads a list; the clauses were cut at the commas and every time after the first was lost
CLOCK_LIST_RE = re.compile(r"(\b\d{1,2}:\d{2}(?:\.\d+)?)(?:\s*,\s*|\s+)(?=\d{1,2}:\d{2}(?:\.\d+)?(?![\d:]))")
MARKED_RE = re.compile(rf"\b{MARK_NOUNS}\b|\bstops?\b", re.I)


# marks counted, then their times listed ("three accents please: 0:04, 0:09 and 0:15", "two hits - 0:05, 0:11"): the
# marks at those times, as "accents at 0:04, 0:09 and 0:15" says
COUNTED_LIST_RE = re.compile(rf"\b(?:{NUMBER_WORD}|\d{{1,2}}|a few|a couple(?: of)?|some) "
                             rf"({MARK_NOUNS})(?: please| pls| thanks)?\s*(?:[:,–—-]\s*(?:(?:at|on)\s+)?|\s(?:at|on)\s+)(?=\d{{1,2}}:\d{{2}})", re.I)

# a mark added after the list by "one" ("two crashes: 0:05 and 0:13, and one at 0:21"): one more of the mark said before
ONE_MORE_RE = re.compile(r"(?<!keep )(?<!leave )(?<!only )(?<!just )\b(?:one more|another one|another|one)(?= (?:at|on) \d{1,2}:\d{2})",
                         re.I)   # not "just keep one at 0:13": which mark stays
MARK_NOUN_RE = re.compile(rf"\b{MARK_NOUNS}\b", re.I)
# cuts listed by their ordinals for marks ("stings on the first, second and third cut", "the first and the third cut"):
# each its own cut, joined by "and" as `marks` reads a list (the commas cut the clauses, the noun said once went to one)
ORD_WORD = ORD.replace("(", "(?:", 1)
CUT_LIST_RE = re.compile(rf"\b(?:the )?{ORD_WORD}(?:(?:,| and| &|, and) (?:the )?{ORD_WORD})+ (cut|edit|transition)s?\b", re.I)
CUT_ORD_RE = re.compile(rf"\b{ORD}\b", re.I)


def listed(text: str) -> str:
    """`text` with clock times listed for marks joined by "and" ("hits at 0:03, 0:09 and 0:17"), marks counted before
    their list said at them ("three accents: 0:04, 0:09 and 0:15"), and cuts listed by ordinals each named."""
    text = COUNTED_LIST_RE.sub(r"\1 at ", text)
    if MARKED_RE.search(text):
        text = CUT_LIST_RE.sub(lambda m: " and ".join(f"the {o} {m[1]}" for o in CUT_ORD_RE.findall(m[0][:m.start(1) - m.start()])), text)
    text = ONE_MORE_RE.sub(lambda m: (said[-1] if (said := MARK_NOUN_RE.findall(text[:m.start()])) else m[0]), text)
    return CLOCK_LIST_RE.sub(r"\1 and ", text) if MARKED_RE.search(text) else text


# A struck sound asked as the mark ("add a bell at 0:20", "a gong on the 5th cut"): the marks are the band's own, so
# no bell or gong plays; the reply says which mark stands for it (`sounded`)
STRUCK_RE = re.compile(r"\b(gong|chime|ding|bell|triangle)s?\b")


def sounded(e, text: str, kind: str | None) -> None:
    """What the reply adds (to `e.said`) when the mark asked in `text` was named by a sound no mark plays."""
    if (m := STRUCK_RE.search(text.lower())):
        stands = "a crash of the band and its cymbal" if kind == "crash" else "a light accent of the band"
        e.said.append(f"No {m[1]} sound plays: the marks are the band's own, so {stands} stands for the {m[1]}.")
