"""The melody: a motif developed over four-bar phrases on the chord tones, or the plan's own ABC melody.

A motif is a one-bar rhythm cell (from the style) and a contour of scale steps. Through a phrase it is
stated, sequenced onto the next chord, varied (inverted contour, thinned rhythm) and closed by a cadence
that lands on a chord tone and holds. Strong beats snap to chord tones, weak beats walk the scale, so the
line fits the harmony; the register is the role's, the density the section's level.
"""

from __future__ import annotations

from v2m.tools.arrangement import Note
from v2m.tools.harmony import nearest
from v2m.tools.parts import SectionContext, steps


def _cell(ctx: SectionContext) -> list[tuple[float, float]]:
    """(offset, length) in beats of one bar's onsets for a 4/4-like bar, thinned to the level's density."""
    cells = ctx.style.melody_rhythms
    s, spb = steps(ctx.rng.choice(cells), ctx.pattern_meter)
    events = []
    for k, c in enumerate(s):
        if c == "x":
            j = k + 1
            while j < len(s) and s[j] == "-":
                j += 1
            events.append((k / spb, (j - k) / spb))
    density = ctx.level.melody
    keep = [e for n, e in enumerate(events) if n == 0 or ctx.rng.random() < 0.35 + density]
    return keep or events[:1]


def _contour(ctx: SectionContext, n: int) -> list[int]:
    steps_ = [ctx.rng.choice((-2, -1, -1, 1, 1, 2, 0, 3, -3)) for _ in range(n)]
    return steps_


def _scale_step(pitch: int, step: int, scale: tuple[int, ...], lo: int, hi: int) -> int:
    """Move `step` scale degrees from `pitch` (snapping into the scale first), kept inside [lo, hi]."""
    p = pitch
    while p % 12 not in scale:
        p -= 1
    d = 1 if step > 0 else -1
    for _ in range(abs(step)):
        p += d
        while p % 12 not in scale:
            p += d
    if p > hi:
        p -= 12
    if p < lo:
        p += 12
    return p


def melody_part(ctx: SectionContext, role: str) -> list[Note]:
    """A motif-developing melody for one section (see the module docstring)."""
    lo, hi = ctx.registers[role]
    if ctx.level.melody <= 0:
        return []
    cell = _cell(ctx)
    contour = _contour(ctx, len(cell))
    alt_cell = _cell(ctx)
    notes: list[Note] = []
    pitch = nearest(ctx.chords[0].tones[min(1, len(ctx.chords[0].tones) - 1)], (lo + hi) / 2 + 2, lo, hi)
    n = len(ctx.bars)
    for i, bar in enumerate(ctx.bars):
        ch = ctx.chords[i]
        pos = i % 4
        final = ctx.final and i == n - 1
        if final:  # end on the tonic, held to the end
            notes.append(Note(nearest(ctx.tonic, pitch, lo, hi), bar.start_beat, bar.beats, ctx.vel(i, 1.0),
                              ctx.index))
            break
        if pos == 3 or i == n - 1:  # cadence: one or two notes, ending on a chord tone, held
            rhythm = [(0.0, min(2.0, bar.beats / 2)), (min(2.0, bar.beats / 2), bar.beats / 2)]
            if bar.beats < 2:
                rhythm = [(0.0, float(bar.beats))]
            shape = [contour[0], 0]
        elif pos == 2:  # variation: inverted contour on another rhythm
            rhythm, shape = alt_cell, [-c for c in contour] + [1] * len(alt_cell)
        else:  # statement and sequence
            rhythm, shape = cell, contour
        start_pitch = nearest(ch.tones[pos % min(3, len(ch.tones))], pitch, lo, hi)
        p = start_pitch
        for k, (off, length) in enumerate(rhythm):
            if off >= bar.beats:
                break
            length = min(length, bar.beats - off)
            if k:
                p = _scale_step(p, shape[k % len(shape)], ctx.scale, lo, hi)
            strong = abs(off - round(off)) < 1e-6 and int(round(off)) % 2 == 0
            if strong or k == len(rhythm) - 1 and pos == 3:
                p = nearest(min(ch.tones[:4], key=lambda t: min((t - p) % 12, (p - t) % 12)), p, lo, hi)
            accent = 1.1 if off == 0 else 0.92
            notes.append(Note(p, bar.start_beat + off, length * 0.95, ctx.vel(i, accent), ctx.index))
        pitch = p
    return notes
