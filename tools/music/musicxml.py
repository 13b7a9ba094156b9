"""MusicXML export through music21, built from the same voice events as the ABC writer.

One music21 Part per arrangement part, a Measure per bar with its time signature and metronome mark where
the tempo map changes, so notation programs open the score with the cut-synced bar structure.
"""

from __future__ import annotations

import copy
import os
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from v2m.tools.music.abc import STEPS_PER_BEAT, bar_slices, voice_events
from v2m.tools.music.splits import meter_text

WHOLE_BARS = 64  # a score this long or shorter is written whole, exactly as music21 writes it
CHUNK_BARS = 32  # bars exported at a time in a longer score (see write_musicxml): about a minute of music

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement


def _bars(arr: Arrangement) -> list:
    return [b for b in arr.tempo_map.bars if b.start_s < arr.duration_s - 1e-6]


def to_music21(arr: Arrangement, first: int = 0, stop: int | None = None):
    """The arrangement as a music21 Score (straight timing, sixteenth grid): bars first..stop (all by default),
    numbered as in the whole score."""
    from music21 import chord, instrument, key, meter, note, stream, tempo

    score = stream.Score()
    bars = _bars(arr)
    total = round(bars[-1].end_beat * STEPS_PER_BEAT)
    limit = min(total, int(round(arr.tempo_map.end_beat * STEPS_PER_BEAT)))
    shown = bars[first:stop]
    lo, hi = round(shown[0].start_beat * STEPS_PER_BEAT), round(shown[-1].end_beat * STEPS_PER_BEAT)
    for part in arr.parts:
        events = _within(voice_events(part, total, limit), lo, hi)
        p = stream.Part(id=part.role)
        p.partName = part.role
        inst = instrument.UnpitchedPercussion() if part.is_drum else instrument.instrumentFromMidiProgram(part.program)
        p.insert(0, inst)
        prev_beats = prev_q = None
        if first:  # a later piece goes on from the bar before it: no repeated meter or tempo marks
            prev_beats, prev_q = bars[first - 1].beats, round(bars[first - 1].tempo_bpm)
        for k, bar in enumerate(shown, start=first):
            m = stream.Measure(number=k + 1)
            if k == 0:
                m.insert(0, key.Key(arr.key[0] + arr.key[1:].replace("b", "-"), arr.mode))
            if bar.beats != prev_beats:
                m.insert(0, meter.TimeSignature(meter_text(bar.beats)))
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
                    el = chord.Chord(spelled(tuple(pitches)), quarterLength=ql)
                m.insert(step / STEPS_PER_BEAT, el)
            p.append(m)
        score.insert(0, p)
    return score


def _within(events: list, lo: float, hi: float) -> list:
    """The events that reach into steps lo..hi. Why: `bar_slices` scans the events it is given for every
    bar, so a piece of a long score given the whole voice cost time growing with the square of its length."""
    starts = [s for s, _, _ in events]
    return events[max(0, bisect_right(starts, lo) - 1):bisect_right(starts, hi)]


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

    A score longer than WHOLE_BARS is exported CHUNK_BARS at a time and the pieces' measures are joined
    part by part: music21 holds a few hundred bytes per note (twice, as it copies the score to export
    it), so a whole hour at once would take gigabytes; this way memory is that of one piece, about a
    minute of music (no more than a one-minute video's whole score costs). Each later
    piece's first measure repeats the clef and divisions (valid MusicXML, what a notation program reads
    as no change). A score of one piece is written exactly as music21 writes it.

    Args:
        arr: the arrangement; path: the .musicxml/.xml file to write.
    Returns:
        The path written.
    """
    n_bars = len(_bars(arr))
    if n_bars <= WHOLE_BARS:
        to_music21(arr).write("musicxml", fp=str(path))
        return path
    import tempfile
    import xml.etree.ElementTree as ET

    from music21.musicxml.m21ToXml import GeneralObjectExporter

    with tempfile.TemporaryDirectory(dir=Path(path).parent) as tmp:
        head, ids, parts = "", [], []
        for first in range(0, n_bars, CHUNK_BARS):
            text = GeneralObjectExporter(to_music21(arr, first, first + CHUNK_BARS)).parse().decode("utf-8")
            if not first:  # the header and part list from the first piece
                head = text[:text.index("<part id=")]
                ids = [e.get("id") for e in ET.fromstring(text).iter("score-part")]
                parts = [open(Path(tmp) / f"part{i}.xml", "w", encoding="utf-8") for i in range(len(ids))]
            for f, part in zip(parts, ET.fromstring(text).iter("part")):
                f.writelines(ET.tostring(m, encoding="unicode") for m in part.iter("measure"))
        for f in parts:
            f.close()
        out = Path(tmp) / "score.musicxml"
        with open(out, "w", encoding="utf-8") as f:
            f.write(head)
            for i, pid in enumerate(ids):
                f.write(f'<part id="{pid}">\n')
                with open(Path(tmp) / f"part{i}.xml", encoding="utf-8") as src:
                    while block := src.read(1 << 20):
                        f.write(block)
                f.write("</part>\n")
            f.write("</score-partwise>\n")
        os.replace(out, path)
    return path
