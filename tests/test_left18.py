"""Items the seventeenth session left where an edit does more or less than was asked (notes LEFT18), each through a
real chat Session on the 30 s chat clip (conftest's `jazz_chat`: drums, bass, electric piano on the chords, tenor sax
on the tune, a major key; `lofi_chat`: the same parts in A minor; cuts at 6, 13 and 21 s, the last shot 21-30 s), in the
user's words and in other voices of the same meaning (written before the fix)."""

from __future__ import annotations

import pytest
from edit_clips import energies, level_at, levels, tempos

# ----------------------------------------------------------------------------- 1. an occasion said as the reason


@pytest.mark.parametrize("said", ["its for a church livestream, quieter please",
                                  # other voices: a planner, a learner, texting
                                  "this is for a funeral service, can you make it softer",
                                  "It is for my grandmother's memorial, please more quiet",
                                  "for a hospital waiting room so turn it down pls"])
def test_an_occasion_said_as_why_an_edit_is_asked_keeps_the_style(jazz_chat, said):
    """The occasion is why the edit is asked: the edit is made, the style stays (before: church music, gospel, with
    its own tempo and pad)."""
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert jazz_chat.plan.style == "jazz" and tempos(jazz_chat.plan) == tempos(before), turn.reply
    assert jazz_chat.plan.loudness_lufs < before.loudness_lufs or max(energies(jazz_chat.plan)) < max(energies(before)), turn.reply


@pytest.mark.parametrize("said", ["more like a seaside brass band", "make it sound like a marching band"])
def test_a_style_named_still_switches(jazz_chat, said):
    turn = jazz_chat.say(said)
    assert jazz_chat.plan.style == "marching_band", turn.reply


# ----------------------------------------------------------------------------- 2. taken out, not turned down; a genre


@pytest.mark.parametrize("said", ["not quieter, GONE",
                                  "no not softer, i want it gone", "I did not say lower. Remove it, please.",
                                  "not turned down, OUT"])
def test_gone_after_a_part_turned_down_takes_it_out(jazz_chat, said):
    """After "the sax is too loud" (the sax 5 dB under), "not quieter, GONE" takes the sax out (before: 5 dB more
    under, and 'GONE' not read)."""
    jazz_chat.say("the sax is too loud")
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert all("melody" not in roles_at(jazz_chat.plan, t) for t in (3, 10, 17, 25)), turn.reply


@pytest.mark.parametrize("said", ["take out the sax pls its too much", "the sax is too much, take it out"])
def test_a_part_taken_out_as_too_much_is_out(jazz_chat, said):
    turn = jazz_chat.say(said)
    assert "no melody" in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("said, down", [("the sax is covering the piano", "melody"),
                                        ("the drums are stomping all over the piano", "drums"),
                                        ("bass kinda covering the sax tbh", "bass")])
def test_one_part_covering_another_is_a_balance(jazz_chat, said, down):
    turn = jazz_chat.say(said)
    assert turn.changed and level_at(jazz_chat.plan, down, 1.0) < 0, turn.reply
    assert jazz_chat.plan.loudness_lufs == -16.0, turn.reply


# the grammar reads the genre (electronic, the nearest style, with its reason); `trust.over_style` took the head's sure
# "add" (0.87-0.88) over it as over an occasion's style until left19 (`Scene.genre`: a genre named is a style named)
@pytest.mark.parametrize("said", ["make it drum n bass", "can we go drum and bass on this",
                                  "drum & bass style please", "i want it more like drum and bass"])
def test_drum_n_bass_is_a_genre(jazz_chat, said):
    turn = jazz_chat.say(said)
    assert jazz_chat.plan.style == "electronic", turn.reply


# ----------------------------------------------------------------------------- 3. a named part faded


@pytest.mark.parametrize("said", ["let the strings fade out at the end",
                                  "fade the strings out over the last shot", "strings should fade away at the end",
                                  "at the end the strings fade out pls"])
def test_a_named_part_faded_out_fades_alone(jazz_chat, said):
    """The strings fall over the ending; the drums, the energy and the other parts stay (before: no drums there and the
    whole score's energy down)."""
    jazz_chat.say("add strings")
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    after = jazz_chat.plan
    assert [energy_of(after, t) for t in (3, 10, 17, 25, 29)] == [energy_of(before, t) for t in (3, 10, 17, 25, 29)], turn.reply
    assert "drums" in roles_at(after, 28.0), turn.reply
    assert level_at(after, "strings", 29.5) < level_at(after, "strings", 22.0) <= 0 or "strings" not in roles_at(after, 29.5), turn.reply
    assert "strings" in roles_at(after, 10.0) and level_at(after, "strings", 10.0) == 0, turn.reply


def energy_of(plan, t):
    return plan.sections[plan.section_at(t)].energy


def roles_at(plan, t):
    from v2m.agent.dialogue import operations as ops

    return ops.effective_roles(plan, plan.sections[plan.section_at(t)])


# ----------------------------------------------------------------------------- 4. the bpm; the chords' mood


@pytest.mark.parametrize("said", ["the bpm, reduce it a bit",
                                  "bpm lower pls", "can you bring the bpm down a little", "the bpm is too high, reduce it"])
def test_the_bpm_reduced_is_slower(jazz_chat, said):
    before = tempos(jazz_chat.plan)
    turn = jazz_chat.say(said)
    assert not turn.question and tempos(jazz_chat.plan)[0] < before[0], turn.reply
    assert jazz_chat.plan.loudness_lufs == -16.0, turn.reply


@pytest.mark.parametrize("said", ["sadder chords please",
                                  "make the chords sadder", "can the harmony sound more sad", "chords more melancholy pls"])
def test_sadder_chords_keep_the_tempo(lofi_chat, said):
    """A mood said of the chords is the harmony's alone: in a minor score already, the tempo and energy stay."""
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    assert tempos(lofi_chat.plan) == tempos(before) and energies(lofi_chat.plan) == energies(before), turn.reply


# ----------------------------------------------------------------------------- 5. build up; as calm as possible


@pytest.mark.parametrize("said", ["build up please",
                                  "build it up pls", "can it build up", "please let the music build up"])
def test_a_bare_build_up_rises_over_the_clip(jazz_chat, said):
    """A build with no place is a rise over the whole clip (before: more energy everywhere), or a question where."""
    turn = jazz_chat.say(said)
    if turn.question:
        return
    e, first = energies(jazz_chat.plan), energies(jazz_chat.lineage()[0])
    assert e[-1] > e[0] + 0.2 and e[0] <= first[0], turn.reply


@pytest.mark.parametrize("said", ["as calm as possible",
                                  "make it as calm as you can", "calm as possible pls", "I want it as calm as it can be"])
def test_as_calm_as_possible_is_the_bottom(jazz_chat, said):
    turn = jazz_chat.say(said)
    assert turn.changed and max(energies(jazz_chat.plan)) <= 0.1, turn.reply


# ----------------------------------------------------------------------------- 6. what is heard, and thanks


@pytest.mark.parametrize("said", ["ok good. the ending is calmer now, thanks",
                                  "great, the end is calmer now. cheers", "nice the ending is much calmer now thank you",
                                  "Good. The ending is calm now. Thank you."])
def test_what_is_heard_and_thanks_is_a_sign_off(jazz_chat, said):
    jazz_chat.say("calmer at the end")
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert not turn.changed and jazz_chat.plan == before, turn.reply


# ----------------------------------------------------------------------------- 7. versions


@pytest.mark.parametrize("said", ["roll back four", "go back four versions", "roll back 4"])
def test_rolling_back_past_the_first_says_so(jazz_chat, said):
    jazz_chat.say("slower")
    jazz_chat.say("more energy in shot 2")
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert not turn.changed and jazz_chat.plan == before, turn.reply


@pytest.mark.parametrize("said", ["the previous mix was not great either",
                                  "the earlier version wasn't good either", "tbh the one before wasnt great too",
                                  "The version before this was also not good."])
def test_an_earlier_version_said_bad_too_undoes_nothing(jazz_chat, said):
    jazz_chat.say("slower")
    jazz_chat.say("more energy in shot 2")
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert jazz_chat.plan == before, turn.reply


# left: a rise said to come slowly grows from the music there, never first down (test_left15d, test_left16c, the
# fifteenth and sixteenth sessions' users); from 0.88 it can grow only to 1.0, which is not heard. Starting it lower
# (GRADUAL_RISE 0.35 under its end) passed these and broke those eight: the two asks conflict, so neither is changed
@pytest.mark.xfail(reason="a gradual rise from music at 0.88 reaches 1.0 at most without first dipping (left15d/left16c)",
                   strict=True)
@pytest.mark.parametrize("said, a, b", [("a gradual rise in shot 3", 13, 21),
                                        ("gradually build from 0:06 to 0:21", 6, 21), ("slowly grow over shot 3", 13, 21),
                                        ("shot 3 should build up bit by bit", 13, 21)])
def test_a_gradual_rise_where_the_music_is_high_is_heard(jazz_chat, said, a, b):
    """A gradual rise between two places in music already high (0.81-0.88) grows enough to be heard (before: 0.90 to
    0.98 in shot 3), and nothing outside it moves."""
    before = energies(jazz_chat.plan)
    turn = jazz_chat.say(said)
    p = jazz_chat.plan
    assert energy_of(p, b - 0.5) - energy_of(p, a + 0.5) >= 0.2, turn.reply
    assert energy_of(p, 3) == before[0] and energy_of(p, 25) == before[3], turn.reply
