"""One reading of a request per turn. A request that looks like a moment told ("the second shot drags", "everybody
stops dead at 0:24") is first read to learn whether the grammar finds an edit in it (`understanding._grammar_edits`),
then read again by `understand` to act on it: the same words, plan and history, read twice. The first reading is kept
here and the second takes it, once; any other reading is done afresh.

    kept(analysis, plan, history, text, lambda: heard(...))    # read, and kept for the next `taken` of the same
    taken(analysis, plan, history, text, lambda: heard(...))   # the kept reading if it is the same, else read now

The same reading: the analysis, plan and history objects themselves (the turn's own, by identity), the history's
length (a list that grew is another history) and the request's text. Kept per thread (tests/test_threads.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from v2m.agent.dialogue.where import Ask

_kept = threading.local()


def _key(analysis, plan, history, request: str) -> tuple:
    return analysis, plan, history, len(history or ()), request


def _same(a: tuple, b: tuple) -> bool:
    return all(x is y for x, y in zip(a[:3], b[:3])) and a[3:] == b[3:]


def kept(analysis, plan, history, request: str, read: Callable[[], list]) -> list:
    """`read()`, its intents (or the Ask it raised, raised again) kept for one `taken` of the same reading; the one
    kept already when it is the same (`edit` and then `understand` each ask first whether a moment told is an edit)."""
    key, last = _key(analysis, plan, history, request), getattr(_kept, "last", None)
    if last is None or not _same(last[0], key):
        _kept.last = None
        try:
            last = key, read()
        except Ask as q:
            last = key, q
        _kept.last = last
    return _given(last[1])


def taken(analysis, plan, history, request: str, read: Callable[[], list]) -> list:
    """The reading `kept` for these words, plan and history, once (it is dropped as it is taken); else `read()`."""
    last, _kept.last = getattr(_kept, "last", None), None
    if last is None or not _same(last[0], _key(analysis, plan, history, request)):
        return read()
    return _given(last[1])


def _given(reading):
    if isinstance(reading, Ask):
        raise reading
    return reading
