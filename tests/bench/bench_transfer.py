"""Does a learned reader carry to voices it has not seen? A grouped cross-validation by set over the tune halves
only: for each tune set X, a head is trained without X's turns and read on them, beside the grammar alone and the
arbiter's combined choice with that head (as bench_intents grades: a question counts as a miss). The second line of
each set: the turns the grammar read something (where the arbiter's policy can override it); on the others the
grammar alone is "none", right on a thank-you or a question about the key, which a chat answers before either reader.

    python tests/bench/bench_transfer.py                          # every tune set held out in turn (~5-10 min)
    python tests/bench/bench_transfer.py --sets h-tune,l-tune --dump /tmp/cv.json   # per-turn readings (tune only)
    python tests/bench/bench_transfer.py --sets l-tune --head old_head.npz            # another LoRA head beside it

The cheap variant (two cores): the frozen MiniLM's mean-pooled unit vectors (cached on disk by `vocab.embeddings`)
and a linear head over them, logits = 20 x (W x + b) as the shipped head's, trained on the recipe's generated
sentences plus every other tune set's labelled turns (`intent_human.human_rows`, each twice), never a sentence X
says. It is weaker than the LoRA head (no encoder tuning), so its column is a lower bound on what training on the
other voices gives. The LoRA head's column (`--head`, else the shipped one) is honest only on the sets it never
trained on (marked * for the eighth session's head, trained on SHIPPED_TRAINED). Val halves and (c) are never
read: `intent_human.dialogues` refuses them by name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))   # bench_intents: the grammar's label and the turns
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_intents import grammar_reading, rules_label, turns  # noqa: E402

SETS = ("a", "b", "d-tune", "e-tune", "f-tune", "g-tune", "h-tune", "i-tune", "j-tune", "k-tune", "l-tune", "m-tune",
        "n-tune", "bank-tune", "bank17-tune")   # bank17-tune: the seventeenth session's blind request bank
TRAIN_ONLY = ("family-tune",)   # its items need their bank's context to be read by the grammar: trained on, not held out
SHIPPED_TRAINED = ("b", "d-tune", "e-tune", "f-tune", "g-tune", "bank-tune")   # the shipped head's human sets
SCALE, STEPS, LR, DECAY, REPEAT = 20.0, 400, 0.01, 1e-4, 2


def features(texts: list[str]) -> np.ndarray:
    from v2m.agent.dialogue.spelling import spelled
    from v2m.agent.dialogue.vocab import embeddings

    return np.asarray(embeddings(tuple(spelled(t.lower()) for t in texts)), dtype=np.float32)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, n_labels: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A linear head over unit vectors (logits = SCALE * (W x + b)), weighted cross-entropy, full-batch Adam."""
    import torch

    torch.manual_seed(seed)
    X, Y, Wt = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(weight / weight.mean())
    head = torch.nn.Linear(x.shape[1], n_labels)
    opt = torch.optim.Adam(head.parameters(), lr=LR, weight_decay=DECAY)
    for _ in range(STEPS):
        loss = (torch.nn.functional.cross_entropy(SCALE * head(X), Y, reduction="none") * Wt).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return SCALE * head.weight.detach().numpy(), SCALE * head.bias.detach().numpy()


def softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


def readings(name: str) -> list[dict]:
    """Each labelled turn of a tune set with the grammar's reading (its intents, its question, its guess)."""
    out = []
    for text, gold, a, plan, _ in turns(name):
        got, asked, guessed = grammar_reading(a, plan, text)
        out.append({"set": name, "text": text, "gold": gold, "rules": rules_label(got), "got": got, "asked": asked,
                    "guessed": guessed, "mode": plan.mode})
    return out


def combined(r: dict, probs: np.ndarray, labels: list[str]) -> tuple[str, str, object]:
    """The arbiter's reading of a turn with these label probabilities: (label or "ask", how, prediction)."""
    from v2m.agent.dialogue.arbiter import Choice, choose
    from v2m.agent.dialogue.trust import kept
    from v2m.agent.dialogue.intent_model import Prediction

    order = np.argsort(-probs)
    pred = Prediction(labels[order[0]], float(probs[order[0]]), labels[order[1]], float(probs[order[1]]),
                      tuple(labels[k] for k in order))
    c = choose(r["got"], pred, r["text"], r["asked"], r["guessed"])
    c = Choice(kept(c.how, c.label, r["got"], r["guessed"], r["mode"]), c.label)   # a key the score has already: no change
    guessed = r["guessed"]
    label = r["rules"] if c.how == "rules" else c.label if c.how in ("model", "refine") else "ask" if c.how == "ask" \
        else rules_label(guessed) if isinstance(guessed, list) else "none"
    return label, c.how, pred


def main(argv: list[str]) -> int:
    from v2m.agent.dialogue.intent_model import LABELS, IntentModel
    from v2m.agent.dialogue.spelling import spelled
    from v2m.finetune.intent_data import generate
    from v2m.finetune.intent_human import human_rows
    from v2m.finetune.intent_lora import load_config

    held = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else list(SETS)
    assert set(held) <= set(SETS), f"tune sets only: {sorted(SETS)}"
    cfg = load_config(Path(__file__).resolve().parents[2] / "finetune/configs/intent/minilm-lora.yaml")
    labels = list(LABELS)
    gen = generate(cfg["train_sentences"], cfg["seed"])
    human = {name: human_rows([name]) for name in (*SETS, *TRAIN_ONLY)}
    gx = features([r["text"] for r in gen])
    hx = {name: features([r["text"] for r in rows]) if rows else np.zeros((0, gx.shape[1]), np.float32)
          for name, rows in human.items()}
    # --head PATH: the LoRA head beside the cross-validated one (default the shipped one; honest only where it never trained)
    shipped = IntentModel(Path(argv[argv.index("--head") + 1])) if "--head" in argv else IntentModel.load()
    records, table = [], []
    for name in held:
        rows = readings(name)
        said = {r["text"].strip().lower() for r in rows}
        xs, ys, ws = [gx], [[labels.index(r["label"]) for r in gen]], [np.ones(len(gen))]
        for other, hrows in human.items():
            if other == name:
                continue
            keep = [k for k, r in enumerate(hrows) if r["text"].strip().lower() not in said]
            xs.append(hx[other][keep])
            ys.append([labels.index(hrows[k]["label"]) for k in keep])
            ws.append(np.full(len(keep), float(REPEAT)))
        w, b = fit(np.concatenate(xs), np.array([y for part in ys for y in part]), np.concatenate(ws), len(labels))
        cv = softmax(features([r["text"] for r in rows]) @ w.T + b)
        sp = shipped.probabilities([spelled(r["text"].lower()) for r in rows]) if shipped else None
        n = max(1, len(rows))
        hits = dict.fromkeys(("rules", "cv", "cv_comb", "ship", "ship_comb", "read", "rules_r", "cv_comb_r",
                              "ship_comb_r"), 0)
        for k, r in enumerate(rows):
            lab, how, pred = combined(r, cv[k], labels)
            rec = {key: r[key] for key in ("set", "text", "gold", "rules")}
            rec.update(cv=pred.label, cv_p=round(pred.p, 3), cv_p2=round(pred.p2, 3), cv_comb=lab, cv_how=how,
                       rules_read=bool(r["got"]), asked=r["asked"] is not None,
                       guessed="list" if isinstance(r["guessed"], list) and r["guessed"] else
                       type(r["guessed"]).__name__ if r["guessed"] is not None else "")
            if sp is not None:
                slab, show, spred = combined(r, sp[k], shipped.labels)
                rec.update(ship=spred.label, ship_p=round(spred.p, 3), ship_comb=slab, ship_how=show)
                hits["ship"] += spred.label == r["gold"]
                hits["ship_comb"] += slab == r["gold"]
            hits["rules"] += r["rules"] == r["gold"]
            hits["cv"] += pred.label == r["gold"]
            hits["cv_comb"] += lab == r["gold"]
            if r["got"]:   # the grammar read something: the arbiter's branches that override it
                hits["read"] += 1
                hits["rules_r"] += r["rules"] == r["gold"]
                hits["cv_comb_r"] += lab == r["gold"]
                hits["ship_comb_r"] += sp is not None and slab == r["gold"]
            records.append(rec)
        if "--dump" in argv:   # after each set: a long run interrupted keeps what it read
            Path(argv[argv.index("--dump") + 1]).write_text(json.dumps(records, indent=0))
        table.append((name, len(rows), {k: 100 * v / n for k, v in hits.items()}))
        read = hits["read"]
        mark = "*" if name in SHIPPED_TRAINED else " "
        h = table[-1][2]
        print(f"{name:10} {len(rows):5d}  rules {h['rules']:5.1f}%  cv model {h['cv']:5.1f}%  cv combined "
              f"{h['cv_comb']:5.1f}%  | shipped model {h['ship']:5.1f}%{mark} combined {h['ship_comb']:5.1f}%{mark}",
              flush=True)
        print(f"{'':10} {read:5d}  read by the grammar: rules {hits['rules_r']}, cv combined {hits['cv_comb_r']}, "
              f"shipped combined {hits['ship_comb_r']}", flush=True)
    total = sum(n for _, n, _ in table)
    print("all", total, " ".join(f"{k} {sum(h[k] * n for _, n, h in table) / max(1, total):.1f}%"
                                 for k in ("rules", "cv", "cv_comb", "ship", "ship_comb")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
