"""Versions named by what was asked in them or by what they had, and one thing of a version put back: "take me
back to where we were before the flute", "before we slowed it down", "everything after the cello was a mistake"
(the plan before, or made by, the edit whose request or changes share a content word with the words said), "the
one with the flute", "the one with no drums" (the version that had it), and the part, stretch or setting of an
earlier version brought into the current plan (`part_as_in`, `stretch_as_in`). Half-way back is `halfway`.

    from v2m.agent.dialogue.versions import made_by, named_by_content
    made_by(history)                      # [None, "add strings", "the strings softer in shot 3", ...]
    named_by_content("back to before the strings", history)   # [EditIntent(what="revert", version=1)]

`history` is the first plan, then the plan after each edit so far (the last is the current plan). Each plan's
reasoning ends with an edit log, one line per request that changed it (`names.EDIT_LOG_RE`): the request that
made version k is what its log says beyond version k-1's. A version made by going back has no request of its
own (its log is an earlier one's).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.changes import diff, describe
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.names import EDIT_LOG_RE
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import DECADE, END_WORDS, START_WORDS
from v2m.agent.dialogue.references import AFTER_NTH_RE, COUNTED_CHANGES_RE, ORIGINAL_RE, THIS_ONE_RE, attribute, version_named
from v2m.agent.dialogue.vocab import INSTRUMENTS, style_keywords
from v2m.agent.dialogue.where import Ask, fmt
from v2m.tools.contract import EditIntent, ScorePlan

# "back to how it sounded before the choir idea", "the version before the cello bit", "revert to before we
# added the choir", "undo everything since the key change", "she means before the choir" (which version, answered):
# a version named by the edit after it
WHO = r"(?:we|i|you|u|they|he|she)"
# the edit named: "the choir idea", "we slowed it down", "I said take the drums out", "slowing it down"
EDIT_SAID = (rf"(?:(?P<who>{WHO})\s+(?P<done>[^.,;:!?]{{1,50}})|(?P<what>(?:the|that|my|your|our|his|her|their|this|those|"
             r"these|all the)\s+[^.,;:!?]{1,50})|(?P<doing>[a-z]+ing\b[^.,;:!?]{0,40})|"
             # or the edit's own word, bare ("the one before Rio", "before bossa it was better"): up to three words
             r"(?P<bare>(?!(?:the|that|this|it|a|an|we|i|you|last|next|then|now|\d|was|were|is|sounded|felt|better|nicer|ngl|tbh|"
             r"lol|honestly|and|but|so|please|pls)\b)[a-z][\w'-]*"
             r"(?: (?!(?:was|were|is|it|and|but|go|sounded|felt|please|pls|can|could|so|then)\b)[a-z][\w'-]*){0,2}))")
# "the dusty one from right before the 80s flip", "the last swing one, right before you went bossa": a version said by
# what it had (one or two words) then the edit after it
VERSION_SAID = (r"\b(?:version|mix|(?:the|that)(?: (?!one\b)[a-z][\w'-]*){0,2} one|state|(?:how|the way|as|like) it (?:was|sounded)|"
                r"where we were|what we had|(?:go|going|get|got|revert|return|roll|take (?:me|us|it)|put (?:it|things)|(?:roll|wind|set) (?:it|things|everything)) back|"
                r"return(?:ed)? to|(?:preferred|liked|loved|prefer) (?:it|the music|the score|things)|(?:preferred|liked|loved|prefer)(?= before\b)|"
                r"revert(?:ed)?|restore|undo (?:everything|all|it all)|(?P<mean>(?:i|he|she|they|we|you) (?:mean|means|meant)))\b")
# "the one I mentioned before from the sixth picture on", "the one we talked about before with the boat": "before" right
# after a verb of saying is earlier in this chat, no edit named after it
SAID_BEFORE = r"(?<!mentioned )(?<!said )(?<!told you )(?<!about )(?<!described )(?<!noted )(?<!brought up )(?<!pointed out )(?<!asked )"
BEFORE_RE = re.compile(VERSION_SAID + r".{0,30}?\b" + SAID_BEFORE + r"(?:before|prior to|since)\s+" + EDIT_SAID, re.I)
# "before we took the drums out it was perfect, go back to that": the edit named first, then that it was better
BEFORE_FIRST_RE = re.compile(r"(?:^|[.!?;,]\s*|\b(?:honestly|but|and|well|ok|so|yeah|tbh)\s+)(?:it was \w+ )?before\s+"
                             + EDIT_SAID, re.I)
THEN_BETTER_RE = re.compile(r"\b(?:was|were|sounded|felt) (?:so |much |way |a lot |just )?(?:better|perfect|fine|good|great|"
                            r"nicer|right|working|spot on)\b", re.I)
# "the version right after we slowed it", "back to just after the slowdown": the version that edit made
JUST_AFTER_RE = re.compile(r"\b(?:version|mix|(?:the|that) one|state|back to|return to|how it was|where we were)\b.{0,20}?"
                           r"\b(?:right|just|straight|directly) after\s+" + EDIT_SAID, re.I)
# "everything after slowing it down was a mistake": the version that edit made, the ones after it taken back
AFTER_RE = re.compile(r"\b(?:everything|all|anything)(?: (?:we|i|you) (?:did|changed|asked for|added))? (?:after|since)\s+"
                      + EDIT_SAID.replace("{1,50}", "{1,50}?").replace("{0,40}", "{0,40}?") +
                      r"\s+(?:was|were|has been|is)\s+(?:a |an |all |just )?(?:mistake|wrong|bad|worse|rubbish|garbage|"
                      r"no good|downhill|error|wrong turn)", re.I)
PLACE_WORDS = {"shot", "shots", "cut", "cuts", "intro", "end", "ending", "start", "beginning", "middle", "drop", "outro"}
# "go back to the one with the flute", "the version where we had the choir, bring that back": a version named by
# what it had
WITH_RE = re.compile(r"\b(?:version|mix|one|take)\s+(?:with|w/?(?= )|that had|where (?:we|i|you) (?:had|added|put in|brought in))\s+"
                     r"(?P<what>(?:the|that|a|an|those|these|all the|more)\s+[^.,;:!?]{1,40})", re.I)
WANT_RE = re.compile(r"\b(?:back|revert|return|restore|go with|use|bring|liked|prefer|preferred|better)\b", re.I)
# "put the swing back", "bring back the rock": a style by name, brought back
STYLE_BACK_RE = re.compile(r"\b(?:put|bring|have|get)\s+(?:the\s+|that\s+|my\s+|our\s+)?(?P<what>[a-z][\w'-]*)\s+back\b|"
                           r"\b(?:bring|put)\s+back\s+(?:the\s+|that\s+)?(?P<what2>[a-z][\w'-]*)\b|\bback to\s+(?:the\s+)?(?P<what3>[a-z][\w'-]*)\W*$", re.I)
# Words that say nothing of which edit was meant ("the choir idea", "the cello bit", "my last change").
GENERIC = set("""the a an that this those these my your our his her their all of to for on in at with and or but it its
thing things stuff bit bits note notes change changes edit edits request requests version versions idea ideas one ones
part business tweak tweaks fix fixes comment comments suggestion last first second third previous recent latest
earlier before after we i you they added changed did made tried put brought asked had touched whole said told wanted
out requested decided went
go back was were is be how way like just from into onto than then some any what there here where when which about
over under out off up down did does had has have can could would should will please now still again very really
one two three four five six seven eight nine ten couple few several both many ago""".split())
# "..., but keep it louder", "and leave the tempo": what going back must not take away
KEEP_CLAUSE_RE = re.compile(r"\b(?:keep|leave|but still|still keep)\s+(?P<what>[^.,;:!?]{1,40})", re.I)
# what a clause after the edit's words says instead ("the flute but keep it louder"): not part of the edit's name
# ... or a verdict on the version ("the 80s flip slapped harder"): its verb names no edit
CLAUSE_END_RE = re.compile(r"\s+(?:but|though|while|except|yet|only|and (?:keep|leave|still)|(?:it|things|everything|that)"
                           r" (?:was|were|sounded|felt)|[a-z']+ (?:(?:so|much|way|a lot) )?(?:harder|better|nicer|best|worse))\b.*$", re.I)
KEEPABLE = ("tempo", "energy", "loudness", "key", "mode", "style")   # what can be kept alone from the current version
ENDINGS = ("", "s", "es", "d", "ed", "ing", "er", "ers", "y", "e", "ity", "ly", "th", "ness", "ce", "t")   # warmer/warmth, silent/silence


def _log(plan: ScorePlan) -> list[str]:
    return EDIT_LOG_RE.findall(plan.reasoning or "")


def made_by(history: list[ScorePlan]) -> list[str | None]:
    """The words of the request(s) that made each version from the one before (None for the first score and
    for a version made by going back)."""
    out: list[str | None] = [None]
    for before, after in zip(history, history[1:]):
        a, b = _log(before), _log(after)
        out.append(" / ".join(b[len(a):]) if len(b) > len(a) and b[:len(a)] == a else None)
    return out


# a word, or a decade ("before the 70s thing", "the 1980s idea"): no other number names an edit (0:30 is a place)
DECADE_RE = re.compile(rf"\b{DECADE}\b")
NUMBERED_RE = re.compile(r"\b(?:version|v) ?\d+\b|\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth) (?:version|mix|take)\b", re.I)
DECADE_OR_WORD_RE = re.compile(rf"[a-z][a-z#'-]+|{DECADE_RE.pattern}")


def content(text: str) -> set[str]:
    """The words of `text` that could name what an edit was about (not "the", "thing", "last" ...)."""
    return {ALIKE.get(w, w) for w in DECADE_OR_WORD_RE.findall(text.lower().replace("'s", "")) if w not in GENERIC and len(w) > 2}


# an edit named by a noun of its own ("the slowdown", "the volume changes"): the word its request or reply says
ALIKE = {"slowdown": "slower", "slow-down": "slower", "speedup": "faster", "speed-up": "faster", "volume": "loudness"}


SILENCE_WORDS = {"silence", "silent", "mute", "muted", "gap", "pause"}
KITS = ("drums", "percussion")   # "beat", "drum", "shaker": words of one kit, too loose to name one edit by


def same_word(a: str, b: str) -> bool:
    """One word with two endings ("guitar"/"guitars", "slower"/"slowing", "intense"/"intensity"), or two names of
    one instrument ("sax"/"saxophone")."""
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    return a == b or any(k >= 4 and a[k:] in ENDINGS and b[k:] in ENDINGS for k in range(stem, max(3, stem - 2), -1)) or \
        a in INSTRUMENTS and b in INSTRUMENTS and INSTRUMENTS[a] == INSTRUMENTS[b] and INSTRUMENTS[a][1] not in KITS


def matching(words: set[str], history: list[ScorePlan]) -> list[int]:
    """The versions whose request, or whose changes, share a word with `words`."""
    found = []
    for k, asked in enumerate(made_by(history)):
        if asked is None:
            continue
        changes = diff(history[k - 1], history[k])   # music taken out is what people call a silence
        said = content(asked) | content(describe(changes)) | (SILENCE_WORDS if any(c.kind == "music" for c in changes) else set())
        roles = {r for w in words if named_parts(w) and (r := role_of(history[k], w))}   # "the orchestra": the strings
        if any(same_word(w, s) for w in words | roles for s in said):
            found.append(k)
    return found


def named_by_content(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"Revert to before the cello business": the version before the edit the words name. Edits one after
    another that share the words are one thread ("add a cello", then "the cello a bit louder"): the version
    before its first. None when the request names no version by an edit.

    Raises:
        Ask: no edit so far matches the words, or edits apart from each other do.
    """
    m = BEFORE_RE.search(request) or THEN_BETTER_RE.search(request) and BEFORE_FIRST_RE.search(request)
    after = None if m else AFTER_RE.search(request) or JUST_AFTER_RE.search(request)
    m = m or after
    if not m or not history or len(history) < 2 or AFTER_NTH_RE.search(request.lower()):   # "just after the first batch
        return None   # of tweaks": the edits counted (`references.reference`), none named
    group = next(g for g in ("what", "done", "doing", "bare") if m.group(g))
    said = CLAUSE_END_RE.sub("", m.group(group)).strip()
    words = content(said) - PLACE_WORDS   # "before the last shot got intense": the edit, not the place
    if m.groupdict().get("mean") and not (named_parts(said.lower()) or re.search(r"\b(?:change|edit|idea|tweak)s?\b", said, re.I)):
        return None   # "I meant before the kiss": a place put right, not a version (a part or an edit names one)
    if not words or COUNTED_CHANGES_RE.search(DECADE_RE.sub(" ", said)) or THIS_ONE_RE.match(said):   # "the 70s thing" counts none
        return None   # "before the last change" counts versions; "before 0:30", "before the drop" name places
    asked = made_by(history)
    found = matching(words, history)
    name = said
    if not found and NUMBERED_RE.search(request):
        return None   # "back to the 3rd version, the one before the seventies thing": the number says which
    if not found:
        raise Ask(f"None of the edits so far was about {name}, so I left the score as it is. Which change should I "
                  f"go back before? Say e.g. 'undo the last change' or 'go back to version 2'.")
    if found != list(range(found[0], found[-1] + 1)) and not ALL_OF_RE.match(said):
        listed = "; ".join(f"version {k + 1}: '{asked[k][:60]}'" for k in found)
        raise Ask(f"More than one edit was about {name} ({listed}). Which one should I go back before?")
    kept = _kept(request[m.start(group) + len(said):], history)   # "..., but keep it louder"
    # "everything after the cello was a mistake": the version the cello made; "before the cello": the one before it
    return [EditIntent(what="revert", version=found[-1] if after else found[0] - 1, text=request[:400]), *kept]


def _kept(rest: str, history: list[ScorePlan]) -> list[EditIntent]:
    """"..., but keep it louder": each thing a keep clause names, brought back from the current version after
    going back (no intent when nothing is kept).

    Raises:
        Ask: a keep clause names something that cannot be kept alone (a part, or nothing known).
    """
    out = []
    for m in KEEP_CLAUSE_RE.finditer(rest):
        what = m.group("what").lower()
        attr = attribute(what) or blended(what)
        if attr not in KEEPABLE:
            raise Ask(f"Going back that far also takes away {what.strip()}. Should I go back anyway, or which "
                      f"change should stay?")
        out.append(EditIntent(what="revert", version=len(history) - 1, value=attr, text=f"keep {what}"[:400]))
    return out


def named_by_having(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"Go back to the one with the flute": the latest version made by an edit the words name that still has
    what they name (a part named must play in it). None when the request names no version by what it had.

    Raises:
        Ask: no version matches the words.
    """
    if not history or len(history) < 2:
        return None
    if (back := style_back(request, history)) is not None:
        return back
    if not WITH_RE.search(request) and (one := NAMED_ONE_RE.search(request)) and version_named(request) is None and \
            not ORIGINAL_RE.search(request.lower()):   # "the chill one from the start" is the first score
        said = (one.group("what") or one.group("what2")).strip()
        found = matching(content(said), history) if content(said) else []
        if found:   # else it names no edit ("the newer one"): another reader's
            return [EditIntent(what="revert", version=found[-1], text=request[:400])]
    m = WITH_RE.search(request)
    if not m or not WANT_RE.search(request):
        return described(request, history)
    said = m.group("what").strip()
    words, parts = content(said), named_parts(said.lower())
    if not words:
        return None
    found = [k for k in matching(words, history) if not parts or all(role_of(history[k], p) for p in parts)]
    if not found:
        raise Ask(f"No version so far was made with {said}, so I left the score as it is. Which version do you "
                  f"mean? Say e.g. 'go back to version 2'.")
    return [EditIntent(what="revert", version=found[-1], text=request[:400])]


def style_back(request: str, history: list[ScorePlan]) -> list[EditIntent] | None:
    """"Put the swing back" right after the edit that made it bossa: that edit taken back, the version before it with its
    band, chords and every edit made in the swing (a style set anew writes them afresh). None when the words name no
    style, or the last edit did not take that style away (edits made since stay: the style is then set anew)."""
    if not (m := STYLE_BACK_RE.search(request)) or (k := next((k for k in range(len(history) - 2, -1, -1)
                                                             if history[k] != history[-1]), None)) is None:
        return None
    named = style_keywords("").get((m["what"] or m["what2"] or m["what3"]).lower())
    if named is None or named != history[k].style or named == history[-1].style:
        return None
    return [EditIntent(what="revert", version=k, text=request[:400])]


# "go back to the bollywood one", "the jazzy version was better": the version an edit made, by that edit's words
NAMED_ONE_RE = re.compile(r"\b(?:back to|return to|revert to|go with|use|prefer(?:red)?|liked|keep) the (?P<what>(?!first\b|last\b|"
                          rf"previous\b|original\b|old\b|older\b|newer\b|new\b|latest\b|later\b|other\b|earlier\b|next\b|second\b|third\b|same\b)(?:[a-z][\w'-]*|{DECADE})(?: (?!in\b|on\b|at\b|of\b|from\b|"
                          r"for\b|with\b|to\b)[a-z][\w'-]*)?) "
                          r"(?:one|version|take|mix|draft)\b|"
                          r"\bthe (?P<what2>(?!first\b|last\b|previous\b|original\b|old\b|older\b|newer\b|new\b|latest\b|later\b|other\b|"
                          rf"earlier\b)(?:[a-z][\w'-]*|{DECADE})) (?:one|version) "   # "the 80s version was better"
                          r"(?:was|is|sounded) (?:much |way |a lot |just )?(?:better|best|nicer|right|peak|perfect|ideal|spot on)\b", re.I)


# "the one with no drums and no strings", "the version without the bass but with the flute": a version by its parts
BY_PARTS_RE = re.compile(r"\b(?:version|mix|one|take|draft|(?:back|return|go) to|the way it was|how it (?:was|sounded))\s+"
                         r"(?P<what>(?:with(?:out)?|that had|where (?:we|i|you) had|(?:when|where) it (?:still )?(?:had|was))\s+[^.;:!?]{1,60})", re.I)
PACE_RE = re.compile(r"\b(?:(?P<slow>slow|slower|slowed down|laid back)|(?P<fast>fast|faster|quick|quicker|brisk|up ?tempo))\b")
ALL_OF_RE = re.compile(r"(?:all|every|each) (?:of )?(?:the|my|our|those) ", re.I)   # "before all the volume changes": the first
LOUD_RE = re.compile(r"\b(?:(?P<quiet>quiet|quieter|soft|softer|calmer|gentler)|(?P<loud>loud|louder|bigger))\b")
ONLY_RE = re.compile(r"\b(?:just|only|simply)\b")
ABSENT_RE = re.compile(r"\b(?:no|without|minus|not the|not any|none of the)\s+(?:the |any |a )?$")


def plays(plan: ScorePlan, part: str) -> bool:
    """Whether the part a word names plays anywhere in `plan`."""
    role = role_of(plan, part)
    return role is not None and any(role in ops.effective_roles(plan, s) for s in plan.sections)


def described(request: str, history: list[ScorePlan]) -> list[EditIntent] | None:
    """"Go back to the one with no drums and no strings", "the way it was when it was slow but still had drums": the
    latest earlier version in which each part named plays (or plays nowhere, said with "no", "without") and whose
    tempo is as said (slow: under the fastest version's, fast: over the slowest's). None when no version is
    described so, or the words ask for nothing ("the one with no drums was nice").

    Raises:
        Ask: no version so far had those parts so.
    """
    m = BY_PARTS_RE.search(request)
    if not m or version_named(words(request)) is not None or not (WANT_RE.search(request) or
                                                                 re.match(r"\W*the (?:version|one)\b", request, re.I)):
        return None   # "back to v3, the one with no bass": the number names it
    what = m.group("what").lower()
    said = [(p, not ABSENT_RE.search(what[:k.start()])) for k in
            re.finditer(r"\b[a-z]+\b", what) if (p := k.group(0)) and named_parts(p)]
    pace, loud = PACE_RE.search(what), LOUD_RE.search(what)
    tempos, levels = [h.tempo_bpm for h in history], [h.loudness_lufs for h in history]
    if not said and not pace and not loud:
        return None

    def paced(plan: ScorePlan) -> bool:
        return (not pace or (plan.tempo_bpm < max(tempos) if pace.group("slow") else plan.tempo_bpm > min(tempos))) and \
            (not loud or (plan.loudness_lufs < max(levels) if loud.group("quiet") else plan.loudness_lufs > min(levels)))

    found = [k for k in range(len(history) - 1) if all(plays(history[k], p) == on for p, on in said) and paced(history[k])]
    found = found[:1] if found and ONLY_RE.search(what) else found   # "when it was just quieter": before anything more
    if not found:
        listed = ", ".join(("" if on else "no ") + p for p, on in said)
        raise Ask(f"No earlier version had {listed}, so I left the score as it is. Which version do you mean? "
                  "Say e.g. 'go back to version 2'.")
    return [EditIntent(what="revert", version=found[-1], text=request[:400])]


def last_part_change(role: str, history: list[ScorePlan], kinds: tuple[str, ...] = ("levels",)) -> int | None:
    """The version before the latest edit that changed `role` (its level; or `kinds` of change: "roles",
    "instrument"), as edits from the first score, or None."""
    for k in range(len(history) - 1, 0, -1):
        if any(c.kind in kinds and compiled(rf"\b{re.escape(role)}\b", re.I).search(c.words)
               for c in diff(history[k - 1], history[k])):
            return k - 1
    return None


def blended(text: str) -> str | None:
    """The one thing a half-way names ("too fast now, split the difference": the tempo; "the drums are too much,
    meet me halfway": the parts' levels), or None for every number the last edit moved."""
    low = text.lower()
    if re.search(r"\b(?:fast|faster|slow|slower|quick|tempo|speed|pace|bpm|rushed|draggy)\b", low):
        return "tempo"
    if re.search(r"\b(?:energy|busy|busier|intense|calm|calmer)\b", low):
        return "energy"
    if named_parts(low):
        return "instruments"
    return "loudness" if re.search(r"\b(?:loud|louder|quiet|quieter|volume)\b", low) else None


# the kinds of change (`changes.diff`) that change each thing a version can be asked for alone
KINDS_OF = {"tempo": ("tempo",), "key": ("key",), "mode": ("key",), "style": ("style",), "energy": ("energy",),
            "loudness": ("loudness",), "instruments": ("roles", "levels", "instrument")}


def last_change_of(attr: str, history: list[ScorePlan], span: tuple[float, float] | None = None) -> int | None:
    """The version before the latest edit that changed `attr` (edits from the first score), over `span` (start, end in
    s; a change of the whole score counts) where one is given ("put the tempo back in shot 3"); None when none did."""
    for k in range(len(history) - 1, 0, -1):
        if any(c.kind in KINDS_OF[attr] and (span is None or c.span is None or c.span[0] < span[1] and span[0] < c.span[1])
               for c in diff(history[k - 1], history[k])):
            return k - 1
    return None


# an end of the cue said by name ("how the ending was before", "the intro was better"): a stretch the edit there may
# have changed past the one shot the word names ("louder from 0:48 on", then "go back to how the ending was before"), as
# far as an end of the cue goes (a third of the clip: "louder from 0:08 on" then "the ending" is no full undo); the
# names are `place_words`' own
END_SHARE = 1 / 3


def changed_there(span, history: list[ScorePlan], n: int):
    """`span` (a `where.Span`) widened, when it names an end of the cue, to the stretch the edit after version `n`
    changed touching it, within that end's third of the clip, and labelled with the times it now covers; any other
    place as said."""
    if span.label.removeprefix("the ") not in (*START_WORDS, *END_WORDS):
        return span
    a, b, spans = span.start_s, span.end_s, [c.span for c in diff(history[n], history[n + 1]) if c.span]
    while (grown := [(x, y) for x, y in spans if x <= b + 0.01 and a - 0.01 <= y and (x < a or y > b)]):
        a, b = min(a, *(x for x, _ in grown)), max(b, *(y for _, y in grown))
    whole = history[n].duration_s
    a, b = (a, min(b, max(span.end_s, whole * END_SHARE))) if span.start_s < whole / 2 else (max(a, min(span.start_s, whole * (1 - END_SHARE))), b)
    return span if (a, b) == (span.start_s, span.end_s) else type(span)(a, b, f"{span.label} ({fmt(a)}-{fmt(b)})", snap=False)


def stretch_as_in(plan: ScorePlan, old: ScorePlan, idx: list[int]) -> None:
    """"The last shot was better before": sections `idx` of `plan` play as the same times did in `old` (energy,
    tempo, chords, the parts' levels); which parts play and everything elsewhere stay as in `plan`."""
    for i in idx:
        s = plan.sections[i]
        was = old.sections[old.section_at((s.start_s + s.end_s) / 2)]
        plan.sections[i] = s.model_copy(update={k: getattr(was, k) for k in ("energy", "tempo_bpm", "tempo_asked", "chords",
                                                                          "levels_db")})
    ops.regrid(plan, idx)


def part_as_in(plan: ScorePlan, old: ScorePlan, role: str, idx: list[int] | None = None) -> None:
    """"Bring the drums back as they were", "lose the strings again": `role` plays where it played in `old`, at
    the level it had there, and every other part stays as in `plan` (modified); in a score restyled since, on the new
    band's instrument (a rock kit, not the jazz one it had). `idx`: only these sections ("the drums in shot 2 like
    the first version had them"); None: all."""
    if role in old.instrumentation and old.style == plan.style:
        plan.instrumentation = {**plan.instrumentation, role: old.instrumentation[role]}
    then = [role in ops.effective_roles(old, old.sections[old.section_at((s.start_s + s.end_s) / 2)])
            for s in plan.sections]
    now = [role in ops.effective_roles(plan, s) for s in plan.sections]
    idx = range(len(plan.sections)) if idx is None else idx
    ops.set_roles(plan, [i for i, (a, b) in enumerate(zip(then, now)) if a and not b and i in idx], add=role)
    ops.set_roles(plan, [i for i, (a, b) in enumerate(zip(then, now)) if b and not a and i in idx], remove=role)
    for i, s in ((i, plan.sections[i]) for i in idx):
        was = old.sections[old.section_at((s.start_s + s.end_s) / 2)].levels_db.get(role)
        levels = {r: db for r, db in s.levels_db.items() if r != role} | ({role: was} if was else {})
        plan.sections[i] = s.model_copy(update={"levels_db": levels})
    ops.drop_role(plan, role)
