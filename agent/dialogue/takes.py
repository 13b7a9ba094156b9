"""Takes and routes in a dialogue turn: "another take of shot 2", "regenerate the chorus", "switch to the
audio route", "use musicgen", "hybrid", "back to midi". Read by `v2m.agent.dialogue.edits`, applied by `v2m.agent.dialogue.intents`.

A take is a section's draw of notes and audio: `Section.take + 1` reseeds that section's composer and
MusicGen call and nothing else, so "another take of shot 2" redraws the section holding shot 2 while
every other section keeps its exact notes and samples. A take never splits a section (a split moves
the section bounds, and the audio route would then have to regenerate everything); the reply names the
whole section that was redrawn. The route (`ScorePlan.route`) is plan-wide.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.where import Ask, fmt

ROUTES = {"symbolic": "symbolic (MIDI rendered with a soundfont)", "audio": "audio (MusicGen per section)",
          "hybrid": "hybrid (MusicGen-Melody conditioned on the symbolic score)"}
# the words a user calls each route by; longest first so "musicgen melody" is not read as "musicgen"
ROUTE_WORDS = (("musicgen-melody", "hybrid"), ("musicgen melody", "hybrid"), ("hybrid", "hybrid"),
               ("generated audio", "audio"), ("musicgen", "audio"), ("music gen", "audio"), ("audio", "audio"),
               ("general midi", "symbolic"), ("symbolic", "symbolic"), ("midi", "symbolic"),
               ("soundfont", "symbolic"), ("fluidsynth", "symbolic"))
_ROUTE_ALT = "|".join(re.escape(w) for w, _ in ROUTE_WORDS)
ROUTE_RE = re.compile(
    rf"\b(?:switch|change|go|move|back|return|revert|use|try|render|let's|lets)"
    rf"(?: (?:it|things|everything|the score|the music|over|back))*(?: (?:to|with|on|into|for))?(?: the| a)? "
    rf"({_ROUTE_ALT})\b(?: ?route| ?version| ?mode| ?rendering| ?instead)?"
    rf"|\b({_ROUTE_ALT}) route\b|^\s*({_ROUTE_ALT})\s*$")
TAKE_RE = re.compile(r"\b(?:regenerate|re-generate|regen|reroll|re-roll|redo|re-do|retake|re-take|"
                     r"(?:another|a new|new|a fresh|fresh|a different|different|one more) (?:take|version|"
                     r"variation|draw|go)(?: at| of| for| on)?|try (?:again|another take)(?: at| of| for)?)\b")
# the whole score named as what a take is of ("another take of everything"): no place (not `where.WHOLE_RE`)
TAKE_WHOLE_RE = re.compile(r"\b(everything|all|it|the whole(?: thing| score| piece| video)?|the music|the score|"
                           r"the audio|the song|the track|all sections|every section|the lot)\b")


def route(c, t: str) -> str:
    """"switch to the audio route", "use musicgen", "hybrid", "back to midi": ScorePlan.route."""
    m = ROUTE_RE.search(t)
    if not m:
        return t
    word = next(g for g in m.groups() if g)
    want = next(r for w, r in ROUTE_WORDS if w == word)
    if c.span is not None and not TAKE_RE.search(t):  # "... and another take of shot 2": the span is the take's
        raise Ask(f"The route is for the whole score; I cannot use it for {c.span.label} alone. "
                  f"Switch the whole score to the {want} route?")
    blanked = t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    if c.plan.route == want:
        if TAKE_RE.search(t):  # "use musicgen and regenerate the ending" while on it: the take is the edit
            return blanked
        raise Ask(f"The score is already on the {ROUTES[want]} route. Say 'another take of ...' for new "
                  "music in one part, or name another route (symbolic, audio, hybrid).")
    c.want("route", value=want, whole=True)
    return blanked


def set_route(e, want: str) -> None:
    e.plan.route = want


def overlapping(plan, span) -> list[int]:
    """Sections the span covers in earnest (not by a sliver); the one under its middle when none does."""
    if span.sections is not None:
        return list(span.sections)
    idx = [i for i, s in enumerate(plan.sections)
           if min(s.end_s, span.end_s) - max(s.start_s, span.start_s) >= min(0.5, 0.5 * s.duration_s)]
    return idx or [plan.section_at((span.start_s + span.end_s) / 2)]


def retake(c, t: str) -> str:
    """"another take of shot 2", "regenerate the chorus", "redo the ending": Section.take + 1."""
    m = TAKE_RE.search(t)
    if not m:
        return t
    if c.span is None:
        rest = (t[:m.start()] + " " + t[m.end():]).strip()
        rest = re.sub(r"\b(please|and|of|the|a|an|for|again|now|just|can you|could you|let's|lets|me|that|this)\b",
                      " ", TAKE_WHOLE_RE.sub(" ", rest)).strip()
        if rest:  # "regenerate the chorus" on a plan with no chorus: ask, never redraw everything
            names = ", ".join(f"{s.name} ({fmt(s.start_s)}-{fmt(s.end_s)})" for s in c.plan.sections)
            raise Ask(f"Which part should get a new take? The sections are {names}; you can also say "
                      "'shot 2' or 'from 0:03 to 0:05'.")
    c.want("take")
    return " " * len(t)


def new_take(e) -> None:
    """Take + 1 for the sections the span covers, never splitting one (a split would move section bounds)."""
    plan, span = e.plan, e.span
    idx = list(range(len(plan.sections))) if span is None else overlapping(plan, span)
    free = [i for i in idx if not plan.sections[i].locked]
    if not free:
        raise Ask(f"{'That part' if span else 'Everything'} is locked. Unlock it first (e.g. 'unlock the intro')?")
    for i in free:
        plan.sections[i] = plan.sections[i].model_copy(update={"take": plan.sections[i].take + 1})
