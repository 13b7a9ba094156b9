"""What set o's tune half (eighteenth session, three blind writers in new voices) asked that the chat misread, read by
cause (ofix18a: what is asked). Each case is the set's words and two or three other wordings of the same meaning,
written before the fix, through a real chat Session.

1. A new style said beside the one it replaces ("from NES to 80s synth-pop", "forget reggae do like a tropical house
   thing", "too old school, make it sound like a 2024 gym tiktok"): the style the score has now is what the person
   moves away from, so the other one is asked for; and the genre words people name (tropical house, an anime opening,
   a composer's temp track) call up their style.
2. "Too X" for words the grammar had no way for ("too shouty", "too serious", "too mournful", "less hype"): each
   moves away from X as its neighbours in `phrases.TOO` do; "rough it up", "lift 0-15" are more energy. "Too clean,
   too polished" is given no way of its own ("less slick, more human" in set i is a question, rightly).
3. A shape said as going on or coming back ("from the third cut to the end, keep climbing", "the last 8 s have to
   settle back down"): a rise or a fall over the place, not one step or a question.
4. The whole mix said too hot in a sound engineer's words ("running hot on the meters, trim it"): the loudness down.
5. "A bit more X" where X is a person ("a bit more 'them'", "more him"): a quality nobody can hear, so a question,
   never the last edit once more; a simile of speed beside "too fast" ("like fast forward") is the same complaint,
   not a second way.
"""

from __future__ import annotations

import pytest
from edit_clips import energies, long_clip, open_long


@pytest.mark.parametrize("start, said, want", [
    # set o's words
    ("intro bumper, upbeat, 8-bit, like an old Nintendo game", "can we go from NES to 80s synth-pop for the entire bumper?",
     {"synthwave", "electronic"}),
    ("rock", "nahh its too old school, make it sound like a 2024 gym tiktok", {"electronic"}),
    ("bali trip vlog, like a reggae beach song", "ok forget reggae do like a tropical house thing", {"electronic"}),
    ("cinematic", "nah this sounds like a movie trailer, make it more like an anime opening", {"rock", "electronic"}),
    ("keynote opener for the sales conference. big. Mission Impossible energy",
     "less Mission Impossible, more Zimmer. Inception braams, that whole thing", {"epic_trailer", "cinematic"}),
    # other wordings of the same meaning
    pytest.param("chiptune", "switch it from the game boy sound to a 2010s pop track", {"electronic"}, marks=pytest.mark.xfail(
        reason="`similes.plain` blanks the decade in 'from the game boy sound to a 2010s ...' before the cultures read it",
        strict=True)),
    ("gospel", "instead of the sunday service vibe, could it feel like a night club", {"electronic"}),
    ("western", "ditch the spaghetti western, give me a 70s cop show", {"funk"}),
    ("cinematic", "temp track is Hans Zimmer, think Dark Knight", {"epic_trailer"}),
    ("jazz", "needs to sound like a deep house set", {"electronic"}),
    pytest.param("jazz", "like the opening song of an anime", {"rock", "electronic"}, marks=pytest.mark.xfail(
        reason="'the opening' is taken as a place before the style is read (a place, ofix18b's side)", strict=True)),
])
def test_the_style_asked_for_beside_the_one_it_has(tmp_path, start, said, want):
    chat = open_long(tmp_path, start, long_clip(40.0, 8.0))
    assert chat.plan.style not in want, chat.plan.style
    turn = chat.say(said)
    assert chat.plan.style in want, turn.reply


@pytest.mark.parametrize("said, way", [
    # set o's words
    ("A couple of our older volunteers found it a tad too shouty, if that makes sense", "down"),
    ("The head thinks it's come out a bit too serious, parents will think we're stuffy", "up"),
    ("too mournful up top, it's a RECOVERY story. lift 0-15", "up"),
    ("too clean, too polished. rough it up", "up"),
    ("slower, less hype", "down"),
    # other wordings
    ("it's all a bit shouty for a memorial", "down"),
    ("way too serious lol", "up"),
    ("feels rather solemn and stuffy for an open day", "up"),
    pytest.param("sounds too polished, needs some grit", "up", marks=pytest.mark.xfail(
        reason="'polished' is given no way (set i's 'less slick, more human' is asked), and 'needs grit' reads as blues",
        strict=True)),
    ("kinda too hype for a sad edit ngl", "down"),
    ("the whole thing is too mournful", "up"),
])
def test_too_x_moves_away_from_x(tmp_path, said, way):
    chat = open_long(tmp_path, "jazz", long_clip(40.0, 8.0))
    before = energies(chat.plan)
    turn = chat.say(said)
    after = energies(chat.plan)
    assert not turn.question, turn.reply
    assert (sum(after) > sum(before)) if way == "up" else (sum(after) < sum(before)), turn.reply


def _span(plan, a, b):
    return [s.energy for s in plan.sections if a <= s.start_s < b]


@pytest.mark.parametrize("said, span, rises", [
    # set o's words
    ("from the third cut to the end, keep climbing", (16.0, 40.0), True),
    ("it loops, so the last 8 s have to settle back down to where it starts", (32.0, 40.0), False),
    # other wordings
    ("from shot 3 on, keep rising", (16.0, 40.0), True),
    ("after 0:16 it should keep building", (16.0, 40.0), True),
    ("the last 8 seconds should wind back down", (32.0, 40.0), False),
    ("ease back down over the final shot", (32.0, 40.0), False),
])
def test_a_shape_said_going_on_or_coming_back(tmp_path, said, span, rises):
    chat = open_long(tmp_path, "rock", long_clip(40.0, 8.0))
    turn = chat.say(said)
    got = _span(chat.plan, *span)
    assert not turn.question and turn.changed, turn.reply
    assert len(got) >= 2 and ((got[-1] > got[0]) if rises else (got[-1] < got[0])), (got, turn.reply)


@pytest.mark.parametrize("said", [
    "whole mix is running hot on the meters, trim it",   # set o's words
    "the mix is too hot, pull the master down a bit",
    "levels are peaking, bring the overall volume down",
    "it's running hot, trim the gain",
])
def test_a_hot_mix_is_the_loudness_down(tmp_path, said):
    chat = open_long(tmp_path, "rock", long_clip(40.0, 8.0))
    before = chat.plan.loudness_lufs
    turn = chat.say(said)
    assert chat.plan.loudness_lufs < before, turn.reply


@pytest.mark.parametrize("said", [
    "They also asked if it could be a bit more 'them' during the dancing",   # set o's words
    "could it also be a bit more him during the speeches",
    pytest.param("she says it should be a bit more 'us' in shot 4", marks=pytest.mark.xfail(
        reason="with a place found, the bare 'more' is read as more energy there (the grammar's guess)", strict=True)),
])
def test_more_of_a_person_is_asked_not_the_last_edit_again(tmp_path, said):
    chat = open_long(tmp_path, "bossa", long_clip(40.0, 8.0))
    chat.say("the first 16 seconds calmer")
    before = chat.plan.model_dump_json()
    turn = chat.say(said)
    assert turn.question and chat.plan.model_dump_json() == before, turn.reply


@pytest.mark.parametrize("said", [
    "ok now those r too fast lmao my lifts look like fast forward",   # set o's words
    "too fast now, it looks like it's in fast forward",
    "now it's way too quick, like someone hit fast-forward",
])
def test_too_fast_like_fast_forward_is_slower(tmp_path, said):
    chat = open_long(tmp_path, "make it like a rocky training montage but modern", long_clip(50.0, 10.0))
    chat.say("in the last 2 shots more drums n faster, then a huge hit when the bar goes up at 0:45")
    before = chat.plan.sections[-1].tempo_bpm or chat.plan.tempo_bpm
    turn = chat.say(said)
    assert not turn.question and (chat.plan.sections[-1].tempo_bpm or chat.plan.tempo_bpm) < before, turn.reply
