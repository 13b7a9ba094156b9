"""A fade in: the music rising out of nothing over the place ("fade the music in from 0:48", "let it fade in over the
first shot", "fading in till 1:04"), said as the build it is before a request is cut into clauses. The fade shapes
(`phrases.SHAPES`) read every "fade" as a fall, so a fade in played a fade out there. A fade said *in* a place
("fade in shot 4", "fade in the last shot") stays a fade out in that place (`runons`). A fade in of a part ("fade in the
strings at 0:20", "fade the piano in", "the strings should fade in") brings that part in there, gradually: the whole
mix is not built (nor dipped) for one part. Said at a moment ("at 0:20", "on the third cut") it enters there and
stays (not the one shot around the moment), and it rises in over its first seconds (`ramp`: a few steps up to its
level), where it played for one shot at full level before.

    from v2m.agent.dialogue.fade_ins import as_builds
    as_builds("from 0:48 fade it in till 1:04")   # "from 0:48 gradually build it till 1:04"

Read by `v2m.agent.dialogue.understanding`.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.where import Span

# "fade in", "fade it in", "fading the music back in": not "fade in the ..." / "fade in shot 4" (a place), nor "fade out"
FADE_IN_RE = re.compile(r"\b(?:fade|fades|fading|faded)(?P<what> (?:it|this|things|everything|the (?:music|score|track|"
                        r"song|piece|\w+)))?(?: back)? in\b(?! (?:the|this|that|shots?|acts?|parts?|scenes?|sections?|bars?|"
                        r"verses?|chorus|intro|outro|last|first|final|second|third|\d))", re.I)

FADING = r"\b(?:fade|fades|fading|faded)"
PART = rf"(?:the |a |an |some |your )(?:{INSTR_ALT})(?:s|es)?\b"
SAID_PART = PART.replace("your )", "your )?")   # the article left out ("strings should come in bit by bit")
# coming in: "in" said ("creep in", "ease in"; "enter" is in alone); never "drift away", "ease off", "come back in the last shot"
ENTER = (r"(?:(?:come|comes|coming|creep|creeps|creeping|ease|eases|easing|sneak|sneaks|sneaking|drift|drifts|drifting) in|"
         r"enter|enters|entering)(?! (?:away|off|out|down|back|up)\b)")
# "fade in the strings", "fade the piano (back) in", "the strings should fade in": that part, brought in
PART_FADE_IN_RE = re.compile(rf"{FADING} (?:in|up) (?P<a>{SAID_PART})|{FADING} (?P<b>{PART})(?: back)? (?:in|up)\b|"
                             rf"(?:let |have )?(?P<c>{PART}) (?:should |to |will |can |could |must |needs? to )?(?:slowly |gradually )?"
                             rf"(?:fade|fades|fading) (?:back )?in\b|"
                             # "the strings come in gradually at 0:20", "let the piano slowly creep in", "the pad eases in bit by bit"
                             rf"\b(?:let |have )?(?P<d>{SAID_PART}) (?:should |to |will |can |could |must |needs? to )?(?:(?:slowly|gradually) "
                             rf"{ENTER}|{ENTER} (?:slowly|gradually|little by little|bit by bit))\b", re.I)
# a part brought in gradually at a moment: it enters there (from it on); "gradually bring in" is also what `ramp` reads
GRADUAL_AT_RE = re.compile(rf"\b(gradually bring in {SAID_PART}) (?:at|on|around|by)\b(?= (?:the |\d))", re.I)
# ... and out at a later moment ("fade the strings in at 0:20 and out at 0:40"): it plays from the one to the other
_T = r"(\d{1,2}:\d\d(?:\.\d+)?)"
GRADUAL_IN_OUT_RE = re.compile(rf"\b(gradually bring in {SAID_PART}) (?:at|on|around|by) {_T},? and (?:(?:then )?(?:fade|fading|take|bring|have) "
                               rf"(?:(?:it|them|that|those|the \w+) )?)?out (?:at|on|around|by) {_T}", re.I)
# ... its end said (`GRADUAL_IN_OUT_RE`'s "from 0:20 to 0:40", "from 0:20 until 0:40"): out after it, and only then
OUT_SAID_RE = re.compile(r"\bgradually bring in\b.*\bfrom\b.+\b(?:to|till|until|through|thru)\b", re.I)
GRADUAL_RE = re.compile(r"\bgradually bring in\b|\bbring in (?:the |a |an |some )?\w+(?: \w+)? gradually\b", re.I)
# a part faded out ("let the strings fade out at the end", "fade the piano out over shot 4", "the strings should fade
# away"): that part falls out over the place, the rest of the mix as it is (`faded_out`), not the whole score faded
OUT = r"(?:fade|fades|fading|die|dies|dying|taper|tapers|tapering) (?:out|away|off)\b"
PART_FADE_OUT_RE = re.compile(rf"{FADING} (?:out|away|off) (?P<a>{SAID_PART})|{FADING} (?P<b>{PART}) (?:out|away|off)\b|"
                              rf"(?:let |have )?(?P<c>{SAID_PART}) (?:should |to |will |can |could |must |needs? to )?"
                              rf"(?:slowly |gradually |just )?{OUT}", re.I)
GRADUAL_OUT_RE = re.compile(r"\bgradually take out\b", re.I)
RAMP_S = 4.0                     # a part faded in rises to its level over this long (or half its stretch, if shorter)
RAMP_DB = (-12.0, -8.0, -4.0)    # the steps it rises through, against its level


def as_builds(text: str) -> str:
    """`text` with each fade in said as a gradual build of the same thing."""
    text = PART_FADE_IN_RE.sub(lambda m: "gradually bring in " + (m["a"] or m["b"] or m["c"] or m["d"]), text)
    text = PART_FADE_OUT_RE.sub(lambda m: "gradually take out " + (m["a"] or m["b"] or m["c"]).strip(), text)
    text = GRADUAL_AT_RE.sub(r"\1 from", GRADUAL_IN_OUT_RE.sub(r"\1 from \2 to \3", text))
    return FADE_IN_RE.sub(lambda m: "gradually build" + (m["what"] or ""), text)


def ramp(e, it) -> None:
    """A part brought in gradually (`it`, an "add" read from "gradually bring in ...") rises in over the start of the
    edit's stretch: that start split into `RAMP_DB`'s steps, each the part's level that much under its own. A part
    that already played just before the stretch is not entering, so nothing rises."""
    p, role = e.plan, role_of(e.plan, it.value or "")
    if role is None or not GRADUAL_RE.search(it.text or ""):
        return
    a, b = (e.span.start_s, e.span.end_s) if e.span is not None else (0.0, p.duration_s)
    if a > 0.05 and role in ops.effective_roles(p, p.sections[p.section_at(a - 0.05)]):
        return
    _steps(e, role, a, min(RAMP_S, (b - a) / 2), RAMP_DB)


def played_in(e, it) -> bool:
    """A fade in of a part that already plays there and before ("fade in the piano at 0:20" where the piano plays
    throughout; "... and fade it out at 0:40"): it enters there, as asked, so it is out before the stretch, rising in
    over its start; out after it, falling out over its end, only when that end was said (`OUT_SAID_RE`): a fade in
    said in a shot ("fade in the piano in shot 5") rises there and plays on. False (nothing
    done) for a part that does not play before the stretch: `orchestration.add` brings it in and `ramp` raises it."""
    p, role = e.plan, role_of(e.plan, it.value or "")
    if role is None or not GRADUAL_RE.search(it.text or "") or e.span is None or e.span.start_s < 0.05 or \
            not all(role in ops.effective_roles(p, p.sections[i]) for i in e.idx) or \
            role not in ops.effective_roles(p, p.sections[p.section_at(e.span.start_s - 0.05)]):
        return False
    a, b = e.span.start_s, e.span.end_s
    out = b < p.duration_s - 0.05 and OUT_SAID_RE.search(it.text or "")   # a shot's own end is no fade out
    for x, y in ((0.0, a), (b, p.duration_s) if out else (0.0, 0.0)):
        if y - x > 0.05:
            ops.set_roles(p, ops.split_at(p, Span(x, y, "", snap=False), e.analysis)[0], remove=role)
    length = min(RAMP_S, (b - a) / 2)
    _steps(e, role, a, length, RAMP_DB)
    if out:
        _steps(e, role, b - length, length, RAMP_DB[::-1])   # and out, as it came in
    return True


def faded_out(e, it) -> bool:
    """A part faded out (`it`, a "remove" read from "gradually take out ..."): it falls through `RAMP_DB` (reversed)
    over the place (the last section when none is said) and is out after it; the other parts and the energy stay.
    False (nothing done) for any other removal or a part that does not play there."""
    p, role = e.plan, role_of(e.plan, it.value or "")
    if role is None or not GRADUAL_OUT_RE.search(it.text or ""):
        return False
    a, b = (e.span.start_s, e.span.end_s) if e.span is not None else (p.sections[-1].start_s, p.duration_s)
    if role not in ops.effective_roles(p, p.sections[p.section_at(a + 0.05)]):
        return False
    if b < p.duration_s - 0.05:
        ops.set_roles(p, ops.split_at(p, Span(b, p.duration_s, "", snap=False), e.analysis)[0], remove=role)
    _steps(e, role, a, b - a, RAMP_DB[::-1])
    return True


def _steps(e, role: str, a: float, length: float, dbs: tuple[float, ...]) -> None:
    """`role` stepped through `dbs` (against its level) over `length` seconds from `a`, one piece of the plan each."""
    p, step = e.plan, length / len(dbs)
    edges = [round(a + k * step, 2) for k in range(len(dbs) + 1)]   # on a grid the pieces' own rounding keeps
    for (x, y), db in zip(zip(edges, edges[1:]), dbs):
        try:
            idx, _ = ops.split_at(p, Span(x, y, "", snap=False), e.analysis)
        except ValueError:   # a piece the plan cannot hold (shorter than its rounding): the part is in, at its level
            return
        for i in idx:
            s = p.sections[i]
            if role in ops.effective_roles(p, s):
                p.sections[i] = s.model_copy(update={"levels_db": {**(s.levels_db or {}), role: (s.levels_db or {}).get(role, 0.0) + db}})
