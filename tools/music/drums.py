"""Drums: the level's groove, a short fill at each phrase end and a full one into the next section,
crashes on hit points, a final hit.

Grooves and fills are the style's step strings (see `v2m.tools.style`); a fill is aligned to the end of
the section's last bar and replaces the groove from its first stroke on (kick and hi-hat foot keep time).
"""

from __future__ import annotations

from v2m.tools.music.arrangement import Note
from v2m.tools.gm import DRUMS
from v2m.tools.music.parts import SectionContext, land_on, steps

STROKE = {"X": 1.2, "x": 1.0, "o": 0.5}
KEEP_UNDER_FILL = ("kick", "hat_pedal")
# A kit asked for in a style that has none (ambient, classical): a soft pulse, kick on the beats and a
# closed hat between, so the drums a user adds are heard; a style's own resting levels stay silent.
PULSE = {"kick": "x.o.x.o.", "hat_closed": ".o.o.o.o"}


def _groove_notes(ctx: SectionContext, groove: dict[str, str], i: int, lo_beat: float, hi_beat: float,
                  skip=()) -> list[Note]:
    bar = ctx.bars[i]
    out = []
    for drum, pattern in groove.items():
        if drum in skip:
            continue
        s, spb = steps(pattern, ctx.pattern_meter)
        for k in range(int(round(bar.beats * spb))):
            c = s[k % len(s)]
            beat = bar.start_beat + k / spb
            if c in STROKE and lo_beat <= beat < hi_beat:
                out.append(Note(DRUMS[drum], beat, min(0.25, 1 / spb), ctx.vel(i, STROKE[c]), ctx.index))
    return out


def _fill_notes(ctx: SectionContext, i: int, max_beats: float = 0.0) -> tuple[list[Note], float]:
    """The style's fill aligned to the bar's end (at most `max_beats` of it when given), and its first beat."""
    bar = ctx.bars[i]
    fill = ctx.style.fill
    if not fill:
        return [], float(bar.end_beat)
    spb = steps(next(iter(fill.values())), ctx.pattern_meter)[1]
    total = int(round(len(next(iter(fill.values())).replace(" ", ""))))
    strokes = [k for p in fill.values() for k, c in enumerate(steps(p, ctx.pattern_meter)[0]) if c in STROKE]
    first = min(strokes, default=total)
    length = (total - first) / spb  # beats the fill lasts
    length = min(length, max(1.0, bar.beats - 1.0), max_beats or length)
    start = bar.end_beat - length
    out = []
    for drum, pattern in fill.items():
        s, _ = steps(pattern, ctx.pattern_meter)
        for k in range(first, total):
            c = s[k]
            beat = bar.end_beat - (total - k) / spb
            if c in STROKE and beat >= start - 1e-9:
                crescendo = 0.8 + 0.35 * (beat - start) / max(length, 1e-6)
                out.append(Note(DRUMS[drum], beat, 0.2, ctx.vel(i, STROKE[c] * crescendo), ctx.index))
    return out, start


def drum_part(ctx: SectionContext, *, playing: bool) -> list[Note]:
    """Notes of the drum kit for one section.

    Args:
        ctx: the section; playing: whether the drums role is active here (when it is, accents still sound
            where the groove rests, so a cut is marked even in a quiet intro).
    Returns:
        Notes on GM percussion keys.
    """
    if not playing:  # the section leaves the kit out ("no drums in shot 2"): silence, not even its accents
        return []
    groove = ctx.style.grooves.get(ctx.level.drums or "", {}) or ({} if ctx.style.grooves else PULSE)
    accent_drum = ctx.style.accent_drum if ctx.style.accent_drum in DRUMS else None
    out: list[Note] = []
    n = len(ctx.bars)
    for i, bar in enumerate(ctx.bars):
        if ctx.final and i == n - 1 and not ctx.land:  # the ending: one big hit, then silence
            out.append(Note(DRUMS["kick"], bar.start_beat, 0.5, ctx.vel(i, 1.25), ctx.index))
            if accent_drum:
                out.append(Note(DRUMS[accent_drum], bar.start_beat, 2.0, ctx.vel(i, 1.25), ctx.index))
            out += _hit_notes(ctx, i, groove, accent_drum)
            break
        end = float(bar.end_beat)
        fill_notes: list[Note] = []
        if groove and ctx.fill and i == n - 1 and bar.beats >= 2:
            fill_notes, end = _fill_notes(ctx, i)
        elif groove and i % 4 == 3 and i < n - 1 and bar.beats >= 2:  # a phrase ends: a one-beat pickup fill
            fill_notes, end = _fill_notes(ctx, i, max_beats=1.0)
        out += _groove_notes(ctx, groove, i, bar.start_beat, end)
        if end < bar.end_beat:
            out += _groove_notes(ctx, groove, i, end, bar.end_beat, skip=[d for d in groove
                                                                          if d not in KEEP_UNDER_FILL])
        out += fill_notes
        accent = ctx.accents.get(i)
        if accent and accent_drum and (groove or accent[1] >= 0.5):  # a stop's button: the kick alone
            f = 0.8 + 0.5 * accent[1]
            if accent[0] in ("crash", "accent", "stab") or i == 0 and accent[0] != "stop":
                out.append(Note(DRUMS[accent_drum], bar.start_beat, 1.0, ctx.vel(i, f), ctx.index))
            out.append(Note(DRUMS["kick"], bar.start_beat, 0.25, ctx.vel(i, f), ctx.index))
        out += _hit_notes(ctx, i, groove, accent_drum)
    # the band plays on into the piece's last bar: the big hit on its last chord
    return land_on(ctx, out, [DRUMS["kick"]] + ([DRUMS[accent_drum]] if accent_drum else []), 1.25)


def _hit_notes(ctx: SectionContext, i: int, groove, accent_drum) -> list[Note]:
    """Kick and cymbal on each hit point inside bar i (off its bar line): the cut is heard on its beat."""
    bar = ctx.bars[i]
    out = []
    for beat, kind, strength in ctx.hits:
        if bar.start_beat < beat < bar.end_beat and (groove or strength >= 0.5):
            f = 0.8 + 0.5 * strength
            if accent_drum and kind != "stop":  # a stop's button is dry: no cymbal ringing into its silence
                out.append(Note(DRUMS[accent_drum], beat, 1.0, ctx.vel(i, f), ctx.index))
            out.append(Note(DRUMS["kick"], beat, 0.25, ctx.vel(i, f), ctx.index))
    return out


DEFAULT_PERCUSSION = {"shaker": "x.x.x.x.x.x.x.x.", "tambourine": "....x.......x...", "conga_low": "......x.......x."}


def percussion_part(ctx: SectionContext) -> list[Note]:
    """Hand percussion over the kit (or alone): the style's `percussion` groove, else shaker, tambourine, conga."""
    groove = ctx.style.grooves.get("percussion", DEFAULT_PERCUSSION)
    out: list[Note] = []
    for i, bar in enumerate(ctx.bars):
        if ctx.final and i == len(ctx.bars) - 1 and not ctx.land:
            break
        out += [Note(n.pitch, n.start, n.dur, max(1, int(n.vel * 0.8)), n.section)
                for n in _groove_notes(ctx, groove, i, bar.start_beat, bar.end_beat)]
    return land_on(ctx, out, [], 1.0)  # the kit (or the band) strikes the last chord
