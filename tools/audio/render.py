"""Render MIDI to WAV with FluidSynth and a General MIDI soundfont, loudness-normalised, exactly as long as the video.

Why normalise: scores of different styles and densities come out of the synthesizer at very different
levels; a target integrated loudness (EBU R128 / ITU-R BS.1770 via pyloudnorm, -16 LUFS by default, the
usual level for online video) makes every result sit at the same level under the picture. Why exact
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

from v2m.tools.errors import InputError, MissingDependency

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
FADE_S = 0.05
POLYPHONY = 48  # voices per synthesizer process (two share the parts); oldest releasing voices are stolen first
POLYPHONY_JOBS = 2  # FluidSynth processes rendering groups of parts in parallel
PEAK_CEILING = 0.97  # about -0.26 dBFS: leave room for the AAC encoder


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


def integrated_loudness(audio: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness (LUFS) of float audio shaped (samples,) or (samples, channels); -inf if silent."""
    import pyloudnorm

    if len(audio) < int(0.4 * sample_rate):  # BS.1770 gates on 400 ms blocks; pad short clips with silence
        audio = np.concatenate([audio, np.zeros((int(0.4 * sample_rate) - len(audio) + 1, *audio.shape[1:]))])
    return float(pyloudnorm.Meter(sample_rate).integrated_loudness(audio))


def _soft_limit(audio: np.ndarray, ceiling: float = PEAK_CEILING) -> np.ndarray:
    """Keep peaks under the ceiling with a soft knee (tanh above 80% of it), leaving the body untouched."""
    knee = 0.8 * ceiling
    mag = np.abs(audio)
    over = mag > knee
    if not over.any():
        return audio
    out = audio.copy()
    out[over] = np.sign(audio[over]) * (knee + (ceiling - knee) * np.tanh((mag[over] - knee) / (ceiling - knee)))
    return out


def normalize_loudness(audio: np.ndarray, sample_rate: int, target_lufs: float = -16.0) -> np.ndarray:
    """Scale audio to a target integrated loudness, with a soft peak limit; silence stays silence.

    Args:
        audio: float samples; sample_rate: Hz; target_lufs: e.g. -16.0.
    Returns:
        The normalised audio (float, same precision as given).
    """
    audio = np.asarray(audio)
    if not np.issubdtype(audio.dtype, np.floating):
        audio = audio.astype(np.float64)
    lufs = integrated_loudness(audio, sample_rate)
    if not np.isfinite(lufs):
        return audio
    audio = audio * 10 ** ((target_lufs - lufs) / 20)
    # The limiter takes a little loudness off where it acts; make that up from the energy it removed
    # (cheap, and within a few tenths of an LU of re-measuring) and limit again.
    for _ in range(4):
        limited = _soft_limit(audio)
        e0, e1 = float(np.mean(audio**2)), float(np.mean(limited**2))
        if e1 >= 0.995 * e0 or e1 == 0:
            break
        audio = audio * np.sqrt(e0 / e1)
    return limited


def fit_length(audio: np.ndarray, n_samples: int, sample_rate: int, fade_s: float = FADE_S) -> np.ndarray:
    """Cut or pad (with silence) to exactly n_samples, with a short fade-out at the end."""
    if len(audio) >= n_samples:
        audio = audio[:n_samples].copy()
    else:
        audio = np.concatenate([audio, np.zeros((n_samples - len(audio), *audio.shape[1:]))])
    n_fade = min(n_samples, int(fade_s * sample_rate))
    if n_fade:
        ramp = np.linspace(1.0, 0.0, n_fade)
        audio[-n_fade:] *= ramp.reshape(-1, *([1] * (audio.ndim - 1)))
    return audio


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


def start_fluidsynth(exe: str, sf2: Path, midi: Path, wav: Path, *, sample_rate: int, gain: float,
                     polyphony: int, options: tuple[str, ...] = ()) -> subprocess.Popen:
    """Start one FluidSynth process rendering `midi` to a float WAV (collect it with `finish_fluidsynth`).

    Dynamic sample loading reads only the presets the file uses from the soundfont (0.1 s instead of
    0.4 s to start with FluidR3_GM, same samples out). `options` are extra `-o name=value` settings.
    """
    cmd = [exe, "-ni", "-q", "-F", str(wav), "-T", "wav", "-O", "float", "-r", str(sample_rate),
           "-g", str(gain), "-o", f"synth.polyphony={polyphony}", "-o", "synth.dynamic-sample-loading=1"]
    for opt in options:
        cmd += ["-o", opt]
    return subprocess.Popen([*cmd, str(sf2), str(midi)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish_fluidsynth(proc: subprocess.Popen, wav: Path, what: str) -> np.ndarray:
    """Wait for a `start_fluidsynth` process and read its WAV as float32 (samples, channels).

    Raises:
        V2MError: FluidSynth failed on `what`, with its last line of output.
    """
    import soundfile as sf

    from v2m.tools.errors import V2MError

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
        procs.append((raw, start_fluidsynth(exe, sf2, part, raw, sample_rate=sample_rate, gain=0.6,
                                            polyphony=POLYPHONY)))
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
        audio = fit_length(audio, n, sample_rate, fade_s=0.0)
        audio = normalize_loudness(audio, sample_rate, loudness_lufs)
        audio = fit_length(audio, n, sample_rate)
        out = Path(tmp) / "out.wav"
        sf.write(str(out), np.clip(audio, -1.0, 1.0), sample_rate, subtype="PCM_16")
        os.replace(out, wav_path)
    return wav_path
