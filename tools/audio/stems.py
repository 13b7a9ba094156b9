"""Incremental rendering: each section of an arrangement is synthesized on its own (with its release
tail) and the sections are overlap-added, so a chat turn re-renders only the sections whose notes changed.

    from v2m.tools.audio.stems import StemRenderer
    r = StemRenderer(cache_dir)                       # per-section audio cached by a hash of its notes
    stats = r.render(arrangement, "score.wav", duration_s=10.0, loudness_lufs=-16.0)
    stats.rendered, stats.reused                      # section indices synthesized now / taken from cache

Why it sums correctly: FluidSynth is linear (voices, reverb and chorus add), so the sum of sections
rendered apart equals the piece rendered whole, except for voice stealing, which per-section rendering
only reduces. A section's key is its notes in seconds from its own start, its programs and channels,
the soundfont and the sample rate: an edit elsewhere (even one that renumbers sections) leaves it valid.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from v2m.tools.audio.loudness import GatedMeter, fade_end, finish_piece, held_or_stepped_db, k_weight
from v2m.tools.audio.render import (
    GAIN,
    POLYPHONY,
    SYNTH_OPTIONS,
    find_soundfont,
    finish_fluidsynth,
    fluidsynth_exe,
    start_fluidsynth,
)
from v2m.tools.gm import DRUM_CHANNEL
from v2m.tools.music.midi import CHANNEL_VOLUME
from v2m.tools.music.tempo_map import swing_beat

TAIL_S = 2.0            # rendered after a section's last note-off, so releases and reverb ring out
TICKS_PER_S = 1920      # MIDI written at 120 BPM with 960 ticks per beat: one second is 1920 ticks
JOBS = 2                # FluidSynth processes at once (one core each)
KEY_VERSION = "stems-4"  # bump when the per-section MIDI or the synthesizer settings change
K_TAIL_S = 0.3           # the K-weighting filters ring this long after a section's audio ends
PIECE_S = 10.0           # the mix is made, measured and written this many seconds at a time


@dataclass
class Stem:
    """One section's performance: MIDI events in seconds from `origin_s`."""

    index: int
    origin_s: float
    programs: tuple          # (role, program, is_drum) of each part that plays here, sorted
    events: tuple            # (index into programs, pitch, velocity, on_s, off_s), relative to origin_s

    def key(self, extra: str) -> str:
        h = hashlib.sha1(f"{KEY_VERSION}|{extra}|{self.programs}|{self.events}".encode())
        return h.hexdigest()[:20]


@dataclass
class RenderStats:
    rendered: list[int] = field(default_factory=list)
    reused: list[int] = field(default_factory=list)
    seconds: float = 0.0


def section_stems(arrangement) -> list[Stem]:
    """Split an arrangement into per-section stems, timed in seconds as `write_midi` performs them.

    Args:
        arrangement: a `v2m.tools.arrangement.Arrangement` (parts of notes on a tempo map, with swing).
    Returns:
        One Stem per section that has notes, in section order.
    """
    tmap = arrangement.tempo_map
    end_s = tmap.duration_s
    by_section: dict[int, list] = {}
    for part in arrangement.parts:
        # a part is named by what it sounds like, not by its MIDI channel: adding a role elsewhere
        # renumbers channels but leaves this section's sound, and its cache entry, as it was
        voice = (part.role, part.program, part.is_drum)
        for n in part.notes:
            on = tmap.beat_to_s(swing_beat(n.start, arrangement.swing, arrangement.swing_unit))
            off = tmap.beat_to_s(swing_beat(n.start + n.dur, arrangement.swing, arrangement.swing_unit))
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
        # The CC11 swells of score.mid are not rendered here: the build-up into a climax depends on the
        # neighbouring sections' energy, and an edit there must not re-render (or change) this section.
        stems.append(Stem(i, origin, voices, rel))
    return stems


def write_stem_midi(stem: Stem, path: Path) -> Path:
    """A type-0 MIDI file of one stem at 120 BPM, with silence after the last note for the release tail."""
    import mido

    free = iter(c for c in range(16) if c != DRUM_CHANNEL)
    chans = [DRUM_CHANNEL if is_drum else next(free, 15) for _, _, is_drum in stem.programs]
    msgs = []
    for ch, (_, program, is_drum) in zip(chans, stem.programs):
        msgs.append((0, 0, mido.Message("program_change", channel=ch, program=program)))
        if not is_drum:  # the same reverb send, channel volume and swells as the full-score MIDI
            msgs.append((0, 0, mido.Message("control_change", channel=ch, control=91, value=40)))
            msgs.append((0, 0, mido.Message("control_change", channel=ch, control=7, value=CHANNEL_VOLUME)))
    for v, pitch, vel, on, off in stem.events:
        ch = chans[v]
        t_on, t_off = int(round(on * TICKS_PER_S)), int(round(off * TICKS_PER_S))
        msgs.append((t_on, 2, mido.Message("note_on", channel=ch, note=pitch, velocity=vel)))
        msgs.append((max(t_off, t_on + 1), 1, mido.Message("note_off", channel=ch, note=pitch, velocity=0)))
    msgs.sort(key=lambda m: (m[0], m[1]))
    track = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=500_000, time=0)])
    now = 0
    for tick, _, msg in msgs:
        track.append(msg.copy(time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=int(TAIL_S * TICKS_PER_S)))
    mid = mido.MidiFile(type=0, ticks_per_beat=960)
    mid.tracks.append(track)
    mid.save(str(path))
    return path


class StemRenderer:
    """Renders arrangements section by section, keeping each section's audio in `cache_dir`."""

    def __init__(self, cache_dir: str | Path, *, soundfont: str | Path | None = None, sample_rate: int = 44100):
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.sf2 = find_soundfont(soundfont)
        self.sample_rate = sample_rate
        self.exe = fluidsynth_exe()
        self.last_gain_db: float | None = None
        self.last_target: float | None = None
        self._extra = f"{self.sf2.resolve()}|{self.sf2.stat().st_size}|{sample_rate}|{GAIN}|{POLYPHONY}|{SYNTH_OPTIONS}"

    def _path(self, stem: Stem) -> Path:
        return self.cache_dir / f"{stem.key(self._extra)}.npy"

    def _synthesize(self, todo: list[Stem]) -> None:
        """Render the stems not in the cache, JOBS FluidSynth processes at a time."""
        with tempfile.TemporaryDirectory(dir=self.cache_dir) as tmp:
            tmp = Path(tmp)
            for start in range(0, len(todo), JOBS):
                procs = []
                for stem in todo[start:start + JOBS]:
                    mid = write_stem_midi(stem, tmp / f"s{stem.index}.mid")
                    raw = tmp / f"s{stem.index}.wav"
                    procs.append((stem, raw, start_fluidsynth(self.exe, self.sf2, mid, raw,
                                                              sample_rate=self.sample_rate)))
                for stem, raw, proc in procs:
                    audio = finish_fluidsynth(proc, raw, f"section {stem.index}")
                    dest = self._path(stem)
                    part = dest.with_suffix(f".{os.getpid()}.tmp.npy")
                    np.save(part, audio)
                    os.replace(part, dest)  # a killed render never leaves half a cache entry

    def _k_path(self, stem: Stem) -> Path:
        return self._path(stem).with_suffix(".k.npy")

    def _k_stem(self, stem: Stem) -> None:
        """Cache the stem's K-weighted audio (with the filters' own tail) unless it is there."""
        path = self._k_path(stem)
        if path.is_file():
            return
        audio = np.load(self._path(stem))
        pad = np.zeros((int(K_TAIL_S * self.sample_rate), audio.shape[1]), audio.dtype)
        kx = k_weight(np.concatenate([audio, pad]), self.sample_rate).astype(np.float32)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, kx)
        os.replace(tmp, path)

    def mix(self, stems: list[Stem], n_samples: int, *, k: bool = False, start: int = 0,
            stop: int | None = None) -> np.ndarray:
        """Overlap-add the stems' audio (or, with k, their K-weighted audio) at their start times: samples
        start..stop of an n_samples-long mix (all of it by default). Only those samples of each stem are
        read from the cache, so a piece costs memory for the piece alone."""
        stop = n_samples if stop is None else stop
        out = np.zeros((stop - start, 2), np.float32)
        for stem in stems:
            if k:
                self._k_stem(stem)
            path = self._k_path(stem) if k else self._path(stem)
            a = int(round(stem.origin_s * self.sample_rate))
            if a >= n_samples:
                continue
            lo, hi = max(start, a), min(stop, n_samples, a + _npy_rows(path))
            if lo < hi:
                out[lo - start:hi - start] += _read_rows(path, lo - a, hi - a)[:, :2]
        return out

    def render(self, arrangement, wav_path: str | Path, *, duration_s: float,
               loudness_lufs: float = -16.0) -> RenderStats:
        """Write the arrangement as a 16-bit stereo WAV exactly `duration_s` long.

        The mix is made PIECE_S at a time, twice: once K-weighted to measure its loudness (`GatedMeter`),
        once to write it at the gain that loudness asks for. Memory stays that of a piece (and of one
        section while it is synthesized), however long the video; the samples written are those of
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
        # the loudness of the fitted mix (cut at the end, 50 ms fade) from the cached K-weighted sections;
        # the gain of the previous render is held at the same target (see v2m.tools.audio.loudness)
        meter = GatedMeter(n, self.sample_rate)
        for a, b in pieces:
            meter.push(fade_end(self.mix(stems, n, k=True, start=a, stop=b), a, n, self.sample_rate))
        held = self.last_gain_db if self.last_target == loudness_lufs else None
        gain = held_or_stepped_db(meter.loudness(), loudness_lufs, held)
        self.last_gain_db, self.last_target = gain, loudness_lufs
        wav_path = Path(wav_path)
        tmp = wav_path.with_name(f".{wav_path.name}.{os.getpid()}.tmp.wav")
        with sf.SoundFile(str(tmp), "w", samplerate=self.sample_rate, channels=2, subtype="PCM_16",
                          format="WAV") as f:
            for a, b in pieces:
                f.write(finish_piece(self.mix(stems, n, start=a, stop=b), a, n, self.sample_rate, gain))
        os.replace(tmp, wav_path)
        done = {s.index for s in todo}
        return RenderStats(rendered=sorted(done), reused=[s.index for s in stems if s.index not in done],
                           seconds=round(time.perf_counter() - t0, 3))


def _npy_header(path: Path) -> tuple[int, tuple, np.dtype]:
    """(offset of the data, shape, dtype) of a C-ordered .npy file."""
    with open(path, "rb") as f:
        major, _ = np.lib.format.read_magic(f)
        read = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
        shape, _, dtype = read(f)
        return f.tell(), shape, dtype


def _npy_rows(path: Path) -> int:
    return _npy_header(path)[1][0]


def _read_rows(path: Path, a: int, b: int) -> np.ndarray:
    """Rows a..b of a 2-D .npy file, read from disk (not memory-mapped: mapped pages would stay counted
    in the process's resident memory)."""
    offset, shape, dtype = _npy_header(path)
    with open(path, "rb") as f:
        f.seek(offset + a * shape[1] * dtype.itemsize)
        return np.fromfile(f, dtype=dtype, count=(b - a) * shape[1]).reshape(b - a, shape[1])
