"""Places and versions said earlier in the conversation, pointed back to (notes REFS20). Blind writers' people point
back: "That's where the balcony view comes in" names the place of the clause before it, and four turns later "the
balcony shot" is that shot; "straight after our first lot of changes" is the version the first edit made; "now the
bottom is boomy in there" is the bass where the last edit was. Each case is the set's words (o-tune o-a-realtor-02
turn 6, o-a-agency-02 turn 5, n-tune n-i-d-beats-03-sneaker-drop turn 3) and two or three other wordings of the same
meaning, written before the fix, through a real chat Session on the bikes-like clip (cuts at 1.2, 3.04, 5.48, 7.48,
9.68 s) or the set's own synthetic clip. Guards: a pointer with nothing said before it, a picture described but never
placed, and "is there any way" (no place) read as before.
"""

from __future__ import annotations

import pytest
from edit_clips import bikes, energies, level_at, make_analysis

from v2m.agent.dialogue.session import Session


def _open(tmp_path, request: str, analysis=None) -> Session:
    a = analysis or bikes()
    return Session.open(a.source, request, workdir=tmp_path / "store", analysis=a, render=False)


def _outside(plan, a: float, b: float) -> list[tuple[float, float, dict]]:
    """(time, energy, levels) every 0.25 s outside [a, b]: what an edit there must leave alone (read at times, as a
    section the edit splits is a new section with the same sound)."""
    out = []
    for k in range(int(plan.duration_s * 4)):
        t = k / 4
        if t < a - 0.05 or t > b + 0.05:
            s = plan.sections[plan.section_at(t)]
            out.append((t, s.energy, {r: v for r, v in (s.levels_db or {}).items() if v}))
    return out


def _inside(plan, a: float, b: float) -> list[float]:
    return [plan.sections[plan.section_at(t)].energy for t in (a + 0.1, (a + b) / 2, b - 0.1)]


REALTOR = "Would you mind putting some music on this short reel for the open house? Upbeat but not over the top, if that's ok"
REALTOR_TURNS = ["Sorry, it's maybe a bit too chirpy for a condo listing? Might tone that down a little",
                 "Could the music kind of land on the third cut, eh? That's where the balcony view comes in",
                 "Would it be awful to lose the drums just for the shot right before that one? Rest is fine as is",
                 "Hmm. Honestly I think the very first go had more of a spark to it. Could we just go back to how it was at the start?",
                 "🙂👍🏡"]


@pytest.mark.parametrize("said", [
    # set o's words (o-a-realtor-02 turn 6)
    "The co-listing agent reckons the balcony shot could use a bit more oomph, just that shot though",
    # other wordings of the same meaning
    "give the balcony bit a little more energy, only there",
    pytest.param("the balcony part I mentioned needs more lift, nothing else", marks=pytest.mark.xfail(
        reason="the place is read (the third cut's shot) but 'more lift' is no word of the grammar's: the model asks "
               "'Do you mean more energy?' ('the third cut needs more lift' asks the same on main)", strict=True)),
    "a bit more oomph where the balcony view comes in please, leave the rest",
])
def test_a_name_given_beside_a_place_earlier_is_that_place(tmp_path, said):
    """'That's where the balcony view comes in' said after 'land on the third cut': the balcony view is the shot that
    starts at the third cut (5.48-7.48), however it is said again later, also after a return to the first score."""
    chat = _open(tmp_path, REALTOR)
    for line in REALTOR_TURNS:
        chat.say(line)
    before = chat.plan
    turn = chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert _outside(chat.plan, 5.48, 7.48) == _outside(before, 5.48, 7.48), turn.reply
    assert sum(_inside(chat.plan, 5.48, 7.48)) > sum(_inside(before, 5.48, 7.48)), turn.reply


@pytest.mark.parametrize("first, then", [
    ("put a hit on the third cut, that's when the balcony shows up", "the balcony shot could use more oomph, just that shot"),
    ("a crash on the third cut please. that's where we see the balcony", "more energy in the balcony bit only"),
])
def test_a_name_bound_by_thats_where_in_other_words(tmp_path, first, then):
    chat = _open(tmp_path, "upbeat acoustic")
    chat.say(first)
    before = chat.plan
    turn = chat.say(then)
    assert turn.changed and not turn.question, turn.reply
    assert _outside(chat.plan, 5.48, 7.48) == _outside(before, 5.48, 7.48), turn.reply
    assert sum(_inside(chat.plan, 5.48, 7.48)) > sum(_inside(before, 5.48, 7.48)), turn.reply


def test_a_picture_never_placed_stays_a_question(tmp_path):
    """Guard: 'the balcony shot' with no place ever said for it is asked about, the score unchanged (as on main)."""
    chat = _open(tmp_path, "upbeat acoustic")
    before = chat.plan
    turn = chat.say("is there any way the balcony shot could have a bit more oomph")
    assert turn.question and not turn.changed, turn.reply
    assert energies(chat.plan) == energies(before)


AGENCY = "Client brief says 'adventurous, outdoorsy, bit of rock' for this bike teaser"
AGENCY_TURNS = ["Feedback round one: it's reading a touch too aggressive for a family brand",
                "They'd like the guitar out for the opening shot only, nothing else touched please",
                "",
                "From the third cut to the end they want a sense of building, so it finishes on a high"]


@pytest.mark.parametrize("said", [
    # set o's words (o-a-agency-02 turn 5)
    "So the CMO liked it best straight after our first lot of changes, when it had just calmed down. Can we go back to exactly that one?",
    # other wordings of the same meaning
    "go back to straight after our first round of changes",
    "the version right after our first set of edits was the best, back to that one please",
    "can we return to how it was just after the first batch of tweaks",
])
def test_the_version_after_the_first_changes(tmp_path, said):
    chat = _open(tmp_path, AGENCY)
    chat.say(AGENCY_TURNS[0])
    after_first = chat.plan
    for line in AGENCY_TURNS[1:]:
        chat.say(line)
    turn = chat.say(said)
    assert not turn.question, turn.reply
    assert chat.plan.sections == after_first.sections, turn.reply


SNEAKER = make_analysis(30.0, 25.0, [int(round(t * 25)) for t in (2.5, 6.1, 9.8, 14.9, 18.0, 22.4, 26.7)], source="synthetic.mp4")
SNEAKER_REQUEST = "sneaker launch promo, festival edm, big build then drop"


@pytest.mark.parametrize("said, role", [
    # set n's words (n-i-d-beats-03-sneaker-drop turn 3), after turn 2 said with its time
    ("now the bottom is boomy in there, muddy", "bass"),
    # other wordings of the same meaning
    ("the low end is muddy in there now", "bass"),
    ("now the bass is too boomy there", "bass"),
    ("the pad in that bit is too loud now", "pad"),
])
def test_another_part_in_there_is_that_part_where_the_last_edit_was(tmp_path, said, role):
    """After the drums went up from 0:14.9 on, a complaint about another part 'in there' is that part softer from
    0:14.9 on, not the last edit taken half back, and nothing before 0:14.9 moves."""
    chat = _open(tmp_path, SNEAKER_REQUEST, SNEAKER)
    chat.say("riser's way too short. kick off soft, let it climb all the way up to shot five and drop on that")
    chat.say("after 0:14.9 the kick's buried, push it")
    before = chat.plan
    turn = chat.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert _outside(chat.plan, 14.88, 30) == _outside(before, 14.88, 30), turn.reply
    assert level_at(chat.plan, "drums", 20) == level_at(before, "drums", 20), turn.reply
    assert level_at(chat.plan, role, 20) < level_at(before, role, 20), turn.reply


def test_in_there_with_nothing_before_reads_as_today(tmp_path):
    """Guard: 'in there' as the first edit points at nothing: the whole score's bass (as on main), no crash."""
    chat = _open(tmp_path, SNEAKER_REQUEST, SNEAKER)
    turn = chat.say("now the bottom is boomy in there, muddy")
    assert turn.changed, turn.reply
    assert all(level_at(chat.plan, "bass", t) < 0 for t in (1, 20)), turn.reply


@pytest.mark.parametrize("first, then", [
    # set n's words (n-i-d-beats-03-sneaker-drop turns 1 and 2)
    ("riser's way too short. kick off soft, let it climb all the way up to shot five and drop on that",
     "after the drop kick's buried, push it"),
    # other wordings of the same meaning
    ("build it up to shot five and drop on that", "after the drop, the drums need to be louder"),
    ("let it rise to the fifth shot and drop right on that one", "the kick is too quiet after the drop"),
    ("grow all the way to shot 5, the drop on that", "the drums are buried after the drop, push them"),
])
def test_a_mark_put_on_that_names_where_the_shot_starts(tmp_path, first, then):
    """'drop on that' after a place reached names that moment (the start of shot five, 0:14.9), also when the turn that
    said it asked about something else: 'after the drop' is from 0:14.9 to the end, nothing before it moves."""
    chat = _open(tmp_path, SNEAKER_REQUEST, SNEAKER)
    chat.say(first)
    before = chat.plan
    turn = chat.say(then)
    assert turn.changed and not turn.question, turn.reply
    assert _outside(chat.plan, 14.88, 30) == _outside(before, 14.88, 30), turn.reply
    assert all(level_at(chat.plan, "drums", t) > level_at(before, "drums", t) for t in (16, 20, 28)), turn.reply


@pytest.mark.parametrize("said", ["is there any way to make the bass louder", "is there a way to get the bass louder",
                                  "could there be a louder bass"])
def test_is_there_any_way_is_no_place(tmp_path, said):
    """Guard: 'is there any way' after an edit in a place is a whole-score request, not 'there' (on main 5decc7c
    'there' here was the last edit's place, 0:14.9-0:30)."""
    chat = _open(tmp_path, SNEAKER_REQUEST, SNEAKER)
    chat.say("after 0:14.9 the kick's buried, push it")
    before = chat.plan
    turn = chat.say(said)
    assert turn.changed, turn.reply
    assert level_at(chat.plan, "bass", 1) > level_at(before, "bass", 1), turn.reply


@pytest.mark.parametrize("mark, then", [
    ("put a big crash at 0:16", "make it quieter where you put the crash"),
    ("a stab at 0:16 please", "less energy right where you added the stab"),
    pytest.param("hit 0:16 hard", "calmer where the hit lands", marks=pytest.mark.xfail(
        reason="0:16 already had a strong crash, so 'hit 0:16 hard' changed nothing and left no place for the next "
               "turn (last_place reads where the plan changed); 'where the' is then asked about as a moment", strict=True)),
    # written after the fix: a mark that is new
    ("hit 0:18 hard", "calmer where the hit lands"),
])
def test_where_you_put_the_mark_is_its_moment(tmp_path, mark, then):
    """'where you put the crash' points back at the mark the person asked for (0:16, the cut into shot 3 of the 40 s
    clip cut every 8 s): the shot it starts, nothing before it moves."""
    from edit_clips import long_clip, open_long
    chat = open_long(tmp_path, "jazz", long_clip(40.0, 8.0))
    chat.say(mark)
    before = chat.plan
    turn = chat.say(then)
    assert turn.changed and not turn.question, turn.reply
    assert _outside(chat.plan, 16, 24) == _outside(before, 16, 24), turn.reply
    assert sum(_inside(chat.plan, 16, 24)) < sum(_inside(before, 16, 24)), turn.reply
