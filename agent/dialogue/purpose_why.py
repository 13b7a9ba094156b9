"""What the video is for, said beside an edit ("it feels too quick, slower please, it's for a funeral", "faster, this is
for a party", "its for a church livestream, quieter please"): why that edit, no mood, key or style of its own. `edits`
holds such a clause back as it holds "lift the bass, it feels timid", and drops it when the clause before asked an
edit (a purpose said first is said last, `apart`); said alone ("it's for a funeral") or beside no edit, it is read as
said. A place said with "for" ("faster, for the last shot") is no purpose.

    from v2m.agent.dialogue import purpose_why
    purpose_why.held("it's for a funeral", "slower please")   # True
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import mentions, part_reasons
from v2m.agent.dialogue.phrases import FAST_RE, SLOW_RE
from v2m.agent.dialogue.place_words import only_place

# the piece said as what it is, a kind of work ("it's a corporate piece", "this is our wedding video")
WORK = (r"(?:it'?s|it is|this is|this'?s|that'?s|that is) (?:a|an|the|our|my|his|her|their) (?:[\w'-]+ ){0,2}?(?:piece|video|film|"
        r"clip|ad|advert|commercial|promo|trailer|reel|spot|edit|project|montage|vlog)")
# a clause that only says what the video is for ("it's for a funeral", "because this is for my gran's funeral")
PURPOSE_ALONE_RE = re.compile(r"\s*(?:(?:and|so|because|since|as|coz|cause|cuz) )*(?:(?:it'?s|it is|this is|this'?s|that'?s|"
                              r"that is|the (?:video|film|clip|piece) is|we'?re|i'?m) )?(?:(?:all|just|meant|made|going|gonna be) )?"
                              r"for (?:a|an|the|our|my|his|her|their|this|that|some|[\w]+'s)(?: [\w'-]+){0,3}\W*|"
                              rf"\s*(?:(?:and|so|because|since|as|coz|cause|cuz) )*{WORK}\W*", re.I)
# a purpose said at the end of the clause that asks the tempo, with no comma ("bit slower pls its for a funeral")
TAIL_RE = re.compile(rf"(?<=\w)(?<!\band)(?<!\bso)(?<!\bbecause)(?<!\bsince)(?<!\bas)(?<!\bcoz)(?<!\bcause)(?<!\bcuz)\s+(?=(?:(?:and|so|because|since|as|coz|cause|cuz) )*(?:(?:it'?s|it is|this is|this'?s) for |{WORK}))(.*)$", re.I)
TEMPO_RE = re.compile(rf"{FAST_RE}|{SLOW_RE}", re.I)
# a purpose said first, then the edit it is why of, after a mark or "so" ("for a hospital waiting room so turn it down")
# (not "and": "for a spa weekend promo, and no drums at all" asks both, the style and the drums out)
HEAD_RE = re.compile(r"^\s*(?P<why>[^,.;:!?]+?)(?:\s*[,.;:!]+\s*|\s+(?=so\s))(?!and\b)(?:so\s+)?(?P<rest>\S.*)$", re.I | re.S)


# a place of the video said with "for" ("for the closing shot", "for the last 10 seconds"): no purpose
PLACE_RE = re.compile(r"\b(?:shots?|cuts?|scenes?|sections?|intro|outro|ending|end|start|beginning|opening|middle|bits?|parts?|"
                      r"half|seconds?|secs?|minutes?|moments?|bars?|verses?|chorus|drop|bridge)\b|\d", re.I)


def purpose(clause: str) -> bool:
    """Whether `clause` only says what the video is for (`PURPOSE_ALONE_RE`): not a place said with "for" ("for the
    last shot", "for the closing shot")."""
    return bool(PURPOSE_ALONE_RE.fullmatch(clause)) and not only_place(clause.lower()) and not PLACE_RE.search(clause)


def apart(request: str) -> str:
    """`request` with a purpose said after a tempo with no comma set apart as its own clause ("bit slower pls its for
    a funeral": "bit slower pls, its for a funeral"), so it is held back as why, as it is after a comma."""
    if (m := TAIL_RE.search(request)) and purpose(m[1]) and TEMPO_RE.search(request[:m.start()]):
        return f"{request[:m.start()]}, {m[1]}"
    if (m := HEAD_RE.match(request)) and purpose(m["why"]) and not purpose(m["rest"]):   # "its for a church livestream,
        return f"{m['rest'].rstrip(' ,.;!')}, {m['why'].strip()}"   # quieter please": said after the edit it is why of
    return request


def held(clause: str, before: str) -> bool:
    """Whether `clause` only says what the video is for, right after `before`, a clause that may ask an edit."""
    return purpose(clause) and bool(re.search(r"[a-z]", before, re.I))


def why_only(clause: str, before: str) -> bool:
    """Whether `clause` (in the readers' words) only says why the clause `before` it asks what it asks: how a part
    named there should sound ("lift the bass, it feels timid", `part_reasons.only_reason`), or what the video is for after
    a tempo asked."""
    return part_reasons.only_reason(clause) and bool(mentions.named_parts(mentions.plain_parts(before))) or held(clause, before)


def edit_asked(intents: list) -> bool:
    """Whether the intents read so far ask an edit (not a style: the purpose is why it is asked)."""
    return any(it.what != "style" for it in intents)


def without(whole: str, held: dict[str, str], intents: list) -> str:
    """`whole` (the request as said) without a purpose held back as why an edit was asked, once the edit was read
    ("slower, it's for a wedding": no wedding left for the style the whole request calls up, `cultures.styled`)."""
    if not edit_asked(intents):
        return whole
    for clause in held.values():
        if purpose(clause.strip()) or purpose(clause):
            whole = whole.replace(clause, " ")
    return whole
