"""What the sixteenth session's merges mended themselves, through a real chat Session (conftest's `jazz_long`: the
synthetic 60 s clip cut every 4 s, jazz)."""

from __future__ import annotations

import pytest
from edit_clips import tempos


@pytest.mark.parametrize("said", ["scratch that last one, previous take was the keeper", "ditch the latest change",
                                  "nah the take before was better", "bin that last tweak pls",
                                  "the previous take was the keeper", "ok scrap that last edit"])
def test_the_last_edit_thrown_away_in_a_takes_words(jazz_long, said):
    """n-d-cop-show t5 ("scratch that last one, previous take was the keeper", a tune turn lost when left16a made its
    turn 4 act): the last edit thrown away, or the take before it kept, said the editor's way, is back one version."""
    first = jazz_long.plan
    jazz_long.say("faster from shot 4 on and add a horn section")
    assert jazz_long.plan != first
    turn = jazz_long.say(said)
    assert not turn.question, turn.reply
    assert jazz_long.plan == first, turn.reply


@pytest.mark.parametrize("said", ["drop the last shot's drums", "kill the last hit"])
def test_last_words_that_throw_no_version_away(jazz_long, said):
    """A part or a mark of the last place, or a remark on it, is no undo of the last edit."""
    jazz_long.say("faster from shot 4 on")
    after = jazz_long.plan
    turn = jazz_long.say(said)
    assert tempos(jazz_long.plan) == tempos(after), turn.reply   # the faster tempo stays
