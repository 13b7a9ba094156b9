"""Lay the music onto the picture: copy the video stream untouched, encode the music as AAC.

    from v2m.tools.audio.mux import mux
    mux("clip.mp4", "score.wav", "clip.scored.mp4")            # original audio dropped
    mux("clip.mp4", "score.wav", "out.mp4", keep_audio=True)   # original audio mixed under the music

The video packets are copied, not re-encoded, so the picture is bit-for-bit the input's, into the
container the output's suffix names (.mp4, .mkv, .mov; `container.choose_container` picks it before any
work). A codec that container cannot hold, or a GIF, is re-encoded once as H.264. One time base: the
first picture the decoder shows (after a start offset, an edit list, B-frame reordering) is put at 0 and
the music starts there. A still image has no video stream to copy; `still_to_video` encodes it once
(H.264, scaled to a sane size) for as long as the music lasts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
from v2m.tools.audio.container import ANIMATION_CODECS, FORMATS, RAW_CODECS, can_carry, reencode_video, still_clip
from v2m.tools.errors import InputError, V2MError

AUDIO_CODEC = "aac"
AUDIO_BITRATE = 192_000
AAC_FRAME = 1024          # samples per AAC frame
ORIGINAL_AUDIO_GAIN = 0.7  # the original sound sits a little under the music when kept
STILL_FPS = 25


def read_music(path: Path) -> tuple[np.ndarray, int]:
    """A WAV as float32 stereo (samples, 2) and its rate; mono is doubled."""
    import soundfile as sf

    data, sr = sf.read(str(path), dtype="float32", always_2d=True)
    if data.shape[1] == 1:
        data = np.repeat(data, 2, axis=1)
    return data[:, :2], sr


def _original_audio(video_path: Path, sample_rate: int, n_samples: int) -> np.ndarray | None:
    """The input's first audio stream as float32 stereo at `sample_rate`, n_samples long, placed on the
    picture's clock (sample 0 = the first picture); undecodable packets are left silent."""
    import av

    out = np.zeros((n_samples, 2), np.float32)
    with av.open(str(video_path)) as c:
        if not c.streams.audio or not c.streams.video:
            return None
        vin = c.streams.video[0]
        start = float(first_picture(c, vin) * vin.time_base)
        res = av.AudioResampler(format="flt", layout="stereo", rate=sample_rate)
        pos = None
        for packet in c.demux(c.streams.audio[0]):
            try:
                frames = packet.decode()
            except av.FFmpegError:
                continue  # a corrupt packet is a moment of silence, not the end of the sound
            for frame in frames:
                if frame.time is not None:
                    pos = int(round((frame.time - start) * sample_rate))
                for f in res.resample(frame):
                    pos = _place(out, f.to_ndarray().reshape(-1, 2), pos or 0)
    return out


def with_original(video_path: Path, music: np.ndarray, sample_rate: int) -> np.ndarray:
    """The music (float stereo) with the video's own sound mixed a little under it; the music alone when
    the video is silent."""
    orig = _original_audio(Path(video_path), sample_rate, len(music))
    if orig is None:
        return music
    music = music + ORIGINAL_AUDIO_GAIN * orig
    peak = float(np.abs(music).max(initial=0.0))
    if peak > 0.99:  # keep the mix from clipping rather than distort it
        music *= 0.99 / peak
    return music


def _place(out: np.ndarray, chunk: np.ndarray, pos: int) -> int:
    a, b = max(pos, 0), min(pos + len(chunk), len(out))
    if b > a:
        out[a:b] = chunk[a - pos:b - pos]
    return pos + len(chunk)


def _encode_audio(out, audio: np.ndarray, sample_rate: int):
    """Encode float stereo samples to AAC packets on a new stream of `out`; returns (stream, packets)."""
    import av

    stream = out.add_stream(AUDIO_CODEC, rate=sample_rate, layout="stereo")
    stream.bit_rate = AUDIO_BITRATE
    packets = []
    planar = np.ascontiguousarray(audio.T.astype(np.float32))
    for i in range(0, planar.shape[1], AAC_FRAME):
        frame = av.AudioFrame.from_ndarray(planar[:, i:i + AAC_FRAME], format="fltp", layout="stereo")
        frame.sample_rate = sample_rate
        frame.pts = i
        frame.time_base = Fraction(1, sample_rate)
        packets.extend(stream.encode(frame))
    packets.extend(stream.encode(None))
    return stream, packets


@dataclass
class VideoCopy:
    """An MP4 being written: the input's video stream copied packet for packet, audio from the caller."""

    src: object
    vin: object
    vout: object
    dst: object
    offset: int = 0   # the first picture's pts in vin.time_base; subtracted from every video packet

    def write(self, audio: Iterable, time_s: Callable[[object], float], to_packet: Callable = lambda p: p) -> None:
        """Copy every video packet, muxing each audio item (in order) just before the first video packet
        that starts after it, so players read the two streams interleaved by time.

        Args:
            audio: the audio packets, or items `to_packet` turns into packets, in presentation order; a
                generator is consumed as the video goes by, so its packets are never all in memory.
            time_s: an item's start time in seconds.
            to_packet: item -> av.Packet on an audio stream of `dst`.
        """
        items = iter(audio)
        item = next(items, None)
        for packet in self.src.demux(self.vin):
            if packet.dts is None and packet.size == 0:
                continue  # the demuxer's flush packet
            # one time base: the first picture is at 0 and the music starts there (a capture that starts
            # at 1.4 s, or a trimmed clip, would otherwise hear every accent early by the offset)
            if packet.pts is not None:
                packet.pts -= self.offset
            if packet.dts is not None:
                packet.dts -= self.offset
            t = float((packet.dts if packet.dts is not None else packet.pts or 0) * self.vin.time_base)
            while item is not None and time_s(item) <= t:
                self.dst.mux(to_packet(item))
                item = next(items, None)
            packet.stream = self.vout
            self.dst.mux(packet)
        while item is not None:
            self.dst.mux(to_packet(item))
            item = next(items, None)


def first_picture(src, vin) -> int:
    """Presentation time (in `vin.time_base`) of the first picture the decoder shows: after edit lists,
    B-frame reordering and any start offset. `src` is rewound afterwards."""
    import av

    pts = None
    try:
        for packet in src.demux(vin):
            try:
                frames = packet.decode()
            except av.FFmpegError:
                continue
            if frames:
                pts = frames[0].pts
                break
    finally:
        src.seek(0, stream=vin, any_frame=False, backward=True)
    return int(pts or 0)


@contextmanager
def video_copy(video_path: Path, out_path: Path) -> Iterator[VideoCopy]:
    """Open `video_path` and a temporary file beside `out_path` (MP4, MKV or MOV by its suffix) holding a
    copy of its video stream; the caller adds audio and calls `write`. When that container cannot hold
    the codec (or the input is a GIF) the picture is re-encoded once (`container.reencode_video`).
    Renamed into place on success, so a failure never leaves half a file or destroys an older one.

    Raises:
        InputError: the input has no video stream; V2MError: FFmpeg could not read or write.
    """
    import av

    tmp = out_path.with_name(f".{out_path.name}.part")
    picture = out_path.with_name(f".{out_path.name}.picture.mp4")
    fmt = FORMATS.get(out_path.suffix.lower(), "mp4")
    try:
        with av.open(str(video_path)) as probe:
            if not probe.streams.video:
                raise InputError(f"{video_path} has no video stream to lay music onto")
            vin = probe.streams.video[0]
            if vin.codec_context.name in ANIMATION_CODECS | RAW_CODECS or not can_carry(fmt, vin):
                video_path = reencode_video(video_path, picture)
        with av.open(str(video_path)) as src, av.open(str(tmp), "w", format=fmt) as dst:
            vin = src.streams.video[0]
            offset = first_picture(src, vin)
            yield VideoCopy(src, vin, dst.add_stream_from_template(vin), dst, offset)
        os.replace(tmp, out_path)
    except av.FFmpegError as e:
        raise V2MError(f"could not mux {Path(video_path).name}: {e}") from None
    except OSError as e:
        raise V2MError(f"could not write {out_path}: {e.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)
        picture.unlink(missing_ok=True)


def _check_writable(out_path: Path, force: bool) -> None:
    if out_path.exists() and not force:
        raise V2MError(f"{out_path} already exists; use --force to overwrite it")
    if not os.access(out_path.parent, os.W_OK):
        raise V2MError(f"cannot write to {out_path.parent}")


def mux(video_path: str | Path, wav_path: str | Path, out_path: str | Path, *, keep_audio: bool = False,
        force: bool = True) -> Path:
    """Write `out_path`: the video's packets copied, the WAV encoded as the only audio stream.

    Args:
        video_path: the input video (anything PyAV reads; see `video_copy` for codecs that need encoding).
        wav_path: the music, as long as the video, starting at its first picture.
        out_path: the .mp4/.mkv/.mov to write; written to a temporary name first, then renamed, so a failure
            never leaves half a file or destroys an older one.
        keep_audio: mix the input's own audio under the music instead of dropping it.
        force: replace `out_path` if it exists.
    Returns:
        out_path.
    """

    video_path, out_path = Path(video_path), Path(out_path)
    _check_writable(out_path, force)
    music, sr = read_music(Path(wav_path))
    if keep_audio:
        music = with_original(video_path, music, sr)
    with video_copy(video_path, out_path) as copy:
        aout, apackets = _encode_audio(copy.dst, music, sr)
        a_tb = aout.time_base or Fraction(1, sr)
        copy.write(apackets, lambda p: float((p.dts or 0) * a_tb))
    return out_path


def still_to_video(image_path: str | Path, out_path: str | Path, duration_s: float, *,
                   fps: int = STILL_FPS) -> Path:
    """Encode a still image as an H.264 MP4 that lasts `duration_s`, so it can be muxed like a video;
    a huge image is scaled down first (`container.fit_size`).

    Args:
        image_path: any image PyAV/FFmpeg decodes (PNG, JPEG, ...).
        out_path: the MP4 to write.
        duration_s: its length in seconds.
        fps: frame rate of the encoded clip.
    Returns:
        out_path.
    """
    return still_clip(image_path, out_path, duration_s, fps)
