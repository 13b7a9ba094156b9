"""The readers' patterns compiled on first use (`v2m.agent.dialogue.patterns`: `Lazy`, `LazyPattern`) are compiled by
the thread a session starts as it opens (`v2m.agent.dialogue.rehearsal.warming`), never by a turn: the first turn that
read a part paid ~1.8 s for the part-name alternations (tests/bench/bench_turn.py's worst turn, 2.2-3.1 s against a
0.5 s median). The same thread then rehearses a few requests, so the patterns the readers build inside their
functions are in re's cache before the first turn too."""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

from edit_clips import bikes

from v2m.agent.dialogue import rehearsal
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import MADE, Lazy, LazyPattern, compiled
from v2m.agent.dialogue.session import Session


def _sources() -> set[str]:
    """The pattern sources of every Lazy table and LazyPattern."""
    rows = [r if isinstance(r, str) else r[0] for m in MADE if isinstance(m, Lazy) for r in m._rows]
    return {x for x in rows if isinstance(x, str)} | {m._pattern for m in MADE if isinstance(m, LazyPattern)}


def _uncompiled() -> None:
    """Every Lazy table and LazyPattern back to not compiled, re's cache empty, and no thread started yet: a fresh
    process (as far as these go)."""
    if rehearsal.warming.cache_info().currsize:
        rehearsal.warming().join()
    for made in MADE:
        if isinstance(made, Lazy):
            made.__dict__.pop("_compiled", None)
    compiled.cache_clear()
    re.purge()
    rehearsal.warming.cache_clear()


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


def _dialogue_caller() -> str | None:
    """The dialogue module and line (not patterns.py) whose call made `re` compile, or None."""
    frame = sys._getframe(2)
    while frame and Path(frame.f_code.co_filename).parent.name == "re":
        frame = frame.f_back
    path = Path(frame.f_code.co_filename) if frame else None
    return f"{path.name}:{frame.f_lineno}" if path and path.parent.name == "dialogue" and path.name != "patterns.py" else None


def test_a_first_turn_compiles_few_of_the_patterns_readers_build_inside_their_functions(tmp_path, monkeypatch):
    # The readers build many patterns inside their functions from module constants (`re.search(rf"...{INSTR}...", t)`),
    # which re compiles on their first call: this turn compiled 163 of them at e1f17476 (0.7 s of bench_turn's first
    # edit), after warming. Now warming also reads `rehearsal.REQUESTS`, none of them this turn's words, and leaves them
    # in re's cache (0 or 1 compiled here); the longest, the part-name alternations, none
    _uncompiled()
    s = Session.open("bikes.mp4", "score this in jazz", workdir=tmp_path / "store", analysis=bikes(), render=False)
    rehearsal.warming().join()
    made = []
    compile_ = re._compiler.compile

    def counting(pattern, flags):
        if threading.current_thread() is threading.main_thread() and (where := _dialogue_caller()):
            made.append((where, pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)
    t = s.say("no drums and louder bass, and keep everything except the piano in shot 2")
    monkeypatch.undo()
    assert t.changed, t.reply
    assert len(made) <= 40, "\n".join(w for w, _ in made)
    assert not [w for w, p in made if INSTR_ALT in p], "a part-name alternation compiled by the turn"


def test_the_rehearsal_reads_without_writing_or_touching_a_session(tmp_path, monkeypatch):
    s = Session.open("bikes.mp4", "score this in jazz", workdir=tmp_path / "store", analysis=bikes(), render=False)
    rehearsal.warming().join()
    before = sorted(p for p in tmp_path.rglob("*"))
    for name in ("HOME", "V2M_CACHE", "XDG_CACHE_HOME"):   # where a reader could keep something (vocab's embeddings)
        monkeypatch.setenv(name, str(tmp_path / name))
    monkeypatch.chdir(tmp_path)
    rehearsal.rehearse()
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert len(s.history()) == 1 and s.version == 1
