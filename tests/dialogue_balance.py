"""The dialogue checker's `balance` expectation (tests/dialogue_check.py): one part's level against the others,
read in the plan (dB) and in the composed MIDI (velocities), and the part a turn's words name.

A part's MIDI notes are read from its own track: the composer writes one track per role ("role: instrument",
tools/music/midi.write_midi), and several roles may share a GM program (a piano piece's bass, chords and tune
are all Acoustic Grand Piano), so reading by program would take every piano note for the bass and leave no
others to compare it with.
"""

from __future__ import annotations

from v2m.agent.dialogue.operations import effective_roles


def role_of(plan, arg):
    """The role the expectation names: its `role`, or the part playing its `instrument` (a GM name, an everyday
    word such as "violin", or a family such as "brass"); None when no part of the plan plays it."""
    from v2m.agent.dialogue.vocab import INSTRUMENTS
    from v2m.tools.style import load_style

    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    if "role" in arg:
        return arg["role"] if arg["role"] in inst else None
    word = arg["instrument"].lower()
    gm = INSTRUMENTS.get(word, INSTRUMENTS.get(word.rstrip("s"), (word, None)))[0].lower()
    family = {"trumpet": "brass", "trombone": "brass", "horn": "brass", "horns": "brass", "tuba": "brass",
              "violin": "strings", "viola": "strings", "cello": "strings"}.get(word.rstrip("s"))
    return next((r for r, n in inst.items() if gm in n.lower() or word in n.lower() or word.rstrip("s") == r), None) \
        or (family if family in inst else None)


def rel_db(plan, role: str, t: float) -> tuple[float, bool]:
    """(the role's stored level at t against the mean of the other parts playing there in dB, whether it plays there)."""
    s = plan.sections[plan.section_at(t)]
    roles = effective_roles(plan, s)
    others = [s.levels_db.get(r, 0.0) for r in roles if r != role]
    return s.levels_db.get(role, 0.0) - (sum(others) / len(others) if others else 0.0), role in roles


def rel_vel(midi, role: str, a: float, b: float) -> tuple[float | None, bool]:
    """(the role's mean velocity over the others' mean velocity in [a, b), whether the role has notes there);
    the ratio is None when the role or the others have no notes there."""
    parts = {inst.name.split(":")[0] for inst in midi.pm.instruments}
    mine = midi.notes(a, b, role=role)
    rest = [n for r in parts - {role} for n in midi.notes(a, b, role=r)]
    if not mine or not rest:
        return None, bool(mine)
    return (sum(n.velocity for n in mine) / len(mine)) / (sum(n.velocity for n in rest) / len(rest)), True


def balance(arg, old, new, old_midi, new_midi, mids: list[float]) -> list[str]:
    """Failures of `balance: {in, role|instrument, change}`: the part's level against the others moved the
    right way within the span, in the plan (dB against the mean of the others) and in the MIDI (its mean
    velocity over the others' mean velocity).

    A part that did not play before (in a section of the span in the plan, anywhere in the span in the MIDI)
    has no old level to compare: "up" then means it plays now at or above the others' level there (plan: at
    least 0 dB against the others' mean; MIDI: a mean velocity at least the others' mean), so a part brought
    in quietly under the rest is not "carrying it"; "down" fails, since the part is louder than before (it plays).
    A section of the span where the part rests before and after (a tune that enters after the intro) has no level
    to move and is not read in the plan; the span must hold at least one section where the part plays."""
    a, b = arg["in"]
    role = role_of(new, arg)
    if role is None:
        return [f"no part plays {arg}"]
    up = arg["change"] == "up"
    out = []
    heard = 0
    for t in mids:  # the middles of the new plan's sections in the span
        (d0, before), (d1, now) = rel_db(old, role, t), rel_db(new, role, t)
        heard += before or now
        if not (before or now):  # the part rests here before and after: it has no level to move
            continue
        if now and not before:  # brought in here by this turn
            if not up or d1 < 0:
                out.append(f"{role} comes in at {t:.2f} at {d1:+.1f} dB against the others (did not play before)")
        elif before and not now:  # taken out here by this turn: never "up"
            if up:
                out.append(f"{role} no longer plays at {t:.2f} (asked up)")
        elif (d1 > d0) != up or d1 == d0:
            out.append(f"{role} level at {t:.2f} against the others {d0:+.1f} -> {d1:+.1f} dB")
    if mids and not heard:
        out.append(f"{role} plays in no section of {arg['in']}, before or after")
    (v0, played), (v1, _) = rel_vel(old_midi, role, a, b), rel_vel(new_midi, role, a, b)
    if v1 is not None and not played:
        if not up or v1 < 1.0:
            out.append(f"MIDI: {role} comes in at {v1:.3f} of the others' velocity (did not play before)")
    elif v0 is None or v1 is None:
        out.append(f"MIDI: {role} or the other parts have no notes in {arg['in']}")
    elif (v1 > v0) != up or v1 == v0:
        out.append(f"MIDI: {role} velocity against the others {v0:.3f} -> {v1:.3f}")
    return out
