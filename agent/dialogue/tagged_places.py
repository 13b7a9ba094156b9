"""Places the learned span tagger heard that the grammar's reading of the whole request left unused: "less busy towards
the back end" was read as less energy on the whole score, while the tagger marks "towards the back end" as the place
and the grammar's own place finder, given those words alone, reads the ending. The edit is then read again by the
grammar with that place said in its own words ("... from 0:21 to 0:30"), so it lands there and nothing outside moves;
a place the finders cannot read ("in the back third") is asked about instead of changing the whole score.

    from v2m.agent.dialogue.tagged_places import placed
    placed(rules, ("towards the back end",), analysis, plan, request, read)   # the edit from 0:21 to 0:30

The tagger's spans come from the encoder pass the arbiter makes for the turn (`IntentModel.read`, cached by text). A
place the grammar found is never moved: only a reading whose every edit covers the whole score is placed, and only by
a span said in the clause that edit was read from (so "faster, then a crash on the 2nd cut" keeps its tempo whole).
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.spelling import spelled
from v2m.agent.dialogue.where import WHOLE_RE, Ask, fmt, snap
from v2m.tools.contract import EditIntent

# kinds of edit a stretch of the score can take (a build over time names its own ends: "grow all the way to the finish")
PLACEABLE = ("tempo", "energy", "loudness", "balance", "add", "remove", "only", "mood", "mode")
# a place said by a noun of time or of the picture's parts ("the back third", "the closing frames", "the early part")
PLACE_NOUN_RE = re.compile(r"\b(?:end|ending|start|beginning|opening|middle|half|third|quarter|stretch|part|bit|section|"
                           r"portion|segment|shots?|cuts?|scenes?|clips?|frames?|seconds?|secs?|intro|outro|tail|finale|"
                           r"climax|close)\b")
# the score's own edges ("until the end", "all the way to the finish", "from the start to final"), however far the
# tagger runs on past them ("from start to final the tension"): the whole score
EDGE_RE = re.compile(r"^(?:(?:from )?(?:the )?(?:very )?(?:start|beginning|top|first frame) )?(?:all the way |right |the whole "
                     r"way )?(?:to|until|till|up to|into|towards?|through) (?:the )?(?:very )?(?:end|finish|final|close|last frame)\b(?! of)")
# a span that trails off into a clause ("the bit where"): the tagger's edge, not a place to name in a question
TRAILING_RE = re.compile(r"\b(?:where|when|while|that|which|of|the|a|an|and|to)$")
# a word alone the tagger heard as a place ("I don't like the piano after all": "after"): a preposition with nothing
# after it names no place to ask about
BARE_WORD_RE = re.compile(r"\W*(?:after|before|from|until|till|at|in|on|to|during|around|all|after all)\W*", re.I)
# A simile's scene ("like the children running up to the finish line", "like a runner coming up to the tape"): how
# it should feel, never a place of the video
SCENE_RE = re.compile(r"\blike (?:(?:a|an|the|some|our|my|his|her|their|when|how) )?(?:[a-z']+ ){0,3}?[a-z]+ing\b[^,.;!?]*", re.I)
# a pointer back into the conversation ("in there", "right here", "at that point", "that bit"): the grammar's references
# read it from the turns before (k-d-fashion-04 turn 2, "the drums should kick in there" after a place was named);
# asked "where do you mean by 'there'?" it would undo that
POINTER_RE = re.compile(r"\W*(?:right |just )?(?:(?:in|at|from|after|before|around|on|by|over|until|till|up to) )?(?:there|here|"
                        r"(?:this|that|the same) (?:point|bit|part|moment|spot|place|section|shot|cut|one))\W*", re.I)
# every one of a kind ("every remaining shot", "all the other cuts", "each scene"): the whole score as far as it is
# free (locks and the grammar's own exclusions decide the rest), never a place to ask about (test_rewordings)
EVERY_RE = re.compile(r"\W*(?:(?:in|on|for|across|over|through|during) )?(?:every|each|all(?: of)?(?: the)?|any|the rest of the|"
                      r"the remaining|the other)\b", re.I)
QUESTION = "Where do you mean by '{}'? Name a shot or a time, e.g. 'in shot 3' or 'from 0:12 to the end'."


def names_no_place(span: str) -> bool:
    """Whether a tagged scope names no place to read or to ask about: the whole score, a bare preposition, a pointer
    back into the conversation, every one of a kind (the one test `candidates` and the head's path share)."""
    low = span.lower()
    return bool(WHOLE_RE.search(low) or BARE_WORD_RE.fullmatch(low) or POINTER_RE.fullmatch(low) or EVERY_RE.match(low))


def _whole(intents: list[EditIntent]) -> bool:
    """Whether every edit of the reading covers the whole score and can take a stretch (no hit's times, no style)."""
    return bool(intents) and all(it.what in PLACEABLE and it.scope.kind == "whole" and not it.scope.times_s
                                 for it in intents)


def _said_in(span: str, intents: list[EditIntent], request: str) -> bool:
    """Whether `span` lies in the clause each edit was read from (or the edit was read from the whole request)."""
    whole = spelled(request.lower())
    return all(not it.text or span in spelled(it.text.lower()) or spelled(it.text.lower()).strip() == whole.strip()
               for it in intents)


def candidates(spans: tuple[str, ...], intents: list[EditIntent], request: str, loose: bool = False) -> list[str]:
    """The tagged scope spans that may place `intents`: no whole-score phrase, bare preposition, simile scene or part
    ("bottom end" is the bass), no edge of the score; said in each edit's clause; and, unless `loose`, a place noun
    with a word before it ("the back third", not "part")."""
    scenes = [m.group(0) for m in SCENE_RE.finditer(spelled(request.lower()))]
    out = []
    for w in spans:
        low = w.lower().strip(" ,.;:!?-")
        if not low or names_no_place(low) or EDGE_RE.match(low) or \
                any(low in sc for sc in scenes) or named_parts(low) or not _said_in(low, intents, request):
            continue
        if not loose and (not PLACE_NOUN_RE.search(low) or len(low.split()) < 2 or TRAILING_RE.search(low)):
            continue
        out.append(low)
    return out


def placed(intents: list[EditIntent], spans: tuple[str, ...], analysis, plan, request: str, read: Callable,
           loose: bool = False) -> list[EditIntent]:
    """`intents` placed where the tagger's scope span says, when the grammar left them on the whole score.

    Args:
        intents: the grammar's reading (or the head's label placed by it).
        spans: the tagger's scope spans, as said in `spelled(request.lower())`.
        read: the grammar (`edits.read_request`), to read the edit again with the place in its own words.
        loose: ask about any span left unplaced (the head's reading, as `model_labels._placed` did), not only one
            said by a place noun.
    Returns:
        The edits placed there, or `intents` unchanged.
    Raises:
        Ask: a span the finders cannot read ("in the back third", "during the vows"): where, the plan unchanged.
    """
    if not _whole(intents):
        return intents
    found = candidates(spans, intents, request, loose)
    if again := relocated(intents, found, analysis, plan, request, read):
        return again
    if found:
        raise Ask(QUESTION.format(found[0][:60]))
    return intents


def relocated(intents: list[EditIntent], found, analysis, plan, request: str, read: Callable) -> list[EditIntent]:
    """The edits read again from `request` (the head's label said in the grammar's words after it, on the head's
    path) with the first span in `found` that the place finders read said as its times ("from 0:21.00 to 0:30.00");
    [] when none is read, or the edits read so are other kinds or still whole."""
    for w in found:
        w = w.lower()
        try:
            span = locate(words(w), analysis, plan)
        except Ask:
            span = None
        if span is None:
            continue
        span = snap(span, analysis)
        said = spelled(request.lower())
        again = _read(read, analysis, plan, said.replace(w, f" from {fmt(span.start_s, 2)} to {fmt(span.end_s, 2)} ", 1))
        if again and {_kind(it) for it in again} == {_kind(it) for it in intents} and \
                all(it.scope.kind != "whole" for it in again):
            return [it.model_copy(update={"source": intents[0].source, "confidence": intents[0].confidence}) for it in again]
    return []


def _kind(it: EditIntent) -> tuple:
    return it.what, it.direction, it.value


def _read(read: Callable, analysis, plan, text: str) -> list[EditIntent]:
    try:
        return read(analysis, plan, re.sub(r"\s+", " ", text).strip(), guess=False)
    except Ask:
        return []
