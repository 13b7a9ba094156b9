"""review15: an outside review of LONG chats, written before reading the product's code. Ten personas, seven
turns each; every chat leans on its earlier turns: a reference ("do the same for the last shot"), a correction
("not that much", "I meant the first shot"), an undo of an earlier change that keeps the rest, a place said by
the picture or in words, a shape ("slowly build up to the end") and a balance or instrument change. Three chats
are written with typos or learner grammar. Each turn's checks are what a careful user hears: plan readings at
times inside and outside the place (tests/review_harness.py), never the wording of the reply."""

from __future__ import annotations

from functools import lru_cache

import pytest
from dialogue_balance import rel_db
from review_harness import CLIPS, C, E, L, T, roles, talk

# ----------------------------------------------------------------------------- readings a user hears

FRAGMENTS = {"strings": ("string", "violin", "cello"), "fiddle": ("fiddle", "violin"), "sax": ("sax",),
             "pad": ("pad",), "guitar": ("guitar",)}


def part(p, word):
    """The role playing `word` in the plan (a role's own name, or a piece of its instrument's name), else None."""
    if word in p.instrumentation:
        return word
    frags = FRAGMENTS.get(word, (word,))
    return next((r for r, name in p.instrumentation.items() if any(f in name.lower() for f in frags)), None)


def snap(p, t):
    """Everything heard at t: energy, tempo, parts playing, every part's level."""
    return (round(E(p, t), 3), round(T(p, t), 1), frozenset(roles(p, t)),
            tuple(sorted((r, round(L(p, t, r), 2)) for r in p.instrumentation)))


def plays_(p, word, t):
    r = part(p, word)
    return r is not None and r in roles(p, t)


def rel(p, word, t):
    r = part(p, word)
    return rel_db(p, r, t)[0] if r else None


def kept(*ts):
    return (f"unchanged at {ts}", lambda c: all(snap(c.old, t) == snap(c.new, t) for t in ts))


def as_turn(k, *ts):
    return (f"as after turn {k} at {ts}", lambda c: all(snap(c.v[k], t) == snap(c.new, t) for t in ts))


def up(*ts):
    return (f"more energy at {ts}", lambda c: all(E(c.new, t) > E(c.old, t) for t in ts))


def down(*ts):
    return (f"less energy at {ts}", lambda c: all(E(c.new, t) < E(c.old, t) for t in ts))


def e_kept(*ts):
    return (f"energy kept at {ts}", lambda c: all(E(c.new, t) == E(c.old, t) for t in ts))


def e_as(k, *ts):
    return (f"energy as after turn {k} at {ts}", lambda c: all(E(c.new, t) == E(c.v[k], t) for t in ts))


def tempo(lo, hi, *ts):
    return (f"tempo x{lo}-{hi} at {ts}", lambda c: all(lo <= T(c.new, t) / T(c.old, t) <= hi for t in ts))


def t_kept(*ts):
    return (f"tempo kept at {ts}", lambda c: all(abs(T(c.new, t) - T(c.old, t)) < 0.05 for t in ts))


def t_as(k, *ts):
    return (f"tempo as after turn {k} at {ts}", lambda c: all(abs(T(c.new, t) - T(c.v[k], t)) < 0.05 for t in ts))


def faster_than(k, *ts):
    return (f"faster than after turn {k} at {ts}", lambda c: all(T(c.new, t) > T(c.v[k], t) + 0.05 for t in ts))


def bpm(x, *ts):
    return (f"{x} bpm at {ts}", lambda c: all(abs(T(c.new, t) - x) <= 3 for t in ts))


def plays(word, *ts):
    return (f"{word} plays at {ts}", lambda c: all(plays_(c.new, word, t) for t in ts))


def silent(word, *ts):
    return (f"no {word} at {ts}", lambda c: not any(plays_(c.new, word, t) for t in ts))


def softer(word, *ts):
    return (f"{word} softer at {ts}", lambda c: all(rel(c.new, word, t) < rel(c.old, word, t) for t in ts))


def louder(word, *ts):
    return (f"{word} louder at {ts}", lambda c: all(rel(c.new, word, t) > rel(c.old, word, t) for t in ts))


def lvl_as(k, word, *ts):
    """The part's own level (dB, not against the others: a correction may move the others too) as turn k left it."""
    return (f"{word} level as after turn {k} at {ts}",
            lambda c: all(abs(L(c.new, t, part(c.new, word)) - L(c.v[k], t, part(c.v[k], word))) < 0.01 for t in ts))


def partway(word, lo_turn, hi_turn, *ts):
    """The level sits strictly between what two earlier turns left ("not that much")."""
    return (f"{word} level between turns {lo_turn} and {hi_turn} at {ts}",
            lambda c: all(rel(c.v[lo_turn], word, t) < rel(c.new, word, t) < rel(c.v[hi_turn], word, t) for t in ts))


def hit(t, kind=None):
    return (f"a {kind or 'hit'} at {t}", lambda c: any(abs(h.time_s - t) < 0.1 and (kind is None or h.kind == kind)
                                                     for h in c.new.hit_points))


def no_hit(t, kind):
    return (f"no {kind} at {t}", lambda c: not any(abs(h.time_s - t) < 0.1 and h.kind == kind for h in c.new.hit_points))


def rises(*ts):
    def ok(c):
        es = [E(c.new, t) for t in ts]
        return es[-1] > es[0] and all(x <= y for x, y in zip(es, es[1:]))
    return (f"energy rises across {ts}", ok)


def falls(*ts):
    def ok(c):
        es = [E(c.new, t) for t in ts]
        return es[-1] < es[0] and all(x >= y for x, y in zip(es, es[1:]))
    return (f"energy falls across {ts}", ok)


def acts():
    return ("the turn changed the plan (no question)", lambda c: c.new != c.old and not c.turn.question)


# ----------------------------------------------------------------------------- the chats
# s45: shots 0-7, 7-15, 15-22, 22-30, 30-38, 38-45; s30: 0-6, 6-13, 13-21, 21-30; s20: 0-7, 7-12.5, 12.5-20;
# l72: a cut every 6 s; bikes: 10 s, cuts at 1.2, 3.04, 5.48, 7.48, 9.68 s.

S45 = (3.5, 11, 18.5, 26, 34, 41.5)
S30 = (3, 9.5, 17, 25.5)

CHATS = {
    "wildlife": ("s45", "gentle orchestral score for a wildlife documentary about otters", [
        ("The otters start playing in the third shot, can the music get more lively there?",
         [up(18.5), kept(3.5, 11, 26, 34, 41.5)]),
        ("do the same for the last shot", [up(41.5), kept(3.5, 11, 18.5, 26, 34)]),
        ("add a flute over the whole thing", [plays("flute", *S45), e_kept(*S45)]),
        ("now slowly build up from the fourth shot to the end", [rises(26, 34, 41.5), e_kept(3.5, 11, 18.5),
                                                                 plays("flute", 26, 41.5)]),
        ("take back the flute, keep the build", [silent("flute", *S45), e_kept(*S45)]),
        ("the strings are a bit loud in the second shot, bring them down there",
         [softer("strings", 11), kept(3.5, 18.5, 26), e_kept(*S45)]),
        ("no sorry, I meant the first shot, not the second",
         [lvl_as(5, "strings", 11), softer("strings", 3.5), e_kept(*S45)]),
    ]),
    "drama": ("s30", "fun playful music for our high school drama club trailer", [
        ("make the first shot calmer, it's just the curtain opening", [down(3), kept(9.5, 17, 25.5)]),
        ("around 0:17 the lead actor bows, put a hit right there", [hit(17), e_kept(*S30), t_kept(*S30)]),
        ("make the second and third shots a bit faster", [tempo(1.03, 1.35, 9.5, 17), t_kept(3, 25.5), hit(17)]),
        ("no, not both, I meant just the third shot", [t_as(2, 9.5), t_kept(17), faster_than(0, 17), t_kept(3, 25.5)]),
        ("add a piano to the last shot", [plays("piano", 25.5), t_kept(*S30), e_kept(3, 9.5, 17)]),
        ("undo the tempo thing, keep the piano", [t_as(0, 9.5, 17), t_kept(3, 25.5), plays("piano", 25.5), hit(17)]),
        ("slowly build up from the bow at 0:17 to the end", [rises(18, 22, 26, 29.5), e_kept(3, 9.5),
                                                              plays("piano", 25.5)]),
    ]),
    "house": ("l72", "light upbeat acoustic music for a house tour video", [
        ("The kitchen is from 0:24 to 0:36, can the music have a bit more energy there",
         [up(27, 33), kept(3, 21, 39, 69)]),
        ("and take the drums out while we're in the garden, that's the last 12 seconds",
         [silent("drums", 63, 69), plays("drums", 3, 27, 45), e_kept(3, 27, 45)]),
        ("the fiddle is too loud overall", [softer("fiddle", 3, 27, 45), e_kept(3, 27, 45, 69)]),
        ("no, not that much, just a little", [partway("fiddle", 3, 2, 3, 27, 45), e_kept(3, 27, 45, 69)]),
        ("same thing you did for the kitchen, but for the master bedroom from 0:48 to 0:54",
         [up(51), kept(3, 27, 45, 57)]),
        ("actually forget the drum thing from before, keep the drums everywhere",
         [plays("drums", 3, 45, 63, 69), e_kept(3, 27, 51, 69), lvl_as(5, "fiddle", 3, 27)]),
        ("slowly wind down from 1:00 to the end", [falls(61, 64, 67, 71), e_kept(3, 27, 51), plays("drums", 63)]),
    ]),
    "skate": ("bikes", "punk rock for my skate shop promo", [
        ("can u make it more agressive after the 3rd cut", [up(7.7), kept(0.6, 2.2, 4.2)]),
        ("and a big crash rigth on the first cut", [hit(1.2, "crash"), e_kept(0.6, 4.2, 7.7)]),
        ("the bass is to loud, turn it down abit", [softer("bass", 2.2, 7.7), e_kept(0.6, 4.2, 7.7)]),
        ("no not the bass i ment the drums", [lvl_as(2, "bass", 2.2, 7.7), softer("drums", 2.2, 7.7)]),
        ("do the same slam like u did after the 3rd cut but for the begining", [up(0.6), e_kept(7.7)]),
        ("take back the crash, keep evrything else", [no_hit(1.2, "crash"), e_kept(0.6, 4.2, 7.7),
                                                      lvl_as(5, "drums", 2.2, 7.7)]),
        ("build up slowly from the 2nd cut to the end", [rises(3.5, 6, 8, 9.5), e_kept(0.6, 2.2)]),
    ]),
    "nurse": ("s30", "calm neutral background music for a hand washing training video for nurses", [
        ("add a gentle chime at 0:09 when the tap turns off", [hit(9), e_kept(*S30), t_kept(*S30)]),
        ("the celesta is a bit distracting, make it quieter", [softer("celesta", 17, 25), e_kept(5, 17, 25)]),
        ("can the middle part from 0:13 to 0:21 be a little slower, that's the hard step",
         [tempo(0.75, 0.98, 17), t_kept(5, 25), hit(9)]),
        ("no, not slower, I meant calmer", [t_as(2, *S30), down(17), e_kept(5, 25)]),
        ("same as you did for the middle, but for the last part too", [down(25), e_kept(5, 17), t_kept(5, 17, 25)]),
        ("undo the celesta change, keep the rest", [lvl_as(0, "celesta", 5, 17, 25), e_kept(5, 17, 25)]),
        ("let it swell gently up to the end in the last part", [rises(22, 26, 29.5), e_kept(5, 17)]),
    ]),
    "sailor": ("s45", "something like a sea shanty for my sailing video", [
        ("when the storm come, it is the fourth shot, music must be more strong", [up(26), kept(3.5, 11, 18.5, 34, 41.5)]),
        ("also the accordion please, in all the song", [plays("accordion", *S45), e_kept(*S45)]),
        ("the storm I say is the fourth and fifth shot, not only fourth", [up(34), e_kept(3.5, 11, 18.5, 26, 41.5)]),
        ("the fiddle is too much, more soft please", [softer("fiddle", 3.5, 26, 41.5), e_kept(*S45)]),
        ("take away the accordion, the rest keep", [silent("accordion", *S45), e_kept(*S45),
                                                    lvl_as(4, "fiddle", 3.5, 26)]),
        ("after the storm, last shot, the music go slowly more quiet until the end",
         [falls(39, 42, 44.5), e_kept(3.5, 11, 18.5, 26, 34)]),
        ("and make the first shot also a little quieter, like you did at the end", [down(3.5), e_kept(11, 18.5, 26, 34)]),
    ]),
    "bakery": ("s20", "warm cozy jazz for my bakery ad", [
        ("It's a bit fast for a bakery, slow it down a little", [tempo(0.75, 0.97, 3.5, 9.75, 16.25)]),
        ("swap the sax for a clarinet", [plays("clarinet", 3.5, 16.25), silent("sax", 3.5, 16.25), t_kept(3.5, 16.25)]),
        ("more energy in the second shot, that's when the croissants come out of the oven",
         [up(9.75), kept(3.5, 16.25)]),
        ("no wait, I meant the last shot, not the second", [e_as(2, 9.75), up(16.25), e_kept(3.5)]),
        ("put the sax back the way it was at the start", [plays("sax", 3.5, 16.25), silent("clarinet", 3.5, 16.25),
                                                          e_kept(3.5, 9.75, 16.25), t_kept(3.5, 16.25)]),
        ("the drums are too busy in the first shot, bring them down there",
         [softer("drums", 3.5), kept(9.75, 16.25)]),
        ("now build it up slowly to the end", [rises(3.5, 9.75, 16.25), t_kept(3.5, 9.75, 16.25)]),
    ]),
    "gamejam": ("s30", "8-bit chiptune for our game jam trailer", [
        ("the boss shows up at 0:13, put a big hit there and make everything after it more intense",
         [hit(13), up(17, 25.5), kept(3, 9.5)]),
        ("the title card is the first 6 seconds, no drums there", [silent("drums", 3), plays("drums", 9.5, 17)]),
        ("make the boss part faster, like 170 bpm", [bpm(170, 17, 25.5), t_kept(3, 9.5)]),
        ("hmm too fast, not that much, go 160", [bpm(160, 17, 25.5), t_kept(3, 9.5)]),
        ("bring back the drums in the title, keep the tempo", [plays("drums", 3), bpm(160, 17, 25.5)]),
        ("the bass is too quiet during the boss fight", [louder("bass", 17, 25.5), kept(3, 9.5)]),
        ("slowly build up from the start to the boss at 0:13", [rises(1, 5, 9.5, 12.5), kept(17, 25.5)]),
    ]),
    "memorial": ("l72", "soft piano for a memorial slideshow of my grandmother", [
        ("it feels too quick, slower please, it's for a funeral", [tempo(0.6, 0.95, 3, 33, 69)]),
        ("add soft strings behind the piano from 0:30 on, that's when her wedding photos start",
         [plays("strings", 33, 51, 69), silent("strings", 3, 27), t_kept(3, 33)]),
        ("the strings are too loud, they cover the piano", [softer("strings", 33, 69), plays("strings", 33)]),
        ("not that much, I can barely hear them now", [partway("strings", 3, 2, 33, 69)]),
        ("let it slowly grow from 0:30 to 0:54", [rises(33, 39, 45, 51), e_kept(3, 27, 57, 69)]),
        ("for the last photo, the final 6 seconds, make it like the start, just piano",
         [silent("strings", 69), plays("strings", 51), e_kept(33, 51)]),
        ("take back the build, keep the strings and the quiet ending",
         [e_as(4, 33, 39, 45, 51), plays("strings", 51), silent("strings", 69)]),
    ]),
    "kite": ("s30", "energetic electronic music for my kite surfing clip", [
        ("the big jump is at 0:17, put a massive hit on it", [hit(17), e_kept(*S30)]),
        ("the synth pad is to loud, lower it pls", [softer("pad", 3, 17, 25.5), e_kept(*S30)]),
        ("make the start calmer, befor my first trick at 0:06", [down(3), kept(9.5, 17, 25.5)]),
        ("not that calm, its to sleepy now", [("energy between turns 3 and 2 at 3",
                                               lambda c: E(c.v[3], 3) < E(c.new, 3) < E(c.v[2], 3)),
                                              e_kept(9.5, 17, 25.5)]),
        ("bring the pad back how it was, keep the rest", [lvl_as(1, "pad", 3, 17, 25.5), e_kept(*S30)]),
        ("speed up the part after the jump abit", [tempo(1.02, 1.3, 18, 25.5), t_kept(3, 9.5)]),
        ("build up slowly to the end in the part you just sped up",
         [rises(18, 22, 26, 29.5), e_kept(3, 9.5), t_kept(18, 25.5)]),
    ]),
}

XFAIL: dict[tuple[str, int], str] = {
    ("sailor", 3): "a place corrected by widening it in learner words ('is the fourth and fifth shot, not only fourth') asks",
    ("gamejam", 4): "a new value for the last tempo edit ('too fast, not that much, go 160') is set everywhere (left15d), not only in the boss part the last edit set",
    ("memorial", 6): "'make it like the start' takes the start as the place; copying one place's sound to another is unread",
    ("memorial", 7): "the ending's strings were never taken out (turn 6); the build is taken back right",
}


@lru_cache(maxsize=None)
def run(name):
    clip, request, turns = CHATS[name]
    a = CLIPS[clip]()
    v, said = talk(a, request, [say for say, _ in turns])
    return v, said, a


CASES = [pytest.param(name, k, id=f"{name}-{k}",
                      marks=[pytest.mark.xfail(reason=XFAIL[(name, k)], strict=True)] if (name, k) in XFAIL else [])
         for name, (_, _, turns) in CHATS.items() for k in range(1, len(turns) + 1)]


@pytest.mark.parametrize("name, k", CASES)
def test_a_long_chat_turn(name, k):
    v, said, a = run(name)
    say, checks = CHATS[name][2][k - 1]
    c = C(v[k - 1], v[k], v, said[k - 1], a)
    failed = [label for label, ok in [acts(), *checks] if not _safe(ok, c)]
    assert not failed, f"{say!r}: {failed}; reply: {said[k - 1].reply!r}; question: {said[k - 1].question!r}"


def _safe(ok, c):
    try:
        return bool(ok(c))
    except Exception:  # a part missing where it is read: the check fails
        return False
