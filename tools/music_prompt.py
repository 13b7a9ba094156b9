"""Text prompts for MusicGen, one per plan section, written from the plan when the planner gave none.

MusicGen was trained on short text descriptions ("lofi slow bpm electro chill with organic samples");
a good prompt names the genre, the instruments, the mood and the tempo. The planner may write
`Section.musicgen_prompt` itself; otherwise this builds one from style, instruments, energy, tempo, key.
"""

from __future__ import annotations

from v2m.tools.contract import ScorePlan

MAX_CHARS = 400  # Section.musicgen_prompt's limit; T5 sees ~100 tokens of it
# Energy 0..1 -> mood words, quiet to climactic (upper bounds).
ENERGY_WORDS = ((0.25, "soft, sparse, calm"), (0.5, "gentle, steady"), (0.75, "driving, energetic"),
                (1.01, "intense, full, climactic"))
SECTION_WORDS = {"intro": "an intro that builds in", "outro": "an outro that winds down", "build": "a rising build",
                 "climax": "the climax", "bridge": "a contrasting bridge", "chorus": "a big chorus"}


def _instrument_names(plan: ScorePlan, i: int) -> list[str]:
    from v2m.tools.style import load_style

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
    from v2m.tools.style import load_style

    sec = plan.sections[i]
    if sec.musicgen_prompt:
        return sec.musicgen_prompt
    style = load_style(plan.style)
    mood = next(words for top, words in ENERGY_WORDS if sec.energy < top)
    tempo = sec.tempo_bpm or plan.tempo_bpm
    parts = [f"{style.name} music, {style.description}."]
    role = SECTION_WORDS.get(sec.name.lower())
    if role:
        parts.append(f"This is {role}.")
    parts.append(f"Instruments: {', '.join(_instrument_names(plan, i))}.")
    parts.append(f"{mood.capitalize()}. {tempo:.0f} bpm, {plan.key} {plan.mode}.")
    return " ".join(parts)[:MAX_CHARS]
