"""Model-written ABC melodies: read, validate and repair them, then play them in a section.

A plan may carry a section's melody as ABC notes (`Section.melody_abc`, no header, L:1/8, in the plan's
key and meter). Models get ABC slightly wrong, so the melody is data to check, never trusted: header
and voice lines are dropped (an L: field is honoured), decorations, chord symbols, slurs and unknown
characters are removed, chords keep their top note, tuplets and broken rhythm are read, bars that are too
long are cut and bars that are too short are filled with rest, notes are read in the plan's key
signature (accidentals hold to the bar line), long or on-beat notes outside the scale are moved to the
nearest scale tone (short off-beat chromatic passing notes stay), and the line is moved by octaves into
the instrument's register. Every repair is reported in words.
"""

from __future__ import annotations

import re
from fractions import Fraction

from v2m.tools.music.abc import ACCIDENTAL, note_name
from v2m.tools.music.arrangement import Note
from v2m.tools.music.harmony import nearest
from v2m.tools.music.melody import melody_part
from v2m.tools.music.theory import PC, key_spelling, scale_pcs

HEADER_RE = re.compile(r"^\s*([A-Za-z]):(.*)$")
TOKEN_RE = re.compile(
    r"(?P<bar>:?\|[\]|:]?|\[\||::|\|:)"
    r"|(?P<field>\[[A-Za-z]:[^\]]*\])"
    r"|(?P<chord>\[[^\]]*\]\d*/*\d*)"
    r"|(?P<note>(?:\^\^|__|\^|_|=)?[A-Ga-g][,']*\d*/*\d*)"
    r"|(?P<rest>[zx]\d*/*\d*)"
    r"|(?P<mrest>Z\d*)"
    r"|(?P<tuplet>\(\d(?::\d?){0,2})"
    r"|(?P<broken>[<>]+)"
    r"|(?P<tie>-)"
    r"|(?P<ignore>\"[^\"]*\"|![^!]*!|\+[^+]*\+|\{[^}]*\}|[()~.HLMOPSTuv\s`\\]|\[[12]|%.*$)"
)
LEN_RE = re.compile(r"(\d*)(/*)(\d*)$")


def _length(text: str) -> Fraction:
    m = LEN_RE.search(text)
    num, slashes, den = m.groups()
    n = Fraction(int(num)) if num else Fraction(1)
    if slashes:
        n /= int(den) if den else 2 ** len(slashes)
    return n


def _pitch(tok: str, bar_acc: dict, signature: dict[str, int]) -> int:
    m = re.match(r"(\^\^|__|\^|_|=)?([A-Ga-g])([,']*)", tok)
    acc, letter, octs = m.groups()
    base = 60 + PC[letter.upper()] + (12 if letter.islower() else 0)
    base += 12 * octs.count("'") - 12 * octs.count(",")
    if acc:
        alter = {"^^": 2, "^": 1, "=": 0, "_": -1, "__": -2}[acc]
        bar_acc[(letter.upper(), base)] = alter
    else:
        alter = bar_acc.get((letter.upper(), base), signature.get(letter.upper(), 0))
    return base + alter


def _signature(key: str, mode: str) -> dict[str, int]:
    return key_spelling(key, mode)[1]


def parse_melody(abc: str, *, meter_beats: int, key: str, mode: str):
    """Read a model's ABC melody into bars of (pitch or None, offset, length), in quarter-note beats.

    Args:
        abc: the ABC text (body; header lines are tolerated and dropped).
        meter_beats: quarter-note beats per bar (the plan's meter); key, mode: the plan's.
    Returns:
        (bars, repairs): bars as lists of (MIDI pitch or None for a rest, offset, length); repairs as
        sentences saying what was changed.
    """
    repairs: list[str] = []
    unit = Fraction(1, 2)  # L:1/8 in quarter-note beats
    body = []
    for line in abc.splitlines():
        m = HEADER_RE.match(line)
        if m and not line.strip().startswith("|"):
            field, value = m.group(1), m.group(2).strip()
            if field == "L" and re.fullmatch(r"1/\d+", value):
                unit = Fraction(4, int(value[2:]))
                repairs.append(f"header line {line.strip()!r} read as the note length and removed")
            else:
                repairs.append(f"header line {line.strip()!r} removed (the plan sets key, meter and voices)")
            continue
        body.append(line)
    text = " ".join(body)
    signature = _signature(key, mode)
    bars: list[list[tuple[int | None, Fraction]]] = [[]]
    bar_acc: dict = {}
    tuplet: list[Fraction] = []  # remaining (ratio) for notes in a tuplet
    broken = ""
    unknown: list[str] = []
    dropped_fields = chords = 0
    pos = 0
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m:
            unknown.append(text[pos])
            pos += 1
            continue
        pos = m.end()
        kind, tok = m.lastgroup, m.group()
        if kind == "bar":
            if bars[-1]:
                bars.append([])
            bar_acc = {}
        elif kind == "field":
            dropped_fields += 1
        elif kind in ("note", "rest", "chord"):
            if kind == "chord":
                inner = re.findall(r"(?:\^\^|__|\^|_|=)?[A-Ga-g][,']*", tok)
                if not inner:
                    unknown.append(tok)
                    continue
                chords += 1
                pitches = [_pitch(n, bar_acc, signature) for n in inner]
                pitch, length = max(pitches), _length(tok.split("]")[-1] or "1")
            elif kind == "note":
                pitch, length = _pitch(tok, bar_acc, signature), _length(re.sub(r"^[\^_=]*[A-Ga-g][,']*", "", tok))
            else:
                pitch, length = None, _length(tok[1:])
            length *= unit
            if tuplet:
                length *= tuplet.pop()
            if broken:
                dots = len(broken)
                prev = bars[-1][-1] if bars[-1] else None
                if prev is not None:
                    shift = length * (1 - Fraction(1, 2 ** dots))
                    sign = 1 if broken[0] == ">" else -1
                    bars[-1][-1] = (prev[0], prev[1] + sign * shift)
                    length -= sign * shift
                broken = ""
            bars[-1].append((pitch, length))
        elif kind == "mrest":
            n = int(tok[1:] or 1)
            for _ in range(n):
                bars[-1].append((None, Fraction(meter_beats)))
                bars.append([])
        elif kind == "tuplet":
            p = int(tok[1])
            q = {2: 3, 3: 2, 4: 3, 6: 2}.get(p, 2)
            tuplet = [Fraction(q, p)] * p
        elif kind == "broken":
            broken = tok
    if not bars[-1]:
        bars.pop()
    if unknown:
        shown = "".join(dict.fromkeys(unknown))[:20]
        repairs.append(f"removed {len(unknown)} unknown character(s) {shown!r}")
    if dropped_fields:
        repairs.append(f"removed {dropped_fields} inline field(s) such as [K:..] or [V:..]")
    if chords:
        repairs.append(f"{chords} chord(s) in the melody reduced to their top note")
    return _fit_bars(bars, Fraction(meter_beats), repairs), repairs


def _fit_bars(bars, length: Fraction, repairs: list[str]):
    """Cut long bars and pad short ones to the meter; returns bars of (pitch, offset, length) floats."""
    out = []
    for i, bar in enumerate(bars):
        total = sum(n for _, n in bar)
        if total > length:
            repairs.append(f"bar {i + 1} lasted {float(total):g} beats in a {int(length)}-beat meter; cut")
        elif total < length and not (i == len(bars) - 1 and i == 0):
            repairs.append(f"bar {i + 1} lasted {float(total):g} beats in a {int(length)}-beat meter; "
                           "filled with rest")
        notes, t = [], Fraction(0)
        for pitch, n in bar:
            if t >= length:
                break
            n = min(n, length - t)
            if n > 0:
                notes.append((pitch, float(t), float(n)))
            t += n
        out.append(notes)
    return out


def fit_to_key(bars, key: str, mode: str, lo: int, hi: int, repairs: list[str]):
    """Move long or on-beat out-of-scale notes to the nearest scale tone, the line by octaves into [lo, hi]."""
    scale = set(scale_pcs(key, mode))
    moved = 0
    fixed = []
    for bar in bars:
        nb = []
        for p, off, n in bar:
            # a short chromatic passing note off the beat is music; a long or on-beat one is a wrong note
            if p is not None and p % 12 not in scale and (abs(off - round(off)) < 1e-6 or n >= 1):
                p = p - 1 if (p - 1) % 12 in scale else p + 1
                moved += 1
            nb.append((p, off, n))
        fixed.append(nb)
    if moved:
        repairs.append(f"{moved} long or on-beat note(s) outside {key} {mode} moved to the nearest scale tone")
    pitches = [p for bar in fixed for p, _, _ in bar if p is not None]
    if pitches:
        shift = 0
        while min(pitches) + shift < lo and max(pitches) + shift + 12 <= hi + 12:
            shift += 12
        while max(pitches) + shift > hi and min(pitches) + shift - 12 >= lo - 12:
            shift -= 12
        if shift:
            repairs.append(f"melody moved {shift // 12:+d} octave(s) into the instrument's range")
        fixed = [[(None if p is None else _fold(p + shift, lo, hi), off, n) for p, off, n in bar] for bar in fixed]
    return fixed


def _fold(p: int, lo: int, hi: int) -> int:
    """Move a note by octaves into [lo, hi] (the pitch class stays, so the line stays in key)."""
    while p < lo and p + 12 <= hi:
        p += 12
    while p > hi and p - 12 >= lo:
        p -= 12
    return p


def melody_from_abc(abc: str, ctx, role: str, key: str, mode: str) -> tuple[list[Note], list[str]]:
    """Play a section's ABC melody: bar j of the melody in the section's bar j (repeating if shorter).

    Args:
        abc: the section's melody_abc; ctx: the SectionContext; role: melody or lead; key, mode: the plan's.
    Returns:
        (notes, repairs).
    """
    lo, hi = ctx.registers[role]
    bars, repairs = parse_melody(abc, meter_beats=ctx.meter, key=key, mode=mode)
    bars = fit_to_key(bars, key, mode, lo, hi, repairs)
    if not any(p is not None for bar in bars for p, _, _ in bar):
        repairs.append("no notes could be read; the composer wrote the melody instead")
        return melody_part(ctx, role), repairs
    notes = []
    for i, bar in enumerate(ctx.bars):
        if ctx.final and i == len(ctx.bars) - 1:
            prev = notes[-1].pitch if notes else (lo + hi) // 2
            notes.append(Note(nearest(ctx.tonic, prev, lo, hi), bar.start_beat, bar.beats, ctx.vel(i), ctx.index))
            break
        for p, off, n in bars[i % len(bars)]:
            if p is None or off >= bar.beats:
                continue
            notes.append(Note(p, bar.start_beat + off, min(n, bar.beats - off) * 0.95,
                              ctx.vel(i, 1.1 if off == 0 else 0.95), ctx.index))
    return notes, repairs


def _abc_len(beats: float) -> str:
    """ABC length suffix for a duration in quarter beats, with L:1/8."""
    f = Fraction(beats * 2).limit_denominator(12)
    if f == 1:
        return ""
    if f.denominator == 1:
        return str(f.numerator)
    return (str(f.numerator) if f.numerator != 1 else "") + "/" + str(f.denominator)


def repair_melody(abc: str, *, key: str, mode: str, meter: str = "4/4") -> tuple[str, list[str]]:
    """Validate a model's ABC melody and return it repaired, with what was repaired.

    Planners call this to check a melody before accepting a plan (and can send the repairs back to the
    model); the composer applies the same repairs when it plays the melody.

    Args:
        abc: the melody (body, L:1/8); key, mode, meter: the plan's.
    Returns:
        (repaired ABC body with complete bars and explicit accidentals, list of repairs in words).
    """
    beats = int(meter.split("/")[0])
    bars, repairs = parse_melody(abc, meter_beats=beats, key=key, mode=mode)
    bars = fit_to_key(bars, key, mode, 21, 108, repairs)
    spelling, signature, _ = key_spelling(key, mode)
    out = []
    for bar in bars:
        toks, t, state = [], 0.0, {}
        for p, off, n in bar:
            if off > t + 1e-6:
                toks.append("z" + _abc_len(off - t))
            if p is None:
                toks.append("z" + _abc_len(n))
            else:
                letter, alter = spelling[p % 12]
                cur = state.get((letter, p - alter), signature.get(letter, 0))
                acc = "" if alter == cur and alter == signature.get(letter, 0) else ACCIDENTAL[alter]
                state[(letter, p - alter)] = alter
                toks.append(acc + note_name(p, letter) + _abc_len(n))
            t = off + n
        if t < beats - 1e-6:
            toks.append("z" + _abc_len(beats - t))
        out.append(" ".join(toks))
    return (" | ".join(out) + " |") if out else "", repairs
