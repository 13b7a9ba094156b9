"""A key asked for by a feeling ("too gloomy", "less sad", "too cheerful") where the score is in that mode already:
the music still moves that way, by what else the mood does, and the reply says how. "Too gloomy" in F major is no
wish for another key (the user hears the music, not the key): the happy mood's energy and pace, its key kept;
"too cheerful" in minor: the sad mood's. So does a part asked brighter or darker in the mode it asks ("brighter at
0:45" in major: a part cannot be more major). Asked of the whole score by the key's own words ("brighter", "make it
major") it stays the question it was (`operations.set_key`'s limit).

    mode(e, EditIntent(what="mode", value="major", text="too gloomy"))   # in F major: livelier, a little faster

A mood said of the harmony ("sadder chords please", "can the harmony sound more sad") is its key alone (`harmony`, on the
intents read): the tempo and the energy stay; in that mode already, that is said and nothing moves.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.phrases import NOT_SO_RE, TOO, TOO_RE
from v2m.agent.dialogue.trust import HARMONY_RE, _felt_before
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import Ask

AWAY = {"major": ("brighter", "happy"), "minor": ("darker", "sad")}   # the mode: the way a feeling moves, the mood that goes so
# a place asked brighter or darker by those words (the way's own, "lighter", "moody", and the words of the moods that
# go so: "sunnier", "gloomy", each with its comparatives), not by the key's own ("make it major there") nor beside a
# tempo set ("more upbeat at 150 bpm in the last shot": the tempo is said)
WAY_STEMS = ("bright", "dark", "light", "moody", *(re.sub(r"(?:y|ful|der)$", "", w) for _, m in AWAY.values()
                                                  for w in MOODS[m].words if " " not in w))
WAY_RE = re.compile(rf"\b(?:{'|'.join(dict.fromkeys(WAY_STEMS))})\w*")
OWN_KEY_RE = re.compile(r"\b(?:major|minor|bpm)\b")


def mode(e, it) -> None:
    """The mode `it` asks for, over `e`'s place; a feeling complained of in the mode it asks for already moves by the
    mood's energy and tempo instead (said in `e.said`)."""
    try:
        ops.set_key(e.plan, [] if e.whole else e.idx, tonic=None, mode=it.value, shift=0, whole=e.whole)
    except ops.AtLimit:
        text = (it.text or "").lower()
        way, name = AWAY.get(it.value, ("", ""))
        felt = any(TOO.get(m.group(1)) == way for r in (TOO_RE, NOT_SO_RE) for m in r.finditer(text))
        placed = not e.whole and WAY_RE.search(text) and not OWN_KEY_RE.search(text)
        if not way or not (felt or placed):   # ("brighter at 0:45" in major: that part brighter another way)
            raise
        mood = MOODS[name]
        ops.add_energy(e.plan, e.idx, mood.energy)
        try:
            ops.set_tempo(e.plan, e.idx, factor=mood.tempo, whole=e.whole)
        except Ask:
            pass   # the tempo at its limit: the energy still moves
        how = "livelier and a little faster" if mood.energy > 0 else "calmer and a little slower"
        e.said.append(f"The score is already in {e.plan.key} {it.value}, so {way}{'' if e.whole else ' there'} another way: {how}.")



def harmony(intents: list, request: str) -> list:
    """`intents` with a mood said of the chords ("sadder chords please", "can the harmony sound more sad") as the
    mood's key alone (a "mode" intent: in that mode already, `mode` asks, nothing moves); a feeling of the whole said
    before the harmony is named ("way too happy clappy, gimme sad chords") keeps the mood, pace and all (the arbiter's
    own rule, `trust.key_over_mood`)."""
    named = HARMONY_RE.search(low := request.lower())
    if not named or _felt_before(low[:named.start()]):
        return intents
    return [it.model_copy(update={"what": "mode", "value": MOODS[it.value].mode, "direction": "set"})
            if it.what == "mood" and it.value in MOODS and MOODS[it.value].mode and HARMONY_RE.search((it.text or "").lower())
            else it for it in intents]
