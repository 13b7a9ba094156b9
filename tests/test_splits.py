"""An edit that splits a section leaves the side it did not address note for note (split12, tools/music/splits.py).

Before: the tempo map fitted each piece's bars to its own span, so "louder in shot 2" where shots 1-2 were one section
gave shot 1 another tempo and bar layout (lofi 78 -> 84 BPM, bars 4+5 -> 4+3 beats) and re-voiced it. Now a piece that
keeps the section's tempo is the whole section's music cut at the seam, where the seam is on a whole beat of the
section's grid (tests/bench/bench_splits.py measures all 85 splits of its sweep; seams on an offbeat are left).
"""

from __future__ import annotations

import pytest
from edit_clips import make_analysis

from v2m.agent.dialogue.session import Session
from v2m.tools.music.compose import compose

EDITS = (("slower in shot 2", 2), ("faster in shot 3", 3), ("make shot 2 calmer", 2), ("louder in shot 2", 2))


def _notes(plan) -> list[tuple[float, int, str, int]]:
    arr = compose(plan)
    tm = arr.tempo_map
    return sorted((round(tm.beat_to_s(n.start), 3), n.pitch, p.role, n.vel) for p in arr.parts for n in p.notes)


CLIPS = {"12 s": (12.0, [50, 100, 225]), "20 s": (20.0, [100, 200, 300, 400])}  # cut frames at 25 fps
# splits whose seam falls on a whole beat of the section's grid (22 of bench_splits' 85; an offbeat seam is left)
CASES = [("12 s", st, e) for st in ("folk", "jazz", "rock") for e in EDITS if st == "folk" or e[1] == 2] + \
    [("20 s", st, e) for st in ("lofi", "reggae") for e in EDITS if st == "reggae" or e[1] == 2]


@pytest.mark.parametrize("clip,style,edit", CASES)
def test_the_side_an_edit_did_not_address_keeps_its_notes(tmp_path, clip, style, edit):
    duration, cuts = CLIPS[clip]
    a = make_analysis(duration, 25.0, cuts, source="synthetic.mp4")
    edit, shot = edit
    s = Session.open(a.source, style, workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say(edit)
    lo, hi = a.shots[shot - 1].start_s, a.shots[shot - 1].end_s
    assert {round(x.start_s, 2) for x in s.plan.sections} - {round(x.start_s, 2) for x in old.sections}  # a split
    before, after = _notes(old), _notes(s.plan)
    for side in ((0.0, lo - 0.02), (hi + 0.02, 1e9)):
        assert [n for n in before if side[0] <= n[0] < side[1]] == [n for n in after if side[0] <= n[0] < side[1]]
    # the seam is still a bar line at the cut, and the edit is heard in the addressed shot
    arr = compose(s.plan)
    assert any(abs(b.start_s - lo) < 0.011 for b in arr.tempo_map.bars)
    assert [n for n in before if lo <= n[0] < hi] != [n for n in after if lo <= n[0] < hi]


def test_louder_in_shot_2_leaves_shot_1_note_for_note(tmp_path):
    # engine12's reproduction: a 12 s folk clip cut at 2, 4 and 9 s
    a = make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4")
    s = Session.open(a.source, "folk", workdir=tmp_path / "store", analysis=a, render=False)
    old = s.plan
    s.say("louder in shot 2")
    assert any(x.start_s < 2.0 < x.end_s for x in old.sections)  # the edit split the section holding shots 1-2
    assert any(abs(x.start_s - 2.0) < 0.01 for x in s.plan.sections)

    def shot_1(plan):
        arr = compose(plan)
        return sorted((round(n.start, 4), n.pitch, p.role) for p in arr.parts for n in p.notes if n.start < 2.0 - 0.01)
    assert shot_1(s.plan) == shot_1(old)
