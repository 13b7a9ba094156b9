"""MusicXML export through music21, built from the same voice events as the ABC writer.

One music21 Part per arrangement part, a Measure per bar with its time signature and metronome mark where
the tempo map changes, so notation programs open the score with the cut-synced bar structure.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from v2m.tools.music.abc import STEPS_PER_BEAT, bar_slices, voice_events

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement


def to_music21(arr: Arrangement):
    """The arrangement as a music21 Score (straight timing, sixteenth grid)."""
    from music21 import chord, instrument, key, meter, note, stream, tempo

    score = stream.Score()
    bars = [b for b in arr.tempo_map.bars if b.start_s < arr.duration_s - 1e-6]
    total = bars[-1].end_beat * STEPS_PER_BEAT
    limit = min(total, int(round(arr.tempo_map.end_beat * STEPS_PER_BEAT)))
    for part in arr.parts:
        events = voice_events(part, total, limit)
        p = stream.Part(id=part.role)
        p.partName = part.role
        inst = instrument.UnpitchedPercussion() if part.is_drum else instrument.instrumentFromMidiProgram(part.program)
        p.insert(0, inst)
        prev_beats = prev_q = None
        for k, bar in enumerate(bars):
            m = stream.Measure(number=k + 1)
            if k == 0:
                m.insert(0, key.Key(arr.key[0] + arr.key[1:].replace("b", "-"), arr.mode))
            if bar.beats != prev_beats:
                m.insert(0, meter.TimeSignature(f"{bar.beats}/4"))
                prev_beats = bar.beats
            q = round(bar.tempo_bpm)
            if q != prev_q and part is arr.parts[0]:
                m.insert(0, tempo.MetronomeMark(number=q))
            prev_q = q
            for step, length, pitches, _ in bar_slices(events, bar):
                ql = length / STEPS_PER_BEAT
                if not pitches:
                    el = note.Rest(quarterLength=ql)
                elif len(pitches) == 1:
                    el = note.Note(pitches[0], quarterLength=ql)
                else:
                    el = chord.Chord(list(pitches), quarterLength=ql)
                m.insert(step / STEPS_PER_BEAT, el)
            p.append(m)
        score.insert(0, p)
    return score


def write_musicxml(arr: Arrangement, path: Path) -> Path:
    """Write the arrangement as MusicXML.

    Args:
        arr: the arrangement; path: the .musicxml/.xml file to write.
    Returns:
        The path written.
    """
    to_music21(arr).write("musicxml", fp=str(path))
    return path
