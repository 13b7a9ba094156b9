"""The parts a first request refuses ("jazz but slow and no drums", "relaxing guitar, no drum pls", "without any
percussion", "no beat", "upbeat electronic, no guitar"), and the first plan without them: a refused part is never
chosen for the tune nor added as named, and one the style brings is taken out as the chat takes it out.

    from v2m.agent.planners.refused import refused
    refused("bossa nova for a cafe, no drums pls just guitar and bass")   # ["drums"]
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.intents import apply_intents
from v2m.agent.dialogue.mentions import INSTR_ALT, OUT_VERBS
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.spelling import spelled
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis

# "no drums", "without any percussion", "minus the guitar", "drop the drums" (`mentions.OUT_VERBS`), "don't want drums",
# a learner's "no music with drums";
# a list goes together ("no drums or bass")
_PART = rf"(?:the |a |an |any |all |some )?({INSTR_ALT})(?:s|es)?\b"
# the refusal ends at the part: not "no guitar solo", "no beat drops", "I dont want drums to be too loud"; and EDM's
# "drop the bass" / "drop the beat" is the drop, not a part taken out
ENDS = r"(?=\s*(?:$|[,.;:!?]|(?:and|or|nor|but|please|pls|plz|just|at all|whatsoever|either|for|in|at|from|until|till|before|after|during|on|over|through|with|then)\b))"
REFUSED_RE = re.compile(rf"\b(?:(?!drop (?:the )?(?:bass|beat))(?:{OUT_VERBS})|w/o|minus|scrap|not any|nothing with|"
                        rf"no (?:music|sound|song|track) with|(?:don't|do not|dont) (?:want|need|use|add)(?: any)?)\s+{_PART}{ENDS}", re.I)
MORE_RE = re.compile(rf"^\s*(?:,|or|nor|and no|or any)\s+{_PART}{ENDS}", re.I)
# a place said right after the part: "no drums in the intro", "without bass until the first cut"
PLACED_RE = re.compile(r"\s+(?:in|at|from|until|till|before|after|during|for|on|over|through)\b(?! (?:all|it|this|that|my|our|the (?:video|clip|film|score|music|whole))\b)")
# what a beat refused means: whatever keeps time with a drum sound
BEAT_WORDS = {"drum", "drums", "beat", "beats", "percussion", "pulse", "kit"}


def refused(request: str) -> list[str]:
    """The instrument words the request refuses, in order (read with its slips put right: "withou any percusion"); a
    part refused in a place ("no drums in the intro") is an edit of that place, left to the chat."""
    out, request = [], spelled(request.lower())
    for m in REFUSED_RE.finditer(request):
        if PLACED_RE.match(request, m.end()):
            continue
        out.append(m.group(1).lower())
        rest = request[m.end():]
        while (more := MORE_RE.match(rest)):
            out.append(more.group(1).lower())
            rest = rest[more.end():]
    return list(dict.fromkeys(out))


def _roles(plan: ScorePlan, word: str) -> list[str]:
    if word in BEAT_WORDS:
        return [r for r in ("drums", "percussion") if r in plan.instrumentation]
    role = role_of(plan, word)
    return [role] if role else []


def without_refused(analysis: VideoAnalysis, plan: ScorePlan, request: str) -> ScorePlan:
    """`plan` with each refused part that plays taken out, as the chat's "no drums" takes it out."""
    for word in refused(request):
        for role in _roles(plan, word):
            if not any(role in effective_roles(plan, s) for s in plan.sections if s.music):
                continue
            try:
                plan = apply_intents(analysis, plan, [EditIntent(what="remove", value=role, direction="set",
                                                                 reason=f"the request says no {word}", text=request[:400])])
            except Ask:
                continue
    return plan
