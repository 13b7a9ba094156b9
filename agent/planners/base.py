"""Planners turn a `VideoAnalysis` and the user's words into a `ScorePlan`.

Every backend has the same tiny interface and is chosen by name from `PLANNERS`:
`rules` (the offline default), and the language-model backends added beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError


@dataclass
class PlanResult:
    """A plan and how it came about: the evidence a run keeps for training and evaluation."""

    plan: ScorePlan
    reasoning: str = ""
    warnings: list[str] = field(default_factory=list)
    transcript: list[dict] = field(default_factory=list)  # model messages, when a model planned
    reply: str = ""  # one or two lines for the user: what this plan is, or what changed
    question: str | None = None  # set when the request was ambiguous or impossible: the plan is unchanged


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


# name -> factory taking keyword options (model, device, ...). Backends register here.
PLANNERS: dict[str, Callable[..., Planner]] = {}


def register(name: str):
    def deco(factory):
        PLANNERS[name] = factory
        return factory
    return deco


def get_planner(name: str, **options) -> Planner:
    """Build the planner called `name` (rules, hf, chat, scripted)."""
    from v2m.agent.planners import llm
    from v2m.agent.planners import rules  # noqa: F401  (importing registers the backends; both are light)

    if name not in PLANNERS:
        raise V2MError(f"unknown planner backend {name!r}; choose from {sorted(PLANNERS)}")
    return PLANNERS[name](**options)
