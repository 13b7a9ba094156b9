"""Cross-branch mends of the seventeenth session (mend17b), each through a real chat Session or the arbiter.

1. A mood said of the harmony is its key alone (model17), now that a keyed mood's label is its key (bankfix17a): the
   head agreeing with the grammar's mood no longer hides the rule, and the key placed for the head is the key, not the
   mood with its pace. A feeling said of the whole music in a clause before the harmony is named stays the mood
   (bankfix17a: "way too happy clappy, gimme sad chords" turns the whole sad, its pace too).
"""

from __future__ import annotations

import pytest
from edit_clips import tempos

from v2m.agent.dialogue.arbiter import choose
from v2m.agent.dialogue.edits import read_request
from v2m.agent.dialogue.intent_model import Prediction


@pytest.mark.parametrize("said, key", [
    ("those chords are so depressing, make them happier", "mode_major"),        # learner
    ("harmony's too gloomy. happier pls", "mode_major"),                         # texting
    ("chord progression reads way too cheerful for a wake, go melancholy", "mode_minor"),   # describing the picture
])
def test_the_harmony_named_first_then_its_mood_is_the_key(jazz30, said, key):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    assert rules and all(it.what == "mood" for it in rules), rules
    assert choose(rules, Prediction(key, 0.9, "none", 0.05), said).how == "model"


@pytest.mark.parametrize("said, key", [
    ("everything is way too upbeat lol, sad chords pls", "mode_minor"),          # texting
    ("it's all so gloomy, happier chords please", "mode_major"),
])
def test_a_feeling_of_the_whole_before_the_harmony_is_the_mood(jazz30, said, key):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    assert rules, said
    assert choose(rules, Prediction(key, 0.9, "none", 0.05), said).how == "rules"


def test_in_a_chat_the_chords_happier_keep_the_tempo(lofi_chat):
    before = tempos(lofi_chat.plan)
    turn = lofi_chat.say("those chords are so depressing, make them happier")
    assert turn.changed and not turn.question and lofi_chat.plan.mode == "major", turn.reply
    assert tempos(lofi_chat.plan) == before, turn.reply


# 2. A style called up by a described sound ("taiko and braams all the way": the trailer sound) is the sound asked for:
#    the head's sure edit of one of its instruments ("taiko louder") does not take its place, as it does for a style
#    inferred from an occasion (model17's `trust.over_style`: "it's for a church livestream, quieter please").

@pytest.mark.parametrize("said, style", [
    ("taiko and braams all the way", "epic_trailer"),
    ("all war drums n braams pls", "epic_trailer"),                    # texting
    ("I want the sound of pulsing strings and risers through the whole", "epic_trailer"),   # learner
    ("beepy square wave sounds the whole video", "chiptune"),          # describing the sound
])
def test_a_style_from_a_described_sound_stays_against_a_sure_edit(jazz30, said, style):
    analysis, plan = jazz30
    rules = read_request(analysis, plan, said, guess=False)
    assert [it.value for it in rules if it.what == "style"] == [style], rules
    for label in ("balance_up", "add", "energy_up"):
        assert choose(rules, Prediction(label, 0.9, "none", 0.05), said).how == "rules", label

