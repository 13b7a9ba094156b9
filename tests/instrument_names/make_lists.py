"""Write the instrument-name reference lists (tests/instrument_names/*.txt) from music21 and pretty_midi, split by
sha256. Run once, before any code changed; the lists are frozen after that (README.md has their hashes).

    python tests/instrument_names/make_lists.py

music21: every Instrument subclass in music21.instrument, instantiated, its `.instrumentName`, leaving out four that
name no sound a person asks for: `Instrument` (no name), `Conductor` (a person), `Sampler` (a device that plays any
sound) and `StringInstrument` (a class name, not a word). Voice types (Alto, Tenor, Soprano, Bass ...) stay: "add a
soprano" asks for a voice. General MIDI: the 128 program names (`pretty_midi.program_to_instrument_name`). Both
lower-cased, parentheses taken out ("Acoustic Guitar (nylon)" -> "acoustic guitar nylon"), duplicates dropped.
Each list is split by the first byte of sha256(name) % 2: 0 -> tune, 1 -> val.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path

HERE = Path(__file__).parent
LEFT_OUT = {"Instrument", "Conductor", "Sampler", "StringInstrument"}


def clean(name: str) -> str:
    return " ".join(name.lower().replace("(", " ").replace(")", " ").split())


def half(name: str) -> str:
    return "tune" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "val"


def music21_names() -> list[str]:
    import music21.instrument as mi

    names = {clean(c().instrumentName) for n, c in inspect.getmembers(mi, inspect.isclass)
             if issubclass(c, mi.Instrument) and n not in LEFT_OUT}
    return sorted(names)


def gm_names() -> list[str]:
    import pretty_midi

    return sorted({clean(pretty_midi.program_to_instrument_name(p)) for p in range(128)})


def main() -> None:
    for source, names in (("music21", music21_names()), ("gm", gm_names())):
        for h in ("tune", "val"):
            part = [n for n in names if half(n) == h]
            text = "".join(n + "\n" for n in part)
            (HERE / f"{source}_{h}.txt").write_text(text)
            print(source, h, len(part), hashlib.sha256(text.encode()).hexdigest())


if __name__ == "__main__":
    main()
