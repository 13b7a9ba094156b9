"""Patterns built from what is only known during a turn (a section's name, a style keyword, the parts a message
names), compiled once each and kept here rather than in `re`'s own cache: that cache holds 512 patterns, and a
turn that passed more through it (a pattern per keyword per clause) compiled every one again, seconds a turn.

    compiled(rf"\\b{re.escape(name)}\\b").search(text)   # as re.search(rf"\\b{re.escape(name)}\\b", text)

A pattern fixed when the module is written is a module-level `re.compile(...)`, whose methods are called; only
one built from data comes here (tests/test_review7.py checks both).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=2048)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` compiled with `flags`, once per process."""
    return re.compile(pattern, flags)
