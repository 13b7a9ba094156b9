"""A complaint about the music's character with no way said to fix it: "too cartoony now, dial it back", "it's a bit
too quirky", "way too whimsical, tone it down". The word's feeling (`vocab.MOODS`, or the nearest one by meaning) is
no amount of one thing: playful is faster, major and a little livelier at once, so "dial it back" does not say which
to take back. The turn is one concrete question offering the ways the feeling is made. A feeling that is mostly energy
("too epic, tone it down", "too aggressive") is less energy, read by the grammar as before; "too loud", "too sad" and
the other words `phrases.TOO` knows, a culture ("too corporate") and a feeling the similes know ("too warm") move away
on their own.

    from v2m.agent.dialogue.character import asked
    asked("too cartoony now, dial it back")   # ("Less cartoony: slower, darker ...?", ("slower", "darker", "calmer"))
    asked("too epic, tone it down")           # None: less energy
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.audience import AUDIENCE, DRIFT, LATER
from v2m.agent.dialogue.cultures import shunned
from v2m.agent.dialogue import patterns
from v2m.agent.dialogue.phrases import REDUCE_RE, TOO
from v2m.agent.dialogue.place_words import PLACE_WORDS_RE
from v2m.agent.dialogue.simile_scenes import SCENE_RES
from v2m.agent.dialogue.vocab import MOODS, Mood, lookup
from v2m.agent.dialogue.where import Ask

# "too X" said of the music; what else a complaint about a character may say and still leave the way unsaid
TOO_X_RE = re.compile(r"\btoo (?:much )?([a-z]{4,})\b")
SAID_AROUND = set("""it it's its is that that's thats this the music score track whole thing sounds sound feels feel seems
getting gotten got gone a bit little tad touch notch way far much so really quite rather very kind sort of now just all
mate please pls honestly hmm ok okay um uh bro dude guys and but though""".split())
ENERGY_LED = 0.2   # a feeling whose energy moves at least this much is mostly energy: "too epic, tone it down" is less
# a worry about the audience with no way said ("people will tune out", "I'm worried viewers will get bored by the middle"):
# no part ("tune out" is no tune taken out), no step; which way to hold them is asked
WORRY_RE = re.compile(r"^\W*(?:(?:hmm|ok|okay|so|but|honestly|tbh|just|and)\W+)*(?:i(?:'m| am)? (?:worry|worried|fear|think|feel like|"
                      rf"suspect|bet)(?: that)? )?{AUDIENCE}{LATER}? {DRIFT}\b(?P<rest>[^.!?]*)\W*$", re.I)
WORRY_REST_RE = re.compile(r"^(?:\s*(?:here|there|halfway|by|in|at|during|the|middle|end|ending|intro|start|second|first|"
                           r"half|shot|part|this|that|bit|with|music|it|as is|now|\d+|:|,))*\s*$", re.I)
WORRY = ("That worry can be met more than one way: more energy, or a faster tempo? I left the score as it is; say which "
         "(or more than one).", ("more energy", "faster"))


def worried(request: str) -> tuple[str, tuple[str, ...]] | None:
    """The question for a worry about the audience that says no way to go ("people will tune out"), else None."""
    m = WORRY_RE.match(request.strip())
    return WORRY if m and WORRY_REST_RE.match(m.group("rest")) else None


def asked(request: str) -> tuple[str, tuple[str, ...]] | None:
    """The question (and the answers it offers) for a complaint about the music's character that says no way to go,
    or None when the request says more, or the word is one the grammar moves away from itself."""
    # the last sentence: a complaint said after the request of a question it answers ("a bonk on the last two cuts.
    # too cartoony now, dial it back")
    low = ([x for x in patterns.sentences(request.lower()) if x.strip()] or [""])[-1]
    if not (m := TOO_X_RE.search(low)) or m.group(1) in TOO or shunned(low) or any(r.search(m.group(0)) for r, _ in SCENE_RES):
        return None   # a word moved away from by the grammar, a culture ("too corporate"), a feeling ("too warm")
    rest = REDUCE_RE.sub(" ", low[:m.start()] + " " + low[m.end():])
    if set(re.findall(r"[a-z']+", PLACE_WORDS_RE.sub(" ", rest))) - SAID_AROUND:   # a place says no way ("in shot 3")
        return None   # "too cartoony, make it slower": the way is said; "the flute is too cartoony": a part
    mood = lookup(m.group(1), "mood")
    if mood is None or abs((feel := MOODS[mood.name]).energy) >= ENERGY_LED:
        return None
    return _which_way(m.group(1), feel)


def _which_way(word: str, feel: Mood) -> tuple[str, tuple[str, ...]] | None:
    """The question offering the ways a feeling is made, to move away from it; None when it is made one way only."""
    ways = tuple(w for w, on in (("slower", feel.tempo > 1), ("faster", feel.tempo < 1), ("darker", feel.mode == "major"),
                                 ("brighter", feel.mode == "minor"), ("calmer", feel.energy > 0),
                                 ("livelier", feel.energy < 0)) if on)
    if len(ways) < 2:
        return None
    said = {"darker": "darker (a minor key)", "brighter": "brighter (a major key)", "calmer": "calmer and sparser"}
    return (f"Less {word}: {', '.join(said.get(w, w) for w in ways[:-1])}, or {said.get(ways[-1], ways[-1])}? "
            "I left the score as it is; say which (or more than one).", ways)


# a feeling said to be had less of ("less triumphant", "not so heroic", "a bit less majestic"): away from it, not toward
AWAY_RE = re.compile(r"\b(?:less|not (?:so|as|that|too)|too)\s*$")


def mood_wish(text: str, word: str, mood: Mood) -> dict:
    """The intent's fields for a mood's word said in a clause: the mood itself, or, said moved away from ("less
    triumphant, it's a bit much"), its energy taken back when it is mostly energy; a feeling made more ways than one
    ("less whimsical") asks which (Ask)."""
    m = patterns.compiled(rf"\b{re.escape(word)}\b").search(text)
    if m is None or not AWAY_RE.search(text[:m.start()]):
        return {"what": "mood", "value": mood.name}
    if abs(mood.energy) >= ENERGY_LED or (q := _which_way(word, mood)) is None:
        return {"what": "energy", "direction": "down" if mood.energy > 0 else "up"}
    raise Ask(q[0])



def one_feel(said: list[tuple[str, Mood]], text: str) -> tuple[str, Mood] | None:
    """Of the moods a clause says, the one to take when they agree ("warm and snug", "cosy and warm": gentle, slower,
    no mode against the other): the first said; None when they pull apart ("happy and sad", "calm and epic"), which
    is asked."""
    moods = list({m.name: m for _, m in said}.values())
    if len({m.mode for m in moods} - {None}) > 1 or len({m.energy > 0 for m in moods}) > 1 or \
            len({m.tempo >= 1 for m in moods}) > 1:
        return None
    return min(said, key=lambda wm: text.find(wm[0]))
