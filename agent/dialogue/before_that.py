"""Versions named "before that": "the version before that" after going back to a version (the one before it, not
the one the going back left), and "forget all the guitar stuff, go back to what we had before that" (the version
before the edits the sentence named first, `before_named`); one thing as it was before a named edit ("the tempo from
before the slowdown was right", `attribute_before`). Read by `v2m.agent.dialogue.understanding` among the readers of earlier versions
(`v2m.agent.dialogue.versions`).

    before_that("the one before that", history)   # [EditIntent(what="revert", version=k - 1)] after going back to k
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import versions
from v2m.agent.dialogue.references import ATTRIBUTES
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan

# "the version before that", "the one before that": after going back to a version, the one before it
BEFORE_THAT_RE = re.compile(r"\b(?:version|one|mix|take)\s+before\s+(?:that|this|it)\b(?!\s+(?:change|edit|tweak))", re.I)


def before_that(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"the version before that" when the last edit went back to an earlier version (version N again): the version
    before N, not the one the going back left (None when the last edit went back to none: "before that" is the
    last edit undone, read elsewhere).

    Raises:
        Ask: the version gone back to was the first score, which has none before it.
    """
    if not BEFORE_THAT_RE.search(request) or not history or len(history) < 3:
        return None
    back = [j for j in range(len(history) - 2) if history[j] == history[-1]]   # the last edit went back to version j
    if not back:
        return None
    if back[-1] == 0:
        raise Ask("That was the first score; there is no version before it. What should change?")
    return [EditIntent(what="revert", version=back[-1] - 1, text=request[:400])]


# "forget all the guitar stuff, go back to what we had before that": "that" points at the edits named before it
POINTER_RE = re.compile(versions.VERSION_SAID + r".{0,30}?\bbefore\s+(?:that|it|this|those|them|all (?:that|this))\W*$", re.I)
# the words that dismiss what they name ("forget", "scrap"): no edit's name (a vocabulary: these verbs, said of edits)
DISMISSED = {"forget", "scrap", "drop", "ditch", "lose", "bin", "skip", "ignore", "cancel", "never", "mind", "nevermind"}


# "the tempo from before the slowdown was right", "the volume before the strings was better": one thing as it was
# before the edit named
ATTRIBUTE_BEFORE_RE = re.compile(r"(?:^|[.!?;,]\s*)(?:the |that |our )?(?P<attr>" + "|".join(ATTRIBUTES) + r")\s+(?:from\s+|of\s+)?"
                                 r"(?:right\s+|just\s+)?before\s+(?P<what>[^.,;:!?]{1,40}?)\s+(?:was|were|felt|sounded)\s+(?:so\s+|much\s+|way\s+"
                                 r"|just\s+)?(?:better|right|perfect|good|great|fine|nicer|spot on)\b", re.I)


VERSION_AGAIN_RE = re.compile(r"^(?:the|that) [a-z]+(?:er)? one$", re.I)
PUNCT_RE = re.compile(r"\s*[.!?;,]+\s*")


def attribute_before(request: str, history: list[ScorePlan] | None,
                     read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """"The tempo from before the slowdown was right": that one thing as it was before the edit the words name (the
    first of a thread of them), the message's other clauses read on top; None when the words name no edit.

    Raises:
        Ask: edits apart from each other match the words.
    """
    m = ATTRIBUTE_BEFORE_RE.search(request)
    if not m or not history or len(history) < 2:
        return None
    said = versions.content(m["what"]) - versions.PLACE_WORDS
    found = versions.matching(said, history) if said else []
    if not found:
        return None
    if found != list(range(found[0], found[-1] + 1)):
        raise Ask(f"More than one edit was about {m['what']}. Which one should I go back before?")
    rest = [c for c in PUNCT_RE.split(request[:m.start()] + ". " + request[m.end():])
            if c.strip() and not VERSION_AGAIN_RE.match(c)]   # ("..., the quick one": the version said again)
    back = [EditIntent(what="revert", version=found[0] - 1, value=ATTRIBUTES[m["attr"].lower()], text=request[:400])]
    return back + (read(history[-1], ". ".join(rest), history) if rest else [])


def before_named(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"Forget all the guitar stuff, go back to what we had before that": the version before the first of the edits
    (one after another) the words before "before that" name; None when they name no edit (then "before that" is the
    last edit, another reader's).

    Raises:
        Ask: edits apart from each other match the words.
    """
    m = POINTER_RE.search(request)
    if not m or not history or len(history) < 3:
        return None
    said = versions.content(request[:m.start()]) - DISMISSED - versions.PLACE_WORDS
    found = versions.matching(said, history) if said else []
    if not found:
        return None
    if found != list(range(found[0], found[-1] + 1)):
        listed = "; ".join(f"version {k + 1}: '{(versions.made_by(history)[k] or '')[:60]}'" for k in found)
        raise Ask(f"More than one edit was about {', '.join(sorted(said))} ({listed}). Which one should I go back before?")
    return [EditIntent(what="revert", version=found[0] - 1, text=request[:400])]
