"""ABC 2.1 export: one voice per part, L:1/16, inline [M:] and [Q:] fields where the tempo map changes.

music21 cannot write ABC, so this is a small writer of its own. Each voice is cut into events at note
onsets (quantised to sixteenths); an event is a note, a chord `[CEG]` or a rest lasting to the next onset.
An event is written as tied notes of lengths an engraver can print (plain or single-dotted, beat groups
kept, tied over bar lines), so abcm2ps typesets the file and abc2midi and music21 read every bar as complete.
Lines hold the same bars in every voice (fewer bars where the music is dense), so the staves line up.
Accidentals follow ABC's rule (they hold for the same note until the bar line) and are repeated on every
note off the key signature anyway, so readers that forget them (music21) still read the right pitches.
Swing is a performance matter and lives in the MIDI file; the ABC is the straight score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from v2m.tools.music.splits import meter_text
from v2m.tools.music.theory import PC, key_spelling

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement, Part

STEPS_PER_BEAT = 4  # L:1/16
MODE_SUFFIX = {"major": "", "minor": "m", "dorian": "dor", "mixolydian": "mix", "lydian": "lyd", "phrygian": "phr"}
ACCIDENTAL = {-2: "__", -1: "_", 0: "=", 1: "^", 2: "^^"}
WRITABLE = (16, 12, 8, 6, 4, 3, 2, 1)  # sixteenths: whole, dotted half, half, dotted quarter, quarter ...
BARS_PER_LINE = 4
LINE_TOKENS = 29  # notes that fit one A4 staff line at abcm2ps's default scale
MAX_LINE_TOKENS = 33  # beyond this abcm2ps must shrink the line too far


def note_name(pitch: int, letter: str) -> str:
    """ABC letter with octave marks for a MIDI pitch spelled with `letter` (C = middle C = 60)."""
    # the octave of the written letter: B#3 is C4 sounding, Cb4 is B3 sounding
    base = pitch - ((pitch - PC[letter] + 6) % 12 - 6)
    octave = base // 12 - 1  # MIDI 60 -> octave 4
    if octave >= 5:
        return letter.lower() + "'" * (octave - 5)
    return letter + "," * (4 - octave)


def _length(steps: int) -> str:
    return "" if steps == 1 else str(steps)


def writable_lengths(start: int, end: int) -> list[int]:
    """Split a span of sixteenths inside one bar (steps from the bar's start) into printable lengths.

    ABC readers accept any length, but engravers print only plain or single-dotted values (abcm2ps rejects
    an 11-sixteenth note as "too much dotted"). Off the beat a piece runs at most to the next beat; on the
    beat it takes the longest value that fits and may start there (a half note on beat 1 or 3, a whole on 1).
    """
    out = []
    p = start
    while p < end:
        if p % STEPS_PER_BEAT:
            n = min(end - p, STEPS_PER_BEAT - p % STEPS_PER_BEAT)  # 1, 2 or 3 sixteenths: all printable
        else:
            n = next(L for L in WRITABLE if L <= end - p and p % {16: 16, 8: 8}.get(L, 4) == 0)
        out.append(n)
        p += n
    return out


def voice_events(part: Part, total: int, limit: int) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start step, end step, pitches) covering the whole voice: notes grouped by onset, rests between.

    A voice is one line of notes and chords, so a group lasts to its longest note or the next onset,
    whichever comes first, and never past `limit` (the video's end).
    """
    onsets: dict[int, list[tuple[int, int]]] = {}
    for n in part.notes:
        s = int(round(n.start * STEPS_PER_BEAT))
        e = int(round((n.start + n.dur) * STEPS_PER_BEAT))
        if s < limit:
            onsets.setdefault(s, []).append((n.pitch, max(s + 1, min(e, limit))))
    out = []
    pos = 0
    keys = sorted(onsets)
    for idx, s in enumerate(keys):
        if s > pos:
            out.append((pos, s, ()))
        nxt = keys[idx + 1] if idx + 1 < len(keys) else total
        end = min(max(e for _, e in onsets[s]), nxt)
        out.append((s, end, tuple(sorted({p for p, _ in onsets[s]}))))
        pos = end
    if pos < total:
        out.append((pos, total, ()))
    return out


def _spelled(pitches: tuple[int, ...], state: dict, spell) -> str:
    """A note or chord with its accidentals, updating the bar's accidental state."""
    spelling, signature, _ = spell
    names = []
    alters: dict[str, set[int]] = {}
    for p in pitches:
        alters.setdefault(spelling[p % 12][0], set()).add(spelling[p % 12][1])
    for p in pitches:
        letter, alter = spelling[p % 12]
        current = state.get((letter, p - alter), signature.get(letter, 0))
        acc = ""
        # explicit whenever it leaves the key signature, even if an earlier note in the bar already said so:
        # ABC carries accidentals to the bar line, but not every reader does (music21); and on every note of
        # a letter a chord spells two ways (C and C#), or abc2midi cannot match a tie on that chord
        if alter != current or alter != signature.get(letter, 0) or len(alters[letter]) > 1:
            acc = ACCIDENTAL[alter]
            state[(letter, p - alter)] = alter
        names.append(acc + note_name(p, letter))
    return names[0] if len(names) == 1 else "[" + "".join(names) + "]"


def bar_slices(events, bar):
    """(step in bar, length, pitches, tied on) for each event's piece inside one bar."""
    a = round(bar.start_beat * STEPS_PER_BEAT)
    b = a + round(bar.beats * STEPS_PER_BEAT)
    for s, e, pitches in events:
        if s < b and e > a:
            yield max(s, a) - a, min(e, b) - max(s, a), pitches, e > b


def _bar_tokens(events, bar, spell) -> list[str]:
    """The tokens of one bar: each event's piece inside the bar, split into printable tied lengths."""
    state: dict = {}
    tokens = []
    for step, length, pitches, tied_on in bar_slices(events, bar):
        lengths = writable_lengths(step, step + length)
        body = _spelled(pitches, state, spell) if pitches else "z"
        for k, n in enumerate(lengths):
            tie = pitches and (k < len(lengths) - 1 or tied_on)
            tokens.append(body + _length(n) + ("-" if tie else ""))
    return tokens


def _width(tokens: list[str]) -> float:
    """Rough printed width of a bar in notes: accidentals and tall chords take extra room."""
    return sum(1 + 0.4 * sum(t.count(c) for c in "^_=") for t in tokens) + 1


def _lines(bar_tokens: list[list[list[str]]], n_bars: int, fields: list[float]) -> list[tuple[int, int]]:
    """Bar ranges per line, the same for every voice: up to four bars, fewer where a voice is dense.

    abcm2ps refuses a line it must shrink too far (an error) and warns about one it cannot stretch to the
    page width, so a line holds as many bars as fit LINE_TOKENS, and two where one alone would look bare.
    `fields`: per bar, the width its inline meter and tempo changes take (a time signature prints like a note).
    """
    def width(k: int, j: int) -> float:
        return max(sum(_width(v[m]) for m in range(k, j)) for v in bar_tokens) + sum(fields[k:j])

    out, k = [], 0
    while k < n_bars:
        j = k + 1
        while j < n_bars and j - k < BARS_PER_LINE and width(k, j + 1) <= LINE_TOKENS:
            j += 1
        if j == k + 1 and j < n_bars and width(k, j + 1) <= MAX_LINE_TOKENS:
            j += 1
        out.append((k, j))
        k = j
    return out


def arrangement_to_abc(arr: Arrangement) -> str:
    """The arrangement as an ABC 2.1 tune (text).

    Args:
        arr: the arrangement.
    Returns:
        ABC text with one V: voice per part, `%%MIDI program` per voice and `%%MIDI channel 10` on drums;
        meter changes inline in every voice, tempo changes in the first (abc2midi applies them to all).
    """
    bars = [b for b in arr.tempo_map.bars if b.start_s < arr.duration_s - 1e-6]
    limit = int(round(arr.tempo_map.end_beat * STEPS_PER_BEAT))
    total = round(bars[-1].end_beat * STEPS_PER_BEAT)
    spell = key_spelling(arr.key, arr.mode)
    first = bars[0]
    # a flatter spacing curve than abcm2ps's default lets a line of long notes stretch to the margin
    head = ["%%notespacingfactor 1.2", "X:1", f"T:{arr.title}", "C:v2m", f"M:{meter_text(first.beats)}", "L:1/16",
            f"Q:1/4={round(first.tempo_bpm)}", f"K:{arr.key}{MODE_SUFFIX[arr.mode]}"]
    tokens = []
    for part in arr.parts:
        events = voice_events(part, total, min(limit, total))
        tokens.append([_bar_tokens(events, bar, spell) for bar in bars])
    meters = [b.beats for b in bars]
    tempos = [round(b.tempo_bpm) for b in bars]
    fields = [0.0] + [1.5 * (meters[k] != meters[k - 1]) + 1.0 * (tempos[k] != tempos[k - 1])
                      for k in range(1, len(bars))]
    lines = _lines(tokens, len(bars), fields)
    body = []
    for v, part in enumerate(arr.parts, start=1):
        clef = " clef=bass" if part.role == "bass" else ""
        body.append(f'V:{v} name="{part.role}"{clef}')
        body.append("%%MIDI channel 10" if part.is_drum else f"%%MIDI program {part.program}")
        prev_beats, prev_q = first.beats, round(first.tempo_bpm)
        for a, b in lines:
            out = []
            for k in range(a, b):
                bar = bars[k]
                fields = ""
                if bar.beats != prev_beats:
                    # L: restated: music21 resets the unit length to the meter's default on a meter change
                    fields += f"[M:{meter_text(bar.beats)}][L:1/16]"
                    prev_beats = bar.beats
                q = round(bar.tempo_bpm)
                if q != prev_q:
                    if v == 1:
                        fields += f"[Q:1/4={q}]"
                    prev_q = q
                out.append((fields + " " if fields else "") + " ".join(tokens[v - 1][k]))
            body.append(" | ".join(out) + (" |]" if b == len(bars) else " |"))
    return "\n".join(head + body) + "\n"
