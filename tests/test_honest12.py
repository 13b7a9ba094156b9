"""A version only when the music changed, the composer's warnings said, twins folded (notes HONEST12), each through a
real chat Session on a synthetic clip (jazz on 60 s cut every 4 s): a turn whose edits cancel out or whose mark is
already there made a version while its reply said "Nothing changed", and `undo` then undid nothing; a hit the
composer dropped for being too close to another was never said in the chat."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from edit_clips import open_long


# ----------------------------------------------------------------------------- 1. no version for the same music

@pytest.mark.parametrize("said", ["louder then quieter again", "a crash at 0:20"])
def test_a_turn_that_changes_no_music_makes_no_version(jazz_long, said):
    # before: the edit log in the plan's reasoning grew, so a version was made under "Nothing changed"
    before = jazz_long.plan
    turn = jazz_long.say(said)
    assert not turn.changed and turn.version == 1 and jazz_long.version == 1, turn.reply
    assert jazz_long.plan == before and turn.reply.startswith("Nothing changed"), turn.reply
    assert len(jazz_long.lineage()) == 1


def test_undo_after_a_turn_that_changed_nothing_undoes_the_last_real_change(jazz_long):
    jazz_long.say("slower")
    slower = jazz_long.plan
    turn = jazz_long.say("louder then quieter again")
    assert not turn.changed and jazz_long.version == 2 and jazz_long.plan == slower, turn.reply
    turn = jazz_long.say("undo")
    assert turn.reply == "Back to version 1." and jazz_long.version == 1 and jazz_long.plan.tempo_bpm > slower.tempo_bpm


def test_the_same_mark_asked_says_why_and_makes_no_version(jazz_long):
    turn = jazz_long.say("put a crash on the fifth cut")
    assert not turn.changed and jazz_long.version == 1, turn.reply
    assert turn.reply == "Nothing changed: 0:20 already has a strong crash.", turn.reply   # the why, not a stock line


def test_a_named_moment_makes_no_version_but_is_heard_later_and_the_reply_says_so(jazz_long):
    # a name given to a place changes no music: no version, but the reply says it is noted and later turns read it,
    # also after a real change ("slower") and past an undo of the change after it
    turn = jazz_long.say("he falls at the fifth cut")
    assert not turn.changed and jazz_long.version == 1, turn.reply
    # no crash was asked for: the reply says only what was noted (readfix12c, READBACK12C 13)
    assert turn.reply == 'Nothing changed; noted for later: "he falls" is the fifth cut.', turn.reply
    again = jazz_long.say("he falls at the fifth cut")   # heard already: nothing new to note, and no crash guessed
    assert again.reply == "Nothing changed: the score is as it was.", again.reply   # (left13b: a moment told is no mark)
    assert jazz_long.say("slower").changed and jazz_long.version == 2
    turn = jazz_long.say("a stab at the fall")
    assert turn.changed and [h.kind for h in jazz_long.plan.hit_points if h.time_s == 20.0] == ["stab"], turn.reply
    assert jazz_long.say("undo").reply == "Back to version 2."
    assert jazz_long.say("a swell into the fall").changed, jazz_long.history()[-1].reply


def test_there_after_a_mark_that_was_already_there_is_its_moment(jazz_long):
    # "a crash at 0:20" changed nothing, so made no version; the next turn's "there" is still 0:20
    assert not jazz_long.say("a crash at 0:20").changed and jazz_long.version == 1
    turn = jazz_long.say("a stop there")
    assert turn.changed and [h.kind for h in jazz_long.plan.hit_points if h.time_s == 20.0] == ["stop"], turn.reply


def test_undo_after_turns_that_changed_nothing_undoes_the_change_before_them(jazz_long):
    jazz_long.say("slower")
    jazz_long.say("he falls at the fifth cut")
    jazz_long.say("louder then quieter again")
    assert jazz_long.version == 2
    turn = jazz_long.say("undo")
    assert turn.reply == "Back to version 1." and jazz_long.plan == jazz_long.lineage()[0], turn.reply


def test_a_pasted_list_whose_notes_change_nothing_makes_no_version(jazz_long):
    turn = jazz_long.say("1. a crash at 0:20\n2. louder then quieter again")
    assert not turn.changed and jazz_long.version == 1, turn.reply


# ----------------------------------------------------------------------------- 2. the composer's warnings said

@pytest.fixture()
def composing(monkeypatch):
    """Sessions that compose every version (the real composer) but render and mux nothing."""
    from v2m.tools.realiser import Realisation, Realiser

    said = []

    def realise(self, plan, folder, previous=None, **kw):
        arrangement = self.compose(plan, Path(folder))
        said.append(list(arrangement.warnings))
        return Realisation(files={"midi": "score.mid"}, rendered=[], warnings=list(arrangement.warnings) + said_more)

    said_more: list[str] = []
    monkeypatch.setattr(Realiser, "realise", realise)
    return said, said_more


def test_a_hit_too_close_to_another_is_said_once_in_plain_words(tmp_path, composing):
    said, _ = composing
    s = open_long(tmp_path, render=True)
    turn = s.say("a stab at 0:30 and a crash at 0:30.05")
    assert said[-1] == ["hit point at 30.05s is too close to another for its own beat; dropped"]   # the composer's
    notes = [x for x in turn.reply.splitlines() if x.startswith("Note:")]
    assert notes == ["Note: The crash at 0:30.1 is too close to the stab at 0:30 to get a beat of its own, so it is "
                     "not played; move it further away or take one of them out."], turn.reply
    turn = s.say("louder")   # still dropped, already said: not said again
    assert turn.changed and said[-1] and "Note:" not in turn.reply, turn.reply
    turn = s.say("take out the crash at 0:30.05")
    assert turn.changed and not said[-1] and "Note:" not in turn.reply, turn.reply


def test_a_composer_warning_is_plain_text_and_melody_repairs_stay_in_the_log(tmp_path, composing):
    _, more = composing
    more += ["the \x1b[31msitar\x1b[0m\x07 is not in the sound set;\u202e Sitar 104 plays it from 12.5s",
             "melody repaired: section 0 (A): bar 3 too long"]
    s = open_long(tmp_path, render=True)
    notes = [x for x in s.first.reply.splitlines() if x.startswith("Note:")]
    assert notes == ["Note: The sitar is not in the sound set; Sitar 104 plays it from 0:12.5"], s.first.reply
    turn = s.say("slower")
    assert turn.changed and "Note:" not in turn.reply and "melody" not in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 3. twins folded

def _energy(plan) -> list[tuple[float, float]]:
    return [(s.start_s, s.energy) for s in plan.sections]


def test_more_punch_there_after_a_stab_is_the_stabs_place(jazz_long):
    # before: next_place's hit words held "punch" where marks' did not, so "there" became "at 24.00", a time only the
    # mark reader reads, and the energy edit, finding no place, raised the whole score
    jazz_long.say("a stab at 0:24")
    stab = jazz_long.plan
    turn = jazz_long.say("more punch there")
    assert turn.changed and not turn.question, turn.reply
    moved = [t for (t, a), (_, b) in zip(_energy(stab), _energy(jazz_long.plan)) if a != b]
    assert moved == [24.0] and jazz_long.plan.hit_points == stab.hit_points, turn.reply


@pytest.mark.parametrize("said, kind", [("a stop there", "stop"), ("a crash there instead", "crash")])
def test_a_mark_there_after_a_mark_is_still_at_its_moment(jazz_long, said, kind):
    jazz_long.say("a stab at 0:24")
    turn = jazz_long.say(said)
    assert turn.changed and [h.kind for h in jazz_long.plan.hit_points if h.time_s == 24.0] == [kind], turn.reply


def test_the_mark_words_are_one_list_for_each_reader():
    from v2m.agent.dialogue import marks, next_place, recall
    from v2m.agent.dialogue.hit_words import MARK_NOUNS

    for w in ("stabs", "stings", "swells", "slams", "crashes", "buttons"):   # plurals of every noun, in every reader
        assert marks.HIT_WORDS_RE.search(f"two {w} please") and next_place.HIT_WORDS_RE.search(f"{w} there")
        assert recall.HIT_WORDS_RE.match(w) and MARK_NOUNS in marks.HIT_WORDS
    assert not marks.HIT_WORDS_RE.search("more punch") and next_place.HIT_WORDS_RE.search("more punch there")
    assert marks._kind("stings") == "stab" and marks._kind("swells") == "swell"


@pytest.mark.parametrize("said", ["the intro is nice, keep it", "the intro is beautiful, don't touch it"])
def test_a_place_praised_then_kept_is_locked_whatever_the_praise_word(jazz_long, said):
    # before: kept.py's praise words lacked "nice" (name_places.FINE_RE had it), so "nice, keep it" asked what was meant
    turn = jazz_long.say(said)
    assert turn.changed and not turn.question, turn.reply
    assert [s.locked for s in jazz_long.plan.sections][:2] == [True, False], turn.reply


def test_the_praise_words_are_one_list():
    from v2m.agent.dialogue import kept, messages, name_places

    for w in ("nice", "spot on", "gorgeous", "fine"):
        assert messages.FINE_RE.match(f"the intro is {w}") and name_places.FINE_RE.search(f"the intro is {w}")
        assert kept.KEPT_IT_RE.search(f"the intro is {w}, keep it")


@pytest.mark.parametrize("said, out", [
    ("the music should stop at 0:48 and come back at 0:52", "no music from 0:48 to 0:52"),
    ("everything cuts out from 12s, returns by 18s", "no music from 12s to 18s"),
    ("the music goes silent at 0:10 and returns at 0:20", "no music from 0:10 to 0:20"),
    ("the music stops dead at 0:48 and comes back at 0:52", None),   # a stop dead is a mark: `marks`, not a silence
    ("the drums drop out at 0:10", "no drums from 0:10 on"),
    ("the sax stops at 0:24", "no sax from 0:24 on"),
    ("the bass lays out at 0:10", "no bass from 0:10 on")])
def test_music_or_a_part_going_out_is_one_list_of_words_for_both_silence_readers(said, out):
    from v2m.agent.dialogue import silence

    assert silence.round_trip(said) == (out or said)


def test_a_silence_said_through_a_session_is_still_that_stretch(jazz_long):
    turn = jazz_long.say("the music should stop at 0:48 and come back at 0:52")
    assert turn.changed and [s.music for s in jazz_long.plan.sections if 48 <= s.start_s < 52] == [False], turn.reply


def test_a_clause_that_only_says_how_the_edit_lands_takes_any_mark_word(jazz_long):
    # before: LANDS_WITH_RE had its own list without "swell", so ", with a big swell" was read alone and "louder" lost
    before = jazz_long.plan
    turn = jazz_long.say("louder in the last shot, with a big swell")
    last = jazz_long.plan.sections[jazz_long.plan.section_at(59.0)]
    assert turn.changed and last.energy > before.sections[before.section_at(59.0)].energy, turn.reply
    assert jazz_long.plan.sections[:jazz_long.plan.section_at(56.5)] == before.sections[:before.section_at(56.5)]


@pytest.mark.parametrize("said, own", [("and the last shot, let it stop", True), ("in the middle put a stop", True),
                                       ("at 0:30 a stop", True), ("a stop", False), ("make it stop", False)])
def test_a_place_of_its_own_is_one_list_for_there_and_for_a_peak(said, own):
    from v2m.agent.dialogue import idioms, next_place
    from v2m.agent.dialogue.place_words import OWN_PLACE_RE

    assert next_place.OWN_PLACE_RE is OWN_PLACE_RE and idioms.OWN_PLACE_RE is OWN_PLACE_RE
    assert bool(OWN_PLACE_RE.search(said)) == own


@pytest.mark.parametrize("said, meant, rest", [("i meant quicker", True, "quicker"), ("as in quicker", True, "as in quicker"),
                                               ("no, I meant the third shot", False, "the third shot"),
                                               ("sorry, shot 5", False, "shot 5")])
def test_what_was_meant_is_one_list_for_an_answer_and_a_correction(said, meant, rest):
    from v2m.agent.dialogue.answers import CORRECTING_RE, MEANT_RE

    assert bool(MEANT_RE.match(said)) == meant
    assert (CORRECTING_RE.sub("", said) or said) == rest


@pytest.mark.parametrize("said", ["it feels kinda rushed", "it feels sorta rushed"])
def test_a_hedge_is_one_list_so_kinda_is_a_bit(tmp_path, said):
    # before: similes' hedges lacked "kinda" and "sorta" (mentions.SAID_SO had them): "kinda rushed" was a full step
    hedged, plain = open_long(tmp_path / "a"), open_long(tmp_path / "b")
    hedged.say(said)
    plain.say("it feels a bit rushed")
    assert hedged.plan.tempo_bpm == plain.plan.tempo_bpm < open_long(tmp_path / "c").plan.tempo_bpm


def test_the_hedges_are_one_list():
    from v2m.agent.dialogue import followups, mentions, similes

    for h in ("a little bit", "somewhat", "kinda", "sorta", "a tad"):
        assert similes.HEDGE_RE.search(f"{h} busy") and followups.STILL_RE.search(f"still {h} busy")
        assert re.fullmatch(mentions.SAID_SO, h)
