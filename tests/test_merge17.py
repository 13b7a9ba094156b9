"""Mends made while merging the seventeenth session's branches."""

import pytest


def test_a_long_paste_is_answered_before_any_reader_runs(monkeypatch):
    # A 10,000-character paste was guarded only after the rewriters had run over it: 6-10 minutes of CPU for one
    # turn (test_intents' bad-input case took 371 s at bab6832). The guard now runs first: no rewriter sees it.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from dialogue_check import clip_analysis
    from v2m.agent.dialogue import references
    from v2m.agent.dialogue.understanding import apply_edit
    from v2m.agent.planners.base import get_planner

    a = clip_analysis({"duration": 10, "cuts": [1.2, 3.0, 5.5, 7.5]})
    plan = get_planner("rules").plan(a, "jazz").plan

    def boom(text):
        raise AssertionError("a reader ran over the paste")

    monkeypatch.setattr(references, "it_named", boom)
    for paste in ("x" * 10_000, "slower please " * 200):
        r = apply_edit(a, plan, paste)
        assert r.question and "characters" in r.question and r.plan == plan
    with pytest.raises(AssertionError):   # a normal request still goes through the readers
        apply_edit(a, plan, "slower please")
