"""A correction of where the last edit went, said the way people say it, put in the words `understanding.retarget`
reads ("no, I meant <the place>"): an apology first ("Ah, excuse me, I think my words were not clear. I meant the
clapping at 0:36"), the place taken back first ("nope, not that one partner, I meant the third cut"; "oh no not the
start, I meant ..."), "wrong one" as the word that corrects ("NO WAIT wrong one the boom is at 0:21"), a learner's
"is" without its "it" ("no no, not 10, is 12 and half"), the picture described beside the time ("when the pipe is
exploding"), a bare time ("no, I meant 0:23": at 0:23) and the order restated ("Correction: the atrium is 0:30 to
0:42, not 0:24. Move the cello.").

    from v2m.agent.dialogue.meant_places import plain
    plain("Nope, not that one partner, I meant the third cut")   # "Nope, I meant the third cut"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.patterns import said_sentences
from v2m.agent.dialogue.place_words import WRONG

CORRECTS = rf"(?:{WRONG}|oh|hmm|hang on|hold on)"
CORRECTING_RE = re.compile(rf"^\W*(?:{CORRECTS}\b|wrong\b|i meant\b|i mean\b)", re.I)
# "the atrium is 0:30 to 0:42, not 0:24" (its heading "Correction:" unwrapped): a place put right with no word that corrects
IS_NOT_RE = re.compile(r"^\W*(?:(?:the|my|our|his|her) [a-z' ]{2,30}? )?(?:is|was|are|were|it'?s) (?:at |on |around )?[^,]*\d[^,]*, "
                       r"not (?:at |on |from )?(?:\d|the )", re.I)
# a sentence that only apologises for being unclear, before the one that corrects
SORRY_RE = re.compile(r"\b(?:excuse me|sorry|apologi[sz]e|forgive me|pardon|my words|not clear|unclear|confus\w*|"
                      r"misunderst\w*|my mistake|my bad)\b", re.I)
# "wrong one" said where "no" would be: the place said after it is the one meant
WRONG_ONE_RE = re.compile(r"\bwrong (?:one|shot|cut|place|spot|time|bit|part)\b", re.I)
# the place taken back, said before the place meant: "not that one,", "not the start,", "not 10,"
NOT_FIRST_RE = re.compile(rf"^(\W*(?:{CORRECTS}\b\W*)+)not (?:that'?\w*|the \w+|this one|\d[\d:.]*)(?: \w+)?\s*[,;]\s*", re.I)
# a learner's "is 12 and half" after the correcting words, and "the atrium is 0:30 to 0:42": the place meant
BARE_IS_RE = re.compile(rf"^(\W*(?:{CORRECTS}\b\W*)+)(?:(?:the|my|our) [a-z' ]{{2,30}}? )?(?:is|was|are|were)\b(?= (?:\d|the \w+ (?:shot|cut)))", re.I)
HALF_RE = re.compile(r"\b(\d{1,3}) and (?:a )?half\b(?! (?:minutes?|mins?|bars?|beats?)\b)", re.I)
# the picture described beside the place ("0:21 when the creeper explodes", "when they blow out the candles,"), dropped
# where a place of numbers or an ordinal shot or cut is said too
SCENE_RE = re.compile(r",?\s*\b(?:when|where|while)\b(?:(?!\bnot\b)[^,.;\d])*", re.I)
PLACE_LEFT_RE = re.compile(r"\d|\b(?:first|second|third|fourth|fifth|sixth|last|final) (?:shot|cut)\b", re.I)
# a time said alone after "I meant" ("no, I meant 0:23"): a moment
BARE_TIME_RE = re.compile(r"\b(i meant|i mean|it'?s|it is|that'?s|thats)\s+(?:about |around |roughly )?"
                          r"(\d{1,2}:\d{2}(?:\.\d)?|\d{1,3}(?:\.\d)? ?(?:s|sec|secs|seconds?)\b)(?!\s*(?:to|-|until|till|and)\b)", re.I)
# the order said again after the correction ("Move the cello.", "move it there"): no edit of its own
RESTATED_RE = re.compile(r"^(?:please )?(?:move|shift|put) (?:it|that|this|them|the \w+)(?: there| over)?(?: please)?\W*$", re.I)


def plain(request: str) -> str:
    """`request` as the plain correction it is, when it corrects the last place; else `request` as said."""
    said = said_sentences(request)
    as_said = " ".join(said)
    k = next((i for i, s in enumerate(said) if CORRECTING_RE.match(s) or IS_NOT_RE.match(s)), None)
    if k is None or any(not SORRY_RE.search(s) for s in said[:k]):
        return request
    said[k] = said[k] if CORRECTING_RE.match(said[k]) else f"no, {said[k]}"
    text = " ".join([said[k], *(s for s in said[k + 1:] if not RESTATED_RE.match(s))])
    text = BARE_IS_RE.sub(r"\1I meant", NOT_FIRST_RE.sub(r"\1", WRONG_ONE_RE.sub("no", text)))
    text = HALF_RE.sub(r"\1.5 seconds", text)
    if PLACE_LEFT_RE.search(SCENE_RE.sub(" ", text)):
        text = SCENE_RE.sub(" ", text)
    text = BARE_TIME_RE.sub(r"\1 at \2", text)
    return request if text == as_said else text
