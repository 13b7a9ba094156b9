"""A stretch said as what lies between two named sections ("between the intro and the ending", "slower between
the intro and the outro"): from the end of the first to the start of the second, never one of the two alone."""

from __future__ import annotations

import re
from collections.abc import Callable

# two section words joined by "and": each a word or two ("the intro", "part b"), read by the section finder; not the
# clip's two ends said as moments ("between the start and the end": all of it; "between the climax and the end")
POINT = r"(?!(?:the )?(?:very )?(?:start|beginning|top|end|finish)\b)"
BETWEEN_RE = re.compile(rf"\bbetween {POINT}((?:the )?[a-z]+(?: [a-z0-9])?) (?:and|&) {POINT}((?:the )?[a-z]+(?: [a-z0-9])?)\b")


def named(text: str, find: Callable) -> tuple | None:
    """(start_s, end_s, label, sections) of what lies between the two sections `text` names, found by `find` (the
    section finder, one side at a time); None when it names no two sections with something between them."""
    m = BETWEEN_RE.search(text)
    a, b = (find(f" {m[1]} "), find(f" {m[2]} ")) if m else (None, None)
    if not (a and b and a.sections and b.sections and a.sections[-1] + 1 < b.sections[0]):
        return None
    return a.end_s, b.start_s, f"between {a.label} and {b.label}", list(range(a.sections[-1] + 1, b.sections[0]))
