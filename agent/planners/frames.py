"""The pictures a vision-language model sees: the analysis' keyframes, or frames sampled from the video.

Keyframes (one small JPEG per shot, written by the video analysis) are the default; when there are
none (an analysis made without `keyframe_dir`, or files since deleted) frames are decoded evenly
from the source with PyAV. Frames are downscaled: a VLM's cost grows with pixels, and planning
needs the gist of a shot, not its detail.
"""

from __future__ import annotations

import logging
from pathlib import Path

from v2m.tools.contract import VideoAnalysis

log = logging.getLogger(__name__)
MAX_SIDE_PX = 448  # multiple of 14 and 16/32 patch grids (Qwen, SigLIP); keeps token counts small


def _shrink(img, max_side: int):
    w, h = img.size
    scale = max_side / max(w, h)
    if scale < 1:
        img = img.resize((max(1, round(w * scale)), max(1, round(h * scale))))
    return img.convert("RGB")


def sample_times(analysis: VideoAnalysis, n: int) -> list[float]:
    """Evenly spaced times (s) inside the video, one per wanted frame, avoiding the very ends."""
    return [analysis.duration_s * (i + 0.5) / n for i in range(n)]


def decode_frames(path: str | Path, times_s: list[float], max_side: int = MAX_SIDE_PX) -> list:
    """Decode the frames nearest `times_s` from a video with PyAV.

    Args:
        path: the video file.
        times_s: wanted times in seconds, ascending.
        max_side: longest side of the returned images in pixels.
    Returns:
        PIL images (possibly fewer than asked when the file ends early).
    """
    import av

    out, want = [], list(times_s)
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if not want:
                break
            if frame.time is not None and frame.time + 1e-6 >= want[0]:
                img = _shrink(frame.to_image(), max_side)
                while want and frame.time + 1e-6 >= want[0]:
                    out.append(img)
                    want.pop(0)
    return out


def load_frames(analysis: VideoAnalysis, max_frames: int = 6, *, sample: bool = False,
                max_side: int = MAX_SIDE_PX) -> list:
    """Pictures for the model: keyframes of the shots (at most `max_frames`, spread evenly), else
    frames decoded from the source. Never raises: a model can still plan from the facts alone.

    Args:
        analysis: the video's analysis (keyframe paths, source path, duration).
        max_frames: most images to return; 0 returns none.
        sample: decode `max_frames` evenly spaced frames even when keyframes exist (for "video" mode).
        max_side: longest side in pixels.
    Returns:
        A list of RGB PIL images, in time order.
    """
    if max_frames <= 0:
        return []
    from PIL import Image

    frames = []
    if not sample:
        paths = [Path(s.keyframe) for s in analysis.shots if s.keyframe and Path(s.keyframe).is_file()]
        if len(paths) > max_frames:
            paths = [paths[round(i * (len(paths) - 1) / (max_frames - 1))] for i in range(max_frames)] \
                if max_frames > 1 else paths[:1]
        for p in paths:
            try:
                with Image.open(p) as im:
                    frames.append(_shrink(im, max_side))
            except OSError as e:
                log.warning("keyframe %s unreadable: %s", p, e)
        if frames:
            return frames
    src = Path(analysis.source)
    if not src.is_file():
        return []
    try:
        if analysis.kind == "image":
            with Image.open(src) as im:
                return [_shrink(im, max_side)]
        return decode_frames(src, sample_times(analysis, max_frames), max_side)
    except Exception as e:  # noqa: BLE001 - a bad picture must not stop planning
        log.warning("could not decode frames from %s: %s", src, e)
        return []
