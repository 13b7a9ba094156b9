"""LoRA vs QLoRA training step throughput and peak memory for a real-size Qwen2.5-VL, random weights.

    python tests/bench/bench_finetune_gpu.py --size 3b --device cuda          # Qwen2.5-VL-3B architecture
    python tests/bench/bench_finetune_gpu.py --size 7b --device cuda --seq 2048
    python tests/bench/bench_finetune_gpu.py --size tiny --device cpu          # a smoke run of this script

The model is built from the published config with random weights (nothing is downloaded), saved once
to a temporary folder, then loaded by the recipe's own `load_model` (v2m.finetune.train) for each
method, so the bench measures what `v2m finetune train` runs: bfloat16 LoRA, and QLoRA (NF4 base,
double quantisation, bfloat16 compute), both with gradient checkpointing, LoRA r=16 on the language
model's projections. Steps are text-only sequences of `--seq` tokens (a plan prompt with its answer
is 2-3k tokens; the vision tower adds little at 6 small frames). It prints tokens/s and peak memory per
method and the QLoRA/LoRA ratios, measured in the same run (the baseline is LoRA).
Published reference (QLoRA paper, Dettmers et al. 2023, and the peft docs): a 4-bit 7B base needs
about 5-6 GB for weights vs about 15 GB in bfloat16, at roughly 0.6-0.8x the LoRA step speed.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

SIZES = {  # Qwen2.5-VL text configs as published (config.json of the Instruct checkpoints)
    "3b": dict(hidden_size=2048, intermediate_size=11008, num_hidden_layers=36, num_attention_heads=16,
               num_key_value_heads=2, vocab_size=151936),
    "7b": dict(hidden_size=3584, intermediate_size=18944, num_hidden_layers=28, num_attention_heads=28,
               num_key_value_heads=4, vocab_size=152064),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                 num_key_value_heads=2, vocab_size=1000),
}


def build(size: str, folder: Path) -> Path:
    import torch
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    text = SIZES[size]
    head = text["hidden_size"] // text["num_attention_heads"]
    mrope = [head // 8, 3 * head // 16, 3 * head // 16]
    mrope[0] += head // 2 - sum(mrope)
    vision = (dict(depth=32, hidden_size=1280, intermediate_size=3420, num_heads=16) if size != "tiny"
              else dict(depth=2, hidden_size=32, intermediate_size=64, num_heads=2))
    config = Qwen2_5_VLConfig(
        text_config=text | dict(max_position_embeddings=32768,
                                rope_parameters={"rope_type": "default", "rope_theta": 1e6, "mrope_section": mrope}),
        vision_config=vision | dict(out_hidden_size=text["hidden_size"], fullatt_block_indexes=[7, 15, 23, 31],
                                    window_size=112, patch_size=14, spatial_merge_size=2, temporal_patch_size=2))
    torch.manual_seed(0)
    model = Qwen2_5_VLForConditionalGeneration(config).to(torch.bfloat16)
    model.save_pretrained(folder)
    # The recipe loads a processor beside the weights; any Qwen2.5-VL processor with a tokenizer will do.
    from v2m.finetune.tiny_vlm import build_qwen25_vl

    tok_dir = Path(tempfile.mkdtemp())
    build_qwen25_vl(tok_dir)
    for f in tok_dir.iterdir():
        if not f.name.startswith(("model", "config.json", "generation_config")):
            (folder / f.name).write_bytes(f.read_bytes())
    return folder


def measure(folder: Path, method: str, device: str, seq: int, steps: int, vocab: int) -> dict:
    import torch

    from v2m.finetune.recipe import TrainConfig
    from v2m.finetune.train import load_model

    cfg = TrainConfig(model=str(folder), method=method, dtype="bfloat16", gradient_checkpointing=True,
                      lora_r=16, lora_alpha=32)
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    _, model = load_model(cfg, folder, device)
    model = model.to(device) if method == "lora" else model
    model.train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4)
    ids = torch.randint(0, vocab, (1, seq), device=device)
    times = []
    for step in range(steps + 1):  # the first step warms up kernels and the allocator
        t = time.perf_counter()
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        if step:
            times.append(time.perf_counter() - t)
    peak = torch.cuda.max_memory_allocated() / 2**30 if device.startswith("cuda") else float("nan")
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    del model, opt
    return {"method": method, "tokens_per_s": round(seq * len(times) / sum(times), 1),
            "step_s": round(sum(times) / len(times), 3), "peak_gib": round(peak, 2), "trainable": trainable}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", choices=sorted(SIZES), default="3b")
    p.add_argument("--device", default="cuda")
    p.add_argument("--seq", type=int, default=2048)
    p.add_argument("--steps", type=int, default=5)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = build(args.size, Path(tmp) / "model")
        rows = [measure(folder, m, args.device, args.seq, args.steps, SIZES[args.size]["vocab_size"])
                for m in ("lora", "qlora")]
    lora, qlora = rows
    for r in rows:
        print(f"{args.size} {r['method']:<5} {r['tokens_per_s']:>9.1f} tok/s  {r['step_s']:.3f} s/step  "
              f"peak {r['peak_gib']:.2f} GiB  trainable {r['trainable']:,}")
    print(f"QLoRA/LoRA: speed {qlora['tokens_per_s'] / lora['tokens_per_s']:.2f}x, "
          f"peak memory {qlora['peak_gib'] / lora['peak_gib']:.2f}x")
    print(json.dumps({"size": args.size, "device": args.device, "seq": args.seq, "rows": rows}))


if __name__ == "__main__":
    main()
