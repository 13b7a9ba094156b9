"""The style library: one YAML file per style in `tools/styles/`, read as data, no code per style.

A style says how a genre sounds (tempo range, meter, swing, instruments per role, chord progressions,
grooves) and which words ask for it (`keywords`), so the rules planner can map "in jazz" to it. The
arranger reads the rest: drum grooves and fills as step strings, bass and accompaniment patterns, chord
vocabulary, the harmonic rhythm (chords per bar and how a bar leads on to the next chord, read by
`music/progression.py`), whether the progressions are a form that runs on across cuts (the blues), registers,
and intensity levels (a section's energy picks one level).

Step strings are one character per step, spaces ignored; the number of steps per beat is the string's
length divided by the meter's beats, so "x..x...." is eighths in 4/4 and sixteen characters are 16ths.
- drums: `X` accent, `x` hit, `o` ghost, `.` rest.
- bass: `R` root, `3` `5` `7` chord tones, `8` octave, `A` approach (a semitone below the next root),
  `-` hold, `.` rest; the whole string `walk` means a walking bass (one note per beat).
- accompaniment (harmony, pad, strings, brass): `x` chord, `X` accented chord, `a` next arpeggio note,
  `-` hold, `.` rest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from v2m.tools.gm import DRUMS

STYLE_DIR = resources.files("v2m.tools") / "styles"
DRUM_STEP_CHARS = set("Xxo.")
BASS_STEP_CHARS = set("R3578A-.")
COMP_STEP_CHARS = set("xXa-.")


class Level(BaseModel):
    """One intensity level: what each role plays. A role missing here plays its default."""

    model_config = ConfigDict(extra="forbid")

    drums: str | None = Field(None, description="name of a groove in `grooves`; None = drums rest")
    bass: str = "R-------"
    harmony: str = "x-------"
    pad: str = "x-------"
    strings: str = "x-------"
    brass: str = "........"
    melody: float = Field(0.5, ge=0, le=1, description="melody density: share of steps that start a note")
    velocity: int = Field(80, ge=1, le=127, description="base MIDI velocity at this level")

    @field_validator("bass")
    @classmethod
    def _bass(cls, v: str) -> str:
        if v != "walk" and not set(v.replace(" ", "")) <= BASS_STEP_CHARS:
            raise ValueError(f"bass pattern {v!r} uses characters outside {''.join(sorted(BASS_STEP_CHARS))}")
        return v

    @field_validator("harmony", "pad", "strings", "brass")
    @classmethod
    def _comp(cls, v: str) -> str:
        if not set(v.replace(" ", "")) <= COMP_STEP_CHARS:
            raise ValueError(f"accompaniment pattern {v!r} uses characters outside xXa-.")
        return v


class HarmonicRhythm(BaseModel):
    """How fast the chords change: per bar, and how the later beats of a bar lead on to the next chord."""

    model_config = ConfigDict(extra="forbid")

    per_bar: Literal[0.25, 0.5, 1, 2, 3, 4] = Field(
        1, description="chords per bar: 2 = two a bar (a ii-V in one bar), 0.5 = one every two bars (a drone)")
    move: Literal["hold", "dominant", "plagal", "diatonic"] = Field(
        "hold", description="what the later chords of a bar are (harmony.fill_bar): the dominant (a ii-V or a "
        "secondary dominant) of the next chord, that and a plagal neighbour on a repeated chord (gospel), "
        "the scale's chord a fifth above the next (a chorale's diatonic steps)")

    @property
    def hold_bars(self) -> int:
        """Bars each chord of a progression lasts (1 unless the harmony is slower than a chord a bar)."""
        return max(1, round(1 / self.per_bar))


class Scene(BaseModel):
    """Words that call a style to mind without naming it: a culture, an era, a place, an occasion, a film, TV or
    game genre, or a described sound ("a 70s cop show", "Sunday service", "taiko"), with the reason said to
    the user. Read by the chat (`agent/dialogue/cultures.py`), the one place that maps such words to a style;
    `agent/dialogue/scene_styles.py` compares a scene no pattern names with the reasons and words by meaning."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1, description="lower-case regular-expression fragments, matched as "
                             "whole words: 'cop show', '(?:70s|seventies) (?:cop|police)', 'gladiators?'")
    why: str = Field(description="the reason said to the user: 'a 70s cop show ran on funk: ...'")
    adds: list[str] = Field(default_factory=list, description="instruments the scene brings beside the style")
    mode: Literal["major", "minor"] | None = None
    weight: float = Field(1.0, gt=0, le=1, description="how strongly one of the words calls the style up: 1 "
                          "switches alone; a sound (an instrument named, 'taiko') weighs less and needs a "
                          "second word of the same style ('taiko and braams'), as 'add a tuba' is no march")
    genre: bool = Field(False, description="a genre people name that is no style of ours ('drum n bass', 'salsa'): "
                        "the nearest style, asked for as a style named is, never an occasion the music is for")

    @field_validator("words")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        for w in v:
            try:
                re.compile(w)
            except re.error as e:
                raise ValueError(f"scene words {w!r}: {e}") from None
            if w != w.lower():
                raise ValueError(f"scene words {w!r} must be lower case (requests are read lower-cased)")
        return v


class Style(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    keywords: list[str] = Field(description="words in a request that select this style")
    scenes: list[Scene] = Field(default_factory=list, description="words that call the style to mind without "
                                "naming it (a culture, era, place, occasion, screen genre or sound)")
    tempo_bpm: tuple[float, float] = Field(description="musical tempo range, quarter notes per minute")
    default_tempo_bpm: float
    meter: Literal["2/4", "3/4", "4/4"] = "4/4"
    swing: float = Field(0.5, ge=0.5, le=0.75, description="offbeat eighth position in the beat; 0.5 = straight")
    swing_unit: Literal[8, 16] = Field(8, description="note value that swings: eighths (jazz) or 16ths (lo-fi)")
    modes: list[str] = Field(default_factory=lambda: ["major", "minor"], description="first is the default")
    default_key: str = "C"
    instruments: dict[str, str] = Field(description="role -> General MIDI instrument name")
    tonal: bool = True
    progressions: dict[str, list[list[str]]] = Field(
        default_factory=dict, description="mode -> progressions of roman numerals, one chord per bar")
    form: bool = Field(False, description="the progressions are a form (the twelve-bar blues) that runs on "
                       "across cuts: sections end where the form is, not on an added half cadence")
    harmonic_rhythm: HarmonicRhythm = Field(default_factory=HarmonicRhythm)
    # --- what the arranger reads
    chords: Literal["triad", "seventh", "ninth", "power", "sus"] = Field(
        "triad", description="chord vocabulary: progressions' triads are extended (or reduced) to this")
    registers: dict[str, tuple[int, int]] = Field(
        default_factory=dict, description="role -> lowest, highest MIDI note it plays")
    grooves: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="groove name -> drum name (gm.DRUMS) -> step string")
    fill: dict[str, str] = Field(default_factory=dict, description="drum fill, aligned to the end of a bar")
    levels: list[Level] = Field(min_length=1, description="intensity levels, softest first")
    accent_drum: str = Field("crash", description="drum struck on hit points (gm.DRUMS name)")
    melody_rhythms: list[str] = Field(
        default_factory=lambda: ["x.x.x-..", "x--.x.x.", "x.xx.-x.", "x---x---"],
        description="one-bar rhythm cells the melody motifs start from (x onset, - hold, . rest)")
    humanize: float = Field(0.0, ge=0, le=0.05, description="timing jitter in beats (deterministic)")
    blue_notes: bool = Field(False, description="the melody may touch the flat third of the key: blues")

    @field_validator("grooves")
    @classmethod
    def _grooves(cls, v: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for name, groove in v.items():
            for drum, steps in groove.items():
                if drum not in DRUMS:
                    raise ValueError(f"groove {name!r}: unknown drum {drum!r}; choose from {sorted(DRUMS)}")
                if not set(steps.replace(" ", "")) <= DRUM_STEP_CHARS:
                    raise ValueError(f"groove {name!r}, {drum}: step string uses characters outside 'Xxo.'")
        return v

    def level(self, energy: float) -> Level:
        """The intensity level a section of this energy (0..1) plays at."""
        return self.levels[min(len(self.levels) - 1, int(energy * len(self.levels)))]

    def register(self, role: str) -> tuple[int, int]:
        """Lowest and highest MIDI note for a role; sensible defaults when the style names none."""
        default = {"bass": (28, 55), "melody": (60, 84), "lead": (60, 84), "harmony": (50, 76),
                   "pad": (48, 76), "strings": (48, 81), "brass": (50, 77)}
        return self.registers.get(role, default.get(role, (48, 84)))


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
    # libyaml's loader when it is built in: several times faster than the pure-Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((STYLE_DIR / f"{name}.yaml").read_text(), Loader=loader)  # noqa: S506 (a safe loader)
    return Style.model_validate(data)
