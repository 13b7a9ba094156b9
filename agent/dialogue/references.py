"""References to earlier versions said in words: "the way it was", "undo the last two", "v3", "the second draft",
"the original", "back to square one", "before all the changes", "ctrl+z twice", "the last shot was better before".
`reference` turns them into a version (0 = the first score, -1 = before the last edit) and what of it is meant;
the chat calls the first score version 1 (`edits_before`). Moved out of `phrases` when it passed 400 lines.

    reference("undo the last two")       # (-2, None)
    version_named("the second draft")    # 2
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.phrases import PLEASANTRIES, REDUCE_RE, SIZED, SMALL_TALK
from v2m.agent.dialogue.fronted import BIN_VERBS
from v2m.agent.dialogue.put_back import PLACED, PUT_BACK_RE

# References to earlier versions.
# "(put it back) the way it was", "(set the tempo back to) how it used to be": as before the last edit
AS_IT_WAS = r"(?:the way|how|as|like|what)\s+(?:it|they|he|she|that|this)\s+(?:was|were|used to be|sounded|had been)\b"
LIKE_IT_WAS_RE = re.compile(rf"\b{AS_IT_WAS}", re.I)   # "can the bass come back, exactly like it was": how it comes back
# "the last shot was better before", "it was nicer, calmer like before": of a place named, that place as it was
BETTER_BEFORE = (r"\b(?:was|were|sounded|felt) (?:[a-z]+ ){0,3}?(?:better|nicer|fine|good|great|right)\b(?: [a-z]+){0,2}? "
                 r"(?:like |as )?before\b")
CTRL_Z = r"\b(?:ctrl|cmd|control|command)[ -]*(?:(?:and|plus) )?z\b"   # the editor's keys for undo ("ctrl+z", said "control z")
# the last edit thrown away or the one before kept, in a take's words ("scratch that last one, previous take was the
# keeper", "ditch the latest change", "the take before was the keeper"): back one version
LAST_ONE_OFF = (rf"\b(?:{BIN_VERBS}|cancel|lose|kill) (?:that|the|this) (?:last|latest|most recent|"
                r"new|previous) (?:one|change|edit|tweak|take|version|pass|go)\b|\b(?:previous|last|earlier|other|old) (?:take|pass|"
                r"mix|draft|version|one) (?:was|is) (?:the (?:keeper|one|winner|better one)|better|best)\b|\b(?:take|version|one|pass) "
                r"before (?:was|is) (?:the (?:keeper|one|winner|better one)|better|best)\b")
PREVIOUS_RE = re.compile(rf"\b(?:like|as|how|the way) (?:it|they) (?:was|were|is|sounded)(?: just)? before\b"
                         rf"|\bback\s+(?:to\s+)?{AS_IT_WAS}|\bprevious version\b"
                         r"|\bbetter (?:like|as) before\b|\bbefore that(?: last)? change\b|\bundo (?:that|the last)\b"
                         r"|\bput that back\b|\brevert(?: that| it| this)?\b|\bscrap that\b|\bforget that\b|\breturn please\b|^\s*return\b|^\s*undo\b"
                         rf"|{CTRL_Z}|{BETTER_BEFORE}|{LAST_ONE_OFF}")
# An earlier version preferred, in everyday words (bank17: "I actually liked it more before", "I preferred what we had",
# "the one before this one was nicer", "restore the earlier one", "make it like before"): a word of liking or of
# bringing back, said of "before" at the end (not "before the drop", a place) or of an earlier one (never a part)
LIKED = r"(?:liked|loved|preferred|prefer|enjoyed|miss)"
EARLIER_ONE = r"(?:the |that |your |our )?(?:earlier|previous|older|old|former|other) (?:one|version|mix|take|draft|tune|track|music|song)\b"
GOOD = r"(?:(?!(?:not|never|no|hardly)\b)\w+ )?(?:best|better|nicer|perfect|good|great|the one|the keeper)\b"   # not "was not great"
BETTER = GOOD.replace("perfect|good|great|the one|the keeper", "perfect")   # "the one you sent was good": this one, as it is
NOT_A_PLACE = r"(?!\s+(?:the|a|an|shots?|cuts?|\d|intro|outro|ending|drop|chorus|bridge|in|on|at|during)\b)"   # "before the drop", "earlier in the song": a place
PREFERRED_RE = re.compile(rf"\b{LIKED} (?:it|that|things|the music|the sound|the score) (?:\w+ ){{0,2}}?(?:before|earlier)\b{NOT_A_PLACE}"
                          rf"|\b{LIKED} what (?:we|i|you) had\b|\b{LIKED} {EARLIER_ONE}|\b{EARLIER_ONE} (?:was|is|sounded) {GOOD}"
                          rf"|\b(?:restore|reinstate|bring back|go back to|back to|return to|revert to) (?:{EARLIER_ONE}|the earlier cut\b)"
                          rf"|\b(?:one|version|mix|take) before (?:this|that)(?: one)? (?:was|is|sounded) {GOOD}"
                          rf"|\b(?:one|version|mix|take) (?:you|we) (?:sent|made|played|did|had|showed)\b[^.,;!?]{{0,30}}? (?:was|is|sounded) {BETTER}"
                          r"|\b(?:make|have|get|want|put) (?:it |things |everything )?(?:like|as) before\W*$")
# An earlier version said to be no good too ("the previous mix was not great either", "the one before wasnt great
# too", "the version before this was also not good"): no wish to go back to it, nor yet for anything else (`earlier_bad`)
NOT_GOOD = (r"(?:was|is|sounded)(?:(?:n'?t|nt| not| never| also not| really not| not really) (?:(?:that|so|very|really|too|any|all) )?"
            r"(?:good|great|right|better|nice|it)| (?:also |really |just )?(?:bad|worse|awful|terrible|meh|off|wrong))")
EARLIER_BAD_RE = re.compile(rf"^\W*(?:(?:tbh|honestly|and|but|well|also|hmm+|ok|okay)\W+)*(?:{EARLIER_ONE}|(?:the |that )?(?:one|"
                            rf"version|mix|take|draft) before(?: (?:this|that|it))?(?: one)?) {NOT_GOOD}\b"
                            r"(?:\W+(?:either|too|also|as well|tbh|honestly))*\W*$", re.I)
BAD_TOO = ("Noted: the earlier version was not right either, so I left the score as it is. What should change? Say e.g. "
           "'slower in shot 2', 'less drums' or 'back to version 1'.")


def earlier_bad(request: str) -> str | None:
    """The answer to a turn that only says an earlier version was no good either (`EARLIER_BAD_RE`): nothing to go back
    to, so nothing is undone and what should change is asked; None for anything else."""
    return BAD_TOO if EARLIER_BAD_RE.match(" ".join(request.split())) else None


# The first score said as the first one made and liked: "the very first tune you made was the best"
FIRST_MADE = r"first (?:one|version|tune|music|song|track|mix)\b"
FIRST_MADE_RE = re.compile(rf"\b{LIKED} (?:the |that |your )?(?:very )?{FIRST_MADE}|\b{FIRST_MADE}(?=(?: (?:you|we|i) (?:made|did|sent|"
                           rf"played|wrote|had))? (?:was|is|sounded) {GOOD})")
# Versions counted back: "undo the last two", "revert the two most recent changes", "go back one step", "three
# versions back", "like it was two changes ago", "before our last 2 edits"
NUMBER = r"one|two|three|four|a couple(?: of)?|couple(?: of)?|[1-4]"   # the counts COUNTED reads
COUNT = rf"({NUMBER})"
EDIT_WORDS = r"changes?|edits?|tweaks?|steps?|versions?|requests?"
EDITS = rf"(?:{EDIT_WORDS})"
CHANGES = rf"(?:{EDIT_WORDS}|goes|turns|things|ones|notes)"   # "notes", "things": only after a word of undoing
RECENT = r"(?:last|latest|most recent|previous|past|recent)"
LAST_N_RE = re.compile(rf"\b(?:undo|revert|reverse|take back|roll back|back out) (?:the |my |our |your )?{RECENT} {COUNT}(?: {CHANGES})?\b"
                       rf"(?! (?:shots?|cuts?|hits?|accents?|marks?|seconds|secs|bars|beats|sections?|bits|parts)\b)"
                       rf"|\b(?:undo|revert|reverse|take back|roll back|back out) (?:the |my |our "
                       rf"|your |those |these )?(?:{RECENT} )?{COUNT} (?:{RECENT} )?{CHANGES}\b"
                       # a verb that also removes music ("drop the last two notes of the melody") counts only edits
                       rf"|\b(?:scrap|cancel|drop|lose|forget|remove|ditch) (?:the |my |our "
                       rf"|your |those |these )?(?:{RECENT} )?{COUNT} (?:{RECENT} )?{EDITS}\b"
                       rf"|\b(?:go|going|step|jump|roll|move|take (?:it|us|me)) back {COUNT} {CHANGES}\b|\b{COUNT} {CHANGES} back\b"
                       rf"|\b{COUNT} {CHANGES} ago\b|\bbefore (?:the|my|our|your) {RECENT} {COUNT} {CHANGES}\b"
                       # "undo twice", "undo x3", "ctrl+z three times": undo said so many times
                       rf"|(?:\bundo|{CTRL_Z})(?: (?:that|it|this))? (?:(twice|thrice)|x ?([1-4])|([1-4]) ?x|"
                       rf"({NUMBER}) times)\b"
                       # "go back three", "step back twice": so many versions back, said alone
                       rf"|\b(?:go|step|jump|roll|move) back (?:(twice|thrice)|({NUMBER})(?: times| more)?)\W*$")
COUNTED = {"one": 1, "two": 2, "three": 3, "four": 4, "a couple": 2, "a couple of": 2, "couple": 2, "couple of": 2,
           "twice": 2, "thrice": 3}
# Versions counted, not named, by any count, one LAST_N_RE reads or not ("before the last two changes", "three
# edits ago", "several versions"): `versions.named_by_content` leaves these to `reference`
COUNTED_CHANGES_RE = re.compile(rf"\d|\b(?:{NUMBER}|five|six|seven|eight|nine|ten|few|several|both)\b(?:\s+\w+)?\s+"
                                rf"(?:{CHANGES}|ago)\b", re.I)
ORIGINAL_RE = re.compile(r"\boriginal(?:ly)?\b|\b(?:first|starting|initial) (?:one|version|score|plan|take|draft|cue|mix|"
                         r"(?=(?:tempo|speed|pace|bpm|key|style|energy|volume)\b))"
                         r"|\bwhere it (?:began|started)\b|\bwe started with\b|\bat the start(?:ed)? with\b"
                         r"|\bfrom the start\b(?! (?:till|until|til|to|up to|through|thru)\b)"   # "from the start till 0:24": a place
                         # a version by when it was sent: "the one you sent at the beginning of our talk", "the earliest one"
                         r"|\b(?:at|from) the (?:very )?(?:beginning|start) of (?:our|the|this) (?:talk|chat|conversation|"
                         r"session|call|thread)\b|\bearliest (?:one|version|mix|take|draft)\b")
# The version playing now, said as the one an earlier one is before ("the one before this latest one was better"):
# counted from the end (the last edit undone, `reference`), never an edit named by its content
THIS_ONE_RE = re.compile(r"^(?:this|the) (?:very )?(?:latest |last |current |newest |new |most recent )?(?:one|version|mix|take|"
                         r"draft|cut)\b", re.I)
# Before every change so far: "before all the changes", "undo everything", "start over"; said first, as these
# also contain the words of PREVIOUS_RE ("put it back how it was ..., before all the changes").
EVERY_CHANGE_RE = re.compile(r"\bbefore (?:all|any|every)(?: of)?(?: the| my| our| your)? (?:changes?|edits?|tweaks?)\b"
                             r"|\bbefore (?:the|my|our|your|any) (?:very )?first (?:change|edit|tweak|request)\b"
                             r"|\bundo (?:all|everything|every (?:change|edit))\b|\b(?:start|begin) (?:over|again|afresh)\b"
                             r"|\bfrom scratch\b|\breset (?:it|everything|the (?:score|music|plan))\b|\bthe very first (?:version|one|score|take)\b"
                             r"|\b(?:was|were|sounded|had) (?:at|in) the (?:very )?(?:beginning|start)\b"
                             # "the tempo it had at first", "the key we had to begin with": the first score's
                             r"|\b(?:was|were|sounded|had|used)\b(?: \w+)? (?:at first|to begin with|originally)\b"
                             # "back to square one", "go back to the beginning", "forget everything I asked for" ("drop everything" is silence)
                             r"|\bsquare one\b|\bback to the (?:very )?beginning\b(?! of\b)|\bback to the very start\b|\brewind (?:it |everything )?to the (?:top|start|beginning)\b"
                             # "all the changes I made, forget them": said first
                             r"|\ball (?:of )?(?:the |my |our |those )?(?:changes|edits|tweaks)(?: (?:i|we|you) (?:made|did|asked for))?,? "
                             r"(?:forget|scrap|undo|cancel|drop|ditch|bin|lose|kill) (?:them|those|it all|all of them)\b"
                             # "can it be like at first?", "as it was at the start": the first score
                             r"|\b(?:like|as) (?:it (?:was|sounded) )?(?:at|in) (?:the )?(?:very )?(?:first|start|beginning)\b(?! of\b)"
                             r"|\b(?:forget|scrap|cancel|revert|undo) (?:everything|all)"
                             r"(?: (?:of )?(?:that|this|it|the changes|my changes|the edits))?\b(?= ?(?:$|[,.;:!?]|(?:and|but|then|i|we|you|"
                             r"pls|please|thanks|so far|since)\b))")   # not "lose all the busy stuff"
# "version 2", "v3", "version three", "the second draft", "2nd version", "the third one": the chat's version N
ORDINAL_VERSIONS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
                    "6th": 6, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
VERSION_RE = re.compile(r"\b(?:version|draft|mix) (?:number |no\.? |nr\.? |#)?(\d{1,2}|one|two|three|four|five|six)\b(?! (?:shots?|cuts?|seconds|secs|bars|beats))"
                        r"|\bv(\d{1,2})\b|\b(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) "
                        r"(?:version|mix|take|draft|pass|iteration|attempt|go)\b|\bthe (second|third|fourth|fifth|2nd|3rd|4th|5th) one\b")
BACK_RE = re.compile(r"\b(?:back|return|revert|rev|roll back|go back|bring|restore|rewind|reset|put|as in|like in|how is in|same as|again|better|"
                     r"best|(?:was|is) the one|prefer|preferred|liked|please|pls|plz|want|reinstate|switch to|use|give (?:me|us)|"
                     r"hear|listen to|(?:make|have|get) it (?:sound |more )?like|sound(?:s|ed)? (?:more )?like)\b")


def version_named(text: str) -> int | None:
    """The number of the version the words name as the chat shows it ("v3", "the second draft": 3, 2), or None."""
    if not (m := VERSION_RE.search(text)):
        return None
    said = next(g for g in m.groups() if g)
    return int(said) if said.isdigit() else ORDINAL_VERSIONS[said]


def _only_named(text: str) -> bool:
    """"v3", "version 2?": a version named and nothing else said but small talk."""
    return not set(re.findall(r"[a-z']+", VERSION_RE.sub(" ", text))) - SMALL_TALK - PLEASANTRIES - {"the", "to", "thx"}
ATTRIBUTES = {"tempo": "tempo", "speed": "tempo", "pace": "tempo", "bpm": "tempo", "key": "key", "mode": "mode",
              "style": "style", "genre": "style", "instruments": "instruments", "instrumentation": "instruments",
              "energy": "energy", "volume": "loudness", "loudness": "loudness"}
SHAPE_NOUNS = {"build", "buildup", "build-up", "swell", "crescendo", "ramp", "rise", "climb", "wind-down"}   # an energy edit, named by its shape
ATTRIBUTE_RES = tuple((re.compile(rf"(?<!\blow )\b{w}\b"), a) for w, a in ATTRIBUTES.items())
ATTRIBUTE_WORDS = tuple((re.compile(rf"\b{w}\b"), a) for w, a in ATTRIBUTES.items())


def attribute(what: str) -> str | None:
    """The attribute `what` names by the first of `ATTRIBUTES` it says ("the tempo" -> "tempo"), or None."""
    return next((a for w, a in ATTRIBUTE_WORDS if w.search(what)), None)


# "the old tempo was better for the back half, go back to that", "the previous speed was nicer": one thing of an earlier
# version named by the word for what it was
OLD_ATTRIBUTE_RE = re.compile(r"\b(?:old|previous|earlier|former|prior|original)(?: [a-z]+)? (" + "|".join(ATTRIBUTES) + r")\b")


def one_thing_back(intents: list, request: str) -> list:
    """The turn's going back one edit (a revert of everything that edit changed, wherever it was placed) made the going
    back of the one thing the request names as it was before ("the old tempo ...": the tempo alone; the edit's energy
    stays); the intents as they are when no such thing is named, or more than one, or a revert already says what it
    brings back."""
    low = request.lower()
    named = OLD_ATTRIBUTE_RE.search(low)
    if named is None or len({a for w, a in ATTRIBUTE_WORDS if w.search(low)}) > 1:
        return intents   # ("the old tempo and energy were better": both, as the whole edit brings back)
    return [it.model_copy(update={"value": ATTRIBUTES[named.group(1)]}) if it.what == "revert" and it.version == -1 and
            it.value is None and it.target is None and it.amount is None else it for it in intents]


# a place a clause names itself ("put the end back the way it was", "shot 4 like it was in v4"), not one carried
PLACE_SAID_RE = re.compile(r"\b(?:shots?|cuts?|end|ending|outro|intro|finale|opening|last bit|first bit|start|beginning)\b")
TIME_SAID_RE = re.compile(r"\b\d+:\d\d\b|\b\d+(?:\.\d+)? ?(?:s|secs?|seconds?)\b")   # "put the tempo back after 0:30": a setting there only


def placed_back(text: str, version: int, attr: str | None = None) -> bool:
    """Whether a reference in a clause that names a place brings back only that place: "the last shot was better
    before", "put the end back the way it was" (as before its own last change), "the ending like v4" (as in v4),
    "put the tempo back in shot 3" (a setting a section holds, `put_back.PLACED`: there only); not "back to how it was
    at the very beginning" (the first score)."""
    if attr is not None and attr not in PLACED:
        return False
    if version == -1:
        return bool(re.search(BETTER_BEFORE, text) or PLACE_SAID_RE.search(text) or attr and TIME_SAID_RE.search(text))
    named = version_named(text) is not None or ORIGINAL_RE.search(text) is not None
    return named and re.search(r"\b(?:shots?|end|ending|outro|intro|finale|opening|last bit)\b", text) is not None \
        or named and attr is not None and TIME_SAID_RE.search(text) is not None


def edits_before(shown: int) -> int:
    """The version a user names by the number the chat shows ("version 2", "v3"), as edits from the first score:
    the chat calls the first score version 1, so "version 2" is the plan after one edit."""
    return max(0, shown - 1)


# The version the first (second, third) edit made: "after the first change", "straight after our first lot of changes",
# "right after the second round of edits" (o-a-agency-02 turn 5)
AFTER_NTH_RE = re.compile(r"\bafter (?:the|our|my|your) (?:very )?(first|second|third|1st|2nd|3rd) (?:(?:lot|round|set|batch|"
                          r"pass|wave|bunch|load) of )?(?:changes?|edits?|tweaks?|fixes|notes|feedback)\b")


def reference(text: str) -> tuple[int, str | None] | None:
    """An earlier version the clause points back to: (version, attribute or None for everything).
    version >= 0 counts edits (0 = the first score, which the chat calls "version 1"); -1 is the version
    before the last change.
    "Bring it back a notch" turns something down, no version."""
    if (m := REDUCE_RE.search(text)) and re.search(SIZED, m.group(0)) and not VERSION_RE.search(text) and \
            not PREVIOUS_RE.search(text):
        return None
    # "keep it low-key": subdued, not the musical key
    attr = next((a for w, a in ATTRIBUTE_RES if w.search(text)), None)
    if (n := version_named(text)) is not None and (BACK_RE.search(text) or _only_named(text)):
        return edits_before(n), attr
    if (m := AFTER_NTH_RE.search(text)):
        return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}[m.group(1)], attr
    if (m := LAST_N_RE.search(text)):   # "undo the last two", "like it was two changes ago"
        n = next(g for g in m.groups() if g)
        return -COUNTED.get(n, int(n) if n.isdigit() else 1), attr
    if EVERY_CHANGE_RE.search(text):
        return 0, attr
    # "revert everything to the original score": the version named, before "revert" alone (the last edit)
    if ORIGINAL_RE.search(text) and (attr or (BACK_RE.search(text) or re.search(r"\b(?:still|should be|as|like)\b", text))
                                     and re.search(r"\b(?:version|score|plan|one|original|originally|draft|cue|mix)\b", text)):
        return 0, attr
    if FIRST_MADE_RE.search(text):   # "the first song you made was the best": the first score
        return 0, attr
    if PREVIOUS_RE.search(text) or PUT_BACK_RE.search(text) or PREFERRED_RE.search(text):   # "put the ending back", "the tempo back in shot 3"
        return -1, attr
    return None


# "the first version was closer, go back to it": "it" after a return is the version named before it
BACK_TO_IT_RE = re.compile(r"\b(back to|revert to|return to|restore|go with|switch to) (?:it|that|that one|this one)\b")


def it_named(request: str) -> str:
    """`request` with the "it" of a return ("go back to it") said as the version the request named before it
    ("the first version", "version 2"); as it was when it names none."""
    low = request.lower()
    m = BACK_TO_IT_RE.search(low)
    named = [x for x in (ORIGINAL_RE.search(low[:m.start()]), VERSION_RE.search(low[:m.start()])) if x] if m else []
    if not named:
        return request
    v = min(named, key=lambda x: x.start()).group(0)
    the = "" if re.match(r"(?:version|v\d|draft|mix)", v) else "the "
    return f"{request[:m.start()]}{m.group(1)} {the}{v}{request[m.end():]}"


# "..., the louder one was overkill", "that change was a mistake": a verdict on a version or an edit, why the person
# goes back; no edit of its own (`understanding.rebase`)
VERDICT_RE = re.compile(r"^\W*(?:(?:and|but|because|since|as|cause|cuz|coz|bc)\s+)?(?:the|that|this|my|your)\s+(?:[\w'-]+\s+){0,3}?"
                        r"(?:one|version|change|edit|bit|idea|thing|stuff|mix|take|tweak|step)\s+(?:was|is|were|got|went|sounded|"
                        r"felt|seemed|turned out)\b[^,;:!?]*[.!]?\s*$", re.I)
