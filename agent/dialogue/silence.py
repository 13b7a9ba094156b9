"""Music out and back in over a stretch: "no music in shot 3", "kill the music for the last shot", "drop
everything in the middle", "music out from 0:20 to 0:30", "bring the music back in shot 3" (Section.music).

    rest = read(text, want)     # want("remove", value="music") for "no music in shot 3"; the words blanked
    said = round_trip(request)  # "stop at 0:48 and come back at 0:52" -> "no music from 0:48 to 0:52"
    out(e); back(e)             # the sections an edit points at fall silent, or play again
    returned(intents, plan)     # "at 0:15, music come back" after a stop at 0:10: no music from 0:10 to 0:15

A moment ("mute the music at 0:20", "cut all the music on the second cut") is a stop hit (`marks`), not a
stretch; the whole score silent is refused with a question, since there would be nothing left to score.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT, named_parts
from v2m.agent.dialogue.orchestration import EXCEPT, eat
from v2m.agent.dialogue.place_words import SECONDS
from v2m.agent.dialogue.vocab import MUSIC, style_keywords
from v2m.agent.dialogue.where import Ask, Span, fmt, moment
from v2m.tools.contract import EditIntent, EditScope, ScorePlan

_OUT_VERBS = r"(?:no|kill|mute|cut|drop|stop|lose|silence|pull|take out|remove|turn off|get rid of|ditch|lay out|blank out|hold off)"
# what may follow: the clause's end or its place ("no music in shot 3"), never more words about the music
# ("no music change in the intro", "pull the music down", "stop the music from being so loud")
_THEN_PLACE = (r"(?:\s+(?:completely|entirely|altogether|totally|at all))?(?=\s*(?:$|\d|[,.;:!?]|(?:in|for|during|from(?! being)|under|"
               r"over|until|till|after|before|at|through|on|here|there|between|across)\b))")
# "no music in shot 3", "kill the music for the last shot", "the music stops there", "silence in shot 3",
# "drop everything in the middle" (not "... except the bass": that keeps a part)
OUT_RE = re.compile(rf"\b{_OUT_VERBS} {MUSIC}(?: (?:out|off))?{_THEN_PLACE}|\b{MUSIC} (?:out|off|(?:(?:should|must|needs? to|has to|will|can|to) (?:just )?)?"
                    rf"(?:stops?|drops? out|cuts? out|goes silent|go silent)){_THEN_PLACE}|^\W*(?:total |complete |pure )?silence\b(?= (?:in|for|during|"
                    rf"over|under|from|through|between|until|till|after|before)\b)|\b(?:drop|remove|take out|lose|kill|mute|cut) (?:out )?(?:everything|"
                    rf"all (?:the )?(?:instruments|parts)){_THEN_PLACE}(?!(?: \w+){{0,3}} {EXCEPT}\b)")
# the music stopped (not "no music") at the end of a place: a moment, the stop mark `hit_words` reads said so
STOPPED_RE = re.compile(rf"(?:stop|cut|kill|halt) {MUSIC}|{MUSIC} (?:(?:should|must|needs? to|has to|will|can|to) (?:just )?)?(?:stops?|cuts? out)")
END_OF_RE = re.compile(r"\s*(?:right |just )?(?:at|by|on) the (?:very )?end of\b")
BACK_RE = re.compile(rf"\b(?:bring|put) {MUSIC} back(?: in)?\b|\b(?:the )?music (?:back|comes? back|returns?)\b")
# "the music should stop at 0:48 and come back at 0:52", "music out at 0:48, back in at 0:52", "the music drops out
# entirely at 0:16 and comes back at 0:21", "everything cuts out from 12s, returns by 18s": out between the two; also
# said verb first ("stop the music dead at 1:00, and bring it back at 1:06", "kill the drums at 0:10, bring them back at 0:20")
_WHEN = r"(?:the cut (?:at )?)?[\d:.]+(?: ?s(?:ec\w*)?)?"
# a part said as what goes out ("the drums cut out from 0:10, return by 0:20"): that part out and back, not the music
_PART = rf"(?:{INSTR_ALT})(?:s|es)?"
_PARTS = rf"(?:(?:the|both|both the) )?{_PART}(?:(?:,| and| &| plus) (?:the )?{_PART})*"
# how music or a part is said to go out, for both readers here (`hit_words.STOP_RE` is the music stopping on a moment,
# a mark, and reads the modals of a whole sentence: "the band is going to stop")
_MAY = r"(?:(?:should|must|needs? to|has to|will|to|can) )?(?:just )?"
_GOES_OUT = r"cuts? out|drops? out|goes? out"   # and "stops", each its own way: the music that "stops dead" is a mark
ROUND_TRIP_RE = re.compile(rf"\b(?:(?:(?:{MUSIC}|everything|the band|(?P<part>{_PARTS})) )?{_MAY}"
                           rf"(?:stops?(?! dead)|{_GOES_OUT}|goes? silent|out)(?: \w+)?|"
                           rf"(?:stop|kill|cut|mute|drop|lose) (?:{MUSIC}|it|the (?:whole )?band|every(?:one|body)|(?P<object>{_PARTS}))(?: (?:dead|cold|off|out))?)\s*(?:at|on|@|from)\s*(?P<a>{_WHEN})"
                           rf"\s*(?:(?:,|;|and|then)\s*)*(?P<between>(?:\w+ ){{0,3}}?(?:\w+\s*[,;]\s*(?:and |then )*)?)"
                           rf"(?:comes? back|coming back|kicks? back|returns?|back)"
                           rf"(?: in)?(?: again)?\s*(?:at|on|@|by)\s*(?P<b>{_WHEN}|the next cut)", re.I)   # "for the news sting,
# then come back on the next cut": a reason said between, and the return where the next cut is (`where` finds it)

# Silence over a place, then where the music comes back ("silence for shot 3, music back at 0:21", "no music in the next
# shot, bring it back at 5.5"): the return says where that silence ends, no second edit (not the music added there)
BACK_AFTER_OUT_RE = re.compile(rf"(?P<out>\b(?:silence|silent|no music|{_OUT_VERBS} {MUSIC})\b[^.;!?]*?)\s*[,;]?\s*(?:and |then )?"
                               rf"(?:(?:the )?music (?:comes? |coming |kicks? )?back|(?:bring|brings|bringing) (?:it|the music) back)"
                               rf"(?: in)?(?: again)?\s*(?:at|on|@|by|from)\s*{_WHEN}(?=\s*(?:$|[,.;!?]|and\b|then\b))", re.I)


def round_trip(text: str) -> str:
    """`text` with the music (or a part named as what goes) taken out and brought back said as one stretch ("no music
    from 0:48 to 0:52", "no drums from 0:10 to 0:20"). Another part said to come back ("the sax drops out at 0:10 and
    the piano comes back at 0:20") is no round trip: which one is out from the one time to the other is asked (Ask)."""
    def said(m: re.Match) -> str:
        what = named_parts((m["part"] or m["object"] or "").lower())
        back = [p for p in named_parts(m["between"].lower()) if p not in what]
        if back:
            out = " and ".join(what) or "music"
            raise Ask(f"The {out} goes out at {m['a']} and the {back[0]} comes back at {m['b']}: which should be out "
                      f"from {m['a']} to {m['b']}? I left the score as it is; say e.g. 'no {out} from {m['a']} to "
                      f"{m['b']}' or 'no {back[0]} from {m['a']} to {m['b']}'.")
        return f"no {' and '.join(what) or 'music'} from {m['a']} to {m['b']}"
    return OUT_AT_RE.sub(_out_at, BACK_AFTER_OUT_RE.sub(r"\g<out>", ROUND_TRIP_RE.sub(said, text)))


# A part said to go out at a moment, with no return said ("the drums drop out at 0:10", "the sax stops at 0:24"): that
# part out from there on; said for a while ("the bass drops out for a bit at 0:10"), until the next cut
_WHILE = r" for a (?:bit|moment|while|sec|second|few (?:seconds|secs|bars|beats))"
OUT_AT_RE = re.compile(rf"\b(?P<part>{_PARTS}) {_MAY}(?:stops?|{_GOES_OUT}|falls? away|lays? out|sits? out)"   # a part: laid out too
                       rf"(?P<bit>{_WHILE})?\s*(?:at|on|@|from)\s*"
                       rf"(?P<a>\d{{1,3}}:\d{{2}}(?:\.\d+)?|\d+(?:\.\d+)? ?(?:s|secs?|seconds)\b)(?P<bit2>{_WHILE})?"
                       rf"(?=\s*(?:$|[,.;!?]|and\b|but\b|then\b))", re.I)


def _out_at(m: re.Match) -> str:
    return f"no {' and '.join(named_parts(m['part'].lower()))} from {m['a']} " + \
        ("to the next cut" if m["bit"] or m["bit2"] else "on")


# Silence said otherwise, read into "no music" before the clause's place is found: "zero music", "dead air", "the band
# sits out", "totally silent", "the last shot should be silent", "leave it silent", "no band at all", "everything out";
# "the music only starts at the first cut" (before it). (Out and back again, "drops out at 0:16 and comes back at
# 0:21", is `ROUND_TRIP_RE`'s.)
SILENT = (  # silence complained of ("I hate the silence", "no more dead air in shot 3"): the music back there, where it
          # is silent (`back`); first, since the others read "dead air" and a trailing "silence" as wanted
          (rf"\b(?:i |we )?(?:hate|dislike|(?:don'?t|do not|can'?t|cannot) (?:like|want|stand|bear)|no more|too much|enough(?: of)?)"
           rf" (?:the |that |this |all (?:the |this |that )?|any |so much )?(?:silence|dead air|silent (?:bits?|parts?|gaps?))\b{_THEN_PLACE}",
           "bring the music back"),
          (r"\b(?:zero|nil) (?:music|sound)\b|\bdead air\b", "no music"),
          (r"\b(?:the (?:whole )?band|everyone|everybody|the music)(?: \w+){0,2}? (?:sits?|sitting|lays?|laying) out\b", "no music"),
          (r"\b(?:completely|totally|fully|entirely|dead|absolutely|utterly) (?:silent|quiet)\b(?:,? (?:fully |totally )?quiet\b)?|"
           r"\b(?:be|go|goes|is|(?:make|keep)(?: it| this| that| them)|leave(?: it| that| them| this)?|stay|stays|remain|remains|fall|falls) (?:just )?"
           r"silent\b", "no music"),
          # silence wished for ("between 0:24 and 0:32 I want silence", "silence please from 0:10 to 0:14")
          (r"\b(?:i|we)(?: really)? (?:want|need|would like|'d like)(?: some| total| complete| pure| just)? silence\b|"
           r"\bsilence(?: please| pls)?(?= *$)|\bsilence please\b", "no music"),
          (r"\bno (?:band|instruments|one playing|playing)(?: at all)\b|\beverything (?:out|off)\b(?= (?:in|for|during|from|"
           r"between|until|till|after|before|\d))", "no music"),
          (rf"\b{MUSIC} (?:should |must |can )?(?:only|just) (?:starts?|begins?|comes? in|kicks? in) (?:at|on|with|from)\b",
           "no music before"),
          # a length of silence said first, or started with: the opening's ("3 seconds of silence, then ...")
          (rf"^\W*(?:(?:start|open|begin)(?: it| off| the (?:video|clip|track|music))? with )?(?:a |about |around )?({SECONDS}) of "
           rf"(?:total |complete |pure )?(?:silence|nothing|dead air|no music)\b", r"no music for the first \1"))

SILENT_RES = tuple((re.compile(p, re.I), r) for p, r in SILENT)


# "dead air for the first 3 seconds, then bring the jazz in": the music (or the style it plays) coming in after a
# silence is where the silence ends, no edit of its own
ENTRY_RE = re.compile(r"\s*[,;]?\s*(?:and\s+)?then\s+(?:(?:bring|let|have)\s+(?:in\s+)?(?:all\s+)?(?:the\s+)?(?P<what>[a-z][a-z -]{0,20}?)"
                      r"(?:\s+(?:back\s+|come\s+)?in)?|(?:the\s+)?(?P<what2>[a-z][a-z -]{0,20}?)\s+(?:comes?|kicks?)\s+in)\s*(?=$|[,.;!?])", re.I)
ENTERING = ("music", "score", "underscore", "soundtrack", "track", "cue", "band", "whole band", "everything", "everyone")
# "dead air for 3 s, then bring the rock in": a silence for so long with the music coming in after it is the opening's
FOR_SECONDS_RE = re.compile(rf"\bfor (?=(?:{SECONDS}))")
PLACED_RE = re.compile(r"\b(?:shots?|cuts?|after|from|until|till|before|between|at|in the|during|first|last|final)\b|\d:\d")


def plain(t: str, style: str = "") -> str:
    """`t` (a request) with silence said in the words `read` knows ("dead air until 0:05": "no music until
    0:05"; "drops out at 0:16 and comes back at 0:21": "no music from 0:16 to 0:21", and again after the review
    tool's notation is read, by `edits`), and the music said to come in after it (`ENTRY_RE`; `style`, the plan's,
    names the music too) left out."""
    for pat, rep in SILENT_RES:
        t = pat.sub(rep, t)
    m = ENTRY_RE.search(t)
    if m and OUT_RE.search(t[:m.start()].lower()):
        what, head = (m["what"] or m["what2"]).lower(), t[:m.start()]
        head = head if PLACED_RE.search(head.lower()) else FOR_SECONDS_RE.sub("for the first ", head, count=1)
        if what in (*ENTERING, style.replace("_", " ")):
            t = head + t[m.end():]
        elif what in style_keywords(r"(?!)"):   # "..., then bring the rock in": in rock, the silence kept
            t = f"{what}, {head}{t[m.end():]}"
        elif named_parts(what):   # "silence for 3 seconds then the drums come in": the opening's, the drums on after it
            t = head + t[m.start():]
    return round_trip(t)


def said(t: str) -> bool:
    """Whether `t` asks for silence, in any of the ways `read` knows ("the last shot should be silent", "dead air in
    shot 3", "stop the music in the last shot"); a stop said as a mark ("a hard stop at 0:20") is none."""
    t = plain(t).lower()
    return "no music" in t or bool(OUT_RE.search(t))


def read(t: str, want, span: Span | None = None) -> str:
    """Music out or back over the clause's place; returns the text with what was understood blanked out. Out in a
    last shot too short to change (bikes' 0.3 s, `Span.seen_s`) is a stop where a viewer sees that shot start."""
    if (m := OUT_RE.search(t)):
        if span is not None and span.seen_s is not None:
            want("hit", value="stop", times=[round(span.seen_s, 3)], whole=True)
            return eat(t, m)
        if span is not None and STOPPED_RE.match(m[0]) and END_OF_RE.search(t, m.end()):   # "stop the music at the end of
            want("hit", value="stop", times=[round(span.end_s, 3)], whole=True)   # shot 5": a stop there, as "the music
            return eat(t, m)                                                       # should stop at the end of shot 5" is
        want("remove", value="music")
        return eat(t, m)
    if (m := BACK_RE.search(t)):
        want("add", value="music")
        return eat(t, m)
    return t


def out(e) -> None:
    """The sections `e` points at fall silent (Section.music False)."""
    if e.whole:
        raise Ask("That would leave the whole video without music. Which part should be silent (e.g. 'no music "
                  "in shot 3')?")
    if all(not e.plan.sections[i].music for i in e.idx):
        raise Ask("There is no music there already. Did you mean another part?")
    for i in e.idx:
        e.plan.sections[i] = e.plan.sections[i].model_copy(update={"music": False})


def back(e) -> None:
    """The silent sections `e` points at play again, as they did (back after a stop hit is `returned`'s)."""
    silent = [i for i in (range(len(e.plan.sections)) if e.whole else e.idx) if not e.plan.sections[i].music]
    if not silent:
        raise Ask("The music already plays everywhere; there is no silence in the score. What should change?" if e.whole
                  else "The music already plays there. Did you mean an instrument?")
    for i in silent:
        e.plan.sections[i] = e.plan.sections[i].model_copy(update={"music": True})


def said_at(span: Span) -> float:
    """Where a place begins as said: the moment of "the shot at 0:15" (0:15, not the cut at 0:13), else its start."""
    return moment(span.label) if span.label.startswith("the shot at ") and moment(span.label) is not None else span.start_s


def returned(intents: list[EditIntent], plan: ScorePlan) -> list[EditIntent]:
    """`intents` with the music said to come back after a stop said earlier ("the music stop at 0:10", then "at 0:15,
    music come back") read as silence from the stop to the time said, in place of the stop: "no music from 0:10 to
    0:15", so the reply names that place. Said back over a place that a silence said before it in the same request
    overlaps ("silence between 0:23 and 0:27, then music back for the ending"), it only says where that silence ends."""
    out: list[EditIntent] = []
    for it in intents:
        span = None if it.scope.kind == "whole" else Span(it.scope.start_s, it.scope.end_s, it.scope.label)
        if it.what == "add" and it.value == "music" and span and any(
                o.what == "remove" and o.value == "music" and o.scope.kind != "whole" and o.scope.start_s < span.end_s
                and span.start_s < o.scope.end_s for o in out):
            continue
        stop = _stopped_before(plan, said_at(span)) if it.what == "add" and it.value == "music" and span and all(
            s.music for s in plan.sections if s.end_s > span.start_s and s.start_s < span.end_s) else None
        if stop is None:
            out.append(it)
            continue
        a, b = stop.time_s, said_at(span)
        out += [EditIntent(what="no_hit", scope=EditScope(times_s=[a]), text=it.text, source=it.source),
                it.model_copy(update={"what": "remove", "scope": EditScope(kind="span", start_s=a, end_s=b,
                                                                           label=f"from {fmt(a)} to {fmt(b)}")})]
    return out


def _stopped_before(plan: ScorePlan, t: float):
    """The stop hit the music comes back after at `t`: the last one before it, with music playing from it to there (a
    stop said in an earlier turn), or None."""
    if t <= 0:
        return None
    stop = max((h for h in plan.hit_points if h.kind == "stop" and h.time_s < t - 0.5), key=lambda h: h.time_s, default=None)
    if stop is None or any(not s.music for s in plan.sections if s.end_s > stop.time_s and s.start_s < t):
        return None
    return stop
