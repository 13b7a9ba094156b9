"""Text prompts for MusicGen, one per plan section, written from the plan when the planner gave none.

MusicGen was trained on short text descriptions ("lofi slow bpm electro chill with organic samples");
a good prompt names the genre, the instruments, the mood and the tempo. The planner may write
`Section.musicgen_prompt` itself; otherwise this builds one from style, instruments, energy, tempo, key.
"""

from __future__ import annotations

import math
import re

from v2m.tools.contract import ScorePlan
from v2m.tools.music.tempo_map import TempoMap, build_tempo_map
from v2m.tools.style import load_style

MAX_CHARS = 400  # Section.musicgen_prompt's limit; T5 sees ~100 tokens of it
# Energy 0..1 -> mood words, quiet to climactic (inclusive upper bounds; the default 0.5 is "steady").
ENERGY_WORDS = ((0.25, "soft, sparse, calm"), (0.5, "gentle, steady"), (0.75, "driving, energetic"),
                (1.0, "intense, full, climactic"))
SECTION_WORDS = {"intro": "an intro that builds in", "outro": "an outro that winds down", "build": "a rising build",
                 "climax": "the climax", "bridge": "a contrasting bridge", "chorus": "a big chorus"}


def _instrument_names(plan: ScorePlan, i: int) -> list[str]:
    by_role = dict(load_style(plan.style).instruments)
    by_role.update(plan.instrumentation)
    roles = plan.sections[i].instruments or list(by_role)
    names = []
    for role in roles:
        name = "drums" if role in ("drums", "percussion") else by_role.get(role, role).lower()
        if name not in names:
            names.append(name)
    return names


def section_prompt(plan: ScorePlan, i: int) -> str:
    """The MusicGen text prompt for section i.

    Args:
        plan: the score plan.
        i: section index.
    Returns:
        The section's own `musicgen_prompt` when set, else e.g. "jazz music, small-combo swing jazz;
        ... Instruments: drums, acoustic bass, tenor sax. Driving, energetic. 138 bpm, F major."
    """
    sec = plan.sections[i]
    if sec.musicgen_prompt:
        return sec.musicgen_prompt
    style = load_style(plan.style)
    mood = next(words for top, words in ENERGY_WORDS if sec.energy <= top)
    tempo = sec.tempo_bpm or plan.tempo_bpm
    parts = [f"{style.name} music, {style.description}."]
    role = SECTION_WORDS.get(sec.name.lower())
    if role:
        parts.append(f"This is {role}.")
    parts.append(f"Instruments: {', '.join(_instrument_names(plan, i))}.")
    parts.append(f"{mood.capitalize()}. {tempo:.0f} bpm, {plan.key} {plan.mode}.")
    return " ".join(parts)[:MAX_CHARS]


CHORD_SYMBOL = re.compile(r"^[A-G](#|b)?[a-z0-9ø°+#b/A-G]*$")  # Dm7, G7, Cmaj7, F#m, Bb/D; not ii7, V7


def chord_timeline(plan: ScorePlan, i: int, start_s: float, length_s: float,
                   tempo_map: TempoMap | None = None) -> list[tuple[str, float]]:
    """Section i's chords (one per bar, cycled from the section start) as (symbol, time) for one model call.

    JASCO-style chord conditioning takes chord symbols with start times inside its window. The bars are
    the composer's own (the tempo map, which stretches bars so every cut lands on a downbeat), not a
    grid of beats x 60 / tempo, so the chords change exactly where the symbolic score's bars start.
    Past the section's end (its crossfade tail) the cycle goes on over the next section's bars. Roman
    numerals (ii7, V7) are left out: turning them into symbols is the composer's job (key and mode).

    Args:
        plan: the score plan (tempo, meter, chords).
        i: section index.
        start_s: the window's start, seconds from the section start (negative inside the lead-in crossfade).
        length_s: the window's length in seconds.
        tempo_map: the plan's tempo map (`build_tempo_map`, or an Arrangement's); None lays it here.
    Returns:
        [(symbol, seconds from the window start)], the chord sounding at the window start first at 0.0;
        empty when the section has no chord symbols.
    """
    sec = plan.sections[i]
    chords = [c for c in sec.chords if CHORD_SYMBOL.match(c)]
    if not chords or len(chords) != len(sec.chords):
        return []
    if tempo_map is None:
            tempo_map = build_tempo_map(plan, load_style(plan.style))
    starts = [b.start_s - sec.start_s for b in tempo_map.bars if b.start_s >= sec.start_s - 1e-6]
    ends = starts[1:] + [math.inf]
    return [(chords[j % len(chords)], round(max(0.0, t - start_s), 4))
            for j, (t, end) in enumerate(zip(starts, ends)) if end > start_s and t < start_s + length_s]


def changed_sections(old: ScorePlan, new: ScorePlan) -> list[int] | None:
    """Sections whose audio must be regenerated after an edit, or None when the cut times moved.

    A dialogue turn that only touches the chorus should regenerate the chorus only
    (`generate_score_audio(new, ..., sections=changed_sections(old, new), previous_wav=...)`).
    A section counts as changed when its prompt or any of its own fields differ (`locked` aside);
    a plan-wide change (style, tempo, key, loudness, route ...; not the request or reasoning text)
    reaches every section: its prompt, its gain, or the symbolic score the hybrid route listens to.

    Args:
        old: the plan of the previous take.
        new: the edited plan.
    Returns:
        Indices to regenerate (possibly empty), or None if sections were added, removed or moved.
    """
    if len(old.sections) != len(new.sections) or abs(old.duration_s - new.duration_s) > 1e-6 or any(
            abs(a.start_s - b.start_s) > 1e-6 for a, b in zip(old.sections, new.sections)):
        return None
    words = {"request", "reasoning", "sections"}
    if old.model_dump(exclude=words) != new.model_dump(exclude=words):
        return list(range(len(new.sections)))
    return [i for i, (a, b) in enumerate(zip(old.sections, new.sections))
            if section_prompt(old, i) != section_prompt(new, i)
            or a.model_dump(exclude={"locked"}) != b.model_dump(exclude={"locked"})]
