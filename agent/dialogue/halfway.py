"""Half-way back: "split the difference", "meet me halfway", "something between the two?", "the bass is a bit much now,
halfway back": each number the last edit moved (or the one thing named: the tempo, the energy, a part's level, the
loudness) part of the way back to the version before it. What has no half-way (a key, a style, a part in or out) is
asked about, not guessed.

    from v2m.agent.dialogue.halfway import midway, blend
    midway("split the difference", history)   # [EditIntent(what="revert", version=k - 1, amount=0.5, ...)]
    blend(current, earlier, 0.5)              # tempo, energy, levels and loudness half-way between the two
    overshot("is too much quick now, little bit less", history)   # the last step said overdone: half of it back

The one reader of the last edit said to be overdone (`OVERDONE_RE`, and `OVER_RE` for the follow-ups) lives here.

`history` is the first plan, then the plan after each edit so far (the last is the current plan), as in
`v2m.agent.dialogue.versions`, which names the versions.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.changes import describe, diff
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.phrases import opening
from v2m.agent.dialogue.versions import blended, last_part_change
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import EditIntent, ScorePlan

# the version now and the one before, as a half-way names them ("between the previous tempo and this one")
SETTING = r"(?:one|version|take|mix|tempo|speed|pace|energy|volume|level|loudness|setting)"
NOW = rf"(?:this|that|it|now|this one|the (?:new|current|latest|present) {SETTING}|where (?:it|we) (?:is|are) now)"
THEN = rf"(?:before|the (?:last|previous|old|earlier|former|prior) {SETTING}|what (?:it|we) had before)"
# "halfway back", "split the difference", "meet in the middle", "somewhere in between?": part of the way back
MIDWAY_RE = re.compile(r"\bsplit the difference\b|\bhalf ?way back\b|\bback half ?way\b|\bhalf(?: of)? (?:it|that) back\b|"
                       r"\bmeet (?:me )?(?:in the middle|halfway)\b|"
                       r"\b(?:half ?way|somewhere|something|in) between (?:the (?:last )?two(?: versions)?|both(?: versions)?)\b"
                       rf"(?! (?:cuts?|shots?|hits?|marks?|accents?|beats?|bars?|sections?|times?|moments?)\b)|"
                       rf"\bbetween (?:{NOW} and {THEN}|{THEN} and {NOW})\b|"
                       rf"{opening('maybe|then|but')}(?:somewhere|something|anything) (?:in )?"
                       r"(?:the )?(?:middle|between|in between)(?: the two| of the two)?\W*$", re.I)
ADDED_HALF_DB = 6.0   # a part just brought in, half of it back: half its amplitude (-6 dB), as silent is no level
BLENDED = ("tempo", "energy", "levels", "loudness")   # the kinds of change that have a half-way
KIND_OF_BLEND = {"tempo": "tempo", "energy": "energy", "loudness": "loudness", "instruments": "levels"}


def midway(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """"Meet me halfway", "somewhere in between?": each number the last edit moved, half of the way back (an
    intent `blend` carries out); None when the request asks for no half-way.

    Raises:
        Ask: there is no edit yet, or the last one has no half-way (a key, a style, a part in or out).
    """
    if not MIDWAY_RE.search(request.strip()):
        return None
    if not history or len(history) < 2:
        raise Ask("There is only one version so far, so there is nothing to go half-way back to. What should change?")
    named = named_parts(request.lower())
    parts = [r for p in named if (r := role_of(history[-1], p))]
    if named and not parts:
        raise Ask(f"There is no {named[0]} in the score now, so there is nothing of it to take half-way back. "
                  f"What should change?")
    if len(parts) == 1 and (k := last_part_change(parts[0], history)) is not None:
        # "the bass is a bit much now, halfway back": that part's last change, however long ago
        return [EditIntent(what="revert", version=k, amount=0.5, value="instruments", target=parts[0],
                           text=request[:400])]
    attr = blended(request)
    kinds = (KIND_OF_BLEND[attr],) if attr in KIND_OF_BLEND else BLENDED
    # the last edit that changed something ("split the difference on the tempo": the tempo), turns that changed
    # nothing passed over
    changes = [(k, diff(history[k - 1], history[k])) for k in range(len(history) - 1, 0, -1)]
    last = next(((k, d) for k, d in changes if d), None)
    if last is None:
        raise Ask("No edit so far changed the score, so there is nothing to go half-way back to. What should change?")
    k = next((k for k, d in changes if any(c.kind in kinds for c in d)), None) if attr else last[0]
    if k is None:
        raise Ask(f"No edit so far changed the {attr}, so there is no half-way to go back to. What should change?")
    if not any(c.kind in BLENDED for c in diff(history[k - 1], history[k])):
        raise Ask(f"The last change ({describe(last[1]).rstrip('.')}) has no half-way. "
                  f"Keep it, or go back to how it was before?")
    return [EditIntent(what="revert", version=k - 1, amount=0.5, value=attr, text=request[:400])]


def _mix(a: float, b: float, k: float, digits: int) -> float:
    return round(a + (b - a) * k, digits)


def blend(plan: ScorePlan, old: ScorePlan, k: float, attr: str | None = None, role: str | None = None) -> ScorePlan:
    """`plan` moved the fraction `k` of the way back to `old`: its tempo, each stretch's energy, tempo and
    parts' levels, and the loudness (only `attr`'s when named: tempo, energy, instruments, loudness). What has
    no half-way (style, key, which parts play) stays as in `plan`.

    Args:
        plan: the current plan (modified and returned).
        old: the earlier version.
        k: 0 keeps `plan`, 1 is all the way back.
        attr: one thing to blend, or None for every number.
        role: with attr "instruments", only this part's level.
    """
    def at(s):
        return old.sections[old.section_at((s.start_s + s.end_s) / 2)]

    if attr in (None, "tempo"):
        score = plan.tempo_bpm   # the score's tempo before it is mixed: what a stretch without its own plays now
        if plan.tempo_bpm != old.tempo_bpm:
            plan.tempo_bpm, plan.tempo_asked = _mix(plan.tempo_bpm, old.tempo_bpm, k, 1), True

        def tempo(s, was):   # a stretch with no tempo of its own plays the score's
            now, then = s.tempo_bpm or score, was.tempo_bpm or old.tempo_bpm
            return s if s.tempo_bpm is None and was.tempo_bpm is None else \
                s.model_copy(update={"tempo_bpm": _mix(now, then, k, 1)})

        plan.sections = [tempo(s, at(s)) for s in plan.sections]
    if attr in (None, "energy"):
        plan.sections = [s.model_copy(update={"energy": _mix(s.energy, at(s).energy, k, 2)}) for s in plan.sections]
    if attr in (None, "instruments"):
        def level(s, r):
            mixed = _mix(s.levels_db.get(r, 0.0), at(s).levels_db.get(r, 0.0), k, 1)
            return mixed if role in (None, r) else s.levels_db.get(r, 0.0)

        plan.sections = [s.model_copy(update={"levels_db": {r: db for r in sorted(set(s.levels_db) | set(at(s).levels_db))
                                                            if (db := level(s, r))}}) for s in plan.sections]
    if attr in (None, "loudness"):
        plan.loudness_lufs = _mix(plan.loudness_lufs, old.loudness_lufs, k, 1)
    return plan


# The last step said to be overdone, now: "is too much quick now, little bit less", "too loud now" (which way: the
# groups `a`, `b`, for `overshot`), "it's too much now", "it's way louder now", "now it's a bit much" (no way: there, the
# last edit's place, for `edits` and `sides`); and any other way ("too much", "dial it back a bit", "went too far",
# "less of that": `OVER_RE`, the follow-ups' half of the last edit back)
_WAY = r"too (?:much |a bit |way |)(?P<{}>fast|quick|slow|loud|quiet|soft|busy)\b"
OVERDONE_RE = re.compile(
    rf"\b{_WAY.format('a')}(?=[^.!?]*\bnow\b)|\bnow\b[^.!?]*\b{_WAY.format('b')}|"
    r"(?:\btoo (?:much|\w+er|loud|busy|big|intense|heavy|dense)|\b(?:a bit|a little|way|rather) much|(?:'s|\bis|\bare|"
    r"\bsounds?|\bfeels?|\bgot|\bgets|\bgetting|\bbecame) (?:(?:a bit|a little|way|rather|much|so) )?(?:\w+er|loud|busy|big|"
    r"intense|heavy|dense))\b(?:.*\bnow\b)|\bnow\b.*\b(?:too \w+|a bit much|overdone|over the top|overkill)\b|"
    r"\b(?:overdone|over the top|overkill)\b.*\bnow\b", re.I)
TOO_MUCH = r"\btoo much\b|\b(?:a )?(?:bit|tad|little|touch) (?:too )?much\b"   # "a bit much": also `followups`, of what came in
TOO_MUCH_RE = re.compile(TOO_MUCH, re.I)
OVER_RE = re.compile(OVERDONE_RE.pattern + "|" + r"\btoo (?:much|far|strong|heavy)\b|\bnot (?:that|so|as) much\b|\btoo \w+ now\b|"
                     r"\bnow (?:it'?s |is )?(?:a bit |way )?too \w+\b|^\W*(?:just )?(?:a )?(?:bit|little|touch|tad|smidge|notch) less\W*$|"
                     + TOO_MUCH + r"|\bthat'?s a lot\b|"
                     r"\bover(?:done|kill|cooked|did it)\b|\bwent too far\b|\bless of (?:that|this|it)\b|"
                     r"\b(?:dial|pull|bring|take|ease|back|tone|scale|roll|rein) (?:it |that |this )?"
                     r"(?:back|off|down|in) (?:a (?:bit|little|touch|notch|tad)|slightly|some|halfway)\b|\bnot all\b|"
                     r"\bbut still\b|\bthan (?:that|this|now|before)\b|\b[a-z]+er than (?:the )?(?:original|first one|start|it was)\b|"
                     r"\bnot (?:so|as|that) \w+ (?:like|as) (?:before|it was)\b", re.I)
# the whole score named as the place ("dial the intensity back a bit overall", "a little calmer everywhere"): an edit of
# the whole of its own, never part of the last edit's way back (a build half undone raised its quiet start: `followups`)
OVERALL_RE = re.compile(r"\b(?:overall|everywhere|throughout|across the (?:whole|entire) (?:thing|film|video|clip|piece|track)|"
                        r"(?:for|over|in) the (?:whole|entire) (?:thing|film|video|clip|piece|track))\b", re.I)
OVERSHOT = {"fast": ("tempo", 1), "quick": ("tempo", 1), "slow": ("tempo", -1), "loud": ("loudness", 1),
            "quiet": ("loudness", -1), "soft": ("loudness", -1), "busy": ("energy", 1)}


BPM_SAID_RE = re.compile(r"\b\d{2,3} ?bpm\b", re.I)   # a tempo said in numbers (`bare_bpm` gives a bare one its unit)


def overshot(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """A complaint about the step just taken ("faster" ... "is too much quick now, little bit less"): half of it
    back, not a full step the other way past where it started; None when the request is no such complaint or the
    last edit did not move that way."""
    m = OVERDONE_RE.search(request)
    if not m or not (m.group("a") or m.group("b")) or not history or len(history) < 2 or named_parts(request.lower()):
        return None   # "it's way louder now": no way said; "the drums are too loud now": that part
    attr, way = OVERSHOT[(m.group("a") or m.group("b")).lower()]
    if attr == "tempo" and BPM_SAID_RE.search(request):
        return None   # "too fast, not that much, go 160": the tempo said, set by the edit's readers
    before, now = history[-2], history[-1]
    moved = {"tempo": now.tempo_bpm - before.tempo_bpm, "loudness": now.loudness_lufs - before.loudness_lufs,
             "energy": sum(s.energy for s in now.sections) / len(now.sections) -
             sum(s.energy for s in before.sections) / len(before.sections)}[attr]
    if moved * way <= 0:
        return None
    return [EditIntent(what="revert", version=len(history) - 2, amount=0.5, value=attr, text=request[:400])]
