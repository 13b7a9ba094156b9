"""An instrument that plays several parts (classical's piano plays the bass, the chords and the tune; a band's piano
brought in beside strings): a change of that instrument's level moves every part it plays there, so "the piano is
hidden behind the other instruments" lifts the whole piano against the strings, not only its left hand.

    balance(e, "piano", 8.0)   # classical + strings: bass, harmony and melody +8 dB, the strings as they were
"""

from __future__ import annotations

from v2m.agent.dialogue import orchestration, vocab
from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.where import Ask
from v2m.tools.style import load_style


def roles(plan, idx: list[int], word: str) -> list[str]:
    """The parts the one instrument `word` names ("piano") plays in sections `idx`, when it names an instrument rather
    than a part ("the lead", "the bass" name one part)."""
    if not word or word in vocab.ROLE_WORDS:
        return []
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    playing = {r for i in idx for r in ops.effective_roles(plan, plan.sections[i])}
    named = {r: n for r, n in inst.items() if word.lower() in n.lower() and r in playing}
    return list(named) if len(set(named.values())) == 1 else []   # rock's two guitars are two instruments: `role_of`'s


def balance(e, word: str, step_db: float, against: str | None = None, said: str = "") -> None:
    """`orchestration.balance`, each part `word`'s instrument plays moved when it plays more than one (`said`: the
    words as said, where "the violins" names a section)."""
    parts = roles(e.plan, e.idx, word)
    if len(parts) < 2:
        return orchestration.balance(e, word, step_db, against, said)
    asked: list[Ask] = []
    e.said.append(f"The {word} plays the {' and the '.join(TUNE.get(r, r) for r in parts)} here, so all of them moved.")
    for k, r in enumerate(parts):
        try:
            orchestration.balance(e, r, step_db, against if k == 0 else None)
        except Ask as q:   # one part at its limit: the others still move
            asked.append(q)
    if len(asked) == len(parts):
        raise asked[0]


TUNE = {"melody": "tune", "harmony": "chords", "bass": "bass line"}   # how the reply names a part an instrument plays


def swap(e, old: str, new: str) -> None:
    """`orchestration.swap`, unless the instrument `new` plays the part `old` already ("the piano should lead" where
    the piano plays the tune, and the bass and chords too; "brushes" where the brush kit plays): nothing to swap, and
    the reply says which parts it plays, or that the part plays that sound already."""
    role = orchestration.role_of(e.plan, old) if old else None
    inst = {**load_style(e.plan.style).instruments, **e.plan.instrumentation}
    if role and new and new.lower() in inst.get(role, "").lower() and e.whole:
        parts = [TUNE.get(r, r) for r in roles(e.plan, e.idx, new) or [role]]
        rest = [p for p in parts if p != TUNE.get(role, role)]
        also = f" (and the {' and the '.join(rest)})" if rest else ""
        e.said.append(f"The {new} already plays the {TUNE.get(role, role)}{also}, so it leads already.")
        return
    if role and (gm := vocab.INSTRUMENTS.get(new, ("", ""))[0]) and gm.lower() == inst.get(role, "").lower():
        # "brushes" where the brush kit plays, "the bass on an upright bass" in jazz: that sound already, said so
        name = f"{gm} kit" if role == "drums" else gm
        own = "" if set(new.split()) <= set(name.lower().split()) else f" (General MIDI's {name})"
        plays = "play" if old.endswith("s") and not old.endswith("ss") else "plays"
        e.said.append(f"Not changed: the {old} already {plays} on the {new}{own}.")
        return
    orchestration.swap(e, old, new)
