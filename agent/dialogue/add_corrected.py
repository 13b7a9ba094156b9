"""A part being added, put right in the same request ("add a cello, no wait, a flute instead", "add strings in the
intro. actually make it a flute instead"), or in the next turn ("add a flute", then "actually a clarinet instead"): the
add of the second part alone, where the first was to go. A bare
"instead" after it is no swap of a part in the score (`mentions.refer` reads that: "the sax is too much, use a flute
instead")."""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.followups import CORRECTING
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.names import last_request
from v2m.tools.contract import EditIntent, ScorePlan

ADD = r"\b(?:add|adding|bring in|put in|throw in|layer in|tuck in|i want|i'?d like|give (?:me|it|us))"
ARTICLE = r"(?:(?:an?|some|the|one|more) )?"
CORRECTED_ADD_RE = re.compile(
    rf"(?P<head>{ADD} {ARTICLE})(?P<old>{INSTR_ALT})(?:s|es)?\b(?P<rest>[^.,;!?]*?)\s*[.,;!?-]*\s*"
    rf"(?:(?:{CORRECTING}|i mean|i meant|scratch that|make (?:it|that)|rather|let'?s (?:do|have))\b\W*)+"
    rf"{ARTICLE}(?P<new>{INSTR_ALT})(?:s|es)? instead\b(?! of)", re.I)
ADDED_RE = re.compile(rf"{ADD} {ARTICLE}(?P<old>{INSTR_ALT})(?:s|es)?\b", re.I)
ALONE_RE = re.compile(rf"^\W*(?:(?:{CORRECTING}|i mean|i meant|make (?:it|that))\b\W*)+{ARTICLE}(?P<new>{INSTR_ALT})(?:s|es)?"
                      r" instead\W*$", re.I)


def replaced(request: str) -> str:
    """The request with an add put right read as the add of the part it was put right to."""
    return CORRECTED_ADD_RE.sub(lambda m: f"{m['head']}{m['new']}{m['rest']}", request)


def redone(request: str, history: list[ScorePlan] | None,
           read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """The last edit, an add, taken back and made again with the part this turn puts right ("actually a clarinet
    instead"), read against the version before it; None when this turn is no such correction or the last no add."""
    if not history or len(history) < 2 or not (m := ALONE_RE.match(request.strip())):
        return None
    last = last_request(history)
    if not (a := ADDED_RE.search(last)):
        return None
    again = f"{last[:a.start('old')]}{m['new']}{last[a.end():]}"
    return [EditIntent(what="revert", version=-1, text=request[:400]), *read(history[-2], again, history[:-1])]
