"""Hand-made analyses for the edit tests and the dialogue benchmark: a bikes-like clip (10 s, 25 fps,
cuts at frames 30, 76, 137, 187, 242) and synthetic clips of any length and cut list."""

from __future__ import annotations

import math

from v2m.tools.contract import Mood, Shot, Transition, VideoAnalysis

BIKES_CUT_FRAMES = [30, 76, 137, 187, 242]


def make_analysis(duration_s: float = 10.0, fps: float = 25.0, cut_frames: list[int] | None = None,
                  arousal: float = 0.55, valence: float = 0.1, source: str = "clip.mp4") -> VideoAnalysis:
    """A VideoAnalysis with hard cuts at `cut_frames` and a smooth motion curve peaking mid-clip."""
    n = int(round(duration_s * fps))
    cuts = [c for c in (BIKES_CUT_FRAMES if cut_frames is None else cut_frames) if 0 < c < n]
    edges = [0, *cuts, n]
    shots, transitions = [], []
    for i, (a, b) in enumerate(zip(edges, edges[1:])):
        shots.append(Shot(index=i, start_s=a / fps, end_s=b / fps, start_frame=a, end_frame=b,
                          transition_in="start" if i == 0 else "cut", motion=0.3 + 0.1 * (i % 3)))
        if i:
            transitions.append(Transition(kind="cut", time_s=a / fps, start_s=a / fps, end_s=a / fps, frame=a,
                                          score=40.0))
    hop = 0.2
    motion = [round(0.3 + 0.3 * math.sin(math.pi * k * hop / duration_s) ** 2, 3) for k in range(int(duration_s / hop))]
    peaks = [round(duration_s / 2, 2)]
    return VideoAnalysis(source=source, duration_s=duration_s, fps=fps, width=640, height=272, n_frames=n,
                         shots=shots, transitions=transitions, motion_hop_s=hop, motion=motion,
                         motion_peaks_s=peaks, tempo_candidates_bpm=[],
                         mood=Mood(valence=valence, arousal=arousal, words=["bright"]))


def bikes() -> VideoAnalysis:
    return make_analysis(source="bikes.mp4")


def long_clip(duration_s: float = 60.0, every_s: float = 4.0) -> VideoAnalysis:
    fps = 25.0
    cuts = [int(round(k * every_s * fps)) for k in range(1, int(duration_s / every_s))]
    return make_analysis(duration_s, fps, cuts, source=f"synthetic_{duration_s:g}s.mp4")


# The chat tests' one clip: 30 s at 25 fps, cut at 6, 13 and 21 s (shots 1-4)
CUTS_S = (6, 13, 21)


def open_chat(tmp_path, request: str):
    """A chat Session (no rendering) on the 30 s clip cut at `CUTS_S`, scored for `request`, stored under tmp_path."""
    return _open(tmp_path, request, make_analysis(30.0, 25.0, [int(t * 25) for t in CUTS_S], source="synthetic.mp4"))


def open_long(tmp_path, request: str = "jazz", analysis: VideoAnalysis | None = None, *, render: bool = False):
    """A chat Session on `long_clip()` (60 s, a cut every 4 s: shots 1-15) or on `analysis`, scored for `request`,
    stored under tmp_path (conftest's `jazz_long` is this one with jazz)."""
    return _open(tmp_path, request, analysis or long_clip(), render=render)


def _open(tmp_path, request: str, a: VideoAnalysis, *, render: bool = False):
    """The session once its warming thread is done: that thread reads a few requests through the readers
    (`rehearsal.rehearse`), and a test that patches a reader before its first turn counts only its own calls."""
    from v2m.agent.dialogue.rehearsal import warming
    from v2m.agent.dialogue.session import Session

    s = Session.open(a.source, request, workdir=tmp_path / "store", analysis=a, render=render)
    warming().join()
    return s


def edited(tmp_path, request: str, said: str, *before: str):
    """(plan before, plan after, reply) of one turn `said` on the 60 s clip scored for `request`, after the turns
    `before`; the turn must be an edit, not a question."""
    s = open_long(tmp_path, request)
    for b in before:
        s.say(b)
    old = s.plan
    turn = s.say(said)
    assert not turn.question, turn.reply
    return old, s.plan, turn.reply


# What an edit did to a plan, read the one way every chat test reads it
def energies(plan) -> list[float]:
    """Each section's energy, in order."""
    return [s.energy for s in plan.sections]


def levels(plan, role: str) -> list[float]:
    """Each section's level offset (dB) for `role`, 0 where none is set."""
    return [(s.levels_db or {}).get(role, 0.0) for s in plan.sections]


def energy_at(plan, t: float) -> float:
    """The energy of the section playing at `t`."""
    return plan.sections[plan.section_at(t)].energy


def level_at(plan, role: str, t: float) -> float:
    """The level offset (dB) for `role` in the section playing at `t`, 0 where none is set."""
    return (plan.sections[plan.section_at(t)].levels_db or {}).get(role, 0.0)


def tempo_at(plan, t: float) -> float:
    """The tempo heard at `t`: its section's own, else the plan's."""
    return plan.sections[plan.section_at(t)].tempo_bpm or plan.tempo_bpm


def tempos(plan) -> list[float]:
    """The tempo each section plays at: its own, else the plan's."""
    return [s.tempo_bpm or plan.tempo_bpm for s in plan.sections]
