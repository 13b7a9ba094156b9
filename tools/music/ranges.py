"""Playable ranges of General MIDI instruments (MIDI note numbers), so no part writes what cannot sound.

Ranges are the usual written-as-sounding compasses of the real instruments (synths get a wide range);
the arranger intersects each role's register with its instrument's range.
"""

from __future__ import annotations

# (first program, last program) -> (lowest, highest) note; checked in order, first match wins.
FAMILY_RANGES = [
    ((0, 7), (21, 108)),     # pianos, harpsichord, clavinet
    ((8, 8), (60, 108)),     # celesta
    ((9, 10), (55, 108)),    # glockenspiel, music box
    ((11, 11), (53, 89)),    # vibraphone
    ((12, 12), (45, 96)),    # marimba
    ((13, 13), (65, 108)),   # xylophone
    ((14, 15), (55, 84)),    # tubular bells, dulcimer
    ((16, 20), (24, 96)),    # organs
    ((21, 23), (41, 89)),    # accordion, harmonica
    ((24, 31), (40, 88)),    # guitars
    ((32, 39), (23, 67)),    # basses (five-string low B to high frets)
    ((40, 40), (55, 103)),   # violin
    ((41, 41), (48, 91)),    # viola
    ((42, 42), (36, 81)),    # cello
    ((43, 43), (28, 67)),    # contrabass
    ((44, 45), (28, 96)),    # tremolo / pizzicato strings
    ((46, 46), (23, 103)),   # harp
    ((47, 47), (36, 57)),    # timpani
    ((48, 51), (28, 96)),    # string ensembles
    ((52, 54), (40, 84)),    # choirs
    ((55, 55), (36, 84)),    # orchestra hit
    ((56, 56), (52, 84)),    # trumpet
    ((57, 57), (40, 72)),    # trombone
    ((58, 58), (28, 58)),    # tuba
    ((59, 59), (52, 82)),    # muted trumpet
    ((60, 60), (34, 77)),    # french horn
    ((61, 63), (34, 84)),    # brass sections
    ((64, 64), (56, 88)),    # soprano sax
    ((65, 65), (49, 81)),    # alto sax
    ((66, 66), (44, 76)),    # tenor sax
    ((67, 67), (36, 69)),    # baritone sax
    ((68, 69), (52, 91)),    # oboe, english horn
    ((70, 70), (34, 75)),    # bassoon
    ((71, 71), (50, 94)),    # clarinet
    ((72, 72), (74, 108)),   # piccolo
    ((73, 79), (59, 98)),    # flute, recorder, pipes, whistle, ocarina
    ((80, 103), (24, 108)),  # synth leads, pads, effects
    ((104, 111), (36, 96)),  # ethnic
    ((112, 127), (24, 108)),  # percussive and sound effects
]


def playable_range(program: int) -> tuple[int, int]:
    """Lowest and highest MIDI note a GM program plays well.

    Args:
        program: General MIDI program number 0-127.
    Returns:
        (lowest, highest) MIDI note numbers.
    """
    for (a, b), rng in FAMILY_RANGES:
        if a <= program <= b:
            return rng
    return (21, 108)
