"""Where an edit applies, as the place finders (`v2m.agent.dialogue.place_finders`) give it: a `Span` of the video,
or `Ask` with a polite question when a reference cannot be resolved, never a guess. Here too: the cuts and shots a
viewer counts (`visible_cuts`, `visible_shots`), span edges snapped onto a cut (`snap`), the shot leading in
(`lead_in`), the moment a clause names (`moment`), and times as replies write them (`fmt`).

    span = locate("slower in the second half", analysis, plan)   # place_finders.locate: Span(5.48, 10.0, ...) or None
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from v2m.agent.dialogue.place_words import TIME, parse_time
from v2m.agent.dialogue.rising import INTO_RE  # noqa: F401 - growing "into" a place happens before it (names, sides)
from v2m.tools.contract import VideoAnalysis

SNAP_S = 0.8   # a span edge this close to a shot boundary snaps to it, so an edit starts with the picture's cut

# A shot shorter than this (a black first frame, a one- or two-frame flash) is not one a viewer counts ("the second cut")
MIN_VISIBLE_SHOT_S = 0.2
MIN_PIECE_S = 0.5   # an edit changes no stretch shorter than this (`operations.split_at` leaves no sliver)


def visible_cuts(analysis: VideoAnalysis) -> list[float]:
    """Shot boundaries a viewer would count: a cut out of a too-short shot (the black first frame, the
    end of a flash) is not one; the cut into a flash is."""
    shots = analysis.shots
    return [s.start_s for k, s in enumerate(shots[1:], 1) if shots[k - 1].duration_s >= MIN_VISIBLE_SHOT_S]


def visible_shots(analysis: VideoAnalysis) -> list[tuple[float, float]]:
    """(start, end) of each shot a viewer counts, the too-short ones joined to their neighbour."""
    edges = [0.0, *visible_cuts(analysis), analysis.duration_s]
    return list(zip(edges, edges[1:]))


# ("there" of being is no place: "there is", "is there any way to make the bass louder", "could there be a hit")
DEICTIC_RE = re.compile(r"\b(?:(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bcan )(?<!\bcould )(?<!\bwould )(?<!\bwill )"
                        r"there(?!'s|'re| (?:is|are|was|were|isn'?t|aren'?t|wasn'?t|weren'?t|seems?|must|should|might|may|be)\b)|(?:(?<=stop )|(?<=crash )|(?<=hit )|(?<=accent )|(?<=stab ))here|"
                        r"in there|those (?:same )?(?:shots?|parts?|bars|sections?)|the same (?:shots?|part|place|spot|"
                        r"section|moment)|that (?:last |final |first |same |other )?(?:part|bit|section|spot|shot|moment|stretch|"
                        # the stretch named by the shape the last edit gave it ("the piano is lost during that build")
                        r"build(?:-| )?up|build|swell|crescendo|climb|rise|fade(?:-| )?(?:in|out)|fade|passage))\b")
WHOLE_RE = re.compile(r"\b(?:everywhere|overall|globally|the (?:whole|entire) (?:thing|score|piece|video|track|clip|film|song|way "
                      r"through|time|length)|all of it|throughout|all the way through|(?:start|beginning) (?:to|till|until) (?:the )?(?:very )?"
                      r"(?:finish|end)|(?<!drop )(?<!lose )(?<!mute )(?<!kill )(?<!cut )(?<!remove )(?<!over )(?<!above )(?<!of )(?<!drowns )(?<!drowning )(?<!buries )"
                      r"(?<!burying )everything(?! else| but| except| apart| other))\b")   # "screaming over everything": a part against the rest
ALL_MUSIC_RE = re.compile(r"\b(?:the overall|overall (?:volume|level|loudness|mix)|the (?:whole|entire) (?:thing|track|piece|"
                          r"mix|band)|everything)\b")   # all the music, beside a place it is at ("the overall volume in shot 1")


class Ask(Exception):
    """The reference cannot be resolved; the message is the question to put to the user."""


class Unknown(Ask):
    """Words the grammar could not read at all (`phrase`): its question names them and lists what it can do; a
    reader that knows more (the intent model, see `arbiter.sharpened`) may turn it into a concrete offer."""

    def __init__(self, question: str, phrase: str):
        super().__init__(question)
        self.phrase = phrase


@dataclass
class Span:
    """A stretch of the video an edit addresses."""

    start_s: float
    end_s: float
    label: str
    sections: list[int] | None = field(default=None)  # exact plan sections, when named ("the intro")
    snap: bool = True
    seen_s: float | None = None   # where a viewer sees the place start, when it is heard from earlier (a sliver of a last shot)


def fmt(t: float, places: int = 1) -> str:
    """0:07.5 style time for replies; with `places` > 1 always to that many places, as the place finders read a
    time written back into a request exactly ("0:03.04", "0:19.00", "0:07.480")."""
    m, s = divmod(round(t, places), 60)   # 59.97 s is 1:00, never 0:60.0
    return f"{int(m)}:{s:0{places + 3}.{places}f}" if s % 1 or places > 1 else f"{int(m)}:{int(s):02d}"


def snap(span: Span, analysis: VideoAnalysis) -> Span:
    """Move span edges that sit near a shot boundary onto it, so the change starts with the cut."""
    if not span.snap or span.sections is not None:
        return span
    cuts = analysis.boundaries_s
    def _near(t: float) -> float:
        if t <= 0.05 or t >= analysis.duration_s - 0.05 or not cuts:
            return t
        c = min(cuts, key=lambda x: abs(x - t))
        return c if abs(c - t) <= SNAP_S else t
    a, b = _near(span.start_s), _near(span.end_s)
    if b - a < 0.1:
        a, b = span.start_s, span.end_s
    return Span(a, b, span.label, None, False)


def lead_in(span: Span, analysis: VideoAnalysis) -> Span:
    """The shot that leads into `span` (from the last visible cut before it to its start)."""
    if span.label == "the ending":  # "grow toward the end": across the whole score, arriving at its end
        return Span(0.0, span.end_s, "from the start to the end", snap=False)
    before = [c for c in (0.0, *visible_cuts(analysis)) if c < span.start_s - 0.5]
    return Span(before[-1], span.start_s, f"the shot before {fmt(span.start_s)}", snap=False)


def moment(text: str) -> float | None:
    """The time a clause names as a moment ("at 0:22", "around 41 seconds"), or None."""
    m = re.search(rf"\b(?:at|around|on) {TIME}", text)
    return parse_time(m.group(1)) if m else None
