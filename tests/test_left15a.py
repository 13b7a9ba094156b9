"""Defects the fourteenth session left (notes LEFT15, "left15a: the score's parts and fades"), each through a real chat
Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the chords,
tenor sax on the tune), in the user's words and in other words of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, levels

from v2m.agent.dialogue.operations import effective_roles

OTHERS = ("bass", "harmony", "melody")   # jazz's parts beside the drums


def _level(plan, role: str) -> set[float]:
    return set(levels(plan, role))


# ----------------------------------------------------------------------------- 6. the rest of the band against a part

@pytest.mark.parametrize("said", ["the others quieter than the drums",
                                  # mine
                                  "everything else quieter than the drums", "make everything except the drums quieter",
                                  "the rest of the band should be softer than the drums"])
def test_the_rest_quieter_than_a_part_moves_every_other_part_down(jazz_long, said):
    """The user wants the drums on top by taking the others down: every other part playing steps back, the drums,
    the loudness and the energy stay, and no part is taken out (before: the drums -5 dB, the way asked against;
    "everything except the drums quieter" kept only the drums)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert _level(plan, "drums") == {0.0} and all(max(levels(plan, r)) < 0 for r in OTHERS), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply
    assert all(set(effective_roles(plan, s)) == {"drums", *OTHERS} for s in plan.sections), turn.reply


def test_the_rest_louder_than_a_part_moves_every_other_part_up(jazz_long):
    turn = jazz_long.say("everything but the bass louder")
    plan = jazz_long.plan
    assert _level(plan, "bass") == {0.0} and all(min(levels(plan, r)) > 0 for r in ("drums", "harmony", "melody")), turn.reply


# ----------------------------------------------------------------------------- 4. a limit between two parts

@pytest.mark.parametrize("said", ["the drums shouldn't be louder than the piano",
                                  # mine
                                  "never let the drums get louder than the piano", "keep the drums under the piano",
                                  "the drums must not be louder than the piano"])
def test_a_part_not_louder_than_another_steps_under_it(jazz_long, said):
    """A balance: the drums at or below the piano, the piano and the rest as they are (before: the drums +5 dB)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert all(d <= p - 3 for d, p in zip(levels(plan, "drums"), levels(plan, "harmony"))), turn.reply
    assert _level(plan, "harmony") == {0.0} and energies(plan) == energies(before), turn.reply
    assert plan.loudness_lufs == before.loudness_lufs, turn.reply


def test_a_part_not_quieter_than_another_comes_over_it(jazz_long):
    turn = jazz_long.say("the piano shouldn't be quieter than the drums")
    plan = jazz_long.plan
    assert all(p > d for d, p in zip(levels(plan, "drums"), levels(plan, "harmony"))), turn.reply


# ----------------------------------------------------------------------------- 3. the part said after "it"

@pytest.mark.parametrize("said, drop", [("can you turn it down, the drums", "drums"),
                                        # mine
                                        ("make it a bit quieter, the bass", "bass"), ("turn it down a notch, the sax please", "melody"),
                                        ("could you bring it down, the piano?", "harmony")])
def test_the_part_named_after_it_is_what_goes_down(jazz_long, said, drop):
    """"it" is the part said after the comma: that part softer, the loudness and every other part as they were
    (before: the loudness -3 LUFS and the drums -5 dB)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and plan.loudness_lufs == before.loudness_lufs and energies(plan) == energies(before), turn.reply
    assert max(levels(plan, drop)) < 0 and all(_level(plan, r) == {0.0} for r in {"drums", *OTHERS} - {drop}), turn.reply


def test_the_part_named_after_it_after_an_edit(jazz_long):
    jazz_long.say("make it calmer")
    before = jazz_long.plan
    turn = jazz_long.say("can you turn it down, the drums")
    assert jazz_long.plan.loudness_lufs == before.loudness_lufs and max(levels(jazz_long.plan, "drums")) < 0, turn.reply


def test_a_change_then_a_part_is_still_both(jazz_long):
    # guard: "make it louder, then the drums" is the mix louder and the drums too (runons' carried level)
    turn = jazz_long.say("make it louder, then the drums")
    assert jazz_long.plan.loudness_lufs > -16.0 and min(levels(jazz_long.plan, "drums")) > 0, turn.reply


# ----------------------------------------------------------------------------- 5. a second part tacked on to a complaint

@pytest.mark.parametrize("said, parts", [("the drums are too loud, and the bass", ("drums", "bass")),
                                         # mine
                                         ("the drums are too loud and so is the bass", ("drums", "bass")),
                                         ("the sax is a bit too loud, the piano too", ("melody", "harmony")),
                                         ("the bass is way too loud, and the drums as well", ("bass", "drums"))])
def test_a_part_tacked_on_to_a_complaint_shares_it(jazz_long, said, parts):
    """Both parts named are too loud: both down, nothing else (before: the bass +2 dB and more energy everywhere,
    read as the bass added; "and so is the bass" lost the bass)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and all(max(levels(plan, r)) < 0 for r in parts), turn.reply
    assert all(_level(plan, r) == {0.0} for r in {"drums", *OTHERS} - set(parts)), turn.reply
    assert energies(plan) == energies(before) and plan.loudness_lufs == before.loudness_lufs, turn.reply


# ----------------------------------------------------------------------------- 7. how hard a part plays

@pytest.mark.parametrize("said", ["don't play the drums that hard",
                                  # mine
                                  "don't hit the drums so hard", "the drums shouldn't hit so hard",
                                  "the drummer shouldn't play that hard"])
def test_a_part_played_less_hard_is_softer(jazz_long, said):
    """The drums softer, and nothing else: no drums taken out, no key, tempo or energy moved (before: the drums out
    and the whole score 'aggressive': F minor, 156 bpm, every shot fuller)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    assert turn.changed and max(levels(plan, "drums")) < 0, turn.reply
    assert all("drums" in effective_roles(plan, s) for s in plan.sections), turn.reply
    assert (plan.key, plan.mode, plan.tempo_bpm, energies(plan)) == (before.key, before.mode, before.tempo_bpm, energies(before)), turn.reply


# ----------------------------------------------------------------------------- 8. "no sax"

@pytest.mark.parametrize("said, reply", [("no sax", "No melody (tenor sax)."),
                                         # mine
                                         ("lose the piano", "No harmony (electric piano)."), ("take out the sax", "No melody (tenor sax).")])
def test_a_part_taken_out_is_said_by_the_instrument_too(jazz_long, said, reply):
    """The reply names the instrument the user knows the part by, beside its role (before: "No melody.")."""
    turn = jazz_long.say(said)
    assert turn.changed and turn.reply.startswith(reply), turn.reply


@pytest.mark.parametrize("said, tune", [("no sax", "vibraphone"),
                                        # mine
                                        ("remove the trumpet", "vibraphone"), ("lose the flute please", "vibraphone")])
def test_no_sax_where_none_plays_says_so_and_what_plays_the_tune(lofi_chat, said, tune):
    """Lofi has no sax: nothing changes, and the question says plainly there is none and which instrument plays the
    tune, with the words that take it out."""
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    word = said.split()[-1] if "please" not in said else "flute"
    assert not turn.changed and lofi_chat.plan == before, turn.reply
    assert f"There is no {word} in the score: the {tune} plays the tune" in turn.question, turn.question
    turn = lofi_chat.say(f"no {tune}")
    assert turn.changed and turn.reply.startswith(f"No melody ({tune})"), turn.reply


# ----------------------------------------------------------------------------- 2. a swell over a place

@pytest.mark.parametrize("said, a, b", [("swelling over shot 5", 16, 20),
                                        # mine
                                        ("a swell over shot 5", 16, 20), ("let it swell in shot 5", 16, 20),
                                        ("build over shot 8", 28, 32)])
def test_a_swell_over_a_full_shot_rises_above_it(jazz_long, said, a, b):
    """A swell rises across the place and ends above the music there, the rest untouched (before: "swelling over shot
    5" at 0.78 only lowered it, 0.78 -> 0.27, 0.53, 0.78: the sweep from 0.15 never reached the shot's level)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    inside = [s.energy for s in plan.sections if a <= s.start_s and s.end_s <= b]
    assert turn.changed and len(inside) > 1 and inside == sorted(inside) and inside[0] < inside[-1], turn.reply
    assert inside[-1] > energy_at(before, b - 0.5), turn.reply
    assert energy_at(plan, a - 2) == energy_at(before, a - 2) and energy_at(plan, b + 2) == energy_at(before, b + 2), turn.reply


# ----------------------------------------------------------------------------- 1. a part faded in at a moment

def _strings(plan) -> list[tuple[float, float, float]]:
    """(start, end, strings level) of each section the strings play in."""
    return [(s.start_s, s.end_s, (s.levels_db or {}).get("strings", 0.0)) for s in plan.sections
            if "strings" in effective_roles(plan, s)]


@pytest.mark.parametrize("said, end", [("fade in the strings at 0:20", 60.0),
                                       # mine
                                       ("fade the strings in at 0:20", 60.0), ("let the strings fade in at 0:20", 60.0),
                                       ("gradually bring in the strings on the fifth cut", 60.0),
                                       ("fade in the strings at 0:20 till 0:40", 40.0)])
def test_a_part_faded_in_at_a_moment_enters_there_rising_and_stays(jazz_long, said, end):
    """The strings enter at 0:20 and stay to the end (or the end said), rising in over their first seconds to full
    level; nothing before 0:20, the rest of the mix as it was (before: the strings for the one shot 0:20-0:24, at
    full level from its first note)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    plan = jazz_long.plan
    heard = _strings(plan)
    assert turn.changed and heard[0][0] == 20.0 and heard[-1][1] == end, turn.reply
    assert all(b == c for (_, b, _), (c, _, _) in zip(heard, heard[1:])), turn.reply   # one unbroken stretch
    rise = [lv for _, _, lv in heard]
    assert rise[0] < rise[1] < rise[2] < 0 and set(rise[3:]) == {0.0} and heard[2][1] <= 24.0, turn.reply
    assert "strings rising in (softer against the others at first) from 0:20 to 0:24" in turn.reply, turn.reply
    assert [s.energy for s in plan.sections] == [energy_at(before, (s.start_s + s.end_s) / 2) for s in plan.sections], turn.reply


def test_a_part_brought_in_plainly_at_a_moment_is_no_ramp(jazz_long):
    # guard: "the strings come in at 0:20" enters from 0:20 at full level (no fade said)
    turn = jazz_long.say("the strings come in at 0:20")
    heard = _strings(jazz_long.plan)
    assert heard[0][0] == 20.0 and heard[-1][1] == 60.0 and {lv for _, _, lv in heard} == {0.0}, turn.reply
