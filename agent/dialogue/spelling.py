"""How people misspell what the edit grammar reads: phone shorthand ("pls", "@ 0:20"), dictation's homophones
("the base is too quiet"), signs in terse notes ("+energy", "-10% tempo"), and grammar words typed without their
vowels or with a letter dropped ("slwr", "evrything"), corrected before any reader sees the request.

    from v2m.agent.dialogue.spelling import spelled
    spelled("drms out @ 0:20 pls")     # "drums out  at  0:20 please"
"""

from __future__ import annotations

import re
from functools import lru_cache

from v2m.agent.dialogue.counted import ORDINALS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS
from v2m.agent.dialogue.minilm import model_dir
from v2m.agent.dialogue.vocab import INSTRUMENTS, MOODS, ROLE_WORDS
from v2m.tools.style import load_style, style_names

# Phone typing: shorthand, then words written without their vowels ("slwr", "drms") or with one letter
# dropped ("evrything"), matched against the words the grammar reads.
# Phone typing that hides a grammar word from every reader ("2 much lol", "mor drama", "fastr n quieter", "ok gd", "bring
# bak", "hat louder", "at end"): read as the words before anything else sees the message (`phoned`), and by `spelled`.
PHONE = ((r"\b2 (?=(?:much|many|fast|slow|loud|quiet|soft|busy|far|big|low|high|dark|bright)\b)", "too "), (r"\bmor\b", "more"),
         (r"\bevn\b", "even"), (r"\bgd\b", "good"), (r"\bbak\b", "back"), (r"(?<=[a-z]) n (?=[a-z])", " and "),
         (r"(?<!hi )(?<!high )(?<!-)\bhat\b(?= (?:louder|softer|quieter|up|down|out|in|back|too)\b)", "hats"),
         # a learner's places: "the first part", "in last part" (the beginning, the ending)
         (r"\b(?:the )?(?:first|opening|beginning|start) part\b", "the beginning"),
         (r"\b(?:the )?(?:last|final|end|ending) part\b", "the ending"),
         # a hedge between a place word and its time ("a cymbal at about 22 seconds", "stop at roughly 0:40")
         (r"\b(at|on|from|to|till|until|by) (?:about|around|roughly|approximately|approx\.?|like) (?=\d)", r"\1 "),
         (r"(?:^|(?<=[,;.] ))(?:about|around|roughly|approximately|approx\.?) (?=\d)", "at "),   # "..., about 22 seconds"
         # a place said without its article ("quieter at end", "slower in middle")
         (r"\b(at|in|from|to|till|until|near|towards?|before|after) (end|start|beginning|middle|intro|outro|ending|opening)\b", r"\1 the \2"))
PHONE_RE = [(re.compile(pat, re.I), rep) for pat, rep in PHONE]
SHORTHAND = ((r"^\s*2 (?=[a-z])", "too "), (r"@", " at "), (r"\bnvm\b", "never mind"), (r"\bpls\b|\bplz\b", "please"),
             (r"\bu\b", "you"), (r"\bb4\b", "before"), (r"\bw/o\b", "without"), (r"\bw/", "with "), (r"\bthx\b", "thanks"),
             (r"(?:^|(?<=please )|(?<=pls )|(?<=and ))\s*ad (?=(?:a|an|some|more|in)\b)", "add "),   # "ad a clarinet": add
             # a learner's comparative ("the guitar, more loud", "little more slow"): the word's own
             (r"\bmore (loud|quiet|soft|slow|fast|quick|dark|bright|warm|calm|strong|big|low|high|sad|happy)\b",
              lambda m: {"big": "bigger", "sad": "sadder", "happy": "happier"}.get(m.group(1), m.group(1) + "er")))
# Dictation writes a music word as its homophone ("the base is too quiet", "the symbols are harsh"); said in a
# request about the score, these are the music words.
DICTATED = ((r"\b(the|a|that|more|less|no|some|your|my|our|slap|electric|synth|upright|fretless) base\b"
             r"(?! (?:of|camp|station|model|price|version|plan|layer|rate|case|level|line of))", r"\1 bass"),
            (r"^\s*base(?= (?:is|was|needs|should|could|sounds|too|up|down|louder|softer|quieter|more|less)\b)", "bass"),
            (r"\bbase ?lines?\b", "bassline"), (r"\bbase (guitar|player|drum|notes?|part)\b", r"bass \1"),
            (r"\bsymbols?\b", "cymbals"), (r"\bhigh[- ]?hats?\b", "hi-hats"), (r"\bthe temple\b", "the tempo"),
            (r"\bquire\b", "choir"), (r"\b(?:to|two) (lord|loud|quiet|soft|much|sleepy|busy)\b",
                                         lambda m: "too " + ("loud" if m.group(1) == "lord" else m.group(1))), (r"\blow[- ]fi\b", "lo-fi"))
# Signs in terse notes: "brighter + busier" (and), "+energy" (more), "-10% tempo" (10% slower), "-4dB" (4 db down).
SIGNS = ((r"(?<=[a-z])(?: \+ |\+)(?=[a-z])", " and "), (r"(?<![\w:.])\+ ?(?=[a-z])", "more "),
         (r"(?<![\w:.])- ?(?=energy\b|volume\b|tempo\b)", "less "),
         (r"(?<![\w:.])([+-]) ?(\d{1,2}) ?(?:%|percent) (?:on the |the )?(?:tempo|speed|pace|bpm)",
          lambda m: f"{m.group(2)}% {'faster' if m.group(1) == '+' else 'slower'}"),
         (r"\b(?:tempo|speed|pace) ([+-]) ?(\d{1,2}) ?(?:%|percent)",
          lambda m: f"{m.group(2)}% {'faster' if m.group(1) == '+' else 'slower'}"),
         (r"(?<![\w:.])([+-]) ?(\d{1,2}(?:\.\d+)?) ?(db|decibels?)\b",   # "-4dB", "+3 db": that many dB down or up
          lambda m: f"{m.group(2)} db {'up' if m.group(1) == '+' else 'down'}"))
KNOWN = set("""slower faster louder quieter softer more less after before from until everything drums drum bass strings
piano guitar melody shot shots cut cuts ending intro outro start end energy tempo bigger smaller busier calmer darker
brighter happier sadder fade hit crash lock unlock undo redo minor major key please again remove without add
add back version original second third first last louder quieter volume sparser fuller quicker slow fast music
beat percussion synth organ flute violin cello trumpet brass horns sax saxophone keys kick snare choir pad lead
through everywhere whole thing instead swap replace only just every each all cut""".split())

# Words that name a place in the video, matched two letters off ("beggining", "midle", "secnod") when only one is
# that close (one letter off for words under six letters: "intro" and "outro" are two apart)
PLACE_WORDS = (*(w for w in ORDINALS if w.isalpha()), "beginning", "ending", "middle", "intro", "outro", "opening",
               "closing", "finale", "start", "halfway", "section", "shot", "climax")


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) from `a` to `b`."""
    d = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _place_word(w: str) -> str | None:
    """The one place word `w` is a slip of, or None (also when a number is as close: "fourty" is forty)."""
    near = {p for p in (*PLACE_WORDS, *TENS_WORDS, *TEEN_WORDS, *UNIT_WORDS)
            if abs(len(p) - len(w)) <= 2 and _distance(w, p) <= (2 if len(p) >= 6 else 1)}
    return near.pop() if len(near) == 1 and near <= set(PLACE_WORDS) else None


def _skeleton(w: str) -> str:
    return w[0] + re.sub(r"[aeiou]", "", w[1:])


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], dict[str, str]]:
    """The words the grammar reads (its own, instruments, moods, styles) and their vowel-less skeletons."""
    words = set(KNOWN) | {w for k in INSTRUMENTS for w in k.split()} | set(ROLE_WORDS) | \
        {w for m in MOODS.values() for p in m.words for w in p.split()} | \
        {w for n in style_names() for k in [n, *load_style(n).keywords] for w in re.findall(r"[a-z]+", k)}
    skeletons: dict[str, str] = {}
    for w in sorted(words, key=lambda x: (len(x), x)):
        if len(w) >= 3:
            skeletons.setdefault(_skeleton(w), w)
    return frozenset(words), skeletons


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Whole words of the MiniLM tokenizer's vocabulary (30k WordPieces): words that are spelt right."""
    try:
        return frozenset(w for w in (model_dir() / "vocab.txt").read_text().split() if w.isalpha())
    except Exception:  # noqa: BLE001 - no encoder installed: correct only what is clearly shorthand
        return frozenset()


def _compared(w: str, words: frozenset[str]) -> bool:
    """A comparative or superlative of a word spelt right ("gentler", "livelier", "punchiest"), which the
    tokenizer's vocabulary often lacks: never corrected to its stem ("gentle" is also a style's keyword)."""
    for end in ("er", "est"):
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[:-len(end)]
            if {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem, stem[:-1]} & words:
                return True
    return False


def phoned(text: str) -> str:
    """`text` with the phone shorthand that hides a grammar word written out ("2 much lol": "too much lol")."""
    for pat, rep in PHONE_RE:
        text = pat.sub(rep, text)
    return text


SPELLING = tuple((re.compile(p), r) for p, r in (*SHORTHAND, *DICTATED, *SIGNS))


def spelled(text: str) -> str:
    """`text` with shorthand expanded and misspelt grammar words corrected (lower-case input)."""
    import difflib

    text = phoned(text)
    for pat, rep in SPELLING:
        text = pat.sub(rep, text)
    english = _english()
    known, skeletons = _known()

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if w in known or len(w) < 3 or w in english or _compared(w, english | known):
            return w
        if _skeleton(w) in skeletons:  # "slwr", "drms", "minr": the vowels left out
            return skeletons[_skeleton(w)]
        if len(w) >= 4 and (place := _place_word(w)):   # "the beggining part"
            return place
        if len(w) >= 5:
            close = difflib.get_close_matches(w, known, n=1, cutoff=0.86)
            if close:
                return close[0]
        return w
    return re.sub(r"[a-z]+", fix, text)
