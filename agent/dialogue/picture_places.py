"""Places to pick when a moment is told only by what the picture shows ("softer when the girl waves", "go half time in
the part where they dance"): v2m sees cuts, shots and motion, not a girl or a dance, so the question where offers the
shots that move the most (a wave, a dance and a jump are motion), each said as an answer ("in shot 8"), as the turn's
options; with no motion measured, the first, the middle and the last shot. The question's words are its asker's.

    from v2m.agent.dialogue.picture_places import offered
    offered("Where is 'when the girl waves'? ...", analysis)   # ["in shot 4", "in shot 8", "in shot 11"]
"""

from __future__ import annotations

import re

from v2m.tools.contract import VideoAnalysis
from v2m.agent.dialogue.moment_answers import ASKED_RE

# the questions that ask where a moment of the picture is (`moment_answers.ASKED_RE`), and the place finder's about a part
# it cannot find ("Which part of the video is 'in the part'?")
WHERE_RE = re.compile(rf"{ASKED_RE.pattern}|^Which part of the video is '")
OFFERED = 3   # shots offered at most


def offered(question: str, analysis: VideoAnalysis) -> list[str]:
    """The shots offered as answers to `question` when it asks where a moment of the picture is, in time order; []
    for any other question, or a video of one shot."""
    shots = analysis.shots
    if not WHERE_RE.search(question or "") or len(shots) < 2:
        return []
    moving = sorted(range(len(shots)), key=lambda k: -shots[k].motion)[:OFFERED]
    if all(shots[k].motion <= 0 for k in moving):
        moving = [0, len(shots) // 2, len(shots) - 1]
    return [f"in shot {k + 1}" for k in sorted(set(moving))]
