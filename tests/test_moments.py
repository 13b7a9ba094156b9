"""Moments described by what the picture shows: one question asking where, then the answer fills the place in
(and only there), and the moment keeps its name for later turns. Sentences written for this test, in words
none of the dialogue sets use."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip

from v2m.agent.dialogue.moment_answers import answers_where, asked_about, place_of
from v2m.agent.dialogue.moments import described
from v2m.agent.dialogue.session import Session
from v2m.agent.planners.base import get_planner


@pytest.mark.parametrize("request_, phrase, key", [
    ("when the groom reads his vows it's way too loud", "when the groom reads his vows", "groom"),
    ("the sunset over the lake needs to feel huge", "the sunset over the lake", "sunset"),
    ("the dinner scene is too jumpy", "the dinner scene", "dinner"),
    ("honestly it drags while she paints the fence", "while she paints the fence", "fence"),
    ("and the lighthouse! it has to be epic", "the lighthouse", "lighthouse"),
    ("where the horses run it needs more drive", "where the horses run", "horses"),
    ("slower during the parade scene", "the parade scene", "parade"),
    ("while the credits roll keep it soft", "while the credits roll", "credits"),
    # a moment said as a container is quoted up to the main clause, not with the whole sentence
    ("the scene where the boat leaves should be gentler", "the scene where the boat leaves", "boat"),
    # a subject in a clause joined on, not only at the start of the sentence
    ("add a shaker, and the parade should feel grander", "the parade", "parade"),
    ("busier but the bonfire needs to feel cosy", "the bonfire", "bonfire"),
])
def test_a_moment_of_the_picture_is_found_and_named(request_, phrase, key):
    m = described(request_, "music for our summer film")
    assert m is not None and m.phrase == phrase and m.key == key


@pytest.mark.parametrize("request_, subject", [
    ("the cellos should be softer", ""),
    ("the second half is too slow", ""),
    ("it should feel warmer", ""),
    ("everything feels rushed", ""),
    ("when it gets to the chorus add strings", ""),
    ("when the beat drops make it louder", ""),
    ("I want people to feel brave", ""),
    ("it feels sad when they're surfing", "music for our surfing trip"),   # what the whole video shows
    ("the trailer needs to feel bigger", ""),                                # the whole video
    ("the client is unhappy with the tempo", ""),                            # who asks
    ("the reverb is too much", ""),
    ("Honestly it is too fast", ""),
    # how the music is made and who hears it: the music's own words, never a moment of the picture
    ("the phrasing feels stiff", ""),
    ("the orchestration feels too thin", ""),
    ("the dynamic range is too narrow", ""),
    ("the textures are a bit muddy", ""),
    ("the listeners should feel hopeful", ""),
    ("our customers need to feel safe", ""),
    ("the momentum is sagging", ""),
    ("The pacing is off", ""), ("the arrangement is too busy", ""), ("the dynamics are too flat", ""),
    ("the timing feels rushed", ""), ("the instrumentation is too sparse", ""), ("the repetition is annoying", ""),
    ("viewers need to feel calm", ""), ("the audience should feel excited", ""), ("the flow is a bit choppy", ""),
    ("the atmosphere should be darker", ""), ("the source audio is too loud", ""),
    ("the top end is too harsh", ""), ("the bit where it gets soft needs a cello", ""),
    ("the ambience should be colder", ""),
])
def test_no_moment_in_music_words_places_or_the_whole_video(request_, subject):
    assert described(request_, subject) is None


def _tempo(plan, section):
    return section.tempo_bpm or plan.tempo_bpm


def _session(tmp_path, request="upbeat music for our cooking channel"):
    return Session.open("cooking.mp4", request, workdir=tmp_path / "store", analysis=long_clip(60.0, 6.0), render=False)


def test_asked_where_then_the_answer_places_the_edit_and_the_name_stays(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    q = s.say("when the chef plates the dish it's far too frantic")
    assert q.question and "when the chef plates the dish" in q.reply and s.plan == before
    assert asked_about(q.reply) == "when the chef plates the dish"
    t = s.say("he plates it in the seventh shot")
    assert t.changed and not t.question
    after = s.plan
    calmer = [_tempo(after, x) < _tempo(before, y) or x.energy < y.energy
              for x, y in zip(after.sections, before.sections)]
    assert calmer[6] and not any(calmer[:6] + calmer[7:])             # shot 7 (36-42 s) calmer, nothing else
    assert all(x == y for k, (x, y) in enumerate(zip(after.sections, before.sections)) if k != 6)
    t = s.say("a little slower for the chef please")                  # the name, a later turn
    assert t.changed and not t.question
    slower = s.plan
    inside = [x for x in slower.sections if x.start_s >= 35.9 and x.end_s <= 42.1]
    assert inside and all(_tempo(slower, x) < _tempo(after, y) for x, y in zip(slower.sections, after.sections)
                          if x in inside)
    assert all(_tempo(slower, x) == _tempo(after, y) for x, y in zip(slower.sections, after.sections)
               if x.end_s <= 36.0 or x.start_s >= 42.0)


def test_an_answer_that_carries_its_own_edit_is_made_at_the_place(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    assert s.say("the market stalls should feel more alive").question
    t = s.say("the market is shots 2 and 3. bring in some percussion too")
    assert t.changed and not t.question
    after = s.plan
    assert energy_at(after, 9.0) > energy_at(before, 9.0) and energy_at(after, 15.0) > energy_at(before, 15.0)
    assert energy_at(after, 3.0) == energy_at(before, 3.0) and energy_at(after, 40.0) == energy_at(before, 40.0)


def test_a_place_said_with_the_moment_is_no_question(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    t = s.say("the sunset at the end needs to be calmer")
    assert t.changed and not t.question
    assert energy_at(s.plan, 58.0) < energy_at(before, 58.0) and energy_at(s.plan, 10.0) == energy_at(before, 10.0)


def test_a_corrected_answer_moves_the_edit_and_the_name(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    assert s.say("when the chef plates the dish it's far too frantic").question
    first = s.say("he plates it in the seventh shot").version
    t = s.say("no sorry, the eighth shot. the seventh one is the chopping, leave that")
    assert t.changed and t.version == first + 1
    moved = s.plan
    assert moved.sections[6] == before.sections[6]                     # shot 7 as it was
    assert moved.sections[7] != before.sections[7]                     # shot 8 calmer now
    assert all(moved.sections[k] == before.sections[k] for k in (0, 1, 2, 3, 4, 5, 8, 9))
    s.say("a little slower for the chef please")                      # the name moved with it
    assert s.plan.sections[7] != moved.sections[7] and s.plan.sections[6] == moved.sections[6]


def test_a_part_named_by_its_content_is_asked_about_until_it_has_a_place(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    q = s.say("calmer during the dinner scene please")
    assert q.question and "dinner scene" in q.reply and s.plan == before
    t = s.say("the dinner is the ninth shot")
    assert t.changed and not t.question
    calmer = s.plan
    assert calmer.sections[8] != before.sections[8]
    assert all(calmer.sections[k] == before.sections[k] for k in range(10) if k != 8)
    t = s.say("and a bit quieter in the dinner part")                 # named now: no question
    assert t.changed and not t.question
    assert all(s.plan.sections[k] == calmer.sections[k] for k in range(10) if k != 8)


def test_a_moment_answered_with_a_time_lands_there_and_a_second_question_keeps_it_pending(tmp_path):
    s = _session(tmp_path, "happy music for our holiday film")
    before = s.plan
    assert s.say("when the kids wave goodbye add a crash").question
    t = s.say("they wave at 0:57")
    assert t.changed and any(abs(h.time_s - 57.0) < 0.05 and h.kind == "crash" for h in s.plan.hit_points)
    assert [x for x in s.plan.sections] == [x for x in before.sections]
    with_crash = s.plan
    q = s.say("the fireworks need to feel massive")               # a new moment: not read with the last answer
    assert q.question and "the fireworks" in q.reply and s.plan == with_crash
    s.say("they go off at 51 seconds")
    if s.plan == with_crash:                                       # asked which way: the answer keeps the place
        s.say("more energy")
    assert s.plan.sections[8].energy > with_crash.sections[8].energy      # the shot at 0:51 (48-54 s)
    assert all(s.plan.sections[k] == with_crash.sections[k] for k in range(10) if k != 8)


def test_a_place_asked_about_by_its_name_is_answered_by_naming_it(tmp_path):
    s = _session(tmp_path, "music for our football club video")
    before = s.plan
    q = s.say("more and more energy up to the goal")
    assert q.question and "goal" in q.reply and s.plan == before
    t = s.say("the goal is the fourth cut")                      # the cut at 0:24
    assert t.changed and not t.question
    assert all(s.plan.sections[k] == before.sections[k] for k in range(4, 10))   # nothing after the goal
    assert any(s.plan.sections[k] != before.sections[k] for k in range(4))
    s.say("a stab right on the goal")                           # the name, a later turn
    assert any(abs(h.time_s - 24.0) < 0.05 and h.kind == "stab" for h in s.plan.hit_points)


@pytest.mark.parametrize("answer, place, rest", [
    ("she's on screen in shots 3 to 6", "from 0:12.00 to 0:36.00", []),
    ("you see it in the sixth shot", "from 0:30.00 to 0:36.00", []),
    ("that happens at 0:22", "at 0:22.00", []),
    ("about 0:41", "at 0:41.00", []),
    ("the tenth shot, and give it some cello", "from 0:54.00 to 1:00.00", ["and give it some cello"]),
    ("it's the shot where the bus leaves, the second one", "from 0:06.00 to 0:12.00", []),
])
def test_an_answer_says_where_in_its_own_words(answer, place, rest):
    analysis = long_clip(60.0, 6.0)
    plan = get_planner("rules").plan(analysis, "music for our video").plan
    assert place_of(answer, "when the mayor speaks", analysis, plan, [plan]) == (place, rest)


@pytest.mark.parametrize("answer", ["he reads the letter from 0:19 to 0:30", "slower from shot 3", "ok thanks"])
def test_a_turn_that_says_more_than_where_is_no_answer(answer):
    analysis = long_clip(60.0, 6.0)
    plan = get_planner("rules").plan(analysis, "music for our video").plan
    assert place_of(answer, "when the mayor speaks", analysis, plan, [plan]) is None


def test_a_request_of_its_own_after_a_where_question_is_no_answer(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    assert s.say("when the kids open the presents it's much too quiet").question
    t = s.say("also more reverb in the last shot")                         # a new request, not where the kids are
    assert "Where is" not in t.reply
    assert all(x.energy == y.energy for x, y in zip(s.plan.sections, before.sections))   # the asked edit not made


@pytest.mark.parametrize("text, answer", [
    ("in shot 4", True), ("it's the sixth photo", True), ("the toast is near the end", True),
    ("she blows them out around 0:40", True), ("the last one", True),
    ("also more reverb in the last shot", False), ("make the intro slower", False), ("add a cello", False),
])
def test_an_answer_to_where_reads_as_one(text, answer):
    assert answers_where(text) is answer


def test_an_answered_moment_moved_by_one_shot(tmp_path):
    s = _session(tmp_path)
    before = s.plan
    assert s.say("when the chef tastes the soup it's too loud").question
    assert s.say("in shot 4").changed
    t = s.say("no, one later")
    assert t.changed and not t.question
    assert energy_at(s.plan, 21.0) == energy_at(before, 21.0)                 # shot 4 (18-24 s) as it was
    assert energy_at(s.plan, 27.0) < energy_at(before, 27.0)                  # shot 5 (24-30 s) the edit now
    assert energy_at(s.plan, 40.0) == energy_at(before, 40.0)
