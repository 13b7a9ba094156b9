"""A complaint about a part said in its frame: '<part> is / sounds / feels (too | a bit | kinda ...) ADJ'. The frame
gives the sign (the part has too much of ADJ, so it moves away from it); the dimension is the one whose words ADJ is
nearest in meaning (`vocab`'s sentence embeddings, at its THRESHOLD and MARGIN), rather than a list of adjectives per
reader: "the drums sound kinda timid" is the drums louder, "the deep notes are a bit boomy" the bass quieter, "the
groove's too laid back" faster (the beat's pace is the tempo). A word near no dimension, or near two, is left for the
other readers as it was said (see NEAR).

    plain("the drums sound kinda timid")     # "the drums a little louder"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import verdicts, versions, vocab
from v2m.agent.dialogue.mentions import BEING, HEDGES, INSTR_ALT
from v2m.agent.dialogue.phrases import TOO, TOWARD
from v2m.agent.dialogue.patterns import Lazy
from v2m.tools.contract import ScorePlan

# Each dimension a part's complaint can move, by direction: the words that say there is too much of its opposite
LEVEL = {"quieter": ("loud", "overpowering", "dominant", "prominent", "boomy", "harsh", "heavy", "strong", "present",
                     "forward", "in your face", "overbearing", "noisy", "hot", "much", "big"),
         "louder": ("quiet", "soft", "weak", "faint", "timid", "thin", "buried", "distant", "lost", "shy", "low",
                    "hidden", "far back", "small", "meek", "feeble")}
# the beat and the groove are the kit and also the pace and drive it sets: a word for its speed is the tempo, one for
# its feel the energy ("the groove is too sleepy": more going on, not a new tempo; "the beat is too busy": less going on,
# where the kit's level alone would leave every note it plays)
PACE = {"faster": tuple(w for w, way in TOO.items() if way == "faster"),   # "too slow": `phrases.TOO`'s words
        "slower": tuple(w for w, way in TOO.items() if way == "slower"),
        "more energy": ("sleepy", "lazy", "laid back", "relaxed", "tame", "lifeless", "limp", "flat", "dull"),
        "less energy": ("frantic", "hectic", "manic", "aggressive", "busy", "cluttered", "crowded", "dense")}
# The word encoder puts a word near its opposite too ("busy" is 0.54 from "quiet", as from "rushed"), so a word not in
# the lists must be nearer than vocab.THRESHOLD (0.5) to one side and further than vocab.MARGIN (0.03) from the
# other: measured on the words of these lists, 0.6 and 0.1 keep "soft-spoken" (0.75 soft, 0.48 loud) and leave
# "busy", "sad" and "bright" to the readers that know them; a word as near the other side as vocab.THRESHOLD is an
# opposite's neighbour ("high" by "low", "thick" by "thin") and is left too
NEAR, APART = max(vocab.THRESHOLD, 0.6), max(vocab.MARGIN, 0.1)
PACED = {"beat", "beats", "groove", "grooves", "drumbeat", "drum beat", "backbeat"}

HEDGE = rf"{HEDGES}|bit"   # `mentions.HEDGES`, and a phone note's bare "bit"
# A complaint said as one's judgement ("I find the middle section a little lifeless", "we found it kinda dull"): the
# frame said as the state it tells ("the middle section is a little lifeless"), for every reader of a state
JUDGED_RE = Lazy((r"\b(?:i|we)(?: (?:really|honestly|personally|just|do|still))? (?:find|found|consider|considered) "
                  r"(?P<what>it|this|that|(?:the|this|that|our|my) (?:[a-z']+ ){0,3}?[a-z']+)"
                  rf"(?P<how>(?: (?:{HEDGE}|a|too|so|very|quite|pretty|rather|really))*) "
                  rf"(?P<word>{'|'.join(sorted(TOO, key=len, reverse=True))})\b",), re.I)
JUDGING_RE = re.compile(r"\b(?:find|found|consider|considered)\b", re.I)   # (the long table read only after these)


def judged(request: str) -> str:
    """`request` with a judgement said ("I find X a bit Y") as the state it tells ("X is a bit Y")."""
    if not JUDGING_RE.search(request):
        return request
    return JUDGED_RE[0].sub(lambda m: f"{m['what']} is{m['how']} {m['word']}", request)

STRONG = r"way|far|much|really|very|so|super|overly"
FRAME_RE = Lazy((rf"(?P<lead>^|[,.;!?:]\s*|\b(?:and|but|so|though|ok|okay|lol|hmm|yeah|also|now|ngl|tbh|honestly|imo|um|uh)\s+)"
                 rf"(?P<part>(?:the |this |that |these |those |your |our |my )?(?P<word>{INSTR_ALT})(?:s|es)?)"
                 r"(?P<alone> on (?:its|their) own| by (?:itself|themselves)| alone)?"   # "the bass on its own is boring": the part, not a solo asked for
                 rf"(?P<verb>(?:'s|'re)? {BEING}(?:(?<=across )as )?)"   # `mentions.BEING`: "sounds", "comes across as"
                 rf"(?P<deg>(?:(?:{HEDGE}|{STRONG}|pretty|rather|quite|just|still) )*(?:too )?)"
                 r"(?P<adj>(?!(?:up|down|back|forward|out|in|more|less|over|off|on)\b)(?![a-z]+er\b)"   # no order ("the bass
                 r"[a-z]+(?:[ -](?:back|up|out|off|forward))?)"                                # a little louder")
                 r"(?P<tail>(?: (?:tbh|ngl|honestly|though|now|lol|imo|to me|for me|for my taste|to my ears))*)"
                 rf"\s*(?=[,.;!?]|$| (?:under|underneath|beneath|behind) (?!(?:the |a |an |those |that |these )?(?:{INSTR_ALT})))",), re.I)
# ("... too busy under the voiceover": what it is under, left as said; not "buried under the guitar": one part against another)


def _direction(adj: str, dims: dict[str, tuple[str, ...]]) -> str | None:
    """The direction whose words `adj` is (or is nearest in meaning to), or None when none is near or two are."""
    for way, words in dims.items():
        if adj in words:
            return way
    ways = [w for w, words in dims.items() for _ in words]
    sims = vocab.embeddings(tuple(x for words in dims.values() for x in words)) @ vocab.embedded(adj)
    best: dict[str, float] = {}
    for way, s in zip(ways, sims):
        best[way] = max(best.get(way, -1.0), float(s))
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    (way, score), second = ranked[0], ranked[1][1]
    # near both sides is the antonym trap: "high" is 0.71 from "low" and 0.54 from "loud", "thick" 0.82 from "thin"
    return way if score >= NEAR and score - second >= APART and second < vocab.THRESHOLD else None


def _reworded(m: re.Match, plan: ScorePlan | None = None) -> str:
    said = _reworded_part(m, plan)
    return said.replace(m["alone"], "", 1) if m["alone"] and said == m[0] else said   # left as said, without "alone"


def _reworded_part(m: re.Match, plan: ScorePlan | None = None) -> str:
    deg, adj, word = m["deg"].lower(), m["adj"].lower().replace("-", " "), m["word"].lower()
    if adj in COLOURS:   # "the bass is too purple. softer" (an answer to `coloured`): the part named, the answer its change
        return f"{m['lead']}{m['part']}{m['tail']}"
    if plan is not None and word not in PACED and not versions.plays(plan, word):
        return m[0]   # "the brass is a bit weak" with no brass: the readers of a part say it is not playing
    if not deg.strip() and (not m["verb"].strip() or not any(adj in words for dims in (LEVEL, PACE) for words in dims.values())):
        return m[0]   # "the bass is walking", "bass loud": no complaint said
    paced = word in PACED
    way = _direction(adj, {**LEVEL, **PACE} if paced else LEVEL)
    if way is None:
        return m[0]
    size = "much " if re.search(rf"\b(?:{STRONG})\b", deg) else "a little " if re.search(rf"\b(?:{HEDGE})\b", deg) else ""
    said = f"{size}{way}" if way in PACE else f"{m['part']} {size}{way}"
    return f"{m['lead']}{said}{m['tail']}"


# A quality the music was liked for, said lost ("thats not chill anymore", "not relaxed any more"): wanted back, the way
# toward it (never away, as "not so chill" is); a fault said gone ("not boring anymore") is the music as wished, left
LOST_RE = re.compile(r"\b(?:not|n'?t)(?: (?:be|sound|feel|seem|really|very|that|so|as))* "
                     rf"({'|'.join(sorted(set(TOO) - verdicts.FAULTS, key=len, reverse=True))}) (?:anymore|any more|any longer)\b", re.I)


def plain(request: str, plan: ScorePlan | None = None) -> str:
    """`request` with each complaint about a part in its frame said in the grammar's words, a part `plan` does not
    play left as typed, and a quality said lost (`LOST_RE`) as the way back to it; the rest as typed."""
    request = LOST_RE.sub(lambda m: TOWARD[TOO[m[1].lower()]], request)
    return FRAME_RE[0].sub(lambda m: _reworded(m, plan), request)


def unplayed(request: str, intents: list, plan: ScorePlan) -> tuple[str, tuple[str, ...]] | None:
    """A part said to be too weak where it plays nowhere ("the strings feel too weak" with no strings): the readers
    bring it in to turn it up, but the complaint is about a part the user thinks is there, so it is asked (the
    question and its one option); None when no such complaint leads to a part added ("..., add them": asked for)."""
    adding = [it.value for it in intents if it.what == "balance" and it.direction != "down" and it.value
              and not versions.plays(plan, it.value)]
    for m in FRAME_RE[0].finditer(request.lower()) if adding else ():
        word, adj = m["part"].split()[-1], m["adj"].replace("-", " ")
        if m["word"] not in PACED and not versions.plays(plan, word) and _direction(adj, LEVEL) == "louder" and \
                any(m["word"] in a or a in m["word"] for a in adding):
            are = "are" if word.endswith("s") and not word.endswith("ss") else "is"
            return f"There {are} no {word} in the score yet. Should I add {'them' if are == 'are' else 'it'}?", (f"add {word}",)
    return None


# colours said of a sound: no one reading ("too purple" is neither louder nor softer to everyone), so what is meant is asked
COLOURS = set("red orange yellow green purple violet pink magenta turquoise beige brown grey gray crimson lilac".split())


def coloured(request: str) -> tuple[str, tuple[str, ...]] | None:
    """A part said to be (too) a colour and nothing else asked ("the bass is a bit too purple"): the question what it
    means and the readings offered; None otherwise (a part too loud, a colour beside another request)."""
    m = FRAME_RE[0].search(request.lower())
    if m is None or m["adj"] not in COLOURS or request.lower().strip(" .!?") != m[0].strip(" .!?,;:"):
        return None
    part = m["part"].split()[-1]
    options = ("louder", "softer", "brighter", "darker")
    return f"What should '{m['adj']}' mean for the {part}: louder, softer, brighter or darker? Say which, or another way.", options
