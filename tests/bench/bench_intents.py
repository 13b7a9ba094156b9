"""Intent accuracy of the three readers on turns of the dialogue sets, each turn labelled from its own
expectations (a tempo ratio above 1 is tempo_up, a balance down is balance_down, ...; turns whose
expectations name no single label are left out).

    python tests/bench/bench_intents.py                 # set b (persona turns) and the template validation split
    python tests/bench/bench_intents.py --sets b,c      # c: the frozen held-out split, measured only
    python tests/bench/bench_intents.py --sets b,d --head old_head.npz     # grade another head file
    python tests/bench/bench_intents.py --sets bank-val     # the request bank's graded half (finetune/data/intent_bank)
    python tests/bench/bench_intents.py --sets bank17 --by  # the second bank whole (intent_bank17), totals per label and file

Readers, all measured in this run: the frozen MiniLM encoder's nearest neighbour among the training
sentences (the baseline; the config's training rows, which hold the turns of b and d-tune, so on those sets
it and the LoRA model read sentences they were trained on: d-val is the honest measure), the LoRA-tuned intent model (agent/dialogue/intent_head.npz), the rules grammar
alone, and the two combined as a chat turn combines them (`v2m.agent.dialogue.arbiter.choose`; a
question counts as a miss). Then the model's span tagger: exact-span precision, recall and F1 on the
hand-labelled sentences (tests/intent_spans.yaml) and on the template validation split, and two proxies on
each dialogue set (instrument tagged; place found iff the edit is local).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: dialogue_check, test_intent_model

from dialogue_check import clip_analysis, load_set  # noqa: E402

from v2m.finetune.intent_human import BANKS, label_of  # noqa: E402 - the one labelling of turns, shared with training


def rules_label(intents) -> str:
    """The kind of edit the grammar's first intent stands for: the chat's own labelling (`model_labels.label_of`)."""
    from v2m.agent.dialogue.model_labels import label_of as chat_label

    return chat_label(intents[0]) if intents else "none"


def grammar_reading(a, plan, text: str):
    """The grammar's reading of one turn: (its intents, its question or None, and when it read nothing and asked
    nothing, its word-embedding guess: intents or a question), as `arbiter.combine` gets them."""
    from v2m.agent.dialogue.edits import read_request
    from v2m.agent.dialogue.where import Ask

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
    return got, asked, guessed


def turns(name: str):
    from v2m.agent.planners.base import get_planner

    out = []
    base, _, half = name.partition("-")
    if base in BANKS:   # a request bank (bank, bank17): no clip of its own, read against a 60 s clip cut every 4 s
        from v2m.finetune.intent_human import bank_items

        a = clip_analysis({"duration": 60, "every": 4})
        plan = get_planner("rules").plan(a, "").plan
        return [(x["text"], x["label"], a, plan, []) for x in bank_items(half or None, BANKS[base])]
    for d in load_set(name):
        a = clip_analysis(d["clip"])
        plan = get_planner("rules").plan(a, d.get("request", "")).plan
        for t in d["turns"]:
            lab = label_of(t["expect"])
            if lab:
                out.append((t["say"], lab, a, plan, t["expect"]))
    return out


def _instrument_words(expect: list[dict]) -> set[str]:
    return {arg["instrument"].lower() for e in expect for arg in e.values()
            if isinstance(arg, dict) and isinstance(arg.get("instrument"), str)}


def _is_local(expect: list[dict], duration_s: float) -> bool | None:
    """Whether the turn's edit has a place narrower than the clip (None: the expectations name no place)."""
    spans = [arg["in"] for e in expect for k, arg in e.items()
             if k != "unchanged" and isinstance(arg, dict) and isinstance(arg.get("in"), list)]
    if not spans:
        return None
    return any(b - a < duration_s - 0.5 for a, b in spans)


WHOLE = {"everywhere", "throughout", "overall", "the whole way through", "all the way through"}


def tagger_report(model, data: dict[str, list]) -> None:
    """Span F1 of the tagger on the hand-labelled set and the template validation split (exact words), and
    two proxies on dialogue sets, which carry no span labels: is each expected instrument tagged, and does
    the tagger find a place exactly when the expected edit is local (narrower than the clip)?"""
    from test_intent_model import hand_labelled
    from v2m.agent.dialogue.intent_model import SPAN_LABELS
    from v2m.agent.dialogue.orchestration import FAMILIES
    from v2m.finetune.intent_data import generate
    from v2m.finetune.intent_lora import gold_spans, span_f1

    def by_label(gold, found):
        def only(spans, lab):
            return [[s for s in x if s.label == lab] for x in spans]
        return " ".join(f"{lab} {span_f1(only(gold, lab), only(found, lab))['f1']:.2f}" for lab in SPAN_LABELS)
    fixture = hand_labelled()
    val = [r for r in generate(400, 1) if r["text"].lower() not in {x["text"].lower() for x in generate(2400, 0)}]
    print(f"\n{'tagger, exact spans':34} {'texts':>5} {'spans':>5} {'P':>6} {'R':>6} {'F1':>6}   F1 by label")
    for name, texts, gold in [("hand-labelled (intent_spans.yaml)", [t for t, _ in fixture], [g for _, g in fixture]),
                              ("template validation", [r["text"] for r in val], gold_spans(val))]:
        found = [model.tag_spans(t) for t in texts]
        f = span_f1(gold, found)
        print(f"{name:34} {len(texts):5d} {sum(map(len, gold)):5d} {f['precision']:6.3f} {f['recall']:6.3f} "
              f"{f['f1']:6.3f}   {by_label(gold, found)}")
    for name, rows in data.items():
        if not rows or rows[0][2] is None:
            continue
        inst_hit = inst_n = place_hit = place_n = 0

        def canon(w: str) -> str:
            w = w.lower().rstrip("s") if w.lower() not in FAMILIES else w.lower()
            return FAMILIES.get(w, FAMILIES.get(w + "s", w))
        for text, _, a, _, expect in rows:
            spans = model.tag_spans(text)
            want = _instrument_words(expect)
            if want:
                inst_n += 1
                got = {canon(s.text) for s in spans if s.label == "instrument"}
                inst_hit += bool({canon(w) for w in want} & got)
            local = _is_local(expect, a.duration_s)
            if local is not None:
                place_n += 1
                place_hit += local == any(s.label == "scope" and s.text.lower() not in WHOLE for s in spans)
        print(f"{name}: expected instrument tagged {inst_hit}/{inst_n}; place found iff the edit is local "
              f"{place_hit}/{place_n} (proxies: dialogue turns carry no span labels)")


def writer_files(name: str, texts: list[str]) -> list[str] | None:
    """The file (writer) each item of a request bank came from, or None for a dialogue set."""
    base = name.partition("-")[0]
    if base not in BANKS:
        return None
    import yaml

    of = {x["text"]: path.stem for path in sorted(BANKS[base].glob("*.yaml")) for x in yaml.safe_load(path.read_text()) or []}
    return [of.get(t, "?") for t in texts]


def by_totals(gold: list[str], readers: dict[str, list[str]], groups: dict[str, list[str] | None]) -> None:
    """Each reader's accuracy per group (gold label, writer file): totals only."""
    for kind, keys in groups.items():
        if keys is None:
            continue
        print(f"   by {kind}: " + " ".join(f"{r:>10}" for r in readers))
        for key in sorted(set(keys)):
            idx = [k for k, x in enumerate(keys) if x == key]
            accs = [100 * sum(pred[k] == gold[k] for k in idx) / len(idx) for pred in readers.values()]
            print(f"   {key:16} {len(idx):4d} " + " ".join(f"{a:9.1f}%" for a in accs))


def main(argv: list[str]) -> int:
    from v2m.agent.dialogue.arbiter import Choice, choose
    from v2m.agent.dialogue.trust import kept
    from v2m.agent.dialogue.intent_model import IntentModel, Prediction
    from v2m.agent.dialogue.spelling import spelled
    from v2m.agent.dialogue.vocab import embeddings
    from v2m.finetune.intent_data import generate

    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else ["b"]
    from v2m.finetune.intent_lora import load_config, training_rows

    train = training_rows(load_config(Path(__file__).resolve().parents[2] / "finetune/configs/intent/minilm-lora.yaml"))
    tx = embeddings(tuple(r["text"].lower() for r in train))
    ty = [r["label"] for r in train]
    # --head PATH: grade another head file (e.g. the one before a retraining) against the same turns
    model = IntentModel(Path(argv[argv.index("--head") + 1])) if "--head" in argv else IntentModel.load()
    data = {"template validation": [(r["text"], r["label"], None, None, None) for r in generate(400, 1)
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
        rules, combined, hows = [], [], []
        for k, (text, _, a, plan, _) in enumerate(rows):
            if a is None:
                rules.append("n/a")
                combined.append(lora[k])
                continue
            got, asked, guessed = grammar_reading(a, plan, text)
            rules.append(rules_label(got))
            pred = None
            if model is not None:
                order = np.argsort(-probs[k])
                pred = Prediction(model.labels[order[0]], float(probs[k][order[0]]), model.labels[order[1]],
                                  float(probs[k][order[1]]))
            choice = choose(got, pred, text, asked, guessed)  # the policy a chat turn uses (arbiter.py)
            choice = Choice(kept(choice.how, choice.label, got, guessed, plan.mode), choice.label)   # the key it has
            hows.append(f"{'read' if got else 'unread'}: {choice.how}{' (its own question)' if asked else ''}")
            combined.append(rules_label(got) if choice.how == "rules" else choice.label
                            if choice.how in ("model", "refine") else "ask" if choice.how == "ask"
                            else rules_label(guessed) if isinstance(guessed, list) else "none")

        def acc(pred):
            return 100 * sum(p == g for p, g in zip(pred, gold)) / max(1, len(gold))
        print(f"{name:22} {len(rows):5d} {acc(nn):9.1f}% {acc(lora):9.1f}% "
              f"{acc(rules) if rows[0][2] is not None else float('nan'):7.1f}% {acc(combined):8.1f}%")
        if "--by" in argv:   # totals per gold label, and per writer file for a bank (no item printed: val-safe)
            by_totals(gold, {"MiniLM NN": nn, "LoRA model": lora, "rules": rules, "combined": combined},
                      {"label": gold, "file": writer_files(name.split()[-1], texts), "arbiter's branch": hows or None})
        if "-v" in argv:
            print("   gold labels:", dict(Counter(gold)))
            for text, g, p, r in zip(texts, gold, lora, rules):
                if p != g:
                    print(f"   model miss: {text!r}: {g} read as {p} (rules: {r})")
    if model is not None and model.tags:
        tagger_report(model, data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
