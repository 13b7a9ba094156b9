"""A place praised, then kept by a pronoun: "the first shot is perfect now, don't touch it" keeps the first shot.

    from v2m.agent.dialogue.kept import named_kept
    named_kept("the intro is great, don't change it")   # "the intro is great, don't change the intro"

The praise alone names no place for the edits after it ("the end is fine, slower in the middle": `name_places.FINE_RE`),
so a lock said of "it" next to it would keep the whole score; here "it" is the place praised.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import verdicts

# The words of a place praised as it is (`verdicts.FINE`), for every reader: here, `messages.FINE_RE` (a note's clause
# that only praises) and `name_places.FINE_RE` (praise names no place for the edits after it)
FINE = rf"(?:{verdicts.FINE})"
# said of a place to praise it as it is ("is fine", "sounds really great"): here and `name_places.FINE_RE`
IS_FINE = rf"(?:is|are|'s|was|looks|sounds|feels) (?:really |totally |perfectly |all |just |absolutely )?{FINE}"
PRAISED = (r"^(?P<lead>\W*(?:(?:oh|and|also|btw|ok|okay|so)\W+)*)(?P<place>(?:the|that|this|our|my) (?=[\w' -]{0,30}?\b(?:shots?|"
           r"intro|opening|ending|end|outro|start|beginning|middle|section|part|bit|scene|moment)\b)[\w' -]{1,40}?)"
           rf" {IS_FINE}(?: as (?:it|they) (?:is|are)| now| already)?")
KEPT_IT_RE = re.compile(
    PRAISED + r"(?P<mid>\s*[,;.!-]+\s*(?:(?:so|and|please|just|pls)\s+)*(?:(?:don'?t|do not|never) (?:touch|change)|keep|leave|lock))"
    r" (?:it|that|them)\b(?! (?:up|coming|going|rolling)\b)", re.I)
# "the last shot is great now, keep it up!": praise of the place and a cheer, no lock and no "up"
CHEERED_RE = re.compile(rf"(?P<praised>{PRAISED})\s*[,;.!-]+\s*(?:(?:so|and|please|just|pls)\s+)*keep (?:it|that|them) "
                        r"(?:up|coming|going|rolling)\b(?: the good work)?\W*$", re.I)


def named_kept(request: str) -> str:
    """`request` with the pronoun of a keep said after praise of a place replaced by that place."""
    request = CHEERED_RE.sub(lambda m: m.group("praised"), request)
    return KEPT_IT_RE.sub(lambda m: f"{m.group('lead')}{m.group('place')} is fine{m.group('mid')} {m.group('place')}", request)
