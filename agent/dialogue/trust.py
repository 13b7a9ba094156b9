"""Where the arbiter (`arbiter.choose`) trusts the learned reader's label over a reading the grammar made: a mood said
of the harmony (`key_over_mood`), a style read from an occasion where the head is sure of an edit (`over_style`).

A mood said of the harmony: "happier chords please", "sadder harmony", "can the key be more happy". The grammar reads
the feeling word as a mood (`vocab.MOODS`: a key, and the mood's energy and pace too); the head is sure the request is
a change of key, and the words name the harmony, so the key alone changes (placed by the grammar) and the tempo and
energy stay as they are. The head says what (a key), the grammar which way (the mood's key): where the two keys
differ the grammar's reading stands (a cross-validated head was the wrong way round 4 times in 11 on bank17-tune). A
feeling said of the whole music before the harmony is named ("way too happy clappy, gimme sad chords") is the mood.
Measured (model17, seventeenth session; finetune/results/intent-lora.md) on the request banks' tune halves and the
dialogue tune sets only.

    key_over_mood(rules, pred, "happier chords please")   # "mode_major" when the head is KEY_P sure of it
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import cultures
from v2m.agent.dialogue.intent_model import Prediction
from v2m.agent.dialogue.patterns import PUNCTUATED_RE
from v2m.agent.dialogue.vocab import MOODS
from v2m.tools.contract import EditIntent

KEY_P = 0.75   # the head this sure of the mood's key (bank17-tune, shipped head: 6 right, none wrong; no dialogue turn)
STYLE_P = 0.8   # the head this sure of an edit over a style inferred from an occasion (bank17-tune: 1 right, none wrong)
# words that name the harmony, not a key of the keyboard ("just the keys"), a "key moment" or "the chorus is key"
HARMONY_RE = re.compile(r"\b(?:chords?|chordal|harmon(?:y|ies|ic|ically)|tonality|progressions?|minor|major|(?<!low[- ])"
                        r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bbe )(?<!'s )key(?! (?:moment|part|bit|scene|shot|point|"
                        r"frame|line|thing|word)s?\b))\b")
WORD_RE = re.compile(r"[a-z']+")
MOODISH = ("mood", "energy", "mode")   # what a mood said of the harmony reads as, with nothing else asked


def key_over_mood(rules: list[EditIntent], pred: Prediction | None, request: str) -> str | None:
    """The mood's key ("mode_major" / "mode_minor") alone in place of the grammar's mood, when the grammar read moods of
    that key and nothing but moods, energy or a key, the head is KEY_P sure of that key, and the request names the
    harmony; else None. Asked before the two readings' agreement: a keyed mood's label is its key (`model_labels.label_of`,
    `vocab.Mood.keyed`), so the head agrees with the grammar's mood, and only the key is wanted."""
    if pred is None or not pred.label.startswith("mode_") or pred.p < KEY_P:
        return None
    keys = {MOODS[it.value].mode for it in rules if it.what == "mood" and it.value in MOODS}
    if keys != {pred.label[len("mode_"):]} or not all(it.what in MOODISH for it in rules):
        return None
    if any(it.what == "mode" and f"mode_{it.value}" == pred.label for it in rules):
        return None   # the key said as well ("happier, in a major key"): the grammar's reading stands
    harmony = HARMONY_RE.search(low := request.lower())
    return pred.label if harmony and not _felt_before(low[:harmony.start()]) else None


def _felt_before(said: str) -> bool:
    """Whether a clause finished before the harmony is named holds a feeling word: a mood of the whole music ("way too
    happy clappy, gimme sad chords": the whole turned sad, its pace too), not of the harmony named after it ("the
    chords sound way too gloomy, can they be happier": the key)."""
    return any(any(w in m.words for m in MOODS.values() for w in WORD_RE.findall(clause))
               for clause, marks in PUNCTUATED_RE.findall(said) if marks)


def over_style(rules: list[EditIntent], pred: Prediction | None) -> str | None:
    """The head's edit in place of a style the grammar read from an occasion or a scene ("it's for a church livestream,
    quieter please": church music; "please reduce the bpm, it's for my nani's 80th birthday": a birthday's style), when
    the grammar read nothing but a style it inferred (each with its reason: `cultures`, "a children's party wants bright,
    bouncy folk"; never a style named, "like a seaside brass band", or a genre named, "make it drum n bass" (`_genre`),
    where the head's "add brass" is the lesser reading,
    nor a described sound, "taiko and braams all the way": `_sounded`)
    and the occasion's key (a birthday's major), and the head is STYLE_P sure of an edit (not a style, a revert, none
    or another key)."""
    if pred is None or pred.p < STYLE_P or pred.label in ("style", "revert", "none") or pred.label.startswith("mode_"):
        return None
    styles = [it for it in rules if it.what == "style"]
    inferred = styles and all(it.reason and not _sounded(it.reason) and not _genre(it.reason) and not cultures.named_why(it.reason)
                              for it in styles) and \
        all(it.what in ("style", "mode") for it in rules)
    return pred.label if inferred else None


def _genre(reason: str) -> bool:
    """Whether a style's reason is a genre's that people name and we have no style for ("make it drum n bass": the
    electronic style is nearest, `Scene.genre`): a style named, over which the head's sure "add" is the lesser reading."""
    return any(c.reason == reason and c.genre for _, c in cultures.table())


def _sounded(reason: str) -> bool:
    """Whether a style's reason is a described sound's (a scene of `Scene.weight` under 1: "taiko and braams all the
    way" is the trailer sound asked for, its words the instruments a head's "taiko louder" would read)."""
    return any(c.reason == reason and c.weight < 1 for _, c in cultures.table())


def kept(how: str, label: str, rules: list[EditIntent], guessed, mode: str) -> str:
    """How a turn is read once the score's key is known: a key the score is in already is no change of key ("make it
    joyous", "happier chords please" in a major score), so the grammar's reading of the words stands (its mood's
    energy and pace: `keyed.mode`), or their word-embedding guess when it read nothing."""
    if how == "model" and label == f"mode_{mode}" and (rules or isinstance(guessed, list) and guessed):
        return "rules" if rules else "guess"
    return how
