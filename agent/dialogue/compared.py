"""A level said against one part with no part of its own ("quieter than the drums", "louder than the piano", "more
bass than the drums"): the rest of the mix against that part, so the part named after "than" moves the other way.
The grammar read the part after "than" as the thing to change ("louder than the piano": the piano +2 dB, more energy
everywhere), and a quieter request played louder.

    from v2m.agent.dialogue.compared import against
    against("quieter than the drums")       # "the drums louder"
    against("more bass than the drums")     # "the bass louder than the drums"

Read by `v2m.agent.dialogue.understanding`, after the spelling is mended ("then" said for "than").
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT

PART = rf"(?:the |a |an |my |your |our )?(?:{INSTR_ALT})(?:s|es)?\b"
OPPOSITE = {"louder": "quieter", "stronger": "quieter", "quieter": "louder", "softer": "louder"}
# the comparative first in its clause (no part said before it), the part compared with last
ALONE_RE = re.compile(rf"(?:^|(?<=[,;.!?])|(?<=\band )|(?<=\bbut ))\s*(?:make (?:it|everything|the music) |(?:it|everything) )?"
                      rf"(?P<how>(?:a bit |a little |a lot |much |way |slightly )?)(?P<cmp>louder|stronger|quieter|softer) than "
                      rf"(?P<part>{PART})(?=\s*(?:$|[,;.!?]|\b(?:and|but|in|at|on|from|during|after|before|until|till|for|please|pls)\b))", re.I)
# "more bass than the drums": the first part louder than the second
MORE_PART_RE = re.compile(rf"\b(?P<more>more|less) (?P<part>(?:{INSTR_ALT})(?:s|es)?) than (?={PART})", re.I)


def against(text: str) -> str:
    """`text` with a level said against a part alone said as that part's own move, the other way."""
    text = MORE_PART_RE.sub(lambda m: f"the {m['part']} {'louder' if m['more'].lower() == 'more' else 'quieter'} than ", text)
    return ALONE_RE.sub(lambda m: f" {m['part']} {m['how']}{OPPOSITE[m['cmp'].lower()]}", text)
