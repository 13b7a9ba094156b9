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
A cut on a swung offbeat is written before the time it sounds at: the pieces there are sections of their own, as
before. Two pieces of one grid could meet there, but a later tempo of its own on either (a section with its own tempo
cannot start at both times: the MIDI clock has no jump) would then re-time the other, locked or not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from v2m.tools.contract import ScorePlan, Section

if TYPE_CHECKING:   # tempo_map imports this module
    from v2m.tools.music.tempo_map import Bar

EDGE_S = 1e-3  # a piece's edge this close to a placed beat of the whole section is on it
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

    def beat_to_s(self, beat: float) -> float:
        b, t, spb = max((s for s in self.segments if s[0] <= beat + 1e-9), default=self.segments[0])
        return t + (beat - b) * spb


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
        b, u, spb = max((s for s in segs if s[0] <= beat + 1e-9), default=segs[0])
        return 0 < beat < n and abs(u + (beat - b) * spb - t) > EDGE_S

    lo, hi = beat_at(sec.start_s), beat_at(sec.end_s)
    if lo is None or hi is None or hi <= lo:
        return None
    return whole, found, lo, hi, (off(lo, sec.start_s), off(hi, sec.end_s))


def frame_piece(plan: ScorePlan, i: int, beat: float, cue):
    """Section i's bars as a piece of the whole section's grid, from the score's beat `beat`: (Frame, bars, segments,
    placed hits, warnings), or None where it is not such a piece or a seam is on a swung offbeat (`_piece`).
    `cue(t0, t1, bpm, asked, ends)`: the tempo map's cue for a section of that span, found and laid (`_cue`, `_lay`):
    (its beats to the end, bars, segments, placed hits, whole beats, warnings, notes), or None."""
    got = _piece(plan, i, cue)
    if got is None or any(got[4]):
        return None
    whole, (end, bars, segs, hits, _n, warnings, _), lo, hi, _ = got
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
    moved = [(b + shift, u) for b, u in hits]
    frame = Frame([replace(b, start_beat=b.start_beat + shift, section=i) for b in bars], moved,
                  end + shift, beat, hi + shift, [(b + shift, u, spb) for b, u, spb in segs], whole)
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
    """The notes written over the whole section cut to the piece's beats (a note sounding past the seam ends there),
    and how many started before the piece (the whole section's notes a humanizer counts first)."""
    before = sum(1 for n in notes if n.start < frame.lo - 1e-9)
    kept = [n if n.start + n.dur <= frame.hi + 1e-9 else replace(n, dur=frame.hi - n.start)
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
