"""Synthetic clips with known truth: the one clip writer for the tests, the benchmarks, the evaluation
suites and the fine-tuning corpus.

    from v2m.tools.video.synthetic import Segment, write_clip
    truth = write_clip("t.mp4", [Segment("bounce", 4.0, bpm=120), Segment("pan", 3.0, into="fade"),
                                 Segment("static", 2.0, into="dissolve", flashes=(10,))])
    truth.cuts, truth.fades, truth.dissolves, truth.flashes

Each segment is one shot with its own textured background: `static` (nothing moves), `pan`
(the camera slides fast over a wide picture), `bounce` (balls bounce at a known BPM: motion speed
peaks once per beat) or `move` (one ball drifts); or, for a known look, `bar`: one flat `color` with a
bar of the inverse colour sweeping there and back at `speed` picture widths per second. Segments join by a hard cut, a fade through black
or a dissolve; flashes (near-white frames) can be dropped into a segment and must not count as cuts.
An optional audio track holds a speech-like span (voice-band harmonics pulsing at syllable rate)
over a sustained low drone, or a steady sine tone. Encoding uses PyAV's libx264, so the clips are ordinary MP4 files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Segment:
    """One shot of a synthetic clip."""

    kind: str = "static"            # static | pan | bounce | move | bar
    seconds: float = 2.0
    into: str = "cut"               # how this segment begins: cut | fade | dissolve (ignored for the first)
    transition_s: float = 0.6       # length of a fade (each half) or dissolve
    bpm: float = 120.0              # bounce rate for kind="bounce"
    flashes: tuple[int, ...] = ()   # frame offsets inside the segment that flash white
    seed: int | None = None
    color: tuple[int, int, int] = (128, 128, 128)  # kind="bar": the flat RGB picture
    speed: float = 0.5              # kind="bar": picture widths per second the bar sweeps (0: it stands still)


@dataclass
class Truth:
    """What a clip contains, in frames of the written file."""

    fps: float
    n_frames: int
    cuts: list[int] = field(default_factory=list)
    fades: list[tuple[int, int, int]] = field(default_factory=list)       # (start, end, new-shot frame)
    dissolves: list[tuple[int, int, int]] = field(default_factory=list)
    flashes: list[int] = field(default_factory=list)
    bpm: list[tuple[int, int, float]] = field(default_factory=list)      # (start, end, bpm) of bounce shots
    speech_s: list[tuple[float, float]] = field(default_factory=list)


def boundary_f1(found: list[int], truth: list[int], tol: int = 1) -> float:
    """F1 of detected boundary frames against the truth; each true boundary matches at most once.

    Args:
        found: detected frames.
        truth: true frames.
        tol: frames of slack (1 = the usual "within one frame").
    Returns:
        F1 in 0..1 (1.0 when both are empty).
    """
    left = list(truth)
    tp = 0
    for f in found:
        hit = [t for t in left if abs(t - f) <= tol]
        if hit:
            left.remove(min(hit, key=lambda t: abs(t - f)))
            tp += 1
    if not found or not truth:
        return float(not found and not truth)
    return 0.0 if tp == 0 else 2 * tp / (len(found) + len(truth))


def _texture(seed: int, h: int, w: int) -> np.ndarray:
    """A smooth random colour picture, different per seed (so each shot looks different)."""
    rng = np.random.default_rng(seed)
    coarse = rng.uniform(0, 255, size=(h // 16 + 2, w // 16 + 2, 3))
    tint = rng.uniform(0.4, 1.0, size=3)
    img = np.repeat(np.repeat(coarse, 16, axis=0), 16, axis=1)[:h, :w]
    k = np.ones(9) / 9  # box blur rows then columns: soft blobs, strong edges between them
    img = np.apply_along_axis(lambda v: np.convolve(v, k, mode="same"), 0, img)
    img = np.apply_along_axis(lambda v: np.convolve(v, k, mode="same"), 1, img)
    return np.clip(img * tint, 0, 255).astype(np.float32)


class _Shot:
    """Renders frame i of one segment."""

    def __init__(self, seg: Segment, index: int, h: int, w: int, fps: float):
        self.seg, self.h, self.w, self.fps = seg, h, w, fps
        seed = seg.seed if seg.seed is not None else 1000 + 7 * index
        if seg.kind == "bar":
            self.bg = np.empty((h, w, 3), np.float32)
            self.bg[:] = seg.color
        else:
            self.bg = _texture(seed, h, w * 3 if seg.kind == "pan" else w)
        yy, xx = np.mgrid[0:h, 0:w]
        self.yy, self.xx = yy.astype(np.float32), xx.astype(np.float32)

    def frame(self, i: int) -> np.ndarray:
        s, h, w = self.seg, self.h, self.w
        t = i / self.fps
        if s.kind == "pan":
            x0 = int(i * w * 0.02) % (2 * w)  # 2% of the width per frame: a fast pan
            return self.bg[:, x0:x0 + w].copy()
        img = self.bg.copy()
        if s.kind == "bounce":
            r = h / 8
            lift = np.abs(np.sin(np.pi * t * s.bpm / 60.0)) * h * 0.5  # touches the floor once per beat
            for k, cx in enumerate(np.linspace(w * 0.15, w * 0.85, 4)):
                cy = h - r - 2 - lift
                self._ball(img, cx, cy, r, (255, 230, 40) if k % 2 else (40, 220, 255))
        elif s.kind == "bar":
            bw = w // 10
            phase = (t * s.speed) % 2.0  # a triangle wave: the bar sweeps there and back, no jump
            x = int((phase if phase <= 1 else 2 - phase) * (w - bw))
            img[:, x:x + bw] = 255 - np.array(s.color, np.float32)
        elif s.kind == "move":
            self._ball(img, w * (0.1 + 0.8 * (t / max(s.seconds, 1e-6))), h / 2, h / 6, (250, 250, 250))
        return img

    def _ball(self, img: np.ndarray, cx: float, cy: float, r: float, colour: tuple) -> None:
        inside = (self.xx - cx) ** 2 + (self.yy - cy) ** 2 <= r * r
        img[inside] = colour


def write_clip(path: str | Path, segments: list[Segment], *, fps: float = 25.0, size: tuple[int, int] = (320, 180),
               audio: str | float | None = None, speech: tuple[float, float] = (1.0, 3.0), crf: int = 18,
               rotation: int = 0, vfr: bool = False) -> Truth:
    """Write an MP4 made of `segments` and return what is in it.

    Args:
        path: output file (.mp4).
        segments: the shots, in order.
        fps: frame rate.
        size: (width, height), even numbers.
        audio: None for a silent clip, "speech" for a drone with a speech-like span, "drone" for the drone
            only, or a number: a sine tone of that many Hz.
        speech: (start_s, end_s) of the speech-like span.
        crf: x264 quality (lower is better).
        rotation: display rotation metadata in degrees (counter-clockwise), e.g. 90 for a phone clip.
        vfr: variable frame rate: frame durations alternate 0.6x and 1.4x the nominal period.
    Returns:
        The `Truth` (frames counted in the written file).
    """
    import av

    w, h = size
    shots = [_Shot(s, i, h, w, fps) for i, s in enumerate(segments)]
    lengths = [max(1, int(round(s.seconds * fps))) for s in segments]
    starts = np.cumsum([0] + lengths[:-1]).tolist()
    n = int(sum(lengths))
    truth = Truth(fps=fps, n_frames=n)
    for k, (seg, st, ln) in enumerate(zip(segments, starts, lengths)):
        truth.flashes += [st + f for f in seg.flashes if 0 <= f < ln]
        if seg.kind == "bounce":
            truth.bpm.append((st, st + ln, seg.bpm))
        if k == 0:
            continue
        half = max(2, int(round(seg.transition_s * fps)))
        if seg.into == "fade":
            truth.fades.append((st - half, st + half, st))
        elif seg.into == "dissolve":
            truth.dissolves.append((st - half // 2, st + half - half // 2, st))
        else:
            truth.cuts.append(st)
    if audio == "speech":
        truth.speech_s.append(speech)
    tone = None if audio is None or isinstance(audio, str) else float(audio)

    container = av.open(str(path), "w")
    vs = container.add_stream("libx264", rate=int(round(fps)) if float(fps).is_integer() else fps)
    vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
    vs.options = {"crf": str(crf), "preset": "ultrafast"}
    if vfr:
        vs.time_base = vs.codec_context.time_base = Fraction(1, 1000)
    if rotation:
        vs.set_display_rotation(rotation)
    clock = 0.0
    aus = container.add_stream("aac", rate=16000, layout="mono") if audio else None
    for k, (seg, st, ln) in enumerate(zip(segments, starts, lengths)):
        for i in range(ln):
            img = _compose(k, i, shots, segments, lengths)
            if i in seg.flashes:
                img = img * 0.15 + 255 * 0.85
            frame = av.VideoFrame.from_ndarray(np.clip(img, 0, 255).astype(np.uint8), format="rgb24")
            if vfr:
                frame.pts, frame.time_base = int(round(clock * 1000)), Fraction(1, 1000)
                clock += (0.6 if (st + i) % 2 == 0 else 1.4) / fps
            container.mux(vs.encode(frame))
    container.mux(vs.encode(None))
    if aus is not None:
        sound = _tone(n / fps, tone) if tone else _audio(n / fps, speech if audio == "speech" else None)
        for j in range(0, len(sound), 1024):
            af = av.AudioFrame.from_ndarray(sound[None, j:j + 1024], format="flt", layout="mono")
            af.sample_rate = 16000
            container.mux(aus.encode(af))
        container.mux(aus.encode(None))
    container.close()
    return truth


def _compose(k: int, i: int, shots: list[_Shot], segments: list[Segment], lengths: list[int]) -> np.ndarray:
    """Frame i of segment k, blended with its neighbours during fades and dissolves."""
    seg = segments[k]
    fps = shots[k].fps
    img = shots[k].frame(i)
    nxt = segments[k + 1] if k + 1 < len(segments) else None
    half = lambda s: max(2, int(round(s.transition_s * fps)))  # noqa: E731
    if seg.into == "fade" and k > 0 and i < half(seg):  # fade in from black: frame 0 is black
        img = img * (i / half(seg))
    if nxt is not None and nxt.into == "fade" and i >= lengths[k] - half(nxt):  # fade out: last frame black
        j = i - (lengths[k] - half(nxt)) + 1
        img = img * (1 - j / half(nxt))
    if seg.into == "dissolve" and k > 0:
        d = half(seg)
        j = i + d // 2  # position inside the dissolve, which straddles the segment start
        if j < d:
            prev = shots[k - 1].frame(lengths[k - 1] + i)
            a = (j + 1) / (d + 1)
            img = a * img + (1 - a) * prev
    if nxt is not None and nxt.into == "dissolve":
        d = half(nxt)
        j = i - (lengths[k] - d // 2)
        if j >= 0:
            following = shots[k + 1].frame(i - lengths[k])  # the next shot already runs
            a = (j + 1) / (d + 1)
            img = a * following + (1 - a) * img
    return img


def _tone(seconds: float, hz: float) -> np.ndarray:
    """A steady sine tone at a third of full scale."""
    t = np.arange(int(seconds * 16000)) / 16000
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def _audio(seconds: float, speech: tuple[float, float] | None) -> np.ndarray:
    """A quiet low drone, plus voice-band harmonics pulsing at ~4 syllables per second in `speech`."""
    rate = 16000
    t = np.arange(int(seconds * rate)) / rate
    x = 0.05 * (np.sin(2 * np.pi * 65 * t) + 0.5 * np.sin(2 * np.pi * 98 * t))
    if speech is not None:
        a, b = speech
        f0 = 140 + 20 * np.sin(2 * np.pi * 0.7 * t)  # intonation
        phase = 2 * np.pi * np.cumsum(f0) / rate
        voice = sum(np.sin(k * phase) * np.exp(-((k * 140 - 900) / 900) ** 2) for k in range(1, 25))
        syll = np.clip(np.sin(2 * np.pi * 4.0 * t) + 0.5, 0, 1)  # syllables with short pauses between them
        on = (t >= a) & (t < b)
        x = x + 0.5 * voice / np.max(np.abs(voice)) * syll * on
    return x.astype(np.float32)


def write_image(path: str | Path, size: tuple[int, int] = (320, 240), seed: int = 3) -> Path:
    """Write a still picture (PNG or JPEG by suffix) with a textured look.

    Args:
        path: output file, .png or .jpg.
        size: (width, height).
        seed: picks the texture.
    Returns:
        The path.
    """
    import av

    path = Path(path)
    w, h = size
    rgb = _texture(seed, h, w).astype(np.uint8)
    codec, fmt = ("png", "rgb24") if path.suffix.lower() == ".png" else ("mjpeg", "yuvj420p")
    enc = av.CodecContext.create(codec, "w")
    enc.width, enc.height, enc.pix_fmt, enc.time_base = w, h, fmt, Fraction(1, 25)
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format=fmt)
    path.write_bytes(b"".join(bytes(p) for p in list(enc.encode(frame)) + list(enc.encode(None))))
    return path
