"""The place words of an unread piece that the turn's edit acted on: "keep it low and breathing till 0:57" is less
energy until 0:57, so the reply may say it did not act on 'breathing', never on 'till 0:57'; "Same treatment for the
brace position, please - that's the shot straight after" changed that shot, so its place is no unread word at all.

    rest = unplaced("breathing till 0:57", analysis, plan, intents, last_span, known)   # "breathing"

The unread pieces are cut finer than the grammar reads its clauses (`unread._pieces`), so a piece may hold the place an
edit beside it was read with. Its place is read as the grammar reads a clause's (`name_places.placed`, with the last
edit's place for "the shot straight after" and the names given so far), stretch by stretch of its words, shortest
first; a stretch naming the span an applied intent changed (or one of its moments) is the edit's, and only the words
left are judged again (`unread`).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.name_places import placed
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import CLOCK, PLACE_FILLER, parse_time
from v2m.agent.dialogue.where import Ask, Span
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis

SAME_S = 0.6   # a place's ends against a changed span's: both snapped to the same cuts, within a beat's rounding
LONGEST_PLACE = 9   # words: "from the 10th shot to the 13th", "the fourth to the seventh pictures" are 7 and 6
# the words a place is said with before it ("at the 5th cut", "from the 8th shot") and after it ("... on", "... only",
# "that middle stretch")
LEADS = {"at", "in", "on", "from", "the", "till", "until", "to", "after", "before", "for", "during", "since", "by",
         "of", "whole", "that", "this", "those", "these", "starting", "right", "just", "only", "over", "across", "within",
         "throughout"}   # "Only over shots 13 and 14."
TRAILS = {"on", "onwards", "onward", "only", "alone", "stretch", "part", "bit", "section", "passage", "portion", "parts",
          "bits", "sections"}   # ("it's only that middle stretch": "that middle" read, its noun with it)
DANGLING = {"", "it's", "that's", "its", "thats", "which", "only", "and", "but", "or", "so", "then"}
# what links a place to the words beside it ("please - that's the shot straight after", "..., it's the relay"):
# nothing asked on its own
LINK_RE = re.compile(r"\b(?:(?:that|it|this|which|there|here|they|those)(?:'s| is| are| was)?|is|are|was|where|when|"
                     r"i\.?e|namely|i mean|kindly)\b")
WORD_RE = re.compile(r"[a-z][a-z'-]*")
BARE_TIME_RE = re.compile(rf"^\s*({CLOCK})\s*$")   # "(0:35 onwards)": a time said bare, an end of the stretch changed


def acted_spans(intents: list[EditIntent]) -> list[tuple[float, float]]:
    """The spans the turn's intents changed, and their moments as spans of no length (a mark's time)."""
    spans = [(it.scope.start_s, it.scope.end_s) for it in intents if it.scope.kind != "whole"]
    return spans + [(t, t) for it in intents for t in it.scope.times_s]


def _stretch(toks: list[str], analysis: VideoAnalysis, plan: ScorePlan, acted: list[tuple[float, float]],
             last_span: Span | None, known: dict[str, str]) -> tuple[int, int] | None:
    """Where in `toks` the shortest stretch naming an `acted` span is (start, end), or None; a bare time at an end of
    one ("(0:35 onwards)", which no place finder reads without its "from") only when no stretch names a whole span."""
    bare = None
    for size in range(1, min(len(toks), LONGEST_PLACE) + 1):
        for i in range(len(toks) - size + 1):
            text = words(" ".join(toks[i:i + size]).lower())
            try:
                span = placed(text, analysis, plan, dict(known), None, last_span, text)[1] if text.strip() else None
            except Ask:   # (and `Unknown`: a stretch of words no place finder reads)
                continue
            if span is not None and any(abs(span.start_s - a) <= SAME_S and abs(span.end_s - b) <= SAME_S for a, b in acted):
                return i, i + size
            if bare is None and span is None and (m := BARE_TIME_RE.match(text)) and \
                    any(abs(parse_time(m[1]) - end) <= SAME_S for ends in acted for end in ends):
                bare = i, i + size
    return bare


def unplaced(said: str, analysis: VideoAnalysis, plan: ScorePlan, intents: list[EditIntent],
             last_span: Span | None = None, known: dict[str, str] | None = None) -> str | None:
    """`said` without the shortest stretch of its words that names a place the turn's `intents` changed (with the words
    it is said with: "at the", "... on"); "" when nothing but filler is left; None when no stretch names one (its words
    are all its own).

    Args:
        said: one piece of the request, as the user said it (it is quoted from this).
        analysis, plan: the video and the plan before the turn, the places are read against.
        intents: the intents the turn applied.
        last_span: where the edit before this turn changed the plan ("the shot straight after").
        known: the names given places so far (`names.earlier`).
    """
    toks = said.split()
    if not (acted := acted_spans(intents)) or (at := _stretch(toks, analysis, plan, acted, last_span, known or {})) is None:
        return None
    a, b = at
    while a and _bare(toks[a - 1]) in LEADS:
        a -= 1   # "At the 5th cut the groom walks in": the place with its "at the"
    while b < len(toks) and _bare(toks[b]) in TRAILS:
        b += 1   # "from 0:35 onwards"
    left = toks[:a] + toks[b:]
    while left and _bare(left[-1]) in DANGLING:
        left.pop()   # "..., it's only [that middle stretch]": what led to the place, left hanging without it
    rest = " ".join(left).rstrip(" ,;:-")
    return rest if _asks_words(rest) else ""


def _bare(tok: str) -> str:
    return tok.lower().strip(" ,.;:!?()[]'\"-")


def _asks_words(rest: str) -> bool:
    """Whether the words left beside a place hold any but filler and links ("please - that's" holds none)."""
    left = LINK_RE.sub(" ", words(rest.lower()))
    return any(len(w) > 2 and w not in PLACE_FILLER for w in WORD_RE.findall(left))
