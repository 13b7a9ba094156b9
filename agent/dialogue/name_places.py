"""A clause's named places read as places of the video: its names as the places they were given to, and the place it
names (`placed`), a place said to be fine as it is (`FINE_RE`), "till the end" carrying a place on to the video's end
(`to_end`), and the shot at a moment named with its unit (`moment_shot`). The names themselves are kept and read by
`v2m.agent.dialogue.names`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import within
from v2m.agent.dialogue.exclusions import spared
from v2m.agent.dialogue.kept import IS_FINE
from v2m.agent.dialogue.marks import HIT_WORDS_RE
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.names import AT_TIME_RE, DET, as_places, is_name
from v2m.agent.dialogue.next_place import after_last, put_at
from v2m.agent.dialogue.place_finders import locate, shot_at
from v2m.agent.dialogue.place_words import dotted, parse_time, shares
from v2m.agent.dialogue.where import ALL_MUSIC_RE, INTO_RE, WHOLE_RE, Ask, Span, fmt, lead_in, snap, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis


# Something seen at the start or the end ("the logo at the end", "the aerial shot at the start"): that shot, not
# the score's intro or ending section
SEEN = r"(?:shots?|bit|card|frame|photo|picture|image|clip|scene)"


SEEN_AT_RE = re.compile(rf"\b{DET} (?P<x>[a-z'-]+(?: (?!{SEEN}\b)[a-z'-]+)?)(?: {SEEN})? (?:at|in) the (?:very )?"
                        r"(?P<side>end|ending|start|beginning|opening)\b")


def placed(text: str, analysis: VideoAnalysis, plan: ScorePlan, known: dict[str, str],
           noun: str | None, last_span: Span | None = None, request: str = "") -> tuple[str, Span | None]:
    """A clause's words with its names read as places (`as_places`), and the place it names: None when it
    names none or speaks of the whole score.

    Args:
        text: the clause, lower-cased, punctuation stripped.
        analysis, plan: the video and plan its places refer to.
        known: names given to places so far (updated with the clause's own).
        noun: what the request counts (`noun_of`).
        last_span: where the last edit was, for "the next cut".
        request: the whole request the clause is of ("and the last shot, let the music stop there": that shot's).
    """
    text = put_at(after_last(as_places(shares(text, analysis.duration_s), known, noun), analysis, last_span, request), plan, last_span)
    span = locate(text := within.edges(text, analysis, plan, locate, within.AT_EDGE_RE), analysis, plan)   # "stop at the end of shot 3"
    span = snap(span, analysis) if span else None
    if span is not None and span.sections and (m := SEEN_AT_RE.search(text)) and is_name(m.group("x")) and \
            not INTO_RE.search(text):   # "grow toward the dinner at the end": arriving at the ending
        a, b = visible_shots(analysis)[-1 if m.group("side") in ("end", "ending") else 0]   # "the logo at the end"
        span = Span(a, b, f"the {'last' if m.group('side') in ('end', 'ending') else 'first'} shot", snap=False)
    if span is not None and (rest := spared(text, span, analysis, plan))[1] is not span:
        return rest   # "everything +energy, shots 1-3 untouched": the rest
    if (fine := FINE_RE.search(text)) and not re.search(rf"\b(?:{INSTR_ALT})(?:s|es)?\s*$", text[:fine.start()]):
        # "the end is fine": no place; "..., it's that middle part": that one; "in the intro the piano is
        # perfect, but ...": a part is fine there, and the place still holds
        span = locate(text[fine.end():], analysis, plan)
        return text, snap(span, analysis) if span else None
    if span is not None and WHOLE_RE.search(ALL_MUSIC_RE.sub(" ", text)):
        return text, None
    if span is not None:
        span = to_end(text, span, analysis)
    if span is not None and (m := INTO_RE.search(text)) and span.start_s > 0.5 and arrives(text[m.end():], span, analysis, plan):
        lead = lead_in(span, analysis)  # "swell into the last shot": over the shot that leads there; "all the way into the
        span = Span(lead.start_s, span.end_s, f"from {fmt(lead.start_s)} through {fmt(span.end_s)}", snap=False) \
            if ALL_THE_WAY_RE.search(m.group(0)) else lead   # last shot": on through it
    return text, span


ALL_THE_WAY_RE = re.compile(r"\ball the way\b")
# what a growth arrives at, said as the place said before ("the ship appears on the first cut, swell into that")
POINTER_RE = re.compile(r"^\s*(?:(?:right|just) )?(?:that|this|it|there|them|those|these|then)\b")


def arrives(after: str, span: Span, analysis: VideoAnalysis, plan: ScorePlan | None = None) -> bool:
    """Whether a growth arrives at the place said (`after`, the words after its "into": "swell into the last shot", "swell
    into that"), not at a thing that place holds ("the last three shots, swell right into the logo", "6th cut to the end,
    grow into the kiss at the very end": over the place). Without `plan` only a pointer back says the place."""
    if POINTER_RE.match(after):
        return True
    try:
        there = locate(after, analysis, plan) if plan is not None else None
    except Ask:
        return False
    return there is not None and abs(snap(there, analysis).start_s - span.start_s) < 0.5


# A place said to be fine as it is ("the end is fine, the very start is fine, only that middle bit ...")
FINE_RE = re.compile(rf"\b{IS_FINE}\b")


# "till the end", "through to the end", "until the finish": on from where the place starts
TO_END_RE = re.compile(r"\b(?:till|until|til|to|through|right through|all the way to|up to)(?: to)? the (?:very )?"
                       r"(?:end|finish|last frame)\b(?! of (?:shots?|cuts?|the (?!video|clip|film|song|track|whole|movie)))")   # not "until the end of shot 3"


def to_end(text: str, span: Span, analysis: VideoAnalysis) -> Span:
    """`span` carried on to the video's end when the clause says "till the end" (else `span` itself)."""
    if not TO_END_RE.search(text) or span.sections is not None or span.end_s >= analysis.duration_s - 0.05 \
            or span.start_s < 0.05:
        return span
    return Span(span.start_s, analysis.duration_s, f"after {fmt(span.start_s)}", snap=False)


def moment_shot(text: str, analysis: VideoAnalysis, intents: list) -> Span | None:
    """The shot at a moment named with its unit ("strings forward at 0:45"; `text` may begin with the clause
    before, when that one asked nothing: "the hug's at 0:45, strings forward"), when `intents` are edits that
    are no hit (a hit marks the moment itself: "first goal at 0:22, massive crash there")."""
    m = AT_TIME_RE.search(dotted(text.lower(), analysis.duration_s))   # "at 1.30" on a clip that long: 1:30
    if not m or not intents or HIT_WORDS_RE.search(text) or any(it.what in ("hit", "no_hit") for it in intents):
        return None
    t = parse_time(m.group(1))   # "the voice comes in at 0:03, duck it until the end": from there on
    shot = to_end(text, shot_at(analysis, t), analysis)
    return Span(t, analysis.duration_s, f"after {fmt(t)}") if TO_END_RE.search(text) and shot.start_s < 0.05 else shot
