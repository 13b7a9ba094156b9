"""The edit log a plan's reasoning ends with (one line per request, `names.EDIT_LOG_RE` reads it back), and the turns
that changed no music heard by the next ones without a version of their own.

A turn whose music stays as it was ("a crash at 0:20" where one is, "louder then quieter again", "he falls at the
fifth cut") makes no version, but what it said still counts: the next turn's "there" is its moment ("big crash on
the pop", then "the third shot is a bit too much now"), and a name it gave a place is read later ("a stab at the
fall"). So the history a turn is read against ends with the current version with those requests added to its log;
the next version's log keeps them. It stays one plan: history[-2] -> history[-1] is still the last change that made
music ("undo the last change", "more", "what did you just change?" after such a turn). The turns heard are every
one said while the current version was the head, also before an undo back to it ("he falls at the fifth cut",
"louder", "undo": the name stays), less those withdrawn ("forget that", `answers.withdrawn`) and the questions.

    with heard_in(session.lineage(), store.turns(sid)) as history:   # the turn's readers run inside
        ...
    plan.reasoning = logged(history[-1].reasoning, "slower", "tempo down", "Tempo 120 -> 104 BPM.")
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from v2m.tools.contract import ScorePlan

NO_CHANGE = "Nothing changed"   # how a reply to a request that changed no music begins (`changes.NOTHING`, `marks.already`)
DROPPED = "Dropped that request; the score is as it was."   # "forget that" after a question or a no-change turn
NOTHING_BACK = "Those requests changed nothing, so there is nothing to undo; the score is as it was."
UNCHANGED = "no change"   # what a no-change request is read as in the log
# the requests said in this chat that made a version since undone ("the tasting shot at the end, no music", "undo
# that"): the turn's, set by `heard_in` while it is read and reset after it (so a reading outside a turn, or in
# another chat, sees none); read for the names they gave places only (`named`), never as edits
UNDONE: ContextVar[tuple[str, ...]] = ContextVar("undone", default=())
# the current version's log with the requests heard that changed no music (`with_unchanged`), set by `heard_in` for
# the length of a turn: what the plan being edited was said since ("never add strings" where none play, `standing`)
HEARD: ContextVar[str] = ContextVar("heard", default="")
LINE_RE = re.compile(rf'^- "(.*)": read as ({UNCHANGED}\.)?', re.M)   # a request, and whether it changed nothing


def logged(reasoning: str, request: str, read: str, reply: str) -> str:
    """`reasoning` with the edit log's line for `request` (what it was read as and the reply) added."""
    said = " ".join(request[:200].split())   # one line, as the log is read line by line
    return (reasoning.rstrip() + f'\n\n## Edit\n- "{said}": read as {read}. {reply}\n').lstrip()


def heard(t) -> bool:
    """Whether a chat record (`store.TurnRecord`) is a request that changed no music and is heard later: a 'say'
    that made no version and asked nothing (a name, a mark already there, an approval), not a withdrawal."""
    return t.kind == "say" and t.before == t.after and not t.asked \
        and t.reply not in (DROPPED, NOTHING_BACK)


@contextmanager
def heard_in(history: list[ScorePlan], turns: list, gone: frozenset[int] = frozenset()) -> Iterator[list[ScorePlan]]:
    """For the length of a turn: `with_unchanged(history, turns)`, and `UNDONE` the chat's requests since undone (a
    name given in one stays: a fact about the picture), `HEARD` the log that history ends with; both as they were after.
    `gone`: the indices in `turns` of those withdrawn (`answers.withdrawn`), heard in neither."""
    token, heard = UNDONE.set(_undone(history, turns, gone)), with_unchanged(history, turns, gone)
    told = HEARD.set(heard[-1].reasoning if heard else "")
    try:
        yield heard
    finally:
        UNDONE.reset(token)
        HEARD.reset(told)


def log_of(plan: ScorePlan) -> str:
    """`plan`'s reasoning, with the requests that changed no music heard since it was made (`HEARD`) when `plan` is
    the version the turn edits."""
    heard, own = HEARD.get(), plan.reasoning or ""
    return heard if own and heard.startswith(own) else own


def with_unchanged(history: list[ScorePlan], turns: list, gone: frozenset[int] = frozenset()) -> list[ScorePlan]:
    """`history` (the first plan ... the current one) with the current plan's log holding each request that changed
    no music said while it was the head (see the module's doc). `turns` are the chat's records, oldest first; those
    at the indices `gone` were withdrawn ("forget that") and are not heard."""
    head = turns[-1].after if turns else None
    since = [t for k, t in enumerate(turns) if k not in gone and t.after == head and heard(t)]
    if not history or not since:
        return list(history)
    reasoning = history[-1].reasoning
    for t in since:
        reasoning = logged(reasoning, t.text, UNCHANGED, t.reply.splitlines()[0] if t.reply else "")
    return [*history[:-1], history[-1].model_copy(update={"reasoning": reasoning})]


def _undone(history: list[ScorePlan], turns: list, gone: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """The requests not in the current plan's log, as logged: those that made a version since undone (or on another
    branch), and those that made none, heard or asked about ("Could the music kind of land on the third cut, eh? That's
    where the balcony view comes in" asked what "land" means): the names they gave places stay facts about the picture,
    also after "back to how it was at the start" (o-a-realtor-02 turn 6); not those withdrawn (`gone`, "forget that")."""
    known = set(requests(history))
    said = [" ".join(t.text[:200].split()) for k, t in enumerate(turns)
            if k not in gone and t.kind == "say" and t.after is not None and t.reply != DROPPED]
    return tuple(dict.fromkeys(u for u in said if u not in known))


def named(history: list[ScorePlan] | None) -> list[str]:
    """Every request whose names for places count now: those undone first (`UNDONE`), then the log's (later ones win)."""
    return [*UNDONE.get(), *requests(history)]


def requests(history: list[ScorePlan] | None, *, changed: bool = False) -> list[str]:
    """The requests in the current plan's log, oldest first; with `changed`, only those that made music."""
    lines = LINE_RE.findall(history[-1].reasoning or "") if history else []
    return [r for r, none in lines if not (changed and none)]


def last_request(history: list[ScorePlan] | None) -> str:
    """The words of the last edit that changed the plan ("" when none); one that changed nothing since is
    `unchanged_last`'s."""
    said_so_far = requests(history, changed=True) if history and len(history) > 1 else []
    return said_so_far[-1] if said_so_far else ""


def unchanged_last(history: list[ScorePlan] | None) -> str:
    """The last request heard when it changed no music ("a crash at 0:20" where one was), else ""."""
    lines = LINE_RE.findall(history[-1].reasoning or "") if history else []
    return lines[-1][0] if lines and lines[-1][1] else ""


def as_said(history: list[ScorePlan]) -> list[ScorePlan]:
    """`history` with a plan for the last request heard, the current one again when it changed no music: for the
    readers of that request and the plan it was read against (its place corrected: "no, one earlier" after "a crash
    at 0:20" where one was), which then take nothing back."""
    return [*history, history[-1]] if unchanged_last(history) else history
