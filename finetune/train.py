"""One fine-tuning recipe: LoRA or QLoRA on a transformers vision-language model, through accelerate.

    v2m finetune train --config tiny-cpu --output runs/tiny                   # one CPU, minutes
    v2m finetune train --config qwen2.5-vl-3b-lora --output runs/q3b          # one GPU
    accelerate launch --config_file finetune/configs/accelerate/ddp.yaml \\
        -m v2m.finetune.train --config qwen2.5-vl-7b-lora --output runs/q7b   # many GPUs, same recipe

Read top to bottom: resolve the config; build the tiny base or link the named one into DIR/base;
build the synthetic corpus when the config asks for it; load the model (4-bit for QLoRA) and wrap
it in a peft LoRA; tokenise every example exactly as the `hf` planner prompts at inference
(`HFBackend.inputs`), the answer appended and the only thing the loss sees (unless the config gives the
prompt a weight; the output layer then runs on the answer's positions alone); train with AdamW and a
cosine schedule, checkpointing the whole training state (`accelerator.save_state`) every
`save_every` steps so a killed run resumes where it stopped; save the adapter in peft format to
DIR/adapter. Serve it with `v2m score VIDEO --backend hf --model DIR/base --adapter DIR/adapter`.

A plain loop rather than TRL's SFTTrainer (which installs here): the loop tokenises through the very
function the planner uses at inference, so train and serve prompts are identical token for token.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

from v2m.agent.planners.hf import HFBackend
from v2m.finetune.recipe import TrainConfig, add_train_args, example_frames, load_config
from v2m.finetune.synthetic import build_synthetic
from v2m.finetune.tiny_vlm import BUILDERS, TinySize
from v2m.tools.errors import InputError, V2MError

CHECKPOINTS = "checkpoints"


def prepare_base(cfg: TrainConfig, out: Path, texts: list[str]) -> Path:
    """DIR/base: the tiny model built from its config (tokenizer trained on `texts`), or a link to the named one."""
    base = out / "base"
    if base.exists():
        return base
    if cfg.tiny:
        family = cfg.tiny.get("family", "qwen2.5-vl")
        size = TinySize(**{k: v for k, v in cfg.tiny.items() if k != "family"})
        BUILDERS[family](base, seed=cfg.seed, size=size, texts=texts)
        return base
    local = Path(cfg.model).expanduser()
    if not local.is_dir():  # a hub id: the snapshot already in the local cache (v2m never downloads)
        from huggingface_hub import snapshot_download

        local = Path(snapshot_download(cfg.model, local_files_only=True))
    base.symlink_to(local.resolve(), target_is_directory=True)
    return base


def prepare_data(cfg: TrainConfig, out: Path) -> Path:
    """The training JSONL: the config's file, or the synthetic corpus built into DIR/data."""
    if cfg.data != "synthetic":
        path = Path(cfg.data).expanduser()
        if not path.is_file():
            raise InputError(f"training data {path} does not exist (make it with `v2m finetune data` or `synth`)")
        return path

    path = out / "data" / "sft.jsonl"
    if not path.exists():
        build_synthetic(out / "data", **cfg.synthetic)
    return path


def load_model(cfg: TrainConfig, base: Path, device: str):
    """The processor and the peft-wrapped model (base weights frozen, 4-bit for QLoRA)."""
    import torch
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    from transformers import AutoModelForImageTextToText, AutoProcessor

    dtype = getattr(torch, cfg.dtype)
    kwargs: dict = {"dtype": dtype}
    if cfg.method == "qlora":
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=dtype)
        kwargs["device_map"] = {"": device}
    processor = AutoProcessor.from_pretrained(base)
    model = AutoModelForImageTextToText.from_pretrained(base, **kwargs)
    if cfg.method == "qlora":
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=cfg.gradient_checkpointing)
    elif cfg.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    lora = LoraConfig(r=cfg.lora_r, lora_alpha=cfg.lora_alpha, lora_dropout=cfg.lora_dropout,
                      target_modules=cfg.lora_targets, modules_to_save=cfg.modules_to_save, task_type="CAUSAL_LM")
    return processor, get_peft_model(model, lora)


def tokenise(examples: list[dict], model, processor, max_frames: int, max_len: int) -> list[dict]:
    """Each example as model inputs: the prompt built by `HFBackend.inputs` (chat template, frames), then
    the answer and the end-of-turn token; labels are -100 on the prompt, so only the answer is learned."""
    import torch

    backend = HFBackend.from_model(model, processor, name="training")
    backend.device, backend.dtype = "cpu", torch.float32  # moved to the training device batch by batch
    eos = model.generation_config.eos_token_id
    eos = eos[0] if isinstance(eos, list) else eos
    rows = []
    for ex in examples:
        prompt, answer = ex["messages"][:-1], ex["messages"][-1]["content"]
        batch = backend.inputs(prompt, example_frames(ex, max_frames))
        target = processor.tokenizer(answer, add_special_tokens=False)["input_ids"] + [eos]
        ids = torch.cat([batch["input_ids"][0], torch.tensor(target)])[:max_len]
        labels = torch.full_like(ids, -100)
        labels[batch["input_ids"].shape[1]:] = ids[batch["input_ids"].shape[1]:]
        row = {}
        for k, v in batch.items():  # per-token extras (e.g. Qwen's mm_token_type_ids) grow with the answer, as text
            if v.shape == batch["input_ids"].shape:  # not pixel_values of a 1,176-token prompt (patches of 1,176 values)
                v = torch.cat([v[0], torch.zeros(len(target), dtype=v.dtype)])[:max_len][None]
            row[k] = v
        row["input_ids"], row["attention_mask"] = ids[None], torch.ones_like(ids)[None]
        rows.append(row | {"labels": labels[None]})
    return rows


def answer_only(batch: dict) -> dict:
    """The batch with logits asked for the answer only (`logits_to_keep`) and its labels cut to match: the
    loss sees nothing else, and the output layer then runs on ~200 positions instead of ~2,000 (on a real
    vocabulary of 150k tokens that is most of a step's memory)."""
    answer = (batch["labels"][0] != -100).nonzero()
    if not len(answer):
        return batch
    keep = batch["labels"].shape[1] - int(answer[0]) + 1  # from the last prompt token, which predicts the first answer token
    return batch | {"labels": batch["labels"][:, -keep:], "logits_to_keep": keep}


def example_loss(model, batch: dict, prompt_weight: float = 0.0):
    """Cross-entropy per answer token. With `prompt_weight` > 0 (the old fine-tuning APIs' `prompt_loss_weight`)
    each text token of the prompt adds that weight times its loss, still divided by the answer's length: a
    base that has never read a prompt also learns to read them (for the tiny-cpu budget it did not pay;
    finetune/results/tiny-cpu.md)."""
    import torch
    import torch.nn.functional as F

    if prompt_weight <= 0:
        return model(**answer_only(batch)).loss
    out = model(**{k: v for k, v in batch.items() if k != "labels"})
    ids, labels = batch["input_ids"][0, 1:], batch["labels"][0, 1:]
    ce = F.cross_entropy(out.logits[0, :-1].float(), ids, reduction="none")
    config = getattr(model, "config", None)
    pictures = [t for n in ("image_token_id", "video_token_id") if isinstance(t := getattr(config, n, None), int)]
    text = ~torch.isin(ids, torch.tensor(pictures, dtype=ids.dtype))  # picture placeholders hold nothing to learn
    answer = labels != -100
    weights = answer.float() + prompt_weight * (~answer & text).float()
    return (ce * weights).sum() / answer.sum().clamp(min=1)


def schedule(step: int, cfg: TrainConfig) -> float:
    """Learning-rate factor: linear warm-up, then cosine decay to 10%."""
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    done = (step - cfg.warmup_steps) / max(1, cfg.max_steps - cfg.warmup_steps)
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, done)))


def latest_checkpoint(out: Path) -> Path | None:
    found = sorted((out / CHECKPOINTS).glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
    return found[-1] if found else None


def train(cfg: TrainConfig, out: Path, *, resume: bool = False, force: bool = False) -> dict:
    """Run the recipe; returns a summary (steps, losses, seconds, adapter path).

    Args:
        cfg: the resolved config.
        out: the run folder (base/, data/, checkpoints/, adapter/, config.json, log.jsonl).
        resume: continue from the newest checkpoint in out/checkpoints.
        force: start over in a folder that already holds an adapter or checkpoints.
    """
    import torch
    from accelerate import Accelerator
    from accelerate.utils import set_seed

    torch.set_num_threads(cfg.threads)
    if not resume and not force and ((out / "adapter").exists() or latest_checkpoint(out)):
        raise InputError(f"{out} already holds a run; use --resume to continue it or --force to start over")
    acc = Accelerator(cpu=cfg.cpu)
    set_seed(cfg.seed)
    if acc.is_main_process:
        if force and not resume:
            for name in ("adapter", CHECKPOINTS):
                shutil.rmtree(out / name, ignore_errors=True)
        out.mkdir(parents=True, exist_ok=True)
        data = prepare_data(cfg, out)
        texts = [json.loads(line)["messages"][-1]["content"] for line in data.read_text().splitlines()]
        prepare_base(cfg, out, texts)
        (out / "config.json").write_text(json.dumps(cfg.__dict__, indent=2, default=str))
    acc.wait_for_everyone()
    data = prepare_data(cfg, out)
    examples = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    if not examples:
        raise InputError(f"{data} holds no examples")
    processor, model = load_model(cfg, out / "base", str(acc.device))
    rows = tokenise(examples, model, processor, cfg.max_frames, cfg.max_len)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.0)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: schedule(s, cfg))
    model, opt, sched = acc.prepare(model, opt, sched)
    start = 0
    ckpt = latest_checkpoint(out) if resume else None
    if ckpt is not None:
        acc.load_state(str(ckpt))
        start = json.loads((ckpt / "progress.json").read_text())["step"]
    world, rank, accum = acc.num_processes, acc.process_index, cfg.batch_size
    log = (out / "log.jsonl").open("a") if acc.is_main_process else None
    losses, t0 = [], time.perf_counter()
    model.train()
    for step in range(start, cfg.max_steps):
        total = 0.0
        for micro in range(accum):
            seen = (step * accum + micro) * world + rank  # every process walks its own slice of one shuffled order
            epoch, at = divmod(seen, len(rows))
            order = list(range(len(rows)))
            random.Random(cfg.seed + epoch).shuffle(order)
            batch = {k: v.to(acc.device) for k, v in rows[order[at]].items()}
            with acc.no_sync(model) if micro < accum - 1 else _nothing():
                loss = example_loss(model, batch, cfg.prompt_loss_weight) / accum
                acc.backward(loss)
            total += loss.item()
        acc.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        losses.append(total)
        if log and (step % cfg.log_every == 0 or step == cfg.max_steps - 1):
            entry = {"step": step + 1, "loss": round(total, 4), "lr": sched.get_last_lr()[0],
                     "s": round(time.perf_counter() - t0, 1)}
            log.write(json.dumps(entry) + "\n")
            log.flush()
            print(json.dumps(entry), flush=True)
        if (step + 1) % cfg.save_every == 0 and step + 1 < cfg.max_steps:
            save_checkpoint(acc, out, step + 1, cfg.keep_checkpoints)
    acc.wait_for_everyone()
    state = acc.get_state_dict(model)
    if acc.is_main_process:
        acc.unwrap_model(model).save_pretrained(out / "adapter", state_dict=state)
        log.close()
    acc.wait_for_everyone()
    return {"steps": cfg.max_steps, "resumed_from": start, "first_loss": losses[0] if losses else None,
            "last_loss": losses[-1] if losses else None, "seconds": round(time.perf_counter() - t0, 1),
            "adapter": str(out / "adapter"), "processes": world}


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def save_checkpoint(acc, out: Path, step: int, keep: int) -> Path:
    """The whole training state (adapter, optimizer, scheduler, RNG) at `step`; older ones beyond `keep` go."""
    path = out / CHECKPOINTS / f"step-{step}"
    acc.save_state(str(path))
    if acc.is_main_process:
        (path / "progress.json").write_text(json.dumps({"step": step}))
        done = sorted((out / CHECKPOINTS).glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
        for old in done[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
    acc.wait_for_everyone()
    return path


def run_train(args: argparse.Namespace) -> int:
    overrides = {"max_steps": args.max_steps} if args.max_steps is not None else {}
    cfg = load_config(args.config, **overrides)
    summary = train(cfg, args.output, resume=args.resume, force=args.force)
    print(json.dumps(summary))
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m v2m.finetune.train` (what `accelerate launch -m` runs): the same as `v2m finetune train`."""
    p = argparse.ArgumentParser(prog="python -m v2m.finetune.train", description=__doc__.splitlines()[0])
    add_train_args(p)
    args = p.parse_args(argv)
    try:
        return run_train(args)
    except V2MError as e:
        print(f"v2m: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
