"""Benchmark: an edit that splits a section leaves the side it did not address note-for-note as it was.

    python tests/bench/bench_splits.py [-v]      # 5 clips x 6 styles x 4 edits, about 2 minutes

Each edit ("slower in shot 2", "faster in shot 3", "make shot 2 calmer", "louder in shot 2") is said in a chat
Session (no rendering) on a synthetic clip; where it split a section (a new section boundary at the addressed
shot's edge), the composed notes starting outside the addressed shot (seconds, pitch, part, velocity) are compared
with the plan's before the edit, on each side: before the shot and after it. Printed per edit kind and per style: splits,
and splits whose untouched side before / after the shot changed. -v names each changed case.

Measured (split12): before the fix every one of the 85 splits changed an untouched side (before the shot 75, after
it 43: slower 22/9 of 22, faster 9/16 of 19, calmer 22/9 of 22, louder 22/9 of 22); after it 63 (55 before, 32
after: slower 16/7, faster 7/11, calmer 16/7, louder 16/7). Every split left is a seam on an offbeat of the whole
section's grid (the cut was placed on an eighth or sixteenth), which bars of whole beats cannot start on.

seams13: such a seam cuts the bar it falls in into two short bars (splits.py), and notes are measured at the time
they sound (swung; `--written`: at their written beat's time, as above). Before (main at ed878e4): 63 splits changed,
55 before the shot and 32 after (--written the same); by style (before/after) folk 7/3, lofi 11/9, jazz 4/4, rock
7/4, ambient 16/6, reggae 10/6. After: 12 splits (10 before, 5 after; --written the same): slower 3/1, faster
1/2, calmer 3/1, louder 3/1; folk, rock, ambient, reggae 0/0, lofi 6/1, jazz 4/4. Every one left is a seam on a
swung offbeat, left a section of its own (see splits.py).

seams14: at a seam on a swung offbeat a piece keeps its grid too (splits.joins: a bridge in the piece's clock before
the seam, or the section of its own before it ending at the seam's written time). Before (main at 26be3b3): the 12
above (folk12, bikes: lofi 'slower/calmer/louder in shot 2'; jazz 'faster in shot 3' on folk12 and bikes, the other
three on bikes; odd16 lofi 'faster in shot 3'). After: 0 of 85 (--written 10 before, 0 after: a note written on the
cut's swung offbeat reads before the cut there, as the old plan's did).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edit_clips import bikes, long_clip, make_analysis  # noqa: E402

from v2m.agent.dialogue.session import Session  # noqa: E402
from v2m.tools.music.compose import compose  # noqa: E402
from v2m.tools.music.splits import origins  # noqa: E402
from v2m.tools.music.tempo_map import swing_beat  # noqa: E402

STYLES = ("folk", "lofi", "jazz", "rock", "ambient", "reggae")
EDITS = (("slower in shot 2", 2), ("faster in shot 3", 3), ("make shot 2 calmer", 2), ("louder in shot 2", 2))
EDGE_S = 0.02  # a note this close to the addressed shot's edge belongs to neither side


def clips():
    return {"folk12": make_analysis(12.0, 25.0, [50, 100, 225], source="synthetic.mp4"), "bikes": bikes(),
            "chat30": make_analysis(30.0, 25.0, [150, 325, 525], source="synthetic.mp4"),
            "long20": long_clip(20.0, 4.0), "odd16": make_analysis(16.0, 25.0, [70, 160, 310], source="odd.mp4")}


def notes(plan, swung: bool = True) -> list[tuple[float, int, str, int]]:
    """(seconds, pitch, role, velocity) per note, at the time it sounds (swung, as the MIDI file and the stems play
    it); `swung=False`: at its written beat's time, as split12 measured (a note written on a swung offbeat then
    reads before a cut it sounds on)."""
    arr = compose(plan)
    tm, org = arr.tempo_map, origins(arr.tempo_map)

    def at(n) -> float:
        o = org.get(n.section, 0.0)
        return tm.beat_to_s(swing_beat(n.start - o, arr.swing, arr.swing_unit) + o if swung else n.start)
    return sorted((round(at(n), 3), n.pitch, p.role, n.vel) for p in arr.parts for n in p.notes)


def case(analysis, style: str, edit: str, shot: int, workdir: Path, swung: bool = True) -> dict | None:
    """None where the edit did not split a section; else which untouched sides changed."""
    s = Session.open(analysis.source, style, workdir=workdir, analysis=analysis, render=False)
    old = s.plan
    s.say(edit)
    a, b = analysis.shots[shot - 1].start_s, analysis.shots[shot - 1].end_s
    old_starts = {round(x.start_s, 2) for x in old.sections}
    new_starts = {round(x.start_s, 2) for x in s.plan.sections}
    if not new_starts - old_starts:
        return None
    before, after = notes(old, swung), notes(s.plan, swung)
    side = lambda ns, lo, hi: [n for n in ns if lo <= n[0] < hi]  # noqa: E731
    return {"before": side(before, 0.0, a - EDGE_S) != side(after, 0.0, a - EDGE_S),
            "after": side(before, b + EDGE_S, 1e9) != side(after, b + EDGE_S, 1e9)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--written", action="store_true", help="notes at their written (unswung) times, as split12 measured")
    args = ap.parse_args()
    totals = {e: [0, 0, 0] for e, _ in EDITS}
    per_style = {st: [0, 0, 0] for st in STYLES}
    with tempfile.TemporaryDirectory() as tmp:
        k = 0
        for name, analysis in clips().items():
            for style in STYLES:
                for edit, shot in EDITS:
                    k += 1
                    got = case(analysis, style, edit, shot, Path(tmp) / str(k), not args.written)
                    if got is None:
                        continue
                    for t in (totals[edit], per_style[style]):
                        t[0] += 1
                        t[1] += got["before"]
                        t[2] += got["after"]
                    if args.v and (got["before"] or got["after"]):
                        print(f"  {name} {style} {edit!r}: " + ", ".join(x for x in ("before", "after") if got[x]))
    print(f"{'edit':24s} splits  before-changed  after-changed")
    for edit, (n, bef, aft) in totals.items():
        print(f"{edit:24s} {n:6d}  {bef:14d}  {aft:13d}")
    for style, (n, bef, aft) in per_style.items():
        print(f"{style:24s} {n:6d}  {bef:14d}  {aft:13d}")
    n, bef, aft = (sum(t[i] for t in totals.values()) for i in range(3))
    print(f"{'all':24s} {n:6d}  {bef:14d}  {aft:13d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
