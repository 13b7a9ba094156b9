"""Musical measures shared by the style tests and the music benchmark, on notes as (pitch, onset, length).

Each measure takes plain note lists so it grades v2m's arrangements and music21's corpus (the reference)
alike: stepwise motion, 5-7 semitone leaps and turns of direction in a melody, melody notes a semitone from
the sounding harmony, a bar's rhythm-and-interval shape that returns in a later section, cadences at section ends.
"""

from __future__ import annotations

Note = tuple[int, float, float]  # pitch, onset (quarter notes), length (quarter notes)


def top_line(notes: list[Note]) -> list[Note]:
    """The highest note at each onset: a melody read from a part that may hold chords."""
    best: dict[float, Note] = {}
    for n in notes:
        k = round(n[1], 3)
        if k not in best or n[0] > best[k][0]:
            best[k] = n
    return [best[k] for k in sorted(best)]


def intervals(line: list[Note]) -> list[int]:
    """Semitone moves between consecutive notes, repeated notes left out."""
    return [b[0] - a[0] for a, b in zip(line, line[1:]) if b[0] != a[0]]


def turn_share(line: list[Note]) -> float:
    """Share of a melody's moves (repeated notes left out) that turn against the move before: how often the line
    changes direction. A line that runs and arches turns on less than half its moves; one that wiggles round a
    note, on most."""
    iv = intervals(line)
    return sum(1 for a, b in zip(iv, iv[1:]) if (a > 0) != (b > 0)) / max(1, len(iv) - 1)


def step_share(line: list[Note]) -> float:
    iv = intervals(line)
    return sum(1 for i in iv if abs(i) <= 2) / max(1, len(iv))


def leap57_share(line: list[Note]) -> float:
    iv = intervals(line)
    return sum(1 for i in iv if 5 <= abs(i) <= 7) / max(1, len(iv))


def sounding_pcs(accomp: list[Note], t: float) -> set[int]:
    return {p % 12 for p, on, dur in accomp if on <= t + 1e-6 < on + dur}


def clash_share(line: list[Note], accomp: list[Note]) -> float:
    """Share of melody notes a semitone from a sounding accompaniment pitch class (and not on one)."""
    if not accomp:
        return 0.0
    bad = total = 0
    for p, on, _ in line:
        pcs = sounding_pcs(accomp, on)
        if not pcs:
            continue
        total += 1
        pc = p % 12
        bad += pc not in pcs and any((pc - q) % 12 in (1, 11) for q in pcs)
    return bad / max(1, total)


def bar_shapes(line: list[Note], bar_starts: list[float], beats: list[int]) -> list[tuple]:
    """Per bar: (onsets within the bar on a sixteenth grid, intervals from the bar's first note), or ()."""
    out = []
    for s, n in zip(bar_starts, beats):
        inside = [x for x in line if s - 1e-6 <= x[1] < s + n - 1e-6]
        if len(inside) < 3:
            out.append(())
            continue
        out.append((tuple(round((x[1] - s) * 4) for x in inside), tuple(x[0] - inside[0][0] for x in inside)))
    return out


def same_shape(a: tuple, b: tuple) -> bool:
    """Same rhythm, and each interval from the bar's first note within a semitone (a diatonic transposition)."""
    return bool(a and b) and a[0] == b[0] and all(abs(x - y) <= 1 for x, y in zip(a[1], b[1]))


def theme_returns(shapes_by_section: list[list[tuple]]) -> bool:
    """Does a bar shape stated in one section come back in a later section (not the next bar over)?"""
    for i, early in enumerate(shapes_by_section):
        for later in shapes_by_section[i + 1:]:
            if any(same_shape(a, b) for a in early if a for b in later if b):
                return True
    return False


def velocity_spread(vels: list[int]) -> float:
    """Standard deviation of MIDI velocities."""
    if len(vels) < 2:
        return 0.0
    m = sum(vels) / len(vels)
    return (sum((v - m) ** 2 for v in vels) / (len(vels) - 1)) ** 0.5


# chord templates (intervals above the root) for reading a harmony from notes; sevenths count as their triad
CHORD_TEMPLATES = {"": (0, 4, 7), "m": (0, 3, 7), "dim": (0, 3, 6), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11),
                   "m7": (0, 3, 7, 10), "m7b5": (0, 3, 6, 10)}


def chord_label(pcs: set[int], bass: int | None = None) -> tuple[int, str] | None:
    """The (root, quality) whose template covers most of the sounding pitch classes (fewest left over,
    then the bass as root): a plain template match, the same for any music it is given."""
    if len(pcs) < 2:
        return None
    best, key = None, None
    for root in range(12):
        for q, ivs in CHORD_TEMPLATES.items():
            tpl = {(root + i) % 12 for i in ivs}
            k = (len(pcs & tpl), -len(pcs - tpl), -len(tpl), root == bass)
            if key is None or k > key:
                best, key = (root, q.rstrip("7").replace("maj", "").replace("m7b5", "dim") or ""), k
    return best


def harmonic_rhythm(notes: list[Note], end_beat: float, step: float = 1.0) -> float:
    """Chord changes per 4 beats: the harmony read every `step` beats (the notes sounding then, three pitch
    classes at least, lowest as bass) by `chord_label`, a change counted where the reading differs from the
    last one; a moment with fewer pitch classes (a line, a rest) keeps the last reading."""
    labels = []
    t = 0.0
    while t < end_beat:
        sounding = [p for p, on, dur in notes if on <= t + 1e-6 < on + dur]
        if len({p % 12 for p in sounding}) >= 3:
            labels.append(chord_label({p % 12 for p in sounding}, min(sounding) % 12))
        t += step
    changes = sum(1 for a, b in zip(labels, labels[1:]) if a != b)
    return 4 * changes / max(1.0, end_beat)


def bar_rhythm(line: list[Note], start: float, beats: float) -> tuple[int, ...]:
    """A bar's rhythm: the onsets of the melody inside it, on a grid of twelfths of a beat (sixteenths and
    triplets alike); a bar held over from the last one is ()."""
    return tuple(round((x[1] - start) * 12) for x in line if start - 1e-6 <= x[1] < start + beats - 1e-6)


def distinct_bar_rhythms(line: list[Note], bar_starts: list[float], beats: list[float], window: int = 8) -> float:
    """Distinct bar rhythms per `window` bars, averaged over the line's whole windows of consecutive bars (one
    shorter line counts as its own window): 1 is a rhythm repeated in every bar, `window` a new one in each."""
    rhythms = [bar_rhythm(line, s, n) for s, n in zip(bar_starts, beats)]
    groups = [rhythms[k:k + window] for k in range(0, max(1, len(rhythms) - window + 1), window)]
    return sum(len(set(g)) for g in groups) / max(1, len(groups))
