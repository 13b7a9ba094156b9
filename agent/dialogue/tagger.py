"""The span tagger with its own encoder: all-MiniLM-L6-v2 with a LoRA adapter of its own (not the intent model's)
merged into its attention weights and a linear BIO tag head over each token, run in NumPy like the intent model.

    from v2m.agent.dialogue.intent_model import IntentModel
    IntentModel.load().tag_spans("the drums are too much during the vows")   # read by this tagger when shipped

Why a second encoder: the intent model's encoder is tuned for the kind of edit, and a tag head probed over it
finds places people say in their own words less often than two people agree on them; retraining that shared
encoder for spans would move the kind-of-edit readings. So the tagger's adapter is trained on the base model by
`finetune/intent_tagenc.py` (spans only) and ships as `agent/dialogue/tagger_head.npz` (adapter matrices,
`lora_scale`, `tags`, `tag_w`, `tag_b`, `tag_decode`). It costs a second encoder pass, made only when a caller
asks for spans (`IntentModel.tag_spans`); the intent model, its head file and its readings are untouched.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from v2m.agent.dialogue.minilm import MiniLM, model_dir

TAGGER_PATH = Path(__file__).with_name("tagger_head.npz")


def merged(encoder: MiniLM, data, weights: dict[str, np.ndarray] | None = None) -> MiniLM:
    """`encoder` with the LoRA matrices of `data` (an .npz: "<module>.lora_A", "<module>.lora_B", "lora_scale")
    merged into the weights (`weights`, else the encoder's own); the arrays it does not change are shared."""
    w = dict(encoder.w if weights is None else weights)
    scale = float(data["lora_scale"])
    for key in [k for k in data.files if k.endswith(".lora_A")]:
        base = key[:-len(".lora_A")]  # e.g. encoder.layer.0.attention.self.query
        w[base + ".weight"] = w[base + ".weight"] + scale * (data[base + ".lora_B"] @ data[key]).astype(np.float32)
    out = object.__new__(MiniLM)
    out.w, out.tok = w, encoder.tok
    return out


class Tagger:
    """Its own adapted MiniLM and a linear BIO tag head over each token: the attributes the intent model's tag
    head has (`encoder`, `tags`, `tag_w`, `tag_b`, `tag_decode`), so `IntentModel.tag_spans` and
    `intent_tagger.measure` read either the same way."""

    def __init__(self, path: Path = TAGGER_PATH, base: MiniLM | None = None):
        data = np.load(path, allow_pickle=False)
        self.encoder = merged(base if base is not None else MiniLM(model_dir()), data)
        self.tags = [str(x) for x in data["tags"]]
        self.tag_w, self.tag_b = data["tag_w"].astype(np.float32), data["tag_b"].astype(np.float32)
        self.tag_decode = str(data["tag_decode"])
