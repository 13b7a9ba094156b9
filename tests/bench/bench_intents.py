"""Intent accuracy of the three readers on turns of the dialogue sets, each turn labelled from its own
expectations (a tempo ratio above 1 is tempo_up, a balance down is balance_down, ...; turns whose
expectations name no single label are left out).

    python tests/bench/bench_intents.py                 # set b (persona turns) and the template validation split
    python tests/bench/bench_intents.py --sets b,c      # c: the frozen held-out split, measured only

Readers, all measured in this run: the frozen MiniLM encoder's nearest neighbour among the training
sentences (the baseline), the LoRA-tuned intent model (agent/dialogue/intent_head.npz), the rules grammar
alone, and the two combined as a chat turn combines them (`v2m.agent.dialogue.arbiter.choose`; a
question counts as a miss).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import clip_analysis, load_set  # noqa: E402


def label_of(expect: list[dict]) -> str | None:
    """The one intent label a turn's expectations stand for, or None."""
    labels = set()
    for e in expect:
        (kind, arg), = e.items()
        if kind == "tempo" and "ratio" in arg:
            labels.add("tempo_up" if arg["ratio"][0] >= 1 else "tempo_down" if arg["ratio"][1] <= 1 else None)
        elif kind == "energy":
            labels.add(f"energy_{arg['change']}")
        elif kind == "shape":
            labels.add("shape_up" if arg["rises"] else "shape_down")
        elif kind == "balance":
            labels.add(f"balance_{arg['change']}")
        elif kind == "loudness":
            labels.add(f"loudness_{arg}")
        elif kind == "mode" and arg in ("major", "minor"):
            labels.add(f"mode_{arg}")
        elif kind == "plays":
            labels.add("add" if arg["playing"] else "remove")
        elif kind == "hit":
            labels.add("hit")
        elif kind in ("style", "style_any"):
            labels.add("style")
        elif kind == "same_as":
            labels.add("revert")
        elif kind in ("nochange", "refuse"):
            labels.add("none")
        elif kind in ("question", "key", "locked", "no_hit", "instrument", "take", "route"):
            return None
    labels.discard(None)
    if labels == {"energy_up", "balance_up"} or labels == {"energy_down", "balance_down"}:
        labels = {sorted(labels)[0].replace("energy", "balance")}
    return labels.pop() if len(labels) == 1 else None


RULE_LABEL = {("tempo", "up"): "tempo_up", ("tempo", "down"): "tempo_down", ("energy", "up"): "energy_up",
              ("energy", "down"): "energy_down", ("loudness", "up"): "loudness_up",
              ("loudness", "down"): "loudness_down", ("shape", "up"): "shape_up", ("shape", "down"): "shape_down",
              ("balance", "up"): "balance_up", ("balance", "down"): "balance_down"}


def rules_label(intents) -> str:
    if not intents:
        return "none"
    it = intents[0]
    if it.what == "mode":
        return f"mode_{it.value}" if it.value in ("major", "minor") else "style"
    if it.what == "mood":
        from v2m.agent.dialogue.vocab import MOODS

        m = MOODS[it.value]
        return "energy_up" if m.energy > 0 else "energy_down"
    if it.what in ("revert", "undo"):
        return "revert"
    if it.what in ("add", "remove", "hit", "style"):
        return it.what
    if it.what == "only":
        return "remove"
    return RULE_LABEL.get((it.what, it.direction), it.what)


def turns(name: str):
    from v2m.agent.planners.base import get_planner

    out = []
    for d in load_set(name):
        a = clip_analysis(d["clip"])
        plan = get_planner("rules").plan(a, d.get("request", "")).plan
        for t in d["turns"]:
            lab = label_of(t["expect"])
            if lab:
                out.append((t["say"], lab, a, plan))
    return out


def main(argv: list[str]) -> int:
    from v2m.agent.dialogue.arbiter import choose
    from v2m.agent.dialogue.edits import read_request
    from v2m.agent.dialogue.intent_model import IntentModel, Prediction
    from v2m.agent.dialogue.phrases import spelled
    from v2m.agent.dialogue.vocab import embeddings
    from v2m.agent.dialogue.where import Ask
    from v2m.finetune.intent_data import generate

    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else ["b"]
    train = generate(2400, 0)
    tx = embeddings(tuple(r["text"].lower() for r in train))
    ty = [r["label"] for r in train]
    model = IntentModel.load()
    data = {"template validation": [(r["text"], r["label"], None, None) for r in generate(400, 1)
                                    if r["text"].lower() not in {x["text"].lower() for x in train}]}
    for name in sets:
        data[f"set {name}"] = turns(name)
    print(f"{'set':22} {'turns':>5} {'MiniLM NN':>10} {'LoRA model':>10} {'rules':>8} {'combined':>9}")
    for name, rows in data.items():
        texts = [r[0] for r in rows]
        gold = [r[1] for r in rows]
        q = embeddings(tuple(t.lower() for t in texts))
        nn = [ty[i] for i in np.argmax(q @ tx.T, 1)]
        probs = model.probabilities([spelled(t.lower()) for t in texts]) if model else None
        lora = [model.labels[i] for i in probs.argmax(1)] if model else ["none"] * len(rows)
        rules, combined = [], []
        for k, (text, _, a, plan) in enumerate(rows):
            if a is None:
                rules.append("n/a")
                combined.append(lora[k])
                continue
            try:
                got, asked = read_request(a, plan, text, guess=False), None
            except Ask as q:
                got, asked = [], q
            guessed = None
            if not got and asked is None:
                try:
                    guessed = read_request(a, plan, text, guess=True)
                except Ask as q:
                    guessed = q
            rules.append(rules_label(got))
            pred = None
            if model is not None:
                order = np.argsort(-probs[k])
                pred = Prediction(model.labels[order[0]], float(probs[k][order[0]]), model.labels[order[1]],
                                  float(probs[k][order[1]]))
            choice = choose(got, pred, text, asked, guessed)  # the policy a chat turn uses (arbiter.py)
            combined.append(rules_label(got) if choice.how == "rules" else choice.label
                            if choice.how in ("model", "refine") else "ask" if choice.how == "ask"
                            else rules_label(guessed) if isinstance(guessed, list) else "none")

        def acc(pred):
            return 100 * sum(p == g for p, g in zip(pred, gold)) / max(1, len(gold))
        print(f"{name:22} {len(rows):5d} {acc(nn):9.1f}% {acc(lora):9.1f}% "
              f"{acc(rules) if rows[0][2] is not None else float('nan'):7.1f}% {acc(combined):8.1f}%")
        if "-v" in argv:
            print("   gold labels:", dict(Counter(gold)))
            for text, g, p, r in zip(texts, gold, lora, rules):
                if p != g:
                    print(f"   model miss: {text!r}: {g} read as {p} (rules: {r})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
