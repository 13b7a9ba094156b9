"""Names people give to places: "the gunshot's on the third cut", "the kiss at 0:30", "last 4 seconds is the
trophy lift", "the second cut is her walking in". A name said with a place (a cut, a shot or a time) is
remembered for the rest of the chat and read as that place wherever it is said again ("after the gunshot"
is "after the third cut"); a name said beside a place ("the Tokyo bit, shots 6 to 10") is a label, not an
edit. The place said in numbers always wins over the name: the picture analysis cannot see a kiss.

    text, found = defined("after the kiss at 0:30 bring the band in")   # "after 0:30 bring the band in"
    resolve("and after the kiss, strings", found)                      # "and after 0:30, strings"

Earlier turns' names come from the edit log in the plan's reasoning (`earlier`), so a session that is
reopened still knows them. `name_places.placed` gives a clause the place it names (`v2m.agent.dialogue.sides`
the place said against another: "just before it", "there"); `name_places.moment_shot` the shot at a time said as a
moment. Which words may be a name at all is `name_words.is_name`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from v2m.agent.dialogue import edit_log, event_names, lasting, patterns, verbed, verdicts
from v2m.agent.dialogue.chapters import PART_RE, parts
from v2m.agent.dialogue.counted import ORD, ORDINALS
from v2m.agent.dialogue.edit_log import last_request   # (re-exported: its readers ask names for it)
from v2m.agent.dialogue.going_into import went_into
from v2m.agent.dialogue.hit_words import BAND_STOPS
# (is_name re-exported: its readers ask names for it)
from v2m.agent.dialogue.name_words import ADJECTIVES, MOMENT_NOUNS, NUMBER_WORDS, PART_WORD_RE, PARTICLES, SPAN_NOUNS, is_name
from v2m.agent.dialogue.phrases import TOO, opening, words
from v2m.agent.dialogue.place_words import CLOCK, FILM_BIT, SECONDS, SHOT_WORD, only_place, shorthand
from v2m.agent.dialogue.review_notation import notation
from v2m.tools.contract import ScorePlan

# The end said as the place of a name that is a shot or a scene ("the tasting shot at the end"), not a mark ("the fade")
END = r"(?:the )?(?:very )?end\b"
END_RE = re.compile(END)
TOWARD_RE = re.compile(rf"\b(?:to|into|towards?|till|until)\s+(?:{'|'.join(('the', 'her', 'his', 'their', 'its', 'our', 'my', 'your'))})\s*$")
STRETCH_NOUNS = ("shot", "scene", "sequence")
# A place said in numbers: a cut or shot by its ordinal or number, a count of seconds, or a time.
PLACE = (rf"(?:(?:(?:from|between) )?{CLOCK} (?:to|and|till|until|-) ?{CLOCK}(?![\d:])|"   # "0:31 to 0:55 is the interview"
         rf"(?:the )?{ORD} shot (?:to|till|until|through|thru) (?:the )?{ORD} shot\b|"   # "3rd shot until 5th shot is the market"
         rf"the shot (?:right |just |straight )?(?:after|before) the {ORD} cut\b|"   # "the demo is the shot after the fifth cut"
         rf"(?:the )?(?:{ORD} (?:cut|shot|{SHOT_WORD}|{FILM_BIT})|shot at \d+:\d{{1,2}}|"
         rf"(?:first|last|final|opening|closing) (?:two|three|four|five|six|couple of|few|\d+) (?:shot|{SHOT_WORD})s|"
         rf"(?:first|last|final|opening|closing) {SECONDS}|"
         rf"shots? \d+ ?(?:to|-|through|and|&) ?\d+|(?:cut|shot) (?:number |no\.? |#)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten))\b|"
         rf"\d+:\d{{1,2}}(?:\.\d+)?(?!\d)|{SECONDS}\b)")
DET = lasting.DET
WORD = r"[a-z][a-z-]+"
NAME = rf"{WORD}(?: {WORD}){{0,2}}"
# A name is said to be at a place ("the gunshot's on the third cut", "freeze frame on the 5th cut",
# "make the drop land at 0:16") ...
# ... or to be a stretch said in bare times ("Rooftop is 24 to 38", "the toast is 1:10-1:25"): from the first to the second
BARE_STRETCH = rf"(?:{CLOCK}|\d{{1,3}}) ?(?:to|-|till|until) ?(?:{CLOCK}|\d{{1,3}})(?: ?(?:s|secs?|seconds))?(?![\d:])"
BARE_STRETCH_RE = re.compile(rf"({CLOCK}|\d{{1,3}}) ?(?:to|-|till|until) ?({CLOCK}|\d{{1,3}})")
AT_RE = re.compile(rf"(?P<name>{NAME}?)(?P<verb>'s| is| are| was| happens| comes| lands?| hits| "
                   rf"goes off| starts?| begins?)?(?: (?:right|just|exactly))?(?P<prep> (?:on|at|around|in))? (?P<place>{BARE_STRETCH}|{PLACE}|{END})")


def _stretch(place: str) -> str:
    """A place `AT_RE` found, as the finders read it: a stretch in bare times from its first to its second."""
    if not (m := BARE_STRETCH_RE.fullmatch(place.split(" s")[0].strip())):
        return place
    return "from " + " to ".join(t if ":" in t else f"{t}s" for t in m.groups())
# ... or a place is said to be the name ("last 4 seconds is the trophy lift", "the second cut is her walking in").
IS_RE = re.compile(rf"(?P<place>{PLACE}) (?:(?:is|'s|are|was) (?:when |where )?(?:{DET} )?|(?:has|have|shows?|features?) (?:{DET} |an? )?)"
                   rf"(?P<name>{NAME})\s*$")  # "0:30 is the logo", "the shot 5 have a gun"
RANGE_END_RE = re.compile(r"(?:-|–|\bto|\buntil|\btill)\s*$")   # a place that ends a stretch said before it
# ... or a place is said to be the name with "that's" and the edit said on in the same breath ("the second shot thats
# warrior two make it more intense", "shot two that's the warrior pose give it more energy"): the longest words that
# name something (`_run_on_name`), the rest the edit
THAT_IS_RE = re.compile(rf"(?P<place>{PLACE}),? (?P<that>that'?s|thats|that is|which is|which'?s) (?:(?P<det>{DET}) )?"
                        rf"(?P<name>{WORD}(?: {WORD}){{0,3}})")
# "the intro thats fine", "the end thats too slow now": how the place is judged, no name
JUDGED_WORDS = set(re.split(r"\W+", f"{verdicts.FINE}|{verdicts.PRAISE}")) | verdicts.FAULTS | set(TOO) | {"where", "when", "while", "how", "why"}


def _run_on_name(det: str | None, said: str) -> str | None:
    """The longest first words of `said` that name something, said after "the" or two words or more ("warrior two"),
    none of them a judgement; None when none do."""
    words_ = said.split()
    if any(w in JUDGED_WORDS for w in words_[:1]):
        return None
    for n in range(len(words_), 0 if det else 1, -1):
        name = " ".join(words_[:n])
        if is_name(name) and not any(w in JUDGED_WORDS for w in words_[:n]):
            return name
    return None


# "the Tokyo bit", "the sunset shots", "the kitchen one": a place's own name beside its number.
LABEL_RE = re.compile(rf"(?:\bthe |(?<=\d ))({WORD}(?: {WORD})?) ({'|'.join(MOMENT_NOUNS)}|shots|ones?)\b")
EDIT_LOG_RE = re.compile(r'^- "(.*)": read as ', re.M)
CLAUSES_RE = re.compile(rf"\s*(?:[,;!?]|:(?!\d)|{patterns.FULL_STOP}|(?<!\bdrum )(?:(?<!\d )\band\b|\band\b(?!\s+\d))(?!\s+(?:roll|blues|b)\b)|\bthen\b|\bbut\b)\s*", re.I)   # a request's clauses (`moment_table`'s too): patterns' marks, "and", "then", "but" and a ":" not in a time besides, as a name and its place are said apart (not "shots 13 and 14")
# "the last two", "the first three" said without a noun count the shots (or cuts) the request speaks of
COUNT_ALONE_RE = re.compile(r"\b(?:the )?(first|last|final) (two|three|four|five|six|couple|few|\d)\b"
                            r"(?! ?(?:of )?(?:shots?|cuts?|s\b|secs?|seconds?|bars?|beats?|minutes?|sections?))")
# a time said as a moment with its unit ("at 0:45", "at 45 seconds"): the shot there, for an edit that is no hit
AT_TIME_RE = re.compile(rf"\b(?:at|around|right at) (\d+:\d{{1,2}}(?:\.\d+)?|{SECONDS})\b(?! ?(?:-|–|to|till|until) ?\d)")   # not "at 0:40-0:50"


# Something happening at a place, said of someone ("he pops the question at the third cut", "they kiss at
# 0:30"): a clause that only says where a moment is, for the clauses after it ("hush just before it").
EVENT_RE = re.compile(opening("and|then") + rf"(?:he|she|they|we|it|you) (?P<what>{WORD}(?: {WORD}){{0,4}}?)"
                      rf" (?P<prep>at|on|around|in) (?P<place>{PLACE})\s*$")
FUNCTION_WORDS = {"the", "a", "an", "her", "his", "their", "its", "our", "my", "your", *PARTICLES}


def _is_event(what: str) -> bool:
    """The words of a happening ("pops the question") hold no word of an edit, a part or a mood."""
    return is_name(" ".join(w for w in what.split() if w not in FUNCTION_WORDS) or "-")


def event_nouns(verb: str) -> set[str]:
    """The nouns a happening's verb is said again by: "proposes" the proposal, "lands" the landing, "kisses" the kiss."""
    stems = {verb, *(verb[:-len(end)] for end in ("es", "s", "ed", "ing") if verb.endswith(end))}
    return {x + end for x in stems if len(x) >= 3 for end in ("", "e", "al", "ing", "ure")}


def defined(text: str) -> tuple[str, dict[str, str]]:
    """The names a clause gives to places, and the clause with each name replaced by its place.

    Args:
        text: one clause, lower-cased, punctuation stripped (as `place_finders.locate` reads it).
    Returns:
        (the clause as a place said in numbers, {name: place text}).
    """
    text, found = lasting.lasted(text, is_name)   # "the chase runs from 0:10 to 0:25": that stretch, named
    if (at := went_into(text)) is not None:   # "the train goes into 0:22" (its tunnel read as its time): only a place
        return at, found
    if (m := EVENT_RE.match(text)) and _is_event(m.group("what")):   # "he pops the question at the third cut"
        found = {n: m.group("place") for n in event_nouns(m.group("what").split()[0]) if is_name(n)}
        return f" {m.group('prep')} {m.group('place')} ", found   # "he proposes at cut 6": "the proposal" is there
    m = IS_RE.search(text)
    if m and is_name(m.group("name")) and not RANGE_END_RE.search(text, 0, m.start()) and \
            not PART_WORD_RE.search(text, 0, m.start()):   # "the sax part at 0:40-0:50 is cringe": the sax's, no name
        found[m.group("name")] = m.group("place")
        at = "at " if m.group("place")[0].isdigit() else ""   # "0:21 is the splash": the moment 0:21
        return text[:m.start()] + f" {at}{m.group('place')} " + text[m.end():], found
    if (m := THAT_IS_RE.search(text)) and (name := _run_on_name(m.group("det"), m.group("name"))):
        found[name] = m.group("place")   # "the second shot thats warrior two make it ...": the name, then the edit
        return text[:m.start("that")] + text[m.start("name") + len(name):], found
    starts = [m.end() for m in re.finditer(rf"^\s*|\b{DET} ", text)]  # a name starts a clause or follows "the"
    for m in filter(None, (AT_RE.match(text, k) for k in starts)):
        name, place = m.group("name").strip(), _stretch(m.group("place"))
        bare = not re.search(rf"\b{DET}\s*$", text[:m.start()]) and not m.group("verb")
        if bare and (len(name.split()) < 2 or (m.group("prep") or "").strip() not in ("on", "at", "around") or
                     any(re.search(r"(?:er|ly)$", w) or w in ADJECTIVES for w in name.split())):
            continue   # "darker in shot 2" is an edit; a name starting a clause bare is two words at a moment
        if END_RE.fullmatch(m.group("place")) and not name.endswith(STRETCH_NOUNS) and not TOWARD_RE.search(text[:m.start()]):
            continue   # "the fade at the end" is a mark there; "the tasting shot at the end", "grow to the big wave at the end" name it
        if (m.group("verb") or m.group("prep")) and is_name(name) and not any(p.search(text) for p in BAND_STOPS):
            prep = "from" if re.match(r" (?:starts?|begins?)", m.group("verb") or "") and name.endswith(SPAN_NOUNS) \
                else (m.group("prep") or "").strip()   # "the victory part starts at 0:54, make it ...": from there on (later too)
            found[name] = f"from {place}" if prep == "from" and place == m.group("place") else place
            if re.match(r" (?:lands?|hits)", m.group("verb") or ""):   # "make the drop land at 0:16": a hit there
                return f"{text[:m.start()]} hit {m.group('prep') or 'at'} {m.group('place')} {text[m.end():]}", found
            keep = re.sub(rf"\b{DET}\s*$", "", text[:m.start()]).rstrip()
            if not prep or prep != "from" and re.search(r"\b(?:after|before|from|until|till|to|since|into|at|on|around)$", keep):
                prep = ""   # "after the kiss at 0:30": after 0:30; "to the title card at 0:38": to 0:38
            return f"{keep} {prep if place == m.group('place') else ''} {place} {text[m.end():]}", found
    return text, found

AFTER_STRETCH_RE = re.compile(rf"\b(after|since|past)\s+from ({CLOCK}) to ({CLOCK})")
BEFORE_STRETCH_RE = re.compile(rf"\b(before|until|till|up to)\s+from ({CLOCK}) to ({CLOCK})")
AT_MOMENT_RE = re.compile(r"(?:\b(?P<lead>after|before|from|till|until|to|into|towards?|at|by|around|since|past|near|in|during|on|within|over|throughout) +)?\x00(?=\d)")   # a name for a moment in time, said "in the kiss" or as the object ("make the kiss darker"): at its time


IN_WORDS = ("in", "during", "on", "within", "over", "throughout")   # a stretch's words, said of a moment: at it


# The nouns for a stretch of the picture a name may be said again with or without ("the balcony view" is "the balcony
# shot", "the balcony bit", "the balcony" four turns later; "the kiss" is "the kiss part")
SAID_AGAIN_NOUNS = ("shot", "view", *MOMENT_NOUNS)
SAID_AGAIN = rf"(?: (?:{'|'.join(SAID_AGAIN_NOUNS)}))?"


def _head(name: str) -> str:
    """The words a name is known by: without its noun for a stretch of the picture when they name something themselves
    ("balcony view": "balcony"; "calm bit" stays whole, "calm" is a mood)."""
    words_ = name.split()
    head = " ".join(words_[:-1])
    return head if len(words_) > 1 and words_[-1] in (*SAID_AGAIN_NOUNS, *NUMBER_WORDS) and is_name(head) else name   # "warrior two": "the warrior shot"


@lru_cache(maxsize=1024)
def _name_re(name: str) -> re.Pattern:
    """How a name said before is said again: "act 2" with or without "in", any other after "the", "that" or "this",
    there with any noun for a stretch of the picture or none ("the balcony shot" for "the balcony view"); a name of
    more than one word also bare at a clause's start, as it was said (one word there is a verb, "drop the drums")."""
    if PART_RE.fullmatch(name):   # "act 2", however it is said: "in act 2", "act 2 build"
        return re.compile(rf"\b(?:in |during |for |over |through )?{name}\b")
    start = rf"^\s*{re.escape(name)}(?:'s)?\b|" if " " in name else ""
    return re.compile(rf"{start}\b(?:{DET}|that|this) (?:{re.escape(name)}|{re.escape(_head(name))})(?:'s)?{SAID_AGAIN}\b")


def resolve(text: str, names: dict[str, str]) -> str:
    """`text` with each name said before replaced by its place ("after the gunshot" -> "after the third cut")."""
    for name in sorted(names, key=len, reverse=True):
        if _head(name) in text:   # each way a name is said holds its head (or all of it) as it is
            text = _name_re(name).sub(f" \x00{names[name]} ", text)   # \x00: where a name was, for AT_MOMENT_RE
    text = AT_MOMENT_RE.sub(lambda m: f"{m['lead']} " if m["lead"] and m["lead"] not in IN_WORDS else "at ", text).replace("\x00", "")
    # a named stretch said as a moment ("after the speech", the speech from 0:09 to 0:24): its end, or its start
    text = AFTER_STRETCH_RE.sub(r"\1 \3", text)
    return BEFORE_STRETCH_RE.sub(r"\1 \2", text)


def unlabel(text: str) -> str:
    """`text` without the names of places said beside them ("the tokyo bit, shots 6 to 10" -> "the bit, ...")."""
    return LABEL_RE.sub(lambda m: (f"the {m.group(2)}" if m.group(0).startswith("the") else " ")
                        if is_name(m.group(1)) else m.group(0), text)


def _clauses(request: str) -> list[str]:
    parts = CLAUSES_RE.split(request.lower())
    return [words(x) for x in parts]


def said(request: str) -> dict[str, str]:
    """The names a request gives to places, in any of its clauses ("before the vows ... vows start at 0:30"),
    and the numbered parts it marks out ("act 1 (to 0:35) ..., act 2 ..., act 3 (1:06>) ...")."""
    found: dict[str, str] = {}
    clauses = _clauses(notation(request))
    for clause in clauses:
        found.update(defined(shorthand(clause))[1])
    return event_names.named(clauses, PLACE, is_name) | found | beside(clauses) | parts(clauses) | verbed.named(clauses, PLACE, is_name)


# A clause that is only a name ("the coach's speech", "the ring") and the place said in the clause beside it: before
# it, a place said alone ("the coach's speech, 0:09 to 0:24, ..."); after it, a place a clause ends on ("hit the cut
# at 0:47, the ring"). The name is kept without the word for a stretch ("the tokyo bit": "tokyo").
NAME_ALONE_RE = re.compile(rf"^\s*{DET} {lasting.NAME}(?: (?:{'|'.join(MOMENT_NOUNS)}|shots?))?\s*$")
# (not cues.STRETCH_RE: a cue's IN and OUT may be joined by "and" or "through", where a name's place may not)
STRETCH = rf"(?:from )?{CLOCK} ?(?:to|-|until|till) ?{CLOCK}|{PLACE}"
PLACE_ALONE_RE = re.compile(rf"^\s*(?:(?:at|on|around|in) )?(?P<place>{STRETCH})\s*$")
PLACE_LAST_RE = re.compile(rf"\b(?:at|on|around|in) (?P<place>{STRETCH})(?: please| pls| if you can| if possible)?\s*$")   # "... on the fourth cut please, where"


def _named(name: str) -> bool:
    """`is_name`, and beside a place said on its own also a happening counted ("the first dance", "the last
    goodbye"): the place said with it shows it is a moment, not the first shot."""
    first, _, rest = name.partition(" ")
    return is_name(name) or first in ORDINALS and is_name(rest) and rest.split()[-1] not in ("one", "ones")


def naming_only(clauses: list[str]) -> list[str]:
    """`clauses` without one that only says where a name is, when another clause speaks of that name ("from the
    storm on, drums. The storm is the fifth shot": where the storm is, not a place of its own for the edit before;
    "from the spa onwards, so the second cut, ...": where the spa is)."""
    lows = [f" {words(x.lower())} " for x in clauses]

    def names_only(k: int) -> bool:
        text, found = defined(shorthand(lows[k].strip()))
        return bool(found) and only_place(text) and \
            any(_name_re(name).search(low) for name in found for j, low in enumerate(lows) if j != k) or \
            k > 0 and bool(NAME_PLACE_RE.match(lows[k])) and bool(w := FROM_NAME_RE.match(lows[k - 1])) and \
            is_name(w.group("name"))   # "from the spa onwards, so the second cut": the spa's place, no place of its own
    return [x for k, x in enumerate(clauses) if not names_only(k)]


# Who is seen at a place, said in a clause of its own after it ("from the fourth cut on, where our CEO is speaking",
# "shots 2 to 4, when the bride walks in"): "the CEO part" and "the bride bit" are that place from then on
# (an adverb may come before the verb: "where the CEO first appears", "when the bride finally walks in")
SEEN_ADVERB = r"(?:first|finally|then|suddenly|just|now|eventually|actually|briefly|properly|really|at last)"
WHEN_SEEN = rf"(?:{SEEN_ADVERB} )?"
WHO_THERE_RE = re.compile(rf"^\s*(?:where|when|while) (?:(?:{DET}) (?P<name>{WORD}(?: (?!{SEEN_ADVERB}\b){WORD})?)(?: is| are|'s) "
                          rf"{WHEN_SEEN}{WORD}ing|{DET} (?P<who>{WORD}) {WHEN_SEEN}{WORD}s)\b")
FROM_ON_RE = re.compile(rf"^\s*(?:from|after|since) (?:{STRETCH})(?: on| onwards?)?\s*$")
# A clause that says what is seen at the place the clause before it named ("land on the third cut, eh? That's where the
# balcony view comes in", "a crash on the third cut please. that's where we see the balcony"): "the balcony view" is
# that place for the rest of the chat (o-a-realtor-02 turn 6: "the balcony shot could use a bit more oomph")
THATS_WHERE_RE = re.compile(rf"^\s*(?:that'?s|thats|that is|this is|which is|it'?s) (?:where|when) (?:(?:we|you|they|u) "
                            rf"(?:see|get|meet|reach|have) )?(?:{DET} )?(?P<name>{WORD}(?: (?!{SEEN_ADVERB}\b){WORD})?)(?: {SEEN_ADVERB})?(?: (?:comes? in|comes? up|"
                            rf"shows? up|turns? up|pops? up|kicks? in|appears?|starts?|begins?|happens?|is|are)\b[^,;]*)?\s*$")
PLACE_SAID_RE = re.compile(rf"\b(?:at|on|around|in|for|from) (?P<place>{STRETCH})\b")   # a place said in a clause, anywhere


SEEN_SAID_RE = re.compile(r"\b(?:where|when|while)\b")
# A place, then what it is in a clause of its own ("from the sixth picture to the end, that's the boat trip on the lake",
# "shots 2 to 4, which is the wedding"): "the boat trip" is that place from then on
THATS_NAME_RE = re.compile(rf"^\s*(?:that'?s|thats|that is|which is|it'?s|this is) {DET} (?P<name>{WORD}(?: {WORD})?)"
                           r"(?: (?:on|in|at|by|of|with|to|from|round|across) [a-z' -]+)?\s*$")
# A name said as where a stretch starts, then its place in a clause of its own ("from the spa onwards, so the second
# cut, gentler"; "till the toast, that's 0:40, ..."): "the spa" is that place, and the stretch runs from it or up to it
FROM_NAME_RE = re.compile(rf"^\s*(?:from|after|since|until|till|up to|before) {DET} {lasting.NAME}(?: on| onwards?)?\s*$")
NAME_PLACE_RE = re.compile(rf"^\s*(?:so|that'?s|thats|that is|which is|which'?s|i e|ie|meaning|aka|i mean|namely|"
                           rf"it'?s) (?:(?:at|on|around|in) )?(?P<place>{STRETCH})\s*$")
PLACE_ON_RE = re.compile(rf"^\s*(?P<from>from |after )?(?P<place>{STRETCH})(?P<on> on| onwards?| to the (?:very )?end)?\s*$")


DASHED_RE = re.compile(r"(?<=[^\d\s])\s+[-\u2013\u2014]\s+|\s+[-\u2013\u2014]\s+(?=[^\d\s])")   # (not "0:20 - 0:30")


def _said_apart(clauses: list[str]) -> list[str]:
    """`clauses` with who is seen at a place said right after it, no comma between, as a clause of its own ("an
    accent on cut 4 where the CEO finally shows up": "an accent on cut 4", "where the CEO finally shows up"), and
    clauses set apart by dashes split ("from the sixth picture on - that's the boat trip - calmer")."""
    out = []
    for clause in (part for c in clauses for part in DASHED_RE.split(c)):
        m = SEEN_SAID_RE.search(clause)
        head, tail = (clause[:m.start()].rstrip(), clause[m.start():]) if m else (clause, "")
        out += [head, tail] if m and PLACE_LAST_RE.search(head) and WHO_THERE_RE.match(tail) else [clause]
    return out


def beside(clauses: list[str]) -> dict[str, str]:
    """The names said in a clause of their own beside a place (see NAME_ALONE_RE, WHO_THERE_RE)."""
    found: dict[str, str] = {}
    clauses = _said_apart(clauses)
    for k, clause in enumerate(clauses):
        if k and (w := THATS_NAME_RE.match(clause)) and is_name(name := w.group("name")) and \
                (p := PLACE_ON_RE.match(clauses[k - 1])):
            on = p["on"] or p["from"] and not re.search(r"\b(?:to|till|until|-)\b", p["place"])
            found[name] = f"from {p['place']} on" if on else p["place"]
            continue
        if k + 1 < len(clauses) and (w := FROM_NAME_RE.match(clause)) and is_name(name := w.group("name")) and \
                (p := NAME_PLACE_RE.match(clauses[k + 1])):
            found[name] = p["place"]
            continue
        if k and (w := THATS_WHERE_RE.match(clause)) and is_name(name := w.group("name")):
            said_before = [m for c in clauses[max(0, k - 2):k] for m in PLACE_SAID_RE.finditer(c)]   # (past an "eh")
            if said_before:
                found[name] = said_before[-1].group("place").strip()
            continue
        if k and (w := WHO_THERE_RE.match(clause)) and is_name(name := w.group("name") or w.group("who")):
            prev = clauses[k - 1]
            if place := FROM_ON_RE.match(prev) or PLACE_ALONE_RE.match(prev) or PLACE_LAST_RE.search(prev):
                found[name] = (place.group("place") if "place" in place.groupdict() else place.group(0)).strip()
            continue
        if not (m := NAME_ALONE_RE.match(clause)) or not _named(m.group("name").replace("'s", "")):
            continue
        after = PLACE_ALONE_RE.match(clauses[k + 1]) if k + 1 < len(clauses) else None
        before = (PLACE_ALONE_RE.match(clauses[k - 1]) or PLACE_LAST_RE.search(clauses[k - 1])) if k else None
        if place := after or before:
            text = place.group("place")
            text = f"from {text}" if re.match(rf"{CLOCK} ?(?:to|-|until|till)", text) else text
            found[m.group("name")] = text
            head = m.group("name").split()[-1]
            if head != m.group("name") and is_name(head):   # "the coach's speech": "the speech" too
                found.setdefault(head, text)
    return found


def earlier(history: list[ScorePlan] | None) -> dict[str, str]:
    """The names given to places in the edits so far, read from the current plan's edit log (later ones win)."""
    found: dict[str, str] = {}
    for request in edit_log.named(history):   # a name given in a turn since undone too: a fact about the picture
        found.update(said(request))
    return found


# "for 13 and 14", "in 3 to 5": shot numbers said without the noun, after a request that counted shots
BARE_NUMBERS_RE = re.compile(r"\b(for|in|on) (\d{1,2}) ?(and|&|to|through|-) ?(\d{1,2})\b(?! ?(?:s\b|sec|bpm|%|percent|:))")


NOUN_COUNTED_RE = re.compile(rf"\b(?:(shots?|{SHOT_WORD}s?)|cuts?)\b")   # a shot by any of its names (`place_words.SHOT_WORD`)


def noun_of(request: str) -> str | None:
    """What the request counts: "shots" (photos, clips ...) or "cuts", whichever it names first, or None."""
    m = NOUN_COUNTED_RE.search(request.lower())
    return None if m is None else "shots" if m.group(1) else "cuts"   # the first said ("counting the cuts, ...")


def as_places(text: str, known: dict[str, str], noun: str | None) -> str:
    """A clause with its names read as places: a name given here is kept in `known` (and read as its place),
    a name given before is replaced by its place, a place's label beside its number dropped and "the last
    two" counted in the request's `noun`."""
    text, found = defined(shorthand(verbed.prefixed(text, known)))   # "post-drop": after the drop said before
    known.update(found)
    text = resolve(text, known)
    if noun == "shots":
        text = BARE_NUMBERS_RE.sub(r"\1 shots \2 \3 \4", text)
    if noun:
        text = COUNT_ALONE_RE.sub(rf"the \1 \2 {noun}", unlabel(text))
        text = re.sub(rf"\bthe {ORD} one\b", rf"the \1 {noun[:-1]}", text)   # "on the third one": the third cut
        text = re.sub(rf"(^\s*|\b(?:in|of|from|for|on) )the {ORD}\s*$", rf"\1the \2 {noun[:-1]} ", text)   # "... out of the second", "I said the sixth"
    return re.sub(r"\s+", " ", text)
