"""A request's readings tidied before they apply: one meaning said twice ("ease the pace off a little, it's
rushing"; "gloomy, like a minor key") done once, one style per turn and first, a return to an earlier version
ending the turn's earlier asks, and a removal an "only" already makes dropped ("more", the last step again, and
"not the guitar, I mean the flute", the last edit on another part, are `followups`').

    same_meaning(a, b)            # the same change at the same place (`edits` keeps one)
    style_first(intents)          # one style, applied first
    kept_parts(intents)           # no removal twice, no balance of a part the turn takes out
    locks_first(intents)          # a place left as it is locked before the request's other changes
    one_key(intents), halfway_only(intents)   # a mood and its key once (of two opposite keys, the wish); a part-way revert is the edit of it
"""

from __future__ import annotations

import re
from itertools import takewhile

from v2m.agent.dialogue import vocab
from v2m.agent.dialogue.names import ADJECTIVES
from v2m.tools.contract import EditIntent, EditScope


def same_meaning(a: EditIntent, b: EditIntent) -> bool:
    """Two readings of one meaning ("ease the pace off a little, it's rushing"): said once, done once."""
    def value(it: EditIntent) -> str | None:   # two shapes over one place are one ("go down slowly, like fade"); a
        return it.value if it.what not in ("shape", "tempo") else None   # tempo's unit is no other meaning ("10 percent")
    return (a.what, a.direction, value(a), place_of(a.scope)) == (b.what, b.direction, value(b), place_of(b.scope)) and \
        a.what in ("tempo", "energy", "loudness", "mode", "key", "mood", "balance", "shape", "style", "add", "remove", "only",
                   "hit", "no_hit")


def place_of(scope) -> tuple:
    """Where a scope is, whatever it is called ("before 0:08" and "from 0:00 to 0:08" are one place)."""
    return (scope.kind == "whole", round(scope.start_s or 0.0, 2), round(scope.end_s or 0.0, 2), scope.sections,
            tuple(round(t, 2) for t in scope.times_s))


def style_first(intents: list[EditIntent]) -> list[EditIntent]:
    """One style per turn, applied first (a new style brings its own instruments, so "an accordion, make it
    feel italian" keeps both): a culture read ("film noir") over a style's keyword ("smoky") over a
    word-embedding guess ("'motown' read as ..."); among equals the last said. A return to a whole earlier version
    said first stays first ("scrap that, can we try bossa nova?": back, then the style on the version returned to)."""
    styles = sorted(((0 if it.reason and " read as " not in it.reason else 2 if it.reason else 1, -k), it)
                    for k, it in enumerate(intents) if it.what == "style")
    back = list(takewhile(lambda it: it.what in ("revert", "undo") and it.value is None, intents))
    return back + [it for _, it in styles[:1]] + [it for it in intents[len(back):] if it.what != "style"]


# A clause beside a return to a version that only describes it ("like the second one, slow", "the dark one"): plain
# adjectives, not a comparison ("slower") or a verb
ADJECTIVES_ONLY_RE = re.compile(rf"^(?:(?:the|a|one|and|but|kinda|kind of|quite|pretty|very|really|nice and|that was|it was)\s+)*"
                                rf"(?:{'|'.join(sorted(ADJECTIVES))})(?:,? (?:and|but) (?:{'|'.join(sorted(ADJECTIVES))}))*(?: one)?\W*$")


WHICH_ONE_RE = re.compile(r"^\W*(?:(?:and|but|i mean|like)\s+)*(?:the|that|this) (?:one|version|take|mix|draft)\b", re.I)   # a version described
NOT_A_RE = re.compile(r"^\W*(?:and |but )?not (?:a |an |like a |like an |like )")   # "..., not a nightclub": a contrast


def from_last_revert(intents: list[EditIntent]) -> list[EditIntent]:
    """The intents that count, in the order said: from the last return to a whole earlier version on
    ("ditch the organ, bring version 2 back": the version named is where the turn ends up), and a move away
    from a style only when no style to go to is named."""
    whole = [k for k, it in enumerate(intents) if it.what in ("revert", "undo") and it.value is None]
    intents = intents[whole[-1]:] if whole else intents
    if whole:   # "back to the second one, slow but with the drums": "slow" says which one, it asks for nothing;
        # "back to the 3rd version, the one before the seventies thing": which one, no seventies style asked
        intents = [it for it in intents if not ADJECTIVES_ONLY_RE.match(it.text or "") and
                   not (it.what not in ("revert", "undo") and WHICH_ONE_RE.match(it.text or ""))]
    if any(it.what == "style" and it.direction != "down" or it.what != "style" and it.scope.kind != "whole"
           for it in intents) or any(it.what != "style" for it in intents) and \
            all(NOT_A_RE.match(it.text or "") for it in intents if it.what == "style" and it.direction == "down"):
        # "tone it down, professional, not a nightclub": what it is not only says why the edit beside it
        # "less corporate, more like an indie band": the style named is where it goes; "the temple should feel
        # peaceful, not like a video game" of a part: what it is not only colours the edit made there
        intents = [it for it in intents if not (it.what == "style" and it.direction == "down")]
    return intents


def locks_first(intents: list[EditIntent]) -> list[EditIntent]:
    """A place said to be left as it is, kept from the whole request ("make it faster but leave the ending": the
    ending keeps its tempo), so locked before the other changes; not one locked after its own change ("the intro
    darker and lock it": as it is now)."""
    early = [it for k, it in enumerate(intents) if it.what == "lock" and
             not any(place_of(o.scope) == place_of(it.scope) for o in intents[:k] if o.what != "lock")]
    return early + [it for it in intents if not any(it is x for x in early)]


# a clause that says how the music is ("the opening feels cluttered", "it's too busy"), not what to do
COMPLAINT_RE = re.compile(r"\b(?:feels?|felt|sounds?|seems?|is|are|was|it'?s|gets?|getting|got)\b")


def _within(inner: EditScope, outer: EditScope) -> bool:
    """`inner` lies in `outer` and is smaller (a whole-score scope holds every other)."""
    if outer.kind == "whole":
        return inner.kind != "whole"
    if inner.kind == "whole" or inner.start_s is None or outer.start_s is None:
        return False
    return outer.start_s - 0.05 <= inner.start_s and inner.end_s <= outer.end_s + 0.05 and \
        (inner.start_s, inner.end_s) != (outer.start_s, outer.end_s)


def kept_parts(intents: list[EditIntent], role_of=None) -> list[EditIntent]:
    """Without the removals an "only" of the same place already makes ("just the guitar on its own, no bass
    or drums": said twice, done once, not a question about a part already silent), without the balance
    of a part the same turn swaps out or removes, and without the thinning a complaint asks for where the
    same turn thins a part of its place itself ("the opening feels cluttered. for the first four seconds only
    a pad": that is the remedy, not a second edit over the whole opening). With `role_of` (a word -> the plan's role),
    a part raised at the place the same turn takes it out under another name is not raised either ("no piano after
    0:20, and warmer": the harmony a warmer sound raises is that piano; raised, it came back)."""
    role = (lambda w: role_of(w) or w) if role_of else (lambda w: w)
    out = {(role(it.value), it.scope.model_dump_json()) for it in intents if it.what == "remove" and it.value}
    kept = [it.scope for it in intents if it.what == "only"]
    # "harp's a bit cheesy, replace it with a guitar": the harp goes, so the guitar does not inherit its level
    gone = {it.target for it in intents if it.what == "swap"} | {it.value for it in intents if it.what == "remove"}
    thinned = [it.scope for it in intents if it.what in ("only", "remove")]
    return [it for it in intents if not (it.what == "remove" and it.scope in kept)
            and not (it.what == "balance" and (it.value in gone or it.direction == "up" and it.value
                                                and (role(it.value), it.scope.model_dump_json()) in out))
            and not (it.what == "energy" and it.direction == "down" and COMPLAINT_RE.search(it.text or "")
                     and any(_within(t, it.scope) and (it.scope.kind == "whole" or abs(t.start_s - it.scope.start_s) < 0.5)
                             for t in thinned))]   # (from where the complaint's place begins: "too heavy after 0:20. ...,
    # and the guitar out from 0:48" thins only the end of it, the complaint stands)


def one_key(intents: list[EditIntent]) -> list[EditIntent]:
    """A mood and its key said together ("gloomy, like a minor key") make one key: the mode the mood brings at the
    same place is dropped (a mode the score already has is said when applied). Alone, a mode stays. Two opposite keys
    at one place are the music as it is and the one wished (`wished_key`): the wish stays."""
    intents = wished_key(intents)
    if not any(it.what != "mode" for it in intents):
        return intents
    moods = [(vocab.MOODS[o.value].mode, place_of(o.scope)) for o in intents if o.what == "mood" and o.value in vocab.MOODS]
    return [it for it in intents if not (it.what == "mode" and (it.value, place_of(it.scope)) in moods)]


# a clause that asks for something ("make it happy", "we want sunshine", "happier chords pls"), not one that says how
# the music is now ("it sounds so sad", "bit mournful for a toy unboxing", "the harmony is minor right now")
WISH_RE = re.compile(r"\b(?:make|want|wanna|need|needs|should|please|pls|plz|could|can|would|switch|flip|change|go|"
                     r"give|gimme|let|turn|put|bring|i'?d like|more|less|happier|sadder|brighter|darker)\b")


def _key_of(it: EditIntent) -> str | None:
    """The key an intent brings: a mode's, or a mood's ("sad": minor)."""
    if it.what == "mode":
        return it.value if it.value in ("major", "minor") else None
    return vocab.MOODS[it.value].mode if it.what == "mood" and it.value in vocab.MOODS else None


def wished_key(intents: list[EditIntent]) -> list[EditIntent]:
    """Of two opposite keys said for one place ("it sounds so sad, make it happy", "the harmony is major and cheerful,
    switch it to minor"), the one said as a wish (`WISH_RE` in its clause) stays and the one said as how the music is
    goes; when both or neither read as wishes, the later stays (the complaint comes first). Before, both applied: the
    sad mood's slower pace and the happy one's key, or a question."""
    keyed = [(k, key, place_of(it.scope)) for k, it in enumerate(intents) if (key := _key_of(it))]
    gone = set()
    for k, key, place in keyed:
        rivals = [j for j, other, p in keyed if p == place and other != key]
        if rivals:
            wish = bool(WISH_RE.search(intents[k].text or ""))
            rival_wish = any(WISH_RE.search(intents[j].text or "") for j in rivals)
            if (rival_wish and not wish) or (wish == rival_wish and max(rivals) > k):
                gone.add(k)
    return [it for k, it in enumerate(intents) if k not in gone]


def halfway_only(intents: list[EditIntent]) -> list[EditIntent]:
    """"too fast now, split the difference": a part-way revert of a setting is the edit of it, not also a step."""
    partial = {it.value for it in intents if it.what == "revert" and it.amount is not None}
    return [it for it in intents if it.what not in partial or it.what == "revert"] if partial else intents
