"""A loose place and the times that say which part of it was meant, in one message: "the middle sags. 0:30 to 0:52
is too polite", "back half drags, kick it up a gear after 0:57". A person names the stretch loosely first (the middle,
the back half, the intro), then says it exactly; read apart, the loose place is a second, wider stretch (the middle
is 0:22-0:52 on this clip) and its edit spills onto music nobody asked to change. So every edit of the message placed
at a loose place the times overlap, and said again at the times (the same kind, the same way), takes the times' stretch
instead, and an edit made twice by that is made once.

    from v2m.agent.dialogue.loose_places import narrowed
    narrowed(intents)   # [energy up at 'the middle' 22-52, energy up 30-52] -> [energy up 30-52]

So is an edit of the whole said "up top" (an editor's start, no place the finders read) where that stretch starts at the
top: "too mournful up top, it's a RECOVERY story. lift 0-15" brightens 0-15, not the whole score.

Only where the message says one stretch in numbers (a time, a counted shot or cut); two different ones, or none, leave
the intents as they are, and so does a loose place the times do not overlap ("slower in the intro, and from 0:40 on
louder": two places).
"""

from __future__ import annotations

import re

from v2m.tools.contract import EditIntent

# The loose names of a stretch (`where`'s labels for them, without their times): the halves, the middle, the ends
LOOSE_RE = re.compile(r"^(?:the )?(?:(?:first|second|back|front|last|latter|early|later) half|middle(?: part| bit| section)?|"
                      r"intro|introduction|beginning|start|opening|ending|end|outro|finale|close|top|up top)$")
TIMED_RE = re.compile(r"\d")   # a stretch said in numbers: "from 0:30 to 0:52", "after the cut at 0:57", "shots 2-4"
# "up top": an editor's start, which no finder reads as a place ("a part up top" is its place in the mix, not in time).
# An edit of the whole said with it is loose too where the message's one stretch in numbers starts at the top: "too
# mournful up top, it's a RECOVERY story. lift 0-15" asks the brighter key for 0-15, not for the whole score
UP_TOP_RE = re.compile(r"\bup top\b")
TOP_S = 0.05   # a stretch starting this close to 0:00 starts at the top
PART_EDITS = ("add", "remove", "swap", "only", "balance")
DRIVE = ("tempo", "energy", "loudness", "shape", "mood")


def _span(it: EditIntent) -> tuple[float, float] | None:
    s = it.scope
    return (s.start_s, s.end_s) if s.kind != "whole" and s.start_s is not None and s.end_s is not None else None


def _loose(it: EditIntent) -> bool:
    return _span(it) is not None and LOOSE_RE.match(it.scope.label.split(" (")[0].strip()) is not None


def _restated(it: EditIntent, timed: list[EditIntent]) -> bool:
    """The loose edit said again at the times ("the middle sags. 0:30 to 0:52 is too polite": energy up both): the same
    kind of change (tempo and energy alike) the same way; another change at the times is its own ("in the second half
    bass out, and slower from 0:50 only": the bass out in the whole second half)."""
    def kind(x: EditIntent) -> tuple:   # tempo and energy both the drive ("back half drags, kick it up a gear after 0:57")
        return ("drive" if x.what in DRIVE else x.what, x.direction)
    return any(kind(t) == kind(it) for t in timed)


def _up_top(it: EditIntent, start_s: float) -> bool:
    """An edit of the whole said "up top" (not a part's place in the mix), with the stretch in numbers at the top."""
    return it.scope.kind == "whole" and it.what not in PART_EDITS and start_s <= TOP_S and \
        UP_TOP_RE.search(it.text.lower()) is not None


def narrowed(intents: list[EditIntent]) -> list[EditIntent]:
    """`intents` with each edit at a loose place (or said "up top", where the stretch starts at the top) moved to the
    one stretch the message says in numbers, where the two overlap; an edit that is then the same as another (what,
    which way, value, part, place) is kept once."""
    timed = [it for it in intents if _span(it) and not _loose(it) and TIMED_RE.search(it.scope.label) and not it.scope.times_s]
    if len({_span(it) for it in timed}) != 1:
        return intents
    a, b = _span(timed[0])
    if not any(_loose(it) or _up_top(it, a) for it in intents):
        return intents
    out: list[EditIntent] = []
    for it in intents:
        if _loose(it) and (span := _span(it)) and span[0] < b and a < span[1] and _restated(it, timed) or _up_top(it, a):
            it = it.model_copy(update={"scope": timed[0].scope})
        key = (it.what, it.direction, it.value, it.target, it.scope)
        if not any((x.what, x.direction, x.value, x.target, x.scope) == key for x in out):
            out.append(it)
    return out
