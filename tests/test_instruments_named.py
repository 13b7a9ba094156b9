"""Any instrument a person names (issue 11, helper instr24): the words of the report ("add a theremin", "make it sound
like a Balinese gamelan", "add a didgeridoo over the last shot") and other wordings of the same meaning, written before
the fix, each said to a fresh chat on a 40 s folk score (drums, bass, guitar, fiddle). Outcomes are read on the plan:
the added part's program, where it plays, and that no level or energy moved; one is rendered and read back."""

from __future__ import annotations

import pytest

from edit_clips import energies, long_clip, open_long


def _chat(tmp_path):
    return open_long(tmp_path, "folk", long_clip(40.0))


def _parts(plan):
    from v2m.tools.style import load_style

    return {**load_style(plan.style).instruments, **plan.instrumentation}


def _added(tmp_path, text):
    s = _chat(tmp_path)
    old = s.plan
    r = s.say(text)
    was, now = _parts(old), _parts(s.plan)
    return r, old, s.plan, {role: i for role, i in now.items() if role not in was}


@pytest.mark.parametrize("text", ["add a theremin", "could we get some theremin in there?", "bring in a theremin",
                                  "add theremin please"])
def test_theremin_comes_in_as_its_stand_in(tmp_path, text):
    r, old, new, added = _added(tmp_path, text)
    assert r.question is None, r.reply
    assert list(added.values()) == ["Lead 6 (voice)"], r.reply
    assert "theremin" in r.reply.lower() and "lead 6 (voice)" in r.reply.lower()
    assert energies(new) == energies(old)


@pytest.mark.parametrize("text", ["can you make it sound like a Balinese gamelan", "add a gamelan",
                                  "give it a gamelan feel", "could we get some Javanese gamelan in there?"])
def test_gamelan_is_an_instrument_not_a_mood(tmp_path, text):
    r, old, new, added = _added(tmp_path, text)
    assert r.question is None, r.reply
    assert list(added.values()) == ["Vibraphone"], r.reply
    assert "gamelan" in r.reply.lower()


@pytest.mark.parametrize("text", ["add a didgeridoo over the last shot", "a didgeridoo in the last shot",
                                  "bring in a didgeridoo for the last shot", "add a didgeridoo"])
def test_didgeridoo_is_a_new_drone_part_not_the_bass_louder(tmp_path, text):
    r, old, new, added = _added(tmp_path, text)
    assert r.question is None, r.reply
    assert list(added.values()) == ["Contrabass"], r.reply
    role = next(iter(added))
    assert role != "bass" and new.instrumentation.get("bass", _parts(old)["bass"]) == _parts(old)["bass"]
    assert energies(new) == energies(old)
    assert all(s.levels_db == o.levels_db for s, o in zip(new.sections, old.sections)), r.reply
    if "last shot" in text:
        from v2m.agent.dialogue.operations import effective_roles

        assert role in effective_roles(new, new.sections[-1])
        assert not any(role in effective_roles(new, s) for s in new.sections if s.end_s <= 36.0)


@pytest.mark.parametrize("text, program", [("add an electric guitar", "Electric Guitar (clean)"),
                                           ("add a flute", "Flute"), ("could we get some fretless bass in there?", None)])
def test_a_different_instrument_of_a_taken_part_is_no_louder_part(tmp_path, text, program):
    """The mechanism under the didgeridoo: a named instrument whose part is taken by another sound is a new part where a
    free part fits it, else a question; never that part louder with more energy."""
    r, old, new, added = _added(tmp_path, text)
    assert energies(new) == energies(old), r.reply
    assert all(s.levels_db == o.levels_db for s, o in zip(new.sections, old.sections)), r.reply
    if program is None:
        assert r.question and "bass" in r.question.lower() and new == old
    else:
        assert list(added.values()) == [program], r.reply


@pytest.mark.parametrize("text", ["add a gunshot", "could we get some applause in there?",
                                  "add a helicopter over the last shot", "add the sound of a seashore"])
def test_sound_effects_get_a_plain_answer(tmp_path, text):
    s = _chat(tmp_path)
    old = s.plan
    r = s.say(text)
    assert s.plan == old and r.question is None, r.reply
    assert "sound effect" in r.reply.lower()


@pytest.mark.parametrize("text, program", [("add a lute", "Acoustic Guitar (nylon)"), ("add some castanets", None),
                                           ("add a triangle", None), ("add a pad 7 halo", "Pad 7 (halo)"),
                                           ("add a synth strings 2", "Synth Strings 2"), ("add a hurdy-gurdy", "Fiddle"),
                                           ("add a cornet", "Trumpet"), ("add a euphonium", "Tuba")])
def test_named_instruments_come_in(tmp_path, text, program):
    """General MIDI names as said (parentheses and numbers), and instruments people name that it lacked; percussion with
    no melodic program comes in on the drum channel."""
    r, old, new, added = _added(tmp_path, text)
    assert r.question is None, r.reply
    if program is None:
        assert set(added) & {"percussion", "drums"}, r.reply
    else:
        assert program in added.values(), r.reply


def test_the_added_part_is_in_the_midi(tmp_path):
    import pretty_midi

    from v2m.tools.gm import program_number
    from v2m.tools.music.compose import compose
    from v2m.tools.music.midi import write_midi

    r, old, new, added = _added(tmp_path, "add a didgeridoo over the last shot")
    out = write_midi(compose(new, long_clip(40.0)), tmp_path / "x.mid")
    pm = pretty_midi.PrettyMIDI(str(out))
    didg = [i for i in pm.instruments if not i.is_drum and i.program == program_number("Contrabass")]
    assert didg and all(n.start >= 35.5 for n in didg[0].notes) and didg[0].notes
