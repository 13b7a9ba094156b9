"""Load and render v2m's prompt templates (`prompts/planner.yaml`) and example plans (`prompts/examples/`).

Prompts are data: the YAML holds Jinja2 templates, rendered with `StrictUndefined` so a missing
variable raises instead of silently becoming an empty string in front of a model.

    from v2m.prompts.templates import render, example_plans
    text = render("analyse", request="in jazz", facts="...")
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import yaml

PROMPT_DIR = resources.files("v2m.prompts")
TEMPLATE_NAMES = ("system", "analyse", "plan", "revise", "reask", "agent")


@lru_cache(maxsize=None)
def _templates() -> dict:
    from jinja2 import Environment, StrictUndefined

    data = yaml.safe_load((PROMPT_DIR / "planner.yaml").read_text(encoding="utf-8"))
    missing = [n for n in TEMPLATE_NAMES if n not in data]
    if missing:
        raise ValueError(f"prompts/planner.yaml lacks templates {missing}")
    # keep_trailing_newline: templates are joined into messages; trim_blocks keeps {% %} lines tidy.
    env = Environment(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=False, autoescape=False)
    return {n: env.from_string(data[n]) for n in TEMPLATE_NAMES} | {"version": data.get("version", 0)}


def prompt_version() -> int:
    """Version number of the prompt set, recorded with every model run."""
    return int(_templates()["version"])


def render(name: str, **variables) -> str:
    """Render one template strictly.

    Args:
        name: one of TEMPLATE_NAMES.
        **variables: the template's variables; every one it uses must be given.
    Returns:
        The rendered text, stripped.
    Raises:
        KeyError: unknown template name.
        jinja2.UndefinedError: a variable the template uses was not given.
    """
    if name not in TEMPLATE_NAMES:
        raise KeyError(f"unknown prompt template {name!r}; choose from {TEMPLATE_NAMES}")
    return _templates()[name].render(**variables).strip()


def example_paths() -> list:
    """Paths (importlib resources) of the example plans, sorted by name."""
    return sorted((p for p in (PROMPT_DIR / "examples").iterdir() if p.name.endswith(".json")),
                  key=lambda p: p.name)


@lru_cache(maxsize=None)
def example_plans() -> dict[str, dict]:
    """Example plans by file stem, as plain dicts (validate them with ScorePlan.model_validate)."""
    return {p.name[:-5]: json.loads(p.read_text(encoding="utf-8")) for p in example_paths()}


def example_json(name: str | None = None) -> str:
    """One example plan as compact JSON for a prompt: `name`, or the first example.

    Args:
        name: an example's file stem, e.g. "jazz_street"; None picks the first.
    Returns:
        Single-line JSON text.
    """
    plans = example_plans()
    plan = plans[name] if name else next(iter(plans.values()))
    return json.dumps(plan, separators=(", ", ": "))
