"""Turn a model's free text into a validated `ScorePlan`, or into the list of errors to send back.

A model may think freely; its plan must come as one JSON object. This module finds that object
(fenced block first, else the outermost braces), makes the small repairs a careful human would make
without asking (trailing commas, a missing duration, sections off by a few frames, an ABC header
pasted into `melody_abc`), then validates against the contract and musical sense. Everything else is
an error the model is asked to fix. Nothing in the reply is ever executed: it is parsed as data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from v2m.tools.contract import COVER_TOLERANCE_S, ScorePlan, VideoAnalysis
from v2m.tools.style import load_style

FENCE_RE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.S)
THINK_RE = re.compile(r"<think>(.*?)</think>", re.S)
SNAP_S = 0.5          # gaps/overlaps between sections up to this are rounding, snapped shut
END_SNAP_S = 1.0      # a last section ending this close to (or after) the video's end is clipped to it
TEMPO_SLACK = 1.5     # tempo may leave the style's range by this factor before it is "not this style"
MAX_ERRORS = 8        # a re-ask listing 40 errors helps nobody
MAX_ABC_CHARS = 2000
MAX_REPLY_CHARS = 60_000  # a plan is ~3 kB; beyond this a reply is rambling, and brace scanning is quadratic
MAX_BRACE_STARTS = 400
ABC_TOKEN = re.compile(r"""
    \s+ | \|\] | \[\| | \|\| | :\|\| | \|: | :\| | :: | \|\d? | \[\d |     # bars, repeats, endings
    "[^"\n]*" |                                                         # chord symbols / annotations
    [\^_=]{0,2}[A-Ga-g][,']*\d*/*\d* |                                  # a note with its length
    [zxZ]\d*/*\d* |                                                     # rests
    \[[\^_=A-Ga-g,'\d/ ]+\]\d*/*\d* |                                   # a chord [CEG]2
    \(\d(?::\d?){0,2} |                                                 # tuplets (3
    ![A-Za-z0-9+.]+! | [-()<>~.HLMOPSTuv] | [{}]                        # ties, slurs, broken rhythm, ornaments
""", re.X)
ABC_HEADER_RE = re.compile(r"^\s*[A-Za-z]:.*$", re.M)
ABC_INLINE_FIELD_RE = re.compile(r"\[[A-Za-z]:[^\]]*\]")


@dataclass
class Parsed:
    """What came of one reply: a plan (when valid), the model's reasoning, repairs made, errors left."""

    plan: ScorePlan | None = None
    reasoning: str = ""
    repairs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _loose_json(text: str) -> str:
    """The repairs JSON from chat models most often needs: smart quotes, comments, trailing commas, Python literals."""
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r",\s*([}\]])", r"\1", text)
    return re.sub(r"\b(True|False|None)\b", lambda m: {"True": "true", "False": "false", "None": "null"}[m[1]], text)


def _decode(candidate: str) -> tuple[Any, str | None, bool]:
    """Decode one candidate; returns (value, error, repaired)."""
    try:
        return json.loads(candidate), None, False
    except json.JSONDecodeError as e:
        first = f"JSON syntax error: {e.msg} at line {e.lineno} column {e.colno}"
    except RecursionError:  # thousands of nested brackets: not a plan
        return None, "the JSON is nested too deeply", False
    try:
        return json.loads(_loose_json(candidate)), None, True
    except (json.JSONDecodeError, RecursionError):
        return None, first, False


def extract_json(text: str) -> tuple[dict | None, str, list[str], list[str]]:
    """Find the plan's JSON object in a model reply.

    Args:
        text: the model's whole reply.
    Returns:
        (object or None, reasoning text with the JSON removed, repairs made, errors).
    """
    if len(text) > MAX_REPLY_CHARS:
        return None, text[:2000], [], [f"the reply is {len(text)} characters long; answer with one plan "
                                       f"of at most {MAX_REPLY_CHARS // 1000} kB"]
    thoughts = "\n".join(m.strip() for m in THINK_RE.findall(text))
    body = THINK_RE.sub("", text)
    errors: list[str] = []
    fenced = list(FENCE_RE.finditer(body))
    # The last fenced block wins: models often show a draft, then the corrected plan.
    for m in reversed(fenced):
        value, err, repaired = _decode(m.group(1).strip())
        if isinstance(value, dict):
            reasoning = (thoughts + "\n" + body[:m.start()] + body[m.end():]).strip()
            return value, reasoning, (["fixed JSON syntax (quotes, commas or comments)"] if repaired else []), []
        errors.append(err or "the fenced block holds JSON that is not an object")
    first_err = None
    # No usable fence: the outermost braces first (so one slip inside does not leave us a sub-object),
    # then the longest {...} that decodes, scanning each opening brace.
    if "{" in body and "}" in body:
        i, j = body.index("{"), body.rindex("}") + 1
        value, err, repaired = _decode(body[i:j])
        if isinstance(value, dict):
            reasoning = (thoughts + "\n" + body[:i] + body[j:]).strip()
            return value, reasoning, (["fixed JSON syntax (quotes, commas or comments)"] if repaired else []), []
        first_err = err
    dec = json.JSONDecoder()
    best: tuple[int, int, dict] | None = None
    starts = [i for i, ch in enumerate(body) if ch == "{"][:MAX_BRACE_STARTS]
    for i in starts:
        if best and i < best[1]:
            continue
        try:
            value, end = dec.raw_decode(body, i)
        except (json.JSONDecodeError, RecursionError):
            continue
        if isinstance(value, dict) and (best is None or end - i > best[1] - best[0]):
            best = (i, end, value)
    if best:
        reasoning = (thoughts + "\n" + body[:best[0]] + body[best[1]:]).strip()
        return best[2], reasoning, [], []
    if not errors and "{" in body and "}" in body:
        errors.append(first_err or "the reply's braces do not hold a JSON object")
    return None, (thoughts + "\n" + body).strip(), [], errors or ["no JSON object found in the reply"]


def clean_abc(abc: str) -> tuple[str | None, list[str], str | None]:
    """Repair and check an ABC melody body.

    Args:
        abc: what the model wrote in `melody_abc`.
    Returns:
        (cleaned ABC or None when nothing is left, repairs made, error or None).
    """
    repairs = []
    text = abc.replace("```", "")
    if ABC_HEADER_RE.search(text) or ABC_INLINE_FIELD_RE.search(text):
        text = ABC_INLINE_FIELD_RE.sub("", ABC_HEADER_RE.sub("", text))
        repairs.append("removed ABC header fields (X:, K:, L: ...); the plan's key and meter apply")
    if "%" in text:
        text = re.sub(r"%.*$", "", text, flags=re.M)
        repairs.append("removed ABC comments")
    text = " ".join(text.split())
    if not text:
        return None, repairs + ["dropped an empty melody"], None
    if len(text) > MAX_ABC_CHARS:
        return None, repairs, f"is {len(text)} characters long; keep a melody under {MAX_ABC_CHARS}"
    pos = 0
    while pos < len(text):
        m = ABC_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return None, repairs, f"is not ABC notes: {text[pos:pos + 12]!r} at character {pos}"
        pos = m.end()
    if not re.search(r"[A-Ga-g]", text):
        return None, repairs, "has no notes (use A-G, a-g; z for rests)"
    return text, repairs, None


def _repair_timing(obj: dict, duration_s: float, repairs: list[str]) -> None:
    """Snap near-miss section times shut; leave real mistakes for the model to fix."""
    secs = obj.get("sections")
    if not isinstance(secs, list) or not secs or not all(
            isinstance(s, dict) and isinstance(s.get("start_s"), (int, float))
            and isinstance(s.get("end_s"), (int, float)) for s in secs):
        return
    if [s["start_s"] for s in secs] != sorted(s["start_s"] for s in secs):
        secs.sort(key=lambda s: s["start_s"])
        repairs.append("put sections in time order")
    kept = [s for s in secs if s["start_s"] < duration_s - COVER_TOLERANCE_S]
    if len(kept) < len(secs):
        repairs.append(f"dropped {len(secs) - len(kept)} section(s) starting after the video ends")
        secs[:] = kept
    if not secs:
        return
    if 0 < secs[0]["start_s"] <= SNAP_S:
        secs[0]["start_s"] = 0.0
        repairs.append("started the first section at 0 s")
    for prev, cur in zip(secs, secs[1:]):
        gap = cur["start_s"] - prev["end_s"]
        if COVER_TOLERANCE_S < abs(gap) <= SNAP_S:
            cur["start_s"] = prev["end_s"]
            repairs.append(f"closed a {gap:+.2f} s gap before section {cur.get('name', '?')!r}")
    last = secs[-1]
    if last["end_s"] > duration_s + COVER_TOLERANCE_S or \
            COVER_TOLERANCE_S < duration_s - last["end_s"] <= END_SNAP_S:
        repairs.append(f"ended the last section at the video's end ({duration_s:.2f} s, not {last['end_s']:.2f})")
        last["end_s"] = duration_s


def _repair(obj: dict, analysis: VideoAnalysis, request: str, repairs: list[str], errors: list[str]) -> dict:
    if len(obj) == 1 and isinstance(next(iter(obj.values())), dict) and next(iter(obj)) in (
            "plan", "score_plan", "ScorePlan", "scoreplan"):
        obj = dict(next(iter(obj.values())))
        repairs.append("unwrapped the plan from its outer object")
    d = obj.get("duration_s")
    if not isinstance(d, (int, float)) or abs(d - analysis.duration_s) > COVER_TOLERANCE_S:
        obj["duration_s"] = analysis.duration_s
        repairs.append(f"set duration_s to the video's length, {analysis.duration_s:.2f} s")
    obj.setdefault("request", request)
    for i, s in enumerate(obj.get("sections") or []):
        if not isinstance(s, dict):
            continue
        for key in ("chords", "instruments", "shots"):
            if isinstance(s.get(key), str):  # "Dm7 G7 Cmaj7" for ["Dm7", "G7", "Cmaj7"]
                s[key] = [p for p in re.split(r"[\s,|]+", s[key]) if p]
                repairs.append(f"split section {i} {key} into a list")
        if isinstance(s.get("melody_abc"), str):
            s["melody_abc"], fixes, err = clean_abc(s["melody_abc"])
            repairs += [f"section {i} melody: {f}" for f in fixes]
            if err:
                errors.append(f"sections.{i}.melody_abc {err}")
    _repair_timing(obj, analysis.duration_s, repairs)
    return obj


def _pydantic_errors(e: ValidationError) -> list[str]:
    out = []
    for err in e.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "plan"
        if err["type"] == "extra_forbidden":
            out.append(f"{loc}: unknown field, not part of ScorePlan; remove it")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            out.append(f"{loc}: {msg}" + (f" (got {err['input']!r})" if err["type"] not in ("missing",)
                                          and not isinstance(err.get("input"), (dict, list)) else ""))
    return out


def musical_errors(plan: ScorePlan, analysis: VideoAnalysis, base: ScorePlan | None = None) -> list[str]:
    """What is valid JSON but bad music: tempo far outside the style, sections shorter than a beat,
    shots that do not exist, locked sections changed.

    Args:
        plan: a contract-valid plan.
        analysis: the video it is for.
        base: the plan being revised, whose locked sections must survive.
    Returns:
        Error strings (empty when the plan makes sense).
    """
    errors = []
    lo, hi = load_style(plan.style).tempo_bpm
    for where, bpm in [("tempo_bpm", plan.tempo_bpm)] + [
            (f"sections.{i}.tempo_bpm", s.tempo_bpm) for i, s in enumerate(plan.sections) if s.tempo_bpm]:
        if not lo / TEMPO_SLACK <= bpm <= hi * TEMPO_SLACK:
            errors.append(f"{where}: {bpm:g} bpm does not fit {plan.style} ({lo:g}-{hi:g} bpm)")
    n_shots = len(analysis.shots)
    for i, s in enumerate(plan.sections):
        beat_s = 60.0 / (s.tempo_bpm or plan.tempo_bpm)
        if s.duration_s < beat_s - COVER_TOLERANCE_S:
            errors.append(f"sections.{i} ({s.name}) lasts {s.duration_s:.2f} s, less than one beat ({beat_s:.2f} s)")
        bad = [k for k in s.shots if k < 0 or k >= n_shots]
        if bad:
            errors.append(f"sections.{i}.shots: {bad} do not exist; shots are 0..{n_shots - 1}")
    if base is not None:
        for i, old in enumerate(base.sections):
            if old.locked and old not in plan.sections:
                errors.append(f"section {i} ({old.name}) is locked and must stay exactly as it was")
    return errors[:MAX_ERRORS]


def parse_reply(text: str, analysis: VideoAnalysis, request: str, base: ScorePlan | None = None) -> Parsed:
    """Parse, repair and validate one model reply.

    Args:
        text: the model's reply.
        analysis: the video being scored (its duration and shots bound the plan).
        request: the user's words, recorded in the plan when the model left them out.
        base: when revising, the current plan; a reply holding only some top-level fields is a patch onto it.
    Returns:
        `Parsed`, with `plan` set only when there are no errors.
    """
    obj, reasoning, repairs, errors = extract_json(text)
    out = Parsed(reasoning=reasoning, repairs=repairs, errors=errors)
    if obj is None:
        return out
    if base is not None and not {"sections", "style", "tempo_bpm"} <= obj.keys():
        patched = sorted(obj)
        merged = base.model_dump(mode="json") | {"reasoning": ""}  # the old plan's reasons no longer apply
        merged.update(obj)  # top-level patch: lists (sections) are replaced whole
        obj = merged
        obj["request"] = request
        out.repairs.append(f"applied a patch of {patched[:8]} onto the current plan")
    return check_plan(obj, analysis, request, base, out)


def check_plan(obj: dict, analysis: VideoAnalysis, request: str, base: ScorePlan | None = None,
               out: Parsed | None = None) -> Parsed:
    """The one validation every plan gets, from a model or from a file (`v2m score --plan`): the small
    repairs, the contract, the ABC limits and musical sense.

    Args:
        obj: the plan as decoded JSON.
        analysis: the video it is for.
        request: the user's words, recorded when the plan has none.
        base: when revising, the current plan (its locked sections must survive).
        out: a `Parsed` to add to (parse_reply's), else a new one.
    Returns:
        `Parsed`, with `plan` set only when there are no errors.
    """
    out = out or Parsed()
    obj = _repair(obj, analysis, request, out.repairs, out.errors)
    try:
        plan = ScorePlan.model_validate(obj)
    except ValidationError as e:
        out.errors += _pydantic_errors(e)
    else:
        out.errors += musical_errors(plan, analysis, base)
        if not out.errors:
            if not plan.reasoning and out.reasoning:
                plan.reasoning = out.reasoning[:4000]
            out.plan = plan
    out.errors = out.errors[:MAX_ERRORS]
    return out
