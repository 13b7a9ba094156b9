"""Words beside a read edit that no reader understood: "make it warmer and do the zoop thing at the end" is warmer,
and the reply says that "do the zoop thing at the end" was not acted on, instead of dropping it in silence (the grammar reads a request
clause by clause and a clause it cannot read adds nothing; the turn's reply is built from the plan diff, so it never
mentioned the dropped words).

    from v2m.agent.dialogue.unread import unread, noted
    unread(analysis, plan, "louder, also make it feel like tuesday", read_request)   # ["make it feel like tuesday"]

A piece counts as unread only when the grammar reads nothing in it on its own and even the word embeddings find no
music word near its words (`where.Unknown`, the grammar's own "I'm not sure what 'X' means"): a piece that only
names a place or ties a moment to one, praises, says why or what the video is for, or that the embeddings map to
something the turn did is no unread piece: none of those asks for a change.
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue.approval import approves
from v2m.agent.dialogue.mentions import only_reason
from v2m.agent.dialogue.moment_table import only_ties
from v2m.agent.dialogue.names import said
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.runons import carried
from v2m.agent.dialogue.spelling import than
from v2m.agent.dialogue.similes import PURPOSE_RE
from v2m.agent.dialogue.where import WHOLE_RE, Ask, Unknown

# The pieces a request is cut into to find one no reader reads: clauses, and the halves of an "and", "also", "plus"
PIECE_SPLIT_RE = re.compile(r"\s*(?:[,;!?]|\.(?!\d)|\b(?:and|also|plus|then|but|while you're at it)\b)+\s*", re.I)


def unread(analysis, plan, request: str, read: Callable, intents: list | None = None) -> list[str]:
    """The pieces of `request` that `read` (as `edits.read_request`) cannot read, as said, in order: read by nothing,
    or only guessed by the embeddings as something the turn's `intents` do not do ("give it a glimmerwave flavour and
    more drums": synthwave is only a guess, and the drums were done alone); [] for a request of one piece (its own
    question says so)."""
    # cut where the readers cut: "softer then the kick" is one comparison, "louder, then the drums" the drums louder
    pieces = [p.strip() for p in PIECE_SPLIT_RE.split(carried(than(request))) if p and p.strip()]
    if len(pieces) < 2:
        return []
    done = {(it.what, it.value) for it in intents or []}
    # a part brought back as it was ("bring the drums back": its edits taken back) is what adding it would do
    done |= {(what, it.target) for it in intents or [] if it.what == "revert" and it.target for what in ("add", "remove", "balance")}
    out: list[str] = []
    for piece in pieces:
        if only_ties(piece) or said(piece) or not WHOLE_RE.sub(" ", piece.lower()).strip(" .!?") or approves(piece) or only_reason(words(piece.lower())) or PURPOSE_RE.search(piece):
            continue   # the whole score ("..., everywhere"), a moment told ("the last two shots are the teachers' race"), praise ("the kids will love it"),
            # why ("add a flute, like a bird singing"), what the video is for ("it's for my daughter's party"): no request
        try:
            if read(analysis, plan, piece, guess=False):
                continue
            guessed = read(analysis, plan, piece, guess=True)
        except Unknown:
            out.append(piece[:60])
            continue
        except Ask:
            continue
        if guessed and all(it.reason and (it.what, it.value) not in done for it in guessed):
            out.append(piece[:60])
    return list(dict.fromkeys(out))


def noted(phrases: list[str]) -> str:
    """The reply's line naming the words not acted on; "" when there are none."""
    if not phrases:
        return ""
    said = " or ".join(f"'{p}'" for p in phrases)
    return (f"I did not act on {said}: I don't know what that asks of the music. Say it another way (e.g. 'a swell "
            "into the last shot' or 'more drums at the end') and I'll do it.")
