"""Music under a voice (a podcast bed, a voice-over, an interview): the first plan's energies scaled under a ceiling
with their arc kept. "bed" alone is no voice ("a bed of strings"). An energy asked for in words ("loud and wild",
"energetic") lifts the ceiling; a build asked for ("builds to an epic ending") raises it a little, so the bed still
rises under the voice; a negated or low one ("low energy", "no climax", "keep the energy down") lifts nothing."""

from __future__ import annotations

import re

VOICE_RE = re.compile(r"\b(?:podcast|voiceover|voice[- ]over|narration|narrator|interview|under (?:the )?dialogue|"
                      r"talking head|voice bed|music bed|bed music|background bed|bed under|bed track)\b")
MAX_ENERGY = 0.6        # a bed under a voice
BUILD_MAX_ENERGY = 0.7  # ... that builds
# an energy asked for: the bed follows the picture ("energy" alone is no ask: "low energy", "keep the energy down")
LIFT_RE = re.compile(r"\b(?:energetic|upbeat|wild|loud|hype|pumping|high[- ]energy|(?:lots|full|plenty) of energy)\b")
BUILD_RE = re.compile(r"\b(?:build|builds|building|builds? up|finale|climax|rising|rises|crescendo)\b")
# a word just before that turns it down or away ("no climax", "not too energetic", "without a build")
NEGATED_RE = re.compile(r"\b(?:no|not|never|without|low|isn'?t|doesn'?t|don'?t|nothing)\b(?:\W+\w+){0,2}\W*$")


def _asked(pattern: re.Pattern, text: str) -> bool:
    return any(not NEGATED_RE.search(text[:m.start()]) for m in pattern.finditer(text))


def under_a_voice(request: str, energies: list[float]) -> list[float]:
    """Energies under a voice the request names, scaled under the ceiling with their arc kept."""
    text = request.lower()
    if not VOICE_RE.search(text) or _asked(LIFT_RE, text):
        return energies
    ceiling = BUILD_MAX_ENERGY if _asked(BUILD_RE, text) else MAX_ENERGY
    if max(energies) <= ceiling:
        return energies
    low, high = min(min(energies), ceiling - 0.2), max(energies)
    return [round(low + (e - low) * (ceiling - low) / (high - low), 2) for e in energies]
