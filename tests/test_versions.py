"""Turns that point back into the conversation by what was asked in it, and corrections of the last edit:
a version named by its request ("before the flute"), half-way back, the last edit taken back in so many
words, its place said anew or moved by one. Sentences here are our own, not the dialogue sets'."""

from __future__ import annotations

from edit_clips import long_clip
from v2m.agent.dialogue.halfway import MIDWAY_RE, blend
from v2m.agent.dialogue.session import Session
from v2m.agent.dialogue.versions import content, made_by, same_word


def open_session(tmp_path, request="jazz", length=30.0, every=5.0):
    return Session.open("clip.mp4", request, workdir=tmp_path / "store", analysis=long_clip(length, every),
                        render=False)


def changed(s: Session, text: str):
    t = s.say(text)
    assert t.changed and not t.question, (text, t.reply)
    return s.plan


def test_each_version_knows_the_request_that_made_it(tmp_path):
    s = open_session(tmp_path)
    changed(s, "slower")
    changed(s, "add a flute")
    s.undo()
    changed(s, "a bit faster in shot 2")
    assert made_by(s.lineage()) == [None, "slower", "a bit faster in shot 2"]
    assert content("the flute thing from before") == {"flute"}
    assert same_word("guitar", "guitars") and same_word("build", "building") and not same_word("bass", "bassoon")


def test_a_version_named_by_what_was_asked_after_it(tmp_path):
    s = open_session(tmp_path)
    slow = changed(s, "slower")
    changed(s, "add a flute")
    changed(s, "more energy in the last shot")
    t = s.say("take me back to where we were before the flute")
    assert t.changed and s.plan == slow


def test_edits_one_after_another_about_the_same_thing_are_one_thread(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "add a cello")
    changed(s, "the cello a bit louder")
    s.say("revert to before the cello business")
    assert s.plan == first


def test_a_version_named_by_words_no_edit_said_is_asked_about(tmp_path):
    s = open_session(tmp_path)
    changed(s, "slower")
    now = s.plan
    t = s.say("go back to how it sounded before the choir idea")
    assert t.question and "choir" in t.reply and s.plan == now
    changed(s, "add a flute")
    changed(s, "faster")
    changed(s, "flute softer")
    now = s.plan
    t = s.say("back to the version before the flute please")
    assert t.question and "flute" in t.reply and s.plan == now   # two edits apart: which one?


def test_halfway_back_moves_each_number_of_the_last_edit_half_of_the_way(tmp_path):
    s = open_session(tmp_path)
    before = changed(s, "add a flute")
    fast = changed(s, "a lot faster")
    t = s.say("hmm, split the difference")
    assert t.changed and s.plan.tempo_bpm == round((before.tempo_bpm + fast.tempo_bpm) / 2, 1)
    assert s.plan.instrumentation == fast.instrumentation
    changed(s, "drums louder in shot 2")
    loud = s.plan.sections[s.plan.section_at(7.5)].levels_db["drums"]
    t = s.say("the drums are too much now, meet me halfway")
    assert t.changed and s.plan.sections[s.plan.section_at(7.5)].levels_db["drums"] == loud / 2
    assert s.plan.sections[s.plan.section_at(2.5)] == fast.sections[fast.section_at(2.5)]


def test_somewhere_in_between_alone_is_half_way_but_in_the_middle_beside_an_edit_is_a_place(tmp_path):
    s = open_session(tmp_path)
    old = s.plan
    new = changed(s, "much calmer")
    s.say("ok somewhere in between?")
    for t in (2.5, 17.5):
        e = [p.sections[p.section_at(t)].energy for p in (old, new, s.plan)]
        assert abs(e[2] - (e[0] + e[1]) / 2) <= 0.01
    assert not MIDWAY_RE.search("a stab halfway between the two cuts") and MIDWAY_RE.search("something between the two?")
    s2 = open_session(tmp_path / "b")
    first = s2.plan
    changed(s2, "more energy somewhere in the middle")
    assert s2.plan.sections[s2.plan.section_at(2.5)] == first.sections[first.section_at(2.5)]


def test_a_halfway_after_a_change_with_none_asks(tmp_path):
    s = open_session(tmp_path)
    changed(s, "in a minor key")
    now = s.plan
    t = s.say("halfway back")
    assert t.question and s.plan == now


def test_blend_of_a_plan_with_itself_changes_nothing(tmp_path):
    s = open_session(tmp_path)
    p = s.plan
    assert blend(p.model_copy(deep=True), p, 0.5) == p


def test_the_last_edit_said_to_belong_elsewhere_is_taken_back(tmp_path):
    s = open_session(tmp_path)
    base = changed(s, "no drums in shot 2")
    changed(s, "switch to E minor")
    t = s.say("Correction on my last message: the E minor was meant for the other film, not this one.")
    assert t.changed and s.plan == base
    changed(s, "switch to E minor")
    s.say("sorry, put the score back the way it was. And slower in the last shot")
    assert (s.plan.key, s.plan.mode) == (base.key, base.mode)
    assert s.plan.sections[s.plan.section_at(27.5)].tempo_bpm is not None


def test_one_thing_put_back_the_way_it_was_keeps_the_later_edits(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "faster")
    after = changed(s, "add a flute")
    changed(s, "set the tempo back to how it was")
    assert s.plan.tempo_bpm == first.tempo_bpm and s.plan.instrumentation == after.instrumentation


def test_a_place_said_instead_of_the_last_requests_moves_that_edit(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "darker and sparser in the second shot")
    t = s.say("oops - in the third shot, not the second shot")
    assert t.changed
    assert s.plan.sections[s.plan.section_at(7.5)] == first.sections[first.section_at(7.5)]
    assert s.plan.sections[s.plan.section_at(12.5)].energy < first.sections[first.section_at(12.5)].energy


def test_one_earlier_moves_the_last_edits_place_by_one_shot(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "no drums in shot 4")
    t = s.say("one earlier")
    assert t.changed
    gone = [k for k, sec in enumerate(s.plan.sections) if sec.instruments and "drums" not in sec.instruments]
    assert [round(s.plan.sections[k].start_s) for k in gone] == [10]
    assert s.plan.sections[s.plan.section_at(17.5)].instruments == first.sections[first.section_at(17.5)].instruments


def test_preferring_one_thing_of_a_version_when_only_it_changed_since_is_that_version(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "drop the drums in the second shot")
    s.say("I liked the drums in version 1 better")
    assert s.plan == first


def test_a_reaction_before_keeping_only_some_new_marks(tmp_path):
    s = open_session(tmp_path)
    changed(s, "a stab on every cut")
    stabs = sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab")
    t = s.say("way too many. just the last two")
    assert t.changed and sorted(h.time_s for h in s.plan.hit_points if h.kind == "stab") == stabs[-2:]


def test_one_later_moves_a_mark_at_a_time_to_the_next_cut(tmp_path):
    s = open_session(tmp_path, request="ambient", every=4.0)
    first = s.plan.hit_points
    changed(s, "a stab at 0:08")
    t = s.say("no, one later")
    assert t.changed and "0:12" in t.reply
    assert [round(h.time_s, 2) for h in s.plan.hit_points if h.kind == "stab"] == [12.0]
    assert next(h for h in s.plan.hit_points if h.time_s == 8.0) == next(h for h in first if h.time_s == 8.0)


def test_the_other_one_with_a_time_moves_the_last_mark_there_and_reads_the_rest_on_top(tmp_path):
    s = open_session(tmp_path, request="ambient", every=4.0)
    first = s.plan
    changed(s, "a stab at 0:08")
    t = s.say("sorry, the other one - at 0:16. And a bit slower in the last shot")
    assert t.changed
    assert [round(h.time_s, 2) for h in s.plan.hit_points if h.kind == "stab"] == [16.0]
    last = s.plan.sections[s.plan.section_at(27.0)]
    assert (last.tempo_bpm or s.plan.tempo_bpm) < first.tempo_bpm
    assert s.plan.sections[s.plan.section_at(10.0)] == first.sections[first.section_at(10.0)]


def test_a_version_named_by_what_it_had(tmp_path):
    s = open_session(tmp_path)
    changed(s, "slower")
    with_flute = changed(s, "add a flute")
    changed(s, "lose the flute")
    changed(s, "more energy at the end")
    t = s.say("can we go back to the one with the flute?")
    assert t.changed and s.plan == with_flute
    t = s.say("go back to the version with the choir")
    assert t.question and "choir" in t.reply and s.plan == with_flute


def test_a_version_named_by_a_change_only_its_reply_said(tmp_path):
    s = open_session(tmp_path, request="ambient", every=4.0)
    slow = changed(s, "slower")
    changed(s, "hit the third cut hard")   # its reply says "Crash at 0:12"
    s.say("go back to how it was before the crash")
    assert s.plan == slow


def test_halfway_back_on_a_part_undoes_half_of_that_parts_last_change(tmp_path):
    s = open_session(tmp_path)
    changed(s, "bass louder in shot 3")
    bass = s.plan.sections[s.plan.section_at(12.5)].levels_db["bass"]
    changed(s, "drums softer in shot 3")
    drums = s.plan.sections[s.plan.section_at(12.5)].levels_db["drums"]
    changed(s, "faster")
    t = s.say("the bass is a bit much now. halfway back")
    levels = s.plan.sections[s.plan.section_at(12.5)].levels_db
    assert t.changed and levels["bass"] == bass / 2 and levels["drums"] == drums


def test_an_earlier_edit_taken_back_by_what_it_was_about_keeps_the_later_ones(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "a lot faster")
    flute = changed(s, "add a flute")
    t = s.say("forget the speed-up, but keep the flute")
    assert t.changed and s.plan.tempo_bpm == first.tempo_bpm and s.plan.instrumentation == flute.instrumentation


def test_an_earlier_edit_whose_thing_changed_again_later_is_asked_about(tmp_path):
    s = open_session(tmp_path)
    changed(s, "a lot faster")
    changed(s, "add a flute")
    changed(s, "a bit slower")
    now = s.plan
    t = s.say("cancel the faster bit")
    assert t.question and "tempo" in t.reply and s.plan == now


def test_also_at_the_next_shot_adds_the_same_edit_there_and_keeps_the_last(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    changed(s, "busier in shot 2")
    kept = s.plan.sections[s.plan.section_at(7.5)]
    t = s.say("the next one too, the shot after")
    assert t.changed and "moved" not in t.reply
    assert s.plan.sections[s.plan.section_at(7.5)] == kept
    assert s.plan.sections[s.plan.section_at(12.5)].energy > first.sections[first.section_at(12.5)].energy


def test_a_shot_after_with_no_correction_word_moves_nothing(tmp_path):
    s = open_session(tmp_path)
    changed(s, "busier in shot 2")
    now = s.plan
    s.say("the shot after")
    assert s.plan.sections[s.plan.section_at(7.5)] == now.sections[now.section_at(7.5)]


def test_a_counted_reference_goes_back_that_many_edits_not_by_its_words(tmp_path):
    s = open_session(tmp_path)
    changed(s, "slower")
    two_back = s.plan
    changed(s, "quieter")
    changed(s, "add a cello")
    t = s.say("take me back to the version before my last two edits")
    assert t.changed and not t.question and s.plan == two_back


def test_going_back_before_an_edit_keeps_what_a_keep_clause_names(tmp_path):
    s = open_session(tmp_path)
    changed(s, "add a cello")
    changed(s, "slower")
    slow = s.plan.tempo_bpm
    t = s.say("revert to before the cello, but keep the slower tempo")
    assert t.changed and s.plan.tempo_bpm == slow and "cello" not in " ".join(s.plan.instrumentation.values()).lower()
    t = s.say("go back to before the slower thing and keep the cello")   # the cello is gone: cannot be kept
    assert not t.changed


def test_a_part_put_back_the_way_it_was_is_that_parts_edit_not_the_last_edit(tmp_path):
    s = open_session(tmp_path)
    changed(s, "faster")
    tempo = s.plan.tempo_bpm
    t = s.say("bring the drums back to the way they were")
    assert not t.changed and t.question and s.plan.tempo_bpm == tempo
    fast = s.plan
    changed(s, "no drums")
    changed(s, "put the drums back the way they were")
    assert s.plan == fast


def test_half_way_back_from_a_stretch_that_had_the_scores_own_tempo(tmp_path):
    s = open_session(tmp_path)
    score_tempo = s.plan.tempo_bpm
    changed(s, "a lot faster in the fourth shot")
    fast = s.plan.sections[s.plan.section_at(17.5)].tempo_bpm
    changed(s, "meet in the middle")
    now = s.plan.sections[s.plan.section_at(17.5)].tempo_bpm
    assert abs(now - (fast + score_tempo) / 2) < 0.2 and s.plan.tempo_bpm == score_tempo


def test_half_way_on_one_thing_goes_back_to_before_that_things_last_edit(tmp_path):
    s = open_session(tmp_path)
    first = s.plan.tempo_bpm
    changed(s, "slower")
    slow = s.plan.tempo_bpm
    changed(s, "quieter")
    quiet = s.plan.loudness_lufs
    changed(s, "the speed, somewhere in between the two versions")
    assert abs(s.plan.tempo_bpm - (first + slow) / 2) < 0.2 and s.plan.loudness_lufs == quiet


def test_half_way_passes_over_a_turn_that_changed_nothing_and_asks_of_a_part_not_playing(tmp_path):
    s = open_session(tmp_path)
    first = s.plan.tempo_bpm
    changed(s, "slower")
    slow = s.plan
    s.say("hit the cut at 0:10")
    s.say("hit the cut at 0:10")   # the second changes nothing
    s.say("back half way")
    assert abs(s.plan.tempo_bpm - (first + slow.tempo_bpm) / 2) < 0.2
    now = s.plan
    t = s.say("the harp is too much, split the difference")
    assert t.question and "harp" in t.reply and s.plan == now
