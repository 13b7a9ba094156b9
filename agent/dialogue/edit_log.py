"""The edit log a plan's reasoning ends with (one line per request, `names.EDIT_LOG_RE` reads it back), and the turns
that changed no music heard by the next ones without a version of their own.

A turn whose music stays as it was ("a crash at 0:20" where one is, "louder then quieter again", "he falls at the
fifth cut") makes no version, but what it said still counts: the next turn's "there" is its moment ("big crash on
the pop", then "the third shot is a bit too much now"), and a name it gave a place is read later ("a stab at the
fall"). So the history a turn is read against has, after the current version, one copy of it per such turn since,
its request added to the log, as the version each of them used to make; the next version's log keeps them.

    history = with_unchanged(session.lineage(), store.turns(sid))
    plan.reasoning = logged(history[-1].reasoning, "slower", "tempo down", "Tempo 120 -> 104 BPM.")
"""

from __future__ import annotations

from v2m.tools.contract import ScorePlan

NO_CHANGE = "Nothing changed"   # how a reply to a request that changed no music begins (`changes.NOTHING`, `marks.already`)


def logged(reasoning: str, request: str, read: str, reply: str) -> str:
    """`reasoning` with the edit log's line for `request` (what it was read as and the reply) added."""
    said = " ".join(request[:200].split())   # one line, as the log is read line by line
    return (reasoning.rstrip() + f'\n\n## Edit\n- "{said}": read as {read}. {reply}\n').lstrip()


def with_unchanged(history: list[ScorePlan], turns: list) -> list[ScorePlan]:
    """`history` (the first plan ... the current one) and, for each request since the current version was made that
    changed no music (its reply says so; questions and dropped requests are not), the current plan again with the
    request in its log. `turns` are the chat's records (`store.TurnRecord`), oldest first."""
    since = []
    for t in reversed(turns):
        if t.kind != "say" or t.before != t.after:   # a version made, an undo, a redo or a branch: back to the head
            break
        if t.reply.startswith(NO_CHANGE):
            since.append(t)
    out = list(history)
    for t in reversed(since):
        out.append(out[-1].model_copy(update={"reasoning": logged(out[-1].reasoning, t.text, "no change",
                                                                   t.reply.splitlines()[0])}))
    return out
