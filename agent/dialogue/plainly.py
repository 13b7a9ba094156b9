"""How people type and talk, read once into the plain words every reader knows, where a request enters the chat
(`v2m.agent.dialogue.understanding.apply_edit`): the noise of the surface goes, the meaning stays.

    from v2m.agent.dialogue.plainly import plain
    plain("um can u make it sooo much slower!!!")        # "can u make it so much slower!"
    plain("the drums r kinda loud, gonna need em down")  # "the drums are kinda loud, going to need em down"
    plain("slower in shot two comma louder drums period")   # "slower in shot two, louder drums."

What it rewrites, each a table or rule of its own below:
- letters stretched for emphasis ("sooo sloooow", "waaay", "fasterrrr"): the word (`stretched`);
- punctuation said twice or more ("!!!", "??"): once;
- dictation's fillers ("um", "uh", "erm", "hmm"): gone, or a pause (a comma) where a new clause starts after one
  ("where she bends over um that is the fourth shot", "the song is blasting uh quieter pls", "after the vows uh add a
  harp", "the creek uh 17 seconds in"), as where a writer types the comma; "like" and "you know" only where set off
  as a filler ("like, make it faster", "it's like really slow", "faster, you know"): "like a 70s cop show", "I like
  the drums" keep it;
- the music wished to "get" a level ("can it get real quiet"): "go really quiet", as the readers know it (`GET_LEVEL_RE`);
- texting's words ("gonna", "wanna", "lemme", "rly", "thats", "r" for are, " & ", "2" for too): the words (`TEXTED`);
  "kinda" stays as typed (a size to `amounts`: a little, where "kind of" is dropped as a hedge);
- punctuation said aloud in dictation ("comma", "full stop", "period", "question mark"): the sign, never "a full
  stop" (the music stopping) or "a period piece";
- a message typed all in capitals ("PUT IT IN A MINOR KEY"): in lower case, its case telling nothing (no key named "A");
- a polite frame around a verb in -ing ("would you mind turning it down?", "how about adding a flute"): the
  imperative; who asked for it said after it ("bigger end because the client asked"): gone (`frames.unframed`);
- then phone shorthand that hides a grammar word (`spelling.phoned`: "2 much", "mor", "at end").
Text in double quotes is left as typed (a name, a lyric, a quoted note); numbers stay as said. Clock times said in
words ("one minute five", "at one fifteen") are the place readers' (`place_words.MINUTES`, `spoken_times`); misspelt
words are mended later, by `spelling.mended`, for the readers of an edit; the user's own words stay in the transcript.
Every pattern here is compiled on first use (`patterns.Lazy`): `v2m --help` imports this module and reads no request.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.complaints import LEVEL, PACE
from v2m.agent.dialogue.patterns import Lazy, LazyPattern
from v2m.agent.dialogue.phrases import ORDER_VERBS, TOO
from v2m.agent.dialogue.counted import COUNTED_AFTER
from v2m.agent.dialogue.frames import unframed
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.spelling import _english, _known, phoned

# Texting's words, each for the plain words it stands for ("gonna" going to, "r" are between two words). Shorthand
# the readers of an edit know through `spelling.WORDS` ("pls", "u", "dont") is left to `spelling.mended`.
TEXTED = {"gonna": "going to", "wanna": "want to", "gotta": "got to", "lemme": "let me", "gimme": "give me", "outta": "out of", "dunno": "don't know", "rly": "really",
          "rlly": "really", "realy": "really", "ppl": "people", "thnx": "thanks", "thanx": "thanks", "tnx": "thanks",
          "cud": "could", "shud": "should", "wud": "would", "cld": "could", "shld": "should", "wld": "would",
          "bcuz": "because", "becuz": "because", "prolly": "probably", "vid": "video", "im": "I'm", "ive": "I've",
          "thats": "that's", "whats": "what's", "theres": "there's", "heres": "here's", "didnt": "didn't",
          "wasnt": "wasn't", "werent": "weren't", "arent": "aren't", "shouldnt": "shouldn't", "couldnt": "couldn't",
          "wouldnt": "wouldn't", "havent": "haven't", "hasnt": "hasn't", "youre": "you're", "theyre": "they're",
          "itll": "it'll", "orig": "original", "uh huh": "yes", "uh-huh": "yes", "mhm": "yes"}
TEXTED_RE = LazyPattern(rf"\b(?:{'|'.join(TEXTED)})\b", re.I)
ARE_RE = LazyPattern(r"(?<=[a-z])(?<!\bshot)(?<!\bcut)(?<!\bplan)(?<!\bscene) r (?=[a-z])(?!rated\b)", re.I)   # "the drums r too loud": are (never "r&b", "shot r", "r rated")
AND_RE = LazyPattern(r"(?<=\w) & (?=\w)")   # "drums & bass" (spaced; "r&b" stays)
OK_RE = LazyPattern(r"^\s*kk?\b(?=\W)(?!-)", re.I)   # "k, now faster": ok ("k-pop" stays)
PLEASE_FIRST_RE = LazyPattern(r"^\s*(?:please|pls|plz)\s*,\s*(?=[a-z])", re.I)   # "Please, the tempo from before ...": its words
NOT_CUE_WORD_RE = LazyPattern(r"\b(?!(?:IN|OUT|AT|ON)\b)[A-Z]+\b")   # a capital word no cue note's IN or OUT: shouted

# "2" texted for "too" before how a part or the music sounds (`phrases.TOO`'s words and `complaints`': "the bass is 2
# boomy", "way 2 loud", "feels 2 sleepy"; `spelling.PHONE` reads "2 much" anywhere), and ending a message after a part
# ("and the bass 2": also); never a count or a place's number ("just 2 hits", "in shot 2", "from 2", "2 seconds")
QUALITIES = sorted({*TOO, *(w for way in (*LEVEL.values(), *PACE.values()) for w in way if " " not in w)} - {"much"})
TOO_RE = LazyPattern(rf"\b(is|are|r|s|was|were|be|being|sounds?|feels?|seems?|gets?|getting|way|far|bit|lil|little|kinda|just|"
                     rf"still|now|also) 2 (?=(?:{'|'.join(QUALITIES)})\b(?!{COUNTED_AFTER}))", re.I)
ALSO_RE = LazyPattern(rf"\b((?:the|and|plus) (?:{INSTR_ALT})(?:s|es)?) 2(?=\s*[.!?]*\s*$)", re.I)   # a part: "the bass 2", never "the chorus 2"
STRETCH_RE = LazyPattern(r"\b[a-z]*([a-z])\1\1[a-z]*\b", re.I)   # a letter three times or more: "sooo", "waaay"
RUN_RE = LazyPattern(r"([a-z])\1{2,}", re.I)
SHORT = {"so", "no", "go", "oh", "yes", "ok"}   # "sooo", "nooo": said short ("tooo" is too, "goood" good)
MARKS_RE = LazyPattern(r"([!?])\1+|(?<=\?)!+(?=\?)")   # "!!!": "!", "??": "?"
# "afro beats vibes", "chill vibes": the feel of it, not the vibraphone ("add vibes", "the vibes are too loud" stay)
VIBES_RE = LazyPattern(r"\b(?!(?:the|a|an|some|more|less|add|with|no|those|these|of|and|any|soft|loud|quiet|little|bit|on|by)\b)"
                       r"([a-z0-9']+) vibes\b(?!\s+(?:solo|part|line|melody|are|is|was|play\w*|sound\w*|louder|softer|quieter|up|down|in|out)\b)", re.I)
# "it goes a bit fast", "the song runs kinda slow": how it is ("it is a bit fast"), a complaint (it went faster still)
GOES_RE = LazyPattern(r"\b(it|this|that|everything|the (?:music|song|track|tune|piece|score)) (?:goes|runs|moves|plays|is going|is running)"
                      r"((?: (?:a bit|a little|a tad|kind of|kinda|way|too|so|really|pretty|rather|just))+) (fast|quick|slow)(?:ly)?\b", re.I)
# the music wished to "get" a plain level ("can it get real quiet", "let things get really soft"): as "go quiet", which
# the readers know ("get" alone is no word of theirs: "get quiet" was guessed as a style); a spoken "real" before such a
# word is "really". Only with the music as subject ("can we get soft strings" names a part)
GET_LEVEL_RE = LazyPattern(r"\b(it|things|everything|(?:the )?(?:music|song|track|tune|score)) (?:get|go) (?:real|really) (?=(?:quiet|soft|calm|"
                           r"gentle|slow|loud|big|busy|sparse|mellow|chill|intense|dark|bright|low|still|hushed)\b)|"
                           r"\b(it|things|everything|(?:the )?(?:music|song|track|tune|score)) get (?=(?:(?:very|super|so|nice and|pretty|quite) )?"
                           r"(?:quiet|soft|calm|gentle|slow|loud|big|busy|sparse|mellow|chill|intense|dark|bright|low|still|hushed)\b)", re.I)
DECIMAL_COMMA_RE = LazyPattern(r"\b(\d+),(\d)(?= ?(?:s|secs?|seconds?)\b)")   # "the first 6,5 seconds": 6.5 (never "shots 1,2")

# A filler said while thinking ("um", "uhh", "erm", "hmm"), with the commas around it
FILLER = r"(?:[Uu]u*m+|[Uu]u*h+m*|[Ee]e*r+m+|[Ee]e*r+|[Hh]m+)"   # "um", "Uhh", "erm", "hmm"; never "ER" (a room)
FILLER_RE = LazyPattern(rf"\s*,?\s*\b{FILLER}\b(?![\s-]*huh\b)[\s,.]*(?:\b{FILLER}\b[\s,.]*)*")   # "uh huh": a yes (`TEXTED`)
# after a filler, a new clause: said with a pause ("... bending over um that is the fourth one": a comma)
COMPARED = ("louder|quieter|softer|faster|slower|quicker|calmer|busier|brighter|darker|bigger|heavier|lighter|sparser|fuller|"
            "gentler|punchier|warmer|happier|sadder|higher|deeper|richer|stronger|weaker|simpler|smoother")
# or where dictation put it for the comma a writer types ("the song is blasting uh quieter pls", "after the vows uh add
# a harp", "make it sadder uh like minor key"): an order, a question, "please", a simile, a place, a size or a time
# said next ("where the truck splashes uh 17 seconds in ...": the moment's time, beside it)
# ("the piano um like it's too loud": "like" before a clause is a filler too, no pause: the part stays its subject)
CLAUSE_START_RE = LazyPattern(rf"(?:that|that's|thats|it|it's|its|this|there|there's|then|i|i'm|we|they|he|she|so|but|"
                              rf"{ORDER_VERBS}|keep|leave|restore|undo|lift|ease|bump|crank|dial|calm|chill|stop|ditch|fade|build|swell|"
                              rf"needs?|can|could|would|will|where|"
                              rf"please|pls|plz|like(?! (?:it|its|it's|they|they're|theyre|that's|thats|this is)\b)|only|just|more|less|no|(?:{COMPARED})(?! than\b)|(?:in|at|from|after|before|during|until|till|for|on) (?=the |shot |cut |\d)|"
                              r"(?=\d+[:.]\d|\d+ ?(?:seconds?|secs?) in\b))\b", re.I)
# a question after how it is said with "too" or "so" ("its all so gloomy um can it be happier"): asked for that
# reason, one sentence with it as `runons.sentences` keeps it (split, how it is would be an edit of its own)
ASKED_RE = LazyPattern(r"(?:can|could|would|will)\b", re.I)
COMPLAINED_RE = LazyPattern(r"\b(?:too|so) (?!much\b|many\b|far\b)[a-z]", re.I)
# before it, a word that leaves the phrase open ("the um drums", "can you um make it"): no pause there
OPEN_RE = LazyPattern(r"\b(?:a|an|the|to|of|in|on|at|for|from|with|by|my|our|your|some|more|less|too|very|can|could|would|"
                     r"will|you|please|make|is|are|and|or)\s*$", re.I)
# "like" and "you know" as fillers: set off by commas, or "like" before an intensifier or a bare verb
# (never a simile's "like": "make it like a lot of 80s movies", "play it like so", "like Pretty Woman")
LIKE_RE = LazyPattern(r"(?:^|,|(?<=[.!?;]))\s*like\s*,\s*|\b(?P<w>(?:is|are|was|it's|its|be|it|them)) like "
                     r"(?=(?:really|super|totally|so|way|too|very|kind of|kinda|pretty|a lot|much)\b)"
                     r"(?!a lot of\b|so\s*(?:[,.!?;]|$)|(?:super|pretty) (?-i:[A-Z]))|"
                     r"(?<!\bdo )(?<!\bdid )(?<!\bwould )\b(?P<v>you|u|just|and|to|can|could|pls|please) like (?=(?:make|turn|bring|add|take|speed|slow|put|"
                     r"give|push|pull|drop|cut|kill|lose|lower|raise|boost|tone|change)\b)", re.I)
YOU_KNOW_RE = LazyPattern(r"(?:^|,)\s*(?:you know|ya know|y'know|you know what i mean)\s*(?:,|$|(?=[.!?]))|"
                         r"\s+(?:ya know|y'know|you know what i mean|you know)\s*(?=[.!?]*\s*$)", re.I)

# Punctuation said aloud in dictation: the sign ("slower comma louder drums period")
# (a mark named, not said: "put a question mark on the ending", "a comma-like pause", "the first period")
_NAMED = "".join(rf"(?<!\b{w})(?<!\b{w} )" for w in ("a", "the", "first", "second", "third", "last", "final", "that", "this", "one"))
# a period of time ("for a short period then louder", "quieter for a brief period after the cut"): no full stop said
_TIMED = "".join(rf"(?<!\b{w})(?<!\b{w} )" for w in ("short", "brief", "long", "shorter", "longer", "whole", "entire", "same", "certain",
                                           "given", "quiet", "calm", "silent", "each", "every", "some", "any", "trial"))
SAID_MARKS = Lazy(((rf"{_NAMED}\s*\bcomma\b(?!-)\s*", ", "), (rf"{_NAMED}\s*\bquestion mark\b(?=\s*(?:$|[,.;!?]|and\b|then\b))", "?"),
              (rf"{_NAMED}\s*\bexclamation (?:mark|point)\b(?=\s*(?:$|[,.;!?]|and\b|then\b))", "!"),
              (r"\s*\bnew (?:line|paragraph)\b\s*", ". "),
              # never "come to a full stop" (the music stops) nor "a period piece"
              (rf"{_NAMED}{_TIMED}\s*\b(?:full stop|period)\b(?=\s*$|\s+(?:and|then|also|now|make|can|could|"
               r"please|the|it|that|thanks|thank|ok|okay|so|but|i|we|let|bring|add|more|less)\b)", "."),
              # "period" said after a word and before one that is no period's ("make the horns small period soft soft")
              (rf"{_NAMED}{_TIMED}(?<=[a-z] )period\b(?=\s+(?!(?:piece|pieces|drama|dramas|film|films|music|costume|costumes|style|styles|instruments?|of|"
               r"correct|accurate|feel|look|vibe|sound|details?|setting|props?)\b)[a-z])", ".")), re.I)
# what the rewriting leaves: two spaces, a space before a comma, commas twice, a mark the text starts with
TIDY = Lazy(((r"[ \t]{2,}", " "), (r"[ \t]+(?=[,.!?])", ""), (r",(?:\s*,)+", ","), (r"^[\s,.;]+", ""),
             (r"(?<!\.)\.\.(?!\.)", ".")))   # ("... the brakes. full stop": one full stop)
QUOTED_RE = LazyPattern(r"(\"[^\"]*\"|“[^”]*”)")


def stretched(word: str) -> str:
    """A word with a letter stretched for emphasis said plainly: "sooo" so, "goood" good, "fasterrr" faster; the
    runs made two letters, then one, until a word spelt right is met (one letter each when none is)."""
    words, runs, low = _english() | _known()[0], [m.span() for m in RUN_RE.finditer(word)], word.lower()
    said = low
    for keep in ((1,) * len(runs), (2,) * len(runs), *((1 if i == j else 2 for i in range(len(runs))) for j in range(len(runs))),
                 (1,) * len(runs)):
        out, at = [], 0
        for (a, b), k in zip(runs, tuple(keep)):
            out += [low[at:a], low[a] * k]
            at = b
        said = "".join([*out, low[at:]])
        if said in SHORT or said in words and keep != (1,) * len(runs):
            break
    return said.upper() if word.isupper() and len(word) > 1 else said.capitalize() if word[0].isupper() else said


def _filler(m: re.Match, text: str) -> str:
    said, before, after = m.group(0).strip(), text[:m.start()], text[m.end():]
    if not before.strip() or not after.strip():
        return ""
    if "." in said:   # "faster. um, the drums": the sentence's end kept
        return ". "
    if said.startswith(",") and said.endswith(",") or \
            CLAUSE_START_RE.match(after) and not OPEN_RE.search(before) and before.rstrip()[-1:].isalnum() and \
            not (ASKED_RE.match(after) and COMPLAINED_RE.search(before)):
        return ", "   # "where she bends over um that is the fourth one": a pause, a new clause
    return " "


def _plain(text: str) -> str:
    text = FILLER_RE.sub(lambda m: _filler(m, text), text)
    text = YOU_KNOW_RE.sub(lambda m: "," if m.group(0).strip().startswith(",") and m.group(0).strip().endswith(",")
                           else "", text)
    text = STRETCH_RE.sub(lambda m: m[0] if len(set(m[0].lower())) == 1 else stretched(m[0]), MARKS_RE.sub(r"\1", text))   # "sooo": so; "ppp", "fff" as typed
    text = LIKE_RE.sub(lambda m: f"{m['w'] or m['v'] or ''} ", text)
    text = GET_LEVEL_RE.sub(lambda m: f"{m[1]} go really " if m[1] else f"{m[2]} go ", text)   # "can it get real quiet"
    text = GOES_RE.sub(r"\1 is\2 \3", VIBES_RE.sub(r"\1 vibe", TEXTED_RE.sub(lambda m: TEXTED[m.group(0).lower()], text)))
    text = ALSO_RE.sub(r"\1 too", TOO_RE.sub(r"\1 too ", text))   # "are 2 boomy", "and the bass 2"
    text = PLEASE_FIRST_RE.sub("", text)
    text = OK_RE.sub("ok", AND_RE.sub(" and ", ARE_RE.sub(" are ", DECIMAL_COMMA_RE.sub(r"\1.\2", text))))
    for pat, sign in SAID_MARKS:
        text = pat.sub(sign, text)
    return unframed(text)


def unshouted(text: str) -> str:
    """`text` in lower case when it is typed all in capitals (four or more, no lower-case letter): "PUT IT IN A MINOR
    KEY" is a minor key, as "put it in a minor key" is; a capital among lower-case words ("in A minor") stays a name.
    Lines of capitals are a paste (an edit decision list's "FROM CLIP NAME"), kept as typed for the guards; so is a
    cue note whose only words are its capitals IN and OUT ("IN 0:08 OUT 0:26", "1M1 IN AT 0:08"), `cues`' events."""
    shouted = sum(c.isupper() for c in text) >= 4 and not any(c.islower() for c in text)
    return text.lower() if shouted and "\n" not in text.strip() and NOT_CUE_WORD_RE.search(text) else text


def plain(text: str) -> str:
    """`text` as the readers know it: fillers, stretched letters, texting and dictated punctuation and times read
    into plain words (see the module's docstring); text in double quotes as typed. Meaning is never changed."""
    pieces = QUOTED_RE.split(text := unshouted(text))
    said = "".join(p if k % 2 else _plain(p) for k, p in enumerate(pieces))
    if said != text:
        for pat, tidy in TIDY:
            said = pat.sub(tidy, said)
    return phoned(said.strip() if said != text and said.strip() else text)   # "hmm" alone: as typed
