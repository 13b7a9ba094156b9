"""A place said first and then meant by "it" in the edit that grows into it: "Before the last shot comes, please make
a crescendo that leads into it", "when the chorus hits, build up to it". The edit is into that place ("a crescendo
that leads into the last shot"); read as said, "before the last shot" was the whole stretch from the start to it.

    from v2m.agent.dialogue.into_it import named
    named("before the last shot, swell into it")   # "swell into the last shot"

Read by `v2m.agent.dialogue.understanding` before a request is cut into clauses.
"""

from __future__ import annotations

import re

PLACE = (r"the (?:last|final|first|next|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:shot|cut|scene|photo|section)|"
         r"the (?:end|ending|drop|chorus|finale|climax|title(?: card)?|logo|reveal)|shot \d+")
LEAD_RE = re.compile(rf"^(?P<pre>\W*)(?:(?:right|just|so) )?(?:before|leading up to|as we get to|when we get to|going into|ahead of) "
                     rf"(?P<place>{PLACE})(?: (?:comes|starts|begins|hits|arrives|kicks in|comes in|comes up))?\s*[,:;-]\s*"
                     r"(?P<rest>[^.;!?]*?\b(?:into|up to|towards?|to)) (?:it|that|there)\b", re.I)


def named(request: str) -> str:
    """`request` with "it" of an edit into a place named first said as that place; as it was otherwise."""
    m = LEAD_RE.match(request)
    return f"{m['pre']}{m['rest']} {m['place']}{request[m.end():]}" if m else request
