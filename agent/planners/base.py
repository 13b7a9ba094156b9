"""Planners turn a `VideoAnalysis` and the user's words into a `ScorePlan`; `get_planner` builds one by name.

    from v2m.agent.planners.base import get_planner
    result = get_planner("rules").plan(analysis, "score this in jazz")

`PLANNERS` is the whole registry, a plain dict: `rules` (the offline default) and the language-model
backends of llm.py (`hf` a transformers VLM, `chat` a LangChain chat model, `scripted` canned replies for
tests). Every backend has the interface of `Planner` and returns a `PlanResult` (both in result.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from v2m.agent.planners.result import Planner, PlanResult  # noqa: F401  (callers import both from here too)
from v2m.agent.planners.rules import RulesPlanner
from v2m.tools.errors import V2MError

# name -> class or factory taking keyword options (model, device, ...). The language-model factories are
# named "module:attribute" and imported when chosen: llm.py builds its fallback planner with `get_planner`,
# so importing it from here would make a cycle, and only a run that picks a model needs that module.
PLANNERS: dict[str, Callable[..., Planner] | str] = {
    "rules": RulesPlanner,
    "hf": "v2m.agent.planners.llm:hf_planner",
    "chat": "v2m.agent.planners.llm:chat_planner",
    "scripted": "v2m.agent.planners.llm:scripted_planner",
}


def get_planner(name: str, **options) -> Planner:
    """Build the planner called `name`.

    Args:
        name: a key of `PLANNERS` (rules, hf, chat, scripted).
        **options: the backend's keyword options (model, device, max_attempts, ...).
    Returns:
        The planner (a language-model backend may load its model here).
    Raises:
        V2MError: no backend has that name.
    """
    if name not in PLANNERS:
        raise V2MError(f"unknown planner backend {name!r}; choose from {sorted(PLANNERS)}")
    factory = PLANNERS[name]
    if isinstance(factory, str):
        module, _, attribute = factory.partition(":")
        factory = getattr(import_module(module), attribute)
    return factory(**options)


def register(name: str):
    """A decorator that does nothing: the registry is `PLANNERS` above. It remains only while
    agent/planners/llm.py still decorates its factories with it (remove both together)."""
    return lambda factory: factory
