"""Going back with something kept as it is now: "orig tempo was better. bass stays out", "back out the last two
changes, keep the drums out", "go back to the jazzy one? the quiet is ok", "undo everything but the hit". The keep
clauses (and what "everything but X" spares) are taken out of the message, with its reasons and complaints when what
is left goes back ("go back to version 3, the louder one was overkill", "too loud now. can it go back?"), the rest is
read as it would be alone, and when that rest goes back (a revert, or a part put back) each thing kept is brought back
from the current version after it (the tempo, the loudness with the energy, the key, a part, the hits; an unnamed
thing by the earlier edit its words name, "leave the second-half push"). A keep clause read as an edit of its own
("leave the volume down": quieter again, "keep it loud": louder) never is. A message with no going back in the rest,
or a keep with a place of its own ("keep the drums everywhere": an edit there), is left to the readers.

    kept("undo the minor and the bass thing, keep it loud", history, read)
    # [EditIntent(what="revert", ...), EditIntent(what="revert", version=len(history) - 1, value="loudness"), ... "energy"]
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import versions
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.references import ORIGINAL_RE, VERDICT_RE, version_named
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan

WHAT = r"(?P<what>[a-z][a-z' -]{0,40}?)"
STAYS = (r"(?:can|should|may|must|will|could)?\s*(?:stay|stays|remain|remains|be left)\s*(?:away|out|off|gone|down|up|"
         r"low|high|quiet|loud|slow|fast|as (?:it|they) (?:is|are)|where (?:it|they) (?:is|are)|the same|like (?:this|now)|"
         r"the way (?:it|they) (?:is|are))?")
# a keep clause, where it ends: "(but) keep X", "leave X (where it is)", "X (can) stay(s) out", "the quiet is ok"
KEEP_RE = re.compile(rf"(?:^|(?<=[.,;!?])\s*|\s+)(?:(?:but|and|just|though|while)\s+)?(?:(?:(?:still\s+)?(?:keep|leave|hold)\s+|still (?:at|with|in|on) )"
                     rf"{WHAT}|{WHAT.replace('what', 'what2')}\s+{STAYS}|(?P<what3>the (?:quiet|quieter|loud|louder|slow|"
                     r"slower|fast|faster|new|current) ?[a-z]*|(?:the )?(?:volume|tempo|speed|level|key|loudness|major|minor|[a-z]+ key)) (?:is|are|can stay|stays) "
                     r"(?:ok|okay|fine|good|great|alright)|(?P<what4>the [a-z' -]{1,30}?) (?:is|are) (?:(?:so|really|very|just) )?(?:a keeper|keepers|lovely|great|perfect|nice|"
                     r"good|gorgeous|beautiful|spot on)|(?P<what5>the [a-z' -]{1,30}?) (?:i|we) (?:keep|want to keep|'ll keep|will keep))(?:\s*,?\s*\b(?:though|tho|please|pls|too|as well|for now)\b)?(?=\s*(?:[.,;!?]|$|\b(?:but|while)\b))", re.I)
BACK_WORDS = re.compile(r"\b(?:old|original|orig|previous|earlier|before|first|version|v\d)\b", re.I)   # "keep the old tempo": a reference
# the words of a kept thing: which aspects of the current version it names
ASPECT_RES = (
    (re.compile(r"\b(?:tempo|speed|pace|bpm|slow|slower|fast|faster|quick|quicker|slowdown|speed-?up)\b"), ("tempo",)),
    (re.compile(r"\b(?:volume|level|levels|loud|louder|loudness|quiet|quieter|soft|softer|energy|lower|down)\b"),
     ("loudness", "energy")),
    (re.compile(r"\b(?:key|minor|major|mode)\b"), ("key",)),
    (re.compile(r"\b(?:hits?|accents?|crash(?:es)?|stabs?|thumps?|stings?|marks?)\b"), ("hits",)),
)
# "undo everything but the hit", "everything except the quieter bit back to the start": all back, that one thing kept
EXCEPT_RE = re.compile(r"\b(?P<all>everything|evrything|everyting|everthing|all(?: of it| the changes| my changes)?|the lot)\s+(?:but|except(?: for)?|apart from|"
                       r"other than|save|besides)\s+(?P<what>[a-z][a-z' -]{0,40}?)(?=\s*(?:[.,;!?]|$|\b(?:back|and|please|pls)\b))", re.I)
SPOILED = r"(?:dragged|drags|killed|ruined|ruins|kills|spoiled|spoils)"   # what a complaint says an edit did to the music
# a clause that only says why ("too loud now", "the slow one dragged", "the minor I don't like, it is too dark"): what
# going back answers, no edit of its own
COMPLAINT_RE = re.compile(r"^\W*(?:(?:ok|okay|hmm+|hm|ugh|honestly|ngl|tbh|yeah|nah|nope|wait|also|and|but|so|sorry|i think|hey|oh|ah|um|uh|whoa|wow)\W+)*"
                          r"(?:(?:it|this|that|its|it's|the [a-z' -]{1,30}?|[a-z]+)\s+(?:is|was|are|were|'s|feels?|felt|sounds?|"
                          r"sounded|seems?|got|went)\s+(?:(?:way|much|far|a bit|kinda|just|so|really|very|now|a little|too)\s+)*"
                          r"(?:too (?:much|[a-z]+)|not (?:a |so )?(?:good|great|right|nice)(?: idea)?|(?:cheesy|stuffy|boring|bad|worse|"
                          r"awful|wrong|off|overkill|a mistake|muddy|busy|cluttered|sluggish|draggy|flat|dull))(?: now| for [a-z ]+)?|"
                          r"(?:(?:way|much|far) )?too [a-z]+(?: now)?|(?:the |that |this )?[a-z' -]{1,30}? " + SPOILED + r"\b[^,.;!?]*|i (?:don't|dont|do not) (?:like|love) (?:it|that|this|the [a-z -]+)"
                          r"|(?:the )?[a-z -]{1,20} i (?:don't|dont|do not) like|(?:what happened to|where did|where'?s) (?:the|my|our) [a-z -]{1,20}?"
                          r"(?: go| gone)?)\W*$", re.I)
# the edit a complaint names ("that slowdown in the middle killed the momentum") and a "lose it" after it
SUBJECT_RE = re.compile(r"^\W*(?:that|the|this) (?P<thing>[a-z' -]{1,30}?) (?:" + SPOILED +
                        r"|is|was|feels|felt|sounds|sounded)\b", re.I)
LOSE_IT_RE = re.compile(r"^\W*(?:(?:please|pls|just|so)\s+)?(?P<verb>lose|drop|ditch|scrap|cut|undo|cancel|remove|kill|bin|"
                        r"get rid of)\s+(?:it|that)(?:\s+(?:please|pls))?\W*$", re.I)
KEEP_PUNCT_RE = re.compile(r"([.!?,])[.,;]+|\s*[,;]+\s*(?=[.!?]|$)")   # what a clause taken out leaves: ".,", ",."
CLAUSE_RE = re.compile(r"(?<=[,.;!?])\s+")
PLACE_RE = re.compile(r"\b(?:shots?|cuts?|intro|outro|ending|middle|everywhere|throughout|bars?|\d+:\d\d|\d+ ?(?:s|secs?|seconds))\b", re.I)
# "the louder ending can stay": a stretch named by what an edit made of it, the thing kept, no place for a new edit
MADE_PLACE_RE = re.compile(r"^(?:the |that |this )?(?:louder|quieter|softer|slower|faster|quicker|loud|quiet|soft|slow|fast|"
                           r"big|bigger|calm|calmer) (?:ending|end|intro|outro|start|middle|finish|opening)$", re.I)
PRONOUN_RE = re.compile(r"\b(?:it|them|they)\b(?= back\b)", re.I)
PUT_BACK_RE = re.compile(r"\b(?:back|again|restore|return|revert|undo)\b", re.I)   # "put the bass back, keep ..."
# what is left after the reasons goes back: a word of it, a version, what was liked ("before that" alone is a place)
WENT_BACK_RE = re.compile(rf"{PUT_BACK_RE.pattern}|\b(?:before|original|version|v\d|liked|preferred)\b", re.I)
# the words of a keep clause that name nothing kept ("where it is", "the", "out", "please")
FILLER_RE = re.compile(r"\b(?:where|how|as|the way|like) (?:it|they) (?:is|are|was|were)\b|\b(?:the|my|our|it|them|that|"
                       r"this|those|these|a|out|off|away|gone|in|as is|now|please|both|and|alone|same)\b")
REST_RE = re.compile(r"^(?:it|the rest|everything else|all else|the others|the other stuff|rest|everything|it like that|"
                     r"it that way|the rest as (?:it is|is))$")


def _aspects(what: str, history: list[ScorePlan]) -> list[tuple[str, str | None]] | None:
    """(the setting, the part) pairs a kept thing names; [] for "the rest"; None when it names none known."""
    what = " ".join(FILLER_RE.sub(" ", what.lower()).split())
    if not what or REST_RE.match(what):
        return []
    out = [(a, None) for r, names in ASPECT_RES if r.search(what) for a in names]
    out += [("instruments", p) for p in named_parts(what)]
    return out or _by_edit(what, history) or None


# what an earlier edit changed, by its kind of change (`changes.diff`), as the settings a keep brings back from now
KEPT_KINDS = {"tempo": ("tempo",), "energy": ("energy",), "loudness": ("loudness", "energy"), "key": ("key",),
              "chords": ("key",), "roles": ("instruments",), "levels": ("instruments",), "instrument": ("instruments",),
              "hit": ("hits",), "no_hit": ("hits",)}


def _by_edit(what: str, history: list[ScorePlan]) -> list[tuple[str, None]]:
    """"leave the second-half push": the settings the earlier edits its words name ("faster in the second half")
    changed; [] when they name none, or one that changed something no keep brings back (a style)."""
    found = versions.matching(versions.content(what.replace("-", " ")), history)   # "the second-half push"
    kinds = {c.kind for k in found for c in diff(history[k - 1], history[k])}
    if not found or kinds - set(KEPT_KINDS):
        return []
    return [(a, None) for kind in sorted(kinds) for a in KEPT_KINDS[kind]]


def _without_except(request: str) -> str:
    """`request` without what its "everything but X" spares ("undo evrything but the hit": "undo evrything")."""
    but = EXCEPT_RE.search(request)
    return request[:but.end("all")] + request[but.end("what"):] if but else request


def _rest(request: str) -> tuple[str, bool]:
    """What `kept` reads of `request` as the going back itself, its keep clauses, what it spares and its reasons taken
    out; whether reasons were taken out."""
    cut = KEEP_RE.search(request) or EXCEPT_RE.search(request)
    return _without_verdicts(without_keeps(_without_except(request)) if cut else request)


def rest_of(request: str) -> str:
    """`_rest`'s text: `unread` reads that whole, as the turn did."""
    return _rest(request)[0]


def without_keeps(request: str) -> str:
    """`request` without its keep clauses ("orig tempo was better. bass stays out": "orig tempo was better.")."""
    return KEEP_PUNCT_RE.sub(lambda m: m.group(1) or "", KEEP_RE.sub("", request)).strip(" ,;-")


def rejoined(request: str, note: str | None) -> str | None:
    """`note` (the message unwrapped of its greetings and sign-offs) with the keep clauses of `request` it lost ("go
    back to the jazzy one? the quiet is ok": no praise signing off, what going back must leave)."""
    if not note or not KEEP_RE.search(request) or not WENT_BACK_RE.search(note):
        return note   # ("slower in shot 3. The mix is great, thanks": a sign-off beside a new edit stays out)
    lost = [m.group(0).strip() for m in KEEP_RE.finditer(request) if m.group(0).strip() not in note]
    return " ".join([note, *lost]) if lost else note


def _without_verdicts(request: str) -> tuple[str, bool]:
    """`request` without its verdicts on a version and its complaints ("go back to version 3, the louder one was
    overkill": "go back to version 3"; "too loud now. can it go back to how it was?"), when what is left goes back (a
    version named by its number or as the first, or a word of going back); whether any was taken out."""
    pieces = CLAUSE_RE.split(request)
    left = [p for p in pieces if not VERDICT_RE.match(p) and not COMPLAINT_RE.match(p)]
    said = " ".join(left)
    parts = [x for p in pieces if p not in left for x in named_parts(p.lower())]
    if len(set(parts)) == 1:   # "where did the bass go?? put it back": the bass back
        said = PRONOUN_RE.sub(f"the {parts[0]}", said, count=1)
    subjects = [m["thing"] for p in pieces if p not in left and (m := SUBJECT_RE.match(p))]
    if len(left) == 1 and len(subjects) == 1 and (lose := LOSE_IT_RE.match(said)):   # "that slowdown in the middle
        return f"{lose['verb']} the {subjects[0]}", True                           # killed the momentum. Lose it."
    if len(left) == len(pieces) or not left or version_named(said) is None and not ORIGINAL_RE.search(said.lower()) and \
            not WENT_BACK_RE.search(said):
        return request, False
    return said.strip(" ,;-"), True


def kept(request: str, history: list[ScorePlan] | None,
         read: Callable[[str], list[EditIntent]]) -> list[EditIntent] | None:
    """The going back `request` asks for with each thing its keep clauses name kept as it is now, and without its
    verdicts on the version left ("..., the louder one was overkill"); None when it has neither, a kept thing is
    none this knows, or the rest does not go back (a revert, or a part or setting put back)."""
    if not history or len(history) < 2:
        return None
    found, now, keeps = list(KEEP_RE.finditer(request)), history[-1], []
    for m in found:
        what = next(g for g in m.group("what", "what2", "what3", "what4", "what5") if g)
        named = None if BACK_WORDS.search(what) or PLACE_RE.search(what) and not MADE_PLACE_RE.match(what.strip()) \
            else _aspects(what, history)   # "keep the drums
        # everywhere": an edit there, the place readers'; "keep the old tempo": a reference
        if named is None:
            return None
        keeps += named
    if but := EXCEPT_RE.search(request):   # "undo everything but the hit": all undone, the hit kept
        if not (named := _aspects(but["what"], history)):
            return None   # a spared thing this does not know: the readers'
        keeps += named
    rest, why = _rest(request)
    if not (found or why or but and keeps) or len(rest) < 3:
        return None
    try:
        intents = read(rest)
    except Ask:
        return None   # the rest alone asks: the message is read whole, as before
    if not (any(it.what == "revert" for it in intents) or intents and found and PUT_BACK_RE.search(rest)):
        return None
    n = len(history) - 1
    kept_now = []
    for attr, part in dict.fromkeys(keeps):
        if part is not None and (part := role_of(now, part)) is None:
            return None   # "... and keep the cello" where none plays now: the readers ask
        kept_now.append(EditIntent(what="revert", version=n, value=attr, target=part, text=f"keep {part or attr}"))
    return [*intents, *kept_now]
