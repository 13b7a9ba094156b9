"""review16's ten long chats (7 turns each), written before reading any code under agent/ or tools/: ten voices
not used before (a Brazilian yoga teacher, a Korean esports caster, a Nigerian pastor dictating, a Scottish fishing
guide, a German founder, a US teenager texting, a Bollywood wedding videographer, a French pastry chef, a film-school
colorist, a grandmother). Each chat holds a reference to an earlier turn, a correction, an undo of the turn two back,
a place said by the picture or by words, a shape, and a balance or instrument change.

A turn is (say, [expectation, ...]); an expectation is a dialogue_check kind (a one-key dict) or (why, check) where
check(c) reads review_harness.C (c.old, c.new, c.v[k] the plan after turn k) and is true when met."""

from __future__ import annotations

from review_harness import E, L, role_of


def _close(x, y):
    return abs(x - y) < 1e-6


def same_energy(k, *ts):
    """(the energy at each t is back to / kept at the plan after turn k)"""
    return (f"energy at {ts} as after turn {k}", lambda c: all(_close(E(c.new, t), E(c.v[k], t)) for t in ts))


def less_energy(*ts):
    return (f"energy at {ts} lower", lambda c: all(E(c.new, t) < E(c.old, t) for t in ts))


def between(k, *ts):
    """A correction of 'too much': the energy moved back toward the plan after turn k, and not all the way."""
    def ok(c):
        return all(min(E(c.v[k], t), E(c.old, t)) < E(c.new, t) < max(E(c.v[k], t), E(c.old, t)) for t in ts)
    return (f"energy at {ts} between turn {k} and the last", ok)


def same_level(k, word, *ts):
    """A part's level (by an instrument word or a role) at each t kept at / back to the plan after turn k."""
    def ok(c):
        r = role_of(c.new, word) or word
        return all(_close(L(c.new, t, r), L(c.v[k], t, r)) for t in ts)
    return (f"{word} level at {ts} as after turn {k}", ok)


def louder_or_drums(*ts):
    """'make the drums go crazy': the energy or the drums' level goes up there."""
    return (f"energy or drums up at {ts}",
            lambda c: all(E(c.new, t) > E(c.old, t) or L(c.new, t, "drums") > L(c.old, t, "drums") for t in ts))


def eased(k, *ts):
    """'not that much' on the energy or the drums raised by the last turn: lower than it, higher than turn k."""
    def score(p, t):
        return E(p, t) * 40 + L(p, t, "drums")
    return (f"energy/drums at {ts} between turn {k} and the last",
            lambda c: all(score(c.v[k], t) < score(c.new, t) < score(c.old, t) for t in ts))


S45, S30, S20 = {"duration": 45, "cuts": [7, 15, 22, 30, 38]}, {"duration": 30, "cuts": [6, 13, 21]}, \
    {"duration": 20, "cuts": [7, 12.5]}
L72 = {"duration": 72, "every": 6}

TALKS = [
    {"id": "yoga", "clip": S45, "request": "calm music for my yoga class video, very soft, like a meditation", "turns": [
        ("Hello querido, the music is very good but little bit fast for yoga, can you make more slow, tranquilo",
         [{"tempo": {"in": [0, 45], "ratio": [0.7, 0.96]}}]),
        ("Put one flute also, the flute is very beautiful for the respiration, but only in the final, after 0:38",
         [{"plays": {"in": [38, 45], "instrument": "flute", "playing": True}},
          {"plays": {"in": [0, 30], "instrument": "flute", "playing": False}}]),
        ("Ai, no no, not in the final, I wanted the flute in the beginning, in the first part when they are sitting",
         [{"plays": {"in": [0, 7], "instrument": "flute", "playing": True}},
          {"plays": {"in": [38, 45], "instrument": "flute", "playing": False}}]),
        ("Now in the part of the warrior pose, from 0:15 until 0:30, I want it grows slowly, little by little",
         [{"shape": {"in": [15, 30], "rises": True}}, {"unchanged": {"outside": [15, 30]}}]),
        ("The piano is too loud now, put him more low, more back, only a little",
         [{"balance": {"in": [0, 45], "instrument": "piano", "change": "down"}}]),
        ("Tira o crescendo of the warrior part that you did before, I prefer it flat, but keep the piano like now",
         [same_energy(3, 16, 19, 22, 26, 29), same_level(5, "piano", 5, 20, 40)]),
        ("Perfect. And the very last seconds, make it fade soft like the end of savasana, namaste",
         [less_energy(44.5), {"unchanged": {"outside": [38, 45]}}]),
    ]},
    {"id": "esports", "clip": S30, "request": "hype electronic music for esports highlights, very exciting", "turns": [
        ("wow this is so good bro but the start is too much hype, first shot make it more chill pls, like before teamfight",
         [{"energy": {"in": [0, 6], "change": "down"}}, {"unchanged": {"outside": [0, 6]}}]),
        ("and when teamfight start at 0:13 make drums go crazy, more harder, is the clutch moment",
         [louder_or_drums(17), {"unchanged": {"outside": [13, 21]}}]),
        ("ah no sorry, i mean the other teamfight, the one at the last shot, not this one. this one put back like before",
         [same_energy(1, 14, 17, 20), same_level(1, "drums", 17), louder_or_drums(25)]),
        ("now from start to final, tension must build up build up like ranked final game, slowly going up",
         [{"shape": {"in": [0, 30], "rises": True}}]),
        ("the synth melody is too loud, i cannot hear my cast voice, make it lower pls",
         [{"balance": {"in": [0, 30], "role": "melody", "change": "down"}}]),
        ("hmm the build up i asked 2 times ago, cancel it, but melody keep it low like now",
         [same_energy(3, 3, 9, 17, 25), same_level(5, "melody", 3, 17, 25)]),
        ("last thing, put a big hit exactly when the ace happen at 0:25, boom",
         [{"hit": {"at": 25}}]),
    ]},
    {"id": "pastor", "clip": L72, "request": "gospel music for our church anniversary video", "turns": [
        ("praise the lord this music is nice but from the beginning to the one minute mark let it be a little bit "
         "slower the choir is walking in",
         [{"tempo": {"in": [0, 60], "ratio": [0.75, 0.97]}}, {"unchanged": {"outside": [0, 60]}}]),
        ("then when the pastor raises his hand around forty eight seconds bring in the organ strong and louder "
         "hallelujah",
         [{"balance": {"in": [48, 54], "instrument": "organ", "change": "up"}}, {"unchanged": {"outside": [42, 72]}}]),
        ("no no no not the organ i said the choir the choir voices make them louder there",
         [same_level(1, "organ", 51), {"balance": {"in": [48, 54], "instrument": "choir", "change": "up"}}]),
        ("my brother now the drums from the start until the pastor stands up at twenty four seconds remove them "
         "completely let it be only piano and voices",
         [{"plays": {"in": [0, 24], "role": "drums", "playing": False}},
          {"plays": {"in": [30, 72], "role": "drums", "playing": True}}, {"unchanged": {"outside": [0, 24]}}]),
        ("and let the whole thing climb gradually higher and higher from the middle till the end like a testimony",
         [{"shape": {"in": [36, 72], "rises": True}}]),
        ("please undo the drums thing i asked two times ago bring back the drums but keep the climbing",
         [{"plays": {"in": [0, 24], "role": "drums", "playing": True}}, same_energy(5, 39, 51, 63, 69)]),
        ("same thing you did for the choir at forty eight do it also at the very end the last shot",
         [{"balance": {"in": [66, 72], "instrument": "choir", "change": "up"}}, {"unchanged": {"outside": [66, 72]}}]),
    ]},
    {"id": "ghillie", "clip": S45, "request": "a wee folk tune fer ma fishing video, fiddle an' that", "turns": [
        ("Aye that's braw but it's gaun a bit quick fer a loch at dawn, slow it doon a wee bit",
         [{"tempo": {"in": [0, 45], "ratio": [0.8, 0.97]}}]),
        ("Fae when the big salmon takes the fly, aboot 0:22, till the end, let it build an' build, gettin' mair wild",
         [{"shape": {"in": [22, 45], "rises": True}}, {"unchanged": {"outside": [22, 45]}}]),
        ("Naw, no sae much, it's gone mental, ease aff the build a touch",
         [between(1, 43), {"unchanged": {"outside": [22, 45]}}]),
        ("An' gie it a right punch when the salmon takes, a hit like, right at 0:22",
         [{"hit": {"at": 22}}]),
        ("The fiddle's screichin', pit it back a bit ahint the guitar",
         [{"balance": {"in": [0, 45], "instrument": "fiddle", "change": "down"}}]),
        ("Ach, tak back that hit ye put on the salmon, leave the fiddle as it is noo",
         [{"no_hit": {"at": 22}}, same_level(5, "fiddle", 3, 30, 40), same_energy(5, 3, 26, 42)]),
        ("Dae the same slowin' ye did at the start but jist fer the first shot, even slower there",
         [{"tempo": {"in": [0, 7], "ratio": [0.75, 0.97]}}, {"unchanged": {"outside": [0, 7]}}]),
    ]},
    {"id": "founder", "clip": S20, "request": "Music for our company video. We sell car parts. It should be modern "
                                              "and professional.", "turns": [
        ("The music is in general okay. But the tempo is too high. Please reduce the tempo by 10 percent.",
         [{"tempo": {"in": [0, 20], "ratio": [0.87, 0.93]}}]),
        ("In the second scene, where the brake disc is shown, the music shall be more powerful.",
         [{"energy": {"in": [7, 12.5], "change": "up"}}, {"unchanged": {"outside": [7, 12.5]}}]),
        ("Correction: I meant the third scene, not the second. The second scene shall be as it was before.",
         [same_energy(1, 9.5), {"energy": {"in": [12.5, 20], "change": "up"}}]),
        ("Please add an electric guitar in the first scene. Only in the first scene.",
         [{"plays": {"in": [0, 7], "instrument": "guitar", "playing": True}},
          {"plays": {"in": [7, 20], "instrument": "guitar", "playing": False}}]),
        ("From the beginning of the third scene to the end, the music must increase step by step.",
         [{"shape": {"in": [12.5, 20], "rises": True}}, {"unchanged": {"outside": [12.5, 20]}}]),
        ("Please remove the guitar again. Everything else shall stay as it is now.",
         [{"plays": {"in": [0, 20], "instrument": "guitar", "playing": False}}, same_energy(5, 3, 9.5, 13, 19.5)]),
        ("The bass is too quiet in the whole video. Please increase it a little.",
         [{"balance": {"in": [0, 20], "role": "bass", "change": "up"}}]),
    ]},
    {"id": "teen", "clip": "bikes", "request": "make smth hype for my bike edit lol", "turns": [
        ("ok lowkey fire 🔥 but the beginning is mid, make the first like 3 secs calmer",
         [less_energy(0.6, 2.0), {"unchanged": {"outside": [0, 3.1]}}]),
        ("wait when he lands the jump right after the 4th cut make the drums go crazy pls",
         [louder_or_drums(8.5), {"unchanged": {"outside": [7.48, 10]}}]),
        ("nah not that much 😭 its giving too much, tone it down a lil",
         [eased(1, 8.5), {"unchanged": {"outside": [7.48, 10]}}]),
        ("also can u add like piano or smth in the middle part its kinda empty",
         [{"plays": {"in": [3.04, 7.48], "instrument": "piano", "playing": True}},
          {"plays": {"in": [0, 1.2], "instrument": "piano", "playing": False}}]),
        ("ok now make it slowly build up from start to the end like a hype vid",
         [{"shape": {"in": [0, 10], "rises": True}}]),
        ("ngl take back the piano thing from before, keep the build up tho",
         [{"plays": {"in": [0, 10], "instrument": "piano", "playing": False}}, same_energy(5, 0.6, 2, 4, 6.5, 8.5)]),
        ("do the same calm thing u did at the start but for the last like 2 secs",
         [less_energy(9.5), {"unchanged": {"outside": [7.48, 10]}}]),
    ]},
    {"id": "shaadi", "clip": S45, "request": "Bollywood style music for wedding highlights, with dhol and sitar, "
                                             "full festive", "turns": [
        ("Very nice only, but baraat entry is coming at 0:15 na, from there itself make it more energetic and fast, "
         "full josh",
         [{"energy": {"in": [15, 45], "change": "up"}}, {"tempo": {"in": [15, 45], "ratio": [1.03, 1.3]}},
          {"unchanged": {"outside": [15, 45]}}]),
        ("Before that, the mehendi part, first two shots, keep it soft soft, only sitar and light percussion",
         [{"energy": {"in": [0, 15], "change": "down"}}, {"unchanged": {"outside": [0, 15]}}]),
        ("Sorry sorry, I told wrong, mehendi is only the first shot, second shot you please put back as it was",
         [same_energy(1, 11), ("first shot still soft", lambda c: E(c.new, 3.5) < E(c.v[1], 3.5))]),
        ("The sitar is too much loud, it is overpowering the vocals, reduce it little bit",
         [{"balance": {"in": [0, 45], "instrument": "sitar", "change": "down"}}]),
        ("In the varmala moment, around 0:30 to 0:38, do one slow build up, slowly slowly rising till the garland falls",
         [{"shape": {"in": [30, 38], "rises": True}}, {"unchanged": {"outside": [30, 38]}}]),
        ("Cancel the sitar thing what I told two steps back, sitar bring back to same as earlier, but build up keep it",
         [same_level(3, "sitar", 3, 20, 40), same_energy(5, 31, 34, 37)]),
        ("And at the very end when couple is doing the pheras, last shot, add one dhol hit exactly at the cut",
         [{"hit": {"at": 38}}]),
    ]},
    {"id": "patissier", "clip": S30, "request": "music for my pastry video, elegant, French café style, with accordion",
     "turns": [
        ("Bonjour! It is very nice but it is a little too much rapid for the croissant, you can make it more slow, "
         "but not too much",
         [{"tempo": {"in": [0, 30], "ratio": [0.82, 0.97]}}]),
        ("When I put the chocolate on the croissant, it is the third plan, I want the accordion alone, without the drums",
         [{"plays": {"in": [13, 21], "role": "drums", "playing": False}}, {"unchanged": {"outside": [13, 21]}}]),
        ("Non, pardon, it is not the third, it is the second plan, the third you put again the drums like before",
         [{"plays": {"in": [13, 21], "role": "drums", "playing": True}},
          {"plays": {"in": [6, 13], "role": "drums", "playing": False}}]),
        ("The violin is too strong, it hides the accordion, please diminish him",
         [{"balance": {"in": [0, 30], "instrument": "fiddle", "change": "down"}}]),
        ("At the end, from the last cut, the music must go down slowly like the soufflé, diminuendo until the end",
         [{"shape": {"in": [21, 30], "rises": False}}, {"unchanged": {"outside": [21, 30]}}]),
        ("Ah, the violin, finally I prefer how it was, put it back like before, but the soufflé ending I keep",
         [same_level(3, "fiddle", 3, 10, 17), same_energy(5, 22, 25, 29)]),
        ("For the first plan, the same thing that you did for the second: only accordion, no drums",
         [{"plays": {"in": [0, 6], "role": "drums", "playing": False}}, {"unchanged": {"outside": [0, 6]}}]),
    ]},
    {"id": "colorist", "clip": "bikes", "request": "moody cinematic score, think A24 trailer", "turns": [
        ("ok first pass notes: the head's too hot, pull the energy down on the first two shots, leave the back half",
         [less_energy(0.6, 2.0), {"unchanged": {"outside": [0, 3.1]}}]),
        ("on shot four, the one that opens on the rider, push the strings, bring them up in the mix",
         [{"balance": {"in": [5.48, 7.48], "instrument": "strings", "change": "up"}},
          {"unchanged": {"outside": [5.48, 7.48]}}]),
        ("sorry, wrong shot, I meant shot five, the one after the 4th cut. roll back four",
         [same_level(1, "strings", 6.5), {"balance": {"in": [7.48, 9.68], "instrument": "strings", "change": "up"}}]),
        ("give me a ramp from the top to the last cut, slow build, nothing crazy",
         [{"shape": {"in": [0, 9.68], "rises": True}}]),
        ("kill the brass till the last cut, it's muddying the low mids",
         [{"plays": {"in": [0, 9.68], "role": "brass", "playing": False}}]),
        ("revert the ramp from two notes ago, keep the brass out",
         [same_energy(3, 0.6, 2, 4, 6.5, 8.5), {"plays": {"in": [0, 9.68], "role": "brass", "playing": False}}]),
        ("last note: tail, hit on the final cut like a smash to black",
         [{"hit": {"at": 9.68}}]),
    ]},
    {"id": "granny", "clip": L72, "request": "some gentle happy music for my grandson's birthday slideshow please",
     "turns": [
        ("Oh that is lovely dear. Could it be a little bit livelier when the pictures of him blowing out the candles "
         "come? That's the seventh and eighth pictures I believe.",
         [{"energy": {"in": [36, 48], "change": "up"}}, {"unchanged": {"outside": [36, 48]}}]),
        ("And the ones at the very beginning, when he was a baby, those should be soft, like a lullaby. The first "
         "three, I think.",
         [{"energy": {"in": [0, 18], "change": "down"}}, {"unchanged": {"outside": [0, 18]}}]),
        ("Oh dear, I'm sorry, not that soft, you can hardly hear it now. A little bit louder than that, please.",
         [between(1, 3, 9, 15), {"unchanged": {"outside": [0, 18]}}]),
        ("Could we have a piano playing along with the pictures of the cake? The same ones as before, the candles.",
         [{"plays": {"in": [36, 48], "instrument": "piano", "playing": True}},
          {"plays": {"in": [0, 30], "instrument": "piano", "playing": False}}]),
        ("And towards the end, could it get happier and happier, building up to the last picture of everyone "
         "together?",
         [{"shape": {"in": [48, 72], "rises": True}}]),
        ("I don't think I like the piano after all, dear. Could you take that away, but leave everything else just "
         "as it is?",
         [{"plays": {"in": [0, 72], "instrument": "piano", "playing": False}},
          same_energy(5, 3, 21, 39, 45, 51, 63, 69)]),
        ("The violin is a bit shrill for my ears. Could you make it a little quieter all the way through?",
         [{"balance": {"in": [0, 72], "instrument": "fiddle", "change": "down"}}]),
    ]},
]
