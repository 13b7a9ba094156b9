"""Swing: where a straight (written) beat position sounds under the style's swing, and back. Notes are kept in
straight beats; the MIDI writer, the stems, the tempo map's hit grid (hits on swung offbeats are written straight) and
the split seams (`splits.py`: a seam on a swung offbeat) go by it.
"""

from __future__ import annotations


def swing_beat(beat: float, swing: float, unit: int) -> float:
    """Performance position of a straight beat position under swing.

    Args:
        beat: position in quarter-note beats; swing: where the offbeat lands inside its pair (0.5 =
            straight, 0.667 = triplet swing); unit: 8 swings eighths, 16 swings sixteenths.
    Returns:
        The swung position; whole pairs (beats for eighths) map to themselves.
    """
    if swing <= 0.5:
        return beat
    pair = 1.0 if unit == 8 else 0.5
    base = (beat // pair) * pair
    f = (beat - base) / pair
    g = f * swing / 0.5 if f <= 0.5 else swing + (f - 0.5) * (1 - swing) / 0.5
    return base + g * pair


def unswing_beat(beat: float, swing: float, unit: int) -> float:
    """The straight beat position that `swing_beat` plays at `beat` (its inverse): where a note must be written to
    sound at a given moment under swing."""
    if swing <= 0.5:
        return beat
    pair = 1.0 if unit == 8 else 0.5
    base = (beat // pair) * pair
    g = (beat - base) / pair
    f = g * 0.5 / swing if g <= swing else 0.5 + (g - swing) * 0.5 / (1 - swing)
    return base + f * pair
