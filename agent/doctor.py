"""`v2m doctor`: what is installed, what is missing, and the command that fixes each.

The core (analyse, plan, compose, render, mux) needs only the base install, FluidSynth and a GM
soundfont; language-model planners, MusicGen and fine-tuning need extras, checked here too.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys

from v2m.tools.audio.render import find_soundfont
from v2m.tools.audio.synth import library
from v2m.tools.errors import MissingDependency

APT = "sudo apt-get install -y"
# (what, python module, needed for, fix)
PACKAGES = [
    ("PyAV", "av", "core", "pip install av"),
    ("music21", "music21", "core", "pip install music21"),
    ("mido", "mido", "core", "pip install mido"),
    ("soundfile", "soundfile", "core", "pip install soundfile"),
    ("pyloudnorm", "pyloudnorm", "core", "pip install pyloudnorm"),
    ("torch", "torch", "hf planner, MusicGen, training", "pip install 'v2m[ml]'"),
    ("transformers", "transformers", "hf planner, MusicGen", "pip install 'v2m[ml]'"),
    ("peft", "peft", "LoRA adapters, training", "pip install 'v2m[hf]'"),
    ("bitsandbytes", "bitsandbytes", "4/8-bit loading (GPU)", "pip install 'v2m[hf]'"),
    ("langchain", "langchain", "chat planner, tool-calling agents", "pip install 'v2m[chat]'"),
    ("sentence-transformers", "sentence_transformers", "chat edits: unseen words", "pip install 'v2m[nlp]'"),
    ("starlette", "starlette", "v2m ui (web studio)", "pip install 'v2m[ui]'"),
    ("uvicorn", "uvicorn", "v2m ui (web studio)", "pip install 'v2m[ui]'"),
    ("mcp", "mcp", "v2m mcp (MCP server)", "pip install 'v2m[mcp]'"),
    ("audiocraft", "audiocraft", "optional audiocraft backend", "see README: audiocraft pins torch 2.1"),
]
PROGRAMS = [
    ("fluidsynth", "core: render MIDI to audio", f"{APT} fluidsynth"),
    ("abc2midi", "optional: second ABC check", f"{APT} abcmidi"),
    ("abcm2ps", "optional: typesets score.abc; `v2m eval` and the notation tests use it", f"{APT} abcm2ps"),
    ("ffmpeg", "optional: playing/inspecting outputs", f"{APT} ffmpeg"),
]


def checks() -> list[tuple[str, bool, str, str]]:
    """Every check as (name, ok, needed for, fix or location)."""
    rows = []
    for name, module, need, fix in PACKAGES:
        ok = importlib.util.find_spec(module) is not None
        rows.append((name, ok, need, "" if ok else fix))
    for prog, need, fix in PROGRAMS:
        path = shutil.which(prog)
        rows.append((prog, path is not None, need, path or fix))
    try:  # the renderer plays the score through the library, in process (the program is for the CLI route)
        rows.append(("libfluidsynth", True, "core: render MIDI to audio", library()._name))
    except MissingDependency as e:
        rows.append(("libfluidsynth", False, "core: render MIDI to audio", str(e)))
    try:
        sf = find_soundfont()
        rows.append(("GM soundfont", True, "core: instrument sounds", str(sf)))
    except Exception as e:  # the renderer says what is missing and how to get it
        rows.append(("GM soundfont", False, "core: instrument sounds", f"{APT} fluid-soundfont-gm ({e})"))
    return rows


def report() -> int:
    """Print the checks; exit status 1 when something the core needs is missing."""
    rows = checks()
    width = max(len(r[0]) for r in rows)
    print(f"v2m doctor (Python {sys.version.split()[0]})")
    for name, ok, need, info in rows:
        mark = "ok     " if ok else "MISSING"
        print(f"  {mark} {name:<{width}}  {need:<34} {info}")
    core_missing = [r[0] for r in rows if not r[1] and r[2].startswith("core")]
    if core_missing:
        print(f"The core cannot run: missing {', '.join(core_missing)}.")
        return 1
    print("The core (analyse, plan, compose, render, mux) is ready.")
    return 0
