"""The music does what the plan says, heard in the composed MIDI read back (tests/dialogue_check.py measures it):

- a fade thins and softens toward its end (note weight per second, last third under the first);
- a rise from a level already high is heard rising (last third over the first);
- a mode asked for a span sounds in that span only: its tune and chords sing the asked mode's own degrees (A major's
  C#, F#, G# against A minor's C, F, G) and none of the score's, and every note outside it is the same as before;
  "up top" with a stretch in numbers said in the same message is that stretch.

Each is the user's words from set o (tune half) and other wordings of the same meaning, on other clips and styles,
run through a real Session with the same checks the dialogue benchmark makes."""

from __future__ import annotations

import pytest
from dialogue_check import Midi, changed_outside, clip_analysis, run_dialogue

from v2m.agent.dialogue.session import Session
from v2m.tools.music.theory import scale_pcs

TRAVEL = {"duration": 100, "cuts": [0.04, 9, 18, 26, 35, 44, 44.04, 55, 66, 78, 89]}
NEWS = {"duration": 90, "every": 7.5}


def _dialogue(did, clip, request, turns):
    return {"id": did, "clip": clip, "request": request, "turns": [{"say": s, "expect": e} for s, e in turns]}


def _fade(span):
    return [{"shape": {"in": span, "rises": False}}, {"unchanged": {"outside": span}}]


def _rise(span):
    return [{"shape": {"in": span, "rises": True}}, {"unchanged": {"outside": span}}]


GHIBLI = ("can u make it more like ghibli music", [{"style_any": ["classical", "cinematic", "folk", "orchestral"]}])
ACCENT = ("at the 0:07 mark, right on the cut - hard accent", [{"hit": {"at": 7.48}}])
LOFI_TRIP = "score my japan trip vlog, chill lofi like those study girl streams"
PUNK_DOC = "teaser for a doc about bike messengers, gritty, bit punk"

SHAPES = [
    # o-b-travel-01 turn 4, the user's words
    _dialogue("fade-sunset", TRAVEL, LOFI_TRIP, [GHIBLI, ("make the last shot fade out slow like the sunset 🌅",
                                                         _fade([89, 100]))]),
    # other fades
    _dialogue("fade-die-away", TRAVEL, LOFI_TRIP, [GHIBLI, ("let the last shot die away slowly", _fade([89, 100]))]),
    _dialogue("fade-rock-ending", {"duration": 60, "every": 12}, "upbeat rock for a skate edit",
              [("fade out gently over the last shot", _fade([48, 60]))]),
    _dialogue("fade-jazz-final", {"duration": 40, "cuts": [10, 20, 28]}, "jazz for a cafe opening",
              [("the final shot should fade away to nothing", _fade([28, 40]))]),
    _dialogue("fade-piano-slow", {"duration": 45, "cuts": [15, 30]}, "gentle piano for a wedding slideshow",
              [("slowly fade out the last shot, like the lights going down", _fade([30, 45]))]),
    # o-c-doc-13 turn 2, the user's words: a rise from a level already high
    _dialogue("climb-third-cut", "bikes", PUNK_DOC, [ACCENT, ("from the third cut to the end, keep climbing",
                                                              _rise([5.48, 10]))]),
    # other rises from a high level
    _dialogue("climb-build", "bikes", PUNK_DOC, [("from the second cut to the end, keep building", _rise([3.04, 10]))]),
    _dialogue("climb-rock", {"duration": 60, "every": 10}, "high energy rock for a motocross promo",
              [("keep climbing from 0:30 to the end", _rise([30, 60]))]),
    _dialogue("climb-electronic", {"duration": 40, "cuts": [8, 16, 24, 32]}, "intense electronic for a sports montage",
              [("from the third cut on, build and build till the end", _rise([24, 40]))]),
    _dialogue("climb-fourth-shot", "bikes", PUNK_DOC, [ACCENT, ("keep it building from the 4th shot all the way to the end",
                                                                _rise([5.48, 10]))]),
]


@pytest.mark.parametrize("dialogue", SHAPES, ids=[d["id"] for d in SHAPES])
def test_a_shape_over_time_is_heard(dialogue, tmp_path):
    outcomes = run_dialogue(dialogue, tmp_path / "store")
    bad = [f"turn {o.n} '{o.say}': " + "; ".join(o.failures) for o in outcomes if not o.ok]
    assert not bad, "\n".join(bad)


# (clip, request, turns before, the turn, the span it names, the mode asked for there)
MODES = [
    # o-c-news-02 turn 4, the user's words ("up top" with a span in the same message)
    ("news-lift", NEWS, "flood recovery pkg, 1:30, need a sober bed, nothing melodramatic",
     ["from 0:45 on - darker, slower, lose the drums"], "too mournful up top, it's a RECOVERY story. lift 0-15",
     (0, 15), "major"),
    # other modes asked for a span
    ("middle-major", {"duration": 60, "every": 10}, "sad piano for a memorial video", [],
     "make the middle part major", (20, 40), "major"),
    ("last-shot-minor", {"duration": 40, "cuts": [10, 20, 30]}, "happy folk for a family picnic", [],
     "minor key just for the last shot", (30, 40), "minor"),
    ("span-major", NEWS, "flood recovery pkg, 1:30, need a sober bed, nothing melodramatic", [],
     "put 0:30 to 0:45 in a major key", (30, 45), "major"),
    # "up top" (an editor's start) with the span said in numbers in the same message
    ("gloomy-up-top", NEWS, "flood recovery pkg, 1:30, need a sober bed, nothing melodramatic", [],
     "a bit gloomy up top, it's a happy ending story. brighten the first 15 seconds", (0, 15), "major"),
    ("sombre-up-top", {"duration": 60, "every": 10}, "sad piano for a memorial video", [],
     "too sombre up top - make 0:00 to 0:20 major", (0, 20), "major"),
]


def _degrees(m: Midi, plan, a: float, b: float, mode: str) -> tuple[int, int]:
    """Notes of the tune and the chords starting in [a, b) on the degrees only `mode` has, and on those only the
    plan's mode has (A major against A minor: C#, F#, G# against C, F, G). The bass is left out: its chromatic
    approach to the next root may pass any note, as in every mode."""
    asked, score = set(scale_pcs(plan.key, mode)), set(scale_pcs(plan.key, plan.mode))
    pcs = [n.pitch % 12 for inst in m.pm.instruments if not inst.is_drum and inst.name.split(":")[0] != "bass"
           for n in inst.notes if a - 1e-3 <= n.start < b - 1e-3]
    return sum(p in asked - score for p in pcs), sum(p in score - asked for p in pcs)


@pytest.mark.parametrize("case", MODES, ids=[c[0] for c in MODES])
def test_a_mode_asked_for_a_span_sounds_there_only(case, tmp_path):
    _, clip, request, before, say, (a, b), mode = case
    analysis = clip_analysis(clip)
    s = Session.open(analysis.source, request, workdir=tmp_path / "store", analysis=analysis, render=False)
    for words in before:
        s.say(words)
    old = s.plan
    s.say(say)
    new = s.plan
    assert new.mode == old.mode, f"the whole score's mode changed: {old.mode} -> {new.mode}"
    assert new.mode != mode, "the test asks for the mode the score is not in"
    old_m, new_m = Midi(old, analysis), Midi(new, analysis)
    assert not changed_outside(old, new, old_m, new_m, a, b), "notes outside the span changed"
    wanted, other = _degrees(new_m, new, a, b, mode)
    assert wanted > 0 and other == 0, f"in {a}-{b}: {wanted} notes on {mode}'s own degrees, {other} on {new.mode}'s"


def test_a_section_playing_its_style_s_chords_keeps_the_plan_s_mode():
    """`section_mode` hears another mode only in chords that lie in it and not in the plan's: no style's own
    progression does, so a section given the style's chords is sung in the plan's mode as before."""
    from v2m.tools.contract import ScorePlan, Section
    from v2m.tools.music.progression import section_mode
    from v2m.tools.style import load_style, style_names

    for name in style_names():
        for mode, progs in load_style(name).progressions.items():
            for chords in progs:
                plan = ScorePlan(duration_s=8, style=name, tempo_bpm=100, key="A", mode=mode,
                                 sections=[Section(name="A", start_s=0, end_s=8, chords=chords)])
                assert section_mode(plan, 0) == mode, (name, mode, chords)
    plan = ScorePlan(duration_s=8, style="lofi", tempo_bpm=80, key="A", mode="minor",
                     sections=[Section(name="A", start_s=0, end_s=8, chords=["Amaj7", "Bm7", "C#m7", "Dmaj7"])])
    assert section_mode(plan, 0) == "major"


def test_up_top_takes_the_stretch_said_at_the_top_but_not_a_part_s_place_in_the_mix():
    from v2m.agent.dialogue.loose_places import narrowed
    from v2m.tools.contract import EditIntent, EditScope

    span = EditScope(kind="span", start_s=0.0, end_s=15.0, label="from 0:00 to 0:15")
    lift = EditIntent(what="energy", direction="up", scope=span, text="lift from 0s to 15s")
    mood = EditIntent(what="mode", direction="set", value="major", text="too mournful up top a recovery story")
    guitar = EditIntent(what="balance", direction="up", value="guitar", text="more guitar up top")
    assert [it.scope for it in narrowed([mood, lift])] == [span, span]
    assert narrowed([guitar, lift])[0].scope.kind == "whole"   # a part up top: its place in the mix
    later = lift.model_copy(update={"scope": span.model_copy(update={"start_s": 30.0, "end_s": 45.0})})
    assert narrowed([mood, later])[0].scope.kind == "whole"    # a stretch that does not start at the top
