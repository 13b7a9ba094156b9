"""Moments described by what the picture shows: "when our founder talks it's too busy", "the photo of their
wedding day needs to be the big moment", "Tokyo at night should feel like the future". The analysis sees cuts,
shots and motion, never a founder or Tokyo, so such a turn is one question asking where the moment is (the plan
unchanged), and the next turn's answer ("she talks from the third shot to the sixth", "it's the sixth photo",
"kitchen is shots 3 and 4. like a hotel lobby") fills the place in: the asked edit is made there, and the moment
is remembered by its name for later turns ("faster in the Tokyo part").

    m = described("when our founder talks it's too busy", subject="music for our startup pitch")
    m.phrase, m.key          # "when our founder talks", "founder"
    ask(m)                   # "Where is 'when our founder talks'? ..."
    filled("when our founder talks it's too busy", "when our founder talks", "she talks from the third shot to the sixth",
           analysis, plan)   # "the founder is from 0:10.00 to 0:30.00. from 0:10.00 to 0:30.00 it's too busy."

A moment is a clause of time about someone or something in the picture ("when he does the spin", "while the
kids blow out the candles") or a noun phrase that is the subject of a feeling ("the kitchen should feel ...",
"the rain bit is too gloomy", "the hug with grandma, that should be the moment"). It is no moment when it is
about the music (an instrument, a mood, "it", "the music"), a place the finder reads ("the boring bit in the
middle"), or what the whole video shows (its words are the opening request's: "when they're walking the dog" in
a dog-walking video).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from v2m.agent.dialogue import names
from v2m.agent.dialogue.cultures import evoked
from v2m.agent.dialogue.mentions import named_parts, plain_parts
from v2m.agent.dialogue.sounded_parts import BELL_SOUND, TWINKLY
from v2m.agent.dialogue.model_labels import NUMBERED_PLACE_RE
from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.phrases import words
from v2m.agent.dialogue.references import ATTRIBUTES
from v2m.agent.dialogue.place_words import PICTURE_CHANGES
from v2m.agent.dialogue.spelling import spelled
from v2m.agent.dialogue.vocab import KIT_PIECES, MOODS, ROLE_WORDS
from v2m.agent.dialogue.part_words import as_part
from v2m.agent.dialogue.where import Ask
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.world_sounds import WORLD_SOUND_RE
from v2m.tools.contract import ScorePlan, VideoAnalysis

# Words that end a time clause: the main clause begins ("when he does the spin | it should feel ...")
MAIN = (r"it|it's|its|i|i'd|i'm|everyone|everybody|people|you|we|the music|music|make|should|needs?|must|"
        r"can|could|please|let|give|bring|add|so|then|there|that|this|has to|have to|keep|leave|put|turn|pull|push|"
        r"take|try|hold|fade|swell|hit|cut")
WHEN_RE = re.compile(rf"(?:\b(?:when|whenever|while|as soon as|once|every time)|(?:^\W*(?:(?:and|also|oh|but|then|plus|now)\W+)*|(?<=er |ly ))where(?! (?:is|are|was|were|do|does|did|"
                     rf"can|could|should|would|will|'s)\b))\s+(?P<body>(?:(?!\b(?:{MAIN})\b)[a-z'-]+\s*){{1,8}})", re.I)
DET = r"(?:the|our|my|their|his|her|this|that|your)"
# The subject of a feeling: "the kitchen should feel", "the rain bit is too gloomy", "the hug with grandma, that
# should be", "Tokyo at night should feel"
FEEL = r"(?:should|needs?|must|has to|have to|is|are|'s|feels?|sounds?|could|ought to|gets?|looks?)"
# (led by a determiner or a capital, or two words at most right before the verb)
# (its openers stay its own, not `phrases.opening`: an exclamation ends at a space or a comma only, so "wow! the
# drop feels late" is no subject; `opening` would read past the "!")
SUBJECT_RE = re.compile(rf"^(?:(?:and|but|also|now|so|ok|okay|then|um+|uh+|erm|er|hmm+|oh(?: (?:my|dear|boy|man))?|my (?:goodness|god|word)|"
                        rf"goodness(?: me)?|gosh|dear me|wow|whoa|yikes|blimey|crikey|plus)\b[ ,]*)*(?P<np>{DET} [a-z][a-z'-]*(?: [a-z]"
                        rf"[a-z'-]*){{0,5}}?|(?-i:[A-Z])[a-z'-]*(?: [a-z][a-z'-]*){{0,3}}?|[a-z][a-z'-]*(?: [a-z][a-z'-]*)?"
                        rf"(?=\s+{FEEL}\b))(?:\s*[,:!-]+\s*(?:that|it|this|people|everyone|everybody|you)?)?\s+{FEEL}\b",
                        re.I)
# "faster in the Tokyo part", "during the dinner scene": a stretch named by what it shows, as a place
NAMED_PART_RE = re.compile(rf"\b(?:in|during|for|over|through|at|on) {DET} (?P<name>[a-z][a-z'-]*(?: [a-z][a-z'-]*)?) "
                           r"(?:part|bit|scene|section|stretch|sequence|shots?)\b", re.I)
# "the bit with the red bike", "the part where he jumps": a stretch named by what it shows
# (up to the main clause: "the moment where it all comes together | should be louder", "the bit where it gets soft |
# needs a cello")
MAIN_CLAUSE = r"should|needs?|must|has to|have to|could|ought to|make|please|it's|there(?:'s| is| are)|(?:is|are|feels?|sounds?) (?:too|so|way|a bit|much)"
CONTAINER_RE = re.compile(r"\b(?:the|that) (?:middle )?(?:bit|part|moment|scene|section|stretch|shot|clip|photo) (?:with|where|when|"
                          rf"in which)\b(?:(?!\s+(?:{MAIN_CLAUSE})\b)[^,.;!?])*|(?:(?<=at |on |by )|(?<=for )|(?<=during ))the (?!same |"
                          r"right |wrong |very |final |closing |opening )[a-z'-]+ moment\b(?! (?:with|where|when|in which|of)\b)", re.I)   # "at the big moment"
# "the middle bit where they do the slow section": the middle only roughly, the picture says which stretch (asked)
ROUGH_PLACE_RE = re.compile(r"\bthe middle (?:bit|part|section|stretch)s? (?:with|where|when|in which)\b", re.I)
CONTAINERS = set("photo photos picture pic shot shots clip clips slide image bit part parts moment scene section "
                 "sequence stretch one footage frame".split())
ORDER = set("remaining other others rest remainder following next later earlier previous first last every each both "
            "whole entire".split())   # which of the stretches, by order
FUNCTION = set("""the a an our my their his her its your this that these those of with at in on by from to into out
up down across over for and or he she they we you i it it's they're he's she's we're is are was were be does do did
doing gets get got goes go going comes come just really all some when while once then""".split())
# What the music is made of and who hears it, besides the words the grammar already reads (parts, moods,
# attributes): "the pacing is off", "the arrangement is too busy", "viewers need to feel calm" are about the score
CRAFT = set("""music song track tune score piece sound melody rhythm vibe tone feel feeling everything thing whole rest
mix level drop chorus verse bridge climax build buildup build-up breakdown hook solo pacing timing flow arrangement
orchestration dynamics dynamic phrasing atmosphere ambience ambiance texture production performance playing soundtrack soundscape
accompaniment backing repetition loop layer layering balance mixing mastering character contrast progression structure
transition cue stinger sting motif theme riff swing sync momentum tension release cadence crescendo pulse audio source
sfx effect fx reverb echo delay fade swell silence pause gap note vocal voice singer singing lyric voiceover narration
dialogue bpm speed pace loudness note harmony chord key style intro outro ending end start beginning middle cut treble
highs mids lows busy boring intense emotional sparse dramatic energetic lively quiet loud soft""".split())
AUDIENCE = set("audience viewer listener watcher people customer fan follower subscriber user buyer".split())
WHOLE = set("""video film movie ad advert commercial trailer promo reel montage slideshow clip vlog edit story project
brand client director producer editor boss agency team sir madam maam mister mate bro dude guys folks""".split())   # the
# whole video, who asks, and who is addressed ("Sir, could the music be quicker?")
MUSIC = CRAFT | AUDIENCE | WHOLE | set(ATTRIBUTES) | set(ROLE_WORDS) | KIT_PIECES | set(MOODS) | \
    {w for m in MOODS.values() for w in m.words}
WHEN_STOP = set("it everything music score song track that this there which what".split())
# "my baby is sleeping to this", "the kids are dancing to it": who listens, and how, not a moment of the picture
LISTENING_RE = re.compile(r"\s*\w+ing (?:along |off )?to (?:this|it|that|the (?:music|track|song|score|tune))\b", re.I)
SUBJECT_STOP = set("""it everything music score song track that this there which what i we you they he she everyone everybody
people someone let can could please make just why how who um umm uh uhm erm er hmm needs need should must gotta ought to would aw aww awww cute omg ooh wow yay lol haha
steer brief feedback verdict consensus instruction instructions""".split())   # a question word, a modal, a filler, a cheer names no
# moment, nor what someone asked for ("the steer from the Vice-Chancellor's office is 'more heritage'": the request's source)


@dataclass(frozen=True)
class Moment:
    """A moment of the picture as the user said it (`phrase`) and the name it is remembered by (`key`)."""

    phrase: str
    key: str


def _blanked(text: str, found: list[re.Match]) -> str:
    """`text` without the words matched in it."""
    for m in found:
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _content(phrase: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]*", phrase.lower()) if w not in FUNCTION]


PERSONS = set("he she they we you i someone everyone".split())
PARTICLES = set("up down out off in on over across into onto through around away back".split())


def _key(phrase: str) -> str:
    """The name of a moment: its first run of content words ("the photo of their wedding day" -> "wedding day",
    "Tokyo at night" -> "tokyo"); in a time clause the one who acts ("when our founder talks" -> "founder", "when
    the bride's dad speaks" -> "bride's dad") or, when that is a pronoun, what is acted on ("when he does the
    spin" -> "spin")."""
    toks = re.findall(r"[a-z][a-z'-]*", phrase.lower())
    if toks and toks[0] in ("when", "whenever", "while", "once", "as", "every", "where"):
        toks = [w for w in toks[1:] if w not in ("soon", "as", "time")]
        if toks and toks[0] in PERSONS:   # "she picks up the poop bag": the verb and its particles skipped
            toks = toks[2:]
            while toks and toks[0] in PARTICLES:
                toks = toks[1:]
        elif toks and toks[0] in FUNCTION:   # "our founder talks": the one who acts
            head = toks[1:3] if len(toks) > 2 and toks[1].endswith("'s") else toks[1:2]
            return " ".join(head) if names.is_name(" ".join(head)) else ""
        else:   # "when Tom arrives": the one named
            return toks[0] if toks and names.is_name(toks[0]) else ""
    while toks and (toks[0] in FUNCTION or toks[0] in CONTAINERS and len(toks) > 1 and toks[1] in ("of", "with")):
        toks = toks[1:]
    if toks[:1] and toks[0] in CONTAINERS and toks[1:2] and toks[1] in ("where", "when"):
        return _key("when " + " ".join(toks[2:]))   # "the part where he jumps": as "when he jumps"
    run = []
    for w in toks:
        if w in FUNCTION or w in CONTAINERS:
            break
        run.append(w)
    run = run[:2]
    while run and not names.is_name(" ".join(run)):
        run = run[:-1]
    return " ".join(run)


def _about_music(phrase: str) -> bool:
    """The phrase names the music, a part of it, how it plays, who hears it or the whole video."""
    low = phrase.lower()   # "the drumms", "the boom boom": a part misspelt or sounded is still a part; a homophone
    # mended into a music word is not ("the temple" in a video of Kyoto is a place in the picture, not "the tempo");
    # a part dictated is read with a verb after it, as the phrase was said ("base is too loud": the bass)
    return not WORLD_SOUND_RE.search(low) and bool(named_parts(plain_parts(spelled(as_part(low, named_parts) + " is")))) or any(w in MUSIC or w.rstrip("s") in MUSIC or w[:-2] in MUSIC
                                                               and w.endswith("es") for w in re.findall(r"[a-z][a-z-]*", WORLD_SOUND_RE.sub(" ", low)))


def _shown(phrase: str, subject: str) -> bool:
    """The moment's words are all the opening request's own (the whole video shows it)."""
    said = {w[:4] for w in re.findall(r"[a-z]+", subject.lower()) if len(w) > 2}
    own = [w for w in _content(phrase) if len(w) > 2]
    return bool(own) and all(w[:4] in said for w in own)


def described(request: str, subject: str = "") -> Moment | None:
    """The moment of the picture a request names by its content, or None.

    Args:
        request: the user's words.
        subject: the opening request (what the whole video shows).
    """
    for phrase, named in _phrases(request):   # a subject must be a name; a clause of time may describe without one
        key = _key(phrase)
        if TEMPLE_RE.match(phrase.strip()) and SPEED_RE.search(request):
            continue
        if named and not key or _about_music(ROUGH_PLACE_RE.sub(" ", phrase)) or _shown(phrase, subject) or not _content(phrase) or \
                re.search(PICTURE_CHANGES[0], phrase.lower()) or \
                all(w in ORDER or w.rstrip("s") in CONTAINERS for w in _content(phrase)):
            continue   # "all remaining sections", "the other shots": stretches of the score, counted, not described; "when
            # the picture changes the first time": a cut, counted
        return Moment(phrase, key)
    return None


SOUNDED_RE = re.compile(f"{TWINKLY}|{BELL_SOUND}", re.I)   # a part named by its sound ("the bell sound", "the chimes"): no moment


def _phrases(request: str) -> list[tuple[str, bool]]:
    """The phrases of a request that may describe a moment, each with whether it is a subject (needs a name)."""
    text = SOUNDED_RE.sub("celesta", re.sub(r"[\"“”‘’]", "'", request))
    found = []
    for m in WHEN_RE.finditer(text):
        body = m.group("body").strip()
        first = body.split()[0].lower()
        if first in WHEN_STOP or first.startswith("it") and first != "its":
            continue
        found.append((m.group(0).strip(), False))
    # each sentence and each clause joined on ("add a flute, and the dog scene should be calmer")
    for sentence in re.split(rf"(?<=[.?;])\s+|\n|,\s*(?=(?:and|but|also|plus|then)\b)|\s+(?=(?:and|but) {DET}\b)", text):
        if m := SUBJECT_RE.match(sentence.strip()):
            np = m.group("np").strip()
            if not any(w in SUBJECT_STOP or w.endswith("ly") for w in np.lower().split()) and \
                    not LISTENING_RE.match(sentence.strip()[m.end():]):
                found.append((np, True))
    found += [(m.group(0).strip(), False) for m in CONTAINER_RE.finditer(text)]
    return found + [(m.group(0).split(None, 1)[1], True) for m in NAMED_PART_RE.finditer(text)
                    if names.is_name(m.group("name").lower())]


# "the temple is a little slow", "the temple feels rushed": dictation's tempo, judged by its speed (a temple in the
# picture is neither slow nor rushed: "the temple is shots 5 to 7" stays a place)
TEMPLE_RE = re.compile(r"^(?:the|this|that|your|my|our)(?: original| same| old| current)? temple$", re.I)
SPEED_RE = re.compile(r"\b(?:slow|fast|quick|rush|drag|hurr|sluggish|speed|pace)\w*", re.I)


QUESTION = ("Where is '{}'? I can't see that in the picture, only cuts, shots and motion: name a shot or a time "
            "(e.g. 'shot 3' or 'from 0:12 to 0:20') and I'll change it there. The score is unchanged.")


def ask(moment: Moment) -> Ask:
    """The one question for a described moment: where it is."""
    return Ask(QUESTION.format(moment.phrase[:60]))


UNPLACED = ("revert", "undo", "route", "take", "lock", "unlock", "key")   # edits that name no place of the picture


def _part_back(intent) -> bool:
    """A part put back as it was ("bring the guitar back in when the rotor comes off"): a going back with a place."""
    return intent.what == "revert" and bool(intent.target)


def unplaced(request: str, intents: list | None, analysis: VideoAnalysis, plan: ScorePlan,
             history: list[ScorePlan] | None = None) -> Ask | None:
    """The where-question for a request that describes a moment the grammar could not place, or None.

    Args:
        request: the user's words.
        intents: what the readers made of it (None when they asked a question instead).
        analysis, plan, history: the video, the current plan and the plans so far.
    Returns:
        The question, when the request describes a moment that is no place said in numbers, no name given
        before and not the whole video, and the reading would change the whole score (or asked instead).
    """
    first = history[0] if history else plan
    moment = described(request, first.request)
    rough = moment is not None and ROUGH_PLACE_RE.search(moment.phrase)
    if moment is None or intents and (any(it.scope.kind != "whole" or it.scope.times_s for it in intents) and not rough
                                      or all(it.what in UNPLACED and not _part_back(it) for it in intents)):
        return None
    if intents and (c := evoked(said := words(moment.phrase.lower()))) and \
            len(left := _content(_blanked(said, c[1]))) < len(_content(" ".join(m[0] for m in c[1]))) and \
            not CONTAINERS & set(left) and any(it.what == "style" and it.value == c[0].style for it in intents):
        return None   # "a military parade feel", "when the villain ties the lady to the railway line": the scene the style
        # was read from, most of its words, no moment of the picture ("the photo of their wedding day" is one: a photo,
        # "the harvest festival part" a stretch of it)
    if intents and all(it.what in ("style", "mode") and it.reason and it.scope.kind == "whole" for it in intents):
        return None   # "like a superhero teaser, the team on a rooftop while the city burns": the scene's picture, no place
    known = names.earlier(history)
    if any(compiled(rf"\b{re.escape(n)}\b").search(moment.phrase.lower()) for n in known) or names.said(request) or \
            NUMBERED_PLACE_RE.search(words(request.lower())):
        return None   # a name given before or here, or a place said in numbers: the grammar's to place
    try:
        if not rough and locate(names.as_places(words(request.lower()), dict(known), names.noun_of(request)), analysis, plan):
            return None
    except Ask:
        pass
    return ask(moment)
