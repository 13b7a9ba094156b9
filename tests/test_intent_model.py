"""The learned intent reader: the shipped config loads, a tiny LoRA run trains only the adapter and the
head and reads the same through the NumPy encoder as through torch, and the shipped head (when present)
is small and reads plain requests the way they are meant."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from v2m.agent.dialogue.intent_model import HEAD_PATH, LABELS, IntentModel
from v2m.finetune.intent_data import generate

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_config_loads_and_the_data_is_labelled_and_not_the_dialogues():
    from v2m.finetune.intent_lora import load_config

    cfg = load_config(ROOT / "finetune" / "configs" / "intent" / "minilm-lora.yaml")
    assert cfg["out"].endswith(".npz") and cfg["lora_r"] > 0
    rows = generate(400, 0)
    assert {r["label"] for r in rows} == set(LABELS) and len({r["text"] for r in rows}) == len(rows)
    # the persona set (written blind) shares no sentence with the training data; the held-out split is
    # not opened by tests at all (it is only measured, by tests/bench)
    said = {t["say"].lower() for f in (ROOT / "tests" / "dialogues_personas").glob("*.yaml")
            for d in __import__("yaml").safe_load(f.read_text()) or [] for t in d.get("turns", [])}
    assert said and not said & {r["text"].lower() for r in generate(2400, 0)}


@pytest.mark.slow
def test_a_tiny_lora_run_moves_only_the_adapter_and_numpy_reads_as_torch(tmp_path):
    from v2m.finetune.intent_lora import load_config, train

    cfg = load_config(ROOT / "finetune" / "configs" / "intent" / "minilm-lora.yaml")
    cfg.update(train_sentences=72, val_sentences=36, epochs=1, batch_size=24, threads=1,
               out=str(tmp_path / "head.npz"))
    report = train(cfg)
    data = np.load(tmp_path / "head.npz")
    assert report["base_frozen"] and report["numpy_agreement"] == 1.0
    bs = [data[k] for k in data.files if k.endswith("lora_B")]
    assert len(bs) == 12 and all(np.abs(b).max() > 0 for b in bs)  # B starts at zero: it moved
    assert (tmp_path / "head.npz").stat().st_size < 1_000_000


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
def test_the_shipped_head_is_small_and_reads_plain_requests():
    assert HEAD_PATH.stat().st_size < 3_000_000
    m = IntentModel.load()
    for text, label in [("way too fast", "tempo_down"), ("it's dragging, speed it up", "tempo_up"),
                        ("fade it out at the end", "shape_down"), ("thanks, that's great", "none")]:
        assert m.predict(text).label == label, text
