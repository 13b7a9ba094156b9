"""The chords a section plays: the style's form placed by time, cadences, and the harmonic rhythm per bar.

How: a style's progressions (roman numerals, one chord per bar) are joined into one form for the piece,
in an order drawn from the plan's seed (`form_chords`); a slow harmonic rhythm holds each chord for several
bars. A section with no chords of its own plays the form from where its start time falls in it, counted in
bars of the plan's steady tempo (`form_position`), so the form runs on across cuts (a twelve-bar blues does
not restart at each cut). Then cadences: the piece ends on the style's home chord after its dominant, and a
section that leads into another ends on the dominant (a half cadence), except in a form style, where the form
itself is the preparation. Last, the style's harmonic rhythm fills each bar (`harmony.fill_bar`): with two
or more chords a bar the later beats move towards the next bar's chord (a ii-V, a secondary dominant, a plagal
neighbour, a diatonic step).

Why by time and not by counting the bars before: a section's chords, and the chord it expects after its
end (`SectionHarmony.entry`, which the bass approaches across the cut), then depend on the plan's settings and
this section's own start and end alone. An edit to another section (its tempo, chords, a new take) leaves
them as they were, note for note; the next section, when nobody edited it, starts on exactly that chord.

    from v2m.tools.music.progression import section_harmony
    h = section_harmony(plan, style, i, n_bars=len(bars), bar_beats=[b.beats for b in bars], final=False)
    h.changes[0]   # [(0.0, Chord ii7), (2.0, Chord V7)]: bar 0's chords with their offsets in beats
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from v2m.tools.contract import ScorePlan
from v2m.tools.errors import V2MError
from v2m.tools.music.harmony import Chord, apply_vocabulary, fill_bar, parse_chord
from v2m.tools.music.theory import MODES, numeral_mode, scale_pcs
from v2m.tools.style import Style


@dataclass(frozen=True)
class SectionHarmony:
    """A section's chords: per bar, (offset in beats, chord) from the bar's downbeat; and the chord the
    section expects after its end (None for the piece's last section)."""

    changes: list[list[tuple[float, Chord]]]
    entry: Chord | None

    @property
    def downbeats(self) -> list[Chord]:
        """The chord on each bar's first beat."""
        return [bar[0][1] for bar in self.changes]


def _progressions(style: Style, mode: str) -> list[list[str]]:
    progs = style.progressions.get(mode) or style.progressions.get(numeral_mode(mode))
    if not progs:
        progs = next(iter(style.progressions.values()), None)
    return progs or [["i" if numeral_mode(mode) == "minor" else "I"]]


def form_chords(style: Style, mode: str, seed: int) -> list[str]:
    """The piece's form: every progression of the mode once, in an order drawn from the seed, one chord per
    bar (each held `style.harmonic_rhythm.hold_bars` bars where the harmony moves slowly)."""
    progs = _progressions(style, mode)
    order = list(range(len(progs)))
    random.Random(zlib.crc32(f"{seed}:form:{style.name}:{mode}".encode())).shuffle(order)
    hold = style.harmonic_rhythm.hold_bars
    return [name for k in order for name in progs[k] for _ in range(hold)]


def form_position(t_s: float, tempo_bpm: float, meter: int) -> int:
    """Bars of the plan's steady tempo before time t_s: where in the form a section starting then stands."""
    return int(round(t_s * tempo_bpm / 60.0 / meter))


def section_cycle(plan: ScorePlan, style: Style, i: int) -> tuple[list[str], bool]:
    """The chord names a section cycles through from its first bar, and whether they are its own."""
    sec = plan.sections[i]
    if sec.chords:
        return list(sec.chords), True
    form = form_chords(style, plan.mode, plan.seed)
    r = form_position(sec.start_s, plan.tempo_bpm, int(plan.meter.split("/")[0])) % len(form)
    return form[r:] + form[:r], False


def section_mode(plan: ScorePlan, i: int) -> str:
    """The mode section i is heard in: the plan's, unless the section's own chords all lie in another mode on the
    plan's tonic and not in the plan's; then that one (major and minor first). So a mode asked for a span, whose
    chords the chat writes as symbols there (`agent.dialogue.operations.set_key`), is sung and filled in that mode
    too, where the melody kept the score's scale (C naturals over A major chords). No style's progression lies in
    another mode than its own, so a section playing the style's chords keeps the plan's mode.

    Args:
        plan: the plan; i: the section's index.
    Returns:
        A mode name (`theory.MODES`).
    """
    chords = plan.sections[i].chords
    if not chords:
        return plan.mode
    try:
        pcs = set().union(*(parse_chord(c, plan.key, plan.mode).pcs for c in chords))
    except ValueError:   # a chord the harmony cannot read: section_harmony names it
        return plan.mode
    for mode in dict.fromkeys((plan.mode, "major", "minor", *MODES)):
        if pcs <= set(scale_pcs(plan.key, mode)):
            return mode
    return plan.mode


def tonic_name(plan: ScorePlan, style: Style) -> str:
    """The home chord as the style spells it: the blues ends on I7, not on a major seventh."""
    tonic = "i" if numeral_mode(plan.mode) == "minor" else "I"
    first = _progressions(style, plan.mode)[0]
    home = first[0] if first else tonic
    return home if home.rstrip("7") in ("I", "i") and home.endswith("7") and "maj" not in home \
        and style.chords == "seventh" else tonic


def section_harmony(plan: ScorePlan, style: Style, i: int, bar_beats: list[int], final: bool) -> SectionHarmony:
    """The chords of section i, bar by bar and inside each bar (see the module docstring).

    Args:
        plan: the plan; style: its style; i: the section's index.
        bar_beats: the beats of each of the section's bars (from the tempo map).
        final: the piece ends in this section.
    Returns:
        The section's SectionHarmony.
    Raises:
        V2MError: a chord name cannot be read, naming the section.
    """
    sec = plan.sections[i]
    n_bars = len(bar_beats)
    names, own = section_cycle(plan, style, i)
    scale = scale_pcs(plan.key, plan.mode)
    dominant = "V7" if style.chords in ("seventh", "ninth") else "V"
    seq = [names[b % len(names)] for b in range(n_bars)]
    meter = int(plan.meter.split("/")[0])
    span = form_position(sec.end_s, plan.tempo_bpm, meter) - form_position(sec.start_s, plan.tempo_bpm, meter)
    # the chord after the end: where the form stands at the end time; where an edit split a section (fill
    # off), the cycle's next chord by bar count, which is the chord the unsplit section played there
    entry_name = None if final else names[(span if sec.fill else n_bars) % len(names)]
    whole: set[int] = set()  # bars that keep one chord: the cadences
    if final and n_bars:
        seq[-1] = tonic_name(plan, style)  # a real ending: home on the last bar
        whole.add(n_bars - 1)
        if n_bars >= 2 and not own:
            seq[-2] = dominant
            whole.add(n_bars - 2)
    elif n_bars >= 2 and not own and sec.fill and style.tonal and plan.mode in ("major", "minor") \
            and (not style.form or seq[-1] == tonic_name(plan, style)):
        # the section's end prepares the next one, as a cue does before a cut: a dominant (a half cadence);
        # in a form (the blues) only in place of a tonic bar, a turnaround, and the form runs on after the
        # cut; not where an edit split a section (fill off), which must add no transition nobody asked for
        seq[-1] = dominant
        whole.add(n_bars - 1)

    def chord(name: str) -> Chord:
        try:
            return apply_vocabulary(parse_chord(name, plan.key, plan.mode), style.chords, scale)
        except ValueError as e:
            raise V2MError(f"section {i} ({sec.name}): {e}") from None

    chords = [chord(name) for name in seq]
    rhythm = style.harmonic_rhythm
    entry = chord(entry_name) if entry_name else None
    changes = []
    for b, (ch, beats) in enumerate(zip(chords, bar_beats)):
        nxt = chords[b + 1] if b + 1 < n_bars else entry or chords[0]
        if b in whole:  # a cadence bar keeps one chord: the dominant or the tonic sounds whole
            changes.append([(0.0, ch)])
        else:
            bar = fill_bar(ch, nxt, beats, rhythm.per_bar, rhythm.move, plan.key, plan.mode, scale, style.chords)
            # a section starts on its own chord (a ii-V bar would put the ii first): the chord the section
            # before it approached, across the cut, without knowing how this one goes on
            changes.append(bar if b or bar[0][1] is ch else [(0.0, ch)])
    return SectionHarmony(changes=changes, entry=entry)
