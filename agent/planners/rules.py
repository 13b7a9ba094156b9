"""The `rules` planner: the offline default. Reads the analysis and the request, reasons in plain
steps, and writes a ScorePlan whose sections follow the shots and whose hit points mark every cut.

    from v2m.agent.planners.base import get_planner
    result = get_planner("rules").plan(analysis, "score this in jazz")
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.cultures import Culture
from v2m.agent.dialogue.spelling import mended
from v2m.agent.dialogue.intents import apply_intents
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.dialogue.vocab import INSTRUMENTS, MOODS
from v2m.agent.dialogue.where import Ask
from v2m.agent.planners.opening import opening_style
from v2m.agent.planners.opening import has as _has, words as _words
from v2m.agent.planners.refused import refused, without_refused
from v2m.agent.planners.result import PlanResult
from v2m.agent.planners.voice_bed import under_a_voice
from v2m.tools.contract import (MAX_TEMPO_BPM, MIN_TEMPO_BPM, EditIntent, EditScope, HitPoint, ScorePlan, Section,
                                VideoAnalysis)
from v2m.tools.music.progression import form_chords, form_position
from v2m.tools.music.theory import read_tonic
from v2m.tools.style import Style, load_style, style_names

MIN_SECTION_BARS = 2     # a section shorter than this cannot state a chord change and resolve
SECTION_SLACK = 0.9   # the composer nudges a section's tempo this much to fit whole bars: two bars still fit
MAX_SECTION_BARS = 16    # longer stretches are split into phrases so the music develops
PHRASE_BARS = 8
BPM_RE = re.compile(r"(\d{2,3}(?:\.\d+)?)\s*(?:bpm|beats per minute)", re.I)
KEY_RE = re.compile(r"\bin ([A-G](?:#|b|♯|♭| sharp| flat)?)\s*(major|minor)?\b")

# Words that change tempo, as factors on the style's natural tempo.
TEMPO_WORDS = [
    (("much faster", "very fast", "frantic", "hectic", "double time"), 1.35),
    (("faster", "fast", "upbeat", "energetic", "quick", "driving", "up-tempo", "uptempo"), 1.18),
    (("much slower", "very slow", "half time", "glacial"), 0.7),
    (("slower", "slow", "calm", "gentle", "relaxed", "laid back", "laid-back", "lazy"), 0.85),
]
SLOW_FACTOR = TEMPO_WORDS[-1][1]   # "slow": a style's slowest usual tempo at most; "very slow" below it
MINOR_WORDS = ("minor", "dark", "sad", "melancholic", "melancholy", "tense", "sinister", "moody", "somber",
               "gloomy", "mysterious", "tragic")
MAJOR_WORDS = ("major", "happy", "bright", "joyful", "cheerful", "sunny", "uplifting", "playful")
ENERGY_WORDS = [(("epic", "huge", "big", "intense", "powerful", "loud", "heroic"), 0.2),
                (("calm", "soft", "quiet", "gentle", "minimal", "sparse", "delicate", "peaceful"), -0.2)]
CALM_KNEE = 0.45   # the energy under which an intro leaves out drums and tune: a calm request's peaks bend above it
# Instruments a first request may name for the melody ("calm piano"), General MIDI names from the edit vocabulary
LEAD_WORDS = {w: INSTRUMENTS[w][0] for w in (
    "piano", "guitar", "sax", "saxophone", "trumpet", "flute", "violin", "cello", "organ", "strings",
    "clarinet", "synth", "harp", "marimba", "vibraphone", "harmonica", "xylophone", "glockenspiel", "oboe", "kalimba",
    "recorder", "whistle")}
# ... and for the chords, the strummed and squeezed ones ("happy ukulele for a kids video": the uke strums)
CHORD_WORDS = {w: INSTRUMENTS[w][0] for w in ("ukulele", "uke", "banjo", "mandolin", "accordion")}
# When the request names no style, the picture chooses: (min arousal, max arousal, valence sign) -> styles.
MOOD_STYLES = [
    (0.62, 1.01, None, ("rock", "electronic", "funk", "edm")),
    (0.0, 0.3, None, ("ambient", "classical_piano", "piano")),
    (0.0, 1.01, -1, ("cinematic", "ambient")),
    (0.0, 1.01, None, ("lofi", "jazz", "folk", "acoustic_folk")),
]


def tempo_factor(request: str) -> float:
    text = _words(request)
    for phrases, factor in TEMPO_WORDS:
        if any(_has(text, p) for p in phrases):
            return factor
    return 1.0


def said_mood(request: str):
    """The first mood the request says ("sad piano for a memorial": sad), else None."""
    text = _words(request)
    return next((m for m in MOODS.values() if any(_has(text, w) for w in (m.name, *m.words))), None)


def _style_for_mood(analysis: VideoAnalysis) -> str:
    names = style_names()
    a, v = analysis.mood.arousal, analysis.mood.valence
    for lo, hi, sign, candidates in MOOD_STYLES:
        if lo <= a < hi and (sign is None or (v < -0.2 and sign < 0)):
            for c in candidates:
                if c in names:
                    return c
    return "jazz" if "jazz" in names else names[0]


def _tempo(style: Style, analysis: VideoAnalysis, request: str) -> tuple[float, str]:
    lo, hi = style.tempo_bpm
    m = BPM_RE.search(request)
    if m:
        bpm = min(MAX_TEMPO_BPM, max(MIN_TEMPO_BPM, float(m.group(1))))
        if bpm != float(m.group(1)):
            return bpm, f"the request asks for {float(m.group(1)):g} BPM; v2m plays {MIN_TEMPO_BPM:g}-{MAX_TEMPO_BPM:g}"
        return bpm, f"the request asks for {bpm:g} BPM"
    base = style.default_tempo_bpm
    why = f"{style.name}'s natural tempo is {base:g} BPM"
    for cand in analysis.tempo_candidates_bpm[:2]:
        # Lock to the picture's own rhythm when a multiple of it is a playable tempo for the style.
        fits = [c for c in (cand / 2, cand, cand * 2) if lo <= c <= hi]
        if fits:
            base = min(fits, key=lambda c: abs(c - base))
            why = f"the motion has a visual rhythm near {cand:.0f} BPM, so the music locks to {base:.0f} BPM"
            break
    else:
        # More motion, a little faster, within the style's range.
        base = base * (0.9 + 0.2 * analysis.mood.arousal)
        why += f", nudged to {base:.0f} by the amount of motion (arousal {analysis.mood.arousal:.2f})"
    f = tempo_factor(request)
    if f != 1.0:
        base *= f
        why += f"; the request's pace words scale it by {f:g}"
    elif (mood := said_mood(request)) and mood.tempo < 1.0:   # "sad piano": a sad pace, as "sadder" is in the chat
        base *= mood.tempo   # (a quick mood's pace is the picture's: "tense", "epic" and "cinematic" keep it)
        why += f"; a {mood.name} request scales it by {mood.tempo:g}"
    if f < 1.0 and base > (end := lo * f / SLOW_FACTOR):   # "a slow western": at most the slow end of western's range
        base, why = end, why + f", to {end:.0f}, the slow end of {style.name}'s range"
    if f > 1.0 and base < (fast := lo + (hi - lo) * 2 / 3):   # "a fast heist": at least the fast third of the range
        base, why = fast, why + f", to {fast:.0f}, the fast third of {style.name}'s range"
    return round(min(max(base, lo * 0.8), hi * 1.2, MAX_TEMPO_BPM), 1), why


def _key_mode(style: Style, analysis: VideoAnalysis, request: str, scene: Culture | None = None) -> tuple[str, str, str]:
    """The key and mode, and why: as the request names them, its colour words, the mood it says, its scene's mode
    ("a wedding video": major), else the picture's."""
    key, mode = style.default_key, style.modes[0]
    text = _words(request)
    m = KEY_RE.search(request)
    if m:
        key = read_tonic(m.group(1))
        if m.group(2):
            mode = m.group(2)
    if any(_has(text, w) for w in MINOR_WORDS):
        return key, "minor", "the request asks for a darker colour, so minor"
    if any(_has(text, w) for w in MAJOR_WORDS):
        return key, "major", "the request asks for brightness, so major"
    if m and m.group(2):
        return key, mode, f"the request names {key} {mode}"
    said = next((md for md in MOODS.values() if md.mode and any(_has(text, w) for w in (md.name, *md.words))), None)
    if said:   # a mood said ("spooky", "playful") has its colour
        return key, said.mode, f"the request asks for a {said.name} mood, so {said.mode}"
    if scene and scene.mode:
        return key, scene.mode, scene.reason
    if analysis.mood.valence < -0.25 and "minor" in style.modes:
        return key, "minor", f"the picture reads dark (valence {analysis.mood.valence:.2f}), so minor"
    return key, mode, f"the picture does not argue against {style.name}'s usual {mode}"


def group_shots(analysis: VideoAnalysis, bar_s: float) -> list[tuple[float, float, list[int]]]:
    """Merge consecutive shots into sections of at least MIN_SECTION_BARS bars; split long ones."""
    min_len = MIN_SECTION_BARS * bar_s * SECTION_SLACK
    groups: list[list] = []
    for shot in analysis.shots:
        if groups and groups[-1][1] - groups[-1][0] < min_len:
            groups[-1][1] = shot.end_s
            groups[-1][2].append(shot.index)
        else:
            groups.append([shot.start_s, shot.end_s, [shot.index]])
    if len(groups) > 1 and groups[-1][1] - groups[-1][0] < min_len:  # a short tail joins the one before
        tail = groups.pop()
        groups[-1][1] = tail[1]
        groups[-1][2].extend(tail[2])
    out = []
    for start, end, shots in groups:
        n_bars = (end - start) / bar_s
        if n_bars <= MAX_SECTION_BARS:
            out.append((start, end, shots))
            continue
        n_phrases = max(2, round(n_bars / PHRASE_BARS))
        edges = [start + (end - start) * k / n_phrases for k in range(n_phrases + 1)]
        out.extend((a, b, shots) for a, b in zip(edges, edges[1:]))
    out[-1] = (out[-1][0], analysis.duration_s, out[-1][2])
    return out


def _section_motion(analysis: VideoAnalysis, start: float, end: float) -> float:
    if not analysis.motion:
        return 0.0
    i0 = int(start / analysis.motion_hop_s)
    i1 = max(i0 + 1, int(end / analysis.motion_hop_s))
    window = analysis.motion[i0:i1] or analysis.motion[-1:]
    return sum(window) / len(window)


def _names(n: int, energies: list[float]) -> list[str]:
    if n == 1:
        return ["main"]
    names = ["intro"] + [f"part {chr(ord('A') + i)}" for i in range(n - 2)] + ["outro"]
    if n >= 4:
        peak = max(range(1, n - 1), key=lambda i: energies[i])
        names[peak] = "climax"
    return names


def _energy_bias(request: str) -> tuple[float, float]:
    """The request's energy words' shift, and how far below 0 a hushed request ("calm", "dreamy") bends its peaks."""
    text = _words(request)
    said = [d for words, d in ENERGY_WORDS if any(_has(text, w) for w in words)]
    mood = next((m.energy for m in MOODS.values() if any(_has(text, w) for w in m.words)), 0.0)
    return sum(said), 0.0 if any(d > 0 for d in said) else min(sum(said), mood, 0.0)   # "calm but epic": its peaks stand


def _with_parts(analysis: VideoAnalysis, plan: ScorePlan, request: str) -> ScorePlan:
    """The first plan with the parts its request names playing ("a war memorial, brass and strings"), each in its
    own role as an edit would add it; a part already playing stays as it is; a part the request refuses (`refused`: "jazz
    without drums") is never added."""
    no = refused(request)
    words = [w for w in dict.fromkeys(named_parts(request.lower()))
             if w in INSTRUMENTS and role_of(plan, w) is None and w not in no]
    if not words:
        return plan
    try:
        return apply_intents(analysis, plan, [EditIntent(what="style", value=plan.style, direction="set",
                                                         reason="the request names them", target=",".join(words))])
    except Ask:
        return plan


def _rotated(form: list[str], k: int) -> list[str]:
    k = k % len(form) if form else 0
    return form[k:] + form[:k]


class RulesPlanner:
    """Deterministic, offline planner: keyword request parsing plus the measured picture."""

    name = "rules"

    def __init__(self, **_options):
        pass

    def plan(self, analysis: VideoAnalysis, typed: str) -> PlanResult:
        request = mended(typed)   # read as the chat reads a turn ("regae", "backround"); the plan keeps the words typed
        style_name, style_why, scene = opening_style(request)
        if style_name is None:
            style_name = _style_for_mood(analysis)
            style_why = (f"the request names no style; arousal {analysis.mood.arousal:.2f} and valence "
                         f"{analysis.mood.valence:.2f} suggest {style_name}")
        style = load_style(style_name)
        tempo, tempo_why = _tempo(style, analysis, request)
        # a tempo the request names is the person's and is kept as heard; one the planner chose (pace and
        # mood words included) may move within the style's range to keep whole bars
        asked = (m := BPM_RE.search(request)) is not None and abs(float(m[1]) - tempo) < 1   # not one clamped
        key, mode, mode_why = _key_mode(style, analysis, request, scene)
        if mode not in style.progressions and style.progressions:
            mode_why += f" ({style.name} has no {mode} progressions; the composer borrows the nearest)"
        beats = int(style.meter.split("/")[0])
        bar_s = beats * 60.0 / tempo
        groups = group_shots(analysis, bar_s)

        motions = [_section_motion(analysis, a, b) for a, b, _ in groups]
        top = max(motions) or 1.0
        bias, hush = _energy_bias(request)
        energies = []
        for i, m in enumerate(motions):
            e = 0.35 + 0.5 * (m / top) * (0.5 + analysis.mood.arousal) + bias
            if len(groups) > 1 and i == 0:
                e -= 0.15  # an intro leaves room to grow
            if hush < 0 and e > CALM_KNEE:   # a calm request keeps its peaks calm too: the arc above the knee narrows
                e = CALM_KNEE + (e - CALM_KNEE) * max(0.1, 1 + 5 * hush)   # a trace of the arc stays
            energies.append(round(min(1.0, max(0.1, e)), 2))
        energies = under_a_voice(request, energies)
        names = _names(len(groups), energies)
        # the style's form, each section's chords starting where the form stands at the section's start: the
        # form runs on across cuts (the twelve-bar blues does not restart), as the composer places it
        form = form_chords(style, mode, 0) if style.progressions else []
        instrumentation = dict(style.instruments)
        word = next((w for w in LEAD_WORDS if _has(_words(request), w)), None)
        # the instrument as said in full ("electric guitar"), taking the tune unless it plays ("folk with acoustic guitar")
        said = next((p for p in INSTRUMENTS if word and p.endswith(" " + word) and _has(_words(request), p)), word)
        if word and (lead := INSTRUMENTS[said][0]) not in instrumentation.values():
            instrumentation["melody"] = lead
        if (chords := next((CHORD_WORDS[w] for w in CHORD_WORDS if _has(_words(request), w)), None)):
            instrumentation["harmony"] = chords
        sections = []
        for i, ((a, b, shots), e, name) in enumerate(zip(groups, energies, names)):
            roles = []
            if name == "intro" and e < 0.45:
                roles = [r for r in instrumentation if r not in ("drums", "melody")] or []
            mood_word = "gentle" if e < 0.4 else "steady" if e < 0.7 else "driving"
            sections.append(Section(
                name=name, start_s=round(a, 3), end_s=round(b, 3), shots=shots, energy=e,
                instruments=roles, chords=_rotated(form, form_position(a, tempo, beats)),
                musicgen_prompt=(f"{style.description}, {mood_word}, {tempo:.0f} bpm, {key} {mode}")[:400],
            ))
        boundaries = {round(s.start_s, 3) for s in sections[1:]}
        hits = [HitPoint(time_s=round(t, 3), kind="crash" if round(t, 3) in boundaries else "accent",
                         source="cut", strength=0.9 if round(t, 3) in boundaries else 0.7)
                for t in analysis.cuts_s]
        reasoning = self._reasoning(analysis, typed, style, style_why, tempo, tempo_why, key, mode,
                                    mode_why, sections, hits, bar_s)
        plan = ScorePlan(request=typed, reasoning=reasoning, duration_s=analysis.duration_s, style=style.name,
                         tempo_bpm=tempo, tempo_asked=asked, meter=style.meter, key=key, mode=mode,
                         instrumentation=instrumentation, sections=sections, hit_points=hits)
        if scene and scene.adds:
            plan = self._scene_parts(analysis, plan, scene)
            reasoning = plan.reasoning
        plan = without_refused(analysis, _with_parts(analysis, plan, request), request)
        reply = (f"{style.name} at {tempo:.0f} BPM in {key} {mode}, {len(sections)} sections, "
                 f"{len(hits)} hit points on the cuts.")
        return PlanResult(plan=plan, reasoning=reasoning, reply=reply)

    def revise(self, analysis: VideoAnalysis, plan: ScorePlan, request: str,
               history: list[ScorePlan] | None = None) -> PlanResult:
        """Apply a spoken edit to `plan` (see `v2m.agent.dialogue.understanding`); `history` is the first
        plan then the plan after each edit so far, for "like it was before"."""
        return apply_edit(analysis, plan, request, history)

    @staticmethod
    def _scene_parts(analysis: VideoAnalysis, plan: ScorePlan, scene: Culture) -> ScorePlan:
        """`plan` with the instruments its scene brings ("a wedding video": strings), added as the chat adds them
        when a culture is said, and the reason written into the reasoning."""
        intent = EditIntent(what="style", value=plan.style, target=",".join(scene.adds), reason=scene.reason,
                            direction="set", scope=EditScope())
        try:
            new = apply_intents(analysis, plan, [intent])
        except Ask:
            return plan
        added = sorted(set(new.instrumentation) - set(plan.instrumentation))
        if not added:
            return new
        line = f"- Instruments: {', '.join(added)} added, because {scene.reason}.\n"
        return new.model_copy(update={"reasoning": new.reasoning.replace("- Tempo:", line + "- Tempo:", 1)})

    @staticmethod
    def _reasoning(analysis, request, style, style_why, tempo, tempo_why, key, mode, mode_why,
                   sections, hits, bar_s) -> str:
        n_cuts = len(analysis.cuts_s)
        shot_lens = [s.duration_s for s in analysis.shots]
        pace = n_cuts / analysis.duration_s * 60
        pacing = "fast" if pace > 20 else "moderate" if pace > 6 else "slow"
        lines = [
            f"# Reasoning\n\nRequest: {request or '(none)'}\n",
            "## 1. Scene",
            f"- {analysis.kind}, {analysis.duration_s:.2f} s, {analysis.width}x{analysis.height} at {analysis.fps:g} fps.",
            f"- {len(analysis.shots)} shots, {n_cuts} hard cuts at "
            + (", ".join(f"{t:.2f} s" for t in analysis.cuts_s) or "none") + ".",
            "## 2. Mood",
            f"- valence {analysis.mood.valence:.2f}, arousal {analysis.mood.arousal:.2f}"
            + (f" ({', '.join(analysis.mood.words)})" if analysis.mood.words else "") + ".",
            *( [f"- {analysis.mood.reasoning}"] if analysis.mood.reasoning else [] ),
            "## 3. Pacing",
            f"- {pace:.1f} cuts per minute, shots {min(shot_lens):.2f}-{max(shot_lens):.2f} s long: {pacing} cutting.",
            f"- visual rhythm candidates: {', '.join(f'{b:.0f}' for b in analysis.tempo_candidates_bpm) or 'none'} BPM.",
            "## 4. Decisions",
            f"- Style: {style.name}, because {style_why}.",
            f"- Tempo: {tempo:g} BPM, because {tempo_why}. One bar lasts {bar_s:.2f} s.",
            f"- Key: {key} {mode}, because {mode_why}.",
            f"- Sections last at least {MIN_SECTION_BARS} bars ({MIN_SECTION_BARS * bar_s:.2f} s), so short "
            "shots share a section and their cuts become hit points; each section boundary sits on a cut.",
            "## 5. Plan",
            "| section | start | end | shots | energy | chords |",
            "|---|---|---|---|---|---|",
            *[f"| {s.name} | {s.start_s:.2f} | {s.end_s:.2f} | {s.shots} | {s.energy:.2f} | {' '.join(s.chords)} |"
              for s in sections],
            "\nHit points: " + (", ".join(f"{h.time_s:.2f} s ({h.kind})" for h in hits) or "none") + ".",
        ]
        return "\n".join(lines) + "\n"
