"""A part refused its place under another (session 28, `buried`): "don't bury the piano under the drums", "stop burying
the sax behind the drums", "don't put the piano so far behind the drums". The one part comes up, the other goes down,
and nothing else changes. Before, the words read as the part added where it plays already: louder, and the whole
score given more energy nobody asked for. A refusal of the placing itself ("don't put the piano behind the drums")
still changes nothing (`refused`).

The wordings are written for these tests. Each through a real chat Session with the rules planner on the 60 s clip.
"""

from __future__ import annotations

import pytest
from edit_clips import open_long


@pytest.mark.parametrize("said,up,down", [
    ("don't bury the piano under the drums", "harmony", "drums"),
    ("stop burying the sax behind the drums", "melody", "drums"),
    ("don't put the piano so far behind the drums", "harmony", "drums"),
    ("please don't push the sax that far behind the piano", "melody", "harmony"),
    ("the sax is hidden behind the piano", "melody", "harmony"),
    ("the bass is stuck way too deep under the drums", "bass", "drums"),
    ("the sax is way too far behind the drums, can't hear it. bring the sax up but don't touch the drums", "melody", "drums"),
    ("the bass seems to be hiding under the piano, I want the bass forward, not the piano louder", "bass", "harmony"),
    ("why is the sax so far under the piano?? can't make it out", "melody", "harmony"),
    ("I hate having the bass sitting behind the drums like that, push it forward", "bass", "drums"),
    ("can't hear the piano at all behind the sax, bring it up", "harmony", "melody"),
])
def test_a_part_refused_its_place_under_another_comes_up_alone(tmp_path, said, up, down):
    s = open_long(tmp_path, "jazz")
    energy = [x.energy for x in s.plan.sections]
    turn = s.say(said)
    assert not turn.question, turn.reply
    for x in s.plan.sections:
        assert x.levels_db.get(up, 0) > 0 and x.levels_db.get(down, 0) < 0, (x.levels_db, turn.reply)
        assert set(x.levels_db) == {up, down}, turn.reply
    assert [x.energy for x in s.plan.sections] == energy, turn.reply


@pytest.mark.parametrize("said", ["put the bass under the drums", "more piano behind the sax",
                                  "I don't want the piano behind the drums"])   # the last a refusal (`refused`)
def test_a_placing_asked_is_no_complaint(tmp_path, said):
    """Only a part said to be under another (or refused there) is the complaint: "put the bass under the drums" is not
    read as the bass buried (the bass up)."""
    from v2m.agent.dialogue.buried import buried
    assert buried(said) == said


def test_refusing_the_placing_itself_changes_nothing(tmp_path):
    s = open_long(tmp_path, "jazz")
    before = s.plan.model_dump()
    turn = s.say("don't put the piano behind the drums")
    assert s.plan.model_dump() == before and "nothing changed" in turn.reply.lower(), turn.reply
