"""Hostile cases about image sequences (a printf pattern like frame_%03d.png, or a folder of numbered images):
each builds its images here from `hostile_media.Clip` pictures; importing this module adds them to
`hostile_cases.CASES`. A sequence is shown one image every 1/fps s from 0, so that is the truth the scored
video is graded against.
"""

from __future__ import annotations

from pathlib import Path

from hostile_cases import Setup, _simple
from hostile_media import Clip, truncate, write_image, write_sequence


def _score(tmp: Path, source: Path | str, *extra: str) -> list[str]:
    return ["score", str(source), "-o", str(tmp / "out"), *extra]


@_simple("seq-pattern-png", expect="video")
def _(tmp):
    truth = write_sequence(tmp / "shots", Clip(frames=40, cuts=(16,)))
    return Setup(_score(tmp, tmp / "shots" / "frame_%03d.png"), truth=truth, out=tmp / "out")


@_simple("seq-folder-jpeg-12fps", expect="video")
def _(tmp):
    truth = write_sequence(tmp / "my shots", Clip(frames=30, fps=12, cuts=(14,)), "img-%04d.jpg", start=0)
    return Setup(_score(tmp, tmp / "my shots", "--fps", "12"), truth=truth, out=tmp / "out")


@_simple("seq-unpadded-from-95", expect="video", slow=True)
def _(tmp):
    # numbers past FFmpeg's default start range, growing a digit half-way (99 -> 100)
    truth = write_sequence(tmp / "s", Clip(frames=30, cuts=(12,)), "shot%d.bmp", start=95)
    return Setup(_score(tmp, tmp / "s" / "shot%d.bmp"), truth=truth, out=tmp / "out")


@_simple("seq-folder-unpadded", expect="video", slow=True)
def _(tmp):
    truth = write_sequence(tmp / "s", Clip(frames=30, cuts=(9,)), "%d.png")
    return Setup(_score(tmp, tmp / "s"), truth=truth, out=tmp / "out")


@_simple("seq-ntsc-fps", expect="video", slow=True)
def _(tmp):
    truth = write_sequence(tmp / "s", Clip(frames=45, fps=30000 / 1001, cuts=(20,)))
    return Setup(_score(tmp, tmp / "s", "--fps", "29.97"), truth=truth, out=tmp / "out")


@_simple("seq-one-image-is-a-still", expect="video", slow=True)
def _(tmp):
    (tmp / "s").mkdir()
    write_image(tmp / "s" / "frame_001.png", (64, 48))
    return Setup(_score(tmp, tmp / "s", "--still-seconds", "2"), out=tmp / "out")


@_simple("seq-corrupt-image", expect="video", slow=True)
def _(tmp):
    # a broken image mid-shot is skipped: the one before it stays on screen, every time after it is kept
    truth = write_sequence(tmp / "s", Clip(frames=40, cuts=(25,)))
    truncate(tmp / "s" / "frame_009.png", 0.3)
    return Setup(_score(tmp, tmp / "s"), truth=truth, out=tmp / "out")


@_simple("seq-pattern-matches-nothing", error_has="no files match")
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=5))
    return Setup(_score(tmp, tmp / "s" / "img_%03d.png"))


@_simple("seq-folder-without-images", error_has="no images")
def _(tmp):
    (tmp / "s").mkdir()
    (tmp / "s" / "notes.txt").write_text("not a picture\n")
    return Setup(_score(tmp, tmp / "s"))


@_simple("seq-gap-in-numbering", error_has="is missing between")
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=12))
    (tmp / "s" / "frame_007.png").unlink()
    return Setup(_score(tmp, tmp / "s" / "frame_%03d.png"))


@_simple("seq-mixed-sizes", error_has="must share one size")
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=12), sizes={6: (64, 48)})
    return Setup(_score(tmp, tmp / "s"))


@_simple("seq-two-sequences-in-a-folder", error_has="image sequences")
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=4), "a_%02d.png")
    write_sequence(tmp / "s", Clip(frames=4), "b_%02d.png")
    return Setup(_score(tmp, tmp / "s"))


@_simple("seq-unnumbered-image-in-folder", error_has="not numbered", slow=True)
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=4))
    write_image(tmp / "s" / "cover.png", (96, 64))
    return Setup(_score(tmp, tmp / "s"))


@_simple("seq-mixed-number-widths", error_has="mixed widths", slow=True)
def _(tmp):
    write_sequence(tmp / "s", Clip(frames=3), "f_%03d.png")
    write_sequence(tmp / "s", Clip(frames=1), "f_%d.png", start=4)
    return Setup(_score(tmp, tmp / "s"))


@_simple("seq-inside-the-output-keyframes", error_has="would be overwritten")
def _(tmp):
    write_sequence(tmp / "out" / "keyframes", Clip(frames=6))  # --force would clear the input itself away
    return Setup(_score(tmp, tmp / "out" / "keyframes", "--force"))
