"""Going back in the conversation as other people say it (session 30; the blind data is tests/wordings30): things
kept as they are now beside a going back, reasons and complaints beside it no edit of their own, a version named by
its style or by how it was, two edits undone in one breath, lists of things put back. Each test plays earlier edits
on the 60 s clip (`edit_clips.open_long`), then one message, and compares what plays against the plans after each
earlier edit. The phrasings are this file's own, not the blind writers'."""

import pytest

from edit_clips import open_long
from v2m.agent.dialogue.operations import effective_roles

TIMES = [1.0 + 2.0 * i for i in range(30)]


def _state(plan) -> dict:
    """What a listener hears of a plan, by aspect, sampled every 2 s."""
    secs = [plan.sections[plan.section_at(t)] for t in TIMES]
    return {"tempo": [round(x.tempo_bpm or plan.tempo_bpm, 1) for x in secs],
            "loudness": [plan.loudness_lufs, *(round(x.energy, 3) for x in secs)],
            "instruments": [sorted(effective_roles(plan, x)) for x in secs] + [sorted(plan.instrumentation.items())],
            "style": plan.style, "key": (plan.key, plan.mode),
            "hits": sorted(round(h.time_s, 1) for h in plan.hit_points if h.source == "user")}


def _played(tmp_path, style: str, before: list[str], said: str):
    """The session's states (0: the first score, k: after the k-th earlier message) and the turn on `said`."""
    s = open_long(tmp_path, style)
    states = [_state(s.plan)]
    for m in before:
        v = s.version
        s.say(m)
        assert s.version != v, m   # each earlier message made a version
        states.append(_state(s.plan))
    turn = s.say(said)
    return states, _state(s.plan), turn


def _as(states: list[dict], now: dict, **want: int) -> list[str]:
    """The aspects of `now` not as in the state `want` names for them (the rest: as in the last state)."""
    last = len(states) - 1
    return [a for a in now if now[a] != states[want.get(a, last)][a]]


@pytest.mark.parametrize("style, before, said, want", [
    # a keep clause beside a going back: that thing stays as it is now
    ("folk", ["remove the bass", "make it faster"], "the old speed suited it better. leave the bass out", {"tempo": 0}),
    ("jazz", ["make it louder", "make it minor", "remove the bass"], "scrap the minor and the bass thing but keep it loud",
     {"key": 1, "instruments": 1}),
    ("rock", ["make it slower", "add a piano", "make it quieter"], "back out the last two edits, the quiet can stay",
     {"tempo": 1, "instruments": 1}),
    ("electronic", ["switch to cinematic", "make it quieter"], "go back to the electronic one, leave the volume down",
     {"style": 0, "instruments": 0}),
    ("jazz", ["no bass after 0:40", "make it faster", "add a hit at 0:14"], "revert everything except the accent",
     {"tempo": 0, "instruments": 0}),
    ("rock", ["faster in the second half", "remove the drums"], "bring the drums back but leave the second-half speed-up",
     {"instruments": 0}),
    # a reason beside a going back is why, no edit of its own
    ("jazz", ["switch to electronic", "remove the drums", "make it louder"], "go back to version 3, the louder one was too much",
     {"loudness": 2}),
    ("jazz", ["make it louder"], "Way too loud now. Could it go back to how it was?", {"loudness": 0}),
    ("cinematic", ["remove the bass", "make it major"], "hey where did the bass go? put it back, the major is fine",
     {"instruments": 0}),
    # a version by its style, by how it was, or by the edit before it
    ("jazz", ["switch to cinematic"], "nah, back to the jazz version", {"style": 0, "instruments": 0}),
    ("rock", ["make it quieter", "remove the drums", "make it slower"], "take me back to when it was only quieter",
     {"tempo": 1, "loudness": 1, "instruments": 1}),
    ("rock", ["remove the drums", "make it slower"], "Before I took the drums out it was working, go back to that",
     {"tempo": 0, "instruments": 0}),
    ("electronic", ["make it major", "add strings", "make it louder"], "all the edits, forget them", {a: 0 for a in (
        "key", "instruments", "loudness")}),
    ("electronic", ["add a hit at 0:14", "make it slower"], "could it sound like at first?", {"tempo": 0, "hits": 0}),
    # lists of things put back, and two edits undone at once
    ("jazz", ["remove the drums", "add a hit at 0:14", "make it faster"], "drums back, tempo back, keep the hit",
     {"instruments": 0, "tempo": 0}),
    ("classical", ["make it faster", "make it minor", "add a hit at 0:14"], "get rid of the minor thing and the hit",
     {"key": 0, "hits": 0}),
    ("folk", ["make it quieter", "add a piano", "louder from 0:40 on"], "it was nicer before all the volume changes",
     {"loudness": 0, "instruments": 0}),    # session 31: an edit named with its clock times, a stretch kept by what the edit made of it, one thing as it was
    # before a named edit
    ("rock", ["slower from 0:20 to 0:40", "add strings"], "cancel the slowdown from 0:20 to 0:40", {"tempo": 0}),
    ("jazz", ["slower from 0:20 to 0:40", "make it louder"], "the old volume was better, the slow middle can stay",
     {"loudness": 1}),
    ("folk", ["make it slower", "add strings", "make it faster"], "the speed from before the speed-up was right",
     {"tempo": 2}),
    ("folk", ["faster in the second half", "remove the drums", "make it quieter"],
     "That speed-up in the second half killed the mood. Lose it. Drums can stay out, volume is fine.", {"tempo": 0}),
])
def test_going_back_keeps_what_is_said_and_nothing_else(tmp_path, style, before, said, want):
    states, now, turn = _played(tmp_path, style, before, said)
    assert not turn.question, turn.reply
    if "instruments" not in want and list(want) == ["style"]:
        want["instruments"] = want["style"]
    assert _as(states, now, **want) == [], turn.reply
    assert "did not act on" not in turn.reply, turn.reply   # no reason or keep reported as unread


def test_lose_the_hit_takes_the_persons_own_mark_not_the_styles(tmp_path):
    s = open_long(tmp_path, "electronic")
    s.say("add a hit at 0:14")
    style_marks = [h.time_s for h in s.plan.hit_points if h.source != "user"]
    turn = s.say("lose the hit")
    assert not turn.question, turn.reply
    assert not [h for h in s.plan.hit_points if h.source == "user"]
    assert [h.time_s for h in s.plan.hit_points if h.source != "user"] == style_marks   # the cuts' own marks stay


def test_lose_the_hit_with_two_made_asks_which(tmp_path):
    s = open_long(tmp_path, "electronic")
    s.say("add a hit at 0:14")
    s.say("add a hit at 0:30")
    before = s.plan
    turn = s.say("lose the hit")
    assert turn.question and "0:14" in turn.reply and "0:30" in turn.reply
    assert s.plan == before


def test_a_keep_beside_a_new_edit_is_no_going_back(tmp_path):
    """"calmer, but keep the tempo" after an edit is the calmer edit, nothing taken back."""
    s = open_long(tmp_path, "jazz")
    s.say("make it faster")
    fast = _state(s.plan)
    turn = s.say("calmer from 0:20 on, but keep the tempo")
    now = _state(s.plan)
    assert not turn.question, turn.reply
    assert now["tempo"] == fast["tempo"]
    assert now["loudness"] != fast["loudness"]
