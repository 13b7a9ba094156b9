"""The style library: one YAML file per style in `tools/styles/`, read as data, no code per style.

A style says how a genre sounds (tempo range, meter, swing, instruments per role, chord progressions,
grooves) and which words ask for it (`keywords`), so the rules planner can map "in jazz" to it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

STYLE_DIR = resources.files("v2m.tools") / "styles"


class Style(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    keywords: list[str] = Field(description="words in a request that select this style")
    tempo_bpm: tuple[float, float] = Field(description="musical tempo range, quarter notes per minute")
    default_tempo_bpm: float
    meter: Literal["2/4", "3/4", "4/4"] = "4/4"
    swing: float = Field(0.5, ge=0.5, le=0.75, description="offbeat eighth position in the beat; 0.5 = straight")
    modes: list[str] = Field(default_factory=lambda: ["major", "minor"], description="first is the default")
    default_key: str = "C"
    instruments: dict[str, str] = Field(description="role -> General MIDI instrument name")
    tonal: bool = True
    progressions: dict[str, list[list[str]]] = Field(
        default_factory=dict, description="mode -> progressions of roman numerals, one chord per bar")


@lru_cache(maxsize=None)
def style_names() -> tuple[str, ...]:
    """Names of every style in the library, sorted."""
    return tuple(sorted(p.name[:-5] for p in STYLE_DIR.iterdir() if p.name.endswith(".yaml")))


@lru_cache(maxsize=None)
def load_style(name: str) -> Style:
    """Read and validate one style file.

    Args:
        name: a name from `style_names()`.
    Returns:
        The validated `Style`.
    Raises:
        ValueError: the style does not exist.
    """
    if name not in style_names():
        raise ValueError(f"unknown style {name!r}; choose from {list(style_names())}")
    data = yaml.safe_load((STYLE_DIR / f"{name}.yaml").read_text())
    return Style.model_validate(data)
