"""What the studio and the MCP server check before trusting anything from outside: uploads (size and
content, sniffed with PyAV, never by the extension), file requests (only inside a session's own folder)
and text shown to people (control characters stripped; model and plan text is data).

    check_upload(path)             # raises InputError: too big, a text file, audio-only, not media
    inside(session_dir, "v0002/score.mid")   # the resolved path, or None when it would leave the folder
    printable("a\\x1b[2Jb")         # "a[2Jb"
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from v2m.tools.errors import InputError
from v2m.tools.video.analyze import IMAGE_FORMATS, TEXT_CODECS, TEXT_FORMATS, check_input

MAX_UPLOAD_BYTES = 500 * 1024 * 1024   # one upload; a 10-minute 1080p clip is about 300 MB
UPLOAD_CHUNK_BYTES = 1024 * 1024       # uploads are copied to disk in pieces this size, counting as they go
SESSION_ID_RE = re.compile(r"[0-9a-f]{10}")   # what `Store.create_session` makes (uuid4 hex, 10 digits)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` without control characters (terminal escapes, bidi overrides); newlines and tabs stay."""
    return _CONTROL_RE.sub("", str(text))


def too_big(size: int, limit: int = MAX_UPLOAD_BYTES) -> str:
    return f"the upload is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB"


def check_upload(path: str | os.PathLike, limit: int = MAX_UPLOAD_BYTES) -> str:
    """Refuse an uploaded file that is too big or is not a video or an image, judged by its content.

    Args:
        path: the uploaded file, already on disk.
        limit: the largest size accepted, in bytes.
    Returns:
        "video" or "image".
    Raises:
        InputError: one line saying what is wrong with it.
    """
    import av

    src = check_input(path)
    size = src.stat().st_size
    if size > limit:
        raise InputError(too_big(size, limit))
    try:  # open and read one frame: the container and the codec both have to be real
        with av.open(str(src)) as c:
            if not c.streams.video:
                raise InputError("audio-only file, no picture" if c.streams.audio else "no video stream")
            if c.format.name in TEXT_FORMATS or c.streams.video[0].codec_context.name in TEXT_CODECS:
                raise InputError("a text file, not a video or image")
            next(c.decode(video=0))
            kind = "image" if c.format.name in IMAGE_FORMATS else "video"
    except (av.FFmpegError, StopIteration, UnicodeDecodeError, ValueError, OSError):
        raise InputError("not a video or image (no decodable picture in it)") from None
    return kind


def inside(root: str | os.PathLike, relative: str) -> Path | None:
    """The file `relative` names under `root`, or None when it is not a file strictly inside `root`
    (`..`, an absolute path, a symlink out, a folder)."""
    base = Path(root).resolve()
    try:
        target = (base / relative).resolve()
    except (OSError, ValueError):
        return None
    if base not in target.parents or not target.is_file():
        return None
    return target
