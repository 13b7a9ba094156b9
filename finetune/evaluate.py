"""Grade a (tuned) planner model on a held-out JSONL: one greedy answer per example, measured.

    v2m finetune eval --model runs/tiny/base --adapter runs/tiny/adapter --data held/sft.jsonl --compare-base

Metrics, each over all examples (an invalid answer counts as a miss):
- json: the answer holds a JSON object (v2m's reader: fenced block or outermost braces);
- contract: that object is a valid ScorePlan as written, with no repair (`ScorePlan.model_validate`);
- usable: the `hf` planner would accept it (v2m's small repairs, then contract and musical checks);
- style, tempo (within 10%), key (tonic and mode), instruments (the same roles and programs) against
  the reference plan of the example, on usable plans;
- cut alignment: the share of section boundaries within 0.1 s of a shot boundary of the video;
- edit following (revise examples): every field the reference edit changed (style, key, mode, tempo,
  mean energy) changed the same way in the answer, and nothing else of those did.
The reference plans come from the rules planner, a different procedure from the model it grades.
Prints a markdown table and writes the JSON beside it with `-o`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from v2m.agent.planners.hf import HFBackend
from v2m.agent.planners.reply import extract_json, parse_reply
from v2m.finetune.recipe import example_analysis, example_frames, read_examples
from v2m.tools.contract import ScorePlan
from v2m.tools.errors import InputError

TEMPO_TOLERANCE = 0.10
CUT_TOLERANCE_S = 0.1
MAX_KEPT_CHARS = 3000  # of each answer, kept in the results JSON as evidence
METRICS = ("json", "contract", "usable", "style", "tempo", "key", "instruments", "cut_alignment", "edit_following")


@dataclass(frozen=True)
class EvalOptions:
    """How answers are drawn: greedy, at most `max_new_tokens`, on `device`; `limit` examples at most."""

    max_new_tokens: int = 1024
    device: str = "cpu"
    limit: int | None = None
    threads: int = 1


def reference_plan(ex: dict) -> ScorePlan:
    text = ex["messages"][-1]["content"]
    return ScorePlan.model_validate_json(text[text.index("{"):])


def _changes(a: ScorePlan, b: ScorePlan) -> dict[str, object]:
    """What an edit did, field by field: categorical fields by their new value, numbers by direction."""
    def energy(p):
        return sum(s.energy * s.duration_s for s in p.sections) / p.duration_s

    out: dict[str, object] = {}
    for name in ("style", "key", "mode"):
        if getattr(a, name) != getattr(b, name):
            out[name] = getattr(b, name)
    for name, x, y in (("tempo", a.tempo_bpm, b.tempo_bpm), ("energy", energy(a), energy(b))):
        if abs(y - x) > 1e-6 * max(1.0, abs(x)):
            out[name] = "up" if y > x else "down"
    tempi = [s.tempo_bpm for s in b.sections] != [s.tempo_bpm for s in a.sections]
    if tempi and "tempo" not in out:
        out["tempo"] = "sections"
    return out


def grade(answer: str, ex: dict, analysis) -> dict:
    """The metrics of one answer (1.0/0.0 per metric, None where it does not apply)."""
    ref = reference_plan(ex)
    meta = ex.get("meta", {})
    current = ScorePlan.model_validate_json(meta["current"]) if meta.get("current") else None
    obj = extract_json(answer)[0]
    row = {m: None for m in METRICS} | {"json": float(obj is not None), "contract": 0.0, "usable": 0.0}
    if obj is not None:
        try:
            ScorePlan.model_validate(obj)
            row["contract"] = 1.0
        except ValueError:
            pass
    plan = parse_reply(answer, analysis, meta.get("request", ref.request), current).plan
    row["usable"] = float(plan is not None)
    row |= {"style": 0.0, "tempo": 0.0, "key": 0.0, "instruments": 0.0}
    if current is not None:
        row["edit_following"] = 0.0
    if plan is None:
        return row
    row["style"] = float(plan.style == ref.style)
    row["tempo"] = float(abs(plan.tempo_bpm - ref.tempo_bpm) <= TEMPO_TOLERANCE * ref.tempo_bpm)
    row["key"] = float((plan.key, plan.mode) == (ref.key, ref.mode))
    row["instruments"] = float(plan.instrumentation == ref.instrumentation)
    cuts = [s.start_s for s in analysis.shots[1:]]
    bounds = plan.boundaries_s
    if bounds:
        row["cut_alignment"] = sum(any(abs(b - c) <= CUT_TOLERANCE_S for c in cuts) for b in bounds) / len(bounds)
    if current is not None:
        row["edit_following"] = float(_changes(current, plan) == _changes(current, ref))
    return row


def evaluate(model: str, data: Path, adapter: str | None = None, options: EvalOptions = EvalOptions()) -> dict:
    """Answer every example of `data` with the model and grade it.

    Returns:
        {"model", "adapter", "n", "skipped": [...], "metrics": {name: mean or None}, "rows": [...], "seconds"}.
    """
    import torch

    torch.set_num_threads(options.threads)
    examples = read_examples(data)[:options.limit]
    if not examples:
        raise InputError(f"{data} holds no examples")
    backend = HFBackend(model, adapter=adapter, device=options.device, dtype="float32",
                        max_new_tokens=options.max_new_tokens)
    rows, skipped, t0 = [], [], time.perf_counter()
    for i, ex in enumerate(examples):
        analysis = example_analysis(ex)
        if analysis is None:
            skipped.append(f"line {i + 1}: no analysis file in meta.analysis")
            continue
        answer = backend.generate(ex["messages"][:-1], example_frames(ex))
        rows.append({"line": i + 1, "kind": ex.get("meta", {}).get("kind", "?"), "answer": answer[:MAX_KEPT_CHARS]}
                    | grade(answer, ex, analysis))
    metrics = {}
    for m in METRICS:
        values = [r[m] for r in rows if r[m] is not None]
        metrics[m] = round(sum(values) / len(values), 3) if values else None
    return {"model": model, "adapter": adapter, "data": str(data), "n": len(rows), "skipped": skipped,
            "metrics": metrics, "rows": rows, "seconds": round(time.perf_counter() - t0, 1)}


def markdown(results: list[dict]) -> str:
    """A metrics table, one column per evaluated model."""
    names = [("base" if not r["adapter"] else "base + adapter") for r in results]
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(results)]
    for m in METRICS:
        cells = [f"{r['metrics'][m]:.3f}" if r["metrics"][m] is not None else "n/a" for r in results]
        lines.append(f"| {m.replace('_', ' ')} | " + " | ".join(cells) + " |")
    lines.append("| examples | " + " | ".join(str(r["n"]) for r in results) + " |")
    return "\n".join(lines)
