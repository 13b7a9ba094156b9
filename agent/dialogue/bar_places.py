"""Places said in bars and beats, as musicians say them, read into the clock times the place finders know
(`v2m.agent.dialogue.place_words`): "bar 9", "from bar 9", "bars 9-12", "between bar 9 and bar 12", "measures 5 through
8", "the 13th bar", "the 2nd from last bar", "from bar 3 to the last bar", "from bar 9 ... for 4 bars", "for four bars
starting at bar 9", "from 0:16 ... for 4 bars", "the first 8 bars", "the last 16 bars", "the last two bars", "the 4 bars
after bar 8", "the two bars leading into bar 9", "after 8 bars", "8 bars in"; moments: "on the downbeat of bar 5", "at
the top of bar 14", "beat 3 of bar 5", "the end of bar 8".

    timed("from bar 9 drop the drums out for 4 bars", plan)   # "from 0:16 to 0:24 drop the drums out" (120 BPM, 4/4)
    timed("last 16 bars, build it to the end", plan)         # "the last 32 seconds, build it to the end"

The bars are the score's own, as it plays: `TempoMap.played_bars` (tools/music/tempo_map.py, the one place that lays
bars in seconds), counted from the music's start over each section's tempo and the meter, a bar line on every section
boundary; so a section at another tempo has bars of another length, and "bar 18" after one is where it plays. A bar past
the music's end raises `Ask` naming how many bars there are. Words where "bar" is no place are left as said: "all cuts
bar the third" (except, `marks.EXCEPT_RE`), "4 beats a bar" (a meter, `tempos`), "a 4 bar intro", "silence 1 bar then
slam" (a length, `review_notation`). Read by `v2m.agent.dialogue.understanding.apply_edit` before any other reader.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import (FROM_LAST_SAID, FROM_LAST_SAID_RE, NUMBER_WORD, ORD_FROM_START, ORD_SAID, index_of,
                                        said_number)
from v2m.agent.dialogue.place_words import TIME, parse_time
from v2m.agent.dialogue.where import Ask, fmt
from v2m.tools.contract import ScorePlan
from v2m.tools.music.tempo_map import Bar, TempoMap, build_tempo_map
from v2m.tools.style import load_style

BAR, BARS = r"(?:bar|measure)", r"(?:bars|measures)"
COUNT = rf"\d{{1,3}}|{NUMBER_WORD}|(?:a )?couple(?: of)?"
N = f"({COUNT})"   # a count or a bar's number, in digits or words
COUNT_WORDS = {"couple": 2, "a couple": 2, "couple of": 2, "a couple of": 2}
ANY_RE = re.compile(rf"\b{BAR}s?\b", re.I)   # nothing to read without the word
# A start and a length after it, in one clause: "from bar 9 drop the drums out for 4 bars", "from 0:16 ... for 4 bars"
START = r"(?:(?:from|starting (?:at|from|on|with)|beginning (?:at|on|with)|at|on|in) )?(?:the )?(?:(?:top|start|beginning|downbeat) of )?"
START_FOR_RE = re.compile(rf"\b{START}{BAR} {N}\b(?P<mid>[^,;.!?]*?) for (?:the next )?{N} {BARS}\b", re.I)
TIME_FOR_RE = re.compile(rf"\b(?:from|starting (?:at|from)) (?P<t>{TIME})(?P<mid>[^,;.!?]*?) for (?:the next )?(?P<n>{COUNT}) {BARS}\b", re.I)
# ... or the length first: "for four bars starting at bar 9"
FOR_FROM_RE = re.compile(rf"\bfor (?:the )?{N} {BARS},? (?:from|starting (?:at|from|on|with)|beginning (?:at|on|with)) {BAR} {N}\b", re.I)
# ... or counted from a bar: "the 4 bars after bar 8" (bars 9-12), "the two bars leading into bar 9" (bars 7-8)
SIDE_RE = re.compile(rf"\b(?:(?:in|for|over|during|across|throughout) )?(?:the )?{N} {BARS} "
                     rf"(after|following|before|leading (?:up )?(?:in)?to|going into|into) {BAR} {N}\b", re.I)
# A stretch of bars: "bars 9-12", "bar 9 to bar 12", "between bars 9 and 12", "through measures 25 to 32"
PREP = r"from|between|in|during|over|across|through|throughout|on|for|of"
SEP = r"-|–|to|through|thru|and|till|until|up to"
RANGE_RE = re.compile(rf"\b(?:({PREP}) )?(?:the )?{BAR}s? {N} ?({SEP}) ?(?:{BAR} )?{N}\b", re.I)
# The first or last bars: "the last 16 bars", "last two bars", "the final bar" (not "the last 4 bars of the intro")
# ("the last bar scene", "the second bar shot": a bar the place, a pub or a counter, seen in the video, no count of music)
VENUE = r"(?! (?:scenes?|shots?|sequences?|footage|clips?|bits?|parts?|fight|counter|staff|crowd|area|room)\b)"
# A bar counted from the end ("the 2nd from last bar", "the second-to-last bar", "the 3rd bar from the end") or by an
# ordinal ("the 13th bar", "the penultimate bar"): the bar it is on the grid, said as its number ("bar 17") before
# anything else reads it, so each reader of "bar 17" reads it too ("the end of the penultimate bar"). "the first bar"
# and "the last bar" alone stay the music's first or last seconds (EDGE_RE); at a stretch's end ("from bar 3 to the
# last bar", "between the 3rd bar and the final bar") or a moment's bar ("beat 3 of the last bar") they are that bar
NTH = rf"(?:{FROM_LAST_SAID}|{ORD_SAID.replace('(', '(?:', 1)})"
NTH_BAR_RE = re.compile(rf"\b(?:the )?(?:very )?(?:({ORD_FROM_START}) {BAR} from (?:the )?(?:end|last)|({NTH}) {BAR})\b(?! of\b)"
                        rf"{VENUE}", re.I)
STRETCH_BEFORE_RE = re.compile(rf"(?:\b(?:{BAR}s? (?:{COUNT})|{BAR}) ?(?:{SEP}) ?|\bof )$", re.I)   # "bar 3 to ", "beat 3 of "
STRETCH_AFTER_RE = re.compile(rf" ?(?:{SEP}) ?(?:the )?(?:very )?(?:{BAR}s? |(?:{NTH}) {BAR}\b)", re.I)
EDGE_RE = re.compile(rf"\b(?:({PREP}) )?(?:the )?(?:very )?(first|opening|last|final|closing) (?:{N} {BARS}|{BAR})\b(?! of\b){VENUE}", re.I)
# Moments: a beat of a bar ("beat 3 of bar 5", "the third beat of bar 5", "bar 5 beat 3"), its downbeat or its end
BEAT_OF_RE = re.compile(rf"\b(?:(?:on|at) )?(?:the )?(?:beat {N}|{ORD_SAID} beat) of {BAR} {N}\b", re.I)
BAR_BEAT_RE = re.compile(rf"\b(?:(?:on|at) )?{BAR} {N},? beat {N}\b", re.I)
DOWNBEAT_RE = re.compile(rf"\b(?:(on|at|from|until|till|before|after|by|since) )?(?:the )?(?:downbeat|top|start|beginning|"
                         rf"one|first beat|head) of {BAR} {N}\b", re.I)
BAR_END_RE = re.compile(rf"\b(?:(at|by|until|till|to|before|after|from) )?the end of {BAR} {N}\b", re.I)
# Counted in from the start: "after 8 bars", "after the first 8 bars" (from bar 9), "8 bars in" (its downbeat)
AFTER_BARS_RE = re.compile(rf"\bafter (?:the first )?{N} {BARS}\b", re.I)
BARS_IN_RE = re.compile(rf"\b(?:(at|from|after|until|till|before) )?{N} {BARS} in\b(?! (?:the|a|an|this|that|it|each|every)\b)", re.I)
# One bar: "bar 9", "in bar 9", "from bar 9 on", "until bar 17", "the 13th bar"
ONE_RE = re.compile(rf"\b(?:(from|since|after|until|till|up to|before|through|thru|by|at|{PREP}) )?(?:the )?"
                    rf"(?:{BAR} {N}|{ORD_SAID} {BAR}{VENUE})(?P<on> on(?:wards?)?\b)?\b", re.I)
# "bar" as except after what it excepts from ("hits on all cuts bar 3", "every shot bar one")
EXCEPTED_RE = re.compile(r"\b(?:cuts?|shots?|hits?|ones|them|scenes?|sections?|everything|everywhere|all|each|every)\s*$", re.I)


def _number(said: str) -> int:
    """A count or a bar's number as said: "9", "nine", "9th", "ninth", "a couple of"; "last" is -1 (`counted.said_number`)."""
    return COUNT_WORDS.get(said.lower()) or said_number(said)


def _at(t: float) -> str:
    """A time as the place finders read it back exactly, in as few places as it needs ("0:16", "0:08.5", "0:15.083")."""
    return fmt(t, next((k for k in (1, 2) if abs(round(t, k) - t) < 5e-4), 3))


def _seconds(t: float) -> str:
    return f"{round(t, 3):g}"


class Grid:
    """The plan's bars as it plays, laid once per request and only when a bar is said."""

    def __init__(self, plan: ScorePlan):
        self.plan, self._map = plan, None

    @property
    def tmap(self) -> TempoMap:
        if self._map is None:
            self._map = build_tempo_map(self.plan, load_style(self.plan.style))
        return self._map

    def bar(self, said: str | int) -> Bar:
        """Bar `said` (counted from 1, in digits or words; an ordinal as said: "13th", "ninth", "last"), or Ask past
        the end."""
        bars = self.tmap.played_bars
        k = said if isinstance(said, int) else _number(said)
        if (i := index_of(k, len(bars))) is None:
            where = f"the {said} bar is before its start" if k < 0 else f"bar {k if k > 0 else said} is past its end"
            raise Ask(f"The music has {len(bars)} bars (in {self.plan.meter}, the last starting at {fmt(bars[-1].start_s)}), "
                      f"so {where}. Which bars did you mean?")
        return bars[i]

    def start(self, said: str | int) -> float:
        return self.bar(said).start_s

    def end(self, said: str | int) -> float:
        return self.tmap.bar_end_s(self.bar(said))

    def beat(self, bar: str, beat: str) -> float:
        b, k = self.bar(bar), _number(beat) - 1
        if not 0 <= k < b.beats:
            raise Ask(f"Bar {bar} has {b.beats:g} beats (the meter is {self.plan.meter}); which beat did you mean?")
        return self.tmap.beat_to_s(b.start_beat + k)

    def count(self) -> int:
        return len(self.tmap.played_bars)

    def after(self, t: float, n: int) -> float:
        """Where `n` bars after time `t` ends: the same place in the bar `n` bars on, or the music's end."""
        bars = self.tmap.played_bars
        k = max(0, sum(b.start_s <= t + 1e-6 for b in bars) - 1)
        if k + n >= len(bars):
            return self.plan.duration_s
        return bars[k + n].start_s + (t - bars[k].start_s)


def _nth_bar(m: re.Match, g: Grid) -> str:
    """ "the 2nd from last bar": "bar 17" (of 18); "the last bar" too at a stretch's end or a moment's bar."""
    said = f"{m[1]} from last" if m[1] else m[2]
    if said_number(said) in (1, -1) and not FROM_LAST_SAID_RE.match(said.lower()) and not (
            STRETCH_BEFORE_RE.search(m.string[:m.start()]) or STRETCH_AFTER_RE.match(m.string, m.end())):
        return m[0]   # "the last bar" alone: EDGE_RE's
    return f"bar {g.bar(said).index + 1}"


def _side(m: re.Match, g: Grid) -> str:
    n, k = _number(m[1]), _number(m[3])
    after = m[2].lower() in ("after", "following")
    a, b = (k + 1, k + n) if after else (k - n, k - 1)
    if a < 1:
        raise Ask(f"Only {k - 1} bar{'s' * (k != 2)} of the music come{'s' * (k == 2)} before bar {k}. Which bars did you mean?")
    return f"from {_at(g.start(a))} to {_at(g.end(b))}"


def _range(m: re.Match, g: Grid) -> str:
    prep, a, sep, b = m.groups()
    if sep.lower() == "and" and (prep or "").lower() != "between":   # "bars 9 and 12": two bars, not read here
        return m[0]
    a, b = sorted((_number(a), _number(b)))
    end = g.start(b) if sep.lower() in ("till", "until", "up to") else g.end(b)
    return f"from {_at(g.start(a))} to {_at(end)}"


def _edge(m: re.Match, g: Grid) -> str:
    """ "the last 16 bars": the last seconds they play, as the finders read "the last 32 seconds"."""
    n = _number(m[3]) if m[3] else 1
    if n > g.count():
        raise Ask(f"The music has {g.count()} bars (in {g.plan.meter}), so there are no {m[2].lower()} {n} bars of it. "
                  "Which bars did you mean?")
    prep = f"{m[1]} " if m[1] else ""
    if m[2].lower() in ("first", "opening"):
        return f"{prep}the first {_seconds(g.end(n))} seconds"
    return f"{prep}the last {_seconds(g.plan.duration_s - g.start(g.count() - n + 1))} seconds"


ONE_WAY = {"from": "from", "since": "from", "after": "after", "until": "until", "till": "until", "up to": "until",
           "before": "before", "by": "until", "through": "until", "thru": "until", "at": "at", "on": "at"}


def _one(m: re.Match, text: str, g: Grid) -> str:
    prep = (m[1] or "").lower()
    if not prep and EXCEPTED_RE.search(text[:m.start()]):   # "hits on all cuts bar 3": except the third
        return m[0]
    said = m[2] or m[3]
    way = ONE_WAY.get(prep)
    if way == "after" or prep in ("through", "thru"):   # after bar 8 and through bar 12: its end
        return f"{way} {_at(g.end(said))}"
    if way == "from" and m["on"]:
        return f"from {_at(g.start(said))} on"
    if way:
        return f"{way} {_at(g.start(said))}"
    return f"from {_at(g.start(said))} to {_at(g.end(said))}"


def timed(text: str, plan: ScorePlan) -> str:
    """`text` with its places said in bars and beats as clock times on `plan`'s bars (see the module's docstring).

    Raises:
        Ask: a bar or beat past the music's end (or past its bar), with how many there are.
    """
    if not ANY_RE.search(text):
        return text
    g = Grid(plan)
    text = NTH_BAR_RE.sub(lambda m: _nth_bar(m, g), text)
    text = START_FOR_RE.sub(lambda m: f"from {_at(g.start(m[1]))} to {_at(g.after(g.start(m[1]), _number(m[3])))}"
                            f"{m['mid']}", text)
    text = TIME_FOR_RE.sub(lambda m: f"from {m['t']} to {_at(g.after(parse_time(m['t']), _number(m['n'])))}"
                           f"{m['mid']}", text)
    text = FOR_FROM_RE.sub(lambda m: f"from {_at(g.start(m[2]))} to {_at(g.after(g.start(m[2]), _number(m[1])))}", text)
    text = SIDE_RE.sub(lambda m: _side(m, g), text)
    text = BEAT_OF_RE.sub(lambda m: f"at {_at(g.beat(m[3], m[1] or m[2]))}", text)
    text = BAR_BEAT_RE.sub(lambda m: f"at {_at(g.beat(m[1], m[2]))}", text)
    text = DOWNBEAT_RE.sub(lambda m: f"{ONE_WAY.get((m[1] or 'at').lower(), 'at')} {_at(g.start(m[2]))}", text)
    text = BAR_END_RE.sub(lambda m: f"{ONE_WAY.get((m[1] or 'at').lower(), m[1] or 'at')} {_at(g.end(m[2]))}", text)
    text = RANGE_RE.sub(lambda m: _range(m, g), text)
    text = EDGE_RE.sub(lambda m: _edge(m, g), text)
    text = AFTER_BARS_RE.sub(lambda m: f"after {_at(g.start(_number(m[1]) + 1))}", text)
    text = BARS_IN_RE.sub(lambda m: f"{ONE_WAY.get((m[1] or 'at').lower(), 'at')} {_at(g.start(_number(m[2]) + 1))}", text)
    return ONE_RE.sub(lambda m: _one(m, text, g), text)
