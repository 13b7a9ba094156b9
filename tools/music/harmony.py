"""Harmony: chord names to pitch classes (music21), the style's chord vocabulary, voice-led voicings.

A plan's chords are symbols ("Dm7", "Bb", "F#m7b5") when they start with a letter A-G, otherwise roman
numerals ("ii7", "V7", "bVII") read in the plan's key, by the conventions of `theory.py` (major-like
modes against the major key, minor-like modes against the natural minor key).
Parsing goes through music21 once per distinct name; everything after that is small integer work.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from v2m.tools.music.theory import (NUMERAL_RE, normalise_numeral, numeral_mode, numeral_root, pc_name, scale_pcs,
                                   tonic_pc)

SYMBOL_RE = re.compile(r"^([A-G])([#b]?)(.*?)(?:/([A-G])([#b]?))?$")


@dataclass(frozen=True)
class Chord:
    """A chord as pitch classes: `tones` start at the root and go up by thirds (root, 3rd, 5th, 7th, 9th)."""

    name: str
    root: int
    bass: int
    tones: tuple[int, ...]

    @property
    def pcs(self) -> frozenset[int]:
        return frozenset(self.tones)


def _m21_name(letter: str, acc: str) -> str:
    return letter + {"#": "#", "b": "-", "": ""}[acc]


# order by stacked thirds: root, 3rd, 5th, 7th, then tensions (2/9, 4/11, 6/13)
THIRDS_ORDER = {0: 0, 3: 1, 4: 1, 2: 1.5, 5: 1.6, 6: 2, 7: 2, 8: 2.1, 9: 2.9, 10: 3, 11: 3, 1: 4}


def _stacked(name: str, root_pc: int, bass_pc: int, ivs) -> Chord:
    ivs = sorted(set(ivs), key=lambda i: (THIRDS_ORDER[i], i))
    return Chord(name, root_pc, bass_pc, tuple((root_pc + i) % 12 for i in ivs))


def _from_pitches(name: str, pitches, root_pc: int, bass_pc: int) -> Chord:
    return _stacked(name, root_pc, bass_pc, {(p.pitchClass - root_pc) % 12 for p in pitches})


# The everyday chord qualities as intervals, read without music21 (a numeral or symbol costs it 5-15 ms, most
# of the composer's time); tests/test_theory.py checks every one against music21, which reads all the rest.
SYMBOL_QUALITIES = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10),
                    "m7b5": (0, 3, 6, 10), "dim": (0, 3, 6), "dim7": (0, 3, 6, 9), "aug": (0, 4, 8),
                    "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9), "9": (0, 4, 7, 10, 2), "sus4": (0, 5, 7),
                    "sus2": (0, 2, 7)}
# numeral suffix -> (intervals for an upper-case numeral, for a lower-case one); music21 reads "maj7" on a
# numeral as the triad and the seventh the key has there (VImaj7 in C major is A C# E G), hence None: the key's;
# a lower-case one (imaj7) music21 reads its own way, so it is left to music21
NUMERAL_QUALITIES = {"": ((0, 4, 7), (0, 3, 7)), "7": ((0, 4, 7, 10), (0, 3, 7, 10)),
                     "maj7": ((0, 4, 7, None), None), "°": ((0, 3, 6),) * 2, "o": ((0, 3, 6),) * 2,
                     "°7": ((0, 3, 6, 9),) * 2, "o7": ((0, 3, 6, 9),) * 2, "ø7": ((0, 3, 6, 10),) * 2}


def _table_chord(text: str, key: str, mode: str) -> Chord | None:
    """A chord of an everyday quality read from the tables above; None for anything else."""
    m = SYMBOL_RE.match(text)
    if m:
        letter, acc, kind, bl, ba = m.groups()
        if kind not in SYMBOL_QUALITIES:
            return None
        root = tonic_pc(letter + acc)
        return _stacked(text, root, tonic_pc(bl + ba) if bl else root, SYMBOL_QUALITIES[kind])
    m = NUMERAL_RE.match(text)
    if not m or m.group(3) not in NUMERAL_QUALITIES or text[0] not in "bIViv":
        return None
    root = tonic_pc(numeral_root(text, key, mode))
    upper, lower = NUMERAL_QUALITIES[m.group(3)]
    ivs = upper if m.group(2).isupper() else lower
    if ivs is None:
        return None
    ivs = list(ivs)
    if None in ivs:
        scale = scale_pcs(key, numeral_mode(mode))
        seventh = [iv for iv in (10, 11) if (root + iv) % 12 in scale]
        if len(seventh) != 1:
            return None
        ivs[-1] = seventh[0]
    return _stacked(text, root, root, ivs)


@lru_cache(maxsize=4096)
def parse_chord(name: str, key: str, mode: str) -> Chord:
    """Read one chord name.

    Args:
        name: a chord symbol (letters A-G first: "Dm7", "Bb/D") or a roman numeral ("ii7", "bVII").
        key: the plan's tonic ("F", "Bb"); mode: the plan's mode.
    Returns:
        The Chord.
    Raises:
        ValueError: naming the chord that could not be read.
    """
    text = name.strip()
    return _table_chord(text, key, mode) or music21_chord(text, key, mode)


def music21_chord(text: str, key: str, mode: str) -> Chord:
    """`parse_chord` through music21: any chord symbol or roman numeral music21 reads."""
    from music21 import harmony, key as m21key, roman

    m = SYMBOL_RE.match(text)
    if m:
        letter, acc, kind, bl, ba = m.groups()
        fig = _m21_name(letter, acc) + kind + (f"/{_m21_name(bl, ba)}" if bl else "")
        try:
            cs = harmony.ChordSymbol(fig)
            pitches = cs.pitches
        except Exception:
            raise ValueError(f"cannot read chord symbol {text!r}") from None
        root = tonic_pc(letter + acc)
        bass = tonic_pc(bl + ba) if bl else root
        return _from_pitches(text, pitches, root, bass)
    k = m21key.Key(_m21_name(key[0], key[1:]), numeral_mode(mode))
    fig = normalise_numeral(text, mode)  # "bVII" in A minor means G major, music21's "VII" in a minor key
    extra: list[int] = []
    for suffix, iv in (("add9", 2), ("sus4", 5), ("sus2", 2), ("add11", 5)):
        if fig.endswith(suffix):
            fig, extra = fig[: -len(suffix)], [iv]
            break
    try:
        rn = roman.RomanNumeral(fig, k)
        pitches = rn.pitches
        root = rn.root().pitchClass
        bass = rn.bass().pitchClass
    except Exception:
        raise ValueError(f"cannot read roman numeral {text!r} in {key} {mode}") from None
    ch = _from_pitches(text, pitches, root, bass)
    if re.fullmatch(r"[b#]?(I|II|III|IV|V|VI|VII)7", fig):
        # lead-sheet reading: an upper-case numeral with a plain 7 is a dominant seventh (blues I7, IV7)
        ch = Chord(text, root, bass, tuple((root + i) % 12 for i in (0, 4, 7, 10)))
    if extra:
        tones = list(ch.tones)
        if text.endswith(("sus4", "sus2")):
            tones = [t for t in tones if (t - root) % 12 not in (3, 4)]
        tones.append((root + extra[0]) % 12)
        ch = Chord(text, root, bass, tuple(dict.fromkeys(tones)))
    return ch


def apply_vocabulary(ch: Chord, kind: str, scale: tuple[int, ...]) -> Chord:
    """Extend or reduce a chord to a style's vocabulary: triad, seventh, ninth, power or sus."""
    r = ch.root
    tones = list(ch.tones)
    if kind in ("seventh", "ninth") and len(tones) == 3:
        third = (tones[1] - r) % 12
        fifth = (tones[2] - r) % 12
        cands = [11, 10] if third == 4 else [10, 11]
        if fifth == 6:
            cands = [10, 9]
        seventh = next(((r + c) % 12 for c in cands if (r + c) % 12 in scale), (r + cands[0]) % 12)
        tones.append(seventh)
    if kind == "ninth" and len(tones) == 4 and (r + 2) % 12 in scale:
        tones.append((r + 2) % 12)
    if kind == "power":
        tones = [r, (r + 7) % 12]
    if kind == "sus" and len(tones) >= 3 and (r + 2) % 12 in scale:
        tones = [r, (r + 2) % 12, *tones[2:]]
    return Chord(ch.name, r, ch.bass, tuple(dict.fromkeys(tones)))


# ---------------------------------------------------------------- harmonic rhythm: chords inside a bar

MOVES = ("hold", "dominant", "plagal", "diatonic")


def _slots(beats: int, n: int) -> list[float]:
    """Offsets of n chords in a bar of `beats` beats, on whole beats, longer ones first (3/4 in two: 2+1)."""
    n = max(1, min(n, beats))
    base, extra = divmod(beats, n)
    offs, t = [], 0
    for k in range(n):
        offs.append(float(t))
        t += base + (k < extra)
    return offs


def _built(root: int, ivs: tuple[int, ...], suffix: str, key: str, mode: str) -> Chord:
    r = root % 12
    return Chord(pc_name(r, key, mode) + suffix, r, r, tuple((r + i) % 12 for i in ivs))


def diatonic(root: int, scale: tuple[int, ...], key: str, mode: str) -> Chord | None:
    """The scale's own triad on `root` (None when root is not in the scale): stacked scale thirds."""
    if root % 12 not in scale or len(scale) != 7:
        return None
    k = scale.index(root % 12)
    third, fifth = (scale[(k + 2) % 7] - root) % 12, (scale[(k + 4) % 7] - root) % 12
    suffix = {(4, 7): "", (3, 7): "m", (3, 6): "dim", (4, 8): "aug"}.get((third, fifth), "")
    return _built(root, (0, third, fifth), suffix, key, mode)


def _is_dominant(ch: Chord) -> bool:
    """A dominant seventh (major third, minor seventh): the chord that wants to fall a fifth."""
    ivs = {(t - ch.root) % 12 for t in ch.tones}
    return {4, 10} <= ivs


def _toward(x: Chord, y: Chord, move: str, key: str, mode: str, scale) -> tuple[Chord, Chord] | None:
    """(first, last) chords of a bar of x that leads to y; None to hold x through the bar."""
    fifth_above = (y.root + 7) % 12
    if move == "diatonic":
        step = diatonic(fifth_above, scale, key, mode)  # the scale's chord that falls a fifth into y
        if step is None or step.root == x.root:
            k = scale.index(x.root) if x.root in scale and len(scale) == 7 else None
            step = diatonic(scale[(k - 2) % 7], scale, key, mode) if k is not None else None  # a third below
        return (x, step) if step is not None and step.root not in (x.root, y.root) else None
    if x.pcs == y.pcs:
        # the same chord again: gospel leans on its plagal neighbour (I - IV/I); others hold
        return (x, _built(x.root + 5, (0, 4, 7), "", key, mode)) if move == "plagal" else None
    if x.root == fifth_above:  # x already leads into y
        if move == "dominant" and _is_dominant(x):  # the ii-V in one bar: its own ii first
            return _built(x.root + 7, (0, 3, 7, 10), "m7", key, mode), x
        if move == "plagal" and _is_dominant(x):  # gospel's IV before the V: F then G7 into C
            return _built(y.root + 5, (0, 4, 7), "", key, mode), x
        if move == "dominant" and not _is_dominant(y):  # a minor chord turns dominant into its target: Dm7 D7 | Gm7
            return x, _built(x.root, (0, 4, 7, 10), "7", key, mode)
        return None
    return x, _built(fifth_above, (0, 4, 7, 10), "7", key, mode)  # a secondary dominant into y


def fill_bar(x: Chord, y: Chord, beats: int, per_bar: float, move: str, key: str, mode: str,
             scale: tuple[int, ...], vocabulary: str) -> list[tuple[float, Chord]]:
    """A bar's chords under a style's harmonic rhythm.

    Args:
        x: the bar's chord (from the progression); y: the chord of the bar after it.
        beats: the bar's length; per_bar: chords per bar (the style's harmonic rhythm); move: how the
            later beats lead on to y (see MOVES).
        key, mode, scale: the plan's; vocabulary: the style's chord vocabulary for the added chords.
    Returns:
        (offset in beats from the downbeat, chord) for each change in the bar, the first at 0.
    """
    offs = _slots(beats, int(per_bar) if per_bar >= 1 else 1)
    pair = None if len(offs) == 1 or move == "hold" else _toward(x, y, move, key, mode, scale)
    if pair is None:
        return [(0.0, x)]
    first, last = (apply_vocabulary(c, vocabulary, scale) if c is not x else c for c in pair)
    out = [(offs[0], first)]
    if len(offs) > 2:  # one chord a beat: the middle beats step down a third (I - vi, IV - ii), then lead on
        k = scale.index(first.root) if first.root in scale and len(scale) == 7 else None
        mid = diatonic(scale[(k - 2) % 7], scale, key, mode) if k is not None else None
        mid = apply_vocabulary(mid, vocabulary, scale) if mid is not None else first
        out += [(o, mid) for o in offs[1:-1]]
    out.append((offs[-1], last))
    merged = [out[0]]
    for o, c in out[1:]:
        if c.pcs != merged[-1][1].pcs:
            merged.append((o, c))
    return merged


@lru_cache(maxsize=8192)
def voice(tones: tuple[int, ...], prev: tuple[int, ...] | None, lo: int, hi: int, size: int) -> tuple[int, ...]:
    """A voicing of `tones` in [lo, hi] with `size` notes that moves as little as possible from `prev`.

    Voice leading: among all placements of the chord's tones in the register (span at most a tenth plus
    a fifth, no seconds in the lowest two voices), take the one nearest to the previous voicing; with no
    previous voicing, the one centred in the register. Returns MIDI notes, low to high.
    """
    pcs = list(tones)
    if len(pcs) >= 5 and size == 4:  # rootless voicing (3rd, 5th, 7th, 9th): the bass has the root
        pcs = pcs[1:5]
    if len(pcs) > size:  # drop the fifth first, then upper tensions
        if len(pcs) >= 4 and size >= 3:
            pcs = [p for i, p in enumerate(pcs) if i != 2][:size]
        pcs = pcs[:size]
    while len(pcs) < size:
        pcs.append(pcs[len(pcs) % max(1, len(tones))] if len(pcs) < len(tones) else pcs[0])
    options = []
    for pc in pcs:
        opts = [n for n in range(lo, hi + 1) if n % 12 == pc]
        options.append(opts or [lo + (pc - lo) % 12])
    centre = (lo + hi) / 2
    best, best_cost = None, float("inf")
    for combo in itertools.product(*options):
        v = tuple(sorted(combo))
        if len(set(v)) < len(v) or v[-1] - v[0] > 24:
            continue
        if len(v) >= 2 and v[1] - v[0] < 3 and v[0] < 60:
            continue
        if prev:
            cost = sum(abs(a - b) for a, b in zip(v, sorted(prev))) + abs(len(v) - len(prev)) * 3
        else:
            cost = abs(sum(v) / len(v) - centre) + (v[-1] - v[0]) * 0.1
        # clusters sound muddy: a minor second inside a voicing costs a lot, a major second a little
        cost += sum(6 if b - a == 1 else 1.5 if b - a == 2 else 0 for a, b in zip(v, v[1:]))
        cost += abs(sum(v) / len(v) - centre) * 0.15  # and drifting far from the register's middle
        if cost < best_cost:
            best, best_cost = v, cost
    if best is None:
        best = tuple(sorted(options[i][0] for i in range(len(pcs))))
    return best


def nearest(pc: int, ref: float, lo: int, hi: int) -> int:
    """The MIDI note of pitch class `pc` nearest to `ref` inside [lo, hi]."""
    cands = [n for n in range(lo, hi + 1) if n % 12 == pc]
    if not cands:
        return int(min(max(ref, lo), hi))
    return min(cands, key=lambda n: (abs(n - ref), n))
