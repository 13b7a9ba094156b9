"""Pieces of a split section: an edit that addresses part of a section ("louder in shot 2" where shots 1-2 are one
section) cuts it in pieces (`Section.split_from` says from what), and the side nobody addressed must stay note for
note. Fitted to its own shorter span, that side would get another tempo and bar layout (lofi 78 -> 84 BPM, bars 4+5
-> 4+3 beats), so each piece that keeps the whole section's tempo is instead played as the whole section was: its
cue (tempo, bars, hits) laid over the whole span, and its notes written over all of it, with the piece's own
settings and the whole section's seeds, then cut at the seams (`clip`). A seam must fall on a whole beat of that
grid (a cut the grid put on a beat); where it does not, or the piece has a tempo of its own (an edit asked for
one), the piece is a section of its own as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from v2m.tools.contract import ScorePlan, Section

if TYPE_CHECKING:   # tempo_map imports this module
    from v2m.tools.music.tempo_map import Bar

EDGE_S = 1e-3  # a piece's edge this close to a placed beat of the whole section is on it


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


def frame_piece(plan: ScorePlan, i: int, beat: int, cue):
    """Section i's bars as a piece of the whole section's grid, from the score's beat `beat`: (Frame, bars, segments,
    placed hits, warnings), or None where it is not such a piece or a seam is not on a whole beat of that grid.
    `cue(t0, t1, bpm, asked, ends)`: the tempo map's cue for a section of that span, found and laid (`_cue`, `_lay`):
    (its beats to the end, bars, segments, placed hits, whole beats, warnings, notes), or None."""
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
    end, bars, segs, hits, n, warnings, _ = found

    def beat_at(t: float) -> int | None:
        if abs(t - t0) < EDGE_S:
            return 0
        if abs(t - t1) < EDGE_S or t >= plan.duration_s - EDGE_S:
            return n
        on = [b for b, u in hits if abs(u - t) < EDGE_S and abs(b - round(b)) < 1e-9]
        return round(on[0]) if on else None

    lo, hi = beat_at(sec.start_s), beat_at(sec.end_s)
    if lo is None or hi is None or hi <= lo:
        return None
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
    return frame, out, mine, [(b, u) for b, u in moved if beat < b < hi + shift], warnings


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
