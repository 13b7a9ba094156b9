"""Talk that asks for no edit: questions about the score ("what key are we in?", "tempo?", "where are the cuts
again") answered from the plan and the video, and thanks, praise and sign-offs ("cheers, that'll do nicely",
"you're a star", "I'm happy with that, we can stop here") answered with the score left as it is.

    from v2m.agent.dialogue.talk import remark
    remark("hey how many bpm is this one", plan, history)   # "The tempo is 118.5 BPM (...). I changed nothing; ..."
    remark("bang on, thanks", plan, history)                # "Good: I left the score exactly as it is. ..."
    remark("slower in shot 2", plan, history)               # None: an edit, for the grammar

A question names what it asks about (the tempo, the key, the meter, the style, the parts, the cuts, the last
change...) and asks it: a question word, "tell me" / "remind me" / "list", a question mark, or the topic alone ("key
signature pls", "time signature?"), with no change wished beside it (`CHANGE_RE`). Whether a turn signs off is
`approval.hands_off`'s to say, the one reader of thanks, praise and approval. An answer is read from the plans and
the video alone, so it cannot claim what the score does not do.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.approval import REPLY, hands_off
from v2m.agent.dialogue.changes import describe, diff
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import opening
from v2m.agent.dialogue.references import earlier_bad
from v2m.agent.dialogue.tempos import METER_NAMED_RE
from v2m.agent.dialogue.verdicts import COPULA, WISH
from v2m.agent.dialogue.where import fmt, visible_cuts
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.style import load_style

# what the music will be, asked ("will the music be quieter than my voice?"), not a wish ("will you make it slower")
WILL_BE_SAID = r"(?:[a-z']+ ){1,3}?(?:be|sit|stay|end up)\b"   # "(will) the music be", "(will) it sit"
WILL_BE = r"will (?!you\b)" + WILL_BE_SAID
# a question about the score ("what key are we in", "did the first shot change?", "hey how many bpm is this one", "at
# which second is the cut"), not a request in question form ("can it start straight in", "is there a way to make it faster")
STATE_Q_RE = re.compile(opening("and|but|good|great|wait|sorry|hey|hi|yo|also|quick question") + r"(?:(?:at|in|from|on|"
                        r"for|by) )?(?:what(?:'s|s| is| are)?(?! (?:i|we) (?:mean|meant|want|wanted|need|needed|had in mind)\b)|which|where(?! (?:the|a|an|he|she|they|we|his|her|their|our|my|hes|shes|theyre|(?![a-z]+ly )[a-z]+(?= (?:is|are|was|were)\b))\b(?:[^,?]*,\s*\w|[^?]*\b(?:that|it|this|which)(?:'s| is| was| be)\b[^?]*$))|when (?:does|do|is|are|did|will)|"
                        r"how (?:fast|slow|loud|long|many|much)|who(?:'s| is| are)?|(?:is|are|was|were)(?! too\b| very\b| so\b| much\b)|"
                        r"did|does|has|have|why (?:did|do|have) you|" + WILL_BE + r")\b", re.I)   # "why did you pick jazz?" (not "why is it
# so slow?", nor "is too much quick now", nor "what I meant: ...", nor a place said before its edit: "where the logo
# comes up in shot 2, slower", nor a run-on answer "where she bends over um that is the fourth picture", "where man is opening
# door, this is third picture"); "the tempo now how much ah?": a count asked for later
# "why is it so slow?", "why does the outro drag so much": a complaint asked as why, not a question about the score
WHY_SO_RE = re.compile(r"\W*why (?:is|are|does|do)\b.*\b(?:so|too|this)\b", re.I)
# a part said to be still there, asked with a question mark and no question word ("the fiddle is still playing?",
# "drums still in after the intro?", "after that, the fiddle is playing still?"): whether it plays, not a wish
STILL_Q_RE = re.compile(r"\bstill (?:in|there|on|playing|plays|going|audible|around)\b|\b(?:playing|plays|in|there) still\b", re.I)
# ... or an edit made earlier said still there ("just confirming, the swell at the ring is still there na?", "the crash
# at 0:31 is still in?"): whether it is, not a second swell; a check said as one ("just checking", "to confirm") asks too
STILL_MADE_RE = re.compile(r"\b(?:swell|build|build-?up|crescendo|rise|fade|fade-?out|fade-?in|hit|accent|crash|stab|sting|"
                           r"stop|break|pause|drop|change|edit|tweak)s?\b", re.I)
CHECKED_RE = re.compile(r"\b(?:just |quick |only )?(?:confirming|checking|to confirm|to check|(?:a )?check)\b", re.I)
COUNT_Q_RE = re.compile(r"\bhow (?:much|many|fast)\b", re.I)
# "could you tell me the current BPM", "remind me the shot boundaries", "can you list the edit points": the score's facts
# asked for with a verb of telling, no request to change anything
TELL_RE = re.compile(r"\b(?:(?:can|could|would|will) you (?:please |pls |just )?)?(?:(?:tell|remind|show) me(?: again)?|"
                     r"let me know|list)\b|\bdo you know\b", re.I)
REQUEST_RE = re.compile(r"\b(?:can|could|would|will(?! " + WILL_BE_SAID + r")|possible|way to|able to|make|let|give|add|put|bring|try|"
                        r"should i|go back)\b", re.I)
# "please" asks for a change ("is good but please more fast"), unless only a fact is asked ("which instruments, please?")
PLEASE_RE = re.compile(r"\b(?:please|pls|plz)\b", re.I)
# a wish for a change beside a bare topic ("slower tempo?", "tempo 90 pls", "another key?", "please slow it"): no question about the score
# the words that move the music ("more", "slower", "darker"): beside a topic or told beside a question, a change
MOVES = r"more|less|fewer|faster|quicker|slower|louder|quieter|softer|darker|brighter|calmer|bigger|warmer|heavier|lighter"
CHANGE_RE = re.compile(rf"\b(?:{MOVES}|too|higher|lower|up|down|sooner|later|earlier|different|other|another|"
                       r"instead|change|switch|swap|go|try|back|restore|previous|original|old|half|halfway|double|need|needs|want|wanna|should|"
                       r"must|slow (?:it|this|that|things|everything|down)|speed (?:it |this |things )?up)\b|\d|:\s*\w|\b[a-g](?:#|b| sharp| flat)? (?:major|minor)\b", re.I)   # "key: C minor"
# a change told beside a question ("ah, the speed. then a little less please"), not a state compared ("the drums there
# are louder than the rest": `STATED_RE`) nor a wish to know ("I want to check before we change more": `KNOW_WISH_RE`)
TOLD_WISH_RE = re.compile(rf"\b(?:{MOVES})\b(?! questions?\b| thing\b)", re.I)
STATED_RE = re.compile(rf"\b(?:{COPULA})(?: [a-z]+){{0,2}}? (?:{MOVES}) than\b", re.I)
KNOW_WISH_RE = re.compile(r"\b(?:i|we) (?:want|wanna|need|'d like|would like) to (?:check|know|see|hear|understand|make sure|"
                          r"look)\b[^.?!;]*", re.I)
# information told ("there's more going on in the second half", "the last shot has less movement"): an amount of
# something in the picture (`PICTURE_RE`) said of what is there, with no wish, no complaint and no question beside it,
# asks for no edit
INFO_RE = re.compile(opening("and|but|so|fyi|just so you know|note") + r"(?:there'?s|there is|there are|there'?ll be|"
                     r"(?:the|this|that|it)(?: [\w']+){0,4}? (?:has|have|gets|got|has got))(?: got)? (?:(?:a lot|lots|much|way|"
                     r"far|a bit|a little|slightly|even|a few|many) )?(?:more|less|fewer)\b([^,;?]*)$", re.I)
INFO_WISH_RE = re.compile(rf"\b(?:{WISH}|can|too|music|score|"
                          r"track|song|sound|instruments?|energy|tempo|volume|bass|drums)\b", re.I)
# what the picture has more or less of ("going on", "movement", "cuts", "talking"), not a quality of the music ("less
# punch", "less drive"): a lack of that is a complaint, toward it
PICTURE_RE = re.compile(r"^\W*(?:(?:of )?(?:the )?)?(?:going on|happening|movement|motion|moving|action|activity|cuts|"
                        r"shots|scenes|people|faces|talking|talk|dialogue|speech|voices?|text|titles|captions|footage|"
                        r"b-roll|detail|colou?r|light|camera)\b", re.I)
# measured against a wish or a reference ("than I'd like", "than I hoped", "than the demo"): a complaint, not information
THAN_WISHED_RE = re.compile(r"\bthan (?:i|we|you|they|expected|hoped|wanted|planned|before|it was|the (?:demo|reference|ref|"
                            r"temp|original|brief|mockup|mock-up)|the (?:last|previous|first|old) (?:version|track|cut|mix|one|take))\b", re.I)
# less of something than wished or than a reference had ("there's less excitement in the end than I hoped", "it has
# less drive than the demo"): a lack, more of it asked for
LACK_THAN_RE = re.compile(r"(?:\b(?:there'?s|there is|there are|it has|it'?s got|it gets) )?"
                          r"(?:(?:a lot|much|way|far|a bit|a little|slightly) )?\b(?:less|fewer) ([^,;.?!]*?) " +
                          THAN_WISHED_RE.pattern + r"[^,;.?!]*", re.I)


# what a question asks about, each answered from the plan or the video ("scene changes" are cuts, not edits)
CUTS_RE = re.compile(r"\b(?:cuts?|shots?|scene ?changes?|scenes|edit points?|shot boundar(?:y|ies)|boundar(?:y|ies)|"
                     r"transitions?|timestamps?|time ?codes?)\b", re.I)
TEMPO_RE = re.compile(r"\b(?:tempo|bpm|speed|fast|slow|pace)\b", re.I)
KEY_RE = re.compile(r"\b(?:key(?: signature)?|mode|scale|major|minor)\b", re.I)
STYLE_RE = re.compile(r"\b(?:style|genre|kind of music|type of music)\b", re.I)
PARTS_RE = re.compile(r"\b(?:instruments?|instrumentation|line-?up|(?:what|which|who)(?:'s| is| are)? (?:play|playing)|"
                      r"(?:which|what) parts)\b", re.I)
LOUDNESS_RE = re.compile(r"\b(?:loud|louder|quiet|quieter|loudness|volume|lufs|level)\b", re.I)
VERSION_RE = re.compile(r"\bversions?\b", re.I)
SECTIONS_RE = re.compile(r"\bsections?\b|\bhow many parts\b", re.I)
LENGTH_RE = re.compile(r"\bhow long\b|\b(?:length|duration)\b", re.I)
MARKS_RE = re.compile(r"\b(?:hits?|accents?|crash(?:es)?|stabs?|stings?|stops?|marks?|hit points?)\b", re.I)
CHANGED_RE = re.compile(r"\b(?:change|changed|different|differ|touch|touched|do|did)\b", re.I)
TOPICS = (CUTS_RE, TEMPO_RE, KEY_RE, METER_NAMED_RE, STYLE_RE, PARTS_RE, LOUDNESS_RE, VERSION_RE, SECTIONS_RE, LENGTH_RE, MARKS_RE)
# words that may stand beside a topic said alone ("key signature pls", "tempo?", "the bpm right now")
BARE = set("""the this that it its it's is are we r in of at on now rn atm currently current right again pls please plz
ah lah leh hey hi ok okay so one and exactly then here there quick question what which how much many our your""".split())

# a sentence that tells what to do ("remove it", "then take the drums out"), after a question about the score
ORDER_RE = re.compile(opening("then|and|just|now|if so|yes|yeah") + r"(?:remove|delete|drop|lose|kill|mute|"
                      r"ditch|cut|get rid|take|swap|replace|change|move|turn|raise|lower|slow|speed|set|use)\b", re.I)


def remark(request: str, plan: ScorePlan, history: list[ScorePlan] | None,
           analysis: VideoAnalysis | None = None) -> str | None:
    """The reply to a turn that asks about the score or signs off instead of asking for an edit, else None.

    Args:
        request: the user's words (a note, its wrapper taken off).
        plan, history: the current plan; the first plan then the plan after each edit so far.
        analysis: the video, for its cuts (without it a question about the cuts gets the sections).
    Returns:
        The answer (the plan is left as it is), or None when the turn may ask for an edit.
    """
    if (bad := earlier_bad(request)) is not None:   # "the previous mix was not great either": nothing to go back to
        return bad
    sentences = [(m.group(1).strip(), "?" in m.group(2)) for m in re.finditer(r"([^.?!;\n]+)([.?!;\n]*)", request)
                 if m.group(1).strip()]
    # "cool, leave everything else as it is": a sign-off; "slower in shot 3, leave everything else as is": an edit
    if hands_off(request):
        return REPLY
    asks = [x for x, q in sentences if _asks(x, q)]
    told = " ".join(x for x, _ in sentences if x not in asks)
    if not asks or REQUEST_RE.search(TELL_RE.sub(" ", " ".join(asks))) or REQUEST_RE.search(told) or \
            any(PLEASE_RE.search(x) and (CHANGE_RE.search(x) or not _topic(x)) for x in asks) or \
            any(ORDER_RE.match(x) for x, _ in sentences if x not in asks) or TOLD_WISH_RE.search(KNOW_WISH_RE.sub(" ", STATED_RE.sub(" ", told))):
        return None   # "is there a hit on cut 2? remove it", "ah, the speed. then a bit less please": asked, then told
    return answer(" ".join(asks).lower(), plan, history, analysis)


def told(note: str) -> bool:
    """Whether a note only tells what the picture has more or less of ("there's more going on in the second half"), no
    edit; "there's less punch in the second half", "less going on at the end than I'd like" are complaints."""
    note = note.strip().rstrip(".!")
    info = INFO_RE.match(note)
    return bool(info and PICTURE_RE.match(info.group(1))) and not THAN_WISHED_RE.search(note) and \
        not INFO_WISH_RE.search(note) and not named_parts(note.lower())


def lacking(note: str) -> str:
    """`note` with less of something than wished said as more of it ("there's less going on at the end than I'd like"
    -> "more going on at the end"; "the intro has less bite than the demo" -> "the intro has more bite")."""
    return LACK_THAN_RE.sub(r"more \1", note)


def _asks(sentence: str, marked: bool) -> bool:
    """Whether a sentence asks about the score: a question word at its start ("what key"), a count asked for ("the
    tempo now how much"), or a topic asked with a verb of telling, a question mark or alone ("remind me the cuts",
    "major or minor?", "key signature pls"), with no change wished beside it ("slower tempo?")."""
    if STATE_Q_RE.match(sentence) or (marked or CHECKED_RE.search(sentence)) and STILL_Q_RE.search(sentence) and \
            (named_parts(sentence.lower()) or STILL_MADE_RE.search(sentence)) and not CHANGE_RE.search(sentence):
        return True
    if not _topic(sentence) or CHANGE_RE.search(sentence) or WHY_SO_RE.match(sentence):
        return False
    if COUNT_Q_RE.search(sentence) or marked or TELL_RE.search(sentence):
        return True
    bare = sentence.lower()
    for r in TOPICS:
        bare = r.sub(" ", bare)
    return not set(re.findall(r"[a-z']+", bare)) - BARE


def _topic(sentence: str) -> bool:
    """Whether a sentence names something to ask about: a topic, or what was done ("remind me what you changed")."""
    return any(r.search(sentence) for r in TOPICS) or bool(TELL_RE.search(sentence) and CHANGED_RE.search(sentence))


def answer(t: str, plan: ScorePlan, history: list[ScorePlan] | None, analysis: VideoAnalysis | None = None) -> str:
    """The facts a question `t` (lower case) asks about, from the plans and the video; the summary when it names none."""
    first = history[0] if history else plan
    facts = []
    if TEMPO_RE.search(t):
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
    if KEY_RE.search(t):
        facts.append(f"the key is {plan.key} {plan.mode}")
    if METER_NAMED_RE.search(t):   # "time signature?"
        facts.append(f"the meter is {plan.meter}, {plan.meter[0]} beats a bar")
    if STYLE_RE.search(t):
        why = re.search(r"^- Style: .*?, (because .*)$", plan.reasoning, re.M) if re.search(r"\bwhy\b", t) else None
        facts.append(f"the style is {plan.style.replace('_', ' ')}" + (f", {why.group(1).rstrip('.')}" if why else ""))
    if PARTS_RE.search(t):
        facts.append("the parts playing are " + _band(plan))
    if LOUDNESS_RE.search(t):   # "how loud is it now"
        same = " (as in the first score)" if first.loudness_lufs == plan.loudness_lufs else \
            f" (the first score had {first.loudness_lufs:g})"
        facts.append(f"the loudness is {plan.loudness_lufs:g} LUFS{same}")
    if VERSION_RE.search(t):   # "which version is this"
        facts.append(f"this is version {len(history or [plan])}" + (" (the first score)" if len(history or [plan]) == 1 else ""))
    if SECTIONS_RE.search(t):   # "how many sections are there?"
        facts.append(f"there are {len(plan.sections)} sections: " + ", ".join(
            f"{x.name} {fmt(x.start_s)}-{fmt(x.end_s)}" for x in plan.sections))
    if LENGTH_RE.search(t):   # "how long does the music run?"
        named = [x for x in plan.sections if compiled(rf"\b{re.escape(x.name.lower())}\b").search(t)]   # "how long is the intro?"
        facts.append("; ".join(f"the {x.name} lasts {x.end_s - x.start_s:.1f} s ({fmt(x.start_s)}-{fmt(x.end_s)})"
                               for x in named) or f"the music lasts {fmt(plan.duration_s)}, as long as the video")
    if MARKS_RE.search(t):   # "where are the hits?"
        marks = ", ".join(f"{h.kind} at {fmt(h.time_s)}" for h in sorted(plan.hit_points, key=lambda h: h.time_s))
        facts.append(f"the marks are: {marks}" if marks else "there are no marks (hits) in the score")
    if CUTS_RE.search(t):   # "where are the cuts again", "when does the second shot start?"
        facts.append(_cuts(plan, analysis))
    if CHANGED_RE.search(CUTS_RE.sub(" ", t)):   # "what did you change?" (not "did you see the scene changes")
        last = diff(history[-2], history[-1]) if history and len(history) >= 2 else []
        facts.append("the last edit made: " + describe(last).rstrip(".") if last else "nothing has been edited yet")
    if not facts:
        facts.append(f"it is {plan.style.replace('_', ' ')} in {plan.key} {plan.mode} at {plan.tempo_bpm:g} BPM, "
                     f"played by {_band(plan)}")
    text = "; ".join(facts)
    return text[0].upper() + text[1:] + ". I changed nothing; what should change?"


def _band(plan: ScorePlan) -> str:
    """Every part that plays somewhere, with its instrument: "bass (Acoustic Bass), drums (Jazz), ..."."""
    names = {**load_style(plan.style).instruments, **plan.instrumentation}
    roles = dict.fromkeys(r for s in plan.sections for r in effective_roles(plan, s))
    return ", ".join(f"{r} ({names[r]})" if r in names else r for r in sorted(roles)) or "no part (the music is out)"


MAX_SHOTS_SAID = 12   # more shots than this are counted, not listed one by one


def _cuts(plan: ScorePlan, analysis: VideoAnalysis | None) -> str:
    """Where the cuts are and the shots between them, from the video (the sections, without it)."""
    if analysis is None:
        return "the sections change at " + ", ".join(fmt(s.start_s) for s in plan.sections[1:]) if \
            len(plan.sections) > 1 else "the music has one section"
    cuts = visible_cuts(analysis)
    if not cuts:
        return "the video has no cuts: it is one shot"
    edges = [0.0, *cuts, analysis.duration_s]
    shots = ", ".join(f"shot {k} {fmt(a)}-{fmt(b)}" for k, (a, b) in enumerate(zip(edges, edges[1:]), 1))
    said = cuts[:MAX_SHOTS_SAID]
    more = f" and {len(cuts) - len(said)} more" if len(cuts) > len(said) else ""
    return (f"the cuts are at {', '.join(fmt(c) for c in said)}{more}" +
            (f" ({shots})" if len(cuts) <= MAX_SHOTS_SAID else ""))
