""""Drop the beat" said of a place where the drums play: two readings that both fit. In everyday words it takes the
beat out ("drop the drums there"); in dance-music talk it is the drop, the moment the full beat comes in. The
grammar reads the first (no drums there); where the drums play at that place the turn asks which, with both
readings as requests. Where the drums are silent there, only the drop fits and the grammar's reading stands
(nothing to take out).

    from v2m.agent.dialogue.drops import asked
    asked("drop the beat there", intents, plan)   # an Offer: the drums out from 0:08 to 0:12, or in at 0:08
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.arbiter import Offer
from v2m.agent.dialogue.followups import CORRECTING_RE   # "no, sorry, I meant": the follow-ups' words
from v2m.agent.dialogue.mentions import TAKEN_OUT_RE
from v2m.agent.dialogue.next_place import NAMED_PLACE_RE, THERE_RE
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.patterns import FULL_STOP, POINT
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import EditIntent, ScorePlan

# the beat dropped, not the drums named ("drop the drums at 0:20" says which): "drop the beat", "drop that beat"
DROP_BEAT_RE = re.compile(r"\bdrop (?:the|that|this|a|da) (?:beat|groove)\b(?! (?:out|down|back)\b)", re.I)
# the question's request and its answer read together ("drop the beat at 0:20. the drop"): which reading was picked
# (a sentence as patterns reads one: "drop the beat at 0:06.5. the drop" is one sentence, then the answer)
ANSWERED_RE = re.compile(rf"^(?P<head>(?:[^.!?]|{POINT})*?){DROP_BEAT_RE.pattern}(?P<place>(?:[^.!?]|{POINT})*)"
                         rf"(?:[!?]|{FULL_STOP})\s*(?P<said>.+)$", re.I | re.S)
DROP_SAID_RE = re.compile(r"\b(?:a|the) drop\b|\b(?:kicks?|comes?|crash(?:es)?) in\b", re.I)
OUT_SAID_RE = re.compile(r"\b(?:drums|beat) out\b", re.I)
BEAT_RE = re.compile(r"\b(?:drums|beat)\b", re.I)
AT_RE = re.compile(r"^(?:at|on|around) ")
BARE_DROP_RE = re.compile(r"^\W*(?:(?:i mean|i meant|the|a|drop|please|yes|one)\b\W*)+$", re.I)   # "the drop": no words of its own
DROP_IS_RE = re.compile(r"\b(?:a|the) drop (?:comes|is|hits|lands|happens)\b", re.I)   # "the drop comes at 0:20": the drums in there
LATER_SENTENCE_RE = re.compile(rf"(?:[!?]|{FULL_STOP})+\s+(?=\S)")   # where a sentence after the first starts


def _out(said: str) -> bool:
    """Whether `said` takes the drums out ("the drums out", "no, lose the drums": mentions' words for a part taken out)."""
    return bool(OUT_SAID_RE.search(said) or any(TAKEN_OUT_RE.search(said[:m.start()].lower()) for m in BEAT_RE.finditer(said)))


def _first_sentence(text: str) -> tuple[str, str]:
    """The first sentence of `text` and the rest after it ("" when it is one sentence)."""
    first, *rest = LATER_SENTENCE_RE.split(text, maxsplit=1)
    return first, "".join(rest)


def answered(request: str) -> str:
    """`request` with "drop the beat" replaced by the reading a later sentence picks ("drop the beat at 0:20. the
    drums kick in at 0:20" -> "the drums kick in at 0:20"; "drop the beat there. the drop" -> "the drums should kick
    in there"); as it is when no later sentence picks one."""
    if not (m := ANSWERED_RE.match(request.strip())) or not (DROP_SAID_RE.search(said := m.group("said")) or _out(said)):
        return request
    first, rest = _first_sentence(CORRECTING_RE.sub("", said))   # "the drop. and louder too": the rest is an order of its own
    place = m.group("place").rstrip(", ")
    if BARE_DROP_RE.match(first):
        first = f"the drums should kick in{place}"
    elif not NAMED_PLACE_RE.search(first := DROP_IS_RE.sub("the drums kick in", first)):   # "no, take the drums out": the question's place
        first = THERE_RE.sub(place.strip(), first, 1) if THERE_RE.search(first) else f"{first.rstrip(' .!?')}{place}"
    if rest and BARE_DROP_RE.match(_first_sentence(said)[0]) and not NAMED_PLACE_RE.search(rest):   # "the drop. and louder
        rest = f"{rest.rstrip(' .!?')} {AT_RE.sub('from ', place.strip(), 1)} on"   # too": the drop louder, from it on
    return f"{m.group('head')}{first}" + (f". {rest}" if rest else "")


# a part of a song named alone ("the drop", "the chorus."): no edit, and no style (the embeddings read "drop" as reggae)
SONG_PART_RE = re.compile(r"^\W*(?:(?:the|a|that|this|and|so|ok|okay|now|what about|how about)\W+)*(drop|chorus|verse|bridge|climax|"
                          r"breakdown|hook|build-?up)\W*$", re.I)


def bare(request: str) -> str | None:
    """The question for a part of a song named alone, else None."""
    if not (m := SONG_PART_RE.match(request)):
        return None
    return f"What should happen at the {m[1].lower()}, and where is it? Say it with its time, e.g. 'louder from 0:20' or 'a big hit at 0:20'."


def says_which(asked_text: str, text: str) -> bool:
    """Whether `text` answers the question "drop the beat" (`asked_text`) raised by saying a reading ("the drums
    should kick in there, nothing before"), so that it is read with that request."""
    return bool(DROP_BEAT_RE.search(asked_text) and (DROP_SAID_RE.search(text) or _out(text)))


def asked(request: str, intents: list[EditIntent], plan: ScorePlan) -> Offer | None:
    """The question for "drop the beat" read as the drums out at a place where they play, else None (and None when a
    later sentence answers it: "drop the beat there. the drums out from 0:08 to 0:12")."""
    if not DROP_BEAT_RE.search(request) or LATER_SENTENCE_RE.search(request.strip()) or len(intents) != 1 or \
            (it := intents[0]).what != "remove" or it.value not in ("drums", "beat") or it.scope.start_s is None or \
            it.scope.end_s is None:
        return None
    a, b = it.scope.start_s, it.scope.end_s
    if not any("drums" in effective_roles(plan, s) for s in plan.sections if s.start_s < b and a < s.end_s):
        return None
    out, drop = f"the drums out from {fmt(a)} to {fmt(b)}", f"the drums kick in at {fmt(a)}"
    return Offer(f"Do you mean {out}, or the drop: {drop}, none before? I left the score as it is; say which.", (out, drop))
