"""Retrain only the span tagger of the shipped intent model: a linear probe (`tag_w`, `tag_b`) over the token
vectors the shipped NumPy encoder already makes, from the generator's sentences with spans and people's request
words annotated with spans (finetune/data/human_spans, train split only). No torch: NumPy and SciPy's L-BFGS.

    python -m v2m.finetune.intent_tagger finetune/configs/intent/tagger.yaml     # ~2.5 CPU-min cold, ~1 with the cache

Why a probe: the chat reads the kind of edit from the same encoder pass, so the adapter, the intent head and every
other array of the head file stay byte-identical (the recipe checks it, and that the intent probabilities of 200
tune texts are identical before and after); only the tag head moves. The encoder runs once per distinct sentence
(sentences of one token count together, unpadded, so each row is what `IntentModel.run` computes for it alone),
and its vectors are cached on disk by the encoder's digest and the text.

The human spans (`human_span_rows`): written blind by five annotators over texts of TRAINABLE sets only; a fifth
of the texts (by sha256(text)) is the frozen dev split, which only grades (`split` other than "train" is refused,
and any text a graded set or graded bank half says is dropped). Measures (`measure`): exact-match span F1 overall
and per label, token-level tag accuracy, and how often a gold place is found (`tests/bench/bench_tagger.py`).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from v2m.agent.dialogue.intent_model import SPAN_LABELS, TAGS, IntentModel, Span, decode_tags, spans_from_tags
from v2m.finetune.intent_data import generate
from v2m.finetune.intent_human import GRADED, graded_bank_texts, human_rows, load_set
from v2m.finetune.intent_lora import read_config, recipe_config, recipe_parser, span_f1, token_tags

ROOT = Path(__file__).resolve().parents[1]
HUMAN_SPANS = ROOT / "finetune" / "data" / "human_spans" / "spans.jsonl"
KEYS = {"seed", "train_sentences", "val_sentences", "human_spans", "human_repeat", "place_swaps", "l2", "max_iter",
        "head", "out", "cache"}
# the only arrays this recipe writes (the tag head and how its scores are read); every other one is copied byte for byte
TAG_ARRAYS = ("tag_w", "tag_b", "tag_decode")


def dev_of(text: str) -> bool:
    """The frozen dev split of the human spans: the first byte of sha256(text) divisible by 5 (a fifth)."""
    return hashlib.sha256(text.encode()).digest()[0] % 5 == 0


def in_fold(text: str) -> bool:
    """The fold of the human TRAIN split that choices are made on (held out from training while choosing): the
    second byte of sha256(text) divisible by 5. The dev split is never used to choose."""
    return hashlib.sha256(text.encode()).digest()[1] % 5 == 0


def graded_texts() -> frozenset[str]:
    """Every sentence a graded dialogue set or a graded bank half says, lowercased: never trained on."""
    return frozenset(t["say"].strip().lower() for name in GRADED for d in load_set(name) for t in d["turns"]) \
        | graded_bank_texts()


def human_span_rows(split: str, path: Path = HUMAN_SPANS) -> list[dict]:
    """The annotated texts of one split as rows {"id", "text", "spans": [[label, start, end], ...]}.

    Args:
        split: "train" for training; "dev" only grades (`measure`), never trains.
        path: spans.jsonl (absent: no rows, so the recipe still runs on the generator's sentences alone).
    Raises:
        ValueError: a row's split disagrees with `dev_of` (the split is frozen by the text's hash), or a span
            is not inside its text or has an unknown label.
    """
    if split not in ("train", "dev"):
        raise ValueError(f"no split {split!r}: train or dev")
    if not Path(path).is_file():
        return []
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    for r in rows:
        if r["split"] != ("dev" if dev_of(r["text"]) else "train"):
            raise ValueError(f"{r['id']}: split {r['split']!r} is not the frozen one")
        if any(lab not in SPAN_LABELS or not 0 <= a < b <= len(r["text"]) for lab, a, b in r["spans"]):
            raise ValueError(f"{r['id']}: a span outside its text or of an unknown label")
    rows = [r for r in rows if r["split"] == split]
    if split == "train":   # a tune turn may repeat a graded one word for word
        graded = graded_texts()
        rows = [r for r in rows if r["text"].strip().lower() not in graded]
    return rows


def training_rows(cfg: dict, keep: Callable[[str], bool] = lambda text: True) -> list[dict]:
    """The generator's sentences (weight 1), `place_swaps` of them, and the human train split's texts that
    `keep` (weight `human_repeat`); texts distinct. `keep` holds a fold out (bench_tagger --choose)."""
    gen = [{**r, "weight": 1.0, "human": False} for r in generate(cfg["train_sentences"], cfg["seed"])]
    human = [{**r, "weight": float(cfg["human_repeat"]), "human": True}
             for r in human_span_rows("train", Path(cfg["human_spans"])) if keep(r["text"])]
    gen += place_swaps(gen, human, cfg["place_swaps"], cfg["seed"])
    seen = {r["text"] for r in human}
    return [r for r in gen if r["text"] not in seen] + human


def place_swaps(gen: list[dict], human: list[dict], n: int, seed: int) -> list[dict]:
    """`n` generated sentences with a place, each with its place replaced by a place people said (a scope span of
    `human`): the templates' requests with people's places ("when the dancers come", "the kitchen bit"), so the
    tagger learns such places in every position and frame, not only in the sentences people happened to write."""
    rng = random.Random(seed)
    places = sorted({r["text"][a:b] for r in human for lab, a, b in r["spans"] if lab == "scope"})
    placed = [r for r in gen if any(lab == "scope" for lab, _, _ in r["spans"])]
    out = []
    for r in rng.sample(placed, min(n, len(placed))) if places else []:
        _, a, b = next(s for s in r["spans"] if s[0] == "scope")
        place = rng.choice(places)
        shift = len(place) - (b - a)
        spans = [[lab, x + shift * (x >= b), y + shift * (y >= b)] for lab, x, y in r["spans"]]
        out.append({**r, "text": r["text"][:a] + place + r["text"][b:], "spans": spans})
    return out


def validation_rows(cfg: dict) -> list[dict]:
    """Template validation sentences (seed + 1), minus any the generator wrote for training."""
    seen = {r["text"].lower() for r in generate(cfg["train_sentences"], cfg["seed"])}
    return [r for r in generate(cfg["val_sentences"], cfg["seed"] + 1) if r["text"].lower() not in seen]


def encoder_digest(model: IntentModel) -> str:
    """What the token vectors depend on: the merged encoder weights (base model plus adapter)."""
    h = hashlib.sha256()
    for k in sorted(model.encoder.w):
        h.update(k.encode() + model.encoder.w[k].tobytes())
    return h.hexdigest()[:16]


def token_vectors(model: IntentModel, texts: list[str], cache: Path | None = None) -> list[np.ndarray]:
    """The last layer's token vectors of each text, as `IntentModel.run` computes them (its `MAX_CHARS` cut).

    Texts with the same token count run together (no padding, so each row equals its run alone); the vectors
    are kept in `cache` (an .npz keyed by sha1 of the encoder digest and the text) between runs.
    """
    from v2m.agent.dialogue.intent_model import MAX_CHARS

    digest = encoder_digest(model)
    key = {t: hashlib.sha1((digest + t).encode()).hexdigest() for t in texts}
    stored = dict(np.load(cache)) if cache and Path(cache).is_file() else {}
    todo = sorted({t for t in texts if key[t] not in stored})
    by_len = defaultdict(list)
    for t, e in zip(todo, model.encoder.tok.encode_batch([t[:MAX_CHARS] for t in todo])):
        by_len[len(e.ids)].append(t)
    for group in by_len.values():
        for a in range(0, len(group), 64):
            x, _, _ = model.encoder.hidden([t[:MAX_CHARS] for t in group[a:a + 64]])
            stored.update({key[t]: x[r] for r, t in enumerate(group[a:a + 64])})
    if cache and todo:
        np.savez(cache, **stored)
    return [stored[key[t]] for t in texts]


def gold_tags(model: IntentModel, rows: list[dict]) -> list[np.ndarray]:
    """Each row's gold tag index per token (`TAGS`; -100 for [CLS] and [SEP])."""
    from v2m.agent.dialogue.intent_model import MAX_CHARS

    encs = model.encoder.tok.encode_batch([r["text"][:MAX_CHARS] for r in rows])
    return [np.array(token_tags(e.offsets, r["spans"])) for e, r in zip(encs, rows)]


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """Weighted softmax regression of tags `y` on token vectors `x` (L-BFGS from zero, L2 on the weights, not the
    bias: a convex problem, so the head does not depend on the one it replaces).

    Returns:
        (tag_w (len(TAGS), 384), tag_b (len(TAGS),)), float32, the shapes the head file has always had.
    """
    from scipy.optimize import minimize

    n, d = x.shape
    k = len(TAGS)
    onehot = np.eye(k, dtype=np.float64)[y]
    wsum = weight.sum()

    def loss(theta):
        w, b = theta[:k * d].reshape(k, d), theta[k * d:]
        z = x @ w.T + b
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        nll = -(weight * np.log(np.clip((p * onehot).sum(1), 1e-12, None))).sum() / wsum
        g = (p - onehot) * (weight / wsum)[:, None]
        grad_w = g.T @ x + 2 * l2 * w
        return nll + l2 * (w * w).sum(), np.concatenate([grad_w.ravel(), g.sum(0)])

    res = minimize(loss, np.zeros(k * d + k), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    print(f"L-BFGS: {res.nit} iterations, loss {res.fun:.4f}, {res.message}")
    return res.x[:k * d].reshape(k, d).astype(np.float32), res.x[k * d:].astype(np.float32)


def measure(model: IntentModel, rows: list[dict], vectors: list[np.ndarray] | None = None) -> dict:
    """Exact-match span scores overall and per label, token tag accuracy, and places found, of `model` on `rows`.

    "place found": of the rows whose gold has a scope span, the share where the tagger marks a scope span that
    overlaps one; "place invented": of the rows whose gold has none, the share where it marks a scope anyway.
    """
    from v2m.agent.dialogue.intent_model import MAX_CHARS

    vectors = vectors if vectors is not None else token_vectors(model, [r["text"] for r in rows])
    encs = model.encoder.tok.encode_batch([r["text"][:MAX_CHARS] for r in rows])
    gold = [[Span(lab, a, b, r["text"][a:b]) for lab, a, b in r["spans"]] for r in rows]
    found, right, graded = [], 0, 0
    for r, v, e, g in zip(rows, vectors, encs, gold_tags(model, rows)):
        pred = decode_tags(v @ model.tag_w.T + model.tag_b, model.tag_decode)
        found.append(spans_from_tags(r["text"][:MAX_CHARS], [model.tags[k] for k in pred], e.offsets))
        right += int((pred[g >= 0] == g[g >= 0]).sum())
        graded += int((g >= 0).sum())

    def only(spans, lab):
        return [[s for s in x if s.label == lab] for x in spans]
    with_place = [k for k, g in enumerate(gold) if any(s.label == "scope" for s in g)]
    without = [k for k, g in enumerate(gold) if not any(s.label == "scope" for s in g)]
    hit = sum(any(f.label == "scope" and g.label == "scope" and f.start < g.end and g.start < f.end
                  for f in found[k] for g in gold[k]) for k in with_place)
    invented = sum(any(f.label == "scope" for f in found[k]) for k in without)
    return {"texts": len(rows), "spans": sum(map(len, gold)), **span_f1(gold, found),
            "by_label": {lab: span_f1(only(gold, lab), only(found, lab)) for lab in SPAN_LABELS},
            "token_accuracy": round(right / max(1, graded), 4),
            "place_found": [hit, len(with_place)], "place_invented": [invented, len(without)], "found": found}


def with_tag_head(base: Path, tag_w: np.ndarray, tag_b: np.ndarray, out: Path) -> None:
    """Write `base`'s arrays to `out` with the tag head replaced, read as BIO sequences (`decode_tags`); every
    other array is copied as it is."""
    data = np.load(base, allow_pickle=False)
    arrays = {k: data[k] for k in data.files}
    arrays.update(tag_w=tag_w.astype(np.float32), tag_b=tag_b.astype(np.float32), tag_decode=np.array("bio"))
    np.savez_compressed(out, **arrays)


def train(cfg: dict) -> dict:
    """Fit the tag head, write the head file, check the intent reading is untouched; returns the report."""
    t0, cpu0 = time.perf_counter(), time.process_time()
    base = IntentModel(Path(cfg["head"]))
    rows, val = training_rows(cfg), validation_rows(cfg)
    cache = Path(cfg["cache"]) if cfg["cache"] else None
    vecs = token_vectors(base, [r["text"] for r in rows] + [r["text"] for r in val], cache)
    tags = gold_tags(base, rows)
    keep = [t >= 0 for t in tags]
    x = np.concatenate([v[k] for v, k in zip(vecs, keep)]).astype(np.float64)
    y = np.concatenate([t[k] for t, k in zip(tags, keep)])
    weight = np.concatenate([np.full(int(k.sum()), r["weight"]) for r, k in zip(rows, keep)])
    print(f"{len(rows)} training texts ({sum(r['human'] for r in rows)} human), {len(y)} tokens, "
          f"{len(val)} validation ({time.perf_counter() - t0:.0f} s)")
    tag_w, tag_b = fit(x, y, weight, cfg["l2"], cfg["max_iter"])
    out = Path(cfg["out"])
    with_tag_head(Path(cfg["head"]), tag_w, tag_b, out)
    mine = IntentModel(out)
    before = {k: v for k, v in measure(base, val, vecs[len(rows):]).items() if k != "found"}
    after = {k: v for k, v in measure(mine, val, vecs[len(rows):]).items() if k != "found"}
    tune = [r["text"] for r in human_rows(["o-tune", "bank17-tune"])[:200]]
    report = {"train_texts": len(rows), "tokens": len(y), "val_texts": len(val), "out": str(out),
              "template_val_before": before, "template_val_after": after,
              "intent_arrays_identical": intent_arrays_identical(Path(cfg["head"]), out),
              "intent_probabilities_identical": bool(np.array_equal(base.probabilities(tune),
                                                                    mine.probabilities(tune))),
              "wall_s": round(time.perf_counter() - t0), "cpu_s": round(time.process_time() - cpu0)}
    print(json.dumps(report))
    return report


def intent_arrays_identical(a: Path, b: Path) -> bool:
    """Every array but the tag head's is byte-identical in the two head files (same names, dtypes, bytes)."""
    da, db = np.load(a, allow_pickle=False), np.load(b, allow_pickle=False)
    names = set(da.files) - set(TAG_ARRAYS)
    return names == set(db.files) - set(TAG_ARRAYS) and all(
        da[k].dtype == db[k].dtype and da[k].shape == db[k].shape and da[k].tobytes() == db[k].tobytes()
        for k in names)


def load_config(path: str | Path = "finetune/configs/intent/tagger.yaml") -> dict:
    """The recipe's config; every key it reads must be there."""
    return read_config(path, KEYS)


def main(argv: list[str] | None = None) -> int:
    ap = recipe_parser("v2m.finetune.intent_tagger", "finetune/configs/intent/tagger.yaml", __doc__)
    train(recipe_config(ap, ap.parse_args(sys.argv[1:] if argv is None else argv).config, load_config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
