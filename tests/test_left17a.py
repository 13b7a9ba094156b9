"""Items the sixteenth session left (notes LEFT17, "left17a (reading)"), each through a real chat Session on a
synthetic clip (conftest's `jazz_long`: 60 s cut every 4 s, shot k is [4(k-1), 4k]; drums, bass, electric piano on
the chords, tenor sax on the tune), in the user's words and in other voices of the same family."""

from __future__ import annotations

import pytest
from edit_clips import energies, energy_at, levels, make_analysis, open_long

OTHERS = ("drums", "harmony", "melody")   # jazz's parts beside the bass


# ----------------------------------------------------------------------------- 1. a run-on answer re-describing the moment

@pytest.mark.parametrize("asked, answer, shot", [
    ("oh thats better but when my daughter picks up the you know the doggy bag now its like clowns at the circus",
     "where she is bending over um that is the fourth picture", 4),
    # other voices: a dictation, a texter, a second-language speaker
    ("when the dog runs into the water it feels way too sad", "when he jumps in the lake uh thats shot five", 5),
    ("when my son gets the cake its way too loud", "where hes holding the cake its pic 2", 2),
    ("when man comes home music is too loud", "where man is opening door, this is third picture", 3)])
def test_an_answer_describing_the_moment_anew_fills_the_place(tmp_path, asked, answer, shot):
    """The reply asked where the moment is; the answer describes the same moment in other words ("where she is
    bending over", the daughter picking up the bag) and says the place (the fourth picture): the asked edit is made
    there and nothing else (before: the description was kept as a sentence of its own and the whole turn read as a
    question about the score, "It is cinematic in D major ...", nothing changed; n-f-lf-dog-walk-funeral turn 3)."""
    a = make_analysis(40.0, 25.0, [int(c * 25) for c in (6, 13, 19, 26, 33)], source="synthetic.mp4")
    chat = open_long(tmp_path, "um some nice music please for the film of us walking our dog", a)
    assert chat.say(asked).question
    before = chat.plan
    turn = chat.say(answer)
    plan = chat.plan
    edges = (0, 6, 13, 19, 26, 33, 40)
    assert turn.changed and not turn.question, turn.reply
    for x, y in zip(edges, edges[1:]):
        t = (x + y) / 2
        same = plan.sections[plan.section_at(t)] == before.sections[before.section_at(t)]
        assert same != (x == edges[shot - 1]), (t, turn.reply)   # changed in the shot said, nowhere else
    assert "did not act" not in turn.reply, turn.reply
