"""Marks on the timeline: hit points ("hit the cut at 0:07", "no accent at the first cut", "a swell into
0:31") and locks ("keep the intro as it is"). Read by `v2m.agent.dialogue.edits` (each parser takes the clause and
its text, records intents and returns the text with what it understood blanked out), applied by
`v2m.agent.dialogue.intents`. A follow-up that keeps only some of the last edit's marks ("only the last two")
is read by `narrow`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import hit_words
from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.mark_picks import EACH_ONE_RE, END_OF_RE, at_end, counted_cuts, ends, of_kind, on_cut
from v2m.agent.dialogue.counted import ORD
from v2m.agent.dialogue.edit_log import NO_CHANGE
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.place_words import TIME, only_place, parse_time
from v2m.agent.dialogue.review_notation import LANDING, LENGTH
from v2m.agent.dialogue.where import Ask, Span, fmt, visible_cuts
from v2m.agent.dialogue.place_finders import _cut, nearest_cut
from v2m.tools.contract import ScorePlan

# Words that can only mean a hit: with a place said in the clause or just before, they mark its start.
MOMENT_RE = re.compile(r"\b(?:crash|crashes|stab|sting|stinger|boom|bang|slam|dead stop|hard stop|full stop|a stop|button)\b"
                       r"|\bhit (?:it|there|that)\b")
# "make the drop land at 0:16": dance music's drop, the moment the full beat crashes in (not "drop the bass")
DROP_RE = re.compile(r"\b(?:the|a|my|our|your|big) drop\b(?! (?:out|off|the|it|them|all|everything)\b)|"
                     r"(?:^ *|(?<=[,;.!] ))drop(?= (?:at|on|@) (?:\d|the cut))")   # "drop at 0:16, make it hit hard"
# "when we hit the pool", "once they hit the water": arriving somewhere, no mark asked for
ARRIVAL_RE = re.compile(r"\b(?:when|once|as soon as|as|until|till|before|after) (?:we|you|they|he|she|i|it) "
                        r"(?:hit|hits|reach|reaches)\b")
# A mark "on" a bare number is on that cut, counted ("the hit on 6"); "at 6" stays a time
ON_NUMBER = r"\bon (\d{1,2})\b(?![\d:.]| ?(?:s\b|secs?\b|seconds|%|percent|bpm|db))"
# A clause naming a moment, a cut or a time ("seconds", not "second": "the second half" names no moment)
POINT = rf"\bcuts?\b|\d:\d|\d ?s\b|\d ?seconds?\b|\bseconds\b|\bat {TIME}"
# "more punch from the 2nd cut on": punch as an amount is energy (`idioms`), a punch is a mark
HIT_WORDS = (rf"\b({hit_words.MARK_NOUNS}|(?<!more )(?<!some )(?<!extra )(?<!less )punch|"
             r"stop on|full stop|a stop|(?:(?<=the )|(?<=that )|(?<=this ))(?:stop|drop-?out)|"
             r"an? (?:big|sudden|abrupt|quick|short|clean|sharp|massive|huge|total|complete|little) stop|"   # "put a big stop at 0:53"
             r"dead stop|hard stop|(?<=no )downbeats?)\b")
# A mark said to be of another kind than the one there: recast ("the stab at 0:24 should be a crash", "turn that hit at
# 0:07 into a stab"), said instead of one (`no`: "no stop there, just a gentle accent", "not a crash, only a soft hit")
# or said light (`light`: "just an accent at 0:20", "a soft hit" where a crash is): the kind said after (`_recast`);
# `INSTEAD_TAIL_RE`: its second half said as a clause of its own ("not a crash at 0:05, only a soft hit"), joined
_LIGHT = hit_words.LIGHT_WORDS
RECAST_RE = re.compile(rf"(?:(?P<no>\b(?:no|not)(?: an?)? (?:{HIT_WORDS}|stops?).*?\b(?:just|only|instead|rather)(?: (?:an?|with an?))?)|"
                       rf"\b(?:the|that|this) {HIT_WORDS}.*?\b(?:a|an)|(?P<light>\b(?:just|only) (?:an?|one)|\b(?:an?|one)(?= (?:{_LIGHT}) )))"
                       rf"(?: (?P<size>{_LIGHT}|big|proper|real|short|sharp|quick|hard))? "
                       r"(?P<kind>accent|hit|crash|stab|sting|stinger|swell|stop|boom|bang|slam|punch)\b")
INSTEAD_TAIL_RE = re.compile(r"\W*(?:but )?(?:just|only|instead|rather)\b")
# A mark beside an edit ("brighter after 0:20 with a stab at 0:25"): both; not after a mark ("hit the cut with a crash")
WITH_MARK_RE = re.compile(rf"\bwith (?=(?:a|an|another|one) (?:\w+ )?{HIT_WORDS}|(?:crash|stab|sting|swell)\b|a stop\b)")
HIT_WORDS_RE = re.compile(HIT_WORDS)
LENGTH_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "half a": 0.5}   # bars or beats, in words
SWELL_MIN_S = 4.0   # a swell grows over the shot before its moment when that shot is at least this long
STOP_OUT_MIN_S = 3.0   # a place the music stops in "with a bang" this long is also left silent after the stop
NEAR_HIT_S = 1.0    # a time said in whole seconds names a hit point up to this far after (or before) it


def placed_after(clauses: list[str]) -> list[str]:
    """Clauses with a mark said first and its time in the clause after it joined ("a little cymbal when the cake
    comes, about 22 seconds": the mark at 0:22, not a question about the cake)."""
    out: list[str] = []
    for x in clauses:
        low = hit_words.plain(f" {x.lower()} ")
        if out and (DIGIT_RE.search(low) and only_place(low) and not DIGIT_RE.search(out[-1]) and
                    MOMENT_RE.search(hit_words.plain(f" {out[-1].lower()} ")) or LANDS_WITH_RE.fullmatch(x.lower()) or
                    EACH_ONE_RE.match(low) and HIT_WORDS_RE.search(hit_words.plain(f" {out[-1].lower()} ")) or
                    INSTEAD_TAIL_RE.match(low) and (m := RECAST_RE.search(hit_words.plain(f" {out[-1].lower()} {low}"))) and m["no"]):
            out[-1] = f"{out[-1].rstrip()} {x.strip()}"   # "..., let the music stop there, with a bang": how it lands
        else:
            out.append(x)
    return out


DIGIT_RE = re.compile(r"\d")
# how the change said before lands, said alone after a comma ("with a bang", "on a big hit"): part of that clause
# (`WITH_MARK_RE` finds a mark inside a clause that asks more; this is a clause that is only how the one before lands)
LANDS_WITH_RE = re.compile(rf"\W*(?:and |but )?(?:with|on|in) (?:a|one) (?:(?:big|huge|loud|real|proper|final) )?{hit_words.MARK_NOUNS}\W*")


# a place said never to change ("never change the shot 2 music", "shot 2 should never be touched"): a lock there, as
# "don't change" (a place said: "never change the key" keeps a setting, not read here)
NEVER_CHANGED_RE = re.compile(r"\bnever (?:be )?(?:change|changes|changed|touch|touched|alter|altered|modify|modified|edit|edited)\b")


def locks(c, t: str) -> str:
    """"keep the intro as it is", "lock the ending", "unlock everything": Section.locked."""
    if re.search(r"\b(unlock|unfreeze|free up)\b", t):
        c.want("unlock")
        return " " * len(t)
    if hit_words.LEFT_ALONE_RE.search(t):
        return t   # "leave the cut to shot 3 alone": no mark there (`hit_words`), not a lock
    m = re.search(r"\b(keep|leave)\b.*\b(as it is|as is|as they are|as it was|as they were|the way it is|the way they are|alone|unchanged|"
                     r"the same|intact|untouched|locked)\b", t) \
        or re.search(r"\b(lock|(?<!\ba )(?<!\bcartoon )(?<!\bthe )(?<!\bthat )freeze(?! frame)|don't touch|do not touch|don't change|do not change|protect)\b", t) \
        or c.span is not None and NEVER_CHANGED_RE.search(t) \
        or c.span is not None and _kept_place(c, t)
    if not m:
        return t
    if c.span is None and not re.search(r"\b(everything|all|whole|it)\b", t):
        raise Ask("Which part should I keep as it is? (e.g. 'keep the intro as it is')")
    c.want("lock")
    return " " * len(t)


# "leave the ending", "but keep the last shot": only a place after the verb, so it is kept as it is
KEEP_PLACE_RE = re.compile(r"^\W*(?:(?:but|and|just|please|then)\s+)*(?:leave|keep)\s+(?P<rest>.+?)\W*$")
SECTION_WORDS = r"intro|opening|ending|outro|end|start|beginning|middle|finale|climax|build|bridge|drop|section"


def _kept_place(c, t: str) -> bool:
    """Whether clause `t` is "leave" or "keep" and its place alone (not "keep the ending quiet", "keep the drums")."""
    m = KEEP_PLACE_RE.match(t)
    named = "|".join(re.escape(s.name.lower()) for s in c.plan.sections if s.name)
    return bool(m) and only_place(compiled(rf"\b(?:{SECTION_WORDS}{'|' + named if named else ''})\b").sub(" ", m.group("rest")))


def lock(e, on: bool) -> None:
    """Lock (or unlock) the addressed sections; unlocking never splits a section."""
    if on:
        idx = e.idx
    else:
        idx = e.span.sections if e.span and e.span.sections is not None else \
            [i for i, s in enumerate(e.plan.sections) if e.span is None or
             (s.start_s < e.span.end_s - 0.05 and s.end_s > e.span.start_s + 0.05)]
    for i in idx:
        e.plan.sections[i] = e.plan.sections[i].model_copy(update={"locked": on})


# the cuts a mark on every cut spares: "except the first", "apart from the last one", "but not the second cut"
EXCEPT_RE = re.compile(rf"\b(?:except(?: for)?|apart from|other than|but not|not on|save|bar) (?:the |on the )?{ORD}(?: (?:one|cut))?\b")


def sync(c, t: str) -> str:
    """"hit the cut at 0:07", "a crash on every cut", "no accent at the first cut": hit points."""
    said = t
    if re.search(r"\bhits? (?:a lot |a bit |a little |much |way |even )?harder\b", t):
        return said   # "the kick should hit harder": that part louder (`orchestration`), no mark
    t = at_end(c.analysis, c.plan, hit_words.plain(t))   # "a splash cymbal on the cut into shot two": "a crash on the 1th cut"
    if (two := re.search(rf"\band (?=(?:put |add |then )?(?:(?:a|an|another|one) (?:\w+ )?{HIT_WORDS}|(?:crash|stab|sting|swell)\b|a stop\b|"
                         r"(?:stop|cut) (?:dead|cold)\b))", t)):   # "hit the cut at 0:40 and stop dead at 1:02" too
        for piece in (t[:two.start()], t[two.end():]):   # "a swell into 0:10 and a crash on the last cut": each its kind
            sync(c, piece)
        return " " * len(said)
    if (beside := WITH_MARK_RE.search(t)) and not HIT_WORDS_RE.search(t, 0, beside.start()) \
            and not hit_words.STOP_RE.search(t, 0, beside.start()):   # "the music should stop, with a crash": how it stops
        n, span = len(c.intents), c.span   # the mark at its own moment, the words before it the other readers' at the
        sync(c, t[beside.end():])   # clause's place (a mark with no moment of its own is there: "kick back in on the
        c.span = span               # next cut with a crash"; "louder in shot 5 with a crash": louder there, not all)
        if len(c.intents) > n:
            return t[:beside.start()] + " " * (len(t) - beside.start())
    t = DROP_RE.sub(lambda d: " " * (len(d.group(0)) - 5) + "crash" if len(d.group(0)) > 4 else "bang", t)
    t = ARRIVAL_RE.sub(lambda d: " " * len(d.group(0)), t)
    at_cut = c.span is not None and c.span.label.startswith("the shot after the cut")   # a cut named, or carried here
    # "the music stops in shot 5" is no moment: no music there; said with how it lands ("in the last shot the music
    # stops, with a bang"), the stop is that moment, at the place's start
    landed = c.span if c.span is not None and hit_words.STOP_RE.search(t) and MOMENT_RE.search(hit_words.STOP_RE.sub(" ", t)) else None
    if re.search(POINT, hit_words.STOP_RE.sub(" ", t)) or at_cut or landed:
        t = hit_words.STOP_RE.sub(lambda d: " " * (len(d.group(0)) - 6) + "a stop", t)
    if (moved := MOVE_RE.search(t)):   # "move the crash to 0:22": off where it is, on where it is said to go
        _move(c, moved)
        return " " * len(t)
    # "stop dead at 0:13" ... "lose the one at 0:13": the mark at a time, taken out, called by its time alone
    gone = re.fullmatch(rf"\s*(?:{hit_words.GONE_VERBS})(?: the(?: one)?)? "
                        rf"((?:at|on) {TIME})\s*", t)
    if gone and any(abs(h.time_s - parse_time(gone.group(2))) <= NEAR_HIT_S for h in c.plan.hit_points):
        t = f" no hit {gone.group(1)} ".ljust(len(t))
    m = re.search(HIT_WORDS, t)
    # "that's the last photo. a crash when it comes up": a shot or cut named, then a word only a hit can mean
    moment = c.span is not None and c.span.sections is None and MOMENT_RE.search(t) and not re.search(r"\bcuts?\b", t)
    if m and c.span is None and (gone := of_kind(c.plan, t, _kind)):   # "remove the sting": that mark, wherever it is
        c.want("no_hit", times=gone)
        return " " * len(said)
    if not m or not (re.search(POINT, t) or moment or re.search(ON_NUMBER, t) or at_cut):
        return said   # ("the third cut is over-scored. no accent there": that cut)
    # the first word that names a kind ("make the hit at 0:07 a stab": a stab); None: keep a hit's kind
    kind = next(filter(None, map(_kind, re.findall(HIT_WORDS, t[m.start():]))), None)
    instead = (recast := RECAST_RE.search(t)) and recast["no"]   # "no stop at 0:03, just a gentle accent": not a removal
    kind = recast and _recast(recast) or kind   # "the stab at 0:24 should be a crash": a crash
    if kind is None and re.search(r"\b(?:hard|harder|heavy|heavier|big|bigger|massive|huge|loud)\b", t):
        kind = "crash"  # "hit the third cut hard": the loudest mark, not the accent already there
    label = kind or "accent"
    negative = (re.search(r"\b(no|don't|do not|without|remove|drop|skip|not|fewer|delete|lose|get rid of|"
                         r"take (?:away|out|back)|nix|kill|ditch|scrap|axe)\b|\b(?:take|pull|get) (?:[\w:.]+ ){1,3}?(?:back )?(?:out|off)\b",
                         t) or c.negative) and not instead   # "take the 0:05 accent back out"
    a = c.analysis
    times: list[float] | None
    listed: list[float] = []   # the cuts said by number or in order
    if re.search(r"\b(every|all(?: the)?|each|the) cuts\b|\bevery cut\b|\beach cut\b", t):
        # a stretch "before" a place ends where that place starts: its cut is not in it ("except the last one")
        end = c.span.end_s + (-0.05 if c.span.label.startswith("before") else 0.05) if c.span else 0.0
        times = [x for x in visible_cuts(a) if c.span is None or c.span.start_s - 0.05 <= x <= end]
        spared = [_cut(a, w) for w in EXCEPT_RE.findall(t)]   # "every cut except the first": not that one
        times = [x for x in times if all(abs(x - y) > 0.05 for y in spared)]
    elif (counted := counted_cuts(a, t)):   # "on each of the first three cuts"
        times = listed = counted
    elif (mc := re.search(rf"\bcut (?:at|around|near) {TIME}", t)):
        times = [nearest_cut(a, parse_time(mc.group(1)))]
    elif (mc := re.search(r"\bcuts? (\d{1,2}(?:(?: ?,| and| &| plus| ?\+)? \d{1,2})+)\b", t)):   # "cuts 4 and 6"
        times = listed = [_cut(a, n) for n in re.findall(r"\d+", mc.group(1))]
    elif (mc := re.findall(rf"\b(?:the )?{ORD} cut\b", t)):
        times = listed = [_cut(a, w) for w in mc]   # "the first cut and the second cut"
    elif (mc := re.search(ON_NUMBER, t)) and 0 < int(mc.group(1)) <= len(visible_cuts(a)):
        times = [_cut(a, mc.group(1))]   # "nix the hit on 6", "stab on 4": marks go on cuts, counted
    elif (said_at := _times_said(t)):
        if max(said_at) > a.duration_s:
            raise Ask(f"The video is only {a.duration_s:.1f} s long; when should the {label} be?")
        # "no accent at 0:01", "make the hit at 0:07 a stab", "not a crash at 0:05, only a soft hit": the mark there
        times = [near_hit(c.plan, tt) if negative or instead or re.search(rf"\bthe {HIT_WORDS} at", t) else on_cut(a, tt) for tt in said_at]
    elif moment and not negative and END_OF_RE.search(t):
        times, c.span = [ends(a, c.span)], None   # "a sting at the end of shot 2": where that shot ends
    elif moment and not negative and c.span.start_s > 0.05:
        times, c.span = [c.span.seen_s or c.span.start_s], None  # "that's the last photo, a crash when it comes up": its start
    elif moment and not negative and c.span.label.startswith(("before", "until", "till", "up to")):
        times, c.span = [c.span.end_s], None    # "stay under till the closet at 0:20, then sting it": where it ends
    elif c.span is not None and re.search(r"\b(?:the|that|this) cut\b", t) and not re.search(r"\bcuts\b", t) and visible_cuts(a):
        times = [min(visible_cuts(a), key=lambda x: abs(x - c.span.start_s))]   # "no downbeat on the cut", "that cut": where it is
    elif at_cut:
        times = [c.span.start_s]
    elif c.span is not None:
        times = None if negative else [x for x in visible_cuts(a) if c.span.start_s - 0.05 <= x <= c.span.end_s]
    else:
        raise Ask(f"Which cut should the {label} mark? (e.g. 'hit the cut at 0:07')")
    if times is not None and c.span is not None and c.span.label.startswith("the shot after the cut"):
        times, c.span = times[:1] if len(set(listed)) < 2 else times, None   # "at the first cut", "on cut two" named the
        # moment itself, not the shot after it ("on cut 1 and cut 3": both)
    if not negative and not times:
        raise Ask("There is no cut in that part. Which moment should I mark?")
    c.want("no_hit" if negative else "hit", value=kind, times=times)
    if landed is not None and kind == "stop" and landed.end_s - landed.start_s >= STOP_OUT_MIN_S:
        span, c.span = c.span, landed   # and no music after it there, when that is longer than the stop's own silence
        c.want("remove", value="music")
        c.span = span
    if kind == "stop" and not negative and (after := re.search(rf"\bfor ({LENGTH}) until a ({LANDING})\b", t)):
        # "silence 1 bar then slam": the stop, then the slam when its length is up
        n, unit = after.group(1).rsplit(" ", 1)
        beat_s = 60.0 / c.plan.tempo_bpm * (int(c.plan.meter[0]) if unit.startswith("bar") else 1)
        at = times[0] + (float(n) if n.isdigit() else LENGTH_COUNTS[n]) * beat_s
        if at < a.duration_s - 0.05:
            c.want("hit", value="crash" if after.group(2) in ("slam", "bang", "boom", "crash") else None, times=[round(at, 3)])
    if kind == "swell" and not negative and len(times) == 1 and re.search(r"\bswell\w* (?:\w+ )?(?:into|up to|to)\b", t):
        # "swell into 1:10": the music grows over the shot that leads there, then lands on it
        before = [b for b in [0.0, *visible_cuts(a)] if b < times[0] - 0.05]
        if before and times[0] - before[-1] >= SWELL_MIN_S:
            span, c.span = c.span, Span(before[-1], times[0], f"the shot before {times[0]:g} s", snap=False)
            c.want("shape", shape=[0.3, 1.0], direction="up")
            c.span = span
    return " " * len(t)


# A moment said by its time: "at 0:07", "at about 0:18", "right on 0:22", "into 0:16", "the 0:07 hit"; a time said
# bare beside a mark ("when the plate smashes, 0:12, a crash"); several ("stab at 0:09 and at 0:18")
HEDGE = r"(?: (?:about|roughly|around|approximately|approx|exactly|precisely|right|just|maybe|say))?"
AT_TIME = rf"\b(?:at|on|around|into|by|before|towards?|up to){HEDGE} {TIME}"


def _times_said(t: str) -> list[float]:
    """The moments a clause names by their times, in order, once each; [] when it names none."""
    found = [m.group(1) for m in re.finditer(AT_TIME, t)]
    if found:
        found += [m.group(1) for m in re.finditer(rf"\b(?:and|&|plus|then)(?: again)?(?: (?:at|on|into))?{HEDGE} {TIME}", t)]
    elif (m := re.search(rf"\bthe {TIME} (?=(?:hit|accent|crash|stab|sting|stop|button|mark|swell)s?\b)", t)):
        found = [m.group(1)]
    else:
        found = [m.group(1) for m in re.finditer(r"(?<![\d:.])(\d{1,2}:\d{2}(?:\.\d+)?)(?![\d:])(?! ?(?:-|to|till|until|and) ?\d)", t)
                 if not re.search(r"\b(?:after|from|before|until|till|since|past|between|through|thru|to|in)\W*$|-\s*$",
                                  t[:m.start()])]   # "no accents after 0:20": a stretch, not a moment
    return list(dict.fromkeys(parse_time(x) for x in found))


# A mark moved ("move the crash to 0:22", "shift that stab from 0:10 to 0:12", "can the hit at 0:06 go to 0:07")
MOVE_RE = re.compile(rf"\b(?:move|shift|slide|nudge|push|pull|put|bring|can|could) (?:the|that|this|my|our) {HIT_WORDS}"
                     rf"(?: (?:at|on|from) {TIME})? (?:(?:go|be|move) )?(?:to|onto|over to|forward to|back to) {TIME}")


def _move(c, m: re.Match) -> None:
    """The mark `m` names taken off and put at the time it is moved to, its kind kept. Which mark: the one at the
    time said, else the only one of that kind the user added, else the only one of that kind."""
    kind, plan = _kind(m.group(1)), c.plan
    if m.group(2):
        at = [near_hit(plan, parse_time(m.group(2)))]
    else:
        same = [h for h in plan.hit_points if kind is None or h.kind == kind]
        mine = [h for h in same if h.source == "user"]
        at = [h.time_s for h in (mine if len(mine) == 1 else same)]
        if len(at) != 1:
            said = ", ".join(fmt(x) for x in at) or "none"
            raise Ask(f"Which {kind or 'mark'} should move to {m.group(3)}? There are marks at {said}.")
    there = next((h for h in plan.hit_points if abs(h.time_s - at[0]) < 0.05), None)
    if there is None:
        raise Ask(f"There is no mark at {fmt(at[0])} to move. Which one did you mean?")
    to = parse_time(m.group(3))
    if to > c.analysis.duration_s:
        raise Ask(f"The video is only {c.analysis.duration_s:.1f} s long; where should the {there.kind} go?")
    c.want("no_hit", times=at)
    c.want("hit", value=there.kind, times=[to])


def _kind(word: str) -> str | None:
    """The kind of mark a word names: a button is a stop (the cue's last chord); "hit", "accent": None."""
    word = word.removesuffix("s")   # "the stings", "two swells": the kind of each
    return ("crash" if word.startswith("crash") or word in ("boom", "bang", "slam") else "stab"
            if word in ("stab", "stabs", "sting", "stings", "punch", "stinger", "stingers") else "swell" if word == "swell" else "stop"
            if "stop" in word or word in ("button", "dropout", "drop-out") else None)


def _recast(m: re.Match) -> str | None:
    """The kind `RECAST_RE` says a mark becomes: the one named, the accent for "accent" or "hit" said instead of
    another or said light ("just an accent", "a soft hit": lighter than a crash there); None: the mark keeps its kind."""
    return _kind(m["kind"]) or ("accent" if m["no"] or m["light"] or m["size"] in _LIGHT.split("|") else None)


def near_hit(plan, t: float) -> float:
    """The mark said by a time in whole seconds ("no accent at 0:01" for the one on the cut at 0:01.2): the hit
    point within NEAR_HIT_S of `t`, else `t`."""
    near = [h.time_s for h in plan.hit_points if abs(h.time_s - t) <= NEAR_HIT_S]
    return t if not near or any(abs(x - t) < 0.05 for x in near) else min(near, key=lambda x: abs(x - t))


def add_hits(e, times: list[float], kind: str | None) -> None:
    a = e.analysis
    times = [on_cut(a, x) for x in times]   # "stop at 1:12" for the cut at 1:12.4 (`mark_picks.on_cut`)
    source = "cut" if all(any(abs(x - b) < 0.05 for b in a.boundaries_s) for x in times) else "user"
    for x in times:
        ops.add_hit(e.plan, x, kind, source)


def already(plan: ScorePlan, intents: list, changed: bool = False) -> str | None:
    """The marks a turn asked for that are there already, as strong as asked ("Nothing changed: 0:13 already has a
    strong crash."; `changed`: beside the others it made, "0:05.5 already has a strong crash."), or None."""
    there = [h for it in intents if it.what == "hit" for t in it.scope.times_s
             if ops.add_hit(plan.model_copy(deep=True), t, it.value, "user").startswith("already")
             for h in plan.hit_points if abs(h.time_s - t) < 0.05]
    said = dict.fromkeys(f"{fmt(h.time_s)} already has a strong {h.kind}" for h in there)
    said.update(dict.fromkeys(f"there is no mark at {fmt(t)} to take out" for it in intents if it.what == "no_hit"
                              for t in it.scope.times_s if not any(abs(h.time_s - t) < 0.05 for h in plan.hit_points)))
    note = "; ".join(said) + "."
    return None if not said else note[0].upper() + note[1:] if changed else f"{NO_CHANGE}: {note}"


def drop_hits(e, times: list[float] | None) -> None:
    ops.drop_hits(e.plan, times, e.span)
