"""Bass and accompaniment parts, played from the style's step patterns over a section's chords.

Every generator sees one section only (`SectionContext`) and its own seeded random stream, so a
section's notes depend on the plan's global settings and that section alone: editing one section leaves
the others note for note as they were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from v2m.tools.music.arrangement import Note
from v2m.tools.music.harmony import Chord, nearest, voice
from v2m.tools.style import Level, Style
from v2m.tools.music.tempo_map import Bar


@dataclass
class SectionContext:
    """What a part generator knows: one section's bars, chords, level and accents."""

    index: int
    bars: list[Bar]
    chords: list[Chord]  # the chord on each bar's downbeat
    level: Level
    style: Style
    scale: tuple[int, ...]
    tonic: int
    energy: float
    meter: int  # beats in the plan's bar
    rng: random.Random
    pattern_meter: int = 4  # beats in the style's bar: its step strings are written for this
    gains: list[float] = field(default_factory=list)  # per bar velocity factor (motion curve)
    accents: dict[int, tuple[str, float]] = field(default_factory=dict)  # bar -> (hit kind, strength)
    hits: list[tuple[float, str, float]] = field(default_factory=list)  # (beat, kind, strength) off the bar line
    fill: bool = False  # the last bar leads into another section
    final: bool = False  # the piece ends in this section's last bar
    # the beat of the piece's last chord when the band plays on into its last bar (`land_on`); 0: that bar is all
    # ending, one chord held from its downbeat (a one-bar last section, or too little of the bar before the end)
    land: float = 0.0
    registers: dict[str, tuple[int, int]] = field(default_factory=dict)
    theme_seed: int = 0  # from the plan's seed and style only: every section sings the same theme
    changes: list[list[tuple[float, Chord]]] = field(default_factory=list)  # per bar: (offset, chord) changes
    entry: Chord | None = None  # the chord expected after the section's end (progression.SectionHarmony)

    def __post_init__(self) -> None:
        if not self.changes:
            self.changes = [[(0.0, c)] for c in self.chords]

    def vel(self, bar: int, factor: float = 1.0) -> int:
        g = self.gains[bar] if self.gains else 1.0
        base = self.level.velocity * (0.85 + 0.3 * self.energy)
        return int(max(1, min(127, round(base * g * factor))))

    def next_chord(self, bar: int) -> Chord:
        """The chord after bar `bar`; at the section's end, the one the section expects after the cut
        (predicted from its own end time, never read from the next section), else its own first chord."""
        if bar + 1 < len(self.chords):
            return self.chords[bar + 1]
        return self.entry or self.chords[-1 if self.final else 0]  # the piece's last bar leads to its own chord

    def slots(self, bar: int) -> list[tuple[float, float, Chord]]:
        """(offset, beats, chord) of each chord in bar `bar`."""
        ch = self.changes[bar]
        ends = [o for o, _ in ch[1:]] + [float(self.bars[bar].beats)]
        return [(o, e - o, c) for (o, c), e in zip(ch, ends)]

    def chord_at(self, bar: int, offset: float) -> Chord:
        """The chord sounding `offset` beats into bar `bar`."""
        return next(c for o, c in reversed(self.changes[bar]) if o <= offset + 1e-9)

    def chord_after(self, bar: int, offset: float) -> Chord:
        """The next chord to come after `offset` beats into bar `bar`: later in the bar, or the next bar's."""
        return next((c for o, c in self.changes[bar] if o > offset + 1e-9), None) or self.next_chord(bar)


def steps(pattern: str, meter: int) -> tuple[str, float]:
    """A step string's characters and its steps per beat."""
    s = pattern.replace(" ", "")
    return s, max(1, len(s)) / meter


def _stepped(pattern: str, bar: Bar, meter: int):
    """Yield (char, start beat, hold beats) for each onset of a pattern over a bar of any length."""
    s, spb = steps(pattern, meter)
    n = int(round(bar.beats * spb))
    k = 0
    while k < n:
        ch = s[k % len(s)]
        if ch in "-.":
            k += 1
            continue
        j = k + 1
        while j < n and s[j % len(s)] == "-":
            j += 1
        yield ch, bar.start_beat + k / spb, (j - k) / spb
        k += 1


def land_on(ctx: SectionContext, notes: list[Note], pitches, factor: float) -> list[Note]:
    """A part's notes with the piece's last bar played up to `ctx.land` and its last chord struck there: what the
    part would play from then on is dropped, a note sounding into it ends there, and `pitches` sound from it to the
    bar's end (the video ends in that bar, most of a beat or more after the strike). So a last section keeps playing its
    material to its very end, the cadence in its last bar only, and a rise into the end is heard as one."""
    if not ctx.land or not notes:  # a part the section leaves silent stays silent
        return notes
    bar = ctx.bars[-1]
    kept = [n if n.start + n.dur <= ctx.land else replace(n, dur=ctx.land - n.start)
            for n in notes if n.start < ctx.land - 1e-9]
    vel = ctx.vel(len(ctx.bars) - 1, factor)
    return kept + [Note(p, ctx.land, bar.end_beat - ctx.land, vel, ctx.index) for p in pitches]


def bass_part(ctx: SectionContext) -> list[Note]:
    lo, hi = ctx.registers["bass"]
    notes: list[Note] = []
    prev = None
    for i, bar in enumerate(ctx.bars):
        ch = ctx.chords[i]
        root = nearest(ch.bass, prev if prev is not None else lo + 8, lo, hi)
        bar_root = root
        if ctx.final and i == len(ctx.bars) - 1 and not ctx.land:
            notes.append(Note(nearest(ch.root, lo + 8, lo, hi), bar.start_beat, bar.beats, ctx.vel(i, 1.05),
                              ctx.index))
            break
        if ctx.level.bass == "walk":
            for off, beats, now in ctx.slots(i):  # one walk per chord: root first, an approach last
                if now is not ch:
                    root = nearest(now.bass, notes[-1].pitch if notes else root, lo, hi)
                notes += _walk(ctx, i, bar.start_beat + off, int(beats), now, root,
                               ctx.chord_after(i, off))
            prev = notes[-1].pitch
            continue
        events = list(_stepped(ctx.level.bass, bar, ctx.pattern_meter))
        if i == len(ctx.bars) - 1 and events and "A" in ctx.level.bass and bar.beats != ctx.pattern_meter:
            # a short last bar cuts the pattern before its approach, a long one (5/4) wraps past it: keep it last
            events[-1] = ("A", *events[-1][1:])
        for c, start, hold in events:
            off = start - bar.start_beat
            now = ctx.chord_at(i, off)
            if now is not ch:  # the harmony moved inside the bar: the pattern follows the sounding chord
                ch = now
                root = nearest(ch.bass, root, lo, hi)
            hold = min(hold, next((o for o, _ in ctx.changes[i] if o > off + 1e-9), hold + off) - off)
            if c == "R":
                p = root
            elif c == "A":
                p = nearest((ctx.chord_after(i, off).bass - 1) % 12, root, lo, hi)
            else:
                iv = {"3": 1, "5": 2, "7": 3}.get(c)
                if c == "8":
                    p = root + 12 if root + 12 <= hi else root
                else:
                    pc = ch.tones[iv] if iv is not None and iv < len(ch.tones) else (ch.root + 7) % 12
                    p = nearest(pc, root + 4, lo, hi)
            accent = 1.12 if start == bar.start_beat else 1.0
            notes.append(Note(p, start, hold * 0.92, ctx.vel(i, accent), ctx.index))
        prev = bar_root
    home = ctx.chords[-1]
    return land_on(ctx, notes, [nearest(home.root, notes[-1].pitch if notes else lo + 8, lo, hi)], 1.05)


def _approach(ctx: SectionContext, target: int, ch: Chord, mid_bar: bool) -> int:
    """A note a half or whole step from `target` (the next chord's root) over the sounding chord ch."""
    lo, hi = ctx.registers["bass"]
    side = -1 if ctx.rng.random() < 0.6 else 1
    step = 1 if ctx.rng.random() < 0.7 else 2
    p = target + side * step
    if not lo <= p <= hi:
        p = target - side * step
    # half the time a note of the key or the chord rather than a chromatic one: it rubs against the
    # melody's beat far less often (a chromatic note is a semitone from two scale tones)
    near = [q for q in (target - 1, target + 1, target - 2, target + 2)
            if lo <= q <= hi and (q % 12 in ctx.scale or q % 12 in ch.pcs)]
    if p % 12 not in ctx.scale and near and ctx.rng.random() < 0.5:
        p = min(near, key=lambda q: (abs(q - p), q))
    # inside a bar (a ii-V in one bar) a tone of the sounding chord a step from the next root
    # approaches it without a chromatic note under the melody's beat
    inner = [q for q in range(target - 2, target + 3) if q != target and q % 12 in ch.pcs and lo <= q <= hi]
    if mid_bar and inner:
        p = min(inner, key=lambda q: (abs(q - p), q))
    return min(max(p, lo), hi)


def _walk(ctx: SectionContext, i: int, start: float, n: int, ch: Chord, root: int, nxt: Chord) -> list[Note]:
    """One note per beat for n beats from `start` over chord ch: the root first, chord or scale tones
    towards the next chord's root, a half- or whole-step approach to it last. A one-beat chord after
    the bar's first (Dm7 D7 | Gm7 in a two-beat bar) is all approach."""
    lo, hi = ctx.registers["bass"]
    target = nearest(nxt.bass, root, lo, hi)
    bar = ctx.bars[i]
    mid_bar = start + n < bar.end_beat
    if n == 1 and start > bar.start_beat:
        return [Note(_approach(ctx, target, ch, mid_bar), start, 0.95, ctx.vel(i, 0.95), ctx.index)]
    if target == root and n > 2:
        target = root + 12 if root + 12 <= hi else root - 12 if root - 12 >= lo else root
    pitches = [root]
    for b in range(1, n):
        cur = pitches[-1]
        if b == n - 1:  # approach the next root by a half step (or a scale step) from either side
            p = _approach(ctx, target, ch, mid_bar)
        else:
            remaining = n - b
            direction = 1 if target > cur else -1
            chord_tones = [nearest(t, cur + direction * 4, lo, hi) for t in ch.tones[1:4]]
            scale_steps = [cur + direction * s for s in (1, 2) if (cur + direction * s) % 12 in ctx.scale]
            opts = [c for c in chord_tones if 0 < abs(c - cur) <= 7 and (c - cur) * direction > 0]
            opts += scale_steps
            if abs(target - cur) > 3 * remaining:  # far away: leap along the chord
                opts = [c for c in chord_tones if c != cur] or opts
            p = ctx.rng.choice(opts) if opts else cur + direction * 2
            p = min(max(p, lo), hi)
        pitches.append(p)
    return [Note(p, start + b, 0.95, ctx.vel(i, 1.08 if b == 0 and start == bar.start_beat else 0.95),
                 ctx.index) for b, p in enumerate(pitches)]


def _at_changes(events, slots):
    """The pattern's events cut at the bar's chord changes: a chord held over a change stops there and the new
    chord is struck on the change, unless the pattern strikes there anyway (arpeggio notes are not re-struck)."""
    cuts = [a for a, _, _ in slots[1:]]
    if not cuts:
        return events
    starts = {round(s, 6) for _, s, _ in events}
    out = []
    for c, start, hold in events:
        end = start + hold
        for cut in cuts:
            if start < cut - 1e-9 < end - 1e-9:
                out.append((c, start, cut - start))
                if c == "a" or round(cut, 6) in starts:
                    start = end  # nothing more of this event
                    break
                c, start = "x", cut
        if end - start > 1e-9:
            out.append((c, start, end - start))
    return out


COMP_SIZE = {"harmony": 4, "pad": 4, "strings": 4, "brass": 3}


def comp_part(ctx: SectionContext, role: str) -> list[Note]:
    """Chords for harmony/pad/strings/brass: voice-led voicings played to the role's pattern."""
    lo, hi = ctx.registers[role]
    pattern = getattr(ctx.level, role)
    size = COMP_SIZE.get(role, 4)
    if ctx.style.chords == "power" and role == "harmony":
        size = 3
    notes: list[Note] = []
    prev = None
    for i, bar in enumerate(ctx.bars):
        slots = []  # (start beat, end beat, voicing): one per chord of the bar, each voice-led from the last
        for off, beats, ch in ctx.slots(i):
            tones = ch.tones if ctx.style.chords != "power" or role != "harmony" else \
                (ch.root, (ch.root + 7) % 12, ch.root)
            prev = voice(tuple(tones), prev, lo, hi, size)
            slots.append((bar.start_beat + off, bar.start_beat + off + beats, prev))
        last = ctx.final and i == len(ctx.bars) - 1 and not ctx.land
        accent = ctx.accents.get(i)
        events = list(_stepped(pattern, bar, ctx.pattern_meter))
        if last:
            events = [("X", bar.start_beat, float(bar.beats))]
        elif accent and (not events or events[0][1] != bar.start_beat
                                                  or events[0][0] == "a"):
            # a hit point lands here: a stab (chord) on the downbeat even where the pattern arpeggiates
            if role in ("harmony", "brass") or not events:
                first = events[0][1] if events else bar.end_beat
                events.insert(0, ("X", bar.start_beat, max(0.25, min(1.0, first - bar.start_beat))))
        arp = 0
        for c, start, hold in _at_changes(events, slots):
            v, slot_end = next((v, e) for a, e, v in reversed(slots) if a <= start + 1e-9)
            f = 1.15 if c == "X" else 1.0
            if accent and start == bar.start_beat:
                f *= 1.0 + 0.3 * accent[1]
            if c == "a":
                order = list(v) + [n + 12 for n in v[1:] if n + 12 <= hi]
                p = order[arp % len(order)]
                arp += 1
                # an arpeggio note rings over the next one or two (harp, piano with pedal), not longer, and
                # not into the next chord: every extra overlapping voice costs synthesis time
                ring = min(2.0, max(hold, 0.5) * 1.5)
                if slot_end < bar.end_beat:
                    ring = min(ring, slot_end - start)
                notes.append(Note(p, start, ring, ctx.vel(i, 0.9 * f), ctx.index))
                continue
            gate = 0.98 if hold >= 1 else 0.8
            for p in v:
                notes.append(Note(p, start, hold * gate, ctx.vel(i, 0.85 * f), ctx.index))
        for beat, kind, strength in ctx.hits:  # a hit inside the bar: a short stab on its beat
            if bar.start_beat < beat < bar.end_beat:
                v = next(v for a, _, v in reversed(slots) if a <= beat + 1e-9)
                notes += [Note(p, beat, 0.5, ctx.vel(i, 0.95 + 0.3 * strength), ctx.index) for p in v]
    return land_on(ctx, notes, prev, 1.15 * 0.85)
