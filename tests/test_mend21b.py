"""mend21b: two older tests fix20d's culture styles broke, in other words of ours (written before the fix): a
stretch of the picture named by a scene word and a container ("the barn dance bit") is a moment to ask where it is,
not the scene's style; a scene word that is who or what arrives at a time ("the baraat entry is coming at 0:15") is
the picture's happening, and the edit said "from there" is made there, not a whole-score style asked about."""

from __future__ import annotations

import pytest
from edit_clips import energy_at


@pytest.mark.parametrize("said, answer", [("the barn dance bit needs to be quieter", "the barn dance bit runs until the second cut"),
                                          ("the village fair section should be calmer", "village fair goes up to shot 2"),
                                          ("the bonfire scene should feel calmer", "the bonfire scene runs until the second cut")])
def test_a_scene_named_as_a_stretch_is_asked_where_then_placed(lofi_chat, said, answer):
    turn = lofi_chat.say(said)
    assert turn.question and not turn.changed, turn.reply
    before = lofi_chat.plan
    turn = lofi_chat.say(answer)
    assert turn.changed, turn.reply
    assert energy_at(lofi_chat.plan, 2.0) < energy_at(before, 2.0) and energy_at(lofi_chat.plan, 25.0) == energy_at(before, 25.0), turn.reply


@pytest.mark.parametrize("said", ["baraat entry is coming at 0:13, from there make it more energetic and fast",
                                  "brass band is coming at 0:13, from that point make it more energetic and faster",
                                  "street procession comes at 0:13, after that more energy and faster"])
def test_a_scene_arriving_at_a_time_is_the_picture_and_the_edit_is_made_from_there(lofi_chat, said):
    before, tempo = lofi_chat.plan, lofi_chat.plan.tempo_bpm
    turn = lofi_chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert lofi_chat.plan.style == before.style, turn.reply
    assert energy_at(lofi_chat.plan, 20.0) > energy_at(before, 20.0) and energy_at(lofi_chat.plan, 3.0) == energy_at(before, 3.0), turn.reply
