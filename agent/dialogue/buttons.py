"""A cue's button (a short, emphatic last chord: "button it on the last frame", "end on a hit") placed where the
music that plays last ends, or at the OUT said before it (`_buttoned`, `_cue_end`, `last_frame`); and the clock
times spotting notes are written back in (`clock`, `TIME_RE`). Read by `v2m.agent.dialogue.cues`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.counted import ORD
from v2m.agent.dialogue.place_words import CLOCK
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import ScorePlan, VideoAnalysis


# A button: the cue's short, emphatic last chord (read by `marks` as a stop mark)
# ("button" as a verb: "button it", "button on the downbeat", "button at 0:46"; "the button she presses" is a thing)
BUTTON_RE = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\bthat )(?<!\bthis )(?<!\bher )(?<!\bhis )(?<!\btheir )(?<!\bits )"
                       r"\bbutton(?:s|ed|ing)?(?: (?:it|the cue|the end|this|that|things)\b(?: (?:off|up|out)\b)?|"
                       r" (?:off|up|out)\b|(?=\s+(?:on|at|@)\b))", re.I)
PLACED_RE = re.compile(rf"\s*(?:it |the cue |that |this )?(?:on|at|in) (?:the )?(?:{ORD} (?:cut|shot)|(?:cut|shot) \d)", re.I)   # "button on the last cut"
# "end on a hit", "a sting at the very end", "finish with a button": a mark where the cue ends
END_ON_RE = re.compile(r"\b(?:end|finish|close|out)(?:s|ing)? (?:it |the cue |things |the piece )?(?:on|with) (?:a |an |one )?"
                       r"(?:big |strong |hard |final |last |proper |clean )?(?:hit|button|sting|stinger|stab|accent|crash|stop)\b"
                       r"|\b(?:hit|button|sting|stinger|stab|accent|crash|stop)(?: right| just)? (?:at|on) the (?:very )?end"
                       r"(?: of (?:the|it|this) (?:cue|video|clip|film|spot|piece))?\b(?! of (?:the|shot|a|an)\b)", re.I)


TIME_RE = re.compile(CLOCK)


def clock(t: float) -> str:
    """A time as the place finders read it, to the millisecond ("0:07.480")."""
    return fmt(round(t, 3), 3)


def _last_time(text: str, end: int) -> str | None:
    times = TIME_RE.findall(text[:end])
    return times[-1] if times else None


def last_frame(analysis: VideoAnalysis) -> float:
    """The moment of the video's last frame: its middle, so that a mark there sounds while it is on screen (a
    mark at the very end would fall after the music)."""
    return round(analysis.duration_s - 0.5 / (analysis.fps or 25.0), 3)


def _buttoned(text: str, analysis: VideoAnalysis, plan: ScorePlan, outs: set[str]) -> str:
    """A button with no moment in its clause, or a mark the cue ends on ("end on a hit", "a sting at the very end")
    in a note that names no time, cut or shot: where the music that plays last ends, or at the OUT said before it."""
    end = _cue_end(plan)
    at = f" at {clock(last_frame(analysis) if end >= plan.duration_s - 0.05 else end)}"
    if not TIME_RE.search(text) and not re.search(r"\bcuts?\b|\bshots?\b", text, re.I):
        text = END_ON_RE.sub(lambda m: re.sub(r"(?i)(?: right| just)? (?:at|on) the (?:very )?end\b.*$", "", m.group(0)) + at, text)
    out, last = [], 0
    for m in BUTTON_RE.finditer(text):
        sentence_end = re.search(r"[,;.!?\n]", text[m.end():])
        rest = text[m.end():m.end() + (sentence_end.start() if sentence_end else len(text))]
        said = _last_time(text, m.start())
        head = text[last:m.start()]   # "OUT 0:46 button it": a note of its own after the OUT's time
        head = re.sub(r"(?<=\d)\s+$", "; ", head)
        out.append(head + "button" + ("" if TIME_RE.search(rest) or PLACED_RE.match(rest) else f" at {said}" if said in outs else at))
        last = m.end()
    return "".join(out) + text[last:]


def _cue_end(plan: ScorePlan) -> float:
    """Where the music that plays last ends: the start of the silence at the end, else the video's end."""
    end = plan.duration_s
    for s in reversed(plan.sections):
        if s.music:
            break
        end = s.start_s
    return end
