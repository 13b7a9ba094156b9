"""The place finders: one clause's words, first rewritten to a few plain forms (`v2m.agent.dialogue.place_words`),
measured against the video and the plan: cuts, shots, times, fractions, the plan's sections and events in the picture
("the second half", "from 0:12 to 0:20", "shot 3", "after the last cut", "the ending", "when the car appears").

    span = locate("slower in the second half", analysis, plan)   # Span(5.48, 10.0, ...) or None (global)

A reference the analysis cannot resolve raises `Ask` with a polite question, never a guess. The span, the question and
the picture's countable cuts and shots are `v2m.agent.dialogue.where`'s.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import between, pieces, within
from v2m.agent.dialogue.counted import ORD, ORDINALS, nth
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.place_words import (ACTION_WORDS, COUNTS, END_WORDS, FROM_ON_RE, JOIN, LENGTH_SAID_RE,
                                            SHOT_REF, START_WORDS, TIME, UNTIL_CUT_RE, UNTIL_NTH_RE, UNTIL_SHOT_RE,
                                            UNTIL_TIME_RE, normalise, parse_time)
from v2m.agent.dialogue.where import MIN_PIECE_S, SNAP_S, Ask, Span, fmt, lead_in, moment, visible_cuts, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis


ACTION_RE = re.compile(rf"\b(?:{'|'.join(ACTION_WORDS)})\b(?![- ](?:movies?|films?|flicks?|heroe?s?|figures?|thrillers?|stars?|packed|cams?)\b)")


def _ordinal(word: str, n: int) -> int:
    """Zero-based index of "third"/"3rd"/"3"/"last" in a list of n items (`counted.nth`); raises IndexError past
    either end (its callers' Ask)."""
    if (i := nth(word, n)) is None:
        raise IndexError(word)
    return i


def _check(analysis: VideoAnalysis, *times: float) -> None:
    for t in times:
        if t > analysis.duration_s + 0.05:
            raise Ask(f"The video is only {analysis.duration_s:.1f} s long, so {fmt(t)} is past its end. "
                      "Which part did you mean?")


def _cut(analysis: VideoAnalysis, word: str) -> float:
    cuts = visible_cuts(analysis)
    if not cuts:
        raise Ask("This video has no cuts. Name a time instead, like 'from 0:04'.")
    if word not in ORDINALS and not re.match(r"\d", word):
        raise Ask(f"Which cut? The video has {len(cuts)}: " + ", ".join(fmt(c) for c in cuts[:12]) + ".")
    try:
        return cuts[_ordinal(word, len(cuts))]
    except IndexError:
        raise Ask(f"The video has {len(cuts)} cut{'s' * (len(cuts) != 1)}; which one did you mean?") from None


def nearest_cut(analysis: VideoAnalysis, t: float, tolerance_s: float = 1.0) -> float:
    """The shot boundary nearest `t`, or Ask when none lies within `tolerance_s`."""
    cuts = visible_cuts(analysis)
    if not cuts:
        raise Ask("This video has no cuts to hit. Should I put an accent at that time instead?")
    c = min(cuts, key=lambda x: abs(x - t))
    if abs(c - t) > tolerance_s:
        raise Ask(f"There is no cut near {fmt(t)}; the nearest is at {fmt(c)}. Did you mean that one?")
    return c


def _shot_span(analysis: VideoAnalysis, a: int, b: int, label: str) -> Span:
    shots = visible_shots(analysis)
    seen = shots[a][0] if a == b == len(shots) - 1 > 0 and shots[a][1] - shots[a][0] < MIN_PIECE_S else None   # a last shot
    # too short to hear a change in (bikes' 0.3 s): the end heard, with the shot before it, and said so
    a, alone = a - (seen is not None), "" if seen is None else f"{fmt(seen)}-{fmt(shots[b][1])}, too short alone: with shot {a} from "
    return Span(shots[a][0], shots[b][1], f"{label} ({alone}{fmt(shots[a][0])}-{fmt(shots[b][1])})", snap=False, seen_s=seen)


def _shot_index(word: str, n: int) -> int:
    try:
        return _ordinal(word, n)
    except IndexError:
        raise Ask(f"The video has {n} shots (1 to {n}); which one did you mean?") from None


def shot_at(analysis: VideoAnalysis, t: float) -> Span:
    """The shot a moment falls in; a moment just before a cut (within SNAP_S) is the shot that cut begins."""
    _check(analysis, t)
    shots = visible_shots(analysis)
    i = next((k for k, (a, b) in enumerate(shots) if t < b - SNAP_S), len(shots) - 1)
    return _shot_span(analysis, i, i, f"the shot at {fmt(t)}")


def _shots(text: str, analysis: VideoAnalysis) -> Span | None:
    n = len(visible_shots(analysis))
    if m := re.search(rf"\bthe shot at {TIME}", text):   # "the shot at 0:12", a review note's "00:12 - ..."
        return shot_at(analysis, parse_time(m.group(1)))
    m = re.search(r"\b(?:the )?(first|1st|last|final|opening|closing) (two|three|four|five|six|couple(?: of)?|few|\d+) "
                  r"shots\b", text)
    if m:
        k = max(1, min(n, COUNTS.get(m.group(2), int(m.group(2)) if m.group(2).isdigit() else 1)))
        a, b = (0, k - 1) if m.group(1) in ("first", "1st", "opening") else (n - k, n - 1)
        return _shot_span(analysis, a, b, f"shots {a + 1}-{b + 1}")
    # a stretch: "shots 6 to 10", "the 5th and 6th shots", "from the second shot to the fourth shot"
    m = re.search(rf"\bshots? (\d+){JOIN}(?:shot )?(\d+)(?![\d:])\b", text) \
        or re.search(rf"\b(?:the )?{ORD}{JOIN}{ORD} shots?\b", text) \
        or re.search(rf"\b(?:from|between) (?:the )?{ORD} shot{JOIN}{ORD}(?![\d:])(?: shot)?\b", text) \
        or re.search(rf"\b(?:from|between) shot (\d+){JOIN}(?:shot )?(\d+)(?![\d:])\b", text)
    if m:
        a, b = sorted((_shot_index(m.group(1), n), _shot_index(m.group(2), n)))
        if b - a > 1 and re.search(r" (?:and|&) ", m.group(0)):
            raise Ask(f"Shots {a + 1} and {b + 1} are apart; should the change go in both (say 'in shot {a + 1}, "
                      f"and in shot {b + 1}'), or in shots {a + 1} to {b + 1}?")
        return _shot_span(analysis, a, b, f"shots {a + 1}-{b + 1}")
    m = re.search(SHOT_REF, text)
    if not m:
        return None
    i = _shot_index(m.group(1) or m.group(2), n)
    before, after = text[:m.start()], text[m.end():]
    # "from the fifth shot on", "shot 5 onwards", "after shot 3", "before the last shot"
    if re.search(r"\b(?:from|starting (?:at|with|from|in)|since)\s*$", before) or re.match(FROM_ON_RE, after):
        return _until(after, _shot_span(analysis, i, n - 1, f"from shot {i + 1} on"), analysis, shots=True)
    if re.search(r"\b(?:after|past|following)\s*$", before) and i < n - 1:
        return _shot_span(analysis, i + 1, n - 1, f"after shot {i + 1}")
    if re.search(r"\b(?:before|until|till|up to|leading up to)\s*$", before) and i > 0:
        return _shot_span(analysis, 0, i - 1, f"before shot {i + 1}")
    return _shot_span(analysis, i, i, f"shot {i + 1}")


def _cuts(text: str, analysis: VideoAnalysis) -> Span | None:
    d = analysis.duration_s
    m = re.search(rf"\bbetween (?:the )?{ORD}(?: cut)? and (?:the )?{ORD} cuts?\b|\bthe {ORD} cut ?(?:-|to|through|till|until|up to) "
                  rf"(?:the )?{ORD} cut\b", text)   # "between the 2nd and 5th cuts", "the 2nd cut to the 5th cut"
    if m:
        a, b = sorted(_cut(analysis, w) for w in m.groups() if w)
        return Span(a, b, f"between the cuts at {fmt(a)} and {fmt(b)}", snap=False)
    # "after the big cut at 0:44": a word or two before "cut" when its time is said
    m = re.search(rf"\b(after|before|from|until|till|since|up to) the (?:{ORD} )?(?:(?:[a-z]+ ){{1,2}}(?=cut at ))?cut"
                  rf"(?: at {TIME})?\b", text)
    if not m:
        m = re.search(rf"\b(?:at |on |around )?(?:the )?{ORD} cut\b", text)
        if m:  # "the third cut": the shot that begins there
            c = _cut(analysis, m.group(1))
            nxt = next((b for b in visible_cuts(analysis) if b > c + 1e-6), d)
            return Span(c, nxt, f"the shot after the cut at {fmt(c)}", snap=False)
        return None
    if m.group(3):
        t = parse_time(m.group(3))
        _check(analysis, t)
        c = nearest_cut(analysis, t)
    else:
        c = _cut(analysis, m.group(2) or ("first" if len(visible_cuts(analysis)) == 1 else "?"))
    if (n := LENGTH_SAID_RE.search(text[:m.start()])) and m.group(1) in ("after", "before", "from", "since"):
        a, b = (max(0.0, c - float(n.group(1))), c) if m.group(1) == "before" else (c, min(d, c + float(n.group(1))))
        if b - a >= 0.1:   # "the 10 seconds after the fourth cut": that long on that side of it, not to the end
            return Span(a, b, f"from {fmt(a)} to {fmt(b)}", snap=False)
    if m.group(1) in ("before", "until", "till", "up to"):
        return Span(0.0, c, f"before the cut at {fmt(c)}", snap=False)
    return _until(text[m.end():], Span(c, d, f"after the cut at {fmt(c)}", snap=False), analysis)


def _until(after: str, span: Span, analysis: VideoAnalysis, shots: bool = False) -> Span:
    """A stretch from a cut or shot on, ended where the words after it say: a time, a cut or a shot's end
    ("from the fourth cut to 0:38", "from cut 2 until cut 5", "after the 3rd cut, more energy, till the 8th cut");
    `shots`: from a shot on, so an ordinal alone is a shot, to its end ("from the third shot, until the ninth")."""
    m = UNTIL_TIME_RE.match(after)
    end = parse_time(m.group(1)) if m else None
    if end is None and (m := UNTIL_CUT_RE.match(after)):
        end = _cut(analysis, m.group(1))
    elif end is None and ((m := UNTIL_SHOT_RE.match(after)) or shots and (m := UNTIL_NTH_RE.match(after))):
        end = visible_shots(analysis)[_shot_index(next(g for g in m.groups() if g), len(visible_shots(analysis)))][1]
    if end is None or not span.start_s + 0.1 < end < span.end_s:
        return span
    return Span(span.start_s, end, f"from {fmt(span.start_s)} to {fmt(end)}", snap=False)


def _times(text: str, analysis: VideoAnalysis) -> Span | None:
    d = analysis.duration_s
    m = re.search(rf"\b(?:from|between) {TIME} ?(?:-|to|and|until|till|through(?: to)?|thru|up to) ?{TIME}", text)
    if not m and re.search(r"\d:\d|\d ?s(ec)?\b|second", text):
        m = re.search(rf"\b{TIME} ?(?:-|to) ?{TIME}(?! ?bpm)", text)
    if m:
        a, b = sorted((parse_time(m.group(1)), parse_time(m.group(2))))
        _check(analysis, a, b)
        if b - a < 0.1:
            raise Ask(f"{fmt(a)} to {fmt(b)} starts and ends at the same moment, so there is no stretch to change and I changed nothing. Which stretch did you mean, e.g. 'from {fmt(max(0.0, a - 10))} to {fmt(a)}'?" if b - a < 0.01 else f"{fmt(a)} to {fmt(b)} is too short a stretch to change; which part did you mean?")   # "now 1.00 to 1.00"
        return Span(a, min(b, d), f"from {fmt(a)} to {fmt(min(b, d))}")
    m = re.search(rf"\b(?:the )?(first|last|final|opening|closing) {TIME} ?(?:s|sec|secs|seconds)?\b", text)
    if m and not re.match(r"\d+:", m.group(2)):
        n = parse_time(m.group(2))
        _check(analysis, n)
        side = re.search(r"\b(?:(after|past|beyond|following|once)|(before|until|till|up to))\s*$", text[:m.start()])
        if m.group(1) in ("first", "opening"):   # "after the first 30 seconds": from 0:30 on
            return Span(n, d, f"after {fmt(n)}") if side and side[1] and n < d - 0.5 else Span(0.0, n, f"the first {n:g} s")
        if side and side[2] and n < d - 0.5:   # "until the last 10 seconds": up to 0:50
            return Span(0.0, d - n, f"before {fmt(d - n)}")
        return Span(max(0.0, d - n), d, f"the last {n:g} s")
    # "for the 20 seconds after 0:30", "the 5 seconds before 0:40": that long on that side of the moment
    m = re.search(rf"\b(?:for|the) (?:the )?(\d+(?:\.\d+)?) ?(?:s|secs?|seconds) (after|following|before|leading up to) {TIME}", text)
    if m:
        n, t = float(m.group(1)), parse_time(m.group(3))
        _check(analysis, t)
        a, b = (t, min(d, t + n)) if m.group(2) in ("after", "following") else (max(0.0, t - n), t)
        if b - a >= 0.1:
            return Span(a, b, f"from {fmt(a)} to {fmt(b)}")
    m = re.search(rf"\b(after|from|past|since|starting at|beyond|before|until|till|up to|thru|through) {TIME}(?! ?bpm| ?%| ?percent)", text)
    if m:
        t = parse_time(m.group(2))
        _check(analysis, t)
        if m.group(1) in ("before", "until", "till", "up to", "thru", "through"):   # "add strings thru 0:40": until then
            if t < 0.1:
                raise Ask(f"Nothing comes before {fmt(t)}, the very start. Which part did you mean?")
            return Span(0.0, t, f"before {fmt(t)}")
        if t > d - 0.1:
            raise Ask(f"{fmt(t)} is the very end of the video ({fmt(d)}), so nothing comes after it. "
                      "Which part did you mean?")
        return _until(text[m.end():], Span(t, d, f"after {fmt(t)}"), analysis)   # "from 0:48 louder till 1:04"
    return None


def _fractions(text: str, analysis: VideoAnalysis) -> Span | None:
    d = analysis.duration_s
    m = re.search(r"\b(first|second|last|final|middle|third|1st|2nd) (half|third|quarter)\b", text)
    if not m:
        if re.search(r"\bthe middle\b|\bmidway\b", text):   # the middle third, in whole shots where cuts lie near
            a, b = (min(visible_cuts(analysis) or [t], key=lambda c: abs(c - t)) for t in (d / 3, 2 * d / 3))
            a, b = (a, b) if b - a > d / 6 and abs(a - d / 3) <= d / 12 and abs(b - 2 * d / 3) <= d / 12 else (d / 3, 2 * d / 3)
            return Span(a, b, "the middle", snap=False)
        return None
    which, part = m.groups()
    n = {"half": 2, "third": 3, "quarter": 4}[part]
    k = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "middle": (n - 1) // 2}.get(which, n - 1)
    if k >= n:
        raise Ask(f"There is no {which} {part}; which part did you mean?")
    return Span(d * k / n, d * (k + 1) / n, f"the {which} {part}")


START_SAID, END_SAID = ([compiled(rf"\b(?:the|an?) (?:(?:more|less|much) )?(?:[a-z]+(?:er|ing|ful|ic|ive|ous) )?{w}\b") for w in ws] for ws in (START_WORDS, END_WORDS))


def _sections(text: str, analysis: VideoAnalysis, plan: ScorePlan) -> Span | None:
    if mid := between.named(text, lambda side: _sections(side, analysis, plan)):   # "between the intro and the ending"
        return Span(*mid)
    names = [s.name.lower() for s in plan.sections]
    m = re.search(r"\bsection (\d+)\b", text) or re.search(rf"\bthe {ORD} section\b", text)
    if m:
        try:
            i = _ordinal(m.group(1), len(names))
        except IndexError:
            raise Ask(f"The score has {len(names)} sections (1 to {len(names)}); which one?") from None
        return Span(plan.sections[i].start_s, plan.sections[i].end_s, f"section {i + 1}", sections=[i])
    for i, name in enumerate(names):
        if name not in ("main",) and compiled(rf"\b(?:the )?{re.escape(name)}\b").search(text) and len(name) > 2:
            run = pieces.run(plan, i)   # with the pieces edits split it into ("outro 2" after a fade)
            return Span(plan.sections[i].start_s, plan.sections[run[-1]].end_s, f"the {name}", sections=run)
    if any(w.search(text) for w in START_SAID) \
            or (len(text.split()) <= 4 and re.search(r"\b(?:intro|opening)\b|\bstart\b(?! [a-z])", text)):
        return Span(0.0, plan.sections[(run := pieces.first(plan, visible_cuts(analysis)))[-1]].end_s, "the intro", sections=run)
    if any(w.search(text) for w in END_SAID) or re.search(r"\bat the end\b", text) \
            or (len(text.split()) <= 4 and re.search(r"\b(?:end|ending|outro)\b", text)):
        return Span(plan.sections[(run := pieces.last(plan, visible_cuts(analysis)))[0]].start_s, plan.duration_s, "the ending",
                    sections=run)
    return None


def _events(text: str, analysis: VideoAnalysis) -> Span | None:
    if ACTION_RE.search(text):   # "the action", not "a fraction", nor "this is no action movie" (a kind of film)
        if not analysis.motion:
            raise Ask("I have no motion measurements for this video; name a time instead, like 'from 0:04'.")
        i = max(range(len(analysis.motion)), key=analysis.motion.__getitem__)
        t = i * analysis.motion_hop_s
        shot = next(s for s in analysis.shots if s.start_s <= t < s.end_s or s is analysis.shots[-1])
        return Span(shot.start_s, shot.end_s, "the busiest shot", snap=False)
    m = re.search(r"\b(?:when|once|as soon as|after|before|while) (?:the |a |an |he |she |they |it |we )?(?!(?:that|this|"
                  r"everyone|everybody|everything|anything|something|nothing|anyone|someone|much)\b)([a-z]+(?: [a-z]+)?) (?:appears|arrives|shows up|comes in|enters|starts|happens|explodes|"
                  r"jumps|falls|crashes|is on screen|leaves|lands|hits|turns|stops)\b", text) \
        or re.search(r"\bduring the (?:(?:part|bit|scene|section|stretch|moment) (?:where|when|with) (?:the |a |an )?)?([a-z]+(?: [a-z]+)?)\b", text)
    if not m or moment(text) is not None or re.search(r"\d:\d\d", text):   # "a hit at 0:17 when he lands": at 0:17
        return None
    what = m.group(1)
    hint = ""
    if analysis.motion_peaks_s:
        p = max(analysis.motion_peaks_s[:8], key=lambda t: analysis.motion[min(int(t / analysis.motion_hop_s),
                                                                               len(analysis.motion) - 1)]
                if analysis.motion else 0)
        hint = f" The strongest motion is around {fmt(p)}; is that it?"
    raise Ask(f"I can't recognise \"{what}\" in the picture, only cuts, shots and motion.{hint} "
              "Otherwise, which time or shot is it (e.g. 'from 0:04' or 'shot 3')?")


# "just before the last cut", "right before 0:45": the moments leading in, as `lead_in` reads them
JUST_BEFORE_RE = re.compile(r"\b(?:just|right|immediately|shortly|straight) (?:before|until|till|up to)\b")


def locate(text: str, analysis: VideoAnalysis, plan: ScorePlan) -> Span | None:
    """The part of the video `text` addresses, or None when it speaks of the whole score.

    Args:
        text: one clause of the user's request, lower-cased.
        analysis: the measured video (shots, cuts, motion).
        plan: the current plan (its section names and spans).
    Returns:
        A `Span`, or None for a global edit.
    Raises:
        Ask: a reference that cannot be resolved; the message is the question to ask.
    """
    text = normalise(within.edges(text.lower(), analysis, plan, locate), analysis.duration_s)   # "until the end of shot 3": 0:12
    for finder in (lambda t, a: within.piece(t, a, plan, locate), _cuts, _shots, _times, _fractions):   # a piece of a place first
        span = finder(text, analysis)
        if span and span.start_s < 0.05 < span.end_s - 0.5 and JUST_BEFORE_RE.search(text):
            return lead_in(Span(span.end_s, analysis.duration_s, ""), analysis)   # the shot leading in, not all before
        if span:
            return span
    return _sections(text, analysis, plan) or _events(text, analysis)
