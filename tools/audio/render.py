"""Render MIDI to WAV with FluidSynth and a General MIDI soundfont, loudness-normalised, exactly as long as the video.

Loudness is normalised to the plan's target by `v2m.tools.audio.loudness`, the same path the per-section
renderer (`v2m.tools.audio.stems`) takes, with the same synthesizer settings (GAIN, POLYPHONY,
SYNTH_OPTIONS), so both give the same music for the same notes. Why exact
length: the WAV is muxed onto the video, so it has exactly round(duration_s * sample_rate) samples, ends
with a short fade (no click) and no tail past the last frame.

    from v2m.tools.audio.render import render
    render("score.mid", "score.wav", duration_s=10.0)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from v2m.tools.audio.loudness import finish, fit_length, gain_db, k_weight
from v2m.tools.audio.loudness import integrated_loudness  # noqa: F401  (the one meter, also named here)
from v2m.tools.errors import InputError, MissingDependency, V2MError

# Best first: bigger, better-sampled GM banks before the small fallbacks.
SOUNDFONT_CANDIDATES = (
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/soundfonts/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/MuseScore_General.sf2",
    "/usr/share/sounds/sf3/MuseScore_General.sf3",
    "/usr/share/soundfonts/default.sf2",
    "/usr/share/sounds/sf2/default-GM.sf2",
    "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "/usr/share/sounds/sf2/FluidR3_GS.sf2",
    "/opt/homebrew/share/soundfonts/default.sf2",
    "/usr/local/share/soundfonts/default.sf2",
)
# One synthesizer configuration for the whole render and the per-section stems (`v2m.tools.audio.stems`):
# the same gain, voices and settings, so both make the same sound from the same notes.
GAIN = 0.6
POLYPHONY = 96  # voices per FluidSynth process; oldest releasing voices are stolen first
SYNTH_OPTIONS = ("synth.dynamic-sample-loading=1", "synth.lock-memory=0")
POLYPHONY_JOBS = 2  # FluidSynth processes rendering groups of parts in parallel


def find_soundfont(path: str | Path | None = None) -> Path:
    """The soundfont to render with.

    Args:
        path: an explicit .sf2/.sf3 file; else $V2M_SOUNDFONT; else the best one installed.
    Returns:
        Path of the soundfont.
    Raises:
        MissingDependency: none found (says how to install one).
    """
    for cand in (path, os.environ.get("V2M_SOUNDFONT")):
        if cand:
            p = Path(cand).expanduser()
            if not p.is_file():
                raise MissingDependency(f"soundfont {p} does not exist")
            with open(p, "rb") as f:
                head = f.read(12)
            if head[:4] != b"RIFF" or head[8:12] != b"sfbk":  # FluidSynth would render silence from it
                raise MissingDependency(f"{p} is not a SoundFont (.sf2/.sf3) file")
            return p
    for cand in SOUNDFONT_CANDIDATES:
        if Path(cand).is_file():
            return Path(cand)
    raise MissingDependency("no General MIDI soundfont found; install one (apt install fluid-soundfont-gm) "
                            "or set V2M_SOUNDFONT=/path/to/font.sf2")


def fluidsynth_exe() -> str:
    """Path of the fluidsynth program; MissingDependency saying how to install it when absent."""
    exe = shutil.which("fluidsynth")
    if not exe:
        raise MissingDependency("the fluidsynth synthesizer is not installed; install it (apt install fluidsynth "
                                "or brew install fluid-synth)")
    return exe


def _cost(track, ticks_per_beat: int) -> float:
    """Synthesis cost of a track: voice-beats sounding (a release tail of a beat each), not note count."""
    now, started, cost = 0, {}, 0.0
    for m in track:
        now += m.time
        if m.type == "note_on" and m.velocity:
            started[(m.channel, m.note)] = now
        elif m.type in ("note_off", "note_on"):
            t0 = started.pop((m.channel, m.note), None)
            if t0 is not None:
                cost += (now - t0) / ticks_per_beat + 1.0
    return cost


def _split_midi(midi_path: Path, tmp: Path, jobs: int) -> list[Path]:
    """Split a type-1 file's parts into `jobs` files (each with the conductor track), balanced by note count.

    Why: one FluidSynth process uses one core; synthesis is linear (reverb and chorus too), so rendering
    disjoint groups of parts in parallel and summing the audio gives the same mix in less wall time.
    """
    import mido

    mid = mido.MidiFile(str(midi_path))
    if mid.type != 1 or len(mid.tracks) < 3 or jobs < 2:
        return [midi_path]
    conductor, parts = mid.tracks[0], mid.tracks[1:]
    weight = [_cost(t, mid.ticks_per_beat) for t in parts]
    groups: list[list[int]] = [[] for _ in range(jobs)]
    load = [0] * jobs
    for i in sorted(range(len(parts)), key=lambda i: -weight[i]):
        g = load.index(min(load))
        groups[g].append(i)
        load[g] += weight[i]
    paths = []
    for g, members in enumerate(groups):
        if not members:
            continue
        out = mido.MidiFile(type=1, ticks_per_beat=mid.ticks_per_beat)
        out.tracks.append(conductor)
        out.tracks.extend(parts[i] for i in members)
        path = tmp / f"part{g}.mid"
        out.save(str(path))
        paths.append(path)
    return paths


def start_fluidsynth(exe: str, sf2: Path, midi: Path, wav: Path, *, sample_rate: int) -> subprocess.Popen:
    """Start one FluidSynth process rendering `midi` to a float WAV (collect it with `finish_fluidsynth`),
    with the one configuration (GAIN, POLYPHONY, SYNTH_OPTIONS).

    Dynamic sample loading reads only the presets the file uses from the soundfont (0.1 s instead of
    0.4 s to start with FluidR3_GM, same samples out).
    """
    cmd = [exe, "-ni", "-q", "-F", str(wav), "-T", "wav", "-O", "float", "-r", str(sample_rate),
           "-g", str(GAIN), "-o", f"synth.polyphony={POLYPHONY}"]
    for opt in SYNTH_OPTIONS:
        cmd += ["-o", opt]
    return subprocess.Popen([*cmd, str(sf2), str(midi)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_fluidsynth(proc: subprocess.Popen, wav: Path, what: str) -> np.ndarray:
    """Wait for a `start_fluidsynth` process and read its WAV as float32 (samples, channels).

    Raises:
        V2MError: FluidSynth failed on `what`, with its last line of output.
    """
    import soundfile as sf

    out, err = proc.communicate()
    if proc.returncode != 0 or not wav.is_file():
        msg = (err or out).strip().splitlines()
        raise V2MError(f"fluidsynth failed on {what}: {msg[-1] if msg else proc.returncode}")
    return sf.read(str(wav), dtype="float32", always_2d=True)[0]


def _synthesize(exe: str, sf2: Path, midi_path: Path, tmp: Path, sample_rate: int,
                jobs: int | None = None) -> np.ndarray:
    """Run FluidSynth (in parallel over `jobs` groups of parts) and return the summed float audio."""
    jobs = jobs or max(1, min(POLYPHONY_JOBS, os.cpu_count() or 1))
    procs = []
    for k, part in enumerate(_split_midi(midi_path, tmp, jobs)):
        raw = tmp / f"raw{k}.wav"
        procs.append((raw, start_fluidsynth(exe, sf2, part, raw, sample_rate=sample_rate)))
    outs = [finish_fluidsynth(proc, raw, midi_path.name) for raw, proc in procs]
    mix = np.zeros((max(len(a) for a in outs), outs[0].shape[1]), np.float32)
    for a in outs:
        mix[: len(a)] += a
    return mix


def render(midi_path: str | Path, wav_path: str | Path, *, duration_s: float, sample_rate: int = 44100,
           loudness_lufs: float = -16.0, soundfont: str | Path | None = None) -> Path:
    """Synthesize a MIDI file to a 16-bit stereo WAV.

    Args:
        midi_path: the MIDI file; wav_path: the WAV to write (replaced atomically).
        duration_s: exact length of the result; sample_rate: Hz; loudness_lufs: integrated loudness target.
        soundfont: a .sf2 file; default `find_soundfont()`.
    Returns:
        The WAV path.
    Raises:
        InputError: the MIDI file is missing; MissingDependency: no fluidsynth or soundfont;
        V2MError: the synthesizer failed.
    """
    import soundfile as sf


    midi_path, wav_path = Path(midi_path), Path(wav_path)
    if not midi_path.is_file():
        raise InputError(f"MIDI file {midi_path} does not exist")
    with open(midi_path, "rb") as f:
        if f.read(4) != b"MThd":
            raise InputError(f"{midi_path} is not a MIDI file")
    if duration_s <= 0:
        raise InputError(f"duration must be positive, got {duration_s}")
    if not wav_path.parent.is_dir() or not os.access(wav_path.parent, os.W_OK):
        raise InputError(f"cannot write {wav_path}: {wav_path.parent} is not a writable folder")
    sf2 = find_soundfont(soundfont)
    exe = fluidsynth_exe()
    with tempfile.TemporaryDirectory(dir=wav_path.parent) as tmp:
        audio = _synthesize(exe, sf2, midi_path, Path(tmp), sample_rate)
        n = int(round(duration_s * sample_rate))
        # the same path as the per-section renderer: measure the fitted mix K-weighted, gain, limit, fit
        mix = fit_length(audio, n, sample_rate, fade_s=0.0)
        gain = gain_db(fit_length(k_weight(mix, sample_rate), n, sample_rate), sample_rate, loudness_lufs)
        out = Path(tmp) / "out.wav"
        sf.write(str(out), finish(mix, n, sample_rate, gain), sample_rate, subtype="PCM_16")
        os.replace(out, wav_path)
    return wav_path
