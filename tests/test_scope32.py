"""Several changes sharing one place, and the place finders and part words they lean on (session 32; the blind data
is tests/wordings32 and tests/wordings31). Each message is played on the 60 s clip cut every 4 s
(`edit_clips.open_long`) and judged by the wordings bench's own checkers (`bench_wordings.outcome`: each change heard
in its place, nothing else moved inside it or outside). The phrasings are this file's own, not the blind writers'."""

import pytest

from bench.bench_wordings import outcome


def _item(style, said, where, *changes):
    return {"id": "t", "style": style, "said": said, "where": [list(where)],
            "changes": [dict(zip(("what", "dir", "part", "where"), c)) if isinstance(c, tuple) else c for c in changes]}


CASES = [
    # a place said once, the changes after it joined by commas, "and", "+", dashes
    _item("ambient", "Middle third — celesta out, pad forward, ease it back in tempo.", (20, 40),
          {"what": "remove", "part": "melody"}, {"what": "louder", "part": "pad"}, {"what": "tempo", "dir": "down"}),
    _item("lofi", "mid section slower + add strings", (20, 40),
          {"what": "tempo", "dir": "down"}, {"what": "add", "part": "strings"}),
    _item("jazz", "shots 3-4: knock the sax down and strip out the piano", (8, 16),
          {"what": "softer", "part": "melody"}, {"what": "remove", "part": "harmony"}),
    _item("folk", "Shots 7 to 9, lay the fiddle back and bring in an organ", (24, 36),
          {"what": "softer", "part": "melody"}, {"what": "add", "part": "organ"}),
    _item("ambient", "first 8 seconds: let it grow out of nothing, and no synth bass", (0, 8),
          {"what": "rise"}, {"what": "remove", "part": "bass"}),
    _item("ambient", "near the close fade it gently, and i'd rather not hear the twinkly bell sound there", (48, 60),
          {"what": "fall"}, {"what": "remove", "part": "melody"}),
    # one change with its own place beside the shared one: the others keep the shared place
    _item("folk", "in the second half no bass, and slower from 0:50 only", (30, 60),
          {"what": "remove", "part": "bass"}, {"what": "tempo", "dir": "down", "where": [[50, 60]]}),
    _item("rock", "From 0:32 to 0:44 I wish there was a flute, and the drums quieter but only 0:40 to 0:44", (32, 44),
          {"what": "add", "part": "flute"}, {"what": "softer", "part": "drums", "where": [[40, 44]]}),
    # a part named by its sound, its tone or two names; a moment beside an end said in words; an add restated with a place
    _item("electronic", "mute the synth lead in shots 14 and 15, then let it die away", (52, 60),
          {"what": "remove", "part": "melody"}, {"what": "fall"}),
    _item("electronic", "0:12 to 0:28 - square lead down, pad up, and a shaker from 0:20", (12, 28),
          {"what": "softer", "part": "melody"}, {"what": "louder", "part": "pad"}, {"what": "add", "part": "shaker", "where": [[20, 28]]}),
    _item("lofi", "speed everything up and throw in a shaker, but the shaker only after 0:40", (0, 60),
          {"what": "tempo", "dir": "up"}, {"what": "add", "part": "shaker", "where": [[40, 60]]}),
    _item("rock", "shots 12-15, the wedding dance bit: slower, and no distorted lead", (44, 60),
          {"what": "tempo", "dir": "down"}, {"what": "remove", "part": "melody"}),
    _item("electronic", "at the very beginning, before the logo shows up, add strings and put the drums lower", (0, 4),
          {"what": "add", "part": "strings"}, {"what": "softer", "part": "drums"}),
    _item("ambient", "after 0:30 the little chime/glockenspiel sound louder", (30, 60), {"what": "louder", "part": "melody"}),
    # shorthand, a part let go, an arrow or a colon heading the changes, a list under a place, a start heading what follows
    _item("rock", "last 8 sec the drums r way too busy there just take em out", (52, 60), {"what": "remove", "part": "drums"}),
    _item("folk", "the upright can go after 0:40, and a touch faster there", (40, 60),
          {"what": "remove", "part": "bass"}, {"what": "tempo", "dir": "up"}),
    _item("jazz", "0:12-0:24 → keys out, bass up", (12, 24), {"what": "remove", "part": "harmony"}, {"what": "louder", "part": "bass"}),
    _item("lofi", "Shots 3-4:\n- no drums\n- bass up", (8, 16), {"what": "remove", "part": "drums"}, {"what": "louder", "part": "bass"}),
    _item("jazz", "Overall: sax a bit softer. And from 0:40 on, faster.", (0, 60),
          {"what": "softer", "part": "melody"}, {"what": "tempo", "dir": "up", "where": [[40, 60]]}),
    # a complaint about a stretch beside a removal in the end of it: both made
    _item("rock", "Everything after 0:20 is too busy. Make it calmer, and the guitar solo should drop out from 0:48 on.",
          (20, 60), {"what": ["tempo", "energy"], "dir": "down"}, {"what": "remove", "part": "melody", "where": [[48, 60]]}),
]


@pytest.mark.parametrize("item", CASES, ids=[c["said"][:40] for c in CASES])
def test_every_change_in_its_place_and_nothing_else(item):
    got, reply, _ = outcome(item)
    assert got == "followed", reply


@pytest.mark.parametrize("style, said, up, down, where", [
    ("cinematic", "after the big cut at 0:44, the horn forward", ["melody"], [], (44, 60)),   # "big": still that cut, on
    ("cinematic", "during the drone shot, 0:28 to 0:36, bring the horn forward a lot", ["melody"], [], (28, 36)),
    ("cinematic", "push the horn forward and the strings back", ["melody"], ["strings"], (0, 60)),
    ("cinematic", "I want the brass to come forward and the harp to step back", ["brass"], ["harmony"], (0, 60)),
    ("rock", "the guitar solo is way too loud in shots 5 and 6", [], ["melody"], (16, 24)),   # the lead, not the rhythm guitar
])
def test_balances_where_said(style, said, up, down, where):
    item = {"id": "t", "style": style, "said": said, "up": up, "down": down, "where": [list(where)]}
    got, reply, _ = outcome(item)
    assert got == "followed", reply
