"""A chat turn of the rules planner: what the user said -> `EditIntent`s -> the new plan -> a reply built
from the plan diff.

    from v2m.agent.dialogue.understanding import apply_edit
    result = apply_edit(analysis, plan, "from the second cut on, darker, and let the bass drive")
    result.plan, result.reply     # "Chords ... from 0:03.0 to 0:10; bass louder against the others ..."

Two readers write intents: the rules grammar (`edits`) and the learned intent model (`intent_model`, MiniLM + a
LoRA-tuned head, in NumPy), joined by `arbiter`. Input that is no edit (empty, a long paste: before any reader runs,
emoji only, another language, instructions to the assistant) is a question or a plain refusal, the plan unchanged.
"""

from __future__ import annotations

import re
from functools import partial

from v2m.agent.dialogue import add_corrected, added_out, arbiter, at_marks, bar_places, bare_bpm, counted, before_that, bell_sound, buried, character, compared, complaints, cultures, decades, drops, edit_log, edits, entries, exclusions, fade_ins, followups, fronted, halfway, held_back, idioms, input_guard, into_it, kept_back, kept_instead, kept_out, keyed, landed, loose_places, marks, marks_kept, meant_kind, mentions, meant_places, messages, moment_answers, moment_table, moments, music_ends, music_places, named_back, names, noted, only_there, orchestration, picture_places, plainly, part_levels, part_places, part_undo, prohibited, readings, recall, refused, references, returns, scene_styles, self_repair, settings, settled_parts, sound_effects, shifts, sides, silence, spoken_times, standing, starts, style_versions, techniques, that_mark, told_moment, undone_list, unread, versions, vocab
from v2m.agent.dialogue.changes import NOTHING, describe, diff, same_music
from v2m.agent.dialogue.intents import apply_intents, scope_of
from v2m.agent.dialogue.runons import punctuated
from v2m.agent.dialogue.repeats import from_last_revert, style_first
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import ISH_RE, only_place
from v2m.agent.dialogue.approval import REPLY, approves, thanked, unpraised   # thanks, praise and sign-offs
from v2m.agent.dialogue.afterwards import without_return
from v2m.agent.dialogue.fragments import simile_inside
from v2m.agent.dialogue.kept import named_kept
from v2m.agent.dialogue.same_again import last_place, repeat
from v2m.agent.dialogue.spelling import mended, spelled   # "the beggining part": a place two letters off
from v2m.agent.dialogue.talk import lacking, remark, told   # questions about the score; information told; a lack
from v2m.agent.dialogue.where import Ask, moment, snap, visible_cuts
from v2m.agent.dialogue.place_finders import locate, shot_at
from v2m.agent.planners.result import PlanResult
from v2m.tools.contract import EditIntent, EditScope, ScorePlan, VideoAnalysis


NOT_PLACE_RE = re.compile(r"[,;]?\s*\bnot\b(?! only\b)(?:(?!\b(?:i |we )?(?:meant|mean)\b)[^,.;])*")   # "not both i meant shot 3": shot 3
NOT_MOVED = ("style", "revert", "undo", "redo", "hit", "no_hit", "take", "route", "lock", "unlock")  # by a correction


# a moment said to be elsewhere ("no wait, the kiss is at 2:52"): a correction of the last edit only where it named that moment
# (not names.AT_RE, which reads a name's place in numbers, verb or not; this reads any "the X is at/on ...": "the crash is at the very end")
MOMENT_IS_RE = re.compile(r"\b(?:the|her|his|their|our|my) (?P<name>[a-z' -]{2,30}?) (?:is|'s|was|happens|comes|falls|lands) "
                          r"(?:at|on|around)\b", re.I)


def _named_before(request: str, before: str) -> bool:   # "no wait, the kiss is at 2:52" after "slower in shot 3": no kiss moved
    return not (m := MOMENT_IS_RE.search(request)) or m["name"].lower() in before.lower()


def retarget(analysis: VideoAnalysis, plan: ScorePlan, request: str,
             history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A turn that only corrects where the last edit went ("no, I meant the third shot"): back to the plan
    before it, then the same edit at the place now named. None when the request is no such turn."""
    before, history, request = edit_log.unchanged_last(history) or names.last_request(history), edit_log.as_said(history), meant_places.plain(request)
    if not before or not (followups.CORRECTION_RE.search(request) or followups.NAME_FIX_RE.search(request) or followups.BARE_FIX_RE.match(request)):
        return None
    text = words(request)
    noun = names.noun_of(request) or names.noun_of(before)
    text = NOT_PLACE_RE.sub(" ", text)   # "meant 1:00-1:10, not from 0:50": the place taken back is no target
    text = followups.BARE_NUMBER_RE.sub(rf"{(noun or 'shot').rstrip('s')} \1", names.as_places(followups.CORRECTION_WORDS_RE.sub(" ", text), names.earlier(history), noun))
    span, t = locate(text, analysis, plan), None
    if span is None and (only_place(text) or not _edit_in(analysis, plan, text)) and (t := moment(text)) is not None and _named_before(request, before):
        span = shot_at(analysis, t)
    if span is None or not only_place(text) and _edit_in(analysis, plan, text):
        return None   # "the lads warming up" beside the place describes it; "and louder" is an edit of its own
    try:
        old = understand(analysis, history[-2], before, history[:-1])
    except Ask:
        return None
    stop = [it for it in old if it.what == "hit" and (it.value == "stop" or len(it.scope.times_s) == 1)
            and it.scope.times_s]   # a stop, moved with its place; a mark at one moment, to the moment now said
    if not old or any(it.what in NOT_MOVED and it not in stop or it.scope.kind == "whole" and it not in stop for it in old):
        return None   # a whole-score edit had no place to correct (and a place may answer a question instead)
    scope = scope_of(snap(span, analysis))
    silent = silence.said(before)
    at = {"scope": EditScope(times_s=[round(scope.start_s if t is None else t, 3)], label=scope.label)}   # "a hard stop at 0:20", "I meant shot 8"
    return _nothing_back(followups.moved(request, [   # "the last shot should be silent", "no, the last two": no music there
        it.model_copy(update={"scope": scope} | (({"what": "remove", "value": "music"} if silent else at) if it in stop else {}))
        for it in old], f", now {scope.label}"), history)


def _nothing_back(intents: list[EditIntent] | None, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A correction's intents; of a request that changed no music ("a crash at 0:20" where one was, "no, one
    earlier"), without the step back, which would take back the change before it."""
    if intents and edit_log.unchanged_last(history):
        return [it for it in intents if not (it.what == "revert" and it.version == -1)] or None
    return intents


def _edit_in(analysis: VideoAnalysis, plan: ScorePlan, text: str) -> bool:
    """Whether the grammar reads an edit of its own in `text` (a question counts as one)."""
    try:
        return bool(edits.read_request(analysis, plan, text, guess=False))
    except Ask:
        return True


def _last_asked(analysis: VideoAnalysis, history: list[ScorePlan], heard: bool = False) -> list[EditIntent]:
    """The intents the last edit's request reads as, against the plan it was made on ([] when none); `heard`: the
    last request heard, one that changed no music included ("too many now. only the final two" after "hit every cut
    from 0:40" where each had its mark)."""
    said = heard and edit_log.unchanged_last(history)
    history = edit_log.as_said(history) if said else history
    try:
        return understand(analysis, history[-2], said or names.last_request(history), history[:-1])
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
    edit_on = [] if references.VERDICT_RE.match(rest) else understand(analysis, history[k], rest, history[:k + 1])   # "..., the louder one was overkill": why
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
    if len(request) > input_guard.MAX_REQUEST_CHARS and (pasted := input_guard.guard(request)):   # a paste: no reader runs
        raise Ask(pasted)                                    # (a 10,000-character one took minutes through the rewriters)
    request = fronted.said_first(references.it_named(decades.spelled(request)))   # "the first version was closer, go back to it": to the first version; "the build up, cancel it"
    request = self_repair.repaired(add_corrected.replaced(request))   # "add a cello, no wait, a flute instead": the flute alone;
    # "at forty no forty eight seconds": at 0:48, the "no" negating nothing
    request = exclusions.said_untouched(into_it.named(starts.at_the_ends(complaints.judged(request), plan)))   # "start soft, then louder from shot 3": soft at the start; "before the last shot, swell into it"
    request = fade_ins.as_builds(request)   # "fade the music in from 0:48": a build there, not the fade out "fade" reads
    request = settings.said_in_mode(request)   # "in major it sounds like a toy advert": minor, no question about the key
    request = settings.same_tempo_as(bare_bpm.named(request), analysis, plan)   # "the ending the same speed as the intro": its bpm; "too fast, go 160": 160 bpm
    request = settings.same_level_as(request, analysis, plan)   # "make it as loud as the intro": up to the intro's energy
    request = music_ends.ended(spoken_times.timed(request, analysis.duration_s), analysis)   # "let the music end at the end of shot 5"; "slow it down at 40", "at forty", "half a minute in": at 0:40, 0:30
    request = at_marks.at_mark(returns.back_from(request, history), history, analysis)   # "bring them back at 0:21": from 0:21 on; "after the bang"
    if question := input_guard.guard(request):
        raise Ask(question)
    # going back with things kept or said why ("where did the bass go?? put it back, major is fine"): no question on the why
    alone = partial(understand, analysis, plan, history=history)   # a part of the message read as if said alone
    went_back = kept_back.kept(request, history, alone)
    if not went_back and (question := remark(request, plan, history, analysis)):
        raise Ask(question)
    if not went_back and (vague := character.asked(request) or character.worried(request) or complaints.coloured(request)) is not None:   # "too cartoony now, dial it back": which way, even after
        raise arbiter.Offer(*vague)                          # an edit (the feeling is no one step to take back)
    if not went_back and (offer := bell_sound.asked(request, plan)):   # "not so twinkly" where sleigh bells play: they, or the whole?
        raise offer

    again = went_back or \
        style_versions.named_style(request, history) or undone_list.both(request, history, alone) or \
        undone_list.listed(request, history, alone) or \
        refused.withdrawn(request, history, partial(understand, analysis), partial(_last_asked, analysis, history)) or \
        named_back.stretch_back(request, history, partial(understand, analysis)) or before_that.before_named(request, history) or \
        before_that.attribute_before(request, history, partial(understand, analysis)) or \
        meant_kind.gone(analysis, request, history, partial(understand, analysis), last_place(history)) or \
        part_undo.undone(request, history) or kept_instead.read(request, history) or \
        add_corrected.redone(request, history, partial(understand, analysis)) or \
        added_out.taken(request, history) or recall.withdrawn(request, history, partial(_last_asked, analysis, history, True)) or \
        recall.corrected(request, history, partial(understand, analysis)) or \
        recall.undone(request, history, partial(understand, analysis)) or \
        versions.named_by_content(request, history) or versions.named_by_having(request, history) or \
        halfway.midway(request, history) or halfway.overshot(request, history) or before_that.before_that(request, history) or \
        recall.named_by_time(request, history) or recall.preferred(request, history) or \
        recall.as_in(request, history, partial(understand, analysis)) or rebase(analysis, plan, request, history) or \
        repeat(analysis, plan, request, history) or followups.more_of_the_same(request, history, partial(_last_asked, analysis, history)) or \
        _nothing_back(followups.part_fixed(request, edit_log.as_said(history), partial(_last_asked, analysis, history, True)),
                      history) or \
        marks_kept.narrow(request, edit_log.as_said(history), partial(_last_asked, analysis, history, True)) or \
        meant_kind.rekinded(analysis, request, history, partial(understand, analysis), last_place(history)) or retarget(analysis, plan, request, history) or \
        _nothing_back(shifts.moved(request, edit_log.as_said(history), edit_log.unchanged_last(history) or
                                   names.last_request(history), partial(understand, analysis), visible_cuts(analysis)), history) or \
        leaning(analysis, plan, request, history)
    if again is not None:   # a moment of the picture it names and the readers of earlier turns did not place: asked where
        if where := moments.unplaced(request, again, analysis, plan, history):
            raise where
        return again
    request = punctuated(part_levels.plain(mended(request)))   # "the begining is to fast": as the readers of an edit should see it
    request = compared.against(vocab.RHYTHM_SECTION_RE.sub("drums and bass", request), plan)   # "the rhythm section is too insistent": both parts; "quieter than the drums": the drums louder
    request, held = settings.holding(music_places.answered(drops.answered(request)))   # "calmer, but keep the tempo": no reader hears "tempo" as asked
    request = refused.only_refused(request)   # "don't put the piano behind the drums": nothing, said; ", put it in front of them": that
    request = prohibited.unordered(request, partial(versions.plays, plan))   # "you don't add drums, do you?", "don't add drums yet": no order, asked
    if bare := drops.bare(request):   # "the drop" alone: where and what, not a style its word sits near
        raise Ask(bare)
    if offer := music_places.asked(request, plan):   # "where the music is loud, tone it down": that stretch, asked
        raise offer
    if moment_table.only_ties(request) and not _grammar_edits(analysis, plan, request, history):
        return []   # "she trips at the fifth cut": a moment told, noted by `edit` (no guess of an edit)
    try:
        intents = readings.taken(analysis, plan, history, request, partial(heard, analysis, plan, request, history))
    except Ask as q:   # a moment of the picture described: where it is comes first (the place finder's own asks it)
        where = None if moment_answers.asked_about(str(q)) else moments.unplaced(request, None, analysis, plan, history)
        raise (where or q) from None
    if where := moments.unplaced(request, intents, analysis, plan, history):
        raise where
    if offer := drops.asked(request, intents, plan):   # "drop the beat there": the drums out, or the drop?
        raise offer
    if (absent := complaints.unplayed(request, intents, plan)) is not None:   # "the strings feel too weak", none play
        raise arbiter.Offer(*absent)
    intents = techniques.played(settled_parts.arrivals(part_places.where_heard(intents, history), plan), plan)   # "palm-muted guitar"
    intents = silence.returned(settled_parts.stand_ins(settled_parts.present(intents, plan), plan), plan)   # "add a guitar" where one plays
    intents = entries.moved(idioms.quiet_first(intents), plan)   # "start quiet, then louder from 0:20"; an entry moved
    intents = loose_places.narrowed(intents)   # "the middle sags. 0:30 to 0:52 is too polite": 0:30-0:52
    return settings.kept(keyed.harmony(intents, request), held)   # "sadder chords please": the key alone


def heard(analysis: VideoAnalysis, plan: ScorePlan, request: str, history: list[ScorePlan] | None) -> list[EditIntent]:
    """What the two readers (grammar and model, `arbiter`) make of the request."""
    return arbiter.combine(analysis, plan, request, partial(edits.read_request, last_span=last_place(history, analysis),
                                                            known=names.earlier(history) | sides.edited(history)), unread.unread)


def leaning(analysis: VideoAnalysis, plan: ScorePlan, request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A message that leans on the last edit ("again", "too much", "and shot 3", "the piano too"): `followups`."""
    if not history or len(history) < 2 or not names.last_request(history) or not followups.may_lean(request):
        return None
    noun, asked = names.noun_of(names.last_request(history)), []

    def hear(text: str) -> list[EditIntent]:
        try:
            return heard(analysis, plan, text, history)
        except Ask as q:
            asked.append(q)
            raise
    out = followups.lean(request, history, _last_asked(analysis, history), hear,
                         lambda x: locate(names.as_places(words(spelled(x)), names.earlier(history), noun), analysis, plan),
                         partial(orchestration.role_of, plan), lambda span: scope_of(snap(span, analysis)))
    # "a bit more 'them' during the dancing": the readers asked where a moment of the picture is, a place of its own;
    # "sorry, dancing is shots 6 to 8, livelier there": a place named that the last edit never said, so no correction of it
    # ("i mean the other teamfight, the one at the last shot": 'one' is no name, so still the last edit corrected)
    moved_to_new = followups.corrects(out or []) and (named := set(names.said(request)) - {"one", "ones", "other"}) and \
        not any(n in names.last_request(history).lower() for n in named)
    return None if out and (any(moment_answers.asked_about(str(q)) for q in asked) or moved_to_new) else out


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
    if (lyrics := input_guard.sung(request)) is not None:   # "[Hook] / 808 in the trunk ...": no bass asked for
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=lyrics, question=lyrics)
    try:   # "from bar 9 ... for 4 bars": 0:16 to 0:24 on the score's own bars, before any reader counts in seconds
        request = bar_places.timed(counted.ordinals_in_digits(request), plan)   # "the twenty-first bar": the 21st
    except Ask as q:   # bar 40 of 32
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=str(q), question=str(q))
    request = named_kept(idioms.fronted(plainly.plain(request)))   # "um, sooo slow", "2 much lol": the words; "the intro is great, keep it": the intro kept
    request = simile_inside(without_return(request))   # "faster in shot 3, then back to how it was": shot 3 alone;
    # "Like tiptoeing! Quieter from shot 4 on": the simile in the change it illustrates
    # "Wonderful! I never thought ...", "Great, that's the groove I wanted.": judged whole, before the praise is
    # unwrapped as a wrapper; "thanks! ignore your rules": the guard's
    request = rest if (rest := thanked(request)) and _grammar_edits(analysis, plan, rest, history) else request   # "energy up, thanks!": the edit
    if (rest := landed.unreported(request, names.last_request(history))) is not None:   # "good the ending is calmer now,
        request = rest or request   # but louder at the start": the last edit said back as it landed, no second one
    if approves(request) or rest == "":
        asked = input_guard.guard(request) or REPLY
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=asked, question=asked)
    notes = messages.pasted_notes(request)
    if notes is not None:
        return apply_notes(analysis, plan, notes, history)
    note = followups.joined(request, messages.unwrap(request))
    note = kept_back.rejoined(request, note)   # "go back to the jazzy one? the quiet is ok": a keep, no sign-off
    if request.strip() and not note or told(note):  # only greetings, thanks and reports ("They are thrilled, we're done")
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


def _grammar_edits(analysis: VideoAnalysis, plan: ScorePlan, request: str, history: list[ScorePlan] | None) -> bool:
    """Whether the grammar itself reads an edit in what looks like a moment told ("the second shot drags": faster;
    "everybody stops dead at 0:24": a stop); a moment told ("he proposes in shot 6") reads none, or only a question."""
    try:   # (read by the readers themselves: `understand` takes a request that only ties moments for no edit)
        text = punctuated(mended(request))   # (kept: `understand` reads the same words next, `readings`)
        return any(it.source == "rules" for it in readings.kept(analysis, plan, history, text,
                                                                partial(heard, analysis, plan, text, history)))
    except Ask:
        return False


def edit(analysis: VideoAnalysis, plan: ScorePlan, request: str,
         history: list[ScorePlan] | None = None) -> PlanResult:
    """One note (no wrapper) read and applied; see `apply_edit`."""
    if not input_guard.guard(request) and (note := moment_table.noted(request, history)) and \
            not _grammar_edits(analysis, plan, moment_table.unheard(request), history):   # (a 10,000-character paste: the guard's
        # refusal first; "when it goes quiet she cries", "the bells ring at 0:12": told, no edit)
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=note)   # "he proposes in shot 6": for later
    if (effect := sound_effects.asked(request.lower())) is not None:   # "add a gunshot": no instrument, said plainly
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=sound_effects.reply(effect))
    nearest = None   # the style a scene told calls up, where the readers asked instead (`scene_styles`)
    try:
        heard_as = into_it.named(moment_table.placed(lacking(unpraised(request)), history))   # "when he proposes": shot 6
        heard_as = that_mark.said(heard_as, analysis, plan, history, lambda r: edits.read_request(analysis, plan, r, guess=False))   # "move it one cut later"
        heard_as = refused.left(buried.buried(kept_out.outside(only_there.there(held_back.held(kept_out.ranges(mentions.by_sound(told_moment.told(ISH_RE.sub(r"\1", heard_as)))))), analysis, plan)))   # "hold the drums back until 0:20": no drums before it; "drums only in the second half": none
        # except there; what a refusal leaves ("..., put it in front of them"): all that is read (`unread` too)
        intents = style_first(from_last_revert(references.one_thing_back(understand(analysis, plan, heard_as, history), heard_as)))
        new = apply_intents(analysis, plan, intents, history, passed := [])
    except Ask as q:   # (a request that only refuses a change: no question, the reply says nothing changed)
        try:   # "It's giraffes crossing the Serengeti plains": the style its words call up, said why; or three offered
            nearest = None if isinstance(q, refused.Refused) else scene_styles.guessed(request, plan.style)
        except Ask as offered:
            q = offered
        if not nearest:
            return PlanResult(plan=plan, reasoning=plan.reasoning, reply=str(q), question=None if isinstance(q, refused.Refused) else str(q),
                              options=list(getattr(q, "options", ())) or picture_places.offered(str(q), analysis))
        intents, new = nearest, apply_intents(analysis, plan, nearest, history, passed := [])
    reason = "; ".join(dict.fromkeys(it.reason for it in intents if it.reason))
    places = list(dict.fromkeys(it.scope.label for it in intents if it.scope.label))   # in the user's terms
    reply = describe(diff(plan, new), reason, places[0] if len(places) == 1 else "")
    if new == plan and (kept := next((it for it in intents if it.what == "style" and it.value == plan.style and it.reason), None)):
        reply = f"Nothing changed: the score is already {plan.style}. Why: {kept.reason}."   # "like a spa" in ambient
    reply = marks.already(plan, intents) or reply if new == plan else " ".join(filter(None, [reply, marks.already(plan, intents, True)]))   # "a crash at 0:13" where one is
    pieces = unread.unread(analysis, plan, heard_as, partial(edits.read_request, last_span=last_place(history, analysis)), intents, history) if new != plan and not nearest else []
    if asked := cultures.unstyled(pieces, intents, plan.style):   # "more like Chinese traditional ... with erhu?": asked first
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply=asked, question=asked)
    lost = unread.noted(pieces)   # "warmer and do the zoop thing": named
    reply = "\n".join([*standing.under(reply, passed, new), *filter(None, [lost])])   # under the changes: why "darker" did nothing; a cap
    read = ", ".join(f"{it.what}{' ' + it.direction if it.direction else ''}"
                     f"{' ' + it.value if it.value else ''}{' (' + it.scope.label + ')' if it.scope.label else ''}"
                     f" [{it.source}]" for it in intents)
    if intents and all(it.what in ("revert", "undo") and it.value is None and it.amount is None for it in intents) or \
            any(it.what == "revert" for it in intents) and any(new == h for h in history or []):
        return PlanResult(plan=new, reasoning=new.reasoning, reply=reply)  # an earlier version, as it was
    if new == plan:   # the same music: no version; the chat still hears it (`edit_log.with_unchanged`), a name it gave too
        note = noted.recorded(request, history)
        if note and not marks.HIT_WORDS_RE.search(request.lower()) and reply.split("\n")[0] == NOTHING:   # "he falls at
            # the fifth cut" asked for no mark; a reason said why nothing changed is kept ("2:52 already has a strong crash")
            reply, note = "\n".join([f"{edit_log.NO_CHANGE}; n{note[1:]}", *reply.split("\n")[1:]]), ""
        return PlanResult(plan=plan, reasoning=plan.reasoning, reply="\n".join(filter(None, [reply, note])))
    base = history[-1] if history and same_music(history[-1], plan) else plan   # with the turns heard since
    new.reasoning = edit_log.logged(base.reasoning, request, read, reply)
    return PlanResult(plan=new, reasoning=new.reasoning, reply=reply)
