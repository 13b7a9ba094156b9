"""Hand-built ScorePlans for the composer tests: bikes.mp4's cuts, and a longer plan with many cuts."""

from __future__ import annotations

from v2m.tools.contract import HitPoint, ScorePlan, Section

BIKES_CUTS = [1.2, 3.04, 5.48, 7.48, 9.68]


def bikes_plan(style: str, tempo: float | None = None, **kw) -> ScorePlan:
    """A 10 s plan with sections at 3.04 and 7.48 s and every bikes.mp4 cut a hit point."""
    from v2m.tools.style import load_style

    st = load_style(style)
    sections = [Section(name="intro", start_s=0, end_s=3.04, energy=0.3),
                Section(name="A", start_s=3.04, end_s=7.48, energy=0.6),
                Section(name="B", start_s=7.48, end_s=10.0, energy=0.9)]
    hits = [HitPoint(time_s=t, kind="crash" if t in (3.04, 7.48) else "accent") for t in BIKES_CUTS]
    return ScorePlan(duration_s=10.0, style=style, tempo_bpm=tempo or st.default_tempo_bpm, meter=st.meter,
                     key=st.default_key, mode=st.modes[0], sections=sections, hit_points=hits, **kw)


def long_plan(style: str, duration_s: float = 60.0, seed: int = 0) -> ScorePlan:
    """A plan of `duration_s` with irregular cuts every 2-5 s, sections of two to four cuts each."""
    import random

    from v2m.tools.style import load_style

    st = load_style(style)
    rng = random.Random(seed)
    cuts, t = [], 0.0
    while True:
        t += rng.uniform(2.2, 5.0)
        if t > duration_s - 1.5:
            break
        cuts.append(round(t, 2))
    bounds = [0.0] + cuts[1::3] + [duration_s]
    energies = [0.25, 0.5, 0.7, 0.95, 0.6, 0.4, 0.8, 0.3]
    levels = [energies[i % len(energies)] for i in range(len(bounds) - 1)]
    peak = levels.index(max(levels))  # named as the planners name it: the composer builds up into "climax"
    sections = [Section(name="climax" if i == peak else f"s{i}", start_s=a, end_s=b, energy=levels[i])
                for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    hits = [HitPoint(time_s=c) for c in cuts]
    return ScorePlan(duration_s=duration_s, style=style, tempo_bpm=st.default_tempo_bpm, meter=st.meter,
                     key=st.default_key, mode=st.modes[0], sections=sections, hit_points=hits, seed=seed)


_COMPOSED: dict = {}


def composed(style: str, tmp_path_factory):
    """(plan, arrangement, PrettyMIDI) for a style's 60 s plan, composed once per test session."""
    import pretty_midi
    from v2m.tools.music.compose import compose

    if style not in _COMPOSED:
        plan = long_plan(style)
        arr = compose(plan)
        path = arr.write_midi(tmp_path_factory.mktemp(style) / "score.mid")
        _COMPOSED[style] = (plan, arr, pretty_midi.PrettyMIDI(str(path)))
    return _COMPOSED[style]


def sections_plan(style: str, edges: list[float], energies: list[float], duration: float, hits=()) -> ScorePlan:
    """A plan of sections starting at `edges` (the first 0) with these energies, the style's own tempo, meter and key."""
    from v2m.tools.style import load_style

    st = load_style(style)
    sections = [Section(name=f"s{i}", start_s=a, end_s=b, energy=e)
                for i, (a, b, e) in enumerate(zip(edges, edges[1:] + [duration], energies))]
    return ScorePlan(duration_s=duration, style=style, tempo_bpm=st.default_tempo_bpm, meter=st.meter,
                     key=st.default_key, mode=st.modes[0], sections=sections, hit_points=list(hits))


def composed_midi(plan: ScorePlan):
    """The plan composed, and its MIDI written and read back: (arrangement, PrettyMIDI)."""
    import tempfile
    from pathlib import Path

    import pretty_midi

    from v2m.tools.music.compose import compose

    arr = compose(plan)
    with tempfile.TemporaryDirectory() as tmp:
        return arr, pretty_midi.PrettyMIDI(str(arr.write_midi(Path(tmp) / "x.mid")))
