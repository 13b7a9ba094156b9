"""The eleventh outside review: 100 chat turns, 20 dialogues of 5 turns, written in the reviewer's own words BEFORE
reading any code under agent/, as people who had not talked to v2m before would: a podcast producer, a real-estate
agent, a dance teacher, a game streamer, a museum curator, a grandparent making a slideshow, a sports coach and a
student filmmaker whose third language is English. The real bikes clip (analysed: cuts at 1.2, 3.04, 5.48, 7.48 and
9.68 s) and synthetic clips, eight of them longer than a minute with 7 to 11 cuts. Openings name a style by culture,
era or purpose; turns lean on the one before ("more", "a bit less than that", "same for the last shot", "no, shot 2"),
point back at versions, place hits and stops at times and cuts, ask about the score, balance and swap parts, ask
two things at once, thank and sign off, with typos and learner grammar. Each dialogue runs once through a real
Session; every turn is its own test, checked in the state the dialogue really left. Run first on main at 59acb3d:
70/100 turns and 16/20 openings as a careful user expects; after the fixes 96/100 and 19/20 (`XFAIL` says why not)."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from edit_clips import long_clip
from review_harness import CLIPS as SHARED
from review_harness import C, E, L, T, roles, synthetic, talk

CLIPS = {**SHARED,                                                           # s30, l72 (12 shots), bikes...
         "l64": lambda: synthetic(64.0, (5, 14, 22, 30, 41, 50, 57)),        # 8 shots
         "l90": lambda: synthetic(90.0, (8, 20, 31, 45, 52, 60, 71, 80)),    # 9 shots
         "l120": lambda: long_clip(120.0, 10.0)}                             # a cut every 10 s, 12 shots
BIKE_CUTS = (1.2, 3.04, 5.48, 7.48, 9.68)


# ----------------------------------------------------------------------------- what a user hears

def role(p, word):
    """The part a user means by `word`: its role name, or the role whose instrument's name holds the word."""
    word = word.lower()
    if word in p.instrumentation:
        return word
    return next((r for r, n in p.instrumentation.items() if word in n.lower()), None)


def lvl(p, t, word):
    r = role(p, word)
    return L(p, t, r) if r else None


def rel(p, t, word, other):
    """A part's level against another's, in dB (a part that does not play counts as 0 dB)."""
    return (lvl(p, t, word) or 0.0) - (lvl(p, t, other) or 0.0)


def hit(p, t, kinds=None, tol=0.35):
    return any(abs(h.time_s - t) <= tol and (kinds is None or h.kind in kinds) for h in p.hit_points)


def silent(p, t):
    return not p.sections[p.section_at(t)].music


def music(p):
    """What is heard: the plan without the words that led to it."""
    return p.model_dump(exclude={"request", "reasoning"})


def same(c):
    """Nothing heard changed, and no question was needed."""
    return music(c.new) == music(c.old) and not c.turn.question


def back(c, k):
    return music(c.new) == music(c.v[k])


def says(c, *words):
    return all(re.search(re.escape(str(w)), c.turn.reply, re.I) for w in words) and music(c.new) == music(c.old)


def tempo_said(c):
    t = T(c.new, 0.5)   # as a person writes it: "84", "153.7"
    return says(c, str(round(t))) or says(c, f"{t:.1f}")


def up(c, t, f=E):
    return f(c.new, t) > f(c.old, t)


def down(c, t, f=E):
    return f(c.new, t) < f(c.old, t)


def kept(c, t, f=E):
    return f(c.new, t) == f(c.old, t)


# ----------------------------------------------------------------------------- the dialogues
# (id, clip, opening request, check of the first plan, [(turn, check), ...])

DIALOGUES = [
    ("podcast-truecrime", "bikes", "I need a bed for a true crime podcast trailer, dark and moody, it sits under a voice",
     lambda p: p.mode in ("minor", "phrygian", "dorian"), [
         ("the voice comes in at 0:03, duck everything under it until the end",
          lambda c: down(c, 6) and down(c, 9) and kept(c, 0.5)),
         ("a bit less than that, it's too quiet now",
          lambda c: E(c.old, 6) < E(c.new, 6) < E(c.first, 6)),
         ("what tempo are we at?", tempo_said),
         ("put a stop right on the cut at 7.48 and a hit on the last cut",
          lambda c: hit(c.new, 7.48, ("stop",), 0.1) and hit(c.new, 9.68, tol=0.1)),
         ("perfect, thats a wrap, thank you!", same)]),
    ("podcast-sneakers", "l72", "theme for a 90s style hip hop podcast about sneakers",
     lambda p: p.style in ("lofi", "funk", "electronic"), [
         ("drums are too loud compared to the bass",
          lambda c: rel(c.new, 30, "drums", "bass") < rel(c.old, 30, "drums", "bass")),
         ("more", lambda c: rel(c.new, 30, "drums", "bass") < rel(c.old, 30, "drums", "bass")),
         ("swap the keys for a guitar",
          lambda c: any("guitar" in n.lower() for n in c.new.instrumentation.values())
          and not any("piano" in n.lower() for n in c.new.instrumentation.values())),
         ("from 0:48 on, drop the drums and let it get calmer",
          lambda c: "drums" not in roles(c.new, 60) | roles(c.new, 70) and "drums" in roles(c.new, 30)
          and down(c, 60) and kept(c, 30)),
         ("go back to how it was two changes ago", lambda c: back(c, 2))]),
    ("realestate-condo", "s30", "elegant music for a luxury condo listing tour, like a fancy hotel lobby",
     lambda p: p.style in ("jazz", "bossa", "classical", "lofi"), [
         ("the kitchen is the second shot, make it a bit brighter there",
          lambda c: up(c, 9.5) and kept(c, 3) and kept(c, 25)),
         ("same for the last shot", lambda c: up(c, 25) and E(c.new, 9.5) > E(c.first, 9.5) and kept(c, 17)),
         ("the piano is to loud, its hard to hear my voiceover",
          lambda c: role(c.new, "piano") is not None and lvl(c.new, 17, "piano") < lvl(c.old, 17, "piano")
          or all("piano" in n.lower() for n in c.new.instrumentation.values())   # all piano: the whole mix down
          and c.new.loudness_lufs < c.old.loudness_lufs),
         ("can you make it slower and add a soft violin",
          lambda c: down(c, 17, T) and any("violin" in n.lower() for n in c.new.instrumentation.values())),
         ("hmm honestly the first version was better, lets go back to it", lambda c: back(c, 0))]),
    ("realestate-farmhouse", "l90", "warm acoustic background for an open house video of a family home in the countryside",
     lambda p: p.style in ("folk",), [
         ("when the drone shot starts at 0:45 I want a big swell",
          lambda c: hit(c.new, 45, tol=0.6) or up(c, 48)),
         ("the backyard part 1:00 to 1:11 is boring, more energy", lambda c: up(c, 65) and kept(c, 30)),
         ("a little less than that", lambda c: E(c.first, 65) < E(c.new, 65) < E(c.old, 65)),
         ("end the music exactly at 1:20, nothing after", lambda c: silent(c.new, 85) and not silent(c.new, 75)),
         ("whats the key", lambda c: says(c, c.new.key))]),
    ("dance-salsa", "bikes", "salsa for my beginners class, cuban feel",
     lambda p: p.style in ("bossa", "tango", "funk", "jazz", "reggae"), [
         ("too fast for beginners, slow down by 10 bpm",
          lambda c: all(abs(T(c.new, t) - (T(c.old, t) - 10)) < 1.01 for t in (0.5, 4, 8))),
         ("give me a loud hit at 5.48 where they spin", lambda c: hit(c.new, 5.48, tol=0.1)),
         ("and the same at 7.48", lambda c: hit(c.new, 7.48, tol=0.1) and hit(c.new, 5.48, tol=0.1)),
         ("the percussion need to be more louder than the melody",
          lambda c: rel(c.new, 4, "drums", "melody") > rel(c.old, 4, "drums", "melody")),
         ("make it 3/4, we do waltz next week", lambda c: c.new.meter == "3/4")]),
    ("dance-tango", "l64", "tango for a milonga class, old buenos aires feeling", lambda p: p.style == "tango", [
         ("the accordion should be the star, bring it forward",
          lambda c: rel(c.new, 35, "accordion", "melody") > rel(c.old, 35, "accordion", "melody")),
         ("in the fourth shot everybody stops, only accordion",
          lambda c: roles(c.new, 26) == {role(c.new, "accordion")} and len(roles(c.new, 35)) > 1),
         ("i want stop the music at 0:41 for two seconds then again start",
          lambda c: (hit(c.new, 41, ("stop",)) or silent(c.new, 42)) and not silent(c.new, 45)),
         ("more faster in the last two shots", lambda c: up(c, 53, T) and up(c, 60, T) and kept(c, 18, T)),
         ("good, very nice, now is perfect for my students", same)]),
    ("stream-8bit", "bikes", "8-bit retro game music for my stream intro", lambda p: p.style == "chiptune", [
         ("MORE HYPE", lambda c: all(up(c, t) for t in (0.5, 4, 8))),
         ("even more!!", lambda c: all(up(c, t) or E(c.old, t) >= 0.99 for t in (0.5, 4, 8))
          and any(up(c, t) for t in (0.5, 4, 8))),
         ("add a crash on every cut", lambda c: all(hit(c.new, t, ("crash",), 0.1) for t in BIKE_CUTS)),
         ("no wait remove the one at 3 secs",
          lambda c: not hit(c.new, 3.04, tol=0.1) and all(hit(c.new, t, ("crash",), 0.1) for t in (1.2, 5.48, 7.48))),
         ("ok whats the bpm now", tempo_said)]),
    ("stream-boss", "l72", "epic boss fight music for a highlight reel", lambda p: p.style in ("epic_trailer", "cinematic"), [
         ("the brass is burying the drums, fix it",
          lambda c: rel(c.new, 20, "drums", "brass") > rel(c.old, 20, "drums", "brass")),
         ("the victory part starts at 0:54, make it triumphant and major",
          lambda c: up(c, 60) and kept(c, 20) and c.new.mode == "major"),
         ("put a big stop at 0:53 right before it", lambda c: hit(c.new, 53, ("stop",))),
         ("undo", lambda c: back(c, 2)),
         ("nah redo that", lambda c: back(c, 3))]),
    ("museum-egypt", "s30", "contemplative music for an exhibition about ancient Egypt",
     lambda p: p.style in ("ambient", "cinematic", "classical"), [
         ("the melody is a touch too timid, more present please",
          lambda c: lvl(c.new, 17, "melody") > lvl(c.old, 17, "melody")),
         ("in the third shot the visitor enters the tomb, it should feel darker and quieter",
          lambda c: down(c, 17) and kept(c, 3) and kept(c, 25)),
         ("Could you tell me which instruments are playing?",
          lambda c: says(c, c.new.instrumentation["melody"])),
         ("please replace the melody instrument with a clarinet",
          lambda c: "clarinet" in c.new.instrumentation.get("melody", "").lower()),
         ("That is lovely. Thank you, we will use this version.", same)]),
    ("museum-baroque", "l120", "baroque chamber music for a film about a 17th century portrait gallery",
     lambda p: p.style == "classical", [
         ("it's a bit too lively for a museum, calmer overall please",
          lambda c: all(down(c, t) for t in (5, 45, 95, 115))),
         ("and slower", lambda c: all(down(c, t, T) for t in (5, 45, 95, 115))),
         ("at 1:30 the painting of the battle appears, from there the music can rise",
          lambda c: up(c, 95) and kept(c, 30)),
         ("Between 1:40 and 1:50 I'd like no music at all",
          lambda c: silent(c.new, 105) and not silent(c.new, 95) and not silent(c.new, 115)),
         ("go back to the version before the silence", lambda c: back(c, 3))]),
    ("grandma-birthday", "bikes", "happy music for a slideshow of my grandkids birthday party",
     lambda p: p.mode == "major", [
         ("its nice but can the music be a littel softer",
          lambda c: all(down(c, t) for t in (0.5, 4, 8)) or c.new.loudness_lufs < c.old.loudness_lufs),
         ("and put some ukulele in",
          lambda c: len(c.new.instrumentation) > len(c.old.instrumentation) and "ukulele" in c.turn.reply.lower()),
         ("when the cake come at 5 seconds make a big bang", lambda c: hit(c.new, 5.0, ("crash", "accent", "stab"), 0.6)),
         ("what is that instrument making the tune", lambda c: says(c, c.new.instrumentation["melody"])),
         ("thank you dear, grandma love it", same)]),
    ("grandpa-anniversary", "l90", "old fashioned music like from the 1950s for our golden anniversary slideshow",
     lambda p: p.style in ("jazz", "rock", "blues"), [
         ("too many drums, my husband can not hear the words",
          lambda c: all(lvl(c.new, t, "drums") < lvl(c.old, t, "drums") or "drums" not in roles(c.new, t)
                        for t in (10, 50, 85))),
         ("the wedding photo is at 0:31, there make it very romantic and slow",
          lambda c: down(c, 35, T) and kept(c, 10, T)),
         ("more slow", lambda c: down(c, 35, T) and kept(c, 10, T)),
         ("the end, last 10 seconds, soft fade out", lambda c: down(c, 88) and kept(c, 65)),
         ("take out the slow part again but keep the fade at the end",
          lambda c: T(c.new, 35) == T(c.v[1], 35) and E(c.new, 88) == E(c.old, 88))]),
    ("coach-soccer", "l72", "pump-up music for my soccer team's highlight video, like a stadium anthem",
     lambda p: p.style in ("rock", "epic_trailer", "electronic", "marching_band"), [
         ("first goal at 0:19, hit it hard there", lambda c: hit(c.new, 19, ("crash", "stab", "accent"))),
         ("and the second goal at 0:43", lambda c: hit(c.new, 43) and hit(c.new, 19)),
         ("between the goals it drags, faster and more energy from 0:20 to 0:42",
          lambda c: up(c, 30, T) and up(c, 30) and kept(c, 60) and kept(c, 60, T)),
         ("the guitar is too much, lower it a bit and bring up the bass",
          lambda c: role(c.new, "guitar") is not None and lvl(c.new, 60, "guitar") < lvl(c.old, 60, "guitar")
          and lvl(c.new, 60, "bass") > lvl(c.old, 60, "bass")),
         ("What's the key and tempo now?", lambda c: says(c, c.new.key) and tempo_said(c))]),
    ("coach-montage", "bikes", "training montage music, 80s movie style",
     lambda p: p.style in ("synthwave", "rock", "electronic"), [
         ("start quiet and build to the end", lambda c: E(c.new, 0.5) < E(c.new, 8.5) and down(c, 0.5)),
         ("the last shot should slam, big hit on the final cut", lambda c: hit(c.new, 9.68, tol=0.1)),
         ("actually no, on the cut before it",
          lambda c: hit(c.new, 7.48, tol=0.1) and not hit(c.new, 9.68, ("crash",), 0.1)),   # every cut keeps its accent
         ("drums louder in the second half",
          lambda c: lvl(c.new, 8, "drums") > lvl(c.old, 8, "drums") and lvl(c.new, 2, "drums") == lvl(c.old, 2, "drums")),
         ("great work, coach approves 👍", same)]),
    ("student-seoul", "s30", "music for my short film, it is sad story of a old man in Seoul, i want traditional korean sound",
     lambda p: p.mode in ("minor", "phrygian", "dorian"), [
         ("the music start too loud, first shot must be more quiet", lambda c: down(c, 3) and kept(c, 17)),
         ("in shot 3 he is remember his wife, more emotional please and little bit slower",
          lambda c: down(c, 17, T) and kept(c, 3, T)),
         ("no, not shot 3, i mean shot 2",
          lambda c: down(c, 9.5, T) and T(c.new, 17) == T(c.v[1], 17)),
         ("can you put silence when he die at 21 second",
          lambda c: hit(c.new, 21, ("stop",)) or (silent(c.new, 25) and not silent(c.new, 17))),
         ("whats instrument is play now in the end?", lambda c: music(c.new) == music(c.old)
          and any(n.lower() in c.turn.reply.lower() for n in c.new.instrumentation.values())
          or silent(c.new, 25) and "no music" in c.turn.reply.lower())]),
    ("student-noir", "l64", "I am make a film noir, black and white detective, 1940s, please jazz with saxophone",
     lambda p: p.style == "jazz" and role(p, "sax") is not None, [
         ("saxophone is to quiet, up please", lambda c: lvl(c.new, 35, "sax") > lvl(c.old, 35, "sax")),
         ("more", lambda c: lvl(c.new, 35, "sax") > lvl(c.old, 35, "sax")),
         ("the shot 5 have a gun, i want a strong hit at the start of shot 5",
          lambda c: hit(c.new, 30, ("crash", "stab", "accent"), 0.1)),
         ("after the gun all instruments stop except bass until the shot 6 finish",
          lambda c: roles(c.new, 35) == {"bass"} and roles(c.new, 45) == {"bass"} and len(roles(c.new, 55)) > 1),
         ("go back to version 3", lambda c: back(c, 2))]),
    ("podcast-interview", "s30", "lofi hip hop bed for a chill interview podcast", lambda p: p.style == "lofi", [
         ("remove drums completely", lambda c: all("drums" not in roles(c.new, t) for t in (3, 9, 17, 25))),
         ("hmm bring them back but much quieter",
          lambda c: all("drums" in roles(c.new, t) and lvl(c.new, t, "drums") < 0 for t in (3, 9, 17, 25))),
         ("the host laughs at 0:13, can we do a little sting there", lambda c: hit(c.new, 13, ("stab", "accent", "crash"))),
         ("make the whole thing 2 dB quieter and a bit slower",
          lambda c: abs(c.new.loudness_lufs - (c.old.loudness_lufs - 2)) < 0.51 and all(down(c, t, T) for t in (3, 25))),
         ("ok that's the one, exporting now, cheers", same)]),
    ("realestate-loft", "bikes", "upbeat modern music for an instagram reel of a downtown loft",
     lambda p: E(p, 5) >= 0.5, [
         ("the bass is to boomy", lambda c: all(lvl(c.new, t, "bass") < lvl(c.old, t, "bass") for t in (0.5, 4, 8))),
         ("too much, a bit less than that",
          lambda c: lvl(c.v[0], 4, "bass") > lvl(c.new, 4, "bass") > lvl(c.old, 4, "bass")),
         ("add a stop at 3 seconds and a crash at 5.5",
          lambda c: hit(c.new, 3.0, ("stop",)) and hit(c.new, 5.5, ("crash",))),
         ("which style is this?", lambda c: says(c, c.new.style.replace("_", " "))),
         ("swap the synth lead for a piano", lambda c: "piano" in c.new.instrumentation.get("melody", "").lower())]),
    ("stream-horror", "s30", "spooky halloween music for my horror game stream",
     lambda p: p.mode in ("minor", "phrygian", "dorian"), [
         ("more creepy in the first shot, and less drums there",
          lambda c: ("drums" not in roles(c.new, 3) or lvl(c.new, 3, "drums") < lvl(c.old, 3, "drums"))
          and lvl(c.new, 17, "drums") == lvl(c.old, 17, "drums") and kept(c, 17)),
         ("jumpscare at 0:14!! huge hit", lambda c: hit(c.new, 14, ("crash", "stab", "accent"))),
         ("no not a hit, the music should stop dead there",
          lambda c: hit(c.new, 14, ("stop",)) and not hit(c.new, 14, ("crash", "stab", "accent"))),
         ("what time signature is this", lambda c: says(c, c.new.meter)),
         ("go back to the first one", lambda c: back(c, 0))]),
    ("coach-marching", "l90", "marching band music for our high school football season recap",
     lambda p: p.style == "marching_band", [
         ("the drums should be louder than everything else",
          lambda c: rel(c.new, 35, "drums", "melody") > rel(c.old, 35, "drums", "melody")),
         ("from the 5th shot on, go faster and build up",
          lambda c: all(up(c, t, T) for t in (48, 65, 85)) and kept(c, 10, T) and E(c.new, 85) > E(c.new, 48)),
         ("same for the first shot", lambda c: up(c, 4, T) and kept(c, 25, T)),
         ("put a cymbal crash on the 6th cut", lambda c: hit(c.new, 60, ("crash",), 0.1)),
         ("thats the one. thanks, coach out", same)]),
]


# Turns left as they are after the fixes, each with why (strict: a pass is news)
XFAIL = {
    ("stream-boss", 0): "a boss fight is rock by design (rock.yaml's scenes); 'epic' is only a style keyword, weighed below a scene",
    ("student-noir", 4): "'after the gun' is after shot 5 ends (the gun names the whole shot), not after the hit at its start",
}


def _param(did: str, k: int):
    why = XFAIL.get((did, k))
    return pytest.param(did, k, marks=pytest.mark.xfail(reason=why, strict=True)) if why else pytest.param(did, k)


@lru_cache(maxsize=None)
def _run(did: str):
    _, clip, request, _, turns = next(d for d in DIALOGUES if d[0] == did)
    return talk(CLIPS[clip](), request, [text for text, _ in turns])


@pytest.mark.parametrize("did, k", [_param(d[0], 0) for d in DIALOGUES])
def test_opening(did, k):
    _, _, request, check, _ = next(d for d in DIALOGUES if d[0] == did)
    plans, _ = _run(did)
    p = plans[0]
    assert check(p), f"{request!r}: {p.style} {p.key} {p.mode}"


@pytest.mark.parametrize("did, k", [_param(d[0], k) for d in DIALOGUES for k in range(1, 6)])
def test_turn(did, k):
    turns = next(d for d in DIALOGUES if d[0] == did)[4]
    plans, said = _run(did)
    c = C(plans[k - 1], plans[k], plans, said[k - 1])
    assert turns[k - 1][1](c), f"{turns[k - 1][0]!r} -> {c.turn.reply}"
