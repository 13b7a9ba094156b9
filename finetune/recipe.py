"""The fine-tuning config (one frozen dataclass) and the example plumbing every recipe step shares.

Configs are YAML files in finetune/configs/, each headed by the command that launches it; a name
(`tiny-cpu`) or a path selects one. Unknown keys are errors, so a typo never trains the wrong thing.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from v2m.agent.planners.frames import MAX_SIDE_PX, load_frames
from v2m.tools.contract import VideoAnalysis
from v2m.tools.errors import InputError

CONFIG_DIR = Path(__file__).parent / "configs"
METHODS = ("lora", "qlora")
# The language model's attention and MLP projections in Qwen2.5-VL (language_model) and SmolVLM/Idefics3
# (text_model); the vision tower stays as it is, since plans hinge on the facts sheet more than on pixels.
TEXT_TARGETS = r".*(language_model|text_model).*\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"
MAX_FRAMES = 6  # the planner's default (LLMPlanner.max_frames): train on what inference shows


@dataclass(frozen=True)
class TrainConfig:
    """Everything one training run needs; `config.json` in the run folder records it resolved."""

    model: str | None = None             # hub id in the local cache or a local folder; None with `tiny`
    tiny: dict | None = None             # build a tiny random VLM instead: family, hidden, layers, heads, kv_heads, vocab
    data: str = "synthetic"              # a JSONL from `v2m finetune data|synth`, or "synthetic" (built into DIR/data)
    synthetic: dict = field(default_factory=lambda: {"clips": 40, "seed": 0, "turns": 2})
    method: str = "lora"                 # lora | qlora (bitsandbytes 4-bit NF4 base)
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_targets: str | list = TEXT_TARGETS
    modules_to_save: list | None = None  # modules trained in full beside LoRA (peft), e.g. a random tiny base's embeddings
    prompt_loss_weight: float = 0.0      # weight of each prompt text token in the loss (answer tokens weigh 1)
    lr: float = 2e-4
    warmup_steps: int = 10
    max_steps: int = 200
    batch_size: int = 8                  # examples per optimizer step, as gradient accumulation of single examples
    max_len: int = 8192                  # tokens per example, prompt and answer
    max_frames: int = MAX_FRAMES
    dtype: str = "bfloat16"              # float32 on CPU; bfloat16 on recent GPUs
    gradient_checkpointing: bool = False
    save_every: int = 50
    keep_checkpoints: int = 2
    log_every: int = 5
    seed: int = 0
    threads: int = 1                     # torch CPU threads per process
    cpu: bool = False                    # force the CPU even when a GPU is visible

    def __post_init__(self):
        if (self.model is None) == (self.tiny is None):
            raise InputError("a config names either `model` or `tiny`, not both or neither")
        if self.method not in METHODS:
            raise InputError(f"method {self.method!r}: choose from {list(METHODS)}")
        if self.dtype not in ("float32", "bfloat16", "float16"):
            raise InputError(f"dtype {self.dtype!r}: choose float32, bfloat16 or float16")
        for name in ("max_steps", "batch_size", "lora_r", "save_every", "keep_checkpoints", "threads", "max_len"):
            if getattr(self, name) < 1:
                raise InputError(f"{name} must be at least 1")


def config_names() -> list[str]:
    """The shipped configs, by name."""
    return sorted(p.stem for p in CONFIG_DIR.glob("*.yaml"))


def load_config(name_or_path: str, **overrides) -> TrainConfig:
    """Read a shipped config by name, or a YAML file, then apply overrides (e.g. max_steps from the CLI)."""
    import yaml

    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = CONFIG_DIR / f"{name_or_path}.yaml"
        if not path.is_file():
            raise InputError(f"no config named {name_or_path!r}; shipped: {', '.join(config_names())}")
    if not path.is_file():
        raise InputError(f"config file {path} does not exist")
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise InputError(f"{path} is not valid YAML: {str(e).splitlines()[0]}") from None
    known = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputError(f"{path.name}: unknown keys {unknown}; known: {sorted(known)}")
    return TrainConfig(**(raw | {k: v for k, v in overrides.items() if v is not None}))


def read_examples(path: Path) -> list[dict]:
    """The examples of a JSONL file (one {"messages", "images", "meta"} object per line)."""
    if not path.is_file():
        raise InputError(f"{path} does not exist")
    try:
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    except json.JSONDecodeError as e:
        raise InputError(f"{path} line {e.lineno}: not JSON") from None


def example_analysis(ex: dict):
    """The VideoAnalysis an example was prompted from (meta.analysis), or None."""
    path = ex.get("meta", {}).get("analysis")
    if path and Path(path).is_file():
        return VideoAnalysis.model_validate_json(Path(path).read_text())
    return None


def example_frames(ex: dict, max_frames: int = MAX_FRAMES) -> list:
    """The pictures of an example, chosen and shrunk exactly as the planner does at inference."""
    analysis = example_analysis(ex)
    if analysis is not None:
        return load_frames(analysis, max_frames)
    from PIL import Image

    out = []
    for p in ex.get("images", [])[:max_frames]:
        with Image.open(p) as im:
            im = im.convert("RGB")
            im.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
            out.append(im)
    return out


# ---------------------------------------------------------------------- command line (light: `v2m --help` reads it)
# What a target says before its plan: the decisions and why (the rules planner's lines), the decisions in one
# line, or the request and the measured facts restated, then the decisions in one line.
REASONING = ("why", "short", "facts")
TARGETS = ("full", "compact")  # the rules planner's whole plan, or its decisions only (see `compact`)


def add_train_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", required=True, help="a shipped config name (tiny-cpu, qwen2.5-vl-3b-lora, ...) or a YAML file")
    p.add_argument("--output", "-o", required=True, type=Path, help="the run folder (base/, adapter/, checkpoints/)")
    p.add_argument("--max-steps", type=int, help="override the config's max_steps")
    p.add_argument("--resume", action="store_true", help="continue from the newest checkpoint in --output")
    p.add_argument("-f", "--force", action="store_true", help="start over in a folder that holds a run")
