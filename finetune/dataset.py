"""Turn v2m's own evidence into a supervised fine-tuning set for model planners.

Every `v2m score` run folder (analysis.json + plan.json + config.json) becomes a "plan" example, and
every edit turn of every chat session in a session store becomes a "revise" example (or, where v2m
asked a clarifying question, an example of asking). The prompts are built by the same function the
model planners use at inference (`v2m.agent.llm.planner_messages`), so a tuned model is trained on
exactly the prompts it will be asked with. Keyframe paths ride along for vision-language models.

    python -m v2m.finetune.dataset out/ runs/ --sessions ~/.cache/v2m/sessions -o sft.jsonl

Each JSONL line: {"messages": [system, user, assistant], "images": [...], "meta": {...}}.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from v2m.agent.dialogue.store import Store
from v2m.agent.planners.llm import planner_messages
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError


def target_text(plan: ScorePlan, spaced: bool = False) -> str:
    """What the model should answer: its reasoning in prose, then the plan as one JSON object, compact
    (`{"key":"value"}`, as a prompt shows the current plan) or `spaced` (`{"key": "value"}`, as a prompt's example)."""
    if spaced:
        body = json.dumps(plan.model_dump(mode="json", exclude_defaults=True, exclude={"reasoning"}),
                          separators=(", ", ": "), ensure_ascii=False)
    else:
        body = plan.model_dump_json(exclude_defaults=True, exclude={"reasoning"})
    return (plan.reasoning.strip() + "\n\n" if plan.reasoning.strip() else "") + body


def analysis_images(analysis: VideoAnalysis, base: Path) -> list[str]:
    """The keyframe files of the analysis's shots that exist (relative paths resolved against `base`)."""
    out = []
    for shot in analysis.shots:
        if shot.keyframe:
            path = Path(shot.keyframe)
            path = path if path.is_absolute() else base / path
            if path.exists():
                out.append(str(path))
    return out


def run_examples(run_dir: Path) -> Iterator[dict]:
    """The one "plan" example of a `v2m score` run folder (none when the folder is not a run)."""
    try:
        analysis = VideoAnalysis.model_validate_json((run_dir / "analysis.json").read_text())
        plan = ScorePlan.model_validate_json((run_dir / "plan.json").read_text())
    except (OSError, ValueError):
        return
    config = {}
    if (run_dir / "config.json").exists():
        config = json.loads((run_dir / "config.json").read_text()).get("config", {})
    request = config.get("request", plan.request)
    messages = planner_messages(analysis, request)
    messages.append({"role": "assistant", "content": target_text(plan)})
    yield {"messages": messages, "images": analysis_images(analysis, run_dir),
           "meta": {"kind": "plan", "source": str(run_dir), "planner": config.get("planner", "?"),
                    "video": analysis.source, "analysis": str(run_dir / "analysis.json"), "request": request}}


def session_examples(store_root: Path) -> Iterator[dict]:
    """One example per edit turn of every session in the store at `store_root`."""
    store = Store(store_root)
    try:
        for row in store.sessions():
            sid = row["id"]
            analysis = VideoAnalysis.model_validate_json(row["analysis"])
            for turn in store.turns(sid):
                if turn.kind != "say" or turn.before is None:
                    continue
                before = ScorePlan.model_validate_json(store.version(turn.before).plan_json)
                messages = planner_messages(analysis, turn.text, before)
                if turn.question or turn.after is None:
                    answer = turn.reply  # the clarifying question v2m asked instead of guessing
                else:
                    answer = target_text(ScorePlan.model_validate_json(store.version(turn.after).plan_json))
                messages.append({"role": "assistant", "content": answer})
                yield {"messages": messages, "images": [],
                       "meta": {"kind": "question" if turn.question else "revise", "source": f"{store_root}#{sid}",
                                "request": turn.text, "current": before.model_dump_json(),
                                "turn": turn.n, "planner": row["planner"], "video": row["video"]}}
    finally:
        store.close()


def find_runs(roots: list[Path]) -> list[Path]:
    """Every run folder (holding plan.json and analysis.json) under the given folders, sorted."""
    found = set()
    for root in roots:
        if not root.exists():
            raise V2MError(f"{root}: no such folder")
        for plan in [root / "plan.json", *root.rglob("plan.json")]:
            if plan.exists() and (plan.parent / "analysis.json").exists():
                found.add(plan.parent)
    return sorted(found)


def build(runs: list[Path], sessions: Path | None, out: Path, *, force: bool = False,
          more: list[Iterator[dict]] = ()) -> dict[str, int]:
    """Write the JSONL set; returns how many examples of each kind were written.

    Args:
        runs: folders holding `v2m score` run folders.
        sessions: a session store, or None.
        out: the JSONL file (written whole or not at all).
        force: replace an existing file.
        more: further example sources (e.g. `muvideo.read_records`), all in the same format.
    """
    if out.exists() and not force:
        raise V2MError(f"{out} already exists; use --force to replace it")
    counts: dict[str, int] = {}
    tmp = out.with_name(f".{out.name}.part")
    sources = [run_examples(r) for r in find_runs(runs)]
    if sessions is not None:
        sources.append(session_examples(sessions))
    sources += list(more)
    try:
        with tmp.open("w") as f:
            for source in sources:
                for ex in source:
                    f.write(json.dumps(ex) + "\n")
                    counts[ex["meta"]["kind"]] = counts.get(ex["meta"]["kind"], 0) + 1
    except BaseException:
        tmp.unlink(missing_ok=True)  # a source that fails half-way leaves no half-written set behind
        raise
    tmp.replace(out)
    return counts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m v2m.finetune.dataset", description=__doc__.splitlines()[0])
    p.add_argument("runs", nargs="*", type=Path, help="folders holding `v2m score` run folders")
    p.add_argument("--sessions", type=Path, help="a session store folder (v2m chat's workdir)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file to write")
    p.add_argument("-f", "--force", action="store_true")
    args = p.parse_args(argv)
    try:
        counts = build(args.runs, args.sessions, args.output, force=args.force)
    except V2MError as e:
        print(f"v2m: error: {e}", file=sys.stderr)
        return 2
    total = sum(counts.values())
    print(f"wrote {total} examples to {args.output} " + json.dumps(counts))
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main())
