"""Messages that lean on the change before them (issue 11): "again", "even more", "too much", "same in shot 3",
"and the ending", "no, I meant the end", "the piano too". Each is read as the last edit once more, part of the way
back, at another place as well, moved to another place, or for another part as well; a message with its own meaning
is left to the readers (approval, "perfect", is `approval`'s).

    from v2m.agent.dialogue.followups import lean, more_of_the_same
    more_of_the_same(request, history, last)                     # "faster" ... "more": the last step again
    part_fixed(request, history, last)                           # "not the guitar, I mean the flute": on that part
    lean(request, history, last, heard, locate, role, scope)     # the intents, or None for the readers

`history` is the first plan, then the plan after each edit so far; `last` the intents the last edit's request reads
as (against the plan it was made on), `heard(text)` what the readers make of this message alone (it may raise
`Ask`); a message the readers hear a meaning of its own in (another kind of change, another part) is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.arbiter import Unclear
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.halfway import ADDED_HALF_DB, OVER_RE, OVERALL_RE, TOO_MUCH_RE   # "too much", "dial it back a bit": part of the way back
from v2m.agent.dialogue.mentions import HEDGES, named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.part_words import as_part   # "now the bottom is boomy in there": the bass, a part of its own
from v2m.agent.dialogue.patterns import FULL_STOP, compiled
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import PLACE_FILLER, PLACE_WORDS_RE, WRONG
from v2m.agent.dialogue.references import reference
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import Ask, Span
from v2m.tools.contract import EditIntent, ScorePlan

# --- the last edit again, part of the way back, elsewhere, or for another part -----------------------------------
# "again", "keep going", "once more", "further", "even more", "another notch", "still too busy": the same again (not
# "don't touch it again": a lock)
MORE_RE = re.compile(r"\b(?:(?<!touch it )(?<!touch that )(?<!touch them )(?<!change it )(?<!change that )again|once more|keep going|go on|further|farther|even more|more still|still (?=(?:too|so|very|quite|not|"
                     r"isn'?t|can'?t|cannot|a bit|a little|kind of|kinda|needs?|feels?|sounds?|seems?|on the|rather|pretty)\b)|another (?:notch|bit|step|"
                     r"touch|few|couple|little|nudge|click|tick)|some more|a bit more|a little more|a touch more|"
                     r"(?:\w+er|more \w+) still|more of (?:that|this|it|the same)|one more time|keep (?:it |them )?coming|"
                     r"a (?:notch|step|bit|touch) further)\b|"
                     r"^\W*(?:and |just )?(?:more|moar|(?:a )?(?:bit|little|touch|tad|smidge|notch) more)\W*$", re.I)
# what a "more" may say beside it without saying anything new ("keep going with that", "crank that section even further",
# "even less", "a tad more, good"): a message made only of these asks for the last edit again
MORE_WORDS = set("""again once more less keep going go on further farther even still another notch bit step touch tad few couple
little nudge click tick some lots a the it that this of same with please pls plz ok okay so yes yeah good better nice and just do
can you could we kindly crank push take section part bit one way like much lot really very""".split())
# in a message made only of MORE_WORDS, the word that asks ("more", "even less", "keep going", "push it")
ASKS_AGAIN_RE = re.compile(r"\b(?:more|less|keep going|further|again|push it)\b", re.I)
# "a bit more 'them'", "more him during the speeches": more of a person, a quality no reader hears (a question), not "more"
PERSON_MORE_RE = re.compile(r"\bmore (?:'[a-z ]{1,20}'|(?:him|her|them|us|me|you|yourself|themselves|ourselves)\b(?! (?:know|guys|all)\b))", re.I)
REPEATABLE = ("tempo", "energy", "loudness", "balance")   # a step that can be taken twice
# a reading the other way that only goes part of the way ("too slow now", "slightly quicker than this pls")
PARTLY_RE = re.compile(r"\b(?:now|a bit|a little|little bit|bit|slightly|a touch|small amount|nudge|than (?:that|this|before)|"
                       r"not (?:so|as|that)|but still|still)\b", re.I)
# the same at another place too: "and shot 3", "the outro wants that too", "same for the intro"
ALSO_RE = re.compile(r"\btoo\b(?=\s*(?:$|[,.;:!?)]|(?:please|pls|plz|thanks|so|and|but|if|then|like|now)\b))|"
                     r"\b(?:also|as well|same|likewise|ditto|mirror|that (?:same|too)|as that)\b|^\W*(?:and|plus)\b", re.I)
# words that point at the last edit ("give it the same energy too", "the outro wants that too"), not at a thing named
POINTER_RE = re.compile(r"\b(?:that|this|same|them|likewise|ditto)\b(?! (?:is|are|was|were|sounds?|feels?)\b)")
# the last edit moved: "wrong shot, i meant 3", "not the end, the beginning", "rather than the last one"
MOVED_RE = re.compile(r"\b(?:sorry|wrong|meant|mean|misunderstood|misunderstanding|misheard|not the|rather than|instead|"
                      r"counted|should stay|as it was|like before|how it was|was fine|the one i meant|no,|oops|whoops|my bad|my mistake|"
                      r"rather|not there|should(?:'ve| have) been|(?:move|shift|put) (?:it|that|this|them) (?:to|on|in|over)|not (?:in |on |at )?(?:shot|cut)s?)\b", re.I)
# the words that put the last edit right, said first ("no", "sorry", "wait", "hang on", "my bad"): one list for a place
# corrected ("no, I meant shot 3": `CORRECTION_RE`; "no wait, the jump is the fourth shot": `NAME_FIX_RE`, both read by
# `understanding.retarget`) and for a part ("nope, not the guitar, the flute": `part_fixed`): place_words.WRONG, and said
# first a pause before one ("hang on", "hmm") too
CORRECTING = rf"{WRONG}|oh|hmm|hang on|hold on"
# those words and "I meant" said first ("no sorry, the third shot", "no, sorry, I meant the drop"): what follows puts the
# last thing said right (an answer's place, `answers`; a reading of "drop the beat", `drops`)
CORRECTING_RE = re.compile(rf"^\W*(?:(?:{CORRECTING}|i mean|i meant)\b\W*)+", re.I)
# "no, I meant shot 3", "it's the third shot, the kitchen one", "not there, the ending": the last edit, moved
CORRECTION_RE = re.compile(rf"^\W*(?:(?:{CORRECTING}|typo(?: above| there| earlier| before)?|not (?:both|all(?: of them)?))\b\W*)*(?:i meant|i mean|i said|"
                           r"i say|(?:he|she|they) mean[st]?|it'?s|it is|that'?s|thats|should be|make that|meant|not there)\b", re.I)
# "no wait, the jump is the fourth shot": a name put right, after a word that corrects
NAME_FIX_RE = re.compile(rf"^\W*(?:(?:{CORRECTING})\b\W*)+(?:the )?[a-z]+(?: [a-z]+)? "
                         r"(?:is|was|are|were) (?:the |in |at |shots? |cuts? )", re.I)
BARE_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"   # "i meant 6", "wrong shot, six": of the last edit's kind
BARE_NUMBER_RE = re.compile(rf"^\W*({BARE_NUMBER})\W*$", re.I)
# "no, the sixth", "nope the 6th one", "no, shot 6": a correcting word, then only the place meant (the last edit's kind of
# place when none is said)
BARE_FIX_RE = re.compile(rf"^\W*(?:(?:{CORRECTING}|i meant|i mean|wrong (?:shot|cut|one|place|spot))\b\W*)+(?:the )?(?:{BARE_NUMBER}|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                         r"tenth|last|final|\d{1,2}(?:st|nd|rd|th))(?: one| (?:shot|cut|photo|picture|slide|clip|scene)s?)?|(?:shot|cut|photo|"
                         r"picture|slide|clip|scene) \d{1,2})(?: (?:please|pls|then))?\W*$", re.I)
CORRECTION_WORDS_RE = re.compile(rf"\b(?:{CORRECTING}|wrong (?:shot|cut|one|place|spot)|i meant|i mean|i said|i say|it's|its|(?:he|she|they) mean[st]?|"
                                 r"it is|that's|thats|should be|make that|meant|not there|but|instead|rather|typo|above)\b")
# "no is not the guitar, I mean the flute", "not the strings, the brass": the last edit meant another part
NOT_PART_RE = re.compile(r"\b(?:not|n't|isn'?t)(?: the| a| an| my)? (?P<no>[a-z]+)\b")
PART_FIX_RE = re.compile(rf"^\W*(?:{CORRECTING})\b|\bi (?:mean|meant|said|say)\b|\bnot\b", re.I)
CALM = {"calm", "peaceful", "relaxed", "gentle", "soft", "mellow", "chill", "serene", "tender", "dreamy", "quiet"}
LIVELY = {"energetic", "intense", "aggressive", "excited", "epic", "driving", "tense", "urgent", "hype"}


def sense(it: EditIntent, plan: ScorePlan | None = None) -> tuple[str, int, str | None] | None:
    """What an intent moves and which way: ("tempo", -1, None), ("level", +1, "bass"), ("out", 0, "drums") ..."""
    sign = {"up": 1, "down": -1}.get(it.direction or "", 0)
    if it.what in ("tempo", "energy") and sign:
        return it.what, sign, None
    if it.what == "mood" and it.value:   # else by the energy the mood adds ("romantic": calmer)
        lift = MOODS[it.value].energy if it.value in MOODS else 0.0
        return ("energy", -1, None) if it.value in CALM or lift < 0 else ("energy", 1, None) if it.value in LIVELY or lift > 0 else None
    if it.what == "loudness" and sign:
        return "level", sign, None
    if it.what == "shape" and len(it.shape) > 1:   # "build to the end", then "too much": of energy, the shape's way
        return "energy", 1 if it.shape[-1] >= it.shape[0] else -1, None
    if it.what == "balance" and sign and it.value:
        return "level", sign, it.value
    if it.what == "only" and it.value:   # "only the piano there": of parts, weighed as parts
        return "only", 0, it.value
    if it.what == "add" and sign > 0 and it.value and plan is not None and (role := role_of(plan, it.value)):
        return "level", 1, role   # "more bass" where a bass plays: its level up, no part brought in
    if it.what in ("remove", "add") and it.value:
        return ("out" if it.what == "remove" else "in"), 0, it.value
    return None


def _tempo_beside(senses, moves, low: str) -> bool:
    """A complaint of speed after an edit that moved no speed ("more drums in shot 2", then "too slow now"), or of
    the energy or loudness after one that moved only the speed ("a smidge quicker", then "a tad too shouty now"; a bare
    "a bit too much" is the speed's): its own edit, never the last one taken back."""
    return any(s[0] == "tempo" for s in senses) and not any(m[0] == "tempo" for m in moves) or bool(senses) and \
        not TOO_MUCH_RE.search(low) and all(s and (s[0] == "energy" or s[0] == "level" and s[2] is None) for s in senses) and bool(moves) and all(m[0] == "tempo" for m in moves)


def _span_of(it: EditIntent) -> tuple[float, float] | None:
    return None if it.scope.kind == "whole" or it.scope.start_s is None else (it.scope.start_s, it.scope.end_s)


def _inside(span: Span, last: list[EditIntent], duration: float) -> bool:
    """Whether a place said lies where the last edit was (the whole score holds every place)."""
    spans = [_span_of(it) or (0.0, duration) for it in last]
    return any(a - 0.3 <= span.start_s and span.end_s <= b + 0.3 for a, b in spans)


def _same(span: Span, last: list[EditIntent], duration: float) -> bool:
    """Whether a place said is where the last edit was, about ("the first six seconds" after "calmer at the start")."""
    spans = [_span_of(it) or (0.0, duration) for it in last]
    return any(abs(a - span.start_s) <= 1.5 and abs(b - span.end_s) <= 1.5 for a, b in spans)


def _words_left(low: str) -> set[str]:
    return set(re.findall(r"[a-z']+", MORE_RE.sub(" ", low))) - MORE_WORDS


def more_of_the_same(request: str, history: list | None, last_asked) -> list[EditIntent] | None:
    """The last edit's steps once more, when the request asks only for more of them ("faster" ... "more", "once more",
    "a notch further"); None when it is no such request, or the last edit was no step that can be taken again (a style,
    a hit, an exact tempo); a part brought in comes up. "less" repeats only a step down ("less drums" ... "even less";
    "faster" ... "less" is no repeat); "more" and "keep going" repeat whichever way the last step went ("quieter in
    shot 2" ... "more")."""
    said = re.findall(r"[a-z0-9]+", request.lower())   # "more 808": a part named, no repeat
    if not history or len(history) < 2 or not said or not ASKS_AGAIN_RE.search(request) or \
            any(w not in MORE_WORDS for w in said):
        return None
    # "it needs a pulse" (drums in) ... "keep going, more": more of the part brought in, louder
    last = [it.model_copy(update={"what": "balance", "direction": "up", "reason": None})
            if it.what == "add" and it.value and it.value != "music" else it for it in last_asked() if it.what != "revert"]
    if not last or any(it.what not in REPEATABLE or it.amount is not None or it.direction == "set" for it in last):
        return None
    ways = {it.direction for it in last}
    if "less" in said and "more" not in said and ways != {"down"}:
        return None
    small = re.search(r"\b(?:bit|little|touch|tad)\b", request.lower())
    return [it.model_copy(update={"text": request[:400], **({"magnitude": "small"} if small else {})}) for it in last]


def part_fixed(request: str, history: list | None, last_asked) -> list[EditIntent] | None:
    """The last edit taken back and made again on the part now named, when the request only puts right which part
    it meant ("the guitar, more loud" ... "no is not the guitar, I mean the flute"); None when it is no such turn."""
    low = request.lower()
    parts = named_parts(low)
    if not history or len(history) < 2 or len(parts) != 2 or not PART_FIX_RE.search(low):
        return None
    no = next((m.group("no") for m in NOT_PART_RE.finditer(low) if m.group("no") in parts), None)
    if no is None:
        return None
    meant = next(p for p in parts if p != no)
    last = [it for it in last_asked() if it.what != "revert"]
    if not last or not all(no in (it.value or "") or no in (it.target or "") for it in last if it.what in
                           ("balance", "add", "remove", "swap", "only")) or not any(no in (it.value or "") for it in last):
        return None
    moved = [it.model_copy(update={"value": (it.value or "").replace(no, meant), "text": request[:400]}) for it in last]
    return [EditIntent(what="revert", version=-1, text=request[:400], reason=f"the {meant}, not the {no}"), *moved]


ATTRIBUTE = {"tempo": "tempo", "speed": "tempo", "pace": "tempo", "bpm": "tempo", "energy": "energy", "volume": "level",
             "loudness": "level", "level": "level", "mix": "level",
             "loud": "level", "quiet": "level"}   # "tempo is too much": the tempo's, not the last edit's; "too loud now"
# after more energy: the mix's loudness, not the energy half back
# kinds of reading that are no meaning of a follow-up's own ("keep shot two as is" beside it)
NO_OWN_MEANING = ("lock", "unlock", "revert", "undo")
# the whole score said in a follow-up ("and everything", "the whole mix too"): the last edit over all of it (a scope
# said in an edit is `where.WHOLE_RE`'s)
WHOLE_MIX_RE = re.compile(r"\b(?:everything|overall|the whole (?:thing|track|score|song|video|piece)|all of it|the (?:whole )?mix)\b")
KEPT_RE = re.compile(r"\b(?:so (?:it'?s|that|there'?s)|just|only|leaving|except|apart from|but not)\b[^.;!?]*")
# "is still very quick": how the music still is, a complaint like "too quick"
STILL_RE = re.compile(rf"\bstill (?:(?:very|so|quite|really|{HEDGES}|rather|pretty) )*(?!too\b)([a-z]+)\b(?= *(?:$|[,.;!?]|for|at|in|on|to|and|but))")
# a clause ends, or a place is taken back ("the opening, not the finale", "the first two rather than the last one");
# a full stop ends one, a decimal point in a time ("between 0:06.5 and 0:18.0") does not
CLAUSE_RE = re.compile(rf"(?:[,;!?\n]|{FULL_STOP})+|\b(?:not|rather than|instead of|but)\b|\band\b(?! \d| (?:shots?|cuts?) \d)")


def places(low: str, locate: Callable[[str], Span | None]) -> list[Span]:
    """The places the message names, clause by clause ("not the end, the beginning": two)."""
    found, noun = [], re.search(r"\b(shot|cut)s?\b", low)
    if noun:   # "wrong shot, i meant 3": the number is a shot's
        low = re.sub(r"\b(meant|mean|was|is|it'?s) (?:number |no\.? )?(\d{1,2})\b(?!\s*(?::|s\b|sec|bpm|%|db))",
                     rf"\1 {noun.group(1)} \2", low)
    low = re.sub(r"\b(?:the )?\w+ (?:version|draft|mix|take)\b", " ", low)   # "not like the beginning version": no place
    for x in CLAUSE_RE.split(low):
        try:
            span = locate(x) if x.strip() else None
        except Ask:
            span = None
        if span is not None and all((s.start_s, s.end_s) != (span.start_s, span.end_s) for s in found):
            found.append(span)
    return found


def _agree(said: list, last: list) -> bool:
    """Every reading moves what the last edit moved, the same way (a part's level and the mix's are one "louder")."""
    return bool(said) and all(s and any(s[0] == t[0] and s[1] == t[1] and (s[2] is None or s[2] == t[2]) for t in last)
                              for s in said)


def _own(said: list, allowed: list) -> bool:
    """Whether the readers heard a meaning of the message's own beside what the last edit did (or its undoing): a
    change of another kind ("and shot 10 a little faster" after "slower") or of another part ("the cymbals out")."""
    return any(s is None or (s[:2] not in {a[:2] for a in allowed} if s[2] is None else s[2] not in {a[2] for a in allowed})
               for s in said)


# what a message that only points the last edit elsewhere says besides the place and the part ("do the sax as well")
POINTING = MORE_WORDS | set("""do same also too as well and plus for in on at with there here thing treatment please pls plz
could can we you i would like want wants need needs needed give get have let's lets go please that this those them
of then now love it great nice ok okay brilliant lovely perfect yes yeah part bit section""".split()) | \
    set("middle centre center intro introduction outro ending opening beginning finale climax bridge".split())   # places by name


def _bare(low: str) -> bool:
    """The message names a place, a part and that it means the same, and nothing else ("piano too", "and shot 3")."""
    rest = PLACE_WORDS_RE.sub(" ", ALSO_RE.sub(" ", low))
    rest = compiled(r"\b(?:" + "|".join(map(re.escape, named_parts(low))) + r")s?\b").sub(" ", rest) if named_parts(low) else rest
    return not set(re.findall(r"[a-z']+", rest)) - POINTING - PLACE_FILLER


def _against(said: list, last: list) -> bool:
    return bool(said) and all(s and any(s[0] == t[0] and s[1] == -t[1] != 0 for t in last) for s in said)


def joined(request: str, note: str) -> str:
    """The note a message's wrapper was taken off, with the "and" that joins it to the last edit kept ("and shot 3":
    also there)."""
    return f"also {note}" if re.match(r"\W*(?:and|plus)\b", request, re.I) and not re.match(r"\W*(?:and|plus)\b", note, re.I) \
        else note


def may_lean(request: str) -> bool:
    """Whether a message may lean on the last edit: short ("louder", "and shot 3") or with a word that points back
    ("again", "too much", "as well", "I meant"); "louder bass in the middle" is a request of its own, and the last
    request is then not read again (a turn's patterns stay fewer than re's cache holds)."""
    low = request.lower()
    return len(low.split()) <= 4 or any(r.search(low) for r in (MORE_RE, OVER_RE, PARTLY_RE, ALSO_RE, MOVED_RE, STILL_RE))


def lean(request: str, history: list[ScorePlan], last: list[EditIntent], heard: Callable[[str], list[EditIntent]],
         locate: Callable[[str], Span | None], role: Callable[[str], str | None],
         scope: Callable[[Span], object]) -> list[EditIntent] | None:
    """The intents of a message that leans on the last edit, or None when it says something of its own.

    Args:
        request: the user's words.
        history: the first plan, then the plan after each edit so far.
        last: the intents the last edit's request reads as.
        heard: what the readers make of a text alone (may raise Ask).
        locate: the place a clause names, or None.
        role: the part of the plan a word names, or None.
        scope: an EditScope for a place.
    """
    moves = [sense(it, history[-2]) for it in last]
    low = " ".join(request.lower().split())
    if (again := _mark_elsewhere(low, last, heard)) is not None:   # "hit the cut at 0:07" ... "and the one at 0:05"
        return [it.model_copy(update={"text": request[:400]}) for it in again]
    back = reference(words(request))   # "like it was before": all the way back, not part of it
    if len(history) < 2 or not last or None in moves or back and back[0] == 0:
        return None   # "put it back how it was at the very start": the first score, the readers' (not "as before")
    duration = history[-1].duration_s
    said_places = places(low, locate) + ([Span(0.0, duration, "everything")] if WHOLE_MIX_RE.search(low) else [])
    new_places = [p for p in said_places if not _inside(p, last, duration)]
    elsewhere = [p for p in said_places if not _same(p, last, duration)]
    # "... so it's just piano and sax": the parts left playing are no parts to edit
    roles = [role(w) or w for w in named_parts(as_part(KEPT_RE.sub(" ", low), named_parts))]   # a part the score lacks is one of its own
    # the part just brought in, by its name or its role ("add a flute", then "the flute is a bit much now": the lead)
    added = {m[2] for m in moves} | {role(m[2]) for m in moves if m[0] == "in" and m[2]}
    new_roles = [r for r in dict.fromkeys(roles) if r not in added]
    try:
        said = heard(STILL_RE.sub(r"still too \1", request))
    except Unclear:   # "too flat now": dull, or out of tune? the readers' question, not a step back
        return None
    except Ask:
        said = None
    senses = [sense(it, history[-1]) for it in said or [] if it.what not in NO_OWN_MEANING]
    text = {"text": request[:400]}
    undone = {(m[0] if m[1] else {"in": "out", "out": "in"}.get(m[0], m[0]), -m[1], m[2]) for m in moves}
    if MOVED_RE.search(low) and len(new_places) == 1 and not new_roles and \
            not _own(senses, moves + list(undone)):   # "no, I meant the end"
        there = scope(new_places[0])
        return moved(request, [it.model_copy(update={"scope": there}) for it in last])
    if new_roles and not new_places and all(m[2] for m in moves) and ALSO_RE.search(low):   # "the piano too"
        if said and all(s and s[2] in new_roles and any(s[:2] == m[:2] for m in moves) for s in senses):
            return [it.model_copy(update={"scope": last[0].scope, **text}) if it.scope.kind == "whole" else it for it in said]
        if not said or _bare(low) or not _own([(s[0], s[1], None) if s else s for s in senses], moves):
            return [it.model_copy(update={"value": r, **text}) for r in new_roles for it in last]
        return None
    if new_places and not new_roles and ALSO_RE.search(low) and (_bare(low) or (
            not _own(senses, moves) if said else POINTER_RE.search(low))):   # "same in the last shot"
        return [it.model_copy(update={"scope": scope(p), **text}) for p in new_places for it in last]
    if new_roles:
        return None
    apart = [p for p in elsewhere if p.label == "everything" and any(_span_of(it) for it in last) or not any(a < p.end_s and p.start_s < b for a, b in
                                              (_span_of(it) or (0.0, duration) for it in last))]
    numbers = all(m[0] in ("tempo", "energy", "level") for m in moves) and not any(   # "too fast, go 160": that bpm, no step back
        it.what == "tempo" and it.direction == "set" for it in said or [])
    named = {ATTRIBUTE[w] for w in re.findall(r"[a-z]+", low) if w in ATTRIBUTE}
    if numbers and not elsewhere and not back and named <= {m[0] for m in moves} and not OVERALL_RE.search(low) and (OVER_RE.search(low) and (
            not said or any(_against([x], moves) for x in senses) or None not in senses and not _agree(senses, moves) and
            not _tempo_beside(senses, moves, low)) or
                    said and _against(senses, moves) and PARTLY_RE.search(low) and not elsewhere and not (   # "too much";
                        said_places and any(it.what == "shape" for it in said))):   # "now a crescendo in shot 2": its own
        # a part's level by its role ("the piano": harmony); None: the whole mix's loudness, blended with the rest; a
        # part's level alone when named ("too much bass now") or nothing else moved ("more drums in shot 2" raised the
        # energy too: "too much" takes both part way back)
        parts = {m[2] and (role_of(history[-1], m[2]) or m[2]) for m in moves if m[0] == "level"}
        alone = len(parts) == 1 and None not in parts and (roles and set(roles) <= parts or {
            c.kind for c in diff(history[-2], history[-1])} <= {"levels"})
        return [EditIntent(what="revert", version=len(history) - 2, amount=0.5, text=request[:400],
                           **({"value": "instruments", "target": parts.pop()} if alone else {}))]
    if all(m[0] == "in" for m in moves) and not apart and not back and not named and OVER_RE.search(low) and (
            not said or all(s and (s[:2] == ("level", -1) and s[2] in added or s == ("energy", -1, None) and TOO_MUCH_RE.search(low))   # of what came in: that, no feeling
                            for s in senses)):
        # "add strings" then "it's a bit much now" ("honestly it's a bit too much": no less of the whole score, read
        # alone; "too epic now" is the feeling, less energy): a part in has no level to go half-way back to; the part just
        # brought in at half its sound (what "part of the way back" is to a part that was silent), not a small step
        return [EditIntent(what="balance", value=it.value, direction="down", amount=ADDED_HALF_DB, scope=it.scope,
                            text=request[:400]) for it in last]
    if elsewhere:
        return None
    if MORE_RE.search(low) and not PERSON_MORE_RE.search(low) and (said is None or not _words_left(low) or any(
            s in moves or s and (s[0], s[1], None) in {(m[0], m[1], None) for m in moves} for s in senses)) or \
            said and _agree(senses, moves) and all(m[2] for m in moves) and not any(s[2] for s in senses):
        # "again", "still too busy at the start"; "louder" after a part was turned up: that part
        return [it.model_copy(update=text) for it in last]
    if said and MORE_WORD_RE.fullmatch(low) and _agree(senses, moves) and \
            all(it.scope.kind == "whole" for it in said) and all(it.scope.kind != "whole" for it in last):
        # "slow at 0:31", then the learner's "more slow": more of it there ("slower" alone is said anew, everywhere)
        return [it.model_copy(update=text) for it, m in zip(last, moves) if any(s[:2] == m[:2] for s in senses)]
    return None


MOVED = "the last edit moved"   # the reason a correction's step back gives (`moved`)


def moved(request: str, intents: list[EditIntent], now: str = "") -> list[EditIntent]:
    """The last edit put right ("no, I meant the sixth shot", "sorry, shot 6 not 5", "one later"): the plan before it,
    whole, then `intents` (that edit at the place now said, or read again as now said), so the plan is the one the
    corrected request makes said directly (a section the wrong place cut off is joined again). The one way every
    reader of a correction (`understanding.retarget`, `lean`, `shifts.moved`) takes the last edit back; `now`: what the
    reason adds (", now shot 6")."""
    return [EditIntent(what="revert", version=-1, text=request[:400], reason=MOVED + now),
            *(it.model_copy(update={"text": request[:400]}) for it in intents)]


def corrects(intents: list[EditIntent]) -> bool:
    """Whether the intents put the last edit right at another place (`moved`'s): the words of such a turn ("sorry",
    "I meant the sixth shot") are all read, by the correction."""
    return any(it.what == "revert" and it.version == -1 and (it.reason or "").startswith(MOVED) for it in intents)


MORE_WORD_RE = re.compile(r"\W*(?:a bit |a little |much |even )?more [a-z]+\W*")   # a learner's "more slow": again, there
CLOCK_RE = re.compile(r"(?<![\d:.])\d{1,2}:\d{2}(?:\.\d+)?(?![\d:])")
MARKS = ("hit", "no_hit")


def _mark_elsewhere(low: str, last: list[EditIntent], heard: Callable[[str], list[EditIntent]]) -> list[EditIntent] | None:
    """The last request's mark once more at another time: "hit the cut at 0:07", then "and the one at 0:05" or "same at
    0:12" is "hit the cut at 0:05" (a mark on the cut there, as asked the first time); None for any other message."""
    if not last or not all(it.what in MARKS for it in last) or len({it.text for it in last}) != 1 or \
            not ALSO_RE.search(low) or len(low.split()) > 6:
        return None
    was, now = CLOCK_RE.findall(last[0].text), CLOCK_RE.findall(low)
    if len(was) != 1 or len(now) != 1 or was == now:
        return None
    try:
        said = heard(last[0].text.replace(was[0], now[0]))
    except Ask:
        return None
    return said if said and all(it.what in MARKS for it in said) else None
