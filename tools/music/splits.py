"""Pieces of a split section: an edit that addresses part of a section ("louder in shot 2" where shots 1-2 are one
section) cuts it in pieces (`Section.split_from` says from what), and the side nobody addressed must stay note for
note. Fitted to its own shorter span, that side would get another tempo and bar layout (lofi 78 -> 84 BPM, bars 4+5
-> 4+3 beats), so each piece that keeps the whole section's tempo is instead played as the whole section was: its
cue (tempo, bars, hits) laid over the whole span, and its notes written over all of it, with the piece's own
settings and the whole section's seeds, then cut at the seams (`clip`). A seam on a beat of that grid is a bar line; one
on an offbeat (the grid put the cut on an eighth or sixteenth) cuts the bar it falls in into two short bars (3.5
beats: 7/8, then 1/8; `signature`). A piece with a tempo of its own (an edit asked for one) is a section of its
own as before; after an offbeat seam its beats, and those of the pieces after it, then count from an offbeat of
the score's: `origins` says from where, so swing and the humanizer's on-beat notes go by the section's own beats.
A cut on a swung offbeat is written before the time it sounds at, and the score has one clock (the MIDI file's tempo
map has no jump), so there (`joins`): two pieces of one grid meet as they were; a piece before a section of its own
keeps its grid but for a bridge from just past its last sixteenth, where its clock slows so the written seam, the next
section's first beat, comes at the cut (no note of the piece starts in it; its notes end by the cut, and it breathes
before the seam on the whole section's clock, as before the split); a section of its own before a piece ends
at the seam's written time, the swing's delay before the cut, so the piece's first note still sounds at the cut.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from v2m.tools.contract import ScorePlan, Section
from v2m.tools.music.swing import swing_beat, unswing_beat

if TYPE_CHECKING:   # tempo_map imports this module
    from v2m.tools.music.tempo_map import Bar

EDGE_S = 1e-3  # a piece's edge this close to a placed beat of the whole section is on it
MARGIN = 1 / 16  # past the humanizer's widest onset spread (0.05 beat) around a sixteenth
SIGNATURE_UNITS = (4, 8, 16)  # a short bar's time signature counts quarters, else eighths, else sixteenths


def signature(beats: float) -> tuple[int, int]:
    """A bar of `beats` quarter notes as a time signature (numerator, denominator): 4 -> 4/4, 3.5 -> 7/8 and
    0.25 -> 1/16, the short bars a seam on an offbeat cuts."""
    for unit in SIGNATURE_UNITS:
        n = beats * unit / 4
        if abs(n - round(n)) < 1e-6:
            return round(n), unit
    raise ValueError(f"a bar of {beats} beats is not whole sixteenths")


def meter_text(beats: float) -> str:
    """`signature` as ABC and MusicXML write it: '4/4', '7/8'."""
    return "%d/%d" % signature(beats)


@dataclass
class Frame:
    """The whole section a piece was cut from, in the score's beats: its bars and placed hits (beat, s), its end,
    the piece's beats [lo, hi), and its segments (start beat, start s, s per beat) for its own seconds."""

    bars: list  # tempo_map.Bar
    hits: list[tuple[float, float]]
    end_beat: float
    lo: int
    hi: int
    segments: list[tuple[float, float, float]]
    whole: Section  # the section as it was before the split, with the piece's settings
    ends: float | None = None  # where its notes end when not at hi: before a bridge (`Join`), where hi sounds

    def beat_to_s(self, beat: float) -> float:
        return _grid_s(self.segments, beat)

    def s_to_beat(self, t: float) -> float:
        b, u, spb = max((s for s in self.segments if s[1] <= t + 1e-9), default=self.segments[0])
        return b + (t - u) / spb


def whole_section(plan: ScorePlan, i: int) -> Section | None:
    """Section i as the section it was cut from (span, fill, chord cycle), with its own settings; None where it is
    not a piece that keeps that section's tempo (so is composed on its own)."""
    sec, sp = plan.sections[i], plan.sections[i].split_from
    if sp is None or (sec.tempo_bpm, sec.tempo_asked) != (sp.tempo_bpm, sp.tempo_asked):
        return None
    if not (sp.start_s - EDGE_S <= sec.start_s and sec.end_s <= sp.end_s + EDGE_S) or sp.end_s > plan.duration_s + EDGE_S:
        return None
    if abs(sec.start_s - sp.start_s) < EDGE_S and abs(sec.end_s - sp.end_s) < EDGE_S:
        return None
    chords = list(sec.chords)
    if chords:
        r = sp.chords_from % len(chords)
        chords = chords[len(chords) - r:] + chords[:len(chords) - r]
    return sec.model_copy(update={"start_s": sp.start_s, "end_s": sp.end_s, "fill": sp.fill, "chords": chords,
                                  "split_from": None})


def _piece(plan: ScorePlan, i: int, cue):
    """Section i's place in the whole section's cue: (whole, found, lo, hi, off) with its first and last beats of
    that grid and, per side (lo, hi), whether the seam there is off the cut's time in that grid's seconds (a cut
    the grid put on a swung offbeat: written before the time it sounds at). None where it is not such a piece or
    a seam is not on a beat or a placed hit there."""
    whole = whole_section(plan, i)
    if whole is None:
        return None
    sec = plan.sections[i]
    t0, t1 = whole.start_s, whole.end_s
    ends = t1 >= plan.duration_s - EDGE_S
    bpm, asked = (plan.tempo_bpm, plan.tempo_asked) if whole.tempo_bpm is None else (whole.tempo_bpm, whole.tempo_asked)
    found = cue(t0, t1 if not ends else plan.duration_s, bpm, asked, ends)
    if not found:
        return None
    segs, hits, n = found[2], found[3], found[4]

    def beat_at(t: float) -> float | None:
        if abs(t - t0) < EDGE_S:
            return 0
        if abs(t - t1) < EDGE_S or t >= plan.duration_s - EDGE_S:
            return n
        on = [b for b, u in hits if abs(u - t) < EDGE_S]
        return on[0] if on else None

    def off(beat: float, t: float) -> bool:
        return 0 < beat < n and abs(_grid_s(segs, beat) - t) > EDGE_S

    lo, hi = beat_at(sec.start_s), beat_at(sec.end_s)
    if lo is None or hi is None or hi <= lo:
        return None
    return whole, found, lo, hi, (off(lo, sec.start_s), off(hi, sec.end_s))


@dataclass(frozen=True)
class Join:
    """A piece laid on its whole section's grid: `_piece`'s answer and, where its last seam is on a swung offbeat
    beside a section of its own, the bridge (grid beat, seconds, written beat): from that beat to the written seam the
    clock runs slower, so the written seam, where the next section's beats count from, reaches the cut's time; the
    piece's notes end at the written beat that sounds at the seam (as they ended at the cut in the whole section)."""

    got: tuple
    bridge: tuple[float, float, float] | None = None


def _grid_s(segs: list, beat: float) -> float:
    """Seconds of a beat of a whole section's grid (its segments: start beat, start s, s per beat)."""
    b, u, spb = max((s for s in segs if s[0] <= beat + 1e-9), default=segs[0])
    return u + (beat - b) * spb


def _bridge(plan: ScorePlan, i: int, got: tuple, swing: tuple[float, int]) -> tuple[float, float, float] | None:
    """Where piece i's clock leaves its grid before a last seam on a swung offbeat (written at hi, sounding at the
    cut): past the sixteenth before the seam and the humanizer's spread around it (MARGIN), where no note of the
    piece starts; None where that is not before the written seam or the section after it has no start there."""
    lo, hi = got[2], got[3]
    x = swing_beat(hi - 0.25 + MARGIN, *swing)
    if i + 1 >= len(plan.sections) or not lo < x < hi - 1e-6:
        return None
    t = plan.sections[i + 1].start_s
    return (x, t, unswing_beat(hi, *swing)) if t > _grid_s(got[1][2], x) + 1e-6 else None


def joins(plan: ScorePlan, cue, swing: tuple[float, int], bounds: list[float]) -> tuple[dict[int, Join], list[float]]:
    """The pieces laid on their whole section's grid (section -> Join) and the sections' bounds (start s, then
    the end): a section of its own just before a piece whose first seam is on a swung offbeat ends at the seam's
    written time (before the cut by the swing's delay), where the piece's beats count from, so the piece's first
    note sounds at the cut as the whole section's did. Where two pieces of one grid meet, the seam is theirs; pieces
    of two grids cannot meet on a swung offbeat, so the later is then a section of its own (as is one whose bridge,
    `_bridge`, does not fit). `swing`: the style's (swing, unit). `cue(t0, t1, bpm, asked, ends)`: the tempo map's cue
    for a section of that span, found and laid (`_cue`, `_lay`): (its beats to the end, bars, segments, placed hits,
    whole beats, warnings, notes), or None."""
    got = {i: g for i, s in enumerate(plan.sections) if s.split_from and (g := _piece(plan, i, cue))}

    def one(i: int, j: int) -> bool:
        a, b = plan.sections[i].split_from, plan.sections[j].split_from
        return i in got and j in got and (a.start_s, a.end_s) == (b.start_s, b.end_s)

    def fits(i: int) -> bool:
        before, after = got[i][4]
        if before and i - 1 in got and not one(i - 1, i) or after and i + 1 in got and not one(i, i + 1):
            return False
        if before and i - 1 not in got and _grid_s(got[i][1][2], got[i][2]) < bounds[i - 1] + EDGE_S:
            return False  # the section before would end before it starts
        return not after or i + 1 in got or _bridge(plan, i, got[i], swing) is not None

    while bad := [i for i in got if not fits(i)]:
        del got[bad[-1]]
    bounds, out = list(bounds), {}
    for i, g in got.items():
        if g[4][0] and i - 1 not in got:
            bounds[i] = _grid_s(g[1][2], g[2])
        out[i] = Join(g, _bridge(plan, i, g, swing) if g[4][1] and i + 1 not in got else None)
    return out, bounds


def frame_piece(plan: ScorePlan, i: int, beat: float, join: Join):
    """Section i's bars as a piece of the whole section's grid, from the score's beat `beat`: (Frame, bars, segments,
    placed hits, warnings), `join` saying how it meets the sections beside it (`joins`)."""
    whole, (end, bars, segs, hits, _n, warnings, _), lo, hi, _ = join.got
    shift = beat - lo
    out: list[Bar] = []
    for b in bars:
        x0, x1 = max(b.start_beat, lo), min(b.end_beat, hi)
        if x1 <= x0:
            continue
        seg = max(s for s in segs if s[0] <= x0 + 1e-9)
        anchor = ("start" if i == 0 else "boundary") if x0 == lo else b.anchor
        out.append(replace(b, start_beat=x0 + shift, beats=x1 - x0, start_s=seg[1] + (x0 - seg[0]) * seg[2],
                           sec_per_beat=seg[2], section=i, anchor=anchor))
    mine = []
    for k, (b, u, spb) in enumerate(segs):
        nxt = segs[k + 1][0] if k + 1 < len(segs) else float("inf")
        if nxt > lo + 1e-9 and b < hi - 1e-9:
            x = max(b, lo)
            mine.append((x + shift, u + (x - b) * spb, spb))
    ends = None
    if join.bridge:
        x, t, written = join.bridge
        u, ends = _grid_s(segs, x), written + shift
        mine = [s for s in mine if s[0] < x + shift - 1e-9] + [(x + shift, u, (t - u) / (hi - x))]
    moved = [(b + shift, u) for b, u in hits]
    frame = Frame([replace(b, start_beat=b.start_beat + shift, section=i) for b in bars], moved,
                  end + shift, beat, hi + shift, [(b + shift, u, spb) for b, u, spb in segs], whole, ends)
    return frame, out, mine, [(b, u) for b, u in moved if beat <= b < hi + shift], warnings


def origins(tmap) -> dict[int, float]:
    """Per section, where its beats count from within the score's beat (0.0 but after an offbeat seam): a piece's
    whole section's first bar, else the section's first bar."""
    first: dict[int, float] = {}
    for b in tmap.bars:
        first.setdefault(b.section, b.start_beat)
    first.update({i: f.bars[0].start_beat for i, f in tmap.frames.items()})
    return {i: x - math.floor(x + 1e-9) if abs(x - round(x)) > 1e-9 else 0.0 for i, x in first.items()}


def clip(notes: list, frame: Frame) -> tuple[list, int]:
    """The notes written over the whole section cut to the piece's beats (a note sounding past the seam ends there:
    `Frame.ends`), and how many started before the piece (the whole section's notes a humanizer counts first)."""
    before = sum(1 for n in notes if n.start < frame.lo - 1e-9)
    end = frame.hi if frame.ends is None else frame.ends
    kept = [n if n.start + n.dur <= end + 1e-9 else replace(n, dur=(end if n.start < end - 1e-9 else frame.hi) - n.start)
            for n in notes if frame.lo - 1e-9 <= n.start < frame.hi - 1e-9]
    return kept, before


def seams(plan: ScorePlan, tmap) -> frozenset:
    """The first beats of sections that begin inside the section they or the one before were cut from: where an
    edit split a section, so a hit there breathes as it did in the whole section."""
    out = set()
    for i in range(1, len(plan.sections)):
        t, bars = plan.sections[i].start_s, tmap.section_bars(i)
        cut = [s.split_from for s in plan.sections[i - 1:i + 1] if s.split_from]
        if bars and any(sp.start_s + EDGE_S < t < sp.end_s - EDGE_S for sp in cut):
            out.add(bars[0].start_beat)
    return frozenset(out)
