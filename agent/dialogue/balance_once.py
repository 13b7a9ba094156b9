"""One balance per move: the balances a message reads that make the same move of a part (its part, direction and
place) are one change, made once. "The ride is drowning everything, pull the drums way down" names the kit twice;
"the strings are masking the Rhodes, sit them back a touch" moves the strings down twice (the pair's other part, then
the strings alone); "the upright is booming way over the keys, feels like all bass no piano" says one pair twice. Each
such change is one balance of a part said alone when there is one ("the strings are too loud, they cover the piano":
the strings down, as before the pair was read), else its pairs (one per two parts), with the size said most plainly
among them: an amount, then a size word ("a touch", "way": "medium" is no word said), then the larger.

    once_per_part(plan, intents)   # applied by `intents.apply_intents` before the intents are applied
"""

from __future__ import annotations

from v2m.agent.dialogue import orchestration, vocab
from v2m.tools.contract import EditIntent, ScorePlan

SIZES = {"small": 0, "medium": 1, "large": 2}


def said_size(it: EditIntent) -> tuple:
    """How plainly an intent's size was said: an amount, a size word, then the size."""
    return it.amount is not None, it.magnitude != "medium", SIZES[it.magnitude]


def once_per_part(plan: ScorePlan, intents: list[EditIntent]) -> list[EditIntent]:
    """`intents` with the balances that make the same move merged (see the module docstring), in the order said."""
    def role(word: str | None) -> str:
        return "drums" if (word or "") in vocab.KIT_PIECES else orchestration.role_of(plan, word or "") or word or ""

    def moves(it: EditIntent) -> set[tuple]:   # a pair moves its own part, and the other the other way
        place = it.scope.model_dump_json()
        other = {(role(it.target), "down" if it.direction == "up" else "up", place)} if it.target else set()
        return {(role(it.value), it.direction, place)} | other

    groups: list[list[EditIntent]] = []
    for it in (it for it in intents if it.what == "balance"):
        joined = [g for g in groups if any(moves(it) & moves(o) for o in g)]
        groups = [g for g in groups if g not in joined] + [[o for g in joined for o in g] + [it]]
    keep: dict[int, EditIntent] = {}
    for group in groups:
        said = max(group, key=said_size)
        singles = [it for it in group if not it.target]   # a part said alone beside its pair: that part's move alone
        pairs = {(role(it.value), role(it.target)): it for it in group if it.target}   # else one per two parts
        for it in [max(singles, key=said_size)] if singles else pairs.values():
            keep[id(it)] = it if it is said else it.model_copy(update={"amount": said.amount, "magnitude": said.magnitude})
    return [keep.get(id(it), it) for it in intents if it.what != "balance" or id(it) in keep]
