"""How the music sounds, said as a change wanted (p-tune's feelings group, helper feel23), in the users' words and in
other voices of the same meaning written before each fix:

- a part said to sound muddy in another word ("pad is mushy, clean that up"): that part back, never louder;
- the beat or groove said to be too busy ("the beat is a bit too busy under the voiceover"): less going on in the
  whole score (the beat is the kit and the drive it sets, as `complaints.PACE` reads a feel word of it), not only the
  kit's level, which leaves every note it plays.
"""

from __future__ import annotations

import pytest
from edit_clips import energy_at, level_at, open_long

TIMES = [t + 2.0 for t in range(0, 60, 4)]


@pytest.mark.parametrize("said", [
    "pad is mushy, clean that up",   # p-c-beatdemo-11 t4
    # other voices
    "the pad sounds murky, tidy it up",
    "that pad's a bit mushy",
    "the pads are kind of woolly, can you clear them up",
])
def test_a_part_said_to_sound_muddy_goes_back(tmp_path, said):
    chat = open_long(tmp_path, "four on the floor house for my drum machine demo, Daft Punk-ish, around 120")
    before = chat.plan
    assert "pad" in before.instrumentation
    turn = chat.say(said)
    assert all(level_at(chat.plan, "pad", t) < level_at(before, "pad", t) for t in TIMES), turn.reply
    assert not turn.question, turn.reply


@pytest.mark.parametrize("said", [
    "First-pass notes: the beat is a bit too busy under the voiceover, it's competing with the UI explanations.",   # p-e-saas-01 t1
    # other voices
    "the groove feels too cluttered under the narration",
    "The beat's way too busy, there's too much going on behind the talking.",
    "the beat is a little dense for a voiceover bed",
])
def test_the_beat_too_busy_is_less_going_on(tmp_path, said):
    chat = open_long(tmp_path, "a clean, modern electronic style for our product walkthrough - friendly SaaS, not nightclub")
    before = chat.plan
    turn = chat.say(said)
    assert all(energy_at(chat.plan, t) < energy_at(before, t) for t in TIMES), turn.reply
    assert not turn.question, turn.reply
