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

from v2m.agent.dialogue import acted_words, at_marks, kept_back, complaints, feeling_ways, fronted, hit_words, idioms, part_undo, verbed
from v2m.agent.dialogue.said_beside import beside
from v2m.agent.dialogue.approval import approves
from v2m.agent.dialogue.counted import there_timed
from v2m.agent.dialogue.asides import aside
from v2m.agent.dialogue.followups import corrects
from v2m.agent.dialogue.mentions import named_parts, refer
from v2m.agent.dialogue.named_back import BACK_WISH
from v2m.agent.dialogue.part_levels import it_as_part
from v2m.agent.dialogue.part_reasons import only_reason
from v2m.agent.dialogue.moment_table import only_ties
from v2m.agent.dialogue.marks import SECTION_WORDS
from v2m.agent.dialogue.meant_kind import GONE_RE
from v2m.agent.dialogue.done_at import own_words
from v2m.agent.dialogue.names import CLAUSES_RE, as_places, earlier, said, unlabel
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import ORDER_VERBS, words
from v2m.agent.dialogue.place_words import APPOSITIVE_RE, SIDE_OF_MOMENT_RE, only_place
from v2m.agent.dialogue.followups import CORRECTION_RE
from v2m.agent.dialogue.recall import TAKE_BACK_RE, UNDO_NAMED_RE
from v2m.agent.dialogue.references import COUNTED_CHANGES_RE, OLD_ATTRIBUTE_RE
from v2m.agent.dialogue.versions import BEFORE_FIRST_RE, BEFORE_RE
from v2m.agent.dialogue.before_that import ATTRIBUTE_BEFORE_RE
from v2m.agent.dialogue.runons import carried
from v2m.agent.dialogue.same_again import last_place
from v2m.agent.dialogue.spelling import than
from v2m.agent.dialogue.similes import PURPOSE_RE
from v2m.agent.dialogue.where import WHOLE_RE, Ask, Unknown
from v2m.agent.dialogue.place_finders import locate

# The pieces a request is cut into to find one no reader reads: its clauses (`names.CLAUSES_RE`, the full stop read as
# `patterns.FULL_STOP`), and the halves of an "also", "plus"
PIECE_SPLIT_RE = re.compile(rf"(?:{CLAUSES_RE.pattern}|\s*\b(?:also|plus|while you're at it)\b\s*)+", re.I)

# a mark or its taking out ("we no longer want that accent. Please remove it"): read when the turn took a mark out
MARK_GONE_RE = re.compile(rf"\b(?:{hit_words.MARK_NOUNS}|{hit_words.GONE_VERBS})\b", re.I)
MARK_RE = re.compile(rf"\b(?:{hit_words.MARK_NOUNS})\b", re.I)   # a mark said ("big crash on it"): read when the turn put one
# "change back this": the wish for a part as it was, in `named_back`'s words for a stretch's (`BACK_WISH`) but for
# "reinstate": it changes turns ("Bass back how it was. Reinstate it." would lose its note that "Reinstate it" was not
# acted on), so it waits for a fix of its own, with tests of its words
PUT_BACK_WISH_RE = re.compile(rf"\b(?:{BACK_WISH})\b")

# the words a place alone is said with beside it: hedged ("maybe around the middle"), spared ("[but] the intro")
PLACE_HEDGE_RE = re.compile(rf"\b(?:maybe|perhaps|probably|around|about|roughly|somewhere|near|ish|except|but|apart|other|than|"
                            rf"not|everywhere|{SECTION_WORDS})\b")


# a thing said first on its own ("the tempo", "the volume on the intro"), then the change on "it" in the next piece
TOPIC_RE = re.compile(r"^\W*(?:(?:ok|okay|so|and|but|also|hmm|um)\W+)*(?:the|that|this|my|your|our) "
                      r"(?:(?!\b(?:is|are|was|were|feels?|sounds?|seems?|gets?|needs?|should|could|would|can)\b)[a-z' ]){2,30}\W*$", re.I)
BACK_TO_IT_RE = re.compile(r"\b(?:it|them|that)\b", re.I)

# words that ask for nothing on their own: "actually", "(sorry)", "oh no it isn't!" (a panto's answer), "well", "wait"
FILLER_RE = re.compile(r"^\W*(?:(?:oh|ah|aw|um+|uh+|er+|hmm+|well|actually|sorry|so|anyway|ok|okay|right|wait|no|yes|yeah|"
                       r"nope|nah|meh|hey|oops|it|is|isn'?t|is not|it'?s|haha|lol)\b\W*)+$", re.I)
# an order to mend what the turn complains of ("the bass is buried, fix it", "pad is mushy, clean that up"): the change
# the complaint was read as, nothing besides
MEND_RE = re.compile(r"^\W*(?:(?:and|so|please|pls|just|can you|could you|would you|can we|could we)\W+)*(?:fix|sort|clean|"
                     r"tidy|clear|straighten)(?: (?:it|that|this|them|those))?(?: (?:up|out))?(?: (?:please|pls|for me))?\W*$", re.I)
# one word of colour beside a switch of style ("'More end-of-the-pier'. A seaside brass band"): how that style is
COLOUR_RE = re.compile(r"^\W*(?:(?:more|a bit more|very|proper|real|really|bit of an?|an?) )?[a-z]+(?:-[a-z]+)+\W*$", re.I)


def asks_nothing(piece: str, intents: list) -> bool:
    """Whether `piece` asks nothing beside what the turn did: filler (`FILLER_RE`), a mark put "there" that names a
    place for later ("..., drop right there": `verbed.THERE_RE`), the mark the turn put or took out ("the kiss at 0:30,
    big crash on it"; "we no longer want that accent. Please remove it"), an order to mend what the turn complains of
    (`MEND_RE`), or a word of colour beside a style switched."""
    whats = {it.what for it in intents}
    return bool(FILLER_RE.match(piece) or verbed.THERE_RE.match(words(piece.lower())) or intents and MEND_RE.match(piece) or
                "no_hit" in whats and MARK_GONE_RE.search(piece) or "hit" in whats and MARK_RE.search(piece) or "style" in whats and COLOUR_RE.match(piece))


def place_alone(analysis, plan, piece: str, intents: list) -> bool:
    """Whether `piece` only gives a place, and the turn acted on a place: the place of the clause beside it ("more bass,
    maybe around the middle"; "faster everywhere but the intro"), no request of its own."""
    text = piece.lower()
    try:
        if not any(it.scope.kind != "whole" for it in intents) or locate(text, analysis, plan) is None:
            return False
    except Ask:
        return False
    names = "|".join(re.escape(s.name.lower()) for s in plan.sections)   # the plan's own ("the chorus")
    text = unlabel(text)   # "00:10 - 00:20 kitchen section": the place and its label
    return only_place(compiled(rf"\b(?:{names})\b").sub(" ", PLACE_HEDGE_RE.sub(" ", text)) if names else PLACE_HEDGE_RE.sub(" ", text))


# a clause said as an order ("do the zoop thing at the end", "and give it the blorp sound in shot 3"): its unread words
# are a request of its own, where a place said with words no reader knows ("from the fourth picture to the end") is not
ORDERED_RE = re.compile(rf"^\W*(?:(?:and|also|then|plus|please|just|can you|could you)\s+)*(?:do|{ORDER_VERBS})\b", re.I)


NOT_WHICH_RE = re.compile(r"^\W*(?:no\W+)?not (?:both|all(?: of them)?|those|that one)\W*$", re.I)
# a version told by what it was ("..., the version where the bass walked"), or called back ("..., bring that back"): read
# when the turn went back to a version
VERSION_TOLD_RE = re.compile(r"^\W*(?:(?:ok|okay|so|and|yes|yeah|just|please)\W+)*(?:(?:the|that) (?:version|one|mix|take|draft) "
                             r"(?:where|with|when|that)\b|(?:bring|put|have|get) (?:that|it|this) back\W*$|"
                             # "..., go back to that", "revert to that", "switch back to how it was": the way back itself
                             r"(?:go|going|get|switch|change it|revert|return)(?: back)?(?: to (?:that|it|this|then|before|how it was|"
                             r"what we had|the old one))?\W*$)", re.I)


# "before I touched the drums it was working", "all three changes out", "put them back": the version or the edits a
# turn that went back named (`versions`, `references`), read there
PUT_IT_BACK_RE = re.compile(r"\b(?:put|bring|get|have) (?:it|them|those|that) back\b", re.I)
WENT_BACK = (BEFORE_RE, BEFORE_FIRST_RE, COUNTED_CHANGES_RE, PUT_IT_BACK_RE, ATTRIBUTE_BEFORE_RE)


def taken_back(piece: str, intents: list) -> bool:
    """Whether `piece` takes back an earlier change ("take back the crash", "forget the speed-up") and the turn did
    (a revert, a mark dropped; "no, not both, I meant just shot 3" too), or tells the version the turn went back to:
    `recall` and `versions` read it, which the grammar this module asks does not."""
    return bool(TAKE_BACK_RE.match(piece) or UNDO_NAMED_RE.match(piece) or CORRECTION_RE.match(piece) or NOT_WHICH_RE.match(piece)) \
        and any(it.what in ("revert", "no_hit", "remove") for it in intents) or \
        bool(VERSION_TOLD_RE.match(piece)) and any(it.what == "revert" for it in intents) or \
        bool(OLD_ATTRIBUTE_RE.search(piece.lower())) and any(it.what == "revert" and it.value for it in intents) or \
        any(r.search(piece) for r in WENT_BACK) and any(it.what == "revert" for it in intents)
    # "the version where ...", "the old pace worked better from 0:20 on" (the tempo there brought back)


def part_put_back(piece: str, intents: list) -> bool:
    """Whether `piece` is a word of a part put back as it was, when that is all the turn did: the part said first
    ("rhythm in the end"), the earlier state ("before I said make strong") or the wish ("Change back this"), which
    `part_undo.said_first` reads across the sentences together."""
    if not intents or not all(it.what == "revert" and it.target for it in intents):
        return False
    low = part_undo.DRUM_WORDS_RE.sub("drums", piece.lower())
    return bool(named_parts(low) or part_undo.EARLIER_RE.search(low) or PUT_BACK_WISH_RE.search(low))


def unread(analysis, plan, request: str, read: Callable, intents: list | None = None, history: list | None = None) -> list[str]:
    """The pieces of `request` that `read` (as `edits.read_request`) cannot read, as said, in order: read by nothing,
    or only guessed by the embeddings as something the turn's `intents` do not do ("give it a glimmerwave flavour and
    more drums": synthwave is only a guess, and the drums were done alone); [] for a request of one piece (its own
    question says so). Each piece is read as the turn heard it after `history`'s rewrites (`as_read`)."""
    if history:   # "same as you did for shot 3, but for shot 7", "same as the kitchen for the bedroom": the repeat's
        request = own_words(request)   # own words, read by `done_at`
    # cut where the readers cut: "softer then the kick" is one comparison, "louder, then the drums" the drums louder;
    # "stings on the first, second and third cut" (each cut named), "start big and finish quiet" (one fall): joined as
    # `edits.read_request` joins them before cutting clauses, so no piece of those is unread
    request = it_as_part(request)   # "the fiddle hides behind the guitar. Bring it out.": one piece, as the readers see it
    if any(it.what == "revert" for it in intents or []):
        request = kept_back.rest_of(request)   # going back with things kept or said why: the rest, as `kept_back` reads it
    pieces = _pieces(there_timed(complaints.judged(fronted.said_first(request))))   # "at 0:17 ..., a hit there": at 0:17; "I find X dull": X is dull;
    # "the tempo, put it back like before": put the tempo back, one piece, as `understanding` reads it
    if len(pieces) < 2 or GONE_RE.match(request.strip()):   # "not quieter, GONE": every word read by `meant_kind.gone`
        return []
    correcting = corrects(intents or [])   # "sorry, I meant the sixth shot": the correction's own words are read by it
    done = {(it.what, it.value) for it in intents or []}
    # a part brought back as it was ("bring the drums back": its edits taken back) is what adding it would do
    done |= {(what, it.target) for it in intents or [] if it.what == "revert" and it.target for what in ("add", "remove", "balance")}
    out: list[str] = []
    # quoted as said: "at 0:30, there will be a logo" read with its "there" as 0:30 is quoted with its "there"
    as_said = _pieces(request)
    named = earlier(history) if history else None   # the names given places so far, read once for every piece
    last = None   # the part a piece named last: "it" in the next ("the sax sits behind the piano, bring it forward")
    for said_piece, piece in zip(as_said if len(as_said) == len(pieces) else pieces, pieces):
        piece = as_read(piece, history, named) if history else piece
        piece, last = refer(f" {piece} ", last).strip() if last else piece, (named_parts(piece.lower()) or [last])[0]
        if correcting and not ORDERED_RE.match(piece):
            continue   # ("sorry", "I meant shot 6", "one later"); an order beside them ("and do the zoop thing") is its own
        if not _asks(analysis, plan, piece, said_piece, read, intents or [], done):
            continue
        rest = acted_words.unplaced(said_piece, analysis, plan, intents or [], last_place(history, analysis), named)
        if rest is None:
            out.append(said_piece[:60])
        elif not only_place(words(rest.lower())) and \
                _asks(analysis, plan, as_read(rest, history, named) if history else rest, rest, read, intents or [], done):
            out.append(rest[:60])   # "keep it low and breathing till 0:57" done until 0:57: 'breathing', not its place
    return list(dict.fromkeys(out))


def _asks(analysis, plan, piece: str, said_piece: str, read: Callable, intents: list, done: set) -> bool:
    """Whether `piece` (`said_piece` as said) asks something the turn did not do: read by no reader, or only guessed by
    the embeddings as something its `intents` (what and value: `done`) do not do."""
    if only_ties(piece) or said(piece) or not WHOLE_RE.sub(" ", piece.lower()).strip(" .!?") or approves(piece) \
            or only_reason(words(piece.lower())) or PURPOSE_RE.search(piece) or aside(piece) \
            or place_alone(analysis, plan, piece, intents) or feeling_ways.chosen(piece, intents) or \
            asks_nothing(piece, intents) or \
            taken_back(piece, intents) or taken_back(said_piece, intents) or _side_with_time(piece) or \
            part_put_back(piece, intents) or \
            any(it.what == "no_hit" for it in intents) and MARK_GONE_RE.search(piece):
        return False   # the whole score ("..., everywhere"), a moment told ("the last two shots are the teachers' race"),
        # praise ("the kids will love it"), why ("add a flute, like a bird singing"), what the video is for ("it's for
        # my daughter's party"), an aside ("she cries there", "if possible", `asides`): no request
    try:
        if read(analysis, plan, piece, guess=False):
            return False
        guessed = read(analysis, plan, piece, guess=True)
    except Unknown:
        return True
    except Ask:
        return False
    return bool(guessed) and all(it.reason and (it.what, it.value) not in done for it in guessed) \
        and not feeling_ways.made(guessed, intents, plan)   # "more comedic. faster": made as chosen


def _pieces(text: str) -> list[str]:
    """`text` cut where the readers cut it (joined as `edits.read_request` joins clauses first), stripped, none empty."""
    joined = idioms.joined(hit_words.listed(carried(than(text))))
    out: list[str] = []
    for p in (p.strip() for p in PIECE_SPLIT_RE.split(joined) if p and p.strip()):
        if out and (beside(out[-1], f" {p}") or TOPIC_RE.match(out[-1]) and BACK_TO_IT_RE.search(p)):
            out[-1] += f", {p}"   # "after the kiss, around 0:50, slower": the moment and its time, one place; "the
            # tempo, reduce it a bit": the thing said first and the change on "it", one edit
        else:
            out.append(p)
    return out


def _side_with_time(piece: str) -> bool:
    """Whether `piece` is a side said as a moment and its time beside it ("after the kiss, at 0:50"): a place alone."""
    head, _, tail = piece.rpartition(", ")
    return bool(head) and bool(SIDE_OF_MOMENT_RE.search(head)) and beside(head, f" {tail}")


def as_read(piece: str, history: list, named: dict) -> str:
    """`piece` as the turn read it: a mark said as a place as its time ("after the bang": after 0:27, `at_marks`),
    a name given before as its place ("post-drop": after 0:16, `names.as_places` with `named`, `names.earlier`);
    the user is quoted as said."""
    return as_places(at_marks.at_mark(piece, history), named, None)


def noted(phrases: list[str]) -> str:
    """The reply's line naming the words not acted on; "" when there are none."""
    if not phrases:
        return ""
    said = " or ".join(f"'{p}'" for p in phrases)
    return (f"I did not act on {said}: I don't know what that asks of the music. Say it another way (e.g. 'a swell "
            "into the last shot' or 'more drums at the end') and I'll do it.")


def reading(read: Callable[[], list]) -> list | None:
    """The intents a clause reads (`read()`, as `clauses.read_clause` with guess); None when it holds words no reader
    knows ("do the zoop thing at the end"); [] when it reads nothing or is asked about."""
    try:
        return read()
    except Unknown:
        return None
    except Ask:
        return []


def own_place(clause: str, read: Callable[[], list]) -> bool:
    """Whether the place `clause` says belongs to its own words (`reading` of it): words no reader knows said as an
    order (`ORDERED_RE`: "do the zoop thing at the end") or an edit of its own ("do the swoosh-bang thing in the last
    shot": a crash there), not the edit said before it. A clause that names or ties a place ("the chase is shots 6 to 8"), says which place the one before
    meant ("that's the sixth shot") or keeps one as it is ("sh1-3 untouched") lends its place to that edit."""
    if APPOSITIVE_RE.match(clause) or only_ties(clause):
        return False
    got = reading(read)
    return got is None and bool(ORDERED_RE.match(clause)) or any(it.what not in ("lock", "unlock") for it in got or [])
