"""Isolation probe (issue 11): every kind of edit said at every form of scope, on synthetic clips and bikes.mp4,
in every style, each applied on a fresh chat Session (as the first edit, or after one other: CONTEXTS); the plan's
sections outside the edit's scope must keep their notes exactly: in the composer's beats
(`dialogue_check.changed_outside`, the comparison the dialogue benchmark uses) and in the written MIDI file.

    python tests/bench/bench_isolation.py              # a quarter of the grid, rotated over clip, style and context (~10 min)
    python tests/bench/bench_isolation.py --all        # the whole grid
    python tests/bench/bench_isolation.py --styles jazz,rock --clips bikes-like -v   # and every leak

Prints per kind, per scope form and per context: edits applied, edits that changed an unaddressed section (leaks), and
edits left unapplied (a question or nothing changed). The edits are written here from templates, not taken
from any dialogue set. A scope's span is read generously (a moment allows its own section, "after the third
cut" the rest of the clip), so a leak is a section the words cannot have meant.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import MIDI_EPS, Midi, changed_outside, clip_analysis  # noqa: E402
from midi_checks import heard, same_heard  # noqa: E402

ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# kind: (templates said over a span "{s}", templates said at a moment "{m}"); the variant is rotated
KINDS = {
    "tempo": (("a bit faster {s}", "slower {s}"), ()),
    "energy": (("more energy {s}", "calmer {s}"), ()),
    "loudness": (("louder {s}", "quieter {s}"), ()),
    "mode": (("make it minor {s}", "darker, in a minor key {s}"), ()),
    "add": (("add strings {s}", "add a flute {s}"), ()),
    "remove": (("no drums {s}", "drop the melody {s}"), ()),
    "balance": (("bass louder {s}", "melody softer {s}"), ()),
    "hit": ((), ("a big hit {m}", "accent {m}")),
    "stop": (("no music {s}",), ("a dead stop {m}",)),
    "shape": (("build up {s}", "fade out {s}"), ()),
}
# what was said before the probed edit (the plan it edits is then no fresh plan: a split section, a stop, a take)
CONTEXTS = {
    "fresh": None,
    "after a split": "more energy between {c1} and {c2}",
    "after a stop": "a dead stop at {c0}",
    "after a take": "another take of the last shot",
    "after a tempo": "slower in the last shot",
    "after a hit": "a stab at {c2}",
}
# the clips: synthetic (edit_clips and dialogue_check's specs) and the real bikes.mp4
CLIPS = {
    "bikes-like": "bikes-like",
    "chat30": {"duration": 30, "cuts": [6, 13, 21]},
    "uneven23": {"duration": 23, "cuts": [3.2, 7.6, 10.4, 16.0, 18.8]},
    "even60": {"duration": 60, "every": 4},
    "bikes": "bikes",
}


def clock(t: float) -> str:
    return f"{int(t // 60)}:{t % 60:04.1f}"


def _off_cut(t: float, cuts: list[float]) -> float:
    """t rounded to a half second, moved off any cut by half a second (a time said mid-shot)."""
    t = round(t * 2) / 2
    return t + 0.5 if any(abs(t - c) < 0.3 for c in cuts) else t


def scopes(analysis, plan) -> dict[str, tuple[str | None, tuple[float, float] | None, str | None, float | None]]:
    """Scope form -> (words over a span, the span they may touch, words at a moment, the moment)."""
    dur, shots = analysis.duration_s, analysis.shots
    cuts = [s.start_s for s in shots[1:]]
    n = min(2, len(shots))  # shot 2 (1-based)
    shot = shots[n - 1]
    k = len(cuts) // 2  # a middle cut, 0-based
    t = _off_cut(0.45 * dur, cuts)
    t1, t2 = _off_cut(0.2 * dur, cuts), _off_cut(0.6 * dur, cuts)
    first_end = max(plan.sections[0].end_s, shots[0].end_s)
    last_start = min(plan.sections[-1].start_s, shots[-1].start_s)
    return {
        "shot n": (f"in shot {n}", (shot.start_s, shot.end_s), f"at the start of shot {n}", shot.start_s),
        "cut n": (f"after the {ORD[k]} cut", (cuts[k], dur), f"on the {ORD[k]} cut", cuts[k]) if cuts else
        (None, None, None, None),
        "from t on": (f"from {clock(t)} on", (t, dur), f"at {clock(t)}", t),
        "between": (f"between {clock(t1)} and {clock(t2)}", (t1, t2), None, None),
        "first half": ("in the first half", (0.0, dur / 2), None, None),
        "second half": ("in the second half", (dur / 2, dur), None, None),
        "intro": ("in the intro", (0.0, first_end), None, None),
        "ending": ("in the ending", (last_start, dur), None, None),
    }


@dataclass
class Case:
    clip: str
    style: str
    kind: str
    scope: str
    said: str
    span: tuple[float, float]
    context: str = "fresh"
    before: str | None = None  # said first, on the fresh plan


def context_words(analysis, context: str) -> str | None:
    dur, cuts = analysis.duration_s, [s.start_s for s in analysis.shots[1:]]
    said = CONTEXTS[context]
    times = {f"c{k}": clock(_off_cut(f * dur, cuts)) for k, f in enumerate((0.3, 0.7, 0.85))}
    return said.format(**times) if said else None


def cases(clip: str, style: str, analysis, plan, rotation: int) -> list[Case]:
    """The grid for one clip and style, each case after one of CONTEXTS, rotated."""
    out = []
    for scope, (words, span, at, moment) in scopes(analysis, plan).items():
        for kind, (over, on) in KINDS.items():
            if over and words:
                said = over[rotation % len(over)].format(s=words)
                out.append(Case(clip, style, kind, scope, said, span))
            elif on and at:
                said = on[rotation % len(on)].format(m=at)
                out.append(Case(clip, style, kind, scope, said, (moment - 0.05, moment + 0.05)))
    names = list(CONTEXTS)
    for j, c in enumerate(out):
        c.context = names[(j + rotation) // 4 % len(names)]  # the 1-in-4 sample sees every context
        c.before = context_words(analysis, c.context)
    return out


def midi_changed_outside(old: Midi, new: Midi, sections: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Of these (start, end) spans, the ones whose notes in the written MIDI file moved in time or changed
    (the beats can be equal while the tempo under them is not)."""
    return [k for k in sections if not same_heard(heard(old.pm, *k, MIDI_EPS), heard(new.pm, *k, MIDI_EPS), MIDI_EPS)]


def probe(case: Case, analysis, plan, before, workdir: Path) -> tuple[str, list]:
    """("applied" | "unapplied", the unaddressed sections whose notes changed, in beats or in the MIDI file)."""
    from v2m.agent.dialogue.session import Session

    s = Session.open(analysis.source, f"score this in {case.style}", workdir=workdir, analysis=analysis, render=False)
    assert s.plan == plan, "the same request must plan the same"
    if case.before:
        s.say(case.before)
        plan, before = s.plan, Midi(s.plan, analysis)
    s.say(case.said)
    if s.plan == plan:
        return "unapplied", []
    after = Midi(s.plan, analysis)
    bad = changed_outside(plan, s.plan, before, after, *case.span) or []
    a, b = case.span
    outside = [(x.start_s, x.end_s) for x in plan.sections if x.end_s <= a + 0.01 or x.start_s >= b - 0.01]
    return "applied", bad + [("MIDI", k) for k in midi_changed_outside(before, after, outside) if k not in bad]


def run(clips: list[str], styles: list[str], every: int, verbose: bool) -> dict:
    from v2m.agent.dialogue.session import Session

    applied, leaked, unapplied = Counter(), Counter(), Counter()
    leaks = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "store"
        for ci, clip in enumerate(clips):
            analysis = clip_analysis(CLIPS[clip])
            for si, style in enumerate(styles):
                plan = Session.open(analysis.source, f"score this in {style}", workdir=work, analysis=analysis,
                                    render=False).plan
                before = Midi(plan, analysis)
                for j, case in enumerate(cases(clip, style, analysis, plan, ci + si)):
                    if (j + ci + si) % every:
                        continue
                    status, bad = probe(case, analysis, plan, before, work)
                    for key in (("kind", case.kind), ("scope", case.scope), ("context", case.context)):
                        (unapplied if status == "unapplied" else applied)[key] += 1
                        leaked[key] += bool(bad)
                    if bad:
                        leaks.append((case, bad))
    for axis, names in (("kind", list(KINDS)), ("scope", SCOPE_ORDER), ("context", list(CONTEXTS))):
        print(f"per {axis}: changed an unaddressed section / applied (unapplied)")
        for name in names:
            key = (axis, name)
            print(f"  {name:14s} {leaked[key]:4d} / {applied[key]:4d}   ({unapplied[key]})")
    total_applied = sum(v for (a, _), v in applied.items() if a == "kind")
    total_leaked = sum(v for (a, _), v in leaked.items() if a == "kind")
    print(f"total: {total_leaked} of {total_applied} applied edits changed an unaddressed section")
    if verbose:
        for case, bad in leaks:
            print(f"  LEAK {case.clip}/{case.style} {case.kind}/{case.scope} {case.said!r} span {case.span} "
                  f"(after {case.before!r}): {bad}")
    return {"applied": applied, "leaked": leaked, "leaks": leaks}


SCOPE_ORDER = ("shot n", "cut n", "from t on", "between", "first half", "second half", "intro", "ending")


def main(argv: list[str]) -> int:
    from v2m.tools.style import style_names

    def arg(name, default):
        return argv[argv.index(name) + 1].split(",") if name in argv else default
    clips = arg("--clips", list(CLIPS))
    styles = arg("--styles", list(style_names()))
    run(clips, styles, 1 if "--all" in argv else 4, "-v" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
