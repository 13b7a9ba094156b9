"""The model's intent labels against the grammar's intents, for the arbiter: the label an intent reads as (`label_of`),
a label made into intents placed and sized by the grammar reading it in its own words (`_placed`), and the question
asked when a place was said that the grammar could not find, rather than changing the whole score (`unfound`).
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import part_words
from v2m.agent.dialogue.amounts import magnitude, unitless
from v2m.agent.dialogue.intent_model import LABELS
from v2m.agent.dialogue.intents import scope_of
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.spelling import spelled
from v2m.agent.dialogue.tagged_places import QUESTION, SCENE_RE, names_no_place, relocated
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import WHOLE_RE, Ask, snap
from v2m.tools.contract import EditIntent


# Each label said in the grammar's words, for the grammar to read again with the request; {i}: the instrument.
HINTS = {"tempo_up": "faster", "tempo_down": "slower", "energy_up": "more energy", "energy_down": "less energy",
         "loudness_up": "louder overall", "loudness_down": "quieter overall", "mode_minor": "darker",
         "mode_major": "brighter", "shape_up": "gradually build", "shape_down": "gradually softer",
         "balance_up": "{i} louder", "balance_down": "less {i}", "add": "add {i}", "remove": "no {i}",
         "revert": "undo that", "hit": "hit"}


PLACELESS = ("loudness", "revert", "style", "hit", "none")  # kinds of edit that take no place (or ask their own)


def label_of(it: EditIntent) -> str:
    """The model's label for one intent (a mood its key if keyed, "sadder", else its energy; "only" a removal)."""
    if it.what == "mode" or it.what == "mood" and MOODS[it.value].keyed:
        mode = MOODS[it.value].mode if it.what == "mood" else it.value
        return f"mode_{mode}" if mode in ("major", "minor") else "style"
    if it.what == "mood":
        return "energy_up" if MOODS[it.value].energy > 0 else "energy_down"
    if it.what in ("revert", "undo"):
        return "revert"
    if it.what == "only":
        return "remove"
    if it.what in ("add", "remove", "hit", "style"):
        return it.what
    if it.what in ("tempo", "energy", "loudness", "shape", "balance") and it.direction in ("up", "down"):
        return f"{it.what}_{it.direction}"
    return it.what


def _instrument(text: str) -> str | None:
    parts = named_parts(part_words.KICK_IDIOM_RE.sub(" ", text).lower())
    return parts[0] if parts else None


# A place said in numbers ("00:12 -", "sh3", "after cut 3", "at seventeen seconds") or by a moment of the
# video not yet named ("up to the pop"): never the whole score.
NUMBERED_PLACE_RE = re.compile(r"\d:\d|\bsh ?\d|\b(?:shots?|cuts?|sections?|scenes?|bars?) ?\d|\d+ ?(?:s|secs?|seconds|mins?|"
                        r"minutes?)\b|\bseconds\b|\bminutes?\b|\b(?:until|till|up to|after|before) the (?!end\b|start\b|"
                        r"beginning\b|top\b|very\b|last\b|first\b|next\b|intro\b|outro\b|ending\b)[a-z]+\b")


def unfound(intents: list[EditIntent], places: tuple[str, ...], unread_pieces: Callable[[], list[str]] = list) -> None:
    """Ask where, when the request (or a place the model's tagger heard in it) names a place counted in numbers
    or a moment not yet named that the grammar could not find, and the grammar's edit would change the whole
    score instead (the place was said; it is only not understood). A place inside a piece no reader reads
    (`unread_pieces`: "faster, and give it the blorp sound in shot 3") is that piece's, named as unread, not asked.

    Raises:
        Ask: the question naming the place heard.
    """
    scenes = [m.group(0).lower() for w in places for m in SCENE_RE.finditer(w)]
    places = tuple(SCENE_RE.sub(" ", w) for w in places if not any(w.lower() in sc for sc in scenes))
    counted = [(w if len(w) <= 40 else m.group(0), m.group(0)) for w in places
               if not WHOLE_RE.search(w.lower()) and (m := NUMBERED_PLACE_RE.search(unitless(w.lower())))]
    if counted and intents and all(it.scope.kind == "whole" and not it.scope.times_s and it.what not in
                                   ("key", "style", "revert", "undo", "hit", "no_hit", "lock",
                                    "unlock", "take", "route") for it in intents) and \
            (counted := [w for w, at in counted if not any(at in unitless(p.lower()) for p in unread_pieces())]):
        raise Ask(f"Where do you mean by '{counted[0][:60]}'? Name a shot or a time, e.g. 'in shot 3' or "
                  "'from 0:12 to the end'.")


def _placed(label: str, p: float, analysis, plan, request: str, read: Callable,
            places: tuple[str, ...] = ()) -> list[EditIntent]:
    """The model's label as intents, placed and sized by the grammar reading the request with the label
    in its own words; a bare intent at the request's place when the grammar still cannot read it.

    Raises:
        Ask: the model's tagger heard a place (`places`) that the grammar could not find ("the kitchen ...,
            give it a lift there"): acting on the whole score would change what the user did not address.
    """
    intents = _placed_intents(label, p, analysis, plan, request, read)
    unplaced = [w for w in places if not names_no_place(w)]   # (a pointer such as 'in there' is the grammar's to read)
    if unplaced and LABELS[label][0] not in PLACELESS and all(it.scope.kind == "whole" for it in intents):
        hint = HINTS.get(label, "").format(i=_instrument(request) or "")   # the span's own words place it
        if again := relocated(intents, unplaced, analysis, plan, f"{request.rstrip(' .!?')} {hint}", read):
            return again
        raise Ask(QUESTION.format(unplaced[0][:60]))
    return intents


def _placed_intents(label: str, p: float, analysis, plan, request: str, read: Callable) -> list[EditIntent]:
    instrument = _instrument(request) or ""
    hint = HINTS.get(label)
    if hint is not None:
        try:
            again = read(analysis, plan, request.rstrip(" .!?") + " " + hint.format(i=instrument), guess=False)
        except Ask:
            again = []
        mine = [it.model_copy(update={"source": "model", "confidence": round(p, 3)})
                for it in again if label_of(it) == label and not (it.what == "mood" and MOODS[it.value].keyed)]
        if mine:
            return mine
    what, direction, value, said = LABELS[label]
    if what in ("style", "hit", "none"):
        raise Ask(f"Do you want {said}? Say which, e.g. 'in jazz' or 'a crash on the cut at 0:04'.")
    text = words(spelled(request.lower()))
    span = locate(text, analysis, plan)
    span = snap(span, analysis) if span else None
    common = dict(source="model", confidence=round(p, 3), text=request[:400])
    if what == "revert":
        return [EditIntent(what="revert", version=-1, **common)]
    if what == "shape":
        return [EditIntent(what="shape", direction=direction, shape=[0.15, 0.9] if direction == "up" else [0.8, 0.15],
                           scope=scope_of(span), **common)]
    return [EditIntent(what=what, direction=direction, value=value or instrument or None, scope=scope_of(span),
                       magnitude=magnitude(text), **common)]   # "tempo needs to go up by a huge amount": large
