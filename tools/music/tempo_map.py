"""The sync grid: steady time per cue, with every section boundary a downbeat and every hit on a beat.

How film composers sync: a cue (here a section) gets one tempo, found by a hit-finder search over the tempos near the plan's,
that puts the section's end on a bar line and its hit points as close to beats as possible; a tempo a person asked for
(`tempo_asked`) stays within ~8%, the planner's own may move further for whole bars while the score's mean stays the plan's.
Each hit then takes the nearest beat (a downbeat when the bar line is nearest) or, where no beat is near, the offbeat eighth
(an anticipation, marked by an accent); the tempo bends by a few percent between hits so each lands exactly. The meter changes
only when no tempo in range gives whole bars (a cue shorter than a bar, say), and `notes` says so. The MIDI file carries the
map as set_tempo events at the bends and time_signature events at meter changes; ABC carries inline [Q:] and [M:] fields.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field, replace

from v2m.tools.contract import ScorePlan
from v2m.tools.music.hit_grid import SPREAD_WEIGHT, place_hits
from v2m.tools.music.splits import frame_piece, joins
from v2m.tools.music.swing import swing_beat, unswing_beat  # noqa: F401  (imported from here too)
from v2m.tools.music.warning_words import TOO_CLOSE, TOO_SHORT
from v2m.tools.style import Style

MIN_TEMPO_BPM = 30.0
MAX_TEMPO_BPM = 300.0
MERGE_S = 0.12  # anchors closer than this are one moment (a boundary and its own cut hit point)
STOP_NEAR_S = 0.2  # a stop this close to another hit point gets no beat of its own (see `_anchors`)


@dataclass(frozen=True)
class Bar:
    """One bar of the grid. Beats are quarter notes counted from the start of the music."""

    index: int
    start_beat: float  # whole beats but for the short bars a seam on an offbeat cuts (splits.py)
    beats: float
    start_s: float
    sec_per_beat: float
    section: int
    anchor: str | None = None  # "start", "boundary" or "hit" when this downbeat was asked for

    @property
    def end_beat(self) -> float:
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
    segments: list[tuple[float, float, float]] = field(default_factory=list)  # (start beat, start s, s per beat)
    hits: list[tuple[float, float]] = field(default_factory=list)  # (straight beat, s) of kept hits
    notes: list[str] = field(default_factory=list)  # why the meter changes where it does
    frames: dict = field(default_factory=dict)  # section -> splits.Frame: a piece of a split section

    def __post_init__(self) -> None:
        self._starts = [b.start_beat for b in self.bars]
        if not self.segments:
            self.segments = [(float(b.start_beat), b.start_s, b.sec_per_beat) for b in self.bars]
        self._seg_beats = [s[0] for s in self.segments]
        self._seg_s = [s[1] for s in self.segments]

    def bar_at_beat(self, beat: float) -> Bar:
        i = max(0, bisect.bisect_right(self._starts, beat) - 1)
        return self.bars[i]

    def beat_to_s(self, beat: float) -> float:
        b, t, spb = self.segments[max(0, bisect.bisect_right(self._seg_beats, beat + 1e-9) - 1)]
        return t + (beat - b) * spb

    def s_to_beat(self, t: float) -> float:
        b, t0, spb = self.segments[max(0, bisect.bisect_right(self._seg_s, t + 1e-9) - 1)]
        return b + (t - t0) / spb

    @property
    def end_beat(self) -> float:
        """The beat at which the video ends (the music stops there)."""
        return self.s_to_beat(self.duration_s)

    @property
    def played_bars(self) -> list[Bar]:
        """The bars that start before the music ends, as a musician counts them ("bar 9" is `played_bars[8]`): the
        last bar rings past the video's end and is one of them; a bar laid past the end is not."""
        return [b for b in self.bars if b.start_s < self.duration_s - 1e-9]

    @property
    def downbeats_s(self) -> list[float]:
        return [b.start_s for b in self.played_bars]

    def bar_end_s(self, bar: Bar) -> float:
        """Where `bar` ends in seconds: the next bar's downbeat (the video's end for the last one)."""
        nxt = self.bars[bar.index + 1].start_s if bar.index + 1 < len(self.bars) else self.duration_s
        return min(self.duration_s, nxt)

    def section_bars(self, section: int) -> list[Bar]:
        return [b for b in self.bars if b.section == section]


def _anchors(plan: ScorePlan, span: tuple[float, float] | None = None) -> tuple[list[float], list[list[tuple[float, int]]]]:
    """Section starts (downbeats) and, per section, its hit points (time, index) away from the boundaries, but for a
    stop within STOP_NEAR_S of another hit point: two marks that close cannot both have a beat without bending the
    tempo hard, and a stop needs none (only silence follows it), so it is left to sound off the beat. `span`: those of
    one section of that span instead (a split section's whole span)."""
    starts = list(span) if span else [s.start_s for s in plan.sections]
    hits: list[list[tuple[float, int]]] = [[] for _ in starts]
    for k, h in enumerate(sorted(plan.hit_points, key=lambda h: h.time_s)):
        if not MERGE_S < h.time_s < plan.duration_s - 1e-6 or min(abs(h.time_s - s) for s in starts) < MERGE_S:
            continue
        if h.kind == "stop" and any(0 < abs(o.time_s - h.time_s) < STOP_NEAR_S for o in plan.hit_points):
            continue  # the other mark takes the beat; compose sounds the stop at its own time, so both are heard
        if not span or span[0] < h.time_s < span[1]:
            hits[0 if span else plan.section_at(h.time_s + 1e-6)].append((h.time_s, k))
    return starts, hits


OFF_METER_COST = 0.5  # a bar of another meter: only when nothing else works
TEMPO_WEIGHT = 4.0  # cost of straying from the wanted tempo, per unit of |log ratio|
# Beyond this stray (|log ratio|, ~8%) a listener hears another tempo than the plan's. When a person asked
# for the tempo (plan.tempo_asked, Section.tempo_asked: "20% slower", "at 90 BPM") it must be heard, so a
# tempo this far off costs more than a bar of another meter.
TEMPO_SLACK = 0.077
FAR_TEMPO_WEIGHT = 20.0
# A planner's own tempo is its choice within the style's range: one cue may stray further (~15%) to keep
# whole bars, but the score as a whole keeps the plan's tempo (mean stray within ~4%), since a later "20%
# slower" scales the plan's number and is heard against what played. Measured on tests/dialogues (a, b,
# d-tune: 139/140, 181/214, 101/141 turns, as with every tempo held) and the 60 s bench plans: a per-cue
# slack of 0.17 or more, or a mean slack of 0.05, loses edit turns; a mean slack of 0.03 holds blues' seed-1
# plan back to 12% off-meter bars.
FREE_TEMPO_SLACK = 0.14
FREE_MEAN_SLACK = 0.04
# A section's tempo asked faster or slower is heard that way: its beat count moves past the beats its span played
# before (`_played`). Else whole bars win: a free cue strays up to FREE_TEMPO_SLACK from the plan's tempo,
# and "slower in the third shot" (129 -> 110 BPM, 0.85) kept the 16 beats the free cue played at 120 (the asked
# tempo 9% off, cheaper than a bar of another meter): nothing was heard, and a short shot played faster.
WRONG_WAY_COST = 10.0
# where inside a beat a hit may land (straight position, cost): the beat, the offbeat eighth
# (an anticipation), an offbeat sixteenth (a push); the sixteenths only when the beats would bend the tempo
GRID = ((0.0, 0.02), (0.5, 0.04), (0.25, 0.07), (0.75, 0.07))


def _cue(t0: float, t1: float, hits: list[float], bpm: float, lo: float, hi: float, meter: int,
         grid, ends_music: bool, asked: bool, beyond: tuple[float, float] | None = None):
    """The hit-finder: the section's beat count (whole bars preferred) and each hit's beat; `asked` when a
    person asked for `bpm`, which then strays less far (TEMPO_SLACK, not FREE_TEMPO_SLACK). `beyond`: (beats, ratio)
    when the tempo was asked `ratio` times the one that played those beats here before (`_played`): a count on the
    other side of them, or the same, costs WRONG_WAY_COST, and one off the ratio what a stray from `bpm` costs."""
    span = t1 - t0
    ideal = span * bpm / 60.0
    if ends_music:  # the video's end need not be a bar line: any steady tempo near the wanted one
        cands = [span * bpm * (1 + f / 200) / 60.0 for f in range(-16, 17)]
    else:
        cands = [float(n) for n in range(max(1, math.floor(ideal * 0.6)), max(1, math.ceil(ideal * 1.5)) + 1)]
    # each beat count's cost without its placement (which only adds to it): a lower bound, so the hit
    # placements (the expensive part) are searched from the likeliest tempo out, and no further once even
    # the bound is worse than the best found (same answer as trying all, ties going to the fewer beats)
    bounds = []
    for k, n in enumerate(cands):
        tempo = n * 60.0 / span
        if not MIN_TEMPO_BPM <= tempo <= MAX_TEMPO_BPM:
            continue
        stray = abs(math.log(tempo / bpm))
        slack = TEMPO_SLACK if asked else FREE_TEMPO_SLACK
        base = TEMPO_WEIGHT * stray + FAR_TEMPO_WEIGHT * max(0.0, stray - slack)
        if not lo * 0.95 <= tempo <= hi * 1.05:
            base += 1.0 + abs(math.log(tempo / min(max(tempo, lo), hi)))
        if not ends_music and int(n) % meter:
            base += OFF_METER_COST
        if beyond:  # and the change heard against what played (a free cue strays) costs as a stray from the number
            base += WRONG_WAY_COST * ((n - beyond[0]) * (beyond[1] - 1) <= 1e-6) + TEMPO_WEIGHT * \
                abs(math.log(n / beyond[0] / beyond[1]))
        bounds.append((base, k, n))
    best = None
    for base, k, n in sorted(bounds):
        if best is not None and base > best[0]:
            break
        placed, spread, own = place_hits(hits, t0, t1, n, grid, meter)
        cost = base + SPREAD_WEIGHT * spread + own
        if best is None or (cost, k) < (best[0], best[3]):
            best = (cost, n, placed, k)
    return best[:3] if best else None


def _cues(plan: ScorePlan, bounds: list[float], hits: list[list[tuple[float, int]]], lo: float, hi: float,
          meter: int, grid) -> list:
    """Each section's hit-finder answer (None where it has no length or no beat fits).

    A planner's own tempo may stray per cue to keep whole bars, but the score as a whole keeps it: when it
    drifts one way (`_drifts`), the free cues are found held as a person's tempo is, since a later "10%
    faster" scales the plan's number and must be heard as 10%.
    """
    def wanted(i: int) -> tuple[float, bool]:
        sec = plan.sections[i]
        return (plan.tempo_bpm, plan.tempo_asked) if sec.tempo_bpm is None else (sec.tempo_bpm, sec.tempo_asked)

    def find(i: int, held: bool):
        t0, t1 = bounds[i], bounds[i + 1]
        if t1 - t0 < 1e-6:
            return None
        bpm, asked = wanted(i)
        sec, beyond = plan.sections[i], None
        if sec.tempo_bpm is not None and sec.tempo_asked:
            beyond = _played(plan, i, t0, t1, lo, hi, meter, grid, drift)
        # a tempo a person asked for is in range however far from the style's ("shot 3 at double speed")
        return _cue(t0, t1, [t for t, _ in hits[i]], bpm, min(lo, bpm) if asked else lo, max(hi, bpm) if asked else hi,
                    meter, grid, i == len(plan.sections) - 1, asked or held, beyond)

    drift = _drifts(plan, lo, hi, meter, grid)
    return [find(i, drift and not wanted(i)[1]) for i in range(len(plan.sections))]


def _played(plan: ScorePlan, i: int, t0: float, t1: float, lo: float, hi: float, meter: int, grid, held: bool):
    """(beats, ratio): the beats section i's span played before its tempo was asked, and the asked tempo over the
    one that played them; None when they are one. Before: the cue of the section it was cut from (`split_from`, a
    piece of it), else its own, at the tempo it had then (the plan's when none), read over t0-t1: a free cue strays,
    and a piece plays the whole section's grid, so neither is the asked tempo's own section at the plan's tempo.
    Only the video's cuts are placed on that grid, so an edit of another section (a hit there) leaves this one as it was."""
    sec, sp = plan.sections[i], plan.sections[i].split_from
    whole = sp is not None and sp.start_s - 1e-3 <= t0 and t1 <= sp.end_s + 1e-3
    s0, s1 = (sp.start_s, min(sp.end_s, plan.duration_s)) if whole else (t0, t1)
    bpm, asked = (sp.tempo_bpm, sp.tempo_asked) if whole and sp.tempo_bpm is not None else (plan.tempo_bpm, plan.tempo_asked)
    if abs(sec.tempo_bpm - bpm) < 1e-6:
        return None
    cuts = {h.time_s for h in plan.hit_points if h.source == "cut"}  # the video's: a hit asked elsewhere changes none
    times = [t for t, _ in _anchors(plan, (s0, s1))[1][0] if t in cuts]
    found = _cue(s0, s1, times, bpm, min(lo, bpm) if asked else lo, max(hi, bpm) if asked else hi, meter, grid,
                 s1 >= plan.duration_s - 1e-3, asked or held)
    if found is None:
        return None
    pts = [(0.0, s0)] + [(b[1], t) for b, t in zip(found[2], times) if b] + [(found[1], s1)]

    def beat(t: float) -> float:
        (b1, u1), (b2, u2) = next((p, q) for p, q in zip(pts, pts[1:]) if t <= q[1] + 1e-9 or q is pts[-1])
        return b1 + (t - u1) * (b2 - b1) / (u2 - u1)
    return beat(t1) - beat(t0), sec.tempo_bpm / bpm


def _drifts(plan: ScorePlan, lo: float, hi: float, meter: int, grid) -> bool:
    """Whether the planner's free tempo, fitted to whole bars shot by shot, drifts one way over the score
    (mean signed stray, weighted by length, past FREE_MEAN_SLACK): then every free cue is held.

    Measured over the video's shots (the plan's cut hit points) at the plan's own tempo, without hit
    points, not over the sections as they are: so an edit of one span (a split at its edges, a tempo or a
    hit point asked there) cannot tip this plan-wide choice and re-time every other section (issue 11).
    A plan with no cut hit points is measured over its section starts.
    """
    cuts = {round(h.time_s, 2) for h in plan.hit_points if h.source == "cut"}
    edges = sorted({0.0, *(t for t in cuts if MERGE_S < t < plan.duration_s - MERGE_S)} if cuts
                   else {s.start_s for s in plan.sections}) + [plan.duration_s]
    span = pull = 0.0
    for k, (t0, t1) in enumerate(zip(edges, edges[1:])):
        found = _cue(t0, t1, [], plan.tempo_bpm, lo, hi, meter, grid, k == len(edges) - 2, False)
        if found is not None:
            span += t1 - t0
            pull += math.log(found[1] * 60.0 / (t1 - t0) / plan.tempo_bpm) * (t1 - t0)
    return bool(span) and abs(pull / span) > FREE_MEAN_SLACK


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
        plan: the ScorePlan; its tempo (or a section's tempo_bpm) is the wanted tempo per cue, held close
            where a person asked for it (tempo_asked).
        style: the style, whose tempo range bounds the search and whose swing says where an offbeat sounds.
    Returns:
        A TempoMap whose bars start on every section boundary and whose beats (or swung offbeats) carry
        every kept hit point; hits too close together for a beat each are dropped and named in `warnings`.
        A piece of a split section keeps the whole section's bars, cut at the seams (`splits.py`).
    """
    meter = int(plan.meter.split("/")[0])
    lo, hi = style.tempo_bpm
    lo, hi = min(lo, plan.tempo_bpm), max(hi, plan.tempo_bpm)
    # a hit off the beat is written straight and sounds where the style's swing puts it
    grid = [(s, swing_beat(s, style.swing, style.swing_unit), c) for s, c in GRID]
    starts, hits = _anchors(plan)
    kinds = {h.time_s: h.kind for h in sorted(plan.hit_points, key=lambda h: h.kind != "stop")}  # a stop first
    bars: list[Bar] = []
    segments, placed_hits, warnings, notes, frames, beat = [], [], [], [], {}, 0  # (beat, s, s per beat), (beat, s)
    held = any(s.split_from for s in plan.sections) and _drifts(plan, lo, hi, meter, grid)

    def cue(t0: float, t1: float, bpm: float, asked: bool, ends: bool):  # a split section's, as `_cues`, `_lay` do
        times = [t for t, _ in _anchors(plan, (t0, t1))[1][0]]
        found = _cue(t0, t1, times, bpm, min(lo, bpm) if asked else lo, max(hi, bpm) if asked else hi, meter, grid,
                     ends, asked or held)
        return found and (found[1], *_lay(found, t0, t1, times, kinds, ends, meter, 0 if t0 < 1e-3 else 1, ""))

    framed, bounds = joins(plan, cue, (style.swing, style.swing_unit), starts + [plan.duration_s])
    cues = _cues(plan, bounds, hits, lo, hi, meter, grid)
    for i, sec in enumerate(plan.sections):
        if bounds[i + 1] - bounds[i] < 1e-6:
            continue
        piece = frame_piece(plan, i, beat, framed[i]) if i in framed else None
        if piece is not None:  # a piece of a split section: its bars are the whole section's, cut at the seams
            frames[i], s_bars, s_segs, s_hits, s_warn = piece
            s_notes, whole = [], frames[i].hi - beat
        elif cues[i] is None:  # too short for even one beat at any tempo: fold into the previous section
            warnings.append(TOO_SHORT.format(t=bounds[i]))
            continue
        else:
            s_bars, s_segs, s_hits, whole, s_warn, s_notes = _lay(cues[i], bounds[i], bounds[i + 1], [t for t, _ in hits[i]],
                                                                  kinds, i == len(plan.sections) - 1, meter, i, sec.name, beat)
        bars += [replace(b, index=len(bars) + k) for k, b in enumerate(s_bars)]
        segments += s_segs
        placed_hits += s_hits
        warnings += [w for w in s_warn if w not in warnings]
        notes += s_notes
        beat += whole
    return TempoMap(bars, plan.duration_s, warnings, segments, placed_hits, notes, frames)


def _lay(found, t0: float, t1: float, times: list[float], kinds: dict, ends: bool, meter: int, i: int, name: str,
         beat: int = 0):
    """One cue's bars (index 0: the caller numbers them), segments and placed hits from beat `beat`, given the
    hit-finder's answer; also its beats, warnings and notes. `ends`: the cue ends the music."""
    bars: list[Bar] = []
    segments, placed_hits, warnings, notes = [], [], [], []  # (beat, s, s per beat), (beat, s), and words
    n, placed = found[1:]
    pts = [(0.0, t0)]
    for b, t in zip(placed, times):
        if b is None:
            if kinds[t] == "stop":  # compose sounds it at its own time, off the beat
                notes.append(f"the stop at {t:.2f}s is too close to another mark for a beat of its own: "
                             "it sounds at its own time, off the beat")
            else:
                warnings.append(TOO_CLOSE.format(t=t))
            continue
        pts.append((b[1], t))
        placed_hits.append((beat + b[0], t))
    pts.append((n, t1))
    for (b1, u1), (b2, u2) in zip(pts, pts[1:]):
        segments.append((beat + b1, u1, (u2 - u1) / (b2 - b1)))
    whole = math.ceil(n - 1e-6)
    if ends:  # the last bar rings past the video's end (the writers clip there): keep it whole, and
        # leave out a bar the video would end in before its second half-beat (a chord 10 ms long)
        whole = max(meter, math.ceil((n - 0.5) / meter) * meter)
    split = _split_bars(whole, meter)
    if len(set(split)) > 1 or split[0] != meter:
        notes.append(f"section {i} ({name}): {whole} beats; "
                     f"meter change to {'+'.join(f'{b}/4' for b in split if b != meter)} before its end, as no "
                     "tempo in range gives whole bars")
    offset = 0
    for k, nb in enumerate(split):
        b_abs = beat + offset
        seg = max(s for s in segments if s[0] <= b_abs + 1e-9)
        t = seg[1] + (b_abs - seg[0]) * seg[2]
        kind = ("start" if i == 0 else "boundary") if k == 0 else \
            ("hit" if any(abs(h - b_abs) < 1e-9 for h, _ in placed_hits) else None)
        bars.append(Bar(0, b_abs, nb, t, seg[2], i, kind))
        offset += nb
    return bars, segments, placed_hits, whole, warnings, notes
