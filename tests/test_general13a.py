"""Places named by what happens, and spurious places (notes GENERAL13, taxo13's class 1): thirty requests written
before reading the code that reads them, each through a real Session on the 60 s clip cut every 4 s (shot n is
[4(n-1), 4n]). A moment tied to a shot in one wording ("he proposes in shot 6") is found again in another ("make
the proposal bigger"); a word inside a simile or a scene frame ("like a race to the finish", "think seventies TV
comedy intro") is never a place."""

from __future__ import annotations

import pytest


@pytest.fixture()
def session(jazz_long):   # (conftest's: jazz on 60 s, a cut every 4 s: shots 1-15)
    return jazz_long


def _at(plan, t: float):
    """What the music is at time t: the section there, less its span and name."""
    for s in plan.sections:
        if s.start_s <= t < s.end_s:
            return (s.energy, s.tempo_bpm or plan.tempo_bpm, sorted(s.levels_db.items()), sorted(s.instruments),
                    s.music, plan.style, plan.mode)
    raise AssertionError(t)


def _mid(shot: int) -> float:
    return 4.0 * (shot - 1) + 2.0


# ----------------------------------------------------------------------------- (a) a moment said one way, used another

@pytest.mark.parametrize("tie, ask, shot", [
    ("he proposes in shot 6", "make the proposal bigger", 6),
    ("the proposal is shot 6", "more energy when he proposes", 6),
    pytest.param("the baby starts crawling in shot 9", "calmer while the baby crawls", 9,
                 marks=pytest.mark.xfail(reason="'baby' is a music word: the tie is not heard", strict=True)),
    ("crawling begins in shot 9", "a bit calmer during the crawl", 9),
    ("our CEO speaks in shot 4", "softer while the CEO is speaking", 4),
    ("the CEO's speech is shot 4", "quieter for the CEO bit", 4),
    ("the tasting shot is shot 11", "more energy on the tasting", 11),
    ("she tastes the soup in shot 11", "bigger when she's tasting", 11),
    ("the goal is scored in shot 8", "louder for the goal", 8),
    ("the kiss is in shot 12", "softer during the kissing", 12),
    ("they cut the cake in shot 10", "more energy when the cake is cut", 10),   # heard since refs20 (see test_mend21d)
    ("shot 5 is where the dog jumps into the lake", "more energy for the dog's jump", 5),
    ("in shot 13 the team celebrates", "bigger for the celebration", 13),
    ("the fireworks go off in shot 14", "louder when the fireworks go off", 14),
    ("the bride arrives at shot 3", "softer for the bride's arrival", 3),
])
def test_a_moment_tied_to_a_shot_is_found_again_in_other_words(session, tie, ask, shot):
    first = session.say(tie)
    assert not first.changed, first.reply
    before = session.plan
    turn = session.say(ask)
    assert turn.changed and not turn.question, turn.reply
    assert _at(session.plan, _mid(shot)) != _at(before, _mid(shot)), turn.reply
    other = 1 if shot > 2 else 15
    assert _at(session.plan, _mid(other)) == _at(before, _mid(other)), turn.reply


@pytest.mark.parametrize("ask, shot", [
    ("A bit more energy from the crawling on, that's shot 6.", 6),
    ("Could it be calmer once the speech starts? The speech begins in shot 4.", 4),
    ("more energy once he has proposed, he proposes in shot 7", 7),
])
def test_a_moment_named_and_placed_in_one_turn_runs_from_there(session, ask, shot):
    before = session.plan
    turn = session.say(ask)
    assert turn.changed and not turn.question, turn.reply
    assert _at(session.plan, _mid(shot)) != _at(before, _mid(shot)), turn.reply
    assert _at(session.plan, _mid(1)) == _at(before, _mid(1)), turn.reply


def test_a_stored_moment_is_a_place_for_a_later_tempo_change(session):
    session.say("the sunset is shot 15")
    before = session.plan
    turn = session.say("slower at the sunset")
    assert turn.changed and not turn.question, turn.reply
    assert _at(session.plan, _mid(15))[1] < _at(before, _mid(15))[1], turn.reply
    assert _at(session.plan, _mid(1)) == _at(before, _mid(1)), turn.reply


def test_a_moment_said_without_a_place_is_asked_for(session):
    before = session.plan
    turn = session.say("the bit where the dog jumps needs more energy")
    assert turn.question and not turn.changed and session.plan == before, turn.reply


# ----------------------------------------------------------------------------- (b) a simile or scene is no place

@pytest.mark.parametrize("said", [
    pytest.param("make it feel like a race to the finish",
                 marks=pytest.mark.xfail(reason="'race' is no quality word: unread (class 2)", strict=True)),
    "more action-movie energy",
    "doesn't need anything fancy, just more energy",
    "make it more epic, like crossing the finish line",
    pytest.param("brighter, like a morning scene in a sitcom",
                 marks=pytest.mark.xfail(reason="'brighter' asks about the key (class 2)", strict=True)),
    "chase-scene style, more drive",
    "bigger, like the finale of a musical",
])
def test_a_simile_word_is_no_place_and_the_edit_is_everywhere(session, said):
    before = session.plan
    turn = session.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert _at(session.plan, _mid(1)) != _at(before, _mid(1)), turn.reply
    assert _at(session.plan, _mid(15)) != _at(before, _mid(15)), turn.reply


@pytest.mark.parametrize("said", ["think seventies TV comedy intro", "give it an end-of-the-pier feel",
                                  "can it sound like the opening of a western"])
def test_a_scene_frame_never_asks_where_or_lands_in_one_place(session, said):
    before = session.plan
    turn = session.say(said)
    assert "where" not in turn.reply.lower(), turn.reply
    if turn.changed:
        assert (_at(session.plan, _mid(1)) == _at(before, _mid(1))) == \
            (_at(session.plan, _mid(15)) == _at(before, _mid(15))), turn.reply


# ----------------------------------------------------------------------------- the lead's merge fixes

@pytest.mark.parametrize("said", ["everybody stops dead at 0:24", "the second shot drags",
                                  "a progressive rise between 0:20 and 0:40", "a new take of the last shot"])
def test_a_request_the_grammar_reads_is_no_moment_told(session, said):
    # the tie gate took these for moments told ("noted for later") and changed nothing
    turn = session.say(said)
    assert turn.changed and "noted" not in turn.reply.lower(), turn.reply


def test_a_version_named_by_a_moments_edit_is_still_that_version(session):
    session.say("louder")
    v2 = session.plan
    session.say("she blows out the candles at 0:30, make that moment special")
    turn = session.say("can we go back to how it was before the candles")
    assert session.plan == v2, turn.reply
