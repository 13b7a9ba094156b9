"""The melody: a motif developed over four-bar phrases on the chord tones, or the plan's own ABC melody.

A motif is a one-bar rhythm cell (from the style) and a contour of scale steps. Through a phrase it is
stated, sequenced onto the next chord, varied (inverted contour, thinned rhythm) and closed by a cadence
that lands on a chord tone and holds. Strong beats snap to chord tones, weak beats walk the scale, so the
line fits the harmony; the register is the role's, the density the section's level.
"""

from __future__ import annotations

from v2m.tools.music.arrangement import Note
from v2m.tools.music.harmony import nearest
from v2m.tools.music.parts import SectionContext, steps


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
    steps_ = [ctx.rng.choice((-2, -1, -1, 1, 1, 2, 0)) for _ in range(n)]
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


def _chord_tone_near(p: int, tones, lo: int, hi: int) -> int:
    """The chord tone nearest in pitch to p (ties go up: melodies lean upward)."""
    return min((nearest(t, p, lo, hi) for t in tones[:4]), key=lambda n: (abs(n - p), -n))


def _play(ctx, bar, i, rhythm, shape, start, lo, hi, *, land=False):
    """Notes of one bar: the rhythm, moving by the shape's scale steps from `start`, strong beats on chord tones."""
    ch = ctx.chords[i]
    out, p = [], start
    for k, (off, length) in enumerate(rhythm):
        if off >= bar.beats:
            break
        length = min(length, bar.beats - off)
        if k:
            p = _scale_step(p, shape[(k - 1) % len(shape)], ctx.scale, lo, hi)
        strong = abs(off - round(off)) < 1e-6 and int(round(off)) % 2 == 0
        last = k == len(rhythm) - 1 or rhythm[k + 1][0] >= bar.beats
        if strong or (land and last):
            p = _chord_tone_near(p, ch.tones if not (land and last) else ch.tones[:2], lo, hi)
        out.append(Note(p, bar.start_beat + off, length * 0.95, ctx.vel(i, 1.1 if off == 0 else 0.92), ctx.index))
    return out, p


def melody_part(ctx: SectionContext, role: str) -> list[Note]:
    """A motif-developing melody for one section (see the module docstring).

    Four-bar phrases: statement (the motif on the chord), sequence (the same shape moved to the next
    chord), variation (the contour inverted on the same rhythm), cadence (the motif's opening, then a
    long note on the chord's root or third). The last bar of the piece holds the tonic.
    """
    lo, hi = ctx.registers[role]
    if ctx.level.melody <= 0:
        return []
    cell = _cell(ctx)
    contour = _contour(ctx, max(1, len(cell) - 1))
    home = nearest(ctx.chords[0].tones[min(1, len(ctx.chords[0].tones) - 1)], (lo + hi) / 2 + 2, lo, hi)
    notes: list[Note] = []
    anchor = home
    n = len(ctx.bars)
    for i, bar in enumerate(ctx.bars):
        ch = ctx.chords[i]
        pos = i % 4
        if ctx.final and i == n - 1:  # end on the tonic, held to the end
            prev = notes[-1].pitch if notes else home
            notes.append(Note(nearest(ctx.tonic, prev, lo, hi), bar.start_beat, bar.beats, ctx.vel(i), ctx.index))
            break
        if pos == 0:
            anchor = _chord_tone_near(home, ch.tones, lo, hi)
        elif pos == 1:  # sequence: a step up (or down near the top) from the last statement
            anchor = _chord_tone_near(_scale_step(anchor, 2 if anchor < hi - 7 else -2, ctx.scale, lo, hi),
                                      ch.tones, lo, hi)
        else:
            anchor = _chord_tone_near(anchor, ch.tones, lo, hi)
        if pos == 3 or i == n - 1:  # cadence
            head = [(off, ln) for off, ln in cell if off < min(2.0, bar.beats / 2)][:2] or [(0.0, 1.0)]
            tail_at = max(off + ln for off, ln in head)
            rhythm = head + ([(tail_at, bar.beats - tail_at)] if tail_at < bar.beats else [])
            bar_notes, _ = _play(ctx, bar, i, rhythm, contour, anchor, lo, hi, land=True)
        elif pos == 2:  # variation: the contour upside down
            bar_notes, _ = _play(ctx, bar, i, cell, [-c for c in contour], anchor, lo, hi)
        else:  # statement and sequence
            bar_notes, _ = _play(ctx, bar, i, cell, contour, anchor, lo, hi)
        notes += bar_notes
    return notes
