"""review14b: an independent review of first requests and short chats, written before reading any code under agent/.

(A) 40 openings as people who never saw v2m would open: styles by culture, era, purpose, screen genre, mood, tempo
words, instruments wanted or not, typos and learner grammar, two requests in one. Each is checked the way a careful
user hears the first score: the style family (any of a few that fit), the tempo range, the instruments present or
absent, the mode or meter where said.
(B) 8 short dialogues of 4 turns continuing some of those openings, by personas not used before (a hospice volunteer,
a chess streamer, a fashion student, a farmer selling eggs online, a church sound tech, a climbing gym owner, a sushi
chef, a model-railway hobbyist). Each turn is a test of its own (the dialogue runs once)."""

from __future__ import annotations

import pytest
from review_harness import CLIPS, E, T, roles, talk

# ----------------------------------------------------------------------------- what a careful user hears


def _times(p):
    """The middle of each section with music."""
    return [(s.start_s + s.end_s) / 2 for s in p.sections if s.music]


def playing_names(p, t=None) -> list[str]:
    """The instrument names of the parts that play (at t, or anywhere)."""
    at = [t] if t is not None else _times(p)
    rs = set().union(*(roles(p, x) for x in at)) if at else set()
    return [p.instrumentation.get(r, r).lower() + f" ({r})" for r in rs]


def hears(p, words, t=None) -> bool:
    """One of `words` names a part that plays (its instrument name or its role)."""
    return any(w in n for n in playing_names(p, t) for w in words)


def drumless(p, t=None) -> bool:
    at = [t] if t is not None else _times(p)
    return not any(roles(p, x) & {"drums", "percussion"} for x in at)


def check_opening(p, want: dict) -> list[str]:
    bad = []
    if "styles" in want and p.style not in want["styles"]:
        bad.append(f"style {p.style} not in {want['styles']}")
    if "tempo" in want:
        lo, hi = want["tempo"]
        if not lo <= p.tempo_bpm <= hi:
            bad.append(f"tempo {p.tempo_bpm:.0f} not in {lo}-{hi}")
    for words in want.get("has", []):
        if not hears(p, words):
            bad.append(f"no {words[0]} among {playing_names(p)}")
    for words in want.get("lacks", []):
        if hears(p, words):
            bad.append(f"{words[0]} plays: {playing_names(p)}")
    if want.get("no_drums") and not drumless(p):
        bad.append(f"drums play: {playing_names(p)}")
    if "mode" in want and p.mode not in want["mode"]:
        bad.append(f"mode {p.mode} not in {want['mode']}")
    if "meter" in want and p.meter != want["meter"]:
        bad.append(f"meter {p.meter}")
    return bad


MINOR = ("minor", "dorian", "phrygian")
MAJOR = ("major", "mixolydian", "lydian")
GUITAR, PIANO, DRUMS = ("guitar",), ("piano",), ("drum", "(drums)", "(percussion)")
STRINGS = ("string", "violin", "cello", "viola", "(strings)")

# (clip, request, what a careful user expects); * typo or learner grammar, + two requests in one
OPENINGS = [
    ("s30", "somthing relaxing with guitar no drum pls",                             # * +
     dict(styles=("folk", "ambient", "lofi", "bossa", "classical"), tempo=(50, 100), has=[GUITAR], no_drums=True)),
    ("s30", "jazz but slow and no drums",                                            # +
     dict(styles=("jazz",), tempo=(50, 110), no_drums=True)),
    ("bikes", "something for a 90s skate video, fast",                               # +
     dict(styles=("rock", "electronic", "funk"), tempo=(125, 200))),
    ("s45", "music for a cooking show, cheerful",
     dict(styles=("jazz", "bossa", "folk", "funk", "classical", "silent_film", "reggae"), mode=MAJOR, tempo=(95, 180))),
    ("s30", "sad piano for a memorial slidshow",                                     # *
     dict(styles=("classical", "ambient", "cinematic", "lofi"), has=[PIANO], mode=MINOR, tempo=(40, 90))),
    ("bikes", "epic music like a movie trailer, with big drums",
     dict(styles=("epic_trailer", "cinematic"), has=[DRUMS])),
    ("s30", "spooky halloween music for kids",
     dict(styles=("cinematic", "silent_film", "classical", "chiptune", "ambient"), mode=MINOR)),
    ("l72", "chill lofi beat for studying",
     dict(styles=("lofi",), tempo=(60, 95), has=[DRUMS])),
    ("s45", "i want the music sound like old western movie",                         # *
     dict(styles=("western",))),
    ("bikes", "80s synth, driving, like a night drive in the city",
     dict(styles=("synthwave",), tempo=(95, 130))),
    ("s30", "bossa nova for a cafe, no drums pls just guitar and bass",              # +
     dict(styles=("bossa",), has=[GUITAR, ("bass",)], no_drums=True)),
    ("s20", "a tango for a dance video",
     dict(styles=("tango",))),
    ("s30", "regae vibes for beach trip",                                            # *
     dict(styles=("reggae",), mode=MAJOR)),
    ("s45", "marching band music for a school parade",
     dict(styles=("marching_band",), tempo=(100, 140))),
    ("s20", "retro video game music, 8 bit",
     dict(styles=("chiptune",))),
    ("s30", "church style music with organ for a wedding",
     dict(styles=("gospel", "classical"), has=[("organ",)], mode=MAJOR)),
    ("l72", "calm ambient pad, no beat, for a meditation app",                       # +
     dict(styles=("ambient",), tempo=(40, 85), no_drums=True)),
    ("s30", "funky bass groove for a sneaker ad",
     dict(styles=("funk",), has=[("bass",)])),
    ("s45", "a blues shuffle, slow and dirty",
     dict(styles=("blues",), tempo=(50, 90))),
    ("s30", "piano music like a 1920s silent comedy",
     dict(styles=("silent_film",), has=[PIANO])),
    ("s30", "irish folk whit fiddle, upbeat",                                        # *
     dict(styles=("folk",), has=[("fiddle", "violin")], tempo=(105, 180))),
    ("bikes", "heavy rock with electric guitar for a motocross clip",
     dict(styles=("rock",), has=[GUITAR], tempo=(115, 200))),
    ("s45", "classical strings, like a period drama",
     dict(styles=("classical", "cinematic"), has=[STRINGS])),
    ("l72", "something tense for a thriller, minor key, slow build",                 # +
     dict(styles=("cinematic", "ambient", "epic_trailer"), mode=MINOR)),
    ("s20", "happy ukulele for a baby video",
     dict(has=[("ukulele", "guitar")], mode=MAJOR, lacks=[("distortion", "overdriven")])),
    ("s30", "techno, hard and fast, 130 bpm",
     dict(styles=("electronic",), tempo=(126, 134), has=[DRUMS])),
    ("l72", "soundtrack for a nature documentary, gentel, with flute",               # *
     dict(styles=("cinematic", "ambient", "classical", "folk"), has=[("flute",)], tempo=(40, 105))),
    ("s30", "gospel choir feel for a sunday service recap video",
     dict(styles=("gospel",))),
    ("s30", "no music with drums. only piano, sad",                                  # * +
     dict(has=[PIANO], no_drums=True, mode=MINOR)),
    ("s45", "musik for my wedding video but not classical, more jazzy",              # * +
     dict(styles=("jazz",))),
    ("bikes", "upbeat electronic for a tech product launch, no guitar",              # +
     dict(styles=("electronic", "synthwave"), lacks=[GUITAR], tempo=(110, 180))),
    ("s30", "a slow waltz",
     dict(styles=("classical",), meter="3/4", tempo=(50, 110))),
    ("s45", "spaghetti western standoff music with trumpet",
     dict(styles=("western",), has=[("trumpet",)])),
    ("l72", "relaxing lo-fi hip hop, rainy day vibe, 75 bpm",
     dict(styles=("lofi",), tempo=(72, 78))),
    ("s45", "soundtrack for a tense heist movie, fast, no vocals",                   # +
     dict(styles=("cinematic", "funk", "jazz", "epic_trailer", "electronic"), mode=MINOR, tempo=(115, 200))),
    ("s20", "cheerful kids cartoon music with xylophone",
     dict(has=[("xylophone",)], mode=MAJOR)),
    ("bikes", "a dark synthwave track for a cyberpunk city, slow",                   # +
     dict(styles=("synthwave",), mode=MINOR, tempo=(60, 100))),
    ("s45", "i need backround music for a real estate tour, light and positive, not to loud",   # *
     dict(styles=("jazz", "bossa", "lofi", "folk", "ambient", "classical", "electronic", "gospel"), mode=MAJOR,
          lacks=[("distortion", "overdriven")])),
    ("s30", "brazilian samba feeling for football highlights, fast",                 # +
     dict(styles=("bossa",), tempo=(120, 200))),
    ("l72", "music for a yoga video, soft, withou any percusion, maybe some sitar",  # * +
     dict(styles=("ambient", "classical", "folk", "lofi"), has=[("sitar",)], no_drums=True, tempo=(40, 100))),
]


@pytest.mark.parametrize("clip, asked, want", OPENINGS, ids=[o[1][:40] for o in OPENINGS])
def test_an_opening_sounds_like_what_was_asked(clip, asked, want):
    v, _ = talk(CLIPS[clip](), asked, [])
    p = v[0]
    bad = check_opening(p, want)
    assert not bad, f"{asked!r}: {bad} (style {p.style}, {p.tempo_bpm:.0f} bpm, {p.mode}, {p.instrumentation})"


# ----------------------------------------------------------------------------- short dialogues


def _no_drums_in(a, b):
    def check(c):
        return all(drumless(c.new, t) for t in (a + 0.3, (a + b) / 2, b - 0.3))
    return check


def _same_outside(a, b):
    def check(c):
        return all(E(c.new, t) == E(c.old, t) and T(c.new, t) == T(c.old, t) and roles(c.new, t) == roles(c.old, t)
                   for t in (x + 0.5 for x in range(int(c.new.duration_s))) if not a <= t <= b)
    return check


def _hit_near(t, tol=0.3):
    return lambda c: any(abs(h.time_s - t) <= tol for h in c.new.hit_points) and len(c.new.hit_points) >= len(
        c.old.hit_points)


def _level(p, words, t):
    """The level offset (dB) of the part an instrument word names, at t (None: no such part)."""
    role = next((r for r, n in p.instrumentation.items() if any(w in n.lower() for w in words)), None)
    if role is None:
        role = next((w for w in words if w in p.instrumentation), None)
    if role is None:
        return None
    return (p.sections[p.section_at(t)].levels_db or {}).get(role, 0.0)


def _unchanged(c):
    return c.new == c.old


def _all(*checks):
    return lambda c: all(k(c) for k in checks)


# (persona, clip, opening, [(said, check(C) -> bool), ...])
DIALOGUES = [
    ("hospice volunteer", "s30", "sad piano for a memorial slidshow", [
        ("its a bit too sad, she loved life, can it be a little warmer",
         lambda c: c.new.mode in MAJOR or T(c.new, 3) > T(c.old, 3) or E(c.new, 3) > E(c.old, 3)),
        ("could we add some soft strings under the piano",
         lambda c: hears(c.new, STRINGS) and hears(c.new, PIANO)),
        ("the last photo is her grandchildren, let it end gently",
         _all(lambda c: E(c.new, 28) < E(c.old, 28) or c.new.sections[-1].end_s - c.new.sections[-1].start_s < 9.5,
              lambda c: E(c.new, 3) == E(c.old, 3))),
        ("that's lovely, thank you", _unchanged),
    ]),
    ("chess streamer", "l72", "chill lofi beat for studying", [
        ("this is for my chess stream, the drums are a bit distracting, turn them down",
         lambda c: all((_level(c.new, ("(drums)", "drums"), t) or 0) < 0 or not roles(c.new, t) & {"drums"}
                       for t in (5, 35, 65))),
        ("when i blunder at 0:30 put a little accent there", _hit_near(30.0)),
        ("a bit faster overall", lambda c: T(c.new, 10) > T(c.old, 10) and T(c.new, 60) > T(c.old, 60)),
        ("undo that", lambda c: c.new == c.v[2]),
    ]),
    ("fashion student", "s45", "80s synth, driving, like a night drive in the city", [
        ("for my runway video, punchier drums please",
         lambda c: (_level(c.new, ("drum", "drums"), 10) or 0) > (_level(c.old, ("drum", "drums"), 10) or 0)
         or E(c.new, 10) > E(c.old, 10)),
        ("in the third shot the model turns, hit that cut hard", _hit_near(15.0)),
        ("slower tempo pls, more like catwalk pace", lambda c: T(c.new, 20) < T(c.old, 20)),
        ("can the ending be just synths without the drums",
         _all(_no_drums_in(38, 45), lambda c: not drumless(c.new, 20))),
    ]),
    ("farmer selling eggs online", "bikes", "happy ukulele for a baby video", [
        ("actually it's for selling my eggs online, the ukulele is too childish, use a banjo instead",
         lambda c: hears(c.new, ("banjo",))),
        ("add some light drums", lambda c: not drumless(c.new)),
        ("a little slower", lambda c: T(c.new, 5) < T(c.old, 5)),
        ("go back to the speed it was before", lambda c: T(c.new, 5) == T(c.v[2], 5)),
    ]),
    ("church sound tech", "s30", "church style music with organ for a wedding", [
        ("the organ is way too loud in the mix compared to the rest",
         lambda c: (_level(c.new, ("organ",), 10) or 0) < (_level(c.old, ("organ",), 10) or 0)),
        ("can you take it up a little, it drags", lambda c: T(c.new, 10) > T(c.old, 10)),
        ("no drums in the first shot, the bride is walking in",
         _all(_no_drums_in(0, 6), _same_outside(0, 6))),
        ("what key is this in?", lambda c: c.new == c.old and c.new.key in c.turn.reply),
    ]),
    ("climbing gym owner", "l72", "heavy rock with electric guitar for a motocross clip", [
        ("this is for my climbing gym promo actually, keep the rock but less aggressive",
         lambda c: c.new.style == "rock" and (E(c.new, 30) < E(c.old, 30) or T(c.new, 30) < T(c.old, 30))),
        ("the top-out is at 1:00, make that the biggest moment",
         lambda c: _hit_near(60.0, 0.5)(c) or E(c.new, 61) >= max(E(c.new, t) for t in range(0, 72, 3))
         and E(c.new, 61) > E(c.old, 61)),
        ("drop the bass out in the first 12 seconds",
         _all(lambda c: "bass" not in roles(c.new, 3) | roles(c.new, 9), lambda c: "bass" in roles(c.new, 30))),
        ("and the end should fade out", lambda c: E(c.new, 71) < E(c.old, 71) or c.new.sections[-1].energy <
         c.old.sections[-1].energy),
    ]),
    ("sushi chef", "s20", "music for a cooking show, cheerful", [
        ("its for my sushi counter, can it feel more japanese, like with a koto", lambda c: hears(c.new, ("koto",))),
        ("slower please, the knife work is slow and careful", lambda c: T(c.new, 10) < T(c.old, 10)),
        ("no drums at all", _all(lambda c: drumless(c.new), lambda c: hears(c.new, ("koto",)))),
        ("little bit louder the koto",
         lambda c: (_level(c.new, ("koto",), 10) or 0) > (_level(c.old, ("koto",), 10) or 0)),
    ]),
    ("model-railway hobbyist", "s45", "i want the music sound like old western movie", [
        ("the train goes into the tunnel at 0:22, can the music go quiet there",
         _all(lambda c: E(c.new, 25) < E(c.old, 25), lambda c: E(c.new, 10) == E(c.old, 10))),
        ("it comes out at 0:30, then big again", lambda c: E(c.new, 33) > E(c.new, 25)),
        ("maybe a bit of harmonica?", lambda c: hears(c.new, ("harmonica",))),
        ("can the whole thing be a touch faster, like a steam train",
         lambda c: T(c.new, 5) > T(c.old, 5) and T(c.new, 40) > T(c.old, 40)),
    ]),
]

_RUNS: dict = {}


def _run(k):
    if k not in _RUNS:
        _persona, clip, opening, turns = DIALOGUES[k]
        _RUNS[k] = talk(CLIPS[clip](), opening, [s for s, _ in turns])
    return _RUNS[k]


TURNS = [(k, n) for k in range(len(DIALOGUES)) for n in range(4)]


@pytest.mark.parametrize("k, n", TURNS, ids=[f"{DIALOGUES[k][0]}-{n + 1}" for k, n in TURNS])
def test_a_short_chat_turn_does_what_was_said(k, n):
    from review_harness import C

    v, said = _run(k)
    say, check = DIALOGUES[k][3][n]
    c = C(v[n], v[n + 1], v, said[n])
    assert check(c), f"{DIALOGUES[k][0]} {say!r}: {said[n].reply!r} / {said[n].question!r}"
