"""Music theory, once: tonics, scales and modes, note spelling in a key, roman numerals -> chord symbols.

Every table of pitch classes, scale or note name in v2m lives here; the composer (`harmony.py`,
`compose.py`), the ABC writer and reader, the planners and the edit language all ask this module.
Plain integer and letter arithmetic, no music21, so the chat's edit operations stay light; the tests
check the spelling against music21.

Spelling follows the letters of the key: the degrees of a scale take consecutive letters (F major has
Bb, never A#), and a roman numeral's root is the letter of its degree, altered (bVII in C is Bb, in E it
is D). Numerals are read the way musicians write them, and the way the composer plays them: in
major-like modes against the major key (so bVII in mixolydian is the flat-seven major chord), in
minor-like modes against the natural minor key (so VI and VII are the minor key's own chords, and a
flat written on III, VI or VII there changes nothing: bVII in A minor is G), except that lower-case vi
and vii stand on the raised degrees there, as music21 reads them (vii° in A minor is G#dim).

    from v2m.tools.music.theory import chord_symbol, pc_name
    chord_symbol("bVII", "C", "mixolydian")   # "Bb"
    pc_name(10, "F", "major")                 # "Bb"
"""

from __future__ import annotations

import re
from functools import lru_cache

LETTERS = "CDEFGAB"
PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}  # the natural letters
ALTER = {"#": 1, "b": -1, "": 0}
# The tonic names v2m writes for a pitch class: the usual key names (Eb and Bb, not D# and A#; F#, not Gb).
TONICS = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MODES = {
    "major": (0, 2, 4, 5, 7, 9, 11), "minor": (0, 2, 3, 5, 7, 8, 10), "dorian": (0, 2, 3, 5, 7, 9, 10),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10), "lydian": (0, 2, 4, 6, 7, 9, 11), "phrygian": (0, 1, 3, 5, 7, 8, 10),
}
MINOR_LIKE = ("minor", "dorian", "phrygian")
DEGREES = ("i", "ii", "iii", "iv", "v", "vi", "vii")
NUMERAL_RE = re.compile(r"^([b#]*)(vii|iii|vi|iv|ii|v|i)(.*)$", re.IGNORECASE)  # longest degree first
TONIC_WORDS = (("♯", "#"), ("♭", "b"), (" sharp", "#"), (" flat", "b"))


def read_tonic(text: str) -> str:
    """A tonic as people type it ("f sharp", "B♭") written the way the contract wants it ("F#", "Bb")."""
    for word, sign in TONIC_WORDS:
        text = text.replace(word, sign)
    return text[:1].upper() + text[1:]


def tonic_pc(key: str) -> int:
    """Pitch class of a tonic or note name: "C" 0, "F#" 6, "Bb" 10, "Cb" 11."""
    return (PC[key[0]] + sum(ALTER[a] for a in key[1:])) % 12


def tonic_name(pc: int) -> str:
    """The name v2m gives a key on pitch class `pc` (see TONICS)."""
    return TONICS[pc % 12]


def transpose_tonic(key: str, semitones: int) -> str:
    """The tonic `semitones` above (or below) `key`, named as in TONICS."""
    return tonic_name(tonic_pc(key) + semitones)


def scale_pcs(key: str, mode: str) -> tuple[int, ...]:
    """Pitch classes of the plan's scale, tonic first."""
    t = tonic_pc(key)
    return tuple((t + i) % 12 for i in MODES.get(mode, MODES["major"]))


def numeral_mode(mode: str) -> str:
    """The key a roman numeral is read against in `mode`: "minor" for minor-like modes, else "major"."""
    return "minor" if mode in MINOR_LIKE else "major"


def _alter(pc: int, letter: str) -> int:
    """How far `pc` is from the natural `letter`, in semitones (-6..5)."""
    return (pc - PC[letter] + 6) % 12 - 6


def _name(letter: str, alter: int) -> str:
    return letter + ("#" * alter if alter > 0 else "b" * -alter)


@lru_cache(maxsize=64)
def key_spelling(key: str, mode: str) -> tuple[dict[int, tuple[str, int]], dict[str, int], bool]:
    """Spelling of the twelve pitch classes in a key.

    Args:
        key: the tonic ("F", "Bb"); mode: a name in MODES.
    Returns:
        pc -> (letter, alteration) for all twelve pitch classes (the scale's degrees on consecutive
        letters, the rest as flats in a flat key and as sharps otherwise), the key signature
        (letter -> alteration) and whether the key prefers flats.
    """
    scale = scale_pcs(key, mode)
    start = LETTERS.index(key[0])
    signature: dict[str, int] = {}
    spell: dict[int, tuple[str, int]] = {}
    for deg, pc in enumerate(scale):
        letter = LETTERS[(start + deg) % 7]
        signature[letter] = _alter(pc, letter)
        spell[pc] = (letter, signature[letter])
    flats = sum(signature.values()) < 0 or key.endswith("b")
    for pc in range(12):
        if pc not in spell:
            naturals = [L for L in LETTERS if PC[L] == pc]
            step = 1 if flats else -1  # a flat is spelled on the letter above, a sharp on the letter below
            letter = naturals[0] if naturals else next(L for L in LETTERS if (PC[L] - step) % 12 == pc)
            spell[pc] = (letter, _alter(pc, letter))
    return spell, signature, flats


def pc_name(pc: int, key: str, mode: str) -> str:
    """The name of pitch class `pc` in a key: 10 is "Bb" in F major, "A#" in B major."""
    letter, alter = key_spelling(key, mode)[0][pc % 12]
    return _name(letter, alter)


def numeral_root(numeral: str, key: str, mode: str) -> str:
    """The root of a roman numeral, spelled on its degree's letter: bVII in C is "Bb", VII in A minor "G".

    Args:
        numeral: a roman numeral with optional accidentals before it ("bVII", "ii7", "#iv°7").
        key: the tonic; mode: the plan's (or section's) mode.
    Returns:
        The root's name. A root that would need a double accidental (bVI in Gb: Ebb) is written as its
        enharmonic in the key's own spelling (D), since chord symbols carry one accidental.
    Raises:
        ValueError: not a roman numeral.
    """
    m = NUMERAL_RE.match(numeral.strip())
    if not m:
        raise ValueError(f"not a roman numeral: {numeral!r}")
    accs, deg_text, _ = m.groups()
    degree = DEGREES.index(deg_text.lower())
    acc = sum(ALTER[a] for a in accs)
    ref = numeral_mode(mode)
    if ref == "minor" and degree in (5, 6) and deg_text.islower():
        acc += 1  # vi and vii in minor stand on the raised degree (vii° is the leading-tone chord), as in music21
    elif ref == "minor" and acc < 0 and degree in (2, 5, 6):
        acc = 0  # bIII, bVI, bVII: already flat in the natural minor key
    letter = LETTERS[(LETTERS.index(key[0]) + degree) % 7]
    pc = (tonic_pc(key) + MODES[ref][degree] + acc) % 12
    alter = _alter(pc, letter)
    if abs(alter) > 1:
        return pc_name(pc, key, ref)
    return _name(letter, alter)


def normalise_numeral(numeral: str, mode: str) -> str:
    """A numeral as music21 reads it in the numeral key of `mode`: the flat that the natural minor key
    already has is dropped (bVII in A minor is music21's VII). Lower-case bvi and bvii keep theirs:
    music21 raises vi and vii in minor, and its bvi is the natural sixth's minor chord."""
    if numeral_mode(mode) == "minor":
        return re.sub(r"^b(III|VI|VII|iii)", r"\1", numeral)
    return numeral


def chord_symbol(numeral: str, key: str, mode: str) -> str:
    """Spell a roman numeral as a chord symbol: ii7 -> Dm7, V7 -> G7, bVII -> Bb, iiø7 -> Dm7b5 (in C).

    Quality comes from the numeral's case and suffix: lower case is minor, "ø" half-diminished, "°"/"o"
    diminished, "maj7" a major seventh; an upper-case numeral with a plain 7 is a dominant seventh (the
    lead-sheet reading the composer plays: blues I7, IV7). Inversion figures and added tones are dropped.

    Args:
        numeral: the roman numeral; key: the tonic; mode: the mode it is read in (see `numeral_mode`).
    Returns:
        The chord symbol, its root spelled in the key (`numeral_root`).
    Raises:
        ValueError: not a roman numeral.
    """
    root = numeral_root(numeral, key, mode)
    _, deg_text, rest = NUMERAL_RE.match(numeral.strip()).groups()
    is_minor = deg_text.islower()
    if rest.startswith(("ø", "%")):
        return root + "m7b5"
    if rest.startswith(("°", "o", "dim")):
        return root + ("dim7" if "7" in rest else "dim")
    if rest.startswith("maj7"):
        return root + ("mmaj7" if is_minor else "maj7")
    return root + ("m" if is_minor else "") + ("7" if rest.startswith("7") else "")
