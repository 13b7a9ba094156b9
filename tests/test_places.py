"""Where an edit applies, said the way people say it, through a real Session: ranges and lists of shots,
"from the Nth shot on", "the last two" counted in the request's noun, several places with their own edit in
one sentence, names given to moments ("the slam is on the fourth cut") read as their place later, a time
given beside a name, and follow-ups that narrow or repeat the last edit. Each test checks the plan, and the
composed MIDI where notes must (not) change."""

from __future__ import annotations

import pytest
from v2m.agent.dialogue.place_finders import locate
from dialogue_check import notes_outside
from edit_clips import energy_at



@pytest.mark.parametrize("words,span", [("the 3rd and 4th shots", (8, 16)), ("shots 2 through 5", (4, 20)),
                                        ("from the seventh shot onwards", (24, 40)), ("after shot 8", (32, 40)),
                                        ("before the third shot", (0, 8)), ("the final couple of shots", (32, 40)),
                                        ("from the second shot to the fourth shot", (4, 16)),
                                        ("the final five seconds", (35, 40)), ("after twenty seconds", (20, 40))])
def test_shot_ranges_lists_and_from_on(rock40, words, span):
    s, a = rock40
    got = locate(words, a, s.plan)
    assert (got.start_s, got.end_s) == span


def test_a_range_of_shots_changes_only_those_shots_in_the_midi(rock40):
    s, a = rock40
    old = s.plan
    s.say("shots 3 through 5 need a lot more drive")
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (9, 13, 17))
    assert energy_at(s.plan, 2) == energy_at(old, 2) and energy_at(s.plan, 30) == energy_at(old, 30)
    assert notes_outside(s.plan, a, 8, 20) == notes_outside(old, a, 8, 20)


def test_several_places_each_with_its_own_direction(rock40):
    s, a = rock40
    old = s.plan
    s.say("follow the waves: down in shot 3, up in shot 6")
    assert energy_at(s.plan, 10) < energy_at(old, 10)
    assert energy_at(s.plan, 22) > energy_at(old, 22)
    assert energy_at(s.plan, 2) == energy_at(old, 2) and energy_at(s.plan, 30) == energy_at(old, 30)


def test_last_few_without_a_noun_count_the_shots_the_request_names(rock40):
    s, a = rock40
    old = s.plan
    s.say("the harbour shots near the end feel too busy, the last three")
    assert all(energy_at(s.plan, t) < energy_at(old, t) for t in (30, 34, 38))
    assert energy_at(s.plan, 26) == energy_at(old, 26)


def test_a_named_moment_is_remembered_as_its_place(rock40):
    s, a = rock40
    s.say("the slam is on the fourth cut, hit it")
    assert any(abs(h.time_s - 16.0) < 0.05 for h in s.plan.hit_points)
    old = s.plan
    s.say("after the slam, much slower")  # the fourth cut is at 16 s: from there to the end
    assert s.plan.sections[s.plan.section_at(20)].tempo_bpm < old.tempo_bpm
    assert s.plan.sections[s.plan.section_at(10)].tempo_bpm in (None, old.tempo_bpm)
    assert notes_outside(s.plan, a, 16, 40) == notes_outside(old, a, 16, 40)


def test_a_time_beside_a_name_wins_and_means_the_shot_there(rock40):
    s, a = rock40
    old = s.plan
    s.say("push the drums up at the goal, which happens at 24 seconds")
    changed = [x for x in s.plan.sections if x.levels_db.get("drums", 0) != 0]
    assert changed and all(24 - 0.05 <= x.start_s and x.end_s <= 28 + 0.05 for x in changed)
    assert energy_at(s.plan, 10) == energy_at(old, 10)


def test_narrowing_the_marks_just_added(rock40):
    s, a = rock40
    s.say("a stab on every cut")
    stabs = sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab")
    assert len(stabs) == 9
    s.say("hmm, only the last three")
    assert sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab") == stabs[-3:]
    s.say("undo")
    s.say("except the first one")
    assert sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab") == stabs[1:]


def test_same_again_on_bare_shot_numbers(rock40):
    s, a = rock40
    s.say("shots 2 to 3 need more energy")
    old = s.plan
    s.say("same for 7 and 8")
    assert energy_at(s.plan, 26) > energy_at(old, 26) and energy_at(s.plan, 30) > energy_at(old, 30)
    assert energy_at(s.plan, 38) == energy_at(old, 38)


def test_a_moment_named_as_landing_is_marked_and_remembered(rock40):
    s, a = rock40
    s.say("make the chorus land at 0:22")
    assert any(abs(h.time_s - 22.0) < 0.05 for h in s.plan.hit_points)
    s.say("the beat at 0:30 should be the splash, strings in there")  # an edit placed at the other moment
    old = s.plan
    s.say("everything before the chorus should swell up gradually")
    rising = [x.energy for x in s.plan.sections if x.end_s <= 22 + 0.05]
    assert rising == sorted(rising) and rising[0] < rising[-1]
    after = [x for x in old.sections if x.start_s >= 22 - 0.05]
    assert after and all(x in s.plan.sections for x in after)


def test_the_next_cut_and_the_nth_one_count_from_what_was_said(rock40):
    s, a = rock40
    s.say("no drums in shot 4")
    s.say("a stab on the next cut")                     # shot 4 ends at the cut at 16 s
    assert any(abs(h.time_s - 16.0) < 0.05 and h.kind == "stab" for h in s.plan.hit_points)
    s.say("counting the cuts, on the sixth one a stab")  # the sixth cut is at 24 s
    assert any(abs(h.time_s - 24.0) < 0.05 and h.kind == "stab" for h in s.plan.hit_points)
    s.say("finish on a dead stop, final cut")            # the place said after the edit, without "the"
    assert any(abs(h.time_s - 36.0) < 0.05 and h.kind == "stop" for h in s.plan.hit_points)


def test_two_places_joined_by_and_keep_their_own_edits(rock40):
    s, a = rock40
    old = s.plan
    s.say("darker in shot 2 and a lot faster in shot 5")
    assert s.plan.sections[s.plan.section_at(18)].tempo_bpm > old.tempo_bpm
    assert s.plan.sections[s.plan.section_at(6)].tempo_bpm in (None, old.tempo_bpm)
    assert s.plan.sections[s.plan.section_at(6)].chords != old.sections[old.section_at(6)].chords
    assert energy_at(s.plan, 30) == energy_at(old, 30)


def test_just_before_it_and_after_it_are_read_against_the_moment_said(rock40):
    s, a = rock40
    old = s.plan
    s.say("the door opens on the fifth cut, calmer just before it and busier after it")  # the cut at 20 s
    assert energy_at(s.plan, 18) < energy_at(old, 18)            # the shot before the cut
    assert energy_at(s.plan, 10) == energy_at(old, 10)           # not the whole start
    assert all(energy_at(s.plan, t) > energy_at(old, t) for t in (22, 30, 38))


@pytest.mark.parametrize("words,name,place", [
    ("the lift-off is at 0:12", "lift-off", "0:12"), ("their slow dance starts at 0:40", "slow dance", "0:40"),
    ("the last 6 seconds are the credits", "credits", "the last 6 seconds"),
    ("the toast's on the seventh cut", "toast", "the seventh cut"),
    ("darker in shot 2", None, None), ("much slower at 0:40", None, None), ("slow motion at 0:30", None, None), ("strings on the third cut", None, None),
    ("the third shot is a bit too much now", None, None)])
def test_what_counts_as_a_name_for_a_place(words, name, place):
    from v2m.agent.dialogue.names import defined

    found = defined(f" {words} ")[1]
    assert found == ({name: place} if name else {})


def test_a_place_said_to_be_a_moment_names_it_for_later_turns(rock40):
    s, a = rock40
    s.say("the sixth cut is his big entrance, a stab there")       # the sixth cut is at 24 s
    assert any(abs(h.time_s - 24.0) < 0.05 and h.kind == "stab" for h in s.plan.hit_points)
    old = s.plan
    s.say("no drums after his big entrance")
    from v2m.agent.dialogue.operations import effective_roles

    assert all("drums" not in effective_roles(s.plan, x) for x in s.plan.sections if x.start_s >= 24 - 0.05)
    before = [x for x in old.sections if x.end_s <= 24 + 0.05]
    assert before and all(x in s.plan.sections for x in before)


def test_a_correction_moves_the_last_edit_to_the_place_now_named(rock40):
    s, a = rock40
    first = s.plan
    s.say("more energy in shot 2")
    s.say("no sorry, I meant the seventh shot, the beach one")
    assert energy_at(s.plan, 6) == energy_at(first, 6)          # shot 2 is back as it was
    assert energy_at(s.plan, 26) > energy_at(first, 26)         # shot 7 got the edit
    assert energy_at(s.plan, 30) == energy_at(first, 30)
    s.say("louder overall")
    loud = s.plan
    s.say("it's shot 4")      # a whole-score edit has no place to move: nothing is moved
    assert s.plan == loud


def test_narrowing_to_no_marks_or_more_than_were_added_is_a_question(rock40):
    s, a = rock40
    s.say("a stab on every cut")
    plan = s.plan
    for words in ("just the last 0", "only the first 12"):
        t = s.say(words)
        assert t.question and s.plan == plan


def test_that_shot_is_where_the_last_edit_was(rock40):
    s, a = rock40
    s.say("no drums in shot 3")
    old = s.plan
    s.say("and more energy in that shot too")
    assert energy_at(s.plan, 10) > energy_at(old, 10)
    assert energy_at(s.plan, 6) == energy_at(old, 6) and energy_at(s.plan, 14) == energy_at(old, 14)


def test_an_answer_to_the_question_just_asked_completes_that_request(rock40):
    s, a = rock40
    first = s.plan
    t = s.say("a bit slower when the cat falls over")   # the picture cannot say when: a question
    assert t.question and s.plan == first
    s.say("the cat falls in the sixth shot")           # the answer: where, read with the request it answers
    assert s.plan.sections[s.plan.section_at(22)].tempo_bpm < first.tempo_bpm
    # (the MIDI's tempo changes move later notes by float rounding, ~1 ms: compared to 10 ms)
    def rounded(plan):
        return [(round(t, 2), p) for t, p in notes_outside(plan, a, 19.99, 24.01)]
    assert rounded(s.plan) == rounded(first)
    # a whole request after a question is read on its own
    s.say("a bit slower when the cat falls over")
    before = s.plan
    s.say("much more energy in the last shot")
    assert energy_at(s.plan, 38) > energy_at(before, 38)
    assert s.plan.sections[s.plan.section_at(22)].tempo_bpm == before.sections[before.section_at(22)].tempo_bpm


@pytest.mark.parametrize("words,span", [("the second to last shot", (32, 36)), ("the last 0 shots", (36, 40)),
                                        ("from shot 5 until 0:30", None)])
def test_places_that_once_read_wrong(rock40, words, span):
    s, a = rock40
    found = locate(f" {words} ", a, s.plan)
    assert (found.start_s, found.end_s) == span if span else found is None or found.start_s == 16.0


def test_a_one_word_name_at_a_clause_start_is_still_a_verb(rock40):
    s, a = rock40
    s.say("make the drop land at 0:18")          # "the drop" is remembered as a moment
    hits = s.plan.hit_points
    t = s.say("drop the drums")                  # the verb, not the moment
    assert s.plan.hit_points == hits and t.reply.startswith("No drums")
    from v2m.agent.dialogue.edits import read_request   # the grammar alone too (the model may mend it)
    (it,) = read_request(a, s.plan, "drop the drums", known={"drop": "0:18"})
    assert (it.what, it.value) == ("remove", "drums")


def test_seconds_said_in_words_are_a_moment(rock40):
    s, a = rock40
    first = s.plan
    s.say("darker at thirty five seconds")          # the shot at 0:35, not the whole score
    assert notes_outside(s.plan, a, 32, 36) == notes_outside(first, a, 32, 36)
    assert s.plan.sections[s.plan.section_at(34)].chords != first.sections[first.section_at(34)].chords
