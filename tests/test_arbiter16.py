"""Where the learned reader and the grammar disagree (notes ARBITER16): a part drowned by another part is one request,
the drowned part up or the loud part down, so a model sure of the other direction (it placed the edit on the other
part) is no reason to ask; the grammar's reading stands. One part named and a sure opposite reading still asks."""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.arbiter import _refined, OPPOSITE, choose
from v2m.agent.dialogue.edits import read_request
from v2m.agent.dialogue.intent_model import Prediction
from v2m.agent.dialogue.model_labels import label_of


@pytest.mark.parametrize("said", [
    "The drums are drowning out the tune a little bit",            # k-tune, the turn the arbiter asked about
    "drums r burying the sax lol",                                  # texting
    "the sax gets lost under the drums",                            # describing what is heard
    "the piano is swamped by the drums, bring the piano out",       # the cause, then what to do
    "tune is buried by drums",                                      # clipped, a learner
    "drums are too loud compared to the sax",                       # a comparison
    "the sax is too quiet next to the piano",
])
def test_one_part_over_another_keeps_the_grammars_balance_against_a_sure_other_direction(jazz30, said):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    balance = [it for it in rules if it.what == "balance"]
    assert balance, said
    other = f"balance_{OPPOSITE[balance[0].direction]}"   # the model placed it on the other part: the other direction
    # before: a model this sure (0.998 for the k-tune turn) of the other direction made the turn a question
    c = choose(rules, Prediction(other, 0.998, "none", 0.001), said)
    assert c.how == "rules", c.question
    assert label_of(balance[0]) != other


@pytest.mark.parametrize("said, other", [("the sax louder", "balance_down"), ("less piano please", "balance_up")])
def test_one_part_and_a_sure_opposite_reading_still_asks(jazz30, said, other):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    c = choose(rules, Prediction(other, 0.99, "none", 0.0), said)
    assert c.how == "ask" and len(c.options) == 2


def test_a_drowned_part_in_a_chat_changes_the_balance_without_a_question(jazz_chat):
    turn = jazz_chat.say("cant hear the sax over the drums")
    assert turn.changed and not turn.question, turn.reply


@pytest.mark.parametrize("said", [
    "The trumpets are a bit overpowering; could you balance them against the strings?",   # b: the CV head read it up
    "it's too slow, give it a kick up the backside",        # e-tune's idiom: "kick" is no drum to turn down
    "the piano sounds tired, perk it up",
    "the bass is a bit lifeless, liven it up",
    "the bass feels a bit flat, give it some life",
])
def test_a_parts_energy_is_never_refined_into_the_other_direction(jazz30, said):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    energy = [it for it in rules if it.what in ("energy", "mood")]
    assert energy, said
    other = f"balance_{OPPOSITE[label_of(energy[0]).split('_')[-1]]}"
    # before: a balance of the other direction (0.76-0.8 in the cross-validation) turned "less" into "more"; the
    # model says what (that part's balance), the grammar which way: the refined balance keeps the grammar's direction
    # (merge16: refusing the refinement read "the brass is a bit weak" with no brass as more energy everywhere)
    choice = choose(rules, Prediction(other, 0.95, "none", 0.01), said)
    if "kick" in said:   # "a kick up the backside": no drum named, the grammar's energy
        assert choice.how == "rules"
    else:
        assert choice.how == "refine"
        refined = [it for it in _refined(choice.label, 0.95, rules, said) if it.what == "balance"]
        assert refined and all(it.direction == label_of(energy[0]).split("_")[-1] for it in refined), refined
    if "kick" not in said:   # the same direction still refines: the part's balance
        same = f"balance_{label_of(energy[0]).split('_')[-1]}"
        assert choose(rules, Prediction(same, 0.95, "none", 0.01), said).how == "refine"


@pytest.mark.parametrize("said", [
    "ooh no, too slow now, meet me halfway",   # d-tune: a frozen head 0.998 sure of slower ("slow")
    "way too slow now lol", "its too quick", "bit too sad for a wedding tbh", "far too sleepy",
    "hmm the sax is too loud now", "not so fast",
])
def test_a_complaint_keeps_the_grammars_way_against_a_model_sure_of_the_words_own_way(jazz30, said):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    assert rules, said
    mine = label_of(rules[0])
    what, way = mine.rsplit("_", 1)
    other = f"mode_{'minor' if way == 'major' else 'major'}" if what == "mode" else f"{what}_{OPPOSITE[way]}"
    # before: "I read that as faster, but it could also mean slower. Which one?" (the model read "slow" as slower)
    c = choose(rules, Prediction(other, 0.999, "none", 0.001), said)
    assert c.how == "rules", c.question
