"""How people misspell what the edit grammar reads: phone shorthand ("pls", "@ 0:20"), dictation's homophones
("the base is too quiet"), signs in terse notes ("+energy", "-10% tempo"), a learner's grammar ("too much loud",
"the bass please remove"), and words typed with a slip of the keys: vowels left out ("slwr"), a letter doubled,
dropped or swapped ("drumms", "swel", "bulid"), a vowel for another ("orgen"), corrected towards the words the
readers know, never a word spelt right.

    from v2m.agent.dialogue.spelling import mended, phoned, spelled
    phoned("2 much lol, bring bak")         # "too much lol, bring back"  (shorthand hiding a word, any reader)
    spelled("drms out @ 0:20 pls")          # "drums out  at  0:20 please"  (a clause, lower case)
    mended("Bulid it up thru the LAST shto")   # "Build it up through the LAST shot"  (a request, the case typed)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from v2m.agent.dialogue.counted import COUNTED_AFTER, NUMBER_WORD, ORDINALS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS
from v2m.agent.dialogue.minilm import model_dir
from v2m.agent.dialogue.place_words import TYPOS as ORDINAL_TYPOS
from v2m.agent.dialogue.runons import PART
from v2m.agent.dialogue.vocab import GM_SAID, INSTRUMENTS, MOODS, NOT_SPELLED, ROLE_WORDS
from v2m.agent.dialogue.written import said
from v2m.tools.style import load_style, style_names

# Phone typing that hides a grammar word from every reader ("2 much lol", "mor drama", "fastr n quieter", "ok gd", "bring
# bak", "hat louder", "at end"): read as the words before anything else sees the message (`phoned`), and by `spelled`.
PHONE = ((r"(?<!shot )(?<!cut )(?<!section )(?<!scene )(?<!part )(?<!take )(?<!version )(?<!bar )(?<!number )(?<!no\. )(?<!#)"
          rf"\b2 (?=(?:much|many|fast|slow|loud|quiet|soft|busy|far|big|low|high|dark|bright)\b(?!{COUNTED_AFTER}))", "too "), (r"\bmor\b", "more"),
         (r"\bevn\b", "even"), (r"\bgd\b", "good"), (r"\bbak\b", "back"), (r"(?<=[a-z]) n (?=[a-z])", " and "),
         (r"(?<!hi )(?<!high )(?<!-)\bhat\b(?= (?:louder|softer|quieter|up|down|out|in|back|too)\b)", "hats"),
         # a learner's places: "the first part", "in last part" (the beginning, the ending)
         (r"\b(?:the )?(?:first|opening|beginning|start) part\b", "the beginning"),
         (r"\b(?:the )?(?:last|final|end|ending) part\b", "the ending"),
         # a hedge between a place word and its time ("a cymbal at about 22 seconds", "stop at roughly 0:40")
         # a hedge before a moment or a stretch's end, in digits or words ("from thirty till like sixty three"): as said
         (rf"\b(at|on|from|to|till|until|by|and) (?:about|around|roughly|approximately|approx\.?|like) (?=\d|{NUMBER_WORD}\b)", r"\1 "),
         (r"(?:^|(?<=[,;.] ))(?:about|around|roughly|approximately|approx\.?) (?=\d)", "at "),   # "..., about 22 seconds"
         # a place said without its article ("quieter at end", "slower in middle")
         (r"\b(at|in|from|to|till|until|near|towards?|before|after) (end|start|beginning|middle|intro|outro|ending|opening)\b", r"\1 the \2"),
         # a counted place without its article ("In last shot music stops", "on second cut a bell", "from third shot")
         (r"\b(at|in|on|from|to|till|until|before|after|during|for) (?=(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
          r"ninth|tenth|last|final|opening|closing) (?:shot|cut|scene|part|bit|photo|picture|section|seconds?)\b)", r"\1 the "),
         # "its" typed or dictated for "it's" before how the music is ("its so gloomy", "its all a bit slow", "its like a
         # funeral"); "its tempo", "its ending" (the possessive, a noun after it) as they are
         (r"\bits (?=(?:so|too|very|really|all|a|kinda|kind of|sort of|like|just|way|quite|pretty|rather|getting|gone|going|not|"
          r"still|now|already|perfect|great|fine|good|nice|ok|okay|better|worse|much|bit|little|abit|only|giving|sounding)\b)", "it's "),
         (r"\b(with) (?=(?:bang|boom|crash|hit|stop|pause|ding|bell|swell|riser|stab|sting)\b)", r"\1 a "),   # "with bang"
         # a learner's sentence without its "it" ("Is like police chase in film", "Is shop for bicycles", "Now is music of
         # elevator"): the subject put back; a question about a named thing ("Is the bass ok?") and praise ("Is good start",
         # its "start" no place) and a question ("Is slower better?", "Is bass ok now?") left as they are
         (r"(?:^|(?<=[.!?] )|(?<=^now )|(?<=^so ))is (?![^.!?]*\?)(?!(?:it|this|that|there|here|the|a|an|my|our|your|his|her|their|these|"
          r"those|we|you|he|she|they|i|everything|anything|something|any|some|all|one|good|great|nice|fine|ok|okay|perfect|"
          r"better|best|lovely|beautiful|super|excellent|cool)\b)(?=[a-z])", "it is "))
PHONE_RE = tuple((re.compile(pat, re.I), rep) for pat, rep in PHONE)
# Single words of phone shorthand, whatever their case: "abit", "thru", "n" (and), each mended where it stands
# (`mended`) and, in a clause, written out before the rules below read it (`spelled`).
WORDS = {"abit": "a bit", "alot": "a lot", "thru": "through", "n": "and", "vol": "volume", "dont": "don't",
         "doesnt": "doesn't", "cant": "can't", "isnt": "isn't", "wont": "won't", "abt": "about", "cuz": "because",
         "coz": "because", "bc": "because", "tho": "though", "ur": "your", "rn": "right now",
         "pls": "please", "plz": "please", "thx": "thanks", "nvm": "never mind", "u": "you", "prev": "previous",
         "em": "them"}
# Phone typing: shorthand, then words written without their vowels ("slwr", "drms") or with one letter
# dropped ("evrything"), matched against the words the grammar reads.
SHORTHAND = ((r"^\s*2 (?=[a-z])", "too "), (r"@", " at "), (rf"\b({'|'.join(WORDS)})\b", lambda m: WORDS[m.group(1)]),
             (r"\bb4\b", "before"), (r"\bw/o\b", "without"), (r"\bw/", "with "),
             (r"(?:^|(?<=please )|(?<=pls )|(?<=and ))\s*ad (?=(?:a|an|some|more|in)\b)", "add "),   # "ad a clarinet": add
             (r"\bwith out\b", "without"),
             (r"\b(trumpet|trombone|cornet|guitar) with (?:a |the )?mute(?: in(?: it)?| on(?: it)?)?\b", r"muted \1"),   # a trumpet with a mute in it
             # a learner's "too much loud", "very much slow": too loud, very slow
             (r"\b(too|so|very) much (?=(?:loud|quiet|soft|slow|fast|busy|calm|dark|bright|heavy|sleepy|sad|happy)\b)", r"\1 "),
             # dictation's "quite" for quiet where no word follows that "quite" would qualify ("a bit more quite overall")
             (r"\b(more|bit|little|too|so|very|is|are|be|keep it|make it|it) quite(?= *(?:$|[,.;!?]|(?:overall|please|pls|in|on|"
              r"for|from|at|after|before|until|till|there|here|now|everywhere|throughout|and|down|then)\b))", r"\1 quiet"),
             # a learner's word order, the part before its verb ("the bass please remove", "the drums remove them")
             (r"\b(the (?!(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|whole|end|start|"
              r"cut|shot|intro|ending|middle)\b)[a-z]+(?: (?!(?:please|pls|kindly|and|or|but)\b)[a-z]+)?) (?:please |pls |kindly )?"
              r"(remove|mute|delete|take out|take away|bring in|add)(?: it| them)?(?=\s*(?:[,.;!?]|$|and\b))", r"\2 \1"),
             # a learner's place without its "from": "the second cut onward", "0:13 onwards", "13s onwards"
             (r"(?<!from )(?<!after )(?<!since )(?<!from the )(?<!after the )"
              r"\b((?:the )?(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th)) cut|cut \d+|\d+:\d\d"
              r"|\d+(?:\.\d+)? ?(?:s|secs?|seconds)) onwards?\b", r"from \1 on"),
             # a learner's comparative ("the guitar, more loud", "little more slow"): the word's own
             # ("more big drums", "more warm pad": more of the part, as mentions.DESCRIBING reads it; "more low notes": the bass)
             (r"\bmore (loud|quiet|soft|slow|fast|quick|dark|bright|warm|calm|strong|big|low|high|sad|happy)\b"
              rf"(?!(?:(?<=big)|(?<=warm)) (?:{PART})(?:s|es)?\b)(?!(?<=low) (?:{'|'.join(w[4:] for w in ROLE_WORDS if w.startswith('low '))})\b)",
              lambda m: {"big": "bigger", "sad": "sadder", "happy": "happier"}.get(m.group(1), m.group(1) + "er")))
# Dictation writes a music word as its homophone ("the base is too quiet", "the symbols are harsh"); said in a
# request about the score, these are the music words.
DICTATED = ((r"\b(the|a|that|more|less|no|some|your|my|our|slap|electric|synth|upright|fretless|louder|quieter|softer|lower)"
             r" base\b"
             r"(?! (?:of|camp|station|model|price|version|plan|layer|rate|case|level|line of))", r"\1 bass"),
            (r"^\s*base(?= (?:is|was|needs|should|could|sounds|too|up|down|louder|softer|quieter|more|less)\b)", "bass"),
            (r"\bbase ?lines?\b", "bassline"), (r"\bbase (guitar|player|drum|notes?|part)\b", r"bass \1"),
            (r"\bsymbols?\b", "cymbals"), (r"\bhigh[- ]?hats?\b", "hi-hats"), (r"\b(the|original|same) temple\b", r"\1 tempo"),
            (r"\bquire\b", "choir"), (r"\b(big|huge|massive|final|last|closing|ending|single|loud|full) core\b(?! of\b)", r"\1 chord"), (r"\bfaze (out|in)\b", r"fade \1"), (r"\b(to|the) finnish\b", r"\1 finish"),
            (r"\b(?:the|a) hole (?=(?:thing|track|song|clip|piece|video|film|time|way|mix|score)\b)", "the whole "),
            (r"\b(?:to|two) (lord|loud|quiet|soft|much|sleepy|busy)\b",
                                         lambda m: "too " + ("loud" if m.group(1) == "lord" else m.group(1))),
            # "the bass is to boomy": "to" before how a part sounds, after a verb of being, is "too"
            (r"\b((?:is|are|s|sounds?|feels?|seems?|gets?|still|way|far|bit|little) )to (?=(?:boomy|muddy|harsh|shrill|bright|dark|"
             r"slow|fast|quick|timid|strong|hot|weak|thin|tinny|heavy|long|short|boring|high|low|calm|sad|cheesy|sparse|empty|"
             r"busy|present|distant|buried|lost|prominent|dense|messy|cluttered|repetitive|plain)\b)", r"\1too "), (r"\blow[- ]fi\b", "lo-fi"))
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
through everywhere whole thing instead swap replace only just every each all cut beginning middle onward onwards
overall entire build swell rise finish sting stings stinger stingers stab stabs delete erase""".split())


PLACE_WORDS = (*(w for w in ORDINALS if w.isalpha()), "beginning", "ending", "middle", "intro", "outro", "opening",
               "closing", "finale", "start", "halfway", "section", "shot", "climax")
# what a word two letters off a place word may be instead: a number ("fourty" is forty, never fourth)
PLACES_OR_NUMBERS = frozenset((*PLACE_WORDS, *TENS_WORDS, *TEEN_WORDS, *UNIT_WORDS))


def _skeleton(w: str) -> str:
    return w[0] + re.sub(r"[aeiou]", "", w[1:])


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The words the grammar reads (its own, instruments, moods, styles), the vowel-less skeletons of those a slip is
    mended to, and those words: every instrument word is spelt right, but a rare name (`vocab.NOT_SPELLED`) or a word
    only of a GM list's name (`vocab.GM_SAID`) is no target ("the poop bag" is no pipa)."""
    targets = set(KNOWN) | {w for k in INSTRUMENTS if k not in GM_SAID for w in k.split()} - NOT_SPELLED | set(ROLE_WORDS) | \
        {w for m in MOODS.values() for p in m.words for w in p.split()} | \
        {w for n in style_names() for k in [n, *load_style(n).keywords] for w in re.findall(r"[a-z]+", k)}
    skeletons: dict[str, str] = {}
    for w in sorted(targets, key=lambda x: (len(x), x)):
        if len(w) >= 3:
            skeletons.setdefault(_skeleton(w), w)
    return frozenset(targets | {w for k in INSTRUMENTS for w in k.split()}), skeletons, frozenset(targets)


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


DOUBLING_RE = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")   # a stem that doubles its last letter before -ing ("begin")


def _inflected(w: str, words: frozenset[str]) -> bool:
    """A plural, a verb's -s, -ing or -ed, or an adjective or adverb made from a word spelt right ("drags", "masking",
    "tinny", "welly", "boomily"), which the vocabulary lacks: a word, not a slip towards a grammar word."""
    for end in ("s", "es", "y", "ly"):
        stem = w[:-len(end)]
        doubled = stem[:-1] if "y" in end and stem[-1] == stem[-2] else stem   # "tinny"; "drumms" is no word
        if w.endswith(end) and len(stem) >= 3 and {stem, doubled} & words:
            return True
    for end in ("ing", "ed"):   # "masking", "smothering", "trampled": a verb's forms ("stepping": step; "tramping": tramp)
        stem = w[:-len(end)]
        cvc = DOUBLING_RE.search(stem)   # ("begining": begin doubles its n, a slip)
        if w.endswith(end) and len(stem) >= 4 and {x for x in (None if cvc else stem, stem + "e", stem[:-1] if stem[-1] == stem[-2]
                                                              else None) if x and len(x) >= 4} & words:   # ("endding" is no end-ing)
            return True
    return False


RULES = tuple((re.compile(p), r) for p, r in (*SHORTHAND, *DICTATED, *SIGNS))
# A word of plain letters, not part of a word in another alphabet ("energía"), beside digits ("b4", "c3") or
# in a file's or a site's name ("take2.mov", "frame.io")
WORD_RE = re.compile(r"(?<![^\W_])(?<!\.)[A-Za-z]+(?![^\W_])(?!\.[A-Za-z])")
# An ordinal typed in haste ("eigth"), put right by `place_words` itself: not a slip towards "eight"
ORDINAL_TYPO_RE = re.compile("|".join(p for p, _ in ORDINAL_TYPOS))
FOREIGN_RE = re.compile(r"[^\W\d_A-Za-z]")   # a letter of another alphabet, or accented ("Más energía")
TRIPLED_RE = re.compile(r"(.)\1\1")   # "errr", "sooo": said, not misspelt
# A name said mid-sentence ("at Tunde's wedding"): a capital after a lower-case word
NAME_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")
# a comparative, "then" and a thing alone to the clause's end ("louder then the piano", "... then the kick please"): the
# comparison's "than"; a noun in -er after its article is no comparative ("add a shaker then the tambourine": a next step)
THEN_THAN_RE = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bsome )(?<!\bmy )\b(\w{3,}er|more \w+|less \w+) then(?= (?:the |a |an |my |our )?[a-z]+(?: (?!(?:out|in|back|off|up|down|away|again|too|please)\b)[a-z]+)?"
                          r"(?:,? (?:please|pls|thanks|thank you))?\s*(?:$|[.,;!?]))", re.I)


@lru_cache(maxsize=1)
def _read() -> frozenset[str]:
    """The words the readers are written with (`written.said`) that are English, and the grammar's own of 4 letters or
    more: the only words a misspelling further than a dropped vowel or two swapped letters is corrected towards."""
    return frozenset(said() & _english() | {w for w in _known()[2] if len(w) >= 4})


def _swapped(w: str) -> str | None:
    """`w`, of 6 letters or more, with two neighbouring letters put back the right way round (the "e" and "s" of a
    crescendo typed the other way round, the "a" and "k" of shakers): towards any word the readers are written with,
    English or not, or its plural; a swap that long lands on another word almost never, so the one word it reaches,
    else None. A word they are written with stays as it is (no example typed wrong here: it would be one of them)."""
    if w in said():
        return None
    for typed, end in ((w, ""), *(((w[:-1], "s"),) if w.endswith("s") else ())):
        near = {k for k in said() if len(k) == len(typed) >= 6 and k[0] == typed[0] and sorted(k) == sorted(typed) and
                _distance(typed, k) == 1}
        if len(near) == 1:
            return near.pop() + end
    return None


def _distance(a: str, b: str) -> int:
    """Edits from `a` to `b`, a swap of two neighbouring letters counted as one ("chrods", "bulid")."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _slip(typed: str, word: str) -> int | None:
    """How likely one edit from `typed` to `word` is a slip of the keys: 0 a letter doubled or not, or two
    swapped ("chil" chill, "drumms" drums, "bulid" build); 1 a vowel left out, put in inside the word or changed
    ("onwrd", "energey", "orgen"), or the g of -ing left off ("endin"); 2 a consonant left out or put in inside a
    word of 6 letters or more; None for a consonant changed or a letter put at the end ("soar" is no star, "filmi"
    no film): another word, not a slip."""
    if len(typed) == len(word):   # two swapped, or from 5 letters one vowel for another ("orgen", "saxaphone")
        changed = [(a, b) for a, b in zip(typed, word) if a != b]
        return 0 if sorted(typed) == sorted(word) else 1 if len(typed) >= 5 and set(changed[0]) <= set("aeiou") else None
    short, long_ = sorted((typed, word), key=len)
    i = next(k for k in range(len(long_)) if long_[:k] + long_[k + 1:] == short)
    extra = long_[i]
    if extra in long_[max(i - 1, 0):i] + long_[i + 1:i + 2]:
        return 0
    if long_ is typed and i == len(long_) - 1:
        return None
    if extra in "aeiou" or long_ is word and long_.endswith("ing") and i == len(long_) - 1:
        return 1
    return 2 if len(typed) >= 6 and 0 < i < len(long_) - 1 else None


def _nearest(w: str, words: Iterable[str], rank: Callable[[str, str], tuple | None]) -> str | None:
    """The one word of `words` (two letters longer or shorter at most) that `rank` puts nearest to `w`: None when
    `rank` reaches none, or two are equally near."""
    near = sorted((r, k) for k in words if abs(len(k) - len(w)) <= 2 and (r := rank(w, k)) is not None)
    if not near or len(near) > 1 and near[1][0] == near[0][0]:
        return None
    return near[0][1]


def _slipped(w: str, k: str) -> tuple[int, bool] | None:
    """How near `w` is to `k`, a word the readers know (`_read`), as a slip of the keys: one slip (`_slip`; under
    5 letters, a doubled or swapped letter only; a vowel changed, only towards the grammar's own words); two edits
    from 8 letters, towards the grammar's own words ("saxofone"); the likeliest slip and then the grammar's own
    words first; None out of reach."""
    if k[0] != w[0] or (d := _distance(w, k)) > 2:
        return None
    grammar = _known()[0]
    slip = _slip(w, k) if d == 1 else 3 if len(w) >= 8 and k in grammar else None
    if slip == 1 and len(k) == len(w) and k not in grammar:   # a vowel changed: only to the grammar's words
        slip = None   # ("orgen" organ, "saxaphone"; "timid" is no "timed")
    return (slip, k not in grammar) if slip is not None and (slip == 0 or len(w) >= 5) else None


def _placed(w: str, p: str) -> tuple[()] | None:
    """Whether `w` is within reach of `p`, a place word or a number (`PLACES_OR_NUMBERS`): two edits from 6
    letters, one below, whatever its first letter; all within reach are equally near."""
    return () if _distance(w, p) <= (2 if len(p) >= 6 else 1) else None


def _spelt(w: str) -> bool:
    """Whether `w` stays as typed: a word the readers know, under 3 letters, spelt right (or its comparative), or
    an ordinal typed in haste, which `place_words` puts right."""
    english, known = _english(), _known()[0]
    return w in known or len(w) < 3 or w in english or _compared(w, english | known) or bool(ORDINAL_TYPO_RE.fullmatch(w))


@lru_cache(maxsize=4096)
def _fixed(w: str) -> str:
    """One lower-case word as the readers would have it spelt ("slwr" slower, "bulid" build), else as it is."""
    skeletons = _known()[1]
    if w in WORDS:
        return WORDS[w]
    if _spelt(w) or TRIPLED_RE.search(w):
        return w
    if _skeleton(w) in skeletons and _within(w, skeletons[_skeleton(w)]):  # "slwr", "drms", "minr": vowels left out
        return skeletons[_skeleton(w)]
    if len(w) >= 4 and not _inflected(w, _english()) and (near := _nearest(w, _read(), _slipped)):   # "chrods", "swel"
        return near
    return _swapped(w) or w   # a crescendo or shakers with two letters swapped


def _within(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with letters left out ("drms" drums; not "wahala" whole)."""
    letters = iter(word)
    return all(c in letters for c in typed)


def _cased(said: str, word: str) -> str:
    return word.upper() if said.isupper() and len(said) > 1 else word.capitalize() if said[0].isupper() else word


def phoned(text: str) -> str:
    """`text` with the phone shorthand that hides a grammar word written out ("2 much lol": "too much lol")."""
    for pat, rep in PHONE_RE:
        text = pat.sub(rep, text)
    return text


def than(text: str) -> str:
    """`text` with a comparison's "then" read as "than" ("louder then the piano": a learner's "than", not a next step)."""
    return THEN_THAN_RE.sub(r"\1 than", text)


# a compound said as one word with "of" inside ("more end-of-the-pier", "a bit middle-of-the-road"): a quality, no place
# of the clip, so its place words ("end", "middle") are joined into it where the place finders do not read them
OF_COMPOUND_RE = re.compile(r"\b[a-z]+(?:-[a-z]+)*-of-(?:the-|a-)?[a-z]+(?:-[a-z]+)*\b", re.I)


# a word said twice for emphasis ("enter well well", "not this small small thing", "now now"): said once ("small small" is
# a learner's "a little"); a sound's own name said twice ("tom tom", "cha cha", "the boom boom": the kit) stays
DOUBLED_RE, NAMED_RE = re.compile(r"\b([a-z]{3,})(?:,? )\1\b(?!-)", re.I), re.compile(r"\b(?:a|an|the|some|one)\s*$", re.I)
DOUBLED = {"small": "a little", **{w: f"{w} {w}" for w in "tom cha bye chop knock bora boom bang".split()}}   # ("a small small bell": small)


def undoubled(text: str) -> str:
    """`text` with a word said twice for emphasis said once (`DOUBLED_RE`): "well well" -> "well"."""
    return DOUBLED_RE.sub(lambda m: m[1] if m[1].lower() == "small" and NAMED_RE.search(text, 0, m.start()) else DOUBLED.get(m[1].lower(), m[1]), text)


# "i.e." said before what it names ("the partner interviews only, i.e. shots three and four"): its dots end no sentence
THAT_IS_RE = re.compile(r"\b(?:i\.\s?e\.?|viz\.)(?=[\s,:]|$)", re.I)


def mended(text: str) -> str:
    """`text` with its misspelt and shorthand words put right, each in the case it was typed: the request as the
    readers of an edit (places, parts, clauses) should see it. Phrases ("louder base") are left to `spelled`,
    names said mid-sentence and messages with letters of another alphabet ("Más energía") as they are; a compound with "of"
    inside ("end-of-the-pier") joined, no place."""
    if FOREIGN_RE.search(text):
        return text
    text = OF_COMPOUND_RE.sub(lambda m: m[0].replace("-", "_"), than(undoubled(THAT_IS_RE.sub("that is", text))))   # "end-of-the-pier": no ending
    names = {m.start() for m in NAME_RE.finditer(text)}

    def mend(m: re.Match) -> str:
        said = m.group(0)
        fixed = said if m.start() in names else _fixed(said.lower())
        return said if fixed == said.lower() else _cased(said, fixed)   # "dB" stays as typed
    return WORD_RE.sub(mend, text)


def spelled(text: str) -> str:
    """`text` with shorthand expanded and misspelt grammar words corrected (lower-case input)."""
    text = phoned(text)
    for pat, rep in RULES:
        text = pat.sub(rep, text)
    return WORD_RE.sub(lambda m: _closest(m.group(0)), text)


@lru_cache(maxsize=4096)
def _closest(w: str) -> str:
    """`_fixed`, and within a clause, as before the request was mended, also a word with the consonants of one
    of the grammar's own ("mariachi" march) or of 5 letters or more close to one ("waltzy" a waltz): what a
    clause's reader knows, said nearly."""
    import difflib

    fixed = _fixed(w)
    _, skeletons, known = _known()   # mended only towards targets
    if fixed != w or _spelt(w):
        return fixed
    if _skeleton(w) in skeletons:
        return skeletons[_skeleton(w)]
    if len(w) >= 4 and (place := _nearest(w, PLACES_OR_NUMBERS, _placed)) in PLACE_WORDS:   # "the beggining part"
        return place
    close = difflib.get_close_matches(w, known, n=1, cutoff=0.86) if len(w) >= 5 else []
    return close[0] if close else w
