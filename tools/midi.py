"""MIDI writer: a type-1 General MIDI file with the tempo map, swing applied as performance timing.

Track 0 holds the conductor: a set_tempo and a time_signature wherever the tempo map changes, so a
player lands every section boundary and hit point on its downbeat at the cut's time. One track per part
follows, drums on channel 10 (index 9) with a drum kit program, pitched parts on the other channels.
Swing moves offbeat eighths (or sixteenths) later in the beat; downbeats never move, so sync is kept.
"""

from __future__ import annotations

from pathlib import Path

from v2m.tools.arrangement import Arrangement
from v2m.tools.gm import DRUM_CHANNEL

TICKS_PER_BEAT = 960


def swing_beat(beat: float, swing: float, unit: int) -> float:
    """Performance position of a straight beat position under swing.

    Args:
        beat: position in quarter-note beats; swing: where the offbeat lands inside its pair (0.5 =
            straight, 0.667 = triplet swing); unit: 8 swings eighths, 16 swings sixteenths.
    Returns:
        The swung position; whole pairs (beats for eighths) map to themselves.
    """
    if swing <= 0.5:
        return beat
    pair = 1.0 if unit == 8 else 0.5
    base = (beat // pair) * pair
    f = (beat - base) / pair
    g = f * swing / 0.5 if f <= 0.5 else swing + (f - 0.5) * (1 - swing) / 0.5
    return base + g * pair


def _conductor(arr: Arrangement):
    """(tick, message) pairs for the tempo and meter changes."""
    import mido

    events = []
    prev_spb = prev_beats = None
    for bar in arr.tempo_map.bars:
        tick = bar.start_beat * TICKS_PER_BEAT
        if bar.beats != prev_beats:
            events.append((tick, mido.MetaMessage("time_signature", numerator=bar.beats, denominator=4,
                                                  clocks_per_click=24, notated_32nd_notes_per_beat=8)))
            prev_beats = bar.beats
        if prev_spb is None or abs(bar.sec_per_beat - prev_spb) > 1e-9:
            events.append((tick, mido.MetaMessage("set_tempo", tempo=int(round(bar.sec_per_beat * 1e6)))))
            prev_spb = bar.sec_per_beat
    return events


def _to_track(events, name: str):
    import mido

    track = mido.MidiTrack()
    track.append(mido.MetaMessage("track_name", name=name, time=0))
    now = 0
    for tick, msg, _order in sorted(events, key=lambda e: (e[0], e[2])):
        msg = msg.copy(time=tick - now)
        track.append(msg)
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=0))
    return track


def write_midi(arr: Arrangement, path: Path) -> Path:
    """Write the arrangement as a type-1 MIDI file.

    Args:
        arr: the arrangement; path: where to write (parent folder must exist).
    Returns:
        The path written.
    """
    import mido

    mid = mido.MidiFile(type=1, ticks_per_beat=TICKS_PER_BEAT)
    conductor = [(t, m, 0) for t, m in _conductor(arr)]
    mid.tracks.append(_to_track(conductor, arr.title))
    channels = iter(c for c in range(16) if c != DRUM_CHANNEL)
    end_tick = int(arr.tempo_map.end_beat * TICKS_PER_BEAT)
    for part in arr.parts:
        ch = DRUM_CHANNEL if part.is_drum else next(channels, 15)
        ev = [(0, mido.Message("program_change", channel=ch, program=part.program), 0)]
        if not part.is_drum:
            ev.append((0, mido.Message("control_change", channel=ch, control=91, value=40), 0))  # reverb send
        for n in part.notes:
            # drums keep straight sixteenths in swing styles only where the groove asks; everything swings
            on = int(round(swing_beat(n.start, arr.swing, arr.swing_unit) * TICKS_PER_BEAT))
            off = int(round(swing_beat(n.start + n.dur, arr.swing, arr.swing_unit) * TICKS_PER_BEAT))
            off = min(max(off, on + 1), max(end_tick, on + 1))
            ev.append((on, mido.Message("note_on", channel=ch, note=n.pitch, velocity=n.vel), 2))
            ev.append((off, mido.Message("note_off", channel=ch, note=n.pitch, velocity=0), 1))
        mid.tracks.append(_to_track(ev, f"{part.role}: {part.instrument}"))
    mid.save(str(path))
    return path
