"""The outside reviews' harness (tests/test_review9, 10, 11 and 13), written once: their synthetic clips, the record
a turn's check sees, the plan readers they share and one run of a dialogue through a real Session. Each review
keeps its own dialogues, checks and readers that read differently (a hit's tolerance, what "says" means)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from dialogue_check import _real_bikes
from edit_clips import _open, energy_at, level_at, long_clip, make_analysis, tempo_at

from v2m.agent.dialogue.operations import effective_roles


def synthetic(duration: float, cuts: tuple[float, ...]):
    """A clip of `duration` s at 25 fps, cut at each time in `cuts` (s)."""
    return make_analysis(duration, 25.0, [int(round(t * 25)) for t in cuts], source="synthetic.mp4")


# The clips more than one review plays on; a review adds its own (`{**CLIPS, "l90": ...}`)
CLIPS = {"s20": lambda: synthetic(20.0, (7, 12.5)),            # shots 0-7, 7-12.5, 12.5-20
         "s30": lambda: synthetic(30.0, (6, 13, 21)),          # shots 0-6, 6-13, 13-21, 21-30
         "s45": lambda: synthetic(45.0, (7, 15, 22, 30, 38)),  # 6 shots
         "l72": lambda: long_clip(72.0, 6.0),                  # a cut every 6 s: 12 shots
         "bikes": _real_bikes}                                 # the real clip, analysed


@dataclass
class C:
    """What a check sees: the plans before and after the turn, every plan so far (v[0] the first, v[k] after turn
    k), the turn (its reply, question, options) and the clip (the review's own: its analysis or its name)."""
    old: object
    new: object
    v: list
    turn: object
    a: object = None

    @property
    def first(self):
        return self.v[0]


# ----------------------------------------------------------------------------- what a user hears

E, T = energy_at, tempo_at   # the energy and the tempo heard at t (edit_clips, the one reading of a plan)


def L(p, t, role):
    """A part's level offset (dB) at t, 0 where none is set."""
    return level_at(p, role, t)


def roles(p, t) -> set:
    """The parts playing at t (none where the music is silent)."""
    s = p.sections[p.section_at(t)]
    return set(effective_roles(p, s)) if s.music else set()


def role_of(p, word):
    """The role an instrument word plays in this plan ("piano" -> harmony in jazz), else None."""
    return next((r for r, name in p.instrumentation.items() if word.lower() in name.lower()), None)


# ----------------------------------------------------------------------------- a dialogue, once

def talk(a, request: str, says) -> tuple[list, list]:
    """Open a real Session (no rendering) on the analysis `a` scored for `request` and say each of `says` in turn:
    every plan (v[0] the first, v[k] after turn k) and every turn."""
    with tempfile.TemporaryDirectory() as tmp:
        s = _open(Path(tmp), request, a)
        v, said = [s.plan], []
        for say in says:
            said.append(s.say(say))
            v.append(s.plan)
    return v, said
