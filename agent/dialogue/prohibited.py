"""A part prohibited ("never add strings", "don't add drums"): the words, a prohibition that is no order (a question
tag, "yet"), and one of a part that is not playing, kept already.

    from v2m.agent.dialogue.prohibited import absent, unordered
    unordered("don't add drums yet")       # Ask: not an order now
    absent(e, None, "strings", "never add strings, just the piano louder")   # True, and the reply says it is kept

`orchestration` reads the prohibition as a removal of a part that plays; `understanding` asks back a hedged one.
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import operations as ops
from v2m.agent.dialogue.mentions import CUT_VERB, INSTR, NEVER
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.vocab import INSTRUMENTS
from v2m.agent.dialogue.where import Ask
from v2m.tools.style import load_style

# after the part, that it must go (bank17: "the wah wah guitar has to go", "drums gotta go lol"): taken out; not where or
# how it goes ("the sax has to go higher", "the drums need to go faster")
MUST_GO = (r"(?:has|have|needs?|must|got|has got|gotta)(?: to)? go(?![ -](?:\w+er|up|down|back|on|in|into|to|with|for|along|over|"
           r"the|a|more|less|big|wild|quiet|soft|hard|off)\b)")
# after the part: a question tag or "yet" ("you don't add drums, do you?", "don't add drums yet"): asked, not ordered
HEDGED_RE = re.compile(rf"\b{NEVER} {INSTR}(?:[^.!;,?]*?\b(?:yet|for now|for the moment)\b|[^.!;,?]*(?:,? (?:(?:do|will|would|can|"
                       r"could|are|did) (?:you|we|u|they)|right))?\s*\?)", re.I)   # in its own clause (not "..., ok?")
NEGATED_RE = re.compile(rf"\b(?:no|without|not|lose|drop|remove|kill|mute|{CUT_VERB}|({NEVER}))\s*$")  # before a part ("don't add")
# just after the part a prohibition names: how it plays ("don't play the sax so loud", "don't have drums that busy")
LEVELED_RE = re.compile(r"^\W*(?:(?:quite|really|just) )?(?:so|too|that|this)\b(?! (?:is|are|was|were|i|we|you|it)\b)")
CLAUSE_START_RE = re.compile(r"[^.!;,?]*$")
PROHIBITED_RE = re.compile(rf"\b{NEVER} {INSTR}", re.I)   # "never add strings", "we will not use a choir"
WORD_RE = re.compile(r"[a-z]{2,}", re.I)


def negated(t: str, m: re.Match) -> bool:
    """Whether the part `m` finds first (its group 1) is taken out by the words before it: "no sax", "don't add drums".
    A prohibition of how it plays is not ("don't play the sax so loud": softer, the sax kept)."""
    return bool((n := NEGATED_RE.search(t[:m.start()])) and not (n.group(1) and LEVELED_RE.search(t[m.end(1):])))


def unordered(t: str, plays: Callable[[str], bool] | None = None) -> str:
    """`t` as it is, unless a part is prohibited only for now or in a question ("don't add drums yet", "you don't add
    drums, do you?"): no order to read ("add drums" or "no drums"), so that clause is left out, or asked back (Ask)
    when it is all the request says. A part that `plays` nowhere stays out ("you won't add drums, right?" with no
    drums): the clause is the prohibition it reassures about, which changes nothing (`absent`) and is said so."""
    if not (m := HEDGED_RE.search(t)):
        return t
    if plays is not None and not plays(m.group(1)):
        return f"{t[:m.start()]}never add {m.group(1)}{t[m.end():]}"
    start = CLAUSE_START_RE.search(t[:m.start()]).start()
    rest = (t[:start] + t[m.end():]).strip(" ,.;!?")
    if WORD_RE.search(rest):   # "don't add drums yet, make it louder": the other clauses are read, the drums left
        return rest
    w = m.group(1)   # "you won't add drums, right?" where drums play: nothing added, and asked whether they go
    one = not _plural(w)   # "a sax": it; "drums": they
    asked = f"Should the {w} stay out for now?" if plays is None else \
        f"Nothing added: the score has {('an ' if w[0] in 'aeiou' else 'a ') * one}{w} now. Should {'it' if one else 'they'} go out?"
    raise Ask(f"{asked} Say 'no {w}' to take {'it' if one else 'them'} out, or what should change.")


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def absent(e, role: str | None, word: str, text: str) -> bool:
    """Whether `word`'s removal is a prohibition of a part not playing (`role` None or silent): kept already, said in
    the reply (`e.said`), and nothing to take out."""
    if role is not None and any(role in ops.effective_roles(e.plan, s) for s in e.plan.sections) or \
            not compiled(rf"\b{NEVER} (?:(?:the|any|some|a|an) )?{re.escape(word)}", re.I).search(text or ""):
        return False
    e.said.append(f"Not changed: there {'are' if _plural(word) else 'is'} no {word} in the score.")
    return True


def prohibited_parts(text: str) -> list[str]:
    """The parts `text` prohibits for good ("never add strings", "we will not use a choir"), not for now or in a
    question ("don't add drums yet")."""
    return [m.group(1) for m in PROHIBITED_RE.finditer(text) if not HEDGED_RE.search(text[m.start():])]


TUNE_WORDS = {"melody": "the tune", "harmony": "the chords", "bass": "the bass line", "lead": "the lead", "strings": "the strings"}


def not_there(plan, word: str) -> Ask:
    """The question for "no sax" where no sax plays: said plainly, with what plays the part a sax would ("There is no
    sax in the score: the vibraphone plays the tune. Say 'no vibraphone' to take it out, or which instrument did you
    mean?")."""
    are = "are" if _plural(word) else "is"
    role = INSTRUMENTS.get(word, ("", ""))[1]
    name = {**load_style(plan.style).instruments, **plan.instrumentation}.get(role)
    if not name or role in ("drums", "percussion") or not any(role in ops.effective_roles(plan, s) for s in plan.sections):
        return Ask(f"There {are} no {word} in the score to remove. Did you mean another instrument?")
    said = " ".join(w for w in name.split("(")[0].lower().split() if not w.isdigit())
    return Ask(f"There {are} no {word} in the score: the {said} plays {TUNE_WORDS.get(role, 'the ' + role)}. "
               f"Say 'no {said}' to take it out, or which instrument did you mean?")
