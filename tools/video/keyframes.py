"""One small JPEG per shot (its middle frame), for a vision-language model or a timeline to look at.

A shot's middle is only known once the analysis has found the shot's ends, so the analysis pass hands
every frame to a `Candidates`, which keeps small pictures of evenly spaced frames in bounded memory;
`save_keyframes` then writes, for each shot, the kept picture nearest its middle. Only a shot with
none inside it (shorter than the spacing, which grows with the video's length) is decoded again, by
seeking to its middle (or decoding on when the next one is close). Why: a second decoding pass over
the whole video cost as much as the analysis itself. JPEGs are encoded with FFmpeg's mjpeg encoder
through PyAV, so no imaging library is needed.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from v2m.tools.contract import VideoAnalysis
from v2m.tools.errors import InputError

KEYFRAME_WIDTH = 320
SEEK_AHEAD_S = 2.0   # closer targets are reached by decoding on rather than seeking
CANDIDATE_BYTES = 12 << 20  # memory for the pictures kept during the analysis pass (~145 at 320x180)
CANDIDATE_SPACING_S = 0.2   # at first one picture per this many seconds: a keyframe need not be closer
ODD_LUMA = 0.15             # a picture this far from its shot's mean brightness (a flash) is a last resort


class Candidates:
    """Small pictures of every `stride`-th frame of a streaming pass, in at most CANDIDATE_BYTES.

    The stride starts at CANDIDATE_SPACING_S; when the pictures outgrow the budget, every other one is
    dropped and the stride doubles, so a minute of 25 fps video keeps one picture every 10 frames
    and an hour one every ~25 s.
    """

    def __init__(self, fps: float, width: int = KEYFRAME_WIDTH, budget_bytes: int = CANDIDATE_BYTES):
        from av.video.reformatter import VideoReformatter

        self.scaler = VideoReformatter()  # one FFmpeg scaler context for the pass: 5x cheaper than per frame
        self.width, self.budget = width, budget_bytes
        self.stride, self.n = max(1, int(fps * CANDIDATE_SPACING_S)), 0
        self.kept: dict[int, tuple[float, float, object]] = {}  # frame index -> (time_s, luma, av.VideoFrame)

    def push(self, time_s: float, frame) -> None:
        """Offer one decoded frame (an `av.VideoFrame`) at `time_s` seconds from the first frame."""
        i, self.n = self.n, self.n + 1
        if i % self.stride:
            return
        w = max(2, min(self.width, frame.width))
        h = max(2, int(round(w * frame.height / frame.width / 2)) * 2)
        small = self.scaler.reformat(frame, width=w, height=h, format="yuv420p", interpolation="AREA")
        luma = (float(np.frombuffer(small.planes[0], np.uint8).mean()) - 16.0) / 219.0  # TV range, as analysed
        self.kept[i] = (time_s, luma, small)
        if len(self.kept) * w * h * 3 // 2 > self.budget:
            self.stride *= 2
            self.kept = {k: v for k, v in self.kept.items() if k % self.stride == 0}

    def pick(self, shot):
        """The kept picture inside the shot nearest its middle, passing over flashes; None if none."""
        mid = (shot.start_s + shot.end_s) / 2
        inside = [(abs(luma - shot.brightness) > ODD_LUMA, abs(t - mid), t, f) for t, luma, f in self.kept.values()
                  if shot.start_s - 1e-6 <= t < shot.end_s - 1e-6]
        return min(inside, key=lambda x: x[:3])[3] if inside else None


def save_keyframes(video: Path, analysis: VideoAnalysis, out_dir: Path, width: int = KEYFRAME_WIDTH,
                   candidates: Candidates | None = None) -> list[Path]:
    """Write `shot_000.jpg`, ... into out_dir and record each path in `Shot.keyframe`.

    Args:
        video: the analysed file.
        analysis: its analysis (shots are updated in place).
        out_dir: folder for the JPEGs (created if needed).
        width: JPEG width in pixels (height follows the aspect ratio).
        candidates: pictures kept during the analysis pass; shots without one are decoded again.
    Returns:
        The paths written, one per shot (a shot whose frame could not be decoded gets none).
    """
    import av

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{out_dir}: cannot create the keyframe folder ({e.strerror})") from None
    shots = analysis.shots[:1] if analysis.kind == "image" else analysis.shots
    found = {s.index: candidates.pick(s) for s in shots} if candidates else {}
    missing = [s for s in shots if found.get(s.index) is None]
    written: list[Path] = []

    def write(shot, frame) -> None:
        if frame is not None:
            path = out_dir / f"shot_{shot.index:03d}.jpg"
            _write_jpeg(frame, path, width, analysis.rotation_deg)
            shot.keyframe = str(path)
            written.append(path)

    for shot in shots:
        write(shot, found.get(shot.index))
    if missing:  # decoded again, each frame written as it comes (an hour's worth of frames is gigabytes)
        targets = [0.0] if analysis.kind == "image" else [(s.start_s + s.end_s) / 2 for s in missing]
        with av.open(str(video)) as container:
            vs = container.streams.video[0]
            vs.thread_type = "AUTO"
            for shot, frame in zip(missing, _frames_at(container, vs, targets)):
                write(shot, frame)
    written.sort()
    return written


def _frames_at(container, vs, targets: list[float]):
    """Yield the decoded frame nearest each target time (seconds from the first frame), in order."""
    import av

    base = None  # the stream's start in seconds, when seeking is possible
    if vs.time_base:
        base = float(vs.start_time * vs.time_base) if vs.start_time is not None else 0.0
    start = None
    it = None
    last_t = 0.0
    for target in targets:
        if it is None or target - last_t > SEEK_AHEAD_S or target < last_t:
            if base is not None and (it is not None or target > SEEK_AHEAD_S):
                container.seek(int((base + target) / vs.time_base), stream=vs, backward=True)
                start = base if start is None else start  # times count from the stream's first frame
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
