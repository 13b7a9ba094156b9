"""A part the user took out of the whole score ("no drums", "never add drums") stays out: a later style change brings
the new style's band without it, and the reply says so. An explicit request for the part ("add drums", "rock, with
drums") lifts it, as the part then plays again. The prohibition is read from the plan's edit log (`edit_log`): a
removal of a part with no place, whose part is heard nowhere now, or a turn that changed nothing as it prohibited a
part not playing ("never add strings" in jazz: kept out of a cinematic band later).

    said = restyled(plan, "rock")   # after "no drums": ["Kept without the drums, as you asked."], rock with no kit
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import doubled, operations as ops
from v2m.agent.dialogue.changes import NOTHING
from v2m.agent.dialogue.edit_log import LINE_RE, NO_CHANGE, log_of
from v2m.agent.dialogue.prohibited import prohibited_parts
from v2m.agent.dialogue.spelling import mended   # the log holds the request as typed ("dont ever put strings in")
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import ScorePlan, Section

KEPT = "Kept without the "   # how the reply says a part was kept out
NOT_CHANGED = "Not changed"   # how the reply says a change asked was passed over ("Not changed: the drums are already silent there")
READ_RE = re.compile(r'^- ".*": read as (.*)$', re.M)   # a line of the edit log: what a request was read as
REMOVED_RE = re.compile(r"\bremove ([a-z][a-z' -]*?) \[")   # a part taken out with no place ("remove drums (shot 3)": a place)
PLACED_RE = re.compile(r"\bremove ([a-z][a-z' -]*?) \((.+)\) \[")   # one taken out in a place: the new band plays it there


def kept_out(plan: ScorePlan) -> list[str]:
    """The words of the parts the user took out of the whole score, heard nowhere now, oldest first."""
    playing = {r for s in plan.sections for r in ops.effective_roles(plan, s)}
    words = [w for line in READ_RE.findall(plan.reasoning or "") for w in REMOVED_RE.findall(line)]
    absent = [w for said, unchanged in LINE_RE.findall(log_of(plan)) if unchanged for w in prohibited_parts(mended(said))]
    return list(dict.fromkeys([*(w for w in words if (r := role_of(plan, w)) and r not in playing),
                               *(w for w in absent if role_of(plan, w) not in playing)]))   # a part none plays: no role


def restyled(plan: ScorePlan, name: str) -> list[str]:
    """`plan` switched to the style `name` (`operations.set_style`), a part the user took out kept out where the new
    band has it ("drums" in rock; not "sax" after jazz, since rock's tune is no sax). Returns what the reply adds."""
    words = kept_out(plan)
    placed = {w: at for line in READ_RE.findall(plan.reasoning or "") for w, at in PLACED_RE.findall(line)}
    placed = {w: at for w, at in placed.items() if w not in words and (r := role_of(plan, w)) and _somewhere(plan, r, False)}
    entered = _entered(plan, words)
    ops.set_style(plan, name)
    plan.sections, back = _kept_entered(plan, entered)
    back += [f"The {name} band plays the {w} in {at} too; say 'no {w}' there again to keep the {w} out."
             for w, at in placed.items() if (r := role_of(plan, w)) and _somewhere(plan, r, True, every=True)]
    every = list(range(len(plan.sections)))   # "piano" in classical: the bass, the chords and the tune (`doubled`)
    out = {w: set(doubled.roles(plan, every, w) or [r]) for w in words if (r := role_of(plan, w))}
    band = {r for s in plan.sections if s.music for r in ops.effective_roles(plan, s)}
    if not out or not band:
        return back
    whole = [w for w, parts in out.items() if band <= parts]   # the new band is all that instrument: it cannot stay out
    gone = {r for w, parts in out.items() if w not in whole for r in parts}
    for i, s in enumerate(plan.sections):
        if s.music and gone:
            plan.sections[i] = s.model_copy(update={"instruments": [r for r in ops.effective_roles(plan, s) if r not in gone]})
    return [f"{KEPT}{' or the '.join(w for w in out if w not in whole)}, as you asked."] * bool(gone) + \
        [f"The {name} band is all {w}, so the {w} plays here; say which instrument should take a part ('the melody on a "
         f"flute') to keep it out." for w in whole] + back


def _entered(plan: ScorePlan, out: list[str]) -> dict[str, list[int]]:
    """The parts the user took out of the whole score and then brought in at a place only ("no drums", then "drums
    come in after 20 seconds"): each word and the sections with music it is silent in now."""
    words = [w for line in READ_RE.findall(plan.reasoning or "") for w in REMOVED_RE.findall(line)]
    silent = {w: [i for i, s in enumerate(plan.sections) if s.music and r not in ops.effective_roles(plan, s)]
              for w in dict.fromkeys(words) if w not in out and (r := role_of(plan, w))}
    return {w: idx for w, idx in silent.items() if idx and _somewhere(plan, role_of(plan, w), True)}


def _kept_entered(plan: ScorePlan, entered: dict[str, list[int]]) -> tuple[list[Section], list[str]]:
    """The sections of `plan` (in its new style) with each part of `entered` silent again where it was: the new band's
    part comes in where the user brought it in, not from the start; `plan` is left as it is. Returns the new sections
    and what the reply says."""
    sections, said = list(plan.sections), []
    for w, idx in entered.items():
        if not (r := role_of(plan, w)) or not _somewhere(plan, r, True, every=True):
            continue
        for i in idx:
            sections[i] = sections[i].model_copy(update={"instruments": [x for x in ops.effective_roles(plan, sections[i]) if x != r]})
        said.append(f"The {w} still stay{'' if w.endswith('s') else 's'} out {', '.join(_joined(plan, idx))}, as you asked.")
    return sections, said


def _joined(plan: ScorePlan, idx: list[int]) -> list[str]:
    """The stretches of the sections `idx` (in order), neighbours joined: ["0:00-0:20", "0:40-0:48"]."""
    runs: list[list[int]] = []
    for i in idx:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [f"{fmt(plan.sections[r[0]].start_s)}-{fmt(plan.sections[r[-1]].end_s)}" for r in runs]


def _somewhere(plan: ScorePlan, role: str, plays: bool, every: bool = False) -> bool:
    """Whether `role` plays (or not, `plays` False) in some section with music, or in every one (`every`)."""
    said = [(role in ops.effective_roles(plan, s)) == plays for s in plan.sections if s.music]
    return all(said) if every else any(said)


def held(said: list[str], plan: ScorePlan) -> list[str]:
    """`said` less a part's "kept without" that a later intent of the same request lifted ("rock, with drums")."""
    playing = {r for s in plan.sections for r in ops.effective_roles(plan, s)}
    return [x for x in said if not x.startswith(KEPT) or
            not any(role_of(plan, w) in playing for w in x[len(KEPT):].split(",")[0].split(" or the "))]


def under(reply: str, said: list[str], plan: ScorePlan) -> list[str]:
    """The reply's lines: what changed, then what `held` keeps of `said`, each once; where nothing changed and a line
    of `said` says why ("Not changed: there are no strings in the score"), one line says both ("Nothing changed: there
    are no strings in the score.") rather than "Nothing changed: the score is as it was." above it; several reasons,
    one line too ("Nothing changed: there are no strings in the score, and there is no harp in the score.")."""
    lines = list(dict.fromkeys(held(said, plan)))
    whys = [x[len(NOT_CHANGED) + 2:].rstrip(".") for x in lines if x.startswith(NOT_CHANGED + ": ")]
    if reply != NOTHING or not whys:
        return [reply, *lines]
    return [f"{NO_CHANGE}: {', and '.join(whys)}.", *(x for x in lines if not x.startswith(NOT_CHANGED + ": "))]
