"""Places set p's tune half (p-tune) was not read at, each through a real chat Session, in the user's words and in
two or three other wordings of the same meaning written before the fix (the transfer check): a place after a mark
when the last edit ran to the very end crashed the turn with a ValidationError ("take the drums out for just the shot
after that hit"); a slideshow's photographs, a bit of film and a title card are shots; "second 30" is a time and
"the first minute" the first sixty seconds; a hedge ("from thirty till like fifty three") keeps a stretch whole."""

from __future__ import annotations

import pytest
from edit_clips import _open, bikes, energy_at, level_at, long_clip, open_long

from v2m.agent.dialogue.intents import scope_of
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.where import Ask, Span


def _plays(plan, role: str, t: float) -> bool:
    return any(role in effective_roles(plan, s) for s in plan.sections if s.start_s <= t < s.end_s)


def test_an_empty_place_is_a_question_not_a_crash():
    # before: scope_of built an EditScope from a span with nothing in it and pydantic raised a traceback to the user
    for span in (Span(10.0, 10.0, "after 0:10"), Span(4.0, 3.0, "from 0:04 to 0:03")):
        with pytest.raises(Ask):
            scope_of(span)


@pytest.mark.parametrize("said", ["take the drums out for just the shot after that hit um only that one shot",
                                  "no drums in the shot following that hit",
                                  "kill the drums for the shot right after the hit, only that shot"])
def test_the_shot_after_the_hit_placed_is_that_shot_after_a_whole_edit(tmp_path, said):
    # p-d-cooking-02 t3: the last edit (less energy) ran to the end, "after that hit" was read after it: 0:10-0:10
    chat = _open(tmp_path, "fun upbeat funk", bikes())
    chat.say("put a big hit at the second cut")   # 0:03.04, shot 3 is 0:03.04-0:05.48
    chat.say("its kind of too busy")
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not _plays(chat.plan, "drums", 4.0), turn.reply
    assert _plays(chat.plan, "drums", 2.0) and _plays(chat.plan, "drums", 6.5), turn.reply


@pytest.mark.parametrize("said", ["quieter after that moment", "after that point, less drums"])
def test_after_an_edit_that_ran_to_the_end_asks_and_does_not_crash(tmp_path, said):
    chat = _open(tmp_path, "fun upbeat funk", bikes())
    chat.say("its kind of too busy")
    chat.say(said)   # a question or an edit, never a traceback


@pytest.mark.parametrize("said", ["The first three photographs are rather too jolly and bouncy. Could they be a bit gentler?",
                                  "the first three photos should be gentler",
                                  "calmer over the first 3 photographs please"])
def test_photographs_are_shots(tmp_path, said):
    # p-a-golden-01 t2: "photographs" was not a place (only "photo") and the whole score went calmer
    chat = open_long(tmp_path, "swing")
    before = chat.plan
    turn = chat.say(said)
    assert energy_at(chat.plan, 6) < energy_at(before, 6), turn.reply
    assert energy_at(chat.plan, 30) == energy_at(before, 30), turn.reply


@pytest.mark.parametrize("said", ["From the fourth bit of film, right through to the end, could it be a little softer",
                                  "from the fourth piece of film to the end a little softer",
                                  "softer from the 4th bit of film onwards"])
def test_a_bit_of_film_is_a_shot(tmp_path, said):
    # p-a-cruise-03 t3: "the fourth bit of film" was not a place: the whole score went softer
    chat = open_long(tmp_path, "calypso")
    before = chat.plan
    turn = chat.say(said)
    assert energy_at(chat.plan, 30) < energy_at(before, 30), turn.reply
    assert energy_at(chat.plan, 6) == energy_at(before, 6), turn.reply


@pytest.mark.parametrize("said", ["Not so loud on the final card, please - it jumps out.",
                                  "the end card is too loud",
                                  "calmer on the last card"])
def test_the_final_card_is_the_last_shot(tmp_path, said):
    # p-e-airline-02 t3: "the final card" was not a place: the whole mix went down 3 LU
    chat = open_long(tmp_path, "ambient")
    before = chat.plan
    turn = chat.say(said)
    assert turn.changed, turn.reply
    assert chat.plan.loudness_lufs == before.loudness_lufs, turn.reply
    assert energy_at(chat.plan, 58) < energy_at(before, 58), turn.reply
    assert energy_at(chat.plan, 30) == energy_at(before, 30), turn.reply


@pytest.mark.parametrize("said", ["Between second 30 and second 50 the speaker explains. In this span please no melody at all.",
                                  "from second 30 to second 50 drop the melody",
                                  "no melody between the 30th and the 50th second"])
def test_second_n_is_a_time(tmp_path, said):
    # p-b-safety-11 t2: "second 30" was not read as 0:30; the melody went out everywhere
    chat = open_long(tmp_path, "ambient", long_clip(100.0, 10.0))
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not _plays(chat.plan, "melody", 40), turn.reply
    assert _plays(chat.plan, "melody", 15) and _plays(chat.plan, "melody", 75), turn.reply


@pytest.mark.parametrize("said", ["The strings are slightly overpowering the voiceover bed in the first minute. Could we sit them back a bit?",
                                  "strings down a bit during the opening minute",
                                  "in minute one the strings are too loud"])
def test_the_first_minute_is_the_first_sixty_seconds(tmp_path, said):
    # p-e-unirecruit-01 t4: "in the first minute" asked where
    chat = open_long(tmp_path, "cinematic orchestral with strings", long_clip(120.0, 10.0))
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert level_at(chat.plan, "strings", 30) < 0 or level_at(chat.plan, "harmony", 30) < 0, turn.reply
    assert level_at(chat.plan, "strings", 90) == 0 and level_at(chat.plan, "harmony", 90) == 0, turn.reply


@pytest.mark.parametrize("said", ["no drums from thirty till like fifty three just the bass there",
                                  "drop the drums from 30 to like 53",
                                  "no drums between thirty and about fifty three"])
def test_a_hedged_end_keeps_the_stretch(tmp_path, said):
    # p-d-mechanic-01 t3: "till like sixty three" lost the stretch: the guitars went out everywhere
    chat = open_long(tmp_path, "gritty rock", long_clip(75.0, 8.0))
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not _plays(chat.plan, "drums", 40), turn.reply
    assert _plays(chat.plan, "drums", 10) and _plays(chat.plan, "drums", 70), turn.reply


def _rises(before, after, a: float, b: float) -> bool:
    """The energy across [a, b] ends higher than it starts, and nothing outside moved."""
    inside = [s.energy for s in after.sections if a - 0.05 <= s.start_s and s.end_s <= b + 0.05]
    outside = [(s.start_s, s.energy) for s in after.sections if s.end_s <= a + 0.05 or s.start_s >= b - 0.05]
    was = {round(s.start_s, 2): s.energy for s in before.sections}
    return len(inside) >= 2 and inside[-1] > inside[0] and all(was.get(round(t, 2), e) == e for t, e in outside)


@pytest.mark.parametrize("said, a", [("For the closing montage - the last three shots - can we have it swell right into the logo?", 48),
                                     ("the last three shots, build into the logo please", 48),
                                     ("6th cut to the end: start soft and grow into the kiss at the very end", 24),
                                     ("from the 8th cut to the end let it grow into the final hug", 32)])
def test_a_growth_into_a_thing_not_placed_grows_over_the_place_said(tmp_path, said, a):
    # p-e-unirecruit-01 t3, p-c-wedding-14 t4: "into the logo" was read as growing into the place said (the last
    # three shots), so only the shot leading into it changed: 0:44-0:48
    chat = open_long(tmp_path, "cinematic")
    before = chat.plan
    turn = chat.say(said)
    assert _rises(before, chat.plan, a, 60), turn.reply


def test_swelling_into_the_last_shot_still_leads_into_it(tmp_path):
    chat = open_long(tmp_path, "cinematic")
    before = chat.plan
    turn = chat.say("swell into the last shot")
    assert _rises(before, chat.plan, 52, 56), turn.reply


@pytest.mark.parametrize("said", ["Please remove the drums from the partner interviews only, i.e. shots three and four.",
                                  "no drums in the interviews, i.e. shots 3 and 4",
                                  "take the drums out of the talking heads (i.e. shots 3-4)"])
def test_a_place_said_after_i_e_is_the_place(tmp_path, said):
    # p-e-lawfirm-01 t3: the dots of "i.e." ended a sentence, and "shots three and four" lost its edit: no drums everywhere
    chat = open_long(tmp_path, "funk")
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not _plays(chat.plan, "drums", 10), turn.reply
    assert _plays(chat.plan, "drums", 4) and _plays(chat.plan, "drums", 30), turn.reply


@pytest.mark.parametrize("said", ["The oxygen-mask demo is the shot after the fifth cut; everything there needs to be calmer so passengers actually focus.",
                                  "the safety demo is the shot after the 5th cut, make everything there calmer",
                                  "the shot after the fifth cut is the demo - calmer there please"])
def test_a_name_tied_to_the_shot_after_a_cut_places_the_edit(tmp_path, said):
    # p-e-airline-01 t2: "the shot after the fifth cut" tied to a name was no place (names.PLACE): calmer everywhere
    chat = open_long(tmp_path, "bossa nova")
    before = chat.plan
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert energy_at(chat.plan, 22) < energy_at(before, 22), turn.reply
    assert energy_at(chat.plan, 10) == energy_at(before, 10) and energy_at(chat.plan, 40) == energy_at(before, 40), turn.reply


@pytest.mark.parametrize("said, a, b", [("0:31 to 0:55 is the interview, strip it back to rhythm section there", 31, 55),
                                        ("0:20 to 0:40 is the speech, just the rhythm section there", 20, 40),
                                        ("3rd shot until 5th shot is the market, very noisy, no melody there", 8, 20),
                                        ("the 2nd shot to the 4th shot is the crowd, no melody there", 4, 16)])
def test_a_stretch_tied_to_a_name_is_the_whole_stretch(tmp_path, said, a, b):
    # p-c-jazzclub-12 t2 ("0:31 to 0:55" read as the shot at 0:55), p-b-hometown-12 t3 ("3rd shot until 5th shot" lost its end)
    chat = open_long(tmp_path, "funk")
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert not _plays(chat.plan, "melody", (a + b) / 2), turn.reply
    assert _plays(chat.plan, "melody", a - 2) and _plays(chat.plan, "melody", b + 2), turn.reply
