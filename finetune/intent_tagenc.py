"""Train the span tagger with its own LoRA adapter: all-MiniLM-L6-v2 + peft LoRA + a linear BIO tag head, on CPU,
from the generator's sentences with spans and the human spans' train split; saved small as the tagger file that
`v2m.agent.dialogue.tagger` runs in NumPy (a second encoder pass, made only when spans are asked for).

    python -m v2m.finetune.intent_tagenc finetune/configs/intent/tagger-lora.yaml

Why its own adapter: tag19's probe (`intent_tagger`) reads spans off the intent model's encoder, which is tuned
for the kind of edit; retraining that encoder with the tag loss would move the intent readings. This adapter
learns spans alone, so the intent model and its head file are untouched.

One recipe with `intent_lora` (its batches, frozen lower layers run once, LoRA on the upper ones, span F1) and
`intent_tagger` (its rows: the generator's sentences at weight 1, the human train split at `human_repeat`; the
dev split and any graded text are refused there; `measure` for the scores). The loss is the token cross-entropy,
each token weighted by its row's weight. `fold: true` holds out `intent_tagger.in_fold` of the human train rows
and reports the held-out scores (how the config's values are chosen; the dev split is never read here).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from v2m.agent.dialogue.intent_model import TAGS
from v2m.agent.dialogue.minilm import model_dir
from v2m.agent.dialogue.tagger import Tagger
from v2m.finetune.intent_lora import (_batch, _lower, _read, _upper, gold_spans, lora_arrays, read_config, recipe_config,
                                      recipe_parser, span_f1, with_lora)
from v2m.finetune.intent_tagger import human_span_rows, in_fold, measure, training_rows, validation_rows

KEYS = {"seed", "train_sentences", "val_sentences", "human_spans", "human_repeat", "place_swaps", "max_tokens",
        "lora_r", "lora_alpha", "lora_dropout", "target_modules", "frozen_layers", "epochs", "batch_size", "lr",
        "threads", "fold", "out"}


def split_rows(cfg: dict) -> tuple[list[dict], list[dict]]:
    """(rows to train on, human train rows held out to choose on: none unless `fold`); never a dev row."""
    if not cfg["fold"]:
        return training_rows(cfg), []
    # the fold out before the place swaps are drawn, so no held-out place is trained on
    return (training_rows(cfg, keep=lambda text: not in_fold(text)),
            [r for r in human_span_rows("train", Path(cfg["human_spans"])) if in_fold(r["text"])])


def train(cfg: dict) -> dict:
    """Train and save the tagger file; returns the learning curve and the scores (NumPy path)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg["threads"])
    t0, cpu0 = time.perf_counter(), time.process_time()
    k = cfg["frozen_layers"]
    rows, held = split_rows(cfg)
    val = validation_rows(cfg)
    tok = AutoTokenizer.from_pretrained(model_dir())
    base = AutoModel.from_pretrained(model_dir(), attn_implementation="eager")
    base.eval()
    dt, dv = _batch(tok, rows, cfg), _batch(tok, val, cfg)
    ht, hv = _lower(base, dt, k), _lower(base, dv, k)
    model = with_lora(base, cfg)
    bert = model.base_model.model
    tag_head = torch.nn.Linear(384, len(TAGS))
    weight = torch.tensor([r["weight"] for r in rows], dtype=torch.float32)
    print(f"{len(rows)} training texts ({sum(r['human'] for r in rows)} human), {len(held)} held out, "
          f"{len(val)} template validation ({time.perf_counter() - t0:.0f} s)")

    params = [p for p in model.parameters() if p.requires_grad] + list(tag_head.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01)
    size, lengths = cfg["batch_size"], dt["mask"].sum(1)
    steps = cfg["epochs"] * ((len(rows) + size - 1) // size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.1)
    curve = []
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        order = sorted(range(len(rows)), key=lambda i: (int(lengths[i]), float(torch.rand(1))))
        batches = [order[a:a + size] for a in range(0, len(order), size)]
        losses = []
        for b in torch.randperm(len(batches)).tolist():
            idx = batches[b]
            t = int(lengths[idx].max())
            m, gold = dt["mask"][idx, :t], dt["tags"][idx, :t]
            logits = tag_head(_upper(bert, ht[idx, :t], m, k))
            ce = torch.nn.functional.cross_entropy(logits.reshape(-1, len(TAGS)), gold.reshape(-1),
                                                   ignore_index=-100, reduction="none").reshape(gold.shape)
            w = weight[idx][:, None] * (gold != -100)
            loss = (ce * w).sum() / w.sum().clamp(min=1e-9)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        model.eval()
        _, found, _ = _read(bert, hv, dv, k, None, tag_head, val)
        curve.append({"epoch": epoch, "train_loss": round(float(np.mean(losses)), 4),
                      "val_span_f1": span_f1(gold_spans(val), found)["f1"], "seconds": round(time.perf_counter() - t0)})
        print(f"epoch {epoch}: train loss {curve[-1]['train_loss']:.4f}, template validation span F1 "
              f"{curve[-1]['val_span_f1']:.3f} ({curve[-1]['seconds']} s)")

    arrays = {"tags": np.array(TAGS), "tag_decode": np.array("bio"),
              "lora_scale": np.array(cfg["lora_alpha"] / cfg["lora_r"]),
              "tag_w": tag_head.weight.detach().numpy().astype(np.float32),
              "tag_b": tag_head.bias.detach().numpy().astype(np.float32), **lora_arrays(model)}
    out = Path(cfg["out"])
    np.savez_compressed(out, **arrays)
    cpu_train = round(time.process_time() - cpu0)

    # the shipped path: the adapter merged into the NumPy encoder must tag as torch does
    mine = Tagger(out)
    _, theirs, _ = _read(bert, hv, dv, k, None, tag_head, val)
    mv = measure(mine, val)
    report = {"curve": curve, "train": len(rows), "val": len(val), "out": str(out), "bytes": out.stat().st_size,
              "numpy_torch_span_agreement": round(float(np.mean([f == g for f, g in zip(mv["found"], theirs)])), 4),
              "template_val": {k: v for k, v in mv.items() if k != "found"},
              "wall_s": round(time.perf_counter() - t0), "cpu_train_s": cpu_train}
    if held:
        report["held_out"] = {k: v for k, v in measure(mine, held).items() if k != "found"}
    print(json.dumps(report))
    return report


def load_config(path: str | Path = "finetune/configs/intent/tagger-lora.yaml") -> dict:
    """The recipe's config; every key it reads must be there."""
    return read_config(path, KEYS)


def main(argv: list[str] | None = None) -> int:
    ap = recipe_parser("v2m.finetune.intent_tagenc", "finetune/configs/intent/tagger-lora.yaml", __doc__)
    ap.add_argument("overrides", nargs="*", metavar="KEY=VALUE",
                    help="config keys to override, e.g. fold=true out=/tmp/x.npz (choosing on the train fold)")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    cfg = recipe_config(ap, args.config, load_config)
    for extra in args.overrides:
        key, eq, value = extra.partition("=")
        if key not in KEYS or not eq:
            ap.error(f"unknown override {extra!r} (KEY=VALUE, KEY one of {', '.join(sorted(KEYS))})")
        cfg[key] = yaml.safe_load(value)
    train(cfg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
