"""FluidSynth inside this process (libfluidsynth through ctypes): timed MIDI events in, float audio out.

    from v2m.tools.audio.synth import Synthesizer, NOTE_ON, NOTE_OFF, PROGRAM, CONTROL
    synth = Synthesizer("FluidR3_GM.sf2", sample_rate=44100)
    events = [(0, PROGRAM, 0, 0, 0), (0, NOTE_ON, 0, 60, 100), (44100, NOTE_OFF, 0, 60, 0)]
    with open("out.f32", "wb") as f:
        frames = synth.perform(events, f.write)     # float32 stereo, interleaved, tail included

Events are (sample, kind, channel, data1, data2), sample counted from the performance's start; at the
same sample, programs come before controllers, controllers before note-offs, note-offs before note-ons
(the kinds' numeric order). Pitch bends take data1 as the 14-bit value (8192 = centre).

Why in process rather than the `fluidsynth` program once per section: the program costs a process start,
a soundfont scan, a MIDI file and a WAV file written and read back for every section; here a section costs
its synthesis. The same library, settings (GAIN, POLYPHONY, SYNTH_OPTIONS of `v2m.tools.audio.render`)
and soundfont, so the same sound.

Why a fresh synthesizer for every performance: FluidSynth's reverb and chorus keep modulator phases and
filter states that no MIDI reset clears, so a section played after another would differ (slightly) from
the same section played alone. A fresh synthesizer (about 20 ms: the soundfont's headers; samples are
loaded on first use) makes a performance a pure function of its events: the per-section cache is exact,
whoever rendered which sections in which order. Events start on FluidSynth's 64-sample blocks, counted
from the performance's own start, so that holds to the sample.

Why the library is made ready under a lock before anyone plays: FluidSynth sets up its module state (the
SF2 default modulators: velocity and CC7/CC11 to attenuation, pan, reverb and chorus sends, pitch bend) on
the first `new_fluid_synth` of a process, after marking it done (2.3: an atomic compare-and-swap, then the
setup). A synthesizer made on another thread in between copies the modulators unset and plays every note
at full velocity with no expression (a bikes jazz stem rendered so peaked 5.7 dB higher); the stem
renderer's first two sections start at once on two threads (tests/test_synth.py). `library()` makes and
deletes one synthesizer itself, under a lock, so every synthesizer after it is made from finished state.

Why the tail is measured, not fixed: after the last note-off, voices release and the reverb rings; the
performance goes on, TAIL_STEP samples at a time, until a step stays under TAIL_FLOOR
(about one 16-bit step), at most TAIL_MAX_S; that last step fades out, so a long ring is never cut with
a click. Most sections stop well before the limit, and the tail costs what it rings, not a fixed time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import glob
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from v2m.tools.audio.render import GAIN, POLYPHONY, SYNTH_OPTIONS
from v2m.tools.errors import MissingDependency, V2MError

PROGRAM, CONTROL, BEND, NOTE_OFF, NOTE_ON = range(5)   # event kinds, in the order they apply at one sample
BLOCK = 64              # FluidSynth renders (and applies events) in blocks of this many samples
TAIL_STEP = 2048        # the tail is rendered this many samples at a time ...
TAIL_FLOOR = 3e-5       # ... until a step peaks under this (-90 dBFS)
TAIL_MAX_S = 2.0        # a tail never runs longer than this after the last event
PIECE = 8192            # samples synthesized per call at most (the memory a performance holds)
LIBRARY_NAMES = ("libfluidsynth.so.3", "libfluidsynth.so.2", "libfluidsynth.3.dylib", "libfluidsynth.dylib",
                 "libfluidsynth-3.dll", "libfluidsynth-2.dll")
_FLUID_OK = 0
_NUM, _INT, _STR = 0, 1, 2   # fluid_settings_get_type()
_LOG_LEVELS = range(5)       # FLUID_PANIC .. FLUID_DBG: all silenced, failures are raised as V2MError


_LOADING = threading.Lock()   # the first caller loads and readies the library; the others wait for it


def library() -> ctypes.CDLL:
    """libfluidsynth, found by the system's search, then beside the `fluidsynth` program (Homebrew), ready for
    synthesizers on any thread (see the module docstring).

    Raises:
        MissingDependency: no library (says how to install it).
    """
    with _LOADING:
        return _library()


@functools.cache
def _library() -> ctypes.CDLL:
    names = [ctypes.util.find_library("fluidsynth"), *LIBRARY_NAMES]
    exe = shutil.which("fluidsynth")
    if exe:
        lib_dir = Path(exe).resolve().parent.parent / "lib"
        names += sorted(glob.glob(str(lib_dir / "libfluidsynth*")))
    for name in filter(None, names):
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    else:
        raise MissingDependency("the FluidSynth library (libfluidsynth) is not installed; install it "
                                "(apt install fluidsynth, or brew install fluid-synth)")
    p, i, d, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_char_p
    for name, res, args in (
            ("new_fluid_settings", p, []), ("delete_fluid_settings", None, [p]),
            ("fluid_settings_get_type", i, [p, s]), ("fluid_settings_setint", i, [p, s, i]),
            ("fluid_settings_setnum", i, [p, s, d]), ("fluid_settings_setstr", i, [p, s, s]),
            ("new_fluid_synth", p, [p]), ("delete_fluid_synth", None, [p]),
            ("fluid_synth_sfload", i, [p, s, i]), ("fluid_synth_program_change", i, [p, i, i]),
            ("fluid_synth_cc", i, [p, i, i, i]), ("fluid_synth_pitch_bend", i, [p, i, i]),
            ("fluid_synth_noteon", i, [p, i, i, i]), ("fluid_synth_noteoff", i, [p, i, i]),
            ("fluid_synth_get_active_voice_count", i, [p]),
            ("fluid_synth_write_float", i, [p, i, p, i, i, p, i, i]),
            ("fluid_set_log_function", p, [i, p, p])):
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    for level in _LOG_LEVELS:  # FluidSynth would print to stderr; v2m reports failures itself, in one line
        lib.fluid_set_log_function(level, None, None)
    settings = lib.new_fluid_settings()  # the process's first synthesizer, made here alone: FluidSynth's setup done
    lib.delete_fluid_synth(lib.new_fluid_synth(settings))
    lib.delete_fluid_settings(settings)
    return lib


@functools.cache
def _malloc_trim():
    """glibc's malloc_trim (None elsewhere)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None


def give_back_memory() -> None:
    """Return the freed heap to the system (glibc's malloc_trim; nothing elsewhere). Why: memory freed in
    small pieces stays resident as holes in glibc's heaps. Each synthesizer allocates about 12 MB of
    soundfont headers and frees them at its end: hundreds of sections (an hour of video) leave about
    0.1 MB a section. The analysis's decoder threads leave about 4 MB a minute of video (42 MB at ten
    minutes), which the stages after it would otherwise start from (see agent/stage_clock.py)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class Synthesizer:
    """One soundfont and one synthesizer configuration; `perform` plays an event list on a fresh synth.

    Args:
        soundfont: the .sf2/.sf3 file (see `v2m.tools.audio.render.find_soundfont`).
        sample_rate: Hz.
        settings: FluidSynth settings as "name=value" strings; default the renderers' one configuration.
    Raises:
        MissingDependency: no libfluidsynth; V2MError: a setting FluidSynth does not know.
    """

    def __init__(self, soundfont: str | Path, *, sample_rate: int = 44100, settings: tuple[str, ...] | None = None):
        self.lib = library()
        self.soundfont = os.fsencode(str(soundfont))
        self.sample_rate = sample_rate
        if settings is None:
            settings = (f"synth.gain={GAIN}", f"synth.polyphony={POLYPHONY}", *SYNTH_OPTIONS)
        self.settings = self.lib.new_fluid_settings()
        for item in (f"synth.sample-rate={float(sample_rate)}", *settings):
            self._set(*item.split("=", 1))

    def _set(self, name: str, value: str) -> None:
        key = name.encode()
        kind = self.lib.fluid_settings_get_type(self.settings, key)
        if kind == _NUM:
            ok = self.lib.fluid_settings_setnum(self.settings, key, float(value))
        elif kind == _INT:
            ok = self.lib.fluid_settings_setint(self.settings, key, int(value))
        elif kind == _STR:
            ok = self.lib.fluid_settings_setstr(self.settings, key, value.encode())
        else:
            ok = -1
        if ok != _FLUID_OK:
            raise V2MError(f"FluidSynth refused the setting {name}={value}")

    def __del__(self):
        settings, self.settings = getattr(self, "settings", None), None
        if settings:
            self.lib.delete_fluid_settings(settings)

    def perform(self, events: list[tuple[int, int, int, int, int]], write: Callable[[memoryview], object]) -> int:
        """Play `events` (see the module docstring) and pass the audio to `write` piece by piece, as
        float32 stereo interleaved bytes; memory holds one piece, however long the performance.

        Args:
            events: (sample, kind, channel, data1, data2), in any order.
            write: called with each piece (a file's write, say); the piece is reused after it returns.
        Returns:
            Frames written: up to the last event's block, then the measured tail.
        Raises:
            V2MError: FluidSynth could not be started or could not read the soundfont.
        """
        lib = self.lib
        synth = lib.new_fluid_synth(self.settings)
        if not synth:
            raise V2MError("FluidSynth could not start a synthesizer")
        try:
            if lib.fluid_synth_sfload(synth, self.soundfont, 1) < 0:
                raise V2MError(f"FluidSynth could not load the soundfont {os.fsdecode(self.soundfont)}")
            return self._play(synth, events, write)
        finally:
            lib.delete_fluid_synth(synth)
            give_back_memory()

    def _play(self, synth, events, write) -> int:
        lib = self.lib
        buf = np.zeros((PIECE, 2), np.float32)
        ptr = buf.ctypes.data
        done = 0

        def synthesize(frames: int) -> np.ndarray:
            """The next `frames` samples (at most PIECE, a multiple of BLOCK), in `buf`."""
            nonlocal done
            lib.fluid_synth_write_float(synth, frames, ptr, 0, 2, ptr, 1, 2)
            done += frames
            return buf[:frames]

        dispatch = {PROGRAM: lambda ch, a, b: lib.fluid_synth_program_change(synth, ch, a),
                    CONTROL: lambda ch, a, b: lib.fluid_synth_cc(synth, ch, a, b),
                    BEND: lambda ch, a, b: lib.fluid_synth_pitch_bend(synth, ch, a),
                    NOTE_OFF: lambda ch, a, b: lib.fluid_synth_noteoff(synth, ch, a),
                    NOTE_ON: lambda ch, a, b: lib.fluid_synth_noteon(synth, ch, a, b)}
        for sample, kind, ch, a, b in sorted(events):
            at = int(round(max(0, sample) / BLOCK)) * BLOCK  # the block edge nearest the event
            while at > done:
                write(memoryview(synthesize(min(at - done, PIECE))).cast("B"))
            dispatch[kind](ch, a, b)
        limit = done + int(TAIL_MAX_S * self.sample_rate) // TAIL_STEP * TAIL_STEP
        while done < limit:
            step = synthesize(TAIL_STEP)
            quiet = float(np.abs(step).max()) < TAIL_FLOOR
            if quiet or done >= limit:  # the last step fades out: a cut tail never clicks
                step *= np.linspace(1.0, 0.0, TAIL_STEP, dtype=np.float32)[:, None]
            write(memoryview(step).cast("B"))
            if quiet:
                break
        return done
