"""Do the sixteenth session's fixes carry to wordings nobody wrote yet? (notes TRANSFER16B.) For each of the 34
families fixed, three new requests in voices unlike each other (texting, learner, dictation, crew jargon, polite,
describing the picture), written before reading the code, each through a real chat Session on the jazz 60 s clip cut
every 4 s (conftest's `jazz_long`: drums, bass, electric piano on the chords, tenor sax on the tune; shot k is
[4(k-1), 4k]).

Transfer before any fix: 58/102 (57%; 57 as first run, one check of mine wrong: a ding at 0:12, where the plan already
has a crash, moved to 0:14). Per family (1..34): 3 2 1 0 2 0 2 3 1 2 3 0 1 2 1 1 1 2 3 1 2 1 0 3 3 1 1 1 3 3 3 2 3 1.
After the fixes by cause (parts listed before a terse level or 'them'; any verb before 'too hard'; a hello alone in
another language; an option picked in a chooser's words; a purpose beside a tempo with no comma or as a kind of work;
'to 11'; a bare number correcting a place): 71/102; the rest xfail with why (`left`). "The drummer" as the drums was
tried and taken back: it cost e-tune a turn ("the drummer should enter with energy")."""

from __future__ import annotations

import pytest
from edit_clips import energies, levels, open_long
from review_harness import E, L, T, roles

PARTS = ("drums", "bass", "harmony", "melody")


def left(*values, why: str):
    """A request the product still misreads after the fixes (xfail, not strict), with why."""
    return pytest.param(*values, marks=pytest.mark.xfail(reason=why, strict=False))


def plays(plan, t, word) -> bool:
    """Whether a part named `word` (its role or its instrument) plays at t."""
    return any(word in r or word in str(plan.instrumentation.get(r, "")).lower() for r in roles(plan, t))


def first_in(plan, word) -> float | None:
    """The first time (s) a part named `word` plays."""
    return next((s.start_s for s in plan.sections if s.music and plays(plan, (s.start_s + s.end_s) / 2, word)), None)


def said(turn) -> str:
    return f"{turn.reply} {turn.question or ''}".lower()


def hits(plan, kind=None):
    return [h for h in plan.hit_points if kind is None or h.kind == kind]


# ----------------------------------------------------------------------------- 1. the bottom / the lows = the bass

@pytest.mark.parametrize("say, up", [("cn u pump up the low end a lil", True),
                                     ("The bottom end is too heavy I think, please reduce it.", False),
                                     ("lows down two dB", False)])
def test_1_the_low_end_is_the_bass(jazz_long, say, up):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and (max(levels(p, "bass")) > 0 if up else min(levels(p, "bass")) < 0), turn.reply
    assert all(set(levels(p, r)) == {0.0} for r in ("drums", "harmony", "melody")), turn.reply


# ----------------------------------------------------------------------------- 2. a part that comes in too late

@pytest.mark.parametrize("say", ["waiting foreverrr for the strings lol",
                                 "The strings arrive too late, I am waiting very long for them.",
                                 left("strings entrance is way late, pull it up", why="'way late, pull it up' asks where 'late' is (read as a place word)")])
def test_2_a_part_too_late_comes_in_earlier(jazz_long, say):
    jazz_long.say("add strings from 0:40")
    assert first_in(jazz_long.plan, "strings") == 40.0
    turn = jazz_long.say(say)
    assert turn.changed and first_in(jazz_long.plan, "strings") < 40.0, turn.reply


# ----------------------------------------------------------------------------- 3. a part blamed for chaos / a mess

@pytest.mark.parametrize("say, part", [("ugh the drums r just noise, total chaos", "drums"),
                                       left("It sounds very messy, too much is happening in the music.", None, why="'too much is happening' asks calmer or more energy"),
                                       left("the sax is creating pandemonium over every shot", "melody", why="'creating pandemonium' asks add or louder: chaos said by other nouns is unread")])
def test_3_chaos_is_calmer(jazz_long, say, part):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and p.style == "jazz", turn.reply
    if part:
        assert min(levels(p, part)) < 0 or p.sections != before.sections and energies(p) == energies(before), turn.reply
        assert all(plays(p, t, part) for t in (2, 30, 58)), turn.reply
    else:
        assert sum(energies(p)) < sum(energies(before)), turn.reply


# ----------------------------------------------------------------------------- 4. someone appears on cut number 6

@pytest.mark.parametrize("note, then", [left("ok so the cat pops in at cut 6", "from that point on more energy", why="'ok so' before a moment told: asked where, nothing noted"),
                                        left("At the sixth cut a man enters the room.", "From there on, make it more intense please.", why="the place said first ('At the sixth cut a man enters'): no moment noted"),
                                        left("horse appears on cut number six", "from then on more energy", why="'from then on' is not read as from the moment noted: the whole clip moves")])
def test_4_a_moment_on_a_cut_is_used_later(jazz_long, note, then):
    before = jazz_long.plan
    turn = jazz_long.say(note)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    turn = jazz_long.say(then)
    p = jazz_long.plan
    assert turn.changed and not turn.question, turn.reply
    assert E(p, 27) > E(before, 27) and E(p, 50) > E(before, 50) and E(p, 10) == E(before, 10), turn.reply


# ----------------------------------------------------------------------------- 5. a build over the whole piece

@pytest.mark.parametrize("say", ["build it from the top of the reel right to the last frame",
                                 "pls make it grow from the very start till the very end",   # passes since the nineteenth session's merges
                                 "I want the music to climb slowly from beginning to finish."])
def test_5_a_build_over_the_whole_piece(jazz_long, say):
    turn = jazz_long.say(say)
    e = energies(jazz_long.plan)
    assert turn.changed and e == sorted(e) and e[-1] - e[0] > 0.3, (turn.reply, e)


# ----------------------------------------------------------------------------- 6. from the freeze to the end

@pytest.mark.parametrize("note, then", [left("freeze frame at 36 sec", "from the freeze till the end calmer pls", why="'freeze frame at 36 sec' is read as a slowdown in that shot, not a moment"),
                                        left("The picture freezes at 0:36.", "From the frozen picture until the end, make it calmer.", why="'the frozen picture' is not matched to the moment 'the picture freezes'"),
                                        left("we hold on a still at 0:36", "freeze to end, bring the energy down", why="'we hold on a still' is read as a lock ('Which part should I keep?')")])
def test_6_from_the_freeze_to_the_end(jazz_long, note, then):
    before = jazz_long.plan
    jazz_long.say(note)
    turn = jazz_long.say(then)
    p = jazz_long.plan
    assert turn.changed and E(p, 38) < E(before, 38) and E(p, 58) < E(before, 58), turn.reply
    assert E(p, 30) == E(before, 30) and E(p, 5) == E(before, 5), turn.reply


# ----------------------------------------------------------------------------- 7. cosy = gentle

@pytest.mark.parametrize("say", ["make it feel snug like a blanket fort",
                                 "I want it cozy, like being home in winter.",
                                 "more hygge, comfy fireplace vibes"])   # (left17a: "vibes" after a feel is no vibraphone)
def test_7_cosy_is_gentle(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and p.tempo_bpm < before.tempo_bpm and p.mode == "major", turn.reply
    assert sum(energies(p)) < sum(energies(before)) or p.loudness_lufs < before.loudness_lufs, turn.reply


# ----------------------------------------------------------------------------- 8. a chime at a time

@pytest.mark.parametrize("say, at", [("a lil ding at 0:14 pls", 14.0), ("Please put a small bell sound at 0:30.", 30.0),
                                     ("chime hit at twenty two seconds", 22.0)])
def test_8_a_chime_is_a_light_accent(jazz_long, say, at):
    turn = jazz_long.say(say)
    near = [h for h in hits(jazz_long.plan) if abs(h.time_s - at) < 0.5]
    assert turn.changed and near and all(h.kind not in ("stop", "crash") for h in near), turn.reply


# ----------------------------------------------------------------------------- 9. same as one place at another

@pytest.mark.parametrize("say", ["do the same as the kitchen for the garage, 0:40-0:48",
                                 "The bedroom, please the same like you did in the kitchen, from 0:40 to 0:48.",   # read since review17's done_at
                                 left("copy the kitchen treatment onto the porch, 40 to 48 seconds", why="'copy the kitchen treatment onto' is not read as a repeat")])
def test_9_a_place_edit_repeated_elsewhere(jazz_long, say):
    jazz_long.say("shot 3 is the kitchen")
    jazz_long.say("drums quieter in the kitchen")
    assert L(jazz_long.plan, 10, "drums") < 0 and L(jazz_long.plan, 44, "drums") == 0
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and L(p, 42, "drums") < 0 and L(p, 46, "drums") < 0, turn.reply
    assert L(p, 30, "drums") == 0 and L(p, 52, "drums") == 0, turn.reply


# ----------------------------------------------------------------------------- 10. a part from the very start

@pytest.mark.parametrize("say", ["strings from the jump", "The strings must begin from the beginning.",
                                 "strings in from frame one"])
def test_10_a_part_from_the_very_start(jazz_long, say):
    jazz_long.say("add strings from 0:40")
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and plays(p, 1, "strings") and plays(p, 30, "strings") and plays(p, 58, "strings"), turn.reply


# ----------------------------------------------------------------------------- 11. a genre beats a purpose

@pytest.mark.parametrize("say, style", [("lofi hip hop for my sisters wedding pls", "lofi"),
                                        ("Rock music for the funeral of my grandfather, please.", "rock"),
                                        ("gimme some funk for the baby shower", "funk")])
def test_11_a_genre_beats_a_purpose(jazz_long, say, style):
    turn = jazz_long.say(say)
    assert turn.changed and jazz_long.plan.style == style, turn.reply


# ----------------------------------------------------------------------------- 12. parts listed with commas

@pytest.mark.parametrize("say, parts, up", [("drums, bass and sax way down", ("drums", "bass", "melody"), False),
                                            ("The piano, the bass and also the drums, a little louder please.",
                                             ("harmony", "bass", "drums"), True),
                                            ("bass, keys, sax: pull em back", ("bass", "harmony", "melody"), False)])
def test_12_parts_listed_share_the_change(jazz_long, say, parts, up):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and all((max(levels(p, r)) > 0) if up else (min(levels(p, r)) < 0) for r in parts), turn.reply
    assert all(set(levels(p, r)) == {0.0} for r in set(PARTS) - set(parts)), turn.reply


# ----------------------------------------------------------------------------- 13. fade in a part that plays

@pytest.mark.parametrize("say", [left("bring the piano in slowly at 0:20", why="a part playing 'brought in slowly' is read as more energy and the piano up in that shot"), "fade the keys up from 20 sec",
                                 left("The piano should appear softly at 0:20, not before.", why="'should appear softly ..., not before' asks whether the instrument should be louder")])
def test_13_fade_in_a_playing_part(jazz_long, say):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and not plays(p, 10, "harmony") and plays(p, 21, "harmony") and plays(p, 50, "harmony"), turn.reply
    assert L(p, 21, "harmony") < 0 and L(p, 50, "harmony") == 0, turn.reply


# ----------------------------------------------------------------------------- 14. a limit already kept

@pytest.mark.parametrize("say", [left("drums shud stay under the piano ok", why="'shud stay under' takes the drums down again though they already are"), "Please, the drums may not be louder than the piano.",
                                 "keep the kit below the keys"])
def test_14_a_limit_already_kept_changes_nothing(jazz_long, say):
    jazz_long.say("the drums much quieter")
    before = jazz_long.plan
    assert max(levels(before, "drums")) < 0
    turn = jazz_long.say(say)
    assert not turn.changed and jazz_long.plan == before and "already" in said(turn), turn.reply


# ----------------------------------------------------------------------------- 15. a part in gradually at a time

@pytest.mark.parametrize("say", ["the strings creep in bit by bit at 0:20", left("Let the strings slowly arrive at 0:20.", why="'slowly arrive at 0:20' adds the strings for that shot only, no ramp"),
                                 left("strings swell in at 20 and hold to the end", why="'swell in at 20' becomes a swell mark at 0:20")])
def test_15_a_part_in_gradually_stays(jazz_long, say):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and first_in(p, "strings") == 20.0 and plays(p, 58, "strings"), turn.reply
    assert L(p, 20.5, "strings") < 0 and L(p, 50, "strings") == 0, turn.reply


# ----------------------------------------------------------------------------- 16. no, the sixth

@pytest.mark.parametrize("say", ["nah i meant 6", "Sorry, not the fifth one, the sixth one.", "wrong shot, six"])
def test_16_the_edit_moves_to_the_shot_said(jazz_long, say):
    first = jazz_long.plan
    jazz_long.say("more energy in shot 5")
    assert E(jazz_long.plan, 18) > E(first, 18)
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and E(p, 18) == E(first, 18) and E(p, 22) > E(first, 22), turn.reply


# ----------------------------------------------------------------------------- 17. an event noted with its words

@pytest.mark.parametrize("say, words", [("the kid falls off his bike at 0:20", "falls off his bike"),
                                        left("At 0:20 the old man is closing the door.", "closing the door", why="place first and a progressive verb: not read as a moment told"),
                                        left("dog chases the ball at twenty seconds", "chases the ball", why="'chases' is read as a slower tempo there, not a moment")])
def test_17_an_event_is_noted_whole(jazz_long, say, words):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    assert not turn.changed and jazz_long.plan == before and "noted" in turn.reply and words in turn.reply, turn.reply


# ----------------------------------------------------------------------------- 18. max energy, one line

@pytest.mark.parametrize("say", ["full blast energy!!", "Please give it the most energy possible.", "energy to 11"])
def test_18_max_energy_says_one_line(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    assert turn.changed and sum(energies(jazz_long.plan)) > sum(energies(before)), turn.reply
    assert "\n" not in turn.reply.strip(), turn.reply


# ----------------------------------------------------------------------------- 19. a style change keeps a late part late

@pytest.mark.parametrize("drop, late, style", [("lose the drums", "drums in from 0:20 on", "make it rock now"),
                                               ("No drums please.", "The drums should start after 20 seconds.",
                                                "Can it be more like funk music?"),
                                               ("kill the kit", "kit comes in after twenty", "switch the genre to lofi")])
def test_19_a_style_change_keeps_the_drums_late(jazz_long, drop, late, style):
    jazz_long.say(drop)
    jazz_long.say(late)
    assert not plays(jazz_long.plan, 10, "drums") and plays(jazz_long.plan, 30, "drums")
    turn = jazz_long.say(style)
    p = jazz_long.plan
    assert turn.changed and p.style != "jazz" and not plays(p, 10, "drums") and plays(p, 30, "drums"), turn.reply


# ----------------------------------------------------------------------------- 20. the first one

@pytest.mark.parametrize("say", ["1st one pls", "I take the first option.", "option one"])
def test_20_the_first_option(jazz_long, tmp_path, say):
    asked = jazz_long.say("I'm not convinced by the drums")
    assert asked.options and len(asked.options) >= 2
    twin = open_long(tmp_path / "twin")
    twin.say("I'm not convinced by the drums")
    twin.say(asked.options[0])
    turn = jazz_long.say(say)
    assert turn.changed and jazz_long.plan.sections == twin.plan.sections, turn.reply


# ----------------------------------------------------------------------------- 21. stop at the end of a shot

@pytest.mark.parametrize("say", ["cut the music when shot 5 ends", "The music must finish at the end of the fifth shot.",
                                 left("kill it at the tail of shot 5", why="'kill it at the tail of' is not read as a stop (asks calmer)")])
def test_21_a_stop_at_the_end_of_a_shot(jazz_long, say):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    stopped = any(abs(h.time_s - 20) < 0.5 for h in hits(p, "stop")) or (roles(p, 18) and not roles(p, 30))
    assert turn.changed and stopped and roles(p, 10), turn.reply


# ----------------------------------------------------------------------------- 22. slower, for a purpose

@pytest.mark.parametrize("say", ["bit slower pls its for a funeral", "Slower please, because it is for my grandmother birthday.",
                                 "drop the tempo, it's a corporate piece"])
def test_22_slower_for_a_purpose_is_only_slower(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and p.tempo_bpm < before.tempo_bpm, turn.reply
    assert (p.style, p.key, p.mode, p.instrumentation) == (before.style, before.key, before.mode, before.instrumentation), turn.reply


# ----------------------------------------------------------------------------- 23. drums hit too hard

@pytest.mark.parametrize("say", ["drums r smacking way too hard", left("The drummer is playing too strong.", why="the drummer as the drums: an alias lost e-tune's 'the drummer should enter' (the pastor), so not shipped"), left("kit's hitting hard, ease off", why="'hitting hard' with no 'too' restyles aggressive (F minor, faster)")])
def test_23_drums_too_hard_are_softer(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and max(levels(p, "drums")) < 0 and all(plays(p, t, "drums") for t in (2, 30, 58)), turn.reply
    assert (p.style, p.tempo_bpm, p.mode) == (before.style, before.tempo_bpm, before.mode), turn.reply


# ----------------------------------------------------------------------------- 24. one part out, another out in a shot

@pytest.mark.parametrize("say", ["lose the strings, and the drums in shot 3",
                                 "Please remove the strings, and also the drums in the third shot.",
                                 "strings out, and drums out for shot 3"])
def test_24_two_parts_out_one_of_them_in_a_shot(jazz_long, say):
    jazz_long.say("add strings")
    assert plays(jazz_long.plan, 30, "strings")
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and not any(plays(p, t, "strings") for t in (2, 10, 30, 58)), turn.reply
    assert not plays(p, 10, "drums") and plays(p, 2, "drums") and plays(p, 30, "drums"), turn.reply


# ----------------------------------------------------------------------------- 25. grow little by little over shots

@pytest.mark.parametrize("say", ["slowly build up from shot 4 to shot 8", "Step by step, increase from the fourth shot until the eighth.",
                                 "ramp shots 4 thru 8"])
def test_25_a_steady_rise_over_shots(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    inside = [s.energy for s in p.sections if 12 <= s.start_s and s.end_s <= 32]
    assert turn.changed and len(inside) > 1 and inside == sorted(inside) and inside[-1] > inside[0], (turn.reply, inside)
    assert inside[0] >= E(before, 13) - 0.1 and E(p, 5) == E(before, 5), (turn.reply, inside)


# ----------------------------------------------------------------------------- 26. the tempo back after a time

@pytest.mark.parametrize("say", ["tempo back to how it was after 0:30", left("After 0:30, please return the old tempo.", why="'return the old tempo' is read as a step slower (136.3, not 139.4)"),
                                 left("from 30 sec on, original tempo", why="the original tempo said after 'from 30 sec on' is put back everywhere")])
def test_26_the_tempo_back_after_a_time(jazz_long, say):
    first = jazz_long.plan
    jazz_long.say("faster")
    fast = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and T(p, 40) == T(first, 40) and T(p, 10) == T(fast, 10) > T(first, 10), turn.reply


# ----------------------------------------------------------------------------- 27. no crashes then

@pytest.mark.parametrize("say", [left("fine, forget the crashes", why="'forget the crashes' is not read as taking them out"), left("Please, no crash cymbals.", why="'no crash cymbals' moves the drums up (the cymbals read as the kit)"), "lose all the crashes"])
def test_27_no_crashes_removes_them(jazz_long, say):
    jazz_long.say("a crash at 0:12")
    jazz_long.say("a crash at 0:36")
    assert len(hits(jazz_long.plan, "crash")) >= 2
    turn = jazz_long.say(say)
    assert turn.changed and not hits(jazz_long.plan, "crash"), turn.reply


# ----------------------------------------------------------------------------- 28. the bass on its own is boring

@pytest.mark.parametrize("say", ["the bass by itself is kinda dull", "The bass alone sounds not interesting.",   # passes since the nineteenth session's merges
                                 left("bassline solo is a snooze", why="the question asked names no part ('that instrument louder, or remove an instrument?')")])
def test_28_a_part_alone_is_a_complaint_about_it(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert all(roles(p, t) == roles(before, t) for t in (2, 30, 58)), turn.reply
    assert (turn.changed or turn.question) and "bass" in said(turn), turn.reply


# ----------------------------------------------------------------------------- 29. texting and fillers

@pytest.mark.parametrize("say, check", [
    ("the intro is sooo boring tbh", lambda p, b: E(p, 2) > E(b, 2)),
    ("uhh the sax is, like, waaay too quiet", lambda p, b: max(levels(p, "melody")) > 0),
    ("ending iz 2 fast lol", lambda p, b: T(p, 58) < T(b, 58))])
def test_29_texting_reads_as_plain(jazz_long, say, check):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    assert turn.changed and check(jazz_long.plan, before), turn.reply


# ----------------------------------------------------------------------------- 30. back one version

@pytest.mark.parametrize("say", ["nah undo that last thing, the one before was better",
                                 "Please return to the earlier version, the last one is not good.",
                                 "revert one, prior pass was the keeper"])
def test_30_back_one_version(jazz_long, say):
    jazz_long.say("faster")
    fast = jazz_long.plan
    jazz_long.say("more energy")
    turn = jazz_long.say(say)
    assert turn.changed and jazz_long.plan == fast, turn.reply


# ----------------------------------------------------------------------------- 31. a part only in the ending

@pytest.mark.parametrize("say", ["flute just in the last bit pls", "Can you put a flute only at the end of the music?",
                                 "flute in the outro only"])
def test_31_a_part_added_only_in_the_ending(jazz_long, say):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and plays(p, 58, "flute") and not plays(p, 10, "flute") and not plays(p, 30, "flute"), turn.reply
    assert all(plays(p, 58, r) for r in PARTS), turn.reply


# ----------------------------------------------------------------------------- 32. a melody by the wrong instrument

@pytest.mark.parametrize("say", ["the lead line is way loud", "The tune that is on top is too loud.", left("guitar melody too hot", why="a melody named by an instrument not playing it: 'the guitar is not playing there'")])
def test_32_the_melody_is_too_loud(jazz_long, say):
    turn = jazz_long.say(say)
    p = jazz_long.plan
    assert turn.changed and max(levels(p, "melody")) < 0, turn.reply
    assert all(set(levels(p, r)) == {0.0} for r in ("drums", "bass", "harmony")), turn.reply


# ----------------------------------------------------------------------------- 33. leave the rest as it is

@pytest.mark.parametrize("say, check", [
    ("faster in shot 3, don't touch anything else", lambda p, b: T(p, 10) > T(b, 10) and T(p, 30) == T(b, 30)),
    ("Please make the bass louder, but the rest stays the same.", lambda p, b: max(levels(p, "bass")) > 0),
    ("more energy in the ending, rest as is", lambda p, b: E(p, 58) > E(b, 58))])
def test_33_leave_the_rest_is_no_lock(jazz_long, say, check):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    assert turn.changed and check(jazz_long.plan, before) and E(jazz_long.plan, 20) == E(before, 20), turn.reply
    mid = jazz_long.plan
    turn = jazz_long.say("slower")
    p = jazz_long.plan
    assert turn.changed and all(T(p, t) < T(mid, t) for t in (2, 10, 30, 58)), turn.reply


# ----------------------------------------------------------------------------- 34. a hello in another language

@pytest.mark.parametrize("say", ["Hola!", "Guten Tag", "konnichiwa :)"])
def test_34_a_foreign_hello_is_a_greeting(jazz_long, say):
    before = jazz_long.plan
    turn = jazz_long.say(say)
    assert not turn.changed and jazz_long.plan == before, turn.reply
    assert "noted" not in turn.reply and "where" not in said(turn) and "shot" not in said(turn), turn.reply
