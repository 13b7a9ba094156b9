"""Planner latency: the rules planner (baseline) against the language-model planners, in one process.

    python tests/bench/bench_planner.py                       # CPU, tiny random Qwen2.5-VL and SmolVLM
    python tests/bench/bench_planner.py --real-size --device cuda   # Qwen2.5-VL-3B-sized random weights (GPU)

Measured on bikes.mp4 (keyframes decoded with PyAV). For the hf backend a LogitsProcessor forces the
model to spell out a real example plan, so every run decodes the same number of tokens a real plan
costs, through the real processor -> generate -> parse path; random weights would otherwise stop
at a random point. Prints medians and the ratio to the rules planner measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ helpers: llm_kit, tiny_vlm

from llm_kit import bikes_analysis, fenced, plan_dict  # noqa: E402


def median_s(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def real_size_qwen(device: str):
    """Qwen2.5-VL-3B's architecture with random weights (no download), and the tiny tokenizer/processor."""
    import torch
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    from tiny_vlm import build_qwen25_vl

    folder = build_qwen25_vl(Path(tempfile.mkdtemp()) / "tiny")
    from transformers import AutoProcessor

    processor = AutoProcessor.from_pretrained(folder)
    tiny = Qwen2_5_VLConfig.from_pretrained(folder)
    ids = {k: getattr(tiny, k) for k in ("image_token_id", "video_token_id", "vision_start_token_id", "vision_end_token_id")}
    cfg = Qwen2_5_VLConfig(
        text_config=dict(vocab_size=151936, hidden_size=2048, intermediate_size=11008, num_hidden_layers=36,
                         num_attention_heads=16, num_key_value_heads=2, max_position_embeddings=32768,
                         rope_parameters={"rope_type": "default", "rope_theta": 1e6, "mrope_section": [16, 24, 24]},
                         eos_token_id=tiny.text_config.eos_token_id, pad_token_id=tiny.text_config.pad_token_id),
        vision_config=dict(depth=32, hidden_size=1280, intermediate_size=3420, num_heads=16, out_hidden_size=2048,
                           fullatt_block_indexes=[7, 15, 23, 31], window_size=112),
        tie_word_embeddings=True, **ids)
    with torch.device(device):
        model = Qwen2_5_VLForConditionalGeneration(cfg).to(torch.bfloat16)
    return model, processor, folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--frames", type=int, default=4)
    ap.add_argument("--real-size", action="store_true", help="Qwen2.5-VL-3B-sized random weights (needs a GPU)")
    args = ap.parse_args()

    import torch
    from transformers import LogitsProcessorList

    from tiny_vlm import ForceText, build_llava_onevision, build_qwen25_vl, build_smolvlm
    from v2m.agent.planners.hf import HFBackend
    from v2m.agent.planners.llm import LLMPlanner
    from v2m.agent.planners.base import get_planner
    from v2m.agent.planners.scripted import ScriptedBackend

    torch.set_num_threads(args.threads)
    tmp = Path(tempfile.mkdtemp())
    analysis = bikes_analysis(tmp / "keys")
    request, reply = "score this in jazz", fenced(plan_dict())
    rows = []

    rules = get_planner("rules")
    rules.plan(analysis, request)  # warm imports
    base = median_s(lambda: rules.plan(analysis, request), args.repeats * 20)
    rows.append(("rules (baseline)", base, ""))

    scripted = lambda: LLMPlanner(ScriptedBackend([reply]), name="scripted", max_frames=args.frames).plan(analysis, request)  # noqa: E731
    scripted()
    rows.append(("scripted (prompts+frames+parse)", median_s(scripted, args.repeats * 4), ""))

    backends = []
    if args.real_size:
        model, processor, _ = real_size_qwen(args.device)
        backends.append(("qwen2.5-vl-3B-size random", HFBackend.from_model(model, processor, name="qwen 3B size")))
    else:
        backends.append(("qwen2.5-vl tiny", HFBackend(str(build_qwen25_vl(tmp / "q")), device=args.device)))
        backends.append(("smolvlm tiny", HFBackend(str(build_smolvlm(tmp / "s")), device=args.device)))
        backends.append(("llava-onevision tiny", HFBackend(str(build_llava_onevision(tmp / "l")), device=args.device)))
    for label, backend in backends:
        ids = backend.processor.tokenizer.encode(reply, add_special_tokens=False)
        eos = backend.model.generation_config.eos_token_id
        eos = eos[0] if isinstance(eos, list) else eos

        def one_plan():
            backend.generate_kwargs["logits_processor"] = LogitsProcessorList([ForceText(ids, eos)])
            res = LLMPlanner(backend, name="hf", max_frames=args.frames).plan(analysis, request)
            assert not res.warnings, res.warnings  # the forced plan must parse: we time the success path
            return res

        res = one_plan()
        n_in = backend.inputs(res.transcript[:2], [])["input_ids"].shape[1]
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()
        rows.append((f"hf {label}", median_s(one_plan, args.repeats),
                     f"{len(ids)} tokens out, ~{n_in} text tokens in + {args.frames} frames"))

    print(f"planner latency on bikes.mp4, device={args.device}, threads={args.threads}, median of runs")
    print(f"{'planner':40s} {'ms':>10s} {'x rules':>10s}  notes")
    for name, s, note in rows:
        print(f"{name:40s} {s * 1000:10.2f} {s / base:10.0f}  {note}")


if __name__ == "__main__":
    main()
