"""Ordinary requests read back against this session's new rules (notes READBACK19): the span tagger's places
(`tagged_places`), dictation's sentences and fillers (`runons.sentences`, `plainly`) and left19's word readings ("loud",
"N to M" as seconds). Each runs a real chat Session on the 30 s chat clip (conftest's `jazz_chat`: cuts at 6, 13 and
21 s). The wordings were written before any mend; those that misfired on main 85670b5 are marked in their docstrings."""

from __future__ import annotations

import pytest
from edit_clips import energies, tempos


@pytest.mark.parametrize("said", ["make it more fun for the kids", "louder for the people in the back",
                                  "add strings to the whole thing", "faster in general", "faster for the rest of it",
                                  "a little quieter for the whole video", "make it more exciting for the viewers at home",
                                  "make the piano louder so it cuts through"])
def test_a_plain_request_is_not_asked_where(jazz_chat, said):
    """A tagged "place" that is none ("for the kids", "in the back", "the whole thing"): the edit is made, no question
    of where (passed on main 85670b5)."""
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply


@pytest.mark.parametrize("said", ["a tempo of 120 to 130", "i want a tempo around 120 to 130",
                                  "tempo somewhere about 120 to 130"])
def test_a_tempo_said_as_a_range_is_not_seconds(jazz_chat, said):
    """Misfired on main: left19's bare "N to M" read "120 to 130" as seconds and asked about 2:00 past the end
    (e784cc2: tempo 120)."""
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert 115 <= tempos(jazz_chat.plan)[0] <= 135, turn.reply


@pytest.mark.parametrize("said", ["louder by 2 to 3", "raise the volume 2 to 3", "turn the volume up by 2 to 3"])
def test_an_amount_said_as_a_range_is_not_seconds(jazz_chat, said):
    """Misfired on main: "louder by 2 to 3" became more energy from 0:02 to 0:03 (e784cc2: louder overall)."""
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert jazz_chat.plan.loudness_lufs > before.loudness_lufs and energies(jazz_chat.plan) == energies(before), turn.reply


@pytest.mark.parametrize("said", ["keep it loud but slow down the ending", "keep it loud, just slower at the end",
                                  "keep everything loud and make the ending slower"])
def test_loud_kept_is_not_louder(jazz_chat, said):
    """Misfired on main: left19's "make|get|have|keep it loud" read "keep it loud" as louder (-16 -> -13 LUFS); kept,
    it asks that the level stay. The ending is slower, the level as it was."""
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert turn.changed, turn.reply
    assert jazz_chat.plan.loudness_lufs == before.loudness_lufs, turn.reply
    assert tempos(jazz_chat.plan)[-1] < tempos(before)[-1], turn.reply


@pytest.mark.parametrize("said", ["the piano um like it's too loud", "the piano uh like its way too loud",
                                  "the drums um like they're too loud"])
def test_like_after_a_filler_before_a_clause_is_a_filler(jazz_chat, said):
    """Misfired on main: meta19's pause after "um" before "like" made "the piano, like it's too loud" and the part was
    lost (whole score quieter; e784cc2: the piano softer). "like" before a clause ("it's ...") is a filler too."""
    before = jazz_chat.plan
    turn = jazz_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert jazz_chat.plan.loudness_lufs == before.loudness_lufs, turn.reply


@pytest.mark.parametrize("said", ["when shot 3 starts can you do a big thump, like bass and kick drum together",
                                  # other wordings (written before the mend)
                                  "where shot 3 begins could you put a big hit",
                                  "once shot 3 starts can we get a big thump there"])
def test_a_place_said_first_stays_with_the_question_after_it(jazz_chat, said):
    """Lost in the hits bank's tune half after meta19: dictation's sentence split put a full stop after "when shot 3
    starts", so the question lost its place and the thump was read as an instrument to add (asked). A place said first
    is the question's own, one sentence with it (e784cc2: an accent at 13 s)."""
    turn = jazz_chat.say(said)
    assert not turn.question and (turn.changed or "already" in turn.reply), turn.reply   # the clip's cut has a crash
    assert any(abs(h.time_s - 13.0) < 0.6 for h in jazz_chat.plan.hit_points), (turn.reply, jazz_chat.plan.hit_points)
