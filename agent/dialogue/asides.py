"""A piece of a request that talks beside the edit rather than asking for one: a statement with a subject of its own
("he's talking there", "my mom loves piano", "the kids will dance", "you know what I mean"), a moment or condition told
with a subordinating word ("when the fireworks start", "if possible"), a question about the request ("is that
possible?"), or how much of the edit before ("not too much"). An order is said to the music, with no subject ("do the
zoop thing at the end", "a glimmerwave flavour"), or wished of it ("I want it zoopier"); these are none.

    from v2m.agent.dialogue.asides import aside
    aside("she cries there")          # True
    aside("do the zoop thing")        # False

`unread` skips an aside: it asks nothing of the music, so it is not named as a request left undone.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import HEDGES

SUBJECT = (r"(?:i|you|he|she|we|they|it|that|this|there|everyone|everybody|someone|people|"
           r"(?:my|our|his|her|their|your|the) (?!music|song|track|score|tune|beat)[a-z]+(?: [a-z]+)?)")
# a finite verb after it: a contraction, an auxiliary, a verb with -s/-ed, or a verb of saying, knowing, liking
FINITE = (r"(?:'s|'re|'ll|'m|'ve|'d| (?:is|are|was|were|will|would|can|could|should|might|may|must|has|have|had|does|do|did|"
          r"gets?|got|knows?|mean|think|love|like|hate|want|need|[a-z]+(?<!ss)s|[a-z]+ed)\b)")
# a wish said of the music ("I want it zoopier", "it needs more zoop"), not of people ("we want people to dance")
WISHED = (r"(?:i|we|it|this|that)(?:'d| would)? (?:want|wants|need|needs|like|should|must|has to|have to) "
          r"(?!(?:people|everyone|everybody|them|him|her|us|the [a-z]+) to\b)")
ASIDE_RE = re.compile(rf"^(?:and |but |so |oh |well |also )*(?:"
                      rf"(?!{WISHED}){SUBJECT}{FINITE}"
                      rf"|(?:when|whenever|while|where|once|as soon as|if|unless|since|because|cause|though|although)\b"
                      rf"|(?:is|would|will|can|could) (?:that|this|it) (?:be )?(?:possible|ok|okay|alright|doable|fine|feasible)\b"
                      rf"|(?:not|nothing) (?:too|that|so|crazy|drastic|extreme|over the top)\b(?: [a-z]+)?\s*$"
                      rf"|(?:just |only )?(?:{HEDGES})\s*$)", re.I)


def aside(piece: str) -> bool:
    """Whether `piece` (one clause of a request, as `unread` cuts it) talks beside the edit rather than asking one."""
    return bool(ASIDE_RE.search(piece.strip()))
