"""One table of the moments of the picture a chat has tied to places, keyed by the lemmas of their content words, so
that a moment said one way is found again said another: "he proposes in shot 6" is found by "the proposal", "when
he proposes" and "once he has proposed"; "crawling begins in shot 9" by "while the baby crawls" and "during the
crawl"; "the tasting shot is shot 11" by "on the tasting".

A tie is a clause that says only where a happening is: its place (`names.PLACE`: a shot, a cut, a time) and words
that name no edit, part, mood or place ("the kiss is in shot 12", "shot 5 is where the dog jumps", "in shot 13 the
team celebrates"). The ties come from the turns heard so far (`edit_log.requests`, a turn that changed no music
included) and from the request itself ("calmer once the speech starts? The speech begins in shot 4"). Before a
request is read, a phrase whose content lemmas meet a tie's ("when he proposes", "for the CEO bit") is said as the
tie's place, and the ties it used are dropped from it; `names` keeps reading the names said with a determiner.

    placed("more energy when he proposes", ["he proposes in shot 6"])   # "more energy in shot 6"
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import edit_log, lasting, music_places, name_words, names
from v2m.agent.dialogue.counted import ORD, ORDINALS
from v2m.agent.dialogue.drops import DROP_IS_RE
from v2m.agent.dialogue.marks import HIT_WORDS_RE
from v2m.agent.dialogue.moments import CONTAINERS, FUNCTION, _about_music
from v2m.agent.dialogue.patterns import CLAUSE_RE, PUNCTUATED_RE
from v2m.agent.dialogue import versions
from v2m.agent.dialogue.review_notation import notation
from v2m.agent.dialogue.verdicts import WISH
from v2m.agent.dialogue.world_sounds import WORLD_SOUND_RE
from v2m.tools.contract import ScorePlan

ADJECTIVES, NOT_NAMES, PLACE, is_name = name_words.ADJECTIVES, name_words.NOT_NAMES, names.PLACE, name_words.is_name

# ("the kitchen is from 0:24 to 0:36": one place, its "from" kept with it)
PLACE_RE = re.compile(rf"(?:\b(?:at|in|on|around|during|from|by) (?!\d+:\d{{2}}(?:\.\d+)? (?:to|and|till|until) \d))?\b(?P<place>{PLACE})")
WORD_RE = re.compile(r"[a-z][a-z'-]*")
# the words a tie is said with besides the happening's own: being, starting, happening, and where or when
FRAME = set("""is 's are was were be been being has have had happens happen happened starts start started begins begin
began comes come came goes go went off takes take place where when while once as that's thats which it's that
there here so then and now also on onward onwards r""".split())
PERSONS = set("he she they we you i someone everyone everybody".split())
SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "als", "al", "ures", "ure", "es", "ed", "s", "e")
# how a moment is said where the music changes: a time clause or a preposition, then the moment's words
LEADS = (r"when|whenever|while|where|once|as soon as|as|during|for|on|at|in|over|through|after|since|from|before|"
         r"until|till|by")
# (or nothing, starting a clause: "dancing needs more energy", "kids playing part slower", as learners and phones say it)
LEAD_RE = re.compile(rf"\b(?P<lead>{LEADS})\s+(?P<rest>[a-z][a-z' -]*)|(?:\b(?P<det>the|that|this|our|his|her|their)\s+|"
                     r"(?:^|(?<=[,;.!?] ))(?=[a-z]))(?P<drest>[a-z][a-z' -]*)")
# a clause starting bare with a moment's word and then an object ("drop the drums", "play it louder") is an order
OBJECT_RE = re.compile(r" +(?:the|a|an|it|this|that|these|those|my|our|his|her|their|some|all|everything)\b")
COMPARED_RE = re.compile(r"(?:er|est|ly)$")   # "calmer", "biggest", "slowly": an edit (after a happening's verb, how it
# happens: "he falls slowly at 0:20")
# a simile's or a scene's frame ("like crossing the finish line", "think seventies TV comedy intro", "a
# finale-style ending"): a place word inside it names no place of this video, so it is left out of what is read
FRAME_RE = re.compile(r"\b(?:like|think|as if|as though|reminds? me of)\b[^,;.!?]*")
FRAMED_PLACE_RE = re.compile(r"(?:\b(?:the|a|an|its|their|our) (?:big |grand |final )?(?:ending|opening|beginning)|"
                             r"(?:\b(?:the|a|an|its|their|our) )?\b(?:finish|finale|end|intro|start|climax|outro))\b"
                             r"(?! of (?:the|this|it|our|my)\b(?! \w+ \w))(?: line)?")   # "a door opening": no place
LIKER_RE = re.compile(r"\b(?:i|we|you|they|he|she|would|'d|really|do|don'?t|didn'?t|not|also|still)\s*$", re.I)
CLAUSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|'s|feels?|sounds?|gets?|goes|comes|starts?)\b")
DEGREE_RE = re.compile(r"\b(?:too|bit|little|so|very|quite|pretty|rather|kinda|way|much|more|less|enough|now)\b")
# the one who asks, or what they ask for (`verdicts.WISH`'s words, and more): "in the final shot I want it to soar" is
# an edit (not `similes.WISH_RE`, the wishes a simile is said with)
ASKING_RE = re.compile(rf"\b(?:{WISH}|i|i'd|i'm|we|we'd|you|can|will|let|keep|like|love|hate|it|its|it's)\b")
# a tie has a subject: someone, something named, a happening ("crawling begins"), or the place itself ("shot 5
# is where ..."); a clause starting with a bare verb asks for something ("grow into the third cut", "lock ...")
FILLER_RE = re.compile(r"^\s*(?:(?:then|and|so|now|oh|ok|okay|also)\s+)*")
# someone or something arriving on screen, said with or without a determiner ("Monster shows up on cut 6", "the
# teacher walks in at 0:20"): the word before the verb is who arrives, a noun (no comparative: "monster", "teacher")
ARRIVES = (r"(?:shows? up|appears?|arrives?|enters?|turns? up|pops? up|walks? in|comes? in|bursts? in|steps? in|"
           r"leaves?|attacks?|wakes? up|jumps? out)")
# something said to be in the picture ("we got a freeze on cut five", "there's a freeze frame at 0:40"): that thing
HAVE_RE = re.compile(r"^(?:(?:so|ok|okay|and|now) )?(?:(?:we|i|you)(?:'ve| have)? (?:got|have)|there(?:'s| is| was|s)) (?=(?:a|an|the|this) )",
                     re.I)
# ... but a word of talk had ("we have a problem in shot 3", "I've got a question about shot 3"): a complaint or a
# question about the place, no happening in the picture
TALK_HAD_RE = re.compile(r"^(?:a|an|the|this|one|some|small|little|big|quick|real|tiny|\s)*(?:problem|question|issue|idea|feeling|"
                         r"thought|note|doubt|suggestion|request|comment|concern|complaint|query|q)s?\b")
SUBJECT_RE = re.compile(r"(?:the|our|my|his|her|their|a|an|he|she|they|someone|everyone|everybody)\b|"
                        rf"[a-z'-]+ing (?:begins|starts|is|happens|comes)\b|[a-z][a-z'-]+(?: [a-z][a-z'-]+)? {ARRIVES}\b")
NUMBERED_RE = re.compile(r"\b(cut|shot) (?:number |no\.? |#)")   # "cut number 6" is cut 6 (never 0:06)
NOUN_RE = re.compile(rf"\b(?:the|a|an|our|my|his|her|their|this|that) ([a-z][a-z'-]*)|^\s*([a-z][a-z'-]*)(?= {ARRIVES}\b)")
THATS_RE = re.compile(rf"[,;.]?\s*(?:that's|thats|that is|which is|it's|its)\s+(?:(?:in|at|on|around) )?"
                      rf"(?P<place>{PLACE})\s*",
                      re.I)
# the music's drop told ("the drop is at 0:20", "the drop hits at the fifth cut"): a moment to find again ("bigger at the
# drop"), though "drop" is a music word (`drops.DROP_IS_RE`, the same words read as the drums coming in there)
DROP_TOLD_RE = re.compile(rf"{DROP_IS_RE.pattern}(?: (?:in|at|on|around|by))?", re.I)
PLACE_IS_RE = re.compile(r"\s+(?:is|'s|was|shows|has|are|were|r)\b")   # "shot 5 is where the dog jumps", "shots 2-3 are the
# dancing"; "shot 7 fastr" asks
# a stretch between two shots counted ("from the second shot until the third shot", "from shot 2 to shot 3"): one place
SHOT_SAID = rf"(?:the )?(?:{ORD} shot|shot (\d+))"
SHOTS_SPAN_RE = re.compile(rf"\bfrom {SHOT_SAID} (?:to|until|till|through|thru|up to) {SHOT_SAID}\b")
# a verb of someone doing ("the kids are playing", "they're singing"): what they do, never the music's playing
DOING_RE = re.compile(r"\b(?:is|are|was|were|'re) [a-z]+ing\b")
KEEP_LEADS = {"after", "since", "from", "before", "until", "till", "by"}
# a time clause says a happening whatever follows it ("when he proposes strings come in"); after a determiner or a
# preposition, words followed by a part or a music word describe that thing ("the walking bass", "the driving feel",
# "for the rising strings"): no moment
TIME_LEADS = {"when", "whenever", "while", "once", "as soon as", "as"}
NEXT_WORD_RE = re.compile(r" +([a-z][a-z'-]*)")


def lemma(word: str) -> str:
    """A crude lemma: "proposes", "proposal", "proposed" -> "propo"; "crawling", "crawl" -> "crawl"."""
    w = word.lower().removesuffix("'s").removesuffix("'")
    for end in SUFFIXES:
        if w.endswith(end) and len(w) - len(end) >= 3 and not (end == "s" and w.endswith("ss")):
            w = w[:-len(end)]
            break
    return w[:5]


def _content(text: str) -> list[str]:
    """The words of `text` that may name a happening (no function, frame, person, place or container word)."""
    return [w for w in WORD_RE.findall(text.lower()) if w not in FUNCTION and w not in FRAME and w not in PERSONS
            and w.removesuffix("'s") not in NOT_NAMES and w not in CONTAINERS]


# a character of the story doing something ("the character walks in", "the main characters meet"): a person, not the
# music's character ("more character", "the character of the piece is wrong")
PERSON_RE = re.compile(r"\b(?:the|a|our|this|that|main|lead|other|new) characters?\b(?= (?!(?:is|are|was|were|feels?|sounds?|of|and|"
                       r"in|to|for|should|needs?|must|could|would|isn'?t)\b)[a-z]+)")
# a stretch named by the moment that starts it ("the boss part", "the jump section", "the boss fight"): a name's last word
# (`name_words.MOMENT_NOUNS`) but "moment", which is a point, and a happening that lasts ("fight")
STRETCH = rf"(?:{'|'.join(n for n in name_words.MOMENT_NOUNS if n != 'moment')}|segment|fight|battle)\b"
STRETCH_RE, STRETCH_END_RE = re.compile(rf" +{STRETCH}"), re.compile(rf"\b{STRETCH}$")
# someone who may ask for the music ("my boss wants it faster") seen doing something at a place: on screen ("the boss
# shows up at 0:13" in a game trailer, "the director walks in at 0:20")
ON_SCREEN_RE = re.compile(r"^\s*the (?:boss|client|director|producer|editor|team)\b(?= (?:[a-z]+s|is|are)\b)")


def _happening(rest: str) -> bool:
    """The words besides a place name a happening: some content, none of an edit, a part, a mood or a mark."""
    rest = PERSON_RE.sub(" someone", rest)   # "the character walks in": someone does
    content = _content(bare := WORLD_SOUND_RE.sub(" ", rest))   # "the bells ring (sound)": a sound of the picture, no part named
    nouns = {m[1] or m[2] for m in NOUN_RE.finditer(rest.lower())}   # "the monster", "Monster shows up": who, no comparative
    return bool(content or WORLD_SOUND_RE.search(rest)) and not DEGREE_RE.search(rest) and not ASKING_RE.search(rest) \
        and not _about_music(DOING_RE.sub(" ", ON_SCREEN_RE.sub(" ", rest))) and not HIT_WORDS_RE.search(rest) \
        and all((is_name(w.removesuffix("'s")) and w not in ADJECTIVES or w in ADJECTIVES and k < len(content) - 1)   # "the big jump"
                and (not COMPARED_RE.search(w) or k and w.endswith("ly") or w in nouns)
                for k, w in enumerate(content)) \
        and not any(w in NOT_NAMES - FRAME - FUNCTION - PERSONS - CONTAINERS for w in WORD_RE.findall(bare.lower()))


def _felt(rest: str) -> bool:
    """The words besides a place name a moment by how it feels ("the funny moment", "the sad bit"): `name_words.is_name`."""
    said = [w for w in WORD_RE.findall(rest.lower()) if w not in FUNCTION and w not in FRAME]
    return len(said) > 1 and said[-1] in name_words.MOMENT_NOUNS and name_words.is_name(" ".join(said))


def _shots(m: re.Match) -> str:
    """A stretch between two shots counted, said as `names.PLACE` reads it ("shots 2 to 3"); as said otherwise."""
    a, b = (int(n) if n else ORDINALS.get(o, -1) for o, n in (m.group(1, 2), m.group(3, 4)))
    return f"shots {a} to {b}" if 0 < a < b else m.group(0)


def tie(clause: str) -> tuple[frozenset[str], str] | None:
    """(the happening's lemmas, its place) when `clause` says only where a happening is, else None."""
    low = SHOTS_SPAN_RE.sub(_shots, HAVE_RE.sub("", notation(clause.lower()).strip()))   # "we got a freeze on cut five": a freeze there
    if TALK_HAD_RE.match(FILLER_RE.sub("", low)):
        return None
    if (told := lasting.held(low, is_name)) is not None:   # "the chase runs from 0:10 to 0:25": the chase is that stretch
        return frozenset(lemma(w) for w in _content(told[0])), told[1]
    found = list(PLACE_RE.finditer(low))
    if len(found) != 1:
        return None
    m = found[0]
    rest = low[:m.start()] + " " + low[m.end():]
    said = FILLER_RE.sub("", low)
    if not (SUBJECT_RE.match(said) or said.startswith(m.group(0).strip()) and PLACE_IS_RE.match(low, m.end())) \
            or not (_happening(rest) or _felt(rest) or DROP_TOLD_RE.fullmatch(rest.strip())):
        return None
    return frozenset(lemma(w) for w in _content(rest)), NUMBERED_RE.sub(r"\1 ", m.group("place"))


def _told(text: str) -> list[str] | None:
    """The clauses of `text` when each is a tie: said apart by punctuation ("he proposes in shot 6, the kiss is in
    shot 12"), else also by "and", "then" or "but" as `names` reads them ("the dog barks at 0:12 and the cat runs at
    0:20"); None when a clause is no tie."""
    for clauses in (CLAUSE_RE.findall(text), names.CLAUSES_RE.split(notation(text))):
        if (clauses := [c for c in clauses if c.strip()]) and all(tie(c) for c in clauses):
            return clauses
    return None


def ties(texts: list[str]) -> list[tuple[frozenset[str], str]]:
    """The ties said in `texts`, oldest first."""
    return [t for text in texts for c in (_told(text) or CLAUSE_RE.findall(text)) if (t := tie(c))]


def only_ties(request: str) -> bool:
    """Whether every clause of `request` is a tie ("he proposes in shot 6", "the kiss is in shot 12"): a moment told
    as a fact, no edit; the one reader of that (the reply notes it, `noted`; said again, nothing is read)."""
    return _told(request) is not None


def _moment(words_: list[str], known: list[tuple[frozenset[str], str]]) -> tuple[int, str] | None:
    """How many of `words_` name one known moment (content words all its lemmas, function words between), and where."""
    best = None
    for lemmas, place in reversed(known):   # a later tie wins
        n, hit = 0, False
        for k, w in enumerate(words_):
            if w in FUNCTION or w in FRAME or w in PERSONS or w in CONTAINERS or w in ("has", "have", "had"):
                n = k + 1
                continue
            if lemma(w) in lemmas:
                n, hit = k + 1, True
                continue
            break
        if not hit:
            n = 0
        while n and (words_[n - 1] in FUNCTION or words_[n - 1] in FRAME) and lemma(words_[n - 1]) not in lemmas:
            n -= 1
        if hit and n and (best is None or n > best[0]):
            best = (n, place)
    return best


def unframed(request: str) -> str:
    """`request` without the place words inside a simile's frame ("like crossing the finish line": "like crossing")."""
    def out(m: re.Match) -> str:
        said, bare = m.group(0), FRAMED_PLACE_RE.sub("", m.group(0))
        if LIKER_RE.search(request[:m.start()]) or CLAUSE_VERB_RE.search(said) or not _content(bare.split(" ", 1)[-1]):
            return said   # "I like the intro", "sounds like the ending is long", "like the opening": the place itself
        return bare
    return FRAME_RE.sub(out, request)


def _pointed(clauses: list[str]) -> list[tuple[frozenset[str], str]]:
    """Ties said by pointing back: "from the crawling on, that's shot 6" ties the last happening named in the
    clause before ("crawling") to shot 6."""
    found = []
    for k, clause in enumerate(clauses):
        if k and (m := THATS_RE.fullmatch(clause)):
            for lead in reversed(list(LEAD_RE.finditer(clauses[k - 1].lower()))):
                content = _content(lead.group("rest") or lead.group("drest"))
                if content and _happening(" ".join(content)):
                    found.append((frozenset(lemma(w) for w in content), m.group("place")))
                    break
    return found


def placed(request: str, history: list[ScorePlan] | None = None) -> str:
    """`request` with each moment a tie names said as the tie's place ("when he proposes" -> "in shot 6"), and
    without the ties it used (unchanged when it names none); place words in a simile's frame left out."""
    framed = request = unframed(request)
    if versions.BEFORE_RE.search(request) or versions.AFTER_RE.search(request) or versions.JUST_AFTER_RE.search(request):
        return framed   # "back to how it was before the candles": a version named by its edit, not the moment's place
    said = [c for c in CLAUSE_RE.findall(request) if c.strip()]
    own = [c for c in said if tie(c)]
    known = ties(edit_log.requests(history)) + ties(own) + (pointed := _pointed(said))
    if pointed:   # "from the crawling on, that's shot 6": the pointing clause is said as a tie
        request = THATS_RE.sub("", request)
        said, own = [c for c in CLAUSE_RE.findall(request) if c.strip()], [c for c in own if not THATS_RE.fullmatch(c)]
    if not known or len(own) == len(said):
        return framed
    inside = [(c.start(), c.end()) for c in CLAUSE_RE.finditer(request) if tie(c.group(0))]   # a tie is never rewritten
    earlier = names.earlier(history) | names.said(request)   # a name said with "the" and its place: `names` reads it
    low, out, k, used, pos = request.lower(), [], 0, False, 0
    while m := LEAD_RE.search(low, pos):   # a lead inside words naming no moment is tried on its own: "the part after the jump"
        pos = m.start() + 1
        if m.start() < k or any(a <= m.start() < b for a, b in inside):
            continue
        rest = m.group("rest") or m.group("drest")
        start = m.start("rest") if m.group("rest") else m.start("drest")
        ws = list(WORD_RE.finditer(low, start, start + len(rest)))
        hit = _moment([w.group(0) for w in ws], known)
        if not hit or any(names._name_re(name).search(low[m.start():ws[hit[0] - 1].end()]) for name in earlier):
            continue
        end = ws[hit[0] - 1].end()
        lead = m.group("lead")
        if not lead and not m.group("det") and (OBJECT_RE.match(low, end) or ws[0].group(0) in FUNCTION | FRAME | PERSONS):
            continue   # (a clause bare names a moment by its first word: "she trips ..." is one told again)
        if lead not in TIME_LEADS and (after := NEXT_WORD_RE.match(low, end)) and _about_music(after.group(1)):
            continue
        at = f"{lead} {hit[1]}" if lead in KEEP_LEADS else f"from {hit[1]} on" if lead in ("once", "as soon as") \
            else f"{'at' if hit[1][:1].isdigit() else 'in'} {hit[1]}" if lead else hit[1]   # "when he falls": at 0:32
        if lead in (None, "during", "in", "for", "through", "over") and hit[1][:1].isdigit() and \
                ((stretch := STRETCH_RE.match(low, end)) or STRETCH_END_RE.search(low, 0, end)):   # "the boss part",
            at, end = f"from {hit[1]} on", stretch.end() if stretch else end   # "during the boss fight": from 0:13 on
        out.append(request[k:m.start()] + at)
        k, used = end, True
    if not used:
        return framed
    text = "".join(out) + request[k:]
    return " ".join(c.strip() + p for c, p in PUNCTUATED_RE.findall(text) if not tie(c)).strip() or text


def noted(request: str, history: list[ScorePlan] | None = None) -> str:
    """The reply to a request that only ties moments to places ('Nothing changed; noted for later: "he proposes"
    is shot 6.'), or "" for any other request or ties already heard."""
    if not only_ties(request):
        return _with_the_music(request)
    known = set(ties(edit_log.requests(history)))
    said = [(c.strip(), t) for c in _told(request) if (t := tie(c)) and t not in known]
    if not said:
        return ""
    told = "; ".join(f'"{_label(c)}" is {t[1]}' for c, t in said)
    return f"{edit_log.NO_CHANGE}; noted for later: {told}."


def unheard(request: str) -> str:
    """`request` without the words a happening told may say besides an edit's (the music's sound as its place, "when
    it goes quiet"; a sound of the picture, "the bells ring"), for the grammar's check that it asks no edit."""
    return WORLD_SOUND_RE.sub(" ", music_places.SOUNDS_RE.sub(" ", request))


def _with_the_music(request: str) -> str:
    """The reply to a happening told with how the music sounds then ("when it goes quiet she cries"): a narration,
    noted, no edit (`music_places` offers a place for an edit said so: "when it gets quiet, add strings"), or ""."""
    if not (m := music_places.SOUNDS_RE.search(request)):
        return ""
    said = (request[:m.start()] + " " + request[m.end():]).strip(" ,.;")
    low = FILLER_RE.sub("", said.lower())
    if not said or not SUBJECT_RE.match(low) or not _happening(low):
        return ""
    return f'{edit_log.NO_CHANGE}; noted: "{said}" {m[0].strip(" ,").lower()}. Say what should change there, if anything.'


def _label(clause: str) -> str:
    """The moment's own words, without the place and the words it was tied with ("the goal is at the fifth cut":
    "the goal"; "shot 5 is where the dog jumps": "the dog jumps")."""
    if (told := lasting.held(notation(clause), is_name)) is not None:   # "the intro lasts until 0:06": "the intro"
        return f"the {told[0]}"
    said = PLACE_RE.sub("", HAVE_RE.sub("", notation(clause).strip())).split()   # "the ramp is shots six and seven": "the ramp"
    if said and said[0].lower() in ("a", "an") and len(said) > 1 and HAVE_RE.match(notation(clause).strip()):
        said[0] = "the"   # "we got a freeze on cut five": "the freeze"
    while len(said) > 1 and said[-1].lower() in FRAME and not (said[-1].lower() in name_words.PARTICLES and len(said) > 2 and
                                                               said[-2].lower() not in FRAME):
        said.pop()   # "she runs off at 0:20": "she runs off", the verb's own particle kept ("the bomb goes off": "the bomb")
    while len(said) > 1 and said[0].lower() in FRAME:   # "shot 5 is where the dog jumps": "the dog jumps"
        said.pop(0)
    return " ".join(said)
