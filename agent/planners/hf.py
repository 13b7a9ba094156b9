"""The `hf` backend: a local vision-language model through transformers (Qwen2.5-VL, SmolVLM/SmolVLM2,
LLaVA-OneVision and other `AutoModelForImageTextToText` families), optionally 4/8-bit and with a LoRA adapter.

    v2m score clip.mp4 "in jazz" --backend hf --model Qwen/Qwen2.5-VL-3B-Instruct --dtype bfloat16
    v2m score clip.mp4 "in jazz" --backend hf --model ./my-smolvlm --adapter runs/lora --device cpu

The model id may be a hub id (needs the weights in the local HF cache or network) or a local folder
saved with `save_pretrained`. Frames are given as images (the shots' keyframes) or, with
`frames="video"`, as one clip of evenly sampled frames for models whose processor takes video.
"""

from __future__ import annotations

import logging
from pathlib import Path

from v2m.tools.errors import InputError, MissingDependency

log = logging.getLogger(__name__)
DTYPES = ("auto", "float32", "bfloat16", "float16")
QUANTIZE = (None, "4bit", "8bit")
MAX_NEW_TOKENS = 1536  # a ScorePlan with 6 sections and ABC is ~700 tokens; room for the reasoning before it


def pick_device(device: str = "auto") -> str:
    """`auto` -> cuda if present, else mps, else cpu; anything else is checked and returned."""
    import torch

    if device == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise InputError(f"--device {device}: no CUDA GPU is visible here; use --device cpu")
    return device


def pick_dtype(dtype: str, device: str):
    """`auto` -> bfloat16 on a GPU that has it, float16 on mps, float32 on cpu (half precision is slow there)."""
    import torch

    if dtype not in DTYPES:
        raise InputError(f"--dtype {dtype}: choose from {list(DTYPES)}")
    if dtype != "auto":
        return getattr(torch, dtype)
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float16 if device == "mps" else torch.float32


class HFBackend:
    """A transformers image-text-to-text model as a v2m planner backend.

    Args:
        model: hub id or local folder.
        adapter: folder of a peft LoRA adapter to apply, or None.
        device: auto, cpu, cuda, cuda:N, mps.
        dtype: auto, float32, bfloat16, float16.
        quantize: None, "4bit" or "8bit" (bitsandbytes; CUDA only).
        frames: "images" (keyframes) or "video" (sampled frames as one clip).
        max_new_tokens: generation budget per answer.
        temperature: 0 for greedy decoding (reproducible plans), else sampling temperature.
        generate_kwargs: extra keyword arguments for `model.generate` (e.g. logits_processor, repetition_penalty).
    """

    name = "hf"

    def __init__(self, model: str, *, adapter: str | None = None, device: str = "auto", dtype: str = "auto",
                 quantize: str | None = None, frames: str = "images", max_new_tokens: int = MAX_NEW_TOKENS,
                 temperature: float = 0.0, generate_kwargs: dict | None = None):
        try:
            import torch  # noqa: F401
            import transformers  # noqa: F401
        except ImportError as e:
            raise MissingDependency(f"the hf backend needs torch and transformers ({e.name} missing): "
                                    "pip install 'v2m[hf]'") from None
        if quantize not in QUANTIZE:
            raise InputError(f"--quantize {quantize}: choose 4bit or 8bit")
        if frames not in ("images", "video"):
            raise InputError(f"frames must be 'images' or 'video', not {frames!r}")
        self.device = pick_device(device)
        self.dtype = pick_dtype(dtype, self.device)
        self.model_name = model + (f" + adapter {adapter}" if adapter else "")
        self.max_new_tokens, self.temperature = max_new_tokens, temperature
        self.generate_kwargs = dict(generate_kwargs or {})
        self.processor, self.model = self._load(model, quantize)
        if adapter:
            self.model = self._apply_adapter(adapter)
        self.model.eval()
        self.frames_mode = frames
        if frames == "video" and getattr(self.processor, "video_processor", None) is None:
            log.warning("%s takes no video; showing the frames as images", model)
            self.frames_mode = "images"

    @classmethod
    def from_model(cls, model, processor, *, frames: str = "images", max_new_tokens: int = MAX_NEW_TOKENS,
                   temperature: float = 0.0, generate_kwargs: dict | None = None, name: str = "in-memory model"):
        """Wrap a model already in memory (just fine-tuned, or built from a config for a benchmark).

        Args:
            model: an image-text-to-text model (or a PeftModel around one), on its device.
            processor: its processor.
            frames, max_new_tokens, temperature, generate_kwargs: as for the constructor.
            name: recorded as the model's name.
        Returns:
            An HFBackend.
        """
        self = cls.__new__(cls)
        param = next(model.parameters())
        self.device, self.dtype, self.model_name = str(param.device), param.dtype, name
        self.max_new_tokens, self.temperature = max_new_tokens, temperature
        self.generate_kwargs = dict(generate_kwargs or {})
        self.processor, self.model = processor, model.eval()
        self.frames_mode = frames if getattr(processor, "video_processor", None) is not None else "images"
        return self

    def _load(self, model: str, quantize: str | None):
        from transformers import AutoModelForImageTextToText, AutoProcessor

        looks_local = model.startswith((".", "/", "~")) or Path(model).exists()
        if looks_local and not Path(model).expanduser().is_dir():
            raise InputError(f"model folder {model} does not exist")
        model = str(Path(model).expanduser()) if looks_local else model
        kwargs: dict = {"dtype": self.dtype}
        if quantize:
            if not self.device.startswith("cuda"):
                raise InputError(f"--quantize {quantize} needs a CUDA GPU (bitsandbytes); drop it on {self.device}")
            try:
                from transformers import BitsAndBytesConfig
                import bitsandbytes  # noqa: F401
            except ImportError:
                raise MissingDependency("--quantize needs bitsandbytes: pip install bitsandbytes") from None
            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=quantize == "4bit", load_in_8bit=quantize == "8bit",
                bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=self.dtype)
            kwargs["device_map"] = {"": self.device}
        try:
            processor = AutoProcessor.from_pretrained(model)
            net = AutoModelForImageTextToText.from_pretrained(model, **kwargs)
        except (OSError, ValueError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise InputError(f"cannot load model {model!r}: {first}") from None
        if not quantize:
            net = net.to(self.device)
        return processor, net

    def _apply_adapter(self, adapter: str):
        try:
            from peft import PeftModel
        except ImportError:
            raise MissingDependency("--adapter needs peft: pip install 'v2m[hf]'") from None
        path = Path(adapter).expanduser()
        if not (path / "adapter_config.json").is_file():
            raise InputError(f"adapter folder {adapter} has no adapter_config.json "
                             "(save it with peft's save_pretrained)")
        try:
            return PeftModel.from_pretrained(self.model, str(path)).to(self.device)
        except (OSError, ValueError, RuntimeError, KeyError) as e:
            raise InputError(f"cannot apply adapter {adapter} to {self.model_name}: {str(e).splitlines()[0]}") from None

    def chat_messages(self, messages: list[dict], n_frames: int) -> list[dict]:
        """v2m's plain messages in the content-list form multimodal chat templates expect; the pictures
        go first in the first user message (where these models were trained to see them)."""
        out, placed = [], False
        for m in messages:
            content = [{"type": "text", "text": m["content"]}]
            if m["role"] == "user" and not placed and n_frames:
                pics = [{"type": "video"}] if self.frames_mode == "video" else [{"type": "image"}] * n_frames
                content = pics + content
                placed = True
            out.append({"role": m["role"], "content": content})
        return out

    def inputs(self, messages: list[dict], frames: list):
        """Tokenised model inputs (the real processor: chat template, image/video placeholders expanded)."""
        chat = self.chat_messages(messages, len(frames))
        try:
            text = self.processor.apply_chat_template(chat, add_generation_prompt=True, tokenize=False)
        except Exception as e:  # noqa: BLE001 - jinja's TemplateError: some templates refuse a system turn
            if chat[0]["role"] != "system" or len(chat) < 2:
                raise
            log.info("chat template refused the system turn (%s); folding it into the first user turn", e)
            first = chat[1]
            merged = {"role": first["role"], "content": [c for c in first["content"] if c["type"] != "text"]
                      + [{"type": "text", "text": messages[0]["content"] + "\n\n" + messages[1]["content"]}]}
            text = self.processor.apply_chat_template([merged, *chat[2:]], add_generation_prompt=True,
                                                      tokenize=False)
        media = {}
        if frames:
            media = {"videos": [frames]} if self.frames_mode == "video" else {"images": [frames]}
        batch = self.processor(text=[text], return_tensors="pt", **media)
        return {k: (v.to(self.device, self.dtype) if v.is_floating_point() else v.to(self.device))
                for k, v in batch.items() if hasattr(v, "to")}

    def generate(self, messages: list[dict], frames: list) -> str:
        """Answer the conversation with the model.

        Args:
            messages: [{"role", "content": str}], system first.
            frames: PIL images for the first user message.
        Returns:
            The decoded new text (special tokens removed).
        """
        import torch

        batch = self.inputs(messages, frames)
        sampling = {"do_sample": False}
        if self.temperature > 0:
            sampling = {"do_sample": True, "temperature": self.temperature}
        with torch.inference_mode():
            out = self.model.generate(**batch, max_new_tokens=self.max_new_tokens, **sampling, **self.generate_kwargs)
        new = out[:, batch["input_ids"].shape[1]:]
        return self.processor.batch_decode(new, skip_special_tokens=True)[0]
