"""A moment said beside the place where it happens ("soften the music for the last 10 seconds when they kiss", "could
the tempo relax during the vows, from 0:24 to 0:40?"): the place is the one said, the moment only tells what is on
screen there. The picture cannot be searched for a kiss or for vows, so a moment read on its own was asked about
("I can't recognise 'vows' ...") or left the whole clause to a guess, though the person had said where.

    told("soften the music for the last 10 seconds when they kiss")   # "soften the music for the last 10 seconds"
    told("slower during the vows, from 0:24 to 0:40")                  # "slower from 0:24 to 0:40"

A moment that names the music ("when the drums come in", "during the chorus") is a place the readers find in the
score, and is left as said; so is a moment with no place beside it.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.patterns import LazyPattern

# what is on screen: "when they kiss", "during the vows", "while the car pulls away" (at most five words)
MOMENT = r"(?:when|while|during) (?:[a-z']+ ){0,4}?[a-z']+"
# a place said with a number: "from 0:24 to 0:40", "at 0:30", "for the last 10 seconds", "in shots 3 to 5"
PLACE = (r"(?:(?:right |just )?(?:from|at|between|in|around|about|for|over|until|till|by|across|after|before|throughout) )"
         r"(?:the )?(?:(?:first|last|final|opening|closing|next) )?(?:[a-z]+ ){0,2}?"
         r"(?:\d{1,2}:\d{2}|\d+(?:\.\d+)? ?(?:s|sec|secs|seconds?)\b|(?:shots?|cuts?) \d+)"
         r"(?:(?: ?(?:-|–|to|through|thru|and) ?)(?:the )?(?:\d{1,2}:\d{2}|\d+(?:\.\d+)? ?(?:s|sec|secs|seconds?)?\b|(?:shots?|cuts?) \d+))?"
         r"|\d{1,2}:\d{2} ?(?:-|–|to|through|thru) ?\d{1,2}:\d{2}")   # a bare stretch in clock times: "0:28 to 0:36"
# the music named: a place the readers find in the score, not a moment to drop
MUSIC_RE = LazyPattern(r"\b(?:music|song|track|score|beat|drums?|bass|chorus|verse|bridge|melody|drop|build|solo|piano|"
                       r"guitars?|strings|brass|horns?|sax|it|everything|band)\b", re.I)
SIDE_RE = LazyPattern(r"\b(?:from|to|until|till|after|before|since|starting|start)\s*$", re.I)
END = r"(?=\s*(?:$|[,;.!?]|\b(?:and|but|then|please|pls|thanks?)\b))"
BEFORE_RE = LazyPattern(rf"\b(?P<m>{MOMENT})\s*,\s*(?P<p>{PLACE}){END}", re.I)   # "during the vows, from 0:24 to 0:40"
# ... and a moment said by what appears, after an end of the video said in words ("at the very start, before the title
# appears"): the place said
SEEN = (r"(?:before|after|until|till|as|once) (?:the|a|an|our|my) (?:[a-z']+ ){0,3}?(?:appears?|shows? up|comes? (?:in|up|on)|"
        r"pops? up|fades? (?:in|out))")
SIDE = r"(?:right |just )?(?:at|in|during) the (?:very )?(?:start|beginning|opening|end|ending)"
AFTER_RE = LazyPattern(rf"(?P<p>{PLACE}|{SIDE}),?\s+(?P<m>{MOMENT}|{SEEN}){END}", re.I)     # "for the last 10 seconds when they kiss"


def told(request: str) -> str:
    """`request` without a moment said beside its place (the place kept); unchanged when there is none."""
    def drop(m: re.Match) -> str:   # not a side of a stretch ("from when he jumps, around 0:22, to the end")
        return m.group(0) if MUSIC_RE.search(m["m"]) or SIDE_RE.search(m.string[:m.start()]) else m["p"]
    return AFTER_RE.sub(drop, BEFORE_RE.sub(drop, request))
