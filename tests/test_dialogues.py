"""A quick subset of the edit-following benchmark (tests/bench/bench_dialogues.py runs all of them):
scripted dialogues through a real Session, expectations checked on the plan and on the composed MIDI."""

from __future__ import annotations

import pytest
from dialogue_check import load_dialogues, run_dialogue

QUICK = ["bikes-second-half", "bikes-lock", "bikes-hit", "bikes-solo", "bikes-undo-redo", "long-second-half-slower",
         "mid-strings-ending", "mid-lock-then-global", "like-spooky", "like-nonsense", "irr-ask", "mid-hit-every-cut",
         "long-shot-slower",  # splits sections: the ones after keep their notes
         "bikes-take-shot2", "bikes-like-route-switch"]


def test_there_are_at_least_60_dialogues_over_real_and_synthetic_clips():
    ds = load_dialogues()
    assert len(ds) >= 60 and len({d["id"] for d in ds}) == len(ds)
    assert any(d["clip"] == "bikes" for d in ds) and any(isinstance(d["clip"], dict) for d in ds)
    assert all(t["expect"] for d in ds for t in d["turns"])


@pytest.mark.parametrize("dialogue_id", QUICK)
def test_dialogue(dialogue_id, tmp_path):
    d = next(x for x in load_dialogues() if x["id"] == dialogue_id)
    outcomes = run_dialogue(d, tmp_path / "store")
    bad = [f"turn {o.n} '{o.say}': " + "; ".join(o.failures) for o in outcomes if not o.ok]
    assert not bad, "\n".join(bad)
