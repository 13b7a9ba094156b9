"""Readings of set i's tune half (prefix i-c), each tested in other words than the set's, through a chat Session:
a key typed in lower case ("put it in e minor") is that key; "more punch" as an amount is energy over the stretch
said, not a stab on its cut; "from there to the end" / "from there on" runs from where the last edit was to the end
of the video, also when that edit was a mark on a named cut that was already there."""

from __future__ import annotations

import pytest
from edit_clips import open_chat

from v2m.agent.dialogue.operations import effective_roles


@pytest.fixture()
def session(tmp_path):
    return open_chat(tmp_path, "upbeat folk")   # 30 s, cuts at 6, 13 and 21 s


@pytest.mark.parametrize("said, key, mode", [("could we have it in d minor?", "D", "minor"),
                                             ("switch to f sharp major please", "F#", "major"),
                                             ("g minor would suit the title music", "G", "minor")])
def test_a_key_typed_in_lower_case_is_that_key(session, said, key, mode):
    # before: the letter was not read, only the mode ("in d minor": the same tonic in minor)
    session.say(said)
    assert (session.plan.key, session.plan.mode) == (key, mode)


def test_a_minor_change_is_still_no_key(session):
    before = session.plan.key
    session.say("a minor change: slower please")
    assert session.plan.key == before


@pytest.mark.parametrize("said", ["give it more punch from the 2nd cut on", "some extra punch after the second cut"])
def test_punch_as_an_amount_is_energy_over_the_stretch(session, said):
    # before: "punch" was a mark, so the cut at 0:13 got a stab and the music stayed as it was
    before = session.plan
    session.say(said)
    after = session.plan
    assert not [h for h in after.hit_points if h.kind == "stab"]
    for s in after.sections:
        e0 = before.sections[before.section_at((s.start_s + s.end_s) / 2)].energy
        assert (s.energy > e0) == (s.start_s >= 13 - 0.05), (s.start_s, e0, s.energy)


def test_a_punch_on_a_cut_is_still_a_mark(session):
    session.say("a punch on the third cut")
    assert any(abs(h.time_s - 21) < 0.1 and h.kind == "stab" for h in session.plan.hit_points)


@pytest.mark.parametrize("then", ["from there on, build it up gradually", "from there to the very end, more energy"])
def test_from_there_runs_from_the_last_edit_to_the_end(session, then):
    session.say("calmer in shot 2")   # 6-13 s
    before = session.plan
    session.say(then)
    after = session.plan
    for t in (3, 9, 17, 25):
        changed = after.sections[after.section_at(t)].energy != before.sections[before.section_at(t)].energy
        assert changed == (t > 6), t
    # before: "there" was shot 2 alone, so nothing after 0:13 moved


def test_from_there_after_a_mark_already_on_a_named_cut(session):
    session.say("a crash on the third cut")
    session.say("a crash on the third cut, it's where the car lands")   # already there: nothing changes
    before = session.plan
    session.say("from there to the end, make it calmer")
    after = session.plan
    for t in (3, 9, 17, 25):
        changed = after.sections[after.section_at(t)].energy != before.sections[before.section_at(t)].energy
        assert changed == (t > 21), t   # before: the whole score got calmer


@pytest.mark.parametrize("event, again", [("she arrives on the second cut", "after her arrival, bring in strings"),
                                          ("he lands on the second cut", "after the landing, bring in strings")])
def test_a_happening_said_with_a_verb_is_named_again_by_its_noun(session, event, again):
    # before: "the arrival" was asked about ("Where do you mean by 'after her arrival'?") and nothing changed
    session.say(f"{event}, a crash there")
    turn = session.say(again)
    assert turn.changed, turn.reply
    plan = session.plan
    for s in plan.sections:
        assert ("strings" in effective_roles(plan, s)) == (s.start_s >= 13 - 0.05), (s.start_s, turn.reply)


@pytest.mark.parametrize("said", ["take away the stop at the second cut", "lose the dropout at the second cut"])
def test_the_stop_named_with_its_article_is_the_mark(session, said):
    # before: "the stop at ..." was no mark word ("I'm not sure what 'stop second cut' means"), and "the drop-out at
    # ..." was read as a name for that cut
    session.say("let everything drop out for a beat on the second cut")
    assert any(abs(h.time_s - 13) < 0.1 and h.kind == "stop" for h in session.plan.hit_points)
    session.say(said)
    assert not any(abs(h.time_s - 13) < 0.1 and h.kind == "stop" for h in session.plan.hit_points)


def test_losing_a_mark_named_by_a_happening_after_other_edits_there(session):
    # before: "lose the stop at the kiss" took back the later edit that named the kiss (the strings), not the stop
    session.say("they kiss on the second cut, let the music stop dead right there")
    session.say("after the kiss bring in strings")
    session.say("actually lose the stop at the kiss")
    assert not any(abs(h.time_s - 13) < 0.1 and h.kind == "stop" for h in session.plan.hit_points)


@pytest.mark.parametrize("said", ["give me the button on the last cut", "and then the button on the third cut please"])
def test_the_button_on_a_cut_is_a_stop_there(session, said):
    # before: "the button on ..." was taken for a name of that cut, and "cue"/"give me" left an accent at most
    session.say(said)
    assert any(abs(h.time_s - 21) < 0.1 and h.kind == "stop" for h in session.plan.hit_points)


@pytest.mark.parametrize("said", ["the slower version drags", "honestly the slow one drags"])
def test_a_version_called_slow_that_drags_wants_it_faster(session, said):
    # before: "slow" was read as the wish and the music went slower still
    session.say("a little slower")
    before = session.plan.tempo_bpm
    session.say(said)
    assert session.plan.tempo_bpm > before


def test_the_original_tempo_for_the_whole_thing_with_a_reason_is_only_the_tempo_back(session):
    # before: "for the whole thing" read as the whole version asked for, so the reason ("it drags") moved it faster
    # than it first was
    first = session.plan.tempo_bpm
    session.say("a little slower")
    session.say("put the original tempo back across the whole thing, this one drags")
    assert session.plan.tempo_bpm == first


@pytest.mark.parametrize("said", ["the second shot is perfect now, don't touch it", "ok the middle bit is great, keep it",
                                  "the second shot looks gorgeous already, please do not change it"])
def test_a_place_praised_then_kept_by_a_pronoun_keeps_that_place(session, said):
    # before: the praise was dropped with its place, so "don't touch it" locked the whole score and every later
    # edit anywhere was refused as locked
    session.say(said)
    locked = [s for s in session.plan.sections if s.locked]
    assert locked and all(s.start_s >= 6 - 0.05 and s.end_s <= 21 + 0.05 for s in locked)
    turn = session.say("a bit faster in the last shot")
    assert turn.changed, turn.reply


def test_a_part_praised_then_kept_is_still_praise(session):
    before = session.plan
    session.say("the melody is lovely, keep it")
    assert session.plan == before


@pytest.mark.parametrize("said", ["pull right back in shot 3", "and then pull way back in the third shot"])
def test_pull_back_said_of_the_music_is_less_energy_there(session, said):
    # before: asked "Do you mean calmer and sparser?" (or read nothing), and nothing changed
    before = session.plan
    session.say(said)
    for s in session.plan.sections:
        e0 = before.sections[before.section_at((s.start_s + s.end_s) / 2)].energy
        assert (s.energy < e0) == (13 - 0.05 <= s.start_s < 21), (s.start_s, e0, s.energy)


def test_pull_back_a_part_is_still_that_part(session):
    session.say("pull back the drums in shot 3")
    assert session.plan.sections[session.plan.section_at(17)].levels_db.get("drums", 0) < 0
