"""An earlier edit taken back as learners, speakers and texters say it, put in the order the readers of a taking back
(`recall.undone`, `recall.withdrawn`) read: the thing said first and the verb after it ("the build up i asked 2 times
ago, cancel it" -> "cancel the build up"; "the violin, put it back like before" -> "put the violin back like before"),
a kept thing said first ("but melody keep it low like now" -> "but keep the melody low like now") and when it was
asked said beside the thing ("the ramp from two notes ago", "the piano thing from before", "the crescendo that you
did before") left out: the thing names the edit, the words of when it was asked name nothing in the music.

    said_first("the build up i asked 2 times ago, cancel it")   # "cancel the build up"
"""

from __future__ import annotations

import re

# the verbs that throw a thing away, one list for every reader of a taking back ("nix the build up", "the build up, nix
# it", "nix the last one"): here, `recall.UNDO_NAMED_RE`, `references.LAST_ONE_OFF`
BIN_VERBS = r"scrap|scratch|ditch|bin|nix|toss|trash|junk"
UNDO_VERBS = rf"cancel|undo|forget|{BIN_VERBS}|remove|drop|lose|revert|reverse|take back|take away|get rid of|(?:put|bring)(?= \w+ back\b)"
# when an edit was asked, said beside it: "i asked 2 times ago", "from two notes ago", "that you did before", "from before"
ASKED_WHEN_RE = re.compile(r"\s*\b(?:(?:that|which) )?(?:(?:i|we|u|you) (?:asked(?: for)?|did|made|added|told(?: you)?)"
                           r"(?: (?:you|u))?(?: (?:\d+|one|two|three|a couple of|couple) (?:times?|turns?|steps?|notes?|changes?|edits?|"
                           r"messages?) ago| before| earlier| just now| (?:at|in) the (?:start|beginning))?|from (?:\d+|one|two|three|a "
                           r"couple of) (?:times?|turns?|steps?|notes?|changes?|edits?|messages?) ago|from before|from earlier)"
                           r"(?=\s*(?:$|[,.;!?]|\b(?:and|but|please|pls)\b))", re.I)
UNDO_WORD_RE = re.compile(rf"\b(?:{UNDO_VERBS})\b", re.I)
# "the build up, cancel it", "the violin, finally I prefer how it was, put it back like before": the thing, then
# at most one clause, then the verb on "it"; the thing a noun phrase ("that stab at 0:21 feels corny, lose it": a complaint
# said first, its "it" the stab, read by the mark readers as said)
FRONTED_RE = re.compile(r"^(?P<head>\W*(?:(?:ok|okay|oh|ah|hmm|um|well|so|and|but|also|no|sorry)\W+)*)"
                        r"(?P<what>(?:all (?:of )?(?:the|my|our|those|these) |(?:the|that|this|my|your|our) )(?:(?!\b(?:is|are|was|were|feels?|felt|sounds?|seems?|looks?|gets?|got)\b)[^,.;!?]){1,40}?)\s*[,.;]\s*(?:[^,.;!?]{1,40}[,.;]\s*)?"
                        rf"(?P<verb>{UNDO_VERBS}) (?:it|that|them)\b", re.I)
# "but melody keep it low like now", "the ending I keep": the kept thing said before "keep"
KEPT_FIRST_RE = re.compile(r"(?P<lead>(?:^|[,.;]\s*)(?:(?:but|and)\s+)?)(?:the )?(?P<what>(?!(?:i|we|you|it|that|this|and|but)\b)[^\W\d_]+"
                           r"(?: [^\W\d_]+)?) (?:i |we )?keep(?: (?:it|them))?\b", re.I)


def said_first(request: str) -> str:
    """`request` with a taking back said thing-first in the readers' order, and the words of when it was asked left
    out; as it is when it takes nothing back."""
    if not UNDO_WORD_RE.search(request):
        return request
    out = ASKED_WHEN_RE.sub("", request)
    if (m := FRONTED_RE.match(out)):
        out = f"{m.group('head')}{m.group('verb')} {m.group('what')}{out[m.end():]}"
    return KEPT_FIRST_RE.sub(lambda k: f"{k.group('lead')}keep the {k.group('what')}", out)
