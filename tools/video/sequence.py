"""Image sequences as video: a printf-style pattern (`shots/frame_%03d.png`, as FFmpeg's image2 reads it)
or a folder of numbered images becomes an H.264 clip, and from then on it is a video like any other.

    from v2m.tools.video.sequence import as_video, find_sequence, is_sequence
    seq = find_sequence("shots/frame_%03d.png", fps=25)   # ImageSequence: files, first number, name "frame"
    with as_video("shots/", fps=12, workdir=tmp) as clip:  # an MP4 in tmp (an ordinary input: itself)
        analysis = analyze(clip)

The images are checked before anything is encoded: a pattern that matches nothing, a folder with no
images, two sequences in one folder, a gap in the numbering (FFmpeg would silently stop there and the
music would be cut short) and a bad frame rate are each one `InputError` line. Images of another size
than the first are refused when the encoder reaches them (reading every header first would cost as much
as decoding). The clip is made by `container.encode_frames`, the encoder GIFs and codecs no container can
copy go through, with one frame every 1/fps seconds from 0, so the picture, its cuts and the music's
length all come from the same clock. A sequence of one image is that image: a still.
"""

from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Iterator

from v2m.tools.audio.container import decoded_frames, encode_frames
from v2m.tools.errors import InputError

DEFAULT_FPS = 25.0     # FFmpeg's image2 default, and what a still becomes
MAX_FPS = 240.0
NTSC_TOLERANCE = 0.005  # --fps 29.97 means 30000/1001: a rate this close to n*1000/1001 is taken as it
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pnm", ".qoi",
                  ".tga", ".dpx", ".exr"}
PATTERN = re.compile(r"%(0?\d*)d")    # the one number in a printf-style name (%d, %3d, %03d)
NUMBERED = re.compile(r"^(.*?)(\d+)(\.[^.]+)$")  # a file name that ends in a number before its suffix


@dataclass(frozen=True)
class ImageSequence:
    """Numbered images, shown one every 1/fps seconds."""

    pattern: Path                 # printf-style, e.g. shots/frame_%03d.png
    first: int                    # the first image's number
    files: tuple[Path, ...]       # in order, without gaps
    fps: float
    name: str                     # what outputs are named after: "frame" for frame_%03d.png, a folder's name

    def open(self):
        """The sequence opened with FFmpeg's image2 demuxer at `fps`, from the first number."""
        import av

        return av.open(str(self.pattern), format="image2",
                       options={"framerate": str(self.rate), "start_number": str(self.first)})

    @property
    def rate(self) -> Fraction:
        """The frame rate as FFmpeg takes it: 29.97 and 23.976 are the NTSC rates 30000/1001, 24000/1001."""
        ntsc = Fraction(round(self.fps * 1.001) * 1000, 1001)
        if ntsc.denominator != 1 and abs(float(ntsc) - self.fps) < NTSC_TOLERANCE:
            return ntsc
        return Fraction(self.fps).limit_denominator(1000)


def is_sequence(path: str | os.PathLike) -> bool:
    """True for a folder or a printf-style pattern that is not itself a file."""
    p = Path(path)
    return p.is_dir() or (not p.exists() and not p.is_symlink() and bool(PATTERN.search(p.name)))


def sequence_name(path: str | os.PathLike) -> str:
    """The name outputs take (`<name>.scored.mp4`, `<name>_v2m`): a file's stem; a pattern's without its
    number ("frame_%03d.png" -> "frame"); a folder's own name."""
    p = Path(path)
    if not is_sequence(p):
        return p.stem
    if p.is_dir():
        return p.resolve().name or "sequence"
    stem = PATTERN.sub("", Path(p.name).stem).strip("_-. ")
    return stem or p.resolve().parent.name or "sequence"


def find_sequence(path: str | os.PathLike, fps: float = DEFAULT_FPS) -> ImageSequence:
    """The sequence `path` names: a printf-style pattern or a folder of numbered images.

    Raises:
        InputError: nothing matches, no images, two sequences in one folder, mixed or broken numbering,
            a gap, or a frame rate outside (0, MAX_FPS].
    """
    if not 0 < fps <= MAX_FPS:
        raise InputError(f"--fps must be above 0 and at most {MAX_FPS:g}, got {fps:g}")
    p = Path(path)
    pattern = _folder_pattern(p) if p.is_dir() else p
    if not p.is_dir() and len(PATTERN.findall(p.name)) != 1:
        raise InputError(f"{path}: a sequence pattern holds one number, like frame_%03d.png")
    numbers = _matches(pattern)
    if not numbers:
        raise InputError(f"{path}: no files match this pattern" if not p.is_dir() else f"{path}: no images")
    if pattern.suffix.lower() not in IMAGE_SUFFIXES:
        raise InputError(f"{path}: not images ({pattern.suffix or 'no suffix'}); a sequence is numbered "
                         f"images ({', '.join(sorted(IMAGE_SUFFIXES)[:6])}, ...)")
    ordered = sorted(numbers)
    for a, b in zip(ordered, ordered[1:]):
        if b != a + 1:
            missing = _format(pattern, a + 1)
            raise InputError(f"{path}: image {a + 1} ({missing.name}) is missing between {a} and {b}; a sequence "
                             "is numbered without gaps")
    files = tuple(numbers[n] for n in ordered)
    return ImageSequence(pattern, ordered[0], files, float(fps), sequence_name(path))


def _format(pattern: Path, n: int) -> Path:
    return pattern.with_name(PATTERN.sub(lambda m: f"%{m.group(1)}d" % n, pattern.name, count=1))


def _matches(pattern: Path) -> dict[int, Path]:
    """number -> file for every file in the pattern's folder whose name the pattern prints exactly."""
    folder = pattern.parent
    head, _, tail = PATTERN.split(pattern.name, maxsplit=1)
    loose = re.compile(re.escape(head) + r"(\d+)" + re.escape(tail) + "$")
    found: dict[int, Path] = {}
    try:
        names = os.listdir(folder if str(folder) else ".")
    except OSError as e:
        raise InputError(f"{pattern}: cannot read the folder {folder} ({e.strerror})") from None
    for name in names:
        m = loose.match(name)
        if m and _format(pattern, int(m.group(1))).name == name and (folder / name).is_file():
            found[int(m.group(1))] = folder / name
    return found


def _folder_pattern(folder: Path) -> Path:
    """The one printf-style pattern the images in `folder` follow (frame_001.png ... -> frame_%03d.png)."""
    try:
        names = os.listdir(folder)
    except OSError as e:
        raise InputError(f"{folder}: cannot read this folder ({e.strerror})") from None
    images = sorted(n for n in names if Path(n).suffix.lower() in IMAGE_SUFFIXES
                    and not n.startswith(".") and (folder / n).is_file())
    if not images:
        raise InputError(f"{folder}: a folder with no images (an image sequence needs numbered images, "
                         "like frame_001.png, frame_002.png, ...)")
    groups: dict[tuple[str, str], list[str]] = {}
    for name in images:
        m = NUMBERED.match(name)
        if not m:
            raise InputError(f"{folder}: {name} is not numbered; a folder of images is read as one numbered "
                             "sequence (frame_001.png, ...): move it out or give a pattern like frame_%03d.png")
        groups.setdefault((m.group(1), m.group(3)), []).append(m.group(2))
    if len(groups) > 1:
        shown = ", ".join(f"{h}N{t}" for h, t in list(groups)[:3])
        raise InputError(f"{folder}: holds {len(groups)} image sequences ({shown}); give one as a pattern, "
                         "like frame_%03d.png")
    (head, tail), digits = next(iter(groups.items()))
    widths = {len(d) for d in digits}
    if len(widths) == 1:
        number = f"%0{widths.pop()}d"
    elif any(d.startswith("0") and len(d) > 1 for d in digits):
        raise InputError(f"{folder}: the images are numbered with mixed widths ({head}{min(digits, key=len)}"
                         f"{tail}, {head}{max(digits, key=len)}{tail}); rename them or give a pattern")
    else:
        number = "%d"
    if "%" in head + tail:
        raise InputError(f"{folder}: image names with a % sign ({images[0]}); rename them or give a pattern")
    return folder / f"{head}{number}{tail}"


def encode_sequence(seq: ImageSequence, out_path: str | os.PathLike) -> Path:
    """Encode `seq` as an H.264 MP4 (one frame every 1/fps s from 0) through `container.encode_frames`.

    Raises:
        InputError: an image of another size than the first, or an image that cannot be decoded.
    """
    import av

    try:
        with seq.open() as src:
            vin = src.streams.video[0]
            return encode_frames(_same_size(decoded_frames(src, vin), seq), out_path, seq.rate,
                                 Fraction(1) / seq.rate, seq.pattern.name)
    except av.FFmpegError as e:
        raise InputError(f"{seq.pattern}: the images cannot be read as a sequence ({e})") from None


def _same_size(frames, seq: ImageSequence):
    """The frames, stopping with one clear line at the first image of another size than the first."""
    size = None
    for frame in frames:
        if size is None:
            size = (frame.width, frame.height)
        elif (frame.width, frame.height) != size:
            index = int(frame.pts) if frame.pts is not None and 0 <= frame.pts < len(seq.files) else None
            which = seq.files[index].name if index is not None else "an image"
            raise InputError(f"{which} is {frame.width}x{frame.height} but {seq.files[0].name} is {size[0]}x{size[1]};"
                             " the images of a sequence must share one size")
        yield frame


@contextmanager
def as_video(source: str | os.PathLike | ImageSequence, fps: float = DEFAULT_FPS,
             workdir: str | os.PathLike | None = None) -> Iterator[Path]:
    """The input as a file the video tools read: an ordinary file as it is; an image sequence (a path, or
    an `ImageSequence` already found) encoded as `<name>.mp4` in a temporary folder (inside `workdir` when
    given) that is removed afterwards; a sequence of one image is that image, linked as `<name><suffix>`
    (a still). Either way the file's stem is the sequence's name, which outputs are named after.

    Raises:
        InputError: see `find_sequence` and `encode_sequence`.
    """
    if not isinstance(source, ImageSequence) and not is_sequence(source):
        yield Path(source)
        return
    seq = source if isinstance(source, ImageSequence) else find_sequence(source, fps)
    with tempfile.TemporaryDirectory(dir=workdir, prefix=".v2m-sequence-") as tmp:
        if len(seq.files) == 1:
            still = Path(tmp) / f"{seq.name}{seq.files[0].suffix}"
            still.symlink_to(seq.files[0].resolve())
            yield still
        else:
            yield encode_sequence(seq, Path(tmp) / f"{seq.name}.mp4")
