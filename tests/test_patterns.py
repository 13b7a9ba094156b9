"""The readers' patterns compiled on first use (`v2m.agent.dialogue.patterns`: `Lazy`, `LazyPattern`) are compiled by
the thread a session starts as it opens, never by a turn: the first turn that read a part paid ~1.8 s for the
part-name alternations (tests/bench/bench_turn.py's worst turn, 2.2-3.1 s against a 0.5 s median)."""

from __future__ import annotations

import re
import threading

from edit_clips import bikes

from v2m.agent.dialogue import patterns
from v2m.agent.dialogue.patterns import MADE, Lazy, LazyPattern, compiled
from v2m.agent.dialogue.session import Session


def _sources() -> set[str]:
    """The pattern sources of every Lazy table and LazyPattern."""
    rows = [r if isinstance(r, str) else r[0] for m in MADE if isinstance(m, Lazy) for r in m._rows]
    return {x for x in rows if isinstance(x, str)} | {m._pattern for m in MADE if isinstance(m, LazyPattern)}


def _uncompiled() -> None:
    """Every Lazy table and LazyPattern back to not compiled, and no thread started yet: a fresh process."""
    for made in MADE:
        if isinstance(made, Lazy):
            made.__dict__.pop("_compiled", None)
    compiled.cache_clear()
    patterns.warming.cache_clear()


def test_a_first_turn_that_reads_parts_compiles_none_of_the_lazy_patterns(tmp_path, monkeypatch):
    sources = _sources()
    _uncompiled()
    s = Session.open("bikes.mp4", "score this in jazz", workdir=tmp_path / "store", analysis=bikes(), render=False)
    made_now = []
    compile_ = re._compiler.compile   # what re.compile calls when its cache misses

    def counting(pattern, flags):
        if pattern in sources and threading.current_thread() is threading.main_thread():   # by the turn itself
            made_now.append(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)
    t = s.say("no drums and louder bass, and keep everything except the piano in shot 2")
    monkeypatch.undo()
    assert t.changed, t.reply
    assert len(sources) > 50 and not made_now, f"{len(made_now)} compiled by the turn"
