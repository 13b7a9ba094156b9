"""The family banks' tune halves as intent-model training rows: each item of tests/<family>_bank that stands for
one intent label (intent_model.LABELS) becomes {"text", "label", "spans": None}; an item that asks two changes,
points at an earlier version's one setting or needs the chat before it to be read (the follow-ups bank) is skipped.
Only tune halves are read (`bank_items("tune", ...)`); the val halves grade.

    from v2m.finetune.family_rows import family_rows
    rows = family_rows()     # what intent_human.human_rows adds for the set name "family-tune"
"""

from __future__ import annotations

from collections.abc import Callable

from v2m.finetune.intent_human import _TESTS, bank_items

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
            if label := label_of(x):
                rows.append({"text": x["text"], "label": label, "spans": None})
    return rows
