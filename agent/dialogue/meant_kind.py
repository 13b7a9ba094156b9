"""A correction of what the last edit did, not of where it went ("no, not slower, I meant calmer", "not louder, I
meant brighter"): back to the plan before it, then the edit now said at the last edit's place (`understanding.retarget`
corrects the place: "no, I meant the third shot"). A part turned down when it was wanted out ("not quieter, GONE", "I did
not say lower. Remove it"): that part out at the last edit's place (`gone`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.phrases import TEMPO_WORDS
from v2m.agent.dialogue.place_words import OWN_PLACE_RE
from v2m.agent.dialogue.where import Ask, Span, fmt
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis

MEANT_RE = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|wait|actually|hmm)\W+)*not (?P<old>[a-z' -]{2,30}?)\W*(?:,\s*)?"
                      r"(?:i |we )?(?:meant|mean|wanted|want|asked for|said)\s+(?P<new>[a-z][a-z' -]{1,40}?)\W*$", re.I)
COMPARED_RE = re.compile(r"\b(?:more|less|too|so)\b|\b[a-z]{2,}(?<!ev)(?<!nev)er\b", re.I)   # "not slower", "not so loud"
TEMPO_WORDS_RE = re.compile(rf"\b(?:{TEMPO_WORDS}|slow|fast|quick)\b", re.I)   # "not slow": the tempo too
# "not quieter, GONE", "no not softer, i want it gone", "I did not say lower. Remove it, please.", "not turned down, OUT"
LOWER = r"(?:quieter|softer|lower|less loud|down|turned down|turn(?:ed)? (?:it|them) down|lowered|lower(?:ed)? (?:it|them))"
GONE_RE = re.compile(rf"^\W*(?:(?:no|nope|sorry|wait|hmm|ugh|nah)\W+)*(?:i (?:did not|didn'?t|didnt) (?:say|mean|want|ask(?: for)?) |"
                     rf"not )(?:it |them )?{LOWER}\W+(?:(?:i|we) (?:want|need|meant|mean|said) (?:it |them )?|just |please |pls )*"
                     r"(?:gone|out|off|removed|deleted|remove (?:it|them)|take (?:it|them) out|get rid of (?:it|them)|kill (?:it|them)|"
                     r"lose (?:it|them)|cut (?:it|them))(?: completely| entirely| altogether)?\W*(?:please|pls)?\W*$", re.I)


def rekinded(analysis: VideoAnalysis, request: str, history: list[ScorePlan] | None,
             read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]], place: Span | None) -> list[EditIntent] | None:
    """The last edit taken back and the edit now meant made at its place (`place`, where it changed the plan); None
    when the request is no such correction, names a part or a place (other readers' corrections) or reads nothing."""
    m = MEANT_RE.match(request.strip())
    if not m or not history or len(history) < 2 or place is None:
        return None
    said = f"{m['old']} {m['new']}".lower()
    if named_parts(said) or OWN_PLACE_RE.search(said):
        return None   # "not the bass, I meant the drums"; "not shot 2, I meant shot 3"
    try:   # "not now/yet/bad, I want it darker": the words after "not" ask nothing of the music, so they correct no edit
        if not COMPARED_RE.search(m["old"]) and not read(history[-2], m["old"], history[:-1]):
            return None
    except Ask:
        return None
    whole = place.start_s < 0.05 and place.end_s > analysis.duration_s - 0.05
    text = m["new"] if whole else f"{m['new']} from {fmt(place.start_s, 2)} to {fmt(place.end_s, 2)}"
    if TEMPO_WORDS_RE.search(m["old"]) and not TEMPO_WORDS_RE.search(m["new"]):
        text += ", but keep the tempo"   # "not slower, I meant calmer": calm without the slowing taken back
    try:
        meant = read(history[-2], text, history[:-1])
    except Ask:
        return None
    if not meant or any(it.what in ("revert", "undo") for it in meant):
        return None
    return [EditIntent(what="revert", version=-1, text=request[:400]), *(it.model_copy(update={"text": request[:400]}) for it in meant)]


def gone(analysis: VideoAnalysis, request: str, history: list[ScorePlan] | None,
         read: Callable[[ScorePlan, str, list[ScorePlan]], list[EditIntent]], place: Span | None) -> list[EditIntent] | None:
    """The part the last edit turned down taken out at that edit's place (`GONE_RE`; the whole score when
    `place` is None); None when the request is no such correction or the last edit turned no one part down."""
    if not history or len(history) < 2 or not GONE_RE.match(request.strip()):
        return None
    before, last = history[-2], history[-1]
    was = [before.sections[before.section_at(b.start_s + 0.01)] for b in last.sections]   # (a place's edit splits them)
    lowered = sorted({r for a, b in zip(was, last.sections) for r, db in (b.levels_db or {}).items()
                      if db < (a.levels_db or {}).get(r, 0.0)})
    if len(lowered) != 1:
        return None
    whole = place is None or place.start_s < 0.05 and place.end_s > analysis.duration_s - 0.05   # None: the whole score
    text = f"take out the {lowered[0]}" + ("" if whole else f" from {fmt(place.start_s, 2)} to {fmt(place.end_s, 2)}")
    try:
        out = read(last, text, history)
    except Ask:
        return None
    if not out or any(it.what != "remove" for it in out):
        return None
    return [it.model_copy(update={"text": request[:400]}) for it in out]   # its level moot once it is out
