"""How much a change comes out: the size a request says in words ("a smidgen", "WAY", "loads", "right up") picks the
chat's small, medium or large step; an exact amount (a tempo, N bpm, N percent, N dB of the whole mix or of one
part, numbers in words) is met exactly; and only the quantity asked moves. Each request is said to a fresh Session
on the 30 s jazz plan and the plan measured: tempo in BPM, section energy, loudness in LUFS, a part's level in dB."""

from __future__ import annotations

import pytest
from edit_clips import levels, tempos

from dialogue_check import clip_analysis
from v2m.agent.dialogue.session import Session

CLIP = {"duration": 30, "cuts": [6, 13, 21]}
ROLES = ("melody", "harmony", "bass", "drums")


def _say(tmp_path, text: str):
    a = clip_analysis(CLIP)
    s = Session.open(a.source, "jazz", workdir=tmp_path, analysis=a, render=False)
    old = s.plan
    reply = s.say(text)
    assert not getattr(reply, "question", None), reply.reply
    return old, s.plan, reply.reply


def _only(old, new, moved: str, role: str | None = None) -> None:
    """Nothing but `moved` changed: tempo, energy, loudness, key, parts' levels (all but `role`)."""
    if moved != "tempo":
        assert tempos(new) == tempos(old)
    if moved != "energy":
        assert [s.energy for s in new.sections] == [s.energy for s in old.sections]
    if moved != "loudness":
        assert new.loudness_lufs == old.loudness_lufs
    assert (new.key, new.mode) == (old.key, old.mode)
    for r in ROLES:
        if r != role:
            assert levels(new, r) == levels(old, r)


@pytest.mark.parametrize("text,db", [
    ("knock the overall mix down by 4 decibels", -4.0),
    ("everything up 2dB", 2.0),
    ("music: -5 dB", -5.0),                          # a note's label and a signed amount
    ("volume up by four db", 4.0),                   # the number in words
    ("it's too loud, shave 7 dB off all of it", -7.0)])   # the complaint and the amount: done once, by the amount
def test_decibels_of_the_whole_mix_move_its_loudness_by_that_much(tmp_path, text, db):
    old, new, reply = _say(tmp_path, text)
    assert new.loudness_lufs == pytest.approx(old.loudness_lufs + db), reply
    _only(old, new, "loudness")


@pytest.mark.parametrize("text,role,db", [
    ("bring the double bass up 2 dB", "bass", 2.0),
    ("keys minus three decibels", "harmony", -3.0),
    ("take the sax 7 dB down", "melody", -7.0),
    ("lose the drums by 5dB", "drums", -5.0),        # "lose" by an amount: softer, still playing
    ("the Rhodes needs to be 4 decibels quieter", "harmony", -4.0),
    ("4 dB more bass", "bass", 4.0)])                 # more of a playing part by an amount: its level
def test_decibels_of_one_part_move_its_level_by_that_much(tmp_path, text, role, db):
    old, new, reply = _say(tmp_path, text)
    assert all(b - a == pytest.approx(db) for a, b in zip(levels(old, role), levels(new, role))), reply
    _only(old, new, "levels", role)


@pytest.mark.parametrize("text,role,step", [("the sax a touch quieter", "melody", -3.0),
                                            ("the bass way louder", "bass", 8.0),
                                            ("nudge the brushes up a notch", "drums", 3.0),
                                            ("pull the piano right down", "harmony", -8.0),
                                            ("the keys could come up a smidge", "harmony", 3.0)])
def test_a_part_moves_by_the_size_said(tmp_path, text, role, step):
    old, new, reply = _say(tmp_path, text)
    assert all(b - a == pytest.approx(step) for a, b in zip(levels(old, role), levels(new, role))), reply


@pytest.mark.parametrize("text,bpm", [("take it to a hundred and ten bpm", 110.0),
                                      ("tempo: 96", 96.0),
                                      ("let's try it at one-forty-five beats per minute", 145.0),
                                      ("drop the bpm to ninety", 90.0),
                                      ("could you speed it up to 150", 150.0),   # no "until 2:30" in a 30 s clip
                                      ("can the bpm be one twenty", 120.0)])
def test_a_tempo_to_set_in_digits_or_words(tmp_path, text, bpm):
    old, new, reply = _say(tmp_path, text)
    assert tempos(new) == pytest.approx([bpm] * len(new.sections)), reply
    _only(old, new, "tempo")


@pytest.mark.parametrize("text,change", [("speed it up twelve per cent", lambda t: t * 1.12),
                                         ("reduce the pace by 25 per cent", lambda t: t * 0.75),
                                         ("knock four beats per minute off", lambda t: t - 4),
                                         ("slower by six beats a minute please", lambda t: t - 6),
                                         ("faster by ten beats", lambda t: t + 10),
                                         ("the tempo is 140 now, make it slower", lambda t: t * 0.85)])   # a fact, no target
def test_a_tempo_change_by_percent_or_bpm(tmp_path, text, change):
    old, new, reply = _say(tmp_path, text)
    assert tempos(new) == pytest.approx([change(t) for t in tempos(old)], abs=0.06), reply
    _only(old, new, "tempo")


@pytest.mark.parametrize("text,factor", [("ramp the pace up massively", 1.35),
                                         ("the tempo should come down just a smidgen", 0.92),
                                         ("the bpm has to go up by miles", 1.35),
                                         ("bring the speed down by a whisker", 0.92)])
def test_the_tempo_moves_by_the_size_said(tmp_path, text, factor):
    old, new, reply = _say(tmp_path, text)
    assert tempos(new) == pytest.approx([t * factor for t in tempos(old)], abs=0.06), reply
    _only(old, new, "tempo")


@pytest.mark.parametrize("text,step", [("ease back on the intensity a fraction", -0.1),   # not "the action" shot
                                       ("pump the drive up loads", 0.3),
                                       ("a smidge more excitement", 0.1),      # excitement is energy, not a mood
                                       ("add a touch of oomph", 0.1),          # the size inside an idiom is kept
                                       ("calm the busyness down hugely", -0.3)])
def test_the_energy_moves_by_the_size_said_and_alone(tmp_path, text, step):
    old, new, reply = _say(tmp_path, text)
    assert [b.energy for b in new.sections] == pytest.approx(
        [min(1.0, max(0.05, a.energy + step)) for a in old.sections]), reply
    _only(old, new, "energy")


@pytest.mark.parametrize("text,db", [("crank it right up", 6.0),
                                     ("the volume has got to come down heaps", -6.0),
                                     ("honestly it's far too quiet overall", 6.0),
                                     ("turn the whole soundtrack down by a whisker", -2.0),
                                     ("could you decrease the master volume a fraction", -2.0)])
def test_the_loudness_moves_by_the_size_said(tmp_path, text, db):
    old, new, reply = _say(tmp_path, text)
    assert new.loudness_lufs == pytest.approx(old.loudness_lufs + db), reply
    _only(old, new, "loudness")


@pytest.mark.parametrize("text,what,change", [
    ("honestly it is WAAAY too loud", "loudness", -6.0),           # the size of a complaint kept with it
    ("the whole piece is a bit too hurried", "tempo", 0.92),
    ("the music is blaring at me", "loudness", -3.0),              # a state only a wish to be quieter says
    ("make it twice as busy", "energy", 0.3),
    ("it's way too slow", "tempo", 1.35)])
def test_a_complaint_moves_away_by_the_size_it_says(tmp_path, text, what, change):
    old, new, reply = _say(tmp_path, text)
    if what == "loudness":
        assert new.loudness_lufs == pytest.approx(old.loudness_lufs + change), reply
    elif what == "tempo":
        assert tempos(new) == pytest.approx([t * change for t in tempos(old)], abs=0.06), reply
    else:
        assert [b.energy for b in new.sections] == pytest.approx(
            [min(1.0, max(0.05, a.energy + change)) for a in old.sections]), reply
    _only(old, new, what)


@pytest.mark.parametrize("text,step", [("the snare keeps poking out, take the drums down 2 dB", -2.0),
                                       ("the hi-hats are too present, pull the kit way back", -8.0)])
def test_one_part_named_twice_for_one_change_moves_once(tmp_path, text, step):
    old, new, reply = _say(tmp_path, text)
    assert all(b - a == pytest.approx(step) for a, b in zip(levels(old, "drums"), levels(new, "drums"))), reply
    _only(old, new, "levels", "drums")


def test_amounts_and_sizes_read_in_words():
    from v2m.agent.dialogue.amounts import magnitude, spoken

    assert spoken(" one eighty beats per minute ").split() == ["180", "bpm"]
    assert spoken(" twenty-five per cent ").split() == ["25", "percent"]
    assert spoken(" minus six decibels ").split() == ["minus", "6", "db"]
    assert spoken(" tempo of ninety ").split() == ["tempo", "of", "90"]
    assert spoken(" up a couple of decibels ").split() == ["up", "2", "db"]
    assert spoken(" at one twenty ").split() == ["at", "one", "twenty"]   # no unit, no tempo: maybe a time, left
    assert [magnitude(t) for t in (" ever so slightly ", " WAY up ".lower(), " is there a way to ", " a ton ")] == \
        ["small", "large", "medium", "large"]
