"""Build tiny random vision-language models (Qwen2.5-VL, SmolVLM/SmolVLM2) in a local folder, fully offline.

The tokenizer is a byte-level BPE trained with `tokenizers` on v2m's own prompt text (plus any extra
texts, e.g. a fine-tuning corpus, so plans take few tokens) and the special tokens each processor and
chat template needs; the model is built from a config with random weights; everything is saved with
`save_pretrained`, so the `hf` backend loads it exactly like a real checkpoint folder
(AutoProcessor + AutoModelForImageTextToText). The `tiny-cpu` fine-tuning config starts from one of
these; the tests build them too. Random weights write garbage until trained: that is the point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from v2m.agent.planners.facts import schema_brief
from v2m.prompts.templates import example_json, example_plans, render
from v2m.tools.contract import ROLES, HitPoint, ScorePlan, Section
from v2m.tools.music.theory import TONICS
from v2m.tools.style import style_names

QWEN_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>",
                 "<|image_pad|>", "<|video_pad|>"]
SMOL_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<end_of_utterance>", "<fake_token_around_image>", "<image>",
                 "<global-img>", "<video>"] + [f"<row_{r}_col_{c}>" for r in range(1, 7) for c in range(1, 7)]

# Chat templates in the shape of the real ones (content lists with image/video/text parts).
QWEN_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n"
    "{% if m['content'] is string %}{{ m['content'] }}{% else %}{% for c in m['content'] %}"
    "{% if c['type'] == 'image' %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif c['type'] == 'video' %}<|vision_start|><|video_pad|><|vision_end|>"
    "{% elif c['type'] == 'text' %}{{ c['text'] }}{% endif %}{% endfor %}{% endif %}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
SMOL_TEMPLATE = (
    "<|im_start|>{% for m in messages %}{{ m['role'] | capitalize }}"
    "{% if m['content'] is string %}: {{ m['content'] }}{% else %}"
    "{% if m['content'][0]['type'] == 'image' %}:{% else %}: {% endif %}{% for c in m['content'] %}"
    "{% if c['type'] == 'image' %}<image>{% elif c['type'] == 'text' %}{{ c['text'] }}{% endif %}"
    "{% endfor %}{% endif %}<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}")


@dataclass(frozen=True)
class TinySize:
    """The text model's shape (the vision tower stays minimal: a few visual tokens per frame)."""

    hidden: int = 64
    layers: int = 2
    heads: int = 4
    kv_heads: int = 2
    vocab: int = 800


def prompt_corpus() -> list[str]:
    """v2m's own prompt text, rendered once per template, plus the example plans."""
    ctx = dict(request="score this in jazz", facts="- shots: 6; hard cuts at 1.20, 3.04", schema=schema_brief(),
               styles="jazz, rock, ambient", roles="drums, bass", duration_s="10.00", abc=True,
               example=example_json(), plan=example_json(), errors=["no JSON object found"], attempt=1, attempts=3,
               whats="tempo, energy, style", cuts="1.20 s, 3.04 s")
    texts = [render(n, **ctx) for n in ("system", "analyse", "plan", "revise", "reask")]
    return texts + [example_json(n) for n in example_plans()] + ['{"style": "jazz", "tempo_bpm": 120}'] * 4


def plan_keys() -> list[str]:
    """Every plan key with its quotes and colon, with and without the opening quote of a string value
    (`"tempo_bpm":`, `"style":"`, `"drums":"`): one token each, so the token just read says which value
    comes next; split into `"`, `style`, `":"` a tiny model has to look back and mixed up its fields."""
    names = {n for m in (ScorePlan, Section, HitPoint) for n in m.model_fields} | set(ROLES)
    return sorted(f'"{n}":{q}' for n in names for q in ("", '"'))


def plan_words() -> list[str]:
    """The words a plan's values are made of (style names, tonics, modes), each one token wherever it
    stands: byte-level BPE spells "lofi" after a space (the request, "Style: lofi") and after a quote
    (`"style": "lofi"`) as two unrelated tokens, so a model trained from scratch would have to learn
    twenty such pairs before it could copy a style from the request into the plan."""
    modes = ScorePlan.model_fields["mode"].annotation.__args__
    return sorted(set(style_names()) | set(TONICS) | set(modes))


def train_tokenizer(specials: list[str], vocab_size: int = 800, texts: list[str] | None = None):
    """A byte-level BPE `PreTrainedTokenizerFast` trained offline on v2m's prompt text (and `texts`),
    with the plan's keys (`plan_keys`) and the words of its values (`plan_words`) as whole tokens."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(prompt_corpus() + list(texts or []), trainer)
    tok.add_tokens(plan_keys())
    tok.add_tokens([AddedToken(w, single_word=True) for w in plan_words()])  # not inside other words
    return PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=specials[2] if len(specials) > 2 else None,
                                   pad_token="<|endoftext|>", unk_token=None, additional_special_tokens=specials[1:])


def build_qwen25_vl(folder: Path, seed: int = 0, size: TinySize = TinySize(), texts: list[str] | None = None) -> Path:
    """Save a tiny Qwen2.5-VL (~1 M parameters at the default size) with its processor to `folder`."""
    import torch
    from transformers import (
        Qwen2_5_VLConfig,
        Qwen2_5_VLForConditionalGeneration,
        Qwen2_5_VLProcessor,
        Qwen2VLImageProcessor,
        Qwen2VLVideoProcessor,
    )

    torch.manual_seed(seed)
    tok = train_tokenizer(QWEN_SPECIALS, size.vocab, texts)
    ids = {t: tok.convert_tokens_to_ids(t) for t in QWEN_SPECIALS}
    head_dim = size.hidden // size.heads
    mrope = [head_dim // 8, 3 * head_dim // 16, 3 * head_dim // 16]  # t/h/w split of half the head dim
    mrope[0] += head_dim // 2 - sum(mrope)
    config = Qwen2_5_VLConfig(
        text_config=dict(vocab_size=len(tok), hidden_size=size.hidden, intermediate_size=2 * size.hidden,
                         num_hidden_layers=size.layers, num_attention_heads=size.heads,
                         num_key_value_heads=size.kv_heads, max_position_embeddings=8192,
                         rope_parameters={"rope_type": "default", "rope_theta": 10000.0, "mrope_section": mrope},
                         bos_token_id=ids["<|endoftext|>"], eos_token_id=ids["<|im_end|>"],
                         pad_token_id=ids["<|endoftext|>"]),
        vision_config=dict(depth=2, hidden_size=32, intermediate_size=64, num_heads=2, out_hidden_size=size.hidden,
                           fullatt_block_indexes=[1], window_size=56, patch_size=14, spatial_merge_size=2,
                           temporal_patch_size=2),
        image_token_id=ids["<|image_pad|>"], video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"], vision_end_token_id=ids["<|vision_end|>"])
    model = Qwen2_5_VLForConditionalGeneration(config).eval()
    pixels = dict(min_pixels=28 * 28 * 4, max_pixels=112 * 112)  # a few dozen visual tokens per frame
    processor = Qwen2_5_VLProcessor(
        image_processor=Qwen2VLImageProcessor(**pixels), video_processor=Qwen2VLVideoProcessor(**pixels),
        tokenizer=tok, chat_template=QWEN_TEMPLATE)
    model.generation_config.eos_token_id = ids["<|im_end|>"]
    model.generation_config.pad_token_id = ids["<|endoftext|>"]
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


def build_smolvlm(folder: Path, seed: int = 0, family: str = "idefics3", size: TinySize = TinySize(),
                  texts: list[str] | None = None) -> Path:
    """Save a tiny SmolVLM to `folder`: SigLIP-style vision + Llama text, pixel-shuffle connector.

    Args:
        family: "idefics3" (the SmolVLM v1 classes) or "smolvlm" (SmolVLM2 classes; needs num2words).
    """
    import torch
    import transformers as tf

    cls = {"idefics3": ("Idefics3Config", "Idefics3ForConditionalGeneration", "Idefics3ImageProcessor", "Idefics3Processor"),
           "smolvlm": ("SmolVLMConfig", "SmolVLMForConditionalGeneration", "SmolVLMImageProcessor", "SmolVLMProcessor")}
    Config, Model, ImageProcessor, Processor = (getattr(tf, n) for n in cls[family])
    torch.manual_seed(seed)
    tok = train_tokenizer(SMOL_SPECIALS, size.vocab, texts)
    ids = {t: tok.convert_tokens_to_ids(t) for t in SMOL_SPECIALS}
    image_size, patch, scale = 64, 16, 2
    config = Config(
        vision_config=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
                           image_size=image_size, patch_size=patch),
        text_config=dict(model_type="llama", vocab_size=len(tok), hidden_size=size.hidden,
                         intermediate_size=2 * size.hidden, num_hidden_layers=size.layers,
                         num_attention_heads=size.heads, num_key_value_heads=size.kv_heads,
                         max_position_embeddings=8192, bos_token_id=ids["<|im_start|>"],
                         eos_token_id=ids["<end_of_utterance>"], pad_token_id=ids["<|endoftext|>"]),
        scale_factor=scale, image_token_id=ids["<image>"], pad_token_id=ids["<|endoftext|>"])
    model = Model(config).eval()
    model.generation_config.eos_token_id = ids["<end_of_utterance>"]
    model.generation_config.pad_token_id = ids["<|endoftext|>"]
    sizes = dict(size={"longest_edge": 2 * image_size}, max_image_size={"longest_edge": image_size})
    extra = {"video_processor": tf.SmolVLMVideoProcessor(**sizes)} if family == "smolvlm" else {}
    processor = Processor(image_processor=ImageProcessor(**sizes), tokenizer=tok, chat_template=SMOL_TEMPLATE,
                          image_seq_len=(image_size // patch) ** 2 // scale ** 2, **extra)
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    return folder


BUILDERS = {"qwen2.5-vl": build_qwen25_vl, "smolvlm2": lambda folder, **kw: build_smolvlm(folder, family="smolvlm", **kw),
            "smolvlm": build_smolvlm}
