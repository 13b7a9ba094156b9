"""Incremental rendering: each section of an arrangement is synthesized on its own (with its release
tail) and the sections are overlap-added, so a chat turn re-renders only the sections whose notes changed.

    from v2m.tools.audio.stems import StemRenderer
    r = StemRenderer(cache_dir)                       # per-section audio cached by a hash of its performance
    stats = r.render(arrangement, "score.wav", duration_s=10.0, loudness_lufs=-16.0)
    stats.rendered, stats.reused                      # section indices synthesized now / taken from cache

Why it sums correctly: FluidSynth is linear (voices, reverb and chorus add), so the sum of sections
rendered apart equals the piece rendered whole, except for voice stealing, which per-section rendering
only reduces. A section's key is its performance in seconds from its own start (notes, programs,
channels and the CC11 expression it plays under), the soundfont and the sample rate: an edit elsewhere
(even one that renumbers sections) leaves it valid. Each section is played by a fresh synthesizer in
this process (`v2m.tools.audio.synth`) from a defined controller state (program, CC7, CC91, and CC11 at
the section's start), so its audio is a function of its key alone: a cached section is the very samples
a fresh render would make, whichever sections were rendered with it.

Why the expression is in the stems: score.mid's CC11 curve swells into each cut and builds up into the
climax; the audio must too. The curve before a boundary leads into the next section's level, so an edit
that changes a section's energy also changes the controller (not the notes) at the end of the section
before it, and that section is rendered again.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from v2m.tools.audio.loudness import GatedMeter, KFilter, fade_end, finish_piece, held_or_stepped_db
from v2m.tools.audio.render import GAIN, POLYPHONY, SYNTH_OPTIONS, find_soundfont
from v2m.tools.audio.synth import CONTROL, NOTE_OFF, NOTE_ON, PROGRAM, Synthesizer
from v2m.tools.gm import DRUM_CHANNEL
from v2m.tools.music.expression import cc_steps
from v2m.tools.music.midi import CHANNEL_VOLUME
from v2m.tools.music.splits import origins
from v2m.tools.music.tempo_map import swing_beat

JOBS = 2                # sections synthesized at once (one core each: the library runs without Python's lock)
KEY_VERSION = "stems-6"  # bump when the performance of a section or the synthesizer settings change (6: a cache
# made before `synth.library()` readied FluidSynth alone may hold a section played without its default modulators)
PIECE_S = 10.0           # the mix is made, measured and written this many seconds at a time
REVERB_SEND = 40         # CC91 on pitched channels, as score.mid
EXPRESSION, VOLUME, REVERB = 11, 7, 91   # the controllers a stem sets
FRAME_BYTES = 8          # a cached section: raw float32 stereo, interleaved


@dataclass
class Stem:
    """One section's performance: MIDI events in seconds from `origin_s`."""

    index: int
    origin_s: float
    programs: tuple          # (role, program, is_drum) of each part that plays here, sorted
    events: tuple            # (index into programs, pitch, velocity, on_s, off_s), relative to origin_s
    expression: tuple = ()   # (time_s, CC11 value) on every pitched channel, relative to origin_s
    _key: tuple | None = field(default=None, repr=False, compare=False)  # (extra, key): hashed once

    def key(self, extra: str) -> str:
        if self._key is None or self._key[0] != extra:
            h = hashlib.sha1(f"{KEY_VERSION}|{extra}|{self.programs}|{self.events}|{self.expression}".encode())
            self._key = (extra, h.hexdigest()[:20])
        return self._key[1]


@dataclass
class RenderStats:
    rendered: list[int] = field(default_factory=list)
    reused: list[int] = field(default_factory=list)
    seconds: float = 0.0


def _expression(arrangement, start_beat: float, end_s: float, origin_s: float) -> tuple:
    """The CC11 values score.mid sends from `start_beat` until `end_s`: the value in force at the
    start, then each sixteenth where it changes; times in seconds from origin_s."""
    tmap = arrangement.tempo_map
    end_beat = tmap.s_to_beat(end_s) if end_s < tmap.duration_s else tmap.end_beat
    steps = cc_steps(arrangement.expression, start_beat, end_beat)
    # the value in force at the start is sent at the stem's own start, the changes where they fall
    return tuple([(0.0, v) for _, v in steps[:1]] +
                 [(round(max(0.0, tmap.beat_to_s(b) - origin_s), 5), v) for b, v in steps[1:]])


def section_stems(arrangement) -> list[Stem]:
    """Split an arrangement into per-section stems, timed in seconds as `write_midi` performs them.

    Args:
        arrangement: a `v2m.tools.music.arrangement.Arrangement` (parts of notes on a tempo map, with
            swing, and its CC11 expression curve).
    Returns:
        One Stem per section that has notes, in section order.
    """
    tmap = arrangement.tempo_map
    end_s, org = tmap.duration_s, origins(tmap)
    by_section: dict[int, list] = {}
    for part in arrangement.parts:
        # a part is named by what it sounds like, not by its MIDI channel: adding a role elsewhere
        # renumbers channels but leaves this section's sound, and its cache entry, as it was
        voice = (part.role, part.program, part.is_drum)
        for n in part.notes:  # swung on the section's own beats (an offbeat seam: splits.origins)
            o = org.get(n.section, 0.0)
            on = tmap.beat_to_s(swing_beat(n.start - o, arrangement.swing, arrangement.swing_unit) + o)
            off = tmap.beat_to_s(swing_beat(n.start + n.dur - o, arrangement.swing, arrangement.swing_unit) + o)
            off = min(max(off, on + 1e-3), max(end_s, on + 1e-3))
            by_section.setdefault(n.section, []).append((voice, n.pitch, n.vel, on, off))
    stems = []
    for i in sorted(by_section):
        bars = tmap.section_bars(i)
        ev = by_section[i]
        origin = min([b.start_s for b in bars[:1]] + [e[3] for e in ev])
        voices = tuple(sorted({e[0] for e in ev}))
        rel = tuple(sorted((voices.index(vc), p, v, round(on - origin, 5), round(off - origin, 5))
                           for vc, p, v, on, off in ev))
        pitched = any(not is_drum for _, _, is_drum in voices)
        start_beat = bars[0].start_beat if bars else tmap.s_to_beat(origin)
        expr = _expression(arrangement, start_beat, max(e[4] for e in ev), origin) if pitched else ()
        stems.append(Stem(i, origin, voices, rel, expr))
    return stems


def stem_events(stem: Stem, sample_rate: int) -> list[tuple[int, int, int, int, int]]:
    """The stem as synthesizer events (sample, kind, channel, data1, data2): programs and the defined
    controller state at sample 0, then the notes and the CC11 changes."""
    free = iter(c for c in range(16) if c != DRUM_CHANNEL)
    chans = [DRUM_CHANNEL if is_drum else next(free, 15) for _, _, is_drum in stem.programs]
    out = []
    for ch, (_, program, is_drum) in zip(chans, stem.programs):
        out.append((0, PROGRAM, ch, program, 0))
        if not is_drum:  # the same reverb send, channel volume and swells as the full-score MIDI
            out += [(0, CONTROL, ch, REVERB, REVERB_SEND), (0, CONTROL, ch, VOLUME, CHANNEL_VOLUME)]
            out += [(int(round(t * sample_rate)), CONTROL, ch, EXPRESSION, v) for t, v in stem.expression]
    for v, pitch, vel, on, off in stem.events:
        a, b = int(round(on * sample_rate)), int(round(off * sample_rate))
        out += [(a, NOTE_ON, chans[v], pitch, vel), (max(b, a + 1), NOTE_OFF, chans[v], pitch, 0)]
    return out


class StemRenderer:
    """Renders arrangements section by section, keeping each section's audio in `cache_dir`."""

    def __init__(self, cache_dir: str | Path, *, soundfont: str | Path | None = None, sample_rate: int = 44100):
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.sf2 = find_soundfont(soundfont)
        self.sample_rate = sample_rate
        self.synth = Synthesizer(self.sf2, sample_rate=sample_rate)
        self.last_gain_db: float | None = None
        self.last_target: float | None = None
        self._extra = f"{self.sf2.resolve()}|{self.sf2.stat().st_size}|{sample_rate}|{GAIN}|{POLYPHONY}|{SYNTH_OPTIONS}"

    def _path(self, stem: Stem) -> Path:
        return self.cache_dir / f"{stem.key(self._extra)}.f32"

    def _synthesize_one(self, stem: Stem) -> None:
        dest = self._path(stem)
        tmp = dest.with_suffix(f".{os.getpid()}.{stem.index}.tmp")
        with open(tmp, "wb") as f:
            self.synth.perform(stem_events(stem, self.sample_rate), f.write)
        os.replace(tmp, dest)  # a killed render never leaves half a cache entry

    def _synthesize(self, todo: list[Stem]) -> None:
        """Render the stems not in the cache, JOBS at a time, longest first (so the jobs end together)."""
        longest = sorted(todo, key=lambda s: -max((e[4] for e in s.events), default=0.0))
        with ThreadPoolExecutor(max_workers=max(1, min(JOBS, os.cpu_count() or 1))) as pool:
            for done in [pool.submit(self._synthesize_one, s) for s in longest]:
                done.result()

    def mix(self, stems: list[Stem], n_samples: int, *, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Overlap-add the stems' audio at their start times: samples start..stop of an n_samples-long
        mix (all of it by default). Only those samples of each stem are read from the cache, so a piece
        costs memory for the piece alone."""
        return self._mix(self._placed(stems), n_samples, start, n_samples if stop is None else stop)

    def _placed(self, stems: list[Stem]) -> list[tuple[Path, int, int]]:
        """(cached audio, first sample in the mix, frames) of each stem, sorted by start."""
        placed = []
        for stem in stems:
            path = self._path(stem)
            placed.append((path, int(round(stem.origin_s * self.sample_rate)), path.stat().st_size // FRAME_BYTES))
        return sorted(placed, key=lambda p: p[1])

    @staticmethod
    def _mix(placed: list[tuple[Path, int, int]], n_samples: int, start: int, stop: int) -> np.ndarray:
        out = np.zeros((stop - start, 2), np.float32)
        for path, a, frames in placed:
            if a >= min(stop, n_samples):
                break  # sorted by start: the rest begin later
            lo, hi = max(start, a), min(stop, n_samples, a + frames)
            if lo < hi:
                out[lo - start:hi - start] += _read_frames(path, lo - a, hi - a)
        return out

    def render(self, arrangement, wav_path: str | Path, *, duration_s: float,
               loudness_lufs: float = -16.0) -> RenderStats:
        """Write the arrangement as a 16-bit stereo WAV exactly `duration_s` long.

        The mix is made PIECE_S at a time, twice: once K-weighted (one running filter) to measure its
        loudness (`GatedMeter`), once to write it at the gain that loudness asks for. Memory stays that of
        a piece (and of a synthesizer per job), however long the video; the samples written are those of
        mixing, measuring and finishing the whole at once.

        Args:
            arrangement: the composed piece; wav_path: where to write (replaced atomically).
            duration_s: length of the result; loudness_lufs: integrated loudness target.
        Returns:
            Which sections were synthesized now and which came from the cache.
        """
        import time

        import soundfile as sf

        t0 = time.perf_counter()
        stems = section_stems(arrangement)
        todo = [s for s in stems if not self._path(s).is_file()]
        if todo:
            self._synthesize(todo)
        n = int(round(duration_s * self.sample_rate))
        piece = int(PIECE_S * self.sample_rate)
        pieces = [(a, min(n, a + piece)) for a in range(0, n, piece)]
        # the loudness of the fitted mix (cut at the end, 50 ms fade), as `render.render` measures it;
        # the gain of the previous render is held at the same target (see v2m.tools.audio.loudness)
        placed = self._placed(stems)
        meter, kf = GatedMeter(n, self.sample_rate), KFilter(self.sample_rate)
        for a, b in pieces:
            meter.push(kf(fade_end(self._mix(placed, n, a, b), a, n, self.sample_rate)))
        held = self.last_gain_db if self.last_target == loudness_lufs else None
        gain = held_or_stepped_db(meter.loudness(), loudness_lufs, held)
        self.last_gain_db, self.last_target = gain, loudness_lufs
        wav_path = Path(wav_path)
        tmp = wav_path.with_name(f".{wav_path.name}.{os.getpid()}.tmp.wav")
        with sf.SoundFile(str(tmp), "w", samplerate=self.sample_rate, channels=2, subtype="PCM_16",
                          format="WAV") as f:
            for a, b in pieces:
                f.write(finish_piece(self._mix(placed, n, a, b), a, n, self.sample_rate, gain))
        os.replace(tmp, wav_path)
        done = {s.index for s in todo}
        return RenderStats(rendered=sorted(done), reused=[s.index for s in stems if s.index not in done],
                           seconds=round(time.perf_counter() - t0, 3))


def _read_frames(path: Path, a: int, b: int) -> np.ndarray:
    """Frames a..b of a cached section, read from disk (not memory-mapped: mapped pages would stay
    counted in the process's resident memory)."""
    with open(path, "rb") as f:
        f.seek(a * FRAME_BYTES)
        return np.fromfile(f, dtype=np.float32, count=(b - a) * 2).reshape(b - a, 2)
