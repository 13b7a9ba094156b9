"""The answer to where a described moment is ("it's the sixth photo", "that's when she laughs", "in shot 4"): whether
a turn answers the question at all (`answers_where`), which moment the question asked about (`asked_about`), the place
the answer names (`place_of`), and the request asked about with that place filled in (`filled`). The questions are
asked by `v2m.agent.dialogue.moments`, whose reading of a moment's words this module shares.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import names
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.moments import DET, WHEN_RE, _content, _key, _phrases
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import opening, words
from v2m.agent.dialogue.place_finders import locate, shot_at
from v2m.agent.dialogue.place_words import only_place, parse_time
from v2m.agent.dialogue.review_notation import TAG_RE
from v2m.agent.dialogue.where import Ask, fmt, moment as moment_of, snap
from v2m.tools.contract import ScorePlan, VideoAnalysis


# The questions that ask where a moment of the picture is: `moments`', the place finder's ("when the car
# appears") and the arbiter's about a place it could not find ("up to the pop"); an answer to the arbiter's must
# name what was asked about ("the pop is the second cut"), as the next note often is a request of its own
ASKED_RE = re.compile(r"^Where is '(?P<a>.+?)'\?|I can't recognise \"(?P<b>[^\"]+)\" in the picture|"
                      r"^Where do you mean by '(?P<c>.+?)'\?")   # (a quoted place may hold an apostrophe: "the drop kick's")


# An answer to where a moment is: says where ("in shot 4", "around 0:30", "the third one"), or what the moment is
# ("it's the sixth photo", "that's when she laughs", "the toast is near the end"), not a request of its own
ANSWER_RE = re.compile(opening("yes|yeah|yep") + r"(?:"
                       r"(?:it|that|this|she|he|they|we|you)(?:'s|'re| is| are| was| were| comes?| happens?)\b|"
                       r"(?:she|he|they) [a-z]+\b|when|where|while|once|"
                       rf"{DET} [a-z][a-z'-]*(?: [a-z][a-z'-]*){{0,4}}? (?:is|are|'s|was|were|comes?|happens?|starts?)\b|"
                       r"[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,3}? (?:goes|runs|lasts|continues|is|are)(?: on)? (?:up to|until|till|to|from)\b|"
                       r"(?:in|at|from|during|around|near|towards?|on|between|after|before|by|about|roughly|just|right|"
                       r"somewhere|shots?|cuts?|photos?|clips?|\d)\b|"
                       r"the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|next|"
                       r"opening|closing|end|start|middle|beginning)\b)", re.I)


def answers_where(text: str) -> bool:
    """The turn reads as an answer to where a moment is (a place, or what the moment is), not as a request of its own
    ("also more reverb in the last shot")."""
    return bool(ANSWER_RE.match(text.strip()))


def asked_about(question: str) -> str | None:
    """The moment a where-question asked about, or None when it asked something else."""
    m = ASKED_RE.search(question or "")
    return next((g for g in m.groups() if g), None) if m else None


def _place_name(moment: str) -> str | None:
    """The name in a place a request said but the finder could not place ("up to the whistle": "whistle")."""
    m = re.search(r"\b(?:up to|until|till|after|before|from|at|on) the ([a-z][a-z'-]+)\b", moment.lower())
    return m.group(1) if m and names.is_name(m.group(1)) else None


# "the shot where she bends down", "the one with the cake": a shot described inside an answer, not its place
# (not one named by when it starts or ends: "the shot that starts at 1:03" is a place)
DESCRIBED_SHOT_RE = re.compile(r"\b(?:the|that) (?:shot|one|photo|picture|clip|bit|part) (?:where|when|with|in which|"
                               r"that|of)\b(?! (?:starts|begins|opens|ends|finishes|comes in|kicks off)\b)[^,.;]*")


# Words an answer says besides where: who, "is", and that the moment is seen there ("she's on screen in shots 3 to 6")
PRONOUNS = (r"\b(?:it'?s|it is|that'?s|this is|they'?re|they are|she'?s|he'?s|it|she|he|they|we|you|is|are|was|were|"
            r"right|just|exactly|basically|on screen|on camera|in frame|appears?|shows? up|shown|happens?|comes?|see|seen|"
            r"visible|can|around|about|roughly|goes|runs|lasts|continues)\b")


# What comes after the moment, said beside where it ends ("..., then Easter Sunday starts"): no request of its own
# a moment said as a stretch's edge ("right at the start of the seventh shot", "at the very end of shot 3"): that edge
EDGE_RE = re.compile(r"\b(?:at|on|by) the (?:very )?(?:(?P<start>start|beginning|top|opening)|end|close) of\b")
NEXT_STARTS_RE = re.compile(r"^(?:(?:and |then |and then |after that |after which )?(?:the |our )?[a-z][a-z' -]{0,30}? (?:starts|begins|"
                            r"kicks off|takes over)|(?:and |then |and then |after that |afterwards )(?:it'?s|it is|comes|we'?re in) [a-z][a-z' -]{0,30})$")


def place_of(answer: str, moment: str, analysis: VideoAnalysis, plan: ScorePlan,
             history: list[ScorePlan] | None = None) -> tuple[str, list[str]] | None:
    """Where an answer puts the moment asked about, said as the place finder reads it back exactly, and what
    else the answer says.

    The clauses that name a place must say nothing but where (besides the moment's own words: "she talks from
    the third shot to the sixth", "Tokyo at night is the end, from 1:03"); a clause that also says something
    else ("00:19 to 00:30, he reads the letter") makes the turn a request of its own, not an answer.

    Returns:
        ("from 0:10.00 to 0:30.00" for a stretch or "at 0:33.00" for a moment ("he jumps at 0:33"), the
        answer's other sentences without their place clauses), or None.
    """
    answer = TAG_RE.sub(" ", answer)   # "[editor] fox is the last two shots": who wrote it is no place of it
    known, noun = names.earlier(history), names.noun_of(answer)
    stems = {w[:4] for w in _content(moment) if len(w) > 2}
    places, times, others = [], [], []
    for sentence in re.split(r"(?<!\d)[.!?;]+(?!\d)|\n", answer):
        kept = []
        for clause in re.split(r",\s*", sentence.strip()):
            text = names.as_places(words(DESCRIBED_SHOT_RE.sub(" ", clause.lower())), dict(known), noun or "shots")
            try:
                span = locate(text, analysis, plan)
            except Ask:
                span = None
            at = moment_of(re.sub(r"\b(?:about|roughly)\b", "around", text)) if span is None else None
            if span is not None and (edge := EDGE_RE.search(text)):   # the moment at the stretch's edge, not all of it
                span, at = None, span.start_s if edge["start"] else span.end_s
            rest = " ".join(w for w in re.sub(PRONOUNS, " ", text).split() if w[:4] not in stems)
            if places and NEXT_STARTS_RE.match(text.strip()) and not named_parts(text):
                continue
            if (span is not None or at is not None) and not only_place(rest):
                return None
            if span is not None:
                places.append(text)
            elif at is not None:
                times.append(at)
            elif rest.strip() and not WHEN_RE.fullmatch(clause.strip()):   # "where she is bending over": the moment
                kept.append(clause.strip())                               # described anew, no request of its own
        if kept:
            others.append(", ".join(kept))
    if not places:
        return (f"at {fmt(times[0], 2)}", others) if times and times[0] < analysis.duration_s else None
    try:
        span = locate(" ".join(places), analysis, plan)
    except Ask:
        return None
    span = snap(span, analysis) if span is not None else None
    return (f"from {fmt(span.start_s, 2)} to {fmt(span.end_s, 2)}", others) if span is not None else None


def filled(asked: str, moment: str, answer: str, analysis: VideoAnalysis, plan: ScorePlan,
           history: list[ScorePlan] | None = None) -> str | None:
    """The request asked, with the moment it described put at the place the answer names, led by the moment's
    name at that place (so later turns know it) and followed by what else the answer asks; None when the
    answer names no place.

    A place the request said by a name the finder could not place ("up to the pop") keeps its words: the answer
    must name it ("the pop is the second cut"), and only the name gets its place."""
    found = place_of(answer, moment, analysis, plan, history)
    if found is None:
        return None
    place, others = found
    asked = TAG_RE.sub(" ", asked).strip()   # "[director] where the fox hunts ...": the note, not who wrote it
    if not any(moment.lower() in p.lower() for p, _ in _phrases(asked)):   # asked about as a place said
        stems = {w[:4] for w in _content(moment) if len(w) > 2}
        if not stems & {w[:4] for w in _content(answer) if len(w) > 2} or not (key := _place_name(moment)):
            return None   # not answered by its name: the note is a request of its own
        if re.search(r"\bcuts?\b", answer, re.I) and place.startswith("from "):   # "the second cut": that moment
            place = f"at {place.split()[1]}"
        return _joined(f"the {key} is {place}", asked, *others)
    name_place = place
    if place.startswith("at "):   # a moment: its name stands for the shot it falls in ("calmer in the fireworks part")
        shot = shot_at(analysis, parse_time(place[3:]))
        name_place = f"from {fmt(shot.start_s, 2)} to {fmt(shot.end_s, 2)}"
    moment = next(p for p, _ in _phrases(asked) if moment.lower() in p.lower())   # "car": "when the car appears"
    at = compiled(re.escape(moment), re.I).search(asked)
    request = f"{asked[:at.start()]}{place}{asked[at.end():]}" if at else f"{place}, {asked}"
    key = _key(moment)
    return _joined(f"the {key} is {name_place}" if key else "", request, *others)


def _joined(*sentences: str) -> str:
    return " ".join(f"{x.strip().rstrip('.!?')}." for x in sentences if x.strip())
