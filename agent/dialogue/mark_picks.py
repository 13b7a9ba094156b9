"""Which marks a request picks when it names them by count, kind or a clock's second, for `marks.sync`:
"a sting on each of the first three cuts" (cuts counted from an end), "remove the sting" (the marks of a kind,
no place said), "stop at 0:46" for the cut at 0:46.4 (a whole second said for the cut inside it), and "three
stings, one on each of the first three cuts" (where the marks said before go, in a clause of its own), and "a
button at the end" in a request that names cuts too (where the cue ends, as `cues` reads it in one that names none)."""

from __future__ import annotations

import re

from v2m.agent.dialogue.buttons import _cue_end, clock, last_frame
from v2m.agent.dialogue.hit_words import GONE_VERBS
from v2m.agent.dialogue.place_words import COUNTS
from v2m.agent.dialogue.where import Ask, fmt, visible_cuts
from v2m.tools.contract import VideoAnalysis

# "a sting on each of the first three cuts", "hits on the last two cuts": that many cuts, counted from an end ("all
# three cuts": every one)
COUNTED_CUTS_RE = re.compile(r"\b(first|1st|opening|last|final|closing|all(?: the)?) (two|three|four|five|six|couple(?: of)?|few|\d{1,2}) cuts\b")
# where the marks said before go, said alone after a comma ("three stings, one on each of the first three cuts")
EACH_ONE_RE = re.compile(r"\W*(?:and |with )?(?:one|each(?: one)?) (?:(?:on|at|for) (?:each|every|the|all)|each)\b")
# a mark taken out: the words before the verb, the verb, a size said of the mark (both readers below)
_LEAD = r"\W*(?:(?:please|just|and|then|now|also|so|ok|okay|fine|alright|right|yeah|yes|well|hmm|um|oh|sure|actually) )*"   # "ok no crashes then"
_GONE = rf"(?:{GONE_VERBS}|cut)"
_SIZE = r"(?:big|little|small|loud|extra|new|sudden)"
# a kind of mark taken out with no place said ("remove the sting", "lose the stabs", "get rid of that crash")
GENERIC_RE = re.compile(r"hits?|accents?|marks?|thumps?|bangs?")   # a mark of no kind: any the person made
GONE_KIND_RE = re.compile(rf"{_LEAD}{_GONE} (?:the|that|this|those|these|all(?: the)?|my|our|your) (?:{_SIZE} )?"
                          r"(stabs?|stings?|stingers?|crash(?:es)?|swells?|stops?|buttons?|hits?|accents?|marks?|thumps?|bangs?)(?: out)?(?: (?:please|again|too|as well))?\W*")
# every mark taken out, or of a kind, said as all of them ("remove all the accents", "no sudden hits anywhere", "lose
# all the crashes", "no further crashes", "no more of the stings"; "no hit" alone is no such request): a hit or an
# accent names any mark, as the plan's marks are heard
ALL_MARKS_RE = re.compile(rf"{_LEAD}(?:{_GONE} (?:all(?: of)?(?: the| my| your| those)?|the|those|these|any)|no(?: (?:more|further)(?: of)?)?) "
                          rf"(?:(?:{_SIZE}|the|those|these) )*(?P<noun>hits|accents|marks|stabs|stings|crashes|swells)"
                          r"(?: (?:anywhere|at all|everywhere|out|please|again|anymore|any more))*\W*")

# a mark said at the end ("a button at the end", "a sting right at the very end"), not at the end of a shot
END_MARK_RE = re.compile(r"(?<!\bno )(?P<mark>\b(?:(?:big|final|last|hard|clean|short|little) )?(?:button|sting|stinger|stab|crash|stop))"
                         r"(?: right| just)? (?:at|on) the (?:very )?end\b(?! of (?:the |shot|\d))")

END_OF_RE = re.compile(r"\b(?:at|on|by|right at|just at) the (?:very )?end of\b")   # "a sting at the end of shot 2": where it ends


def at_end(analysis: VideoAnalysis, plan, t: str) -> str:
    """`t` with a mark said at the end placed where the music that plays last ends (the last frame when it
    plays to the end)."""
    end = _cue_end(plan)
    at = clock(last_frame(analysis) if end >= plan.duration_s - 0.05 else end)
    return END_MARK_RE.sub(rf"\g<mark> at {at}", t)


def ends(analysis: VideoAnalysis, span) -> float:
    """Where a place ends, as a moment to mark: its end, or the last frame when it runs to the end of the video."""
    return span.end_s if span.end_s < analysis.duration_s - 0.05 else last_frame(analysis)


def counted_cuts(analysis: VideoAnalysis, t: str) -> list[float] | None:
    """The cuts "the first three cuts" or "the last 2 cuts" names, in order; None when `t` counts none."""
    m = COUNTED_CUTS_RE.search(t)
    cuts = visible_cuts(analysis)
    if not m or not cuts:
        return None
    k = COUNTS.get(m.group(2)) or int(m.group(2))
    return cuts if m.group(1).startswith("all") else cuts[:k] if m.group(1) in ("first", "1st", "opening") else cuts[-k:]


def of_kind(plan, t: str, kind_of) -> list[float] | None:
    """The marks "remove the sting" takes out (`kind_of`: a word's kind of mark): every mark of that kind when
    the words say more than one ("lose the stabs") or there is one, None when `t` is no such request or the
    plan has none of that kind.

    Raises:
        Ask: one mark named and several of that kind in the plan; all of them said and none left.
    """
    if (every := ALL_MARKS_RE.fullmatch(t)):   # all of them: of the kind named, or any when a hit or an accent is
        kind = kind_of(every["noun"])
        if not (there := [h.time_s for h in plan.hit_points if kind is None or h.kind == kind]):   # said again, none left
            raise Ask(f"The score has no {every['noun'].lower()} now to take out. Did you mean something else?")
        return there
    m = GONE_KIND_RE.fullmatch(t)
    kind = kind_of(m.group(1)) if m and not GENERIC_RE.fullmatch(m.group(1)) else None
    there = [h.time_s for h in plan.hit_points if kind is not None and h.kind == kind]
    if m and kind is None:   # "lose the hit": a mark of no kind said, the ones the person made (never the style's own)
        there = [h.time_s for h in plan.hit_points if h.source == "user"]
        kind = "mark"
    if not there:
        return None
    if len(there) > 1 and not m.group(1).endswith("s"):
        raise Ask(f"There are {kind}s at " + ", ".join(fmt(x) for x in there) + "; which one should go?")
    return there


def on_cut(analysis: VideoAnalysis, t: float) -> float:
    """A moment said in whole seconds with a cut inside that second ("stop at 0:46" for the cut at 0:46.4, as a
    player's clock shows it): the cut; else `t`."""
    inside = [x for x in visible_cuts(analysis) if t <= x < t + 1] if t == int(t) else []
    return inside[0] if len(inside) == 1 else t
