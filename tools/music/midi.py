"""MIDI writer: a type-1 General MIDI file with the tempo map, swing applied as performance timing.

Track 0 holds the conductor: a set_tempo wherever the tempo bends and a time_signature wherever the
meter changes, so a player lands every section boundary on its downbeat and every hit on its beat. One track per part
follows, drums on channel 10 (index 9) with a drum kit program, pitched parts on the other channels.
Swing moves offbeat eighths (or sixteenths) later in the beat; downbeats never move, so sync is kept.
Pitched channels carry CC7 and the CC11 expression curve (`expression.py`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from v2m.tools.gm import DRUM_CHANNEL
from v2m.tools.music.expression import cc_steps
from v2m.tools.music.splits import origins, signature
from v2m.tools.music.tempo_map import swing_beat

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement

TICKS_PER_BEAT = 960
CHANNEL_VOLUME = 100  # CC7: headroom under the CC11 swells


def _vlq(n: int) -> bytes:
    """MIDI variable-length quantity."""
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    return bytes(reversed(out))


def _meta(kind: int, data: bytes) -> bytes:
    return bytes([0xFF, kind]) + _vlq(len(data)) + data


def _conductor(arr: Arrangement) -> list[tuple[int, int, bytes]]:
    """(tick, order, event bytes) for the tempo bends and meter changes."""
    events = []
    prev_beats = prev_spb = None
    for bar in arr.tempo_map.bars:
        if bar.beats != prev_beats:
            tick = round(bar.start_beat * TICKS_PER_BEAT)
            num, den = signature(bar.beats)  # 4/4; a short bar a seam cuts: 7/8, 1/16
            events.append((tick, 0, _meta(0x58, bytes([num, den.bit_length() - 1, 24, 8]))))  # 24 clocks, 8 32nds
            prev_beats = bar.beats
    for beat, _t, spb in arr.tempo_map.segments:
        if prev_spb is None or abs(spb - prev_spb) > 1e-9:
            # microseconds per beat rounded up: the file's clock never runs ahead of the plan's, so a note on a
            # section's first beat never reads back (by a microsecond) inside the section before it
            events.append((int(round(beat * TICKS_PER_BEAT)), 0, _meta(0x51, math.ceil(spb * 1e6 - 1e-6).to_bytes(3, "big"))))
            prev_spb = spb
    return events


def _expression_events(curve, ch: int, end_tick: int) -> list[tuple[int, int, bytes]]:
    """CC11 events along the expression curve, one per sixteenth where the value changes."""
    return [(int(round(beat * TICKS_PER_BEAT)), 0, bytes([0xB0 | ch, 11, v]))
            for beat, v in cc_steps(curve, 0.0, end_tick / TICKS_PER_BEAT)]


def _track(events: list[tuple[int, int, bytes]], name: str) -> bytes:
    body = bytearray(b"\x00" + _meta(0x03, name.encode("latin-1", "replace")))
    now = 0
    for tick, _order, data in sorted(events, key=lambda e: (e[0], e[1])):
        body += _vlq(tick - now) + data
        now = tick
    body += b"\x00" + _meta(0x2F, b"")
    return b"MTrk" + len(body).to_bytes(4, "big") + bytes(body)


def write_midi(arr: Arrangement, path: Path) -> Path:
    """Write the arrangement as a type-1 MIDI file (bytes written directly: fast, no validation layer).

    Args:
        arr: the arrangement; path: where to write (parent folder must exist).
    Returns:
        The path written.
    """
    tracks = [_track(_conductor(arr), arr.title)]
    channels = iter(c for c in range(16) if c != DRUM_CHANNEL)
    end_tick = int(arr.tempo_map.end_beat * TICKS_PER_BEAT)
    sw, unit, org = arr.swing, arr.swing_unit, origins(arr.tempo_map)
    for part in arr.parts:
        ch = DRUM_CHANNEL if part.is_drum else next(channels, 15)
        ev = [(0, 0, bytes([0xC0 | ch, part.program]))]
        if not part.is_drum:
            ev.append((0, 0, bytes([0xB0 | ch, 91, 40])))  # a little reverb send
            ev.append((0, 0, bytes([0xB0 | ch, 7, CHANNEL_VOLUME])))
            ev += _expression_events(arr.expression, ch, end_tick)
        for n in part.notes:  # swung on the section's own beats (an offbeat seam: splits.origins)
            o = org.get(n.section, 0.0)
            on = max(0, int(round((swing_beat(n.start - o, sw, unit) + o) * TICKS_PER_BEAT)))
            off = int(round((swing_beat(n.start + n.dur - o, sw, unit) + o) * TICKS_PER_BEAT))
            off = min(max(off, on + 1), max(end_tick, on + 1))
            ev.append((on, 2, bytes([0x90 | ch, n.pitch, n.vel])))
            ev.append((off, 1, bytes([0x80 | ch, n.pitch, 0])))
        tracks.append(_track(ev, f"{part.role}: {part.instrument}"))
    header = b"MThd" + (6).to_bytes(4, "big") + (1).to_bytes(2, "big") + len(tracks).to_bytes(2, "big") \
        + TICKS_PER_BEAT.to_bytes(2, "big")
    path.write_bytes(header + b"".join(tracks))
    return path
