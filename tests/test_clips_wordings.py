"""Changes counted on the person's own clip and score (the clips family), in words of this file's own, not the clips
bank's: each case opens a real Session with its own opening request on its own synthetic clip (duration, cuts), says
one message and is judged by the clips bench's own reading (`bench_combos.judged`: each change lands on its stretch,
nothing moves outside). What each family of cases was before is said beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from bank_run import chat  # noqa: E402 - the benches' Session on a synthetic clip
from bench_combos import judged  # noqa: E402 - the bench's reading of a change

from v2m.agent.dialogue.operations import effective_roles  # noqa: E402


def _e(kind: str, direction: str | None, a: float, b: float) -> dict:
    return {"kind": kind, "direction": direction, "span": [a, b]}


# (opening request, duration, cuts, message, changes)
CASES = [
    # the score's own style named at a place was asked about as a switch of the whole score's style
    ("lofi beats", 50, [10, 20, 30, 40], "the lofi feels a little flat after the third cut, liven it up",
     [_e("energy", "up", 30, 50)]),
    ("bossa nova", 36, [12, 24], "keep it bossa but calmer in the last shot", [_e("energy", "down", 24, 36)]),
    # a state said with "gets" ("it gets a little boring") was no complaint
    ("acoustic folk", 60, [15, 30, 45], "it gets a little boring in shot 4", [_e("energy", "up", 45, 60)]),
    # "more gentle" was not read (only "gentler")
    ("rock", 44, [11, 22, 33], "could the final shot be more gentle", [_e("energy", "down", 33, 44)]),
    # the energy wished to fall with a modal ("should dip") was not read
    ("epic trailer music", 75, [15, 30, 45, 60], "the energy should dip after the fourth cut",
     [_e("energy", "down", 60, 75)]),
    # a solo instrument turned down stepped one of its roles back (the bass) against the others, all piano
    ("calm piano", 70, [14, 28, 42, 56], "the piano is too loud in the third shot", [_e("loudness", "down", 28, 42)]),
    ("calm piano", 70, [14, 28, 42, 56], "bring the piano up in the second half", [_e("loudness", "up", 35, 70)]),
    # a time said roughly ("from about 0:50") was the shot at that time
    ("funk", 80, [16, 32, 50, 64], "from about 0:50 to the end, more drive", [_e("energy", "up", 50, 80)]),
    # "the one-minute mark" became "after 1:00" even between two times
    ("electronic dance", 100, [20, 40, 60, 80], "between the one-minute mark and 1:20 it should be quieter",
     [_e("loudness", "down", 60, 80)]),
    # "between X and the end" was two places, X and the ending
    ("ambient", 120, [20, 45, 70, 95], "between 1:10 and the end make it calmer", [_e("energy", "down", 70, 120)]),
    # a tempo said "from 120 down to 100" was a stretch of seconds past the clip's end
    ("epic trailer music", 60, [20, 40], "take the tempo from 125 down to about 100", [_e("tempo", "down", 0, 60)]),
    # a terse note opening on how a place is ("little slow in the intro") was read as the wish
    ("jazz", 48, [12, 24, 36], "little slow in the intro", [_e("tempo", "up", 0, 12)]),
    ("cinematic strings", 48, [12, 24, 36], "tad loud after the second cut", [_e("loudness", "down", 24, 48)]),
    # a bare "Ending"/"Opening" heading a longer note named no place
    ("tense thriller", 54, [9, 18, 27, 36, 45], "Ending needs to be quieter and a bit slower",
     [_e("loudness", "down", 45, 54), _e("tempo", "down", 45, 54)]),
    # the video named by what it is ("the entire clip", "the commercial") switched the style, or was no place
    ("upbeat pop for a product video", 20, [5, 10, 15], "swell through the entire clip", [_e("build", None, 0, 20)]),
    ("upbeat pop for a product video", 20, [5, 10, 15], "softer at the end of the commercial",
     [_e("energy", "down", 15, 20)]),
    # counted from the end, or from a cut: "the third from last" was "from shot N on", "the shot before the last cut"
    # everything before that cut, and "to the eighth" with no noun was no end at all
    ("electronic dance", 120, [12, 24, 36, 48, 60, 72, 84, 96, 108], "the third-from-last shot needs to be slower",
     [_e("tempo", "down", 84, 96)]),
    ("electronic dance", 120, [12, 24, 36, 48, 60, 72, 84, 96, 108], "the shot right before the final cut, more energy",
     [_e("energy", "up", 96, 108)]),
    ("electronic dance", 120, [12, 24, 36, 48, 60, 72, 84, 96, 108], "the shot after the fourth cut is too busy",
     [_e("energy", "down", 48, 60)]),
    ("rock", 90, [10, 25, 40, 55, 70], "from the second cut to the fourth, a bit slower", [_e("tempo", "down", 25, 55)]),
    # "the back half" was no place; "from 1:10 for 20 seconds" ran to the end
    ("acoustic folk", 150, [18, 35, 52, 70, 90, 108, 126], "the back half could be a touch slower",
     [_e("tempo", "down", 75, 150)]),
    ("acoustic folk", 150, [18, 35, 52, 70, 90, 108, 126], "from 1:10 for 20 seconds, quieter please",
     [_e("loudness", "down", 70, 90)]),
    # a counted cut to a time stays that ("until 2:15" is no cut)
    ("acoustic folk", 150, [18, 35, 52, 70, 90, 108, 126], "from the fifth cut until 2:15 a little faster",
     [_e("tempo", "up", 90, 135)]),
    # a bare ordinal after a counted shot ("speed up the fifth") was the place of the clause before; "cut no. 6"
    # split at its dot
    ("funk", 110, [14, 28, 42, 56, 70, 84, 98], "make the second shot quieter; speed up the fifth",
     [_e("loudness", "down", 14, 28), _e("tempo", "up", 56, 70)]),
    ("jazz", 96, [12, 24, 36, 48, 60, 72, 84], "after cut no. 6 the tempo should come down a bit",
     [_e("tempo", "down", 72, 96)]),
    # two places set against each other with "while" were one place for both changes
    ("lofi beats", 75, [10, 22, 35, 50, 62], "shot 4 wants more energy while the fifth one should slow down",
     [_e("energy", "up", 35, 50), _e("tempo", "down", 50, 62)]),
    # "really rushing" after a wish for speed was read as the complaint "it's rushing" (slower)
    ("rock", 40, [10, 20, 30], "faster in shot 3, really rushing", [_e("tempo", "up", 20, 30)]),
    # "Please slow it" was answered as a question about the tempo
    ("jazz", 60, [15, 30, 45], "It feels hurried after 0:40. Please slow it.", [_e("tempo", "down", 40, 60)]),
    # "slow the groove down ..., make it softer": the groove was the drums, and "it" them
    ("funk", 40, [10, 20, 30], "slow the groove down a bit and make it softer overall",
     [_e("tempo", "down", 0, 40), _e("loudness", "down", 0, 40)]),
]


@pytest.mark.parametrize("request_, duration, cuts, said, changes", CASES, ids=[c[3][:40] for c in CASES])
def test_a_change_lands_where_it_was_counted_on_its_own_clip(tmp_path, request_, duration, cuts, said, changes):
    kind, what = judged({"text": said, "edits": changes}, tmp_path, {"duration": duration, "cuts": cuts}, request_)
    assert kind == "ok", what


def _open(tmp_path, request: str, duration: float, cuts: list[float]):
    return chat({"duration": duration, "cuts": cuts}, request, tmp_path)[1]


def test_what_stays_as_it_was(tmp_path):
    # a comparative is still the wish itself; a part said too loud is still that part; a culture wished for is a style
    s = _open(tmp_path / "a", "jazz", 40, [10, 20, 30])
    before = s.plan
    s.say("a bit quieter in shot 2")
    assert s.plan.sections[s.plan.section_at(15)].energy < before.sections[before.section_at(15)].energy
    s = _open(tmp_path / "b", "lofi beats", 40, [10, 20, 30])
    s.say("the beat is too loud, make it quieter")
    assert all(sec.levels_db.get("drums", 0.0) < 0 for sec in s.plan.sections
               if "drums" in effective_roles(s.plan, sec))
    s = _open(tmp_path / "c", "jazz", 40, [10, 20, 30])
    s.say("make it sound like a commercial")
    assert s.plan.style == "electronic"
    s = _open(tmp_path / "d", "jazz", 40, [10, 20, 30])
    turn = s.say("it's rushing in shot 3")   # the complaint said with its subject: slower
    assert s.plan.sections[s.plan.section_at(25)].tempo_bpm < s.plan.tempo_bpm, turn.reply


def test_an_instrument_the_opening_names_plays_in_the_opening_score(tmp_path):
    # before: "ukulele", "banjo", "harmonica" in the first request were not read, so the band had none and a later
    # "the banjo is too loud in shot 2" asked which instrument was meant
    s = _open(tmp_path / "a", "cheerful banjo for a cooking video", 40, [10, 20, 30])
    assert s.plan.instrumentation["harmony"] == "Banjo"
    turn = s.say("the banjo is too loud in shot 2")
    assert s.plan.sections[s.plan.section_at(15)].levels_db.get("harmony", 0.0) < 0, turn.reply
    assert _open(tmp_path / "b", "soft harmonica blues", 40, [10, 20, 30]).plan.instrumentation["melody"] == "Harmonica"
