"""The fourteenth outside review: 60 chat turns, 12 dialogues of 5 turns, written in the reviewer's own words BEFORE
reading any code under agent/, as new users would talk: a podcast producer, a yoga teacher, a drone pilot, a
kindergarten teacher, a theatre lighting designer, a paramedic making a training film, a skate-shop owner, a choir
director, a car mechanic, a tattoo artist, a marine biologist and a wedding cake baker, on the real bikes clip
(analysed: cuts at 1.2, 3.04, 5.48, 7.48 and 9.68 s) and on synthetic clips (four longer than 60 s with 6+ cuts).
Each opening request names a style by culture, era or purpose; the turns lean on the turn before, go back to
earlier versions, ask for hits and stops at times and cuts, ask about the score, praise and sign off, balance
and swap instruments, ask two things at once, and some are typed fast or in a learner's grammar. Each dialogue
runs once through a real Session; every turn is its own test, checked in the state the dialogue really left."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from dialogue_check import _real_bikes
from dialogue_honesty import honesty
from edit_clips import energy_at, long_clip, make_analysis, tempo_at

from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.session import Session
from v2m.tools.style import load_style


def _synthetic(duration: float, cuts: tuple[float, ...]):
    return make_analysis(duration, 25.0, [int(round(t * 25)) for t in cuts], source="synthetic.mp4")


CLIPS = {"s30": lambda: _synthetic(30.0, (6, 13, 21)),                          # shots 0-6, 6-13, 13-21, 21-30
         "s45": lambda: _synthetic(45.0, (7, 15, 22, 30, 38)),                  # 6 shots
         "s75": lambda: _synthetic(75.0, (8, 17, 25, 33, 41, 50, 58, 66)),      # 9 shots
         "l64": lambda: long_clip(64.0, 4.0),                                   # shot k is [4(k-1), 4k], 16 shots
         "l72": lambda: long_clip(72.0, 8.0),                                   # shot k is [8(k-1), 8k], 9 shots
         "l90": lambda: long_clip(90.0, 6.0),                                   # shot k is [6(k-1), 6k], 15 shots
         "bikes": _real_bikes}                                                  # the real clip, analysed


@dataclass
class C:
    """What a check sees: the plans before and after the turn, the first plan, every plan so far (v[0] the
    first, v[k] after turn k), the turn and the clip."""
    old: object
    new: object
    first: object
    v: list
    turn: object
    a: object


# ----------------------------------------------------------------------------- what a user hears

E, T = energy_at, tempo_at


def inst(p) -> dict:
    """role -> instrument, the style's defaults under the plan's own choices."""
    return {**load_style(p.style).instruments, **p.instrumentation}


def role_of(p, word: str):
    """The first role whose instrument's name holds `word` (case-insensitive), else None."""
    return next((r for r, n in inst(p).items() if word.lower() in n.lower()), None)


def plays(p, t, role) -> bool:
    s = p.sections[p.section_at(t)]
    return s.music and role in effective_roles(p, s)


def rel(p, t, role) -> float:
    """`role`'s level offset against the mean of the other parts playing at t (dB)."""
    s = p.sections[p.section_at(t)]
    others = [s.levels_db.get(r, 0.0) for r in effective_roles(p, s) if r != role]
    return s.levels_db.get(role, 0.0) - (sum(others) / len(others) if others else 0.0)


def hit(p, t, kind=None, tol=0.1) -> bool:
    return any(abs(h.time_s - t) < tol and (kind is None or h.kind == kind) for h in p.hit_points)


def same(c) -> bool:
    return c.new == c.old


def says(c, *words) -> bool:
    """The plan kept and the reply names one of `words`."""
    return same(c) and any(w.lower() in c.turn.reply.lower() for w in words)


def bpm(p, t) -> tuple[str, str]:
    """The tempo at t as a reply may write it: 109.9 or 110."""
    return f"{T(p, t):g}", str(int(round(T(p, t))))


def up(c, t, f=E) -> bool:
    return f(c.new, t) > f(c.old, t)


def down(c, t, f=E) -> bool:
    return f(c.new, t) < f(c.old, t)


def kept(c, t) -> bool:
    return E(c.new, t) == E(c.old, t) and T(c.new, t) == T(c.old, t)


def all_tempos(p, lo, hi) -> bool:
    return all(lo <= (s.tempo_bpm or p.tempo_bpm) <= hi for s in p.sections)


Q = False  # a turn that asks or praises: no edit, so no claim to check for honesty

# ----------------------------------------------------------------------------- the dialogues
# (clip, opening request, check on the first plan, [(turn, check[, honesty checked]), ...])

DIALOGUES = {
    "podcast": ("l90", "I produce a true crime podcast, I need a dark, slow 90s trip-hop bed for the trailer",
                lambda p: T(p, 10) < 100 and p.mode in ("minor", "phrygian", "dorian"), [
        ("keep the music down under the host's voice from 0:30 to 0:48, she is talking there",
         lambda c: down(c, 39) and kept(c, 10) and kept(c, 70)),
        ("and a hard stop right at 1:12 for the title card", lambda c: hit(c.new, 72, "stop")),
        ("what bpm are we at?", lambda c: says(c, *bpm(c.new, 10)), Q),
        ("a touch quieter overall, its for earbuds", lambda c: c.new.loudness_lufs < c.old.loudness_lufs
         or all(down(c, t) for t in (10, 39, 70))),
        ("perfect, thats a wrap thx", same, Q)]),
    "yoga": ("s30", "music for my morning yoga flow video, something like Indian classical, calm with a drone",
             lambda p: T(p, 3) <= 90 and max(s.energy for s in p.sections) <= 0.5, [
        ("can it breathe more slower in second shot", lambda c: down(c, 9.5, T) and T(c.new, 3) == T(c.old, 3)),
        ("put the melody on a harp please", lambda c: "harp" in inst(c.new)["melody"].lower()),
        ("a little softer at the end, from 0:21, like savasana", lambda c: down(c, 25) and kept(c, 3)),
        ("is the harp still there in the last part?", lambda c: same(c) and plays(c.new, 25, "melody")
         and "harp" in inst(c.new)["melody"].lower(), Q),
        ("beautiful, namaste", same, Q)]),
    "drone": ("bikes", "aerial reel from my drone, make it sound like a 2010s blockbuster trailer",
              lambda p: p.style in ("epic_trailer", "cinematic"), [
        ("big hit on the cut at 3 seconds", lambda c: hit(c.new, 3.04)),
        ("faster after 5.5s and louder drums there",
         lambda c: up(c, 8, T) and rel(c.new, 8, "drums") > rel(c.old, 8, "drums") and T(c.new, 2) == T(c.old, 2)),
        ("hmm too much. go back to how it was before that", lambda c: c.new == c.v[1]),
        ("stop the music dead at 7.5 s", lambda c: hit(c.new, 7.5, "stop")),
        ("which instruments are playing?", lambda c: says(c, *{n.split()[0] for n in inst(c.new).values()}), Q)]),
    "kinder": ("s45", "a happy sing-along song for my kindergarten class video, like an old nursery rhyme, bouncy",
               lambda p: p.mode == "major" and T(p, 10) >= 100, [
        ("can you make it more happy and little bit faster", lambda c: up(c, 10, T) and up(c, 25)),
        ("the xylophone sound please for melody", lambda c: "xylophone" in inst(c.new)["melody"].lower()),
        ("too fast now, slowr a bit", lambda c: all(down(c, t, T) for t in (3, 20, 40))),
        ("put a big boom at 0:22 when the kids jump", lambda c: hit(c.new, 22)),
        ("thank you so much!! the kids will love it", same, Q)]),
    "lighting": ("l72", "a 1920s silent film piano score for my lighting rig demo reel",
                 lambda p: p.style == "silent_film", [
        ("blackout at 0:40, everything stops dead there", lambda c: hit(c.new, 40, "stop")),
        ("then from 0:48 bring it back slowly, fade in till 1:04", lambda c: E(c.new, 50) < E(c.new, 62)
         and kept(c, 20)),
        ("the third shot should be quieter and slower", lambda c: down(c, 20) and down(c, 20, T) and kept(c, 4)
         and kept(c, 60)),
        ("is there still the stop at 0:40?", lambda c: says(c, "0:40", "40") and hit(c.new, 40, "stop"), Q),
        ("great, that's the one. house lights up, thanks", same, Q)]),
    "paramedic": ("s75", "training film for paramedics, a CPR scene. serious documentary music, not dramatic, "
                         "a steady pulse around 100 bpm", lambda p: all_tempos(p, 97, 103), [
        ("keep it at exact 100 bpm whole time, the compressions are on the beat",
         lambda c: all_tempos(c.new, 99.4, 100.6)),
        ("drop the drums between 0:33 and 0:50, the instructor talks",
         lambda c: not plays(c.new, 37, "drums") and not plays(c.new, 45, "drums") and plays(c.new, 20, "drums")),
        ("and the melody lower there too", lambda c: (rel(c.new, 45, "melody") < rel(c.old, 45, "melody")
                                                   or not plays(c.new, 45, "melody")) and plays(c.new, 20, "melody")
         and not plays(c.new, 45, "drums")),
        ("at 1:06 the patient breathes again, give a warm swell there", lambda c: hit(c.new, 66, "swell")),
        ("what key did you put it in?", lambda c: says(c, c.new.key), Q)]),
    "skate": ("bikes", "90s skate video vibe, punk rock, fast and raw", lambda p: p.style == "rock"
              and T(p, 5) >= 130, [
        ("crash cymbal on every cut", lambda c: all(hit(c.new, t) for t in (1.2, 3.04, 5.48, 7.48))),
        ("guitar's too loud, turn it down a bit", lambda c: any(rel(c.new, 4, r) < rel(c.old, 4, r)
                                                              for r in ("melody", "harmony"))),
        ("nah put the bass up instead", lambda c: rel(c.new, 4, "bass") > rel(c.old, 4, "bass")),
        ("no music in the first shot, just the board sound", lambda c: not c.new.sections[c.new.section_at(0.6)].music
         and c.new.sections[c.new.section_at(4)].music),
        ("sick. done", same, Q)]),
    "choir": ("s30", "a gospel choir feel for our church choir's promo video, joyful, Sunday morning",
              lambda p: p.style == "gospel" and p.mode == "major", [
        ("the choir voices need to be louder then the piano",
         lambda c: rel(c.new, 10, "melody") - rel(c.new, 10, "harmony") > rel(c.old, 10, "melody")
         - rel(c.old, 10, "harmony")),
        ("key of G please, our altos can sing it there", lambda c: c.new.key == "G"),
        ("slower in the last shot, like an amen", lambda c: down(c, 25, T) and T(c.new, 3) == T(c.old, 3)),
        ("how fast is it in the last shot now?", lambda c: says(c, *bpm(c.new, 25)), Q),
        ("amen! that's lovely, thank you", same, Q)]),
    "garage": ("l64", "promo for my car repair garage, gritty 70s funk like an old cop show",
               lambda p: p.style == "funk", [
        ("more louder and more faster the whole thing", lambda c: all(up(c, t, T) for t in (2, 30, 62))
         and (up(c, 30) or c.new.loudness_lufs > c.old.loudness_lufs)),
        ("at 0:32 the engine starts - put a hit there", lambda c: hit(c.new, 32)),
        ("from shot 10 on bring the brass up", lambda c: all(rel(c.new, t, "brass") > rel(c.old, t, "brass")
                                                             for t in (38, 50)) and rel(c.new, 10, "brass")
         == rel(c.old, 10, "brass")),
        ("swap the sax for an electric guitar", lambda c: role_of(c.new, "sax") is None
         and role_of(c.new, "guitar") is not None),
        ("how long is the music?", lambda c: says(c, "1:04", "64"), Q)]),
    "tattoo": ("s45", "dark spaghetti western style for a timelapse of me tattooing, slow and moody",
               lambda p: p.style == "western" and p.mode in ("minor", "phrygian", "dorian") and T(p, 3) < 100, [
        ("slow it down even more, to like 70", lambda c: all_tempos(c.new, 69.4, 70.6)),
        ("lower the drums and bring the melody up", lambda c: rel(c.new, 20, "drums") < rel(c.old, 20, "drums")
         and rel(c.new, 20, "melody") > rel(c.old, 20, "melody")),
        ("in the 4th shot make it quieter", lambda c: down(c, 26) and kept(c, 3) and kept(c, 40)),
        ("no wait, undo that", lambda c: c.new == c.v[2]),
        ("looks good man, cheers", same, Q)]),
    "reef": ("l90", "underwater footage of a coral reef for a science festival, ambient and dreamy, japanese style",
             lambda p: max(s.energy for s in p.sections) <= 0.6, [
        ("the shark shows up at 0:42, make it tense from there till 0:54",
         lambda c: up(c, 48) and kept(c, 10) and kept(c, 70)),
        ("and a sting when it appear at 42", lambda c: hit(c.new, 42)),
        ("after the shark, calm again like the beginning", lambda c: E(c.new, 60) <= E(c.first, 60)
         and E(c.new, 48) == E(c.old, 48)),
        ("put a harp on the melody", lambda c: "harp" in inst(c.new)["melody"].lower()),
        ("what tempo is the shark part?", lambda c: says(c, *bpm(c.new, 48)), Q)]),
    "cake": ("s30", "elegant french cafe music, accordion and all, for my wedding cake tutorial",
             lambda p: role_of(p, "accordion") is not None, [
        ("its nice but the tempo are too rushed, more relax please", lambda c: all(down(c, t, T) for t in (3, 25))),
        ("when the cake is reveal at 0:21 give a little ding", lambda c: hit(c.new, 21)),
        ("bring the accordion up a bit and the drums down",
         lambda c: (r := role_of(c.new, "accordion")) is not None and rel(c.new, 10, r) > rel(c.old, 10, r)
         and ("drums" not in inst(c.new) or rel(c.new, 10, "drums") < rel(c.old, 10, "drums"))),
        ("could you make the first shot more quiet and the last one more bright",
         lambda c: down(c, 3) and up(c, 25) and kept(c, 10)),
        ("go back to the very first one please, i liked it most", lambda c: c.new == c.v[0])]),
}


# ----------------------------------------------------------------------------- running them

@lru_cache(maxsize=None)
def _run(name: str):
    clip, request, _, turns = DIALOGUES[name]
    a = CLIPS[clip]()
    with tempfile.TemporaryDirectory() as tmp:
        s = Session.open(a.source, request, workdir=Path(tmp) / "store", analysis=a, render=False)
        v, said = [s.plan], []
        for say, *_ in turns:
            said.append(s.say(say))
            v.append(s.plan)
    return a, v, said


# Turns left failing, each with why (see the session's report)
XFAIL: dict = {}   # ("paramedic", 3), a 'there' after a time told in the same message, passes since review15 (counted)
# (("cake", 3), 'brighter' in the last shot of a major score, passes since fix14: brighter there another way)
CASES = [pytest.param(name, k, id=f"{name}-{k + 1}", marks=[pytest.mark.xfail(reason=XFAIL[name, k], strict=False)]
                      if (name, k) in XFAIL else []) for name, d in DIALOGUES.items() for k in range(len(d[3]))]


@pytest.mark.parametrize("name", list(DIALOGUES))
def test_opening(name):
    _, request, check, _ = DIALOGUES[name]
    a, v, _ = _run(name)
    p = v[0]
    assert check(p), f"{request!r}: style {p.style}, {p.tempo_bpm} BPM, {p.key} {p.mode}, {p.instrumentation}"


@pytest.mark.parametrize("name,k", CASES)
def test_turn(name, k):
    a, v, said = _run(name)
    say, check, *flags = DIALOGUES[name][3][k]
    c = C(v[k], v[k + 1], v[0], v, said[k], a)
    assert check(c), f"{say!r} -> {c.turn.reply}"
    if not flags or flags[0]:
        lie = honesty(c.turn, c.old, c.new)
        assert not lie, f"{say!r} -> {c.turn.reply}: {lie}"
