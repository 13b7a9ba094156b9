"""Where the music is said to end before the video does: "let the music end at the end of shot 5", "the music
should finish after the fifth shot", "end the music when shot 5 ends", "the music should end at 0:20": silence from
there to the end, said in the words the silence reader knows ("no music after 0:20").

    ended("let the music end at the end of shot 5", analysis)   # "no music after 0:20" (shot 5 ends at 0:20)

The end of the last shot is the video's own end: nothing to take out; said alone, the reply says so and asks whether
the end should sound different (a fade, a final hit); beside another change, it asks nothing of its own. Read by
`v2m.agent.dialogue.understanding` before a request is cut into clauses. The music said to stop ("the music should
stop at the end of shot 3") is a stop mark at that moment, `hit_words`' reading, not read here.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.arbiter import Offer
from v2m.agent.dialogue.counted import ORD, nth
from v2m.agent.dialogue.cues import ASKED_RE
from v2m.agent.dialogue.phrases import SMALL_TALK
from v2m.agent.dialogue.vocab import MUSIC
from v2m.agent.dialogue.where import fmt, visible_shots
from v2m.tools.contract import VideoAnalysis

_MAY = r"(?:(?:should|must|needs? to|has to|will|can|could|to|is going to|gonna) )?(?:just )?"
_ENDS = r"(?:end|ends|ending|finish|finishes|finishing|be over|is over|run out|runs out)"   # "stop" is `hit_words`' mark
_SHOT = rf"(?:the )?(?:{ORD} shot|shot (\d+))"
# where: the end of a shot ("at the end of shot 5", "when the fifth shot ends", "after shot 5", "with shot 5") or a time
_AT = (rf"(?:(?:at|by|with) the end of {_SHOT}|(?:when|as|where) {_SHOT} ends|(?:right )?after {_SHOT}|(?:with|at) {_SHOT}'?s? end|with {_SHOT}(?= *$| *[,.;!?])|"
       rf"(?:at|by|on) (?P<t>\d+:\d\d(?:\.\d+)?)|(?P<video>(?:at|by|with) the (?:very )?end of the (?:video|clip|film|movie)|"
       r"(?:when|as) the (?:video|clip|film|movie) ends|with the (?:video|clip|film|movie)))")
ENDED_RE = re.compile(rf"\b(?:(?:let|have|make) {MUSIC} {_ENDS}|{MUSIC} {_MAY}{_ENDS}|(?:end|finish) {MUSIC}) {_AT}"
                      rf"(?:,? (?:and |with )?(?:then )?(?:silence|nothing|no music) (?:after(?: that| it)?|from (?:there|then) on))?", re.I)

SENTENCE_RE = re.compile(r"[^.;!?\n]*[?]?")
FILLER = {*SMALL_TALK, "just", "please", "pls", "can", "could", "you", "we", "i", "want", "think", "then", "so", "there"}
# the music spoken of, not ordered: "the music ending at 0:50 is too abrupt", "the track ending at ... feels right"
SPOKEN_OF_RE = re.compile(rf"^{MUSIC} (?:just )?(?:ending|finishing)\b", re.I)
THEN_SAID_RE = re.compile(r"\s*(?:is|was|feels|felt|sounds|sounded|seems|looks|works|worked|'s)\b", re.I)


def _end_of(analysis: VideoAnalysis, word: str) -> float | None:
    shots = visible_shots(analysis)
    return None if (i := nth(word, len(shots))) is None else shots[i][1]


def ended(text: str, analysis: VideoAnalysis) -> str:
    """`text` with the music said to end at a shot's end or a time before the video's end as silence from there on
    ("no music after 0:20"); a shot past the video's last, or the video's own end, is left as said (the place finders
    ask about the one; the other changes nothing)."""
    def said(m: re.Match) -> str:
        if ASKED_RE.search(SENTENCE_RE.match(m.string[m.end():]).group(0)):   # "the music ends at 0:30, can it go to the end?"
            return m.group(0)   # how it is, then a question about it (`cues` keeps it too)
        if SPOKEN_OF_RE.match(m.group(0)) or THEN_SAID_RE.match(m.string, m.end()):
            return m.group(0)   # a description, a complaint or praise: the words are the subject of what is said
        word = next((g for g in m.groups()[:-2] if g), None)
        end = analysis.duration_s if m["video"] else _clock(m["t"]) if m["t"] else _end_of(analysis, word) if word else None
        if end is None:
            return m.group(0)
        if end < analysis.duration_s - 0.05:
            return f"no music after {m['t'] or fmt(end, 2)}"
        if set(re.findall(r"[a-z']+", (m.string[:m.start()] + m.string[m.end():]).lower())) <= FILLER:
            raise Offer(f"The music already ends with the video, at {fmt(analysis.duration_s)}, so nothing changed. Should "
                        "the end sound different: a fade out over the last shot, or a stop on a final hit?",
                        ("fade out at the end", "a stop at the end"))
        return " "   # said beside other changes: it asks nothing of its own
    return ENDED_RE.sub(said, text)


def _clock(t: str) -> float:
    m, s = t.split(":")
    return int(m) * 60 + float(s)
