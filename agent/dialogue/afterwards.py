"""A return said after a placed change: "faster in shot 3 and then back to how it was", "from 0:15 to 0:30 more
energy, and then when the pan goes on it should calm down again like it was". The change has its place; what comes
after it stays as it is, so the return is no edit of its own (read alone it undid the last edit, or calmed the very
place just livened).

    from v2m.agent.dialogue.afterwards import without_return
    without_return("faster in shot 3 and then back to how it was")   # "faster in shot 3"

A return that names its own place ("then back to how it was in the last shot") is an edit there, and kept.
"""

from __future__ import annotations

import re

# Where a change is said to happen: a counted place, a clock time, a stretch of seconds, a named stretch
PLACE = (r"\b(?:shots?|cuts?|scenes?|slides?|pictures?|photos?|clips?|seconds?|secs?|intro|outro|middle|ending|end|start|"
         r"beginning|section|part|bit|half)\b|\d:\d\d")
PLACE_RE = re.compile(PLACE, re.I)
# "..., then back to normal", "and then when the pan goes on it should calm down again like it was", "after that
# as before": to the end of its sentence
RETURN_RE = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+)?(?:then|after(?:wards| that)?|once (?:it'?s|that'?s) (?:over|done))\b"
                       r"(?P<tail>(?:(?!\bthen\b)[^.;!?])*?\b(?:back to (?:normal|how it was|what it was|the way it was|as it was|before)|"
                       r"(?:like|as|how) (?:it was|before))(?: again| after(?:wards)?)?)\s*(?=$|[.;!?])", re.I)


def without_return(request: str) -> str:
    """`request` without a return to how it was said after a change with its own place; else as it is."""
    m = RETURN_RE.search(request)
    if m is None or PLACE_RE.search(m.group("tail")) or not PLACE_RE.search(request[:m.start()]):
        return request
    return request[:m.start()] + request[m.end():]
