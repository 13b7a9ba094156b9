"""Answers to the chat's own questions: the turn after the planner asked something is read with the request
that question was about.

    from v2m.agent.dialogue.answers import asked_turn, answered
    asked = asked_turn(store.turns(sid))                  # the last turn, when it was a question
    result = answered(planner, analysis, plan, lineage, asked, "it's the third shot", result)

An answer ("it's the third shot", "more energy", "the second one") is read together with the request it
answers ("<request>. <answer>"), and that reading is taken when together they make an edit (never "ok thanks"
alone). A question that offered readings is answered by naming one ("the second one", "more energy please").
"""

from __future__ import annotations

import re
from dataclasses import replace

from v2m.agent.dialogue import drops, feeling_ways, moment_answers, patterns, plainly, shifts, unread
from v2m.agent.dialogue.runons import placed
from v2m.agent.dialogue.moment_table import only_ties
from v2m.agent.dialogue.edit_log import NO_CHANGE
from v2m.agent.dialogue.followups import CORRECTING_RE   # "no sorry, the third shot": the place just given, put right
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.messages import AGREE_RE, picks, withdrawal
from v2m.agent.dialogue.store import TurnRecord
from v2m.agent.dialogue.talk import remark
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.where import WHOLE_RE, Ask, fmt, moment, visible_cuts
from v2m.agent.dialogue.place_finders import locate
from v2m.tools.contract import ScorePlan, VideoAnalysis

# what a withdrawal goes on to take back itself ("nvm no hit", "never mind, remove it"): the withdrawn turn's mark or
# part is still the one meant, so that turn stays heard
TAKES_BACK_RE = re.compile(r"(?:no|not|none|don'?t|without|remove|drop|lose|take (?:it |that |them )?(?:out|off|away))\b",
                           re.I)


def asked_turn(turns: list[TurnRecord]) -> TurnRecord | None:
    """The last turn, when the planner answered it with a question (its request, reply and options)."""
    last = turns[-1] if turns else None
    return last if last and last.kind == "say" and last.asked else None


def idle_turn(turns: list[TurnRecord]) -> TurnRecord | None:
    """The last turn, when it asked or refused instead of editing (a question, or "I can't hear that piece, so I
    changed nothing"): "forget that one" then takes that turn back, and no edit is undone."""
    last = turns[-1] if turns else None
    return last if last and last.kind == "say" and last.question else None


def withdrawn(turns: list[TurnRecord], said: str = "") -> frozenset[int]:
    """The indices of the turns taken back: each that asked or changed nothing (`idle_turn`'s kind) and was followed by
    a withdrawal ("forget that", "scratch that, make it louder"), the last one also when `said`, the turn being read,
    is one. A name such a turn gave a place is then no fact ("he falls at the fifth cut", "forget that": "the fall" is
    no place), though every other turn's names stay heard (`edit_log.heard_in`)."""
    after = [t.text if t.kind == "say" else None for t in turns[1:]] + [said or None]
    return frozenset(k for k, (t, nxt) in enumerate(zip(turns, after))
                     if t.kind == "say" and t.question and nxt is not None and (rest := withdrawal(nxt)) is not None
                     and not TAKES_BACK_RE.match(rest))


def answered(planner, analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan], asked: TurnRecord | None,
             text: str, result, turns: list[TurnRecord] = ()):
    """The planner's result for `text` read as an answer to `asked`, else `result` (its reading alone).

    Args:
        planner: the session's planner (its `revise` reads a request against a plan).
        analysis, old, lineage: the video, the current plan and the plans so far.
        asked: the question just asked (its request, reply and options), or None.
        text: the user's new words.
        result: `text` read on its own by the planner.
        turns: the turns so far, for a correction of the last answer ("no sorry, the third shot").
    Returns:
        The PlanResult to take.
    """
    text = placed(plainly.plain(text))   # as a request is read (`understanding.apply_edit`): "bending over um that is"
    if asked and AGREE_RE.match(text) and (proposed := PROPOSED_RE.search(asked.reply)):
        text = f"it's around {proposed.group(1)}"   # "... around 0:15; is that it?" - "yes": there
    elif AGREE_RE.match(text) and getattr(result, "question", None) and not (asked and len(asked.options) == 1):
        # a "yes" to nothing is said so; to two readings or an open question, that is asked again (never a guess
        # of its own, such as going back a version)
        options = list(asked.options) if asked else []
        return replace(result, question=f"Which one: {', or '.join(options)}? Say which, or put it another way."
                       if len(options) > 1 else NOTHING_ASKED if asked is None else asked.reply, options=options)
    if asked and not picks(asked.options, text) and remark(text, old, lineage, analysis) is not None:
        return result   # "what tempo are we at?" after an offer: a question about the score, never a reading picked
    if asked and not asked.options and remark(asked.text, old, lineage, analysis) is not None:
        asked = None   # "where is the sixth cut?" was answered: its "what should change?" has no reading to complete
    if (moved := _moved(planner, analysis, old, lineage, list(turns), text)) is not None:
        return moved
    if (meant := _mark_meant(planner, analysis, old, lineage, list(turns), text, result)) is not None:
        return meant
    moment = moment_answers.asked_about(asked.reply) if asked else None
    if moment and (request := moment_answers.filled(asked.text, moment, text, analysis, old, lineage)):
        both = planner.revise(analysis, old, request, history=lineage)   # the place the moment asked about
        if getattr(both, "question", None) or both.plan != old or both.reply.startswith(NO_CHANGE):
            return both   # (the hit asked for is there already: said so, not the answer read alone)
    picked = (picks(asked.options, text) or feeling_ways.all_picked(asked.reply, asked.options, text)) if asked else None
    if moment_answers.asked_about(getattr(result, "question", None) or ""):
        return result   # a moment of its own asked about ("the fireworks need to feel massive"): a new request
    if moment and not picked and not moment_answers.answers_where(text):
        return result   # asked where a moment is, told something else: a request of its own
    if asked and (getattr(result, "question", None) or picked or _says_which(asked.reply, text) or only_ties(text) or
                  drops.says_which(asked.text, text)):
        answer = picked if picked and picked.lower() not in text.lower() else _uncorrected(text)   # "no I meant ..."
        request = _pending(analysis, old, lineage, list(turns)) or asked.text
        both = planner.revise(analysis, old, f"{request.strip().rstrip('.!?')}. {answer}", history=lineage)
        if not getattr(both, "question", None) and both.plan != old:
            return replace(both, reply=_asked_read(both.reply, request))
        if picked and getattr(both, "question", None):   # the request asks the same again ("the hats are too fast"
            alone = planner.revise(analysis, old, picked, history=lineage)   # then "the first one"): the reading picked
            if not getattr(alone, "question", None) and alone.plan != old:
                return alone
    return _at_asked_place(planner, analysis, old, lineage, asked, text, result) or result


# The word a question asked the sense of ("'flat' as in dull, ... or out of tune?"), and an answer that says which
# sense of it was meant ("flat as in boring, a little more going on there"): read with the question's request
ASKED_WORD_RE = re.compile(r"'([a-z][a-z -]*)'")
SENSE_RE = re.compile(r"\b([a-z][a-z -]*?) (?:as in|meaning|i mean|like in|in the sense of)\b")


def _says_which(question: str, text: str) -> bool:
    asked = ASKED_WORD_RE.search(question)
    return bool(asked) and any(m.group(1).endswith(asked.group(1)) for m in SENSE_RE.finditer(text.lower()))


# A plain yes when no question is pending: nothing was offered, so it changes nothing (not a guess at what it agrees to)
NOTHING_ASKED = ("I haven't asked anything, so there is nothing to say yes to; the score is as it was. Tell me what "
                 "should change, e.g. 'slower in shot 2' or 'more energy at the end'.")
# The one place a question proposed (`where`'s hint for a moment it cannot see: "The strongest motion is around
# 0:15; is that it?"): a yes is that place
PROPOSED_RE = re.compile(r"\bis around (\d+:\d{2}(?:\.\d+)?); is that it\?")
# A reading given back in a few words ("calmer please", "darker") answers the offer even when it is not one of the
# readings offered; a longer message, or one about a part, is a request of its own.
SHORT_ANSWER_WORDS = 4
# A question about which reading was meant ("Faster or slower? I heard both; which one?", "Do you mean ...?")
READING_ASKED_RE = re.compile(r"\bI heard both\b|^Do you mean\b")


def _asked_read(reply: str, request: str) -> str:
    """`reply` without its line saying the asked request was not acted on: the answer said what it meant."""
    said = unread.noted([request.strip().rstrip(".!?")])
    return "\n".join(line for line in reply.split("\n") if line != said) or reply


def _at_asked_place(planner, analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan],
                    asked: TurnRecord | None, text: str, result):
    """An answer that picks a reading and names no place ("sh3 faster / sh3 slower?" then "dir wins. faster."):
    that reading where the asked request put it, not over the whole score; None when the turn is no such answer."""
    if asked is None or getattr(result, "question", None) or result.plan == old or \
            not (asked.options or READING_ASKED_RE.search(asked.reply)):
        return None
    if asked.options and not picks(asked.options, text) and not MEANT_RE.match(text) and \
            (len(text.split()) > SHORT_ANSWER_WORDS or named_parts(text.lower())):
        return None   # a request of its own after the offer ("please add a xylophone playing the tune"); "I mean ..." answers
    try:   # an answer with a place or a moment of its own, or for the whole score ("faster overall"), says where itself
        if WHOLE_RE.search(words(text)) or locate(words(text), analysis, old) is not None or \
                moment(words(text)) is not None or \
                (span := locate(words(asked.text), analysis, old)) is None:
            return None
    except Ask:
        return None
    said = _uncorrected(text).strip().rstrip(".!?")   # the place first: every clause of the answer is there
    placed = planner.revise(analysis, old, f"from {fmt(span.start_s)} to {fmt(span.end_s)}: {said}", history=lineage)
    return None if getattr(placed, "question", None) or placed.plan == old else placed


MEANT = r"i mean|i meant"   # what was meant, said again: an answer to a question, or a place put right
# ("meaning", "as in": only an answer to what an asked word meant, not a correction of the place just given)
MEANT_RE = re.compile(rf"^\W*(?:{MEANT}|meaning|as in)\b", re.I)   # "I mean quicker and lighter": what the asked word meant
NO_PART_RE = re.compile(r"^\W*no\s+(?:more\s+)?([a-z]+)", re.I)   # "no drums in shot 3": an order, not a "no" that corrects


def _uncorrected(text: str) -> str:
    """The answer without the words that put the last one right ("no sorry, the third shot": "the third shot"); a part
    taken out ("no drums in shot 3", said after "did you mean another part?") keeps its "no"."""
    if (m := NO_PART_RE.match(text)) and named_parts(m.group(1).lower()):
        return text
    return CORRECTING_RE.sub("", text) or text


def _moved(planner, analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan], turns: list[TurnRecord],
           text: str):
    """The last answer's edit moved to the place this turn gives instead, when the turn before the last asked where
    a moment is, the last answered it with an edit and this one corrects the place; else None.

    The edit is made again from the version before it ("from version N, ..."), so the place first given is as it
    was; the correction's sentences about other places ("the second one is the sunny one, leave that") only say
    what is left alone. When the last answer was itself answered with a question ("the rain is the second shot" ->
    "what should change in that part?"), it made no edit: the request is read again at the place now given, its
    question asked again there, and no earlier edit is moved."""
    m = CORRECTING_RE.match(text)
    asked_again = len(turns) > 1 and bool(turns[-1].question)
    if not (m or shifts.SHIFT_RE.search(text.lower())) or len(turns) < 2 or len(lineage) < 2 and not asked_again or \
            turns[-1].kind != "say":
        return None
    moment = moment_answers.asked_about(turns[-2].reply) if turns[-2].kind == "say" and turns[-2].question else None
    first = patterns.sentences(text[m.end() if m else 0:], ";")[0]
    # "one later": the place the last answer gave, moved by one
    shifted = shifts.said_again(first, " ".join(turns[-1].text.lower().split()), visible_cuts(analysis))
    plan, before = (old, lineage) if asked_again else (lineage[-2], lineage[:-1])
    if not moment or not (request := moment_answers.filled(turns[-2].text, moment, shifted or first, analysis, plan, before)):
        return None
    if asked_again:
        return planner.revise(analysis, old, request, history=lineage)
    result = planner.revise(analysis, old, f"from version {len(lineage) - 1}, {request}", history=lineage)
    return None if getattr(result, "question", None) or result.plan == old else result


def _pending(analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan], turns: list[TurnRecord]) -> str | None:
    """The request still pending when the last turn answered where a moment is and was asked something more
    ("they go off at 51 seconds" -> "more energy, or calmer?"): the moment's request at that place, or None."""
    if len(turns) < 2 or not all(t.kind == "say" and t.question for t in turns[-2:]):
        return None
    moment = moment_answers.asked_about(turns[-2].reply)
    return moment_answers.filled(turns[-2].text, moment, turns[-1].text, analysis, old, lineage) if moment else None


# "is the hit at 0:03 a crash or a stab?": one mark asked about by its time; "make it a stab": that mark
MARK_ASKED_RE = re.compile(r"\bthe (?:hit|accent|crash|stab|sting|stop|swell|mark|button) (?:at|on) \d+:\d{2}(?:\.\d+)?", re.I)
IT_RE = re.compile(r"\b(?:it|that|this one)\b", re.I)


def _mark_meant(planner, analysis: VideoAnalysis, old: ScorePlan, lineage: list[ScorePlan], turns: list[TurnRecord],
                text: str, result):
    """The turn read with "it" as the one mark the turn before asked about and left unchanged ("is the hit at 0:03 a
    crash or a stab right now?" then "make it a stab"), when read alone it changed nothing; else None."""
    last = turns[-1] if turns else None
    if last is None or last.kind != "say" or "?" not in last.text or last.after != last.before or \
            getattr(result, "question", None) is None and result.plan != old:
        return None
    marks = MARK_ASKED_RE.findall(last.text)
    if len(marks) != 1 or not IT_RE.search(text) or MARK_ASKED_RE.search(text):
        return None
    meant = planner.revise(analysis, old, IT_RE.sub(marks[0], text, count=1), history=lineage)
    return None if getattr(meant, "question", None) or meant.plan == old else meant
