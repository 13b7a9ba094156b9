"""The words the readers of a request are written with: every word of 4 letters or more in the strings agent/dialogue's
modules hold (docstrings, patterns, tables, replies). `spelling` corrects a misspelt word only towards these (its
English ones, or any of them for two letters swapped in a long word: a crescendo with its "e" and "s" the other way
round). A word typed wrong in these strings is one of them, and stays as typed.

    said()   # frozenset({"crescendo", "louder", ...})
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import types
from collections.abc import Iterator
from functools import lru_cache

LONG_WORD_RE = re.compile(r"[a-z]{4,}")


@lru_cache(maxsize=1)
def said() -> frozenset[str]:
    """Every word of 4 letters or more in the strings the dialogue package's modules hold (`_strings`)."""
    package = importlib.import_module(__package__)
    modules = [importlib.import_module(f"{__package__}.{m.name}") for m in pkgutil.iter_modules(package.__path__)]
    seen: set[int] = set()
    return frozenset(w for m in modules for k, v in vars(m).items() if k == "__doc__" or not k.startswith("__")
                     for s in _strings(v, seen) for w in LONG_WORD_RE.findall(s))


def _strings(x: object, seen: set[int]) -> Iterator[str]:
    """Every string `x` holds, each object once: a table's keys and values, a pattern's source, and the constants
    (docstring, patterns, replies) of the dialogue package's own functions and classes."""
    if id(x) in seen:
        return
    seen.add(id(x))
    if isinstance(x, str):
        yield x
    elif isinstance(x, re.Pattern):
        yield x.pattern
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from _strings(k, seen)
            yield from _strings(v, seen)
    elif isinstance(x, (tuple, list, set, frozenset)):
        for v in x:
            yield from _strings(v, seen)
    elif isinstance(x, types.CodeType):
        yield from _strings(x.co_consts, seen)
    elif isinstance(x, (property, staticmethod, classmethod)):
        yield from _strings(x.fget if isinstance(x, property) else x.__func__, seen)
    elif getattr(x, "__module__", None) == __package__ or str(getattr(x, "__module__", "")).startswith(f"{__package__}."):
        if isinstance(x, types.FunctionType):
            yield from _strings(x.__code__, seen)
            yield from _strings(x.__defaults__, seen)
        elif hasattr(x, "__wrapped__"):   # a cached function
            yield from _strings(x.__wrapped__, seen)
        elif hasattr(x, "__dict__"):   # a class, or an object of one (a table's entry)
            for v in vars(x).values():
                yield from _strings(v, seen)
