"""A high bell-like sound complained of with no part named ("too plinky", "not so twinkly in the first shot", "a bit
tinkly"). Where a bell-like part plays (sleigh bells, a glockenspiel: `gm.bell_kin`, the parts "the bells" name),
the sound may be that part or the whole score: which is asked. Where none plays, it is the music's high,
busy sound: calmer and sparser, read by the grammar (`phrases.TOO`: less energy), never the head's tempo.

    from v2m.agent.dialogue.bell_sound import asked
    asked("not so twinkly in the first shot", plan)   # an Offer where sleigh bells play; None in a jazz trio
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.arbiter import Offer
from v2m.tools.contract import ScorePlan
from v2m.tools.gm import bell_kin
from v2m.tools.style import load_style

# the sound's word said as how the music is ("too plinky", "not so twinkly", "less tinkly", "a bit chimey"), not as a
# part's name ("the twinkly thing", "plinky notes": `sounded_parts.TWINKLY`)
QUALITY_RE = re.compile(r"\b(?:too|so|not so|not as|less|kinda|kind of|a bit|bit|way too|very|really)\s+(?:much )?"
                        r"(?:plinky|plinkey|plinking|tinkly|tinkling|twinkly|twinkling|chimey|chimy)\b(?! (?:little )?"
                        r"(?:bells?|chimes?|things?|sounds?|notes?|melody|tune|line|stuff|part)\b)", re.I)


def asked(request: str, plan: ScorePlan) -> Offer | None:
    """Which is meant, where a bell-like part plays and the request complains of the sound with no part named; else
    None (see the module)."""
    playing = {**load_style(plan.style).instruments, **plan.instrumentation}
    roles = bell_kin("Tubular Bells", playing) or [r for r, n in playing.items() if r != "drums" and "bell" in n.lower()]
    if not QUALITY_RE.search(request) or not roles:   # (sleigh bells play as GM's Tinkle Bell, no chromatic percussion)
        return None
    name = playing[roles[0]].lower()
    return Offer(f"That bell-like sound: the {name} quieter, or the whole score calmer and sparser (less energy)? I left "
                 "the score as it is; say which.", (f"the {name} quieter", "less energy"))
