"""review17: ten long chats (7 turns each) by ten new voices, written before reading any code under agent/ or tools/.

Each chat holds a reference to an earlier turn, a correction, an undo of a turn two back ("put the X back, keep the
rest"), a place said by the picture or by the clock, a shape and a balance or instrument change, in one voice all
through: a Ghanaian football coach dictating, a Japanese salaryman, a Texan rodeo announcer, a deaf vlogger who says
what the music should LOOK like, a Polish plumber (a learner), an Irish grandmother on a tablet (autocorrect), a
quinceanera planner switching Spanish and English, a hospital chaplain, a twelve-year-old minecraft youtuber and a
Dutch architect. The checks are what a careful user expects after each turn, read from the plans (tests/
review_harness.py's readers); every turn's reply must also be honest (tests/dialogue_honesty.py)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from dialogue_honesty import honesty
from review_harness import CLIPS, C, E, L, T, roles, synthetic, talk

CLIPS17 = {**CLIPS, "m40": lambda: synthetic(40.0, (8, 16, 24, 32)),       # shots 0-8, 8-16, 16-24, 24-32, 32-40
           "q48": lambda: synthetic(48.0, (8, 16, 24, 32, 40))}    # shots 0-8 ... 40-48

# ----------------------------------------------------------------------------- a careful user's readings


def part(p, *words):
    """The role whose instrument (or role name) holds one of `words`, else None."""
    for w in words:
        for r, name in p.instrumentation.items():
            if w.lower() in name.lower() or w.lower() == r:
                return r
    return None


def _sample(p, a, b, margin=0.5):
    """Times every 0.5 s of the clip lying outside [a - margin, b + margin]."""
    end = p.sections[-1].end_s
    return [k * 0.5 for k in range(int(end * 2)) if k * 0.5 < a - margin or k * 0.5 > b + margin]


def _sound(p, t):
    s = p.sections[p.section_at(t)]
    return (s.energy, T(p, t), frozenset(roles(p, t)), tuple(sorted((s.levels_db or {}).items())))


def kept(a, b):
    """Nothing heard outside [a, b] changed (energy, tempo, parts, levels)."""
    def f(c):
        return all(_sound(c.old, t) == _sound(c.new, t) for t in _sample(c.old, a, b))
    return f"kept outside {a}-{b}", f


def e(direction, *ts, vs=None):
    """Energy went up/down (or stayed: "same") at each t, against the turn before or against version `vs`."""
    def f(c):
        ref = c.old if vs is None else c.v[vs]
        return all({"up": E(c.new, t) > E(ref, t), "down": E(c.new, t) < E(ref, t),
                    "same": E(c.new, t) == E(ref, t)}[direction] for t in ts)
    return f"energy {direction} at {ts}" + (f" vs v{vs}" if vs is not None else ""), f


def tempo(direction, *ts, vs=None, lo=None, hi=None):
    """Tempo up/down/same at each t, against the turn before or version `vs`; lo/hi bound the ratio."""
    def f(c):
        ref = c.old if vs is None else c.v[vs]
        ok = True
        for t in ts:
            r = T(c.new, t) / T(ref, t)
            ok &= {"up": r > 1.005, "down": r < 0.995, "same": abs(r - 1) < 0.005}[direction]
            ok &= (lo is None or r >= lo) and (hi is None or r <= hi)
        return ok
    return f"tempo {direction} at {ts}" + (f" vs v{vs}" if vs is not None else "") + (f" in {lo}-{hi}" if lo else ""), f


def group(p, *words):
    """Every role whose instrument (or role name) holds one of `words` ("piano" in a piano piece: bass, chords, tune)."""
    return {r for r, name in p.instrumentation.items() for w in words if w.lower() in name.lower() or w.lower() == r}


def level(words, direction, *ts, vs=None):
    """The parts named by one of `words` are louder/quieter at each t against the others, or "same": their own levels
    as they were."""
    words = (words,) if isinstance(words, str) else words

    def f(c):
        ref = c.old if vs is None else c.v[vs]
        g = group(c.new, *words) | group(ref, *words)
        if not g:
            return False

        def rel(p, t):  # the parts' mean level against the mean of the others playing
            ours = [L(p, t, x) for x in g if x in roles(p, t)] or [0.0]
            others = [L(p, t, x) for x in roles(p, t) if x not in g] or [0.0]
            return sum(ours) / len(ours) - sum(others) / len(others)
        if direction == "same":  # put back: each part's own level as it was
            return all(abs(L(c.new, t, x) - L(ref, t, x)) <= 0.01 for x in g for t in ts)
        return all(rel(c.new, t) > rel(ref, t) + 0.01 if direction == "up" else rel(c.new, t) < rel(ref, t) - 0.01
                   for t in ts)
    return f"{words[0]} {direction} at {ts}" + (f" vs v{vs}" if vs is not None else ""), f


def plays(words, yes, *ts):
    """The part named by one of `words` plays (or not) at each t."""
    words = (words,) if isinstance(words, str) else words

    def f(c):
        r = part(c.new, *words)
        return all((r is not None and r in roles(c.new, t)) == yes for t in ts)
    return f"{words[0]} {'plays' if yes else 'silent'} at {ts}", f


def hit(t, tol=0.3):
    return f"hit at {t}", lambda c: any(abs(h.time_s - t) <= tol for h in c.new.hit_points)


def no_hit(t, tol=0.3):
    return f"no hit at {t}", lambda c: not any(abs(h.time_s - t) <= tol for h in c.new.hit_points)


def hit_back(t, tol=0.3):
    """The marks near t are those of the first score (a crash on every cut): the one asked for there taken back."""
    def near(p):
        return sorted((round(h.time_s, 2), h.kind) for h in p.hit_points if abs(h.time_s - t) <= tol)
    return f"marks at {t} as at first", lambda c: near(c.new) == near(c.first)


def rises(*ts):
    """Energy never falls across the times and ends above where it starts (a build)."""
    def f(c):
        es = [E(c.new, t) for t in ts]
        return all(x <= y for x, y in zip(es, es[1:])) and es[-1] > es[0]
    return f"rises across {ts}", f


def either(a, b):
    return f"({a[0]}) or ({b[0]})", lambda c: a[1](c) or b[1](c)


HORNS = ("brass", "horn", "trumpet", "sax")
ASKS = ("asks", lambda c: bool(c.turn.question))

# ----------------------------------------------------------------------------- the chats

DIALOGUES = [
    dict(id="coach", clip="s45", request="chale I want sweet highlife music with horns for my boys training highlights",
         turns=[  # dictated: "comma", "period"; pidgin
             ("okay so at the start when the boys dey come out of the tunnel comma make the horns small small "
              "period soft soft", [level(HORNS, "down", 3), kept(0, 15)]),
             ("from the second cut go reach the end make am faster period the boys dey run there",
              [tempo("up", 18, 35, lo=1.02, hi=1.4), tempo("same", 3, 10)]),
             ("chale not that fast oh comma bring am down small",
              [tempo("down", 18, 35), tempo("up", 18, 35, vs=0), tempo("same", 3, 10)]),
             ("the piano comma push am forward for where we score the goal around 0:31",
              [level("piano", "up", 33), kept(30, 38)]),
             ("same thing you do for the piano do am for the horns but only for the last shot",
              [level(HORNS, "up", 41), kept(38, 45)]),
             ("take back the piano thing comma keep the rest period",
              [level("piano", "same", 33, vs=3), level(HORNS, "same", 41, vs=5), tempo("same", 35)]),
             ("then the whole thing should build build build until the final whistle for the end",
              [rises(3, 11, 18, 26, 34, 41)]),
         ]),
    dict(id="salaryman", clip="l72", request="excuse me, I would like gentle piano music for the farewell video of "
                                             "my manager Tanaka-san, if possible",
         turns=[  # very polite, indirect
             ("Thank you very much. If it is not too much trouble, perhaps the beginning could be a little bit "
              "quieter, where Tanaka-san walks into the office.", [e("down", 3), kept(0, 12)]),
             ("I am sorry to trouble you, but around 0:30, where everyone claps, could there be a small accent?",
              [hit(30)]),
             ("Ah, excuse me, I think my words were not clear. I meant the clapping at 0:36, not 0:30.",
              [hit(36), hit_back(30)]),
             ("Perhaps it would be nice if a cello could join softly in the middle part, from 0:24 to 0:48.",
              [plays("cello", True, 27, 33, 45), plays("cello", False, 9, 60), kept(24, 48)]),
             ("It is very beautiful. Could the same soft treatment as the beginning also be done where his team "
              "gives the flowers, from 0:48 to 0:54, please?", [e("down", 51), kept(48, 54)]),
             ("I wonder if the cello is perhaps a little much. Could we kindly return to no cello, while keeping "
              "the flowers part as it is now?", [plays("cello", False, 27, 33, 45), e("same", 51, vs=5),
                                                 hit(36)]),
             ("Finally, if possible, from 0:54 until the end, the music could slowly grow warmer and fuller, like "
              "feelings rising.", [rises(57, 63, 69), kept(54, 72)]),
         ]),
    dict(id="rodeo", clip="bikes", request="well howdy, gimme some country pickin for this here bike ridin clip",
         turns=[  # Texan rodeo announcer
             ("Right after the second cut, where that feller jumps, I want a big ol' hit, folks!", [hit(3.04, 0.1)]),
             ("Nope, not that'n partner, I meant the third cut", [hit(5.48, 0.1), hit_back(3.04, 0.1)]),
             ("That fiddle's hollerin' louder'n a mule in a hailstorm, rein it in a touch",
              [level("fiddle", "down", 2, 6, 9)]),
             ("Now kick it up faster just for the last few seconds, like a bronc comin' outta the chute",
              [tempo("up", 9, hi=1.4), tempo("same", 2)]),
             ("Put that fiddle back how she was, but leave the speed be",
              [level("fiddle", "same", 2, 6, 9, vs=2), tempo("same", 9, vs=4)]),
             ("Whoa there, that's still too fast at the end, ease off a hair",
              [tempo("down", 9), tempo("up", 9, vs=0), tempo("same", 2)]),
             ("Now build 'er up slow from the openin' gate all the way to the finish line",
              [rises(0.6, 4, 9)]),
         ]),
    dict(id="deaf-vlogger", clip="s30", request="happy upbeat music for my vlog, I caption everything so it should "
                                                "look bouncy",
         turns=[  # says what the music should LOOK like
             ("I watch the waveform in my editor. In the kitchen shot (6 to 13 s) it looks flat, a straight line. "
              "Make it jump more.", [e("up", 9), kept(6, 13)]),
             ("The bass. On the meters it is huge, it takes over the whole screen. Make it smaller.",
              [level("bass", "down", 3, 9, 17, 25)]),
             ("Do the same as the kitchen shot to the last shot too.", [e("up", 25), kept(21, 30)]),
             ("Bass back how it was. Keep the rest.", [level("bass", "same", 3, 9, 17, 25, vs=1), e("same", 9, 25)]),
             ("Last shot: the meter bars hit the top now. Less. Halfway between.",
              [e("down", 25), e("up", 25, vs=2), kept(21, 30)]),
             ("The street shot (13 to 21): I want it to look like it grows, small bars at the start, tall bars "
              "at the end.", [rises(13.5, 20.5), kept(13, 21)]),
             ("Add a xylophone I can see sparkle in the spectrum, only in the kitchen shot.",
              [plays("xylophone", True, 9), plays("xylophone", False, 3, 17, 25)]),
         ]),
    dict(id="plumber", clip="s20", request="rock music for advertisement of my plumbing company",
         turns=[  # Polish learner, few articles
             ("Music is too fast for beginning, when I open door of van. Make slower only there.",
              [tempo("down", 3), tempo("same", 9, 16)]),
             ("When water is coming from pipe, around 10 second, I want big hit there.", [hit(10)]),
             ("No no, not 10, is 12 and half, when pipe is exploding.", [hit(12.5), no_hit(10)]),
             ("Guitar is too loud, I cannot hear my voice. Guitar more quiet please.",
              [either(level("guitar", "down", 3, 9, 16), ASKS)]),
             ("Same like you make beginning slower, make also end slower.",
              [tempo("down", 16), tempo("same", 3, 9)]),
             ("Guitar go back like before, other things keep.",
              [level("guitar", "same", 3, 9, 16, vs=3), tempo("same", 3, 16, vs=5)]),
             ("From start to end music must grow, little by little, like pressure in pipe.",
              [rises(3, 9, 16)]),
         ]),
    dict(id="granny", clip="s45", request="irish folk for family photos",
         turns=[  # on a tablet: autocorrect ("riddle" for fiddle, "quitter" for quieter, "drams" for drums)
             ("Lovely dear. When the grandchildren come running in at the start could it be more lively",
              [e("up", 3), kept(0, 7)]),
             ("Oh no not the start, I meant when they blow out the candles, thats about 0:23",
              [e("same", 3, vs=0), e("up", 26, vs=0), kept(0, 30)]),
             ("Could the riddle be a bit quitter, its very shrill on my tablet", [level("fiddle", "down", 3, 26, 41)]),
             ("And the same again as the candles for the last bit please when we all sing",
              [e("up", 41), kept(38, 45)]),
             ("Put the riddle back the way it was dear but leave everything else",
              [level("fiddle", "same", 3, 26, 41, vs=2), e("same", 26, 41)]),
             ("Could it get slowly bigger and bigger towards the end like a big party", [rises(26, 34, 41)]),
             ("The drams are drownding out the guitar", [either(level("drums", "down", 26), level("guitar", "up", 26))]),
         ]),
    dict(id="quince", clip="q48", request="musica alegre, like a latin pop vibe for la quinceanera de mi sobrina",
         turns=[  # Spanish-English code-switching
             ("Ok so cuando she walks in con su papa, at the very beginning, make it mas suave, like soft",
              [e("down", 4), kept(0, 8)]),
             ("Y en el vals, from 0:16 to 0:32, I want strings, violines, you know",
              [plays(("string", "violin"), True, 20, 28), plays(("string", "violin"), False, 4, 44)]),
             ("y mas rapido for the party part, desde 0:32 hasta el final",
              [tempo("up", 36, 44, hi=1.4), tempo("same", 4, 20)]),
             ("Quita los violines, pero keep the party faster",
              [plays(("string", "violin"), False, 20, 28), tempo("same", 36, 44, vs=3)]),
             ("Ay perdon, no tan rapido, a little less", [tempo("down", 36, 44), tempo("up", 36, 44, vs=2)]),
             ("Lo mismo que hiciste al principio, pero para los ultimos 8 segundos", [e("down", 44), kept(40, 48)]),
             ("From when the chambelanes come in at 0:08 hasta el final del vals at 0:32, que vaya subiendo poco a poco",
              [rises(12, 20, 28), kept(8, 32)]),
         ]),
    dict(id="chaplain", clip="m40", request="soft strings for a memorial video",
         turns=[  # gentle, hedged
             ("I wonder if, perhaps, the opening could feel a little more hushed, as the photographs of her "
              "childhood appear.", [e("down", 4), kept(0, 16)]),
             ("If it's not too much, might the piano come forward slightly where her grandchildren are shown, "
              "around 0:26 or so?", [level("piano", "up", 28), kept(24, 32)]),
             ("Forgive me, I think I was unclear; it was the strings I had hoped might come forward there, "
              "not the piano.", [level("string", "up", 28, vs=1), level("piano", "same", 28, vs=1)]),
             ("Perhaps we might gently let it slow a touch in the last few seconds, as the candle goes out.",
              [tempo("down", 38, lo=0.7), tempo("same", 4, 20)]),
             ("On reflection, I think I'd like the strings as they were before, if that's alright. The slowing "
              "at the end is lovely, though.", [level("string", "same", 28, vs=2), tempo("same", 38, vs=4)]),
             ("And the same hush you gave the opening, could the very end have that as well?",
              [e("down", 36), kept(32, 40)]),
             ("Maybe from her wedding photo, around the 0:16 mark, it could slowly swell toward the grandchildren.",
              [rises(20, 28), e("up", 28), kept(16, 32)]),
         ]),
    dict(id="minecraft", clip="s30", request="chill electronic music for my minecraft video",
         turns=[  # twelve, hyper, caps, gamer words
             ("YOOO ok so when the creeper blows up at like 0:13 i need a MASSIVE BOOM", [hit(13)]),
             ("NO WAIT wrong one the boom is at 0:21 when the creeper explodes not 0:13", [hit(21), hit_back(13)]),
             ("bro the drums r way too loud they r nerfing my voice lol turn them down",
              [level("drums", "down", 3, 10, 17, 25)]),
             ("ok now make the part after the boom go CRAZY fast like speedrun mode",
              [tempo("up", 25), tempo("same", 3, 10, 17)]),
             ("actually put the drums back how they were but keep the speedrun part",
              [level("drums", "same", 3, 10, 17, 25, vs=2), tempo("same", 25, vs=4)]),
             ("ok the speedrun is too op nerf it a bit", [tempo("down", 25), tempo("up", 25, vs=3)]),
             ("and like the start should be chill and then it LEVELS UP slowly till the boom",
              [rises(3, 10, 17)]),
         ]),
    dict(id="architect", clip="l72", request="minimal ambient for an architecture walkthrough",
         turns=[  # direct, precise, metric
             ("The first 12 seconds: reduce the energy by 20 percent. The facade shot needs air.",
              [e("down", 3, 9), kept(0, 12)]),
             ("Between 0:24 and 0:36, the atrium: add a low cello line, quiet.",
              [plays("cello", True, 27, 33), plays("cello", False, 9, 50)]),
             ("Correction: the atrium is 0:30 to 0:42, not 0:24. Move the cello.",
              [plays("cello", True, 33, 39), plays("cello", False, 27, 50)]),
             ("Tempo: 10 percent faster from the staircase at 0:48 until the end.",
              [tempo("up", 51, 69, lo=1.05, hi=1.15), tempo("same", 9, 39)]),
             ("Remove the cello entirely. The tempo change stays.",
              [plays("cello", False, 27, 33, 39), tempo("same", 51, 69, vs=4)]),
             ("From 0:12 to 0:48: a linear build, in steps.", [rises(15, 21, 27, 33, 39, 45), kept(12, 48)]),
             ("Apply the same reduction as the first 12 seconds to the final 12 seconds.",
              [e("down", 63, 69), kept(60, 72)]),
         ]),
]

# ----------------------------------------------------------------------------- one run per chat, one test per turn

# what the product still gets wrong, each with its cause (review17's report)
SPANISH = "Spanish said inside English ('mas suave', 'mas rapido', 'quita los violines', 'no tan rapido', 'lo mismo que') is not read"
XFAIL: dict[tuple[str, int], str] = {
    ("minecraft", 6): "'the speedrun' named 0:21-0:30 only through a simile in turn 4 ('like speedrun mode'); nothing names a place from a simile, so it asks where (it passed before model17 only by a wrong chiptune switch that happened to slow that span)",
    ("coach", 7): "'build until the final whistle for the end': 'for the end' is read as the place, so only the ending rises",
    ("salaryman", 6): "'while keeping the flowers part as it is now' is no kept clause: it is asked about as a place",
    ("salaryman", 7): "'grow warmer and fuller' asks fuller or sparser (the readers part on 'warmer and fuller')",
    ("rodeo", 6): "'ease off a hair' in a clause of its own does not size the step back said before it: below the first tempo",
    ("deaf-vlogger", 1): "'it looks flat, a straight line. Make it jump more': asks faster or more energy",
    ("deaf-vlogger", 3): "turn 1 asked, so 'the kitchen shot' has no edit to repeat: the last edit (the bass) is repeated",
    ("deaf-vlogger", 5): "follows turn 3's wrong repeat",
    ("deaf-vlogger", 7): "'the kitchen shot (6 to 13 s)' is read as its stretch but not kept as a name for later turns",
    ("granny", 3): "autocorrect's real words ('riddle' for fiddle, 'quitter' for quieter) are not mended",
    ("granny", 5): "turn 3 changed nothing, so 'put the riddle back' takes back the last edit instead",
    ("quince", 1): SPANISH, ("quince", 3): SPANISH, ("quince", 4): SPANISH, ("quince", 5): SPANISH, ("quince", 6): SPANISH,
    ("chaplain", 7): "a stretch from a time to a moment shown two turns before ('toward the grandchildren') is asked about",
}


@lru_cache(maxsize=None)
def _run(did):
    d = next(x for x in DIALOGUES if x["id"] == did)
    a = CLIPS17[d["clip"]]()
    v, said = talk(a, d["request"], [s for s, _ in d["turns"]])
    out = []
    for k, (say, checks) in enumerate(d["turns"], 1):
        c = C(v[k - 1], v[k], v[:k + 1], said[k - 1], a)
        fails = [name for name, f in checks if not f(c)]
        dishonest = honesty(said[k - 1], v[k - 1], v[k])
        if dishonest:
            fails.append("dishonest: " + dishonest)
        out.append((say, fails, said[k - 1].reply))
    return out


def test_every_chat_has_seven_turns_in_a_voice_of_its_own():
    assert len(DIALOGUES) == 10 and len({d["id"] for d in DIALOGUES}) == 10
    assert all(len(d["turns"]) == 7 for d in DIALOGUES)


@pytest.mark.parametrize("did, n", [(d["id"], n) for d in DIALOGUES for n in range(1, 8)])
def test_turn(did, n):
    say, fails, reply = _run(did)[n - 1]
    if fails and (did, n) in XFAIL:
        pytest.xfail(XFAIL[(did, n)])
    assert not fails, f"{say!r}: {fails}; reply: {reply}"
