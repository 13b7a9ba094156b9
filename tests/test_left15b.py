"""Items the fourteenth session left (notes LEFT15, "left15b: clauses, references, replies"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: shot k is [4(k-1), 4k]), in the user's words
and in other words of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, tempo_at, tempos


# ----------------------------------------------------------------------------- 2. a place put back

@pytest.mark.parametrize("first, said", [("make the ending slower", "put the ending back"),
                                         # mine
                                         ("make the ending slower", "restore the ending"),
                                         ("make the intro darker and louder", "put the intro back"),
                                         ("louder from 0:48 on", "put the ending back the way it was")])
def test_a_place_put_back_is_as_it_was_before_its_edit(jazz_long, first, said):
    """A careful user who changed the ending and says "put the ending back" wants the ending as it was before that
    edit, and nothing else moved. Before: "I didn't follow 'put ending back'" (a question)."""
    start = jazz_long.plan
    jazz_long.say(first)
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert tempos(jazz_long.plan) == tempos(start) and energies(jazz_long.plan) == energies(start), turn.reply
    assert [s.chords for s in jazz_long.plan.sections] == [s.chords for s in start.sections], turn.reply


def test_a_place_put_back_keeps_a_later_edit_elsewhere(jazz_long):
    jazz_long.say("make the ending slower")
    jazz_long.say("louder in shot 2")
    was = energy_at(jazz_long.plan, 6)
    turn = jazz_long.say("put the ending back")
    assert turn.changed and round(tempo_at(jazz_long.plan, 58), 1) == 139.4 and energy_at(jazz_long.plan, 6) == was, turn.reply


@pytest.mark.parametrize("said", ["the tempo back down a bit", "set the tempo back to 150"])
def test_a_setting_moved_back_by_an_amount_or_to_a_value_is_no_undo(jazz_long, said):
    jazz_long.say("slower")
    turn = jazz_long.say(said)
    assert turn.changed and round(tempo_at(jazz_long.plan, 30)) not in (139, 118), turn.reply


# ----------------------------------------------------------------------------- 3. a setting put back in one place

@pytest.mark.parametrize("first", ["make shot 3 faster", "faster"])
@pytest.mark.parametrize("said", ["put the tempo back in shot 3",
                                  # mine
                                  "undo the tempo in shot 3 only", "set the tempo back in shot 3",
                                  "the tempo in shot 3 back how it was"])
def test_the_tempo_put_back_in_one_shot_is_the_earlier_tempo_there_only(jazz_long, first, said):
    """"Put the tempo back in shot 3": shot 3 plays at the tempo it had before the edit that changed it there; every
    other shot keeps the tempo it has now. Before: 160.3 -> 136.3 (read as slower), and "undo the tempo in shot 3
    only" after a whole-score "faster" took the whole score back."""
    start = tempo_at(jazz_long.plan, 10)
    jazz_long.say(first)
    now = tempos(jazz_long.plan)
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert tempo_at(jazz_long.plan, 10) == start, turn.reply
    assert [t for k, t in enumerate(tempos(jazz_long.plan)) if k != 2] == [t for k, t in enumerate(now) if k != 2], turn.reply


def test_the_energy_put_back_in_one_of_two_shots(jazz_long):
    start = energies(jazz_long.plan)
    jazz_long.say("louder in shots 3 and 4")
    turn = jazz_long.say("put the energy back in shot 4")
    assert turn.changed and energy_at(jazz_long.plan, 14) == start[3] and energy_at(jazz_long.plan, 10) > start[2], turn.reply


# ----------------------------------------------------------------------------- 4. one line for nothing changed

@pytest.mark.parametrize("first, said, why", [
    ("", "never add strings and never add a harp", "there are no strings in the score, and there is no harp in the score"),
    # mine
    ("no drums", "never add drums, and never add strings", "there are no drums in the score, and there are no strings in the score")])
def test_several_reasons_nothing_changed_are_one_line(jazz_long, first, said, why):
    """Two passed-over changes made the reply "Nothing changed: <one reason>." with "Not changed: <the other>." under
    it; one line says both."""
    if first:
        jazz_long.say(first)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question and turn.reply == f"Nothing changed: {why}.", turn.reply


# ----------------------------------------------------------------------------- 8. a place that never changed, back

@pytest.mark.parametrize("said, what", [("go back to how the ending was before", "the ending"),
                                        # mine
                                        ("the ending was better before", "the ending"), ("put the ending back", "the ending"),
                                        ("the tempo back how it was", "the tempo")])
def test_a_place_no_edit_changed_put_back_says_so_plainly(jazz_long, said, what):
    """After "make shot 2 louder", "go back to how the ending was before" asks for nothing to be done: the ending never
    changed. Before: a question ("... nothing earlier to go back to there. What should change?"); now one plain line."""
    jazz_long.say("make shot 2 louder")
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question and not turn.changed, turn.reply
    assert turn.reply.startswith(f"Nothing changed: no edit so far changed {what}") and "\n" not in turn.reply, turn.reply


def test_a_place_never_changed_put_back_beside_an_edit_makes_the_edit(jazz_long):
    jazz_long.say("make shot 2 louder")
    turn = jazz_long.say("the ending was better before, and make it louder")
    assert turn.changed and energy_at(jazz_long.plan, 58) > 0.7 and "no edit so far changed the ending" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 7. a style and a part back, no comma

@pytest.mark.parametrize("said", ["rock and bring the drums back",
                                  # mine
                                  "make it rock and bring the drums back", "rock and add the drums back in"])
def test_a_style_and_a_part_back_without_a_comma_both_act(jazz_long, said):
    """After "no drums", "rock and bring the drums back" asks for two orders: rock, and the drums playing again.
    Before: only "Drums in." (the jazz score kept); with a comma both were made (fix14)."""
    from v2m.agent.dialogue.operations import effective_roles

    jazz_long.say("no drums")
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and plan.style == "rock", turn.reply
    assert all("drums" in effective_roles(plan, s) for s in plan.sections), turn.reply


# ----------------------------------------------------------------------------- 6. a character of the story, noted

@pytest.mark.parametrize("said, name, later", [
    ("the character walks in at shot 3", "the character walks in", "faster when the character walks in"),
    # mine
    ("the main character walks in at shot 3", "the main character walks in", "faster as the main character walks in"),
    ("the character enters at shot 3", "the character enters", "faster when the character enters")])
def test_a_character_of_the_story_doing_something_is_a_picture_moment(jazz_long, said, name, later):
    """"The character walks in at shot 3" tells what the picture shows there: noted, no music changed, and found again
    later ("faster when the character walks in": shot 3). Before: shot 3 sped up ("walk" a tempo word, "character" a
    music word), or "Do you mean growing over time?"."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question and f'noted for later: "{name}" is shot 3' in turn.reply, turn.reply
    turn = jazz_long.say(later)
    moved = [t for t in range(0, 60, 2) if tempo_at(jazz_long.plan, t) != tempo_at(before, t)]
    assert turn.changed and moved and all(8 <= t < 12 for t in moved), turn.reply


def test_the_musics_character_is_still_asked_about(jazz_long):
    turn = jazz_long.say("give it more character in shot 3")
    assert turn.question and not turn.changed, turn.reply


# ----------------------------------------------------------------------------- 5. a character word in one place

@pytest.mark.parametrize("said, answer, at", [("make the ending funny", "faster", 58),
                                              # mine
                                              ("make shot 3 funnier", "faster", 10), ("give the intro more personality", "faster", 2)])
def test_a_character_word_in_one_place_asks_which_way_then_acts_there(jazz_long, said, answer, at):
    """"Make the ending funny": funny says a character, not a sound; a funny ending may be faster or livelier, so
    which way is asked, as it is for the whole score ("make it funny"). Before: the ending was made faster and
    livelier with no question. The answer acts there only, and the reply does not claim the word went unread."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.question and not turn.changed and jazz_long.plan == before and "faster" in turn.question, turn.reply
    turn = jazz_long.say(answer)
    assert turn.changed and not turn.question and "did not act" not in turn.reply, turn.reply
    moved = [t for t in range(0, 60, 2) if tempo_at(jazz_long.plan, t) != tempo_at(before, t)]
    assert moved and all(abs(t - at) < 4 for t in moved), turn.reply


# ----------------------------------------------------------------------------- 1. a second clause beside a part back

@pytest.mark.parametrize("first, said, tempo_moved, louder", [
    ("no drums", "maybe drums back and faster", 1, False),
    # mine
    ("no drums", "bring the drums back and slower", -1, False), ("faster", "the tempo back and louder", -1, True)])
def test_a_clause_beside_a_thing_put_back_is_made_too(jazz_long, first, said, tempo_moved, louder):
    """"Maybe drums back and faster" (after "no drums") asks two things: the drums playing again and a faster score.
    Before: only "Drums in." ("and faster" dropped silently, as "and louder" beside "the tempo back")."""
    from v2m.agent.dialogue.operations import effective_roles

    jazz_long.say(first)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question and all("drums" in effective_roles(plan, s) for s in plan.sections), turn.reply
    assert (tempo_at(plan, 30) - tempo_at(before, 30)) * tempo_moved > 0, turn.reply
    assert (plan.loudness_lufs > before.loudness_lufs) == louder, turn.reply


@pytest.mark.parametrize("said, level", [("drums back and louder", 5.0), ("the drums back but quieter", -5.0)])
def test_a_level_beside_a_part_back_is_still_that_parts(jazz_long, said, level):
    jazz_long.say("no drums")
    turn = jazz_long.say(said)
    assert jazz_long.plan.loudness_lufs == -16.0 and jazz_long.plan.sections[0].levels_db.get("drums") == level, turn.reply


def test_louder_and_a_loose_feeling_names_the_feeling_it_did_not_make(jazz_long):
    before = jazz_long.plan.tempo_bpm
    turn = jazz_long.say("louder and make it feel hopeful")
    # both clauses act ("hopeful" is the happy mood since left15d: livelier, the style kept), or the reply names it
    made = jazz_long.plan.tempo_bpm > before and jazz_long.plan.style == "jazz"
    assert turn.changed and (made or "I did not act on 'make it feel hopeful'" in turn.reply), turn.reply


# ----------------------------------------------------------------------------- noticed: "no <part>" after a question

@pytest.mark.parametrize("asked, said", [("never add strings, and no drums in shot 3", "no drums in shot 3, more minor"),
                                         ("no drums in shot 3", "no drums in shot 3 please")])
def test_a_part_taken_out_after_a_question_is_no_correction_word(jazz_long, asked, said):
    """After "The drums are already silent there. Did you mean another part?", "no drums in shot 3, ..." still asks
    the drums out. Before: its "no" was cut as a word that corrects the last answer, and "drums in shot 3" brought
    the drums back in shot 3 ("Drums in from 0:08 to 0:12")."""
    from v2m.agent.dialogue.operations import effective_roles

    jazz_long.say("make it minor")
    jazz_long.say("no drums in shot 3")
    assert jazz_long.say(asked).question
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert "drums" not in effective_roles(plan, plan.sections[plan.section_at(10)]) and "Drums in" not in turn.reply, turn.reply
