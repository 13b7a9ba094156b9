"""Turns that point back into the conversation rather than at the music: taking back something an earlier
edit brought in ("never mind the hit", "lose the accordion again"), a version named by when it was heard
("the one from this morning"), one thing as it was in a version ("I preferred the drums in v2"), and a version to start from before a new edit ("from the first one, only
change: ..."). Corrections of the last edit: taken back in so many words ("the E minor was meant for the trailer,
not this one", "put it back the way it was": `corrected`), one edit taken back by what it was about ("forget the speed-up, but
keep the flute": `undone`); its place said anew or moved by one is `v2m.agent.dialogue.shifts`. Read from the words
and the plans so far; what to do then is said as `EditIntent`s.

    from v2m.agent.dialogue.recall import withdrawn, rebased, named_by_time
    withdrawn("nvm the crash", history)        # [EditIntent(what="revert", version=-1)] when the last edit added it
    preferred("I liked the bass in v2", history)   # [EditIntent(what="revert", version=1, value="instruments")]
    rebased("from version 2, just darker")     # (1, "darker"): version 2 is the plan after one edit

`history` is the first plan, then the plan after each edit so far (the last is the current plan); the version a
user names as N (the chat's numbers: the first score is version 1) is history[N - 1] (`references.edits_before`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue import hit_words, marks, marks_back, patterns, place_words, versions
from v2m.agent.dialogue.undone_list import placed_edit
from v2m.agent.dialogue.changes import diff, placed
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.part_reasons import only_reason
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.phrases import PLEASANTRIES, SMALL_TALK, edit_clauses, opening, rest_only, words
from v2m.agent.dialogue.fronted import BIN_VERBS
from v2m.agent.dialogue.references import (AS_IT_WAS, ATTRIBUTES, SHAPE_NOUNS, ORIGINAL_RE, attribute, edits_before, reference,
                                           LIKE_IT_WAS_RE, version_named)
from v2m.agent.dialogue.where import WHOLE_RE, Ask
from v2m.tools.contract import EditIntent, EditScope, ScorePlan

# "nvm the hit", "never mind no crash", "forget the accordion", "scratch the stab", "take back the flute": taking back a thing
TAKE_BACK_RE = re.compile(opening(f"{place_words.WRONG}|on second thought") +
                          r"(?:nvm|never ?mind|forget|scratch|cancel|skip|take back|undo|(?P<want>(?:(?:we|i) )?(?:no longer|don'?t|do not) "
                          r"(?:want|need|like)(?= (?:the|that|this|those|these|my|our)\b)))\b\W*"
                          r"(?:(?:about|on|the|that|those|this|these|my|our|no)\s+)*(?P<rest>.*)$", re.I)
# "lose the accordion again", "take the strings out again": a part taken out again, after it was brought in (not "more
# of the last edit", which is `followups.MORE_RE`'s)
OUT_AGAIN_RE = re.compile(r"\b(?:lose|drop|remove|ditch|kill|cut|mute|get rid of|take (?:out|away)|no more)\b.*\bagain\b|"
                          r"\b(?:(?:take|get) (?:the |that |those )?)?[\w ]{1,30}? (?:back )?(?:out|off|away) again\b", re.I)
HIT_WORDS_RE = re.compile(rf"^(?:{hit_words.MARK_NOUNS}|stops?|drop-?outs?)\b", re.I)   # marks taken back: a stop too
# "the version from this morning", "the one we had yesterday": a version named by when it was heard
BY_TIME_RE = re.compile(r"\b(?:version|one|mix|cut|take|edit)s? (?:from|of|we had|you sent(?: over| us| me)?|(?:i|she|he|we|they) heard)"
                        r"(?: on| first thing| early)? (?:this morning|yesterday|last night|earlier(?: on| today)?|last week|the other day|"
                        r"before lunch|this afternoon|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
WANT_BACK_RE = re.compile(r"\b(?:go|going|get|bring|put|switch|revert|return|restore)\b.{0,20}\b(?:back|to (?:that|it))\b|"
                          r"\b(?:revert|restore|return)\b|\b(?:liked|preferred|prefer|like)\b.{0,60}\bbetter\b|"
                          r"\bgo with\b|\buse that\b", re.I)
# "I preferred the drums in v2", "the tempo in version 3 was better": one thing as it was in a version
PREFER_RE = re.compile(r"\b(?:preferred|prefer|liked|loved|like)\b (?:the |how the |how )?(?P<what>[\w ]{1,30}?)"
                       r"(?: (?:was|were|sounded))? (?:in|from|on) (?:version |v)(?P<n>\d{1,2})\b|"
                       r"\b(?:the )?(?P<what2>[\w ]{1,30}?) (?:in|from|on) (?:version |v)(?P<n2>\d{1,2}) "
                       r"(?:was|were|sounded|is) (?:better|nicer|right)\b", re.I)
# "from the first one, only change: ...", "starting from version 2, just darker": a version, then an edit
# "From the first cut to 0:44" is a stretch of the picture (a cut said as its first edit point), not the
# first version: a start followed by its end is a place, never a version to start from.
REBASE_RE = re.compile(opening("then") + r"(?:starting |going back |back |go back |start )?"
                       r"from (?P<ref>the (?:very )?(?:first|original) (?:one|version|score|take|mix|cut)|the original|"
                       r"version (?P<n>\d{1,2})|v(?P<v>\d{1,2}))(?!\s*,?\s*(?:up to|to|till|til|until|through|thru)\b)"
                       r"\s*(?:[,:;-]+\s*|\s+)(?:(?:and|but|then|with)\s+)?"
                       r"(?:(?:the )?only (?:change|difference|edit)s?\s*[:,-]?\s*|just\s+|only\s+)?(?P<rest>\S.*)$",
                       re.I)


def _brought_in(before: ScorePlan, after: ScorePlan, word: str) -> bool:
    """Whether `after` plays the part `word` names and `before` did not."""
    return role_of(after, word) is not None and (role_of(before, word) is None or
                                                 before.instrumentation != after.instrumentation)


def withdrawn(request: str, history: list[ScorePlan] | None,
              last_asked: Callable[[], list[EditIntent]] = list) -> list[EditIntent] | None:
    """Intents taking back what an earlier edit brought in: the plan before the last edit when that edit
    brought it (its other changes were for it too), else the marks themselves dropped; None when the
    request takes nothing back, or names nothing an edit brought in.

    Args:
        request: the user's words.
        history: the plans so far.
        last_asked: the intents the last request heard reads as (one that made no music too): the marks it asked
            for are what "nvm the hit" takes back (`marks_back.taken_back`: that mark, or the version before it).
    """
    if not history:
        return None
    m = TAKE_BACK_RE.match(request.strip())
    mistake = MISTAKE_RE.match(request.strip())   # "adding the harp was a bad idea", "the drums were a mistake"
    again = OUT_AGAIN_RE.search(request) or mistake
    if not m and not again or len(history) < 2 and not mistake:
        return None
    rest = re.split(r"\s*[,;.]\s*|\s+but\s+", m.group("rest").lower())[0] if m else request.lower()   # not "keep the flute"
    text = request[:400]
    if m and m.group("want") and re.search(r"\d|\b(?:shots?|cuts?)\b", rest):
        return None   # "I don't want the hit at 0:30": a mark named by its place, which the grammar reads
    if m and HIT_WORDS_RE.match(rest):
        kind = marks._kind(rest.split()[0])   # "scratch the sting": a stab
        for k in range(len(history) - 1, 0, -1):
            if added := sorted({round(h.time_s, 3) for h in placed(history[k - 1], history[k]) if kind in (None, h.kind)}):
                if k == len(history) - 1:
                    return [EditIntent(what="revert", version=-1, text=text)]
                now = {round(h.time_s, 3) for h in history[-1].hit_points}
                keep = [t for t in added if t in now]
                return [EditIntent(what="no_hit", scope=EditScope(times_s=keep), text=text)] if keep else None
        asked = [it for it in last_asked() if it.what == "hit"]   # the last request heard: one that made no music too
        return marks_back.taken_back(asked, history, text) if asked else None
    parts = named_parts(rest)
    if not parts or not (again or len(rest.split()) <= 4):
        return None
    if len(history) > 1 and _brought_in(history[-2], history[-1], parts[0]):
        return [EditIntent(what="revert", version=-1, text=text)]
    # "scratch the strings idea" two edits on: that part alone as before the edit that brought it
    k = next((k for k in range(len(history) - 2, 0, -1) if versions.plays(history[k], parts[0]) and
              not versions.plays(history[k - 1], parts[0])), None)
    role = role_of(history[-1], parts[0])
    if k is None and mistake:   # "the drums were a mistake" where the first score had them: no edit to take back, the
        return [EditIntent(what="remove", value=parts[0], text=text)]   # part taken out (none there: said plainly)
    return None if k is None or role is None else \
        [EditIntent(what="revert", version=k - 1, value="instruments", target=role, text=text)]


def named_by_time(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"She liked the version from this morning better, can we go back to that?": the version heard before
    this sitting's changes, which is the first score (versions keep no clock the user sees); None when the
    request names no version by time.

    Raises:
        Ask: a version named by time is praised but not asked for ("the one from last week was nicer"):
            going back is offered, not done.
    """
    if not history or len(history) < 2 or not BY_TIME_RE.search(request):
        return None
    if not WANT_BACK_RE.search(request):
        raise Ask("Should I go back to the first score, the version before today's changes? Say 'go back to it' "
                  "or tell me what you liked about it.")
    return [EditIntent(what="revert", version=0, text=request[:400])]


def preferred(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"I preferred the drums in v2": that thing (its attribute: tempo, key, style, energy, loudness, or the
    instruments for a part) as it was in the version named; the whole version when no thing is named."""
    m = PREFER_RE.search(request)
    if not m or not history or len(history) < 2:
        return None
    what = (m.group("what") or m.group("what2") or "").lower()
    attr = attribute(what) or ("instruments" if named_parts(what) else None)
    return [EditIntent(what="revert", version=edits_before(int(m.group("n") or m.group("n2"))), value=attr, text=request[:400])]


def rebased(request: str) -> tuple[int, str] | None:
    """(the version to start from, the edit to make on it) for "from the first one, only change: X", or
    None when the request does not start from a named version."""
    m = REBASE_RE.match(request.strip())
    if not m:
        return None
    n = m.group("n") or m.group("v")
    return (edits_before(int(n)) if n else 0), m.group("rest").strip()


# "put 1M1 back the way it was", "set the tempo back to how it was", "back to the way it was": before the last edit
AS_IT_WAS_RE = re.compile(rf"\b(?:put|set|make|bring|get|turn|have|change|switch|leave)\s+(?P<what>[\w#' -]{{0,30}}?)\s*back\s+"
                          rf"(?:to\s+)?{AS_IT_WAS}|{opening('just|and|then|please')}back\s+(?:to\s+)?{AS_IT_WAS}", re.I)
# "D minor was for 1M2, not this cue", "that swell was meant for the trailer, not here": the last edit, misplaced
MISPLACED_RE = re.compile(r"^\W*(?:(?:sorry|oops|my (?:bad|mistake)|wait|no|actually)\W+)*(?P<what>[^.;:!?]{1,40}?)\s+"
                          r"(?:was|were|is|are)\s+(?:meant |supposed to be |intended |only )?for\s+[^,.;!?]{1,40}?\s*,?\s*"
                          r"(?:not|rather than|instead of)\s+(?:this|that|here|the|for|our|my)\b", re.I)
# "Correction to the last note:", "correction:": a preface that says what follows puts the last edit right
PREFACE_RE = re.compile(r"^\W*correction\b(?:\s+(?:to|on|for)\s+(?:the|my|our)\s+(?:last|previous|latest)\s+"
                        r"(?:note|edit|change|message|request|one))?\s*[:;,.-]*\s*", re.I)
WHOLE_WORDS = {"", "it", "everything", "all", "that", "this", "things", "the score", "the music", "the cue", "the track",
               "the whole thing", "the mix", "it all", "all of it"}


def _taken_back(sentence: str, history: list[ScorePlan]) -> EditIntent | None:
    """The revert a sentence asks for: "put it back the way it was" (the last edit), "put the tempo back how it
    was" (the tempo before its last change), "the swell was for 1M2, not this cue" (the last edit, when its
    request named the same thing)."""
    text = sentence[:400]
    if (m := AS_IT_WAS_RE.search(sentence)) and not versions.BEFORE_RE.search(sentence) and \
            not versions.BY_PARTS_RE.search(sentence):   # "back to how it was when it had drums": that version
        if (ref := reference(words(sentence))) and ref[0] != -1:
            return None   # "put it back how it was at the very beginning": that version (`references.reference`)
        what = " ".join((m.groupdict().get("what") or "").lower().split())
        attr = attribute(what)
        if attr and attr in versions.KINDS_OF:
            k = versions.last_change_of(attr, history)
            return None if k is None else EditIntent(what="revert", version=k, value=attr, text=text)
        if what in WHOLE_WORDS or re.fullmatch(r"(?:the )?\d?[a-z]?\d+[a-z]?\d*(?: cue)?", what):   # a cue: "1M1"
            return EditIntent(what="revert", version=-1, text=text)
        if parts := named_parts(what):   # "put the drums back the way they were": before the drums' last edit
            role = role_of(history[-1], parts[0]) or parts[0]
            k = versions.last_part_change(role, history, versions.KINDS_OF["instruments"])
            if k is None:
                raise Ask(f"No edit so far changed the {parts[0]}, so I left the score as it is. What should change "
                          f"about the {parts[0]}?")
            return EditIntent(what="revert", version=k, value="instruments", target=role, text=text)
        return None
    if (m := MISPLACED_RE.match(PREFACE_RE.sub("", sentence))) and (said := versions.content(m.group("what"))):
        last = versions.made_by(history)[-1] or ""
        if any(versions.same_word(w, x) for w in said for x in versions.content(last)):
            return EditIntent(what="revert", version=-1, text=text, reason=f"'{last[:60]}' taken back")
    return None


def corrected(request: str, history: list[ScorePlan] | None,
              read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """A turn that takes the last edit back in so many words ("Correction to the last note: D minor was for 1M2,
    not this cue. Put 1M1 back the way it was."), then anything else it asks, read against the version it goes
    back to. None when no sentence takes an edit back.

    Args:
        request: the user's words.
        history: the plans so far.
        read: reads a request against a plan and the history up to it (`understanding.understand`).
    """
    if not history or len(history) < 2:
        return None
    backs, rest = [], []
    for sentence in patterns.said_sentences(request):
        if (it := _taken_back(sentence, history)) is not None:
            backs.append(it)
        elif PREFACE_RE.sub("", sentence).strip():
            rest.append(sentence)
    if not backs:
        return None
    whole = [it for it in backs if it.value is None]
    back = whole[0] if whole else backs[0]
    if not rest:
        return [back] if whole else backs
    k = len(history) - 2 if whole else len(history) - 1
    return [*([back] if whole else backs), *read(history[k], ". ".join(rest), history[:k + 1])]


# "forget the speed-up, keep the flute", "scratch the darker thing", "undo the tempo change": one edit taken back by what
# it was about, wherever it is in the conversation
EDIT_NAMED = (r"(?:the|that|my|your|our)\s+(?:[^.,;:!?]|(?<=\d)[:.](?=\d)){1,40}|"
              r"(?!(?:every|any|no|some)thing\b)[a-z]+ing\b(?:[^.,;:!?]|(?<=\d)[:.](?=\d)){0,30}")   # "the speed-up",
# "slowing it down"; not "everything after the cello was a mistake" (`versions.named_by_content`)
UNDO_NAMED_RE = re.compile(opening("actually|no|sorry|wait|and|but|please|just") +
                           r"(?:(?:can|could|would|will) (?:you|we|u) (?:please |just |maybe )?)?(?:undo|forget|scratch|cancel|revert|reverse|roll back|"
                           rf"drop|lose|{BIN_VERBS}|never ?mind|nvm|skip|take back|take out|get rid of|(?:i )?regret|"
                           r"(?:i )?wish (?:we|i|you) (?:hadn'?t|had not))\s+(?:about\s+|on\s+)?(?:just\s+|only\s+)?"
                           rf"(?P<what>{EDIT_NAMED})", re.I)
# "the slowing down was a mistake", "adding the strings was a bad idea": that edit taken back
MISTAKE_RE = re.compile(opening("actually|honestly|sorry|but") + rf"(?P<what>{EDIT_NAMED}?)\s+(?:was|were)\s+(?:a |an |such a )?"
                        r"(?:mistake|error|bad idea|bad call|wrong)\b", re.I)
KEEP_RE = re.compile(opening("but|and|just") + r"(?:keep|leave)\b", re.I)
ATTR_OF_KIND = {"tempo": "tempo", "key": "key", "chords": "key", "energy": "energy", "loudness": "loudness", "roles": "instruments",
                "levels": "instruments", "instrument": "instruments", "style": "style"}


def undone(request: str, history: list[ScorePlan] | None,
           read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """"Forget the speed-up, keep the flute": the edit the words name taken back: the last one whole; an earlier
    one by putting back what it changed (tempo, key, energy, loudness, parts, style) when no later edit changed
    that too. Other clauses are read on top ("keep ..." ones are no edit). None when the words name no edit, or
    name a part or a mark (`withdrawn` and the grammar read those).

    Raises:
        Ask: later edits changed the same thing, or the edit changed something that cannot be put back alone.
    """
    m = UNDO_NAMED_RE.match(request.strip()) or MISTAKE_RE.match(request.strip())
    if not m or not history or len(history) < 2:
        return None
    clause = re.split(r"\s*(?:,|\band\b(?! \d)|\bbut\b)\s*", m.group("what"))[0]   # ("between 0:20 and 0:40": one)
    said = versions.content(clause) - {"change", "bit"}
    if not said or named_parts(clause.lower()) or any(HIT_WORDS_RE.match(w) for w in said) or \
            re.search(r"\d|\b(?:shots?|cuts?|intro|end|ending|start|middle)\b", clause, re.I) and not placed_edit(said, history):
        return None
    attrs = {a for x in said for w in re.split(r"[-\s]", x) for k, a in ATTRIBUTES.items() if versions.same_word(w, k)} | {"energy" for x in said if x in SHAPE_NOUNS}
    found = versions.matching(said, history) or [k for k in range(1, len(history)) if attrs and any(
        ATTR_OF_KIND.get(c.kind) in attrs for c in diff(history[k - 1], history[k]))]
    if not found:
        return None
    k = first = found[-1]   # "the slow part": "romantic and slow" then "more slow", one thread from its first
    while first - 1 in found: first -= 1  # noqa: E701
    rest = [x for x in re.split(r"\s*[,;.?!]\s*|\s+but\s+", request[m.start("what") + len(clause):]) if x.strip() and not KEEP_RE.match(x)
            and not rest_only(x)]   # "..., the rest stays as is": no edit
    text = request[:400]
    if k == len(history) - 1:
        back = [EditIntent(what="revert", version=-1, text=text)]
        return back + (read(history[-2], ". ".join(rest), history[:-1]) if rest else [])
    kinds = {c.kind for c in diff(history[k - 1], history[k])}
    if not kinds or any(x not in ATTR_OF_KIND for x in kinds):
        ago = len(history) - 1 - k
        raise Ask(f"That edit ('{(versions.made_by(history)[k] or '')[:60]}') was {ago} edit{'s' * (ago > 1)} ago and "
                  f"changed more than I can take back alone. Undo everything since, or say what to change?")
    later = {ATTR_OF_KIND[c.kind] for j in range(k + 1, len(history)) for c in diff(history[j - 1], history[j])
             if c.kind in ATTR_OF_KIND}
    clash = sorted({ATTR_OF_KIND[x] for x in kinds} & later)
    if clash:
        raise Ask(f"Later edits changed the {', '.join(clash)} too. Should I undo them as well (say 'go back to "
                  f"version {k}'), or what should the {clash[0]} be?")
    back = [EditIntent(what="revert", version=first - 1, value=a, text=text) for a in sorted({ATTR_OF_KIND[x] for x in kinds})]
    return back + (read(history[-1], ". ".join(rest), history) if rest else [])


# One thing brought back alone, said beside its reference ("the v2 drums back", "tempo from v1", "strings as in version
# 1", "that speed again", "how fast the original was"); {x} is where the thing is named
THING_SAID = (r"\b(?:the |that |those |these )?{x}(?: part| track| sound| setting)?(?: come| coming| go| get| be)? (?:back\b(?! (?:up|down|a bit|a notch|a little|louder|quieter|to \d))|"
              r"again\b|as in\b|like in\b|from (?:v\d|version|the (?:first|original|start|beginning))|same as\b|"
              r"(?:be |sound |go )?(?:like|as) (?:it|they) (?:was|were|used to be|had been)\b|to normal\b)",
              r"\b(?:the|that|those|your|our|my) (?:original|first|initial|old|earlier|v\d{1,2}|(?:version|draft) \w+(?:'s)?|"
              r"(?:first|second|third|fourth) (?:version|draft)(?:'s)?) {x}\b",
              r"\bthe {x} (?:in|from|of) (?:the )?(?:v\d|version|draft|first|original|second|third|very first)\b",
              r"\b(?:v\d{1,2}|version \w+|the (?:first|original|second|third)(?: one| version| draft)?) (?:had|has|was) "
              r"(?:no |the |more |less )?{x}\b",
              # "the drums were better in the original", "the speed was perfect in version 1"
              r"\b(?:the )?{x} (?:was|were|sounded|felt) (?:[a-z]+ ){0,2}?(?:in|on|from) (?:the )?(?:v\d|version|draft|"
              r"first|original|second|third|very first|start|beginning)\b",
              r"\bhow (?P<fast>fast|quick|slow|lively|calm)\b(?= (?:the|it|they)\b)",
              r"\bas (?P<fast>fast|quick|slow|lively|calm) as (?:it|they) (?:was|were|used to|had been|did)\b")
THING_SAID_RES = tuple(re.compile(p.replace("{x}", r"(?P<x>[a-z]+)")) for p in THING_SAID)
WHOLE_SAID_RE = re.compile(r"\b(?:the whole thing|all of it|exactly that|everything(?! else)|whole (?:version|score|thing))\b")
WHOLE_PLACE_RE = re.compile(r"\b(?:for|over|across|through|throughout|in) the (?:whole|entire) (?:thing|video|clip|track|film)\b")   # a place
LEVEL_BACK_RE = re.compile(r"\b(?:dial|pull|knock|tone|turn|rein|peg|scale|wind|ease|push|sit|set|move|step)s?(?:ed|ing)? "
                           r"(?:the |that |those |them |it )?(?:[a-z]+ )?back\b")
PARTLY_BACK_RE = re.compile(r"\b(?:a (?:little )?bit|a little|a touch|some) of (?:the |that |its )?[a-z]+ back\b|\bnot (?:all|fully|"
                            r"completely|all the way)\b|\bpart(?:ly| of the way)\b")
SPEED_WORDS = {"fast": "tempo", "quick": "tempo", "slow": "tempo", "lively": "energy", "calm": "energy"}


def _things(text: str, history: list[ScorePlan]) -> set[tuple[str, str | None]]:
    """The things `text` names to bring back alone: ("tempo", None) for a setting, ("instruments", role) for a part
    some version played ("they" for the one part the text names)."""
    out = set()
    parts = {r for p in named_parts(text) if (r := next((r for h in history if (r := role_of(h, p))), None))}
    for pattern in THING_SAID_RES:
        for m in pattern.finditer(text):
            x = m.groupdict().get("x") or ""
            if LEVEL_BACK_RE.search(text[max(0, m.start() - 12):m.end()]):
                continue   # "dial the xylophone back", "pull them back": a part turned down, not brought back
            if m.groupdict().get("fast"):
                out.add((SPEED_WORDS[m.group("fast")], None))
            elif x in ATTRIBUTES and ATTRIBUTES[x] != "instruments":
                out.add((ATTRIBUTES[x], None))
            elif named_parts(x) and (r := next((r for h in history if (r := role_of(h, x))), None)):
                out.add(("instruments", r))
            elif x in ("they", "them") and len(parts) == 1:   # "take it back" is the score, not a part
                out.add(("instruments", next(iter(parts))))
            elif x in ("they", "them") and not parts and len(gone := _gone(history)) == 1:
                out.add(("instruments", gone[0]))   # "remove drums completely", then "bring them back"
    return out


def _gone(history: list[ScorePlan]) -> list[str]:   # the parts the last edit took out of the whole score
    return sorted(set.difference(*({r for s in p.sections for r in (s.instruments or p.instrumentation)} for p in history[-2:]))) \
        if len(history) > 1 else []


# "bring the drums back but much quieter": how the part comes back, said beside it
BACK_HOW_RE = re.compile(r"\b(?:but|and|just|only)\s+((?:(?:much|a lot|way|far|a bit|a little|slightly|a touch|even|really) )?"
                         r"(?:quieter|softer|lower|louder|lighter|down|up|further back|in the background))\b")


def as_in(request: str, history: list[ScorePlan] | None,
          read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]]) -> list[EditIntent] | None:
    """"The v2 drums back, everything else stays", "tempo: back to v1", "can we have that tempo again" (after "how
    fast the original was"): one setting or one part as it was in the version named (the first score for "the
    original"; before its last change when none is named), everything else as it is now. Other sentences are
    read on top; those that only say the rest stays are no edit. None when no single thing is named beside a
    reference, when the whole version is asked for, or when a place is named (the grammar reads those)."""
    if not history or len(history) < 2:
        return None
    text = words(request)
    if WHOLE_SAID_RE.search(WHOLE_PLACE_RE.sub(" ", text)) or re.search(r"\d:\d|\b(?:shots?|pictures?|cuts?|intro|ending|outro|chorus|verse|bridge|the drop|climax|middle|half|"
                                                 r"sections?|bars?)\b|\d ?(?:s|secs?|seconds)\b", text):
        return None
    text = re.sub(r"\s+", " ", re.sub(r"[:.](?!\d)", " ", text))   # "tempo: back to v1."
    things = _things(text, history)
    if len(things) != 1:
        return None
    (attr, role), = things
    ref = reference(text)
    n = version_named(text)
    version = edits_before(n) if n is not None else 0 if ORIGINAL_RE.search(text) else ref[0] if ref else -1
    # "put a bit of energy back, but not all": part of the way back (a number only; a part is in or out)
    partly = 0.5 if attr in ("tempo", "energy", "loudness") and PARTLY_BACK_RE.search(text) else None
    back = [EditIntent(what="revert", version=version, value=attr, target=role, amount=partly, text=request[:400])]
    rest = [x for x in (c for x in patterns.said_sentences(request) for c in patterns.ORDER_CUT_RE.split(x)) if not reference(words(x)) and not _things(words(x), history)
            and not KEEP_RE.match(x) and not rest_only(x) and not (role and BACK_HOW_RE.match(x.strip())) and not LIKE_IT_WAS_RE.search(x)   # "rock,
            and not (role and (role in {role_of(history[-1], p) or p for p in named_parts(words(x))} or only_reason(words(x))))]   # and bring the drums back": rock
    # ("the bass back in there? It felt a bit empty.": why the part is back, `part_reasons`, no second edit)
    try:
        rest = edit_clauses(rest) if rest else []
    except Ask:   # "cheers": only small talk beside it
        rest = []
    rest = [x for x in rest if set(re.findall(r"[a-z']+", WHOLE_RE.sub(" ", x.lower()))) - SMALL_TALK - PLEASANTRIES]   # not ", everywhere"
    if role and (how := BACK_HOW_RE.search(text)):   # the part's level, once it is back
        rest.append(f"the {role} {how.group(1)}")
    more = read(history[-1], ". ".join(rest), history) if rest else []
    # "... just change that back": the thing said again, not the whole version
    return back + [it for it in more if not (it.what in ("revert", "undo") and it.value is None)]
