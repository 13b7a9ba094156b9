"""Notes as they arrive: wrapped in an email, a forward, a review tool's tag or a pasted export. This module
takes the wrapper off and gives back the notes inside, for the grammar to read; it knows no plan.

    from v2m.agent.dialogue.messages import unwrap, pasted_notes
    unwrap("Hi, had the call with Jo. She felt the ending drags. Cheers, Sam")   # "the ending drags."
    pasted_notes("#,Timecode,Author,Comment\\n1,00:00:05:00,Jo,less bass\\n2,00:00:12:00,Sam,hit here")
    # [Note("at 0:05 less bass", "1 (0:05, Jo)"), Note("at 0:12 hit here", "2 (0:12, Sam)")]

What is wrapper: greetings and sign-offs, a signature after a "--" line, forward and reply headers ("FW:",
"From:"), quote marks ("> "), a speaker's tag ("[editor, review tool]", "GM:", "Sarah again (sorry!):"),
reporting frames ("Kindly note", "Please find below the feedback from ...:", "she felt", "the groom
said"), quotation marks round the whole note, and sentences that only report ("They are thrilled.",
"just had the review with Jo", "the intro is fine"). What is left is the note; "" when nothing is.
A pasted list (a review tool's CSV export, or numbered or bulleted lines) is several notes, each with its
time said in words the place finder reads ("at 0:05 ..."), each applied as its own edit.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from v2m.agent.dialogue.edit_lists import edit_list
from v2m.agent.dialogue.kept import FINE
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import JOKE_RE, opening, words  # JOKE_RE: "jk" takes back the sentence before
from v2m.agent.dialogue.references import COUNTED, LAST_N_RE
from v2m.agent.dialogue.place_words import END_WORDS, START_WORDS
from v2m.agent.dialogue.review_notation import programme_time
from v2m.agent.dialogue.plainly import SAID_MARKS

SIGNATURE_RE = re.compile(r"^\s*(?:--|—|__+|-- )\s*$")
HEADER_RE = re.compile(r"^\s*(?:fw|fwd|re|subject|from|to|cc|sent|date)\s*:\s*(?=\S)[^'\"‘“]*$|"
                       r"^\s*-{2,}\s*(?:original|forwarded) message\s*-{2,}\s*$|^\s*on .{3,80} wrote:\s*$|"
                       r"^\s*sent from my [\w -]{1,30}$", re.I)
FORWARD_RE = re.compile(r"^\s*(?:(?:fw|fwd|re)\s*:\s*)+(?:(?:notes? |feedback |comments? )?from [^-–—:'\"‘“]{1,40}"
                        r"\s*[-–—:]\s*)?", re.I)
GREETING_RE = re.compile(r"^\s*(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening|day)|bonjour|salut|hola|ol[aá]|oi|ciao|hallo|guten (?:tag|morgen)|moin|buongiorno|buenos d[ií]as|bom dia|hej|merhaba|marhaba|privet|konn?ichiwa|ni ?hao|jambo|sawubona|"
                         r"namaste|salaa?m|annyeong|shalom|howdy)\b(?!-)(?: (?:there|all|team|everyone|guys|folks|ji|sir|bro|querid[oa]|[A-Z][a-z]+))?(?:\s*[,.!:;-]+\s*|\W*$)", re.I)   # alone, no mark needed
SIGN_OFF_RE = re.compile(r"(?:^|(?<=[.!?\n])|,)\s*(?:thanks|thank you|many thanks|thanks again|cheers|best|"
                         r"regards|kind regards|best wishes|all the best|ta|thx|warmly)(?: so much| a lot| again)?"
                         r"[,!.]?\s*(?:[-–—]\s*)?(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)?\W*$", re.I)
TAG_RE = re.compile(r"^\s*(?:\[[^\]\n]{1,60}\]|@[A-Za-z]\w{0,29}\b[:,]?)\s*")
# A timecode as notes write it: "0:12", "01:00:12", "00:00:05:00" (SMPTE frames), "0:12.5"; read before
# review_notation.notation turns SMPTE and hours into place_words.CLOCK, so it is wider than CLOCK (not one pattern)
STAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[:;.]\d{2})?"
# "[0:12]", "(01:00-01:10)": a timecode in brackets at the front is a place, said the way the place finder reads
TIME_TAG_RE = re.compile(rf"^\s*[\[(]\s*({STAMP})(?:\s*(?:-|–|to)\s*({STAMP}))?\s*[\])]\s*[-–—:,]?\s*")
ROLE_WORDS = (r"director|editor|producer|exec(?:utive)? producer|client|agency|gm|ceo|cmo|boss|bride|groom|mum|"
              r"mom|dad|couple|marketing|brand team|me again")
# "GM:", "Sarah again (sorry!):", "editor:": a speaker's tag; never a place ("Intro: softer")
SPEAKER_RE = re.compile(rf"^\s*(?:(?:the )?(?:{ROLE_WORDS})|(?-i:[A-Z]{{2,5}})|(?-i:[A-Z][a-z]+)(?= again| \())"
                        r"(?: again)?(?: \((?P<said>[^)\n]{0,30})\))?\s*:\s+", re.I)
NAME_TAG_RE = re.compile(r"^\s*([A-Z][a-z]+)\s*:\s+")
NOT_SPEAKERS = {"intro", "outro", "ending", "end", "start", "beginning", "middle", "chorus", "verse", "bridge",
                "drop", "shot", "cut", "note", "notes", "edit", "edits", "also", "update", "ps", "todo", "music",
                "tempo", "drums", "bass", "key", "style", "mood", "overall", "everything", "climax", "volume", "level",
                "loudness", "pace", "speed", "energy", "intensity", "dynamics", "mix"}   # "Volume: lower" is a note
FRAME_RE = re.compile(r"^\s*(?:(?:kindly|please) note(?: that)?|(?:please )?find (?:below|attached|here)[^:]{0,60}:|"
                      r"(?:fyi|ps|p\.s\.|nb|n\.b\.)\b[,:.]?|(?:some |a few |my |our |the )?(?:notes?|feedback|"
                      r"comments?)(?: from [^:]{1,40}?)?(?: (?:on|for|about) (?P<on>[^:]{1,40}))?:)\s*", re.I)
# "she felt", "Jo says", "the bride's mother also said", "the client wants" (after an "oh dear"): who said it, not what to do
# (the music's own parts and qualities are no speakers: "the pace felt right in version 1"; nor "It" said first: "It felt
# a bit empty" is how the music was, not who spoke)
REPORT_RE = re.compile(r"^\s*(?:(?:oh|ah|well|hmm+|oh dear|oh no|dear me|sorry|right|ok(?:ay)?)\W+)*(?:(?:she|he|they|(?-i:(?!(?:It|This|That|There|Everything|Things|Something)\b)[A-Z][a-z]+)|(?:the|our|my) (?!(?:pace|tempo|speed|bpm|groove|beat|music|"
                       r"score|track|mix|song|cue|ending|end|intro|outro|opening|finale|beginning|middle|start|energy|volume|key|mood|drums?|bass|strings|melody|"
                       r"original|first|old|last|previous|earlier|version)\b)[\w']+(?: [\w']+)?)(?: also| really)? "
                       r"(?:says|said|felt|thinks|thought|mentioned|wants|wanted|asked|asks|reckons|"
                       r"would like|noted)(?: that)?,?\s+)+", re.I)
QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”"}
# "Quick one from Priya: 'a crash at 0:24'", "FW: Mark - 'too loud'": who said it, then their words in quotes
ATTRIBUTED_RE = re.compile(r"^(?=[^'\"‘“:\n]{0,60}?\b(?:from|by|says|said|writes|wrote|asks|asked|feedback|notes?|"
                           r"comments?)\b)[^'\"‘“:\n]{1,60}?\s*[:–—-]\s*(?=['\"‘“])", re.I)
# a sentence that only reports how people feel or that the work is done: no edit in it
# praise of a first try ("Great start.", "Is good start.", "nice first draft so far"): a report, the edit is elsewhere
FIRST_GO = (r"(?:start|beginning|first (?:go|try|draft|version|pass|attempt)|job|work|effort|try|attempt|draft)"
            r"(?: so far)?")
REPORT_ONLY_RE = re.compile(
    r"^(?:(?:(?:they|she|he|we|everyone|everybody|the (?:client|couple|family|bride|groom|team|boss|director)s?)"
    r"(?: are| is| were| was|'re|'s| all| both)* (?:very |so |really |all |super |extremely )*(?:happy|pleased|"
    r"delighted|thrilled|over the moon|satisfied|excited|grateful|glad|done|finished)|(?:we|i) (?:are|am|'re|'m) "
    r"(?:all )?(?:done|finished|good))(?: with (?:it|this|that|the \w+))?(?: now| already)?|god bless(?: you)?|"
    r"(?:that'?s|this is) the one|.*\bsigned (?:it )?off|"
    r"(?:thanks|thank you|many thanks|cheers)(?: so much| a lot| again| (?:to )?(?:you|all|everyone))?|"
    r"nothing (?:more|else|further)(?: to (?:add|change|say))?(?: from (?:me|us))?(?: for now)?|keep (?:it|that)(?: as it is| like that)?|"
    r"(?:(?:it'?s|that'?s|sounds|looks|is|what) )?(?:an? )?(?:really |so |just |very )?(?:(?:lovely|great|perfect|brilliant|"
    rf"wonderful|amazing|beautiful|fantastic)(?: {FIRST_GO})?|(?:good|nice|strong|solid|promising|cool) {FIRST_GO})|"
    r"(?:just |so )?(?:had|finished|got out of|came out of) (?:the |a |our |my )?(?:review|call|"
    r"meeting|chat|screening)\b(?:(?! and | but )[^,;])*|no wahala|no worries|no problem|no stress)\W*$", re.I)
# a person's story told in the past ("He played in a colliery brass band.", "My nan loved tango."): why the note
# asks, not what; dropped when another sentence asks (no place, wish or version is said in it: "she loved the
# first one" points back to a version)
STORY_RE = re.compile(r"^(?:he|she|they|(?:my|our|his|her|their) [a-z']+)(?: (?:always|once|often|used to))? (?:played|"
                      r"loved|sang|danced|worked|grew up|lived|was|were|adored)\b(?!.*\b(?:should|could|can|would|need|"
                      r"needs|want|wants|make|more|less|too|louder|quieter|faster|slower|bigger|softer|like (?:it|this|that)|"
                      r"shots?|cuts?|intro|end|ending|start|beginning|when|while|there|here|it|this|that|these|those|one|ones|"
                      r"versions?|mix|take|edit|music|score|track|song|tune|original|before|earlier|better)\b|.*\d)"
                      r"[^,;]*\W*$", re.I)
# "the end is fine", "the very start is ok": a part said good now, in a longer note (not "the tempo was fine": a version)
FINE_RE = re.compile(rf"^(?:the |that |this )?(?:very )?[\w ]{{1,25}}?(?: is| are|'s) (?:{FINE}|"
                     r"what (?:we|i) (?:want|wanted|like|need))(?: as (?:it|they) (?:is|are)| now| already)?$", re.I)
# the music like something ("it sounds like a trailer"), a part plainly loud ("the drums are loud"): praise is of that
LIKED_SIMILE_RE = re.compile(r"\b(?:sounds?|feels?|seems?)(?: \w+)? like\b", re.I)
LIKED_LEVEL_RE = re.compile(r"^(?!.*\b(?:too|not)\b)[^,]*\b(?:is|are) (?:loud|quiet)\b(?! enough)[^,]*, ?(?:which|that|it)\b[^,]*$", re.I)
LEADING_PLACE_RE = re.compile(r"^\s*(?:from |at |in )?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:-|–|to)\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?"
                              r"\s*[-–—:,]?\s*")
SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+|\n+")
RESOLVED_RE = re.compile(r"^\W*(?:✔|✓|☑)?\s*(?:resolved|done|fixed|closed|approved|complete|completed|ok|n/?a)?\W*$",
                         re.I)
# "forget that one", "scratch that", "never mind": a request withdrawn, said at the front of a note
WITHDRAW_RE = re.compile(opening("no|sorry") + r"(?:(?:forget|scratch|ignore|skip)(?: about)? (?:that|it|"
                         r"this|the question)(?: one| request| question| idea| bit)?|never ?mind|nvm)\b\W*", re.I)
# "the second one", "option 1", "the latter": an answer naming an offered option by its place
ORDINAL_RE = re.compile(opening(r"yes|yeah|i(?:'ll| will|'d| would)? (?:take|choose|pick|want|like|go with|go for|prefer)|let'?s (?:go with|go for|do)|go (?:with|for)|gimme|give me") + r"(?:the |option |number |no\.? ?|#)?(first|second|third|1st|"
                        r"2nd|3rd|former|latter|last|1|2|3|one|two|three)(?: one| option| choice| please| pls| plz| thanks| thx)*\W*$", re.I)   # "I take the first option", "option one"
# A plain yes to a question that offered one reading ("Do you mean more energy?" - "yes please", "sure, do that").
AGREE_RE = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|ok|okay|correct|exactly|right|please do|do it|go ahead|that one)"
                      r"(?:\W+(?:please|do that|do it|go ahead|that's it|that one|thanks|thank you|exactly))*\W*$", re.I)
# "undo the last two", "could we go back to how it was two changes ago?": the user's last requests, counted as
# said (a question among them included)
# Words around a count of requests taken back that ask nothing more ("sorry, could we go back to how it was two
# changes ago?", "hmm actually reverse the last 2 changes"): the note is only the counted undo
BACK_WORDS = set("""ok okay please hmm no sorry actually so then well could can would will we you i us me let's lets just
go back to how what where it was were things stood sounded like as""".split())
SMPTE_RE = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[:;.](\d{2}))?\s*$")
ITEM_RE = re.compile(r"^\s*(?:\d{1,3}[.):]|[-*•])\s+(.+?)\s*$")
LEADING_TIME_RE = re.compile(rf"^\s*({STAMP})\s*(?:[-–—:,]\s*)?(?=\S)")
LEADING_RANGE_RE = re.compile(rf"{STAMP}\s*(?:-|–|to)\s*({STAMP})\s*(?:[-–—:,]\s*)?")
TIME_WORDS = ("timecode", "time", "tc", "in", "start", "at", "timestamp", "position")
NOTE_WORDS = ("comment", "comments", "note", "notes", "feedback", "text", "description", "message")
WHO_WORDS = ("author", "name", "user", "by", "from", "reviewer", "commenter")


@dataclass(frozen=True)
class Note:
    """One note of a pasted list: its words for the grammar and how the reply names it."""

    text: str
    label: str


def spoken_time(tc: str) -> str | None:
    """A timecode as the place finder reads it: "00:00:05:00" (hh:mm:ss:ff), "00:12" -> "0:05", "0:12"."""
    m = SMPTE_RE.match(tc)
    if not m:
        return None
    return programme_time(int(m.group(1) or 0), int(m.group(2)), m.group(3), bool(m.group(1) and m.group(4)))


def _timed(m: re.Match) -> str:
    """A bracketed timecode (TIME_TAG_RE's match) as words: "at 0:12 ", "from 1:00 to 1:10 "."""
    a, b = spoken_time(m.group(1)), spoken_time(m.group(2)) if m.group(2) else None
    return f"from {a} to {b} " if a and b else f"at {a} " if a else ""


def _unquoted(text: str) -> str:
    t = text.strip()
    if len(t) > 2 and t[0] in QUOTES and t.rstrip(".!?").endswith(QUOTES[t[0]]):
        return t.rstrip(".!?")[1:-1].strip()
    return t


def _line(line: str) -> str:
    """One line without its quote marks, tags, forward header and reporting frame."""
    line = re.sub(r"^\s*(?:>\s*)+", "", line)
    for _ in range(3):  # "[editor] FW: Kindly note ..." peels in any order
        before = line
        if (m := TIME_TAG_RE.match(line)):
            line = _timed(m) + line[m.end():]
        else:
            line = TAG_RE.sub("", line)
        line = FORWARD_RE.sub("", line)
        line = GREETING_RE.sub("", line)
        if (m := SPEAKER_RE.match(line)) and _speaker(m.group(0).split()[0]):  # "Jo (0:12): more drums": the
            t = TIME_TAG_RE.match(f"({m.group('said')})") if m.group("said") else None  # time beside the name is kept
            line = (_timed(t) if t else "") + line[m.end():]
        if (m := NAME_TAG_RE.match(line)) and _speaker(m.group(1)):
            line = line[m.end():]
        line = FRAME_RE.sub(lambda f: f"in {f.group('on')} " if f.group("on") else "", line)  # "Notes on shot 3:"
        if (m := ATTRIBUTED_RE.match(line)) and _unquoted(line[m.end():]) != line[m.end():].strip():
            line = line[m.end():]
        line = _unquoted(line)
        if line == before:
            break
    return line


def _speaker(word: str) -> bool:
    """Whether a tag word before a colon can be who wrote the note: not a part ("Piano: softer") or a place
    ("Ending: bigger", "Finale (last shot): ...")."""
    w = word.strip(":( ").lower()
    return w not in NOT_SPEAKERS and w not in START_WORDS + END_WORDS + ("finale", "middle") and not named_parts(w)


def _sentence(s: str) -> str:
    """A sentence without who said it; "" when it only reports or says a part is fine."""
    s = _unquoted(REPORT_RE.sub("", s.strip()))
    said = re.split(r",\s*", s)
    clauses = [c for c in said if not REPORT_ONLY_RE.match(c.strip().rstrip(" .!?")) and
               not FINE_RE.match(c.strip().rstrip(" .!?"))]
    if len(clauses) < len(said) and any(LIKED_SIMILE_RE.search(c) for c in clauses):
        clauses = said   # "it sounds like a trailer, perfect": the praise is of the simile, which stays no edit
    elif len(clauses) < len(said) and LIKED_LEVEL_RE.match(s):
        return ""   # "the drums are loud at 0:20, which is great": as it should be
    return re.sub(r"^(?:but|and|so|though)\b\s*", "", ", ".join(clauses).strip(), flags=re.I)


# Punctuation said aloud to a dictation app: the mark ("end on a full stop", "full stop at 0:20": a stop); `plainly`'s
DICTATED = ((re.compile(r"(?<!\ba )(?<!\bthe )(?<!\bon )\bfull stop\b(?!\s+(?:(?:right|just)\s+)?(?:at|on|around|here|there|\d)\b)|\bnew (?:paragraph|line)\b|\bperiod(?=\s*$)", re.I), "."),)   # and `plainly.SAID_MARKS`' comma, question and exclamation mark ("put a question mark on the end": none)


def unwrap(text: str) -> str:
    """The note inside a message: `text` without its wrapper (see the module docstring); "" when only
    wrapper and reports are left. A message with no wrapper comes back as it was."""
    for said, mark in (*DICTATED, *SAID_MARKS[:3]):
        text = said.sub(mark, text)
    lines = text.split("\n")
    cut = next((k for k, x in enumerate(lines) if SIGNATURE_RE.match(x)), None)
    if cut is not None and cut > 0:  # a signature block holds no note (nor instructions to follow)
        lines = lines[:cut]
    kept = SIGN_OFF_RE.sub("", "\n".join(x for x in lines if not HEADER_RE.match(x) or len(lines) == 1))
    body = "\n".join(_line(x) for x in kept.split("\n")).strip()
    body = SIGN_OFF_RE.sub("", body).strip()
    parts = [p for p in SENTENCE_RE.split(body) if p.strip()]
    said = [_sentence(p) for p in parts]
    if any(x and not STORY_RE.match(x) for x in said):
        said = [x if not STORY_RE.match(x) else "" for x in said]
    for k, p in enumerate(parts):
        if k and JOKE_RE.match(p.strip()):  # "go minor? joke.": the sentence before is taken back, not its place
            m = LEADING_PLACE_RE.match(said[k - 1])
            said[k - 1], said[k] = (m.group(0).strip() if m else ""), ""
    out = " ".join(x for x in said if x).strip()
    return out if out != " ".join(p.strip() for p in parts) else body


# An answer naming an offered reading says little else ("faster, please", "softer, like a lullaby really"); a
# longer message that happens to contain it ("make the drums faster after the second cut") is a request of its own.
ANSWER_EXTRA_WORDS = 6


def picks(options: list[str], answer: str) -> str | None:
    """The option a question offered that `answer` names ("more energy please", or by its place: "the
    second one", "option 1"), or None."""
    named = next((o for o in options if o and o.lower() in answer.lower()
                  and len(answer.split()) <= len(o.split()) + ANSWER_EXTRA_WORDS), None)
    m = ORDINAL_RE.match(answer)
    k = {"first": 0, "1st": 0, "1": 0, "one": 0, "former": 0, "second": 1, "2nd": 1, "2": 1, "two": 1, "third": 2, "3rd": 2, "3": 2, "three": 2}.get((m.group(1) or "").lower()) \
        if m else None
    if m and (m.group(1) or "").lower() in ("latter", "last"):
        k = len(options) - 1
    if len(options) == 1 and AGREE_RE.match(answer):
        k = 0
    return named or (options[k] if k is not None and 0 <= k < len(options) else None)


def requests_back(text: str) -> int | None:
    """How many of the user's last requests "undo the last two" takes back (2), or None for another note or one
    that asks for more than the counted undo ("undo the last two and make it faster")."""
    said = words(text)
    m = LAST_N_RE.search(said)
    if not m or set(re.findall(r"[a-z']+", said[:m.start()] + " " + said[m.end():])) - BACK_WORDS:
        return None
    n = next(g for g in m.groups() if g)
    return COUNTED.get(n) or int(n)


def withdrawal(text: str) -> str | None:
    """What follows a withdrawal at the front of a message's note ("" when nothing does), or None when the
    note withdraws nothing ("forget that one. For the vows, no drums" -> "For the vows, no drums")."""
    note = unwrap(text)
    m = WITHDRAW_RE.match(note)
    return note[m.end():].strip() if m else None


def _cells(line: str, sep: str) -> list[str]:
    """A table row's cells: a CSV line (quotes kept together), a pipe table's row ("| 1 | 0:05 | ... |") or a tab-separated one."""
    if sep == ",":
        return next(csv.reader([line]), [])
    return [c.strip() for c in line.strip().strip(sep).split(sep)]


def _header(line: str, sep: str) -> bool:
    """A table header: three or more short column names, one of them the comment column."""
    cells = [c.strip().strip("#").lower() for c in _cells(line, sep)]
    return len(cells) >= 3 and all(len(c) <= 20 for c in cells) and any(c in NOTE_WORDS for c in cells)


def _table_notes(lines: list[str]) -> tuple[int, list[Note] | None]:
    """(the header's line, the notes of its rows) of a CSV export or a pipe table, or (0, None) when no
    line is a header naming a comment column."""
    start, sep = next(((k, sep) for k, x in enumerate(lines) for sep in (",", "|", "\t") if _header(x, sep)), (None, ""))   # "\t": Premiere's markers
    if start is None:
        return 0, None
    head = [c.strip().strip("#").lower() for c in _cells(lines[start], sep)]
    col = lambda words: next((k for k, c in enumerate(head) if c in words), None)
    note_c, time_c, who_c = col(NOTE_WORDS), col(TIME_WORDS), col(WHO_WORDS)
    out = []
    for row in (_cells(x, sep) for x in lines[start + 1:] if not re.fullmatch(r"[\s|:+-]*", x)):
        if not any(c.strip() for c in row):
            continue
        cells = row + [""] * (len(head) - len(row))
        if len(row) > len(head) and note_c == len(head) - 1:  # an unquoted comma inside the last column
            cells = row[:note_c] + [sep.join(row[note_c:])]
        number = cells[0].strip() if head[0] in ("", "no", "number", "id") and cells[0].strip() else str(len(out) + 1)
        at = spoken_time(cells[time_c]) if time_c is not None else None
        who = cells[who_c].strip() if who_c is not None else ""
        said = cells[note_c].strip()
        label = number + (f" ({', '.join(x for x in (at, who) if x)})" if at or who else "")
        out.append(Note(f"at {at} {said}" if at and said else said, label))
    return start, out


# a line of a place alone heading a list ("Shots 6-8:", "From 0:40 to the end:")
HEAD_PLACE_RE = re.compile(r"(?:(?:in|for|from|during|over|after|before|at) )?(?:the )?(?:shots? \d+(?:\s*(?:-|–|to|and)\s*\d+)?|"
                           r"(?:from )?\d{1,2}:\d{2}(?:\s*(?:-|–|to)\s*(?:\d{1,2}:\d{2}|the end))?(?: on(?:wards?)?)?|"
                           r"(?:first|second|last|final) (?:half|third|quarter|\d+ seconds)|intro|ending|middle)\s*:", re.I)


def _said_beside(lines: list[str]) -> list[Note]:
    """The lines around a list that hold a note of their own ("Overall a bit darker."), not an intro
    ("pasting the export:", "markers from premiere below") nor wrapper: never dropped unread."""
    notes = []
    for x in lines:
        note = unwrap(x)
        if note and not note.rstrip(" .").endswith((":", " below", " attached")) and not HEADER_RE.match(x) and not SIGNATURE_RE.match(x):
            notes.append(Note(note, "also"))
    return notes


def pasted_notes(text: str) -> list[Note] | None:
    """The notes of a pasted list, in order, or None when `text` is no list: a CSV export with a header
    naming its comment column (or a pipe table: "| # | Time | Note |"), or two or more numbered or bulleted lines. A row whose comment only marks
    it resolved keeps its place with empty text (nothing to do); a line beside the list that holds a note
    is a note too (labelled "also")."""
    lines = [x for x in text.split("\n") if x.strip()]
    if edit_list(text):   # the picture's cuts, not notes: `guard` asks
        return None
    cut = next((k for k, x in enumerate(lines) if SIGNATURE_RE.match(x)), len(lines))
    lines = lines[:cut]
    if len(lines) < 2:
        return None
    start, notes = _table_notes(lines)
    if notes is not None:
        notes = _said_beside(lines[:start]) + notes
    else:
        items = {k: m.group(1) for k, x in enumerate(lines) if (m := ITEM_RE.match(x))}
        if len(items) < 2:
            return None
        notes, n = [], 0
        first = min(items)   # "Shots 6-8:" above the bullets: the place each of them is said at
        head = lines[first - 1].strip().rstrip(":").strip() if first and HEAD_PLACE_RE.fullmatch(lines[first - 1].strip()) else ""
        for k, x in enumerate(lines):
            if k not in items:
                notes += _said_beside([x])
                continue
            n += 1
            said = f"{head}: {_line(items[k])}" if head else _line(items[k])
            m = LEADING_TIME_RE.match(said)
            at = spoken_time(m.group(1)) if m else None
            if m and at and (r := LEADING_RANGE_RE.match(said[m.start(1):])) and (to := spoken_time(r.group(1))):
                said = f"from {at} to {to} {said[m.start(1) + r.end():]}"   # "- 0:00-0:01 in soft, pad only"
            else:
                said = f"at {at} {said[m.end():]}" if m and at else said
            notes.append(Note(said, f"{n}" + (f" ({at})" if at else "")))
    return [Note("" if RESOLVED_RE.match(re.sub(r"^at [\d:]+ ", "", x.text)) else x.text, x.label) for x in notes]
