"""Why a part is wanted, said beside the change of parts ("add a choir to make it huge", "congas for a latin feel"):
the purpose phrase taken out of a clause that changes a part (`unreasoned`), and a clause that only says why the part
asked for just before should sound so (`only_reason`). Read by the rules grammar (`v2m.agent.dialogue.clauses`) so that
the reason is no second edit of the style, energy or tempo.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import PART_EDITS


# Why a part is wanted, said beside the change of parts ("add a choir to make it huge", "congas for a latin feel",
# "the drums are too quiet for a rock track"): the part changed is how that is reached, so the reason is no second
# edit of the style, energy or tempo. Decided generally: a purpose phrase ("to make it", "for a ... feel") in a
# clause that already changes a part, or a clause that only describes what was just asked ("something retro", "like
# in the old jazz club", "they're too aggressive", "it'd make it more fun") right after one that did.
WHY_RE = re.compile(r"\b(?:(?:(?:to|that|which|it|this|would|could|might|will|should|that'?d|it'?d|it'?ll|just|really) )+"
                    r"(?:make|making|give|giving|get)|(?:(?:it|this|that|which|just|really|also) )*(?:makes|gives|gets)) "   # "makes it more fun": no order
                    r"(?:it|things|everything|this|the (?:music|track|song|"
                    r"score|mix|whole thing|piece)) (?:(?:feel|sound|seem|more|less|a bit|a little|so|really|even|extra|"
                    r"super|much|way|very|kind of|a|an|that) )*[a-z]+(?: and [a-z]+)?(?: (?:vibe|feel|feeling|sound|touch|edge|mood))?"
                    r"|\b(?:for|to get|to add|to give it|giving it) (?:a|an|that|some|this|more|of) (?:[a-z]+ ){0,2}"
                    r"(?:feel|vibe|touch|sound|flavou?r|mood|atmosphere|texture|colou?r|edge|track|song|tune|piece|"
                    r"video|record|film|clip|thing)\b"
                    r"|\b(?:would|could|might|will|'d) (?:be|sound|feel) (?:(?:really|so|very|kind of|pretty|super) )?"
                    r"(?:fun|nice|cool|great|good|lovely|awesome|interesting|neat|fitting|perfect)\b")


WHY_ALONE_RE = re.compile(r"\s*(?:(?:and|so|maybe|because|since|as|coz|cause) )*(?:"
                          r"something (?:(?:more|a bit|a little|really|very|kind of) )?[a-z]+(?: and [a-z]+)?"
                          r"|(?:just )?like (?:in |on |at |from |with )?(?:a|an|the|some|those|that|old|an old)\b[a-z ]*"
                          r"|(?:its|thats|theyre|(?:it|they|that|this|those|these)(?: is|'s| are|'re| feels?| sounds?| seems?| looks?))"
                          r" (?:(?:so|really|very|a bit|a little|kind of|pretty|too|way too|far too|quite|just|also|all) )*"
                          r"(?!(?:slow|fast|quick|rushed|long|short|loud|quiet|soft|boring|flat|empty)\b)[a-z]+"
                          r"(?: for [a-z ]+)?"
                          r"|(?:way |far |much )?too (?:much )?(?:an? )?(?!(?:slow|fast|quick|rushed|long|short|loud|quiet|soft|"
                          r"boring|flat|empty)\b)[a-z]+(?: [a-z]+)?"   # "no more big drums, too action movie": why
                          r"|(?:its|it is|(?:i|we|you|they|people|viewers|he|she|my \w+) (?:can ?not|can'?t|cannot|could ?n'?t|"
                          r"could not|struggle to|hardly|barely))(?: (?:so|really|very|a bit|kind of|pretty|quite))?"
                          r"(?: (?:hard|difficult|tough|impossible) to)? (?:hear|understand|make out|follow)\b[a-z ]*"   # "..., its hard to hear my voiceover"
                          r"|(?:they|it|that|those|these) (?:cover|drown|bury|swamp|mask|overpower|hide)s? (?:up |out )?(?:the|my|our) [a-z ]+"
                          # how it was without the part ("bass back in there? It felt a bit empty.", "it sounds thin
                          # without it"): a lack the part fills, why it is wanted (it was read as more energy everywhere)
                          # (or who plays it: "it's gone flat without him", the drummer given a rest)
                          r"|(?:it|that|this|things|the (?:section|part|bit|music|mix|track))(?: (?:felt|was|sounded|seemed|got|went)"
                          r"|(?:'s| has| is) (?:gone|got|getting|become)|(?:'s| is| feels?| sounds?| seems?)(?= .*\bwithout (?:it|them|him|her|the [a-z]+)\b))"
                          r"(?: (?:so|really|very|a bit|a little|kind of|kinda|pretty|quite|too|way too|rather|somewhat))*"
                          r" (?:empty|bare|thin|hollow|sparse|naked|lacking|incomplete|lifeless|flat|dull)(?: without (?:it|them|him|her|the [a-z]+))?"
                          rf"|(?:{WHY_RE.pattern}))\s*")   # "the strings are too loud, they cover the piano": why


def unreasoned(rest: str, intents: list) -> str:
    """The clause without why its change of parts is wanted (`WHY_RE`), once `intents` change a part; a word left
    over beside a part's level ("the horn is too loud and heroic") says how that part sounds, no mood."""
    if not any(it.what in (*PART_EDITS, "balance", "swap") for it in intents):
        return rest
    rest = WHY_RE.sub(lambda m: " " * len(m.group(0)), rest)
    if any(it.what == "balance" for it in intents):
        rest = re.sub(r"(?:^\s*|\b(?:and|or) )(?:so |too |very |kind of |a bit )?(?!(?:slow|fast|quick|loud|quiet|soft)\w*\b)"
                      r"[a-z]+\s*$", lambda m: " " * len(m.group(0)), rest)
    return rest


def only_reason(clause: str) -> bool:
    """Whether a clause only says why (or how) the part asked for in the clause before should sound."""
    return bool(WHY_ALONE_RE.fullmatch(clause))
