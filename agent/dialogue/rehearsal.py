"""A chat's first turn rehearsed before it is said: a thread, started as a session opens (`warming`), compiles the
readers' big tables (`patterns.Lazy`, `patterns.LazyPattern`) and then reads a few everyday requests (`REQUESTS`)
on a clip and plan of its own (`rehearse`), the answers thrown away.

    from v2m.agent.dialogue.rehearsal import warming
    warming()          # as a session opens; `Session.say` joins it before reading

Why the reading: the readers build many of their patterns inside their functions from module constants
(`re.search(rf"\\b(?:add|bring in) {INSTR}\\b", text)`); `re` compiles each on its first call and keeps it in its
own cache, so the first turn that read a part compiled 163 of them (tests/test_patterns.py). Read once here, they
are in re's cache when the user speaks: the same turn compiles 1, and tests/bench/bench_turn.py's first edit takes
1.2 s, not 3.2 s (load ~5). That cache keeps the last 512 patterns compiled (Python 3.11 drops the oldest first), and the
rehearsal compiles ~260, so they stay until some 250 others are compiled after it.
The reading is pure: `apply_edit` returns a new plan and writes nothing; the clip and plan are the rehearsal's own,
so no session's plan, history or files are touched (the readers keep what they keep per thread: `readings`).
"""

from __future__ import annotations

import threading
from functools import cache

from v2m.agent.dialogue import scene_styles
from v2m.agent.dialogue.patterns import compile_all
from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.planners.rules import RulesPlanner
from v2m.tools.contract import Shot, Transition, VideoAnalysis

# What first turns often say, a few families of readers each: tempo over a half, a part added and one louder, a part
# taken out of a shot, the mood over a stretch of time, a mark on a cut. (Not the words of the turns that measure it:
# tests/test_patterns.py, tests/bench/bench_turn.py.)
REQUESTS = (
    "slower in the second half",
    "bring in a cello for the ending and the bass up",
    "brighter from 0:04 to 0:08",
    "a crash on the second cut",
    "take the drums out of shot 2",
)
FPS = 25
CUT_FRAMES = (100, 200)   # a 12 s clip cut at 0:04 and 0:08: three shots, enough for "shot 2" and "the ending"


def _clip() -> VideoAnalysis:
    """The rehearsal's clip: 12 s, cut at 0:04 and 0:08."""
    edges = (0, *CUT_FRAMES, 300)
    shots = [Shot(index=i, start_s=a / FPS, end_s=b / FPS, start_frame=a, end_frame=b,
                  transition_in="cut" if i else "start") for i, (a, b) in enumerate(zip(edges, edges[1:]))]
    cuts = [Transition(kind="cut", time_s=f / FPS, start_s=f / FPS, end_s=f / FPS, frame=f) for f in CUT_FRAMES]
    return VideoAnalysis(source="rehearsal.mp4", duration_s=edges[-1] / FPS, fps=FPS, width=640, height=360,
                         n_frames=edges[-1], shots=shots, transitions=cuts, motion_hop_s=0.2)


def rehearse() -> None:
    """Read `REQUESTS` through the rules planner's reader (`apply_edit`) on the rehearsal's clip and its jazz plan."""
    analysis = _clip()
    plan = RulesPlanner().plan(analysis, "score this in jazz").plan
    for text in REQUESTS:
        apply_edit(analysis, plan, text, [plan])


@cache
def warming() -> threading.Thread:
    """A thread, started on the first call in a process, that compiles every `Lazy` table and `LazyPattern` made so far
    (importing the readers made them all), then `rehearse`s; join it before reading. Why: the first turn that read a
    part compiled the part-name alternations (~500 instrument words, INSTR_ALT), 1.8 s of one turn that was otherwise
    0.5 s, and then the patterns its readers build per call. A session starts it as it opens, so the work overlaps the
    first render (FluidSynth and FFmpeg run without Python's lock) or the user's first words; `v2m score`, which reads
    no request, never starts it."""
    thread = threading.Thread(target=_warm, name="v2m-patterns", daemon=True)
    thread.start()
    return thread


def _warm() -> None:
    compile_all()
    try:
        rehearse()
        scene_styles.warm()   # the styles' texts embedded once (seconds), before a scene is first told
    except Exception:  # noqa: BLE001 - a rehearsal is only a warm cache: a reader's failure here is the first turn's to
        pass           # meet, where its error is handled, never a thread's traceback printed into the user's chat
