"""The melody's bar rhythms through a phrase: the theme's cell repeated, varied, contrasted and cadenced.

A melody that plays its one-bar cell in every bar but the cadence is metrically stiff: 1-3 distinct bar rhythms
per eight bars over the styles, where music21's folk tunes, fiddle tunes and chorales have 3-5 (the middle half
of 400 melodies, median 4: tests/test_engine12.py). Real tunes get there by varying a motif, not by drawing new
rhythms at random, so every rhythm here is made from the theme's cell or the style's own melody rhythms, chosen
from the theme's seed alone (every section hears the same ones):

- the cell: the statement, and its repeat a step away (the sequence);
- the answer (`answer`): the cell with one long note split in two (a passing note) or, where no note is long,
  two short ones joined;
- the contrast (`contrast`): another of the style's melody rhythms, for the phrase's third bar;
- two cadences: a half cadence (the theme's head, a long note, and a pickup into the next phrase) and a full
  one (the head's first note and a longer note held to the bar's end).

A phrase of four bars is statement, sequence (the answer in a section's second phrase), contrast (thinned at a
quiet level), cadence (half where a phrase follows, full at the section's end; one bar left after a cadence
echoes it), so eight bars of one section hear five rhythms, three of them the cell and its answer. A section of
three bars (a short shot) is statement, contrast, cadence, so sections of a few bars do not all sound alike.
"""

from __future__ import annotations

import random

Rhythm = list[tuple[float, float]]  # (offset, length) in beats
PICKUP = 0.5  # beats: an eighth before the bar line leads into the next phrase's downbeat


def answer(cell: Rhythm) -> Rhythm:
    """The cell varied: its longest note of a beat or more split in two, else an off-beat note joined to the
    note before it (the cell itself when neither can be done)."""
    long = [k for k, (_, ln) in enumerate(cell) if ln >= 1.0 - 1e-9]
    if long:
        k = max(long, key=lambda j: (cell[j][1], -j))
        off, ln = cell[k]
        first = ln - 0.5 if ln >= 1.5 - 1e-9 else ln / 2  # dotted: a passing note an eighth before the next
        return cell[:k] + [(off, first), (off + first, ln - first)] + cell[k + 1:]
    for k in range(len(cell) - 1, 0, -1):
        off, _ = cell[k]
        if abs(off - round(off)) > 1e-9 and len(cell) > 2:
            prev = cell[k - 1]
            return cell[:k - 1] + [(prev[0], off + cell[k][1] - prev[0])] + cell[k + 1:]
    return cell


def _onsets(rhythm: Rhythm, beats: float) -> tuple[float, ...]:
    """The onsets of a rhythm that fall in a bar of `beats` (a bar shorter than the style's cuts it short): what
    the ear tells apart, a rest or a hold after a note being the same rhythm."""
    return tuple(off for off, _ in rhythm if off < beats - 1e-9)


def contrast(cell: Rhythm, others: list[Rhythm], seed: int, beats: float = 4.0) -> Rhythm:
    """Another of the style's melody rhythms, as the bar of `beats` hears it (as many notes as the cell: a bar of
    fewer between runs makes the line turn at every bar line), drawn from the theme's seed; where the style has
    none, the answer of the answer, else the fullest of its other rhythms."""
    mine = (_onsets(cell, beats), _onsets(answer(cell), beats))
    new = [c for c in others if _onsets(c, beats) not in mine and len(_onsets(c, beats)) >= 2]
    pool = [c for c in new if len(_onsets(c, beats)) >= len(mine[0])]
    twice = answer(answer(cell))
    if not pool and _onsets(twice, beats) not in mine:
        return twice
    pool = pool or [c for c in new if len(c) == max((len(x) for x in new), default=0)]
    return random.Random(seed * 7919 + 17).choice(pool) if pool else answer(cell)


def cadence(cell: Rhythm, beats: float, *, half: bool) -> tuple[Rhythm, int]:
    """A cadence bar's rhythm and the index of the note that lands, held at least as long as any note of the cell:
    a half cadence sings the theme's head (two notes, or one, or its first note cut to make room), the long note
    and a pickup into the next phrase, where they fit; a full cadence the head's first note and the long note
    held to the bar's end."""
    longest = max(ln for _, ln in cell)
    head = [(off, ln) for off, ln in cell if off < min(2.0, beats / 2)] or [(0.0, 1.0)]
    room = beats - PICKUP - longest  # the most a half cadence's head may take before the landing and the pickup
    if half and head[0][0] == 0 and room >= 1.0 - 1e-9:
        heads = [head[:2], head[:1], [(0.0, room)]]
    else:
        heads = [head[:2], head[:1]] if half else [head[:1]]
    pickup = PICKUP if half and room >= 1.0 - 1e-9 else 0.0
    for h in heads:
        tail_at = max(off + ln for off, ln in h)
        if beats - pickup - tail_at >= longest - 1e-9:
            break
    if tail_at >= beats:
        return [(0.0, float(beats))], 0
    rhythm = h + [(tail_at, beats - pickup - tail_at)] + ([(beats - pickup, pickup)] if pickup else [])
    return rhythm, len(h)


def bar_rhythm(cell: Rhythm, others: list[Rhythm], seed: int, i: int, n: int, beats: float,
               quiet: bool = False) -> tuple[str, Rhythm, int | None]:
    """Bar `i` of a section of `n` bars: (its role in the phrase, its rhythm, the index of a cadence's landing
    note or None). Roles: "statement", "sequence", "variation" (the contrast, thinned when `quiet`; the second of
    three bars), "cadence"."""
    pos, phrase = i % 4, i // 4
    if pos == 3 or i == n - 1:
        # a half cadence opens a next phrase; with one bar left after it, both are full (the second an echo)
        rhythm, land = cadence(cell, beats, half=n - 1 - i >= 2)
        return "cadence", rhythm, land
    if pos == 2 or pos == 1 and n == 3:  # three bars: statement, contrast, cadence
        c = contrast(cell, others, seed, beats)
        c = [e for k, e in enumerate(c) if k % 2 == 0] if quiet else c
        return "variation", c, None
    if pos == 1:
        return "sequence", (answer(cell) if phrase % 2 else cell), None
    return "statement", cell, None
