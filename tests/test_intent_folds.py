"""A fold of the grouped cross-validation (`intent_lora --leave-out`) trains on none of its sets' sentences, wherever
else they are said (a line repeated in another set, a template that happens to say it): its head is honest on them."""

from __future__ import annotations

from v2m.finetune.intent_human import said_by
from v2m.finetune.intent_lora import load_config, training_rows


def test_a_fold_trains_on_none_of_the_sentences_of_the_sets_it_leaves_out():
    cfg = load_config("finetune/configs/intent/minilm-lora-all.yaml")
    cfg["train_sentences"] = 300   # the templates' share does not matter here
    gone = said_by(["a", "o-tune"])
    assert len(gone) > 100
    everything = {r["text"].strip().lower() for r in training_rows(cfg)}
    assert len(everything & gone) > 50   # without the fold, those sets are trained on
    rows = training_rows({**cfg, "leave_out": ["a", "o-tune"]})
    assert not {r["text"].strip().lower() for r in rows} & gone
    assert len(rows) > len(everything) / 2   # the rest is still there
