"""The family banks of issue 11 (tests/*_bank, finetune/data/intent_bank): well formed, and their graded halves
are the ones frozen before anyone read them."""

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


BANKS = ["places_bank", "parts_bank", "amounts_bank", "versions_bank", "styles_bank", "combos_bank", "followups_bank",
         "hits_bank", "talk_bank", "clips_bank", "typos_bank"]


@pytest.mark.parametrize("name", BANKS)
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


def test_every_amount_item_asks_one_quantity_one_way_by_one_size():
    from bench_amounts import BINS, SIZES

    for x in _items(HERE / "amounts_bank"):
        sizes = [k for k in ("size", "bpm", "by_bpm", "percent", "db") if k in x]
        assert x["what"] in BINS and x["direction"] in ("up", "down") and len(sizes) == 1, x["text"]
        assert ("part" in x) == (x["what"] == "level") and x.get("size", "small") in SIZES, x["text"]


def test_every_version_item_names_a_version_the_chat_had():
    from bench_versions import HISTORY, THINGS

    for x in _items(HERE / "versions_bank"):
        n = x["whole"] if "whole" in x else x["as_in"]
        assert 1 <= n <= len(HISTORY) and ("whole" in x or x["thing"] in THINGS), x["text"]


def test_every_style_item_accepts_only_styles_v2m_plays():
    from v2m.tools.style import style_names

    names = set(style_names())
    for x in _items(HERE / "styles_bank"):
        assert 1 <= len(x["styles"]) <= 3 and set(x["styles"]) <= names - {"jazz"}, x["text"]


def test_every_combo_item_asks_known_changes_on_stretches_inside_the_clip():
    from bench_combos import CLIP, KINDS

    for x in _items(HERE / "combos_bank"):
        assert 1 <= len(x["edits"]) <= 3, x["text"]
        for e in x["edits"]:
            a, b = e["span"]
            assert e["kind"] in KINDS and 0 <= a < b <= CLIP["duration"], x["text"]


def test_every_followup_names_its_first_change_and_what_it_means():
    from bench_followups import ROLE, SETUPS, THENS

    for x in _items(HERE / "followups_bank"):
        assert x["setup"] in SETUPS and x["then"] in THENS, x["text"]
        if x["then"] in ("there_too", "instead"):
            a, b = x["span"]
            assert 0 <= a < b <= 30, x["text"]
        if x["then"] == "other_part":
            assert x["part"].lower() in ROLE or x["part"], x["text"]


def test_every_hit_item_marks_a_moment_inside_the_clip():
    for x in _items(HERE / "hits_bank"):
        assert ("marks" in x) + ("silent" in x) + ("unmark" in x) == 1, x["text"]
        for m in x.get("marks", []):
            assert 0 <= m["at"] <= 30 and m["kind"] in ("accent", "crash", "stab", "swell", "stop"), x["text"]
        if "silent" in x:
            assert 0 <= x["silent"][0] < x["silent"][1] <= 30, x["text"]


def test_every_talk_item_says_what_reply_it_wants():
    for x in _items(HERE / "talk_bank"):
        assert x["reply"] in ("answer", "thanks", "edit"), x["text"]
        if x["reply"] == "answer":
            assert x["about"] in ("tempo", "key", "style", "parts", "changes", "cuts"), x["text"]
        if x["reply"] == "edit":
            assert x["kind"] in ("energy", "tempo", "loudness") and x["direction"] in ("up", "down"), x["text"]


def test_the_family_rows_are_tune_items_with_one_known_label_each():
    from v2m.agent.dialogue.intent_model import LABELS
    from v2m.finetune.intent_human import LABEL_OF, family_rows

    rows = family_rows()
    tune = {x["text"] for f in LABEL_OF for x in bank_items("tune", HERE / f"{f}_bank")}
    assert len(rows) > 400 and all(x["label"] in LABELS and x["text"] in tune for x in rows)
    assert not {x["text"] for x in rows} & {x["text"] for f in LABEL_OF for x in bank_items("val", HERE / f"{f}_bank")}


def test_every_clips_item_has_a_clip_and_its_stretches_lie_inside_it():
    from bench_combos import KINDS

    for x in _items(HERE / "clips_bank"):
        d, cuts = x["clip"]["duration"], x["clip"]["cuts"]
        assert isinstance(x["request"], str) and x["request"]
        assert cuts == sorted(cuts) and all(0 < c < d for c in cuts), x["text"]
        for e in x["edits"]:
            a, b = e["span"]
            assert e["kind"] in KINDS and 0 <= a < b <= d, x["text"]
