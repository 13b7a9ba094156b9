"""The compact facts sheet a language model reads instead of raw numbers, and a short field guide to ScorePlan.

VLMs are poor at exact timing, so the model is told the measured times (cuts, motion peaks, duration)
as text and asked to use the frames only for what is on screen. The sheet is short on purpose: small
local models have small context windows, and every token costs latency on a laptop.
"""

from __future__ import annotations

import json
from typing import Any

from v2m.tools.contract import ScorePlan, VideoAnalysis

MAX_SHOT_ROWS = 24  # beyond this the table is summarised; a long film's 300 shots would swamp a prompt
MAX_LIST = 16


def _fmt_times(times: list[float], limit: int = MAX_LIST) -> str:
    if not times:
        return "none"
    shown = ", ".join(f"{t:.2f}" for t in times[:limit])
    return shown + (f" ... ({len(times)} in all)" if len(times) > limit else "")


def _level(x: float, words: tuple[str, str, str]) -> str:
    return words[0] if x < 0.33 else words[1] if x < 0.66 else words[2]


def facts_sheet(analysis: VideoAnalysis) -> str:
    """Describe a `VideoAnalysis` in a few lines of text for a prompt.

    Args:
        analysis: the measured facts about the video.
    Returns:
        Plain text: duration, size, shots with times and look, cuts, motion peaks, tempo hints, mood.
    """
    a = analysis
    lines = [
        f"- input: {a.kind}, {a.duration_s:.2f} s, {a.width}x{a.height}, {a.fps:g} fps, "
        f"{'has' if a.has_audio else 'no'} original audio",
        f"- shots: {len(a.shots)}; hard cuts at (s): {_fmt_times(a.cuts_s)}",
    ]
    gradual = [t for t in a.transitions if t.kind != "cut"]
    if gradual:
        lines.append("- gradual transitions: " + ", ".join(
            f"{t.kind} {t.start_s:.2f}-{t.end_s:.2f}" for t in gradual[:MAX_LIST]))
    lines.append("- shot table (index: start-end s, transition in, brightness, motion, warmth, arousal):")
    for s in a.shots[:MAX_SHOT_ROWS]:
        warm = "warm" if s.warmth > 0.15 else "cold" if s.warmth < -0.15 else "neutral"
        lines.append(f"  {s.index}: {s.start_s:.2f}-{s.end_s:.2f} ({s.duration_s:.1f} s), {s.transition_in}, "
                     f"{_level(s.brightness, ('dark', 'medium', 'bright'))}, "
                     f"motion {s.motion:.2f} ({_level(s.motion, ('still', 'moving', 'fast'))}), {warm}, "
                     f"arousal {s.arousal:.2f}")
    if len(a.shots) > MAX_SHOT_ROWS:
        lines.append(f"  ... {len(a.shots) - MAX_SHOT_ROWS} more shots")
    lines.append(f"- motion peaks at (s): {_fmt_times(a.motion_peaks_s)}")
    if a.motion:
        lines.append(f"- motion overall: mean {sum(a.motion) / len(a.motion):.2f}, max {max(a.motion):.2f}")
    if a.tempo_candidates_bpm:
        lines.append("- visual rhythm suggests (bpm): " + ", ".join(f"{b:.0f}" for b in a.tempo_candidates_bpm[:4]))
    if a.speech_s:
        lines.append("- speech at (s): " + ", ".join(f"{s:.1f}-{e:.1f}" for s, e in a.speech_s[:MAX_LIST])
                     + " (keep the music soft there)")
    m = a.mood
    words = ", ".join(m.words) if m.words else "none"
    lines.append(f"- mood cues: valence {m.valence:+.2f} (-1 dark .. 1 bright), arousal {m.arousal:.2f}, "
                 f"words: {words}")
    for w in a.warnings[:4]:
        lines.append(f"- note: {w}")
    return "\n".join(lines)


def _type_text(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "enum" in spec:
        return " | ".join(json.dumps(v) for v in spec["enum"])
    if "const" in spec:
        return json.dumps(spec["const"])
    if "anyOf" in spec:
        return " or ".join(_type_text(s, defs) for s in spec["anyOf"])
    t = spec.get("type", "any")
    if t == "array":
        return f"list of {_type_text(spec.get('items', {}), defs)}"
    if t == "object":
        extra = spec.get("additionalProperties")
        return f"object of {_type_text(extra, defs)}" if isinstance(extra, dict) else "object"
    ops = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">",
           "minLength": "length >=", "maxLength": "length <="}
    bounds = [f"{op} {spec[k]}" for k, op in ops.items() if k in spec]
    return t + (f" ({', '.join(bounds)})" if bounds else "")


def _fields(schema: dict[str, Any], defs: dict[str, Any], indent: str) -> list[str]:
    required = set(schema.get("required", []))
    out = []
    for name, spec in schema.get("properties", {}).items():
        if name == "schema_version":
            continue
        req = ("required" if name in required else
               f"default {json.dumps(spec['default'])}" if "default" in spec else "optional")
        desc = spec.get("description", "")
        out.append(f"{indent}{name}: {_type_text(spec, defs)}; {req}" + (f"; {desc}" if desc else ""))
    return out


def schema_brief() -> str:
    """A short, line-per-field guide to ScorePlan derived from its JSON Schema (so it never drifts).

    Returns:
        Text listing each plan field, then each Section and HitPoint field, with types, defaults
        and the contract's descriptions.
    """
    schema = ScorePlan.model_json_schema()
    defs = schema.get("$defs", {})
    lines = ["ScorePlan:"] + _fields(schema, defs, "  ")
    for sub in ("Section", "HitPoint"):
        if sub in defs:
            lines += [f"{sub}:"] + _fields(defs[sub], defs, "  ")
    return "\n".join(lines)
