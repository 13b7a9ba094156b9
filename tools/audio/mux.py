"""Lay the music onto the picture: copy the video stream untouched, encode the music as AAC.

    from v2m.tools.audio.mux import mux
    mux("clip.mp4", "score.wav", "clip.scored.mp4")            # original audio dropped
    mux("clip.mp4", "score.wav", "out.mp4", keep_audio=True)   # original audio mixed under the music

The video packets are copied, not re-encoded, so the picture is bit-for-bit the input's. A still image
has no video stream to copy; `still_to_video` encodes it once (H.264) for as long as the music lasts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

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
    """The input's first audio stream as float32 stereo at `sample_rate`, cut/padded to n_samples."""
    import av

    with av.open(str(video_path)) as c:
        if not c.streams.audio:
            return None
        res = av.AudioResampler(format="flt", layout="stereo", rate=sample_rate)
        chunks = []
        for frame in c.decode(c.streams.audio[0]):
            for f in res.resample(frame):
                chunks.append(f.to_ndarray().reshape(-1, 2))
        for f in res.resample(None):
            chunks.append(f.to_ndarray().reshape(-1, 2))
    audio = np.concatenate(chunks) if chunks else np.zeros((0, 2), np.float32)
    out = np.zeros((n_samples, 2), np.float32)
    out[: min(n_samples, len(audio))] = audio[:n_samples]
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
            t = float((packet.dts if packet.dts is not None else packet.pts or 0) * self.vin.time_base)
            while item is not None and time_s(item) <= t:
                self.dst.mux(to_packet(item))
                item = next(items, None)
            packet.stream = self.vout
            self.dst.mux(packet)
        while item is not None:
            self.dst.mux(to_packet(item))
            item = next(items, None)


@contextmanager
def video_copy(video_path: Path, out_path: Path) -> Iterator[VideoCopy]:
    """Open `video_path` and a temporary MP4 beside `out_path` holding a copy of its video stream; the
    caller adds audio and calls `write`. Renamed into place on success, so a failure never leaves half
    a file or destroys an older one.

    Raises:
        InputError: the input has no video stream; V2MError: FFmpeg could not read or write.
    """
    import av

    tmp = out_path.with_name(f".{out_path.name}.part")
    try:
        with av.open(str(video_path)) as src, av.open(str(tmp), "w", format="mp4") as dst:
            if not src.streams.video:
                raise InputError(f"{video_path} has no video stream to lay music onto")
            vin = src.streams.video[0]
            yield VideoCopy(src, vin, dst.add_stream_from_template(vin), dst)
        os.replace(tmp, out_path)
    except av.FFmpegError as e:
        raise V2MError(f"could not mux {Path(video_path).name}: {e}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _check_writable(out_path: Path, force: bool) -> None:
    if out_path.exists() and not force:
        raise V2MError(f"{out_path} already exists; use --force to overwrite it")
    if not os.access(out_path.parent, os.W_OK):
        raise V2MError(f"cannot write to {out_path.parent}")


def mux(video_path: str | Path, wav_path: str | Path, out_path: str | Path, *, keep_audio: bool = False,
        force: bool = True) -> Path:
    """Write `out_path` (MP4): the video's packets copied, the WAV encoded as the only audio stream.

    Args:
        video_path: the input video (any container PyAV reads whose video codec MP4 can hold).
        wav_path: the music, as long as the video.
        out_path: the MP4 to write; written to a temporary name first, then renamed, so a failure
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
    """Encode a still image as an H.264 MP4 that lasts `duration_s`, so it can be muxed like a video.

    Args:
        image_path: any image PyAV/FFmpeg decodes (PNG, JPEG, ...).
        out_path: the MP4 to write.
        duration_s: its length in seconds.
        fps: frame rate of the encoded clip.
    Returns:
        out_path.
    """
    import av

    with av.open(str(image_path)) as c:
        frame = next(c.decode(video=0))
    # H.264 in yuv420p needs even sizes.
    w, h = frame.width - frame.width % 2, frame.height - frame.height % 2
    img = frame.reformat(width=w, height=h, format="yuv420p")
    n = max(1, round(duration_s * fps))
    with av.open(str(out_path), "w", format="mp4") as out:
        s = out.add_stream("libx264", rate=fps)
        s.width, s.height, s.pix_fmt = w, h, "yuv420p"
        s.options = {"preset": "veryfast", "tune": "stillimage", "crf": "20"}
        for i in range(n):
            img.pts = i
            for p in s.encode(img):
                out.mux(p)
        for p in s.encode(None):
            out.mux(p)
    return Path(out_path)
