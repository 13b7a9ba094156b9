"""A request put right while it is said ("at forty no forty eight seconds hit the cut", "from one oh seven to the end
no sorry from fifty two to eighty let it rise", "twenty two seconds no the candles are at eighteen and a half put a
stop there", "the hit you put no wait we didn't do any hits ok put a hit at the last cut"): the words a correction
replaces are dropped and the rest of the request stands, so its "no" negates nothing (before: "No crash at 0:48").

    repaired("at forty no forty eight seconds hit the cut")   # "at forty eight seconds hit the cut"

Three shapes, the ones a speaker makes: the repair says a word of the words it replaces again, from there ("from 1:07
to the end no sorry from 0:52 to 1:20": from the second "from"); a bare moment said first and then told again
("twenty two seconds no the candles are at eighteen"); a start given up ("the hit you put no wait we didn't do any
hits ok put a hit"): what follows the marker, less a remark about what was done before "ok"/"so". A bare "no" is a
correction only where a number or a place word is said again ("more drums no guitar" is two edits, "forty no drums"
an edit at forty). Read by `v2m.agent.dialogue.understanding` first, on the words as said.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import NUMBER_WORD
from v2m.agent.dialogue.patterns import compiled

# The markers of a repair: an explicit one ("no wait", "sorry", "i mean", "scratch that"), or a bare "no"
EXPLICIT = (r"(?:(?:no+|nah|oh|um+|uh+)\W+)*(?:wait|sorry|i mean|i meant|scratch that|hang on|hold on|or rather|"
            r"actually,? make (?:it|that))(?:\W+(?:i mean|i meant|no+))*")   # "from 0:20 - actually make it 0:24 - to 0:36"
MARK_RE = re.compile(rf"[\s,;.-]+(?:(?P<explicit>{EXPLICIT})|(?P<bare>no))[\s,;.!-]+(?=\w)", re.I)
# What a bare "no" may repair: a number or a place word said again
SAID_AGAIN_BARE_RE = re.compile(rf"(?:\d[\d:.]*|{NUMBER_WORD}|from|at|between|in|on|after|before|until|till|to|around|about)$",
                                re.I)
MOMENT = rf"(?:\d[\d:.]*|{NUMBER_WORD})(?:[\s-]+(?:{NUMBER_WORD}|oh|and a half))*"
BARE_MOMENT_RE = re.compile(rf"^\W*(?:(?:um+|uh+|so|ok|okay)\W+)*(?:at |around |about )?{MOMENT}\s*(?:s|secs?|seconds?)?\W*$", re.I)
HAS_MOMENT_RE = re.compile(rf"\b(?:\d|{NUMBER_WORD}\b)", re.I)
# a moment told again in the place of the one just said ("from 0:20 - actually make it 0:24 - to 0:36": from 0:24 to 0:36)
ENDS_MOMENT_RE = re.compile(r"\d{1,2}:\d{2}\W*$")
NEW_MOMENT_RE = re.compile(r"^(\d{1,2}:\d{2})\s*[-–—]?\s*")
# A fresh start: a remark about what was or was not done ("we didn't do any hits", "there isn't one yet", "we never
# put one in"), then the request after "ok"/"so"
REMARK_RE = re.compile(r"^(?:we|i|you|there|it|that|they)\b[^.?!]{0,60}?\b(?:didn'?t|did not|never|isn'?t|is not|aren'?t|"
                       r"are not|wasn'?t|haven'?t|hasn'?t|no)\b[^.?!]{0,40}?[\s,]+(?:ok(?:ay)?|so|anyway|then)\b[\s,]*(?:just\s+)?",
                       re.I)
WORD_RE = re.compile(r"[\w:.']+")
# What a contrast says before the words it puts right ("no is not the guitar, I mean the flute", "it isn't the piano, i
# mean the sax"): a turn before is put right, not a slip of the tongue, and its "not" is read by the readers after
NEGATED_RE = re.compile(r"(?:\bnot|n'?t|\bnever)\W*$", re.I)


def repaired(request: str) -> str:
    """The request with each spoken correction in it put in place of what it corrects."""
    for _ in range(3):   # "at forty no forty eight ... from ten no twelve": one repair at a time
        for m in MARK_RE.finditer(request):
            if (out := _one(request, m)) is not None:
                request = out
                break
        else:
            return request
    return request


def _one(request: str, m: re.Match) -> str | None:
    before, after = request[:m.start()], request[m.end():]
    first = WORD_RE.match(after)
    if first is None:
        return None
    word = first.group().lower()
    if (m["explicit"] or SAID_AGAIN_BARE_RE.match(word)) and \
            (at := list(compiled(rf"(?<![\w:.']){re.escape(word)}(?![\w:.'])", re.I).finditer(before))):
        if NEGATED_RE.search(before[:at[-1].start()]):
            return None                               # "not the guitar, I mean the flute": a contrast
        return before[:at[-1].start()] + after       # the repair from the word said again
    if m["explicit"] and (end := ENDS_MOMENT_RE.search(before)) and (new := NEW_MOMENT_RE.match(after)):
        return before[:end.start()] + new[1] + " " + after[new.end():]
    if BARE_MOMENT_RE.match(before) and HAS_MOMENT_RE.search(after):
        return after                                  # "twenty two seconds no the candles are at eighteen ..."
    if m["explicit"] and (r := REMARK_RE.match(after)):
        return after[r.end():]                        # "... no wait we didn't do any hits ok put a hit ..."
    return None
