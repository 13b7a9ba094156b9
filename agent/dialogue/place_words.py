"""The words people name places with: ordinals, times, counts, "the intro"/"the ending", and the everyday
forms ("the very end", "the opening shot", "photo 3", "at thirty five seconds", "the third transition", "scene 4",
"one minute five", ":12", "0.36 to 0.48", "shots 4, 5 and 6", "the last shot and the one before it") rewritten to
the few forms the place finders in `v2m.agent.dialogue.where` read. Nothing here knows the video: this module only
reads words; `where` measures them against the analysis.

    normalise("make the opening shot darker")    # " make the first shot darker "
    parse_time("1:05.5")                         # 65.5
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import NUMBER_WORD, ORD, UNIT_WORDS, in_clause, spoken_number

# seconds said with their unit: "12s", "12 sec", "4.5 seconds"
SECONDS = r"\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)\b"
# a bare number is seconds unless it is followed by a unit ("from 90 to 120 bpm" is a tempo, not a time) or is a year
# ("music from 1920", "the 1950s": an era, not 32:00)
YEAR = r"(?<![\d:.])(?:1[5-9]|20)\d\d(?:'?s)?(?![\d:]|\.\d)(?! ?(?:secs?|seconds?)\b)"
# a decade ("the 70s", "1980s", "the eighties"), the one spelling of it (`cultures.ERA_RE`, `versions.DECADE_RE`)
DECADE = r"(?:(?:19|20)?\d0s|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)"
TIME = (rf"(?!{YEAR})(\d+:\d{{1,2}}(?:\.\d+)?(?!\d)|{SECONDS}|\d+(?:\.\d+)?(?![\d:]|\.\d)"
        r"(?!\s*(?:to \d+(?:\.\d+)?\s*)?(?:bpm|%|percent|per ?cent|db|decibels?|bars?|beats?|semitones?|hz)\b))")
START_WORDS = ("intro", "introduction", "beginning", "start", "opening", "first section")
END_WORDS = ("ending", "end", "outro", "finale", "close", "last section", "final section", "last bit", "finish")


SPOKEN_SECONDS = (rf"\b({NUMBER_WORD}) (seconds?|secs?)\b",   # "at ten seconds", "at seventeen seconds"
                  lambda m: f"{spoken_number(m.group(1))} {m.group(2)}")
# Stretches of seconds said in words: "from forty to fifty", "between ten and twenty", "forty to fifty seconds"
SPOKEN_RANGES = ((rf"\b(from|between) ({NUMBER_WORD}) (to|and|till|until) ({NUMBER_WORD})\b"
                  r"(?! (?:shots?|cuts?|bars?|beats?|times|of|percent|%|bpm))",
                  lambda m: f"{m.group(1)} {spoken_number(m.group(2))} {m.group(3)} {spoken_number(m.group(4))}"),
                 (rf"\b({NUMBER_WORD}) (to|-|and) (?=\d+ ?(?:seconds?|secs?|s)\b)",
                  lambda m: f"{spoken_number(m.group(1))} {m.group(2)} "))
# A moment named as a mark on the timeline: "the 44-second mark", "the thirty second point", "the 1:05 mark"
MARKS = ((rf"\bthe (\d+(?:\.\d+)?|{NUMBER_WORD})[- ]sec(?:ond)?s?[- ](?:mark|point|spot|timestamp)\b",
          lambda m: f"{m.group(1) if m.group(1)[0].isdigit() else spoken_number(m.group(1))} seconds"),
         (r"\bthe (\d+:\d{2}(?:\.\d+)?) (?:mark|point|spot|timestamp)\b", r"\1"))
# "the victory part starts at 0:54": a part that starts there lasts on, as no end is said (not the shot at 0:54)
PART_STARTS = (rf"\b(part|section|bit|half|stretch|sequence) (?:starts|begins|kicks in|comes in) at {TIME}", r"\1 from \2")
# What else a shot is called (one vocabulary, for the finders and for a place said as a name's, `names.PLACE`): a
# slideshow's photographs, a title card, and a home video's "bit of film" (no groups: `names.PLACE` numbers its own)
SHOT_WORD = r"(?:photo(?:graph)?|snapshot|picture|pic|slide|image|clip|card)"
FILM_BIT = r"(?:bit|piece|length)s? of (?:film|footage)\b"
# Everyday ways of naming a place, rewritten to the forms the finders read.
PLACE_WORDS = (PART_STARTS,
               (r"\b(?:from|at) (?:the )?(?:very )?(?:top(?: of the (?:reel|video|clip|film|movie|piece|track|song|edit))?|start|beginning|first frame)\b(?=.*\b(?:to|into|until|till|towards?)\b"
                r".*\bthe (?:very )?(?:end|finish|last frame)\b).*\bthe (?:very )?(?:end|finish|last frame)\b", " "),  # "from the top ... into X at the end"
               # "from the start to 0:30", "from the top till the 4th cut": up to there (not the intro alone)
               (r"\bfrom (?:the )?(?:very )?(?:top(?: of the (?:reel|video|clip|film|movie|piece|track|song|edit))?|start|beginning|first frame) (?:up |right |all the way )?(?:to|till|"
                r"until)\b(?! the (?:very )?(?:end|finish|last frame)\b)", "until"),
               (r"\bthe very (first|last|final|end|beginning|start)\b", r"the \1"),
               # "louder right at the tail end": the ending (was no place: the whole mix); "the tail end of the intro" is
               # the intro's, a piece of it (`within.piece`), "the tail end of the song" the ending again
               (r"\bthe tail[- ]end\b(?! of (?!the (?:video|clip|song|track|film|movie|piece|edit|reel)\b))", "the end"),
               # as learners say them: "the begin is too loud", "the final is perfect", "more fast in middle", "middle bit is dull", "for beginning"
               (r"\bthe begin\b", "the beginning"), (r"\bmid[- ]?(?:part|section|bit|portion)\b", "middle"), (r"(?<!cut )(?<!shot )\bat (?:the )?(\d{1,2}:\d{2}) (until|till|to) ", r"from \1 \2 "), (r"(\b(?:in|for|at|on)|^|[,.;!?]) +(middle|beginning|ending)\b", r"\1 the \2"), (r"\b(in|for|at) +(start|end)\b", r"\1 the \2"), (r"\bfrom (start|beginning) (to|till|until) (end|finish)\b", r"from the \1 \2 the \3"),
               (r"\bthe final\b(?=\s*(?:$|[,.!?]|(?:is|was|sounds?|feels?|needs?|should|must|more|less|please)\b))", "the end"),
               (r"\b(?:that|this) (middle|ending|intro|opening|end|start|beginning|first|last|final|second|third)\b", r"the \1"),
               (r"\b(?:from )?the (?:first frame|start|beginning|top(?: of the (?:reel|video|clip|film|movie|piece|track|song|edit))?)(?: all the way)? (?:to|till|until) the (?:very )?(?:end|last frame)\b", " "),
               (r"\b(?:the )?opening shot\b", "the first shot"), (r"\b(?:the )?closing shot\b", "the last shot"),
               (r"\bat the top\b(?=.*\bend\b)", " "), (r"\b(?:all the way )?(?:to|till|until|into) the (?:very )?(?:end|finish(?: line)?)\b(?! of (?:shots?|cuts?|the (?!video|clip|film|song|track|whole|movie)))", " "),
               (r"\bat the top\b", "in the intro"), (rf"\bshots (\d+|{NUMBER_WORD}) (?:through|thru) (\d+|{NUMBER_WORD})\b", r"shots \1 to \2"),
               (r"\b(?:second|next)[- ]to[- ](?:the )?last\b", "penultimate"), (r"\bthe (last|final|first|opening) (?:second|sec)\b(?! (?:shot|cut|half|one|part|bit|section|time)s?\b)", r"the \1 1 seconds"),   # not "shots 2 to the last"; "the last sec": 1 s
               (r"\b(from|after|since|starting at|starting from) minute (one|two|three|four|five|\d+)\b", r"\1 \2:00"),
               *MARKS, (r"\bone:00\b", "1:00"), (r"\btwo:00\b", "2:00"), (r"\bthree:00\b", "3:00"), (r"\bthe (first|last) (two|three|four|five|\d)(?=\s*(?:$|[;!?]|[,.](?!\d)|(?:i think|i believe|please|or so)\b))", r"the \1 \2 shots"),
               # a slideshow's photos, a home video's bits of film, a title card: its shots ("the end card": the last)
               (r"\bthe (?:end|closing|logo|outro) card\b", "the last shot"), (rf"\b{FILM_BIT}", lambda m: "shots" if m[0].split()[0][-1] == "s" else "shot"),
               (rf"\b{SHOT_WORD}(s?)\b", r"shot\1"),
               (rf"\b(shots?|cuts?) (?:number |no\.? )?({NUMBER_WORD})\b", lambda m: f"{m.group(1)} {spoken_number(m.group(2))}"),
               (rf"\b(shots \d+ (?:and|to|through|-) ?)({NUMBER_WORD})\b",
                lambda m: f"{m.group(1)}{spoken_number(m.group(2))}"), SPOKEN_SECONDS,
               # "the first couple of seconds", "the last few secs": counted as the shots are (COUNTS)
               (r"\b(first|last|final|opening|closing) couple(?: of)? (s|secs?|seconds)\b", r"\1 2 \2"),
               (r"\b(first|last|final|opening|closing) (?:few |(?=secs\b|seconds\b))(s|secs?|seconds)\b", r"\1 3 \2"))   # "the last seconds" too
# Minutes said in words: "one minute five" (1:05), "a minute twenty", "two minutes and ten seconds" (2:10),
# "a minute in" (from 1:00), "from one minute" (from 1:00), "after the first minute".
MINUTE = r"(a|an|one|two|three|four|five|\d)"
MINUTES = ((rf"\b{MINUTE} minutes?,? (?:and )?({NUMBER_WORD}|\d{{1,2}})(?: seconds?| secs?)?\b(?! minutes?)",
            lambda m: f"{_minutes(m.group(1))}:{_spoken_or_digits(m.group(2)):02d}"),
           (rf"\b{MINUTE} minutes? in\b", lambda m: f"from {_minutes(m.group(1))}:00"),
           (rf"\b(from|between|and|to|until|till|til|at|after|before|since|past) {MINUTE} minutes?\b(?! (?:of|long|or))",
            lambda m: f"{m.group(1)} {_minutes(m.group(2))}:00"),
           (r"\b(after|past|beyond|from) the first minute\b", r"\1 1:00"))
# Ordinals typed in haste: "the eigth shot", "the fouth cut".
TYPOS = ((r"\b(?:eigth|eitghth)\b", "eighth"), (r"\bfouth\b", "fourth"), (r"\bthrid\b", "third"),
         (r"\b(?:fith|fifht)\b", "fifth"), (r"\bnineth\b", "ninth"), (r"\bsecnd\b", "second"))
# A cut said as the picture changing: "when the picture changes the first time" (the first cut)
PICTURE_CHANGES = (rf"\b(?:when|as|where) the (?:picture|shot|scene|image|camera|view) (?:changes|cuts|switches|jumps) (?:for )?"
                   rf"the {ORD} time\b", r"at the \1 cut")
# Other names of a cut and of a shot: "the third transition", "edit point 2", "scene 4", "the last two scenes".
SYNONYMS = ((r"\b(?:transition|edit point|edit|scene change|scene cut|hard cut)(s?) (?=(?:number |no\.? |#)?\d)", r"cut\1 "),
            (r"\b(?:transition|edit point|scene change|scene cut|hard cut)(s?)\b", r"cut\1"),
            (r"\b(?:change|switche?)(s?) of (?:picture|shot|scene|image|photo)s?\b", r"cut\1"),   # "the seventh change of picture"
            # a counted scene is a shot ("scene 4", "the third scene", "the last two scenes"), not "the dinner scene"
            PICTURE_CHANGES, *TYPOS, (rf"\bscene(s?)(?= (?:number |no\.? |#)?(?:\d|(?:{NUMBER_WORD})\b))", r"shot\1"),
            (rf"\b{ORD}( (?:two|three|four|five|six|couple of|few|\d+))? scene(s?)\b", r"\1\2 shot\3"),
            (r"\bupto\b", "up to"), (r"\btil\b", "till"), (r"\b(?:a )?pair of (shots|cuts|scenes)\b", r"two \1"),
            # a part taken out of a shot ("remove the sax from shot 3", "drop the bass out of the third shot"): in it
            (rf"\b((?:remove|removing|take|taking|delete|cut|drop|lose|strip|get rid of|mute|pull|kill)\b(?: [a-z'-]+){{0,4}}?)"
             rf" (?:from|out of) (?=(?:the )?(?:{ORD} (?:shot|scene)s?\b|shots? \d|scenes? \d|(?:those|these|that|this) shots?\b))",
             r"\1 in "),
            (r"(?<![\w:.]):(\d{2})(?![\d:])", r"0:\1"),   # ":12", as editors write it: 0:12
            (rf"\b(from|after|before|until|till|since|up to|to|between) {ORD} (cuts?|shots?)\b", r"\1 the \2 \3"),
            # "the 6th shot through the 10th shot": the 6th to 10th shots
            (rf"\b(?:the )?{ORD} shot ?(?:-|to|through|thru|till|until) ?(?:the )?{ORD} shot\b", r"the \1 to \2 shots"))
# A shot said together with its neighbours: "the last shot and the one before it" = the last two shots.
NEIGHBOURS = ((rf"\bthe (last|final|closing) shot and (?:the )?({'|'.join(UNIT_WORDS)}|\d) (?:shots? )?(?:before|preceding) "
               r"(?:it|that|them)\b", lambda m: f"the last {_spoken_or_digits(m.group(2)) + 1} shots"),
              (rf"\bthe (first|opening) shot and (?:the )?({'|'.join(UNIT_WORDS)}|\d) (?:shots? )?(?:after|following) "
               r"(?:it|that|them)\b", lambda m: f"the first {_spoken_or_digits(m.group(2)) + 1} shots"))


def _minutes(said: str) -> int:
    return 1 if said in ("a", "an") else int(said) if said.isdigit() else spoken_number(said)


def _spoken_or_digits(said: str) -> int:
    return int(said) if said.isdigit() else spoken_number(said.lower())


def _shot_list(m: re.Match) -> str:
    """ "shots 4, 5 and 6" (numbers in a row) as "shots 4 to 6"; numbers apart are left as said."""
    ns = [_spoken_or_digits(w) for w in re.findall(rf"\d+|{NUMBER_WORD}", m.group(1))]
    if len(ns) >= 3 and ns == list(range(ns[0], ns[0] + len(ns))) or len(ns) == 2 and ns[1] == ns[0] + 1:
        return f"shots {ns[0]} to {ns[-1]}"
    return m.group(0)


# Three or more shots listed ("shots 4 5 and 6", "shots six, seven and eight"), or two neighbours.
SHOT_LIST = (rf"\bshots? ((?:\d+|{NUMBER_WORD})(?:(?:,? |,? ?(?:and|&) )(?:\d+|{NUMBER_WORD}))+)\b", _shot_list)
# "between the fifth cut and the seventh cut": one stretch, from one to the other (not two places joined by "and")
BETWEEN_TWO = (rf"\bbetween (?:the )?{ORD} (cut|shot) (?:and|&) (?:the )?{ORD} \2s?\b", r"from the \1 \2 to the \3 \2")
# "between the start and the end": all of it, from one end of the clip to the other (not its first and its last bit)
BETWEEN_ENDS = (r"\bbetween (?:the )?(?:very )?(?:start|beginning) (?:and|&) (?:the )?(?:very )?(?:end|finish)\b", "from start to finish")
# A time written with a dot for its colon, in a stretch ("0.36 to 0.48", "0.50-1.10"): minutes and seconds,
# as a tenth-of-a-second stretch is never what is meant when both ends carry two decimals.
DOTTED_RANGE = (r"(?<![\d.])(\d{1,2})\.([0-5]\d) ?(-|to|and|till|until) ?(\d{1,2})\.([0-5]\d)(?![\d.])(?! ?(?:s|secs?|seconds)\b)",
                r"\1:\2 \3 \4:\5")
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "couple": 2, "couple of": 2, "few": 3}
# Things a picture analysis can point at without recognising objects.
ACTION_WORDS = ("action", "busiest part", "most motion", "fastest part", "peak", "chaos", "most movement")
# One shot as people name it: "shot 5", "shot number 5", "the fifth shot", "the 5th shot", "the last shot".
SHOT_REF = rf"(?:shot (?:number |no\.? |#)?(\d+)\b|\b(?:the )?{ORD} shot\b)"
# Two shot numbers joined into a stretch: "6 to 10", "5 and 6", "2-4", "three through five".
JOIN = r" ?(?:-|to|through|thru|till|until|and|&) ?(?:the )?"
FROM_ON_RE = r" ?(?:on|onwards?|and after|and beyond|and later)\b"
# A length said just before the moment it is counted from ("the 10 seconds after the fourth cut", "for 5 s before it")
LENGTH_SAID_RE = re.compile(r"\b(?:for |the |for the )(?:first |next |last )?(\d+(?:\.\d+)?) ?(?:s|secs?|seconds)\s*$")

# Words that carry no edit of their own, beside a place ("from the second cut on, ...").
PLACE_FILLER = set("""make it the a an bit more less please can you could sound sounds feel like little much music score
song track some vibe vibes style version kind of way very really too so to be should i want would me give let us
lets let's try with this that in on at into for now bit slightly more whole everything overall all just feel feeling
go more somewhat quite tone mood add use bring obv obviously ofc pls plz only starting number""".split())
APPOSITIVE_RE = re.compile(r"^\s*(?:(?:which|that|it|this) ?(?:'s|’s| is| s|s| are| was| happens| comes)|i\.?e\.?|namely|i mean|(?:about|around|"
                           r"roughly|approximately|at|so|like)(?= \d{1,2}:\d{2}\W*$))\b", re.I)   # "..., that's shots 2 and 3"; "when he jumps, about 0:22,"
NAMING_RE = re.compile(r"^\s*(?:the|our|my|his|her|their|where|when)\b(?![^,;.!?]*\b(?:too|more|less|should|needs?)\b)", re.I)   # a name
# a shot counted by another of its names ("the last picture", "the fourth bit of film", "photo 3"): a place, never a name
COUNTED_SHOT_RE = re.compile(rf"\b{ORD} (?:{SHOT_WORD}|{FILM_BIT})|\b{SHOT_WORD} \d", re.I)
PEAK_RE = re.compile(r"\b(?:peaks?|peaking|climax(?:es|ing)?|tops? out|crest(?:s|ing)?|biggest point|high point|lands?)\b")   # a peak, no name
# A moment said as the side of a stretch ("from when he starts crawling", "after the kiss") that the clause after names
# ("..., that's the sixth shot", "..., around 0:50"): that place is the same side of the stretch
SIDE_OF_MOMENT_RE = re.compile(r"\b(from|since|starting (?:from|at|with)|until|till|up to|up until|after|before) (?:when|where|the (?:moment|point|bit|part|"
                               r"time|shot|scene)s? (?:when|where|that|in which)|the (?:moment|point|time)|(?:the|his|her|their|our|my) (?!(?:end|start|"
                               r"beginning|intro|outro|ending|cut|shot|drop|first|last|second|third)\b)[a-z]+|(?:she|he|they|we) [a-z]+)\b(?!.*\b(?:from|to|until|till|on|onwards?)\b)[^,;.!?]*$", re.I)
SIDE_PLACE_RE = re.compile(rf"^\s*(?:(?:the )?(?:{ORD} |last |final )?(?:shot|cut)\b(?: \d+)?|\d{{1,2}}:\d{{2}})[^,;.!?]{{0,12}}$", re.I)


def appositive(before: str, clause: str) -> str:
    """A clause that only says which place the one before meant, as said after it (`APPOSITIVE_RE`): "from when
    he starts crawling, that's the sixth shot" is from the sixth shot on, "until ..., that's 0:40" until 0:40."""
    place = APPOSITIVE_RE.sub(" ", clause, count=1)   # ("the present from Santa, that's the last picture": "from" is the moment's own)
    if OWN_PLACE_RE.search(before) and not OWN_PLACE_RE.search(place) and not COUNTED_SHOT_RE.search(place) and NAMING_RE.match(place) and not PEAK_RE.search(place):
        return ""   # "from 0:13 to 0:21 a little slower, that's the hard step": a name given to that place, no mood ("..., that is the peak": a swell there)
    if not (side := SIDE_OF_MOMENT_RE.search(before)) or not SIDE_PLACE_RE.match(place):
        return place
    to = side.group(1).lower().startswith(("until", "till", "up", "before"))   # "after the kiss, around 0:50": from 0:50 on
    return f" {'until' if to else 'from'} {place.strip()}{'' if to else ' on'}"


def parse_time(tok: str) -> float:
    """Seconds of "0:12", "1:05.5", "12s", "12 seconds" or "12"."""
    tok = tok.strip()
    if ":" in tok:
        m, s = tok.split(":")
        return int(m) * 60 + float(s)
    return float(re.match(r"\d+(?:\.\d+)?", tok).group(0))


CUT_NUMBER_RE = re.compile(r"\b(?:the )?cut (?:number |no\.? |#)(\d+)\b")   # with its "the" ("on 6th cut" read 6 s)
# A shot or cut numbered with a sign ("shot no.2", "shot nr 2", "cut #3", "scene num. 4"): said with "number", which
# the finders read (`SHOT_REF`, `CUT_NUMBER_RE`), and no full stop left to split a clause at
NUMBER_SIGN = (r"\b((?:shot|cut|scene|transition|edit point)s?) ?(?:(?:number|num|no|nr|n°)\.? ?|#) ?(?=\d)", r"\1 number ")
NUMBER_SIGN_RE = re.compile(NUMBER_SIGN[0])
THE_THE_RE = re.compile(r"\bthe the\b")
# A stretch of counted cuts or shots said without its "from" at the start of a clause ("2nd cut to the 4th: brighter",
# "the third cut to the end"): from the first, as "from the 2nd cut to the 4th" is read (alone, only the first was)
FROM_SAID_RE = re.compile(rf"^(\s*)(?:the )?(?={ORD} (?:cut|shot)s? (?:to|till|until|thru|through|-) )")
NORMALISING = tuple((re.compile(p), r) for p, r in (*SYNONYMS, *MINUTES, DOTTED_RANGE, BETWEEN_ENDS, *NEIGHBOURS,
                                                     *PLACE_WORDS, SHOT_LIST))


# A moment written with a dot for its colon, alone after a place word ("from 0.13 on", "at 1.05"): minutes and
# seconds where the clip lasts that long (on a 60 s clip "0.13" is 0:13, "1.30" stays 1.3 s), as in a stretch
DOTTED_TIME_RE = re.compile(r"\b(from|at|after|until|till|since|past|before|around|starting at|up to) (\d{1,2})\.([0-5]\d)"
                            r"(?![\d.:])(?! ?(?:s|secs?|seconds|%|percent|db|bpm|lufs|x|times)\b)")


def dotted(text: str, duration_s: float) -> str:
    """`text` with a lone dotted moment that fits in a clip of `duration_s` written with its colon ("at 1.30": 1:30)."""
    return DOTTED_TIME_RE.sub(lambda m: f"{m[1]} {m[2]}:{m[3]}" if int(m[2]) * 60 + int(m[3]) <= duration_s + 0.05
                              else m[0], text)


def normalise(text: str, duration_s: float | None = None) -> str:
    """`text` lower-cased, padded with a space each side, its everyday place words (`PLACE_WORDS`) rewritten;
    with the clip's `duration_s`, a lone dotted moment that fits in it read as minutes and seconds."""
    text = dotted(" " + text.lower() + " ", duration_s) if duration_s is not None else " " + text.lower() + " "
    text = CUT_NUMBER_RE.sub(r"the \1th cut", NUMBER_SIGN_RE.sub(NUMBER_SIGN[1], text))  # "the cut number 2" = the 2nd cut
    text = in_clause(FROM_SAID_RE.sub(r"\1from the ", text))
    for pat, rep in NORMALISING:
        text = pat.sub(rep, text)
    text = shorthand(text)
    return THE_THE_RE.sub("the", text)


# Shorthand for shots and cuts in notes: "sh3", "sh 6", "sh1-3", "c3", "cut 3" (the third cut); "the shot
# starting at 0:30"; seconds said in words.
SHORTHAND = (*SPOKEN_RANGES, SPOKEN_SECONDS,
             (r"\bthe bit (?:right |just |straight )?after (?=\d)", "the shot at "),   # "the bit after the goal": its shot
             (r"(?<!from )(?<!after )(?<!since )(?<!at )(?<![\d:])(\d{1,2}:\d{2}) on\b(?! (?:the|a|an|top|beat|it|that|this|each|every)\b)",
              r"from \1 on"),   # "0:30 on add brass": from 0:30 on
             (r"\bthe shot (?:that |which )?(?:starting|beginning|starts|begins|from|at)(?: at| on)? (?=\d)", "the shot at "),
             (r"\bsh ?(\d{1,2}) ?(?:-|to) ?(\d{1,2})\b", r"shots \1 to \2"), (r"\bsh ?(\d{1,2})\b", r"shot \1"),
             (r"(?<!low )(?<!high )(?<!middle )(?<!a )(?<!an )(?<!to )(?<!on )(?<!the )\bc(\d{1,2})\b"
              r"(?! ?(?:major|minor|maj|min|note|in the bass|in the melody)\b)", r"cut \1"),   # not the pitch "a low C2"
             (r"\b(?:the )?cut (\d{1,2})\b(?! ?(?:%|percent|db|bpm|s\b|secs?\b|seconds|:|and(?! cut\b)|&|plus|\+|,))", r"the \1th cut"))
SHORTHAND_RES = tuple((re.compile(p), r) for p, r in SHORTHAND)
# Two bare numbers joined by a dash, with no unit ("(0-24)", "quieter 6-13", "make 30-45 darker"): seconds, as an
# editor notes a stretch of the timeline; not numbered shots or cuts ("shots 2-4"), bars, beats, levels or a tempo
BARE_RANGE_RE = re.compile(r"(?<![\w.:#-])(?<!shots )(?<!shot )(?<!cuts )(?<!cut )(?<!bars )(?<!beats )(?<!scenes )(?<!the )"
                           r"(?<!number )\(?(\d{1,3}) ?- ?(\d{1,3})\)?(?![\w.:%-])(?! ?(?:%|percent|db|bpm|bars?|beats?|shots?|"
                           r"cuts?|scenes?|secs?|seconds|s\b|mins?|minutes|times|x\b|:))")

# the same said with "to" after an edit ("more energy 10 to 20", "slower 5 to 12."): seconds, where the clause ends on
# them; never after "from"/"between" (read as a stretch already), a verb that moves a value to the second number ("go 100
# to 120": a tempo), a name said to be there ("rooftop is 24 to 38"), a tempo's, a count's or a numbered place's words
# (or an amount: "louder by 2 to 3")
BARE_TO_RE = re.compile(r"(?<![\w.:#-])(?<!\bfrom )(?<!\bbetween )(?<!shots )(?<!shot )(?<!cuts )(?<!cut )(?<!scenes )(?<!scene )"
                        r"(?<!bars )(?<!beats )(?<!tempo )(?<!bpm )(?<!speed )(?<!pace )(?<!the )(?<!\bit )(?<!\bgo )(?<!\bset )"
                        r"(?<!\bcount )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bbe )(?<!'s )(?<!\bup )(?<!\bdown )"
                        r"(?<!\bchange )(?<!\bmove )(?<!\bbump )"
                        r"(?<!\bby )(?<!\bof )"
                        r"(\d{1,3}) to (\d{1,3})(?=\s*(?:$|[,;!?]|\.(?!\d)|(?:and|but|please|pls|thanks|then)\b))")
# a value named earlier in the clause ("a tempo of 120 to 130", "raise the volume 2 to 3"): the range is that value's
VALUE_SAID_RE = re.compile(r"\b(?:tempo|bpm|speed|pace|volume|loudness|level|db|decibels?|percent)\b[^,;!?]*$")


def bare_to(m: re.Match) -> str:
    """A bare "N to M" as seconds (`bare_range`), unless the clause before names a value it is a range of."""
    return m.group(0) if VALUE_SAID_RE.search(m.string, 0, m.start()) else bare_range(m)


def bare_range(m: re.Match) -> str:
    a, b = int(m.group(1)), int(m.group(2))
    return f" from {a}s to {b}s " if a < b else m.group(0)


def shorthand(text: str) -> str:
    """`text` (lower-case) with the shorthand of notes for shots and cuts written out ("sh3" -> "shot 3")."""
    for pat, rep in SHORTHAND_RES:
        text = pat.sub(rep, text)
    return BARE_TO_RE.sub(bare_to, BARE_RANGE_RE.sub(bare_range, text))


# A time as review tools write it: "0:12", "00:12", "01:10.5"; SMPTE and h:mm:ss are read to this first.
CLOCK = r"\d{1,3}:\d{2}(?:\.\d+)?"
# A clause that says where of its own (a shot, a cut, a part, a stretch, a number): "there" is not the last edit's place
# (`next_place`: "and the last shot, let it stop there"), a peak at the end not the whole way (`idioms`: "in shot 2
# let it swell, biggest by the end")
OWN_PLACE_RE = re.compile(r"\b(?:shots?|cuts?|intro|outro|middle|ending|beginning|opening|from|after|until|till)\b|\d", re.I)


# Words that say what was just said is wrong, one list: said first (followups.CORRECTING, recall.TAKE_BACK_RE), anywhere
# (shifts.SORRY_RE), and a place put right at once ("from one minute... sorry, from 0:40": only the one meant is read)
WRONG = r"no|nope|nah|sorry|oops|actually|wait|my bad|correction"
PLACE_HEAD = r"(?:from|at|after|before|until|till|in|between|on)\b"
CORRECTED_RE = re.compile(rf"\b{PLACE_HEAD}[^.,;!?\n]{{1,30}}?(?:\.\.\.|…|,|\s-+)\s*(?:(?:{WRONG}|i mean|i meant)\b[,.!]*\s*)+(?={PLACE_HEAD})", re.I)


# A moment said as a share of the video ("halfway through", "a quarter of the way in", "two thirds of the way"):
# that time; not "halfway back" (a blend of versions) or "halfway between" (two places)
SHARE_RE = re.compile(r"\b(?:(at|from|starting(?: at| from)?|start(?: at| from)?|until|till|by|after|before|around) )?"
                      r"(?<!meet )(?<!me )(?<!back )"
                      r"(?:(a quarter|one quarter|a third|one third|half|two thirds|three quarters) of the way|(half ?way|"
                      r"half-way))(?! back\b| between\b| there\b| house\b)(?: (?:through|in|into|point|mark|along))?"
                      r"(?: (?:the video|the clip|the film|the song|the track|it))?\b")
SHARES = {"a quarter": 0.25, "one quarter": 0.25, "a third": 1 / 3, "one third": 1 / 3, "half": 0.5, "two thirds": 2 / 3,
          "three quarters": 0.75}


def shares(text: str, duration_s: float) -> str:
    """`text` (lower case) with each moment said as a share of the video read as its time ("from halfway through"
    -> "from 0:15" in a 30 s video)."""
    def time(m: re.Match) -> str:
        at = round(duration_s * SHARES.get(m.group(2) or "half", 0.5))
        said = "from" if (m.group(1) or "").startswith("start") else m.group(1) or "at"   # "starting halfway": from
        return f"{said} {at // 60}:{at % 60:02d}"
    return SHARE_RE.sub(time, text)


# The words a place is said with ("from 0:35 to 1:06", "after the second cut"), none of them an edit.
PLACE_WORDS_RE = re.compile(r"\b(?:from|on|onwards?|after|before|in|the|at|to|until|till|during|for|cut|cuts|shot|shots|"
                            r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|penultimate|"
                            r"\d+(?::\d+)?(?:st|nd|rd|th|s)?|mark|minute|two|three|four|five|six|seven|eight|nine|ten|couple|few|ones?|"
                            rf"seconds?|secs?|minutes?|one-minute|half|end|start|beginning|scenes?|{SHOT_WORD}s?|everything|between|and|through|thru|there|here)\b")


ISH_RE = re.compile(r"\b(\d{1,2}:\d{2})\s*-?\s*ish\b", re.I)   # "around 0:35-ish": around 0:35


def only_place(rest: str) -> bool:
    """What is left of a clause is a place and filler ("from the second cut on"): no edit of its own."""
    left = PLACE_WORDS_RE.sub(" ", re.sub(PICTURE_CHANGES[0], " ", rest))
    return not [w for w in re.findall(r"[a-z][a-z'-]*", left) if len(w) > 2 and w not in PLACE_FILLER]


# the words that end a stretch said from a cut or shot on (`place_finders._until`): a time, a cut, a shot, or an ordinal alone
# after a stretch from a shot on ("from the third shot, until the ninth": the ninth shot)
UNTIL = r"(?:\s*(?:to|through|thru)|.*?\b(?:until|till|up to|through|thru))"   # "from 0:20 louder thru 0:40"
UNTIL_TIME_RE = re.compile(rf"{UNTIL} (?:the cut at |about |around )?{TIME}")
UNTIL_CUT_RE = re.compile(rf"{UNTIL} (?:the )?{ORD} cut\b")
UNTIL_SHOT_RE = re.compile(rf"{UNTIL} (?:the )?(?:{ORD} shot|shot (\d+))\b")
UNTIL_NTH_RE = re.compile(rf"{UNTIL} (?:the )?{ORD}\b(?! (?:cut|second|minute|beat|bar)s?\b)")
