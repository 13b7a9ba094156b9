"""Expression: the CC11 curve that swells into cuts and the climax, and a humanised performance.

The notes stay on the grid (they are the score); expression is how they are played, written only into
the MIDI file: an expression (CC11) level per section from its energy, a swell over the beats before each
section boundary and strong hit point, and a long build-up into the highest-energy section. Velocities
and off-beat onsets get a small deterministic spread (the same plan gives the same file), never the notes
that mark a cut, so sync is kept.
"""

from __future__ import annotations

import zlib

from v2m.tools.contract import ScorePlan
from v2m.tools.music.tempo_map import TempoMap

SWELL_BEATS = 2.0  # a crescendo into each new section
HIT_SWELL_BEATS = 1.0  # and a shorter one into a strong hit point
HIT_SWELL_MIN_STRENGTH = 0.6
BUILD_BARS = 4  # the build-up into the climax
VELOCITY_SPREAD = 7  # +- MIDI velocity of the humanised performance


def level(energy: float) -> int:
    """The CC11 level a section of this energy plays at."""
    return int(min(127, max(40, round(72 + 48 * energy))))


def expression_curve(plan: ScorePlan, tmap: TempoMap) -> list[tuple[float, int]]:
    """CC11 breakpoints (beat, value), to be joined by straight lines.

    Args:
        plan: the plan (section energies, hit points); tmap: its tempo map.
    Returns:
        Sorted breakpoints starting at beat 0.
    """
    points: list[tuple[float, int]] = []
    starts = {}
    for i, sec in enumerate(plan.sections):
        bars = tmap.section_bars(i)
        if bars:
            starts[i] = (bars[0].start_beat, bars[-1].end_beat, level(sec.energy))
    if not starts:
        return [(0.0, 100)]
    climax = max(starts, key=lambda i: (plan.sections[i].energy, -i))
    keys = sorted(starts)
    for k, i in enumerate(keys):
        a, b, v = starts[i]
        points.append((float(a), v))
        if k + 1 < len(keys):
            nxt = starts[keys[k + 1]]
            if keys[k + 1] == climax:  # the build-up: quieter first, then all the way up
                ramp = min(b - a, BUILD_BARS * max(1, tmap.bar_at_beat(a).beats))
                points += [(b - ramp, max(40, v - 16)), (b - 0.05, 127)]
            else:
                points += [(max(a, b - SWELL_BEATS), v), (b - 0.05, min(127, max(v, nxt[2]) + 12))]
    curve = sorted(points)
    for beat, t in tmap.hits:
        h = min(plan.hit_points, key=lambda h: abs(h.time_s - t))
        if h.strength < HIT_SWELL_MIN_STRENGTH or h.kind == "stop":
            continue
        base = value_at(curve, beat)
        curve += [(beat - HIT_SWELL_BEATS, base), (beat, min(127, base + 14)), (beat + HIT_SWELL_BEATS, base)]
        curve.sort()
    return curve


def value_at(curve: list[tuple[float, int]], beat: float) -> int:
    """The curve's value at a beat (straight lines between breakpoints)."""
    prev = curve[0]
    for b, v in curve:
        if b >= beat:
            if b == prev[0]:
                return v
            return int(round(prev[1] + (v - prev[1]) * (beat - prev[0]) / (b - prev[0])))
        prev = (b, v)
    return prev[1]


def humanised(role: str, k: int, pitch: int, vel: int) -> int:
    """A velocity with a small deterministic spread (a player never strikes twice the same)."""
    h = zlib.crc32(f"{role}:{k}:{pitch}".encode())
    return max(1, min(127, vel + h % (2 * VELOCITY_SPREAD + 1) - VELOCITY_SPREAD))


def jitter(role: str, k: int, amount: float) -> float:
    """A deterministic timing offset in beats, within +-amount."""
    h = zlib.crc32(f"t:{role}:{k}".encode()) / 0xFFFFFFFF
    return (2 * h - 1) * amount
