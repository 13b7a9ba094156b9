"""Talk that asks for no edit (`v2m.agent.dialogue.talk`), in wordings of our own (not the talk bank's), each said
through a real Session after "make it slower": a question about the score is answered from the plan and the video
and changes nothing (before: "genre?" went minor and faster, "bpm?" and "can you tell me the cut times" were asked
back as "slower, or faster?", "where do the shots change" got the last edit, not the cuts, "who is playing the
melody" added a harmonica); thanks and sign-offs change nothing and ask nothing back (before: "love it, you're a
legend" got "Do you mean quieter overall?"); praise or a topic beside a wish is still an edit."""

from __future__ import annotations

import pytest
from edit_clips import energies, open_chat


@pytest.fixture()
def session(tmp_path):
    s = open_chat(tmp_path, "jazz")
    s.say("make it slower")
    return s


@pytest.mark.parametrize("said, fact", [
    ("what's the bpm these days", "tempo"), ("bpm?", "tempo"), ("remind me what tempo we're at", "tempo"),
    ("could you let me know the key", "key"), ("so is it in a major or a minor key?", "key"),
    ("genre?", "style"), ("which instruments are in it now", "parts"),
    ("can you tell me the cut times", "cuts"), ("where do the shots change", "cuts"),
    ("what second does shot 3 begin at", "cuts"), ("who is playing the melody", "parts"),
    ("how loud is it now", "loudness"), ("remind me what you changed", "changes"), ("which version is this", "version"),
])
def test_a_question_about_the_score_is_answered_and_changes_nothing(session, said, fact):
    before = session.plan
    reply = session.say(said).reply
    assert session.plan == before
    want = {"tempo": f"{before.tempo_bpm:g} BPM", "key": f"{before.key} {before.mode}", "style": before.style,
            "parts": "bass (", "cuts": "0:06, 0:13, 0:21", "loudness": f"{before.loudness_lufs:g} LUFS",
            "changes": "Tempo", "version": "version 2"}[fact]
    assert want in reply


@pytest.mark.parametrize("said", [
    "ta very much, that does the job", "love it, you're a legend", "all done here, bye", "works for me, cheers",
    "I didn't know software could sound this good! thank you", "so pleased with it, signing off now",
])
def test_thanks_and_sign_offs_change_nothing_and_ask_nothing(session, said):
    before = session.plan
    reply = session.say(said).reply
    assert session.plan == before
    assert "?" not in reply


@pytest.mark.parametrize("said", [
    "love it, but a bit slower please", "perfect, now no drums", "slower tempo?", "tempo 90 please",
    "thanks, could it be a bit calmer at the end", "great, can we get more drums in shot 3",
])
def test_praise_or_a_topic_beside_a_wish_is_still_an_edit(session, said):
    before = session.plan
    session.say(said)
    assert session.plan != before


@pytest.mark.parametrize("said, down", [
    ("less jittery please", True), ("can it be less chaotic and intense", True), ("not as busy or intense", True),
    ("less dense and aggressive please", True),
    ("give it more punch, could you manage that?", False), ("a bit more oomph - can we do that?", False),
])
def test_a_change_asked_as_a_question_or_wish_lands_over_the_whole_score(session, said, down):
    # before: "hyper"/"jittery" were no words for too much going on; "less X and Y" read Y as asked for ("Fuller or
    # sparser?"); "..., can we do that?" was read as "same again" with no place ("Same again where?")
    before = energies(session.plan)
    turn = session.say(said)
    assert not turn.question
    after = energies(session.plan)
    assert all((b < a) if down else (b > a) for a, b in zip(before, after) if 0.05 < a < 0.95)


@pytest.mark.parametrize("said", ["can it be calmer? the twins are napping to it",
                                  "could you make it gentler? my nan is dozing off to it"])
def test_who_listens_to_the_music_is_no_moment_of_the_picture(session, said):
    # before: "Where is 'the twins'? I can't see that in the picture ..." and nothing changed
    before = energies(session.plan)
    turn = session.say(said)
    assert not turn.question
    assert all(b < a for a, b in zip(before, energies(session.plan)) if a > 0.05)


@pytest.mark.parametrize("said", ["beautiful and sad please", "happy please", "I would love it to swell"])
def test_a_quality_beside_a_word_of_praise_is_still_asked_for(session, said):
    # a closing word ("beautiful", "happy", "love it") with a quality wished beside it is no sign-off
    before = session.plan
    session.say(said)
    assert session.plan != before
