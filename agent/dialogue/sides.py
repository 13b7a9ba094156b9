"""Places said against another place: "hush just before it and bloom after" (the moment named before),
"the music leading up to that moment", "after that point", "there" (where the last edit was), and the
place said in one clause carried to the clauses after it ("from the second cut on, darker, and let the bass
drive"). A clause is cut where each side names its own place, so each edit keeps its own.

    clauses = split_places("he proposes at cut three right before that go quiet", analysis, plan)
    span, shared, own = carried(text, span, shared, last_span, analysis)

Used by the rules grammar (`v2m.agent.dialogue.edits`) after `name_places.placed` found a clause's own place.
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import between
from v2m.agent.dialogue.changes import diff
from v2m.agent.dialogue.counted import ORD
from v2m.agent.dialogue.halfway import OVERDONE_RE
from v2m.agent.dialogue.names import AT_TIME_RE, EVENT_RE, _is_event, as_places, noun_of
from v2m.agent.dialogue.name_places import TO_END_RE, arrives, to_end
from v2m.agent.dialogue.marks import HIT_WORDS_RE   # a mark asked beside the edit, as `marks` reads one
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.place_words import normalise, only_place
from v2m.agent.dialogue.where import ALL_MUSIC_RE, DEICTIC_RE, INTO_RE, WHOLE_RE, Ask, Span, fmt, lead_in, visible_shots
from v2m.agent.dialogue.place_finders import locate
from v2m.tools.contract import ScorePlan, VideoAnalysis

# "just before it", "after that", "bloom after": a place said against the moment named before it
RELATIVE_RE = re.compile(r"\b(?P<near>just |right |straight |immediately )?(?P<side>before|after|afterwards|(?:up to|until|till) (?=there\b)|from (?=there on))"
                         r"(?: (?:it|that|this|then|there))?\b(?! (?:the|a|an|\d)\b)")


# "the music leading up to that moment", "after that point": the stretch before or after where the last edit was
SIDE_OF_LAST_RE = re.compile(r"\b(?P<side>leading up to|(?:in )?the run[- ]up to|building (?:up )?to|on the way to|up to|"
                             r"before|until|till|after|following|since|from) (?:that|this|the same) (?:moment|point|spot|"
                             r"hit|mark|accent|instant)\b")


# "from there to the end", "from there on": from where the last edit was (its start) to the end of the video
# a start said to run on: "from 0:40 on", "onwards", "to the end" (else, inside a stretch said before, it ends with it)
ON_SAID_RE = re.compile(r"\b(?:on|onwards?|forwards?|to the (?:very )?end|till the end|until the end|the rest|from then)\b", re.I)
FROM_THERE_RE = re.compile(r"\bfrom (?:there|then|that point|that moment|that spot)(?: on\b| onwards?\b| forwards?\b| (?:all the "
                           r"way |right )?(?:to|until|till|til|through to|up to) the (?:very )?end\b)")


# "for the rest", "the rest of the video": the video but the place said before (not "the rest of the band", nor a part
# "yelling out over the rest" or "louder than the rest": the other parts)
REST_RE = re.compile(r"(?<!over )(?<!above )(?<!than )\bthe rest\b(?! of the (?:band|instruments|parts|players|group|kit))(?: of (?:it|the (?:video|clip|film|"
                     r"thing|track|way|time|piece|song)))?(?! (?:of|play|plays|drop|stay|is|are|out|come|should|can|could)\b)")
# ... but a shape over the rest is the rest of the video ("quieter in shot 1 and slowly building over the rest",
# "lower volume in the first 10 seconds and gradually increasing energy over the rest")
SHAPED_REST_RE = re.compile(r"\b(?:build|grow|ris|swell|climb|increas|ramp|crescend|fad|slow|gradual|steadi)\w*(?: \w+){0,2} "
                            r"over the rest\b")   # "... gradually increasing energy over the rest"


def rest_said(text: str) -> bool:
    """The rest of the video said beside a place ("for the rest", "building over the rest"), not the other parts."""
    return bool(REST_RE.search(text) or SHAPED_REST_RE.search(text))


# "right after that", "just before it", "everything after that", said with no place of its own: beside the stretch the
# last edit changed (the shot right next to it, or all of the video on that side); a bare "after that" is left to
# mean "then" ("after that, add a flute")
BESIDE_LAST_RE = re.compile(r"\b(?:(?P<all>everything|all|the rest|the (?:part|bit|stretch|music|section)s?) )?(?P<near>just |right |"
                            r"straight |immediately )?(?P<side>before|after|following) (?:it|that|this|there)\b(?! (?:is|was|'s)\b)")


def beside_last(text: str, last_span: Span, analysis: VideoAnalysis) -> Span | None:
    """The place `text` says beside the stretch `last_span` (`BESIDE_LAST_RE`), or None. Beside a mark, a side of it
    ("everything after that") or what leads into it ("just before that": from the cut before it, as `next_place` reads
    "the shot before that"); "right after" a mark is `next_place`'s ("after that": after its time)."""
    m = BESIDE_LAST_RE.search(text)
    if not m or not (m.group("all") or m.group("near")) or \
            last_span.end_s - last_span.start_s <= 0.05 and not m.group("all") and m.group("side") != "before":
        return None
    after, end = m.group("side") != "before", analysis.duration_s
    if m.group("all"):
        a, b = (last_span.end_s, end) if after else (0.0, last_span.start_s)
        return Span(a, b, f"{'after' if after else 'before'} {fmt(last_span.end_s if after else last_span.start_s)}",
                    snap=False) if b - a > 0.5 else None
    if not after:
        return lead_in(last_span, analysis) if last_span.start_s > 0.5 else None
    a, b = next(((a, b) for a, b in visible_shots(analysis) if a >= last_span.end_s - 0.05), (end, end))
    return Span(a, b, f"the shot right after ({fmt(a)}-{fmt(b)})", snap=False) if b - a > 0.05 else None


# where an edit said against a happening begins ("he proposes at cut three right before that ...")
BEFORE_TIME_RE = re.compile(r"before \d+:\d\d(?:\.\d+)?")   # a stretch ended at a time said ("till 1:04"), not at a shot
# the words that end a stretch where they say ("till 0:40"; "till shot 10": through that shot, where "before" is not)
TILL = r"until|till|til|up to|up until|through|thru"
TILL_SHOT_RE = re.compile(rf"\b(?:{TILL}) (?:the )?(?:\w+ shot|shot \d+)\b")
SIDE_RE = re.compile(r"\s+(?=(?:right |just |straight |immediately )?(?:before|after) (?:that|it|this)\b)", re.I)


# Shots listed one by one ("shots 4 + 6", read as "shots 4 plus 6"), not a stretch
LISTED_PLACE_RE = re.compile(rf"\s*(?:(?:in|on|at|the) )*(?:shots?|scenes?|cuts?|sh ?\d|\d|{ORD} cuts?\b)")
LISTED_RE = re.compile(r"\b(?:shots?|sh) ?\d{1,2}(?: plus \d{1,2})+\b", re.I)


def split_places(clause: str, analysis: VideoAnalysis, plan: ScorePlan,
                 read: Callable[[str], list | None] | None = None) -> list[str]:
    """A clause cut at "and" ("while") where each side names its own place ("darker in the intro and brighter at the
    end", "hush just before it and bloom after"), so each edit keeps its own place, or where only the side after names
    one and holds words no reader knows (`read`: intents, None for those), the whole reading only what the side before
    does ("warmer and do the zoop thing at the end": warmer everywhere); shots
    listed with "plus" ("shots 4 + 6") as the same edit in each; else [clause]."""
    if m := LISTED_RE.search(clause):   # "darker in shots 4 plus 6": darker in shot 4, darker in shot 6
        return [clause[:m.start()] + f"shot {n}" + clause[m.end():] for n in re.findall(r"\d+", m.group(0))]
    if (m := SIDE_RE.search(clause)) and (event := EVENT_RE.match(normalise(words(clause[:m.start()])))) \
            and _is_event(event.group("what")):   # "he proposes at cut three right before that go quiet"
        return [clause[:m.start()], *split_places(clause[m.start():], analysis, plan)]
    if between.BETWEEN_RE.search(words(clause)) and (mid := locate(words(clause), analysis, plan)) and \
            mid.label.startswith("between "):
        return [clause]   # "louder between the intro and the outro": one stretch, what lies between the two
    parts = re.split(r"\s+(?:and|while|whereas)\s+", clause)   # "more energy in shot 4 while shot 5 should slow down"
    for k in range(1, len(parts)):
        left, right = " ".join(parts[:k]), " ".join(parts[k:])
        if only_place(words(parts[k])) and LISTED_PLACE_RE.match(parts[k].lower()):
            continue   # "a violin in shot 3 and shot 4", "a crash on the first cut and the third cut": places for one edit
        noun = noun_of(clause)   # "slower in the third shot and faster in the fourth": the fourth shot
        marked = HIT_WORDS_RE.search(words(left)) and AT_TIME_RE.search(words(left))   # "a stab at 0:10 and calmer in shot 4"
        if (marked or names_place(left, analysis, plan, noun)) and \
                (names_place(right, analysis, plan, noun) or rest_said(words(right))):
            return [left, *split_places(right, analysis, plan)]
        if read is not None and names_place(right, analysis, plan, noun) and not names_place(left, analysis, plan, noun) \
                and read(words(right.lower())) is None and (mine := read(words(left.lower()))) and \
                _what(read(words(clause.lower()))) == _what(mine):   # the place adds nothing read but itself
            return [left, right]
    return [clause]


def _what(intents: list | None) -> list[tuple]:
    """What intents do, wherever they do it."""
    return [(it.what, it.direction, it.value) for it in intents or []]


def names_place(text: str, analysis: VideoAnalysis, plan: ScorePlan, noun: str | None = None) -> bool:
    low = as_places(words(text), {}, noun) if noun else words(text)
    try:
        return RELATIVE_RE.search(low) is not None or locate(low, analysis, plan) is not None
    except Ask:
        return False


# a place the clause is about, said as its subject ("the middle part is a bit loud", "the part from 0:30 to 0:42 is way too
# aggressive"): it heads the changes after it as a place said alone does ("..., maybe the whole thing calmer": all there)
PLACE_SUBJECT_RE = re.compile(r"^\W*(?:(?:so|but|and|ok|okay|also|well|honestly|i think|i feel like)\W+)*"
                              r"(?P<subject>(?:the|this|that) (?:[\w:'-]+ ){0,7}?)(?:(?:is|was|feels|sounds|seems|gets)\b|\s*$)")


class Heading(Span):
    """A place said on its own before the changes it heads ("From the second cut onward, ..."): "the whole thing"
    after it is all the music there, where after a place said with a change it is the whole video."""


# the place named by what the last edit did there ("build up in the part you just sped up"): where it was
JUST_DONE_RE = re.compile(r"\bthe (?:part|bit|section|spot|stretch|place) (?:you|u|we) (?:just |already )?(?:sped|slowed|changed|made|"
                          r"did|edited|touched)\b", re.I)


def carried(text: str, span: Span | None, shared: Span | None, last_span: Span | None,
            analysis: VideoAnalysis, overdone: bool = False) -> tuple[Span | None, Span | None, bool]:
    """The place a clause speaks of, the place carried on to the clauses after it, and whether the clause
    named it itself: its own place; a place before or after the one said before ("hush just before it");
    "there" (where the last edit was); none for "the whole thing"; else the place said before it ("from the
    second cut on, darker, and let the bass drive"). `overdone`: the request said the last edit overdone before
    similes reworded it ("that's a bit loud now" reads "a little quieter now")."""
    if last_span is not None and shared is None and FROM_THERE_RE.search(text) and \
            last_span.start_s < analysis.duration_s - 0.5:
        on = Span(last_span.start_s, analysis.duration_s, f"from {fmt(last_span.start_s)} on", snap=False)
        return on, (Heading(**vars(on)) if only_place(text) else on), True
    till_shot = span is not None and span.label.startswith("before shot ") and TILL_SHOT_RE.search(text)
    if span is not None and shared is not None and span.start_s < 0.05 and (BEFORE_TIME_RE.fullmatch(span.label) or till_shot) and \
            0.05 < shared.start_s < span.end_s - 0.1:   # "from 0:48 bring it back, fade in till 1:04": from 0:48 to 1:04
        end = next((b for a, b in visible_shots(analysis) if abs(a - span.end_s) < 0.05), span.end_s) if till_shot else span.end_s
        span = Span(shared.start_s, end, f"from {fmt(shared.start_s)} to {fmt(end)}", snap=False)   # "... till shot 10": through it
    if span is not None and shared is not None and INTO_RE.search(text) and shared.start_s < 0.05 and \
            (m := RELATIVE_RE.search(text)) and m.group("side").startswith("after") and shared.end_s < span.start_s - 0.5:
        span = Span(shared.end_s, span.end_s, f"from {fmt(shared.end_s)} to {fmt(span.end_s)}", snap=False)   # "low till
        # 0:57, then swell into the last shot": from where the low stretch ends, not only the shot leading in
    if span is not None and shared is not None and shared.end_s < analysis.duration_s - 0.5 and \
            span.end_s > analysis.duration_s - 0.05 and shared.start_s + 0.05 < span.start_s < shared.end_s - 0.5 and \
            not ON_SAID_RE.search(text):   # "0:08 to 0:24: ..., and a shaker from 0:16": from there to the stretch's end
        span = Span(span.start_s, shared.end_s, f"from {fmt(span.start_s)} to {fmt(shared.end_s)}", snap=False)
        return span, shared, True
    if span is not None:
        heads = only_place(text) or ((m := PLACE_SUBJECT_RE.match(text)) is not None and not named_parts(m["subject"]))
        return span, (Heading(**vars(span)) if heads else span), True
    if shared is not None and (whole := to_end(text, shared, analysis)) is not shared:
        return whole, shared, True   # "00:35 - the piano wanders. can it stay simpler till the end?"
    if shared is not None and shared.start_s < 0.05 < analysis.duration_s - 0.05 - shared.end_s and TO_END_RE.search(text):
        after = Span(shared.end_s, analysis.duration_s, f"after {fmt(shared.end_s)}", snap=False)
        return after, shared, True   # "quieter in the opening, then grow until the end": from where the opening ends
    if shared is not None and rest_said(text) and (shared.start_s < 0.05) != (shared.end_s > analysis.duration_s - 0.05):
        a, b = (shared.end_s, analysis.duration_s) if shared.start_s < 0.05 else (0.0, shared.start_s)
        return Span(a, b, f"the rest ({fmt(a)}-{fmt(b)})", snap=False), shared, True   # "louder in the first 10 s, quieter in the rest"
    if shared is not None and (m := RELATIVE_RE.search(text)):   # the moment is where the place said began
        end = analysis.duration_s   # "before the cut, ... after it": the moment is that cut
        # (a stretch from the very start, "the first 12 seconds", is no moment: after it is after its end)
        t = shared.end_s if shared.label.startswith("before") or shared.start_s < 0.05 else shared.start_s
        heads = m.group("side").startswith(("up to", "until", "till", "from")) and only_place(text)   # "up to there, calmer"
        if not m.group("side").startswith(("before", "up to", "until", "till")):
            side = Span(t, end, f"after {fmt(t)}", snap=False)
            return side, Heading(**vars(side)) if heads else shared, True
        if m.group("near") and t > 0.5:
            return lead_in(Span(t, end, ""), analysis), shared, True
        side = Span(0.0, t, f"before {fmt(t)}", snap=False)
        return side, Heading(**vars(side)) if heads else shared, True
    if last_span is not None and shared is None and (m := SIDE_OF_LAST_RE.search(text)):
        if m.group("side") in ("after", "following", "since", "from"):
            if last_span.end_s > analysis.duration_s - 0.1:   # the last edit ran to the end: nothing after it
                raise Ask(f"The last change ran to the very end ({fmt(analysis.duration_s)}), so nothing comes "
                          f"'{m.group(0)}'. Which part did you mean, e.g. 'shot 3' or 'from 0:12 to 0:20'?")
            side = Span(last_span.end_s, analysis.duration_s, f"after {fmt(last_span.end_s)}", snap=False)
            return side, side, True
        if last_span.start_s > 0.5:
            side = Span(0.0, last_span.start_s, f"before {fmt(last_span.start_s)}", snap=False)
            return side, side, True
    if last_span is not None and shared is None and (side := beside_last(text, last_span, analysis)) is not None:
        return side, side, True   # "calmer in shot 4", then "more intense right after that": shot 5
    if (DEICTIC_RE.search(text) or JUST_DONE_RE.search(text) or overdone or OVERDONE_RE.search(text)) and last_span is not None and shared is None and \
            last_span.end_s - last_span.start_s > 0.05 and \
            (last_span.start_s > 0.05 or last_span.end_s < analysis.duration_s - 0.05):   # a stretch, not a mark's moment
        # nor the whole clip ("it's too loud now" after a change everywhere: the mix's loudness, not less energy there)
        return last_span, last_span, True   # "there", "those same shots", "it's too much now"
    if shared is not None and DEICTIC_RE.search(text):
        return shared, shared, False   # "also a little softer overall in that stretch": the place said before
    if WHOLE_RE.search(ALL_MUSIC_RE.sub(" ", text) if isinstance(shared, Heading) else text):
        return None, None, False   # "from the second cut: lose the piano, the whole thing down": all the music there
    if shared is not None and (m := INTO_RE.search(text)) and shared.start_s > 0.5 and arrives(text[m.end():], shared, analysis):
        return lead_in(shared, analysis), shared, False   # "the ship appears on the first cut, swell into that"
    return shared, shared, False


# "until cut 8", "up to 0:40", "to the end": a place that says only where a stretch ends
END_ONLY_RE = re.compile(r"^\s*(?:(?:and|but|then|all the way|right) )?(?:up ?to|up until|until|till|til|to|through|thru)\b")
# a bare way said at a place ("up in shot 2, less in shot 3"): the more or less of it; "up to the fifth", "up until 0:20"
# say where a stretch ends, no way
BARE_WAY_RE = re.compile(r"\b(up(?! ?(?:to|until|till|til|through)\b)|down|more(?! of)|less(?! of))\b")


def closed(text: str, span: Span, before: Span | None, analysis: VideoAnalysis | None = None) -> Span:
    """The stretch an end said after its edit closes: "after the 3rd cut, more energy, until the 8th cut" is
    from the 3rd cut to the 8th, not from the start to the 8th. `span` is where the end-only clause `text`
    reads on its own (from the start); `before` is the place the edit was made at. Any other clause: `span`.
    A shot said as the end is the last one in ("louder from the third shot, until the ninth": through shot 9), as
    one clause reads it ("from the third shot until the ninth")."""
    if before is None or not END_ONLY_RE.match(text) or span.start_s > 0.05 or \
            not before.start_s + 0.05 < span.end_s <= before.end_s + 0.05:
        return span
    end = span.end_s
    if analysis is not None and span.label.startswith("before shot "):
        end = next((b for a, b in visible_shots(analysis) if abs(a - span.end_s) < 0.05), end)
    return Span(before.start_s, end, f"from {fmt(before.start_s)} to {fmt(end)}")



# a clause that says its own stretch's start ("..., and no drums from 0:20 to 0:30"): no end of a stretch said before
START_SAID_RE = re.compile(r"\b(?:from|between|after|since|starting|past|beyond)\b", re.I)
END_SAID_RE = re.compile(rf"\b(?:{TILL}|before|to (?:the |\d))", re.I)   # "... till 0:40", "... before 0:40"


# a stretch said at the head of the request to run to the end ("from 0:20 on, ...", "after shot 3 onwards ..."): no later
# clause's end closes it
OPEN_HEAD_RE = re.compile(r"^\W*(?:(?:and|so|ok|okay|then|now)\W+)*(?:from|after|starting (?:at|from)|beginning (?:at|from))\b"
                          r"[^,;.!?]{1,40}?\b(?:on|onwards?|forwards?)\b(?!\s+(?:the|a|an|\d))", re.I)


def framed(intents: list, analysis: VideoAnalysis, request: str = "") -> list:
    """A stretch opened at the front and closed by a later clause's end frames every edit said between: "from 0:20
    make it louder and add strings till 0:40" is both from 0:20 to 0:40 (the later clause's end closes the earlier
    clauses' open "from 0:20", as `carried` closes it for the clause that says the end). A stretch the request's head
    says runs on ("from 0:20 on, make it louder, and the drums quieter until 0:30") is left to the end."""
    d, out = analysis.duration_s, list(intents)
    if OPEN_HEAD_RE.search(request):
        return out
    for k, it in enumerate(out):
        sc = it.scope
        if sc.kind == "whole" or sc.start_s is None or sc.end_s is None or sc.start_s < 0.05 or sc.end_s < d - 0.05:
            continue
        end = next((o.scope for o in out[k + 1:] if o.scope.kind != "whole" and o.scope.start_s is not None and
                    o.scope.end_s is not None and abs(o.scope.start_s - sc.start_s) < 0.05 and o.scope.end_s < d - 0.1
                    and not START_SAID_RE.search(o.text or "") and END_SAID_RE.search(o.text or "")), None)
        # its own start said: its own stretch; no end said ("from there onward add percussion and give it more weight"):
        # nothing closes the stretch
        out[k] = it if end is None else it.model_copy(update={"scope": end})
    return out


def complaint_placed(unplaced: list, placed: list, said: str = "") -> bool:
    """A complaint said with no place, then the same change said at a place ("the bass is kinda too much, turn
    it down between 0:15 and 0:25"): the place is where the complaint is about, so the unplaced change is not
    made to the whole score too. Each of `unplaced` (whole-score intents) must be said again in `placed`; or, said
    as a judgement ("it's too calm. can you add drums after the third cut?", "too busy, take the drums out after the
    second cut"), be answered by a change at the place that moves the music its way: the complaint says why, the
    request what and where (before: the whole score's energy moved as well), unless the request is said as one more
    ("also add drums there": `said`, the whole request)."""
    kinds = {(it.what, it.direction, it.value) for it in placed}
    if all(it.scope.kind == "whole" and (it.what, it.direction, it.value) in kinds for it in unplaced):
        return True
    ways = {_way(it) for it in placed} - {0}
    return all(it.scope.kind == "whole" and JUDGED_RE.search(it.text or "") and _way(it) in ways for it in unplaced) and \
        not ALSO_RE.search(said)


# a judgement of the music ("it's too calm", "too sleepy", "way too busy"), and a request said as one more change
JUDGED_RE = re.compile(r"\btoo (?:much |bit )?[a-z]{3,}\b", re.I)
ALSO_RE = re.compile(r"\b(?:also|as well|besides|in addition)\b", re.I)


def _way(it) -> int:
    """Which way an edit moves the music's fullness: 1 more (energy, loudness, a part in or up), -1 less, 0 neither."""
    if it.what in ("energy", "loudness", "balance") and it.direction in ("up", "down"):
        return 1 if it.direction == "up" else -1
    return {"add": 1, "remove": -1, "only": -1}.get(it.what, 0)

# How a stretch the last edit changed is named by the way it went ("add strings for that big part", "the quiet
# bit is too empty now"): where it got more energy, or less
GREW = "big bigger loud louder busy busier full fuller lively intense huge massive".split()
SANK = "quiet quieter soft softer calm calmer gentle hushed sparse still small".split()
STRETCHES = "part bit section stretch passage".split()   # not "moment": "big moment" is an idiom


def edited(history: list[ScorePlan] | None) -> dict[str, str]:
    """The stretches of the last edit named by how they went, as names (`names.resolve`) for their places:
    "big part" where the energy went up, "quiet bit" where it went down; {} when the last edit moved none."""
    if not history or len(history) < 2:
        return {}
    went: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for c in diff(history[-2], history[-1]):
        if c.kind == "energy" and c.span:
            went[c.words.startswith("more")].append(c.span)
    found = {}
    for up, adjectives in ((True, GREW), (False, SANK)):
        if went[up]:
            a, b = min(x for x, _ in went[up]), max(y for _, y in went[up])
            found |= {f"{adj} {noun}": f"from {fmt(a)} to {fmt(b)}" for adj in adjectives for noun in STRETCHES}
    return found
