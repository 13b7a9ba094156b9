"""The family banks of issue 11 (tests/places_bank, tests/parts_bank, finetune/data/intent_bank): well formed,
and their graded halves are the ones frozen before anyone read them."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

from v2m.finetune.intent_human import bank_items, half_of

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "bench"))


def _frozen(folder: Path) -> str:
    return re.search(r"hash to\s+sha256 `([0-9a-f]{64})`", (folder / "README.md").read_text()).group(1)


def _items(folder: Path) -> list[dict]:
    return bank_items(None, folder)


@pytest.mark.parametrize("name", ["places_bank", "parts_bank"])
def test_the_val_half_is_the_one_frozen_before_anyone_read_it(name):
    items = _items(HERE / name)
    val = "".join(t + "\n" for t in sorted(x["text"] for x in items if half_of(x["text"]) == "val"))
    assert hashlib.sha256(val.encode()).hexdigest() == _frozen(HERE / name)
    assert len({x["text"] for x in items}) == len(items) > 150


def test_every_place_item_names_a_stretch_inside_its_clip():
    from bench_places import CLIPS

    for x in _items(HERE / "places_bank"):
        a, b = x["span"]
        assert x["clip"] in CLIPS and 0 <= a < b <= CLIPS[x["clip"]]["duration"], x["text"]


def test_every_part_item_names_a_part_its_style_has_or_a_new_one():
    from bench_parts import CLIP, REQUEST
    from dialogue_check import clip_analysis

    from v2m.agent.planners.rules import RulesPlanner
    from v2m.tools.style import load_style

    a = clip_analysis(CLIP)
    roles = {}
    for style, request in REQUEST.items():
        plan = RulesPlanner().plan(a, request).plan
        assert plan.style == style
        roles[style] = set({**load_style(plan.style).instruments, **plan.instrumentation})
    for x in _items(HERE / "parts_bank"):
        assert x["change"] in ("out", "down", "up", "in"), x["text"]
        assert (x["part"] in roles[x["style"]]) == (x["change"] != "in"), x["text"]
