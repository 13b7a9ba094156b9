"""How the music feels against the picture, said in everyday words: similes and feelings ("it feels like a
funeral", "should feel cosy, like a blanket", "like a hotel lobby, not a supermarket") read as moves on the
plan, said in the grammar's own words before the grammar reads the request.

    from v2m.agent.dialogue.similes import plain
    plain("it feels like a funeral when they're just walking the dog")   # " more energy brighter "

The one rule: a simile of how the music IS now ("it feels like X", "it sounds like X", "it's like X", "too
much, like X", "not X") is a place to move AWAY from; a simile of a wish ("should feel like X", "make it feel
X", "I want people to feel X", a bare "like X" after a wish) is a place to move TOWARD. "X, not Y" is both.
A scene names a mood of `vocab.MOODS` (or, for a few, a shape, a tempo or an instrument), so toward is that
mood and away is its opposite energy (and brighter, away from a dark, low mood). A simile that only supports a
direction said beside it ("too much now, like the Olympics") adds nothing; one whose way is unclear ("a bit
cold, like a hospital": softer or fuller?) is asked about. A style is switched to only by "make it sound like
X", "in the style of X" (`cultures`, read later by the grammar); a culture said as the music's present state
is never a style to switch to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from v2m.agent.dialogue.arbiter import Unclear
from v2m.agent.dialogue.cultures import AWAY_RE, REASON_RE, table
from v2m.agent.dialogue.simile_scenes import Feel, SCENE_RES
from v2m.agent.dialogue.where import Ask
from v2m.agent.dialogue import hit_words, mentions, moments, operations, patterns, phrases, spelling
from v2m.agent.dialogue.verdicts import COMPLAINTS, PRAISE
from v2m.agent.dialogue.vocab import INSTRUMENTS, MOODS, ROLE_WORDS


# The music said to be in a state the grammar moves away from as from "too X" (`verdicts.COMPLAINTS`)
STATE_WORD_RE = re.compile(r"\b(?:is|are|'s|feels?|sounds?|seems?|gone|gets?|getting|got|went|goes|going|runs|running|moving|playing)((?: (?:"
                           rf"{mentions.HEDGES}|rather|pretty|quite|really|so|very|much|"
                           r"way|all|just|now))*) (" + "|".join(sorted(set(phrases.TOO) - {"flat"}, key=len, reverse=True)) +
                           r")\b", re.I)   # "flat" also means out of tune, or "flat out": the grammar's idioms read it

# "like", "like a", "like it's the", "like being in a" before a scene: part of the simile
LIKE_RE = re.compile(r"\b(?:(?:a bit|a little|kind of|sort of|more|just|exactly) )?like(?: (?:it'?s|it is|s?he'?s|s?he is|we'?re|(?:this|that|the|our|my|his|her|their) [a-z]+ (?:is|was|are)|"
                     r"you'?re|they'?re|they are|being|being in|being at|at|in|a|an|the|some|someone'?s|somebody'?s))*\s*$", re.I)
# Three negations, three readings, kept apart: NOT_RE and NEGATED_RE end the words before a simile and lead opposite
# ways; NEG_RE finds a negation anywhere after a wish. One word list would join "it doesn't sound like a party"
# (the music lacks it: toward) and "it shouldn't sound like a party" (a wish against it: away).
# "not like a", "rather than", "less": the music moved away from the simile
NOT_RE = re.compile(r"\b(?:not|never|rather than|instead of|less|nothing|no)(?: (?:like|as|so much|a|an|the|"
                    r"some|in|at))*\s*$", re.I)
# The music said NOT to be like a scene yet ("it doesn't feel cosy", "it still doesn't sound like a party"): a wish
NEGATED_RE = re.compile(r"\b(?:doesn'?t|does not|don'?t|do not|didn'?t|did not|isn'?t|aren'?t|not)(?: (?:really|quite|yet|"
                        r"still|even|exactly|very|so|that|much))* (?:feel|sound|seem|look)(?:s|ing)?(?: (?:like|enough|very|so|"
                        r"that|much|a|an|the|quite|really))*\s*$", re.I)
# a wish said not to be ("don't make it", "shouldn't"), and the "not" taken out of the words kept before a move away
NEG_RE = re.compile(r"\b(?:not|never|cannot|dont|doesnt|wont|wouldnt|shouldnt|mustnt)\b|n['’]t\b", re.I)
UNSAID = set("not never cannot dont don't doesn't doesnt didn't isn't can't won't wouldn't shouldn't mustn't want wanted wish need needs make "
             "let it them this to feel sound seem look be like a an i we you really just ever at all".split())
# The user likes the music as a scene ("it feels like a horror film and I love it", "sounds like a trailer, perfect"):
# a description to keep, no move (never after "not": "not great")
APPROVAL_RE = re.compile(r"(?<!not )(?<!n't )(?:\b(?:which|that|it)(?:'s| is| was)? )?(?:\b(?:really|so|just|and) )*\b(?:"
                         rf"i love|love (?:it|that|this)|{PRAISE}|exactly (?:what|right|how)|"
                         r"keep (?:it|that|this)(?! (?:down|up|from|away|out|quiet|low|short|simple))|"
                         r"in a good way|(?:sounds|looks|feels|it'?s|that'?s) great|great(?= for\b|\W*$))"
                         r"[^,.;!?]*?(?=\s*(?:\bbut\b|\bexcept\b|\bthough\b|[,.;!?]|$))", re.I)
# "it's a", "this is our": the video named, with no "like" (a purpose, read by `cultures`)
NAMED_RE = re.compile(r"\b(?:is|are|was|were|it'?s|that'?s|this is|everything'?s)(?: (?:(?:gameplay|footage|(?:a )?clips?|(?:a )?video|"
                      r"(?:a )?scenes?) )?(?:from|of|for|at))?(?: (?:a|an|the|just|only|our|my))"
                      r"(?: (?!bit\b|little\b|touch\b|tad\b|lot\b)[\w'-]+){0,4}"
                      r"(?: (?:of|for|at) (?:a|an|the|our|my|his|her|their)(?: [\w'-]+){0,2})?\s*$", re.I)   # "it's a corporate explainer"
# a feeling followed by the video ("it's the memorial video"): what the video is, unless said as how it sounds
SAID_LIKE_RE = re.compile(r"\b(?:feels?|felt|sounds?|sounded|seems?|looks?|like)\b", re.I)
VIDEO_AFTER_RE = re.compile(r" (?:video|film|clip|footage|slide ?show|montage|reel|tribute)s?\b", re.I)
# A purpose: "this one is for a mindfulness app", "we need it for my niece's birthday": what the video is for
PURPOSE_RE = re.compile(r"\bfor (?:a|an|the|our|my|his|her|their|this|that|some|[\w]+'s)(?: [\w'-]+){0,4}"
                        r"(?: (?:on|about|of|at|in) (?:a|an|the|our|my)?)?\s*$", re.I)   # "for our history project on the"
# A wish: what should be ("should feel", "make it feel", "I want everyone to feel", "needs to be"); how we feel
WISH_RE = re.compile(r"\b(?:as if|as though|should|shall|must|needs?|has to|have to|ought|want|wants|wanted|wish|would|could|can|"
                     r"make|makes|let|give|gimme|more like|bit more|supposed|meant|i'?d|we'?d|hoping|hope|"
                     r"think|picture|imagine|channel|go for|aim for|closer to|something like|(?:we|i)(?:'re|'m| are| am)"
                     r"(?= (?:so |really |very |all |just )?$))\b", re.I)   # "think 70s cop show"; "we're proud": to score
# The music as it is now: "it feels like", "sounds like", "it's like", "too ... like", "is a bit sleepy"
STATE_RE = re.compile(r"\b(?:feels|felt|feeling(?! of\b)|sounds|sounded|sounding|seems|seemed|is|are|was|were|it'?s|that'?s|"
                      r"everything'?s|too|gone|gets|getting|becomes?|turned into|enough|now)\b", re.I)
# feel/sound right after a wish ("should feel", "make it sound", "can the intro sound"): still the wish
AFTER_WISH_RE = re.compile(r"\b(?:as if|as though|please|(?:should|must|would|will|can|could|might)(?: (?:the|this|that|our|my|your|its) "
                           r"(?:[a-z]+ ){0,2}[a-z]+)?|to|gonna|let (?:it|them)|(?:want|need|wish|prefer)(?:s|ed)? (?:it|this|them|that)|make (?:it|them|this|that|(?:the|this|that|our|my|your|its) (?:[a-z]+ ){0,2}[a-z]+|\w+))"
                           r"(?: (?:really|just|also|still|more|a bit|kind of|all|it|them|this|that))* (?:feel|sound|seem|"
                           r"look|be)s?\s*$|^\W*(?:just |pls )?sound\s*$", re.I)   # "sound like a western": an order
# "when they're just walking the dog", "it's just a bike shop, not ...": the picture, said against the music
PICTURE_RE = re.compile(r"\b(?:when|while|and) (?:[\w']+ ){0,2}?(?:just|only|simply|merely) [^.,;!?]*"
                        r"|\b(?:it'?s|this is|that'?s|these are|they'?re|we'?re) (?:just |only )?(?:a|an|the|our|my) "
                        r"[a-z' ]{2,40}?(?=,? (?:not|rather than)\b)", re.I)
# A direction the request says in the grammar's words (after its idioms): the simile beside it only supports it
DIRECTION_RE = re.compile("|".join((phrases.MORE_RE, phrases.LESS_RE, phrases.SLOW_RE, phrases.FAST_RE, phrases.LOUD_RE,
                                    phrases.QUIET_RE, r"\b(?:brighter|darker|happier|sadder|calmer|major|minor)\b",
                                    r"\b(?:build|grow|swell|fade)\w*")))


def _directed(text: str) -> bool:
    """`text` says a direction in words the grammar reads ("too busy", "bring it down", "calmer")."""
    t = phrases.plain(spelling.spelled(phrases.words(text)))   # dictated: "the base is to loud"
    return bool(DIRECTION_RE.search(t) or MOOD_RE.search(t))


MOOD_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for m in MOODS.values() for w in (m.name, *m.words)) + r")\b", re.I)
INSTRUMENT_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in (*INSTRUMENTS, *ROLE_WORDS)) + r")s?\b", re.I)   # "less melody"
HEDGE_RE = re.compile(rf"\b(?:{mentions.HEDGES})\b", re.I)
# The rest of a simile's scene ("a car chase in a movie", "a documentary about whales"); never a place said
# after it ("like a circus from 0:19", "in the second shot"), which stays for the grammar
ABOUT_RE = re.compile(r" (?:(?:about|of|with) |(?:in|for) (?:a|an|our|my|his|her|their) )"
                      r"(?![^,.;!?]*(?:\d|\b(?:shots?|cuts?|start|end|ending|intro|outro|middle|bit|part|section)\b))"
                      r"[^,.;!?]*", re.I)
CULTURE_ANSWERS = ("calmer", "livelier", "brighter", "darker", "slower", "faster")


@dataclass(frozen=True)
class Found:
    start: int      # where the simile starts ("like a ..." included)
    end: int
    feel: Feel | None   # None: a culture said as the present state (no style switch; asked when alone)
    words: str      # the user's words for it
    like: bool = False   # said as a simile ("like a ...")


def _found(sentence: str) -> list[Found]:
    """Scenes, feelings and cultures in one sentence, in order, without overlaps (the longest first)."""
    # a culture first: on the same words ("like a spa") it is the style wished for; said of the music now, its
    # scene's feeling is read instead (in `plain`). A sound ("taiko") is no simile.
    hits = [(m.start(), m.end(), None) for r, c in table() if c.weight >= 1 for m in r.finditer(sentence)]
    hits += [(m.start(), m.end(), f) for r, f in SCENE_RES for m in r.finditer(sentence)   # not a purpose a quality is too
             if not _of_part(sentence, m) and not REASON_RE.search(sentence[:m.start()])]   # much for ("too fast for a funeral")
    hits += [(m.start(2), m.end(2), Feel(away=phrases.TOO[m.group(2).lower()])) for m in STATE_WORD_RE.finditer(sentence)
             if m.group(1).strip(" now") or m.group(2).lower() in COMPLAINTS]
    out: list[Found] = []
    for a, b, f in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if out and a < out[-1].end:
            continue
        like = LIKE_RE.search(sentence[:a])
        out.append(Found(like.start() if like else a, b, f, sentence[a:b].strip(), bool(like)))
    return out


# A clause that says where ("first half feels rushed and the second half needs more punch"): its complaint is its own
# change, not the reason for the other's ("speed it up, it's boring")
PLACED_RE = re.compile(r"\b(?:shots?|cuts?|intro|outro|middle|ending|end|beginning|start|opening|half|third|quarter|"
                       r"from|after|until|till|before)\b|\d", re.I)
CLAUSE_EDGE_RE = re.compile(r"[,;]|\b(?:and|but|while|whereas|though)\b", re.I)


def _placed_apart(sentence: str, at: int) -> bool:
    """The clause of `sentence` holding `at` names a place, and another clause names one of its own."""
    edges = [0, *(m.start() for m in CLAUSE_EDGE_RE.finditer(sentence)), len(sentence)]
    clauses = [(a, b, sentence[a:b]) for a, b in zip(edges, edges[1:])]
    own = [c for a, b, c in clauses if a <= at < b]
    return bool(own and PLACED_RE.search(own[0])) and sum(bool(PLACED_RE.search(c)) for _, _, c in clauses) >= 2


def _of_part(sentence: str, m: re.Match) -> bool:
    """A scene's words said of a part in its clause ("let the piano stand out"), or of the picture in a time clause
    ("when the flowers bloom at 0:20, a crash": a moment): no simile ("the drums make it feel like a funeral" is one)."""
    a = max(sentence.rfind(x, 0, m.start()) for x in ",;") + 1
    b = min([k for x in ",;" if (k := sentence.find(x, m.end())) >= 0] or [len(sentence)])
    seen = any(w.start("body") <= m.start() - a < w.end("body") for w in moments.WHEN_RE.finditer(sentence[a:b]))
    return not LIKE_RE.search(sentence[:m.start()]) and bool(seen or INSTRUMENT_RE.search(sentence[a:m.start()] + " " + sentence[m.end():b]))


def _way(prefix: str, before: str | None, like: bool = True, culture: bool = False) -> str:
    """"away" or "toward": how a simile after `prefix` (its sentence so far) is meant; `before`: the way of
    the sentence before, for a bare "like X" or "cosy" said on its own."""
    clause = re.split(r"[,;]|\bbut\b", prefix)[-1]
    wished = [m for m in WISH_RE.finditer(clause)]
    if wished and NEG_RE.search(clause[max(0, wished[-1].start() - 20):]):
        return "away"   # "I don't want it to feel like a funeral", "it should not sound cosy"
    if NEGATED_RE.search(prefix):
        return "toward"
    if NOT_RE.search(prefix):
        return "away"
    if not like and culture and (NAMED_RE.search(prefix) or PURPOSE_RE.search(prefix)):   # what the video is (for)
        return "toward"
    if not like and PURPOSE_RE.search(clause) and not NEG_RE.search(clause):   # "this is for a memorial slideshow"
        return "toward"
    # "make it sound like it's from the 1920s": the "it's" inside the simile is still the wish's
    prefix = re.sub(r"\b(like|as if|as though) (?:it'?s|it is|it was|it were|s?he'?s|s?he is|they'?re|they are|they were)\b", r"\1", prefix)
    wish = max((m.end() for m in WISH_RE.finditer(prefix)), default=-1)
    state = max((m.end() for m in STATE_RE.finditer(prefix)), default=-1)
    for m in re.finditer(r"\b(?<!the )(?<!a )(?:feel|sound|seem|look)\b(?! of\b)", prefix, re.I):   # "should feel" or "the shots
        # feel"; never a noun ("the feel of a last stand": what is wished)
        if AFTER_WISH_RE.search(prefix[:m.end()]):
            wish = max(wish, m.end())
        else:
            state = max(state, m.end())
    if wish < 0 and state < 0:
        return before or "toward"
    return "toward" if wish > state else "away"


def _words(feel: Feel, way: str) -> str:
    """The grammar's words for moving toward or away from a feeling."""
    if way == "toward":
        return feel.toward or (feel.mood or "")
    if feel.away:
        return feel.away
    mood = MOODS[feel.mood]
    words = "more energy" if mood.energy < 0 else "less energy"
    return words + (" brighter" if mood.mode == "minor" and mood.energy < 0 else "")


def _said_way(sentence: str) -> str | None:
    """The way a sentence with no scene leans, for a bare simile after it: a complaint ("it doesn't sound
    painful enough") is away; a sentence with neither a complaint nor a simile says nothing. A simile's own
    words say no way ("should feel like a storm is coming": the "is" is the storm's)."""
    if re.search(r"\b(?:like|enough|too)\b|\bdoesn'?t|\bisn'?t", sentence, re.I):
        like = re.search(r"\blike\b", sentence, re.I)
        return _way(sentence[:like.end()] if like and not re.search(r"\b(?:enough|too)\b|n'?t\b", sentence, re.I)
                    else sentence, None)
    return None


def plain(request: str) -> str:
    """`request` with its similes and feelings said in the grammar's words (the rest as typed).

    Raises:
        Ask: a feeling whose way is unclear ("a bit cold"), or the music said to be like a culture ("it sounds
        like a western now"), with nothing else in the request to say which way to move.
    """
    out, before, asks, moved, unclear = [], None, [], False, []
    approved = bool(APPROVAL_RE.search(request))
    for sm in patterns.SENTENCE_RE.finditer(request):
        s = sm.group(0)
        found = _found(s)
        if not found or hit_words.MARK_SUBJECT_RE.match(s) or mentions.PART_FLAWED_RE.search(s):
            # "the hit on the last cut feels cheesy": that mark; "the sax sounds a bit cheesy": that part (`orchestration`)
            out.append(s)
            before = _said_way(s) or (before if not s.strip(" .!?;") else None)
            continue
        away = any(_way(s[:f.start], before, f.like, f.feel is None) == "away" for f in found)
        s = _without_picture(s, away)
        rest = s
        for f in found:
            rest = rest[:f.start] + " " * (f.end - f.start) + rest[f.end:]
        supported = _directed(rest)   # "too much now, like the Olympics": said in plain words
        said: list[str] = []
        kept = False   # a simile the user likes: its praise is no mood either ("I love it": not "romantic")
        pieces, last, way = [], 0, before
        for f in found:
            if f.start < last or f.feel is None and f.words.lower() in INSTRUMENTS:   # inside a simile already read ("sad
                continue   # for a birthday"); an instrument, no culture ("no grand piano before 0:08": before, "it sounds like grand piano")
            # a comparative ("warmer", "cosier") says the way itself: toward
            way = "toward" if re.fullmatch(r"warmer|\w+ier|more \w+", f.words, re.I) or VIDEO_AFTER_RE.match(s, f.end) and \
                not SAID_LIKE_RE.search(s[:f.start]) else _way(s[:f.start], before, f.like, f.feel is None)   # "it's the
            # memorial video": the video's own ("it feels like a corporate video" is how the music feels)
            complaint = f.feel is not None and not (f.feel.mood or f.feel.toward)   # "it's gone sleepy"
            if way == "away" and approved and not complaint and not re.search(r"\btoo\b", s[:f.start], re.I):
                pieces.append(re.sub(r"[^,;]*$", " ", s[last:f.start]))   # "the end sounds like a trailer, perfect": no move
                kept = True
                last = f.end
                continue
            if f.feel is None and (way == "away" or away):   # "like a stadium anthem": how a scene in it feels;
                # "like a yoga class, not a fairground": a contrast of feelings, not a style
                f = next((Found(f.start, f.end, feel, f.words) for r, feel in SCENE_RES if r.search(f.words)), f)
            if f.feel is None:   # a culture
                # a style asked for, or "less corporate"; a story of what the video shows is offered instead (below)
                if (way == "toward" or AWAY_RE.search(s[:f.start])) and not phrases.STORY_RE.match(s[:f.start]):
                    pieces.append(s[last:f.end])   # "make it feel like a wedding film": the style, read by the grammar
                    moved = True   # a way to go, also for a culture only described beside it ("a video of our wedding")
                else:   # "it sounds like a western now", "not like a video game": no style to switch to
                    pieces.append(_undescribed(NOT_RE.sub(" ", s[last:f.start])) + " ")
                    if not supported and phrases.STORY_RE.match(s[:f.start]):   # "it's a video of our wedding"
                        asks.append((f"So it's a {f.words} video. Should the music suit that (say yes), or what should "
                                     "change: calmer or livelier, brighter or darker, slower or faster?",
                                     (f"make it sound like {f.words}",)))
                    elif not supported:
                        asks.append((f"It sounds like {f.words} to you now: what should change, calmer or livelier, "
                                     "brighter or darker, slower or faster? Say which, and where.", CULTURE_ANSWERS))
                last = f.end
                continue
            if f.feel.unclear:   # the grammar's to read if anything else is said; else asked
                asks.append((f.feel.ask.format(w=f.words), f.feel.answers))
                pieces.append(s[last:f.start] + f"\x00{len(unclear)}\x00")
                unclear.append(s[f.start:f.end])
                last = f.end
                continue
            words = "" if way == "away" and supported and not _placed_apart(s, f.start) else _words(f.feel, way)
            if words and any(_covers(w, words) for w in said):
                words = ""   # "cosy, like a blanket": one move, said once
            if words:
                said.append(words)
            lead = s[last:f.start]
            cut = max(lead.rfind(","), lead.rfind(";")) + 1   # "I don't want the end to feel", "it shouldn't sound":
            if way == "away" and (neg := NEG_RE.search(lead, cut)):   # the move away and its place, without the "not"
                at = lead.rfind(" ", cut, neg.start()) + 1 or cut
                lead = re.sub(r"(?:\b(?:i|we|it|you|they|do|does|would|will|should|must|really|just)\s*)+$", " ", lead[:at],
                              flags=re.I) + " ".join(w for w in lead[at:].split() if w.lower() not in UNSAID)
            if way == "away":   # "it feels like", "now it's like", "not a": the description goes with the simile
                lead = _undescribed(NOT_RE.sub(" ", lead))
            hedge = "a little " if HEDGE_RE.search(s[max(0, f.start - 30):f.end]) and words else ""
            if not words and way == "toward" and not said:
                pieces.append(s[last:f.end])   # "should feel sleepy": the grammar's own word, left to it
            else:
                pieces.append(f"{lead} {hedge}{words} ")
            last = f.end
            if way == "away" and (m := ABOUT_RE.match(s[last:])) and not INSTRUMENT_RE.search(m.group(0)):
                last += len(m.group(0))   # "like a car chase in a movie": one simile ("... with those drums": the grammar's)
        out.append("".join(pieces) + (APPROVAL_RE.sub(" great ", s[last:]) if kept else s[last:]))
        before = way if not all(f.feel is not None and f.feel.unclear for f in found) else None
        moved = moved or bool(said)
    said = " ".join(out)
    if asks and not moved and not (_directed(said) or INSTRUMENT_RE.search(said)):
        raise Unclear(*asks[0])
    # an unclear feeling beside a move read ("like a hotel lobby, not a supermarket") goes with it; beside
    # the grammar's own words ("classy piano") it is left to the grammar
    return re.sub(r"\x00(\d+)\x00", lambda m: " " if moved else unclear[int(m.group(1))], "".join(out))


def _without_picture(sentence: str, away: bool) -> str:
    """`sentence` with the picture said against the music blanked (same length): "it's a bike shop, not ..." always,
    "when they're just walking the dog" beside a simile of the music now (`away`)."""
    def blank(m: re.Match) -> str:
        said = m.group(0)
        return " " * len(said) if away or not said.lower().startswith(("when", "while", "and")) else said
    return PICTURE_RE.sub(blank, sentence)


def _undescribed(lead: str) -> str:
    """The words before a description of the music now, without its verb ("now it's", "the start feels a bit")."""
    lead = re.sub(r"\b(?:feels?|felt|sounds?|seems?|is|are|was|'s|it'?s)(?: (?:a bit|a little|kind of|sort of|just|way|"
                  r"really|so|very|too much|too|now|all|like))*\s*$", " ", lead, flags=re.I)
    return re.sub(r"(^|[,;.!?])\s*(?:(?:now|and|but|so|ok|okay|well|yeah|hmm) )*(?:it|this|that|everything|the music|"
                  r"the score|the track|it all)?\s*$", r"\1 ", lead, flags=re.I)


def _covers(said: str, words: str) -> bool:
    """A move already said covers `words` (the same, or a mood that moves energy the same way)."""
    if said == words:
        return True
    mood = MOODS.get(said)
    return mood is not None and words in ("less energy", "more energy") and \
        (words == "less energy") == (mood.energy < 0)


# "a warm balance", as `plain` says a warmer sound: each low or sustained part playing at the place a little forward
# ("a cool balance", what "too warm" says: each a little back)
WARM_RE, WARM_ROLES = re.compile(r"\b(warm|cool) balance\b"), ("bass", "harmony", "pad", "strings")


def warmth(c, t: str) -> str:
    """The clause `c` (a `clauses.Clause`) wants each warm part playing at its place a little louder ("cool": softer)."""
    if not (m := WARM_RE.search(t)):
        return t
    ss = [s for s in c.plan.sections if c.span is None or (s.start_s < c.span.end_s and c.span.start_s < s.end_s)]
    if not (roles := [r for r in WARM_ROLES if any(r in operations.effective_roles(c.plan, s) for s in ss)]):
        raise Ask("Nothing low or sustained plays there to bring forward for warmth. Softer there, or add a warm pad?")
    for r in roles:
        c.want("balance", value=r, direction="up" if m.group(1) == "warm" else "down", magnitude="small")
    return t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
