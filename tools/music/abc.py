"""ABC 2.1 export: one voice per part, L:1/16, inline [M:] and [Q:] fields where the tempo map changes.

music21 cannot write ABC, so this is a small writer of its own. Each voice's bar is cut into slices at
note onsets (quantised to sixteenths); a slice is a note, a chord `[CEG]` or a rest, and the slices of a
bar always add up to the bar's length, so abc2midi and music21 read every bar as complete.
Accidentals follow ABC's rule (they hold for the same note until the bar line) and are repeated on every
note off the key signature anyway, so readers that forget them (music21) still read the right pitches.
Swing is a performance matter and lives in the MIDI file; the ABC is the straight score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from v2m.tools.music.theory import PC, key_spelling

if TYPE_CHECKING:  # for annotations only: arrangement.py imports this writer for Arrangement.write_*
    from v2m.tools.music.arrangement import Arrangement, Part

STEPS_PER_BEAT = 4  # L:1/16
MODE_SUFFIX = {"major": "", "minor": "m", "dorian": "dor", "mixolydian": "mix", "lydian": "lyd", "phrygian": "phr"}
ACCIDENTAL = {-2: "__", -1: "_", 0: "=", 1: "^", 2: "^^"}


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


def _slices(part: Part, start_beat: int, beats: int, end_beat: float):
    """(step, length, pitches) slices covering one bar; pitches empty for a rest."""
    total = beats * STEPS_PER_BEAT
    limit = min(total, int(round((end_beat - start_beat) * STEPS_PER_BEAT))) if end_beat < start_beat + beats \
        else total
    onsets: dict[int, list[tuple[int, int]]] = {}
    for n in part.notes:
        if n.start >= start_beat + beats or n.start + n.dur <= start_beat or n.start < start_beat - 1e-6:
            continue
        s = int(round((n.start - start_beat) * STEPS_PER_BEAT))
        e = int(round((n.start + n.dur - start_beat) * STEPS_PER_BEAT))
        if s >= limit:
            continue
        onsets.setdefault(s, []).append((n.pitch, max(s + 1, min(e, limit))))
    out = []
    pos = 0
    keys = sorted(onsets)
    for idx, s in enumerate(keys):
        if s > pos:
            out.append((pos, s - pos, ()))
        nxt = keys[idx + 1] if idx + 1 < len(keys) else total
        end = min(max(e for _, e in onsets[s]), nxt)
        out.append((s, end - s, tuple(sorted({p for p, _ in onsets[s]}))))
        pos = end
    if pos < total:
        out.append((pos, total - pos, ()))
    return out


def _bar_text(part: Part, bar, end_beat: float, spell) -> str:
    state: dict[tuple[str, int], int] = {}
    spelling, signature, _ = spell
    tokens = []
    for _, length, pitches in _slices(part, bar.start_beat, bar.beats, end_beat):
        if not pitches:
            tokens.append("z" + _length(length))
            continue
        names = []
        for p in pitches:
            letter, alter = spelling[p % 12]
            name = note_name(p, letter)
            current = state.get((letter, p - alter), signature.get(letter, 0))
            acc = ""
            # explicit whenever it leaves the key signature, even if an earlier note in the bar already
            # said so: ABC carries accidentals to the bar line, but not every reader does (music21)
            if alter != current or alter != signature.get(letter, 0):
                acc = ACCIDENTAL[alter]
                state[(letter, p - alter)] = alter
            names.append(acc + name)
        body = names[0] if len(names) == 1 else "[" + "".join(names) + "]"
        tokens.append(body + _length(length))
    return " ".join(tokens)


def arrangement_to_abc(arr: Arrangement) -> str:
    """The arrangement as an ABC 2.1 tune (text).

    Args:
        arr: the arrangement.
    Returns:
        ABC text with one V: voice per part, `%%MIDI program` per voice and `%%MIDI channel 10` on drums.
    """
    bars = [b for b in arr.tempo_map.bars if b.start_s < arr.duration_s - 1e-6]
    end_beat = arr.tempo_map.end_beat
    spell = key_spelling(arr.key, arr.mode)
    first = bars[0]
    head = ["X:1", f"T:{arr.title}", "C:v2m", f"M:{first.beats}/4", "L:1/16",
            f"Q:1/4={round(first.tempo_bpm)}", f"K:{arr.key}{MODE_SUFFIX[arr.mode]}"]
    body = []
    for v, part in enumerate(arr.parts, start=1):
        clef = " clef=bass" if part.role == "bass" else ""
        body.append(f'V:{v} name="{part.role}"{clef}')
        body.append("%%MIDI channel 10" if part.is_drum else f"%%MIDI program {part.program}")
        line = []
        prev_beats, prev_q = first.beats, round(first.tempo_bpm)
        for k, bar in enumerate(bars):
            fields = ""
            if bar.beats != prev_beats:
                fields += f"[M:{bar.beats}/4]"
                prev_beats = bar.beats
            q = round(bar.tempo_bpm)
            if q != prev_q:
                fields += f"[Q:1/4={q}]"
                prev_q = q
            line.append((fields + " " if fields else "") + _bar_text(part, bar, end_beat, spell))
            if k % 4 == 3 and k != len(bars) - 1:
                body.append(" | ".join(line) + " |")
                line = []
        if line:
            body.append(" | ".join(line) + " |]")
        else:
            body[-1] = body[-1][:-1] + "|]"
    return "\n".join(head + body) + "\n"
