"""Fine-tune the intent model: all-MiniLM-L6-v2 with peft LoRA on CPU into an intent classifier and a
span tagger (one encoder pass, two heads), then merge and save it small.

    python -m v2m.finetune.intent_lora finetune/configs/intent/minilm-lora.yaml     # ~6 CPU-min, ~11 min wall on 2 loaded cores
    python -m v2m.finetune.intent_lora finetune/configs/intent/minilm-lora-all.yaml --leave-out a,o-tune --out /tmp/F1.npz   # a fold

Reads the config (YAML, its header comment is the command), generates the training and validation
sentences with their spans (`v2m.finetune.intent_data`, templates of its own) and adds the human-written
turns of the config's `human_sets` (`v2m.finetune.intent_human`: b, the d/e/f/g tune halves and bank-tune,
labelled from their expectations, no spans; every val half and the held-out c are refused), each `human_repeat` times,
runs the frozen lower layers once and keeps their output (LoRA sits only in the upper layers, so the lower
ones never change: caching them halves each step), measures the frozen encoder's nearest-neighbour accuracy
(the baseline), then trains LoRA on the upper layers' attention query and value projections with two heads:
a linear intent head over mean-pooled unit-length embeddings and a linear BIO tag head over each token
(`intent_model.TAGS`, read as BIO sequences: `intent_model.decode_tags`). It prints the learning curve (train
losses, validation accuracy and span F1 per epoch) and writes the adapter matrices, both heads and their names to an
.npz that
`v2m.agent.dialogue.intent_model` merges into the NumPy encoder (no torch at chat time).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from v2m.agent.dialogue.intent_model import LABELS, TAGS, IntentModel, Span, decode_tags, spans_from_tags
from v2m.agent.dialogue.minilm import LAYERS, model_dir
from v2m.finetune.intent_data import generate
from v2m.finetune.intent_human import human_rows, said_by

KEYS = {"seed", "train_sentences", "val_sentences", "max_tokens", "lora_r", "lora_alpha", "lora_dropout",
        "target_modules", "frozen_layers", "epochs", "batch_size", "lr", "head_scale", "tag_weight", "out",
        "human_sets", "human_repeat"}


def token_tags(offsets: list[tuple[int, int]], spans: list[list] | None) -> list[int]:
    """Each token's tag index (`TAGS`) from character spans; -100 (not graded) for [CLS], [SEP], padding,
    and for every token of a sentence without span labels (`spans` None: a human-written turn)."""
    if spans is None:
        return [-100] * len(offsets)
    out, open_span = [], None
    for a, b in offsets:
        if a == b:
            out.append(-100)
            open_span = None
            continue
        hit = next((s for s in spans if s[1] <= a < s[2]), None)
        if hit is None:
            out.append(TAGS.index("O"))
        else:
            out.append(TAGS.index(f"{'I' if hit is open_span else 'B'}-{hit[0]}"))
        open_span = hit
    return out


def span_f1(gold: list[list[Span]], found: list[list[Span]]) -> dict:
    """Exact-match span scores: a found span counts when its label, start and end equal a gold one's."""
    g = {(k, s.label, s.start, s.end) for k, spans in enumerate(gold) for s in spans}
    f = {(k, s.label, s.start, s.end) for k, spans in enumerate(found) for s in spans}
    p, r = len(g & f) / max(1, len(f)), len(g & f) / max(1, len(g))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / max(1e-9, p + r), 4)}


def _batch(tok, rows: list[dict], cfg: dict) -> dict:
    """Token ids, mask, per-token tags and labels of `rows`, padded to the longest."""
    import torch

    enc = tok([r["text"] for r in rows], padding=True, truncation=True, max_length=cfg["max_tokens"],
              return_offsets_mapping=True, return_tensors="pt")
    offsets = enc["offset_mapping"].tolist()
    tags = [token_tags(o, r["spans"]) for o, r in zip(offsets, rows)]
    return {"ids": enc["input_ids"], "mask": enc["attention_mask"], "offsets": offsets,
            "tags": torch.tensor(tags),   # rows without an intent label (span-only rows: intent_tagenc) have no y
            "y": torch.tensor([list(LABELS).index(r["label"]) for r in rows])
            if all("label" in r for r in rows) else None}


def _additive(mask):
    import torch

    return ((1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min)


def _lower(model, data: dict, k: int):
    """The output of the first `k` layers (frozen: computed once, without gradients)."""
    import torch

    outs = []
    with torch.no_grad():
        for a in range(0, len(data["ids"]), 128):
            x = model.embeddings(input_ids=data["ids"][a:a + 128])
            for layer in model.encoder.layer[:k]:
                x = layer(x, _additive(data["mask"][a:a + 128]))
            outs.append(x)
    return torch.cat(outs)


def _upper(model, h, mask, k: int):
    for layer in model.encoder.layer[k:]:
        h = layer(h, _additive(mask))
    return h


def _pooled(x, mask):
    import torch

    m = mask.unsqueeze(-1).float()
    return torch.nn.functional.normalize((x * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)


def _read(model, cache, data, k, head, tag_head, rows) -> tuple[np.ndarray, list[list[Span]], np.ndarray]:
    """Pooled vectors, found spans and per-token tags of `rows` (evaluation mode, no gradients)."""
    import torch

    vecs, spans, tags = [], [], []
    with torch.no_grad():
        for a in range(0, len(rows), 64):
            m = data["mask"][a:a + 64]
            x = _upper(model, cache[a:a + 64], m, k)
            vecs.append(_pooled(x, m).numpy())
            scores = tag_head(x).numpy()
            for r in range(len(m)):
                n = int(m[r].sum())
                tags.append(decode_tags(scores[r, :n], "bio"))
                spans.append(spans_from_tags(rows[a + r]["text"], [TAGS[i] for i in tags[-1]],
                                             data["offsets"][a + r][:n]))
    return np.concatenate(vecs), spans, tags


def training_rows(cfg: dict) -> list[dict]:
    """The generated sentences and the human-written turns of `human_sets`, each turn `human_repeat` times
    (oversampled: a few hundred turns among thousands of templates)."""
    left_out = cfg.get("leave_out") or []   # a fold of a grouped cross-validation: none of those sets' sentences, wherever said
    rows = generate(cfg["train_sentences"], cfg["seed"]) + \
        human_rows([n for n in cfg["human_sets"] if n not in left_out]) * cfg["human_repeat"]
    if left_out:
        gone = said_by(left_out)
        rows = [r for r in rows if r["text"].strip().lower() not in gone]
    return rows


def gold_spans(rows: list[dict]) -> list[list[Span]]:
    return [[Span(t, a, b, r["text"][a:b]) for t, a, b in r["spans"]] for r in rows]


def with_lora(base, cfg: dict):
    """`base` (transformers' MiniLM) with LoRA on `target_modules` of the layers above `frozen_layers`."""
    from peft import LoraConfig, get_peft_model

    return get_peft_model(base, LoraConfig(r=cfg["lora_r"], lora_alpha=cfg["lora_alpha"],
                                           lora_dropout=cfg["lora_dropout"], target_modules=cfg["target_modules"],
                                           layers_to_transform=list(range(cfg["frozen_layers"], LAYERS)),
                                           layers_pattern="layer", bias="none"))


def lora_arrays(model) -> dict[str, np.ndarray]:
    """The adapter matrices by the names `intent_model` / `tagger.merged` read ("encoder.layer.3....query.lora_A")."""
    arrays = {}
    for name, p in model.named_parameters():
        if "lora_" in name:  # base_model.model.encoder.layer.3.attention.self.query.lora_A.default.weight
            key = name.split("base_model.model.")[-1].replace(".default.weight", "")
            arrays[key] = p.detach().numpy().astype(np.float32)
    return arrays


def train(cfg: dict) -> dict:
    """Train and save; returns the learning curve and accuracies."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg.get("threads", 1))
    t0, cpu0 = time.perf_counter(), time.process_time()
    k = cfg["frozen_layers"]
    train_rows = training_rows(cfg)
    seen = {r["text"].lower() for r in train_rows}
    val_rows = [r for r in generate(cfg["val_sentences"], cfg["seed"] + 1) if r["text"].lower() not in seen]
    folder = model_dir()
    tok = AutoTokenizer.from_pretrained(folder)
    base = AutoModel.from_pretrained(folder, attn_implementation="eager")
    base.eval()
    dt, dv = _batch(tok, train_rows, cfg), _batch(tok, val_rows, cfg)
    ht, hv = _lower(base, dt, k), _lower(base, dv, k)

    frozen = base.encoder.layer[LAYERS - 1].attention.self.query.weight.detach().clone()
    model = with_lora(base, cfg)
    bert = model.base_model.model
    head, tag_head = torch.nn.Linear(384, len(LABELS)), torch.nn.Linear(384, len(TAGS))
    yv = dv["y"].numpy()
    # the baseline: LoRA's B starts at zero, so this is the frozen encoder
    et, _, _ = _read(bert, ht, dt, k, head, tag_head, train_rows)
    ev, _, _ = _read(bert, hv, dv, k, head, tag_head, val_rows)
    nn_acc = float((dt["y"].numpy()[np.argmax(ev @ et.T, 1)] == yv).mean())
    print(f"baseline (frozen MiniLM, nearest neighbour): validation accuracy {nn_acc:.3f} "
          f"({time.perf_counter() - t0:.0f} s)")

    params = [p for p in model.parameters() if p.requires_grad] + [*head.parameters(), *tag_head.parameters()]
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01)
    size = cfg["batch_size"]
    lengths = dt["mask"].sum(1)
    steps = cfg["epochs"] * ((len(train_rows) + size - 1) // size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.1)
    scale, curve = cfg["head_scale"], []
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        # batches of similar length (little padding), in random order
        order = sorted(range(len(train_rows)), key=lambda i: (int(lengths[i]), float(torch.rand(1))))
        batches = [order[a:a + size] for a in range(0, len(order), size)]
        losses, tag_losses = [], []
        for b in torch.randperm(len(batches)).tolist():
            idx = batches[b]
            t = int(lengths[idx].max())
            m = dt["mask"][idx, :t]
            x = _upper(bert, ht[idx, :t], m, k)
            loss = torch.nn.functional.cross_entropy(scale * head(_pooled(x, m)), dt["y"][idx])
            # tag_into_encoder false: the tagger is a probe on the classifier's encoder (its loss moves only
            # the tag head), so tagging cannot pull the sentence vectors away from the intents
            xt = x if cfg.get("tag_into_encoder", True) else x.detach()
            tag_loss = torch.nn.functional.cross_entropy(tag_head(xt).reshape(-1, len(TAGS)),
                                                         dt["tags"][idx, :t].reshape(-1), ignore_index=-100)
            if not bool((dt["tags"][idx, :t] != -100).any()):  # only human turns: no tag is graded
                tag_loss = torch.zeros(())
            opt.zero_grad()
            (loss + cfg["tag_weight"] * tag_loss).backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
            tag_losses.append(tag_loss.item())
        model.eval()
        pv, found, _ = _read(bert, hv, dv, k, head, tag_head, val_rows)
        with torch.no_grad():
            acc = float((head(torch.from_numpy(pv)).argmax(1).numpy() == yv).mean())
        f1 = span_f1(gold_spans(val_rows), found)["f1"]
        curve.append({"epoch": epoch, "train_loss": round(float(np.mean(losses)), 4),
                      "train_tag_loss": round(float(np.mean(tag_losses)), 4), "val_accuracy": round(acc, 4),
                      "val_span_f1": f1, "seconds": round(time.perf_counter() - t0)})
        print(f"epoch {epoch}: train loss {curve[-1]['train_loss']:.4f} (tags {curve[-1]['train_tag_loss']:.4f}), "
              f"validation accuracy {acc:.3f}, span F1 {f1:.3f} ({curve[-1]['seconds']} s)")

    arrays = {"labels": np.array(list(LABELS)), "tags": np.array(TAGS), "tag_decode": np.array("bio"),
              "lora_scale": np.array(cfg["lora_alpha"] / cfg["lora_r"]),
              "head_w": (scale * head.weight.detach().numpy()).astype(np.float32),
              "head_b": (scale * head.bias.detach().numpy()).astype(np.float32),
              "tag_w": tag_head.weight.detach().numpy().astype(np.float32),
              "tag_b": tag_head.bias.detach().numpy().astype(np.float32)}
    arrays.update(lora_arrays(model))
    out = Path(cfg["out"])
    np.savez_compressed(out, **arrays)

    # the shipped path: the adapter merged into the NumPy encoder must read as torch does
    mine = IntentModel(out)
    probs, my_tags, _ = mine.run([r["text"] for r in val_rows])
    with torch.no_grad():
        theirs = head(torch.from_numpy(pv)).argmax(1).numpy()
    _, _, their_tags = _read(bert, hv, dv, k, head, tag_head, val_rows)
    base_now = bert.encoder.layer[LAYERS - 1].attention.self.query.base_layer.weight
    report = {"baseline_nn_val_accuracy": round(nn_acc, 4), "curve": curve, "train": len(train_rows),
              "val": len(val_rows), "out": str(out), "bytes": out.stat().st_size,
              "numpy_agreement": round(float((probs.argmax(1) == theirs).mean()), 4),
              "numpy_tag_agreement": round(float(np.mean([np.array_equal(a, b) for a, b in zip(my_tags, their_tags)])), 4),
              "base_frozen": bool(torch.equal(frozen, base_now.detach())),
              "wall_s": round(time.perf_counter() - t0), "cpu_s": round(time.process_time() - cpu0)}
    print(json.dumps(report))
    return report


def read_config(path: str | Path, keys: set[str]) -> dict:
    """A recipe's YAML config (this one's, the tagger's, the tagger with its own adapter's); every key in `keys`,
    the ones the recipe reads, must be there."""
    cfg = yaml.safe_load(Path(path).read_text())
    missing = keys - set(cfg)
    if missing:
        raise ValueError(f"{path}: missing {sorted(missing)}")
    return cfg


def load_config(path: str | Path = "finetune/configs/intent/minilm-lora.yaml") -> dict:
    """The recipe's config; every key the script reads must be there."""
    cfg = read_config(path, KEYS)
    if not 0 <= cfg["frozen_layers"] < LAYERS:
        raise ValueError(f"{path}: frozen_layers must be 0..{LAYERS - 1}")
    return cfg


def recipe_parser(prog: str, default: str, doc: str | None) -> argparse.ArgumentParser:
    """The command line every intent recipe shares: its config (the default recipe when none is given); `--help` prints
    this and trains nothing (it used to be read as a config and train the default, overwriting the shipped head)."""
    ap = argparse.ArgumentParser(prog=f"python -m {prog}", description=(doc or "").splitlines()[0])
    ap.add_argument("config", nargs="?", default=default, help=f"the recipe's YAML (default {default})")
    return ap


def recipe_config(ap: argparse.ArgumentParser, path: str, load) -> dict:
    """The config at `path` through `load`, or one error line and exit 2 (a missing file, bad YAML, a missing key)."""
    try:
        return load(path)
    except (OSError, ValueError, yaml.YAMLError) as e:
        ap.exit(2, f"{ap.prog}: error: {' '.join(str(e).split())}\n")


def main(argv: list[str] | None = None) -> int:
    ap = recipe_parser("v2m.finetune.intent_lora", "finetune/configs/intent/minilm-lora.yaml", __doc__)
    ap.add_argument("--leave-out", metavar="SETS", help="a fold: these sets (comma-separated) neither trained on nor said")
    ap.add_argument("--out", metavar="F.npz", help="where the head goes (default: the config's out, the shipped head)")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    cfg = recipe_config(ap, args.config, load_config)
    if args.leave_out:
        cfg["leave_out"] = args.leave_out.split(",")
    if args.out:
        cfg["out"] = args.out
    train(cfg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
