"""Which container the scored video is written in, decided before any work from the input's video codec.

    from v2m.tools.audio.container import choose_container, scored_name
    c = choose_container("old.avi")      # Container(ext=".mkv", reencode=False, warning=None)
    scored_name("old.avi")               # "old.scored.mkv"

The picture is copied packet for packet whenever some container can hold its codec: MP4 first (it plays
everywhere), else Matroska, else QuickTime. Only when none can (MS-MPEG4 v2, WMV, FLV, HuffYUV ...) or the
input is an animation (GIF, APNG, animated WebP) is the picture re-encoded once as H.264, with a warning
the user sees. Re-encoded pictures and stills are scaled to fit `MAX_WIDTH` x `MAX_HEIGHT`, so an
8000x8000 image costs seconds, not minutes and gigabytes. The re-encode keeps every frame's presentation
time, so variable frame rate and start offsets survive it.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from v2m.tools.errors import InputError, V2MError

FORMATS = {".mp4": "mp4", ".mkv": "matroska", ".mov": "mov"}   # output suffix -> FFmpeg muxer
ANIMATION_CODECS = {"gif", "apng", "webp"}  # palette animations: players expect them as ordinary video
RAW_CODECS = {"rawvideo"}                   # uncompressed: gigabytes, and few players read it in MKV
MAX_WIDTH, MAX_HEIGHT = 1920, 1080          # the largest picture v2m encodes (either orientation)
ENCODER = "libx264"
ENCODER_OPTIONS = {"preset": "veryfast", "crf": "20"}


@dataclass(frozen=True)
class Container:
    """Where the scored video goes: its suffix, and whether the picture must be re-encoded."""

    ext: str
    reencode: bool = False
    warning: str | None = None


def can_carry(fmt: str, stream) -> bool:
    """True when FFmpeg's `fmt` muxer accepts a copy of `stream` (a header written to memory)."""
    import av

    try:
        with av.open(io.BytesIO(), "w", format=fmt) as out:
            out.add_stream_from_template(stream)
            out.start_encoding()
    except (av.FFmpegError, ValueError, NotImplementedError):
        return False
    return True


def choose_container(video_path: str | os.PathLike) -> Container:
    """The output container for scoring `video_path` (see the module docstring for the order).

    Raises:
        InputError: the file cannot be opened or has no video stream.
    """
    import av

    try:
        with av.open(str(video_path)) as src:
            if not src.streams.video:
                what = "audio-only file, no video stream" if src.streams.audio else "no video stream"
                raise InputError(f"{video_path}: {what} to lay music onto")
            stream = src.streams.video[0]
            codec = stream.codec_context.name
            if codec in ANIMATION_CODECS or src.format.name in ("image2", "png_pipe", "jpeg_pipe", "bmp_pipe",
                                                                 "webp_pipe", "tiff_pipe"):
                return Container(".mp4", reencode=codec in ANIMATION_CODECS)  # stills are encoded anyway
            if codec in RAW_CODECS:
                return Container(".mp4", reencode=True, warning="uncompressed video: the picture was encoded as H.264")
            for ext, fmt in FORMATS.items():
                if can_carry(fmt, stream):
                    return Container(ext)
    except av.FFmpegError as e:
        raise InputError(f"{video_path}: not a readable video ({e.strerror or e})") from None
    return Container(".mp4", reencode=True,
                     warning=f"no container can copy {codec} video; the picture was re-encoded as H.264")


def scored_name(video_path: str | os.PathLike, container: Container | None = None) -> str:
    """`<stem>.scored.<ext>`, the file name of the scored video."""
    container = container or choose_container(video_path)
    return f"{Path(video_path).stem}.scored{container.ext}"


def fit_size(width: int, height: int) -> tuple[int, int]:
    """The encoded size: within MAX_WIDTH x MAX_HEIGHT (or its transpose), aspect kept, even, >= 2x2."""
    long_max, short_max = max(MAX_WIDTH, MAX_HEIGHT), min(MAX_WIDTH, MAX_HEIGHT)
    big, small = max(width, height), min(width, height)
    scale = min(1.0, long_max / max(big, 1), short_max / max(small, 1))
    w, h = max(2, int(width * scale)), max(2, int(height * scale))
    return w - w % 2, h - h % 2


def _encoder(out, size: tuple[int, int], rate: Fraction | int, time_base: Fraction | None = None):
    s = out.add_stream(ENCODER, rate=rate)
    s.width, s.height = size
    s.pix_fmt = "yuv420p"
    s.options = dict(ENCODER_OPTIONS)
    if time_base is not None:
        s.codec_context.time_base = time_base
    return s


def reencode_video(video_path: str | os.PathLike, out_path: str | os.PathLike) -> Path:
    """Re-encode the first video stream of `video_path` as H.264 MP4 at `fit_size`, keeping each frame's
    presentation time (start offset and variable frame rate survive). Written beside, then renamed.

    Raises:
        V2MError: nothing could be decoded or FFmpeg failed.
    """
    import av

    try:
        with av.open(str(video_path)) as src:
            vin = src.streams.video[0]
            vin.thread_type = "AUTO"
            return encode_frames(decoded_frames(src, vin), out_path, vin.average_rate or vin.guessed_rate or 25,
                                 vin.time_base or Fraction(1, 1000), Path(video_path).name)
    except av.FFmpegError as e:
        raise V2MError(f"could not re-encode {Path(video_path).name}: {e}") from None


def encode_frames(frames, out_path: str | os.PathLike, rate: Fraction | int, time_base: Fraction,
                  name: str) -> Path:
    """Encode decoded `frames` (their pts in `time_base`) as an H.264 MP4 at the first frame's `fit_size`:
    the one picture encoder for GIFs, codecs no container copies and image sequences. Written beside, then
    renamed; `name` is what the errors call the source.

    Raises:
        V2MError: no frame came, or FFmpeg failed.
    """
    import av

    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.part")
    written = 0
    try:
        with av.open(str(tmp), "w", format="mp4") as out:
            stream, last, size = None, None, None
            for frame in frames:
                if stream is None:
                    size = fit_size(frame.width, frame.height)
                    stream = _encoder(out, size, rate, time_base)
                pts = frame.pts if frame.pts is not None else (0 if last is None else last + 1)
                if last is not None and pts <= last:
                    continue  # a repeated or backwards timestamp: the frame is not shown
                img = frame.reformat(width=size[0], height=size[1], format="yuv420p")
                img.pts, img.time_base, last = pts, time_base, pts
                out.mux(stream.encode(img))
                written += 1
            if stream is not None:
                out.mux(stream.encode(None))
        if not written:
            raise V2MError(f"{name}: no frame could be decoded to re-encode")
        os.replace(tmp, out_path)
    except av.FFmpegError as e:
        raise V2MError(f"could not re-encode {name}: {e}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return out_path


def decoded_frames(src, stream):
    """Decoded frames of `stream` in `src`, skipping packets the decoder rejects (a corrupt middle is not
    the end)."""
    import av

    for packet in src.demux(stream):
        try:
            yield from packet.decode()
        except av.FFmpegError:
            continue


def still_clip(image_path: str | os.PathLike, out_path: str | os.PathLike, duration_s: float, fps: int = 25) -> Path:
    """Encode a still image, scaled by `fit_size`, as an H.264 MP4 lasting `duration_s`."""
    import av

    with av.open(str(image_path)) as c:
        frame = next(c.decode(video=0))
    size = fit_size(frame.width, frame.height)
    img = frame.reformat(width=size[0], height=size[1], format="yuv420p")
    n = max(1, round(duration_s * fps))
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.part")
    try:
        with av.open(str(tmp), "w", format="mp4") as out:
            s = _encoder(out, size, fps)
            s.options = {**ENCODER_OPTIONS, "tune": "stillimage"}
            for i in range(n):
                img.pts = i
                out.mux(s.encode(img))
            out.mux(s.encode(None))
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path
