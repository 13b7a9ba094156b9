"""One small JPEG per shot (its middle frame), for a vision-language model or a timeline to look at.

Runs after the analysis pass, because a shot's middle is only known once the shot has ended:
keeping candidate frames during the pass would cost memory that grows with shot length. Instead it
seeks to each shot's middle (or decodes on when the next one is close). JPEGs are encoded with
FFmpeg's mjpeg encoder through PyAV, so no imaging library is needed.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from v2m.tools.contract import VideoAnalysis
from v2m.tools.errors import InputError

KEYFRAME_WIDTH = 320
SEEK_AHEAD_S = 2.0   # closer targets are reached by decoding on rather than seeking


def save_keyframes(video: Path, analysis: VideoAnalysis, out_dir: Path, width: int = KEYFRAME_WIDTH) -> list[Path]:
    """Write `shot_000.jpg`, ... into out_dir and record each path in `Shot.keyframe`.

    Args:
        video: the analysed file.
        analysis: its analysis (shots are updated in place).
        out_dir: folder for the JPEGs (created if needed).
        width: JPEG width in pixels (height follows the aspect ratio).
    Returns:
        The paths written, one per shot (a shot whose frame could not be decoded gets none).
    """
    import av

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{out_dir}: cannot create the keyframe folder ({e.strerror})") from None
    targets = [(s.start_s + s.end_s) / 2 for s in analysis.shots]
    if analysis.kind == "image":
        targets = [0.0]
    written: list[Path] = []
    with av.open(str(video)) as container:
        vs = container.streams.video[0]
        vs.thread_type = "AUTO"
        frames = _frames_at(container, vs, targets)
        for shot, frame in zip(analysis.shots, frames):
            if frame is None:
                continue
            path = out_dir / f"shot_{shot.index:03d}.jpg"
            _write_jpeg(frame, path, width, analysis.rotation_deg)
            shot.keyframe = str(path)
            written.append(path)
    return written


def _frames_at(container, vs, targets: list[float]):
    """Yield the decoded frame nearest each target time (seconds from the first frame), in order."""
    import av

    start = None
    it = None
    last_t = float("inf")
    for target in targets:
        if it is None or target - last_t > SEEK_AHEAD_S or target < last_t:
            if it is not None and vs.time_base:
                base = float(vs.start_time * vs.time_base) if vs.start_time is not None else 0.0
                container.seek(int((base + target) / vs.time_base), stream=vs, backward=True)
            it = container.decode(vs)
        chosen = None
        try:
            for frame in it:
                t = frame.time if frame.time is not None else 0.0
                if start is None:
                    start = t
                last_t = t - start
                chosen = frame
                if last_t >= target - 1e-3:
                    break
        except av.FFmpegError:
            pass  # a broken tail: keep the last good frame
        yield chosen


def _write_jpeg(frame, path: Path, width: int, rotation: int) -> None:
    """Shrink, apply the rotation metadata and encode one JPEG."""
    import av

    w = max(2, min(width, frame.width))  # a 1-pixel-wide video still gets a 2-pixel keyframe
    h = max(2, int(round(w * frame.height / frame.width / 2)) * 2)
    rgb = frame.reformat(width=w, height=h, format="rgb24", interpolation="AREA").to_ndarray()
    turns = (round(rotation / 90)) % 4  # FFmpeg's display rotation is counter-clockwise
    if turns:
        rgb = np.ascontiguousarray(np.rot90(rgb, k=turns))
    h, w = rgb.shape[:2]
    rgb = rgb[: h - h % 2, : w - w % 2]
    enc = av.CodecContext.create("mjpeg", "w")
    enc.width, enc.height = rgb.shape[1], rgb.shape[0]
    enc.pix_fmt = "yuvj420p"
    enc.time_base = Fraction(1, 25)
    enc.options = {"qmin": "2", "qmax": "6"}
    img = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuvj420p")
    packets = list(enc.encode(img)) + list(enc.encode(None))
    path.write_bytes(b"".join(bytes(p) for p in packets))
