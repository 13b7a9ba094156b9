"""A generated honesty probe: many made-up turns (templates x parts x places x styles x clips, chains of two
or three turns so the standing, undo and version replies appear, and openings), each said to a chat Session
and judged by tests/dialogue_honesty.py from the two plans alone. The templates come from the kinds of reply
the fourteenth session added (unread clauses, feeling questions, standing prohibitions, keyed feelings, an
instrument's every part, unplayed parts, hedged prohibitions, shape starts, world sounds, a changed ending
reverted, marks, fade-ins, cultures, an asked section tempo, moments told and noted), not from any dialogue set or bank.

    python tests/bench/bench_honesty.py [-v] [--family NAME] [--limit N]

Prints the totals per family and each dishonest reply with the kinds in which its plans differ.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PARTS = ["drums", "bass", "piano", "strings"]
PLACES = ["", " in the second shot", " at the end", " from 0:02 to 0:05", " in the first half"]
STYLES = ["jazz", "lofi hip hop", "tense thriller music", "cinematic orchestral", "upbeat rock"]

# family -> chains of sentences ({p} a part, {w} a place); the last turn of each chain is judged, and so is every
# earlier one
FAMILIES = {
    "unread": [["make the {p} more zorky{w}"], ["more energy{w} and make it wobblegrumpf"],
               ["add a flurble{w}"], ["slower{w}, and give it that zingy blorp"]],
    "feeling": [["make it feel more like home{w}"], ["can it feel a bit more nostalgic{w}?"],
                ["it should feel hopeful{w}"], ["make it feel less lonely{w}"]],
    "standing": [["no {p}", "more energy{w}"], ["no {p} please", "make it jazzier"],
                 ["take the {p} out", "faster{w}"], ["no {p}", "brighter{w}"]],
    "keyed": [["put it in C major", "brighter{w}"], ["in A minor", "make it darker{w}"],
              ["make it brighter{w}", "even brighter"], ["put it in C major", "happier{w}"]],
    "doubled": [["every {p} part quieter{w}"], ["all of the {p}, louder{w}"],
                ["drop every {p} part{w}"], ["the {p} everywhere, a bit softer"]],
    "unplayed": [["the sax is too loud{w}"], ["the trumpet is annoying{w}"],
                 ["no {p}", "the {p} is too loud{w}"], ["the harp is too quiet{w}"]],
    "hedged": [["add {p}{w}"], ["maybe no {p}{w}, not sure"], ["I guess don't add {p}"],
               ["no {p}", "could you add some {p}{w}?"]],
    "shape": [["start quiet and build{w}"], ["start with just {p}"], ["start soft then get big"],
              ["open with only the {p}, then everything"]],
    "world": [["add rain sounds{w}"], ["add some birdsong{w}"], ["a car horn at 0:03"],
              ["city noise{w}"]],
    "versions": [["calmer at the end", "put the ending back"], ["faster{w}", "undo"],
                 ["change the ending to be bigger", "put the ending back like it was"],
                 ["no {p}{w}", "undo", "redo"]],
    "marks": [["a sting on each cut"], ["hard out at the end"], ["a button at the end"],
              ["a stab on the first and third cuts"], ["a hit at 0:04{w}"]],
    "fade": [["fade in the music"], ["fade in over the first 3 seconds"], ["fade the {p} in{w}"],
             ["fade out at the end"]],
    "culture": [["make it sound Japanese{w}"], ["something Irish"], ["more Latin{w}"],
                ["give it an Indian feel{w}"]],
    "told": [["the key moment is at 0:05"], ["the route changes at 0:07"], ["the car is locked at 0:04"],
             ["the plane takes off at 0:03"], ["the bells ring at 0:04", "a hit when the bells ring"]],
    "tempo": [["the second shot at 140 bpm"], ["make the end 90 bpm"], ["120 bpm{w}"],
              ["slower{w}, around 80 bpm"]],

}


def clips():
    from edit_clips import bikes, long_clip, make_analysis

    return {"synthetic30": make_analysis(30.0, 25.0, [150, 325, 525], source="synthetic.mp4"),
            "bikes": bikes(), "long60": long_clip(),
            "nocuts12": make_analysis(12.0, 25.0, [], source="nocuts.mp4")}


def probes(limit: int | None = None):
    """(family, clip, style, chain) for every template, each filled with parts and places in turn."""
    out = []
    names = list(clips())
    n = itertools.count()
    for family, chains in FAMILIES.items():
        if family == "opening":
            continue
        for chain in chains:
            fills = [(p, w) for p in PARTS for w in PLACES]
            if not any("{p}" in s for s in chain):
                fills = [(PARTS[0], w) for w in PLACES]
            if not any("{w}" in s for s in chain):
                fills = fills[:1] if not any("{p}" in s for s in chain) else [(p, "") for p in PARTS]
            for p, w in fills:
                k = next(n)
                out.append((family, names[k % len(names)], STYLES[k % len(STYLES)],
                            [s.format(p=p, w=w) for s in chain]))
    return out[:limit] if limit else out


def run(probe, tmp: Path, analyses) -> list[tuple[str, str, str]]:
    """Each turn of a probe said to a fresh Session: (said, reply, dishonesty) per turn."""
    from dialogue_honesty import honesty, plan_differences  # noqa: F401
    from v2m.agent.dialogue.session import Session

    family, clip, style, chain = probe
    a = analyses[clip]
    s = Session.open(a.source, style, workdir=tmp, analysis=a, render=False)
    out = []
    for said in chain:
        old = s.plan
        t = s.say(said)
        out.append((said, t.reply, honesty(t, old, s.plan), plan_differences(old, s.plan)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--family")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    analyses = clips()
    totals = defaultdict(lambda: [0, 0])
    bad = []
    todo = [p for p in probes() if not args.family or p[0] == args.family]
    todo = todo[:args.limit] if args.limit else todo
    with tempfile.TemporaryDirectory() as tmp:
        for i, probe in enumerate(todo):
            try:
                turns = run(probe, Path(tmp) / str(i), analyses)
            except Exception as e:   # a crash is reported, not counted honest
                turns = [(" / ".join(probe[3]), f"{type(e).__name__}: {e}", "crashed", set())]
            for said, reply, wrong, diff in turns:
                totals[probe[0]][1] += 1
                if wrong:
                    bad.append((probe, said, reply, wrong, diff))
                else:
                    totals[probe[0]][0] += 1
    for probe, said, reply, wrong, diff in bad:
        print(f"[{probe[0]}] {probe[1]}/{probe[2]} chain={probe[3]}\n  said: {said}\n  reply: {reply.splitlines()[0]}"
              f"\n  {wrong}; plans differ in {sorted(diff)}")
    for family, (ok, n) in totals.items():
        print(f"{family:10s} {ok}/{n} honest")
    ok, n = (sum(v[i] for v in totals.values()) for i in (0, 1))
    print(f"total      {ok}/{n} honest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
