"""The melody: one theme for the whole score, stated, developed and brought back, on singable steps.

The theme is a one-bar rhythm cell (from the style) and a contour of scale steps, drawn from the plan's
seed and style alone (`SectionContext.theme_seed`), so every section hears the same theme and an edit to
one section changes no other. Each section sings it in four-bar phrases (each bar's rhythm from
`phrasing.py`): statement (the theme from a chord tone near the melody's home), sequence (the same shape a
step the theme's way; in a second phrase its rhythm varied), variation (a contrasting rhythm, the contour
inverted, thinned at low energy), cadence (the theme's head, then a long chord tone on the way home; a half
cadence with a pickup into the next phrase). The section's last bar is always a cadence; the piece's last
note is the tonic.

How the line sings: notes move by scale step (passing and neighbour tones); strong beats take a chord
tone; a weak-beat note a semitone from the sounding chord (an avoid note) is nudged to the nearest chord
tone instead; each bar starts from where the last one ended, so the line leaps only where a phrase
restarts the theme. The register is the upper part of the role's range, above the accompaniment.
"""

from __future__ import annotations

import random

from v2m.tools.music.arrangement import Note
from v2m.tools.music.harmony import nearest
from v2m.tools.music.parts import SectionContext, steps
from v2m.tools.music.phrasing import bar_rhythm

HOME = 0.6  # where in the role's range the theme starts (0 = lowest note, 1 = highest)


def _cell(rhythm: str, meter: int) -> list[tuple[float, float]]:
    """(offset, length) in beats of a rhythm cell's onsets."""
    s, spb = steps(rhythm, meter)
    events = []
    for k, c in enumerate(s):
        if c == "x":
            j = k + 1
            while j < len(s) and s[j] == "-":
                j += 1
            events.append((k / spb, (j - k) / spb))
    return events or [(0.0, float(meter))]


def theme(ctx: SectionContext) -> tuple[list[tuple[float, float]], list[int]]:
    """The score's theme: a rhythm cell with at least three notes and a contour of scale steps, all one way."""
    rng = random.Random(ctx.theme_seed)
    cells = [_cell(r, ctx.pattern_meter) for r in ctx.style.melody_rhythms]
    rich = [c for c in cells if len(c) >= 3] or cells
    cell = rng.choice(rich)
    n = max(1, len(cell) - 1)
    # a run, not an arch inside the bar: the sequence carries it on and the variation turns it round, so the phrase
    # arches; a contour turning inside every bar made a line that changed direction on most of its moves (0.63 of
    # them over the styles, against 0.45 in music21's folk tunes and chorales: tests/test_engine11.py)
    contour = [rng.choice((1, -1))] * n
    contour[rng.randrange(n)] *= 2  # one skip of a third gives the theme its profile
    return cell, contour


def _scale_step(pitch: int, step: int, scale: tuple[int, ...]) -> int:
    """Move `step` scale degrees from `pitch` (snapping into the scale first)."""
    p = pitch
    while p % 12 not in scale:
        p -= 1
    d = 1 if step > 0 else -1
    for _ in range(abs(step)):
        p += d
        while p % 12 not in scale:
            p += d
    return p


def _fold(p: int, lo: int, hi: int) -> int:
    while p > hi:
        p -= 12
    while p < lo:
        p += 12
    return p


def _chord_tone_near(p: int, tones, lo: int, hi: int) -> int:
    """The chord tone nearest in pitch to p (ties go up: melodies lean upward)."""
    return min((nearest(t, p, lo, hi) for t in tones[:4]), key=lambda n: (abs(n - p), -n))


def _avoid(p: int, pcs) -> bool:
    """A pitch a semitone from a chord tone that is not itself one: it rubs against the harmony."""
    pc = p % 12
    return pc not in pcs and any((pc - q) % 12 in (1, 11) for q in pcs)


# costs of a melody note, weighed against each other (see `_sing`)
MOVE_COST = {0: 0.6, 1: 0.0, 2: 0.0, 3: 0.9, 4: 0.9}  # semitones moved; 5-7 cost LEAP_COST, more LARGE_COST
LEAP_COST, LARGE_COST = 2.5, 4.0
AGAINST_CONTOUR = 0.5  # moving against the theme's direction here
STAY_COST = 0.75  # staying put where the theme moves: a line sitting on one note is as stiff as one that wiggles
WIGGLE_COST = 0.8  # going straight back to the note before the last (a neighbour note's return, over and over)
OFF_CHORD_DOWNBEAT = 3.0  # a non-chord tone on the bar's first beat
TENSION_STRONG = 1.5  # a non-chord tone that does not rub, on a later strong beat: dearer than a turn or a skip
AVOID_COST = 4.0  # a note a semitone from the sounding chord
LANDING_COST = 3.0  # a cadence note other than the chord's root or third
HOME_PULL = 0.08  # per semitone beyond a fifth from home
# a blue note on a weak beat, where the style has them: semitones above the tonic -> cost. The flat third is
# the blues' own; the flat fifth a rarer passing colour; the flat seventh needs no entry, being a tone of the
# I7 the blues sits on
BLUE_COSTS = {3: 0.4, 6: 1.2}


def _note_cost(q, prev, sign, *, downbeat, strong, landing, ch, pcs, home, blue=None, back=None) -> float:
    d = abs(q - prev)
    cost = MOVE_COST.get(d, LEAP_COST if d <= 7 else LARGE_COST)
    if sign and (q - prev) * sign < 0 or not sign and d > 2:
        cost += AGAINST_CONTOUR
    elif sign and q == prev:
        cost += STAY_COST
    if q == back and q != prev:
        cost += WIGGLE_COST
    if blue is not None and q % 12 in blue:
        cost += blue[q % 12] if not strong else AVOID_COST  # a blue note rubs on purpose, off the beat
    elif _avoid(q, pcs):
        cost += AVOID_COST
    elif q % 12 not in pcs:
        cost += OFF_CHORD_DOWNBEAT if downbeat else TENSION_STRONG if strong else 0.0
    if landing and q % 12 not in {t % 12 for t in ch.tones[:2]}:
        cost += LANDING_COST
    return cost + HOME_PULL * max(0, abs(q - home) - 7)


def _sing(ctx, i, rhythm, contour, prev, lo, hi, home, *, land: int | None = None) -> tuple[list[Note], int]:
    """One bar of melody: each note the cheapest of the scale and chord tones near the last one.

    The costs favour steps (passing and neighbour tones) in the theme's direction, chord tones on the
    bar's downbeat, tensions that do not rub on other strong beats, and no note a semitone from the chord;
    a cadence lands on the chord's root or third (its note `land`; a pickup after it heads home). The same rhythm
    and contour over the same chords give the same notes, so the theme is recognisable wherever it returns.
    """
    bar = ctx.bars[i]
    rhythm = [(off, min(ln, bar.beats - off)) for off, ln in rhythm if off < bar.beats - 1e-9]
    out = []
    p = prev
    back = None  # the note before the last one sung in this bar
    for k, (off, length) in enumerate(rhythm):
        sign = contour[(k - 1) % len(contour)]  # the bar's first note carries on the way the line was going
        sign = (sign > 0) - (sign < 0)
        if land is not None and k > land:  # a pickup after the landing heads for home, where the next phrase starts
            sign = (home > p) - (home < p)
        strong = abs(off - round(off)) < 1e-6 and int(round(off)) % 2 == 0 \
            or any(abs(o - off) < 1e-6 for o, _ in ctx.changes[i][1:])  # where the harmony moves, a chord tone
        landing = k == land
        ch = ctx.chord_at(i, off)  # the chord sounding under this note: the harmony may move inside the bar
        pcs = {t % 12 for t in ch.tones}
        allowed = set(ctx.scale) | pcs
        blue = {(ctx.tonic + iv) % 12: c for iv, c in BLUE_COSTS.items()
                if (ctx.tonic + iv) % 12 not in pcs} if ctx.style.blue_notes else None
        if blue:
            allowed |= set(blue)
        cands = [q for q in range(max(lo, p - 9), min(hi, p + 9) + 1) if q % 12 in allowed]
        p = (min(cands, key=lambda q: (_note_cost(q, p, sign, downbeat=off == 0, strong=strong, landing=landing,
                                                 ch=ch, pcs=pcs, home=home, blue=blue, back=back), abs(q - p), -q))
             if cands else p)
        if out and p != out[-1].pitch:
            back = out[-1].pitch
        vel = ctx.vel(i, (1.1 if off == 0 else 0.92) * (1.0 + 0.06 * (length >= 1)))
        out.append(Note(p, bar.start_beat + off, length * 0.95, vel, ctx.index))
    return out, p


def melody_part(ctx: SectionContext, role: str) -> list[Note]:
    """The theme sung through one section (see the module docstring).

    Args:
        ctx: the section; role: "melody" or "lead" (its register).
    Returns:
        The section's melody notes; none when the level's density is zero.
    """
    lo, hi = ctx.registers[role]
    if ctx.level.melody <= 0:
        return []
    cell, contour = theme(ctx)
    others = [_cell(r, ctx.pattern_meter) for r in ctx.style.melody_rhythms]
    home = int(lo + (hi - lo) * HOME)
    notes: list[Note] = []
    n = len(ctx.bars)
    prev = _chord_tone_near(home, ctx.chords[0].tones, lo, hi)
    for i, bar in enumerate(ctx.bars):
        if ctx.final and i == n - 1:  # end on the tonic, reached from the last note, held to the end
            last = notes[-1].pitch if notes else home
            notes.append(Note(nearest(ctx.tonic, last, lo, hi), bar.start_beat, bar.beats, ctx.vel(i), ctx.index))
            break
        role, rhythm, land = bar_rhythm(cell, others, ctx.theme_seed, i, n, bar.beats, ctx.level.melody < 0.4)
        if i % 4 == 0:  # statement: the theme restarts near home, the way a singer takes a breath
            prev = (prev + home) // 2
        elif i % 4 == 1:  # sequence: the same shape a step away, the theme's way (a falling theme sequences down
            # while the line is above home), never up near the top
            up = prev < hi - 5 and (contour[0] > 0 or prev <= home)
            prev = _scale_step(prev, 1 if up else -1, ctx.scale)
        # the variation sings the contour upside down (the phrase arches); a cadence heads home, where it lands a
        # long root or third
        way = ([-c for c in contour] if role == "variation" else
               [1 if home > prev else -1] * len(contour) if role == "cadence" else contour)
        bar_notes, prev = _sing(ctx, i, rhythm, way, prev, lo, hi, home, land=land)
        notes += bar_notes
    return notes
