"""The isolation probe (tests/bench/bench_isolation.py) on a few of its cases: an edit said at one place, on a fresh
chat Session or after another edit, leaves every section outside that place note for note as it was, in the
composer's beats and in the written MIDI file; and the probe does see a change that reaches everywhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from dialogue_check import Midi, clip_analysis

from v2m.agent.dialogue.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from bench_isolation import CLIPS, Case, cases, context_words, probe  # noqa: E402


@pytest.fixture(scope="module")
def chat30(tmp_path_factory):
    analysis = clip_analysis(CLIPS["chat30"])
    work = tmp_path_factory.mktemp("probe") / "store"
    plan = Session.open(analysis.source, "score this in jazz", workdir=work, analysis=analysis, render=False).plan
    return analysis, plan, Midi(plan, analysis), work


@pytest.mark.parametrize("kind,scope,context", [
    ("tempo", "shot n", "fresh"),            # a faster shot 2: the later sections' notes keep their times
    ("stop", "between", "after a split"),    # music out mid-shot, after a span was split off elsewhere
    ("shape", "intro", "after a take"),      # a fade in the intro after the last shot was redrawn
    ("hit", "from t on", "after a stop"),
    ("balance", "second half", "after a hit"),
])
def test_an_edit_leaves_the_unaddressed_sections_note_for_note(chat30, kind, scope, context):
    analysis, plan, before, work = chat30
    case = next(c for c in cases("chat30", "jazz", analysis, plan, 0) if c.kind == kind and c.scope == scope)
    case.context, case.before = context, context_words(analysis, context)
    status, leaks = probe(case, analysis, plan, before, work)
    assert status == "applied", case.said
    assert leaks == [], case.said


def test_the_probe_sees_a_change_said_everywhere(chat30):
    """"make it minor" changes every section: against the span of shot 2 the others are all reported."""
    analysis, plan, before, work = chat30
    status, leaks = probe(Case("chat30", "jazz", "mode", "shot n", "make it minor", (6.0, 13.0)), analysis, plan,
                          before, work)
    assert status == "applied"
    assert [k for k in leaks if k[0] != "MIDI"] == [(0.0, 6.0), (13.0, 21.0), (21.0, 30.0)]


def test_a_time_with_a_decimal_is_a_place_of_its_own_after_an_edit_elsewhere(tmp_path):
    """"slower in the last shot", then "a bit faster between 0:06.5 and 0:18.0": the follow-ups split clauses at
    every full stop, the decimal point too, so the span was not heard, and "a bit faster" took half of the last
    edit back in the last shot, which the probe found changing a section the words did not name."""
    analysis = clip_analysis(CLIPS["chat30"])
    s = Session.open(analysis.source, "score this in funk", workdir=tmp_path / "store", analysis=analysis, render=False)
    s.say("slower in the last shot")
    before = s.plan
    s.say("a bit faster between 0:06.5 and 0:18.0")
    assert s.plan.sections[-1] == before.sections[-1]   # the last shot keeps its slower tempo
    assert all(s.plan.sections[s.plan.section_at(t)].tempo_bpm > before.tempo_bpm for t in (9.0, 16.0))
