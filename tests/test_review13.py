"""The thirteenth outside review: 60 chat turns, 12 dialogues of 5 turns, written in the reviewer's own words
BEFORE reading any code under agent/, as new users would talk: a real-estate videographer, a swim coach, a museum
curator, a beekeeper, a game streamer, a florist, a sign-language interpreter, a school principal, a mountain-bike
racer, a jeweller, a radio host and a retired sailor, on the real bikes clip (analysed: 10 s, cuts at 1.2, 3.04,
5.48, 7.48 and 9.68 s) and on synthetic clips, five of them longer than 60 s with 7 to 11 cuts. Openings name a
style by culture, era or purpose; follow-ups lean on the turn before; hits and stops at times and cuts, questions
about the score, praise and sign-offs, balance and swaps, two changes in one turn, typos and learner grammar.
Each dialogue runs once through a real Session; every turn is its own test, checked in the state the dialogue
really left (a turn that failed leaves its plan for the next turn, as a user would)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from dialogue_check import Midi, check_turn
from edit_clips import long_clip
from review_harness import CLIPS as SHARED
from review_harness import C, E, T, synthetic, talk

from v2m.agent.dialogue.operations import effective_roles

CLIPS = {**SHARED,                                                          # s20, s30, s45, l72 (11 cuts), bikes
         "s40": lambda: synthetic(40.0, (9, 18, 26, 33)),
         "s66": lambda: synthetic(66.0, (5, 12, 20, 27, 33, 41, 48, 55, 61)),  # 9 cuts
         "s75": lambda: synthetic(75.0, (6, 14, 21, 30, 38, 45, 52, 60, 68)),  # 9 cuts
         "l64": lambda: long_clip(64.0, 8.0),                               # a cut every 8 s: 7 cuts
         "l90": lambda: long_clip(90.0, 7.5)}                               # a cut every 7.5 s: 11 cuts


# ----------------------------------------------------------------------------- what a user hears

def names(p) -> str:
    """Every instrument the score plays, in one lower-case string."""
    from v2m.tools.style import load_style
    return " | ".join({**load_style(p.style).instruments, **p.instrumentation}.values()).lower()


def role_of(p, word: str):
    from v2m.tools.style import load_style
    inst = {**load_style(p.style).instruments, **p.instrumentation}
    return next((r for r, n in inst.items() if word in n.lower()), None)


def rel(p, t, role) -> float:
    """A part's level against the mean of the others playing at t, in dB."""
    s = p.sections[p.section_at(t)]
    others = [s.levels_db.get(r, 0.0) for r in effective_roles(p, s) if r != role]
    return s.levels_db.get(role, 0.0) - (sum(others) / len(others) if others else 0.0)


@lru_cache(maxsize=None)
def _midi(key: str, clip: str):
    from v2m.tools.contract import ScorePlan
    return Midi(ScorePlan.model_validate_json(key), _analysis(clip))


def notes(c: C, a: float, b: float, plan=None) -> int:
    """Notes (pitched and drums) starting in [a, b) of the composed MIDI of `plan` (the new one by default)."""
    m = _midi((plan or c.new).model_dump_json(), c.a)
    return len(m.notes(a, b)) + len(m.notes(a, b, drums=True))


def hit(p, t, kind=None):
    return [h for h in p.hit_points if abs(h.time_s - t) < 0.06 and (kind is None or h.kind == kind)]


def K(label, fn):
    fn.label = label
    return fn


NOCHANGE = K("the plan is unchanged", lambda c: c.new == c.old)


def says(*words):
    return K(f"the reply says one of {words}", lambda c: any(w.lower() in c.turn.reply.lower() for w in words))


# ----------------------------------------------------------------------------- the dialogues, in the users' words

DIALOGUES = [
    ("realtor", "l72", "relaxed bossa nova for a beachfront villa tour, nothing too busy", [
        ("the kitchen reveal at 0:30 needs a soft swell",
         [K("opens in bossa", lambda c: c.first.style == "bossa"), {"hit": {"at": 30.0}}]),
        ("a little slower overall and bring the guitar up",
         [{"tempo": {"in": [0, 72], "ratio": [0.8, 0.99]}}, {"balance": {"in": [0, 72], "instrument": "guitar",
                                                                          "change": "up"}}]),
        ("perfect, the pace is right now.", [NOCHANGE]),
        ("from 0:48 to the end make it brighter and fuller for the pool shots",
         [{"energy": {"in": [48, 72], "change": "up"}}, {"unchanged": {"outside": [48, 72]}}]),
        ("can you go back to how the ending was before?", [{"same_as": 3}]),
    ]),
    ("coach", "s20", "pumped up 80s workout music for my swim team highlights", [
        ("more faster please, the kids is swimming very quick", [{"tempo": {"in": [0, 20], "ratio": [1.04, 1.5]}}]),
        ("put a big crash when the second shot start", [{"hit": {"at": 7.0}}]),
        ("the drum is too loud, turn down it", [{"balance": {"in": [0, 20], "role": "drums", "change": "down"}}]),
        ("what tempo is it now?", [NOCHANGE, K("the reply names the tempo",
                                               lambda c: str(round(T(c.new, 1.0))) in c.turn.reply)]),
        ("great, thats it for today coach out", [NOCHANGE]),
    ]),
    ("curator", "bikes", "a baroque harpsichord piece for an exhibition teaser, dignified", [
        ("could the third shot be quieter, and make the last two shots grander",
         [K("a harpsichord plays from the start", lambda c: "harpsichord" in names(c.first)),
          {"energy": {"in": [3.04, 5.48], "change": "down"}}, {"energy": {"in": [7.48, 10.0], "change": "up"}}]),
        ("stop the music dead at the second cut", [{"hit": {"at": 3.04, "kind": "stop"}}]),
        ("hmm, actually no stop there, just a gentle accent",
         [{"hit": {"at": 3.04}}, K("no stop at 3.04", lambda c: not hit(c.new, 3.04, "stop"))]),
        ("which key is this in?", [NOCHANGE, K("the reply names the key", lambda c: c.new.key in c.turn.reply)]),
        ("lovely, the board will be pleased. we are finished.", [NOCHANGE]),
    ]),
    ("beekeeper", "l90", "warm folk tune for my honey harvest video, fiddle and acoustic guitar", [
        ("the smoker scene from 0:15 to 0:30 is to busy, calm it down abit",
         [K("fiddle and guitar from the start", lambda c: "fiddle" in names(c.first) and "guitar" in names(c.first)),
          {"energy": {"in": [15, 30], "change": "down"}}, {"unchanged": {"outside": [15, 30]}}]),
        ("add a banjo from the sixth shot on", [{"plays": {"in": [37.5, 90], "instrument": "banjo",
                                                           "playing": True}}]),
        ("the fiddle is drowning the guitar", [{"balance": {"in": [0, 90], "instrument": "guitar", "change": "up"}}]),
        ("slow the last three shots a bit", [{"tempo": {"in": [67.5, 90], "ratio": [0.8, 0.99]}},
                                             {"unchanged": {"outside": [67.5, 90]}}]),
        ("and the same for the first shot", [{"tempo": {"in": [0, 7.5], "ratio": [0.8, 0.99]}}]),
    ]),
    ("streamer", "bikes", "chiptune 8-bit music for a speedrun montage, hype", [
        ("drop at 0:05 pls", [K("opens in chiptune", lambda c: c.first.style == "chiptune"), {"hit": {"at": 5.0}}]),
        ("way faster and add more bass", [{"tempo": {"in": [0, 10], "ratio": [1.1, 1.8]}},
                                          {"balance": {"in": [0, 10], "role": "bass", "change": "up"}}]),
        ("lol too fast now", [{"tempo": {"in": [0, 10], "ratio": [0.6, 0.99]}},
                              K("still faster than before the 'way faster'", lambda c: T(c.new, 1) > T(c.v[1], 1))]),
        ("u can remove the drop", [{"no_hit": {"at": 5.0}}]),
        ("gg thx", [NOCHANGE]),
    ]),
    ("florist", "s30", "romantic french cafe accordion waltz for a wedding bouquet tutorial", [
        ("the second shot feel sad, can it be more happy?",
         [K("an accordion plays from the start", lambda c: "accordion" in names(c.first)),
          K("the second shot changed", lambda c: c.new != c.old), {"unchanged": {"outside": [6, 13]}}]),
        ("swap the accordion for a harp", [K("a harp and no accordion",
                                             lambda c: "harp" in names(c.new) and "accordion" not in names(c.new))]),
        ("I liked the accordion better actually, put it back",
         [K("the accordion and no harp", lambda c: "accordion" in names(c.new) and "harp" not in names(c.new))]),
        ("make the ending fade away softly and the middle a bit louder",
         [K("the ending softer", lambda c: E(c.new, 25.5) < E(c.old, 25.5)),
          K("the middle louder", lambda c: E(c.new, 9.5) > E(c.old, 9.5) or E(c.new, 17) > E(c.old, 17))]),
        ("beautiful, exactly what i wanted", [NOCHANGE]),
    ]),
    ("interpreter", "l64", "gentle ambient music under a sign language storytelling video, it must never distract", [
        ("please no sudden hits anywhere, remove all the accents", [K("no hits left", lambda c: not c.new.hit_points)]),
        ("at 0:40 the story get exciting, little more energy there please",
         [K("more energy at 0:40", lambda c: E(c.new, 44) > E(c.old, 44)), {"unchanged": {"outside": [40, 48]}}]),
        ("between 0:24 and 0:32 I want silence, only the signing",
         [K("no notes from 0:24 to 0:32", lambda c: notes(c, 24.05, 31.95) == 0),
          K("music before 0:24", lambda c: notes(c, 16, 24) > 0)]),
        ("music back at 0:32 like before", [K("music from 0:32", lambda c: notes(c, 32.05, 40) > 0),
                                            K("still silent 0:24-0:32", lambda c: notes(c, 24.05, 31.95) == 0)]),
        ("is the tempo the same all the way through?", [NOCHANGE]),
    ]),
    ("principal", "s45", "an inspiring orchestral piece like a graduation ceremony march for our school year review", [
        ("the begining is to loud, the students are walking in", [{"energy": {"in": [0, 7], "change": "down"}}]),
        ("put a cymbal crash on the 3rd cut and make that part more triumphant",
         [{"hit": {"at": 22.0}}, {"energy": {"in": [22, 30], "change": "up"}}]),
        ("less triumphant, it's a bit much", [{"energy": {"in": [22, 30], "change": "down"}}]),
        ("how many shots does the video have?", [NOCHANGE, says("6", "six")]),
        ("Thank you, this is perfect for Friday's assembly.", [NOCHANGE]),
    ]),
    ("racer", "bikes", "aggressive punk rock for my downhill race clip", [
        ("hit the cuts harder, every cut should slam",
         [K("a crash on every cut", lambda c: all(hit(c.new, t, "crash") for t in (1.2, 3.04, 5.48, 7.48, 9.68)))]),
        ("no guitar in the first shot, just drums",
         [{"plays": {"in": [0, 1.2], "role": "drums", "playing": True}},
          K("no guitar in the first shot", lambda c: not {r for r in effective_roles(c.new, c.new.sections[
              c.new.section_at(0.6)]) if "guitar" in ({**c.new.instrumentation}.get(r) or "").lower()})]),
        ("the bass is to quiet in the last two shots, turn it up abit",
         [{"balance": {"in": [7.48, 10.0], "role": "bass", "change": "up"}}]),
        ("faster in shots 3 and 4 and slower in shot 5",
         [{"tempo": {"in": [3.04, 7.48], "ratio": [1.03, 1.6]}},
          K("shot 5 slower", lambda c: T(c.new, 8.5) < T(c.old, 8.5))]),
        ("sick, thats the one", [NOCHANGE]),
    ]),
    ("jeweller", "s75", "elegant 1920s art deco jazz for a diamond ring commercial", [
        ("the ring close up at 0:21 deserves a sparkle, a soft hit there",
         [K("opens in jazz", lambda c: c.first.style == "jazz"), {"hit": {"at": 21.0}}]),
        ("swap the sax for a clarinet, and make the clarinet a bit softer",
         [K("a clarinet and no sax", lambda c: "clarinet" in names(c.new) and "sax" not in names(c.new)),
          K("the clarinet softer than the sax was", lambda c: role_of(c.new, "clarinet") is not None and
            rel(c.new, 10, role_of(c.new, "clarinet")) < rel(c.old, 10, role_of(c.new, "clarinet")))]),
        ("from 0:45 til the end more sparkle, more energy",
         [{"energy": {"in": [45, 75], "change": "up"}}, {"unchanged": {"outside": [45, 75]}}]),
        ("can we have the version before that last change?", [{"same_as": 2}]),
        ("yes this one. Send it to the client.", [NOCHANGE]),
    ]),
    ("radio", "s66", "a funky 70s morning-show jingle bed, upbeat but it has to sit under my voice", [
        ("the drums are to busy under the talking, make them more simple",
         [K("opens in funk", lambda c: c.first.style == "funk"),
          K("the drums quieter or sparser", lambda c: rel(c.new, 2.5, "drums") < rel(c.old, 2.5, "drums")
            or E(c.new, 2.5) < E(c.old, 2.5))]),
        ("stop everything at 0:33 for the news sting, then come back on the next cut",
         [K("music up to 0:33", lambda c: notes(c, 27.0, 33.0) > 0), K("silent until the next cut", lambda c: notes(c, 33.3, 40.95) == 0),
          K("music again from 0:41", lambda c: notes(c, 41.0, 48.0) > 0)]),
        ("what style is this?", [NOCHANGE, says("funk")]),
        ("louder overall, and a bit quicker", [{"loudness": "up"}, {"tempo": {"in": [0, 66], "ratio": [1.02, 1.3]}}]),
        ("that's a wrap, cheers", [NOCHANGE]),
    ]),
    ("sailor", "s40", "an old sea shanty feel for my sailing memories slideshow, accordion and a stomping beat", [
        ("i want it more slow, like the waves, not in hurry",
         [K("an accordion from the start", lambda c: "accordion" in names(c.first)),
          {"tempo": {"in": [0, 40], "ratio": [0.7, 0.97]}}]),
        ("in the storm part from 0:18 to 0:26 make it darker and louder",
         [{"energy": {"in": [18, 26], "change": "up"}}, {"unchanged": {"outside": [18, 26]}}]),
        ("the accordion too much in front, push it back little",
         [{"balance": {"in": [0, 40], "instrument": "accordion", "change": "down"}}]),
        ("go back to the first version tempo but keep the storm",
         [K("the first tempo", lambda c: abs(T(c.new, 5) - T(c.first, 5)) < 0.6),
          K("the storm kept", lambda c: E(c.new, 22) == E(c.v[2], 22))]),
        ("aye, that'll do. fair winds", [NOCHANGE]),
    ]),
]

XFAIL: dict[tuple[str, int], str] = {
    ("realtor", 5): "'the ending' is the last shot to the product (1:06-1:12), which it reverts; the user meant all they "
                    "changed last turn (0:48 to the end)",
    ("streamer", 1): "'0:05' with a cut inside that second (5.48) lands on the cut, as a player's clock shows it: "
                     "defensible, stricter than the product's rule",
}


@lru_cache(maxsize=None)
def _analysis(clip: str):
    return CLIPS[clip]()


@lru_cache(maxsize=None)
def _run(name: str):
    """Run one dialogue through a real Session: the plans (v[0] the first) and the turns."""
    _, clip, request, turns = next(d for d in DIALOGUES if d[0] == name)
    return talk(_analysis(clip), request, [say for say, _ in turns])


def _fails(name: str, n: int) -> list[str]:
    _, clip, _, turns = next(d for d in DIALOGUES if d[0] == name)
    v, said = _run(name)
    c = C(v[n - 1], v[n], v, said[n - 1], clip)
    out = []
    for chk in turns[n - 1][1]:
        if isinstance(chk, dict):
            try:
                f, _ = check_turn(chk, c.old, c.new, v, c.turn, _analysis(clip),
                                  lambda: (_midi(c.old.model_dump_json(), clip), _midi(c.new.model_dump_json(), clip)))
            except Exception as e:
                f = [f"{type(e).__name__}: {e}"]
            out += f
        else:
            try:
                ok = chk(c)
            except Exception as e:
                ok, chk.label = False, f"{chk.label} ({type(e).__name__}: {e})"
            if not ok:
                out.append(chk.label)
    return out


CASES = [pytest.param(name, n, marks=[pytest.mark.xfail(reason=XFAIL[(name, n)], strict=True)]
                      if (name, n) in XFAIL else [], id=f"{name}-{n}")
         for name, _, _, turns in DIALOGUES for n in range(1, len(turns) + 1)]


@pytest.mark.parametrize("name,n", CASES)
def test_turn(name, n):
    fails = _fails(name, n)
    _, said = _run(name)
    assert not fails, f"{next(d for d in DIALOGUES if d[0] == name)[3][n - 1][0]!r}: {fails} | reply: " \
                      f"{said[n - 1].reply}"
