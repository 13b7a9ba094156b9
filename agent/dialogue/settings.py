"""Settings said as they are, not as orders: a tempo said to stay ("calmer, but keep the tempo as it is") and a
mode said with how the music sounds in it ("In major it sounds like a toy advert"). The first holds the tempo
against every other change of the turn (a calmer mood plays no slower); the second is a complaint about that mode,
so the other one is asked for ("keep it in minor, it sounds like a thriller" keeps it, and says why). A tempo said
as another place's ("the ending the same speed as the intro") is that place's tempo now; a level said as another
place's ("make it as loud as the intro") is that place's energy now, reached from below (`amounts.to_level`).

    request, held = holding("Please make it more calm, but the tempo shall stay as it is.")
    request, held          # "Please make it more calm.", True
    kept(intents, held)    # a mood with its tempo factor as its energy (and mode) alone; no tempo intent
    said_in_mode("Can it be in minor? In major it sounds like a toy advert.")   # "Can it be in minor? make it minor."
    same_tempo_as("the ending the same speed as the intro", analysis, plan)   # "the ending at 118.5 bpm"
    same_level_as("make it as loud as the intro", analysis, plan)   # "make it energy up to 51%"

Read by `v2m.agent.dialogue.understanding` (the hold, around both readers) and `v2m.agent.dialogue.edits` (the
mode, before similes read "it sounds like ..." as a feeling).
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.phrases import FAST_RE, SLOW_RE
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent

TEMPO = r"(?:the )?(?:tempo|speed|pace|bpm)"
AS_IT_IS = r"(?: (?:exactly )?(?:the same|as it is|as is|where it is|unchanged|steady|constant|as it was|like it is|like this))"
# the tempo said to stay, as its own clause beside a change ("..., but keep the tempo", "the speed must stay as it is",
# "without changing the pace", "at the same tempo")
HOLD_TEMPO_RE = re.compile(rf"[,;]?\s*\b(?:(?:but|and|while|though|just|please) )*(?:(?:keep|leave|hold) {TEMPO}{AS_IT_IS}?"
                           rf"|{TEMPO} (?:(?:shall|should|must|can|has to|needs to|will|to|may) )?(?:stays?|remains?|be kept|"
                           rf"stay put|is fine|doesn'?t change|does not change|not change){AS_IT_IS}?"
                           rf"|(?:don'?t|do not|without|no need to) (?:chang(?:e|ing)|touch(?:ing)?|alter(?:ing)?) {TEMPO}"
                           rf"|(?:at|in|with) the same (?:tempo|speed|pace|bpm)|same (?:tempo|speed|pace|bpm))\b(?: please)?"
                           r"(?!\s+(?:in|for|at|during|before|after|until|till|from|through|on|over|between)\b)", re.I)   # not a place kept
# the tempo said to stay as a speed the change must not take ("brighter, but not faster", "livelier without speeding it
# up", "calmer, just don't slow it down"): held only when the rest names no speed of its own ("not faster, slower")
NOT_SPEED_RE = re.compile(r"[,;]?\s*\b(?:(?:but|and|while|though|just|please) )*(?:(?:not|no|never) (?:any |much |a bit |too )?"
                          r"(?:faster|quicker|slower)|without (?:speeding|slowing|rushing)(?: (?:it|things))?(?: up| down)?|"
                          r"(?:don'?t|do not) (?:speed|slow|rush)(?: (?:it|things))?(?: up| down)?)\b(?: (?:though|please|tho))?"
                          r"(?! than\b)", re.I)
SPEED_RE = re.compile(rf"{FAST_RE}|{SLOW_RE}|\b(?:tempo|bpm)\b", re.I)
# what is left of a request once the hold is taken out: something to do, not only punctuation and fillers
LEFT_RE = re.compile(r"[a-z]{3,}", re.I)


def holding(request: str) -> tuple[str, bool]:
    """The request without the words that hold the tempo, and whether it said so; as it was when those words are
    all it says ("keep the tempo as it is" alone is a lock of its own, read elsewhere)."""
    rest = HOLD_TEMPO_RE.sub("", request)
    if rest == request and (rest := NOT_SPEED_RE.sub("", request)) != request and SPEED_RE.search(rest):
        return request, False   # "not faster, slower": the speed said is the change
    if rest == request or not LEFT_RE.search(rest):
        return request, False
    return rest, True


def kept(intents: list[EditIntent], held: bool) -> list[EditIntent]:
    """`intents` with the tempo held: no tempo change, and a mood's energy and mode without its tempo factor. A
    tempo said in numbers where a mood is asked ("calm it down to 90 in shot 3") is that place's tempo: the mood
    there keeps its energy and mode, not its tempo factor on top (before: 90, then 81)."""
    told = {_place(it) for it in intents if it.what == "tempo" and it.direction == "set" and it.amount}
    if not held and not told:
        return intents
    out = []
    for it in intents:
        mood = MOODS.get(it.value or "") if it.what == "mood" else None
        if it.what == "tempo":
            out += [] if held else [it]
            continue
        if mood is None or mood.tempo == 1.0 or not held and _place(it) not in told:
            out.append(it)
            continue
        if mood.mode:
            out.append(it.model_copy(update={"what": "mode", "value": mood.mode, "direction": "set"}))
        if mood.energy:
            out.append(it.model_copy(update={"what": "energy", "value": None, "amount": abs(mood.energy),
                                             "direction": "up" if mood.energy > 0 else "down"}))
    return out


def _place(it: EditIntent) -> tuple:
    return it.scope.kind == "whole", it.scope.start_s, it.scope.end_s


# a mode said with how the music sounds in it, as it is now ("in major it sounds like an advert for toys", "in a minor
# key it feels too sad"): a complaint about that mode, read as the other one; the rest of the sentence is why
KEY_AS_IS_RE = re.compile(r"\b(?:in|with) (?:a |the )?(major|minor)(?: key| mode| scale)?,? (?:it|this|that|the music|the "
                          r"(?:score|track|song|tune|piece)|everything)(?:'s| is| sounds| feels| seems| comes across)(?: (?:a bit|"
                          r"a little|kind of|kinda|really|very|way|far|so|much|just))* (?:like|too)\b"
                          r"(?!(?![^.!?;\n]*(?:n't|\bnot|\bnever|\bno longer)\b)"
                          r"[^.!?;\n]*\b(?:love|great|perfect|nice|good|better|beautiful|lovely|right|want|wanted|fits|suits|works|keep)\b)"
                          r"[^.!?;\n]*", re.I)   # not praise, nor "which is what we want" (but "which doesn't fit what we want" is)
# the mode said to stay before how it sounds ("keep it in minor, it sounds like a thriller"): the sound is why it stays;
# not "don't keep it in minor, it sounds like a funeral" (the other mode)
KEPT_BEFORE_RE = re.compile(r"(?<!n't )(?<!\bnot )(?<!\bnever )\b(?:keep|leave|stay|stays|staying|remain|remains)(?: (?:it|this|that|the music|everything))?"
                            r"(?: \w+)?\s*$", re.I)
OTHER_MODE = {"major": "minor", "minor": "major"}


def said_in_mode(request: str) -> str:
    """`request` with each mode said as the music sounds in it now read as a wish for the other mode."""
    def other(m: re.Match) -> str:
        if KEPT_BEFORE_RE.search(request[:m.start()]):
            return f"in {m.group(1)}"   # "keep it in minor": the rest is why
        return f"make it {OTHER_MODE[m.group(1).lower()]}"
    return KEY_AS_IS_RE.sub(other, request)


# a place's tempo said as another place's ("the ending should be the same speed as the intro", "make the outro the same
# tempo as shot 2"): that place's tempo now, in bpm, so the tempo reader sets it ("... at 118.5 bpm")
SAME_TEMPO_AS_RE = re.compile(r"\b(?:(?:be|go|play|run|move|at|in) )?(?:exactly )?the same (?:tempo|speed|pace|bpm) as "
                              r"(?P<place>[^,.;!?]+?)(?:'s| is| was| has)?(?=\s*$|\s*[,.;!?]|\s+(?:and|but|then|please)\b)", re.I)
# the same said in other shapes: "shot 4 at the tempo of the intro", "match the tempo of shot 1", "match the intro's
# tempo in the last shot"; the place said ends where the place of the edit begins ("... in the last shot")
TEMPO_OF_RE = re.compile(r"\b(?:(?:at|to|with|in|match|matches|matching) )(?:exactly )?the (?:same )?(?:tempo|speed|pace|bpm) of "
                         r"(?P<place>[^,.;!?]+?)(?=\s*$|\s*[,.;!?]|\s+(?:and|but|then|please|in|for|during|from|on)\b)|"
                         r"\bmatch(?:es|ing)? (?P<owner>(?:the )?[a-z0-9 ]+?)'s? (?:tempo|speed|pace|bpm)\b", re.I)


# asked ("is the ending the same speed as the intro?") or told as it is ("the ending is the same speed as the intro, which
# is good"): no wish, left to the question and praise readers; a wish asked politely ("can you make ...?") still is one
SAME_WISHED_RE = re.compile(r"\b(?:make|makes|set|put|bring|change|should|shall|want|wants|need|needs|needed|has to|have to|"
                            r"let|get|keep|match|play|take|go|be)\b", re.I)
SAME_ASKED_RE = re.compile(r"\?|^\W*(?:is|are|was|does|do|did|has|have)\b", re.I)
SAME_TOLD_RE = re.compile(r"(?:\b(?:is|are|was|were|isn't|aren't|wasn't)|'s|'re)\s*$", re.I)


def _not_wished(request: str, m: re.Match) -> bool:
    """Whether the clause of `m` asks or tells how things are ("is the ending as loud as the intro?") and wishes nothing."""
    before = request[max(request.rfind(c, 0, m.start()) for c in ".;!?") + 1:m.start()]
    return not SAME_WISHED_RE.search(before + m.group(0)) and \
        bool(SAME_ASKED_RE.search(before + request[m.start():].split(".")[0]) or SAME_TOLD_RE.search(before))


def same_tempo_as(request: str, analysis, plan) -> str:
    """`request` with a tempo said as another place's read as that place's tempo in bpm; as it was when the other
    place is no place found, or when the clause asks or tells how things are and wishes nothing."""
    def bpm(m: re.Match) -> str:
        if _not_wished(request, m):
            return m.group(0)
        try:
            span = locate(m["place"] or m.groupdict().get("owner"), analysis, plan)
        except Ask:   # a question about the place said: left to the readers, which ask it again
            return m.group(0)
        if span is None:
            return m.group(0)
        s = plan.sections[plan.section_at(span.start_s)]
        return f"at {(s.tempo_bpm or plan.tempo_bpm):g} bpm"
    return TEMPO_OF_RE.sub(bpm, SAME_TEMPO_AS_RE.sub(bpm, request))


# a level said as another place's ("make it as loud as the intro", "the ending as quiet as shot 1", "bring the rest up to
# the level of the intro", "the same energy as shot 2"): that place's energy now, as a level to reach. "As loud as" is
# a floor (what is louder stays: before, the whole mix went 3 LUFS quieter), "as quiet as" a ceiling, "the same" both
UP_WORDS, DOWN_WORDS = "loud|big|full|energetic|intense|lively|busy|strong|powerful|punchy", "quiet|soft|calm|gentle|sparse|small|still"
LEVEL_AS_RE = re.compile(rf"\b(?:(?:(?:just |every bit )?as (?:(?P<up>{UP_WORDS})|(?P<down>{DOWN_WORDS}))|the same (?:energy|level|"
                         r"volume|loudness|intensity)) as|(?P<to>up|down) to the (?:level|energy|volume|loudness) of) "
                         r"(?P<place>[^,.;!?]+?)(?:'s| is| was| has)?(?=\s*$|\s*[,.;!?]|\s+(?:and|but|then|please|pls|in|for|during|from|on)\b)", re.I)


def same_level_as(request: str, analysis, plan) -> str:
    """`request` with a level said as another place's read as that place's energy, to reach ("energy up to 51%"); as
    said when the other is no place found ("as loud as you like", "as loud as it can go": `phrases.AS_WISHED`)."""
    def level(m: re.Match) -> str:
        if _not_wished(request, m):
            return m[0]
        try:
            span = locate(m["place"], analysis, plan)
        except Ask:
            return m[0]
        if span is None:
            return m[0]
        now = [s.energy for s in plan.sections if s.start_s < span.end_s - 0.05 and s.end_s > span.start_s + 0.05]
        way = "up" if m["up"] or m["to"] == "up" else "down" if m["down"] or m["to"] == "down" else ""
        at = max(now) if way == "up" else min(now) if way == "down" else now[0]
        return f"energy {way + ' ' if way else ''}to {round(at * 100)}%"
    return LEVEL_AS_RE.sub(level, request)
