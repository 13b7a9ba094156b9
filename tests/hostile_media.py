"""Odd and hostile media built on the spot, each with the truth it was built with.

    from hostile_media import Clip, write
    truth = write("x.avi", Clip(codec="msmpeg4", fmt="avi", cuts=(12, 30)))
    truth.cut_times_s, truth.first_s, truth.end_s     # presentation times of the written picture

A clip is shots of flat colours with a moving bar, so a cut is unmistakable; every frame's presentation
time is chosen here (start offset, variable frame rate), and the truth holds those times exactly as
written, so the analysis and the mux are graded against the builder, never against v2m's own decoding.
Helpers below damage files (truncate, corrupt the middle) the way disks and downloads do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy as np
from v2m.tools.audio.container import decoded_frames

COLOURS = [(200, 40, 40), (40, 160, 60), (40, 60, 200), (220, 200, 40), (150, 40, 160), (30, 170, 170)]
BIG_PIXELS = 2_000_000
PIX = {"gif": "rgb8", "cinepak": "rgb24", "mjpeg": "yuvj420p", "png": "rgb24", "qtrle": "rgb24",
       "huffyuv": "yuv422p", "prores": "yuv422p10le", "ffv1": "yuv420p"}


@dataclass(frozen=True)
class Clip:
    """How to build one clip."""

    codec: str = "libx264"
    fmt: str = "mp4"
    frames: int = 50
    fps: int = 25
    size: tuple[int, int] = (96, 64)
    cuts: tuple[int, ...] = (20,)          # frames where a new shot starts
    start_s: float = 0.0                   # presentation time of the first frame
    vfr: bool = False                      # frame durations alternate 1 and 2 ticks of 1/(2 fps)
    pix_fmt: str | None = None
    bframes: int = 0
    audio_channels: int = 0                # 0 = no audio stream
    audio_rate: int = 44100
    audio_codec: str = "aac"
    extra_video: bool = False              # a second video stream
    options: dict = field(default_factory=dict)
    black_first: bool = False              # frame 0 is black (a leader), not a cut
    flash_at: int | None = None            # a white frame (a flash), not a cut
    rotate: int = 0                        # display rotation metadata in degrees


@dataclass
class Truth:
    times_s: list[float]                   # every frame's presentation time as written
    cut_frames: list[int]
    end_s: float                           # when the last frame stops showing
    intact: bool = True                    # False once the file was damaged: only the start is known

    @property
    def first_s(self) -> float:
        return self.times_s[0]

    @property
    def cut_times_s(self) -> list[float]:
        """Cut times on the picture's own clock (0 = the first picture)."""
        return [round(self.times_s[c] - self.first_s, 6) for c in self.cut_frames]

    @property
    def length_s(self) -> float:
        return self.end_s - self.first_s


def _picture(i: int, shot: int, w: int, h: int, clip: Clip) -> np.ndarray:
    img = np.empty((h, w, 3), np.uint8)
    img[:] = COLOURS[shot % len(COLOURS)]
    bar, step = max(1, w // 16), max(1, w // 32)  # a bar moving across, in proportion to the picture
    x = (i * step) % max(1, w - bar)
    img[:, x:x + bar] = 255 - np.array(COLOURS[shot % len(COLOURS)], np.uint8)
    if clip.black_first and i == 0:
        img[:] = 0
    if clip.flash_at is not None and i == clip.flash_at:
        img[:] = 250
    return img


def write(path: str | Path, clip: Clip) -> Truth:
    """Write `clip` to `path`; returns the truth it was built with."""
    import av

    w, h = clip.size
    tick = Fraction(1, clip.fps * (2 if clip.vfr else 1))  # VFR needs half-frame ticks
    times, pts = [], round(clip.start_s / tick)
    with av.open(str(path), "w", format=clip.fmt) as out:
        vs = out.add_stream(clip.codec, rate=clip.fps)
        vs.width, vs.height = w, h
        vs.pix_fmt = clip.pix_fmt or PIX.get(clip.codec, "yuv420p")
        vs.codec_context.time_base = tick
        if clip.bframes:
            vs.codec_context.max_b_frames = clip.bframes
        vs.options = dict(clip.options)
        if clip.codec in ("msmpeg4", "msmpeg4v2", "mpeg4", "wmv2", "flv", "mpeg2video", "mpeg1video", "h263"):
            vs.bit_rate = 3_000_000  # the default 200 kb/s makes these old codecs flicker like cuts
        if clip.rotate:
            vs.metadata["rotate"] = str(clip.rotate)
        extra = None
        if clip.extra_video:
            extra = out.add_stream("mpeg4", rate=clip.fps)
            extra.width, extra.height, extra.pix_fmt = 32, 32, "yuv420p"
            extra.codec_context.time_base = tick
        aus = None
        if clip.audio_channels:
            layout = {1: "mono", 2: "stereo", 6: "5.1"}[clip.audio_channels]
            aus = out.add_stream(clip.audio_codec, rate=clip.audio_rate, layout=layout)
        shot = 0
        for i in range(clip.frames):
            shot += i in clip.cuts
            k = 8 if w * h > BIG_PIXELS else 1  # huge frames: drawn small, scaled up by FFmpeg (seconds, not minutes)
            img = _picture(i, shot, w // k, h // k, clip)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            if vs.pix_fmt != "rgb24" or k > 1:
                frame = frame.reformat(width=w, height=h, format=vs.pix_fmt)
            frame.pts, frame.time_base = pts, tick
            times.append(float(pts * tick))
            out.mux(vs.encode(frame))
            if extra is not None:
                small = av.VideoFrame.from_ndarray(np.full((32, 32, 3), 99, np.uint8), format="rgb24")
                small = small.reformat(format="yuv420p")
                small.pts, small.time_base = pts, tick
                out.mux(extra.encode(small))
            pts += (1 + (i % 2)) if clip.vfr else 1
        out.mux(vs.encode(None))
        if extra is not None:
            out.mux(extra.encode(None))
        if aus is not None:
            _write_audio(out, aus, clip, float(pts * tick))
    return Truth(times, [c for c in clip.cuts if 0 < c < clip.frames], float(pts * tick))


def write_sequence(folder: Path, clip: Clip, name: str = "frame_%03d.png", start: int = 1,
                   sizes: dict[int, tuple[int, int]] | None = None) -> Truth:
    """Write `clip`'s pictures as numbered images (`name` printf-style, numbered from `start`; image i at
    `sizes[i]` when given); the truth is one picture every 1/fps s from 0, as an image sequence is shown."""
    import av

    folder.mkdir(parents=True, exist_ok=True)
    shot = 0
    codec = {".png": ("png", "rgb24"), ".jpg": ("mjpeg", "yuvj420p"), ".bmp": ("bmp", "bgr24")}[Path(name).suffix]
    for i in range(clip.frames):
        shot += i in clip.cuts
        w, h = (sizes or {}).get(i, clip.size)
        frame = av.VideoFrame.from_ndarray(_picture(i, shot, w, h, clip), format="rgb24")
        with av.open(str(folder / (name % (start + i))), "w", format="image2") as out:
            s = out.add_stream(codec[0], rate=1)
            s.width, s.height, s.pix_fmt = w, h, codec[1]
            out.mux(s.encode(frame.reformat(format=codec[1])))
            out.mux(s.encode(None))
    times = [i / clip.fps for i in range(clip.frames)]
    return Truth(times, [c for c in clip.cuts if 0 < c < clip.frames], clip.frames / clip.fps)


def _write_audio(out, aus, clip: Clip, end_s: float) -> None:
    import av

    sr, ch = clip.audio_rate, clip.audio_channels
    start = int(clip.start_s * sr)
    n = int(end_s * sr) - start
    t = np.arange(n) / sr
    sig = (0.2 * np.sin(2 * np.pi * 330 * t)).astype(np.float32)
    planar = np.repeat(sig[None], ch, axis=0)
    fsize = aus.codec_context.frame_size or 1024
    layout = aus.layout.name
    for j in range(0, n, fsize):
        fr = av.AudioFrame.from_ndarray(np.ascontiguousarray(planar[:, j:j + fsize]), format="fltp", layout=layout)
        fr.sample_rate, fr.pts, fr.time_base = sr, start + j, Fraction(1, sr)
        out.mux(aus.encode(fr))
    out.mux(aus.encode(None))


def truncate(path: Path, fraction: float) -> Path:
    """Cut the file after `fraction` of its bytes (a download that stopped)."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def corrupt_middle(path: Path, start: float = 0.4, end: float = 0.6, seed: int = 1) -> Path:
    """Overwrite the bytes between `start` and `end` (fractions of the file) with noise (a bad sector)."""
    data = bytearray(path.read_bytes())
    a, b = int(len(data) * start), int(len(data) * end)
    data[a:b] = np.random.default_rng(seed).integers(0, 256, b - a, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))
    return path


def write_image(path: Path, size: tuple[int, int], codec: str | None = None) -> Path:
    """A still image of `size` (PNG or JPEG by suffix unless `codec` says)."""
    import av

    w, h = size
    img = np.empty((h, w, 3), np.uint8)  # a two-way gradient, built without full-size temporaries
    img[:, :, 0] = np.linspace(0, 255, w).astype(np.uint8)[None, :]
    img[:, :, 1] = np.linspace(0, 255, h).astype(np.uint8)[:, None]
    img[:, :, 2] = 90
    frame = av.VideoFrame.from_ndarray(img, format="rgb24")
    codec = codec or {".png": "png", ".jpg": "mjpeg", ".jpeg": "mjpeg", ".bmp": "bmp"}[path.suffix.lower()]
    with av.open(str(path), "w", format="image2") as out:
        s = out.add_stream(codec, rate=1)
        s.width, s.height = w, h
        s.pix_fmt = {"png": "rgb24", "mjpeg": "yuvj420p", "bmp": "bgr24"}[codec]
        out.mux(s.encode(frame.reformat(format=s.pix_fmt)))
        out.mux(s.encode(None))
    return path


@dataclass
class Scored:
    """What a scored file holds, measured by decoding it (not by asking v2m)."""

    picture_s: list[float]                 # every shown frame's presentation time
    picture_end_s: float
    audio_start_s: float
    audio_len_s: float
    onset_s: float | None                  # first music sample above the noise floor
    sample_rate: int
    audio: np.ndarray                      # mono, for accent checks


def measure(path: Path, floor: float = 0.01) -> Scored:
    """Decode a scored video: its picture's presentation times and its music's start, length and onset."""
    import av

    with av.open(str(path)) as c:
        vs = c.streams.video[0]
        times, end = [], 0.0
        for f in decoded_frames(c, vs):
            times.append(float(f.pts * f.time_base))
            dur = float(f.duration * f.time_base) if getattr(f, "duration", None) else 0.0
            end = max(end, times[-1] + dur)
    with av.open(str(path)) as c:
        a = c.streams.audio[0]
        chunks, start, sr = [], None, a.codec_context.sample_rate
        for f in decoded_frames(c, a):
            if start is None:
                start = float(f.pts * f.time_base)
            chunks.append(f.to_ndarray().mean(axis=0) if f.format.is_planar else f.to_ndarray().reshape(-1, f.layout.nb_channels).mean(axis=1))
    mono = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    loud = np.flatnonzero(np.abs(mono) > floor)
    onset = start + loud[0] / sr if len(loud) else None
    times.sort()
    if times and end <= times[-1]:
        end = times[-1] + (times[-1] - times[-2] if len(times) > 1 else 0.04)
    return Scored(times, end, start or 0.0, len(mono) / sr, onset, sr, mono)


def accent_strength(scored: Scored, time_s: float, within_s: float, around_s: float = 0.3,
                    hop_s: float = 0.005) -> float:
    """How sharply the music's loudness rises within `within_s` of `time_s`, against the sharpest rise
    within `around_s` of it (1.0 = the strongest attack around there starts on time; music a frame
    late or early scores well below)."""
    hop = max(1, int(scored.sample_rate * hop_s))
    x = scored.audio[: len(scored.audio) // hop * hop].reshape(-1, hop)
    level = np.log(np.sqrt((x.astype(np.float64) ** 2).mean(axis=1)) + 1e-4)
    rise = np.maximum(0.0, np.diff(level))
    t = (np.arange(len(rise)) + 1) * hop_s + scored.audio_start_s
    near = rise[np.abs(t - time_s) <= within_s]
    # the reference: the sharpest rise around it, leaving out the piece's own first attack
    around = rise[(np.abs(t - time_s) <= around_s) & (t > scored.audio_start_s + within_s)]
    top = around.max() if len(around) else 0.0
    return float(near.max() / top) if len(near) and top > 0 else 0.0
