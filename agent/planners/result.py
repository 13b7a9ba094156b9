"""What every planner returns (`PlanResult`) and the interface every planner has (`Planner`).

The bottom of agent/planners: the backends (rules.py, llm.py), the edit language (agent/dialogue) and the
registry (base.py) all import these two names from here, and this module imports nothing of theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from v2m.tools.contract import ScorePlan, VideoAnalysis


@dataclass
class PlanResult:
    """A plan and how it came about: the evidence a run keeps for training and evaluation."""

    plan: ScorePlan
    reasoning: str = ""
    warnings: list[str] = field(default_factory=list)
    transcript: list[dict] = field(default_factory=list)  # model messages, when a model planned
    reply: str = ""  # one or two lines for the user: what this plan is, or what changed
    question: str | None = None  # set when the request was ambiguous or impossible: the plan is unchanged
    options: list[str] = field(default_factory=list)  # the readings `question` offers, each said as a request


class Planner(Protocol):
    name: str

    def plan(self, analysis: VideoAnalysis, request: str) -> PlanResult:
        """Write a first plan for the video."""
        ...

    def revise(self, analysis: VideoAnalysis, plan: ScorePlan, request: str,
               history: list[ScorePlan] | None = None) -> PlanResult:
        """Return a new plan that does what `request` asks of `plan`, and nothing else; `history` is the
        first plan then the plan after each edit so far (for "like it was before")."""
        ...
