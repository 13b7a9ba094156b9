"""The learned intent reader: the shipped config loads, the generated data (chat requests and review notes) is labelled with consistent spans,
the human-written turns (set b, the tune halves of d, e, f and g, and bank-tune only) are labelled from their expectations,
a tiny LoRA run trains only the adapter and the two heads and reads the same through the NumPy encoder as
through torch, and the shipped head (when present) is small, reads plain requests the way they are meant
and tags spans in sentences the generator never wrote (tests/intent_spans.yaml, hand-labelled)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import yaml

from v2m.agent.dialogue.intent_model import HEAD_PATH, LABELS, TAGS, IntentModel, Span, spans_from_tags
from v2m.finetune.intent_data import generate

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "finetune" / "configs" / "intent" / "minilm-lora.yaml"
# Span F1 on the hand-labelled set must stay at or above this (measured 2026-11-30: see
# finetune/results/intent-lora.md); a floor a little under the measurement, so a worse model fails.
FIXTURE_F1_FLOOR = 0.75


def hand_labelled() -> list[tuple[str, list[Span]]]:
    """tests/intent_spans.yaml as (text, spans with offsets): each span's words are found in order."""
    out = []
    for row in yaml.safe_load((ROOT / "tests" / "intent_spans.yaml").read_text()):
        text, pos, spans = row["text"], 0, []
        for label, words in row["spans"]:
            a = text.index(str(words), pos)
            spans.append(Span(label, a, a + len(str(words)), str(words)))
            pos = a + 1
        out.append((text, spans))
    return out


def test_the_shipped_config_loads_and_the_data_is_labelled_and_not_the_dialogues():
    from v2m.finetune.intent_lora import load_config

    cfg = load_config(CONFIG)
    assert cfg["out"].endswith(".npz") and cfg["lora_r"] > 0
    rows = generate(400, 0)
    assert {r["label"] for r in rows} == set(LABELS) and len({r["text"] for r in rows}) == len(rows)
    # the persona set (written blind) shares no sentence with the training data; the held-out split is
    # not opened by tests at all (it is only measured, by tests/bench)
    said = {t["say"].lower() for f in (ROOT / "tests" / "dialogues_personas").glob("*.yaml")
            for d in yaml.safe_load(f.read_text()) or [] for t in d.get("turns", [])}
    train = generate(cfg["train_sentences"], cfg["seed"])
    assert said and not said & {r["text"].lower() for r in train}
    assert not {t.lower() for t, _ in hand_labelled()} & {r["text"].lower() for r in train}


def test_human_turns_are_labelled_from_expectations_and_graded_sets_are_refused():
    from v2m.finetune.intent_human import dialogues, human_rows, label_of
    from v2m.finetune.intent_lora import token_tags

    assert label_of([{"tempo": {"ratio": [1.05, 1.4]}}]) == "tempo_up"
    assert label_of([{"tempo": {"ratio": [0.6, 0.97]}}]) == "tempo_down"
    assert label_of([{"energy": {"change": "down"}}, {"balance": {"change": "down"}}]) == "balance_down"
    assert label_of([{"loudness": "down"}]) == "loudness_down"
    assert label_of([{"tempo": {"ratio": [1.1, 1.2]}}, {"energy": {"change": "up"}}]) is None  # two edits
    assert label_of([{"question": "tempo"}]) is None
    rows = human_rows(["b", "d-tune", "e-tune", "f-tune", "g-tune", "bank-tune"])
    assert len(rows) > 700 and {r["label"] for r in rows} <= set(LABELS) and all(r["spans"] is None for r in rows)
    assert len({r["text"].lower() for r in rows}) == len(rows)
    # grading sets are refused by name
    for graded in ("c", "d-val", "d", "e", "e-val", "f", "f-val", "g", "g-val", "h", "h-val", "i", "i-val", "j", "j-val", "k", "k-val", "l", "l-val", "m", "m-val", "n", "n-val", "o", "o-val", "p", "p-val", "bank-val", "bank"):
        with pytest.raises(ValueError):
            dialogues(graded)
    # and no training turn of more than two words is a turn of a graded set
    from dialogue_check import load_set

    graded = {t["say"].strip().lower() for name in ("c", "d-val", "e-val", "f-val", "g-val", "h-val", "i-val", "j-val", "k-val") for d in load_set(name) for t in d["turns"]}
    assert not [r["text"] for r in rows if len(r["text"].split()) > 2 and r["text"].strip().lower() in graded]
    made = generate(2400, 0) + generate(400, 1)  # nor is a generated sentence (templates, not copies)
    assert not [r["text"] for r in made if len(r["text"].split()) > 2 and r["text"].strip().lower() in graded]
    assert token_tags([(0, 0), (0, 4), (5, 9), (0, 0)], None) == [-100] * 4


def test_the_recipe_trains_on_every_tune_half_and_never_on_a_val_half_or_the_held_out_set():
    # sixteenth session: the all-tune-halves recipe (a candidate, not shipped) names every trainable set (a, b, the
    # d..n tune halves, the banks' tune halves), the shipped one a part of them; each grading set is refused by name
    # when put in a config, so it can never reach training
    from v2m.finetune.intent_human import GRADED, SET_FOLDERS, TRAINABLE, human_rows
    from v2m.finetune.intent_lora import load_config, training_rows

    cfg = load_config(CONFIG.with_name("minilm-lora-all.yaml"))
    tunes = {f"{s}-tune" for s in SET_FOLDERS if s not in "abc"}
    assert set(cfg["human_sets"]) == set(TRAINABLE) >= tunes | {"a", "b", "bank-tune", "family-tune"}
    assert set(load_config(CONFIG)["human_sets"]) < set(TRAINABLE)
    assert not set(TRAINABLE) & {*GRADED, "c", "bank-val", "bank17-val"} and {f"{s}-val" for s in SET_FOLDERS if s not in "abc"} <= set(GRADED)
    for graded in ("c", "n-val", "l-val", "bank-val", "bank17-val", "bank17"):
        with pytest.raises(ValueError):
            training_rows({**cfg, "human_sets": ["b", graded], "train_sentences": 10})
    assert {r["label"] for r in human_rows(["a", "n-tune"])} <= set(LABELS)


def test_no_request_banks_val_item_reaches_training():
    # seventeenth session: bank17 (a second blind bank) is split as bank was; its tune half is trainable, its val half
    # grades, and no training row of any trainable set says a val item of either bank, word for word (bank-tune may
    # repeat a bank17-val request: each bank is split by its own texts)
    from v2m.finetune.intent_human import BANKS, TRAINABLE, bank_items, human_rows

    assert "bank17-tune" in TRAINABLE and set(BANKS) == {"bank", "bank17"}
    val = {x["text"].strip().lower() for folder in BANKS.values() for x in bank_items("val", folder)}
    tune = {x["text"].strip().lower() for x in bank_items("tune", BANKS["bank17"])}
    rows = human_rows(["b", "d-tune", "bank-tune", "bank17-tune", "family-tune"])
    assert val and not [r["text"] for r in rows if r["text"].strip().lower() in val]
    assert len(human_rows(["bank17-tune"])) >= 0.9 * len(tune)   # the tune half itself is trained on


def test_the_validation_halves_are_the_ones_frozen_before_anyone_read_them():
    # e-val (fourth session), f-val (fifth) and g-val (sixth) were fixed by their ids' sha256, written into each
    # set's README before a turn was read; a change to `half_of` or to the ids would move turns between tuning and grading.
    import hashlib
    import re

    from v2m.finetune.intent_human import SET_FOLDERS, load_set

    for name in ("e-val", "f-val", "g-val", "h-val", "i-val", "j-val", "k-val", "l-val", "m-val", "n-val", "o-val", "p-val"):   # h/i-val: 11th, j/k-val: 12th, l, m, n: 15th, o: 18th, p: 20th
        readme = (SET_FOLDERS[name[0]] / "README.md").read_text()
        frozen = re.search(r"hash to\s+sha256 `([0-9a-f]{64})`", readme).group(1)
        ids = "".join(i + "\n" for i in sorted(d["id"] for d in load_set(name)))
        assert hashlib.sha256(ids.encode()).hexdigest() == frozen, name
    # the request bank's val half (seventh session), by its texts
    from v2m.finetune.intent_human import BANK, bank_items

    frozen = re.search(r"hash to\s+sha256 `([0-9a-f]{64})`", (BANK / "README.md").read_text()).group(1)
    texts = "".join(t + "\n" for t in sorted(x["text"] for x in bank_items("val")))
    assert hashlib.sha256(texts.encode()).hexdigest() == frozen
    assert {x["label"] for x in bank_items("tune") + bank_items("val")} <= set(LABELS)


def test_generated_spans_cover_their_words_and_survive_tokens_and_back():
    from v2m.agent.dialogue.minilm import MiniLM
    from v2m.finetune.intent_lora import token_tags

    tok = MiniLM.load().tok
    rows = generate(300, 3)
    kinds = {t for r in rows for t, _, _ in r["spans"]}
    assert kinds == {"scope", "instrument", "direction", "magnitude"}
    same = 0
    for r in rows:
        for _, a, b in r["spans"]:
            assert r["text"][a:b].strip() == r["text"][a:b] and b > a
        offsets = tok.encode(r["text"]).offsets
        tags = [TAGS[k] if k >= 0 else "O" for k in token_tags(offsets, r["spans"])]
        back = spans_from_tags(r["text"], tags, offsets)
        same += [(s.label, s.start, s.end) for s in back] == [tuple(s) for s in r["spans"]]
    assert same >= 0.97 * len(rows)  # a dropped letter can glue two words: "quietand"


def test_the_generator_writes_review_notes_with_coded_places_spoken_instruments_and_sign_offs():
    """The review-note register (finetune/intent_notes.py): a timecode or shot code heading a note is its
    scope, dictated and kit words fill the instrument slots, and sign-offs and pleasantries are no edit."""
    import random

    from v2m.finetune.intent_data import _fill, unmark
    from v2m.finetune.intent_notes import SPOKEN, TERSE, note

    rng = random.Random(7)
    notes = {label: [unmark(note(label, rng, _fill)) for _ in range(60)] for label in TERSE}
    assert set(TERSE) == set(LABELS)
    coded = [(t, s) for t, s in notes["balance_down"] + notes["tempo_up"] if s and s[0][0] == "scope" and s[0][1] == 0]
    assert len(coded) > 20 and any(t[:s[0][2]].startswith(("sh", "0", "1:", "cut")) for t, s in coded)
    heard = {t[a:b].lower() for rows in notes.values() for t, sp in rows for k, a, b in sp if k == "instrument"}
    assert heard & set(SPOKEN)
    assert not [t for t, sp in notes["none"] if {k for k, _, _ in sp} - {"instrument"}]  # praise names no change
    # every mark is taken out: no "[s:" or "{i}" survives into a sentence
    assert not [t for rows in notes.values() for t, _ in rows if "[s:" in t or "[d:" in t or "{" in t]


def test_spans_from_tags_reads_word_pieces_and_lenient_starts():
    text = "make the sax louder-ish after 0:12"
    offsets = [(0, 0), (0, 4), (5, 8), (9, 12), (13, 19), (19, 20), (20, 22), (22, 23), (24, 29), (30, 31),
               (31, 32), (32, 34), (0, 0)]
    tags = ["O", "O", "O", "B-instrument", "B-direction", "O", "O", "O", "B-scope", "I-scope", "B-scope",
            "I-scope", "O"]
    assert spans_from_tags(text, tags, offsets) == [Span("instrument", 9, 12, "sax"),
                                                    Span("direction", 13, 19, "louder"),
                                                    Span("scope", 24, 34, "after 0:12")]
    # a span opened with I, and a B on a word piece inside a word, still read as whole words
    tags = ["O", "O", "O", "I-instrument", "O", "O", "O", "O", "O", "O", "O", "B-magnitude", "O"]
    assert spans_from_tags(text, tags, offsets) == [Span("instrument", 9, 12, "sax"),
                                                    Span("magnitude", 30, 34, "0:12")]
    # a name of two words opened twice is one span; two spans with a word between stay two
    text, offsets = "the grand piano and sax", [(0, 0), (0, 3), (4, 9), (10, 15), (16, 19), (20, 23), (0, 0)]
    tags = ["O", "O", "B-instrument", "B-instrument", "O", "B-instrument", "O"]
    assert spans_from_tags(text, tags, offsets) == [Span("instrument", 4, 15, "grand piano"),
                                                    Span("instrument", 20, 23, "sax")]


@pytest.mark.slow
def test_a_tiny_lora_run_moves_only_the_adapter_and_numpy_reads_as_torch(tmp_path):
    from v2m.finetune.intent_lora import load_config, train

    cfg = load_config(CONFIG)
    cfg.update(train_sentences=72, val_sentences=36, epochs=1, batch_size=24, threads=1, human_sets=["d-tune"],
               human_repeat=1, out=str(tmp_path / "head.npz"))  # human turns: no spans, batches of them too
    report = train(cfg)
    data = np.load(tmp_path / "head.npz")
    assert report["base_frozen"] and report["numpy_agreement"] == 1.0 and report["numpy_tag_agreement"] == 1.0
    bs = {k: data[k] for k in data.files if k.endswith("lora_B")}
    layers = {int(k.split(".")[2]) for k in bs}
    assert layers == set(range(cfg["frozen_layers"], 6)) and len(bs) == 2 * len(layers)
    assert all(np.abs(b).max() > 0 for b in bs.values())  # B starts at zero: it moved
    assert data["tag_w"].shape == (len(TAGS), 384) and list(data["tags"]) == list(TAGS)
    assert (tmp_path / "head.npz").stat().st_size < 1_000_000


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
def test_the_shipped_head_is_small_and_reads_plain_requests():
    assert HEAD_PATH.stat().st_size < 2_000_000
    m = IntentModel.load()
    for text, label in [("way too fast", "tempo_down"), ("it's dragging, speed it up", "tempo_up"),
                        ("fade it out at the end", "shape_down"), ("thanks, that's great", "none"),
                        # the review-note register (finetune/intent_notes.py), in words of this test's own
                        ("00:42 - strings down 3dB", "balance_down"), ("kill the high hats in sh4", "remove"),
                        ("cheers, all signed off", "none")]:
        assert m.predict(text).label == label, text


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no trained head shipped")
def test_the_shipped_tagger_finds_spans_in_sentences_it_never_saw():
    from v2m.finetune.intent_lora import span_f1

    m = IntentModel.load()
    spans = m.tag_spans("bring the sax forward a bit after 0:12")
    assert ("instrument", "sax") in [(s.label, s.text) for s in spans]
    assert ("scope", "after 0:12") in [(s.label, s.text) for s in spans]
    for s in spans:
        assert "bring the sax forward a bit after 0:12"[s.start:s.end] == s.text
    gold = hand_labelled()
    assert len(gold) >= 40
    found = [m.tag_spans(text) for text, _ in gold]
    assert span_f1([g for _, g in gold], found)["f1"] >= FIXTURE_F1_FLOOR
    # a 10,000-character paste and emoji are read without error
    assert isinstance(m.tag_spans("louder " * 1500), list) and m.tag_spans("🙂🙂") == []
