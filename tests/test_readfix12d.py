"""What readback12b found in the twelfth session's merged diff (notes READBACK12B_REPORT, items 1-6 and 8-14), each
through a real Session on the 60 s clip cut every 4 s (jazz: drums, bass, piano, sax), in the report's wording and in
another, with a guard that what the change it mends wanted still holds."""

from __future__ import annotations

import pytest
from edit_clips import long_clip


def _open(tmp_path, request: str):
    from v2m.agent.dialogue.session import Session

    a = long_clip()
    return Session.open(a.source, request, workdir=tmp_path / "store", analysis=a, render=False)


@pytest.fixture()
def jazz(tmp_path):
    return _open(tmp_path, "jazz")


def _energies(plan) -> list[float]:
    return [s.energy for s in plan.sections]


def _levels(plan, part: str) -> list[float]:
    return [(s.levels_db or {}).get(part, 0.0) for s in plan.sections]


# ----------------------------------------------------------------------------- 1. the climax as the subject

@pytest.mark.parametrize("said", ["the climax is too loud", "the peak is too loud", "the climax is way too loud for me"])
def test_the_climax_as_the_subject_of_a_complaint_is_lowered(jazz, said):
    # before: "much more energy" replaced "the climax" wherever no preposition came before it: "Fuller or sparser?"
    before = _energies(jazz.plan)
    top = before.index(max(before))
    r = jazz.say(said)
    assert r.changed and not r.question, r.reply
    after = _energies(jazz.plan)
    assert after[top] < before[top] and all(a <= b for a, b in zip(after, before)), (before, after)


def test_praise_of_the_climax_raises_nothing(jazz):
    # before: "I love the climax" gave more energy (0.88 -> 1.00) in the climax
    before = _energies(jazz.plan)
    jazz.say("I love the climax")
    assert all(a <= b for a, b in zip(_energies(jazz.plan), before))


@pytest.mark.parametrize("said", ["the last shot should be the climax", "I want the ending to be the biggest moment"])
def test_a_place_wished_to_be_the_peak_still_rises_there(jazz, said):
    # 929ae51: a place wished to be the peak is much more energy there
    before = _energies(jazz.plan)
    r = jazz.say(said)
    after = _energies(jazz.plan)
    assert r.changed and after[-1] > before[-1], r.reply
    assert after[:7] == before[:7]
