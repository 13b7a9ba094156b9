"""A part asked to be played a way ("brushes on the kit", "palm-muted guitar", "pizzicato strings", "play the piano
staccato"): a playing technique, read as one, never the part louder or taken out.

The plan has no articulation per part: a part is a role, its General MIDI sound for the whole score
(`ScorePlan.instrumentation`), where it plays (`Section.instruments`) and its level (`Section.levels_db`); how its
notes go is the style's. So a technique is what the plan can honestly do, and the reply says which:
- General MIDI has a sound for it (the brush kit, the muted electric guitar, the muted trumpet, pizzicato or tremolo
  strings): that part's sound, for the whole score (a swap);
- asked for one place only, or with no such sound (staccato, muted strings or piano): the part lighter (softer) there,
  and the reply says no such technique is played as such.

    read(clause, text)      # in the grammar (`clauses`): "could the keys be a bit more staccato" asks for the keys ...
    played(intents, plan)   # ... played so; after the grammar read "electric guitar muted" as the guitar out: the guitar's sound muted
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from v2m.agent.dialogue import vocab
from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.orchestration import eat, role_of
from v2m.agent.dialogue.patterns import LazyPattern
from v2m.agent.dialogue.settled_parts import with_reason
from v2m.tools.contract import EditIntent, ScorePlan
from v2m.tools.style import load_style


@dataclass(frozen=True)
class Technique:
    name: str                              # how the reply names it ("no staccato as such")
    said: re.Pattern                       # the words that ask for it
    part: str                              # the part it is played on when only the technique is named ("pizzicato")
    sounds: tuple[tuple[str, str], ...]    # (a word of the part's sound, the chat's word for the sound played so)


# "muted" after a copula or a keeping verb is the part silenced ("keep the guitar muted", "the guitar should be muted"):
# `orchestration`'s; "palm-muted" is always the technique, and "mute" as a verb ("mute the guitar") is never read here
SILENCED_RE = re.compile(r"\b(?:be|been|being|stays?|kept|keep|remains?|gets?|got|left|leave|is|are|was|were)\b(?: \w+){0,3} muted\b")
TECHNIQUES = (
    Technique("brushes", re.compile(r"\bbrush(?:es|ed)?\b"), "drums", (("", "brush kit"),)),
    Technique("mute", re.compile(r"\bpalm[- ]?mut(?:ed|ing|es?)\b|(?<!\bto )(?<!\bnot )\bmuted\b|\b(?:a|the) mutes? (?:on|in)\b|"
                                 r"\bwith (?:a |the )?mutes?\b|\bmutes? on\b"), "",
              (("guitar", "muted guitar"), ("trumpet", "muted trumpet"), ("trombone", "muted trumpet"), ("brass", "muted trumpet"),
               ("horn", "muted trumpet"), ("cornet", "muted trumpet"))),
    Technique("pizzicato", re.compile(r"\bpizz(?:icato|icatto|\.)?\b"), "strings",
              tuple((w, "pizzicato") for w in ("string", "violin", "viola", "cello", "fiddle", "contrabass"))),
    Technique("tremolo", re.compile(r"\btremolo\b"), "strings",
              tuple((w, "tremolo strings") for w in ("string", "violin", "viola", "cello", "fiddle", "contrabass"))),
    Technique("staccato", re.compile(r"\bstacc?att?o\b"), "", ()),
)
LEVEL_RE = re.compile(r"\b(?:louder|softer|quieter|volume|level|up|down|forward|back|loud|quiet|db)\b")   # a level said: `balance`'s
COMPLAINT_RE = re.compile(r"\btoo\b")   # "the muted trumpet is too much": the part (as read), not asked to be played so
# a part taken out said outright ("no muted guitar", "mute the guitar", "lose the guitar, it sounds muted")
OUT_RE = re.compile(r"\b(?:no|without|remove|lose|drop|kill|cut(?: out)?(?= (?:the|that|those|this|all|it|out)\b)|ditch|get rid of|take (?:out|away)|silence|(?<!palm )(?<!palm-)mute (?:the|that|those|this|all))\b")
KIT_WORDS = {"kit", "drums", "drum", "drummer", "drum kit", "beat"} | vocab.KIT_PIECES
# a part said to sound muted ("the drums sound muted", "the guitar feels a bit muted"): a dull sound, no technique asked
DULL_RE = re.compile(r"\b(?:sounds?|sounding|feels?|feeling|seems?|looks?)\b(?: \w+){0,3} muted\b")
NOT_RE = re.compile(r"\b(?:not|never|less|stop|no longer)\b|n't\b")   # "not so staccato", "don't mute the trumpet"
PART_RE = LazyPattern(rf"\b({INSTR_ALT})(?:s|es)?\b")


def asked(text: str) -> Technique | None:
    """The technique `text` asks a part to be played with; None where it names none, or names one of a part complained
    of ("the muted trumpet is too much"), silenced ("keep the guitar muted") or dull ("the drums sound muted")."""
    tech = next((t for t in TECHNIQUES if t.said.search(text)), None)
    if tech is None or COMPLAINT_RE.search(text) or DULL_RE.search(text) or \
            tech.name == "mute" and SILENCED_RE.search(text) and "palm" not in text:
        return None
    return tech


def read(c, t: str) -> str:
    """A clause that asks a part named in it to be played a way, wherever the words sit ("could the keys be a bit more
    staccato", "keys staccato from now on", "can the bass be palm muted"): each part it names asked for (`c.want`, a
    `clauses.Clause`'s), which `played` makes that technique; returns `t` with the part and the technique eaten. A
    part taken out, turned up or down or not played so ("no muted guitar", "nudge the brushes up", "not so staccato")
    is the other readers'; so is a technique named alone ("pizzicato please": its own part, `played`'s)."""
    if c.negative or (tech := asked(t)) is None:
        return t
    if OUT_RE.search(t) or LEVEL_RE.search(t) or NOT_RE.search(t):   # "the guitar palm muted and the bass up": the
        one = _apart(t, tech)                                          # technique's own part, the other part's level left
        return t if one is None else t[:one[0]] + ARTICLE_RE.sub(lambda m: " " * len(m[0]), _read(c, t[one[0]:one[1]], tech)) + t[one[1]:]
    return _read(c, t, tech)


AND_RE = re.compile(r"\s+(?:and|&|plus)\s+")
ARTICLE_RE = re.compile(r"\b(?:the|a|an|my|our|your)\b")   # left of the piece read, so the rest starts at the other part


def _apart(t: str, tech: Technique) -> tuple[int, int] | None:
    """Where in `t` the technique is said with its part, "and" apart from another part's change that asks no technique
    ("the guitar palm muted and the bass up", "the bass up a bit and the guitar palm muted"); None where no such piece
    (the level, the removal or the "not" is the technique's own part's: "the guitar palm muted and louder")."""
    edges = [0, *(x for m in AND_RE.finditer(t) for x in (m.start(), m.end())), len(t)]
    pieces = list(zip(edges[::2], edges[1::2]))
    own = [(a, b) for a, b in pieces if tech.said.search(t[a:b])]
    if len(pieces) < 2 or len(own) != 1:
        return None
    a, b = own[0]
    others = [t[x:y] for x, y in pieces if (x, y) != own[0]]
    if OUT_RE.search(t[a:b]) or LEVEL_RE.search(t[a:b]) or NOT_RE.search(t[a:b]) or not _parts(t[a:b], tech) or \
            not all(PART_RE.search(x) and not tech.said.search(x) for x in others):
        return None
    return a, b


def _parts(t: str, tech: Technique) -> list[re.Match]:
    return [m for m in PART_RE.finditer(t) if tech.said.sub("", m.group(1)).strip()]   # ("brushes": the technique's word)


def _read(c, t: str, tech: Technique) -> str:
    """Each part `t` names asked for (`c.want`), `t` with the parts and the technique eaten."""
    parts = _parts(t, tech)
    for m in parts:
        c.want("add", value=m.group(1))
    for m in [*parts, *(tech.said.finditer(t) if parts else ())]:
        t = eat(t, m)
    return t


# a walking bass asked for ("let the bass walk", "give me a walking bass"); "walks all over the vocals" is a complaint
WALK_RE = re.compile(r"\bwalk(?:s|ing)?\b(?! (?:all )?over\b| me through\b)")


def played(intents: list[EditIntent], plan: ScorePlan) -> list[EditIntent]:
    """The intents with each part asked to be played a way read as that technique (the module's docstring), and a
    walking bass asked for where the style writes none said (`_walked`)."""
    return [_walked(_played(it, plan), plan) for it in intents]


def _walked(it: EditIntent, plan: ScorePlan) -> EditIntent:
    """A walking bass asked for ("let the bass walk") plays fuller, as read (`orchestration.add`); a walking line is a
    style's bass pattern at some energies (jazz's), never one part's own, so where the style has none the reason says so
    rather than let the fuller bass pass for a walking one."""
    if not (it.what == "add" or it.what == "balance" and it.direction == "up") or not WALK_RE.search((it.text or "").lower()) or \
            role_of(plan, it.value or "") != "bass" or any(lv.bass == "walk" for lv in load_style(plan.style).levels):
        return it
    style = plan.style.replace("_", " ")
    why = f"no walking bass in {style}: its bass plays the line {style} writes for it, so it plays fuller"
    return it.model_copy(update={"reason": with_reason(it.reason, why)})


def _played(it: EditIntent, plan: ScorePlan) -> EditIntent:
    text = (it.text or "").lower()
    if it.what not in ("add", "remove", "balance") or not it.value or it.value == "music" or it.target:
        return it
    tech = asked(text)
    if tech is None or it.what == "balance" and (tech.name == "brushes" or LEVEL_RE.search(text)):
        return it   # "nudge the brushes up a notch": the kit's level; "keep the guitar muted": out
    if it.what == "remove" and (tech.name != "mute" or tech.said.search(it.value) or OUT_RE.search(text)):
        return it   # "no brushes", "lose the pizzicato": that sound out, as read; only "the guitar muted" is no part out
    base = " ".join(tech.said.sub("", it.value).split()) or tech.part
    if tech.name == "brushes" or base in KIT_WORDS:
        base = "drums"
    if not base:
        return it
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    role = role_of(plan, base)
    sound = inst.get(role, vocab.INSTRUMENTS.get(base, ("", ""))[0])   # (no role: the sound the part's name names)
    new = next((w for part, w in tech.sounds if part in sound.lower() or part in base), None)
    if role is None:   # the part plays nowhere: it comes in, played so where General MIDI can
        why = "" if new else f"no {tech.name} as such (a part plays its notes as its style writes them)"
        return it.model_copy(update={"what": "add", "direction": None, "value": new or base,
                                     "reason": with_reason(it.reason, why)})
    if new and it.scope.kind == "whole":
        why = f"{tech.name}: the {base} part played by General MIDI's {vocab.INSTRUMENTS[new][0]}{' kit' if base == 'drums' else ''}"
        return it.model_copy(update={"what": "swap", "target": base, "value": new, "direction": None, "reason": why})
    why = f"no {tech.name} as such " + ("in one place (a part's sound is the whole score's)" if new else
                                        "(a part plays its notes as its style writes them)") + \
        f": the {base} {'are' if base.endswith('s') and not base.endswith('ss') else 'is'} lighter (softer){' there' if it.scope.kind != 'whole' else ''} instead"
    return it.model_copy(update={"what": "balance", "direction": "down", "magnitude": "small", "value": base,
                                 "amount": None, "reason": why})
