"""Instrument edits: add, remove, swap and solo ("add strings in the ending", "no drums in the intro",
"replace the sax with a trumpet", "piano solo"), mapping the user's words to the plan's roles.

Used by `v2m.agent.dialogue.edits`; sections outside the addressed span keep exactly the roles they had.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue import vocab
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import ScorePlan
from v2m.tools.style import load_style

def eat(text: str, m: re.Match) -> str:
    """Blank out what a parser understood so the next parser does not read it again."""
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


FILLER_WORDS = {"it", "the", "a", "an", "some", "more", "bit", "in", "to", "something"}
INSTR_ALT = "|".join(sorted((re.escape(k) for k in {*vocab.INSTRUMENTS, *vocab.ROLE_WORDS}), key=len, reverse=True))
INSTR = rf"(?:the |a |an |some |any |all |more |back |in )*({INSTR_ALT})(?:s|es)?\b"


def _instrument_word(phrase: str) -> str | None:
    m = re.search(rf"\b({INSTR_ALT})(?:s|es)?\b", phrase)
    return m.group(1) if m else None


def role_of(plan: ScorePlan, word: str) -> str | None:
    """The role of the plan that the user's word names ("sax" -> melody in jazz, "drums" -> drums)."""
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    named = [r for r, n in inst.items() if word in n.lower()]
    if len(named) == 1:
        return named[0]
    if word in vocab.ROLE_WORDS and vocab.ROLE_WORDS[word] in inst:
        return vocab.ROLE_WORDS[word]
    return named[0] if named else None


def instruments(e, t: str) -> str:
    p = e.plan
    m = (re.search(rf"\b(?:replace|swap|switch|change|exchange|trade) (?:out )?{INSTR}.*?\b(?:with|for|to|into|by) "
                   rf"{INSTR}", t))
    swap = (m.group(1), m.group(2)) if m else None
    if not m and (m := re.search(rf"{INSTR} instead of {INSTR}", t)):
        swap = (m.group(2), m.group(1))
    if not m and (m := re.search(rf"\b(?:make|turn) the (melody|lead|bass|harmony|chords) (?:into )?{INSTR}", t)
                  or re.search(rf"\b(?:play|put) the (melody|lead|bass|harmony|chords) on {INSTR}", t)):
        swap = (m.group(1), m.group(2))
    if swap:
        old, new = swap
        role = role_of(p, old)
        if role is None:
            raise Ask(f"There is no {old} in the score to replace. Should I add the {new} instead?")
        if not e.whole:
            raise Ask(f"I can swap an instrument only for the whole score; say 'add {new}{e.span.label and ' in ' + e.span.label}' "
                      f"and 'no {old} there' to change just that part.")
        if any(s.locked for s in p.sections):
            raise Ask("Some sections are locked, and an instrument swap changes them too. Unlock them first?")
        gm = vocab.INSTRUMENTS[new][0] if new in vocab.INSTRUMENTS else None
        if gm is None or role == "drums" != (vocab.INSTRUMENTS[new][1] == "drums"):
            raise Ask(f"I can't play the {role} part on '{new}'. Which instrument should it be?")
        oldname = {**load_style(p.style).instruments, **p.instrumentation}.get(role)
        p.instrumentation = {**p.instrumentation, role: gm}
        e.notes.append(f"{role}: {oldname} -> {gm}")
        return eat(t, m)
    if (m := re.search(rf"\b(?:only|just|nothing but|solo) {INSTR}", t) or re.search(rf"{INSTR} solo\b", t)):
        word = m.group(1)
        role = role_of(p, word) or add_role(e, word)
        ops.set_roles(p, e.idx, only=role)
        e.notes.append(f"only the {word}")
        return eat(t, m)
    for m in list(re.finditer(rf"\b(?:no|without|remove|drop|lose|mute|take out|get rid of|kill|silence|fewer|"
                              rf"stop|turn off|leave out|cut out|less|minus) {INSTR}", t)):
        word = m.group(1)
        role = role_of(p, word)
        if role is None:
            raise Ask(f"There is no {word} in the score to remove. Did you mean another instrument?")
        if not any(role in ops.effective_roles(p, p.sections[i]) for i in e.idx):
            raise Ask(f"The {word} is already silent there. Did you mean another part?")
        ops.set_roles(p, e.idx, remove=role)
        e.notes.append(f"no {word}")
        t = eat(t, m)
    for m in list(re.finditer(rf"\b(?:add|with|bring in|bring back|include|put in|introduce|let the|give me|plus|"
                              rf"layer|more|some|use){' (?:in )?'}{INSTR}", t)):
        word = m.group(1)
        role = role_of(p, word)
        playing = role and all(role in ops.effective_roles(p, p.sections[i]) for i in e.idx)
        if playing:
            if not re.search(r"\bmore\b", m.group(0)):
                raise Ask(f"The {word} is already playing there. Louder, or a different instrument?")
            e.notes.append(ops.add_energy(p, e.idx, 0.1) + f" with more {word}")
        else:
            role = role or add_role(e, word)
            ops.set_roles(p, e.idx, add=role)
            e.notes.append(f"added {word}")
        t = eat(t, m)
    m = re.search(r"\b(?:add|bring in|introduce|include) (?:a |an |some |the )?([a-z][a-z ]*?)(?: in| to| at| for|$)", t)
    if m and m.group(1).strip() not in FILLER_WORDS:
        hit = vocab.lookup(m.group(1).strip(), "instrument")
        if hit is None:
            raise Ask(f"I don't know an instrument called '{m.group(1).strip()}'. Which one should I add?")
        role = role_of(p, hit.name) or add_role(e, hit.name)
        ops.set_roles(p, e.idx, add=role)
        e.notes.append(f"added {hit.name} (for '{m.group(1).strip()}')")
        t = eat(t, m)
    return t


def add_role(e, word: str) -> str:
    """Give `word`'s instrument a free role in the plan's instrumentation and return that role."""
    gm, preferred = vocab.INSTRUMENTS.get(word, (None, vocab.ROLE_WORDS.get(word, "lead")))
    if gm is None:
        gm = load_style(e.plan.style).instruments.get(preferred)
        if gm is None:
            raise Ask(f"Which instrument should play the {word}?")
    role = preferred if preferred in ("drums", "bass", "percussion") and \
        preferred not in {**load_style(e.plan.style).instruments, **e.plan.instrumentation} \
        else ops.free_role(e.plan, preferred)
    if e.span is not None or any(s.locked for s in e.plan.sections):
        # Sections outside the span play all roles: pin their current roles so the new one stays out.
        idx = e.idx  # splits the addressed sections first: the loop must see the new list
        for i, s in enumerate(e.plan.sections):
            if i not in idx and not s.instruments:
                e.plan.sections[i] = s.model_copy(update={"instruments": ops.effective_roles(e.plan, s)})
    e.plan.instrumentation = {**e.plan.instrumentation, role: gm}
    return role
