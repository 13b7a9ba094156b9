"""What the read-back of the twelfth session found (notes READBACK12_REPORT, items 1, 3, 9, 10), each through a real
Session (jazz on 60 s cut every 4 s), in the report's wording and in other words: praise beside a complaint swallowed
the complaint ("it's fine, the drums are loud" changed nothing); "less X" of the music was taken as information
("there's less punch in the second half" changed nothing); a state told and praised beside an edit was edited too
("slow in the intro, love it, but make the end faster" slowed the intro); "X enough" said of a part changed the style
("the drums are loud enough but the bass isn't": jazz -> rock). The left12a cases these fixes sit beside stay as
they were (approval of a state told; information about the picture)."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels, tempos


GLAD = "glad you like it"


# ----------------------------------------------------------------------------- 1. praise beside a complaint

@pytest.mark.parametrize("said, check", [
    ("it's fine, the drums are loud", lambda b, a: set(levels(a, "drums")) == {-5.0}),
    ("perfect, the piano sounds thin in the middle", lambda b, a: max(levels(a, "harmony")) > 0),
    # mine
    ("great, but overall the bass is muddy", lambda b, a: min(levels(a, "bass")) < 0),
    ("nice, the bass is muddy", lambda b, a: min(levels(a, "bass")) < 0),   # approval() let this pass at 8ff67ef
    ("nice, the piano sounds cheap", None),
])
def test_a_complaint_beside_praise_is_not_approval(jazz_long, said, check):
    # before: the told clause counted as a state approved: nothing changed and the reply said "glad you like it"
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert GLAD not in turn.reply, turn.reply
    assert turn.question or turn.changed, turn.reply
    if check:
        assert turn.changed and check(before, jazz_long.plan), turn.reply


@pytest.mark.parametrize("said", ["love it, the end feels flat", "great, the ending is abrupt",
                                  # mine
                                  "brilliant, the middle feels a bit dull"])
def test_a_flat_or_abrupt_end_beside_praise_asks_or_edits(jazz_long, said):
    turn = jazz_long.say(said)
    assert GLAD not in turn.reply and (turn.question or turn.changed), turn.reply


@pytest.mark.parametrize("said", ["the intro is not slow anymore, good", "pretty slow in the intro, love it",
                                  "the bass is loud enough now", "the drums are loud, love it",
                                  # mine
                                  "great, the piano is not thin any more", "nice, the drums are loud enough now"])
def test_a_state_told_and_praised_still_changes_nothing(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and not turn.question and jazz_long.plan == before, turn.reply


# ----------------------------------------------------------------------------- 3. less of a quality of the music

@pytest.mark.parametrize("said", ["there's less punch in the second half", "the ending has less impact",
                                  "the intro has less bite than the rest",
                                  # mine
                                  "the chorus bit has less weight"])
def test_less_of_a_quality_is_not_information(jazz_long, said):
    # before: "That leaves the score as it is; nothing changed."
    turn = jazz_long.say(said)
    assert turn.question or turn.changed, turn.reply
    assert "nothing changed" not in turn.reply.lower(), turn.reply


@pytest.mark.parametrize("said, where", [("it has less drive than the demo", slice(None)),
                                         ("there's less excitement in the end than I hoped", slice(-1, None)),
                                         ("there's less going on at the end than I'd like", slice(-1, None)),
                                         # mine
                                         ("the ending has way less energy than we wanted", slice(-1, None))])
def test_less_than_wished_moves_toward_it(jazz_long, said, where):
    # before: nothing (or, at 8ff67ef, less energy: the wrong way)
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert all(a > b for a, b in zip(energies(jazz_long.plan)[where], energies(before)[where])), turn.reply


@pytest.mark.parametrize("said", ["there's more going on in the second half", "the last shot has less movement",
                                  "there's more going on in the second half than the first"])
def test_information_about_the_picture_is_still_no_edit(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply


# ----------------------------------------------------------------------------- 9. a praised state beside an edit

@pytest.mark.parametrize("said", ["slow in the intro, love it, but make the end faster",
                                  "the intro is slow, love it. make the end faster",
                                  # mine
                                  "the start is pretty calm, which is perfect, but the end should be faster"])
def test_a_praised_state_beside_an_edit_is_left_alone(jazz_long, said):
    # before: the intro was slowed (139.4 -> 118.5) or sped up (-> 160.3) as well as the end
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert tempos(jazz_long.plan)[0] == before.tempo_bpm, turn.reply
    assert tempos(jazz_long.plan)[-1] > before.tempo_bpm, turn.reply


def test_praise_then_a_wish_still_edits(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("love it, but a bit slow in the intro")
    assert turn.changed and tempos(jazz_long.plan)[0] > before.tempo_bpm, turn.reply


# ----------------------------------------------------------------------------- 10. X enough said of a part

def test_one_part_enough_and_another_not_raises_only_that_part(jazz_long):
    # before: "'are loud enough' read as rock": jazz -> rock, and the bass +2
    turn = jazz_long.say("the drums are loud enough but the bass isn't")
    assert jazz_long.plan.style == "jazz", turn.reply
    assert set(levels(jazz_long.plan, "bass")) == {5.0} and set(levels(jazz_long.plan, "drums")) == {0.0}, turn.reply


@pytest.mark.parametrize("said", ["the drums are loud enough now, the bass too",
                                  # mine
                                  "the piano is bright enough already, and the sax as well"])
def test_two_parts_enough_change_nothing(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply


def test_a_part_enough_beside_an_edit_keeps_the_style(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("the strings are warm enough, slower in the end")
    assert jazz_long.plan.style == "jazz", turn.reply
    assert tempos(jazz_long.plan)[-1] < before.tempo_bpm and tempos(jazz_long.plan)[0] == before.tempo_bpm, turn.reply


# ----------------------------------------------------------------------------- twins T1-T4: one list each

def test_the_judging_words_are_one_list_each_read_by_every_reader():
    from v2m.agent.dialogue import approval, similes, talk, verdicts

    for r in (approval.CLOSING_RE, approval.APPROVAL_RE, approval.PRAISED_RE, similes.APPROVAL_RE):
        assert verdicts.PRAISE in r.pattern
    for r in (approval.WISHED_RE, approval.WISH_BESIDE_APPROVAL_RE, talk.INFO_WISH_RE):
        assert verdicts.WISH in r.pattern
    for r in (approval.TOLD_RE, approval.COPULA_RE, talk.STATED_RE):
        assert verdicts.COPULA in r.pattern
    assert similes.COMPLAINTS is verdicts.COMPLAINTS and verdicts.COMPLAINTS <= verdicts.FAULTS
    assert talk.WILL_BE_SAID in talk.WILL_BE and talk.WILL_BE_SAID in talk.REQUEST_RE.pattern


@pytest.mark.parametrize("said", ["the ending is not slow anymore, superb", "cheers, that's just right"])
def test_praise_from_the_shared_list_approves(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply


def test_a_question_about_what_the_music_will_be_is_still_answered(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("will the music be quieter than my voice?")
    assert not turn.changed and jazz_long.plan == before and "LUFS" in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["it doesn't sound painful enough. like a cartoon",
                                  # mine
                                  "the bass doesnt sound big enough, slower at the end"])
def test_a_lack_said_with_n_t_enough_is_not_dropped_as_approved(said):
    # "doesn't ... enough" is a lack: unpraised must not drop it as a part said enough (f-lp-bikes-spin-crash turn 5)
    from v2m.agent.dialogue.approval import unpraised

    assert unpraised(said) == said


def test_a_lack_said_beside_a_likeness_still_asks(jazz_long):
    before = jazz_long.plan
    turn = jazz_long.say("it doesn't sound painful enough. like a cartoon")
    assert turn.question and jazz_long.plan == before, turn.reply


@pytest.mark.parametrize("said", ["the intro isn't slow anymore, good", "the intro isnt slow anymore, good"])
def test_a_state_over_said_with_n_t_is_approved(jazz_long, said):
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and jazz_long.plan == before, turn.reply
