"""Music-generation backends for the audio route: MusicGen and MusicGen-Melody via transformers, and a debug synth.

Every backend has one method, `generate(prompt, n_new, *, context=None, melody=None, seed=0)`,
returning `len(context) + n_new` mono float32 samples at `sample_rate`: the context re-synthesised,
then `n_new` new samples that continue it. One call never exceeds `window_samples` in total; the
route (`v2m.tools.musicgen.route`) chains calls for longer sections and crossfades the joins.
Backends are chosen by name from `BACKENDS`; `load_backend` fails fast with one line when weights
are missing. Heavy imports (torch, transformers) happen inside the classes.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path
from typing import Protocol

import numpy as np

from v2m.tools.errors import MissingDependency, V2MError
from v2m.tools.musicgen.audiocraft import INSTALL, AudiocraftBackend
from v2m.tools.musicgen.chroma import chroma_features, dominant_frequency

DEFAULT_MODELS = {"musicgen": "facebook/musicgen-small", "musicgen-melody": "facebook/musicgen-melody"}
# MusicGen was trained on 30 s excerpts; audiocraft generates longer audio 30 s at a time too.
DEFAULT_WINDOW_S = 30.0
_WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                 "pytorch_model.bin.index.json")
_TOKENIZER_FILES = ("tokenizer.json", "spiece.model")


class MusicBackend(Protocol):
    name: str
    sample_rate: int
    window_samples: int  # most samples (context + new) one generate call may produce
    hop_samples: int  # context lengths should be multiples of this (one codec frame)
    melody: bool  # accepts `melody=(audio, sample_rate)` conditioning

    def generate(self, prompt: str, n_new: int, *, context: np.ndarray | None = None,
                 melody: tuple[np.ndarray, int] | None = None, seed: int = 0) -> np.ndarray: ...


def _hint(model: str) -> str:
    return (f"MusicGen weights {model!r} are not available (v2m never downloads them; the folder is missing or "
            "incomplete): fetch them once with `huggingface-cli download facebook/musicgen-small` or pass a "
            "local checkpoint folder, or use --route symbolic")


def check_model_folder(folder: Path) -> None:
    """Raise MissingDependency unless `folder` holds config, weights and tokenizer files.

    Args:
        folder: a local checkpoint folder.
    Raises:
        MissingDependency: one line naming what is missing and suggesting `--route symbolic`.
    """
    if not folder.is_dir():
        raise MissingDependency(_hint(str(folder)))
    names = {p.name for p in folder.iterdir()}
    missing = [want for want, options in (("config.json", ("config.json",)), ("weights", _WEIGHT_FILES),
                                          ("tokenizer", _TOKENIZER_FILES)) if not names & set(options)]
    if missing:
        raise MissingDependency(f"MusicGen folder {folder} is incomplete (no {', '.join(missing)}); "
                                "save a full checkpoint there, or use --route symbolic")


def _resolve(model: str) -> str:
    """A local folder for `model` (a path, or a hub id already in the local cache), or MissingDependency."""
    path = Path(model).expanduser()
    if path.exists() or model.startswith((".", "/", "~")):
        check_model_folder(path)
        return str(path)
    try:  # hub id: only the local cache; no download is attempted, so this never hangs offline
        from huggingface_hub import snapshot_download

        local = Path(snapshot_download(model, local_files_only=True))
    except Exception:
        raise MissingDependency(_hint(model)) from None
    check_model_folder(local)
    return str(local)


def _torch_setup(device: str, dtype: str | None):
    import torch

    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise V2MError(f"device {device!r} asked for, but no CUDA GPU is visible; use --device cpu")
    names = {None: torch.float32 if device == "cpu" else torch.float16, "float32": torch.float32,
             "float16": torch.float16, "bfloat16": torch.bfloat16}
    if dtype not in names:
        raise V2MError(f"unknown dtype {dtype!r}; choose float32, float16 or bfloat16")
    return device, names[dtype]


class MusicgenBackend:
    """Text-to-music with transformers' MusicgenForConditionalGeneration (facebook/musicgen-*)."""

    name = "musicgen"
    melody = False

    def __init__(self, model: str | None = None, *, device: str = "cpu", dtype: str | None = None,
                 guidance_scale: float = 3.0, window_s: float | None = None, temperature: float = 1.0):
        self.model_id = model or DEFAULT_MODELS[self.name]
        folder = _resolve(self.model_id)  # before importing torch: a missing folder fails in milliseconds
        import torch
        import transformers

        self.device, self.dtype = _torch_setup(device, dtype)
        cls = (transformers.MusicgenMelodyForConditionalGeneration if self.melody
               else transformers.MusicgenForConditionalGeneration)
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(folder)
            self.model = cls.from_pretrained(folder, dtype=self.dtype).to(self.device).eval()
        except (OSError, ValueError, KeyError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise MissingDependency(f"cannot load MusicGen from {folder}: {first}; use --route symbolic") from None
        cfg = self.model.config
        self.sample_rate = int(cfg.audio_encoder.sampling_rate)
        self.hop_samples = int(np.prod(cfg.audio_encoder.upsampling_ratios))
        self.frame_rate = self.sample_rate / self.hop_samples
        self.num_codebooks = int(cfg.decoder.num_codebooks)
        self.channels = int(cfg.decoder.audio_channels)
        # Positions hold the start token, the frames and the codebook delay pattern.
        max_frames = int(cfg.decoder.max_position_embeddings) - self.num_codebooks - 1
        frames = min(max_frames, int((window_s or DEFAULT_WINDOW_S) * self.frame_rate))
        self.window_samples = frames * self.hop_samples
        self.guidance_scale = guidance_scale
        self.temperature = temperature
        self._torch = torch

    # -- conditioning ------------------------------------------------------------------------------
    def _text_inputs(self, prompt: str) -> dict:
        enc = self.tokenizer([prompt], padding=True, return_tensors="pt")
        return {k: v.to(self.device) for k, v in enc.items()}

    def _extra_inputs(self, melody, total_samples: int) -> dict:
        return {}

    def _context_codes(self, context: np.ndarray):
        """EnCodec codes of the context, shaped as the decoder's prompt: (codebooks, frames)."""
        torch = self._torch
        wav = torch.from_numpy(np.ascontiguousarray(context, dtype=np.float32))[None, None].to(self.device, self.dtype)
        codes = self.model.audio_encoder.encode(wav).audio_codes[0, 0]  # (codebooks of one channel, frames)
        if self.channels == 2:  # stereo checkpoints interleave left/right codebooks; v2m's audio is mono
            codes = codes.repeat_interleave(2, dim=0)
        return codes.reshape(self.num_codebooks, -1)

    # -- generation --------------------------------------------------------------------------------
    def generate(self, prompt: str, n_new: int, *, context: np.ndarray | None = None,
                 melody: tuple[np.ndarray, int] | None = None, seed: int = 0) -> np.ndarray:
        """Generate `n_new` samples after `context` (see the module docstring for the contract).

        Args:
            prompt: text description of the music.
            n_new: samples of new audio wanted.
            context: previous audio to continue (a multiple of `hop_samples` long), or None.
            melody: (audio, sample_rate) whose chroma conditions MusicGen-Melody; ignored by text-only models.
            seed: torch seed; the same seed, prompt and context give the same audio.
        Returns:
            float32 array of len(context) + n_new samples.
        """
        torch = self._torch
        n_ctx = 0 if context is None else len(context)
        if n_ctx % self.hop_samples:
            raise ValueError(f"context of {n_ctx} samples is not a multiple of the codec hop {self.hop_samples}")
        new_frames = math.ceil(n_new / self.hop_samples)
        if (n_ctx // self.hop_samples + new_frames) * self.hop_samples > self.window_samples:
            raise ValueError(f"{n_ctx + n_new} samples exceed one window of {self.window_samples}")
        kwargs = dict(self._text_inputs(prompt), **self._extra_inputs(melody, n_ctx + n_new))
        if n_ctx:
            kwargs["decoder_input_ids"] = self._context_codes(context)
        torch.manual_seed(seed)
        with torch.inference_mode():
            out = self.model.generate(**kwargs, do_sample=True, guidance_scale=self.guidance_scale,
                                      temperature=self.temperature,
                                      max_new_tokens=new_frames + self.num_codebooks - 1)
        audio = out[0].float().mean(0).cpu().numpy()  # stereo checkpoints: fold to mono
        want = n_ctx + n_new
        if len(audio) < want:  # never expected; pad rather than return a short section
            audio = np.pad(audio, (0, want - len(audio)))
        return audio[:want].astype(np.float32)


class MusicgenMelodyBackend(MusicgenBackend):
    """Text + melody: MusicgenMelodyForConditionalGeneration, conditioned on the chroma of a given audio."""

    name = "musicgen-melody"
    melody = True

    def __init__(self, model: str | None = None, **kw):
        super().__init__(model, **kw)
        folder = Path(_resolve(self.model_id))
        fe_path = folder / "preprocessor_config.json"
        fe = json.loads(fe_path.read_text()) if fe_path.exists() else {}
        self.chroma_sr = int(fe.get("sampling_rate", 32000))
        self.chroma_hop = int(fe.get("hop_length", 4096))
        self.chroma_fft = int(fe.get("n_fft", 16384))
        self.num_chroma = int(getattr(self.model.config, "num_chroma", 12))

    def _extra_inputs(self, melody, total_samples: int) -> dict:
        if melody is None:
            return {}
        audio, sr = melody
        feats = chroma_features(audio, sr, target_sr=self.chroma_sr, n_fft=self.chroma_fft,
                                hop_length=self.chroma_hop, num_chroma=self.num_chroma)
        feats = self._torch.from_numpy(feats)[None].to(self.device, self.dtype)
        return {"input_features": feats}


class DebugBackend:
    """A deterministic synth with MusicGen's interface: fast tests of the route without torch.

    Each prompt gets its own chord (pitches hashed from the prompt text), each seed its own rhythm;
    with `melody`, the loudest pitch of the melody audio sets the top voice, like chroma conditioning.
    """

    name = "debug"
    melody = True

    def __init__(self, model: str | None = None, *, sample_rate: int = 32000, window_s: float | None = None, **_):
        self.sample_rate = sample_rate  # MusicGen's rate and window by default, so pipelines see real shapes
        window_s = window_s or DEFAULT_WINDOW_S
        self.hop_samples = sample_rate // 50
        self.window_samples = int(window_s * sample_rate) // self.hop_samples * self.hop_samples

    def generate(self, prompt: str, n_new: int, *, context: np.ndarray | None = None,
                 melody: tuple[np.ndarray, int] | None = None, seed: int = 0) -> np.ndarray:
        n_ctx = 0 if context is None else len(context)
        if n_ctx + n_new > self.window_samples:
            raise ValueError(f"{n_ctx + n_new} samples exceed one window of {self.window_samples}")
        h = int(hashlib.sha256(f"{prompt}|{seed}".encode()).hexdigest()[:8], 16)
        root = 110.0 * 2 ** ((h % 12) / 12)
        freqs = [root, root * 2 ** (4 / 12), root * 2 ** (7 / 12)]
        if melody is not None and len(melody[0]):
            freqs.append(dominant_frequency(*melody))
        t = np.arange(n_ctx + n_new) / self.sample_rate
        beat = 0.6 + 0.4 * np.abs(np.sin(np.pi * t * (1.5 + (h >> 8) % 4 * 0.25)))
        audio = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs) * beat
        if n_ctx:  # keep the context as it was, as a codec round trip would (nearly)
            audio[:n_ctx] = context
        return (0.5 * audio).astype(np.float32)


BACKENDS = {"musicgen": MusicgenBackend, "musicgen-melody": MusicgenMelodyBackend, "audiocraft": AudiocraftBackend,
            "debug": DebugBackend}


def default_backend(route: str) -> str:
    """The backend a route uses unless one is named: hybrid needs melody conditioning."""
    return "musicgen-melody" if route == "hybrid" else "musicgen"


def check_route(route: str, backend: str | None = None, model: str | None = None) -> None:
    """Fail fast when `route` cannot be realised here: nothing to check for symbolic, else the music
    backend (named, or the route's default) and its weights, as `check_backend`."""
    if route != "symbolic":
        check_backend(backend or default_backend(route), model)


def check_backend(name: str, model: str | None = None) -> None:
    """Fail fast, before minutes of analysis: the backend exists and its weights/package are here.

    Loads nothing (no torch import); the pipeline calls it first, `load_backend` later.

    Args:
        name: a name from BACKENDS.
        model: hub id or local folder (None: the backend's default).
    Raises:
        V2MError: unknown backend; MissingDependency: weights or package missing (one line).
    """
    model = _weights(name, model)
    if name.startswith("musicgen"):
        _resolve(model or DEFAULT_MODELS[name])
    elif name == "audiocraft":
        import importlib.util

        if importlib.util.find_spec("audiocraft") is None:
            raise MissingDependency(INSTALL)


def load_backend(name: str, model: str | None = None, **options) -> MusicBackend:
    """Build the backend called `name` from `BACKENDS`.

    Args:
        name: musicgen, musicgen-melody, audiocraft or debug.
        model: hub id or local folder of the weights (None: the backend's default).
        options: device, dtype, guidance_scale, window_s, ... passed to the backend.
    Returns:
        A ready backend.
    Raises:
        V2MError: unknown name; MissingDependency: weights or package missing (one line).
    """
    model = _weights(name, model)   # first: an unknown name is a V2MError, not a KeyError
    return BACKENDS[name](model, **options)


def _weights(name: str, model: str | None) -> str | None:
    """The weights the backend called `name` loads, the one choice check_backend checks and load_backend loads:
    `model`; for MusicGen given none, V2M_MUSICGEN_MODEL (lets a user point every run at a local folder); else None
    (the backend's default). Raises V2MError for a name not in BACKENDS."""
    if name not in BACKENDS:
        raise V2MError(f"unknown music backend {name!r}; choose from {sorted(BACKENDS)}")
    if model is None and name.startswith("musicgen"):
        return os.environ.get("V2M_MUSICGEN_MODEL") or None
    return model
