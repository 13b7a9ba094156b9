"""The tag head retrained on people's words (finetune/intent_tagger.py): the recipe reads only the human spans'
train split and never a graded set's sentence, the dev split is the frozen one, the intent reading is untouched
(every other array of the head file byte for byte, and the intent probabilities of 200 tune texts), tags are read
as BIO sequences (old head files token by token), and the shipped tagger finds places in sentences written here."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from v2m.agent.dialogue.intent_model import HEAD_PATH, TAGS, IntentModel, decode_tags
from v2m.finetune import intent_tagger
from v2m.finetune.intent_tagger import HUMAN_SPANS, TAG_ARRAYS, dev_of, human_span_rows

ROOT = Path(__file__).resolve().parents[1]
# sha256 of the dev split's sorted ids joined by newlines (finetune/data/human_spans/README.md, frozen 15:05 UTC)
DEV_IDS_SHA = "3043e10b300b84417d7a6cd29110ce607efb9be0ac4f9b72163812231c283402"
# sha256 over every array of the head file but the tag head (name, dtype, bytes; sorted by name): the adapter and
# intent head of main at e784cc2, before tag19; the tagger recipe must leave them exactly so
INTENT_ARRAYS_SHA = "507f257a8ffab645ec48d4f182a0823cd7679bfcb10e40468102586dd10f4443"


def intent_digest(path: Path) -> str:
    data, h = np.load(path, allow_pickle=False), hashlib.sha256()
    for k in sorted(set(data.files) - set(TAG_ARRAYS)):
        h.update(k.encode() + str(data[k].dtype).encode() + data[k].tobytes())
    return h.hexdigest()


def test_dev_split_is_frozen_by_sha_and_only_train_rows_train():
    rows = [json.loads(line) for line in HUMAN_SPANS.read_text().splitlines()]
    dev = sorted(r["id"] for r in rows if r["split"] == "dev")
    assert hashlib.sha256("\n".join(dev).encode()).hexdigest() == DEV_IDS_SHA
    assert all((r["split"] == "dev") == dev_of(r["text"]) for r in rows)
    train = human_span_rows("train")
    dev_texts = {r["text"] for r in human_span_rows("dev")}
    assert train and len(dev_texts) == len(dev) and not dev_texts & {r["text"] for r in train}
    cfg = intent_tagger.load_config(ROOT / "finetune" / "configs" / "intent" / "tagger.yaml")
    cfg["train_sentences"] = 20
    assert not dev_texts & {r["text"] for r in intent_tagger.training_rows(cfg)}


def test_the_recipe_refuses_graded_sets(tmp_path, monkeypatch):
    with pytest.raises(ValueError):
        human_span_rows("val")
    text = "slower from shot 3 please"
    row = {"id": "x1", "text": text, "spans": [["direction", 0, 6]], "split": "dev" if dev_of(text) else "train"}
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps({**row, "split": "train" if row["split"] == "dev" else "dev"}) + "\n")
    with pytest.raises(ValueError):   # a row whose split is not the frozen one
        human_span_rows("train", path)
    path.write_text(json.dumps(row) + "\n")
    assert len(human_span_rows(row["split"], path)) == 1
    if row["split"] == "train":   # a text a graded set says is never trained on
        monkeypatch.setattr(intent_tagger, "graded_texts", lambda: frozenset({text.lower()}))
        assert human_span_rows("train", path) == []


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
def test_the_intent_arrays_are_unchanged_and_read_the_same(tmp_path):
    from v2m.finetune.intent_human import human_rows

    assert intent_digest(HEAD_PATH) == INTENT_ARRAYS_SHA
    # a head with another tag head reads the kind of edit of 40 tune texts exactly as the shipped one (200 took 141 s
    # of CI; the arrays' digest above already holds every weight)
    other = tmp_path / "head.npz"
    intent_tagger.with_tag_head(HEAD_PATH, np.zeros((len(TAGS), 384)), np.zeros(len(TAGS)), other)
    assert intent_tagger.intent_arrays_identical(HEAD_PATH, other) and intent_digest(other) == INTENT_ARRAYS_SHA
    texts = [r["text"] for r in human_rows(["o-tune", "bank17-tune"])[::5][:40]]
    assert len(texts) == 40
    assert np.array_equal(IntentModel.load().probabilities(texts), IntentModel(other).probabilities(texts))


def test_tags_are_read_as_bio_sequences_and_old_heads_token_by_token(tmp_path):
    o, b, i = TAGS.index("O"), TAGS.index("B-scope"), TAGS.index("I-scope")
    scores = np.full((6, len(TAGS)), -5.0)
    scores[:, o] = 0.0
    # [CLS] B I (O, I close behind) I [SEP]
    scores[1, b], scores[2, i], scores[3, o], scores[3, i], scores[4, i] = 3.0, 3.0, 1.0, 0.8, 3.0
    assert list(decode_tags(scores, "argmax")) == [o, b, i, o, i, o]
    assert list(decode_tags(scores, "bio")) == [o, b, i, i, i, o]   # "during the speech bit" stays one span
    scores[1, b] = -5.0   # an I that would open a span is read as the best consistent sequence
    assert all(TAGS[t] != "I-scope" or TAGS[p] in ("B-scope", "I-scope")
               for p, t in zip(decode_tags(scores, "bio"), decode_tags(scores, "bio")[1:]))
    if HEAD_PATH.is_file():   # a head file from before tag19 (no tag_decode) reads token by token
        data = np.load(HEAD_PATH)
        np.savez(tmp_path / "old.npz", **{k: data[k] for k in data.files if k != "tag_decode"})
        assert IntentModel(tmp_path / "old.npz").tag_decode == "argmax"
        assert IntentModel.load().tag_decode == "bio"


# (text, the scope the shipped tagger must find): sentences written for this test, not from any data set
PLACES = [("the drums are too much during the vows", "during the vows"),
          ("can the strings sit out during the speeches", "during the speeches"),
          ("make it calmer while they cut the cake", "while they cut the cake"),
          ("slower from the 2nd shot onward", "from the 2nd shot onward"),
          ("from the third shot onwards it should be darker", "from the third shot onwards"),
          ("a little quieter around the 40 second mark", "around the 40 second mark"),
          ("bring the sax forward a bit after 0:12", "after 0:12")]


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
@pytest.mark.parametrize("text,scope", PLACES)
def test_the_shipped_tagger_finds_the_place(text, scope):
    spans = IntentModel.load().tag_spans(text)
    assert ("scope", scope) in [(s.label, s.text) for s in spans], spans


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
def test_the_shipped_tagger_marks_parts_and_no_place_where_none_is_said():
    m = IntentModel.load()
    assert ("instrument", "drums") in [(s.label, s.text) for s in m.tag_spans("the drums are too much during the vows")]
    quieter = m.tag_spans("a little quieter around the 40 second mark")
    assert ("direction", "quieter") in [(s.label, s.text) for s in quieter]
    for text in ("thanks, that's lovely", "can you make the whole thing a bit faster", "undo that please"):
        assert not [s for s in m.tag_spans(text) if s.label == "scope"], text
