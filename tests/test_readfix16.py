"""What readback16 found in the sixteenth session's merges (notes READBACK16_REPORT), each through a real Session on
the `jazz_long` clip (60 s, shots of 4 s; drums, bass, e-piano = harmony, tenor sax = melody), in the report's
wording and in other voices' wordings of the same thing."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at

from v2m.agent.dialogue.operations import effective_roles


def _playing(plan, role: str, t: float) -> bool:
    return role in effective_roles(plan, plan.sections[plan.section_at(t)])


# ----------------------------------------------------------------------------- 1. a part leaving is no fade in

@pytest.mark.parametrize("said, role", [("the piano should slowly drift away at the end", "harmony"),
                                        ("let the sax slowly ease off at the end", "melody"),
                                        ("the bass should slowly come back in the last shot", "bass"),
                                        # other voices
                                        ("the melody slowly drifts off at the end", "melody"),
                                        ("piano shld slowly drift out at the end", "harmony"),
                                        ("let the sax gradually creep away in the last shot", "melody")])
def test_a_part_drifting_away_or_coming_back_is_not_taken_out_before(jazz_long, said, role):
    """Before: "slowly drift/ease/come" read as "gradually bring in", and the part, which plays throughout, was
    removed from 0:00 to 0:56 and rose in at the end."""
    turn = jazz_long.say(said)
    assert all(_playing(jazz_long.plan, role, t) for t in (2.0, 20.0, 40.0)), turn.reply


# ----------------------------------------------------------------------------- 2. a fade in has no end

@pytest.mark.parametrize("said", ["fade in the piano in shot 5",
                                  # other voices
                                  "fade the keys in during shot 5", "let the piano slowly creep in in shot 5"])
def test_a_part_faded_in_over_a_shot_keeps_playing_after_it(jazz_long, said):
    """Before: the piano rose over shot 5, fell back out (-4, -8, -12 dB) by its end and was gone from 0:20 to 1:00."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert all(_playing(plan, "harmony", t) for t in (21.0, 40.0, 59.0)), turn.reply
    assert level_at(plan, "harmony", 30.0) == 0 and level_at(plan, "harmony", 19.8) >= level_at(plan, "harmony", 16.2), turn.reply


# ----------------------------------------------------------------------------- 3. a part kept, another changed

@pytest.mark.parametrize("said, kept, moved, up", [("keep the sax, the drums down", "melody", "drums", False),
                                                   ("keep the piano, the bass quieter", "harmony", "bass", False),
                                                   ("leave the sax, the bass up", "melody", "bass", True),
                                                   # other voices
                                                   ("leave the keys, the drums softer pls", "harmony", "drums", False),
                                                   ("keep the keys, bass quieter", "harmony", "bass", False),
                                                   ("love the sax, the drums louder tho", "melody", "drums", True)])
def test_a_part_kept_before_a_comma_is_not_listed_with_the_part_changed(jazz_long, said, kept, moved, up):
    """Before: `idioms.PARTS_LISTED_RE` joined the kept part into the list ("the sax and the drums down")."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert level_at(plan, kept, 30.0) == 0, turn.reply
    assert (level_at(plan, moved, 30.0) > 0) if up else (level_at(plan, moved, 30.0) < 0), turn.reply


# ----------------------------------------------------------------------------- 4. a word of talk had is no moment

@pytest.mark.parametrize("said", ["we have a problem in shot 3", "I've got a question about shot 3",
                                  # other voices
                                  "we got a little problem on cut 5", "there is an issue at 0:20", "i have a quick q about shot 3"])
def test_a_problem_or_question_about_a_place_is_not_noted_as_a_moment(jazz_long, said):
    """Before: 'Nothing changed; noted for later: "we have a problem" is shot 3.' (`moment_table.HAVE_RE`)."""
    turn = jazz_long.say(said)
    assert "noted" not in turn.reply, turn.reply


@pytest.mark.parametrize("said, label", [("we got a freeze on cut five", '"the freeze"'),
                                         # other voices
                                         ("there's a moment at 0:20 where she laughs", '"the moment where she laughs"'),
                                         ("we've got a jump scare at 0:30", '"the jump scare"')])
def test_a_moment_had_is_noted_without_the_words_it_was_had_with(jazz_long, said, label):
    """Before: 'noted for later: "we got a freeze" is cut five'."""
    turn = jazz_long.say(said)
    assert label in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 5. praise said through a simile

@pytest.mark.parametrize("said", ["sounds like a great soundtrack",
                                  # other voices
                                  "this feels like a perfect film score", "its like a really good movie soundtrack now"])
def test_the_score_said_to_be_a_fine_one_is_approval(jazz_long, said):
    """Before: "I didn't follow 'great soundtrack'. Do you mean brighter (major), or darker (minor)?" (the simile's
    praise was stripped as the thing's, `approval.LIKENED_RE`)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question and "glad" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. a taking back said thing-first is read

@pytest.mark.parametrize("first, said", [("slower in shot 3", "the tempo, put it back like before"),
                                         ("the drums are too loud", "the drums, put them back like before"),
                                         # other voices
                                         ("louder drums in the intro", "the drums in the intro, bring them back like they were"),
                                         ("make it minor", "the minor key, put it back how it was")])
def test_a_taking_back_said_thing_first_is_not_reported_unread(jazz_long, first, said):
    """Before: the change was taken back, and the reply added "I did not act on 'the tempo' or 'put it back like
    before'" (`unread` did not read the thing said first as `understanding` does, `fronted.said_first`)."""
    start = jazz_long.plan
    jazz_long.say(first)
    turn = jazz_long.say(said)
    assert turn.changed and "did not act" not in turn.reply, turn.reply
    assert jazz_long.plan.sections == start.sections or jazz_long.plan.key == start.key, turn.reply


# ----------------------------------------------------------------------------- 7. a part coming in strong where it plays

@pytest.mark.parametrize("said, t", [("the drums should come in strong at shot 5", 16.0),
                                     ("the drums should come in properly at the chorus at 0:20", 20.0),
                                     # other voices
                                     ("drums come in full at 0:20", 20.0), ("the bass comes in strongly at the fifth cut", 20.0)])
def test_a_part_said_to_come_in_strong_where_it_plays_is_fuller_from_there(jazz_long, said, t):
    """Before: "No drums from 0:00 to 0:16" (`mentions.ENTRY_RE` read the manner word as an entry)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    role = "bass" if "bass" in said else "drums"
    assert _playing(plan, role, 2.0) and level_at(plan, role, 2.0) == 0, turn.reply
    assert level_at(plan, role, t + 1) > 0 and level_at(plan, role, 55.0) > 0, turn.reply


def test_a_part_out_before_said_to_come_in_strong_enters_there(jazz_long):
    jazz_long.say("no drums")
    turn = jazz_long.say("the drums should come in strong at shot 5")
    plan = jazz_long.plan
    assert not _playing(plan, "drums", 10.0) and _playing(plan, "drums", 17.0) and _playing(plan, "drums", 55.0), turn.reply


# ----------------------------------------------------------------------------- 6. a struck sound at a moment

@pytest.mark.parametrize("said, at, kind", [("add a bell at 0:20", 20.0, "accent"),
                                            ("add a chime when she opens the door at 0:12", 12.0, "accent"),
                                            ("add a gong at 0:50", 50.0, "crash"),
                                            # other voices
                                            ("can u put a triangle on 0:20", 20.0, "accent"),
                                            ("a bell sound exactly at 0:24 please", 24.0, "accent")])
def test_a_struck_sound_marks_the_moment_as_light_or_big_as_the_sound(jazz_long, said, at, kind):
    """A bell or a chime is a light mark, also where a cut's crash is ("already has a strong crash" answered a bell
    before); a gong a big one (it was a light accent)."""
    turn = jazz_long.say(said)
    there = [h.kind for h in jazz_long.plan.hit_points if abs(h.time_s - at) < 0.05]
    assert turn.changed and there == [kind], (there, turn.reply)


# ----------------------------------------------------------------------------- 9, 10. "2" read as "too": one rule

@pytest.mark.parametrize("said", ["add just 2 soft hits at the end", "now 2 quiet stabs in the intro", "add 2 soft hits at the end",
                                  # other voices
                                  "also 2 quick stabs at 0:10", "still 2 big hits please", "can u do 2 soft claps at 0:20"])
def test_two_marks_said_with_a_quality_are_a_count_not_too(said):
    """Before: "add just too soft hits" ("I don't know an instrument called 'just'"), "now too quiet stabs" (the intro
    calmer): "2" before a quality was "too" also where a counted noun follows (`plainly.TOO_RE`, `spelling.PHONE`)."""
    from v2m.agent.dialogue.plainly import plain
    assert " 2 " in f" {plain(said)} " and "too" not in plain(said)


@pytest.mark.parametrize("said, plainly", [("louder at the chorus 2", "louder at the chorus 2"),
                                           ("slower in the intro and the verse 2", "slower in the intro and the verse 2"),
                                           ("cut to the camera 2", "cut to the camera 2"),
                                           # still "too": a part before it, or a quality after it
                                           ("more drums and the bass 2", "more drums and the bass too"),
                                           ("the drums r 2 loud", "the drums are too loud"), ("way 2 slow lol", "way too slow lol")])
def test_two_at_the_end_is_too_only_after_a_part(said, plainly):
    from v2m.agent.dialogue.plainly import plain
    assert plain(said) == plainly


def test_two_soft_hits_ask_nothing_about_an_instrument_and_move_no_energy(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("now 2 quiet stabs in the intro")
    assert "instrument called" not in turn.reply and [s.energy for s in jazz_long.plan.sections] == [s.energy for s in before.sections], turn.reply


# ----------------------------------------------------------------------------- 11. a simile's "like" is no filler

@pytest.mark.parametrize("said", ["make it like a lot of 80s movies", "make it like Pretty Woman", "play it like so, slower",
                                  # other voices
                                  "do them like so.", "make it like super Mario"])
def test_a_simile_after_it_keeps_its_like(said):
    """Before: "make it a lot of 80s movies", "play it so" (quoted back in the reply as the user's words)."""
    from v2m.agent.dialogue.plainly import plain
    assert " like " in plain(said)


@pytest.mark.parametrize("said, plainly", [("uh huh", "yes"), ("uh-huh", "yes"),
                                           # a filler "like" still goes
                                           ("it's like really slow", "it's really slow"), ("make them like pretty quiet", "make them pretty quiet")])
def test_uh_huh_is_a_yes_and_a_filler_like_still_goes(said, plainly):
    from v2m.agent.dialogue.plainly import plain
    assert plain(said) == plainly


# ----------------------------------------------------------------------------- 12. a mark named, "r", letters repeated

@pytest.mark.parametrize("said", ["put a question mark on the ending, it feels unresolved", "the question mark shot",
                                  "make a comma-like pause at 0:10", "slower in the first period then faster in the second period",
                                  "shot r is weird", "make it r rated", "go from ppp to fff",
                                  # other voices
                                  "end it on a question mark", "that comma moment at 0:12 needs a breath", "third period slower pls"])
def test_what_plainly_must_leave_as_typed(said):
    """Before: "put a? on the ending", "the first. then faster", "shot are is weird", "go from pp to ff"."""
    from v2m.agent.dialogue.plainly import plain
    assert plain(said) == said


@pytest.mark.parametrize("said, plainly", [("slower comma louder drums period", "slower, louder drums."),
                                           ("is it too slow question mark", "is it too slow?"), ("the drums r too loud", "the drums are too loud")])
def test_dictated_marks_and_texted_r_are_still_read(said, plainly):
    from v2m.agent.dialogue.plainly import plain
    assert plain(said) == plainly


def test_a_question_mark_named_in_a_request_is_no_sign(jazz_long):
    """Before: "put a? on the ending" and "I didn't follow 'put'" (`messages.DICTATED` read the words as the sign too:
    one rule now, `plainly.SAID_MARKS`)."""
    from v2m.agent.dialogue.messages import unwrap
    assert "question mark" in unwrap("put a question mark on the ending, it feels unresolved")
    turn = jazz_long.say("put a question mark on the ending, it feels unresolved")
    assert "didn't follow 'put'" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 13. a zoo is a place

@pytest.mark.parametrize("said", ["this is a zoo, so make it playful", "it's a circus, make it fun", "its a zoo video, more playful"])
def test_a_zoo_or_circus_on_screen_is_not_a_busy_mix(jazz_long, said):
    """Before: "this is a zoo, so make it playful" lowered the energy everywhere (`part_levels.CHAOS_RE`)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert all(a.energy >= b.energy for a, b in zip(jazz_long.plan.sections, before.sections)), turn.reply


# ----------------------------------------------------------------------------- twin T3: the undo verbs, one list

@pytest.mark.parametrize("said", ["the build up i asked before, nix it", "nix the build up",
                                  # other voices
                                  "bin the build up pls", "ok scrap the build up", "the build up, trash it"])
def test_a_build_thrown_away_with_any_verb_of_binning_is_taken_back(jazz_long, said):
    """Before: "nix" undid only "nix the last one" (`references.LAST_ONE_OFF`); "nix the build up" built again."""
    start = jazz_long.plan
    jazz_long.say("build up into shot 3")
    turn = jazz_long.say(said)
    assert turn.changed and "did not act" not in turn.reply, turn.reply
    assert all(energy_at(jazz_long.plan, t) == energy_at(start, t) for t in (4.5, 6.0, 7.5)), turn.reply
