"""Tune misses tunemiss15 found and left (notes MISS15B), each through a real chat Session, in the set's wording and
in other words of the same family: an indie BAND asked for went to folk ("indie" is one of folk's words) where a
guitar band is rock's (indie folk stays folk)."""

from __future__ import annotations

import pytest
from edit_clips import open_chat


@pytest.mark.parametrize("said", ["more like an indie band", "make it indie rock", "give it an indie guitar band feel"])
def test_an_indie_band_is_rock(tmp_path, said):
    chat = open_chat(tmp_path, "gentle piano background")
    turn = chat.say(said)
    assert chat.plan.style == "rock", turn.reply


@pytest.mark.parametrize("said", ["more like indie folk", "something indie"])
def test_indie_folk_stays_folk(tmp_path, said):
    chat = open_chat(tmp_path, "gentle piano background")
    turn = chat.say(said)
    assert chat.plan.style == "folk", turn.reply
