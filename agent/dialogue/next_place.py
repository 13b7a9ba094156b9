"""The place a request names by where the last edit was: "the next cut", "the next shot", "from 0:10 to the next
cut", and "there" right after a mark ("huge hit at 0:14", then "a stop there"; "no hit" alone: no hit there), as times
the place finders read.

    text = after_last("same on the next cut", analysis, last_span)   # "same on the cut at 9.68"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.hit_words import MARK_NOUNS
from v2m.agent.dialogue.place_words import CLOCK, OWN_PLACE_RE, SECONDS, parse_time
from v2m.agent.dialogue.where import Span, fmt, visible_cuts, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis

# A request about a mark ("a stop there", "more punch there"): `hit_words.MARK_NOUNS`, and here any "stop" or "punch"
# and the words of a mark landing (crashing, swelling, the drop, where it lands), since this only asks whether "there"
# is the last mark's moment, not whether a mark is asked (`marks.HIT_WORDS`)
HIT_WORDS_RE = re.compile(rf"\b(?:{MARK_NOUNS}|crash\w*|swell\w*|punch|stops?|drops?|lands?)\b")

# "from 0:10 to the next cut": the first cut after the moment said (whatever the last edit was)
NEXT_CUT_RE = re.compile(rf"\b((?:from|after|since|starting at) ({CLOCK}|{SECONDS}) (?:to|until|till|up to|through) )"
                         r"the (?:next|following) cut\b")
NEXT_CUT_SAID_RE = re.compile(r"\bthe next cut\b")
# "the next shot", "the shot after it", "the shot after the hit": the shot after where the last edit was
# (or said with no object at a clause's end: "that's the shot straight after", "the one directly afterwards")
CLOSE_BY = r"(?:right |just |straight |immediately |directly )?"
NEXT_SHOT_RE = re.compile(rf"\bthe (?:next|following) shot\b|\bthe (?:shot|one) {CLOSE_BY}(?:after|following) (?:it|that|this|"
                          rf"the (?:{MARK_NOUNS}|stop))\b|\bthe (?:shot|one) {CLOSE_BY}after(?:wards?)?"
                          r"(?=\s*(?:$|[,.;:!?)]|-|please\b|pls\b|too\b|as well\b|have\b|get\b))")
# "the shot before that", "the previous shot": the shot that ends where the last edit began
PREV_SHOT_RE = re.compile(r"\bthe (?:previous|preceding|prior) shot\b|\bthe shot (?:right |just )?(?:before|preceding) (?:it|that|this)\b")
THERE_RE = re.compile(r"\b(?:right |just )?(?:there|here|then)\b")
# a mark refused with no place, right after one was asked ("hit @ 48" then "nvm no hit", "ok no crash then"): that
# moment's mark taken out, as "no hit there" is (alone, "no hit" reads as no beat)
# (one mark, said singular: "no more crashes" is every crash, the general word)
BARE_NO_MARK_RE = re.compile(rf"^\W*(?:(?:ok|okay|hmm|nah|actually|so|then|and|but)\W+)*no (?:more )?(?:{MARK_NOUNS})(?<!s)"
                             r"(?=(?:\W+(?:please|pls|then|after all|thanks|thx|ty))*\W*$)")
# "after that", "from there on", right after a mark: after the mark's time
AFTER_MARK_RE = re.compile(r"\b(?:after (?:that|it|this)|from (?:there|then|that point|that moment)(?: on(?:wards?)?)?)(?=\s*(?:$|[,.;!?]))")
# a place of its own beside "after that" (`OWN_PLACE_RE` without "from"/"after", the words "after that" is said with)
NAMED_PLACE_RE = re.compile(r"\b(?:shots?|cuts?|intro|outro|ending|beginning|opening|\d+:\d\d|\d+(?:\.\d+)? ?s(?:ecs?|econds?)?)\b", re.I)

# "where you put the crash", "right where we added the stab", "where the hit lands": the moment of a mark the person
# asked for, pointed back to (`put_at`)
WHERE_PUT_RE = re.compile(rf"\b(?:right |just )?where (?:(?:you|u|we|i) (?:put|added|placed|dropped|stuck|asked for|gave it) (?:in )?"
                          rf"(?:the|that|a|an|my|our|your) |the )(?:(?:big|little|small|huge|first|new) )?(?P<mark>{MARK_NOUNS})"
                          r"(?: (?:is|was|lands|landed|hits|hit|goes|went|comes|came))?\b")
MARK_KINDS = ("accent", "crash", "stab", "swell", "stop")   # a mark's word that says its kind; any other ("hit") is any kind


def put_at(text: str, plan: ScorePlan, last_span: Span | None) -> str:
    """`text` with "where you put the crash" said as that mark's time ("at 0:16"): the last edit's moment when it was a
    mark of that kind, else the one mark of that kind a person asked for; as it is when there is none or several."""
    if not (m := WHERE_PUT_RE.search(text)):
        return text
    kind = next((k for k in MARK_KINDS if m["mark"].startswith(k)), None)
    fits = [h for h in plan.hit_points if kind is None or h.kind == kind]
    near = [h.time_s for h in fits if last_span is not None and last_span.end_s - last_span.start_s < 0.05
            and abs(h.time_s - last_span.start_s) < 0.05]
    asked = [h.time_s for h in fits if h.source == "user"]
    t = near[0] if near else asked[0] if len(asked) == 1 else None
    return text if t is None else f"{text[:m.start()]}at {fmt(t, 2)}{text[m.end():]}"


def after_last(text: str, analysis: VideoAnalysis, last_span: Span | None, request: str = "") -> str:
    """"the next cut", "the next shot": the first after where the last edit was, as a time or shot number (after
    a mark, a moment, only the next cut: "stop dead at 0:13" ... "same on the next cut"); after a moment said
    ("from 0:10 to the next cut"), the first after it."""
    text = NEXT_CUT_RE.sub(lambda m: m[1] + fmt(next((c for c in visible_cuts(analysis) if c > parse_time(m[2]) + 0.1),
                                                     analysis.duration_s), 2), text)
    if last_span is not None and last_span.end_s - last_span.start_s < 0.05:
        text = BARE_NO_MARK_RE.sub(lambda m: f"{m[0]} at {fmt(last_span.start_s, 2)}", text)
    if last_span is not None and last_span.end_s - last_span.start_s < 0.05 and HIT_WORDS_RE.search(text) \
            and not OWN_PLACE_RE.search(_before_there(request or text)):   # "and the last shot, let it stop there": that shot's
        text = THERE_RE.sub(f"at {fmt(last_span.start_s, 2)}", text)   # "huge hit at 0:14", then "a stop there": at 0:14
    if last_span is not None and last_span.end_s - last_span.start_s < 0.05 and not NAMED_PLACE_RE.search(text):
        text = AFTER_MARK_RE.sub(f"after {last_span.start_s:.2f}", text)   # "stop at 1:12", then "bigger after that"
    if last_span is not None and last_span.start_s > 0.05 and PREV_SHOT_RE.search(text) and \
            (k := max((k for k, (a, b) in enumerate(visible_shots(analysis)) if b <= last_span.start_s + 0.05), default=None)) is not None:
        text = PREV_SHOT_RE.sub(f"shot {k + 1}", text)   # the last shot ending by where the last edit began (a crash at 0:14: 0:08-0:12)
    if last_span is None or not (NEXT_CUT_SAID_RE.search(text) or NEXT_SHOT_RE.search(text)):
        return text
    cut = next((c for c in visible_cuts(analysis) if c > last_span.start_s + 0.05), None)
    # after a stretch, the shot after it; after a mark, the shot that starts there (a hit on a cut) or after it
    shot = next((k for k, (a, b) in enumerate(visible_shots(analysis)) if a >= last_span.end_s - 0.05), None)
    if cut is not None:
        text = NEXT_CUT_SAID_RE.sub(f"the cut at {cut:.2f}", text)
    if shot is not None:
        text = NEXT_SHOT_RE.sub(f"shot {shot + 1}", text)
    return text


def _before_there(request: str) -> str:
    """The words before a request's "there" (the place it may point back to; "put a stop there and make shot 6
    slower" names shot 6 after it, for the other edit)."""
    m = THERE_RE.search(request.lower())
    return request[:m.start()] if m else request
