"""A feeling only guessed from a loose word ("can it be more comedic", "make it a bit goofy", "more theatrical"): the
word is no music word, so the grammar's word embeddings map it to the nearest feeling (`vocab.MOODS`: comedic is
nearest playful), and that feeling is made more ways than one (playful is faster, a major key and a little livelier at
once). A loose guess (not a near synonym, `SYNONYM`) that moves several things at once is the reading least sure of
what was meant, so the turn asks which of those ways, each offered as a request, and changes nothing. A feeling named
by its own words ("more playful", "sadder") is no guess and is acted on; a guessed feeling made one way only too.

    from v2m.agent.dialogue.feeling_ways import asked
    asked(guessed_intents, plan)   # ("Comedic as in faster or more energy? ...", ("faster", "more energy")) or None
    all_picked(question, options, "both")   # "faster and more energy": the answer that takes every way offered
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import patterns
from v2m.agent.dialogue.phrases import LESS_RE, MORE_RE, words
from v2m.agent.dialogue.vocab import MOODS, nearest
from v2m.tools.contract import EditIntent, ScorePlan

# A guess this close to its feeling is a synonym, no loose word ("joyous" 0.85 from happy, "spookier" 0.90 from
# mysterious): acted on. Below it ("comedic" 0.52 from playful, "goofy" 0.57, "theatrical" 0.62 from epic) the guess
# is the uncertain reading. Set between 0.69 ("mischievous") and 0.76 ("dark"); set a's "make it joyous" acts. Each
# word of the guessed phrase counts on its own: "intro cartoon tune" is 0.51 from playful, "cartoon" 0.80.
SYNONYM = 0.7
# Words that name a character or a kind of story, not a sound (notes ASK14B): "funny" is one of playful's own words
# (`vocab.MOODS`) yet a funny score may be faster, brighter or livelier; "more drama" is read as more energy from its
# bare "more". Said with no sound word beside them, which way is asked; "funnier, bouncier" says one and acts.
CHARACTER = frozenset("""funny funnier hilarious comedic comical goofy goofier drama theatrical disney pixar personality
character sitcom""".split())
CHARACTER_RE = re.compile(rf"\b(?P<more>more (?:of (?:a|the|some) )?)?(?P<word>{'|'.join(sorted(CHARACTER))})\b"
                          r"(?<!(?<!more )(?<!some )(?<!give it )(?<!with )character)")   # "the main character enters": a person
# ... yet a film house said as a likeness ("like a pixar film", "pixar style", "more disney-ish") is the genre, its nearest
# style (tools/styles); said only as a degree ("more pixar", "a bit more disney") it is the character, and asked
LIKENESS_RE = re.compile(r"\b(?:like|style|genre|sound(?:s|ing)?|films?|movies?|scores?|soundtracks?|vibes?)\b|\w-?(?:ish|esque)\b")
SOUND_WAYS = ("more energy", "faster")   # what a character with no feeling of its own ("personality") may take
GUESSED_RE = re.compile(r"^'(?P<word>[^']+)' read as (?P<mood>[a-z_]+)$")   # `clauses._unknown`'s reason for a guess
MORE_THAN_ONE = "Say which (or more than one)."   # the question invites several ways: "both", "all of them" take each
ALL_RE = re.compile(r"^\W*(?:(?:ok|okay|yes|yeah|hmm|well),? )?(?:both|all|all three|all of (?:them|those|it)|each of them|"
                    r"every one|the lot|everything)(?: of (?:them|those))?(?:,? please| pls)?\W*$", re.I)
# each way as the edit it reads as (what, and its direction or value)
READ_AS = {"faster": ("tempo", "up"), "slower": ("tempo", "down"), "a major key": ("mode", "major"),
           "a minor key": ("mode", "minor"), "more energy": ("energy", "up"), "less energy": ("energy", "down")}


def ways(mood: str, plan: ScorePlan) -> tuple[str, ...]:
    """The ways toward a feeling, each said as a request, less a key the plan is in already."""
    feel = MOODS[mood]
    out = (("faster", feel.tempo > 1), ("slower", feel.tempo < 1),
           ("a major key", feel.mode == "major" and plan.mode != "major"),
           ("a minor key", feel.mode == "minor" and plan.mode != "minor"),
           ("more energy", feel.energy > 0), ("less energy", feel.energy < 0))
    return tuple(w for w, on in out if on)


def asked(intents: list[EditIntent], plan: ScorePlan) -> tuple[str, tuple[str, ...]] | None:
    """The question (and its options) when `intents` are one feeling guessed from a loose word that is made more
    ways than one; None otherwise."""
    if len(intents) != 1 or intents[0].what != "mood" or not (m := GUESSED_RE.match(intents[0].reason or "")):
        return None
    near = (nearest(w, "mood") for w in (m.group("word"), *m.group("word").split()))   # "intro cartoon tune": cartoon
    if any(n.name == intents[0].value and n.score >= SYNONYM for n in near):
        return None
    options = ways(intents[0].value, plan) if intents[0].value in MOODS else ()
    if len(options) < 2:
        return None
    word = m.group("word")
    said = ", ".join(options[:-1]) + ("," if len(options) > 2 else "") + f" or {options[-1]}"
    return (f"{word[0].upper()}{word[1:]} as in {said}? I took '{word}' to be near {intents[0].value}, which is all of "
            "those at once; I left the score as it is. Say which (or more than one).", options)


def all_picked(question: str, options: list[str], answer: str) -> str | None:
    """Every way offered, as one request ("faster and more energy"), when the question invited more than one and
    `answer` takes them all ("both", "all of them"); None otherwise."""
    return " and ".join(options) if options and MORE_THAN_ONE in question and ALL_RE.match(answer) else None


def made(guessed: list[EditIntent], intents: list[EditIntent], plan: ScorePlan) -> bool:
    """Whether `guessed` is one loose feeling that the turn's `intents` made in a way of its own ("more comedic.
    faster", the answer to the question `asked`): the word was acted on as the user chose."""
    if len(guessed) != 1 or guessed[0].what != "mood" or guessed[0].value not in MOODS:
        return False
    done = {(it.what, it.value if it.direction == "set" else it.direction) for it in intents}
    return any(READ_AS[w] in done for w in ways(guessed[0].value, plan))


def chosen(piece: str, intents: list[EditIntent]) -> bool:
    """Whether `piece` says a character word (`CHARACTER`) and the turn made one of the ways toward a feeling ("make shot
    3 funnier. faster", the answer to the question `character` asks): the word was acted on as the user chose."""
    done = {(it.what, it.value if it.direction == "set" else it.direction) for it in intents}
    return bool(CHARACTER_RE.search(words(piece.lower()))) and any(way in done for way in READ_AS.values())


def character(intents: list[EditIntent], request: str, plan: ScorePlan) -> tuple[str, tuple[str, ...]] | None:
    """The question (and its options) when the request says a character word (`CHARACTER`) and no sound word, and its
    only reading is the word's feeling or more energy for the whole score ("make it kind of funny", "a bit more drama",
    "give it more personality": nothing read); None otherwise."""
    low = words(request.lower())
    if not (m := CHARACTER_RE.search(low)) or len(intents) > 1:
        return None
    it = intents[0] if intents else None
    if it is not None and it.what == "style" and m.group("more") and not LIKENESS_RE.search(low):
        it = None   # "more pixar": the style the word alone names is no reading of a degree of it
    if it is not None and (it.what not in ("mood", "energy") or it.what == "energy" and (not m.group("more") or
                                                                                        it.scope.kind != "whole")):
        return None   # a style ("more dramatic" is cinematic), energy said in other words or in one place ("more drama in
        # shot 2"); the word's feeling in one place is asked as for the whole score ("make the ending funny")
    rest = low[:m.start()] + " " + low[m.end():]
    if patterns.compiled(MORE_RE).search(rest) or patterns.compiled(LESS_RE).search(rest) or any(
            (n := nearest(w, "mood")) is not None and n.score >= SYNONYM for w in rest.split() if len(w) > 3):
        return None   # a sound word beside it: "funnier, bouncier", "more drama and energy"
    word = m.group("word")
    mood = it.value if it is not None and it.what == "mood" else getattr(nearest(word, "mood"), "name", None)
    own = ways(mood, plan) if mood in MOODS else ()
    options = own if len(own) >= 2 else tuple(dict.fromkeys((*own, *SOUND_WAYS)))
    said = ", ".join(options[:-1]) + ("," if len(options) > 2 else "") + f" or {options[-1]}"
    return (f"{word[0].upper()}{word[1:]} as in {said}? '{word}' says a character more than a sound, and it can be "
            "made more than one way; I left the score as it is. Say which (or more than one).", options)


# Feelings that pull against each other said of one place ("calm yet energetic", "chill but energetic"): made as said,
# the calm's slower, sparser and the energy's fuller cancel to a slower tempo alone (flat). Which way to keep both is
# asked: a calm sound over a driving pulse, or calm that builds into the energy.
STILL = frozenset({"calm", "dreamy"})
STIRRED = frozenset({"epic", "aggressive"})
BOTH_WAYS = ("less energy and faster", "start calm and build")


def opposed(intents: list[EditIntent]) -> tuple[str, tuple[str, ...]] | None:
    """The question (and its options) when `intents` make a still feeling (`STILL`) and more energy (or a stirring
    feeling) over the same place; None otherwise."""
    still = [it for it in intents if it.what == "mood" and it.value in STILL]
    stirred = [it for it in intents if it.what == "energy" and it.direction == "up" or it.what == "mood" and it.value in STIRRED]
    if not any(a.scope == b.scope for a in still for b in stirred):
        return None
    return (f"{still[0].value.capitalize()} and energetic pull opposite ways (together they would only slow it down), "
            "so I left the score as it is. Which: a calm sound over a driving pulse (less energy and faster), or calm "
            "that builds into the energy (start calm and build)?", BOTH_WAYS)
