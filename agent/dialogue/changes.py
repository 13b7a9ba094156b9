"""What an edit changed, read from the two plans and nothing else, and said in words: the reply to a turn.

    from v2m.agent.dialogue.changes import diff, describe
    changes = diff(old_plan, new_plan)        # [Change("tempo", "tempo 120 -> 104 BPM", (5.0, 10.0)), ...]
    describe(changes)                         # "Tempo 120 -> 104 BPM from 0:05 to 0:10."  or "Nothing changed."

A reply built this way cannot claim a change that did not happen nor leave one out: each phrase is one
difference between the plans, with where (the times) and by how much. Section values are compared on
the union of both plans' section edges, so a split section is compared piece by piece.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from v2m.agent.dialogue.edit_log import NO_CHANGE
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.takes import ROUTES
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import HitPoint, ScorePlan
from v2m.tools.style import load_style

NOTHING = f"{NO_CHANGE}: the score is as it was."


@dataclass(frozen=True)
class Change:
    """One difference: its kind (tempo, energy, level, roles, chords, ...), the words, and where."""

    kind: str
    words: str
    span: tuple[float, float] | None = None  # None: the whole score


def same_music(a: ScorePlan, b: ScorePlan) -> bool:
    """Whether two plans make the same music: equal but for the words kept with them (the request and the
    reasoning, whose edit log may hold a name given to a place)."""
    return a.model_copy(update={"request": "", "reasoning": ""}) == b.model_copy(update={"request": "", "reasoning": ""})


def _pieces(old: ScorePlan, new: ScorePlan) -> list[tuple[float, float]]:
    edges = sorted({0.0, new.duration_s, *(round(s.start_s, 3) for s in old.sections),
                    *(round(s.start_s, 3) for s in new.sections)})
    return [(a, b) for a, b in zip(edges, edges[1:]) if b - a > 1e-3]


def _section_values(plan: ScorePlan, t: float) -> dict[str, str]:
    """The values that govern the music of the section playing at `t`."""
    s = plan.sections[plan.section_at(t)]
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    roles = effective_roles(plan, s.model_copy(update={"music": True}))  # which parts, apart from music out
    return {
        "music": "music" if s.music else "silent",
        "tempo": f"{s.tempo_bpm or plan.tempo_bpm:g}",
        "energy": f"{s.energy:.2f}",
        "roles": ",".join(sorted(r for r in roles if r in inst)),
        "levels": ",".join(f"{r} {db:+g} dB" for r, db in sorted(s.levels_db.items()) if db),
        "chords": " ".join(sorted(s.chords)),  # which chords, not where the cycle starts: a split piece rotates it
        "locked": "locked" if s.locked else "unlocked",
        "take": f"{s.take + 1}|{s.name}",
    }


def _part_name(instrument: str) -> str:
    """A new part said by its instrument ("Flute": flute, "Pad 2 (warm)": pad, "String Ensemble 1": string ensemble)."""
    return " ".join(w for w in instrument.split("(")[0].lower().split() if not w.isdigit()) or instrument.lower()


def _say(kind: str, a: str, b: str, parts_said: dict[str, tuple[str, str]] | None = None) -> str:
    if kind == "tempo":
        return f"tempo {a} -> {b} BPM"
    if kind == "energy":
        return f"{'more' if float(b) > float(a) else 'less'} energy ({a} -> {b})"
    if kind == "music":
        return "music back in" if b == "music" else "no music"
    if kind == "roles":
        ra, rb = set(filter(None, a.split(","))), set(filter(None, b.split(",")))
        said = parts_said or {}   # a part in or out by its instrument ("flute in", not "lead in": a lead-in?)
        parts = [said.get(r, (f"{r} in",))[0] for r in sorted(rb - ra)] + \
            [said.get(r, ("", f"no {r}"))[1] for r in sorted(ra - rb)]
        return ", ".join(parts)
    if kind == "levels":
        la = dict(x.rsplit(" ", 2)[0:2] for x in filter(None, a.split(",")))
        lb = dict(x.rsplit(" ", 2)[0:2] for x in filter(None, b.split(",")))
        out = []
        for r in sorted(set(la) | set(lb)):
            x, y = float(la.get(r, 0)), float(lb.get(r, 0))
            if x != y:
                out.append(f"{r} {'louder' if y > x else 'softer'} against the others ({x:+g} -> {y:+g} dB)")
        return ", ".join(out)
    if kind == "chords":
        return f"chords {' '.join(dict.fromkeys(a.split()))} -> {' '.join(dict.fromkeys(b.split()))}"
    if kind == "locked":
        return b
    if kind == "take":
        n, name = b.split("|", 1)
        return f"new take of the {name} (take {n})" if a.split("|")[0] != n else ""
    return f"{kind} {a} -> {b}"


def placed(before: ScorePlan, after: ScorePlan) -> list[HitPoint]:
    """The marks `after` places that `before` had not: new ones, or ones changed in kind, source or strength (a cut's
    crash made a stab, a cut's accent asked for). `diff` says those heard (a source is not); `marks_kept.narrow` the kinds
    new at a time."""
    old = {_placing(h) for h in before.hit_points}
    return [h for h in after.hit_points if _placing(h) not in old]


def _placing(h: HitPoint) -> tuple:
    return round(h.time_s, 2), h.kind, h.source, round(h.strength, 2)


def edited_at(span: tuple[float, float], history: list[ScorePlan], *, alone: bool = False) -> int | None:
    """The latest edit k (history[k - 1] -> history[k]) that changed the place `span` (start, end in s): one made there
    before one over the whole score ("shot 2 was nicer before": its own change, not the tempo moved everywhere since),
    and with `alone` first one whose changes all lie there ("same as you did for the intro": the edit done there);
    None when none changed it."""
    a, b = span
    edits = [(k, diff(history[k - 1], history[k])) for k in range(len(history) - 1, 0, -1)]   # the latest first

    def inside(k: int, d: list[Change]) -> bool:
        return bool(d) and all(x >= a - 0.05 and y <= b + 0.05 for x, y in (c.span or (0.0, history[k].duration_s) for c in d))

    def meets(c: Change) -> bool:
        return c.span is not None and c.span[0] < b - 0.05 and c.span[1] > a + 0.05

    found = [k for k, d in edits if alone and inside(k, d)] + [k for k, d in edits if any(map(meets, d))] + \
        [k for k, d in edits if any(c.span is None for c in d)]
    return found[0] if found else None


def diff(old: ScorePlan, new: ScorePlan) -> list[Change]:
    """Every difference between two plans that a listener could hear or a later edit would meet.

    Args:
        old: the plan before the turn.
        new: the plan after it.
    Returns:
        Changes, plan-wide first, then per stretch of time in order; [] when nothing differs.
    """
    out: list[Change] = []
    if old.style != new.style:
        out.append(Change("style", f"style {old.style} -> {new.style}"))
    if (old.key, old.mode) != (new.key, new.mode):
        out.append(Change("key", f"key {old.key} {old.mode} -> {new.key} {new.mode}"))
    if old.route != new.route:
        out.append(Change("route", f"route {old.route} -> {ROUTES[new.route]}"))
    if old.loudness_lufs != new.loudness_lufs:
        out.append(Change("loudness", f"loudness {old.loudness_lufs:g} -> {new.loudness_lufs:g} LUFS"))
    if old.meter != new.meter:
        out.append(Change("meter", f"meter {old.meter} -> {new.meter}"))
    oi = {**load_style(old.style).instruments, **old.instrumentation}
    ni = {**load_style(new.style).instruments, **new.instrumentation}
    # role -> how a part coming in or going out is said: a part this turn added by its instrument ("lead: Flute" said
    # once); the lead (a name that reads as a lead-in, or as the melody) with its instrument: "lead: flute in"
    new_parts = {"lead": (f"lead: {n} in", f"no lead ({n})") for n in [_part_name(ni.get("lead", "lead"))] if n != "lead"}
    for role in sorted(set(oi) | set(ni)):
        if oi.get(role) != ni.get(role) and old.style == new.style and role in oi and role in ni:
            out.append(Change("instrument", f"{role}: {oi.get(role, 'none')} -> {ni.get(role, 'none')}"))
        elif role in ni and role not in oi and old.style == new.style:  # which instrument a new part is
            out.append(Change("instrument", f"{role}: {ni[role]} (a new part)"))
            if role not in ("drums", "percussion"):   # a kit ("Standard") is no name for a part: its role says it
                new_parts[role] = (f"{_part_name(ni[role])} in", f"no {_part_name(ni[role])}")
    for role, name in oi.items():   # a part taken out by its role and the instrument the user knows it by: "no melody (tenor sax)"
        if role not in new_parts and role not in ("drums", "percussion") and role not in _part_name(name):
            new_parts[role] = (f"{role} in", f"no {role} ({_part_name(name)})")
    oh = {(round(h.time_s, 2), h.kind, h.strength) for h in old.hit_points}
    nh = {(round(h.time_s, 2), h.kind, h.strength) for h in new.hit_points}
    out += (once := _marks_once(oh, nh))
    for t, kind, _ in sorted(nh - oh) if not once else ():
        was = next((k for x, k, _ in oh if abs(t - x) < 0.01 and k != kind and not any(
            abs(t - y) < 0.01 and j == k for y, j, _ in nh)), None)   # a mark there changed kind: what it was
        out.append(Change("hit", f"{kind} at {fmt(t)}" + (f" (was {'an' if was[0] in 'aeiou' else 'a'} {was})" if was else ""), (t, t)))
    for t, kind, _ in sorted(oh - nh) if not once else ():
        if not any(abs(t - x) < 0.01 for x, _, _ in nh):
            out.append(Change("no_hit", f"no {kind} at {fmt(t)}", (t, t)))
    per_kind: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for a, b in _pieces(old, new):
        va, vb = _section_values(old, (a + b) / 2), _section_values(new, (a + b) / 2)
        for kind in va:
            if va[kind] != vb[kind] and not (kind == "chords" and old.style != new.style):
                if kind == "tempo" and old.tempo_bpm != new.tempo_bpm and \
                        float(vb[kind]) / float(va[kind]) == new.tempo_bpm / old.tempo_bpm:
                    continue  # the plan's tempo moved and this stretch with it: said once, plan-wide
                rising = _rising_in(old, new, a, b) if kind == "levels" else set()
                for r in sorted(rising):   # a part faded in (`fade_ins.ramp`): its steps said as one rise
                    per_kind.setdefault((kind, f"{r} rising in (softer against the others at first)"), []).append((a, b))
                words = _say(kind, _without(va[kind], rising), _without(vb[kind], rising), new_parts)
                if words:
                    per_kind.setdefault((kind, words), []).append((a, b))
    if old.tempo_bpm != new.tempo_bpm:
        out.append(Change("tempo", f"tempo {old.tempo_bpm:g} -> {new.tempo_bpm:g} BPM"))
    for (kind, words), spans in _energy_once(per_kind).items():
        for a, b in _merge(spans):
            whole = a <= 1e-3 and b >= new.duration_s - 1e-3
            out.append(Change(kind, words, None if whole else (a, b)))
    return out


ENERGY_SAID_RE = re.compile(r"^(more|less) energy \(([\d.]+) -> ([\d.]+)\)$")
MANY = 3   # stretches of energy moved the same way, from this many on said once: "more energy (+0.12 to +0.20)"


def _energy_once(per_kind: dict[tuple[str, str], list]) -> dict[tuple[str, str], list]:
    """`per_kind` with the energy moved the same way in `MANY` or more stretches ("max energy": each shot from its
    own level) said once, by how much it moved and where it is now, rather than once per stretch; a shape (up in some,
    down in others) stays said stretch by stretch."""
    moved = {key: ENERGY_SAID_RE.match(key[1]) for key in per_kind if key[0] == "energy"}
    if len(moved) < MANY or None in moved.values() or len({m[1] for m in moved.values()}) > 1:
        return per_kind
    deltas = sorted(abs(float(m[3]) - float(m[2])) for m in moved.values())
    now = sorted(float(m[3]) for m in moved.values())
    by = f"{deltas[0]:.2f}" if deltas[-1] - deltas[0] < 0.005 else f"{deltas[0]:.2f} to {deltas[-1]:.2f}"
    sign = "+" if next(iter(moved.values()))[1] == "more" else "-"
    level = f"{now[0]:.2f}" if now[-1] - now[0] < 0.005 else f"{now[0]:.2f} to {now[-1]:.2f}"   # "max energy": all at 1.00
    words = f"{next(iter(moved.values()))[1]} energy ({sign}{by.replace(' to ', f' to {sign}')}; now {level})"
    out = {key: spans for key, spans in per_kind.items() if key not in moved}
    out[("energy", words)] = [x for key in moved for x in per_kind[key]]
    return out


def _marks_once(oh: set, nh: set) -> list[Change]:
    """Marks of one kind all put in or all taken out, `MANY` or more of them and nothing else about marks ("no crashes",
    "a crash on every cut"): one change, how many and from when to when, and when taken out how many of the kind
    stay ("no crash at 14 points from 0:04 to 0:56 (no crashes left)", "no crash at 3 points from 0:01.2 to 0:05.5
    (2 crashes left)": "last 2" is no "no crashes"; "<kind> at" is what a reader of the reply takes for a mark); else []."""
    added, gone = sorted(nh - oh), sorted(x for x in oh - nh if not any(abs(x[0] - y[0]) < 0.01 for y in nh))
    moved = added if added and not (oh - nh) else gone if gone and not (nh - oh) else []
    if len(moved) < MANY or len({k for _, k, _ in moved}) > 1:
        return []
    kind, times = moved[0][1], [t for t, _, _ in moved]
    plural = kind + ("es" if kind.endswith(("sh", "ch", "s")) else "s")
    left = 0 if moved is added else sum(k == kind for _, k, _ in nh)   # taken out: how many of the kind stay
    rest = "" if moved is added else f" ({left or 'no'} {plural if left != 1 else kind} left)"
    words = f"{'' if moved is added else 'no '}{kind} at {len(times)} points from {fmt(times[0])} to {fmt(times[-1])}{rest}"
    return [Change("hit" if moved is added else "no_hit", words, (times[0], times[-1]))]


def _rising_in(old: ScorePlan, new: ScorePlan, a: float, b: float) -> set[str]:
    """The parts that come in over [a, b] under their level and rise after it (a part faded in)."""
    s, after = new.sections[new.section_at((a + b) / 2)], new.sections[new.section_at(min(b + 0.01, new.duration_s - 0.01))]
    was = set(effective_roles(old, old.sections[old.section_at((a + b) / 2)]))
    was -= {r for r in was if _entered(new, new.section_at((a + b) / 2), r)}   # one that played, now stepping in there
    return {r for r, db in (s.levels_db or {}).items() if db < 0 and r not in was and after is not s and
            r in effective_roles(new, after) and (after.levels_db or {}).get(r, 0.0) > db}


def _without(levels: str, roles: set[str]) -> str:
    return ",".join(x for x in levels.split(",") if x.split(" ")[0] not in roles) if roles else levels


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and abs(out[-1][1] - a) < 1e-3:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def describe(changes: list[Change], reason: str = "", place: str = "") -> str:
    """The reply: each change with its place, "; "-separated, or that nothing changed.

    Args:
        changes: from `diff`.
        reason: why (a culture read as a style), said after the changes.
        place: the place in the user's terms ("the second half"), said after the changes' times.
    Returns:
        One line.
    """
    if not changes:
        return NOTHING
    phrases = []
    for c in changes:
        where = "" if c.span is None else f" at {fmt(c.span[0])}" if c.span[0] == c.span[1] or c.kind in (
            "hit", "no_hit") else f" from {fmt(c.span[0])} to {fmt(c.span[1])}"
        phrases.append(c.words + ("" if c.kind in ("hit", "no_hit") else where))
    placed = [k for k, c in enumerate(changes) if c.kind not in ("hit", "no_hit")]   # a mark names its own time
    said = place if not place or place.split()[0] in ('after', 'before', 'between', 'from', 'there', 'where') else 'in ' + place
    if place and placed and not phrases[placed[-1]].endswith(said):   # "no music from 0:33 to 0:41": not said twice
        phrases[placed[-1]] += f" ({said})"
    text = "; ".join(phrases)
    text = text[0].upper() + text[1:] + "."
    return text + (f" Why: {reason}." if reason else "")


def _entered(plan: ScorePlan, k: int, role: str) -> bool:
    """Whether `role` steps in over section `k` (`fade_ins.played_in`): under its level there and in each section
    back to where it is out."""
    while k > 0 and (plan.sections[k].levels_db or {}).get(role, 0.0) < 0 and role in effective_roles(plan, plan.sections[k]):
        k -= 1
        if role not in effective_roles(plan, plan.sections[k]):
            return True
    return False
