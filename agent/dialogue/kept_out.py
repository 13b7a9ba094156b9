"""Where a part plays, said as the readers know it: the part out before a time and after one ("the piano out before
0:20.000, and the piano out after 0:40.000"), measured here on the video, so no reader has to place it.

- Kept out everywhere but a place: "no piano except between 0:20 and 0:40", "no piano outside the first half", "take
  the lead guitar out of everything but the last 16 seconds", "i dont want drums anywhere besides shot 8 thru shot
  10", "save the drums for the second half", "limit the electric piano to the first third", "drums in the second half
  only" (and `only_there`'s "no drums except in the second half"): out before the place and after it.
- Coming in late or going early: "the lead guitar should hold off until the second half", "delay the brass entrance
  to the 40 second mark", "wait for the 10th cut before the harp is starting", "piano: in at the eighth cut, not
  before", "the piano shouldn't show up before 0:36 or after 0:52", "let the rhythm guitar bow out after the first 30
  seconds", "bass should end on cut 12": out before the entry, after the exit.
Before, the readers placed the removal at the place said, made the part louder there, or asked which of two stretches
was meant: the part taken out exactly where it was wanted.

    outside("no piano except between 0:20 and 0:40", analysis, plan)   # "the piano out before 0:20.000, and the piano out after 0:40.000"

A place that cannot be found (`locate` None or a question), or one that is the whole video, leaves the words as said.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT, named_parts
from v2m.agent.dialogue.patterns import POINT, PLACE_RANGE as PLACE_SAID, LazyPattern
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.spoken_times import timed
from v2m.agent.dialogue.where import Ask, Span, fmt
from v2m.tools.contract import ScorePlan, VideoAnalysis


def _part(name: str) -> str:
    return rf"(?:the |a |an |any |my |our |your )?(?P<{name}>{INSTR_ALT})(?:s|es)?"


PREP = r"(?:in|during|between|from|for|at|on|across|over|throughout)"
BETWEEN = rf"between (?:[a-z0-9: -]|{POINT})+? and (?:[a-z0-9: -]|{POINT})+?"   # "between 0:20 and 0:40": its "and" kept
AT = rf"(?:{BETWEEN}|{PLACE_SAID})"
END = (r"(?=\s*(?:[,;.!?—–]|:(?!\d)|\s-\s|$|\b(?:and|but|then|please|pls|por favor|thanks?|thank you|thx|ta|mate|lol|cheers|that'?d|"
       r"that would|it'?d|it would|if|so)\b))")
START = r"(?P<lead>^|[,;.!?]\s*|\b(?:and|but|then|so) )"
WISH = r"(?:(?:i|we)(?: want| need| would like|'d like| d like) |(?:just |only )?(?:keep|have|play|put) )?"
EXCEPT = (r"(?:except|exept|excepting|besides|apart from|other than|save|outside(?: of)?|(?:all|everything|everywhere|anywhere|nowhere) but|"
          r"nowhere except|(?:everything|all|the whole (?:thing|cue|track|piece|video|song)) bar|"
          r"(?:with )?the (?:sole|only|one) exception (?:of|being))")
# a time said after the place's name ("except the hero shot, 0:32 to 0:44"): the time is the place
TAIL = r"(?P<tail>,\s*(?:from |between |around |about |at |in |the (?:last|first|final|opening) )?\d[^,.;!?]*)?"
MODAL = r"(?: (?:should|must|can|could|will|has to|needs to|to))?"
NOT = r"(?:shouldn'?t|should not|mustn'?t|must not|can'?t|cannot|won'?t|will not|doesn'?t|does not|don'?t|do not)"
APPEAR = r"(?:show up|appear|play|come in|be heard|sound|enter|start|kick in|be there)"
KEPT_OUT_RE = LazyPattern(
    rf"\bno {_part('part')} (?:anywhere |at all |whatsoever )?{EXCEPT}(?: for)? (?P<at>{BETWEEN}|(?:{PREP} )?{PLACE_SAID}){TAIL}{END}"
    rf"|\b(?:save|keep|reserve) {_part('part2')} for (?P<at2>{AT}){END}"
    rf"|\b(?:limit|restrict|confine|keep) {_part('part4')} (?:to|within) (?:just |only )?(?P<at4>{AT}){END}"
    rf"|{START}{WISH}{_part('part3')} (?P<at3>{BETWEEN}|{PREP} {PLACE_SAID}) (?:only|alone)(?: please| pls)?{END}", re.I)
# the part taken out in a sentence, then a place spared ("take the lead guitar out of everything but the last 16
# seconds", "keep the bass silent in all the video, except shots 2 until 4"): the one part named before, with a word
# that takes it out; no change of level said beside it ("more drums everywhere except shot 3" spares shot 3)
SPARED_RE = LazyPattern(rf"(?P<before>[^.;!?]*?)\b(?P<ex>{EXCEPT})(?: for| in| during)?,? (?:the (?:stretch|part|bit|section) )?(?P<at>{BETWEEN}|(?:{PREP} )?{PLACE_SAID}){TAIL}{END}", re.I)
OUT_WORDS_RE = LazyPattern(r"\b(?:no|none|nowhere|not|nothing|never|out|silent|silence|mute|muted|remove|drop|kill|lose|without|rid|strip|"
                           r"don'?t|dont|doesn'?t|shouldn'?t|won'?t|can'?t|mustn'?t|isn'?t|aren'?t)\b", re.I)
LEVEL_WORDS_RE = LazyPattern(r"\b(?:more|less|louder|softer|quieter|up|down|faster|slower|brighter|darker|bigger)\b", re.I)
ENTRY_RE = LazyPattern(   # the part in from a place on
    rf"\b(?:(?:(?:would|do) you mind |could you |can you |please )?(?:having|have|let|letting) )?{_part('e1')}{MODAL} (?:hold off|wait|sit out|lay out|stay out|stay quiet|rest|sit tight) (?P<p1>until|till|til|(?<=wait )for) (?P<a1>{AT}){END}"
    rf"|\b(?:delay|postpone|hold back|save) {_part('e2')}(?:'s|')?(?: entrance| entry| coming in| start)? (?P<p2>to|until|till) (?P<a2>{AT}){END}"
    rf"|\bwait (?:for|until|till) (?P<a3>{AT}) before {_part('e3')} (?:is )?(?:starts?|starting|comes? in|coming in|enters?|entering|"
    rf"kicks? in|plays?|playing)\b"
    rf"|\b{_part('e4')}(?::| -|,)? (?:comes? |coming )?in at (?P<a4>{AT}),? (?:and )?not (?:before|earlier)\b"
    rf"|\bno {_part('e9')} (?P<p9>before|after|until|till) (?P<a9>[^,.;!?]*?[a-z][^,.;!?]*?),\s*(?:at |around |about )?(?P<t9>\d+:\d\d)\b"
    rf"|\b{_part('e5')} {NOT} {APPEAR} (?:before|until|till) (?P<a5>{AT}) (?:or|and|nor) after (?P<a6>{AT}){END}"
    rf"|\b{_part('e7')} {NOT} {APPEAR} (?P<p7>before|until|till|til|after) (?P<a7>{AT}){END}"
    rf"|\b{_part('e8')}{MODAL} (?:bow out|bows out|drop out|drops out|stop|stops|end|ends|leave|leaves|exit|exits|cut out|cuts out|"
    rf"go away|disappear|disappears|finish|finishes|fall out|falls out)(?: playing)? (?P<p8>after|at|on|from|by) (?P<a8>{AT}){END}", re.I)


# The same said anywhere in a sentence that names one part: an "only" after the part ("walking bass only in the middle
# third, tacet elsewhere", "could the harp play only during the ring exchange, from 0:36 to 0:48", "lead guitar plays
# the opening 8 seconds only, then out"); not "only the drums" (the others out, `prohibited`'s), a change of level or a
# removal ("lose the bass just in the fourth shot"), another edit ("no bass, and slower from 0:50 only"), a hit, or the
# band joining after ("..., then the band joins")
ONLY_WORD_RE = LazyPattern(rf"\b(?:only|solely|exclusively|just)\b(?! (?:the |a |an |my |our )?(?:{INSTR_ALT})\b)", re.I)
NOT_HERE_RE = LazyPattern(r"\b(?:no|without|slower|faster|tempo|lose|remove|out|back|add|adding|bring|cut(?= (?:the|out|it|them)\b)|drop|mute|kill|strip|take|louder|softer|quieter|more|less|up|down|turn|raise|"
                          r"lower|volume|bit|little|hits?|crash|accent|cymbals?|stinger|boom|once|twice|then (?:the band|everyone|"
                          r"everybody|the rest|the others)|join|joins)\b", re.I)
ELSEWHERE_RE = LazyPattern(r"[,;]?\s*(?:and |but )?(?:(?:tacet|silent|quiet|out|nothing|no|not|nowhere)\b[^,.;!?]*?\b(?:elsewhere|else|"
                           r"other (?:places?|points?|times?|parts?)|in between)\b|other (?:places?|times?) no|then out|(?:and )?not "
                           r"at any other (?:point|time))[^,.;!?]*", re.I)
SENTENCE_RE = LazyPattern(r"[^.!?]+[.!?]*")
ASKED_RE = LazyPattern(r"^\s*(?:is|are|does|do|did|was|were|has|have)\b.*\?|\bor\b[^.!]*\?\s*$", re.I)   # a question about how it is
BETWEEN_WORDS_RE = LazyPattern(r"\b(?:middle|half|third|quarter|intro|outro|ending|opening|beginning|end|start|finale|chorus|verse|bridge|drop)\b", re.I)
PLACE_WORD_RE = LazyPattern(r"\d|\b(?:shots?|cuts?|half|third|quarter|seconds?|minutes?|intro|end|ending|start|opening|first|last|final)\b", re.I)
TWO_PLACES_RE = LazyPattern(r"(?:[a-z]+ ){0,3}?(?:in |during |for |over )?(the (?:first|last|opening|final) [a-z0-9 ]+?) and (?:in |during )?(the (?:first|last|opening|final) [a-z0-9 ]+?)(?: of (?:the )?(?:video|clip|film|song|piece))?", re.I)
HALFWAY_RE = LazyPattern(r"\b(?:the )?(?:half ?way|mid ?point)(?: mark| point| through)?\b", re.I)
FRACTION_RE = LazyPattern(r"\b(opening|beginning|starting|closing|final|ending) (third|quarter|half|fifth)\b", re.I)
CLOCK_RE = LazyPattern(r"\b\d{1,2}:\d{2}(?:\.\d+)?\b")
HMS_RE = LazyPattern(r"\b0{1,2}:(\d{1,2}:\d{2})\b")   # "00:00:08": 0:08
SECS_RANGE_RE = LazyPattern(r"\b(\d{1,3}) ?(?:s |secs? )?(?:thru|through|to|till|until|-|–) ?(\d{1,3}) ?(?:s|secs?|seconds)\b", re.I)


KIT_RE = LazyPattern(r"^(?:brush(?: kit)?|brushes|sticks|kit|drum kit)$", re.I)   # the drums by what plays them


def _clock_s(t: str) -> float:
    m, s = t.split(":")
    return int(m) * 60 + float(s)


def _clock(s: str) -> str:
    return f"{int(s) // 60}:{int(s) % 60:02d}"


# A part coming in or going out at a place, said in a sentence of its own words ("sax lays out after shot 12", "the
# saxophone please begin only from the 5th cut", "could the drums stop once the tenth shot has ended", "let the fiddle
# lay out for the opening and enter at the 4th cut", "start the pad when shot 3 starts", "brushes til 0:36 then stop")
LEAD = r"(?:(?:(?:would|do) you mind |could you |can you |please |pls )?(?:having|have|let|letting|make|making) )?"   # "would you mind having the bass ..."
COME = r"(?:comes? in|coming in|enters?|entering|begins?|starts?|joins?|kicks? in|drops? in|appears?|come|comes)"
GO = r"(?:lays? out|drops? out|dropped out|stops?|stopped|ends?|ended|finish(?:es|ed)?|leaves?|left|bows? out|bowed out|cuts? out|goes out|tacet)"
DONE = r"(?P<done> (?:has ended|ends|is over|finishes|has finished|begins|starts|has started))?"
GO_RE = LazyPattern(
    rf"\b{LEAD}{_part('g')}(?P<mid>(?: (?!(?:not|never|no|when|while|as|once|if|until|till|after|before|because|since)\b)[a-z]+(?<!n't)){{0,7}}?) (?P<verb>{COME}|{GO})(?: playing)?,? (?:only )?"
    rf"(?P<p>at|from|when|once|after|on|with|by) (?P<a>{AT}){DONE}{END}"
    rf"|\b(?:start|bring in|introduce|let in) {_part('h')} (?P<hp>at|from|when|once|after|on|with) (?P<ha>{AT})(?P<hdone> (?:begins|starts|has started))?{END}"
    rf"|\b{_part('t')} (?:til|till|until|up to) (?P<ta>{AT}),? (?:and |then |and then )+(?:stop|out|drop out|lay out|tacet|nothing)\b", re.I)
GO_VERB_RE = LazyPattern(GO, re.I)
AWHILE_RE = LazyPattern(r"[^.!?]*?\b(?:back|return\w*|re-?enter\w*|again|for a (?:moment|bit|second|beat|while|few|couple|bar)|briefly)\b", re.I)
HIT_RE = LazyPattern(r"\b(?:cymbals?|crash(?:es)?|hits?|accents?|stingers?|booms?|gongs?|risers?|whooshe?s?|impacts?)\b", re.I)
GRADUAL_RE = LazyPattern(r"\b(?:gradual\w*|slow(?:ly)?|fad(?:e|es|ed|ing)|swell\w*|ramp\w*|creep\w*|little by little)\b", re.I)
# the same with the place told first, by a moment and its time ("once the sun dips behind the hill at 0:40, I'd like the
# bass to leave", "from the moment the army appears on the ridge, 0:36, bring the brass in"), or in shorthand ("synth
# bass in from shot 6", "perc in @ 0:30", "bass: 0:32 → 0:52, nothing outside that")
FRONT_RE = LazyPattern(
    rf"\b(?:once|when|after|from the moment|as soon as|from when) (?P<fa>(?=[^,.;!?\d]*[a-z]{{3,}} [a-z]{{2,}})(?:(?!\b(?:make|turn|bring|add|put|give|"
    rf"let|have|get)\b)[^.;!?])*?\d+:\d\d[^,.;!?]*?),? (?:(?:i'?d like|i want|we want|let) )?"
    rf"(?:(?P<fb>bring|let|have) )?{_part('f')}(?: in)? (?:should |to |must |can |could |will )?(?P<fv>be gone|go away|go out|leave|stop|drop out|bow out|"
    rf"come in|enter|start|join|kick in|in)\b", re.I)
SHORT_RE = LazyPattern(
    rf"{START}{_part('i')} (?:comes? )?in (?P<ip>from|at) (?P<ia>{AT}){END}"
    rf"|{START.replace('?P<lead>', '?P<lead2>')}{_part('j')}\s*[:—–]\s*(?P<ja>(?:from )?\d[^,.;!?]*?),? (?:and )?(?:nothing|none|silent|out) (?:outside (?:that|of that|it)|else|elsewhere)\b", re.I)
# what an entry says twice ("..., nothing from it before that", "— not before")
NOT_BEFORE_RE = LazyPattern(r"(?P<said>\bthe [a-z ]+ out before \d+:\d\d(?:\.\d+)?)\s*(?:[,;—–-]\s*)?(?:and )?(?:nothing|none|not)(?: from (?:it|them))?"
                            r" (?:before|earlier)(?: that| then)?\b", re.I)
# a range written with a dash or an arrow ("0:12–0:28", "0:40 → 0:56"), "@" for at: in words the finders read
RANGE_RE = LazyPattern(r"(\d)\s*(?:–|—|→|->|=>)\s*(?=\d|end\b|the end\b)", re.I)   # ("@0:25" is read as a place already)
HEAD_ARROW_RE = LazyPattern(r"\s*(?:→|->|=>)\s*(?!\d|end\b|the end\b)", re.I)   # "0:08-0:20 → upright up": a place heading its edits
ENDED = ("has ended", "ends", "is over", "finishes", "has finished")


def _span(at: str, analysis: VideoAnalysis, plan: ScorePlan) -> Span | None:
    """The place `at` names; one whose words name no place but carry one time ("when the bride appears at 0:28"):
    from that time. "The opening third" is the first third (not the intro)."""
    at = HALFWAY_RE.sub(fmt(analysis.duration_s / 2), at)   # "at the halfway mark": the middle of the video
    at = FRACTION_RE.sub(lambda m: f"{'first' if m[1].lower() in ('opening', 'beginning', 'starting') else 'last'} {m[2]}", at)
    at = timed(SECS_RANGE_RE.sub(lambda m: f"from {_clock(m[1])} to {_clock(m[2])}", HMS_RE.sub(r"\1", at)), analysis.duration_s)
    for words in (at, *(f"from {t[0]}" for t in [CLOCK_RE.findall(at)] if len(t) == 1)):
        try:
            if (span := locate(words.lower(), analysis, plan)) is not None:
                return span
        except Ask:
            pass
    return None


def _only_sentence(sent: str, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """One sentence naming one part with an "only" after it said as the part out before and after the place."""
    parts = list(dict.fromkeys(named_parts(sent.lower())))
    part = re.search(rf"\b(?:{INSTR_ALT})(?:s|es)?\b", sent, re.I)
    only = part and ONLY_WORD_RE.search(sent, part.end())
    if len(parts) != 1 or not only or NOT_HERE_RE.search(ELSEWHERE_RE.sub("", sent)) or ASKED_RE.search(sent):
        return sent   # ("flute is playing from the start or only later?": asked about, no change)
    rest = ELSEWHERE_RE.sub("", sent[only.end():])
    two = TWO_PLACES_RE.fullmatch(re.split(r"[,;]", rest)[0].strip(" .!?")) or \
        TWO_PLACES_RE.fullmatch(sent[part.end():only.start()].strip(" .!?,"))   # "solely during the first ten seconds and
    if two:   # the last ten seconds": both, the part out between them too
        spans = [_span(w, analysis, plan) for w in two.groups()]
        a, b = sorted(spans, key=lambda x: x.start_s) if all(spans) else (None, None)
        if a is not None and a.end_s < b.start_s - 0.05:
            said = ", and ".join(filter(None, (_out(parts[0], a.start_s, None, analysis.duration_s),
                                               f"the {parts[0]} out from {fmt(a.end_s, 3)} to {fmt(b.start_s, 3)}",
                                               _out(parts[0], None, b.end_s, analysis.duration_s))))
            return re.match(r"\s*", sent).group(0) + said + ("." if sent.rstrip().endswith((".", "!", "?")) else "")
    before = sent[part.end():only.start()] if not rest.strip(" .!?") and PLACE_WORD_RE.search(sent[part.end():only.start()]) else ""
    for at in (re.split(r"[,;]", rest)[0], rest, before):   # (before "only" when nothing follows: "... the opening 8 s only")
        if not PLACE_WORD_RE.search(at) and not BETWEEN_WORDS_RE.search(at):
            continue   # no place in the words: "the drums r just noise, total chaos"
        span = _span(at.strip(" .!?"), analysis, plan) if at.strip(" .!?") else None
        if span is not None and (said := _out(parts[0], span.start_s, span.end_s, analysis.duration_s)):
            return re.match(r"\s*", sent).group(0) + said + ("." if sent.rstrip().endswith((".", "!", "?")) else "")
    return sent


def _out(part: str, before: float | None, after: float | None, d: float) -> str:
    """ "the PART out before T, and the PART out after U" (either side where it cuts something off)."""
    part = "drums" if KIT_RE.match(part) else "bass" if part.lower() in ("double bass", "upright bass") else part   # "brushes
    # only in the second quarter": the kit they play; "the double bass should stop": the bass (read as doubling it)
    said = [f"the {part} out before {fmt(before, 3)}"] if before is not None and 0.05 < before < d - 0.05 else []
    said += [f"the {part} out after {fmt(after, 3)}"] if after is not None and 0.05 < after < d - 0.05 else []   # (not "no
    # drums ...": after a question, "no" reads as the answer)
    return ", and ".join(said)


def _entered(m: re.Match, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    d, g = analysis.duration_s, m.groupdict()
    if _passing(m):
        return m.group(0)
    part = next(g[k] for k in ("e1", "e2", "e3", "e4", "e5", "e7", "e8", "e9") if g[k])
    if g["e9"]:   # "no celesta before the kid looks up at the stars, 0:28": at the time said
        t, goes = _clock_s(g["t9"]), g["p9"].lower() == "after"
        return _out(part, None if goes else t, t if goes else None, d) or m.group(0)
    if g["a5"]:   # "shouldn't show up before 0:36 or after 0:52"
        a, b = _span(f"until {g['a5']}", analysis, plan), _span(f"after {g['a6']}", analysis, plan)
        return _out(part, _edge(a), _edge(b), d) if a and b else m.group(0)
    exits = g["e8"] or g["e7"] and g["p7"].lower() == "after"
    at = next(g[k] for k in ("a1", "a2", "a3", "a4", "a7", "a8") if g[k])
    prep = (g["p8"] or "").lower()
    span = _span(at if prep in ("at", "on") else f"after {at}" if exits else f"until {at}", analysis, plan)
    if span is None:
        return m.group(0)
    t = span.start_s if exits and prep in ("at", "on") else _edge(span)   # "end on cut 12": from the cut
    return _out(part, None if exits else t, t if exits else None, d) or m.group(0)


def _edge(span: Span) -> float:
    """The time a place said with "until" or "after" ends or starts at: a stretch from the start is
    read to its end ("until the second cut": 0:08; "after the first 30 seconds": 0:30), any other from its start
    ("until the second half": 0:30; "after 0:30")."""
    return span.end_s if span.start_s < 0.05 else span.start_s


def _passing(m: re.Match) -> bool:   # (and a hit named as a part: "a big cymbal when the last race finishes, at 0:41")
    """Whether the part's change at `m` is out and back ("drops out at 0:10 and comes back at 0:20", "for a moment") or
    faded in ("gradually bring in the strings on the fifth cut"): the other readers' (`entries`, `fade_ins`), no more
    than an entry or an exit."""
    sentence = m.string[m.string.rfind(".", 0, m.start()) + 1:]
    return bool(AWHILE_RE.match(m.string, m.start()) or GRADUAL_RE.search(sentence) or HIT_RE.search(m.group(0)))


def _came_went(m: re.Match, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """A part coming in or going out at a place said as the part out before or after it."""
    d, g = analysis.duration_s, m.groupdict()
    if g["mid"] and named_parts(g["mid"].lower()) or _passing(m):
        return m.group(0)   # another part between
    part, at = g["g"] or g["h"] or g["t"], (g["a"] or g["ha"] or g["ta"]).strip()
    goes = bool(g["t"] or g["verb"] and GO_VERB_RE.fullmatch(g["verb"]))
    prep, done = (g["p"] or g["hp"] or "until").lower(), (g["done"] or g["hdone"] or "").strip()
    span = _span(f"{'after' if prep == 'after' else 'until' if prep == 'until' else ''} {at}".strip(), analysis, plan)
    if span is None:
        return m.group(0)
    t = _edge(span) if prep in ("after", "until") else span.end_s if done in ENDED else span.start_s
    return _out(part, None if goes else t, t if goes else None, d) or m.group(0)


def _fronted(m: re.Match, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    times = CLOCK_RE.findall(m["fa"])
    if len(times) != 1:
        return m.group(0)
    t, goes = _clock_s(times[0]), m["fv"].lower() in ("be gone", "go away", "go out", "leave", "stop", "drop out", "bow out")
    return _out(m["f"], None if goes else t, t if goes else None, analysis.duration_s) or m.group(0)


def _short(m: re.Match, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    if m["i"]:
        span = _span(f"{m['ip']} {m['ia']}", analysis, plan)
        said = _out(m["i"], span.start_s, None, analysis.duration_s) if span else ""
    else:
        span = _span(m["ja"], analysis, plan)
        said = _out(m["j"], span.start_s, span.end_s, analysis.duration_s) if span else ""
    return (m["lead"] or m["lead2"] or "") + said if said else m.group(0)


def ranges(request: str) -> str:
    """`request` with a range written with a dash or an arrow said with "to" ("0:40 → 0:56": "0:40 to 0:56"), as the
    readers after it read places; an arrow before words heads them, as a colon ("0:08-0:20 → drums out")."""
    return HEAD_ARROW_RE.sub(": ", RANGE_RE.sub(lambda m: f"{m[1]} to ", request))


def outside(request: str, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """`request` with each part kept to a place, or coming in late or going early, said as the part out before and
    after: "the piano out before 0:20.000, and the piano out after 0:40.000"."""
    d = analysis.duration_s

    def spared(m) -> str:
        parts = set(named_parts(m["before"].lower()))
        if len(parts) != 1 or not OUT_WORDS_RE.search(f"{m['before']} {m['ex']}") or LEVEL_WORDS_RE.search(m["before"]) or named_parts(m["at"].lower()):
            return m.group(0)
        lead = re.match(r"\s*", m["before"]).group(0)
        return f"{lead}no {parts.pop()} except {m['at'].strip()}{m['tail'] or ''}"

    def said(m) -> str:
        part = m["part"] or m["part2"] or m["part3"] or m["part4"]
        at = (m["at"] or m["at2"] or m["at3"] or m["at4"]).strip()
        span = _span(m["tail"].strip(" ,"), analysis, plan) if m["tail"] else None   # "no synth bass except the hero
        if span is None:                                                                # shot, 0:32 to 0:44": the time
            if (m["at2"] or m["at4"]) and not re.match(rf"{PREP} ", at, re.I):
                at = f"in {at}"   # "save the drums for the second half": in it
            span = _span(at, analysis, plan)
        said = _out(part, span.start_s, span.end_s, d) if span is not None else ""
        return (m["lead"] or "") + said if said else m.group(0)
    request = FRONT_RE.sub(lambda m: _fronted(m, analysis, plan), SHORT_RE.sub(lambda m: _short(m, analysis, plan), request))
    request = GO_RE.sub(lambda m: _came_went(m, analysis, plan), ENTRY_RE.sub(lambda m: _entered(m, analysis, plan), request))
    request = KEPT_OUT_RE.sub(said, SPARED_RE.sub(spared, request))
    request = SENTENCE_RE.sub(lambda m: _only_sentence(m.group(0), analysis, plan), request)
    return NOT_BEFORE_RE.sub(lambda m: m["said"], request)
