"""Human-written training sentences for the intent model: the turns of dialogue sets written by people, each
labelled from its own expectations (the one labelling, also used by tests/bench/bench_intents.py to grade).

    from v2m.finetune.intent_human import human_rows
    rows = human_rows(["b", "d-tune"])     # [{"text": ..., "label": "tempo_up", "spans": None}, ...]

`SET_FOLDERS` is the one map from a set's letter to its folder (the tests and benchmarks read it too). Only the
sets in `TRAINABLE` can be read here: sets a and b, the tuning halves of sets d..n (split by `half_of`; a and
h..n tune since the sixteenth session), the request banks' tune halves (bank-tune, bank17-tune) and the family banks' tune halves
(`family-tune`, `family_rows` below). The validation halves d-val and e-val and the held-out set (c) grade the model and are
refused by name, so they can never leak into training (a test checks no training turn is one of theirs).
d-val's totals did choose among reader runs and ACT_P (2026-11-30), so only (c), e-val and f-val are clean
measures. e was split in the fourth session, f in the fifth and g in the sixth (2026-11-30), each before anyone
read its turns. f-tune and g-tune became trainable in the eighth session (2026-12-01), when the head trained with
them and bank-tune was shipped under a rule set before it was measured (finetune/results/intent-lora.md); g rewords
b, so since then g-val also measures a reader that has seen that writer's other rewordings (as d-val and e-val do). The val halves' ids are frozen in each set's
README (a test checks them). Human turns carry no span labels: the tagger
learns only from the generator's sentences (`spans` is None, no token is graded).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import yaml

from v2m.agent.dialogue.intent_model import LABELS

ROOT = Path(__file__).resolve().parents[1]
_TESTS = ROOT / "tests"
SET_FOLDERS = {"a": _TESTS / "dialogues", "b": _TESTS / "dialogues_personas", "c": _TESTS / "dialogues_heldout",
               "d": _TESTS / "dialogues_d", "e": _TESTS / "dialogues_e",
               "f": _TESTS / "dialogues_f", "g": _TESTS / "dialogues_g", "h": _TESTS / "dialogues_h",
               "i": _TESTS / "dialogues_i", "j": _TESTS / "dialogues_j", "k": _TESTS / "dialogues_k",
               "l": _TESTS / "dialogues_l", "m": _TESTS / "dialogues_m", "n": _TESTS / "dialogues_n",
               "o": _TESTS / "dialogues_o",
               "p": _TESTS / "dialogues_p"}   # fifteenth session: rewordings of d-g (l), h-k (m), d-k (n) tune dialogues; o: eighteenth, three blind writers in new voices; p: twentieth, five more
# Which sets may be trained on and tuned on: a whole set, or the "tune" half of one (by `half_of`).
TRAINABLE = ("a", "b", "d-tune", "e-tune", "f-tune", "g-tune", "h-tune", "i-tune", "j-tune", "k-tune", "l-tune",
             "m-tune", "n-tune", "o-tune", "p-tune", "bank-tune", "family-tune", "bank17-tune")   # a, h..n tune: sixteenth session; o-tune: eighteenth, p-tune: twentieth (the shipped head never trained on either)
GRADED = ("c", "d-val", "e-val", "f-val", "g-val", "h-val", "i-val", "j-val", "k-val",
          "l-val", "m-val", "n-val", "o-val", "p-val")   # the dialogue sets that grade (only their sentences are read here)
# The request bank: single requests with their labels, written by people blind to the code and to every set,
# in three voices (finetune/data/intent_bank/README.md); split by `half_of` on the text, bank-val grades.
BANK = ROOT / "finetune" / "data" / "intent_bank"
# The second request bank (seventeenth session): three new blind writers in other voices, split the same way;
# bank17-tune may be trained on, bank17-val grades (refused by name, as bank-val: neither is in TRAINABLE).
BANKS = {"bank": BANK, "bank17": ROOT / "finetune" / "data" / "intent_bank17"}


def half_of(dialogue_id: str) -> str:
    """The fixed split of sets d and e, by the dialogue's id alone: "tune" when the first byte of sha256(id) is
    even, else "val". Rules and training data come from the tune halves only; the val halves are reported."""
    return "tune" if hashlib.sha256(dialogue_id.encode()).digest()[0] % 2 == 0 else "val"


def label_of(expect: list[dict]) -> str | None:
    """The one intent label a turn's expectations stand for (a tempo ratio above 1 is tempo_up, a balance
    down is balance_down, ...), or None when they name no single label (a question, a key, two edits)."""
    labels = set()
    for e in expect:
        (kind, arg), = e.items()
        if kind == "tempo" and "ratio" in arg:
            labels.add("tempo_up" if arg["ratio"][0] >= 1 else "tempo_down" if arg["ratio"][1] <= 1 else None)
        elif kind == "energy":
            labels.add(f"energy_{arg['change']}")
        elif kind == "shape":
            labels.add("shape_up" if arg["rises"] else "shape_down")
        elif kind == "balance":
            labels.add(f"balance_{arg['change']}")
        elif kind == "loudness":
            labels.add(f"loudness_{arg}")
        elif kind == "mode" and arg in ("major", "minor"):
            labels.add(f"mode_{arg}")
        elif kind == "plays":
            labels.add("add" if arg["playing"] else "remove")
        elif kind == "hit":
            labels.add("hit")
        elif kind in ("style", "style_any"):
            labels.add("style")
        elif kind == "same_as":
            labels.add("revert")
        elif kind in ("nochange", "refuse"):
            labels.add("none")
        elif kind in ("question", "key", "locked", "no_hit", "instrument", "take", "route"):
            return None
    labels.discard(None)
    if labels == {"energy_up", "balance_up"} or labels == {"energy_down", "balance_down"}:
        labels = {sorted(labels)[0]}   # "the bass is lost, more of it": the balance (sorts before energy)
    return labels.pop() if len(labels) == 1 else None


def dialogues(name: str) -> list[dict]:
    """The dialogues of a trainable set.

    Raises:
        ValueError: `name` is not in `TRAINABLE` (d-val, c and anything else grade the model).
    """
    if name not in TRAINABLE:
        raise ValueError(f"set {name!r} cannot be trained on (only {sorted(TRAINABLE)})")
    return load_set(name)


def load_set(name: str) -> list[dict]:
    """The dialogues of a set by name: a, b, c, d, e, or a half (d-tune, d-val, e-tune, e-val), each tagged
    with the file it came from. Graders call this; training goes through `dialogues`, which refuses graders."""
    base, _, half = name.partition("-")
    out = []
    for path in sorted(SET_FOLDERS[base].glob("*.yaml")):
        for d in yaml.safe_load(path.read_text()) or []:
            d["file"] = path.name
            out.append(d)
    return [d for d in out if half_of(d["id"]) == half] if half else out


def bank_items(half: str | None, folder: Path = BANK) -> list[dict]:
    """A bank's items (the request bank's {"text", "label"}, or the place and part banks' under tests/), those of
    one half ("tune" or "val", by `half_of` on the text), or all of them (`half` None)."""
    items = [x for path in sorted(folder.glob("*.yaml")) for x in yaml.safe_load(path.read_text()) or []]
    return [x for x in items if half is None or half_of(x["text"]) == half]


def graded_bank_texts() -> frozenset[str]:
    """Every text of a request bank's val half, lowercased: no training row says one (a bank-tune item may repeat
    a bank17-val one word for word; `half_of` splits each bank by its own text, not across banks)."""
    return frozenset(x["text"].strip().lower() for folder in BANKS.values() for x in bank_items("val", folder))


def said_in_sets() -> frozenset[str]:
    """Every sentence the persona set (b) and the graded sets say, lowercased: the generator writes none of them
    (its templates grow with the grammar's words and once made "louder" and "needs more punch")."""
    return frozenset(t["say"].strip().lower() for name in ("b", *GRADED) for d in load_set(name) for t in d["turns"])


def human_rows(names: list[str]) -> list[dict]:
    """Every labelled turn of the named sets, and the bank's tune half when named, as training rows
    ({"text", "label", "spans": None}), once each; never a sentence that a graded set also says (a writer may
    repeat a line across halves: "Button it on the last frame." is in f-tune and f-val)."""
    rows, seen = [], {t["say"].strip().lower() for name in GRADED for d in load_set(name) for t in d["turns"]
                      if len(t["say"].split()) > 2} | graded_bank_texts()
    for name in names:
        for text, label in _said(name):
            if label and text.strip().lower() not in seen:
                seen.add(text.strip().lower())
                rows.append({"text": text, "label": label, "spans": None})
    return rows


def said_by(names: list[str]) -> frozenset[str]:
    """Every sentence (lower case, stripped) the named trainable sets say, labelled or not: what a fold of a grouped
    cross-validation leaves out of its training rows (`intent_lora --leave-out`), wherever else the same words are said."""
    return frozenset(text.strip().lower() for name in names for text, _ in _said(name))


def _said(name: str) -> list[tuple[str, str | None]]:
    """(sentence, its label or None) of each item of a trainable set: a bank's or the family banks' tune half, or a
    dialogue set's turns (labelled from their expectations, `label_of`)."""
    if name in ("bank-tune", "bank17-tune", "family-tune"):
        items = family_rows() if name == "family-tune" else bank_items("tune", BANKS[name.split("-")[0]])
        return [(x["text"], x["label"]) for x in items]
    return [(t["say"], label_of(t["expect"])) for d in dialogues(name) for t in d["turns"]]


# ------------------------------------------------------------------ the family banks' tune halves
# Each item of tests/<family>_bank that stands for one intent label (intent_model.LABELS) becomes a row; an item
# that asks two changes, points at one setting of an earlier version or needs the chat before it (the follow-ups
# bank) is skipped. Only tune halves are read; the val halves grade.
_LEVEL = {"out": "remove", "in": "add", "up": "balance_up", "down": "balance_down"}


def _amounts(x: dict) -> str | None:
    if "direction" not in x:
        return None
    return f"balance_{x['direction']}" if x["what"] == "level" else f"{x['what']}_{x['direction']}"


def _combos(x: dict) -> str | None:
    kinds = [e["kind"] for e in x["edits"]]
    return {"build": "shape_up", "fade": "shape_down"}.get(kinds[0]) if len(kinds) == 1 else None


def _talk(x: dict) -> str | None:
    return "none" if x["reply"] != "edit" else f"{x['kind']}_{x['direction']}"


# family bank -> the one label an item stands for (None: skipped)
LABEL_OF: dict[str, Callable[[dict], str | None]] = {
    "parts": lambda x: _LEVEL.get(x["change"]),
    "amounts": _amounts,
    "versions": lambda x: "revert" if "whole" in x else None,
    "styles": lambda x: "style",
    "combos": _combos,
    "hits": lambda x: "hit" if "marks" in x else None,
    "talk": _talk,
}


def family_rows() -> list[dict]:
    """Every labelled tune-half item of the family banks, once each, in bank order."""
    rows = []
    for family, label_of in LABEL_OF.items():
        for x in bank_items("tune", _TESTS / f"{family}_bank"):
            if (label := label_of(x)) in LABELS:   # None, or an item no label stands for, is skipped
                rows.append({"text": x["text"], "label": label, "spans": None})
    return rows
