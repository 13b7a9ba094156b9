"""Pointing back to an earlier version, said the many ways people say it, through a real Session: a version by its
number in words or by an ordinal noun ("draft three", "the 2nd take"), the first score ("how it originally was",
"square one"), undo said so many times ("undo that three times", "cmd+z twice"), a version named by the edit after
it in past-tense words ("before you added the flute", "everything after removing the bass was a mistake"), and one
thing alone as in a version ("the original speed back", "the bass from version 1, leave everything else"), the rest
of the score as it is now.

The history (versions as the chat numbers them): 1 the first folk score; 2 "a bit faster"; 3 "no bass";
4 "add a flute"; 5 "a little louder". Version 5 plays now."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dialogue_check import clip_analysis  # noqa: E402
from v2m.agent.dialogue.operations import effective_roles  # noqa: E402
from v2m.agent.dialogue.session import Session  # noqa: E402

CLIP = {"duration": 40, "cuts": [10, 20, 30]}
HISTORY = ("a bit faster", "no bass", "add a flute", "a little louder")


def _state(plan, times):
    """What these tests compare: the tempo, whether bass and flute play (per shot), the loudness."""
    secs = [plan.sections[plan.section_at(t)] for t in times]
    roles = [effective_roles(plan, s) for s in secs]
    return {"tempo": tuple(round(s.tempo_bpm or plan.tempo_bpm, 1) for s in secs),
            "bass": tuple("bass" in r for r in roles),
            "flute": tuple(any(plan.instrumentation.get(x, "").lower().startswith("flute") for x in r) for r in roles),
            "loudness": plan.loudness_lufs}


@pytest.fixture()
def chat(tmp_path):
    a = clip_analysis(CLIP)
    times = [(sh.start_s + sh.end_s) / 2 for sh in a.shots]
    s = Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)
    states = [_state(s.plan, times)]
    for text in HISTORY:
        r = s.say(text)
        states.append(_state(s.plan, times))
        assert not r.question and states[-1] != states[-2], (text, r.reply)
    return s, times, states


def _said(chat, request):
    s, times, states = chat
    r = s.say(request)
    assert not r.question, r.reply
    return _state(s.plan, times), states


@pytest.mark.parametrize("request_,version", [
    ("let's use draft three", 3), ("version two please", 2), ("v2", 2), ("the 2nd take was the one, that please", 2),
    ("put everything back to how it originally was", 1), ("ok back to square one", 1),
    ("scrap all of it, the initial version", 1), ("rewind to the original", 1), ("reset to the first draft", 1),
    ("cmd-z", 4), ("undo that three times", 2), ("ctrl+z twice", 3), ("step back three", 2),
    ("the mix right after we dropped the bass", 3),
    ("I liked it better before you added the flute", 3),
    ("before we got rid of the bass it sounded much better, back to that please", 2),
    ("return to the state before I asked for the flute", 3),
    ("everything after removing the bass has been a mistake", 3),
    ("go back to v3, the one with no bass", 3)])
def test_a_whole_version_named_any_way_comes_back(chat, request_, version):
    got, states = _said(chat, request_)
    assert got == states[version - 1]


@pytest.mark.parametrize("request_,thing,version", [
    ("give me the original speed back", "tempo", 1), ("tempo: same as the first draft", "tempo", 1),
    ("only revert the speed change", "tempo", 1), ("could you undo just the speeding up? rest as is", "tempo", 1),
    ("the bass from version 1 please, leave everything else as it is", "bass", 1),
    ("can the bass come back, exactly like it was", "bass", 1), ("i want the v2 bass back", "bass", 2),
    ("take the flute back out", "flute", 3), ("version 3 had no flute and I liked that. drop the flute", "flute", 3),
    ("forget the flute idea", "flute", 3), ("flute off again", "flute", 3),
    ("the bass was better in the original", "bass", 1), ("the pace felt right in version 1", "tempo", 1),
    ("could it be as quick as it was originally", "tempo", 1), ("I regret speeding it up", "tempo", 1),
    ("adding the flute was a bad idea", "flute", 3)])
def test_one_thing_as_in_a_version_and_the_rest_as_now(chat, request_, thing, version):
    got, states = _said(chat, request_)
    assert got == {**states[-1], thing: states[version - 1][thing]}


@pytest.mark.parametrize("request_,version", [
    ("go back to the one without the bass and without the flute", 3),
    ("bring back the version with the flute but no bass", 4),
    ("back to how it sounded when it was quicker but still had the bass", 2),
    ("the version when it was slow", 1)])
def test_a_version_described_by_its_parts_is_the_latest_earlier_one_so(chat, request_, version):
    got, states = _said(chat, request_)
    assert got == states[version - 1]


def test_a_part_dialled_back_is_turned_down_not_taken_back(chat):
    s, times, states = chat
    before = s.plan
    r = s.say("dial the flute back a little")
    assert not r.question and _state(s.plan, times)["flute"] == states[-1]["flute"]
    lead = next(x for x, name in s.plan.instrumentation.items() if name.lower().startswith("flute"))
    def level(plan):
        return sum(x.levels_db.get(lead, 0.0) for x in plan.sections)

    assert level(s.plan) < level(before)


@pytest.mark.parametrize("request_", ["shot 2 sounded nicer before, only there, leave the tempo",
                                      "put shot 2 back the way it was", "the second shot like version 1 please"])
def test_a_place_that_was_better_before_gets_back_only_its_own_earlier_state(tmp_path, request_):
    a = clip_analysis(CLIP)
    s = Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)
    first = s.plan
    for text in ("busier in the second shot", "slower"):
        assert not s.say(text).question
    slower = s.plan
    r = s.say(request_)
    assert not r.question, r.reply
    at = [(sh.start_s + sh.end_s) / 2 for sh in a.shots]
    energy = [s.plan.sections[s.plan.section_at(t)].energy for t in at]
    assert energy[1] == first.sections[first.section_at(at[1])].energy   # shot 2 as before it got busier
    assert [energy[0], *energy[2:]] == [slower.sections[slower.section_at(t)].energy for t in at if t != at[1]]
    assert s.plan.tempo_bpm == slower.tempo_bpm


def test_losing_all_of_something_is_no_return_to_the_first_score(chat):
    s, times, states = chat
    r = s.say("lose all the flute stuff")
    assert not r.question and _state(s.plan, times)["tempo"] == states[-1]["tempo"]   # v1 was slower
    assert not any(_state(s.plan, times)["flute"])


def test_everything_after_an_edit_called_a_mistake_keeps_that_edit(chat):
    got, states = _said(chat, "honestly everything since adding the flute has been a mistake")
    assert got == states[3]


@pytest.mark.parametrize("said", ["brilliant. keep everything else exactly as it is", "nice. leave everything else exactly how it is"])
def test_the_rest_said_to_stay_beside_praise_only_is_a_sign_off(tmp_path, said):
    a = clip_analysis(CLIP)
    s = Session.open(a.source, "jazz", workdir=tmp_path / "store", analysis=a, render=False)
    before = s.plan
    turn = s.say(said)
    assert s.plan == before and not turn.changed and "left the score exactly as it is" in turn.reply, turn.reply
