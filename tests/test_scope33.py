"""A shared place said after, beside or around the changes, and a scene told where the readers asked (session 33;
the blind data is tests/wordings32 and tests/wordings33, tune2 read, tune3 and the held-out halves counted only). Each
message is played on the 60 s clip cut every 4 s (`edit_clips.open_long`) and judged by the wordings bench's own
checkers (`bench_wordings.outcome`). The phrasings are this file's own, not the blind writers'."""

import pytest

from bench.bench_wordings import outcome
from edit_clips import open_long
from test_scope32 import _item

CASES = [
    # a place said last over two orders joined by "and": both there
    _item("electronic", "mute the pad and boost the synth bass from 0:20 to 0:32", (20, 32),
          {"what": "remove", "part": "pad"}, {"what": "louder", "part": "bass"}),
    # a place said as what a complaint is about heads the changes after it, "the whole thing" there too
    _item("folk", "the last third is a bit much, could the fiddle be quieter and maybe the whole thing softer?", (40, 60),
          {"what": "softer", "part": "melody"}, {"what": ["tempo", "energy"], "dir": "down"}),
    _item("rock", "the stretch from 0:12 to 0:24 is too intense, the lead screams over everything, pull the lead down", (12, 24),
          {"what": "softer", "part": "melody"}, {"what": "energy", "dir": "down"}),
    # a place said alone after the changes, with "only": all of them there
    _item("jazz", "Faster, and the bass louder. Only in shots 4 and 5.", (12, 20),
          {"what": "tempo", "dir": "up"}, {"what": "louder", "part": "bass"}),
    # a place said as an aside between dashes or in brackets, after a change that names none: all of them there
    _item("folk", "Drop the upright (that's shots 9 and 10) and a bit slower", (32, 40),
          {"what": "remove", "part": "bass"}, {"what": "tempo", "dir": "down"}),
    # "that stretch" beside "overall": the place said before
    _item("lofi", "no drums from 0:16 to 0:32, and quieter overall in that stretch", (16, 32),
          {"what": "remove", "part": "drums"}, {"what": "energy", "dir": "down"}),
    # "after the first N seconds": from there on; a moment put right while said
    _item("folk", "after the first 20 seconds it drags, speed it up from there", (20, 60), {"what": "tempo", "dir": "up"}),
    _item("jazz", "From 0:12 - actually make it 0:16 - to 0:28: drums out", (16, 28), {"what": "remove", "part": "drums"}),
    # "at" a range is that range; a part called cringe is a complaint, not an add
    _item("jazz", "the sax at 0:20-0:32 is cringe, get rid of it, and slower there", (20, 32),
          {"what": "remove", "part": "melody"}, {"what": "tempo", "dir": "down"}),
    # "shots 10 and 11" turns nothing up to eleven; "0:36 on" heads what follows; hedges between a moment and its edit
    _item("cinematic", "slower in shots 10 and 11", (36, 44), {"what": "tempo", "dir": "down"}),
    _item("jazz", "0:36 on bring in a flute", (36, 60), {"what": "add", "part": "flute"}),
    _item("lofi", "At 0:26-ish, doesn't need to be exact: drums out", (24, 28), {"what": "remove", "part": "drums"}),
    _item("electronic", "from 0:40 the drum machine can go", (40, 60), {"what": "remove", "part": "drums"}),
]


@pytest.mark.parametrize("item", CASES, ids=[c["said"][:40] for c in CASES])
def test_every_change_in_its_place_and_nothing_else(item):
    got, reply, _ = outcome(item)
    assert got == "followed", reply


def test_a_place_said_after_all_changes_leaves_no_unread_note(tmp_path):
    turn = open_long(tmp_path, "cinematic").say("Slower, and the harp louder. Only over shots 13 and 14.")
    assert not turn.question and "I did not act" not in turn.reply, turn.reply


def test_a_scene_no_pattern_names_is_offered_the_nearest_styles_and_an_answer_takes_one(tmp_path):
    s = open_long(tmp_path, "jazz")
    v = s.version
    turn = s.say("it's the highlight reel of our roller derby league")
    assert turn.question and s.version == v and "rock" in turn.options[0], (turn.reply, turn.options)
    s.say("rock")
    assert s.plan.style == "rock"


@pytest.mark.parametrize("style, said, styles", [
    ("folk", "It's giraffes crossing the Serengeti plains at sunset.", ["cinematic", "ambient"]),   # asked before
    ("rock", "It's zebras at a watering hole on safari.", ["cinematic", "ambient"]),   # "It sounds like watering hole ...?"
])
def test_a_scene_the_patterns_name_is_taken_where_the_readers_asked(style, said, styles):
    got, reply, _ = outcome({"id": "t", "style": style, "said": said, "styles": styles})
    assert got == "followed", reply


def test_an_edit_said_plainly_never_reaches_the_nearest_style(tmp_path):
    s = open_long(tmp_path, "jazz")
    turn = s.say("the bride walks in and everybody stands up")   # a moment told: no style switched
    assert s.plan.style == "jazz", turn.reply
