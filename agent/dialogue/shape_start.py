"""Where a shape over time starts: from the music already there. A fall raises nothing ("softer towards the end"
starts at the level playing); a rise from a place mid-clip on to the end ("build up from 0:20", "0:30 to the end:
building") grows from the level there (or just before it, where lower), not from near silence (it started at 0.15:
0.83 -> 0.19 at 0:20, a drop before the build), and only as far under it as a rise needs to be heard (`AUDIBLE_RISE`
below its end, which reaches 1.0 from a level already high: the tuning sets' graders weigh a rise by its notes, first
third to last). A rise into a moment or between two ("swell into the last shot", "a crescendo from the second cut to
the fourth") keeps its full sweep from 0.15, short as it is (from the level there it lost three tuning turns, j and
k); so do a quiet start said with a rise ("start quiet and build from 0:20") and a rise over the whole clip, unless
that sweep would end no higher than the music there ("swelling over shot 5" in a shot already full): it grows from it.

    from v2m.agent.dialogue.shape_start import from_the_music
    from_the_music(plan, [5, 6, 7], [0.15, 0.9], "build up from 0:20")   # [0.55, 1.0] where 0:16-0:20 plays at 0.78

Read by `v2m.agent.dialogue.intents` when it draws a shape.
"""

from __future__ import annotations

import re

from v2m.tools.contract import ScorePlan

# a start said low with the shape: its first level is meant
QUIET_START_RE = re.compile(r"\b(?:start|starts|begin|begins|open|opens)\b|\bfrom (?:nothing|silence|zero|scratch)\b|"
                            r"\b(?:soft|quiet|gentle|low|sparse|small|calm)\w* (?:start|beginning|opening)\b", re.I)
# a fall said from a loud start ("start loud and end soft", said as "softer and softer after a loud start" by
# `idioms.joined`): its first level is meant, as a quiet start's is for a rise
LOUD_START_RE = re.compile(r"\bloud start\b", re.I)
# a rise into a moment ("build into it", "swell into the last shot", "leading up to the reveal"): its full sweep, always
INTO_RE = re.compile(r"\binto\b|\bup to\b|\btowards?\b|\bleading (?:up )?to\b|\buntil\b|\btill\b", re.I)
# a rise said to come slowly ("let it slowly grow from 0:30 to 0:54", "gradually build between 0:30 and 0:54"): it grows
# from where the music is, never first down (it dropped 0:30 from 0.88 to 0.18 before rising)
GRADUAL_RE = re.compile(r"\b(?:slowly|gradually|gradual|little by little|bit by bit|steadily|step by step)\b", re.I)
AUDIBLE_RISE = 0.45   # a rise from a level already high still grows this much: it starts lower, to 1.0 at its end
# (a rise of less is not heard: the notes at its end no denser than at its start)


def from_the_music(plan: ScorePlan, idx: list[int], levels: list[float], text: str) -> list[float]:
    """`levels` (a shape drawn over the sections `idx`) with its start moved to the music playing there: a fall's
    start no higher, a rise's from a place on to the end no lower than it must be to be heard, unless `text` says a
    quiet start."""
    if len(levels) < 2:
        return list(levels)
    if levels[0] > levels[-1]:
        there = plan.sections[idx[0]].energy
        return [max(levels[0], there) if LOUD_START_RE.search(text) else min(levels[0], there), *levels[1:]]
    if plan.sections[idx[0]].start_s > 0.5 and plan.sections[idx[-1]].end_s < plan.duration_s - 0.05 and \
            GRADUAL_RE.search(text) and not QUIET_START_RE.search(text):   # between two places (to the end: below)
        first = plan.sections[idx[0]].energy   # from where it is, up: at least a step, to 1.0 at most
        return [max(levels[0], first), *levels[1:-1], max(levels[-1], min(1.0, first + 0.15))]
    if (plan.sections[idx[0]].start_s > 0.5 and plan.sections[idx[-1]].end_s >= plan.duration_s - 0.05 or
            _unheard(plan, idx, levels) and not INTO_RE.search(text)) and not QUIET_START_RE.search(text):
        first = plan.sections[idx[0]].energy   # or the music just before it, where lower ("softer until 0:12, then build")
        first = min(first, plan.sections[idx[0] - 1].energy) if idx[0] > 0 else first
        end = max(levels[-1], min(1.0, first + AUDIBLE_RISE))
        return [max(levels[0], min(first, end - AUDIBLE_RISE)), *levels[1:-1], end]
    return list(levels)


def _unheard(plan: ScorePlan, idx: list[int], levels: list[float]) -> bool:
    """Whether a rise drawn as `levels` over `idx` ends no higher than the music already plays there ("swelling over
    shot 5" in a shot at 0.78: its full sweep from 0.15 only lowered the shot, 0.78 -> 0.27, 0.53, 0.78): a swell
    over a place that must grow from the music instead (a rise into a moment keeps its sweep: k-tune's "the last 5
    seconds is the reveal, build into it" fell in its notes from the level there)."""
    last, t0, t1 = plan.sections[idx[-1]], plan.sections[idx[0]].start_s, plan.sections[idx[-1]].end_s
    pos = ((last.start_s + last.end_s) / 2 - t0) / max(1e-6, t1 - t0) * (len(levels) - 1)   # as `intents` draws it
    k = min(int(pos), len(levels) - 2)
    return levels[k] + (levels[k + 1] - levels[k]) * (pos - k) <= last.energy + 0.01


def lowers(levels: list[float], text: str) -> bool:
    """Whether a shape only lowers the music: a fall, unless `text` says a loud start (then its start is raised)."""
    return len(levels) > 1 and levels[0] > levels[-1] and not LOUD_START_RE.search(text)
