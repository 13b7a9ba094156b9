"""Expression: the CC11 curve that swells into cuts and the climax, and a humanised performance.

The CC11 curve is written into score.mid and played by the stems: an expression level per section from its
energy, a swell over the beats before each section boundary and strong hit point, and a build-up into the
section the plan names the climax. Velocities and off-beat onsets get a small deterministic spread in the
notes themselves (so the full render and the chat's per-section stems play the same performance), never the
notes that mark a cut, so sync is kept; onsets move far less than a sixteenth, so the score reads the same.
"""

from __future__ import annotations

import bisect
import math
import zlib
from dataclasses import replace

from v2m.tools.contract import ScorePlan
from v2m.tools.music.splits import origins
from v2m.tools.music.tempo_map import TempoMap

SWELL_BEATS = 2.0  # a crescendo into each new section
HIT_SWELL_BEATS = 1.0  # and a shorter one into a strong hit point
HIT_SWELL_MIN_STRENGTH = 0.6
BUILD_BARS = 4  # the build-up into the climax
CLIMAX = "climax"  # the section name that gets a build-up (the planners name their peak so)
SWELL_UP = 8  # CC11 steps a swell rises above its section's level
VELOCITY_SPREAD = 7  # +- MIDI velocity of the humanised performance
CC_STEP_BEATS = 0.25  # CC11 is sent at most once a sixteenth
JITTER_STEPS = 256  # timing spread is counted in 1/256 beats


def level(energy: float) -> int:
    """The CC11 level a section of this energy plays at."""
    return int(min(127, max(40, round(96 + 24 * energy))))


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
    keys = sorted(starts)
    for k, i in enumerate(keys):
        a, b, v = starts[i]
        points.append((float(a), v))
        if k + 1 < len(keys):
            # A swell is a transition into the next section, so it reads nothing of that section but its name
            # (issue 11: an edit to a section leaves the ones around it as they were, controllers included):
            # into a section the plan names the climax, a build-up, quieter first, then all the way up;
            # into any other, a swell from this section's own level.
            if plan.sections[keys[k + 1]].name.strip().lower() == CLIMAX:
                ramp = min(b - a, BUILD_BARS * max(1, tmap.bar_at_beat(a).beats))
                points += [(b - ramp, max(40, v - 12)), (b - 0.05, 127)]
            else:
                points += [(max(a, b - SWELL_BEATS), v), (b - 0.05, min(127, v + SWELL_UP))]
    curve = sorted(points)
    for beat, t in tmap.hits:
        h = min(plan.hit_points, key=lambda h: abs(h.time_s - t))
        if h.strength < HIT_SWELL_MIN_STRENGTH or h.kind == "stop":
            continue
        base = value_at(curve, beat)
        curve += [(beat - HIT_SWELL_BEATS, base), (beat, min(127, base + 10)), (beat + HIT_SWELL_BEATS, base)]
        curve.sort()
    return curve


def value_at(curve: list[tuple[float, int]], beat: float) -> int:
    """The curve's value at a beat (straight lines between breakpoints)."""
    return _value(curve, [b for b, _ in curve], beat)


def _value(curve: list[tuple[float, int]], beats: list[float], beat: float) -> int:
    """value_at, with the breakpoints' beats given (`beats`, sorted) so a search costs log n, not n."""
    i = bisect.bisect_left(beats, beat)  # the first breakpoint at or after `beat`
    if i == len(curve):
        return curve[-1][1]
    (b0, v0), (b, v) = curve[max(0, i - 1)], curve[i]
    if i == 0 or b == b0:
        return v
    return int(round(v0 + (v - v0) * (beat - b0) / (b - b0)))


def cc_steps(curve: list[tuple[float, int]], start_beat: float, end_beat: float) -> list[tuple[float, int]]:
    """The CC11 values score.mid sends, as (beat, value): sampled every CC_STEP_BEATS from the last grid
    point at or before `start_beat` (the value in force there) through `end_beat`, each where it changes.
    score.mid (from beat 0) and the audio stems (from a section's start) both play exactly these."""
    if not curve:
        return []
    beats = [b for b, _ in curve]
    k = math.floor(start_beat / CC_STEP_BEATS + 1e-9)
    out: list[tuple[float, int]] = []
    while k * CC_STEP_BEATS <= end_beat + 1e-9:
        v = _value(curve, beats, k * CC_STEP_BEATS)
        if not out or v != out[-1][1]:
            out.append((k * CC_STEP_BEATS, v))
        k += 1
    return out


def humanize(parts, tmap: TempoMap, plan: ScorePlan, timing: float, wholes: dict | None = None) -> None:
    """Spread velocities (every part with a kit or a human feel) and off-beat onsets (by `timing` beats)
    a little, in place and deterministically: each draw hangs on the plan's seed, the role, the
    section's start time and take and the note's place in it, so an edit elsewhere leaves it as it was (a piece of a
    split section counts as the whole section: `wholes`, section -> (its start, notes before the piece per role)).
    A note on a cut's beat keeps its time. Onsets stay well inside their sixteenth, so the score reads the same.
    """
    marked, org = {round(b, 4) for b, _ in tmap.hits}, origins(tmap)
    for part in parts:
        if not (timing or part.is_drum):
            continue
        counts: dict[int, int] = {}
        shifts: dict[float, float] = {}  # one shift per onset: a chord's notes move together
        out = []
        for n in sorted(part.notes, key=lambda n: (n.start, n.pitch)):
            start, before = (wholes or {}).get(n.section, (plan.sections[n.section].start_s, {}))
            k = counts[n.section] = counts.get(n.section, before.get(part.role, 0) - 1) + 1
            h = zlib.crc32(f"{plan.seed}:{part.role}:{start:.3f}:{plan.sections[n.section].take}:{k}".encode())
            vel = max(1, min(127, n.vel + h % (2 * VELOCITY_SPREAD + 1) - VELOCITY_SPREAD))
            if n.start not in shifts:
                shifts[n.start] = 0.0
                o = org.get(n.section, 0.0)  # on the section's own beats (an offbeat seam: splits.origins)
                if timing and abs(n.start - o - round(n.start - o)) > 1e-6 and round(n.start, 4) not in marked:
                    # whole 1/256 beats: binary fractions, so beats relative to a section stay exact
                    steps = int(timing * JITTER_STEPS)
                    shifts[n.start] = ((h >> 8) % (2 * steps + 1) - steps) / JITTER_STEPS
            out.append(replace(n, start=n.start + shifts[n.start], vel=vel))  # Note is frozen: a copy
        part.notes = out
