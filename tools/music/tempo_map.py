"""The sync grid: a tempo map that puts a downbeat on every section boundary and hit point.

Why a tempo map: a cut is a moment in seconds, a bar is a span in beats. Between two consecutive
anchors (section boundaries, hit points, the start) the composer picks a whole number of beats near the
plan's tempo, so the local tempo is `beats * 60 / span` and the anchor after it lands on a beat exactly.
Where that number of beats is not a whole number of bars, one bar before the anchor is shorter or longer
(a meter change), so every anchor stays a downbeat. The MIDI file carries the map as set_tempo and
time_signature events; ABC carries it as inline [Q:] and [M:] fields.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from v2m.tools.contract import ScorePlan
from v2m.tools.style import Style

MIN_TEMPO_BPM = 30.0
MAX_TEMPO_BPM = 300.0
MERGE_S = 0.12  # anchors closer than this are one moment (a boundary and its own cut hit point)


@dataclass(frozen=True)
class Bar:
    """One bar of the grid. Beats are quarter notes counted from the start of the music."""

    index: int
    start_beat: int
    beats: int
    start_s: float
    sec_per_beat: float
    section: int
    anchor: str | None = None  # "start", "boundary" or "hit" when this downbeat was asked for

    @property
    def end_beat(self) -> int:
        return self.start_beat + self.beats

    @property
    def tempo_bpm(self) -> float:
        return 60.0 / self.sec_per_beat


@dataclass
class TempoMap:
    """Bars with their seconds; `beat_to_s` and `s_to_beat` convert through the piecewise-linear map."""

    bars: list[Bar]
    duration_s: float
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [b.start_beat for b in self.bars]

    def bar_at_beat(self, beat: float) -> Bar:
        i = max(0, bisect.bisect_right(self._starts, beat) - 1)
        return self.bars[i]

    def beat_to_s(self, beat: float) -> float:
        b = self.bar_at_beat(beat)
        return b.start_s + (beat - b.start_beat) * b.sec_per_beat

    def s_to_beat(self, t: float) -> float:
        i = max(0, bisect.bisect_right([b.start_s for b in self.bars], t) - 1)
        b = self.bars[i]
        return b.start_beat + (t - b.start_s) / b.sec_per_beat

    @property
    def end_beat(self) -> float:
        """The beat at which the video ends (the music stops there)."""
        return self.s_to_beat(self.duration_s)

    @property
    def downbeats_s(self) -> list[float]:
        return [b.start_s for b in self.bars if b.start_s < self.duration_s - 1e-9]

    def section_bars(self, section: int) -> list[Bar]:
        return [b for b in self.bars if b.section == section]


def _anchors(plan: ScorePlan) -> list[tuple[float, str]]:
    """Sorted (time, kind) moments that must be downbeats; near-duplicates merged, boundaries win."""
    cands = [(s.start_s, "boundary") for s in plan.sections[1:]]
    cands += [(h.time_s, "hit") for h in plan.hit_points if MERGE_S < h.time_s < plan.duration_s - 1e-6]
    cands.sort(key=lambda c: (c[0], c[1] != "boundary"))
    out: list[tuple[float, str]] = [(0.0, "start")]
    for t, kind in cands:
        if t - out[-1][0] < MERGE_S:
            if kind == "boundary" and out[-1][1] == "hit":
                out[-1] = (t, kind)
            continue
        out.append((t, kind))
    return out


def _choose_beats(span: float, bpm: float, meter: int, lo: float, hi: float,
                  prev_bpm: float | None = None) -> int | None:
    """Whole number of beats for a span: near the wanted tempo and the previous stretch's tempo (no
    lurching), inside the style's range, whole bars preferred."""
    ideal = span * bpm / 60.0
    best, best_cost = None, math.inf
    for n in range(max(1, math.floor(ideal * 0.6)), math.ceil(ideal * 1.5) + 2):
        tempo = n * 60.0 / span
        if not MIN_TEMPO_BPM <= tempo <= MAX_TEMPO_BPM:
            continue
        cost = abs(math.log(tempo / bpm))
        if prev_bpm:
            cost += 0.5 * abs(math.log(tempo / prev_bpm))
        if not lo * 0.9 <= tempo <= hi * 1.1:
            cost += 1.0 + abs(math.log(tempo / min(max(tempo, lo), hi)))
        r = n % meter
        if n < meter:
            cost += 0.08  # a stretch shorter than a bar
        elif r == 1 and meter > 2:
            cost += 0.07  # a 5/4 bar
        elif r:
            cost += 0.035  # a 2/4 or 3/4 bar before the anchor
        if cost < best_cost:
            best, best_cost = n, cost
    return best


def _split_bars(n: int, meter: int) -> list[int]:
    q, r = divmod(n, meter)
    bars = [meter] * q
    if r == 1 and q >= 1 and meter > 2:
        bars[-1] += 1
    elif r:
        bars.append(r)
    return bars


def build_tempo_map(plan: ScorePlan, style: Style) -> TempoMap:
    """Lay the bar grid for a plan.

    Args:
        plan: the ScorePlan; its tempo (or a section's tempo_bpm) is the wanted tempo per stretch.
        style: the style, whose tempo range bounds the adjustments.
    Returns:
        A TempoMap whose bars start exactly on every kept anchor; anchors too close to be a beat apart
        are dropped and named in `warnings`.
    """
    meter = int(plan.meter.split("/")[0])
    lo, hi = style.tempo_bpm
    lo, hi = min(lo, plan.tempo_bpm), max(hi, plan.tempo_bpm)
    anchors = _anchors(plan)
    warnings: list[str] = []
    times = [t for t, _ in anchors] + [plan.duration_s]
    bars: list[Bar] = []
    beat = 0
    i = 0
    while i < len(anchors):
        t0, kind = anchors[i]
        j = i + 1
        sec = plan.section_at(t0 + 1e-6)
        bpm = plan.sections[sec].tempo_bpm or plan.tempo_bpm
        last = j == len(anchors)
        prev_bpm = bars[-1].tempo_bpm if bars and plan.section_at(bars[-1].start_s + 1e-6) == sec else None
        n = _choose_beats(times[j] - t0, bpm, meter, lo, hi, prev_bpm)
        while n is None and not last:  # the next anchor is too close for even one beat: drop it
            warnings.append(f"hit point at {anchors[j][0]:.2f}s is too close to {t0:.2f}s for a downbeat; dropped")
            anchors.pop(j)
            times.pop(j)
            last = j == len(anchors)
            n = _choose_beats(times[j] - t0, bpm, meter, lo, hi, prev_bpm)
        span = times[j] - t0
        spb = span / n if n else 0.0
        if last and (not n or abs(math.log(60.0 / spb / bpm)) > 0.12):
            # The end of the video need not be a downbeat: keep the previous tempo and let the last bar
            # ring past the end (the writers clip there) rather than lurch to a strange tempo.
            spb = bars[-1].sec_per_beat if bars else 60.0 / bpm
            n = max(1, math.ceil(span / spb - 1e-6))
        offset = 0
        for k, nb in enumerate(_split_bars(n, meter)):
            t = t0 + offset * spb
            bars.append(Bar(len(bars), beat, nb, t, spb, plan.section_at(t + 1e-6), kind if k == 0 else None))
            beat += nb
            offset += nb
        i = j
    return TempoMap(bars=bars, duration_s=plan.duration_s, warnings=warnings)

