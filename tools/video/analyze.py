"""Video understanding: decode a video (or still image) once, streaming, and measure what a score needs.

    from v2m.tools.video.analyze import analyze
    a = analyze("bikes.mp4", keyframe_dir="out/keyframes")
    a.cuts_s, a.shots[0].brightness, a.tempo_candidates_bpm, a.mood.words

One pass over the packets with PyAV: FFmpeg decodes with threads, a small picture
(`frames.SMALL_WIDTH` wide) is picked from each frame's YUV planes (`frames.Shrinker`), numpy
measures it in batches (`frames.FrameLog`), and the audio track (if any) is measured alongside
(`soundtrack`). Memory stays flat however long the video is.
After the pass: shot boundaries (`shots`), motion and tempo (`motion`), look and mood (`look`), and
optionally one keyframe JPEG per shot. Bad input raises `InputError` with one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import numpy as np

from v2m.tools.contract import Mood, Shot, VideoAnalysis
from v2m.tools.errors import InputError
from v2m.tools.video import frames as fr
from v2m.tools.video import look
from v2m.tools.video.analysis import build_analysis
from v2m.tools.video.keyframes import Candidates, save_keyframes
from v2m.tools.video.shots import ShotParams
from v2m.tools.video.soundtrack import Soundtrack

IMAGE_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "webp_pipe", "tiff_pipe", "gif_pipe",
                 "ppm_pipe", "pgm_pipe", "qoi_pipe"}
STILL_FPS = 25.0          # a still image becomes a clip at this nominal rate
MAX_DECODE_ERRORS = 50    # after this many bad packets the stream is treated as broken
Progress = Callable[[float, float], None]  # (seconds analysed, total seconds)


def check_input(path: str | os.PathLike) -> Path:
    """The cheap checks, before any decoding: the input exists, is a file, and is not empty.

    Raises:
        InputError: naming what is wrong with `path`.
    """
    src = Path(path)
    if not src.exists():  # also a symlink whose target is gone
        raise InputError(f"{path}: no such file")
    if src.is_dir():
        raise InputError(f"{path}: is a folder, not a video or image")
    if not src.is_file():  # a FIFO or a device would block the decoder, or never end
        raise InputError(f"{path}: not a regular file (a pipe, socket or device); save it to a file first")
    if src.stat().st_size == 0:
        raise InputError(f"{path}: empty file (zero bytes)")
    return src


def analyze(path: str | os.PathLike, *, still_seconds: float = 10.0, keyframe_dir: str | os.PathLike | None = None,
            progress: Progress | None = None, params: ShotParams = ShotParams()) -> VideoAnalysis:
    """Analyse a video or still image.

    Args:
        path: video (anything FFmpeg reads) or image (jpg, png, ...).
        still_seconds: how long a still image lasts as a clip.
        keyframe_dir: if given, one small JPEG per shot is written here and named in `Shot.keyframe`.
        progress: called now and then with (seconds analysed, total seconds).
        params: shot-detector settings.
    Returns:
        The `VideoAnalysis`.
    Raises:
        InputError: missing file, not a media file, audio-only, no frames, or nothing decodable.
    """
    import av

    src = check_input(path)
    try:
        container = av.open(str(src))
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as e:
        raise InputError(f"{path}: not a readable video or image (truncated or not a media file: "
                         f"{_why(e)})") from None
    with container:
        if not container.streams.video:
            what = ("audio-only file, no video stream" if container.streams.audio
                    else "zero-length video: the container holds no frames" if not container.streams
                    else "no video stream")
            raise InputError(f"{path}: {what}")
        if container.format.name in TEXT_FORMATS or container.streams.video[0].codec_context.name in TEXT_CODECS:
            # FFmpeg "plays" any text file as ANSI art; that is not a picture anyone wants scored.
            raise InputError(f"{path}: a text file, not a video or image")
        is_image = container.format.name in IMAGE_FORMATS or _single_image(container)
        candidates = Candidates(_fps(container.streams.video[0])) if keyframe_dir is not None else None
        result = _decode(container, str(path), is_image, progress, params, candidates)
    log, meta = result
    if len(log) == 0:
        if meta["errors"]:
            raise InputError(f"{path}: truncated or corrupt, no frame could be decoded ({meta['errors'][0]})")
        if meta["total_s"] > 0:
            raise InputError(f"{path}: truncated or corrupt, the header announces {meta['total_s']:.2f} s "
                             "but no frame could be decoded")
        raise InputError(f"{path}: zero-length video, no frames")
    if is_image and len(log) == 1:
        analysis = _still(str(path), log, meta, still_seconds)
    else:
        analysis = build_analysis(str(path), log, meta, params)
    if keyframe_dir is not None:
        save_keyframes(src, analysis, Path(keyframe_dir), candidates=candidates)
    return analysis


TEXT_FORMATS = {"tty"}
TEXT_CODECS = {"ansi", "bintext", "xbin", "idf"}


def _why(e: Exception) -> str:
    return str(getattr(e, "strerror", None) or e).splitlines()[0][:120]


def _single_image(container) -> bool:
    """An image format with a codec of stills (e.g. a .png opened by the image2 demuxer)."""
    s = container.streams.video[0]
    return s.codec_context.name in {"png", "mjpeg", "bmp", "webp", "tiff", "gif"} and (s.frames or 0) <= 1 \
        and container.format.name not in {"mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi"}


def _fps(vs) -> float:
    """The stream's frame rate as announced (STILL_FPS when it announces none)."""
    rate = vs.average_rate or vs.guessed_rate or vs.base_rate
    return float(rate) if rate else STILL_FPS


def _decode(container, source: str, is_image: bool, progress: Progress | None, params: ShotParams,
            candidates: Candidates | None = None) -> tuple[fr.FrameLog, dict]:
    """The single streaming pass: every video frame into a FrameLog (and `candidates`, the keyframes'
    pictures), the audio into a Soundtrack."""
    import av

    vs = container.streams.video[0]
    vs.thread_type = "AUTO"
    cc = vs.codec_context
    # Analysis looks at 160-pixel pictures, where H.264/HEVC deblocking is invisible: skipping the
    # loop filter saves ~15% of decoding time (the keyframes, shrunk to 320 pixels, hardly show it).
    cc.options = {"skip_loop_filter": "all"}
    width, height = cc.width or 0, cc.height or 0
    fps_guess = _fps(vs)
    total_s = float(container.duration / 1e6) if container.duration else 0.0
    if vs.duration and vs.time_base:
        total_s = float(vs.duration * vs.time_base)
    log = fr.FrameLog(fps_guess, params)
    sound = None
    streams = [vs]
    if container.streams.audio and not is_image:
        sound = Soundtrack()
        streams.append(container.streams.audio[0])
    errors: list[str] = []
    audio_errors = 0
    rotation, start_t, last_report, last_dur = 0, None, -1.0, 0.0
    shrink = fr.Shrinker()
    try:
        for packet in container.demux(*streams):
            try:
                decoded = packet.decode()
            except av.FFmpegError as e:
                if packet.stream.type == "audio":  # bad sound never shortens the picture
                    audio_errors += 1
                    streams = streams[:1] if audio_errors > MAX_DECODE_ERRORS else streams
                    continue
                errors.append(_why(e))
                if len(errors) > MAX_DECODE_ERRORS:
                    break
                continue
            for frame in decoded:
                if packet.stream.type == "audio":
                    sound.push(frame)
                    continue
                if not width:
                    width, height = frame.width, frame.height
                t = frame.time
                if t is None:
                    t = len(log) / fps_guess
                if start_t is None:
                    start_t = t
                    rotation = int(getattr(frame, "rotation", 0) or 0)
                t -= start_t
                if t <= log.last_time:
                    t = log.last_time + 1.0 / fps_guess  # broken timestamps: keep time moving forward
                last_dur = float(frame.duration * frame.time_base) if frame.duration and frame.time_base else 0.0
                log.push(t, *shrink(frame))
                if candidates is not None:
                    candidates.push(t, frame)
                if progress is not None and t - last_report >= 1.0:
                    progress(t, total_s)
                    last_report = t
    except av.FFmpegError as e:  # the container itself broke off (truncated file)
        errors.append(_why(e))
    meta = {"width": width, "height": height, "fps_guess": fps_guess, "total_s": total_s, "errors": errors,
            "rotation": rotation, "sound": sound, "has_audio": bool(container.streams.audio),
            "last_frame_s": last_dur, "audio_errors": audio_errors}
    if progress is not None and len(log):
        progress(float(log.column(fr.T)[-1]), total_s)
    return log, meta


def _still(source: str, log: fr.FrameLog, meta: dict, seconds: float) -> VideoAnalysis:
    """A still image: one shot of `seconds`, no motion, no transitions."""
    if seconds <= 0:
        raise InputError(f"still image length must be positive, got {seconds}")
    n = max(1, int(round(seconds * STILL_FPS)))
    cues = look.shot_look(log.column(fr.BRIGHT), log.column(fr.CONTRAST), log.column(fr.SAT),
                          log.column(fr.WARM), log.histograms(), motion=0.0, shot_s=seconds)
    cues["arousal"] = round(min(cues["arousal"], 0.5), 4)  # nothing moves or cuts in a still
    shot = Shot(index=0, start_s=0.0, end_s=seconds, start_frame=0, end_frame=n, **cues)
    w, h = fr.display_size(meta["width"], meta["height"], meta["rotation"])
    return VideoAnalysis(source=source, kind="image", duration_s=seconds, fps=STILL_FPS, width=w, height=h,
                         n_frames=n, rotation_deg=meta["rotation"], shots=[shot], motion_hop_s=seconds,
                         motion=[0.0], mood=Mood(**look.mood([shot], seconds, 0, [])))


def analysis_summary(a: VideoAnalysis) -> str:
    """A few human lines about an analysis (for `v2m analyze` without --json)."""
    lines = [f"{a.source}: {a.kind}, {a.duration_s:.2f} s, {a.width}x{a.height}, {a.fps:.2f} fps, "
             f"{a.n_frames} frames" + (", with audio" if a.has_audio else "")]
    kinds = {}
    for t in a.transitions:
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
    desc = ", ".join(f"{v} {k}{'s' if v > 1 else ''}" for k, v in kinds.items()) or "no transitions"
    lines.append(f"shots: {len(a.shots)} ({desc})")
    for t in a.transitions:
        span = f" ({t.start_s:.2f}-{t.end_s:.2f} s)" if t.kind != "cut" else ""
        lines.append(f"  {t.kind:8s} at {t.time_s:7.2f} s  frame {t.frame}{span}")
    if a.tempo_candidates_bpm:
        lines.append("visual tempo: " + ", ".join(f"{b:.1f}" for b in a.tempo_candidates_bpm) + " BPM")
    if a.motion:
        lines.append(f"motion: mean {np.mean(a.motion):.2f}, {len(a.motion_peaks_s)} peaks")
    if a.speech_s:
        lines.append(f"speech-like: {len(a.speech_s)} spans, {sum(e - s for s, e in a.speech_s):.1f} s")
    lines.append(f"mood: {', '.join(a.mood.words)} (valence {a.mood.valence:+.2f}, arousal {a.mood.arousal:.2f})")
    lines.extend(f"warning: {w}" for w in a.warnings)
    return "\n".join(lines)
