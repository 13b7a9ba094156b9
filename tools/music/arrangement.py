"""The composer's result: parts of notes on the tempo map, and the ways out (MIDI, ABC, MusicXML).

Notes are kept in straight beats (quarter notes from the start); swing and the tempo map are applied
only when a performance is written (MIDI), so the same notes give a readable ABC/MusicXML score.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from v2m.tools.music.abc import arrangement_to_abc
from v2m.tools.music.midi import write_midi
from v2m.tools.music.musicxml import write_musicxml
from v2m.tools.music.tempo_map import TempoMap


@dataclass(frozen=True)
class Note:
    pitch: int
    start: float  # beats from the start of the music
    dur: float  # beats
    vel: int
    section: int


@dataclass
class Part:
    """One instrument: a role ("bass"), its GM program (a drum kit number for drums) and its notes."""

    role: str
    instrument: str
    program: int
    is_drum: bool
    notes: list[Note] = field(default_factory=list)


@dataclass
class Arrangement:
    """A composed piece.

    Attributes:
        parts: one per active role, drums first.
        tempo_map: bars with their times; every section boundary is a bar start, every hit point a beat.
        key, mode, meter: the plan's; swing/swing_unit: the style's performance swing.
        repairs: what was repaired in the plan's ABC melodies; warnings: anchors dropped and similar.
    """

    parts: list[Part]
    tempo_map: TempoMap
    key: str
    mode: str
    meter: str
    style: str
    swing: float = 0.5
    swing_unit: int = 8
    title: str = "v2m score"
    repairs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    chords: list[str] = field(default_factory=list)  # chord name on each bar's downbeat
    chord_changes: list[tuple[float, str]] = field(default_factory=list)  # (beat, chord name) at every change
    sync_notes: list[str] = field(default_factory=list)  # where and why the meter changes
    expression: list[tuple[float, int]] = field(default_factory=list)  # CC11 breakpoints (beat, value)

    def __post_init__(self) -> None:
        self._tidy()

    def _tidy(self) -> None:
        """Clip at the video's end and at each note's own section's end, and shorten a note where the same
        pitch restarts (MIDI cannot overlap them).

        A note never sounds past its section's last bar: the next section starts afresh on its downbeat, and
        a note ringing into it would be shortened or kept by whatever that section plays, so an edit there
        would change this section's notes (issue 11: an edit leaves every other section as it was). The video may
        end up to half a beat after the last bar (tempo_map): a stop's button there sounds until the video ends."""
        end = self.tempo_map.end_beat
        section_end: dict[int, float] = {}
        for bar in self.tempo_map.bars:
            section_end[bar.section] = max(section_end.get(bar.section, 0.0), bar.end_beat)
        tail = self.tempo_map.bars[-1] if self.tempo_map.bars else None
        for part in self.parts:
            notes = sorted((n for n in part.notes if n.start < end - 1e-6), key=lambda n: (n.start, n.pitch))
            last: dict[int, int] = {}
            out: list[Note] = []
            for n in notes:
                stop = section_end.get(n.section, end)
                if tail is not None and n.section == tail.section and n.start >= tail.end_beat - 1e-6:
                    stop = end  # a button struck after the last bar line, on the video's last frames
                dur = min(n.dur, end - n.start, stop - n.start)
                j = last.get(n.pitch)
                if j is not None and out[j].start + out[j].dur > n.start:
                    p = out[j]
                    out[j] = Note(p.pitch, p.start, max(0.0, n.start - p.start), p.vel, p.section)
                last[n.pitch] = len(out)
                out.append(Note(n.pitch, n.start, dur, max(1, min(127, n.vel)), n.section))
            part.notes = [n for n in out if n.dur > 1e-4]

    # ------------------------------------------------------------------ views

    @property
    def downbeats_s(self) -> list[float]:
        """Times (seconds) of every bar start inside the video."""
        return self.tempo_map.downbeats_s

    @property
    def duration_s(self) -> float:
        return self.tempo_map.duration_s

    def section_notes(self, i: int) -> list[tuple[str, int, float, float, int]]:
        """The notes of section i as (role, pitch, beat from the section's start, beats, velocity).

        Beats are relative to the section's first bar, so an edit elsewhere that shifts absolute beats
        leaves an untouched section's notes equal; to 4 places once float noise is snapped off (a last note cut at the
        clip's end, 0.43035 beats, reads 0.4303499999999989 from one origin and 0.4303500000000007 from another).
        """
        bars = self.tempo_map.section_bars(i)
        if not bars:
            return []
        origin = bars[0].start_beat
        return sorted((p.role, n.pitch, _beats(n.start - origin), _beats(n.dur), n.vel)
                      for p in self.parts for n in p.notes if n.section == i)

    def chord_at(self, beat: float) -> str | None:
        """The name of the chord sounding at `beat` (the harmonic rhythm may change it inside a bar)."""
        i = bisect.bisect_right([b for b, _ in self.chord_changes], beat + 1e-9) - 1
        return self.chord_changes[i][1] if i >= 0 else None

    def part(self, role: str) -> Part | None:
        return next((p for p in self.parts if p.role == role), None)

    # ------------------------------------------------------------------ exports

    def write_midi(self, path: str | Path) -> Path:
        """Write a multi-track General MIDI file with the tempo map (see `v2m.tools.music.midi`)."""
        return write_midi(self, Path(path))

    def to_abc(self) -> str:
        return arrangement_to_abc(self)

    def write_abc(self, path: str | Path) -> Path:
        """Write multi-voice ABC 2.1 with inline [M:] and [Q:] fields at meter and tempo changes."""
        path = Path(path)
        path.write_text(self.to_abc())
        return path

    def write_musicxml(self, path: str | Path) -> Path:
        """Write MusicXML through music21 (see `v2m.tools.music.musicxml`)."""
        return write_musicxml(self, Path(path))


def _beats(x: float) -> float:
    """Beats to 4 places, rounded once the float noise of sums is gone (to 9 places), so noise never tips a rounding."""
    return round(round(x, 9), 4)
