"""Patterns built from what is only known during a turn (a section's name, a style keyword, the parts a message
names), compiled once each and kept here rather than in `re`'s own cache: that cache holds 512 patterns, and a
turn that passed more through it (a pattern per keyword per clause) compiled every one again, seconds a turn.

    compiled(rf"\\b{re.escape(name)}\\b").search(text)   # as re.search(rf"\\b{re.escape(name)}\\b", text)

A pattern fixed when the module is written is a module-level `re.compile(...)`, whose methods are called; only
one built from data comes here (tests/test_review7.py checks both). A big table of them that only some turns read
is a module-level `Lazy(...)`, compiled on first use:

    KEEP_ONLY = Lazy((rf"\\b{EVERYTHING} {EXCEPT} {PARTS}", ...))   # KEEP_ONLY[0].search(text)

A chat session compiles them all on a thread as it opens (`rehearsal.warming`), so no turn pays for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache

# A full stop ends a sentence or clause; a point before a digit is a time's or a number's ("between 0:06.5 and 0:18.0",
# "1.30", "2.5 dB"), inside it. Every splitter of sentences and clauses reads it so (edits.CLAUSE_SPLIT, followups,
# names.CLAUSES_RE and unread's pieces, drops, moment_table, part_words).
FULL_STOP = r"\.(?!\d)"
POINT = r"\.(?=\d)"   # the other point: inside a number
# Words that open a request and say nothing of it ("ok so", "hmm,", "well,", "right,", "um"): every reader that
# matches a request from its start passes over them (`opening`; a note's heading time, `review_notation.HEAD_RE`)
OPENERS = "ok|okay|oh|ah|um|hmm|well|so|right|alright"


def opening(more: str = "") -> str:
    """The pattern of a request's start up to its first word that counts: its openers (`OPENERS`) and `more`
    ("no|sorry"), words a reader also passes over there that would mean something to another."""
    return rf"^\W*(?:(?:{OPENERS}{'|' + more if more else ''})\W+)*"


SENTENCE_RE = re.compile(rf"(?:[^.!?;]|{POINT})+(?:[!?;]|{FULL_STOP})*")   # a sentence (or ";" clause) and its end
# A place said in a few plain words or numbers ("the 3rd shot", "0:22", "0:22.5"): its point too
PLACE_SAID = rf"(?:[a-z0-9: ]|{POINT})+?"
PLACE_RANGE = rf"(?:[a-z0-9: ]|{POINT}|(?<=\d)[-–](?=\d))+?"   # the same, "shots 10-12" too
CLAUSE_RE = re.compile(rf"(?:[^,;.!?]|{POINT})+")   # a clause: what is between commas, ";", "!", "?" and full stops
# where a comma and "and" or "then" start another order ("rock, and bring the drums back"), or "and", "then" or "but"
# with no comma ("rock and bring the drums back", "drums back and faster"; not the styles "rock and roll", "rhythm and
# blues", "drum and bass"; nor a clause with a subject of its own, "version 3 had no flute and I liked that"): cut before "and"
ORDER_CUT_RE = re.compile(r",\s*(?=(?:and|then)\b)|(?<=\w)(?<!\bdrum)\s+(?=(?:and|then|but) (?!(?:roll|blues|b|i|i'\w+|we|you|it|"
                          r"it's|that|this|they|he|she|so)\b))", re.I)
PUNCTUATED_RE = re.compile(rf"({CLAUSE_RE.pattern})([,;.!?]*)")   # a clause and the marks after it


def sentences(text: str, also: str = "") -> list[str]:
    """`text` cut at each "!", "?", full stop and character of `also` (";", "\\n", ","), the empty pieces kept: [-1] is
    the last one."""
    return compiled(rf"[!?{re.escape(also)}]|{FULL_STOP}").split(text) if also else SENTENCE_END_RE.split(text)


SENTENCE_END_RE = re.compile(rf"[!?]|{FULL_STOP}")


def said_sentences(text: str) -> list[str]:
    """A request's sentences and ";" or line-broken clauses (`sentences`), each stripped, the empty ones dropped."""
    return [x.strip() for x in sentences(text, ";\n") if x.strip()]


@lru_cache(maxsize=2048)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` compiled with `flags`, once per process."""
    return re.compile(pattern, flags)


MADE: list = []   # every `Lazy` table and `LazyPattern`, in the order made (`compile_all` compiles them)


class Lazy(Sequence):
    """A table of patterns compiled once, on first use: each row a pattern's source, or a tuple whose first item is
    one (the rest kept as written). Compiled at import, the three slowest tables (orchestration's KEEP_ONLY and
    TURNED, phrases' IDIOM_RES) took 0.06 s of the package's 0.65 s import, paid also by `v2m score`, which reads
    no request."""

    def __init__(self, rows: Iterable, flags: int = 0):
        self._rows, self._flags = tuple(rows), flags
        MADE.append(self)

    @cached_property
    def _compiled(self) -> tuple:
        return tuple(self._compile(row) if isinstance(row, str) else (self._compile(row[0]), *row[1:]) for row in self._rows)

    def compile(self) -> tuple:
        return self._compiled

    def _compile(self, pattern: str | re.Pattern) -> re.Pattern:
        return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, self._flags)

    def __getitem__(self, i):
        return self._compiled[i]

    def __iter__(self) -> Iterator:
        return iter(self._compiled)

    def __len__(self) -> int:
        return len(self._rows)


class LazyPattern:
    """One pattern compiled on first use (`Lazy` for a single row), read by its callers as the `re.Pattern` it stands
    for (`.sub`, `.search`, ...). For the long part-name alternations (`mentions.INSTR_ALT` in a pattern several
    times): compared's and part_levels' took 0.1 s of the 1 s that `v2m --help` spends importing the chat."""

    __slots__ = ("_pattern", "_flags")

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern, self._flags = pattern, flags
        MADE.append(self)

    def __getattr__(self, name: str):
        return getattr(compiled(self._pattern, self._flags), name)

    def compile(self) -> re.Pattern:
        return compiled(self._pattern, self._flags)


def compile_all() -> None:
    """Every `Lazy` table and `LazyPattern` made so far compiled (importing the readers made them all): what a session's
    warming thread does first (`rehearsal.warming`)."""
    for made in list(MADE):
        made.compile()
