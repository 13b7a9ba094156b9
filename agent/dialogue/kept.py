"""A place praised, then kept by a pronoun: "the first shot is perfect now, don't touch it" keeps the first shot.

    from v2m.agent.dialogue.kept import named_kept
    named_kept("the intro is great, don't change it")   # "the intro is great, don't change the intro"

The praise alone names no place for the edits after it ("the end is fine, slower in the middle": `names.FINE_RE`),
so a lock said of "it" next to it would keep the whole score; here "it" is the place praised.
"""

from __future__ import annotations

import re

KEPT_IT_RE = re.compile(
    r"^(?P<lead>\W*(?:(?:oh|and|also|btw|ok|okay|so)\W+)*)(?P<place>(?:the|that|this|our|my) (?=[\w' -]{0,30}?\b(?:shots?|intro|opening|ending|end|outro|start|beginning|middle|"
    r"section|part|bit|scene|moment)\b)[\w' -]{1,40}?)"
    r" (?:is|are|'s|looks|sounds|feels) (?:really |totally |just |absolutely )?(?:fine|ok|okay|good|great|perfect|lovely|"
    r"spot on|gorgeous|beautiful)(?: as (?:it|they) (?:is|are)| now| already)?"
    r"(?P<mid>\s*[,;.!-]+\s*(?:(?:so|and|please|just|pls)\s+)*(?:(?:don'?t|do not|never) (?:touch|change)|keep|leave|lock))"
    r" (?:it|that|them)\b", re.I)


def named_kept(request: str) -> str:
    """`request` with the pronoun of a keep said after praise of a place replaced by that place."""
    return KEPT_IT_RE.sub(lambda m: f"{m.group('lead')}{m.group('place')} is fine{m.group('mid')} {m.group('place')}", request)
