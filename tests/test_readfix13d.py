"""What the read-back of the thirteenth session's later merges found (notes READBACK13B_REPORT, items 1-3, 5-13 and
the twins 14-15), each through a real Session on the synthetic jazz clip (60 s cut every 4 s: shots 1-15), in the
report's wording and in other words, with a guard that what the merged branch wanted still works."""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.operations import effective_roles


@pytest.fixture()
def session(jazz_long):
    return jazz_long


def _level(plan, role: str) -> list[float]:
    return [s.levels_db.get(role, 0.0) for s in plan.sections]


def _roles(plan) -> list[set[str]]:
    return [set(effective_roles(plan, s)) for s in plan.sections]


# ----------------------------------------------------------------------------- 1. a wish for a part far out front

@pytest.mark.parametrize("said, db", [("I want the sax way up front", 8.0), ("put the sax far out front", 5.0),
                                       ("the sax should be way out front", 5.0),
                                       # mine
                                       ("I'd like the sax far up front", 5.0)])
def test_a_part_wished_far_out_front_comes_up(session, said, db):
    # before: "way/far out front" was read as "too far out front": the sax down 5-8 dB
    turn = session.say(said)
    assert turn.changed and set(_level(session.plan, "melody")) == {db}, turn.reply


@pytest.mark.parametrize("said", ["the sax is way out front", "the drums are far up front", "the sax sits too far out front",
                                  "the sax is way too far out front"])
def test_a_part_said_to_be_far_out_front_still_goes_down(session, said):
    # left13a: said as how the part is now, it is a complaint
    turn = session.say(said)
    assert turn.changed and all(v < 0 for s in session.plan.sections for v in s.levels_db.values()), turn.reply
