"""Grade a (tuned) planner model on a held-out JSONL: one greedy answer per example, measured.

    v2m finetune eval --model runs/tiny/base --adapter runs/tiny/adapter --data held/sft.jsonl --compare-base

Metrics, each over all examples (an invalid answer counts as a miss):
- json: the answer holds a JSON object (v2m's reader: fenced block or outermost braces);
- contract: that object is a valid ScorePlan as written, with no repair (`ScorePlan.model_validate`);
- usable: the `hf` planner would accept it (v2m's small repairs, then contract and musical checks);
- style, tempo (within 10%), key (tonic and mode), instruments (the same instrument in every role, the
  style's filling roles a plan leaves out, as the composer does) against the reference plan, on usable plans;
- cut alignment: the share of section boundaries within 0.1 s of a shot boundary of the video;
- cut marks: the answer's section boundaries and hit points against the video's cuts, matched within 0.1 s,
  over the larger of the two counts (recall and precision at once: marking every cut and nothing else is
  1.0); it applies where section boundaries do not, to plans of one section;
- edit following (revise examples): every field the reference edit changed (style, key, mode, tempo,
  mean energy) changed the same way in the answer, and nothing else of those did.
The reference plans come from the rules planner, a different procedure from the model it grades.
Prints a markdown table and writes the JSON beside it with `-o`.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from v2m.agent.planners.hf import HFBackend
from v2m.agent.planners.reply import extract_json, parse_reply
from v2m.finetune.recipe import example_analysis, example_frames, read_examples
from v2m.tools.contract import ScorePlan
from v2m.tools.errors import InputError
from v2m.tools.style import load_style

TEMPO_TOLERANCE = 0.10
CUT_TOLERANCE_S = 0.1
CHANGE_TOLERANCE = 0.005  # below half the 0.01 plans write energies in (and times, weighting the mean energy)
MAX_KEPT_CHARS = 3000  # of each answer, kept in the results JSON as evidence
METRICS = ("json", "contract", "usable", "style", "tempo", "key", "instruments", "cut_alignment", "cut_marks",
           "edit_following")


@dataclass(frozen=True)
class EvalOptions:
    """How answers are drawn: greedy, at most `max_new_tokens`, on `device`; `limit` examples at most."""

    max_new_tokens: int = 1024
    device: str = "cpu"
    limit: int | None = None
    threads: int = 1


def instruments(plan: ScorePlan) -> dict[str, str]:
    """What plays: the style's instruments, overridden by the plan's (as the composer reads them), so a plan
    that leaves the style's instruments out and one that spells them out grade the same."""
    return {**load_style(plan.style).instruments, **plan.instrumentation}


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
        if abs(y - x) > CHANGE_TOLERANCE:
            out[name] = "up" if y > x else "down"
    tempi = [s.tempo_bpm for s in b.sections] != [s.tempo_bpm for s in a.sections]
    if tempi and "tempo" not in out:
        out["tempo"] = "sections"
    return out


def cut_marks(marks: list[float], cuts: list[float]) -> float | None:
    """Marks (section boundaries, hit points) that land on a cut, each cut counted once, over the larger
    of the two counts; None for a video without cuts and an answer without marks."""
    if not marks and not cuts:
        return None
    hit = {c for c in cuts if any(abs(m - c) <= CUT_TOLERANCE_S for m in set(marks))}
    return len(hit) / max(len(cuts), len(set(marks)))


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
    row["instruments"] = float(instruments(plan) == instruments(ref))
    cuts = [s.start_s for s in analysis.shots[1:]]
    bounds = plan.boundaries_s
    if bounds:
        row["cut_alignment"] = sum(any(abs(b - c) <= CUT_TOLERANCE_S for c in cuts) for b in bounds) / len(bounds)
    row["cut_marks"] = cut_marks(bounds + [h.time_s for h in plan.hit_points], cuts)
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


def constant_baseline(data: Path, limit: int | None = None) -> dict:
    """What "the same plan every time" scores on `data`: for each field, the best any one constant answer
    could do, chosen knowing the references (the commonest style, key and instruments; the tempo within 10%
    of most references; the list of boundaries, or of boundaries and hit points, among the references' own,
    that lands on most cuts when every video gets it). An upper bound for a planner that ignores the clip and the request: a model's field
    accuracy means something only above it. Plan validity and edit following do not apply (n/a).

    Returns:
        A results dict like `evaluate`'s (adapter "constant", no rows).
    """
    graded = [(reference_plan(ex), a) for ex in read_examples(data)[:limit] if (a := example_analysis(ex))]
    if not graded:
        raise InputError(f"{data} holds no examples with an analysis")
    refs = [r for r, _ in graded]

    def commonest(values: list) -> float:
        return max(Counter(values).values()) / len(values)

    def near(bpm: float) -> int:
        return sum(abs(bpm - r.tempo_bpm) <= TEMPO_TOLERANCE * r.tempo_bpm for r in refs)

    def aligned(bounds: tuple[float, ...]) -> float | None:
        shares = []
        for _, a in graded:
            inside = [b for b in bounds if b < a.duration_s - CUT_TOLERANCE_S]
            cuts = [s.start_s for s in a.shots[1:]]
            if inside:
                shares.append(sum(any(abs(b - c) <= CUT_TOLERANCE_S for c in cuts) for b in inside) / len(inside))
        return sum(shares) / len(shares) if shares else None

    cut_scores = [v for b in {tuple(r.boundaries_s) for r in refs if r.boundaries_s} if (v := aligned(b)) is not None]
    lists = {tuple(r.boundaries_s + [h.time_s for h in r.hit_points]) for r in refs}
    mark_scores = [[v for _, a in graded if (v := cut_marks([m for m in marks if m < a.duration_s],
                                                             [s.start_s for s in a.shots[1:]])) is not None]
                   for marks in lists]
    metrics = dict.fromkeys(METRICS) | {
        "style": commonest([r.style for r in refs]), "key": commonest([(r.key, r.mode) for r in refs]),
        "instruments": commonest([tuple(sorted(instruments(r).items())) for r in refs]),
        "tempo": max(near(t / 2) for t in range(80, 481)) / len(refs),  # every constant from 40 to 240 bpm, by 0.5
        "cut_alignment": max(cut_scores) if cut_scores else None,
        "cut_marks": max((sum(v) / len(v) for v in mark_scores if v), default=None)}
    return {"model": "constant", "adapter": "constant", "data": str(data), "n": len(refs), "skipped": [],
            "metrics": {m: (round(v, 3) if v is not None else None) for m, v in metrics.items()}, "rows": []}


def markdown(results: list[dict]) -> str:
    """A metrics table, one column per evaluated model (and the constant baseline, when given)."""
    names = [{None: "base", "constant": "same plan every time (best constant)"}.get(r["adapter"], "base + adapter")
             for r in results]
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(results)]
    for m in METRICS:
        cells = [f"{r['metrics'][m]:.3f}" if r["metrics"][m] is not None else "n/a" for r in results]
        lines.append(f"| {m.replace('_', ' ')} | " + " | ".join(cells) + " |")
    lines.append("| examples | " + " | ".join(str(r["n"]) for r in results) + " |")
    return "\n".join(lines)
