"""The mark placed last, named by reference, said with its time as the readers of marks know it (session 29's blind
marks wordings, `tests/wordings29h`):

- moved: "slide that stab a second later", "move it one cut later", "push the crash to the next cut", "that accent
  should be at 0:38 instead", "sorry, I mean cut 6, not cut 5" -> "move the stab at 0:30.000 to 0:31.000";
- removed: "scrap that hit", "lose the crash" (no time said) -> "no crash at 0:44.000";
- another: "keep that and add another at 0:42", "and another one at 0:52 please", "also a crash two cuts after
  that" -> "a stab at 0:42.000".

Before, each was asked about ("which crash should move?", "I don't know an instrument called 'another'") or read as
something else (an undo, a tempo). The mark placed last: the latest earlier request (changed music or not: "a crash
at 0:44" where the style had one) that the rules grammar reads as marks at times; its kind is the word said now, else
the kind asked then. A place is turned into a time by the grammar too ("a hit on cut 6" -> 0:24), so a cut, a shot or
a clock time is read the one way marks read them. Said the same way, for the readers of marks: cuts listed ("stings
on cuts 3, 6 and 9" -> "the 3rd, 6th and 9th cuts"), shorthand ("last cut = stop"), "take out the ones at ...", a
point in a shot ("the middle of shot 4" -> its time), and a bare "big crash" beside the one time told in a clause of
its own ("the explosion at 0:50: ... Big crash.") when the grammar then reads that mark and nothing else.

    said(request, analysis, plan, history, read)   # read: the rules grammar, request -> intents
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import edit_log
from v2m.agent.dialogue.counted import MARK_NOUNS, spoken_number
from v2m.agent.dialogue.patterns import LazyPattern
from v2m.agent.dialogue.where import Ask, fmt, visible_cuts, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis

MARK = rf"(?:{MARK_NOUNS}|(?:big )?chords?|stops?|smash(?:es)?)"
PLACE = (r"(?:the (?:cut|shot) at \d{1,2}:\d{2}|(?:the )?(?:\d+|[a-z]+)(?:st|nd|rd|th)? (?:cut|shot)|(?:cut|shot) \d+|\d{1,2}:\d{2}(?:\.\d+)?|"
         r"(?:the )?\d+(?:\.\d+)?(?: ?(?:s|secs?|seconds?))?(?: mark)?\b)")   # "another on the 27": a second, as said before it
STEP = (r"(?P<n>a|an|one|two|three|four|half a|\d+(?:\.\d+)?) (?P<unit>cuts?|shots?|seconds?|secs?|s|beats?) "
        r"(?P<way>later|earlier|back|forward|sooner|after|before)")
REF = r"(?:that|the|this|it|my|our)"
# moved by a step or to a place: "slide that stab a second later", "move it one cut later", "move it to the 7th cut"
MOVE_RE = LazyPattern(rf"\b(?:(?:move|shift|slide|nudge|push|bump)\s+{REF}|(?:pull|put|bring|take|land)\s+(?:that|it|this))(?:\s+(?P<k>{MARK}))?\s+"
                      rf"(?:{STEP}|(?:to|onto|on) (?P<nx>the (?:next|following|previous|nearest|closest) (?:cut|shot))|(?:to|onto|on|at) (?P<to>{PLACE})(?![\d.:])(?!\s+(?:to|onto)\b))"
                      rf"|\b(?:i )?meant? (?P<nx2>the (?:cut|shot) (?:after|before)) (?:that|it|this)\b", re.I)
# said where it should have been: "that accent should be at 0:38 instead", "sorry, I mean cut 6, not cut 5"
INSTEAD_RE = LazyPattern(rf"\b(?:(?:can|could|should|would) )?(?:that|the|this) (?P<k>{MARK}) (?:(?:should|needs to|has to|must|could|can|was meant to) )?"
                         rf"(?:be|go|land|sit|come) (?:at|on) (?P<to>{PLACE})(?: instead)?"
                         rf"|\b(?:make|put|have) (?:that|the|this) (?P<k2>{MARK}) (?:at|on) (?P<to3>{PLACE}) instead"
                         rf"|\b(?:i|we) (?:mean|meant) (?:at |on )?(?P<to2>{PLACE}),? not (?:at |on )?{PLACE}", re.I)
# removed, no place said: "scrap that hit", "lose the crash", "get rid of it"
GONE_RE = LazyPattern(rf"\b(?:scrap|lose|remove|kill|delete|drop|ditch|bin|nix|get rid of|take out|take away|undo)\s+(?:that|the|this)"
                      rf"\s+(?P<k>{MARK})\b(?!\s*(?:at|on|in|from|of)\b)", re.I)
# another: "keep that and add another at 0:42", "and another one at 0:52", "also a crash two cuts after that"
ANOTHER_RE = LazyPattern(rf"\b(?:keep (?:that|it)(?: one)?,? and )?(?:add |put |drop in )?another(?: one)?(?: (?P<k>{MARK}))?"
                         rf" (?:on the (?:next )?cut (?:right |just )?(?P<way>after)(?: (?:that|it|this))?|(?P<at>(?:at|on) {PLACE}))", re.I)
AFTER_RE = LazyPattern(rf"\b(?:a|an|another|one more) (?P<k>{MARK}) {STEP} (?:that|it|this|the last one|the first one)\b", re.I)
GATE_RE = LazyPattern(r"\b(?:that|it|this|another|instead|mean|meant|not|ones)\b|\b(?:cuts|shots) \d+,|[=→]|\d", re.I)
# a mark put right: "sting on cut 12?? not 11" (the one on cut 11 moved to cut 12)
NOT_THERE_RE = LazyPattern(rf"\b(?P<k>{MARK}) (?:on|at) (?P<to>{PLACE})[\s,.!?]*\bnot (?:on |at )?(?P<from>{PLACE})\b", re.I)
# a point in a shot: "in the begin of shot 6", "in the middle of shot 4" (its start, middle or end)
SHOT_POINT_RE = LazyPattern(r"\b(?:in|at|on) the (?P<w>begin(?:ning)?|start|middle|midpoint|end) of shot (?P<n>\d+)\b", re.I)
# several cuts in one breath: "crashes on cuts 2, 5 and 9" (each a cut)
CUT_LIST_RE = LazyPattern(r"\b(?P<w>cuts|shots) (?P<ns>\d+(?:\s*,\s*\d+)*(?:,?\s*(?:and|&)\s*\d+))\b", re.I)
# shorthand: "last cut = stop", "0:20 -> crash"
SHORT_RE = LazyPattern(rf"^\W*(?P<p>(?:the )?(?:first|last) (?:cut|shot)|{PLACE})\s*(?:=|->|→|:)\s*(?:a |an )?(?P<k>{MARK})\W*$", re.I)
# the marks said as "the ones" with a removal: "take out the ones at 0:44 and 0:52"
ONES_RE = LazyPattern(r"\b(?P<v>take out|remove|lose|drop|kill|delete|scrap|get rid of) the ones\b", re.I)
# a moment told with its time in a clause of its own, the mark asked without one ("the explosion at 0:50: ... Big
# crash.", "Right when the title card comes up (0:09), big chord"): at that time
ONE_TIME_RE = LazyPattern(r"(?<![\d:.])(\d{1,2}:\d{2})(?!\d|:\d)")
EDGE_BEFORE_RE = LazyPattern(r"\b(?:till|until|til|from|after|before|to|between|since|through|thru|by)\W*$", re.I)   # a stretch's edge
BARE_MARK_RE = LazyPattern(rf"\b(?:(?:big|huge|loud|hard|strong|some|a|an)\s+)*(?!swell)(?:{MARK})(?:\s+(?:hard|in the music))?\b(?![^,.;:!?]*\d)", re.I)
NOT_WANTED_RE = LazyPattern(r"\b(?:too many|no|fewer|less|without|not)\s+(?:\w+\s+)?$", re.I)
CUT_UNITS = ("cut", "cuts", "shot", "shots")


def said(request: str, analysis: VideoAnalysis, plan: ScorePlan, history: list[ScorePlan] | None,
         read: Callable[[str], list]) -> str:
    """`request` with the last mark named by reference said with its time, and the other forms above said as the
    readers of marks know them; a reference stays as said when no earlier request placed a mark."""
    if not GATE_RE.search(request):
        return request
    last = None

    def mark(named: bool = True) -> tuple[float, str]:
        """The last mark; an "it" or "that" with no mark word names only one the last request placed."""
        nonlocal last
        if last is None:
            last = _last_mark(history, read)
        if last is None or not named and last[2]:
            raise LookupError
        return last[:2]

    def kind(m: re.Match) -> str:
        k = (m.groupdict().get("k") or m.groupdict().get("k2") or "").lower().removesuffix("s").removesuffix("e")
        if k.endswith(("chord", "sting", "stinger")) or k == "smash":
            return "stab" if k != "smash" else "crash"   # as the readers of marks name them
        try:
            return k or mark()[1]
        except LookupError:   # "a hit at 0:11 and another at 0:27": the first said in this request
            return "hit"

    def moved(m: re.Match) -> str:
        g = m.groupdict()
        t0 = mark(bool(g.get("k") or g.get("k2")))[0]
        if g.get("n"):
            t1 = _stepped(t0, m, analysis, plan)
        elif g.get("nx") and re.search(r"nearest|closest", g["nx"]):
            t1 = min(visible_cuts(analysis) or [t0], key=lambda c: abs(c - t0))
        elif g.get("nx") or g.get("nx2"):
            back = re.search(r"previous|before", g.get("nx") or g["nx2"])
            t1 = _stepped(t0, re.match(STEP, f"one cut {'earlier' if back else 'later'}"), analysis, plan)
        else:
            t1 = _at(g.get("to") or g.get("to2") or g["to3"], read)
        return m.group(0) if t1 is None else f"move the {kind(m)} at {fmt(t0, 3)} to {fmt(t1, 3)}"

    def put_right(m: re.Match) -> str:   # "sting on cut 12?? not 11": a bare number counts what the first place counts
        unit = re.match(r"(?:the )?(cut|shot) ", m["to"])
        t0 = _at(f"{unit[1]} {m['from']}" if unit and m["from"].isdigit() else m["from"], read)
        t1 = _at(m["to"], read)
        return m.group(0) if None in (t0, t1) else f"move the {kind(m)} at {fmt(t0, 3)} to {fmt(t1, 3)}"

    def another(m: re.Match) -> str:
        g = m.groupdict()
        t1 = _at(g["at"].split(" ", 1)[1], read) if g.get("at") else _stepped(mark()[0], m, analysis, plan) if g.get("n") \
            else _stepped(mark()[0], re.match(STEP, "one cut later"), analysis, plan)
        return m.group(0) if t1 is None else f"a {kind(m)} at {fmt(t1, 3)}"

    def gone(m: re.Match) -> str:   # "scrap that hit": the last mark; "remove that stinger" after a stop: the sting,
        k, (t0, was) = kind(m), mark()   # which the readers of marks find by its kind
        return f"no {k} at {fmt(t0, 3)}" if k in ("hit", "mark") or k == was else m.group(0)

    def point(m: re.Match) -> str:
        shots, n = visible_shots(analysis), int(m["n"])
        if not 1 <= n <= len(shots):
            return m.group(0)
        a, b = shots[n - 1]
        return f"at {fmt({'mid': (a + b) / 2, 'end': b}.get(m['w'].lower()[:3], a), 3)}"

    marked = BARE_MARK_RE.search(request) or re.search(MARK, request, re.I)
    request = SHOT_POINT_RE.sub(point, request) if marked else request
    out = CUT_LIST_RE.sub(_listed, request) if marked else request
    out = SHORT_RE.sub(lambda m: f"a {m['k']} on {m['p']}", ONES_RE.sub(lambda m: f"{m['v']} the hits", out))
    plain = out
    try:
        out = MOVE_RE.sub(moved, out)
        out = INSTEAD_RE.sub(moved, out)
        out = GONE_RE.sub(gone, out)
        out = AFTER_RE.sub(another, ANOTHER_RE.sub(another, out))
    except LookupError:   # no mark placed before: the references as said
        out = plain
    return _told_time(NOT_THERE_RE.sub(put_right, out), read)


def _listed(m: re.Match) -> str:
    """ "cuts 3, 6 and 9" as "the 3rd, 6th and 9th cuts", the way the readers of marks count several."""
    ords = [f"{n}{'th' if 10 <= int(n) % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(int(n) % 10, 'th')}"
            for n in re.findall(r"\d+", m["ns"])]
    return f"the {', '.join(ords[:-1])} and {ords[-1]} {m['w'].lower()}"


def _told_time(request: str, read: Callable[[str], list]) -> str:
    """A mark asked with no place beside one time told elsewhere in the request: at that time."""
    times, bare = list(ONE_TIME_RE.finditer(request)), BARE_MARK_RE.search(request)
    if len(times) != 1 or bare is None or EDGE_BEFORE_RE.search(request[:times[0].start()]) or \
            bare.group(0).lower().endswith("s") or NOT_WANTED_RE.search(request[:bare.start()]) or \
            not re.search(r"[,;:.!?()]", request[min(bare.end(), times[0].end()):max(bare.start(), times[0].start())]):
        return request   # "keep it low till 0:57, then swell": a stretch told; "too many hits, ...": none wanted; the
        # time in the mark's own clause ("stop at 0:33 for the news sting"): the grammar's to read
    try:
        if any(it.what in ("hit", "no_hit") for it in read(request)):
            return request   # the grammar places it already
    except Ask:
        pass
    told = f"{request[:bare.end()]} at {times[0][1]}{request[bare.end():]}"
    try:   # kept only where the grammar then reads that mark and nothing else
        read_as = read(told)
    except Ask:
        return request
    return told if read_as and all(it.what == "hit" for it in read_as) else request


def _last_mark(history: list[ScorePlan], read: Callable[[str], list]) -> tuple[float, str, bool] | None:
    """(time, kind, whether a later request came after it) of the last mark an earlier request placed, or None."""
    for k, req in enumerate(reversed(edit_log.requests(history) if history else [])):
        try:
            hits = [it for it in read(req) if it.what == "hit" and it.scope.times_s]
        except Ask:
            continue
        if hits:
            return hits[-1].scope.times_s[-1], hits[-1].value or "hit", k > 0
    return None


def _at(place: str, read: Callable[[str], list]) -> float | None:
    """The time of a place said for a mark ("cut 6", "the 7th cut", "0:38"), as the grammar reads "a hit on it"; a
    bare number is seconds ("another on the 27")."""
    if bare := re.fullmatch(r"(?:the )?(\d+(?:\.\d+)?)(?: ?(?:s|secs?|seconds?))?(?: mark)?", place.strip(), re.I):
        return float(bare[1])
    try:
        times = [t for it in read(f"a hit on {place}") if it.what == "hit" for t in it.scope.times_s]
    except Ask:
        return None
    return times[0] if len(times) == 1 else None


def _stepped(t0: float, m: re.Match, analysis: VideoAnalysis, plan: ScorePlan) -> float | None:
    """`t0` moved by the step `m` says: cuts counted on the visible cuts, seconds or beats added."""
    n = {"a": 1, "an": 1, "half a": 0.5}.get(m["n"].lower()) or spoken_number(m["n"].lower()) or float(m["n"])
    later = m["way"].lower() in ("later", "forward", "after")
    if m["unit"].lower() in CUT_UNITS:
        cuts = [c for c in visible_cuts(analysis) if (c > t0 + 0.05 if later else c < t0 - 0.05)]
        k = int(n) - 1
        if not cuts or not 0 <= k < len(cuts):   # ("half a cut later": no cut to count)
            return None
        return cuts[k] if later else cuts[-1 - k]
    step = n * 60.0 / plan.tempo_bpm if m["unit"].lower().startswith("beat") else n
    t1 = t0 + step if later else t0 - step
    return t1 if 0 <= t1 <= analysis.duration_s else None
