"""The contract between v2m's stages, defined once.

`VideoAnalysis` holds what was measured in the picture; `ScorePlan` holds what music plays when.
The planner writes a ScorePlan, the composer and the audio route read it, fine-tuning targets and
evaluation inputs are ScorePlans too. Units are in the field names (`_s` seconds, `_bpm` beats per
minute, `_lufs` loudness). Unknown fields are rejected, so a model's typo is an error, not a silent
default. Export the JSON Schema with `v2m schema`.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from v2m.tools.gm import instrument_number
from v2m.tools.style import style_names

SCHEMA_VERSION = 1
# A plan's sections must tile the video; this much slack (seconds) absorbs float rounding in JSON.
COVER_TOLERANCE_S = 0.05
MIN_TEMPO_BPM, MAX_TEMPO_BPM = 40.0, 240.0        # what the composer plays and the video's rhythm is searched in
MIN_LOUDNESS_LUFS, MAX_LOUDNESS_LUFS = -40.0, -6.0  # a plan's loudness target
TONIC_RE = re.compile(r"^[A-G](#|b)?$")
ROLES = ("drums", "bass", "harmony", "melody", "pad", "lead", "percussion", "strings", "brass")
# A part's level against the others (Section.levels_db): past these it is silent or drowns the rest.
MIN_LEVEL_DB, MAX_LEVEL_DB = -18.0, 12.0


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# ----------------------------------------------------------------------------- analysis


class Shot(Strict):
    """One continuous shot between two transitions."""

    index: int = Field(ge=0)
    start_s: float = Field(ge=0)
    end_s: float = Field(gt=0)
    start_frame: int = Field(ge=0)
    end_frame: int = Field(ge=0, description="exclusive")
    transition_in: Literal["start", "cut", "fade", "dissolve"] = "start"
    brightness: float = Field(0.5, ge=0, le=1, description="mean luma, 0..1")
    contrast: float = Field(0.0, ge=0, le=1, description="luma standard deviation, 0..1")
    saturation: float = Field(0.0, ge=0, le=1, description="mean HSV saturation, 0..1")
    warmth: float = Field(0.0, ge=-1, le=1, description="red-blue balance, -1 cold .. 1 warm")
    motion: float = Field(0.0, ge=0, le=1, description="mean motion energy, 0..1")
    dominant_colors: list[str] = Field(default_factory=list, description="hex colours, most common first")
    valence: float = Field(0.0, ge=-1, le=1)
    arousal: float = Field(0.0, ge=0, le=1)
    keyframe: str | None = Field(None, description="path of a small JPEG of the shot's middle frame")

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


class Transition(Strict):
    """A shot boundary. Hard cuts have start_s == end_s == time_s."""

    kind: Literal["cut", "fade", "dissolve"]
    time_s: float = Field(ge=0, description="where the new shot begins")
    start_s: float = Field(ge=0)
    end_s: float = Field(ge=0)
    frame: int = Field(ge=0, description="first frame of the new shot")
    score: float = Field(0.0, ge=0, description="detector strength, higher is surer")


class Mood(Strict):
    """Simple whole-clip mood cues derived from look and motion, with the reasoning recorded."""

    valence: float = Field(0.0, ge=-1, le=1, description="-1 sad/dark .. 1 happy/bright")
    arousal: float = Field(0.0, ge=0, le=1, description="0 calm .. 1 excited")
    words: list[str] = Field(default_factory=list, description="e.g. ['bright', 'energetic']")
    reasoning: str = ""


class VideoAnalysis(Strict):
    """Everything v2m measured about one input video or still image."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: str = Field(description="input path as given")
    kind: Literal["video", "image"] = "video"
    duration_s: float = Field(gt=0)
    fps: float = Field(gt=0)
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    n_frames: int = Field(gt=0)
    rotation_deg: int = 0
    has_audio: bool = False
    shots: list[Shot] = Field(min_length=1)
    transitions: list[Transition] = Field(default_factory=list)
    motion_hop_s: float = Field(gt=0, description="time step of the motion curve")
    motion: list[float] = Field(default_factory=list, description="motion energy per hop, 0..1")
    motion_peaks_s: list[float] = Field(default_factory=list)
    tempo_candidates_bpm: list[float] = Field(default_factory=list, description="visual rhythm, best first")
    audio_hop_s: float | None = None
    audio_loudness_db: list[float] = Field(default_factory=list, description="original audio RMS dBFS per hop")
    speech_s: list[tuple[float, float]] = Field(default_factory=list, description="speech-like spans")
    mood: Mood = Field(default_factory=Mood)
    warnings: list[str] = Field(default_factory=list, description="what could not be analysed, and why")

    @property
    def cuts_s(self) -> list[float]:
        """Times of hard cuts, in seconds."""
        return [t.time_s for t in self.transitions if t.kind == "cut"]

    @property
    def boundaries_s(self) -> list[float]:
        """Start times of every shot after the first (cuts and gradual transitions)."""
        return [s.start_s for s in self.shots[1:]]


# ----------------------------------------------------------------------------- plan


class HitPoint(Strict):
    """A moment the music must mark: a downbeat lands here and an accent sounds (a `stop`: a short chord on
    it, then silence for up to a bar, until the next hit point or section)."""

    time_s: float = Field(ge=0)
    kind: Literal["accent", "crash", "stab", "swell", "stop"] = "accent"
    source: Literal["cut", "motion", "user"] = "cut"
    strength: float = Field(0.8, ge=0, le=1)


class Split(Strict):
    """Where an edit cut a section from: the whole section's span and what set its bar grid, so the composer plays
    each piece as that section's music cut at the seam and a side nobody addressed stays note for note."""

    start_s: float = Field(ge=0)
    end_s: float = Field(gt=0)
    tempo_bpm: float | None = None
    tempo_asked: bool = False
    fill: bool = True
    chords_from: int = Field(0, ge=0, description="the bar of the whole section's chord cycle the piece starts on")


class Section(Strict):
    """A stretch of music tied to one or more consecutive shots."""

    name: str = Field(min_length=1, max_length=40, description="e.g. intro, A, build, climax, outro")
    start_s: float = Field(ge=0)
    end_s: float = Field(gt=0)
    shots: list[int] = Field(default_factory=list, description="indices of the shots it covers")
    energy: float = Field(0.5, ge=0, le=1, description="0 sparse and soft .. 1 full and loud")
    tempo_bpm: float | None = Field(None, ge=MIN_TEMPO_BPM, le=MAX_TEMPO_BPM, description="overrides the plan's tempo")
    tempo_asked: bool = Field(False, description="a person asked for this section's tempo_bpm (an edit): kept as "
                              "heard; otherwise it may move within the style's range to keep whole bars")
    instruments: list[str] = Field(default_factory=list, description=f"active roles, from {ROLES}; empty = all")
    chords: list[str] = Field(
        default_factory=list,
        description="one chord per bar, cycled: symbols (Dm7, G7, Cmaj7) or roman numerals (ii7, V7, I)",
    )
    melody_abc: str | None = Field(None, description="ABC 2.1 notes (no header), L:1/8, in the plan's key/meter")
    musicgen_prompt: str | None = Field(None, max_length=400)
    locked: bool = Field(False, description="edits leave a locked section as it is")
    take: int = Field(0, ge=0, le=9999, description="which take of this section: another take (+1) redraws "
                      "its notes and audio with a new seed, everything else equal")
    levels_db: dict[str, float] = Field(default_factory=dict, description="role -> level offset in dB "
                                        f"({MIN_LEVEL_DB:g}..{MAX_LEVEL_DB:g}): the balance between parts")
    music: bool = Field(True, description="False: music out, the section is silent (\"no music in shot 3\")")
    fill: bool = Field(True, description="the last bar leads into the next section (a drum fill); False where "
                       "an edit split a section, so the split adds no transition nobody asked for")
    split_from: Split | None = Field(None, description="set by an edit that split a section: the section it was cut from")

    @field_validator("instruments")
    @classmethod
    def _known_roles(cls, v: list[str]) -> list[str]:
        bad = [r for r in v if r not in ROLES]
        if bad:
            raise ValueError(f"unknown instrument roles {bad}; choose from {list(ROLES)}")
        return v

    @field_validator("levels_db")
    @classmethod
    def _known_levels(cls, v: dict[str, float]) -> dict[str, float]:
        for role, db in v.items():
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r} in levels_db; choose from {list(ROLES)}")
            if not MIN_LEVEL_DB <= db <= MAX_LEVEL_DB:
                raise ValueError(f"level {db} dB for {role} is outside {MIN_LEVEL_DB:g}..{MAX_LEVEL_DB:g}")
        return v

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


class ScorePlan(Strict):
    """What music plays when: the planner's output and the composer's input."""

    schema_version: Literal[1] = SCHEMA_VERSION
    request: str = Field("", description="the user's words this plan answers")
    reasoning: str = Field("", description="step-by-step thoughts on scene, mood and pacing")
    duration_s: float = Field(gt=0, description="length of the video; the music lasts exactly this long")
    style: str = Field(description="a style from the library, e.g. jazz, rock, ambient")
    tempo_bpm: float = Field(ge=MIN_TEMPO_BPM, le=MAX_TEMPO_BPM, description="quarter-note beats per minute")
    tempo_asked: bool = Field(False, description="a person asked for tempo_bpm (in the request or an edit): kept "
                              "as heard; a planner's own tempo may move within the style's range to keep whole bars")
    meter: Literal["2/4", "3/4", "4/4"] = "4/4"
    key: str = Field("C", description="tonic: C, F#, Bb ...")
    mode: Literal["major", "minor", "dorian", "mixolydian", "lydian", "phrygian"] = "major"
    instrumentation: dict[str, str] = Field(
        default_factory=dict, description="role -> General MIDI instrument name; missing roles use the style's"
    )
    sections: list[Section] = Field(min_length=1)
    hit_points: list[HitPoint] = Field(default_factory=list)
    route: Literal["symbolic", "audio", "hybrid"] = "symbolic"
    loudness_lufs: float = Field(-16.0, ge=MIN_LOUDNESS_LUFS, le=MAX_LOUDNESS_LUFS)
    seed: int = Field(0, ge=0)

    @field_validator("key")
    @classmethod
    def _tonic(cls, v: str) -> str:
        if not TONIC_RE.match(v):
            raise ValueError(f"key must be a tonic like C, F# or Bb, got {v!r}")
        return v

    @field_validator("style")
    @classmethod
    def _style_known(cls, v: str) -> str:
        names = style_names()
        if v not in names:
            raise ValueError(f"unknown style {v!r}; choose from {names}")
        return v

    @field_validator("instrumentation")
    @classmethod
    def _roles_and_programs(cls, v: dict[str, str]) -> dict[str, str]:
        for role, name in v.items():
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r} in instrumentation; choose from {list(ROLES)}")
            instrument_number(role, name)  # raises ValueError naming the bad instrument
        return v

    @model_validator(mode="after")
    def _sections_tile_the_video(self) -> ScorePlan:
        t = 0.0
        for i, s in enumerate(self.sections):
            if abs(s.start_s - t) > COVER_TOLERANCE_S:
                raise ValueError(f"section {i} ({s.name}) starts at {s.start_s:.2f}s, expected {t:.2f}s: "
                                 "sections must be in order, without gaps or overlaps")
            if s.end_s <= s.start_s:
                raise ValueError(f"section {i} ({s.name}) ends before it starts")
            t = s.end_s
        if abs(t - self.duration_s) > COVER_TOLERANCE_S:
            raise ValueError(f"sections end at {t:.2f}s but the video lasts {self.duration_s:.2f}s")
        for h in self.hit_points:
            if h.time_s > self.duration_s + COVER_TOLERANCE_S:
                raise ValueError(f"hit point at {h.time_s:.2f}s is after the end ({self.duration_s:.2f}s)")
        return self

    @property
    def boundaries_s(self) -> list[float]:
        return [s.start_s for s in self.sections[1:]]

    def section_at(self, time_s: float) -> int:
        """Index of the section playing at `time_s`."""
        for i, s in enumerate(self.sections):
            if time_s < s.end_s:
                return i
        return len(self.sections) - 1


# ----------------------------------------------------------------------------- edits

# What an edit changes. add/remove/swap/only/balance are instrument edits; revert goes back to an earlier
# version (all of it, or one attribute); none is a request understood to change nothing (a refusal).
EDIT_WHATS = ("tempo", "meter", "energy", "shape", "loudness", "mode", "key", "style", "mood", "add", "remove", "swap",
              "only", "balance", "hit", "no_hit", "lock", "unlock", "take", "route", "undo", "redo", "revert")
# What a revert may restore on its own ("the original tempo"); None restores the whole plan.
REVERT_ATTRIBUTES = ("tempo", "key", "mode", "style", "energy", "instruments", "loudness", "hits")


class EditScope(Strict):
    """Where an edit applies, resolved against the video: the whole score, or a span with the words that
    named it ("shot 2", "from the second cut on"); `sections` when a plan section was named exactly."""

    kind: Literal["whole", "span", "shots", "cuts", "sections", "from", "until"] = "whole"
    start_s: float | None = Field(None, ge=0)
    end_s: float | None = Field(None, ge=0)
    label: str = Field("", max_length=120, description="the place in words, for the reply")
    sections: list[int] | None = Field(None, description="plan section indices, when named exactly")
    times_s: list[float] = Field(default_factory=list, description="moments (hit points), when named")

    @model_validator(mode="after")
    def _span_or_whole(self) -> EditScope:
        if self.kind != "whole" and (self.start_s is None or self.end_s is None or self.end_s <= self.start_s):
            raise ValueError(f"a {self.kind} scope needs start_s < end_s")
        return self


class EditIntent(Strict):
    """One understood edit: what changes, which way, how much, where. Every understanding path (the
    rules grammar, the learned intent model, a language model) writes these; one set of deterministic
    operations (`v2m.agent.dialogue.intents`) applies them."""

    what: Literal[EDIT_WHATS]
    direction: Literal["up", "down", "set"] | None = Field(None, description="up = more/faster/louder/higher")
    magnitude: Literal["small", "medium", "large"] = "medium"
    amount: float | None = Field(None, description="an exact number when said: bpm, percent, semitones, dB")
    value: str | None = Field(None, max_length=80, description="style, mood, mode, tonic, meter, route, hit kind, "
                              "instrument word or revert attribute")
    target: str | None = Field(None, max_length=80, description="the other instrument: swap's old one")
    shape: list[float] = Field(default_factory=list, description="energy levels 0..1 across the scope, in order "
                               "(a shape over time: [0.2, 0.8] grows)")
    scope: EditScope = Field(default_factory=EditScope)
    version: int | None = Field(None, ge=-50, description="revert: edits from the first score "
                                "(0 = the first score, the chat's 'version 1'); negative = that many edits back")
    reason: str = Field("", max_length=300, description="why, in words (a culture or purpose read as a style)")
    source: Literal["rules", "model", "llm"] = "rules"
    confidence: float = Field(1.0, ge=0, le=1)
    text: str = Field("", max_length=400, description="the words this intent was read from")


def plan_json_schema() -> dict:
    """The JSON Schema a model must follow when it writes a ScorePlan."""
    return ScorePlan.model_json_schema()
