"""Fine-tune the intent model: all-MiniLM-L6-v2 with peft LoRA on CPU, then merge and save it small.

    python -m v2m.finetune.intent_lora finetune/configs/intent/minilm-lora.yaml      # ~5-10 min on 2 cores

Reads the config (YAML, its header comment is the command), generates the training and validation
sentences (`v2m.finetune.intent_data`, templates of its own, never the dialogue sets), measures the
frozen encoder's nearest-neighbour accuracy (the baseline), trains LoRA adapters on the attention query
and value projections plus a linear head over mean-pooled unit-length embeddings, prints the learning
curve (train loss, validation accuracy per epoch), and writes the adapter matrices, the head and the labels
to an .npz that `v2m.agent.dialogue.intent_model` merges into the NumPy encoder (no torch at chat time).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import yaml
from v2m.agent.dialogue.intent_model import LABELS, IntentModel
from v2m.agent.dialogue.minilm import model_dir
from v2m.finetune.intent_data import generate


def _pool(model, tok, texts: list[str], max_tokens: int):
    import torch

    enc = tok(texts, padding=True, truncation=True, max_length=max_tokens, return_tensors="pt")
    x = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
    m = enc["attention_mask"].unsqueeze(-1).float()
    v = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(v, dim=-1)


def _embed_all(model, tok, texts, cfg) -> np.ndarray:
    import torch

    with torch.no_grad():
        return np.concatenate([_pool(model, tok, texts[k:k + 64], cfg["max_tokens"]).numpy()
                               for k in range(0, len(texts), 64)])


def train(cfg: dict) -> dict:
    """Train and save; returns the learning curve and accuracies."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg.get("threads", 1))
    labels = list(LABELS)
    train_rows = generate(cfg["train_sentences"], cfg["seed"])
    seen = {r["text"].lower() for r in train_rows}
    val_rows = [r for r in generate(cfg["val_sentences"], cfg["seed"] + 1) if r["text"].lower() not in seen]
    xt, yt = [r["text"] for r in train_rows], torch.tensor([labels.index(r["label"]) for r in train_rows])
    xv, yv = [r["text"] for r in val_rows], np.array([labels.index(r["label"]) for r in val_rows])

    folder = model_dir()
    tok = AutoTokenizer.from_pretrained(folder)
    base = AutoModel.from_pretrained(folder)
    base.eval()
    t0 = time.perf_counter()
    et, ev = _embed_all(base, tok, xt, cfg), _embed_all(base, tok, xv, cfg)
    nn_acc = float((yt.numpy()[np.argmax(ev @ et.T, 1)] == yv).mean())
    print(f"baseline (frozen MiniLM, nearest neighbour): validation accuracy {nn_acc:.3f} "
          f"({time.perf_counter() - t0:.0f} s)")

    frozen = base.encoder.layer[0].attention.self.query.weight.detach().clone()
    model = get_peft_model(base, LoraConfig(r=cfg["lora_r"], lora_alpha=cfg["lora_alpha"],
                                            lora_dropout=cfg["lora_dropout"],
                                            target_modules=cfg["target_modules"], bias="none"))
    head = torch.nn.Linear(384, len(labels))
    params = [p for p in model.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["lr"], weight_decay=0.01)
    steps = cfg["epochs"] * ((len(xt) + cfg["batch_size"] - 1) // cfg["batch_size"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.1)
    scale = cfg["head_scale"]
    curve = []
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        order = torch.randperm(len(xt)).tolist()
        losses = []
        for k in range(0, len(order), cfg["batch_size"]):
            idx = order[k:k + cfg["batch_size"]]
            v = _pool(model, tok, [xt[i] for i in idx], cfg["max_tokens"])
            loss = torch.nn.functional.cross_entropy(scale * head(v), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            losses.append(loss.item())
        model.eval()
        with torch.no_grad():
            pv = torch.from_numpy(_embed_all(model, tok, xv, cfg))
            acc = float((head(pv).argmax(1).numpy() == yv).mean())
        curve.append({"epoch": epoch, "train_loss": round(float(np.mean(losses)), 4), "val_accuracy": round(acc, 4),
                      "seconds": round(time.perf_counter() - t0)})
        print(f"epoch {epoch}: train loss {curve[-1]['train_loss']:.4f}, validation accuracy {acc:.3f} "
              f"({curve[-1]['seconds']} s)")

    arrays = {"labels": np.array(labels), "lora_scale": np.array(cfg["lora_alpha"] / cfg["lora_r"]),
              "head_w": (scale * head.weight.detach().numpy()).astype(np.float32),
              "head_b": (scale * head.bias.detach().numpy()).astype(np.float32)}
    for name, p in model.named_parameters():
        if "lora_" in name:  # base_model.model.encoder.layer.0.attention.self.query.lora_A.default.weight
            key = name.split("base_model.model.")[-1].replace(".default.weight", "")
            arrays[key] = p.detach().numpy().astype(np.float32)
    out = Path(cfg["out"])
    np.savez_compressed(out, **arrays)
    # the shipped path: the adapter merged into the NumPy encoder must read as torch does

    mine = IntentModel(out).probabilities(xv).argmax(1)
    with torch.no_grad():
        theirs = head(torch.from_numpy(_embed_all(model, tok, xv, cfg))).argmax(1).numpy()
    base_now = model.base_model.model.encoder.layer[0].attention.self.query.base_layer.weight
    report = {"baseline_nn_val_accuracy": round(nn_acc, 4), "curve": curve, "train": len(xt), "val": len(xv),
              "out": str(out), "bytes": out.stat().st_size,
              "numpy_agreement": round(float((mine == theirs).mean()), 4),
              "base_frozen": bool(torch.equal(frozen, base_now.detach()))}
    print(json.dumps(report))
    return report


def load_config(path: str | Path = "finetune/configs/intent/minilm-lora.yaml") -> dict:
    """The recipe's config; every key the script reads must be there."""
    cfg = yaml.safe_load(Path(path).read_text())
    missing = {"seed", "train_sentences", "val_sentences", "max_tokens", "lora_r", "lora_alpha", "lora_dropout",
               "target_modules", "epochs", "batch_size", "lr", "head_scale", "out"} - set(cfg)
    if missing:
        raise ValueError(f"{path}: missing {sorted(missing)}")
    return cfg


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    train(load_config(argv[0] if argv else "finetune/configs/intent/minilm-lora.yaml"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
