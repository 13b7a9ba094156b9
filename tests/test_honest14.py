"""The generated honesty probe (tests/bench/bench_honesty.py) as a guard: one chain from each family of reply the
fourteenth session added, said to a chat Session, every turn judged from its two plans alone by
tests/dialogue_honesty.py (the kinds of change its first line claims are the kinds in which the plans differ), and
the reply line the family owns checked against what the plans show."""

from __future__ import annotations

import pytest
from dialogue_honesty import honesty, plan_differences

from v2m.agent.dialogue.operations import effective_roles

CHAINS = [
    ("unread", ["more energy and make the key more zorky"]),
    ("feeling", ["can it feel a bit more nostalgic?"]),
    ("standing", ["no drums", "make it rock", "faster at the end"]),
    ("keyed", ["in C major", "way too sad"]),
    ("doubled", ["every piano part louder"]),
    ("unplayed", ["the sax is too loud and make it faster"]),
    ("hedged", ["maybe no drums, and faster"]),
    ("shape", ["start with just piano, and faster"]),
    ("marks", ["a sting on the second and third cuts, hard out"]),
    ("fade", ["fade out at the end"]),
    ("culture", ["make it Japanese"]),
    ("tempo", ["the end at 70 bpm and calmer"]),
    ("versions", ["louder at the end", "the ending as it was before"]),
]


def _judged(chat, chain):
    out = []
    for said in chain:
        old = chat.plan
        turn = chat.say(said)
        out.append((said, turn, old, chat.plan, honesty(turn, old, chat.plan)))
    return out


@pytest.mark.parametrize("family, chain", CHAINS, ids=[c[0] for c in CHAINS])
def test_every_generated_turn_claims_what_its_plans_show(jazz_chat, family, chain):
    for said, turn, old, new, wrong in _judged(jazz_chat, chain):
        assert not wrong, (said, turn.reply)


@pytest.mark.parametrize("family, chain", CHAINS, ids=[c[0] for c in CHAINS])
def test_on_the_bikes_clip_too(bikes_chat, family, chain):
    for said, turn, old, new, wrong in _judged(bikes_chat, chain):
        assert not wrong, (said, turn.reply)


def test_a_feeling_already_in_its_key_names_the_energy_and_tempo_it_moved(bikes_chat):
    # "way too sad" in C major already: the reply's first line names the tempo and energy the plans show moved
    bikes_chat.say("in C major")
    old = bikes_chat.plan
    turn = bikes_chat.say("way too sad")
    assert plan_differences(old, bikes_chat.plan) == {"tempo", "energy"}
    first = turn.reply.split("\n")[0]
    assert "BPM" in first and "energy" in first


def test_a_standing_prohibition_keeps_the_part_out_and_says_nothing_of_it_in_the_claims(jazz_chat):
    jazz_chat.say("no drums")
    old = jazz_chat.plan
    turn = jazz_chat.say("make it rock")
    assert "style" in plan_differences(old, jazz_chat.plan)
    assert not any("drums" in effective_roles(jazz_chat.plan, s) for s in jazz_chat.plan.sections)
    assert not honesty(turn, old, jazz_chat.plan), turn.reply


@pytest.mark.parametrize("said", ["the key moment is at 0:05", "the route changes at 0:07", "the car is locked at 0:04"])
def test_a_moment_told_whose_words_name_a_kind_of_change_is_judged_honest(jazz_chat, said):
    # 'Nothing changed; noted for later: "the key moment" is 0:05.' is true (the plan is unchanged); the quoted
    # words "key", "route", "locked" were read as claims on the first line: the judge now skips a user's quoted words
    old = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert jazz_chat.plan == old and turn.reply.startswith("Nothing changed; noted for later:"), turn.reply
    assert not honesty(turn, old, jazz_chat.plan), turn.reply
