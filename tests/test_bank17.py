"""The second request bank's val half is the one frozen before anyone read it (finetune/data/intent_bank17)."""

import hashlib
import re

from v2m.agent.dialogue.intent_model import LABELS
from v2m.finetune.intent_human import BANK, bank_items

BANK17 = BANK.parent / "intent_bank17"


def test_bank17_val_half_is_the_frozen_one_and_labels_are_known():
    frozen = re.search(r"hash to\s+sha256 `([0-9a-f]{64})`", (BANK17 / "README.md").read_text()).group(1)
    texts = "".join(t + "\n" for t in sorted(x["text"] for x in bank_items("val", BANK17)))
    assert hashlib.sha256(texts.encode()).hexdigest() == frozen
    items = bank_items(None, BANK17)
    assert len(items) == 897 and {x["label"] for x in items} <= set(LABELS)
    assert len(bank_items("tune", BANK17)) == 454
