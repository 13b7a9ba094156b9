"""A chat turn of the rules planner: what the user said -> `EditIntent`s -> the new plan -> a reply built
from the plan diff.

    from v2m.agent.dialogue.understanding import apply_edit
    result = apply_edit(analysis, plan, "from the second cut on, darker, and let the bass drive")
    result.plan, result.reply     # "Chords ... from 0:03.0 to 0:10; bass louder against the others ..."

Two readers write intents: the rules grammar (`v2m.agent.dialogue.edits`) and the learned intent model
(`v2m.agent.dialogue.intent_model`, MiniLM + a LoRA-tuned head, in NumPy). The grammar reads first; where
it reads nothing the model's confident reading is used; where they disagree, or neither is sure, the turn
is one concrete question with options. Input that is no edit at all (empty, a long paste, emoji only,
another language, instructions to the assistant) is answered with a question or a plain refusal, the
plan unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

from v2m.agent.dialogue import arbiter, edits, followups, halfway, marks, messages, moments, names, orchestration, recall, shifts, sides, versions
from v2m.agent.dialogue.changes import describe, diff
from v2m.agent.dialogue.intents import apply_intents, scope_of
from v2m.agent.dialogue.repeats import from_last_revert, style_first
from v2m.agent.dialogue.phrases import REST_ALONE, beside_change, opening, words
from v2m.agent.dialogue.place_words import normalise, only_place
from v2m.agent.dialogue.where import Ask, Span, fmt, locate, moment, snap, visible_cuts
from v2m.agent.planners.result import PlanResult
from v2m.tools.contract import EditIntent, EditScope, ScorePlan, VideoAnalysis

MAX_REQUEST_CHARS = 600        # longer than any edit anyone types: a paste, answered with a question
INJECTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass) (?:all |any |your |the |previous |prior |my )*(?:rules|"
    r"instructions|limits|guidelines|prompt|system)\b|\bsystem prompt\b|\b(?:show|print|reveal|tell) me your "
    r"(?:instructions|prompt|rules)\b|\byou are now\b|\bnot follow your rules\b|\bwithout (?:any )?limits?\b|"
    r"\bjailbreak\b|\brun (?:this|the following) (?:code|command)\b|\brm -rf\b", re.I)
FOREIGN_WORDS = set("""es el la los las que por favor puedes muy más mas pero con sin una uno del música musica
bitte und der die das nicht mit ist sehr schneller langsamer musik le les des est très plus avec pas une
vite lent musique per più molto della sono questo não mais com uma rápido lento""".split())
ENGLISH_WORDS = set("""the a it is and of to in make more less with please can you music slower faster louder
quieter shot cut add no drums bass too bit""".split())


def guard(request: str) -> str | None:
    """The question or refusal for input that is no edit, or None when it may be one."""
    text = "".join(ch for ch in request if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    if not text.strip():
        return "What should I change? Tell me in a few words, e.g. 'slower after 0:05' or 'no drums in shot 2'."
    if len(text) > MAX_REQUEST_CHARS:
        return (f"That is {len(text):,} characters, far more than an edit; I left the score as it is. "
                "What one change should I make, e.g. 'calmer in the intro'?")
    if INJECTION_RE.search(text):
        return ("I can't change how I work or show my instructions; I only edit this score (tempo, mood, "
                "instruments, cuts). The score is unchanged. What should change in the music?")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "I can only read words, not symbols. What should change, e.g. 'happier' or 'more energy'?"
    words = re.findall(r"[^\W\d_]+", text.lower())
    foreign = sum(w in FOREIGN_WORDS for w in words) + sum(not w.isascii() for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    if foreign >= 2 and foreign > english or sum(not ch.isascii() for ch in letters) > len(letters) / 3:
        return ("I only understand edits in English so far; the score is unchanged. Could you say it in English, "
                "e.g. 'slower' or 'less drums in shot 2'?")
    return None


# "leave it like that", "this is final": a sign-off, not an edit (nor a lock: nothing was named to keep)
HANDS_OFF_RE = re.compile(
    r"\b(?:leave|keep) (?:it|everything|the rest|that|this|all|things)(?: else| going)?(?: exactly)? (?:as it is|as is|like "
    r"(?:that|this)|the way it is|alone|unchanged)\b|\bdon'?t (?:change|touch) (?:anything|a thing)\b|"
    r"\b(?:this|that) is (?:final|it|perfect)\b|\bthat'?s (?:final|perfect)\b|\ball good\b|\bwe'?re done\b", re.I)
# praise and nothing else ("the piano is so much better now", "wow, perfect"): no edit to read into it
PRAISE_RE = re.compile(opening("wow|yes|yeah|nice|great|love it|thanks") + r"(?:(?:the )?[\w ]{1,30}? (?:is|are|sounds?|"
                       r"feels?) )?(?:so much |much |a lot |way |really |so )?(?:better|nicer|great|perfect|lovely|good|"
                       r"spot on)(?: now| already)?\W*$", re.I)
LOCK_WORDS_RE = re.compile(r"\b(?:lock|freeze|protect)\b", re.I)
# a question about the score ("what key are we in", "did the first shot change?"), not a request in
# question form ("can it start straight in", "is there a way to make it faster")
STATE_Q_RE = re.compile(opening("and|but|good|great|wait|sorry") + r"(?:what(?:'s|s| is| are)?|"
                        r"which|where|how (?:fast|slow|loud|long|many)|is|are|was|were|did|does|has|have|"
                        r"why (?:did|do|have) you)\b", re.I)   # "why did you pick jazz?" (not "why is it so slow?")
REQUEST_RE = re.compile(r"\b(?:can|could|would|will|possible|way to|able to|make|let|give|add|put|bring|try|"
                        r"please|pls|plz|should i|go back)\b", re.I)

# a sentence that tells what to do ("remove it", "then take the drums out"), after a question about the score
ORDER_RE = re.compile(opening("then|and|just|now|if so|yes|yeah") + r"(?:remove|delete|drop|lose|kill|mute|"
                      r"ditch|cut|get rid|take|swap|replace|change|move|turn|raise|lower|slow|speed|set|use)\b", re.I)


def remark(request: str, plan: ScorePlan, history: list[ScorePlan] | None) -> str | None:
    """The reply to a turn that asks about the score or signs off instead of asking for an edit, else None.
    An answer is read from the plans alone, so it cannot claim what the score does not do."""
    sentences = [x.strip() for x in re.split(r"[.?!;\n]+", request) if x.strip()]
    rest = re.sub(REST_ALONE, " ", request, flags=re.I)   # "slower in shot 3, leave everything else as is": an edit
    if (HANDS_OFF_RE.search(rest) or PRAISE_RE.match(request)) and not LOCK_WORDS_RE.search(request) and \
            not beside_change(request):   # "keep the rest as is" beside a change
        return "Good: I left the score exactly as it is. Nothing changed; tell me if anything should."
    asks = [x for x in sentences if STATE_Q_RE.match(x)]
    if not asks or REQUEST_RE.search(request) or any(ORDER_RE.match(x) for x in sentences if x not in asks):
        return None   # "is there a hit on cut 2? remove it": asked, then told what to do
    t = " ".join(asks).lower()
    first = history[0] if history else plan
    facts = []
    if re.search(r"\b(?:tempo|bpm|speed|fast|slow|pace)\b", t):
        same = " (as in the first score)" if first.tempo_bpm == plan.tempo_bpm else \
            f" (the first score had {first.tempo_bpm:g})"
        runs: list[list[float]] = []   # stretches with a tempo of their own, neighbours at one tempo joined
        for sec in plan.sections:
            if sec.tempo_bpm in (None, plan.tempo_bpm):
                continue
            if runs and abs(runs[-1][1] - sec.start_s) < 1e-6 and runs[-1][2] == sec.tempo_bpm:
                runs[-1][1] = sec.end_s
            else:
                runs.append([sec.start_s, sec.end_s, sec.tempo_bpm])
        where = "".join(f", {v:g} from {fmt(a)} to {fmt(b)}" for a, b, v in runs)
        facts.append(f"the tempo is {plan.tempo_bpm:g} BPM{same}{where}")
    if re.search(r"\b(?:key|mode|scale|major|minor)\b", t):
        facts.append(f"the key is {plan.key} {plan.mode}")
    if re.search(r"\b(?:style|genre)\b", t):
        why = re.search(r"^- Style: .*?, (because .*)$", plan.reasoning, re.M) if re.search(r"\bwhy\b", t) else None
        facts.append(f"the style is {plan.style}" + (f", {why.group(1).rstrip('.')}" if why else ""))
    if re.search(r"\bsections?\b|\bhow many parts\b", t):   # "how many sections are there?"
        facts.append(f"there are {len(plan.sections)} sections: " + ", ".join(
            f"{x.name} {fmt(x.start_s)}-{fmt(x.end_s)}" for x in plan.sections))
    if re.search(r"\bhow long\b|\b(?:length|duration)\b", t):   # "how long does the music run?"
        named = [x for x in plan.sections if re.search(rf"\b{re.escape(x.name.lower())}\b", t)]   # "how long is the intro?"
        facts.append("; ".join(f"the {x.name} lasts {x.end_s - x.start_s:.1f} s ({fmt(x.start_s)}-{fmt(x.end_s)})"
                               for x in named) or f"the music lasts {fmt(plan.duration_s)}, as long as the video")
    if re.search(r"\b(?:hits?|accents?|crash(?:es)?|stabs?|stings?|stops?|marks?|hit points?)\b", t):   # "where are the hits?"
        marks = ", ".join(f"{h.kind} at {fmt(h.time_s)}" for h in sorted(plan.hit_points, key=lambda h: h.time_s))
        facts.append(f"the marks are: {marks}" if marks else "there are no marks (hits) in the score")
    if re.search(r"\b(?:change|changed|different|differ|touch|touched|do|did you)\b", t):
        last = diff(history[-2], history[-1]) if history and len(history) >= 2 else []
        facts.append("the last edit made: " + describe(last).rstrip(".") if last else "nothing has been edited yet")
    if not facts:
        inst = ", ".join(f"{r} ({n})" for r, n in sorted(plan.instrumentation.items())) or "the style's own parts"
        facts.append(f"it is {plan.style} in {plan.key} {plan.mode} at {plan.tempo_bpm:g} BPM, played by {inst}")
    text = "; ".join(facts)
    return text[0].upper() + text[1:] + ". I changed nothing; what should change?"


def last_place(history: list[ScorePlan] | None) -> Span | None:
    """Where the last edit changed the plan (its changes' first start to last end), for "there"."""
    if not history or len(history) < 2:
        return None
    changes = [c.span for c in diff(history[-2], history[-1]) if c.span]
    spans = [s for s in changes if s[1] > s[0]] or changes   # only marks added: the moment they are at
    if not spans and (t := moment(normalise(names.last_request(history)))) is not None:
        spans = [(t, t)]   # a mark asked where one already was: the moment the last request named
    if not spans:
        return None
    a, b = min(x for x, _ in spans), max(y for _, y in spans)
    return Span(a, b, f"there ({fmt(a)}-{fmt(b)})", snap=False)


# "no, I meant shot 3", "it's the third shot, the kitchen one", "not there, the ending": the last edit, moved
CORRECTION_RE = re.compile(r"^\W*(?:(?:no|nope|nah|sorry|oops|actually|wait|oh|hmm|hang on|hold on|my bad|correction|"
                           r"typo(?: above| there| earlier| before)?)\b\W*)*(?:i meant|i mean|i said|"
                           r"(?:he|she|they) mean[st]?|it'?s|it is|that'?s|thats|should be|make that|meant|not there)\b", re.I)
# "no wait, the jump is the fourth shot": a name put right, after a word that corrects
NAME_FIX_RE = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|actually|wait|hmm|my bad)\b\W*)+(?:the )?[a-z]+(?: [a-z]+)? "
                         r"(?:is|was|are|were) (?:the |in |at |shots? |cuts? )", re.I)
CORRECTION_WORDS_RE = re.compile(r"\b(?:no|nope|nah|sorry|oops|actually|wait|oh|hmm|i meant|i mean|i said|it's|its|"
                                 r"(?:he|she|they) mean[st]?|"
                                 r"it is|that's|thats|should be|make that|meant|not there|but|instead|rather|typo|above|"
                                 r"hang on|hold on|my bad|correction)\b")
NOT_PLACE_RE = re.compile(r"[,;]?\s*\bnot\b(?! only\b)[^,.;]*")
NOT_MOVED = ("style", "revert", "undo", "redo", "hit", "no_hit", "take", "route", "lock", "unlock")  # by a correction


def retarget(analysis: VideoAnalysis, plan: ScorePlan, request: str,
             history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A turn that only corrects where the last edit went ("no, I meant the third shot"): back to the plan
    before it, then the same edit at the place now named. None when the request is no such turn."""
    before = names.last_request(history)
    if not before or not (CORRECTION_RE.search(request) or NAME_FIX_RE.search(request)):
        return None
    text = words(request)
    noun = names.noun_of(request) or names.noun_of(before)
    text = NOT_PLACE_RE.sub(" ", text)   # "meant 1:00-1:10, not from 0:50": the place taken back is no target
    text = names.as_places(CORRECTION_WORDS_RE.sub(" ", text), names.earlier(history), noun)
    span = locate(text, analysis, plan)
    if span is None or not only_place(text) and _edit_in(analysis, plan, text):
        return None   # "the lads warming up" beside the place describes it; "and louder" is an edit of its own
    try:
        old = understand(analysis, history[-2], before, history[:-1])
    except Ask:
        return None
    if not old or any(it.what in NOT_MOVED or it.scope.kind == "whole" for it in old):
        return None   # a whole-score edit had no place to correct (and a place may answer a question instead)
    scope = scope_of(snap(span, analysis))
    moved = f"the last edit moved, now {scope.label}"
    return [EditIntent(what="revert", version=-1, text=request[:400], reason=moved),
            *(it.model_copy(update={"scope": scope, "text": request[:400]}) for it in old)]


def _edit_in(analysis: VideoAnalysis, plan: ScorePlan, text: str) -> bool:
    """Whether the grammar reads an edit of its own in `text` (a question counts as one)."""
    try:
        return bool(edits.read_request(analysis, plan, text, guess=False))
    except Ask:
        return True


def _last_asked(analysis: VideoAnalysis, history: list[ScorePlan]) -> list[EditIntent]:
    """The intents the last edit's request reads as, against the plan it was made on ([] when none)."""
    try:
        return understand(analysis, history[-2], names.last_request(history), history[:-1])
    except Ask:
        return []


def rebase(analysis: VideoAnalysis, plan: ScorePlan, request: str,
           history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"From the first one, only change: drums from the start": back to the version named, then the edit
    read against that version. None when the request names no version to start from."""
    base = recall.rebased(request)
    if base is None:
        return None
    k, rest = base
    history = history or [plan]
    if not 0 <= k < len(history):
        raise Ask(f"There are versions 1 (the first score) to {len(history)}; which one should I start from?")
    edit_on = understand(analysis, history[k], rest, history[:k + 1])
    return edit_on if k == len(history) - 1 else [EditIntent(what="revert", version=k, text=request[:400]), *edit_on]


def understand(analysis: VideoAnalysis, plan: ScorePlan, request: str,
               history: list[ScorePlan] | None = None) -> list[EditIntent]:
    """The intents a request asks for.

    Args:
        analysis: the measured video.
        plan: the current plan.
        request: the user's words.
        history: the first plan, then the plan after each edit so far.
    Returns:
        Intents in the order said.
    Raises:
        Ask: no edit, an ambiguous one, or one the readers disagree on; the message is the question.
    """
    question = guard(request) or remark(request, plan, history)
    if question:
        raise Ask(question)

    again = recall.withdrawn(request, history, partial(_last_asked, analysis, history)) or \
        recall.corrected(request, history, partial(understand, analysis)) or \
        recall.undone(request, history, partial(understand, analysis)) or \
        versions.named_by_content(request, history) or versions.named_by_having(request, history) or \
        halfway.midway(request, history) or versions.before_that(request, history) or \
        recall.named_by_time(request, history) or recall.preferred(request, history) or \
        recall.as_in(request, history, partial(understand, analysis)) or \
        rebase(analysis, plan, request, history) or followups.repeat(analysis, plan, request, history) or \
        marks.narrow(request, history, partial(_last_asked, analysis, history)) or \
        retarget(analysis, plan, request, history) or \
        shifts.moved(request, history, names.last_request(history), partial(understand, analysis), visible_cuts(analysis)) or \
        leaning(analysis, plan, request, history)
    if again is not None:
        return again
    try:
        intents = heard(analysis, plan, request, history)
    except Ask as q:   # a moment of the picture described: where it is comes first (the place finder's own asks it)
        where = None if moments.asked_about(str(q)) else moments.unplaced(request, None, analysis, plan, history)
        raise (where or q) from None
    if where := moments.unplaced(request, intents, analysis, plan, history):
        raise where
    return orchestration.stand_ins(orchestration.arrivals(where_heard(intents, history), plan))


def heard(analysis: VideoAnalysis, plan: ScorePlan, request: str, history: list[ScorePlan] | None) -> list[EditIntent]:
    """What the two readers (grammar and model, `arbiter`) make of the request."""
    return arbiter.combine(analysis, plan, request, partial(edits.read_request, last_span=last_place(history),
                                                            known=names.earlier(history) | sides.edited(history)))


def leaning(analysis: VideoAnalysis, plan: ScorePlan, request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A message that leans on the last edit ("again", "too much", "and shot 3", "the piano too"): `followups`."""
    if not history or len(history) < 2 or not names.last_request(history):
        return None
    noun = names.noun_of(names.last_request(history))
    return followups.lean(request, history, _last_asked(analysis, history), partial(heard, analysis, plan, history=history),
                          lambda x: locate(names.as_places(words(x), names.earlier(history), noun), analysis, plan),
                          partial(orchestration.role_of, plan), lambda span: scope_of(snap(span, analysis)))


def where_heard(intents: list[EditIntent], history: list[ScorePlan] | None) -> list[EditIntent]:
    """A part's balance said without a place ("flute's too hot") right after an edit that brought that part
    in or changed it somewhere ("add a flute from 0:20 to 0:40") is about that part there, not everywhere."""
    if not history or len(history) < 2:
        return intents
    changes = [c for c in diff(history[-2], history[-1]) if c.kind in ("roles", "levels")]
    out = []
    for it in intents:
        role = orchestration.role_of(history[-1], it.value) if it.what == "balance" and it.value else None
        # where the last edit brought it in or moved its level: not where it took it out ("no bass, no pad")
        spans = [c.span for c in changes if role and re.search(rf"\b{role} in\b" if c.kind == "roles" else rf"\b{role}\b",
                                                               c.words)]
        if it.scope.kind == "whole" and spans and None not in spans:
            a, b = min(x for x, _ in spans), max(y for _, y in spans)
            it = it.model_copy(update={"scope": scope_of(Span(a, b, f"where the {it.value} plays ({fmt(a)}-{fmt(b)})",
                                                              snap=False), it.scope.times_s)})
        out.append(it)
    return out


NOTHING_TO_DO = "Noted: nothing in that asks for a change, so the score is as it was."


def apply_edit(analysis: VideoAnalysis, plan: ScorePlan, request: str,
               history: list[ScorePlan] | None = None) -> PlanResult:
    """Apply a spoken edit to a plan: the note inside a message's wrapper, or each note of a pasted list.

    Args:
        analysis: the measured video the edit's places refer to.
        plan: the current plan; it is not modified.
        request: the user's words ("slower in the second half", "hit the cut at 0:07"), as typed or pasted
            (an email, a forward, a review tool's export: see `v2m.agent.dialogue.messages`).
        history: the first plan, then the plan after each edit so far, for "like it was before".
    Returns:
        A PlanResult with the new plan and a reply built from the plan diff; when the request is no edit,
        ambiguous or impossible, the unchanged plan and `question` set (also in `reply`).
    """
    notes = messages.pasted_notes(request)
    if notes is not None:
        return apply_notes(analysis, plan, notes, history)
    if followups.approval(request):   # "Great, that's the groove I wanted.": said of the music as it is
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=followups.GOOD, question=followups.GOOD)
    note = followups.joined(request, messages.unwrap(request))
    if request.strip() and not note:  # only greetings, thanks and reports ("They are thrilled, we're done")
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=NOTHING_TO_DO)
    return edit(analysis, plan, note, history)


def apply_notes(analysis: VideoAnalysis, plan: ScorePlan, notes: list[messages.Note],
                history: list[ScorePlan] | None = None) -> PlanResult:
    """Each note of a pasted list as its own edit, in order, in one turn. The reply's first line is the
    whole turn's plan diff; one line per note follows: what it changed, or why it was not done."""
    history, now, lines = list(history or [plan]), plan, []
    for n in notes:
        r = edit(analysis, now, n.text, history) if n.text else None
        if r is None:
            lines.append(f"{n.label}: marked resolved; nothing to do.")
        elif r.question or r.plan == now:
            lines.append(f"{n.label} '{n.text[:80]}': not done. {r.reply.splitlines()[0]}")
        else:
            now = r.plan
            history.append(now)
            lines.append(f"{n.label}: {r.reply.splitlines()[0]}")
    if now == plan:
        asked = any("not done" in x for x in lines)
        reply = "\n".join(["None of these notes changed the score.", *lines])
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=reply, question=reply if asked else None)
    return PlanResult(plan=now, reasoning=now.reasoning, reply="\n".join([describe(diff(plan, now)), *lines]))


def edit(analysis: VideoAnalysis, plan: ScorePlan, request: str,
         history: list[ScorePlan] | None = None) -> PlanResult:
    """One note (no wrapper) read and applied; see `apply_edit`."""
    try:
        intents = style_first(from_last_revert(understand(analysis, plan, request, history)))
        new = apply_intents(analysis, plan, intents, history)
    except Ask as q:
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=str(q), question=str(q),
                          options=list(q.options) if isinstance(q, arbiter.Offer) else [])
    reason = "; ".join(dict.fromkeys(it.reason for it in intents if it.reason))
    places = list(dict.fromkeys(it.scope.label for it in intents if it.scope.label))
    # the place in the user's terms beside the times the changes name
    reply = describe(diff(plan, new), reason, places[0] if len(places) == 1 else "")
    reply = marks.already(plan, intents) or reply if new == plan else reply   # "a crash at 0:13" where one is
    read = ", ".join(f"{it.what}{' ' + it.direction if it.direction else ''}"
                     f"{' ' + it.value if it.value else ''}{' (' + it.scope.label + ')' if it.scope.label else ''}"
                     f" [{it.source}]" for it in intents)
    if all(it.what in ("revert", "undo") and it.value is None and it.amount is None for it in intents) or \
            any(it.what == "revert" for it in intents) and any(new == h for h in history or []):
        return PlanResult(plan=new, reasoning=new.reasoning, reply=reply)  # an earlier version, as it was
    new.reasoning = (plan.reasoning.rstrip() + f"\n\n## Edit\n- \"{request[:200]}\": read as {read}. {reply}\n").lstrip()
    return PlanResult(plan=new, reasoning=new.reasoning, reply=reply)
