"""p-tune misfires (notes ptune_classes20, classes 7, 11, 1) through a real chat Session, in the user's words and in
other voices of the same meaning (written before the fix): a spoken self-correction replaces what it corrects and the
rest of the request stands; a part the score lacks is played by the nearest part in its role, the rest of the turn
done; a style named by a scene, a culture, an era or an artist is the nearest style, with the reason said."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, levels

# ----------------------------------------------------------------------------- 7. a spoken self-correction


def _hit_at(plan, t: float) -> bool:
    return any(abs(h.time_s - t) < 0.3 for h in plan.hit_points)


@pytest.mark.parametrize("said, at", [
    ("the pool thats the seventh shot at forty no forty eight seconds hit the cut going into it", 48),
    # other voices
    ("at twenty no twenty four seconds put a crash on the cut", 24),
    ("the door opens at thirty no thirty two seconds slam a hit there", 32),
    ("hit the cut at fifty no fifty two seconds", 52)])
def test_a_time_said_again_replaces_the_first(jazz_long, said, at):
    """"at forty no forty eight seconds": the hit goes at 0:48, and the "no" removes nothing (before: "No crash at
    0:48")."""
    turn = jazz_long.say(said)
    assert _hit_at(jazz_long.plan, at) and not turn.question, turn.reply
    assert not turn.reply.startswith("No "), turn.reply


@pytest.mark.parametrize("said, at", [
    ("the hit you put no wait we didnt do any hits ok put a hit at the last cut", 56),
    # other voices
    ("the crash you added no wait there isnt one yet ok add a crash at the last cut", 56),
    ("take out the hit no sorry we never put one in so just put a hit at the last cut", 56)])
def test_a_request_abandoned_for_a_fresh_start(jazz_long, said, at):
    """"the hit you put no wait we didn't do any hits ok put a hit at the last cut": what follows the fresh start is the
    request; the hit is put, none removed (before: "No accent at 0:09.7")."""
    before = len(jazz_long.plan.hit_points)
    turn = jazz_long.say(said)
    assert _hit_at(jazz_long.plan, at) and not turn.question, turn.reply
    assert len(jazz_long.plan.hit_points) >= before, turn.reply


@pytest.mark.parametrize("said, at, kind", [
    ("twenty two seconds no the candles are at eighteen and a half put a stop there", 18.5, "stop"),
    # other voices
    ("thirty seconds no the goal is at thirty two and a half put a stop there", 32.5, "stop"),
    ("ten seconds no sorry the door slams at twelve put a crash there", 12, "crash")])
def test_a_time_put_right_by_a_moment_told_again(jazz_long, said, at, kind):
    """"twenty two seconds no the candles are at eighteen and a half put a stop there": the stop at 0:18.5 (before: "No
    crash at 0:18.5")."""
    turn = jazz_long.say(said)
    assert any(abs(h.time_s - at) < 0.3 and h.kind == kind for h in jazz_long.plan.hit_points), turn.reply
    assert not turn.question, turn.reply


@pytest.mark.parametrize("said, a, b", [
    ("for the sun salutations from forty four to the end no sorry from twenty to forty let it rise slowly", 20, 40),
    # other voices
    ("from fifty to the end no wait from twelve to thirty two more energy", 12, 32),
    ("more energy from 0:44 to the end sorry i mean from 0:16 to 0:36", 16, 36)])
def test_a_range_put_right_keeps_both_ends(jazz_long, said, a, b):
    """"from one oh seven to the end no sorry from fifty two to eighty let it rise": the span is 0:52-1:20, its end kept
    (before: "after 0:52", to the end)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    after = jazz_long.plan
    assert energy_at(after, b - 2) > energy_at(before, b - 2), turn.reply
    assert energy_at(after, 58) == energy_at(before, 58), turn.reply
    assert energy_at(after, a - 4) == energy_at(before, a - 4), turn.reply


# ----------------------------------------------------------------------------- 1. a style named by a scene, a culture, an era, an artist


def _styled(tmp_path, start: str, said: str):
    from edit_clips import open_long

    chat = open_long(tmp_path, start)
    return chat, chat.say(said)


@pytest.mark.parametrize("start, said, want", [
    # a dance hall's big band: swing
    ("gentle classical piano", "Only it sounds a little modern for them. They met at the Palais dance hall in 1961, could it be more "
     "like the big bands they danced to there? Dad always talks about the trombones.", {"jazz"}),
    ("gentle classical piano", "could it sound like the ballroom dance bands of the forties", {"jazz"}),
    ("gentle classical piano", "more like a Glenn Miller dance band please", {"jazz"}),
    ("gentle classical piano", "like the swing orchestras at the Savoy ballroom", {"jazz"}),
    # the silent pictures: the silent-film piano
    ("calm ambient", "Some of the chaps would prefer it like the old silent pictures, with the jangly piano when the villain ties "
     "the lady to the railway line. Could you do that instead?", {"silent_film"}),
    ("calm ambient", "make it like the old silent flicks", {"silent_film"}),
    ("calm ambient", "like a Charlie Chaplin picture", {"silent_film"}),
    ("calm ambient", "like the pictures my gran saw at the picture house before the talkies", {"silent_film"}),
    # a street brass band: the marching band
    ("gentle folk", "could it be more like the Salvation Army band that plays outside Marks and Spencer, with the tubas and "
     "the big brass?", {"marching_band"}),
    ("gentle folk", "like a colliery brass band", {"marching_band"}),
    ("gentle folk", "like the Sally Army playing carols in the high street", {"marching_band"}),
    ("gentle folk", "like the town band on the bandstand in the park", {"marching_band"}),
    ("classical with strings", "Family is saying it is too much church type. For the baraat they want full band baja feeling, like "
     "the brass wallahs on the road. Kindly do the needful", {"marching_band", "funk", "jazz"}),
    ("classical with strings", "they want a shaadi band on the street, trumpets and dhol", {"marching_band", "funk", "jazz"}),
    ("classical with strings", "make it like a baraat procession", {"marching_band", "funk", "jazz"}),
    ("classical with strings", "more like the wedding bands in the procession to the venue in Delhi", {"marching_band", "funk", "jazz"}),
    # a beach in Goa: bossa
    ("romantic classical strings", "The couple is from Goa, they want little bit of that Goa beach feeling, susegad, relaxed, "
     "with guitar", {"bossa", "reggae", "folk"}),
    ("romantic classical strings", "like a beach shack in Goa at sunset", {"bossa", "reggae", "folk"}),
    ("romantic classical strings", "that lazy susegad feel please", {"bossa", "reggae", "folk"}),
    ("romantic classical strings", "something like a Kerala beach holiday, easy and relaxed", {"bossa", "reggae", "folk"}),
    # a college chapel: classical
    ("indie folk festival", "the steer from the Vice-Chancellor's office is 'less festival, more heritage' - something that feels "
     "like a centuries-old institution. Think college chapel.", {"classical", "cinematic"}),
    ("indie folk festival", "think cathedral evensong", {"classical", "cinematic"}),
    ("indie folk festival", "more like an Oxford college choir", {"classical", "cinematic"}),
    ("indie folk festival", "something that feels like an ancient university", {"classical", "cinematic"}),   # asked before
    # session 33: the readers' question gives way to the scene (`scene_styles`)
    # an artist: his style
    ("jazz", "you know what, straighten the whole thing out. less swing, more Jobim", {"bossa"}),
    ("jazz", "less swing, more Astrud Gilberto", {"bossa"}),
    ("jazz", "more like The Girl from Ipanema", {"bossa"}),
    ("jazz", "make it like Getz/Gilberto", {"bossa"}),
    # the seventies' nature films, with a folky guitar: the folk said beats the films
    ("calm ambient", "Gerald says the whole thing should sound like the nature films on the telly in the seventies, with that "
     "folky acoustic guitar and a recorder or something.", {"folk"}),
    ("calm ambient", "like a seventies wildlife documentary with folky guitar", {"folk"}),
    ("calm ambient", "like an old nature programme but folky, acoustic guitar and a tin whistle", {"folk"}),
])
def test_a_style_named_by_a_scene_is_the_nearest_style(tmp_path, start, said, want):
    """A scene, a culture, an era or an artist named is the nearest style, the reason said (before: asked, or read as a
    moment, or an instrument added)."""
    chat, turn = _styled(tmp_path, start, said)
    assert chat.plan.style in want and not turn.question, turn.reply


@pytest.mark.parametrize("said", ["too pretty. I want Bernard Herrmann dread, shower scene nerves",
                                  # other voices
                                  "I want Hitchcock suspense",
                                  pytest.param("like the Psycho strings", marks=pytest.mark.xfail(
                                      reason="a bare 'like the ...' is read as approval")),
                                  pytest.param("give it a Vertigo kind of unease", marks=pytest.mark.xfail(
                                      reason="a film title alone is no scene word: the vocabulary names composers, not films"))])
def test_a_film_composer_of_dread_is_minor_cinematic(tmp_path, said):
    """"Bernard Herrmann dread": the cinematic style in a minor key (before: asked)."""
    chat, turn = _styled(tmp_path, "sparse piano and strings, indie drama", said)
    assert chat.plan.style == "cinematic" and chat.plan.mode == "minor", turn.reply


# ----------------------------------------------------------------------------- 11. a part the score lacks


@pytest.mark.parametrize("said", ["and only during the candles the shot right after that crash um no drums just soft",
                                  # other voices
                                  "in the shot right after that crash no drums, all quiet",
                                  pytest.param("the shot after that crash lose the drums and just soft there", marks=pytest.mark.xfail(
                                      reason="'lose' is read with the crash before it: the crashes come out")),
                                  "the shot after the crash no percussion just hushed"])
def test_an_absent_part_taken_out_leaves_the_rest_of_the_turn(tmp_path, said):
    """"no drums just soft" where no drums play: the drums are out already (said), and the shot goes soft (before: "There
    are no drums in the score to remove. Did you mean another instrument?", the softening dropped)."""
    from edit_clips import open_long

    chat = open_long(tmp_path, "gentle classical piano")
    chat.say("put a big crash at the fifth cut")
    before = chat.plan
    turn = chat.say(said)
    assert not turn.question and energy_at(chat.plan, 22) < energy_at(before, 22), turn.reply
    assert energy_at(chat.plan, 10) == energy_at(before, 10), turn.reply


@pytest.mark.parametrize("said, role", [("The saxophone is too loud, dear, you can't hear the piano at all underneath it.", "melody"),
                                        # other voices
                                        ("the trumpet is too loud", "melody"), ("turn the flute down a bit", "melody"),
                                        ("the sax is a bit much", "melody")])
def test_an_absent_part_too_loud_is_the_part_in_its_role(tmp_path, said, role):
    """"The saxophone is too loud" where no sax plays: the part that plays the tune, the sax's role, is softer, and the
    reply says which (before: "The saxophone is not playing there, so no quieter", with a piano added at +5 dB)."""
    from edit_clips import open_long

    chat = open_long(tmp_path, "a gentle acoustic folk song")
    assert not any(w in str(chat.plan.instrumentation).lower() for w in ("sax", "trumpet", "flute"))
    turn = chat.say(said)
    assert min(levels(chat.plan, role)) < 0 and not turn.question, turn.reply


@pytest.mark.parametrize("said", ["shots 2 and 3 thin out the top end, lose the pad and take a little of the drive off",
                                  # other voices
                                  pytest.param("shots 2 and 3 lose the pad and take some of the push off", marks=pytest.mark.xfail(
                                      reason="'push' is no energy noun of the grammar's (it is also a verb of more)")),
                                  "in shots 2 and 3 no pad, and take a bit of the oomph off"])
def test_an_absent_pad_lost_leaves_the_drive_taken_off(jazz_long, said):
    """"lose the pad and take a little of the drive off" where no pad plays: the pad is out already (said), and the drive
    comes off shots 2 and 3 (before: "There is no pad in the score to remove", the rest dropped)."""
    before = jazz_long.plan
    assert "pad" not in str(before.instrumentation)
    turn = jazz_long.say(said)
    assert not turn.question and energy_at(jazz_long.plan, 6) < energy_at(before, 6), turn.reply
    assert energy_at(jazz_long.plan, 20) == energy_at(before, 20), turn.reply


# ----------------------------------------------------------------------------- a span between two cuts said without "the"


@pytest.mark.parametrize("said, a, b", [("Vows are between 7th and 8th cut. Only drums out", 28, 32),
                                        ("between second and third cut more energy", 8, 12)])
def test_between_two_counted_cuts_without_the(jazz_long, said, a, b):
    """"between 7th and 8th cut": the stretch between those cuts (before: the shot after the 8th cut). Written after the
    fix (a p-tune turn the style fix uncovered: learners' wedding-02 t5)."""
    before = jazz_long.plan
    turn = jazz_long.say(said)
    changed = [round(s.start_s) for s, o in zip(jazz_long.plan.sections, before.sections) if s != o]
    assert changed and min(changed) >= a and max(changed) < b, turn.reply
