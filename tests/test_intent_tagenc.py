"""The span tagger with its own LoRA adapter (agent/dialogue/tagger.py, finetune/intent_tagenc.py): the recipe
trains on no dev or graded text, the intent reading is untouched by it, and what it finds in sentences written
for this test (not taken from any data set)."""

from __future__ import annotations

import numpy as np
import pytest
from v2m.agent.dialogue.intent_model import HEAD_PATH, IntentModel
from v2m.agent.dialogue.tagger import TAGGER_PATH, merged
from v2m.finetune.intent_data import generate
from v2m.finetune.intent_tagger import dev_of, graded_texts, human_span_rows, in_fold

shipped = pytest.mark.skipif(not (TAGGER_PATH.is_file() and HEAD_PATH.is_file()), reason="no tagger shipped")


def test_the_recipe_trains_on_no_dev_or_graded_text_and_holds_out_its_fold():
    from v2m.finetune.intent_tagenc import load_config, split_rows

    cfg = load_config()
    rows, held = split_rows(cfg)
    assert not held and any(r["human"] for r in rows)
    graded = graded_texts()
    assert not any(r["human"] and dev_of(r["text"]) for r in rows)
    assert not any(r["text"].strip().lower() in graded for r in rows if r["human"])
    dev = {r["text"] for r in human_span_rows("dev")}
    assert not dev & {r["text"] for r in rows if r["human"]}   # (the generator itself writes "fade out", a dev text)
    rows, held = split_rows({**cfg, "fold": True})
    assert held and all(in_fold(r["text"]) for r in held) and not any(in_fold(r["text"]) for r in rows if r["human"])
    # no place said only in the fold reaches training through a place swap
    def places(rs):
        return {r["text"][a:b] for r in rs for lab, a, b in r["spans"] if lab == "scope"}
    only_held = (places(held) - places([r for r in rows if r["human"]])
                 - places(generate(cfg["train_sentences"], cfg["seed"])))
    rows, _ = split_rows({**cfg, "fold": True, "place_swaps": 2000})
    assert only_held and not only_held & places(rows)
    with pytest.raises(ValueError):
        human_span_rows("val")


def test_overrides_name_only_config_keys(capsys):
    from v2m.finetune.intent_tagenc import main

    with pytest.raises(SystemExit) as done:   # one error line, exit 2 (tests/test_recipe_cli.py), never a traceback
        main(["finetune/configs/intent/tagger-lora.yaml", "human_sets=[c]"])
    assert done.value.code == 2 and "unknown override 'human_sets=[c]'" in capsys.readouterr().err


def test_merging_an_adapter_changes_only_its_matrices():
    from v2m.agent.dialogue.minilm import MiniLM

    base = MiniLM.load()
    a = np.ones((2, 384), np.float32)
    data = {"lora_scale": np.array(2.0), "encoder.layer.4.attention.self.query.lora_A": a,
            "encoder.layer.4.attention.self.query.lora_B": np.full((384, 2), 0.5, np.float32)}

    class Npz(dict):
        files = property(lambda self: list(self))
    enc = merged(base, Npz(data))
    key = "encoder.layer.4.attention.self.query.weight"
    assert np.allclose(enc.w[key] - base.w[key], 2.0)
    assert all(enc.w[k] is base.w[k] for k in base.w if k != key) and enc.tok is base.tok


@shipped
def test_the_intent_reading_is_the_same_with_the_tagger():
    texts = ["ease off the speed a touch", "the drums are too much during the vows", "undo that", "more strings"]
    alone = IntentModel(HEAD_PATH, tagger_path=None)
    both = IntentModel(HEAD_PATH)
    both.tag_spans(texts[1])
    assert both._tagger is not None   # read by the tagger's own encoder
    assert np.array_equal(alone.probabilities(texts), both.probabilities(texts))
    assert [alone.predict(t) for t in texts] == [both.predict(t) for t in texts]


# written for this test before the tagger was trained: (text, spans that must be found as (label, words))
SAID = [
    ("the drums are too much during the vows", [("scope", "during the vows"), ("instrument", "drums")]),
    ("can the piano come in softer from the second shot onward",
     [("scope", "from the second shot onward"), ("instrument", "piano")]),
    ("bring it down a bit around the 40 second mark", [("scope", "around the 40 second mark"), ("magnitude", "a bit")]),
    ("no guitar while she is blowing out the candles", [("scope", "while she is blowing out the candles"),
                                                       ("instrument", "guitar")]),
    ("slow it down once they reach the top of the hill", [("scope", "once they reach the top of the hill")]),
    ("make the last ten seconds way louder", [("scope", "the last ten seconds"), ("magnitude", "way")]),
]


@shipped
@pytest.mark.parametrize("text,want", SAID)
def test_the_tagger_finds_places_said_in_own_words(text, want):
    found = [(s.label, s.text) for s in IntentModel.load().tag_spans(text)]
    for span in want:
        assert span in found, (text, found)
    for s in IntentModel.load().tag_spans(text):
        assert text[s.start:s.end] == s.text


@shipped
def test_odd_input_is_read_without_error():
    m = IntentModel.load()
    assert isinstance(m.tag_spans("louder " * 1500), list) and m.tag_spans("🙂🙂") == []
