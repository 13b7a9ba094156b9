"""A change the user refuses, a part placed under, behind or over the music or another part ("don't put the piano
behind the drums", "please don't lay strings under it", "no need to slip an organ underneath", "without putting it
behind the drums"), or a part added with a refusal that is no prohibition ("let's not add strings", "no need to add a
cello"): nothing of it is made, by any reader. The words are taken out before the readers run (the grammar read the
placing and not the "don't"; with that reader silent, the model or another reader added the part or raised the
energy), so a request that is only the refusal changes nothing and the reply says why (`Refused`), and one with a
counter-instruction beside it is that instruction alone, its "it" and "them" the parts the refusal named.

    rest, acts = refused("don't put the piano behind the drums, put it in front of them")
    # rest: "put the piano in front of the drums"; acts: ["put the piano behind the drums"]

"Don't add drums" ("please don't add a pad under everything") is a prohibition, `prohibited`'s (the part out where it plays, kept out after); a refusal of how far
("don't put the piano so far behind the drums") is a level, and a complaint ("don't let the drums drown the piano") a
balance: neither is read here.
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue.approval import approves
from v2m.agent.dialogue.edit_log import NO_CHANGE, last_request
from v2m.agent.dialogue.mentions import INSTR_ALT, named_parts
from v2m.agent.dialogue.patterns import OPENERS, LazyPattern
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan


class Refused(Ask):
    """A request that only refuses a change: the plan as it was, and the message the reply, which asks nothing."""


# a refusal ("don't", "never", "let's not") or no need ("no need to", "you don't have to") before the verb; a verb of
# placing after "without", "instead of", "rather than" ("bring the piano up without putting it behind the drums")
HARD = r"(?:don'?t|do not|never|shouldn'?t|should not|won'?t|will not)(?: ever)?"
SOFT = r"(?:let'?s not|let us not|(?:there'?s |there is )?no need to|(?:you|we|u) (?:don'?t|do not) (?:need|have) to|(?:you|we) needn'?t)"
GERUND = r"(?:without|instead of|rather than)"
PLACING = {"put": "putting", "push": "pushing", "move": "moving", "set": "setting", "place": "placing", "sit": "sitting",
           "drop": "dropping", "shove": "shoving", "send": "sending", "stick": "sticking", "tuck": "tucking", "lay": "laying",
           "layer": "layering", "slip": "slipping", "slide": "sliding", "throw": "throwing", "add": "adding",
           "bring": "bringing"}
BASE = {g: v for v, g in PLACING.items()}
ADDING = r"(?:add|bring in|include|throw in|put in|layer in)"   # a part added with no place under or over: refused softly only
ADDED = {"adding": "add", "bringing in": "bring in", "including": "include", "throwing in": "throw in", "putting in": "put in",
         "layering in": "layer in"}   # ("instead of adding strings, bring the piano up")
DET = r"(?:(?:the|a|an|some|any|that|this|my|our|your) )"
PART = rf"(?:{DET}?(?:[a-z]+ )??{INSTR_ALT}(?:s|es)?(?: (?:pad|pads|line|lines|part|bed|layer|drone|wash))?|it|them)"
OVER = r"(?:under|underneath|beneath|below|behind|in front of|over|above|on top of|ahead of)"
ON = rf"(?:{DET}?{INSTR_ALT}(?:s|es)?|it|this|that|them|everything|it all|all of it|the (?:music|track|mix|rest|others|band))"
# (not "until" or "before": "no need to bring in the strings until shot 3" brings them in there)
PLACE = r"(?: (?:in|at|during|for|from|after|throughout|through) [^,;.!?]*?)?"
END = r"(?: (?:yet|for now|for the moment|please|pls|thanks|thank you))?(?=\s*(?:[,;.!?]|$|\b(?:but|and|instead|just|rather)\b))"   # ("yet": still none now)
REFUSED_RE = LazyPattern(
    rf"(?:\b(?:and|but|so|please|just|pls)\s+)*(?:\b(?:{HARD} (?!add\b)|{SOFT} )(?P<verb>{'|'.join(PLACING)})|\b{GERUND} (?P<ing>{'|'.join(BASE)}))"
    rf" (?P<part>{PART})(?: (?:way|further|back|in))? {OVER}(?: (?P<on>{ON}))?{PLACE}{END}"
    rf"|(?:\b(?:and|but|so|please|just|pls)\s+)*(?:\b{SOFT} (?P<add>{ADDING})|\b{GERUND} (?P<adding>{'|'.join(ADDED)})) (?P<added>{PART}){PLACE}{END}", re.I)
# a pronoun of the counter-instruction: after its verb, the part refused; after a place word, the part it was placed by
VERB_IT_RE = re.compile(r"\b(put|push|move|bring|set|place|pull|lay|layer|slip|sit|tuck) (it|them)\b", re.I)   # ("make it warmer": the music)
OVER_IT_RE = re.compile(r"\b(in front of|over|above|on top of|ahead of|behind|under|beneath|below|than|against) (it|them)\b", re.I)
OVER_WORD_RE = re.compile(OVER, re.I)
BY_PART_RE = LazyPattern(rf"{DET}?{INSTR_ALT}(?:s|es)?", re.I)
LEFT_RE = re.compile(rf"^\W*(?:(?:{OPENERS}|no|nope|nah|actually|wait|sorry|and|but|instead|rather|just|please|pls|thanks|thank you)(?:\W+|$))*"
                     r"|\W*\b(?:please|pls|thanks|thank you|instead)\W*$", re.I)   # what opens or closes the rest and asks nothing
PLEASE_RE = re.compile(r"\s+(?:please|pls|thanks|thank you)$", re.I)
AS_IS_RE = re.compile(r"^(?:it'?s|it is|that'?s|that is|(?:the|my) [a-z]+ (?:is|are|'s)) (?:fine|good|ok|okay|great|perfect|right)"
                      r"(?: (?:as (?:it is|is|they are)|where (?:it is|they are)|like (?:that|this)|now|there))?\W*$", re.I)
WORD_RE = re.compile(r"[a-z]{2,}", re.I)


# a placing not wanted, said as a wish ("i don't want the piano behind the drums", "we don't want you to put a cello under
# it"): the refusal of that placing ("I don't want drums", no place said, stays the prohibition's)
WANT_RE = re.compile(r"\b(?:i|we) (?:really |just )?(?:don'?t|do not) want (?:you |u )?(?:to )?"
                     rf"(?=(?P<verb>{'|'.join(PLACING)})? ?(?:the|a|an|any|some|my|our|that|this|it|them)\b)", re.I)


def refused(request: str) -> tuple[str, list[str]]:
    """`request` without the changes it refuses (their pronouns said as the parts), and each refused change as said
    in the base form ("put the piano behind the drums"); `request` and [] where it refuses none."""
    acts, parts, out, at, said_as = [], [], [], 0, request
    request = WANT_RE.sub(lambda m: "don't " if m["verb"] else "don't put ", request)
    for m in REFUSED_RE.finditer(request):
        verb = m["verb"] or BASE.get((m["ing"] or "").lower()) or m["add"] or ADDED[m["adding"].lower()]
        said = PLEASE_RE.sub("", m.group(0)[m.start("part" if m["part"] else "added") - m.start():].strip())
        acts.append(f"{verb.lower()} {said}")
        parts.append((m["part"] or m["added"], m["on"]))
        out.append(request[at:m.start()])
        at = m.end()
    if not acts:
        return said_as, []
    rest = " ".join(x.strip(" ,;") for x in [*out, request[at:]] if x.strip(" ,;"))
    rest = LEFT_RE.sub("", rest).strip()
    first, by = next(((p, o) for p, o in parts if p.lower() not in ("it", "them")), (None, None))
    if first:   # "..., put it in front of them": the piano in front of the drums
        rest = VERB_IT_RE.sub(lambda x: f"{x[1]} {first}", rest)
        if by and BY_PART_RE.fullmatch(by):   # (not "under it": the music)
            rest = OVER_IT_RE.sub(lambda x: f"{x[1]} {by}", rest)
    return rest, acts


def _asked(request: str) -> tuple[str, list[str]]:
    """`refused`, the rest "" where it asks nothing (", it's fine as is", "the drums are fine")."""
    rest, acts = refused(request)
    return (rest if WORD_RE.search(rest) and not (approves(rest) or AS_IS_RE.match(rest)) else ""), acts


def left(request: str) -> str:
    """What `request` asks beside the changes it refuses; `request` itself where it refuses none or asks nothing else."""
    rest, acts = _asked(request)
    return rest if acts and rest else request


def only_refused(request: str) -> str:
    """`request` without the changes it refuses; raises `Refused` when nothing else is asked, its message what the
    reply says: nothing changed, as asked."""
    rest, acts = _asked(request)
    if not acts or rest:
        return rest or request
    raise Refused(f"{NO_CHANGE}: as you asked, I did not {' or '.join(acts)}.")


def withdrawn(request: str, history: list[ScorePlan] | None, read: Callable[..., list[EditIntent]],
              last: Callable[[], list[EditIntent]]) -> list[EditIntent] | None:
    """A refusal of the change the last edit made ("put the piano behind the drums", then "no, don't put the piano behind
    the drums"): that edit taken back. `read(plan, words, history)` reads words as an edit, `last()` the last edit's
    intents; None where the request refuses something else, or asks more beside the refusal."""
    rest, acts = _asked(request)
    if not acts or rest or not history or len(history) < 2 or not (before := last()):
        return None
    for act in acts:
        try:
            mine = read(history[-2], act, history[:-1])
        except Ask:
            continue
        if _kinds(mine) == _kinds(before):
            return [EditIntent(what="revert", version=-1, text=request[:400])]
    said = last_request(history).lower()
    for act in acts if all(it.what in ("balance", "add") for it in before) else ():   # "no, don't put it behind the drums": the same place word, each part it names named there
        over, parts = OVER_WORD_RE.search(act), named_parts(act.lower())
        if over and parts and f" {over[0].lower()} " in f" {said} " and set(parts) <= set(named_parts(said)):
            return [EditIntent(what="revert", version=-1, text=request[:400])]
    return None


def _kinds(intents: list[EditIntent]) -> list[tuple]:
    return [(it.what, it.direction, it.value, it.target, it.scope) for it in intents]
