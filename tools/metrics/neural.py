"""Neural metrics, an optional extra: a CLAP text-audio score when CLAP weights are on this machine.

    from v2m.tools.metrics.neural import neural_metrics
    neural_metrics(audio, sr, "calm piano")   # {"clap_score": 0.31, "fad": None, "neural": "..."}

Nothing is ever downloaded. Weights are looked for in $V2M_CLAP_MODEL (a local folder) and in the local
Hugging Face cache (laion/clap-htsat-unfused); without them every neural key is None and `neural` says
"skipped: weights not found". clap_score is the cosine similarity of CLAP's audio embedding of the music
(the first 10 s at 48 kHz) and its text embedding of the request. FAD needs a reference set of real
soundtracks embedded with the same model; no such set ships with v2m, so `fad` stays None and says why.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

CLAP_MODEL = "laion/clap-htsat-unfused"
CLAP_SAMPLE_RATE = 48000
CLAP_SECONDS = 10.0
SKIPPED = "skipped: weights not found"


def find_clap() -> str | None:
    """A local folder or cached hub id of CLAP weights, or None."""
    env = os.environ.get("V2M_CLAP_MODEL")
    if env and Path(env).is_dir():
        return env
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    hit = try_to_load_from_cache(CLAP_MODEL, "config.json")
    return CLAP_MODEL if isinstance(hit, str) else None


def clap_score(audio: np.ndarray, sr: int, text: str, model_id: str) -> float:
    import torch
    from scipy.signal import resample_poly
    from transformers import ClapModel, ClapProcessor

    torch.set_num_threads(1)
    x = audio.mean(axis=1) if audio.ndim == 2 else audio
    x = resample_poly(x[: int(CLAP_SECONDS * sr)], CLAP_SAMPLE_RATE, sr).astype(np.float32)
    processor = ClapProcessor.from_pretrained(model_id, local_files_only=True)
    model = ClapModel.from_pretrained(model_id, local_files_only=True).eval()
    inputs = processor(text=[text], audios=[x], sampling_rate=CLAP_SAMPLE_RATE, return_tensors="pt", padding=True)
    with torch.no_grad():
        a = model.get_audio_features(input_features=inputs["input_features"])
        t = model.get_text_features(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"])
    return float(torch.nn.functional.cosine_similarity(a, t).item())


def neural_metrics(audio: np.ndarray, sr: int, request: str) -> dict:
    """CLAP score when weights are present locally; a plain "skipped: ..." otherwise."""
    model_id = find_clap()
    if model_id is None:
        return {"clap_score": None, "fad": None, "neural": SKIPPED}
    return {"clap_score": clap_score(audio, sr, request or "music", model_id), "fad": None,
            "neural": f"clap: {model_id}; fad skipped: no reference set of real soundtracks ships with v2m"}
