"""Optional audiocraft backend (MusicGen, MusicGen-Style), imported only when chosen.

    pip install audiocraft      # then: backend="audiocraft", model="facebook/musicgen-style"

audiocraft is not a dependency of v2m (it pins old torch/av versions); this wrapper gives its models
the same `generate(prompt, n_new, context=, melody=, seed=)` interface as the transformers backends.
"""

from __future__ import annotations

import numpy as np

from v2m.tools.errors import MissingDependency

INSTALL = ("audiocraft is not installed; `pip install audiocraft` (MusicGen-Style, JASCO), "
           "or use backend musicgen / --route symbolic")


class AudiocraftBackend:
    """audiocraft's MusicGen family behind v2m's backend interface."""

    name = "audiocraft"
    hop_samples = 640  # 32 kHz EnCodec, 50 frames per second

    def __init__(self, model: str | None = None, *, device: str = "cpu", guidance_scale: float = 3.0,
                 window_s: float | None = None, **_):
        try:
            import torch
            from audiocraft.models import MusicGen
        except ImportError:
            raise MissingDependency(INSTALL) from None
        self.model_id = model or "facebook/musicgen-style"
        try:
            self.model = MusicGen.get_pretrained(self.model_id, device=device)
        except Exception as e:  # no hub, missing folder: one line
            raise MissingDependency(f"audiocraft cannot load {self.model_id!r} ({type(e).__name__}); "
                                    "use --route symbolic") from None
        self.sample_rate = int(self.model.sample_rate)
        self.window_samples = int((window_s or 30.0) * self.sample_rate) // self.hop_samples * self.hop_samples
        self.guidance_scale = guidance_scale
        self.melody = "melody" in self.model_id or "style" in self.model_id
        self._torch = torch

    def generate(self, prompt: str, n_new: int, *, context: np.ndarray | None = None,
                 melody: tuple[np.ndarray, int] | None = None, seed: int = 0) -> np.ndarray:
        """See v2m.tools.musicgen: returns len(context) + n_new samples."""
        torch = self._torch
        n_ctx = 0 if context is None else len(context)
        self.model.set_generation_params(duration=(n_ctx + n_new) / self.sample_rate, cfg_coef=self.guidance_scale)
        torch.manual_seed(seed)
        if n_ctx:
            wav = torch.from_numpy(np.ascontiguousarray(context, dtype=np.float32))[None, None]
            out = self.model.generate_continuation(wav, self.sample_rate, [prompt], progress=False)
        elif melody is not None and self.melody:
            audio, sr = melody
            wav = torch.from_numpy(np.ascontiguousarray(audio, dtype=np.float32))[None, None]
            out = self.model.generate_with_chroma([prompt], wav, sr, progress=False)
        else:
            out = self.model.generate([prompt], progress=False)
        audio = out[0, 0].float().cpu().numpy()
        return np.pad(audio, (0, max(0, n_ctx + n_new - len(audio))))[: n_ctx + n_new].astype(np.float32)
