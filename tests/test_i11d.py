"""Set i's tune half, prefix i-d (notes TUNE11_I), each reading tested in other words than the set's: a bare topic
said before an order ("Oh, the bpm. Then slightly slower please") is no question about the score; "less tempo" and
"more bpm" move the tempo; a terse "kinda bright" is a complaint (too bright); "just kick and snare" thins the kit
and keeps the band."""

from __future__ import annotations

import pytest
from edit_clips import open_chat

from v2m.agent.dialogue.operations import effective_roles


@pytest.mark.parametrize("said, slower", [("Oh, the bpm. Then slightly slower please.", True),
                                          ("Right, the pace. A bit more tempo then", False),
                                          ("ok so that's the speed. then less bpm, just a little", True)])
def test_a_topic_named_before_an_order_is_the_order(lofi_chat, said, slower):
    # before: the bare topic was read as asked ("The tempo is 82.8 BPM ... I changed nothing")
    before = lofi_chat.plan.tempo_bpm
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert (lofi_chat.plan.tempo_bpm < before) if slower else (lofi_chat.plan.tempo_bpm > before)


def test_a_topic_alone_is_still_asked_about(lofi_chat):
    before = lofi_chat.plan
    turn = lofi_chat.say("the tempo?")
    assert lofi_chat.plan == before and "tempo" in turn.reply.lower()


@pytest.mark.parametrize("said, slower", [("less tempo in the second shot", True), ("more bpm please", False)])
def test_less_or_more_tempo_moves_the_tempo(lofi_chat, said, slower):
    plan = lofi_chat.plan
    lofi_chat.say(said)
    tempos = [s.tempo_bpm or lofi_chat.plan.tempo_bpm for s in lofi_chat.plan.sections]
    old = plan.tempo_bpm
    assert any((t < old) if slower else (t > old) for t in tempos)


def test_kinda_bright_beside_a_key_is_the_key(lofi_chat):
    lofi_chat.say("put it in G major")
    turn = lofi_chat.say("pretty bright for a sad bit. put it in E minor")
    assert (lofi_chat.plan.key, lofi_chat.plan.mode) == ("E", "minor"), turn.reply


def test_kinda_bright_alone_is_too_bright(lofi_chat):
    lofi_chat.say("put it in C major")
    lofi_chat.say("kinda bright for a funeral")
    assert lofi_chat.plan.mode == "minor"


@pytest.mark.parametrize("said", ["just the kick and the hats, the drums are cluttered",
                                  "the beat's too busy, only kick and snare"])
def test_the_kits_pieces_alone_thin_the_kit_and_keep_the_band(lofi_chat, said):
    # before: "only kick and snare" was only the drums: bass, harmony and melody were taken out
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    for s in lofi_chat.plan.sections:
        assert {"bass", "drums", "melody"} <= set(effective_roles(lofi_chat.plan, s))
    assert all((s.levels_db or {}).get("drums", 0.0) < 0 for s in lofi_chat.plan.sections)


def test_a_part_alone_still_keeps_only_that_part(lofi_chat):
    lofi_chat.say("just the bass in shot 2")
    assert set(effective_roles(lofi_chat.plan, lofi_chat.plan.sections[1])) == {"bass"}


def test_what_i_meant_is_no_question(lofi_chat):
    # before: "What I meant: ..." opened like a question and the summary was answered, nothing changed
    before = lofi_chat.plan.loudness_lufs
    turn = lofi_chat.say("Oops, wrong paste. What I meant: the voice-over must come through, bring the music way down")
    assert turn.changed and lofi_chat.plan.loudness_lufs < before, turn.reply


def test_the_peoples_feeling_beside_a_complaint_is_scored(tmp_path):
    # before: "we're proud" took the way of the complaint before it (away: less energy) and "not sad" read as sad
    chat = open_chat(tmp_path, "calm ambient")
    before = [s.energy for s in chat.plan.sections]
    turn = chat.say("It sounds like a memorial service. We are so proud of the team, not sad at all")
    assert turn.changed, turn.reply
    assert all(s.energy > e for s, e in zip(chat.plan.sections, before))
    assert chat.plan.mode == "major"


def test_not_sad_moves_away_from_sad(lofi_chat):
    lofi_chat.say("put it in C minor")
    lofi_chat.say("not sad")
    assert lofi_chat.plan.mode == "major"


@pytest.mark.parametrize("said", ["in shot 3 add a gentle shaker and a bit more movement",
                                  "in shot 3 add a soft shaker and more energy"])
def test_a_part_added_with_a_word_before_it_leaves_the_edit_after_it(lofi_chat, said):
    # before: "add a soft shaker and more energy" was one unknown instrument's name, the energy lost
    before = [s.energy for s in lofi_chat.plan.sections]
    lofi_chat.say(said)
    third = next(k for k, s in enumerate(lofi_chat.plan.sections) if s.start_s <= 14 < s.end_s)
    assert lofi_chat.plan.sections[third].energy > before[third]
    assert "percussion" in effective_roles(lofi_chat.plan, lofi_chat.plan.sections[third])


def _rises_over_all(plan) -> bool:
    energies = [s.energy for s in plan.sections]
    return plan.sections[0].start_s < 0.05 and energies[0] < energies[-1] and len({round(e, 2) for e in energies}) > 2


@pytest.mark.parametrize("said", ["could it open quietly and build as the day goes on, loudest at the very end",
                                  "begin soft and swell, with it fullest by the end"])
def test_a_growth_that_peaks_at_the_end_grows_over_all_of_it(lofi_chat, said):
    # before: "biggest at the very end" put the growth in the ending alone
    turn = lofi_chat.say(said)
    assert turn.changed, turn.reply
    assert _rises_over_all(lofi_chat.plan), turn.reply


def test_before_anything_happens_is_no_moment_of_the_picture(lofi_chat):
    # before: 'I can't recognise "anything" in the picture'
    before = lofi_chat.plan.sections[1].energy
    turn = lofi_chat.say("the second shot is too dull, people will scroll away before anything happens")
    assert turn.changed, turn.reply
    second = next(s for s in lofi_chat.plan.sections if s.start_s <= 7 < s.end_s)
    assert second.energy > before


def test_that_cut_after_a_shot_named_is_the_cut_into_it(lofi_chat):
    # before: "that cut" after "when shot 3 starts" marked both ends of shot 3
    lofi_chat.say("when the third shot starts the door flies open, can the music stop dead on that cut?")
    stops = [h.time_s for h in lofi_chat.plan.hit_points if h.kind == "stop"]
    assert stops == [13.0]


def test_a_complaint_then_an_aside_then_its_place_is_made_at_the_place_only(lofi_chat):
    # before: the clause between ("people won't like it") kept the unplaced complaint, so the whole score got lighter too
    before = [s.energy for s in lofi_chat.plan.sections]
    lofi_chat.say("It starts way too busy, nobody will like that. Less busy in the first two shots please")
    late = [s for s in lofi_chat.plan.sections if s.start_s >= 13.0 - 0.05]
    assert [s.energy for s in late] == before[-len(late):]
    assert all(s.energy < before[0] for s in lofi_chat.plan.sections if s.end_s <= 6.05)


def test_a_part_that_does_not_play_asked_to_carry_it_comes_in_over_the_others(lofi_chat):
    # before: the cello came in at the level of the others
    turn = lofi_chat.say("from the third shot on, let the cello carry it")
    assert turn.changed, turn.reply
    late = [s for s in lofi_chat.plan.sections if s.start_s >= 13.0 - 0.05]
    role = next(r for r, name in lofi_chat.plan.instrumentation.items() if name == "Cello")
    assert all(role in effective_roles(lofi_chat.plan, s) and (s.levels_db or {}).get(role, 0.0) > 0 for s in late)


def test_the_808_is_the_bass(lofi_chat):
    # before: "more 808" was read as nothing the grammar knows (the harmony went up)
    lofi_chat.say("turn the 808s up in the last shot")
    last = lofi_chat.plan.sections[-1]
    assert (last.levels_db or {}).get("bass", 0.0) > 0
    assert not any((s.levels_db or {}).get("harmony", 0.0) for s in lofi_chat.plan.sections)


@pytest.mark.parametrize("said, answer, slower", [("the hi-hats are way too fast, it's not trap anymore", "slower", True),
                                                  ("the drums feel too slow", "more drums", None)])
def test_a_part_too_fast_asks_tempo_or_that_part(lofi_chat, said, answer, slower):
    # before: the whole tempo moved at once, though a part has no tempo of its own
    before = lofi_chat.plan
    turn = lofi_chat.say(said)
    assert lofi_chat.plan == before and turn.question and "tempo" in turn.question
    tempo = lofi_chat.plan.tempo_bpm
    turn = lofi_chat.say(answer)
    assert turn.changed, turn.reply
    if slower:
        assert lofi_chat.plan.tempo_bpm < tempo
    else:
        assert lofi_chat.plan.tempo_bpm == tempo


def test_the_beat_too_slow_is_still_the_tempo(lofi_chat):
    tempo = lofi_chat.plan.tempo_bpm
    lofi_chat.say("the beat is too slow")
    assert lofi_chat.plan.tempo_bpm > tempo


def test_a_question_with_a_reason_beside_it_is_still_answered(lofi_chat):
    # "I want to check ..." tells why the question is asked, no change
    before = lofi_chat.plan
    turn = lofi_chat.say("where is the second cut exactly? I want to check it's where the door opens")
    assert lofi_chat.plan == before and "cut" in turn.reply.lower()


def test_a_request_after_a_question_about_the_score_is_read_alone(lofi_chat):
    # before: "where is the second cut?" was answered, then the next turn was joined to it as the answer to its
    # "what should change?", and "sorry ... it's ..." in it moved the last edit
    lofi_chat.say("more energy in shot 1")
    lofi_chat.say("sorry, where is the second cut exactly? I want to check it's where the door opens")
    after_edit = [s.energy for s in lofi_chat.plan.sections]
    turn = lofi_chat.say("Lovely. The chase is the last shot, make it a bit zany")
    if turn.question:
        assert [s.energy for s in lofi_chat.plan.sections] == after_edit
    assert "the last edit moved" not in turn.reply


def test_i_mean_after_an_offer_is_read_at_the_asked_place(lofi_chat):
    # before: a longer answer that picks no offered reading was read over the whole score
    lofi_chat.say("the finale is the last shot, make it a bit farcical")
    first = (lofi_chat.plan.sections[0].tempo_bpm or lofi_chat.plan.tempo_bpm, lofi_chat.plan.sections[0].energy)
    turn = lofi_chat.say("I mean a touch faster and lighter, like a cartoon")
    assert turn.changed, turn.reply
    head, last = lofi_chat.plan.sections[0], lofi_chat.plan.sections[-1]
    assert (head.tempo_bpm or lofi_chat.plan.tempo_bpm, head.energy) == first
    assert (last.tempo_bpm or lofi_chat.plan.tempo_bpm) > first[0]
