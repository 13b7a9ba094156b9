"""The span tagger measured: exact-match span F1 overall and per label, token tag accuracy, and places found, on
the human spans' dev split (people's words, finetune/data/human_spans, never trained on) and on the template
validation sentences, for each head file named (the first is the baseline).

    python tests/bench/bench_tagger.py --heads /tmp/before.npz,agent/dialogue/intent_head.npz
    git show e784cc2:agent/dialogue/intent_head.npz > /tmp/before.npz      # the tagger before tag19
    python tests/bench/bench_tagger.py --choose      # the recipe's choices, on a fold of the TRAIN split only
    python tests/bench/bench_tagger.py --heads agent/dialogue/intent_head.npz --misses 30   # dev texts it gets wrong

--choose holds out a fifth of the human train split (by the second byte of sha256(text)), trains the probe on the
rest for each (place_swaps, human_repeat, l2) of a small grid, reads it token by token and as BIO sequences, and prints the
held-out scores: how the config's values were chosen, without the dev split.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np
from v2m.agent.dialogue.intent_model import HEAD_PATH, SPAN_LABELS, IntentModel
from v2m.finetune.intent_tagger import (HUMAN_SPANS, fit, gold_tags, human_span_rows, load_config, measure,
                                        token_vectors, training_rows, validation_rows)

CONFIG = Path(__file__).resolve().parents[2] / "finetune" / "configs" / "intent" / "tagger.yaml"


def row(name: str, m: dict) -> str:
    """One line of scores: texts, spans, P, R, F1, token accuracy, F1 per label, places found and invented."""
    hit, n = m["place_found"]
    inv, n0 = m["place_invented"]
    labels = " ".join(f"{lab} {m['by_label'][lab]['f1']:.3f}" for lab in SPAN_LABELS)
    return (f"{name:50} {m['texts']:5d} {m['spans']:5d} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
            f"{m['token_accuracy']:6.3f}  {labels}  place found {hit}/{n} ({hit / max(1, n):.0%}), "
            f"invented {inv}/{n0} ({inv / max(1, n0):.0%})")


def header() -> str:
    return f"{'':50} {'texts':>5} {'spans':>5} {'P':>6} {'R':>6} {'F1':>6} {'tokacc':>6}  F1 by label"


def compare(heads: list[str], cfg: dict, misses: int) -> None:
    dev = human_span_rows("dev", Path(cfg["human_spans"]))
    val = validation_rows(cfg)
    print(header())
    for path in heads:
        model = IntentModel(Path(path))
        vecs = token_vectors(model, [r["text"] for r in dev + val], Path(cfg["cache"]) if cfg["cache"] else None)
        md, mv = measure(model, dev, vecs[:len(dev)]), measure(model, val, vecs[len(dev):])
        print(row(f"{Path(path).name}: human dev", md))
        print(row(f"{Path(path).name}: template validation", mv))
        if misses and path == heads[-1]:
            wrong = [(r, f) for r, f in zip(dev, md["found"])
                     if {(s[0], s[1], s[2]) for s in r["spans"]} != {(s.label, s.start, s.end) for s in f}]
            print(f"  {len(wrong)} of {len(dev)} dev texts not exactly right; the first {misses}:")
            for r, f in wrong[:misses]:
                print(f"  {r['text']!r}\n    gold  {[(lab, r['text'][a:b]) for lab, a, b in r['spans']]}"
                      f"\n    found {[(s.label, s.text) for s in f]}")


def choose(cfg: dict) -> None:
    """Held-out scores of a small grid on a fold of the train split (the dev split is not read)."""
    base = IntentModel(Path(cfg["head"]))
    cache = Path(cfg["cache"]) if cfg["cache"] else None

    def held_out(text: str) -> bool:
        return hashlib.sha256(text.encode()).digest()[1] % 5 == 0
    held = [r for r in human_span_rows("train", Path(cfg["human_spans"])) if held_out(r["text"])]
    print(f"{len(held)} held-out human train texts")
    print(header())
    print(row("the config's head (may have trained on this fold)", measure(base, held)))
    for swaps in (0, 1000, 2000):
        rows = training_rows({**cfg, "place_swaps": swaps}, keep=lambda text: not held_out(text))  # swaps: kept rows
        vecs = token_vectors(base, [r["text"] for r in rows + held], cache)
        tags = gold_tags(base, rows)
        keep = [t >= 0 for t in tags]
        x = np.concatenate([v[m] for v, m in zip(vecs, keep)]).astype(np.float64)
        y = np.concatenate([t[m] for t, m in zip(tags, keep)])
        for repeat, l2 in ((3, 1e-3), (10, 1e-3), (30, 1e-3), (10, 1e-2)):
            w = np.concatenate([np.full(int(m.sum()), repeat if r["human"] else 1.0) for r, m in zip(rows, keep)])
            base.tag_w, base.tag_b = fit(x, y, w, l2, cfg["max_iter"])
            for how in ("argmax", "bio"):
                base.tag_decode = how
                print(row(f"swaps {swaps}, human_repeat {repeat}, l2 {l2:g}, {how}",
                          measure(base, held, vecs[len(rows):])))
        base = IntentModel(Path(cfg["head"]))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--heads", default=str(HEAD_PATH), help="comma-separated head files, the baseline first")
    ap.add_argument("--config", default=str(CONFIG))
    ap.add_argument("--choose", action="store_true", help="the config's choices, on a fold of the train split")
    ap.add_argument("--misses", type=int, default=0, help="print this many dev texts the last head gets wrong")
    args = ap.parse_args(argv)
    cfg = load_config(args.config)
    if not Path(cfg["human_spans"]).is_file():
        print(f"no human spans at {HUMAN_SPANS}")
    if args.choose:
        choose(cfg)
    else:
        compare(args.heads.split(","), cfg, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
