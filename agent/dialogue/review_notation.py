"""Review-tool notation read into words, before punctuation is dropped (`notation`): each line one note, a note's source
tag dropped, a time heading a note ("00:12 - too busy here", "[0:58] silence") read as the shot at that time, SMPTE
and exported comment rows, "(to 0:35)", "(1:06>)", "+energy", "-10% tempo", a moment as an offset from a time, and
"silence 1 bar then slam" kept as one clause. Like `place_words`, it only reads words.

    notation("00:12 - too busy here")    # "in the shot at 00:12 - too busy here"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import NUMBER_WORD, in_request, spoken_number
from v2m.agent.dialogue.patterns import OPENERS
from v2m.agent.dialogue.place_words import (BETWEEN_ENDS, BETWEEN_TWO, CLOCK, CORRECTED_RE, MARKS, NEIGHBOURS,
                                            NUMBER_SIGN, SHOT_LIST, TYPOS, parse_time)


SMPTE_RE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2}):(\d{2})(:\d{2})?(?![\d:])")


# A note's head: its time at the start of a line or sentence (after a list number "3." or a row number "2,",
# "@" or a bracket), then a dash, colon or just a space, and what is asked there.
HEAD_RE = re.compile(rf"(?:^|(?<=[\n.!?;]))(?P<pad>[\s,]*(?:(?:{OPENERS}|and|also|like)[\s,]+)*)(?:\d{{1,3}}\s*[,.)]\s*)?@?\s*\[?(?P<a>{CLOCK})\]?"
                     rf"(?:\s*(?:-+|–|—|to|till|until)\s*\[?(?P<b>{CLOCK}|end\b|the end\b)\]?)?(?P<sep>\s*[-–—:,>]+\s*|\s+)"
                     rf"(?!on\b|onwards?\b|and\b|to\b|till\b|until\b|through\b|s\b|secs?\b|seconds?\b|\d|is\b|was\b|will\b|="
                     rf"|marks\b|should be\b)")   # not "0:16 is the drop": a name given to the time


# A stop's length and the mark that ends it ("silence 1 bar then slam"), kept in one clause.
LENGTH = r"(?:a|an|one|two|three|four|half a|\d+) (?:bars?|beats?)"


LANDING = r"slam|crash|hit|bang|boom|stab|accent"


# A row of an exported comment list, "3,00:00:25:00,Ben,end on a hit" (number, time, author, comment): the
# comment at its time; the list's header row ("#,Timecode,Author,Comment") says nothing.
ROW_RE = re.compile(rf"^[ \t]*#?\d{{1,3}}[ \t]*,[ \t]*(?P<time>{CLOCK})[ \t]*,[^,\n]{{0,40}},[ \t]*(?P<comment>[^\n]+)$", re.M)


HEADER_RE = re.compile(r"^[ \t]*#?[ \t]*,?(?=[^\n]*\b(?:[Tt]imecode|[Tt]ime|TC)\b)(?:[ \t]*[A-Za-z#][A-Za-z #]{0,14},){2,}"
                       r"[ \t]*[A-Za-z#][A-Za-z #]{0,14}[ \t]*$", re.M)


# A signed change of tempo in note form: "-10% tempo", "tempo +5%", "+8 bpm" (a "%" needs the tempo named)
SIGNED_TEMPO_RE = re.compile(r"(?<![\w.])(?P<sign>[+-])\s?(?P<n>\d+(?:\.\d+)?)\s?(?P<unit>bpm|%(?=\s?(?:on |to )?(?:the )?"
                             r"(?:tempo|speed|pace)\b))(?:\s?(?:on |to )?(?:the )?(?:tempo|speed|pace)\b)?|"
                             r"\b(?:tempo|speed|pace)\s?(?P<sign2>[+-])\s?(?P<n2>\d+(?:\.\d+)?)\s?(?P<unit2>%|bpm)", re.I)


# A note's source tag before its words ("[editor, review tool] ..."): who wrote it, not what to change.
TAG_RE = re.compile(r"(?:^|(?<=[\n.!?;]))\s*(?:\[[^\]\d]*\]\s*)+")


def programme_time(h: int, mins: int, s: str, framed: bool) -> str:
    """hh:mm:ss:ff (frames dropped) or h:mm:ss as m:ss. A source timecode starting at 01:00:00:00, as edit
    timelines do, counts from that hour (`framed`: the timecode had frames, so it is an edit's timecode)."""
    if framed and h == 1:
        h = 0
    return f"{h * 60 + mins}:{s}"


def _programme_time(m: re.Match) -> str:
    return programme_time(int(m.group(1)), int(m.group(2)), m.group(3), bool(m.group(4)))


def _signed_tempo(m: re.Match) -> str:
    sign, n, unit = (m.group("sign"), m.group("n"), m.group("unit")) if m.group("sign") else \
        (m.group("sign2"), m.group("n2"), m.group("unit2"))
    return f"{n}{'%' if unit == '%' else ' bpm'} {'faster' if sign == '+' else 'slower'}"


# A moment said as an offset from a time ("2 seconds after 0:30", "half a second before 1:05"): that moment. Not a
# stretch counted from the time ("for 2 seconds after 0:30", "the five seconds before 0:20": from there, that long)
OFFSET_RE = re.compile(rf"(?<!\bfor )(?<!\bthe )(?<!\bfirst )(?<!\blast )(?<!\bnext )(?<!\bthose )(?<!\bthese )\b"
                       rf"(?:(at|from|starting|until|till|to|by|on) )?"
                       rf"(\d+(?:\.\d+)?|{NUMBER_WORD}|an?|half an?|a couple of) ?(?:s|secs?|seconds?) "
                       rf"(after|past|later than|before|ahead of|earlier than) ({CLOCK})(?![\d:])", re.I)


# "every cut but not the second", "everywhere but the intro": the spared one, "but" (which splits clauses) as "except"
EVERY_BUT_RE = re.compile(r"\b((?:every|each|all(?: of)?(?: the)?) (?:cuts?|shots?|hits?))\s*,?\s*but not\b|\b(everywhere|anywhere) but(?= (?:in |on |for |during )?(?:the|shots?|cuts?|\d)\b)", re.I)


def _offset(m: re.Match) -> str:
    n = m.group(2).lower()
    n = float(n) if n[0].isdigit() else 0.5 if n.startswith("half") else 2 if n == "a couple of" else \
        1 if n in ("a", "an") else spoken_number(n)
    at = max(0.0, parse_time(m.group(4)) + (-n if m.group(3).lower() in ("before", "ahead of", "earlier than") else n))
    clock = f"{int(at // 60)}:{at % 60:02.0f}" if at == round(at) else f"{int(at // 60)}:{at % 60:04.1f}"
    return f"{m.group(1) or 'at'} {clock}"


NOTATING = tuple((re.compile(p, re.I), r) for p, r in (NUMBER_SIGN, *TYPOS, *NEIGHBOURS, SHOT_LIST, BETWEEN_TWO, BETWEEN_ENDS))


MARKS_RES = tuple((re.compile(p, re.I), r) for p, r in MARKS)


def notation(text: str) -> str:
    """A request with review-tool notation read into words, before punctuation is dropped: each line one
    note; a note's source tag dropped; a time heading a note ("00:12 - too busy here", "[0:58] silence",
    "@1:10 ...", "00:50-01:10 ...") read as the shot at that time (a range as that stretch); "(to 0:35)" as
    "until 0:35"; "(1:06>)" as "from 1:06 on"; "cuts 4 + 6" as "cuts 4 plus 6"; "+energy" as "more energy";
    "-10% tempo" as "10% slower"; "silence 1 bar then slam" kept as one clause."""
    text = TAG_RE.sub(" ", SMPTE_RE.sub(_programme_time, text))
    text = CORRECTED_RE.sub("", text)   # "from one minute... sorry, from 0:40": the place put right
    text = in_request(text)   # before BETWEEN_TWO reads a pair, and commas split the clauses
    for pat, rep in NOTATING:   # before commas and "and" split the clauses
        text = pat.sub(rep, text)
    for pat, rep in MARKS_RES:   # "at the 44-second mark": at 44 seconds
        text = pat.sub(rep, text)
    text = OFFSET_RE.sub(_offset, text)   # "a crash 2 seconds after 0:30": at 0:32
    text = EVERY_BUT_RE.sub(r"\1\2 except", text)   # "every cut but not the second": one clause, that cut spared
    text = HEADER_RE.sub("", ROW_RE.sub(r"\g<time> \g<comment>", text))
    text = re.sub(rf"\(\s*(?:to|till|until|up to|<)\s*({CLOCK})\s*\)", r" until \1 ", text)
    text = re.sub(rf"\(?\b({CLOCK})\s*(?:>|->|→|\+|onwards?|on)\s*\)", r" from \1 on ", text)
    text = re.sub(rf"\b({CLOCK})\s*(?:>|->|→)(?!\s*\d)", r" from \1 on ", text)
    text = re.sub(r"(\d)\s*\+\s*(?=\d)", r"\1 plus ", text)   # "shots 4 + 6": each of them
    text = re.sub(r"(?<![\w%])\+(?=[a-z])", "more ", text)   # "+energy": more of it; "-drums" is left to be read
    text = SIGNED_TEMPO_RE.sub(_signed_tempo, text)   # "-10% tempo", "tempo +5%", "+8 bpm"
    text = re.sub(rf"\b(silence|stop)\s+(?:for\s+)?({LENGTH})\s*,?\s*(?:and\s+)?then\s+(?:an?\s+|the\s+)?({LANDING})\b",
                  r"\1 for \2 until a \3", text, flags=re.I)   # "silence 1 bar then slam": one mark and the next

    def head(m: re.Match) -> str:
        b = m.group("b")
        if b is None:
            return f"{m.group('pad')}in the shot at {m.group('a')}{m.group('sep')}"
        if b.endswith("end"):
            return f"{m.group('pad')}from {m.group('a')}{m.group('sep')}"
        return f"{m.group('pad')}from {m.group('a')} to {b}{m.group('sep')}"
    return re.sub(r"\n+", " ; ", HEAD_RE.sub(head, text)).strip(" ;")
