"""'no more X' after fix20b's closing words (approval.CLOSING_RE: "no further changes", "nothing further from us"): only
"no more" with a change's noun, or alone at a clause's end, is nothing more asked; "no more crashes", "no more dead air"
name what should go, a request (tests left16c, readfix13b, readfix15a), on the 60 s chat clip (conftest's `jazz_long`,
cuts every 4 s with a crash at each)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("said", ["alright, no more crashes please", "no more crashes",
                                  # other voices
                                  "ok, no further crashes", "no more crashes, thanks", "right, no more of the crashes"])
def test_no_more_of_a_mark_takes_every_one_out(jazz_long, said):
    """The crashes go (before: "Good: I left the score exactly as it is, glad you like it")."""
    turn = jazz_long.say(said)
    assert turn.changed and not [h for h in jazz_long.plan.hit_points if h.kind == "crash"], turn.reply


@pytest.mark.parametrize("said", ["no more dead air",
                                  # other voices
                                  "no more dead air please", "no more silence"])
def test_no_more_silence_is_no_wish_for_silence(jazz_long, said):
    turn = jazz_long.say(said)
    assert not turn.changed and "glad you like it" not in turn.reply and "should be silent" not in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["no more changes, thanks", "that's it, no more. thanks!", "nothing further from me",
                                  "no further edits needed, cheers", "all good, nothing more"])
def test_nothing_more_asked_is_still_a_sign_off(jazz_long, said):
    """fix20b's reading stays: no change named after 'no more', the turn is a sign-off and nothing changes."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert jazz_long.plan == before and not turn.question, turn.reply
