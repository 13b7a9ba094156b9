"""Optional audiocraft backend: MusicGen / MusicGen-Style / MusicGen-Melody and JASCO, imported only when chosen.

    pip install audiocraft
    generate_score_audio(plan, "score.wav", backend="audiocraft", model="facebook/musicgen-style")
    generate_score_audio(plan, "score.wav", backend="audiocraft", model="facebook/jasco-chords-drums-400M")

audiocraft is not a dependency of v2m (it pins old torch/av versions). This wrapper gives its models
the interface of v2m.tools.musicgen.backends's backends. MusicGen-family models continue the previous window
with `generate_continuation` and take the symbolic score's audio as melody/style conditioning
(`generate_with_chroma`). JASCO (flow matching, 10 s windows, no continuation) takes the plan's chords
with their times (`generate_music(chords=[(symbol, start_s)])`); longer sections are made of
independent windows that the route crossfades.
"""

from __future__ import annotations

import os

import numpy as np

from v2m.tools.errors import MissingDependency

INSTALL = ("audiocraft is not installed; `pip install audiocraft` (MusicGen-Style, JASCO), "
           "or use backend musicgen / --route symbolic")
JASCO_WINDOW_S = 10.0  # JASCO checkpoints generate 10-second samples


class AudiocraftBackend:
    """audiocraft's MusicGen family and JASCO behind v2m's backend interface."""

    name = "audiocraft"

    def __init__(self, model: str | None = None, *, device: str = "cpu", guidance_scale: float = 3.0,
                 window_s: float | None = None, **_):
        try:
            import torch
            from audiocraft import models
        except ImportError:
            raise MissingDependency(INSTALL) from None
        self.model_id = model or "facebook/musicgen-style"
        self.jasco = "jasco" in self.model_id.lower()
        try:
            if self.jasco:
                # JASCO maps chord symbols to indices with a pickle shipped in audiocraft's assets/.
                mapping = os.environ.get("V2M_JASCO_CHORDS_MAPPING", "assets/chord_to_index_mapping.pkl")
                self.model = models.JASCO.get_pretrained(self.model_id, chords_mapping_path=mapping, device=device)
            else:
                self.model = models.MusicGen.get_pretrained(self.model_id, device=device)
        except Exception as e:  # no hub, missing folder or mapping: one line
            raise MissingDependency(f"audiocraft cannot load {self.model_id!r} ({type(e).__name__}); "
                                    "use --route symbolic") from None
        self.sample_rate = int(self.model.sample_rate)
        self.hop_samples = max(1, int(self.sample_rate / getattr(self.model, "frame_rate", 50)))
        limit = JASCO_WINDOW_S if self.jasco else (window_s or 30.0)
        self.window_samples = int(limit * self.sample_rate) // self.hop_samples * self.hop_samples
        self.guidance_scale = guidance_scale
        self.melody = not self.jasco and any(w in self.model_id for w in ("melody", "style"))
        self.wants_chords = self.jasco
        self._torch = torch

    def _tensor(self, audio: np.ndarray):
        return self._torch.from_numpy(np.ascontiguousarray(audio, dtype=np.float32))[None, None]

    def generate(self, prompt: str, n_new: int, *, context: np.ndarray | None = None,
                 melody: tuple[np.ndarray, int] | None = None, seed: int = 0,
                 chords: list[tuple[str, float]] | None = None) -> np.ndarray:
        """See v2m.tools.musicgen.backends: returns len(context) + n_new samples (context first, as given here)."""
        n_ctx = 0 if context is None else len(context)
        self._torch.manual_seed(seed)
        if self.jasco:
            # No continuation: a fresh window whose chords are timed from the context's start, so its
            # first n_ctx samples stand for the context and the route's crossfade joins the two takes.
            self.model.set_generation_params(cfg_coef_all=self.guidance_scale, cfg_coef_txt=0.0)
            out = self.model.generate_music(descriptions=[prompt], chords=chords or None, progress=False)
            audio = out[0].float().mean(0).cpu().numpy()
        else:
            self.model.set_generation_params(duration=(n_ctx + n_new) / self.sample_rate, cfg_coef=self.guidance_scale)
            if n_ctx:
                out = self.model.generate_continuation(self._tensor(context), self.sample_rate, [prompt], progress=False)
            elif melody is not None and self.melody:
                out = self.model.generate_with_chroma([prompt], self._tensor(melody[0]), melody[1], progress=False)
            else:
                out = self.model.generate([prompt], progress=False)
            audio = out[0].float().mean(0).cpu().numpy()
        return np.pad(audio, (0, max(0, n_ctx + n_new - len(audio))))[: n_ctx + n_new].astype(np.float32)
