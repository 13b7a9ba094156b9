"""A place or a setting put back as it was: "put the ending back", "restore the intro", "put the tempo back in shot 3",
"undo the tempo in shot 3 only". `references` reads the words (`PUT_BACK_RE`, one of its references to the version
before), `edits` places the revert where the clause names a place, and `intents._revert` brings back only the setting
named and only there (`placed`), as it was before the latest edit that changed it there (`versions.last_change_of`).

    put_back.placed(e, old, "tempo")   # shot 3's tempo as in `old`; every other shot, and all else, as it is
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import operations as ops
from v2m.tools.contract import ScorePlan

# what is put back: a setting ("the tempo") or an end of the cue or a shot ("the ending", "shot 3"); not a part ("put the
# drums back" plays them again: `orchestration`), nor "it", whose undo is `references.PREVIOUS_RE`'s ("put that back")
SETTING = r"(?:tempo|speed|pace|bpm|energy|key|mode|volume|loudness)"
PLACE = (r"(?:end|ending|outro|intro|introduction|finale|opening|start|beginning|last bit|first bit|(?:first|last|final|opening) shot"
         r"|shot \d+|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) shot)")
# "put the ending back", "set the tempo back in shot 3", "the tempo back in shot 3", "restore the intro", "the old ending
# back"; not "the tempo back down", "back a bit", "back up", "back to 120" (a new value), "bring the intro back at the end"
# "get the energy back" and ", energy back" beside another order raise it again after a dip ("make shot 3 calm and get
# the energy back in shot 4", "calm in shot 3, energy back in shot 4": a clause of its own, no "the"): not a revert
_NOT_ENERGY = r"(?!(?:the |my |our )?energy\b)"
PUT_BACK_RE = re.compile(rf"(?:\b(?:put|set|change|turn|switch|have)\s+|\bget\s+{_NOT_ENERGY}|^\s*(?:and\s+|also\s+|now\s+)?(?!energy\b)|,\s*{_NOT_ENERGY})"
                         rf"(?:the |my |our )?(?:old |earlier |previous |original )?(?:{SETTING}|{PLACE})(?:'s {SETTING})?"
                         rf"(?: in {PLACE})? back\b(?!\s+(?:up|down|off|a\b|an?\s|some|slightly|to (?!(?:how|the way|what|"
                         rf"where|normal|before|it|its)\b)|at\b|later|again|for\b))"
                         rf"|\b(?:restore|reinstate) (?:the |my |our )?(?:old |earlier |previous |original )?(?:{SETTING}|{PLACE})\b")
PLACED = ("tempo", "energy")   # the settings a section holds: brought back in one place only; the others are the score's
PREPOSITION_RE = re.compile(r"^(?:from|after|before|until|till|in|at|on|between|during|over|through)\b")   # a place label said with its own preposition ("after 0:20"): no "in"


def placed(e, old: ScorePlan, attr: str) -> None:
    """`attr` ("tempo" or "energy") of the edit's sections (every one where it names no place) as the same times had it
    in `old`, the tempo held or free as it was; everything else as it is ("put the tempo back in shot 3": shot 3's)."""
    keys = ("tempo_bpm", "tempo_asked") if attr == "tempo" else ("energy",)
    p, idx = e.plan, range(len(e.plan.sections)) if e.span is None else e.idx
    for i in idx:
        s = p.sections[i]
        was = old.sections[old.section_at((s.start_s + s.end_s) / 2)]
        p.sections[i] = s.model_copy(update={k: getattr(was, k) for k in keys})
        if attr == "tempo" and e.span is not None and was.tempo_bpm is None:   # it played at the score's tempo then
            p.sections[i] = p.sections[i].model_copy(update={"tempo_bpm": old.tempo_bpm, "tempo_asked": old.tempo_asked})
    if attr == "tempo" and e.span is None:
        p.tempo_bpm, p.tempo_asked = old.tempo_bpm, old.tempo_asked
    elif attr == "tempo":
        ops.regrid(p, list(idx))


def there(span) -> str:
    """The place a setting was put back at, said after it (" in shot 5 (0:16-0:20)", " after 0:20"); "" for none: "no
    edit so far changed the tempo in shot 5" when an edit changed it elsewhere."""
    if span is None:
        return ""
    return f" {span.label}" if PREPOSITION_RE.match(span.label) else f" in {span.label}"
