"""MusicXML export through music21, built from the same bar slices as the ABC writer.

One music21 Part per arrangement part, a Measure per bar with its time signature and metronome mark where
the tempo map changes, so notation programs open the score with the cut-synced bar structure.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from v2m.tools.music.abc import STEPS_PER_BEAT, _slices

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement


def to_music21(arr: Arrangement):
    """The arrangement as a music21 Score (straight timing, sixteenth grid)."""
    from music21 import chord, instrument, key, meter, note, stream, tempo

    score = stream.Score()
    bars = [b for b in arr.tempo_map.bars if b.start_s < arr.duration_s - 1e-6]
    end_beat = arr.tempo_map.end_beat
    for part in arr.parts:
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
            for step, length, pitches in _slices(part, bar.start_beat, bar.beats, end_beat):
                ql = length / STEPS_PER_BEAT
                if not pitches:
                    el = note.Rest(quarterLength=ql)
                elif len(pitches) == 1:
                    el = note.Note(pitches[0], quarterLength=ql)
                else:
                    el = chord.Chord(spelled(tuple(pitches)), quarterLength=ql)
                m.insert(step / STEPS_PER_BEAT, el)
            p.append(m)
        score.insert(0, p)
    return score


@lru_cache(maxsize=4096)
def _spelling(pitches: tuple[int, ...]) -> tuple:
    from music21 import chord

    return tuple(chord.Chord(list(pitches)).pitches)


def spelled(pitches: tuple[int, ...]) -> list:
    """Fresh music21 Pitches spelling a chord of MIDI numbers as music21 itself does (e.g. C4 E-4 G4).

    Why: music21 spells a chord built from numbers by a brute-force search over enharmonic spellings,
    which was most of the MusicXML export's time; the same chords recur bar after bar, so each spelling
    is searched once and copied (accidentals included), and the file written is the same as before.
    """
    return [copy.deepcopy(p) for p in _spelling(pitches)]


def write_musicxml(arr: Arrangement, path: Path) -> Path:
    """Write the arrangement as MusicXML.

    Args:
        arr: the arrangement; path: the .musicxml/.xml file to write.
    Returns:
        The path written.
    """
    to_music21(arr).write("musicxml", fp=str(path))
    return path
