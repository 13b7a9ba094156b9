"""The composer: a ScorePlan becomes an `Arrangement` (drums, bass, harmony, melody ...) on a cut-synced grid.

How: lay the tempo map (`tempo_map.py`): a steady tempo per section, every boundary a downbeat and every
hit point on a beat (or an accented offbeat); lay each
section's chords (`progression.py`: the plan's, or the style's form where the section's start time falls in
it, with cadences and the style's harmonic rhythm inside each bar, in the mode its own chords are written in:
a mode asked for a span); then each section is
played by the part generators (`drums.py`, `parts.py`, `melody.py`) at the intensity level its energy
picks, louder where the picture moves more, and its ending, if it ends the piece, faded or driven by that level
(`dynamics.py`). Each section has its own random stream seeded by
(plan.seed, section start time), so the same plan gives the same notes and an edit to one section leaves
the others unchanged, even an edit that splits a section and so renumbers the ones after it.

    from v2m.tools.music.compose import compose
    arr = compose(plan, analysis)
    arr.write_midi("score.mid"); arr.write_abc("score.abc")
"""

from __future__ import annotations

import bisect
import math
import random
import zlib
from dataclasses import replace

from v2m.tools.contract import HitPoint, ScorePlan, VideoAnalysis
from v2m.tools.gm import DRUMS, instrument_number
from v2m.tools.music.abc_melody import melody_from_abc
from v2m.tools.music.arrangement import Arrangement, Note, Part
from v2m.tools.music.drums import drum_part, percussion_part
from v2m.tools.music.dynamics import ending, seam_at
from v2m.tools.music.expression import expression_curve, humanize
from v2m.tools.music.melody import melody_part
from v2m.tools.music.parts import SectionContext, bass_part, comp_part
from v2m.tools.music.progression import section_harmony, section_mode
from v2m.tools.music.ranges import playable_range
from v2m.tools.music.splits import clip, seams
from v2m.tools.music.swing import unswing_beat
from v2m.tools.music.tempo_map import TempoMap, build_tempo_map
from v2m.tools.music.theory import scale_pcs, tonic_pc
from v2m.tools.style import Style, load_style

ROLE_ORDER = ("drums", "percussion", "bass", "harmony", "pad", "strings", "brass", "melody", "lead")
COMP_ROLES = ("harmony", "pad", "strings", "brass")
MELODY_ROLES = ("melody", "lead")
HIT_MATCH_S = 0.15
HIT_REACH_S = 0.011  # a hit point this close to a bar line or a placed hit is on that beat
# Pitched parts breathe this long before a hit point: notes still sounding there are released, so the hit's
# own attack rises out of a dip and is the sharpest around it (held chords and a low bass otherwise mask it:
# on a 12-frame clip the cut's attack measured 0.58 of the strongest nearby rise, 0.85 with the breath).
# A performance detail like swing: under a sixteenth up to 240 BPM, and the written score is quantised to sixteenths.
BREATH_S = 0.06
STOP_BUTTON_BEATS = 0.25   # a stop's chord on the hit, before its silence (see `_stops_and_swells`)
LAND_RING_BEATS = 0.75     # the piece's last chord rings at least this long before the video ends (`_landing`)


def _accents(plan: ScorePlan, bars, soft: bool = False) -> dict[int, tuple[str, float]]:
    """Bar -> (hit kind, strength) of the bars a hit point or a section boundary falls on; a section at the style's
    softest level (`soft`) strikes nothing where it starts on an edit's seam (`dynamics.seam_at`)."""
    out = {}
    for k, bar in enumerate(bars):
        if bar.anchor not in ("boundary", "hit"):
            continue
        hit = min(plan.hit_points, key=lambda h: abs(h.time_s - bar.start_s), default=None)
        if hit is not None and abs(hit.time_s - bar.start_s) <= HIT_MATCH_S:
            out[k] = (hit.kind, hit.strength)
        elif bar.anchor == "boundary" and not (soft and seam_at(plan, bar.start_s)):
            out[k] = ("crash", 0.8)
    return out


def _offbeat_hits(plan: ScorePlan, tmap: TempoMap, bars) -> list[tuple[float, str, float]]:
    """(beat, kind, strength) of the hit points inside these bars that are not on a bar line."""
    starts = {b.start_beat for b in bars}
    lo, hi = bars[0].start_beat, bars[-1].end_beat
    out = []
    for beat, t in tmap.hits:
        if lo <= beat < hi and beat not in starts:
            h = min(plan.hit_points, key=lambda h: abs(h.time_s - t))
            out.append((beat, h.kind, h.strength))
    return out


def _level(notes: list, db: float) -> list:
    """The notes with velocities scaled by a level offset in dB. MIDI velocity maps to amplitude roughly
    as 40*log10(v/127) dB (the General MIDI curve), hence the 40, not 20."""
    k = 10 ** (db / 40)
    return [replace(n, vel=int(max(1, min(127, round(n.vel * k))))) for n in notes]


def _gains(analysis: VideoAnalysis | None, bars, tmap: TempoMap) -> list[float]:
    """Per-bar velocity factors from the motion curve: louder where the picture moves more."""
    if analysis is None or not analysis.motion:
        return [1.0] * len(bars)
    hop = analysis.motion_hop_s
    out = []
    for b in bars:
        a = int(b.start_s / hop)
        e = max(a + 1, int(tmap.beat_to_s(b.end_beat) / hop))
        vals = analysis.motion[a:e] or analysis.motion[-1:]
        m = sum(vals) / len(vals)
        out.append(0.85 + 0.3 * min(1.0, max(0.0, m)))
    return out


def _registers(style: Style, programs: dict[str, int]) -> dict[str, tuple[int, int]]:
    regs = {}
    for role, prog in programs.items():
        lo, hi = style.register(role)
        plo, phi = playable_range(prog)
        lo, hi = max(lo, plo), min(hi, phi)
        if hi - lo < 12:  # the style's register does not suit this instrument: use the instrument's middle
            mid = (plo + phi) // 2
            lo, hi = max(plo, mid - 12), min(phi, mid + 12)
        regs[role] = (lo, hi)
    return regs


def _hit_beats(plan: ScorePlan, tmap: TempoMap, style: Style) -> list[tuple[HitPoint, float]]:
    """The plan's hit points that the tempo map placed, in plan order, each with its beat (a bar line or a
    placed hit within 11 ms of its time), and every stop, placed or not."""
    # the anchored bar lines, then the placed hits (a hit on a bar line is the bar's), each in time order:
    # a bisect finds the earliest within reach, so an hour of cuts is not searched once per cut
    lists = [[(b.start_s, b.start_beat) for b in tmap.bars if b.anchor], [(t, beat) for beat, t in tmap.hits]]
    times = [[t for t, _ in on] for on in lists]

    def beat_of(t: float) -> float | None:
        for on, ts in zip(lists, times):
            for k in range(bisect.bisect_left(ts, t - 2 * HIT_REACH_S), bisect.bisect_right(ts, t + 2 * HIT_REACH_S)):
                if abs(on[k][0] - t) < HIT_REACH_S:
                    return on[k][1]
        return None

    placed = [(h, beat_of(h.time_s)) for h in plan.hit_points]
    # a stop the map gave no beat (too close to another mark or a cut for one of its own) still stops the music
    # where it was asked: its button sounds at its own time, off the beat, and both marks are heard
    placed = [(h, unswing_beat(tmap.s_to_beat(h.time_s), style.swing, style.swing_unit)
               if beat is None and h.kind == "stop" and 0 < h.time_s < plan.duration_s else beat) for h, beat in placed]
    return [(h, beat) for h, beat in placed if beat is not None]


def _stops_and_swells(hits: list[tuple[HitPoint, float]], tmap: TempoMap, parts: dict[str, Part]) -> None:
    """Hit points of kind `stop` cut the music on the hit; `swell` rolls a cymbal up into them.

    A stop is what people mean by "a dead stop on the cut": the band plays a short chord on the hit (its
    button, STOP_BUTTON_BEATS long), then silence for a bar, up to the next hit point, section or the end,
    whichever comes first; so it stays inside the hit's own section. A swell reaches back two beats
    (possibly into the previous section): that depends only on the plan's hit points.
    """
    ends = sorted({b for _, b in hits} | {b.start_beat for b in tmap.bars if b.anchor == "boundary"}
                  | {tmap.bars[-1].end_beat if tmap.bars else 0.0})
    for h, hit in hits:
        if h.kind == "stop":
            until = min([hit + tmap.bar_at_beat(hit).beats] + [b for b in ends if b > hit + 1e-6])
            on_grid = any(abs(b - hit) < 1e-6 for b in [*(b.start_beat for b in tmap.bars), *(b for b, _ in tmap.hits)])
            _button(parts, hit, tmap.bar_at_beat(hit).section, on_grid)
            button = min(hit + STOP_BUTTON_BEATS, until)  # a mark right after the stop cuts its button short
            _clear(parts.values(), button, until)
            for part in parts.values():  # nothing but the button starts inside it (a hi-hat humanised early)
                part.notes = [n for n in part.notes if not hit + 1e-6 < n.start < button]
        elif hit >= 1 and h.kind == "swell" and "drums" in parts:
            start = max(0, hit - 2)
            steps = int((hit - start) * 4)
            for k in range(steps):
                b = start + k / 4
                vel = int(30 + (80 + 17 * h.strength) * k / max(1, steps - 1))
                parts["drums"].notes.append(Note(DRUMS["crash2"], b, 0.25, min(127, vel), tmap.bar_at_beat(b).section))


def _big_finish(parts: dict[str, Part], bar, counts: dict[str, int], end: float) -> None:
    """A last section one bar long is all ending: a single chord held from its downbeat would sound the same at
    any energy, so a rise into the end ("the logo should feel like a door opening") would not be heard. Above
    the softest level it is played as a band's big finish instead: the final chord struck again on every
    eighth (the bass on every beat, a pad holding it), growing louder, over a cymbal roll where the kit plays.
    Only this section's own notes are read (`counts`: each part's notes before it), so no other section changes.
    A strike starts a whole sixteenth before the video's `end` (a bar may run past it), so the score can write it."""
    last = round(end * 4) / 4 - 0.25 + 1e-6
    for role, part in parts.items():
        mine = part.notes[counts[role]:]
        chord = [n for n in mine if abs(n.start - bar.start_beat) < 1e-6]
        if not chord or role in MELODY_ROLES or role == "pad":  # a pad holds the chord under the strikes
            continue
        if part.is_drum:
            steps = int(bar.beats * 4)
            top = max(n.vel for n in chord)
            part.notes += [Note(DRUMS["crash2"], bar.start_beat + k / 4, 0.25, int(40 + (top - 40) * k / steps),
                                chord[0].section) for k in range(1, steps) if bar.start_beat + k / 4 <= last]
            continue
        step = 1.0 if role == "bass" else 0.5
        strikes = int(bar.beats / step)
        part.notes[counts[role]:] = [replace(n, dur=step) if n in chord else n for n in mine]
        for k in range(1, strikes):
            f = 0.75 + 0.35 * k / max(1, strikes - 1)  # a crescendo to the last strike
            part.notes += [Note(n.pitch, bar.start_beat + k * step, step, min(127, round(n.vel * f)), n.section)
                           for n in chord if bar.start_beat + k * step <= last]


def _landing(bars, end: float, hits) -> float:
    """Where the piece's last chord strikes in a last section of two bars or more: on the last beat of its last bar
    that leaves three quarters of a beat or more before the video's `end` (the bar may run past it, and the video
    may end a frame before a beat), or on a hit point after it (a cut just before the end is where the music
    buttons); so the band plays the bar's material up to there over the home chord and the cadence is that bar's
    only (`parts.land_on`). 0 when the bar has no room for that (under two beats heard): then it is all ending,
    one chord held from its downbeat. `hits`: the section's (beat, kind, strength) off its bar lines."""
    if len(bars) < 2:
        return 0.0
    bar = bars[-1]
    k = math.floor(min(bar.end_beat, end) - bar.start_beat - LAND_RING_BEATS + 1e-6)
    if k < 1:
        return 0.0
    return max([float(bar.start_beat + k)] + [b for b, _, _ in hits if bar.start_beat < b < end])


def _button(parts: dict[str, Part], hit: float, section: int, on_grid: bool = True) -> None:
    """Make a stop sound on its beat: a part of the hit's section that strikes nothing there (its pattern rests on
    that step, a chord is held over it, or the hit falls after the last bar line, on the video's last frame)
    strikes its sounding chord, else the last one it played, STOP_BUTTON_BEATS long; the kit a dry kick. The
    melody's line is left as it is (its last note may be a passing one); a part the section leaves out stays out.
    A stop off the grid (`on_grid` False) has no accent of its own there: a part whose pattern happens to strike
    then (an arpeggio's one note, a hi-hat) completes its chord, and the kit adds its kick."""
    for part in parts.values():
        mine = [n for n in part.notes if n.section == section and n.start < hit + 1e-6]
        struck = [n for n in mine if abs(n.start - hit) < 1e-6]
        before = [n for n in mine if n not in struck]
        if not mine or part.role in MELODY_ROLES or struck and on_grid:
            continue
        if part.is_drum:
            if not any(n.pitch == DRUMS["kick"] for n in struck):
                part.notes.append(Note(DRUMS["kick"], hit, STOP_BUTTON_BEATS, max(n.vel for n in mine[-8:]), section))
            continue
        if not before:
            continue
        last = max(n.start for n in before)
        chord = [n for n in before if n.start + n.dur > hit + 1e-6] or [n for n in before if abs(n.start - last) < 1e-6]
        # a held chord ends where its button strikes (the breath before the hit shortens it further)
        part.notes = [replace(n, dur=hit - n.start) if n in chord and n.start + n.dur > hit else n for n in part.notes]
        vel = min(127, round(max(n.vel for n in chord) * 1.1))
        part.notes += [Note(p, hit, STOP_BUTTON_BEATS, vel, section)
                       for p in sorted({n.pitch for n in chord} - {n.pitch for n in struck})]


def _breathe_before_hits(hits: list[tuple[HitPoint, float]], tmap: TempoMap,
                         parts: dict[str, Part], seams: frozenset = frozenset()) -> None:
    """Release the pitched notes sounding BREATH_S before each hit point inside a section (a section's first
    downbeat is left alone, and a breath never reaches back past the hit's section's start, so no other
    section's notes change), and drop the few that would start inside that breath; drums ring as they are.
    A seam where an edit split a section (`seams`, beats) breathes as the whole section did before its hit."""
    first: dict[int, int] = {}  # each section's first beat
    for bar in tmap.bars:
        first.setdefault(bar.section, bar.start_beat)
    starts = set(first.values()) - seams
    for h, hit in hits:
        if hit <= 0 or hit in starts:
            continue
        sec = tmap.bar_at_beat(hit - 1e-6 if hit in seams else hit).section
        on = tmap.frames.get(sec, tmap)  # a piece breathes on its whole section's clock (splits.Join: a bridge)
        gap = max(first[sec], on.s_to_beat(max(0.0, on.beat_to_s(hit) - BREATH_S)))
        if any(gap - 1e-6 <= b < hit - 1e-6 for b in [*starts, *(b for _, b in hits)]):
            continue  # another mark struck just before (a stop off the beat after a cut): no breath takes it away
        _clear([part for part in parts.values() if not part.is_drum], gap, hit)


def _clear(parts, gap: float, hit: float) -> None:
    """Silence [gap, hit) in `parts`: notes starting there are dropped, notes sounding into it end at `gap`."""
    for part in parts:
        kept = []
        for n in part.notes:
            if gap <= n.start < hit:
                continue
            if n.start < gap < n.start + n.dur:
                n = Note(n.pitch, n.start, gap - n.start, n.vel, n.section)
            kept.append(n)
        part.notes = kept


def compose(plan: ScorePlan, analysis: VideoAnalysis | None = None) -> Arrangement:
    """Realise a plan as notes.

    Args:
        plan: the ScorePlan (style, tempo, key/mode, sections, hit points, instrumentation, seed).
        analysis: the video's analysis; its motion curve shapes dynamics within sections (optional).
    Returns:
        An Arrangement: parts of notes on a tempo map where every boundary is a downbeat and every hit
        point a beat or an accented offbeat.
    Raises:
        V2MError: a chord or melody in the plan cannot be read.
    """
    style = load_style(plan.style)
    tmap: TempoMap = build_tempo_map(plan, style)
    instruments = {**style.instruments, **plan.instrumentation}
    # hand percussion shares channel 10 with the kit: it joins the drum part when there is one
    roles = [r for r in ROLE_ORDER if r in instruments and not (r == "percussion" and "drums" in instruments)]
    programs = {r: instrument_number(r, instruments[r]) for r in roles}
    registers = _registers(style, {r: p for r, p in programs.items() if r not in ("drums", "percussion")})
    meter = int(plan.meter.split("/")[0])
    parts = {r: Part(r, instruments[r], programs[r], r in ("drums", "percussion")) for r in roles}
    repairs: list[str] = []
    chord_names: list[str] = []
    changes: list[tuple[float, str]] = []
    last = len(plan.sections) - 1
    whole_starts: dict[int, tuple[float, dict[str, int]]] = {}  # a piece's whole section: its start, notes before
    for i, sec in enumerate(plan.sections):
        bars = tmap.section_bars(i)
        if not bars:
            continue
        frame = tmap.frames.get(i)  # a piece of a split section: written as the whole section, cut at the seams
        if frame is not None:
            bars, sec = frame.bars, frame.whole
        anchor = f"{sec.start_s:.3f}"  # not the index: a split before this section must not reseed it
        if sec.take:  # another take: a new draw for this section only (take 0 keeps the original seeds)
            anchor += f":take{sec.take}"
        rng = random.Random(zlib.crc32(f"{plan.seed}:{anchor}".encode()))
        final = i == last if frame is None else sec.end_s >= plan.duration_s - 1e-3
        mode = section_mode(plan, i)  # a mode asked for a span: the section's chords filled and sung in it
        hplan = plan if frame is None else plan.model_copy(update={"sections": [*plan.sections[:i], sec,
                                                                                  *plan.sections[i + 1:]]})
        hplan = hplan if mode == plan.mode else hplan.model_copy(update={"mode": mode})
        harmony = section_harmony(hplan, style, i, [b.beats for b in bars], final)
        offbeat = _offbeat_hits(plan, frame or tmap, bars)
        lo, hi = (frame.lo, frame.hi) if frame else (bars[0].start_beat, bars[-1].end_beat)
        chord_names += [c.name for b, c in zip(bars, harmony.downbeats) if lo <= b.start_beat < hi]
        changes += [(b.start_beat + off, c.name) for b, bar in zip(bars, harmony.changes) for off, c in bar
                    if lo <= b.start_beat + off < hi]
        level = style.levels.index(style.level(sec.energy))
        ctx = SectionContext(index=i, bars=bars, chords=harmony.downbeats, changes=harmony.changes,
                             entry=harmony.entry, level=style.level(sec.energy), style=style,
                             scale=scale_pcs(plan.key, mode), tonic=tonic_pc(plan.key), energy=sec.energy, meter=meter,
                             rng=rng,
                             pattern_meter=int(style.meter.split("/")[0]),
                             gains=_gains(analysis, bars, frame or tmap), accents=_accents(plan, bars, soft=level == 0),
                             hits=offbeat,
                             fill=not final and sec.fill, final=final, registers=registers,
                             land=_landing(bars, (frame or tmap).end_beat, offbeat) if final else 0.0,
                             theme_seed=zlib.crc32(f"{plan.seed}:theme:{style.name}".encode()))
        active = set(sec.instruments or instruments)
        counts = {r: len(parts[r].notes) for r in roles}
        for r in roles:
            # each part draws from its own stream so adding a part leaves the others as they were
            ctx.rng = random.Random(zlib.crc32(f"{plan.seed}:{anchor}:{r}".encode()))
            if r == "drums":
                parts[r].notes += drum_part(ctx, playing="drums" in active)
                if "percussion" in instruments and "percussion" in active:
                    parts[r].notes += percussion_part(ctx)
            elif r == "percussion":
                if r in active:
                    parts[r].notes += percussion_part(ctx)
            elif r not in active:
                continue
            elif r == "bass":
                parts[r].notes += bass_part(ctx)
            elif r in COMP_ROLES:
                parts[r].notes += comp_part(ctx, r)
            elif r in MELODY_ROLES:
                if sec.melody_abc:
                    notes, fixed = melody_from_abc(sec.melody_abc, ctx, r, plan.key, mode)
                    parts[r].notes += notes
                    repairs += [f"section {i} ({sec.name}): {f}" for f in fixed]
                else:
                    parts[r].notes += melody_part(ctx, r)
        if final and len(bars) == 1 and level > 0:
            _big_finish(parts, bars[0], counts, (frame or tmap).end_beat)
        elif final:  # the ending follows the energy: the softest level fades into its last chord, the top drives
            for r in roles:
                parts[r].notes[counts[r]:] = ending(parts[r].notes[counts[r]:], level, len(style.levels),
                                                    bars[0].start_beat, (frame or tmap).end_beat)
        for r, db in sec.levels_db.items():  # the balance between parts: a velocity offset per role
            if r in parts and db:
                parts[r].notes[counts[r]:] = _level(parts[r].notes[counts[r]:], db)
        if frame is not None:
            whole_starts[i] = (sec.start_s, {})
            for r in roles:
                parts[r].notes[counts[r]:], whole_starts[i][1][r] = clip(parts[r].notes[counts[r]:], frame)
    if style.humanize or "drums" in parts:  # before the stops, which must silence the humanised notes too
        humanize(parts.values(), tmap, plan, style.humanize, whole_starts)
    hits = _hit_beats(plan, tmap, style)
    _stops_and_swells(hits, tmap, parts)
    _breathe_before_hits(hits, tmap, parts, seams(plan, tmap))
    silent = {i for i, s in enumerate(plan.sections) if not s.music}
    # a stop on a silent section's first beat is the cue's button as the music goes out: its short chord sounds
    first_beat: dict[int, float] = {}
    for bar in tmap.bars if silent else ():
        first_beat.setdefault(bar.section, bar.start_beat)
    buttons = {}
    for h, b in hits if silent else ():
        section = tmap.bar_at_beat(b).section
        if h.kind == "stop" and section in silent and abs(b - first_beat[section]) < 1e-6:
            buttons[section] = b
    for part in parts.values() if silent else ():  # music out: nothing sounds there (a note never rings past its section)
        part.notes = [n for n in part.notes if n.section not in silent or
                      n.section in buttons and buttons[n.section] - 1e-6 <= n.start < buttons[n.section] + STOP_BUTTON_BEATS]
    return Arrangement(parts=[parts[r] for r in roles], tempo_map=tmap, key=plan.key, mode=plan.mode,
                       meter=plan.meter, style=style.name, swing=style.swing, swing_unit=style.swing_unit,
                       title=f"v2m: {style.name} in {plan.key} {plan.mode}", repairs=repairs,
                       warnings=list(tmap.warnings), chords=chord_names, chord_changes=changes, sync_notes=list(tmap.notes),
                       expression=expression_curve(plan, tmap))
