"""Defects the fifteenth session left (notes LEFT16, "left16b: from the review, the misses, the parts"), each through
a real chat Session on the synthetic 60 s clip cut every 4 s (conftest's `jazz_long`: drums, bass, electric piano on
the chords, tenor sax on the tune) or a session opened in the user's words, in the user's words and in other words of
the same family (texting, learners, dictation, crew jargon)."""

from __future__ import annotations

import pytest
from edit_clips import energies, open_long

# ----------------------------------------------------------------------------- 8. a named style over the purpose


@pytest.mark.parametrize("said", ["joyful afrobeats for a wedding highlight",
                                  # mine
                                  "afro beats for my sister's wedding video", "wedding highlight video, afrobeat please",
                                  "afropop for our traditional wedding"])
def test_afrobeats_named_for_a_wedding_is_the_groove_not_classical(tmp_path, said):
    """The user names the genre; the wedding is what the video is for. Afrobeat is a horn-and-groove dance music, and
    the library's nearest is funk: the named genre wins over the purpose as "jazz for a wedding" stays jazz (before:
    "afrobeats" was no style word, so the wedding's classical piano and strings opened)."""
    chat = open_long(tmp_path, said)
    assert chat.plan.style == "funk", chat.plan.style
    assert "drums" in chat.plan.instrumentation, chat.plan.instrumentation


def test_a_wedding_with_no_genre_named_stays_classical(tmp_path):
    chat = open_long(tmp_path, "joyful music for a wedding highlight")
    assert chat.plan.style == "classical" and energies(chat.plan), chat.plan.style
