#!/usr/bin/env bash
# The tiny end-to-end experiment (CPU only, 10-15 minutes on a shared 2-core machine):
#   bash finetune/results/tiny-cpu.sh            # writes runs/held, runs/tiny-cpu and runs/tiny-cpu/eval.json
# 1. freeze the held-out split first (another seed: clips the training corpus never holds; default targets);
# 2. train the tiny-cpu config (builds its tiny Qwen2.5-VL and its synthetic corpus, seed 0);
# 3. grade the untrained base, base + adapter and the best constant plan on the held-out split.
set -euo pipefail
export OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
V2M=${V2M:-v2m} CONFIG=${CONFIG:-tiny-cpu} OUT=${OUT:-runs/tiny-cpu}
time $V2M finetune synth -o runs/held --clips 10 --seed 1000 --turns 1 --force
sha256sum runs/held/sft.jsonl
time $V2M finetune train --config "$CONFIG" --output "$OUT" --force
time $V2M finetune eval --model "$OUT/base" --adapter "$OUT/adapter" --data runs/held/sft.jsonl \
    --compare-base --limit 12 --max-new-tokens 256 -o "$OUT/eval.json" --force
