"""readback15a's findings on the fifteenth session's diff (notes READBACK15A_REPORT, items 1-11), each through a real
chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the
chords, tenor sax on the tune; shot k is [4(k-1), 4k]), in the reader's words and in others of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at, levels

from v2m.agent.dialogue.operations import effective_roles

OTHERS = ("bass", "harmony", "melody")   # jazz's parts beside the drums


# ----------------------------------------------------------------------------- 1. the rest of the band, with a place

@pytest.mark.parametrize(("said", "inside", "outside"), [("the others quieter than the drums in shot 3", 10, 30),
                                                         ("the others should be quieter than the drums after 0:30", 40, 10),
                                                         # mine
                                                         ("everything but the drums softer in shot 5", 18, 40)])
def test_the_rest_against_a_part_with_a_place_moves_every_other_part_there_only(jazz_long, said, inside, outside):
    """Every other part steps back in the place said, and only there (before: the first part listed, the bass, went
    down over the whole clip, because the place trailed only the last of the rewritten clauses)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed, turn.reply
    assert all(level_at(plan, r, inside) < 0 for r in OTHERS), turn.reply
    assert all(level_at(plan, r, outside) == 0 for r in OTHERS), turn.reply
    assert set(levels(plan, "drums")) == {0.0}, turn.reply


# ----------------------------------------------------------------------------- 2. the music spoken of ending

@pytest.mark.parametrize("said", ["the music ending at 0:50 is too abrupt", "the track ending at the end of shot 5 feels right",
                                  # mine
                                  "the music finishing at 0:40 sounds odd"])
def test_the_music_spoken_of_ending_is_not_cut(jazz_long, said):
    """A description, a complaint or praise of the music's end cuts no music (before: "No music from 0:50 to 1:00")."""
    turn = jazz_long.say(said)
    assert not turn.changed and "No music" not in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["the music should end at 0:50", "let the music end at the end of shot 5"])
def test_the_music_said_to_end_still_ends(jazz_long, said):
    turn = jazz_long.say(said)
    assert turn.changed and "No music" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 3. the energy back after a dip

@pytest.mark.parametrize("said", ["make shot 3 calm and get the energy back in shot 4", "calm in shot 3, energy back in shot 4",
                                  # mine
                                  "make shot 3 quieter and get some energy back in shot 4"])
def test_the_energy_back_beside_a_dip_raises_it_again(jazz_long, said):
    """The user means raise the energy again after the dip, not go back to a version: the dip is made and the next
    shot rises (before: "This is still the first score ...", nothing made, the calm included)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and "first score" not in turn.reply, turn.reply
    assert energy_at(plan, 10) < energy_at(before, 10) and energy_at(plan, 14) > energy_at(before, 14), turn.reply


def test_the_energy_put_back_is_still_a_revert(jazz_long):
    jazz_long.say("make shot 3 calm")
    calm = jazz_long.plan
    turn = jazz_long.say("put the energy back in shot 3")
    assert turn.changed and energy_at(jazz_long.plan, 10) > energy_at(calm, 10), turn.reply
    assert energy_at(jazz_long.plan, 14) == energy_at(calm, 14), turn.reply


# ----------------------------------------------------------------------------- 4. a part said to play too weakly

@pytest.mark.parametrize("said", ["the drums don't hit as hard as they should", "the drums don't hit so hard anymore, make them punchier",
                                  # mine
                                  "the bass doesn't play hard enough"])
def test_a_part_said_to_play_too_weakly_goes_up(jazz_long, said):
    """A complaint that the part is too weak: it goes up (before: "Drums softer against the others (+0 -> -5 dB)")."""
    role = "bass" if "bass" in said else "drums"
    turn = jazz_long.say(said)
    assert turn.changed and min(levels(jazz_long.plan, role)) > 0, turn.reply


@pytest.mark.parametrize("said", ["the drums shouldn't hit so hard", "don't hit the drums so hard"])
def test_a_part_told_not_to_play_so_hard_still_goes_down(jazz_long, said):
    turn = jazz_long.say(said)
    assert turn.changed and max(levels(jazz_long.plan, "drums")) < 0, turn.reply


# ----------------------------------------------------------------------------- 5. a part said to need something

@pytest.mark.parametrize(("said", "role", "at"), [("the bass needs something", "bass", 30),
                                                  ("the piano needs something in the ending", "harmony", 58),
                                                  # mine
                                                  ("the drums could use something in shot 4", "drums", 14)])
def test_a_part_said_to_need_something_comes_up(jazz_long, said, role, at):
    """The part said is the one to bring up, where said (before: more energy everywhere, the part left alone)."""
    turn = jazz_long.say(said)
    assert turn.changed and level_at(jazz_long.plan, role, at) > 0, turn.reply


def test_a_dull_place_said_to_need_something_still_gets_more_energy(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("the boring bit in the middle needs something")
    assert turn.changed and energy_at(jazz_long.plan, 30) > energy_at(before, 30), turn.reply


# ----------------------------------------------------------------------------- 6. "from 0:20 on" at the head

@pytest.mark.parametrize("said", ["from 0:20 on, make it louder, and the drums quieter until 0:30",
                                  # mine
                                  "from 0:20 onwards make it louder and the drums quieter till 0:30",
                                  "from shot 6 on, more energy, and no drums until 0:30"])
def test_a_head_stretch_said_to_run_on_keeps_its_end(jazz_long, said):
    """"on" says the stretch runs to the end: a later clause's "until" closes only its own edit (before: louder from
    0:20 to 0:30 only)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed, turn.reply
    assert energy_at(plan, 22) > energy_at(before, 22) and energy_at(plan, 50) > energy_at(before, 50), turn.reply
    assert energy_at(plan, 10) == energy_at(before, 10) and level_at(plan, "drums", 40) == 0, turn.reply


def test_a_head_stretch_closed_by_a_later_end_still_closes(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("from 0:20 make it louder and add strings till 0:40")
    assert energy_at(jazz_long.plan, 30) > energy_at(before, 30) and energy_at(jazz_long.plan, 50) == energy_at(before, 50), turn.reply


# ----------------------------------------------------------------------------- 7. a fade or a build told by where it lasts

@pytest.mark.parametrize(("said", "down"), [("the fade goes from 0:50 to 1:00", True), ("the build goes from 0:20 to 0:40", False),
                                            # mine
                                            ("the fade out runs from 0:50 to 1:00", True)])
def test_a_fade_or_a_build_told_by_where_it_lasts_is_made(jazz_long, said, down):
    """An order for that shape there (before: "Nothing changed; noted for later: "the fade" is from 0:50 to 1:00")."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and "noted for later" not in turn.reply, turn.reply
    if down:
        assert energy_at(plan, 58) < energy_at(before, 58) and energy_at(plan, 30) == energy_at(before, 30), turn.reply
    else:
        assert energy_at(plan, 38) - energy_at(plan, 22) > energy_at(before, 38) - energy_at(before, 22), turn.reply


def test_a_stretch_named_by_how_long_it_lasts_is_still_noted(jazz_long):
    turn = jazz_long.say("the chase runs from 0:10 to 0:25")
    assert not turn.changed and "noted" in turn.reply, turn.reply
    turn = jazz_long.say("make the chase faster")
    assert turn.changed and "0:10 to 0:25" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 8. a correction beside another order

def test_a_correction_keeps_the_order_said_with_it_honest(jazz_long):
    """The correction's own words are read by it; an order beside them that nothing read is still reported (before:
    the zoop was dropped silently)."""
    jazz_long.say("make shot 5 faster")
    turn = jazz_long.say("sorry, I meant shot 6, and do the zoop thing")
    assert turn.changed and "shot 6" in turn.reply and "did not act on 'do the zoop thing'" in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["sorry, I meant shot 6", "sorry, I meant the sixth shot, my bad", "no, one later"])
def test_a_correction_alone_reports_no_unread_words(jazz_long, said):
    jazz_long.say("make shot 5 faster")
    turn = jazz_long.say(said)
    assert turn.changed and "did not act" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 9. nothing to put back there

@pytest.mark.parametrize(("said", "where"), [("put the tempo back in shot 5", "in shot 5"),
                                             # mine
                                             ("put the energy back in shot 7", "in shot 7")])
def test_a_setting_put_back_where_no_edit_changed_it_names_the_place(jazz_long, said, where):
    """No version is made, and the line says the place: an edit did change the setting, elsewhere (before: "no edit so
    far changed the tempo", after shot 2's tempo change)."""
    jazz_long.say("make shot 2 faster and more energy in shot 2")
    turn = jazz_long.say(said)
    assert not turn.changed and f"so far changed the {said.split()[2]} {where}" in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 10. "no more crashes" after one mark

@pytest.mark.parametrize("said", ["no more crashes",
                                  # mine
                                  "no crashes"])
def test_marks_refused_in_the_plural_after_one_mark_are_every_one(jazz_long, said):
    """The plural names the crashes in general: every cut's crash goes (before: only the mark just added, "No accent
    at 0:30", and the 14 cut crashes stayed)."""
    jazz_long.say("a hit at 0:30")
    turn = jazz_long.say(said)
    assert turn.changed and not [h for h in jazz_long.plan.hit_points if h.kind == "crash"], turn.reply
    assert "no crashes left" in turn.reply, turn.reply   # said once (left16c, regress16), not fourteen times


def test_a_mark_refused_in_the_singular_after_one_is_that_one(jazz_long):
    jazz_long.say("a crash at 0:30")
    turn = jazz_long.say("ok no crash then")
    assert turn.changed and "0:30" in turn.reply and "0:04" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 11. faded in at one time and out at another

@pytest.mark.parametrize(("said", "role"), [("fade the strings in at 0:20 and out at 0:40", "strings"),
                                            # mine
                                            ("fade in the flute at 0:20 and fade it out at 0:40", "lead")])
def test_a_part_faded_in_and_out_plays_between_the_two(jazz_long, said, role):
    """The part plays from the one moment to the other, rising in (before: from 0:20 to the end, "out at 0:40" dropped
    without a word)."""
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    playing = [s for s in plan.sections if any(role in r or r in role for r in effective_roles(plan, s))]
    assert turn.changed and playing, turn.reply
    assert playing[0].start_s == pytest.approx(20, abs=0.1) and playing[-1].end_s == pytest.approx(40, abs=0.1), turn.reply
    assert "rising in" in turn.reply, turn.reply


def test_a_part_faded_in_at_a_moment_still_plays_to_the_end(jazz_long):
    turn = jazz_long.say("fade the strings in at 0:20")
    assert turn.changed and "from 0:20 to 1:00" in turn.reply, turn.reply
