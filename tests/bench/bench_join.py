"""How often each reader is right, per branch of `arbiter.choose` and per label: the tables the join of the two
readers is decided by (`agent/dialogue/join_table.json`). Tune halves only.

    python tests/bench/bench_join.py --sets bank17-tune,a,h-tune --dump /tmp/j.json        # per-turn readings
    python tests/bench/bench_join.py --sets bank17-tune --grammar-only --dump /tmp/old.json  # an older grammar's
    python tests/bench/bench_join.py --load /tmp/j.json --grammar-from /tmp/old.json           # the tables
    python tests/bench/bench_join.py --sets a,o-tune --head /tmp/cv/F1.npz --dump /tmp/f1.json  # a fold's honest head

Each labelled turn (a dialogue set's turns labelled from their expectations, a request bank's items) gets: the
branch of the arbiter it falls in, which only the grammar decides ("read": the grammar read intents, split by
whether the head's best label is among them; "question": the grammar's own question; "guess": it read only unknown
words and mapped them through word embeddings; "unknown": "what do you mean by X"; "silent": nothing at all), the
label of the grammar's reading there (a question is "ask", never right), the head's two best labels with their
probabilities, and the arbiter's label as a chat turn joins them now. The head is honest (never trained on the turn)
on bank17-tune, a, h..n tune and o-tune (`HONEST`); on the others a cross-validated head (`--cv`, bench_transfer's
frozen-feature head trained without that set) stands in. The grammar's honest reading of bank17-tune is main
615319a's (before bankfix17a/b tuned it on those words): run `--grammar-only` in a worktree of that commit (this
file copied in) and join with `--grammar-from`. No val half is ever read (`intent_human` refuses them by name).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))   # tests/: dialogue_check
sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench_intents: the grammar's reading of a turn

ROOT = Path(__file__).resolve().parents[2]
BANK_DIRS = {"bank": ROOT / "finetune/data/intent_bank", "bank17": ROOT / "finetune/data/intent_bank17"}
HONEST = ("bank17-tune", "a", "h-tune", "i-tune", "j-tune", "k-tune", "l-tune", "m-tune", "n-tune", "o-tune", "p-tune")
BINS = (0.0, 0.5, 0.7, 0.85, 0.95, 0.99, 1.01)


def labelled_turns(name: str) -> list[tuple]:
    """(text, gold label, analysis, plan) of each labelled turn of a tune set or a bank's tune half."""
    from dialogue_check import clip_analysis, load_set

    from v2m.agent.planners.base import get_planner
    from v2m.finetune.intent_human import bank_items, label_of

    base, _, half = name.partition("-")
    assert half in ("tune", "") and name not in ("c",), f"tune halves only: {name}"
    if base in BANK_DIRS:   # a request bank: read against a 60 s clip cut every 4 s, as bench_intents does
        a = clip_analysis({"duration": 60, "every": 4})
        plan = get_planner("rules").plan(a, "").plan
        return [(x["text"], x["label"], a, plan) for x in bank_items("tune", BANK_DIRS[base])]
    out = []
    for d in load_set(name):
        a = clip_analysis(d["clip"])
        plan = get_planner("rules").plan(a, d.get("request", "")).plan
        out += [(t["say"], lab, a, plan) for t in d["turns"] if (lab := label_of(t["expect"]) or _asks(t["expect"]))]
    return out


def _asks(expect: list[dict]) -> str | None:
    """ "ask" for a turn whose expectations are a question (the grammar's question is right there, no head label is)."""
    return "ask" if any("question" in e for e in expect) else None


def grammar_side(a, plan, text: str) -> tuple[dict, dict]:
    """The branch the grammar's reading puts a turn in and that reading's label (as `arbiter.label_of` names it); and
    the reading itself, as bench_transfer's `combined` takes it."""
    from bench_intents import grammar_reading

    from v2m.agent.dialogue.arbiter import label_of

    got, asked, guessed = grammar_reading(a, plan, text)
    raw = {"text": text, "got": got, "asked": asked, "guessed": guessed, "rules": label_of(got[0]) if got else "none",
           "mode": plan.mode}
    return _branch(got, asked, guessed), raw


def _branch(got, asked, guessed) -> dict:
    from v2m.agent.dialogue.arbiter import label_of

    if got:   # "keys": the keys of the moods the grammar read (a head's key among them is part of the mood)
        from v2m.agent.dialogue.vocab import MOODS

        return {"branch": "read", "grammar": label_of(got[0]), "read": sorted({label_of(it) for it in got}),
                "keys": sorted({f"mode_{MOODS[it.value].mode}" for it in got if it.what == "mood" and it.value in MOODS})}
    if asked is not None:
        return {"branch": "question", "grammar": "ask", "read": []}
    if isinstance(guessed, list) and guessed:
        return {"branch": "guess", "grammar": label_of(guessed[0]), "read": sorted({label_of(it) for it in guessed})}
    if guessed is not None and type(guessed).__name__ == "Unknown":
        return {"branch": "unknown", "grammar": "ask", "read": []}
    return {"branch": "silent" if not isinstance(guessed, Exception) else "question", "grammar":
            "none" if not isinstance(guessed, Exception) else "ask", "read": []}


def records(name: str, grammar_only: bool, cv: bool, head: str | None = None) -> list[dict]:
    import numpy as np

    rows = labelled_turns(name)
    sides = [grammar_side(a, plan, t) for t, _, a, plan in rows]
    out = [{"set": name, "text": t, "gold": g, **side} for (t, g, *_), (side, _) in zip(rows, sides)]
    if grammar_only:
        return out
    from bench_transfer import combined, features, fit, softmax   # the arbiter as a chat turn joins

    from v2m.agent.dialogue.intent_model import LABELS, IntentModel
    from v2m.agent.dialogue.spelling import spelled

    model, labels = (IntentModel(Path(head)) if head else IntentModel.load()), list(LABELS)
    probs = model.probabilities([spelled(t.lower()) for t, *_ in rows])
    cvp = None
    if cv:   # bench_transfer's frozen-feature head, trained without this set's sentences
        from bench_transfer import REPEAT, SETS, TRAIN_ONLY

        from v2m.finetune.intent_data import generate
        from v2m.finetune.intent_human import human_rows
        from v2m.finetune.intent_lora import load_config

        cfg = load_config(ROOT / "finetune/configs/intent/minilm-lora.yaml")
        gen = generate(cfg["train_sentences"], cfg["seed"])
        said = {t.strip().lower() for t, *_ in rows}
        xs, ys = [[r["text"] for r in gen]], [[labels.index(r["label"]) for r in gen]]
        ws = [np.ones(len(gen))]
        for other in (*SETS, *TRAIN_ONLY):
            if other != name:
                keep = [r for r in human_rows([other]) if r["text"].strip().lower() not in said]
                xs.append([r["text"] for r in keep])
                ys.append([labels.index(r["label"]) for r in keep])
                ws.append(np.full(len(keep), float(REPEAT)))
        w, b = fit(features([t for part in xs for t in part]), np.array([y for p in ys for y in p]),
                   np.concatenate(ws), len(labels))
        cvp = softmax(features([t for t, *_ in rows]) @ w.T + b)
    for k, rec in enumerate(out):
        order = np.argsort(-probs[k])
        rec.update(head=model.labels[order[0]], p=round(float(probs[k][order[0]]), 4),
                   head2=model.labels[order[1]], p2=round(float(probs[k][order[1]]), 4))
        lab, how, _ = combined(sides[k][1], probs[k], model.labels)
        rec.update(arbiter=lab, how=how)
        if head:   # a fold's head of a grouped cross-validation, trained without this set (`intent_lora --leave-out`)
            rec.update(fold=head)
        if cvp is not None:
            order = np.argsort(-cvp[k])
            rec.update(cv=labels[order[0]], cv_p=round(float(cvp[k][order[0]]), 4))
    return out


def honest(rec: dict) -> tuple[str, float] | None:
    """The honest head's (label, p) of a record: the shipped head on sets it never trained on, else the CV head's."""
    if (rec["set"] in HONEST or rec.get("fold")) and "head" in rec:
        return rec["head"], rec["p"]
    return (rec["cv"], rec["cv_p"]) if "cv" in rec else None


def tables(recs: list[dict]) -> None:
    """Per branch, per bin of the honest head's probability and per its label: n, head right, grammar right."""
    by = defaultdict(lambda: [0, 0, 0, 0])
    for r in recs:
        h = honest(r)
        if h is None:
            continue
        label, p = h
        branch = r["branch"] + ("-agree" if r["branch"] in ("read", "guess") and (label in r["read"] or label == "none")
                                else "-differ" if r["branch"] in ("read", "guess") else "")
        bin_ = next(f"{lo:.2f}-{hi:.2f}" for lo, hi in zip(BINS, BINS[1:]) if lo <= p < hi)
        for key in ((branch, "p " + bin_), (branch, label), (branch, "all")):
            cell = by[key]
            cell[0] += 1
            cell[1] += label == r["gold"]
            cell[2] += r["grammar"] == r["gold"]
            cell[3] += r.get("arbiter") == r["gold"]
    print(f"{'branch':16} {'head p / label':16} {'n':>4} {'head':>5} {'gram':>5} {'arb':>5}")
    for (branch, key), (n, h, g, arb) in sorted(by.items()):
        print(f"{branch:16} {key:16} {n:4d} {h:5d} {g:5d} {arb:5d}")


def pairs(recs: list[dict]) -> dict[str, dict]:
    """Where the two readers name different things, per (the grammar's kind > the head's kind; "=" the same kind
    the other way) on read turns, and per head label on "what do you mean by X" turns: at each floor of the honest
    head's probability, how many turns, the head right, the grammar right."""
    from v2m.agent.dialogue.join import FLOORS, kind, row_key

    out: dict[str, dict] = defaultdict(lambda: {f: [0, 0, 0] for f in FLOORS})
    for r in recs:
        h = honest(r)
        if h is None or h[0] == "none":
            continue
        label, p = h
        if r["branch"] == "read" and label not in r["read"] and len(r["read"]) == 1 and label not in r.get("keys", []):
            key = row_key("read", r["grammar"], label)   # one edit one way, the head's no key of its mood: `arbiter._joined`
        elif r["branch"] == "unknown":
            key = row_key("unknown", "ask", label)
        else:
            continue
        for f in FLOORS:
            if p >= f:
                cell = out[key][f]
                cell[0] += 1
                cell[1] += label == r["gold"]
                cell[2] += r["grammar"] == r["gold"]
    return out


def print_pairs(recs: list[dict]) -> None:
    from v2m.agent.dialogue.join import FLOORS, decide

    print(f"{'where':24} " + " ".join(f"{'p>=' + str(f):>18}" for f in FLOORS) + "   (turns head/grammar verdict)")
    for key, cells in sorted(pairs(recs).items()):
        print(f"{key:24} " + " ".join(f"{n:4d} {h:3d}/{g:<3d} {decide(n, h, g) if n else '':7}" for n, h, g in cells.values()))


def write(recs: list[dict], path: Path, argv: list[str]) -> None:
    """The join's table (`agent/dialogue/join.py`): its rows with the command and the sets they came from."""
    rows = {key: {str(f): cell for f, cell in cells.items() if cell[0]} for key, cells in sorted(pairs(recs).items())}
    lines = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in rows.items() if v]   # one row a line: diffs read well
    path.write_text('{"made_by": ' + json.dumps("python tests/bench/bench_join.py " + " ".join(argv)) + ',\n'
                    ' "cells": "per floor of the head\'s probability: [turns, head right, grammar right]",\n'
                    ' "sets": ' + json.dumps(sorted({r["set"] for r in recs})) + ',\n "rows": {\n' +
                    ",\n".join(lines) + "\n}}\n")


def main(argv: list[str]) -> int:
    if "--load" in argv:
        recs = [r for f in argv[argv.index("--load") + 1].split(",") for r in json.loads(Path(f).read_text())]
        if "--grammar-from" in argv:   # an older grammar's reading of the same turns (its branch, label, read)
            old = {(r["set"], r["text"]): r for r in json.loads(Path(argv[argv.index("--grammar-from") + 1]).read_text())}
            recs = [{**r, **{k: old[r["set"], r["text"]].get(k) for k in ("branch", "grammar", "read", "keys")}}
                    if (r["set"], r["text"]) in old else r for r in recs]
        sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else None
        recs = [r for r in recs if sets is None or r["set"] in sets]
        if "--write" in argv:
            write(recs, Path(argv[argv.index("--write") + 1]), argv)
        print_pairs(recs) if "--pairs" in argv else tables(recs)
        return 0
    recs = []
    for name in argv[argv.index("--sets") + 1].split(","):
        head = argv[argv.index("--head") + 1] if "--head" in argv else None
        recs += records(name, "--grammar-only" in argv, "--cv" in argv and name not in HONEST and not head, head)
        if "--dump" in argv:
            Path(argv[argv.index("--dump") + 1]).write_text(json.dumps(recs, indent=0))
        print(name, len(recs), flush=True)
    tables(recs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
