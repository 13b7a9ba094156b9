"""The last edit again, somewhere else ("same again at 0:41", "same treatment for 13 and 14", "and the brass, same thing
there"): its changes as intents at the place this request names (`repeat`); and where the last edit changed the plan,
for "there" (`last_place`). Used by `v2m.agent.dialogue.understanding` before the readers run.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import done_at, edit_log, moments, names, next_place
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.intents import scope_of
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.place_words import normalise
from v2m.agent.dialogue.spelling import mended, spelled
from v2m.agent.dialogue.where import Ask, Span, fmt, moment
from v2m.tools.contract import EditIntent, EditScope, ScorePlan, VideoAnalysis


# "same again at 0:41", "same treatment for 13 and 14", "also same in shot 9": the last edit, somewhere else
SAME_RE = re.compile(r"\b(?:same|identical) (?:again|treatment|thing|for|in|on|there|here|change|edit|tweak)\b|"
                     r"\bdo (?:that|the same)\b|\b(?:do|repeat) (?:the|that|your) [^,.;!?]{1,30}? (?:thing|treatment|trick) again\b|\bapply (?:that|this|it) (?:to|in|on|for)\b|"
                     r"\b(?:do|give|apply)\b[^,.;!?]{1,40}? what(?:ever)? (?:you|u|we) (?:just |already )?(?:did|done|gave|applied)\b|"   # "do to the second half what you did to the first"
                     r"\b(?:likewise|ditto)\b|^\s*(?:also |and )?same\b|"
                     r"^\W*(?:and |also |plus )?(?:at|on|in|for) [^,.;!?]{1,30}? (?:too|as well|also)\W*$", re.I)   # "and at 0:30 too"


# "needs more drive, can you do that?": the request just said, asked to be done (no repeat of the last edit)
DO_ASKED_RE = re.compile(r"(?<=\w)\W+(?:(?:can|could|would|will) (?:you|we|u) |please |pls )?(?:do|manage) (?:that|it|this)"
                         r"(?: for me| please| pls)?\W*$", re.I)


# a role said with what plays it, as a change reads ("no harmony (trombone)", "melody (trumpet) in")
PLAYED_BY_RE = re.compile(r" \([^()]*\)(?= in$|$)")


def repeat(analysis: VideoAnalysis, plan: ScorePlan, request: str,
           history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """The last edit's changes as intents at the place this request names, or None when it asks no repeat."""
    loose = not SAME_RE.search(DO_ASKED_RE.sub("", request))   # "the same hush you gave the opening, ... the very end": A's edit, at B
    if loose and not done_at.LOOSE_RE.search(request) or not history or len(history) < 2:
        return None
    text, k = done_at.split(words(mended(request)), history, lambda a: locate(names.as_places(a, names.earlier(history), None), analysis, plan), loose)   # "same as you did for A, but for B": A's edit, at B
    if k is None:
        return None
    text = re.sub(r"\bround about\b|\babout\b", "around", text)
    noun = names.noun_of(request) or names.noun_of(names.last_request(history))   # "same for 13 and 14": shots
    text = next_place.after_last(names.as_places(text, names.earlier(history), noun), analysis, last_place(history))
    span, at = locate(text, analysis, plan), moment(text)
    parts = done_at.parts_now(text, named_parts(text))   # "and the brass, same thing there": the last edit, on the part named now
    if span is None and at is None and parts and (where := moments.unplaced(request, None, analysis, plan, history)):
        raise where   # "the strings do that thing when she looks out the window": where that is, not the last place
    span = span or (last_place(history) if parts and at is None else None)
    if span is None and at is None:
        raise Ask("Same again where? Name the shot, cut or time (e.g. 'same again in shot 9').")
    t0 = at if at is not None else span.start_s
    scope = scope_of(span) if span is not None else scope_of(Span(t0, min(plan.duration_s, t0 + 0.5), fmt(t0)))
    out: list[EditIntent] = []
    for c in done_at.changes(history, k):
        w = c.words.split()
        if c.kind == "hit":
            out.append(EditIntent(what="hit", value=w[0], scope=EditScope(times_s=[round(t0, 3)]), text=request[:400]))
        elif c.kind == "energy":
            out.append(EditIntent(what="energy", direction="up" if w[0] == "more" else "down", scope=scope,
                                  text=request[:400]))
        elif c.kind == "roles":
            for part in c.words.split(", "):
                part = PLAYED_BY_RE.sub("", part)   # "no melody (trumpet)": the role (its instrument in brackets is no name)
                what, role = ("remove", part[3:]) if part.startswith("no ") else ("add", part.rsplit(" in", 1)[0])
                out.append(EditIntent(what=what, value=parts[0] if parts else role, scope=scope, text=request[:400]))
        elif c.kind == "levels":
            for m in re.finditer(r"(\w+) (louder|softer) against", c.words):
                out.append(EditIntent(what="balance", value=parts[0] if parts else m.group(1), scope=scope, text=request[:400],
                                      direction="up" if m.group(2) == "louder" else "down"))
        elif c.kind == "music":   # "the music stop in shot 5", then "same in shot 9": silence (or music back) there
            out.append(EditIntent(what="remove" if c.words == "no music" else "add", value="music", scope=scope,
                                  text=request[:400]))
        elif c.kind == "tempo" and len(w) >= 4:
            up = float(w[3]) > float(w[1])
            out.append(EditIntent(what="tempo", direction="up" if up else "down", scope=scope, text=request[:400]))
    if not out:
        raise Ask("The last edit changed nothing I can repeat elsewhere. What should change there?")
    return list({(it.what, it.direction, it.value): it for it in out}.values())


def last_place(history: list[ScorePlan] | None, analysis: VideoAnalysis | None = None) -> Span | None:
    """Where the last edit changed the plan (its changes' first start to last end), for "there"."""
    said = edit_log.unchanged_last(history)   # a mark asked where one already was: the moment it named
    if not history or len(history) < 2 and not said:
        return None
    changes = [] if said else [c.span for c in diff(history[-2], history[-1]) if c.span]
    spans = [s for s in changes if s[1] > s[0]] or changes   # only marks added: the moment they are at
    if not spans and (t := moment(normalise(" ".join(spelled(said := said or names.last_request(history)).split())))) is not None:
        spans = [(t, t)]   # or the moment the last request named (as the readers read it: "hit @ 48" at 0:48)
    if not spans and analysis is not None and (t := _cut_named(said, analysis, history[-1])) is not None:
        spans = [(t, t)]   # "... one huge hit on the 6th cut" where a crash already was: that cut
    if not spans:
        return None
    a, b = min(x for x, _ in spans), max(y for _, y in spans)
    return Span(a, b, f"there ({fmt(a)}-{fmt(b)})", snap=False)


def _cut_named(request: str, analysis: VideoAnalysis, plan: ScorePlan) -> float | None:
    """The cut a request named ("the 6th cut"), or None."""
    try:
        span = locate(normalise(words(request)), analysis, plan)
    except Ask:
        return None
    return span.start_s if span is not None and span.label.startswith("the shot after the cut") else None
