"""Instrument names: does "add a <name>" bring that instrument in, for any instrument a person names? Over two
reference lists the chat's vocabulary was not written from (tests/instrument_names: music21's instrument classes and
the 128 General MIDI program names, each split by sha256 into a tune and a val half), each name is said in three
templates, each to a fresh chat Session on a 40 s folk score (drums, bass, guitar, fiddle).

    python tests/bench/bench_instruments.py                  # totals for tune and val
    python tests/bench/bench_instruments.py --half tune -v   # and every missed tune name with what happened

Templates (written before any result was seen): "add a <name>" ("an" before a vowel letter, "some" for a plural),
"could we get some <name> in there?", "add a <name> over the last shot" (the new part must play in the last shot).

Understood (judged here from music21 and pretty_midi, never from the chat's own tables):
- a part added (a role the plan did not have) whose General MIDI program is one the name accepts: music21's own
  `midiProgram` for the class, the program of that very name (General MIDI list), or a program whose name holds the
  name's last word ("bass clarinet" -> Clarinet, "church bells" -> Tubular Bells, "bass" -> any "... Bass");
- or a part added whose program the reply names beside the name said (a stand-in, said);
- for percussion without a melodic program (music21 unpitched percussion, Gong, Handbells, Percussion): a part
  added on the drum channel (role drums or percussion);
- the plan unchanged and the reply saying the instrument plays "already", where a part of an accepted program (or,
  for percussion, a drum part) plays;
- for sounds that are no instrument (General MIDI's "Sound Effects" class, 120-127, and music21's Siren and Wind
  Machine): that same program added, or the plan unchanged with a reply about "sound effect(s)".
Anything else misses: a question (an unknown instrument, a mood question), nothing changed, or a change that adds no
such part. The val half is reported as totals only: it grades, never tuned on.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS / "instrument_names"))

from edit_clips import long_clip  # noqa: E402
from make_lists import LEFT_OUT, clean  # noqa: E402

LISTS = TESTS / "instrument_names"
FX_MUSIC21 = {"siren", "wind machine"}
TEMPLATES = ("add {a} {name}", "could we get some {name} in there?", "add {a} {name} over the last shot")
DRUM_ROLES = ("drums", "percussion")


def article(name: str) -> str:
    if name.endswith("s") and not name.endswith(("ss", "us")):
        return "some"
    return "an" if name[0] in "aeio" else "a"


def references() -> dict[str, dict]:
    """name -> {"programs": accepted GM program numbers, "drum": percussion without a melodic program, "fx": a sound
    effect}, from music21 and pretty_midi."""
    import inspect

    import music21.instrument as mi
    import pretty_midi

    gm = {clean(pretty_midi.program_to_instrument_name(p)): p for p in range(128)}
    out: dict[str, dict] = {}
    for n, c in inspect.getmembers(mi, inspect.isclass):
        if not issubclass(c, mi.Instrument) or n in LEFT_OUT:
            continue
        i = c()
        ref = out.setdefault(clean(i.instrumentName), {"programs": set(), "drum": False, "fx": False})
        if i.midiProgram is not None:
            ref["programs"].add(i.midiProgram)
        ref["drum"] |= i.midiProgram is None or isinstance(i, mi.UnpitchedPercussion)
        ref["fx"] |= clean(i.instrumentName) in FX_MUSIC21
    for name, p in gm.items():
        ref = out.setdefault(name, {"programs": set(), "drum": False, "fx": False})
        ref["programs"].add(p)
        ref["fx"] |= pretty_midi.program_to_instrument_class(p) == "Sound Effects"
    for name, ref in out.items():
        head = name.split()[-1]
        ref["programs"] |= {p for g, p in gm.items() if re.search(rf"\b{re.escape(head)}\b", g)}
    return out


def names(half: str) -> list[tuple[str, str]]:
    """(source, name) of one half of both lists."""
    return [(src, n) for src in ("music21", "gm") for n in (LISTS / f"{src}_{half}.txt").read_text().split("\n") if n]


def program_of(role: str, name: str) -> int | None:
    from v2m.tools.gm import GM_PROGRAMS

    low = [g.lower() for g in GM_PROGRAMS]
    return None if role in DRUM_ROLES and name.lower() not in low else low.index(name.lower())


def parts(plan, last: bool) -> dict[str, str]:
    """role -> instrument of the parts that play (in the last section only, when `last`)."""
    from v2m.agent.dialogue.operations import effective_roles
    from v2m.tools.style import load_style

    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    sections = plan.sections[-1:] if last else plan.sections
    playing = {r for s in sections for r in effective_roles(plan, s)}
    return {r: i for r, i in inst.items() if r in playing}


def judge(name: str, template: str, ref: dict, workdir: Path) -> tuple[str, str]:
    """("ok" | "asked" | "nothing" | "wrong", the reply) for one name in one template."""
    from v2m.agent.dialogue.session import Session

    a = long_clip(40.0)
    s = Session.open(a.source, "folk", workdir=workdir, analysis=a, render=False)
    old = s.plan
    r = s.say(template.format(a=article(name), name=name))
    new, reply = s.plan, r.reply or r.question or ""
    low = reply.lower()
    if r.question:
        return "asked", reply
    if new == old:
        before = parts(old, False)
        plays = any(program_of(role, i) in ref["programs"] or (ref["drum"] and role in DRUM_ROLES)
                    for role, i in before.items())
        if ref["fx"] and re.search(r"sound effects?\b", low):
            return "ok", reply
        return ("ok" if plays and "already" in low else "nothing"), reply
    last = "last shot" in template
    was, now = parts(old, False), parts(new, last)
    added = {role: i for role, i in now.items() if role not in was}
    for role, i in added.items():
        p = program_of(role, i)
        if p in ref["programs"] or (ref["drum"] and role in DRUM_ROLES):
            return "ok", reply
        if p is not None and name in low and i.lower() in low:
            return "ok", reply
    return "wrong", reply


def run(half: str, verbose: bool) -> Counter:
    refs = references()
    rows = names(half)
    kinds, by_source = Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        k = 0
        for src, name in rows:
            for template in TEMPLATES:
                k += 1
                try:
                    kind, what = judge(name, template, refs[name], Path(tmp) / f"s{k}")
                except Exception as e:  # noqa: BLE001 - a crash is a miss, with its reason
                    kind, what = "crash", f"{type(e).__name__}: {e}"
                kinds[kind] += 1
                by_source[(src, kind == "ok")] += 1
                if verbose and half == "tune" and kind != "ok":
                    print(f"  {kind.upper()} [{src}] {template.format(a=article(name), name=name)!r}\n      {what[:220]}")
    total = sum(kinds.values())
    per = ", ".join(f"{s} {by_source[(s, True)]}/{by_source[(s, True)] + by_source[(s, False)]}"
                    for s in ("music21", "gm"))
    print(f"instruments-{half}: {kinds['ok']}/{total} = {100 * kinds['ok'] / max(1, total):.1f}% understood ({per}); "
          f"asked {kinds['asked']}, nothing changed {kinds['nothing']}, wrong {kinds['wrong']}, crash {kinds['crash']}")
    return kinds


def main(argv: list[str]) -> int:
    halves = [argv[argv.index("--half") + 1]] if "--half" in argv else ["tune", "val"]
    for half in halves:
        digest = hashlib.sha256("".join((LISTS / f"{s}_{half}.txt").read_text() for s in ("music21", "gm")).encode())
        print(f"# {half}: lists sha256 {digest.hexdigest()[:16]}")
        run(half, "-v" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
