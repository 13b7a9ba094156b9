"""Build tiny random vision-language models (Qwen2.5-VL, SmolVLM) in a local folder, fully offline.

The tokenizer is a byte-level BPE trained with `tokenizers` on v2m's own prompt text plus the special
tokens each processor and chat template needs; the model is built from a config with random weights;
everything is saved with `save_pretrained`, so the `hf` backend loads it exactly like a real checkpoint
folder (AutoProcessor + AutoModelForImageTextToText). Random weights write garbage: that is the point.
The Qwen2.5-VL and SmolVLM builders live in the product (v2m.finetune.tiny_vlm, the `tiny-cpu` recipe
starts from them); this module re-exports them and adds LLaVA-OneVision and the forced-text helper.
"""

from __future__ import annotations

from pathlib import Path

from v2m.finetune.tiny_vlm import (QWEN_SPECIALS, QWEN_TEMPLATE, SMOL_SPECIALS, SMOL_TEMPLATE,  # noqa: F401
                                   build_qwen25_vl, build_smolvlm, train_tokenizer)


def force_text_class():
    """A LogitsProcessor class that makes any model spell out given token ids, then stop: drives the real
    generate loop to a known reply (a valid plan) whatever the weights say."""
    import torch
    from transformers import LogitsProcessor

    class ForceText(LogitsProcessor):
        def __init__(self, ids: list[int], eos: int):
            self.ids, self.eos, self.start = ids, eos, None

        def __call__(self, input_ids, scores):
            if self.start is None:
                self.start = input_ids.shape[1]
            step = input_ids.shape[1] - self.start
            forced = torch.full_like(scores, float("-inf"))
            forced[:, self.ids[step] if step < len(self.ids) else self.eos] = 0.0
            return forced

    return ForceText


def __getattr__(name):  # `from tiny_vlm import ForceText` without importing transformers at import time
    if name == "ForceText":
        return force_text_class()
    raise AttributeError(name)


LLAVA_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<image>", "<video>"]
LLAVA_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n"
    "{% if m['content'] is string %}{{ m['content'] }}{% else %}{% for c in m['content'] %}"
    "{% if c['type'] == 'image' %}<image>\n{% elif c['type'] == 'video' %}<video>\n"
    "{% elif c['type'] == 'text' %}{{ c['text'] }}{% endif %}{% endfor %}{% endif %}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")


def build_llava_onevision(folder: Path, seed: int = 0) -> Path:
    """Save a tiny LLaVA-OneVision (SigLIP vision + Qwen2 text, anyres tiling) with its processor to `folder`."""
    import torch
    from transformers import (LlavaOnevisionConfig, LlavaOnevisionForConditionalGeneration,
                              LlavaOnevisionImageProcessor, LlavaOnevisionProcessor, LlavaOnevisionVideoProcessor)

    torch.manual_seed(seed)
    tok = train_tokenizer(LLAVA_SPECIALS)
    ids = {t: tok.convert_tokens_to_ids(t) for t in LLAVA_SPECIALS}
    tile, patch = 32, 8
    pinpoints = [[tile, tile], [tile, 2 * tile], [2 * tile, tile], [2 * tile, 2 * tile]]
    config = LlavaOnevisionConfig(
        vision_config=dict(model_type="siglip_vision_model", hidden_size=32, intermediate_size=64,
                           num_hidden_layers=2, num_attention_heads=2, image_size=tile, patch_size=patch),
        text_config=dict(model_type="qwen2", vocab_size=len(tok), hidden_size=64, intermediate_size=128,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=8192, eos_token_id=ids["<|im_end|>"],
                         pad_token_id=ids["<|endoftext|>"]),
        image_token_index=ids["<image>"], video_token_index=ids["<video>"], image_grid_pinpoints=pinpoints,
        vision_feature_select_strategy="full", vision_feature_layer=-1)
    model = LlavaOnevisionForConditionalGeneration(config).eval()
    model.generation_config.eos_token_id = ids["<|im_end|>"]
    model.generation_config.pad_token_id = ids["<|endoftext|>"]
    size = {"height": tile, "width": tile}
    processor = LlavaOnevisionProcessor(
        image_processor=LlavaOnevisionImageProcessor(size=size, image_grid_pinpoints=pinpoints),
        video_processor=LlavaOnevisionVideoProcessor(size=size), tokenizer=tok, chat_template=LLAVA_TEMPLATE,
        num_image_tokens=(tile // patch) ** 2, vision_feature_select_strategy="full")
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder
