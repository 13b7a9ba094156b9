"""Several changes in one message where one part was lost or misplaced (twenty-third session, p-tune voices):
a style kept between a complaint and its placed remedy, a part entering with a level said after it, "bring it
down a notch" after parts named in a list. Each case is the user's words, then other wordings of the same meaning
written before the fix (transfer). The clip is 40 s cut every 8 s: shot k from 8(k-1) to 8k s."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip, open_long

from v2m.agent.dialogue.session import Session


def _session(tmp_path, style: str, first: str | None = None) -> Session:
    s = open_long(tmp_path, style, long_clip(40.0, 8.0))
    if first:
        s.say(first)
    return s


def _unchanged_before(old, new, t_end: float) -> bool:
    return all(abs(energy_at(old, t) - energy_at(new, t)) < 1e-9 for t in (2.0, 6.0, 10.0, 14.0) if t < t_end)


# "That's a little too stuffy now ... keep it classical but with more energy from the campus-life section onwards
# (1:10)": the complaint is why, the placed change what and where; the style said kept changes nothing and must not
# stand between them (before: the whole score got more energy as well)
@pytest.mark.parametrize("request_", [
    "That's a little too stuffy now for seventeen-year-olds. Could we keep it classical but with more energy from the third shot onwards?",
    "too stuffy for teenagers. keep it classical, just more energy from 0:16 on",   # transfer
    "It's a bit dull now. Can we stay classical but with more drive after 0:16?",   # transfer
    "too sleepy. Keep the classical feel, but more energy from shot 3 onwards",   # transfer
])
def test_complaint_then_style_kept_then_placed_change(tmp_path, request_):
    s = _session(tmp_path, "classical")
    old = s.plan
    r = s.say(request_)
    assert not r.question and s.plan.style == "classical", r.reply
    assert energy_at(s.plan, 20.0) > energy_at(old, 20.0), r.reply
    assert _unchanged_before(old, s.plan, 16.0), r.reply


# "from the second cut on um drums in and a bit louder": the drums come in, and the music there gets louder (a part
# entering has no level to be louder than); before, "a bit louder" went to the drums alone and the energy stayed
@pytest.mark.parametrize("request_", [
    "from the second cut on um drums in and a bit louder",
    "after 0:16 bring the drums in and a little louder",   # transfer
    "from shot 3 on drums come in and slightly louder",   # transfer
    "from the second cut, percussion in and a touch louder",   # transfer
])
def test_part_enters_and_louder(tmp_path, request_):
    s = _session(tmp_path, "classical")
    old = s.plan
    r = s.say(request_)
    assert not r.question, r.reply
    assert " in from 0:16" in r.reply, r.reply   # the drums (or percussion) come in there
    assert energy_at(s.plan, 28.0) > energy_at(old, 28.0), r.reply
    assert _unchanged_before(old, s.plan, 16.0), r.reply


# "from the 5th cut on: let the bass walk, brushes on the kit, and bring it down a notch": after two parts named,
# "it" is the music, and "bring it down a notch" is less energy there (before: the brushes softer and, by the
# model, more energy)
@pytest.mark.parametrize("request_", [
    "from the 3rd cut on: let the bass walk, brushes on the kit, and bring it down a notch",
    "after 0:24: walking bass, brushes on the drums, and bring it down a little",   # transfer
    "from shot 4 on, bass walks, kit on brushes, and take it down a notch",   # transfer
    "from the third cut: brushes on the kit, let the bass walk, and bring it all down a bit",   # transfer
])
def test_header_place_lists_changes_then_bring_it_down(tmp_path, request_):
    s = _session(tmp_path, "jazz")
    old = s.plan
    r = s.say(request_)
    assert not r.question, r.reply
    assert energy_at(s.plan, 28.0) < energy_at(old, 28.0) and energy_at(s.plan, 36.0) < energy_at(old, 36.0), r.reply
    assert _unchanged_before(old, s.plan, 24.0), r.reply


# the words that must keep reading as they did: "it" after one part named is that part
@pytest.mark.parametrize("request_", ["the sax is too loud, bring it down a bit", "the sax, take it down a notch"])
def test_it_after_one_part_is_that_part(tmp_path, request_):
    s = _session(tmp_path, "jazz")
    old = s.plan
    r = s.say(request_)
    assert not r.question and "softer" in r.reply and energy_at(s.plan, 20.0) == energy_at(old, 20.0), r.reply


# "keep it low and breathing till 0:57, then swell all the way into the last shot": the swell starts where the low
# stretch ends and runs into the last shot (before: only the shot leading into it rose, 0:57 to there unchanged)
@pytest.mark.parametrize("request_", [
    "keep it low and breathing till 0:16, then swell all the way into the last shot",
    "stay quiet until 0:16, then build into the final shot",   # transfer
    "hold it back till 0:16 and then let it grow into the last shot",   # transfer
    pytest.param("soft up to 0:16, after that swell into the last shot", marks=pytest.mark.xfail(
        reason="'after 0:16 swell into the last shot' is read as swell marks (`marks`), not a shape", strict=False)),   # transfer
])
def test_low_till_then_swell_into_the_last_shot(tmp_path, request_):
    s = _session(tmp_path, "cinematic")
    old = s.plan
    r = s.say(request_)
    assert not r.question, r.reply
    assert energy_at(s.plan, 10.0) < energy_at(old, 10.0), r.reply   # low before 0:16
    assert energy_at(s.plan, 17.0) < energy_at(s.plan, 31.0) < energy_at(s.plan, 36.0) + 0.3, r.reply
    assert energy_at(s.plan, 36.0) > energy_at(s.plan, 17.0), r.reply   # the last shot above where the swell began


# "Can you make it more like Chinese traditional, like they play in the tea house, with erhu?": no style is that
# tradition, and the erhu itself is only a stand-in (Violin): asked, with the stand-in named, before anything is done
# (before: the violin added and the tradition left unread). The answer "OK no erhu, then use the violin instead" adds it.
@pytest.mark.parametrize("request_", [
    "Can you make it more like Chinese traditional, like they play in the tea house, with erhu?",
    "I'd like it more like Arabic traditional music, with a darbuka",   # transfer
    "make it feel like a Chinese garden, with a guzheng please",   # transfer
    pytest.param("can we get that Irish pub sound, with uilleann pipes?", marks=pytest.mark.xfail(
        reason="'that Irish pub sound' is read as nothing and not reported unread, so nothing asks", strict=False)),   # transfer
])
def test_a_tradition_no_style_covers_with_a_stand_in_is_asked(tmp_path, request_):
    s = _session(tmp_path, "folk")
    old = s.plan
    r = s.say(request_)
    assert r.question and s.plan == old, r.reply
    assert "General MIDI" in r.question, r.reply


def test_the_answer_to_the_tradition_question_adds_the_violin(tmp_path):
    s = _session(tmp_path, "folk")
    s.say("Can you make it more like Chinese traditional, like they play in the tea house, with erhu?")
    r = s.say("OK no erhu, then use the violin instead, it is fine for me")
    assert not r.question and "violin in" in r.reply.lower(), r.reply


def test_a_swell_all_the_way_into_the_last_shot_goes_on_through_it(tmp_path):
    """'all the way into' the last shot: the shot leading in and the last shot rise (plain 'into' still only leads in,
    test_places20a)."""
    s = _session(tmp_path, "cinematic")
    old = s.plan
    r = s.say("swell all the way into the last shot")
    assert energy_at(s.plan, 26.0) < energy_at(s.plan, 38.0) and energy_at(s.plan, 38.0) > energy_at(old, 38.0), r.reply
    assert _unchanged_before(old, s.plan, 24.0), r.reply
