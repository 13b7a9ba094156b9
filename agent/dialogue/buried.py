"""A part refused its place under another ("don't bury the piano under the drums", "stop burying the sax behind the
drums", "don't put the piano so far behind the drums", "the guitar is staying too much under the fiddle", "the bass
is still lost behind the brushes"): said as the complaint the readers know, "the piano is buried
under the drums" (the one part up, the other down). Before, the words read as the part added where it plays already:
louder, and the whole score given more energy that nobody asked for.

    buried("don't bury the piano under the drums, and slower")   # "the piano is buried under the drums, and slower"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.kept_out import KIT_RE   # the drums by what plays them: "behind the brushes"
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import LazyPattern

PART = rf"(?:the |a |an |my |our |your )?(?P<{{}}>{INSTR_ALT})(?:s|es)?"
STOP = r"(?:don'?t|do not|never|stop|quit|please don'?t)"
BURY = r"(?:bury|burying|drown|drowning|swamp|swamping|smother|smothering|hide|hiding|sink|sinking)"
PUT = r"(?:put|putting|push|pushing|shove|shoving|tuck|tucking|leave|leaving)"
UNDER = r"(?:behind|under|beneath|below|underneath)"
Q = r"(?P<{}>(?:rhythm|lead|solo) )?"
VERB = r"(?:is|are|'s|sits|sit|stays|stay|seems to be|seem to be|sounds|feels)"
FILL = r"(?:(?: (?!(?:not|never|no|and|but|or|to|then)\b)[a-z]+(?<!n't)){0,4}?)"   # "too much", "way", "like totally", "tucked"
BURIED_RE = LazyPattern(rf"\b{STOP} {BURY} {PART.format('a')} (?:{UNDER}|in|with) {PART.format('b')}\b"
                        rf"|\b{STOP} {PUT} {PART.format('p')} (?:so|that|this) (?:far |much |deep )?{UNDER} {PART.format('q')}\b"
                        rf"|\b(?:the |a |my |our )?{Q.format('cq')}{PART.format('c')} {VERB}{FILL} {UNDER}(?: of)? (?:the |a )?{Q.format('dq')}{PART.format('d')}\b"
                        rf"|\b(?:is it (?:just )?me,? or )?(?:why |or )?(?:is|are) (?:the |a |my |our )?{Q.format('eq')}{PART.format('e')}{FILL} {UNDER}(?: of)? (?:the |a )?"
                        rf"{Q.format('fq')}{PART.format('f')}\b"
                        rf"|\b(?:(?:i|we) )?(?:refuse to have|hate having|can'?t have|not having|(?:can'?t|cannot|can not|barely) "
                        rf"(?:feel|hear|make out|pick out)) (?:the |a |my |our )?{Q.format('gq')}{PART.format('g')}{FILL} {UNDER}(?: of)? (?:the |a )?"
                        rf"{Q.format('hq')}{PART.format('h')}\b", re.I)
# what is said beside the complaint about the same two parts ("I cannot hear him", "please make horn more forward, but not
# make the strings louder", "drums stay how they are", "turn up the bass w/o touching the guitar"): the complaint's own
# change, one part up and the other down, says it all (read apart, "not ... louder" made the other part louder)
CLAUSE_RE = LazyPattern(r"[^,.;!?]+[,.;!?]*")
BESIDE_RE = LazyPattern(r"\bnot\b|n't\b|\bw/o\b|\b(?:without|hear|heard|up|front|forward|louder|loud|raise|raised|crank|touch|touching|stay|stays|as (?:it|they) "
                        r"(?:is|are)|how (?:it|they) (?:is|are)|disappear\w*|vanish\w*|lost|gone)\b", re.I)
PLACE_WORDS_RE = LazyPattern(r"\d|\b(?:shots?|cuts?|intro|ending|end|half|third|quarter|chorus|verse|start|beginning|minute)\b", re.I)
PLACE_FIRST_RE = LazyPattern(r"(?:during|in|at|from|after|before|for|when|while|until|till|throughout|over)\b", re.I)
PARTS_RE = LazyPattern(rf"\b(?:{INSTR_ALT})(?:s|es)?\b", re.I)


def buried(request: str) -> str:
    """`request` with a part refused its place under another said as the complaint: "the piano is buried under the drums"."""
    m = BURIED_RE.search(request)
    if m is None:
        return request
    up = m["a"] or m["p"] or (m["cq"] or "") + (m["c"] or "") or (m["eq"] or "") + (m["e"] or "") or (m["gq"] or "") + (m["g"] or "")
    under = m["b"] or m["q"] or (m["dq"] or "") + (m["d"] or "") or (m["fq"] or "") + (m["f"] or "") or (m["hq"] or "") + (m["h"] or "")
    said = f"the {up} is buried under the {'drums' if KIT_RE.match(under) else under}"
    two = {up.lower().split()[-1], under.lower().split()[-1]}
    kept = [c.group(0).strip(" ,.;!?") for c in CLAUSE_RE.finditer(request[m.end():])
            if not (BESIDE_RE.search(c.group(0)) and not PLACE_WORDS_RE.search(c.group(0))
                    and {w.lower().split()[-1] for w in PARTS_RE.findall(c.group(0))} <= two)]
    return request[:m.start()] + said + "".join(f"{' ' if n == 0 and PLACE_FIRST_RE.match(k) else ', '}{k}"
                                                for n, k in enumerate(x for x in kept if x)) + "."   # "... during that build": its place
