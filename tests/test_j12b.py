"""Set j's tune turns the j12b tuner mended (twelfth session), each through a real Session in words of its own,
not the set's: marks said by count ("a stab on each of the last two cuts"), picked from the last ones ("drop the
second one"), named by kind alone ("get rid of the sting", "forget the stab"), a button on a cut, a whole second
said for the cut inside it, a stop for a moment ("let the music pause briefly"), "delete"/"erase" a part, and a
place said to get softer "towards the end" (a fall across it), "take off" a part, a cue ending "cold out" on a cut."""

from __future__ import annotations

import pytest
from edit_clips import make_analysis, open_chat

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session


@pytest.fixture()
def chat(tmp_path):
    return open_chat(tmp_path, "cinematic")   # 30 s, cuts at 6, 13 and 21 s, a crash on each


def _marks(session) -> dict[float, str]:
    return {round(h.time_s, 2): h.kind for h in session.plan.hit_points}


@pytest.mark.parametrize("said, want", [
    ("put a stab on each of the last two cuts", [13.0, 21.0]),
    ("two stings please, one at each of the first two cuts", [6.0, 13.0]),   # the place in a clause of its own
    ("stings on all three cuts", [6.0, 13.0, 21.0]),
])
def test_marks_on_cuts_counted_from_an_end(chat, said, want):
    # before: "the first two cuts" named no cut ("Which cut should the stab mark?"), and "stings" was spelt "strings"
    assert "stab" not in _marks(chat).values()
    turn = chat.say(said)
    assert [t for t, k in _marks(chat).items() if k == "stab"] == want, turn.reply


@pytest.mark.parametrize("said, gone", [("lose the middle one", 13.0), ("drop the second one", 13.0),
                                        ("scrap the third one", 21.0)])
def test_one_of_the_marks_just_added_taken_out(chat, said, gone):
    chat.say("stings on all three cuts")
    turn = chat.say(said)   # before: "I didn't follow 'lose middle one'"
    assert gone not in _marks(chat), turn.reply
    assert sorted(_marks(chat)) == sorted({6.0, 13.0, 21.0} - {gone})


@pytest.mark.parametrize("said", ["get rid of the sting", "please remove that stinger", "forget the sting"])
def test_a_mark_named_by_its_kind_alone_is_the_one_taken_out(chat, said):
    chat.say("a sting on the second cut")
    chat.say("a stop on the last cut")
    turn = chat.say(said)
    # before: "remove the sting" asked which instrument; "forget the sting" took back the last edit (the stop)
    assert _marks(chat) == {6.0: "crash", 21.0: "stop"}, turn.reply


def test_several_marks_of_the_kind_named_once_asks_which(chat):
    chat.say("stings on all three cuts")
    before = chat.plan
    turn = chat.say("kill the stab")
    assert chat.plan == before and turn.question and "which one" in turn.question


@pytest.mark.parametrize("said", ["button on the second cut, hard out", "button it on the second cut"])
def test_a_button_on_a_cut_is_a_stop_there_not_at_the_end(chat, said):
    turn = chat.say(said)   # before: a stop at the clip's last frame, and "hard out" a change the short shot could not take
    assert _marks(chat).get(13.0) == "stop", turn.reply
    assert not any(k == "stop" for t, k in _marks(chat).items() if t != 13.0)


def test_a_whole_second_said_is_the_cut_inside_it(tmp_path):
    a = make_analysis(30.0, 25.0, [int(t * 25) for t in (6.5, 13.6, 21.3)], source="synthetic.mp4")
    s = Session.open(a.source, "tense lofi music", workdir=tmp_path / "store", analysis=a, render=False)
    turn = s.say("could everything stop at 0:13, where the title card comes up")
    # before: a stop at 0:13.0 beside the cut's crash at 0:13.6
    assert _marks(s).get(13.6) == "stop" and 13.0 not in _marks(s), turn.reply
    s.say("a stop at 0:25")   # no cut in that second: the time as said
    assert _marks(s).get(25.0) == "stop"


@pytest.mark.parametrize("said", ["in shot 3 let the music pause briefly, then carry on",
                                  "from the second cut, have the score stop once and then continue",
                                  "a short pause on the second cut please"])
def test_a_stop_for_a_moment_is_a_stop_mark(tmp_path, said):
    s = open_chat(tmp_path, "tense lofi music")
    turn = s.say(said)   # before: not followed, or no music across the whole place
    assert _marks(s).get(13.0) == "stop", turn.reply
    assert all(sec.music for sec in s.plan.sections)


@pytest.mark.parametrize("said, part", [("please erase the bass", "bass"), ("could you delete the drums?", "drums")])
def test_delete_and_erase_take_a_part_out(tmp_path, said, part):
    s = open_chat(tmp_path, "tense lofi music")
    assert all(part in effective_roles(s.plan, sec) for sec in s.plan.sections)
    turn = s.say(said)   # before: "delete" was spelt "delta" (a style's word), "erase" read as nothing
    assert not any(part in effective_roles(s.plan, sec) for sec in s.plan.sections), turn.reply


def test_a_place_getting_softer_towards_the_end_falls_across_it(tmp_path):
    s = open_chat(tmp_path, "tense lofi music")
    before = [sec.energy for sec in s.plan.sections]
    turn = s.say("shots 3 and 4 should get quieter towards the end")
    # before: one step down over both shots; now a fall, step by step, to the end
    inside = [sec.energy for sec in s.plan.sections if sec.start_s >= 13 - 1e-6]
    assert len(inside) >= 2 and inside == sorted(inside, reverse=True) and inside[0] > inside[-1], turn.reply
    assert [sec.energy for sec in s.plan.sections if sec.end_s <= 13 + 1e-6] == before[:2]


@pytest.mark.parametrize("said, at", [("cold out on the second cut", 13.0), ("dead out at the last cut", 21.0),
                                      ("hard out on the first cut", 6.0)])
def test_a_cue_ending_hard_on_a_cut_is_a_stop_there(chat, said, at):
    turn = chat.say(said)   # before: "cold" asked softer or fuller, "dead out" named a moment, "hard out" went harder
    assert _marks(chat).get(at) == "stop", turn.reply
    assert [t for t, k in _marks(chat).items() if k == "stop"] == [at]


def test_a_cold_out_at_a_time_ends_the_music_there(chat):
    turn = chat.say("cold out at 0:25")   # as "hard out at 0:25": no music after it
    assert [s.music for s in chat.plan.sections if s.start_s >= 25 - 1e-6] == [False], turn.reply


def test_a_button_at_the_end_beside_a_mark_on_a_cut(chat):
    turn = chat.say("a stinger on the first cut and then a button at the very end")
    # before: the button was lost (a request naming a cut read "the end" as the ending's place, no moment)
    assert _marks(chat).get(6.0) == "stab", turn.reply
    assert any(k == "stop" and t > 29 for t, k in _marks(chat).items()), turn.reply


def test_take_off_a_part_is_taking_it_out(tmp_path):
    s = open_chat(tmp_path, "tense lofi music")
    turn = s.say("can you take off the bass in shot 2")   # before: "take off" was no remove verb: the part louder, more energy
    assert "bass" not in effective_roles(s.plan, s.plan.sections[1]), turn.reply
    assert all("bass" in effective_roles(s.plan, sec) for sec in s.plan.sections if sec.start_s >= 13 - 1e-6)


@pytest.mark.parametrize("said", ["could it end gently", "the music should finish quietly"])
def test_ending_softly_is_a_fade_over_the_ending(tmp_path, said):
    s = open_chat(tmp_path, "calm gentle piano")
    first = [sec.energy for sec in s.plan.sections if sec.end_s <= 21 + 1e-6]
    turn = s.say(said)   # before: a fall across the whole clip, the intro louder
    assert [sec.energy for sec in s.plan.sections if sec.end_s <= 21 + 1e-6] == first, turn.reply
    last = [sec.energy for sec in s.plan.sections if sec.start_s >= 21 - 1e-6]
    assert len(last) >= 2 and last == sorted(last, reverse=True) and last[0] > last[-1]


def test_the_music_dipping_at_a_place_is_quieter_there(tmp_path):
    s = open_chat(tmp_path, "calm gentle piano")
    before = [sec.energy for sec in s.plan.sections]
    turn = s.say("the alarm in shot 3 is loud, could the music dip there?")   # before: "dip" was not followed
    after = [sec.energy for sec in s.plan.sections]
    assert after[2] < before[2] and after[:2] == before[:2] and after[3:] == before[3:], turn.reply


def test_a_bass_drop_on_a_cut_is_a_hit_not_the_bass_out(chat):
    chat.say("no crash on the second cut")
    turn = chat.say("a big bass drop right on the second cut")   # before: read as the bass dropped out
    assert _marks(chat).get(13.0) == "crash", turn.reply
    assert all("bass" in effective_roles(chat.plan, sec) for sec in chat.plan.sections)


@pytest.mark.parametrize("said", ["play it under the dialogue in shot 2", "could the cue sit under the voice-over in shot 2"])
def test_a_cue_played_under_the_dialogue_at_a_place_is_calmer_there(tmp_path, said):
    s = open_chat(tmp_path, "cinematic")
    before = [sec.energy for sec in s.plan.sections]
    turn = s.say(said)   # before: "play it under" was not followed ("it" between the verb and "under")
    after = [sec.energy for sec in s.plan.sections]
    assert after[1] < before[1] and after[0] == before[0] and after[2:] == before[2:], turn.reply


def test_a_cue_tailing_out_over_a_shot_falls_across_it(tmp_path):
    s = open_chat(tmp_path, "cinematic")
    turn = s.say("the cue should tail out over the last shot")   # before: asked fading or not
    last = [sec.energy for sec in s.plan.sections if sec.start_s >= 21 - 1e-6]
    assert len(last) >= 2 and last == sorted(last, reverse=True) and last[0] > last[-1], turn.reply


@pytest.mark.parametrize("said, at", [("a sting at the end of shot 2", 13.0), ("put a stab right at the end of the third shot", 21.0)])
def test_a_mark_at_the_end_of_a_shot_is_where_it_ends(chat, said, at):
    turn = chat.say(said)   # before: at the shot's start (0:06 for shot 2)
    assert _marks(chat).get(at) == "stab", turn.reply
    assert list(_marks(chat).values()).count("stab") == 1


def test_little_by_little_stronger_from_a_place_is_a_build_across_it(tmp_path):
    s = open_chat(tmp_path, "happy acoustic")
    turn = s.say("from the third shot, the music little by little more strong")   # before: one step up, no build
    after = [sec.energy for sec in s.plan.sections if sec.start_s >= 13 - 1e-6]
    assert len(after) >= 3 and after == sorted(after) and after[0] < after[-1], turn.reply
    assert all(sec.energy == e for sec, e in zip(s.plan.sections[:2], [sec.energy for sec in open_chat(
        tmp_path / "other", "happy acoustic").plan.sections[:2]]))
