"""Culture, era, place, purpose, screen genre and described sound read as a style and its instruments ("a 70s
cop show" is funk with brass, "a wedding video" classical strings in a major key, "taiko and braams" a trailer),
with the reason said to the user. The words are data: each style's YAML lists its `scenes`
(`v2m.tools.style.Scene`), so a new association is a line there, not code here; a culture moved away from ("less
corporate"); and a piece only the speaker knows ("like the one at Tunde's wedding"), which is asked about.

    from v2m.agent.dialogue.cultures import culture
    culture(" like a 70s cop show ")     # (Culture(style="funk", adds=("brass",), reason="..."), text left)

Used by the rules grammar (`v2m.agent.dialogue.edits`) and its phrase rewriting (`phrases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from v2m.agent.dialogue.patterns import compiled
from v2m.agent.dialogue.place_words import DECADE
from v2m.agent.dialogue.vocab import INSTRUMENTS, ROLE_WORDS, style_keywords
from v2m.tools.contract import EditIntent, EditScope
from v2m.tools.style import load_style, style_names


@dataclass(frozen=True)
class Culture:
    style: str
    adds: tuple[str, ...]
    reason: str
    mode: str | None = None
    weight: float = 1.0   # how strongly one of its words calls the style up (a sound: less, see `Scene.weight`)
    genre: bool = False   # a genre named that is no style of ours: the nearest style (`Scene.genre`)


# The end of a scene's or a style's word: not inside a longer word or a compound ("rock-solid"), but a style
# said with a suffix is the style ("baroque-style", "jazz-inspired", "reggae-ish", "tango-flavoured")
WORD_END = r"(?!\w|-(?!(?:style|styled|inspired|esque|ish|like|type|flavou?red|tinged|influenced|sounding|themed|vibes?)\b))"


@lru_cache(maxsize=None)
def table() -> tuple[tuple[re.Pattern, Culture], ...]:
    """Every style's scenes (its YAML's `scenes`: a culture, era, place, occasion, screen genre or sound) as one
    pattern each, with what it calls up; read once, when first needed, so importing the chat stays light."""
    out = []
    for name in style_names():
        for sc in load_style(name).scenes:
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(sc.words) + ")" + WORD_END, re.I)
            out.append((pattern, Culture(name, tuple(sc.adds), sc.why, sc.mode, sc.weight, sc.genre)))
    return tuple(out)


# A word for the past that names no era of its own ("retro"): a style only when nothing else in the request calls one
VAGUE_RE = re.compile(r"retro", re.I)
# Words before a culture that turn it away: "less corporate", "not so corporate", "too corporate now".
AWAY_RE = re.compile(r"\b(?:less|not(?: so| as| that| too| very)?|too|no more|nothing|away from|un)"
                     r"(?: (?:of|an?|the|so|like|as|much|more))*(?: \w+)?\s*-?$")
# Words before a culture that make it the video itself, named in a place: "build through the whole ad", "quieter at the
# end of the trailer", "in our wedding video" (what the video is, not a style asked for)
VIDEO_NAMED_RE = re.compile(r"(?:\b(?:through|throughout|across|over|during|in|into)|\b(?:end|start|beginning|middle|rest|"
                            r"half|part|bit|top|intro|ending|outro) of) (?:the|this|our|my|your) (?:whole |entire |full )?$")
# ... or a picture in it, someone's: "her wedding photo", "our graduation pictures", "the wedding shot"
OWNED_RE = re.compile(r"\b(?:her|his|their|our|my|the)\s+$", re.I)
PICTURE_AFTER_RE = re.compile(r"\s*(?:photos?|pictures?|pics?|photographs?|shots?|footage|slides?)\b", re.I)
# A request that names a part to change: sounds alone ("add a choir and an organ") then call up no style
PART_VERB_RE = re.compile(r"\b(?:add|adding|bring (?:in|back|up|down)|throw in|put in|layer|louder|softer|quieter|turn|"
                          r"lose|drop|remove|mute|swap|replace|instead of|more|less|fewer)\b", re.I)


@lru_cache(maxsize=None)
def _named() -> tuple[tuple[re.Pattern, Culture], ...]:
    """Each style's own words (`style_keywords`: "funk", "bossa nova", "atmospheric"), evidence as a scene is,
    with no reason to say: the request named the style."""
    allowed = set(style_keywords(""))   # a word two styles share ("smoky": blues and jazz) counts for both
    by = {name: [re.escape(k) for k in {name.replace("_", " "), *map(str.lower, load_style(name).keywords)} & allowed]
          for name in style_names()}
    # "music from my country, Brazil": a style's word after a possessive is a place or a thing owned, not the style
    mine = "".join(rf"(?<!\b{w} )" for w in ("my", "our", "your", "his", "her", "their"))
    # a word two styles share ("smoky": blues and jazz) counts half, as a sound does: beside a scene ("a smoky Buenos
    # Aires dance hall") the scene decides; alone, the clauses' `_style` still reads it
    shared = {k for name, kws in by.items() for k in kws if sum(k in o for o in by.values()) > 1}
    return tuple((re.compile(rf"(?<![\w-]){mine}(?:" + "|".join(sorted(ks, key=len, reverse=True)) + ")" + WORD_END, re.I),
                  Culture(name, (), "", weight=w)) for name, kws in by.items()
                 for w, ks in ((1.0, [k for k in kws if k not in shared]), (0.5, [k for k in kws if k in shared])) if ks)


def word_why(word: str, style: str) -> str:
    """The reason for `style` read from one of its words that is not its name ("jamaican" for reggae: the style as it
    sounds); "" for the name itself, however spelt ("lo-fi", "bossa nova")."""
    bare = re.sub(r"[^a-z0-9]", "", word.lower())
    if bare in re.sub(r"[^a-z0-9]", "", style) or re.sub(r"[^a-z0-9]", "", style) in bare:
        return ""
    return f"'{word}'{WORD_WHY}{style.replace('_', ' ')}: {load_style(style).description}"[:300]


WORD_WHY = " calls for "   # how `word_why` says a style's word


def named_why(reason: str) -> bool:
    """Whether `reason` is `word_why`'s: a style read from one of its own words, named, not inferred from a scene."""
    return reason.startswith("'") and WORD_WHY in reason


def _cultures(text: str, named: bool = False) -> list[tuple[Culture, re.Match]]:
    """Every scene said in `text` (and with `named`, every style's own word), in order; where two overlap, the
    longer ("church choir" over "church"); the same words in two styles' scenes count for both, and the rest of
    the request decides (a stadium anthem is rock's alone now; a football or sports anthem is orchestral)."""
    found = sorted(((c, m) for pat, c in (*table(), *(_named() if named else ())) for m in pat.finditer(text)),
                   key=lambda cm: (cm[1].start(), -(cm[1].end() - cm[1].start()), -cm[0].weight))
    out: list[tuple[Culture, re.Match]] = []
    for c, m in found:
        if not out or m.start() >= out[-1][1].end() or m.span() == out[-1][1].span() and c.style != out[-1][0].style:
            out.append((c, m))
    return out


ERA_RE = re.compile(DECADE, re.I)
PLACED_IN_RE = re.compile(r"\b(?:in|at) (?:the )?$", re.I)   # not "from the 90s": an era
# A scene's words said as a moment of the video: "from the spa onwards, so the second cut", "slower after the
# church", "till the disco": where something happens in the picture, no style wished for ("make it like a spa" is one)
MOMENT_BEFORE_RE = re.compile(r"\b(?:from|after|since|until|till|before|up to) (?:the|that|this) $", re.I)
MOMENT_AFTER_RE = re.compile(r" (?:on|onwards?)\b|\s*$", re.I)


# A scene's words naming a stretch of the video ("the first dance section, shots 12 through 15"): a part of it, no style
PART_OF_VIDEO_RE = re.compile(r"(?<!\ba)(?<!\ban)(?<!\band)\s+(?:(?!a\b|an\b|and\b)[a-z]+\s+)?"
                              r"(?:(?:section|part|portion|sequence|segment)s?\b|bits?(?=\s*(?:[,.:;!?]|$|"
                              r"\b(?:of|in|at|where|when|with|is|was|should|needs?|could|please)\b)))", re.I)   # not "a bit funny"


def _moment(text: str, m: re.Match) -> bool:
    """The culture's words name a moment of the video (`MOMENT_BEFORE_RE` before them, `MOMENT_AFTER_RE` after)."""
    return bool(MOMENT_BEFORE_RE.search(text[:m.start()]) and MOMENT_AFTER_RE.match(text, m.end()))


def evoked(text: str, named: bool = True, current: str | None = None) -> tuple[Culture, list[re.Match]] | None:
    """The style the words of `text` call up, and the words that call it: the style the most evidence points to
    (a scene or the style's own name counts 1, a sound its weight; each different word once), at least 1 in
    all; sounds alone only when no part is named to change ("taiko and braams" is a trailer; "add a choir and
    an organ" adds them). A tie goes to a style named outright, then to the one said first. None when nothing
    calls a style up, or only turned away ("less corporate"). `named`: a style's own name counts too (False:
    the grammar's `_style` reads it in the clause). `current`: the score's style now, which a request naming it
    beside another as strongly moves away from ("from NES to 80s synth-pop", "forget reggae, a tropical house thing")."""
    hits = [(c, m) for c, m in _cultures(text, named)
            if not AWAY_RE.search(text[:m.start()]) and not _video_named(text, m) and not _seconds(text, m)
            and not _reason(text, m) and not ARRIVING_RE.match(text, m.end()) and not _moment(text, m)
            and not PART_OF_VIDEO_RE.match(text, m.end())]
    if any(not VAGUE_RE.fullmatch(m.group(0)) for _, m in hits):   # "a 70s sitcom, our theme is retro": the 70s
        hits = [(c, m) for c, m in hits if not VAGUE_RE.fullmatch(m.group(0))]
    score: dict[str, float] = {}
    seen: set[tuple[str, str]] = set()
    for c, m in hits:
        if (c.style, m.group(0).lower()) not in seen:
            seen.add((c.style, m.group(0).lower()))
            score[c.style] = score.get(c.style, 0.0) + c.weight
    if not score:
        return None
    if current in score and any(v >= max(1.0, score[current]) - 1e-9 for st, v in score.items() if st != current):
        del score[current]   # a tie goes against the style the score has: said beside another, it is the one left
    named_ = {c.style for c, _ in hits if not c.reason}   # a tie goes to a style named outright, then to the first
    # then to a place said as where the other is ("a cafe in Rio": Rio's cafe, bossa)
    placed = {c.style for c, m in hits if PLACED_IN_RE.search(text[:m.start()])}
    best = max(score, key=lambda st: (score[st], st in named_, st in placed, -next(m.start() for c, m in hits if c.style == st)))
    mine = [c for c, _ in hits if c.style == best]
    said = next((c for c in mine if c.weight >= 1 and c.reason), None) or next((c for c in mine if c.weight >= 1), None)
    if score[best] < 1 - 1e-9 or (said is None and PART_VERB_RE.search(text)):
        return None
    return said or mine[0], [m for _, m in hits]


# A time word before a number: "a crash at 90s", "from 70s on" say seconds, not the nineties or the seventies
TIME_WORD_RE = re.compile(r"\b(?:at|from|after|until|till|to|by|around|about|before|past|over|between|and|@)\s*$", re.I)
SAID_SECONDS_RE = re.compile(r"\d{1,3}(?:\.\d+)? ?s", re.I)   # "90s", "70 s" as seconds, no `DECADE` ("from 1920" is a year)


# A quality too much for the purpose ("too aggressive for kids", read "less energy for kids"; "it's too loud for a
# wedding", read "quieter for a wedding"): the quality is the edit, the purpose its reason (no style called up or
# turned away)
REASON_RE = re.compile(r"\b(?:(?:too|less|more) \w+(?: and \w+)?|\w{3,}er) for (?:an? |the |our |my |this |that |little |"
                       r"young |small )?$", re.I)


# A scene's words that arrive at a place ("baraat entry is coming at 0:15", "the brass band comes in on the second cut"):
# who or what is in the picture there, no style asked for
ARRIVING_RE = re.compile(r"(?: [a-z]+)? (?:(?:is|are|'s|will be) )?(?:coming|comes?|arriv(?:es|ing)|enter(?:s|ing)|"
                         r"start(?:s|ing)|begin(?:s|ning)|happen(?:s|ing)|appear(?:s|ing)|kicks? off|shows? up)"
                         r"(?: (?:in|on|up))? (?:at|around|about|in|on|from|after|by) (?:the )?(?:\d|[a-z]+ (?:cut|shot)\b|(?:cut|shot)\b)",
                         re.I)


def _reason(text: str, m: re.Match) -> bool:
    """The culture's words are the purpose a quality is too much for (`REASON_RE`)."""
    return bool(REASON_RE.search(text[:m.start()] + ("for " if m.group(0).lower().startswith("for ") else "")))


def _seconds(text: str, m: re.Match) -> bool:
    """The words found are a number of seconds after a time word ("at 90s"), not a decade."""
    return bool(SAID_SECONDS_RE.fullmatch(m.group(0))) and bool(TIME_WORD_RE.search(text[:m.start()]))


def _video_named(text: str, m: re.Match) -> bool:
    """The culture's words name the video in a place (`VIDEO_NAMED_RE`; a scene's own "the whole ad" counted with it),
    or a picture of it ("from her wedding photo, ... swell": that photo, no wedding music asked for)."""
    return bool(VIDEO_NAMED_RE.search(text[:m.start()] + re.sub(r"[\w-]+\s*$", "", m.group(0)))) or \
        bool(OWNED_RE.search(text[:m.start()]) and PICTURE_AFTER_RE.match(text, m.end()))


def colour(c, style: str) -> bool:
    """Whether `style`, said in clause `c` (`clauses.Clause`), is the colour of a place: the score's own style said at
    a place ("the funk is wild here"; a scene word, "the suspense comes later" in a thriller), never a switch."""
    return not c.whole and style == c.plan.style


# "add a rock and roll guitar", "bring in a country fiddle": the words of a style or a culture say the kind of the
# part added, no switch of the score's style ("add a rock feel with a guitar" still switches)
KIND_ADDED_RE = re.compile(r"\b(?:add|bring in|introduce|include|layer in|throw in) (?:a |an |some |the )?"
                           r"(?:(?!(?:with|feel|vibe|style|sound|touch|edge|flavou?r)\b)[a-z'-]+ ){1,4}(?:" +
                           "|".join(sorted(map(re.escape, INSTRUMENTS), key=len, reverse=True)) + r")(?:s|es)?\b", re.I)


def kind_of_part(text: str) -> bool:
    """Whether `text` adds a part named with the kind of it ("add a rock and roll guitar"): its style words stay."""
    return bool(KIND_ADDED_RE.search(text))


def read(c, t: str) -> str:
    """The rules grammar's reading of a culture in one clause (`clauses.Clause` `c`, its text so far `t`): the
    style with its instruments, mode and reason, or a move away from one ("less corporate"); at a place, only
    a question kept for when nothing else is read. Returns `t` with what it read blanked out."""
    found, away = culture(t, c.plan.style), shunned(t)
    if found is None and away:  # "less corporate": away from a style, toward one said
        c.want("style", value=away[0].style, direction="down", reason=f"away from {away[2]}", whole=True)
        return away[1]
    if found is None or evoked(c.text, named=False) is None or kind_of_part(c.text):   # "too lively for a museum"
        return t   # as said: a reason; "add a rock and roll guitar": the kind of a part added
    if colour(c, found[0].style):   # "the suspense comes later" in a thriller: the score's own
        return found[1]
    if not c.whole and not _scene_place(c.text):   # "the first dance bit, 0:13 to 0:21, strings swelling": the
        said = [a for a in found[0].adds if compiled(rf"\b{re.escape(a.split()[-1])}s?\b").search(c.text)]
        for a in said:   # "from 0:50 on, like a hymn with the full organ": the scene's instrument, named, there
            c.want("add", value=a)
        if said:
            return found[1]
        c.styled = (f"That sounds like {found[0].style} ({found[0].reason}), a style for the whole score. "
                    "Switch the whole score, or change only the instruments there?")   # word may only name the picture
        return found[1]
    (found, t) = found
    c.want("style", value=found.style, target=",".join(found.adds), reason=found.reason, direction="set", whole=True)
    if found.mode:
        c.want("mode", value=found.mode, direction="set", reason=found.reason, whole=True)
    return t


# A place word that is the scene's own, not the video's: "the intro of a cheesy 80s TV show", "the end of the
# world", "press start", "it's the opening for our bar's Instagram" (never "the start of the video")
PLACE_WORD = r"\b(?:intro|introduction|start|opening|beginning|end|ending|outro|finale|climax)\b"
SCENE_PLACE_RE = re.compile(PLACE_WORD + r" (?:of|for) (?:an?|some|those|that|the|our|my|their)\b(?! (?:video|clip|film|movie|piece|track|"
                            r"song|score|music|cut|shot|scene|section|part|bit)s?\b)")


def _scene_place(clause: str) -> bool:
    """The only place a clause names is a scene's own (`SCENE_PLACE_RE`, or inside the scene's words)."""
    found = evoked(clause, named=False)
    return bool(SCENE_PLACE_RE.search(clause) or found and any(re.search(PLACE_WORD, m.group(0)) for m in found[1]))


def styled(intents: list[EditIntent], request: str, current: str) -> list[EditIntent]:
    """`intents` read clause by clause, with the style the request as a whole calls up (`evoked`: its words may
    lie in several clauses, "beach bar in Kingston, offbeat guitar, one drop"), said first with its reason. It
    takes the place of a style read from fewer words, guessed or named beside more words for another ("a
    cinematic reveal trailer, taiko, brass hits": the trailer), never of edits at a place (a style is for the
    whole score). A part the new style already leaves out ("no drums" in
    ambient) is no edit of its own; a part swapped out that the new style does not play is the new part added
    ("swap the sax for a fiddle" in folk).

    Args:
        intents: the grammar's intents for the request, in the order said.
        request: the request as the grammar reads it (lower case; similes said in its words, so a culture said
            as the music now, "it sounds like a western", is gone).
        current: the plan's style now.
    """
    if len(intents) > 1:   # "keep it bossa but calmer in the last shot", "still jazz, just slower": the style it is
        intents = [it for it in intents if not (it.what == "style" and it.value == current and it.direction == "set"
                                                and not it.target)]
    found = evoked(request, current=current)
    if found is None or any(it.scope.kind != "whole" for it in intents) or kind_of_part(request):   # hits at moments
        return intents   # go with a style; "add a rock and roll guitar" names a kind of guitar
    c = found[0]
    if c.style == current:   # "an airport lounge": the style it is now said as a place; the clauses' reading stands,
        # but for another style read from one of its words ("1940s film noir. smoky": jazz, not the blues' "smoky")
        intents = [it for it in intents if not (it.what == "style" and it.value != current and named_why(it.reason or ""))]
        parts = any(it.what in ("style", "add", "swap", "remove", "balance") for it in intents)
        kept = [] if not c.reason or parts else [EditIntent(what="style", value=c.style, reason=c.reason, direction="set",
                                                            scope=EditScope(), text=request.strip()[:400])]   # why it stays
        return kept + intents
    if not c.reason:   # a genre named ("old school funk for a shoe commercial"): the clauses' reading of it stands,
        named = any(it.what == "style" and it.value == c.style for it in intents)   # alone (none where they
        return [it for it in intents if not (named and it.what == "style" and it.value != c.style)]   # left it out)
    out = [EditIntent(what="style", value=c.style, target=",".join(c.adds), reason=c.reason, direction="set",
                      scope=EditScope(), text=request.strip()[:400])]
    for it in intents:   # a part the style plays, added ("a lonely sax" in jazz), is that part brought forward
        if it.what == "style" or it.what == "remove" and it.value and not _plays(c.style, it.value):
            continue
        if it.what == "swap" and it.target and not _plays(c.style, it.target):
            it = it.model_copy(update={"what": "add", "target": None})
        out.append(it)
    return out


def _plays(style: str, word: str) -> bool:
    """Whether `style` plays the part or instrument `word` names ("drums", "flute", "nylon guitar")."""
    inst = load_style(style).instruments
    if word in ROLE_WORDS:
        return ROLE_WORDS[word] in inst
    gm = INSTRUMENTS.get(word, (word,))[0].lower()
    return any(word in n.lower() or n.lower() == gm for n in inst.values())


def _blank(text: str, a: int, b: int) -> str:
    return text[:a] + " " * (b - a) + text[b:]


def culture(text: str, current: str | None = None) -> tuple[Culture, str] | None:
    """The style a culture, era, purpose or sound calls up ("like a 70s cop show", see `evoked`) and the text
    with the words that said it blanked out, or None; not one said to move away from ("less corporate": see
    `shunned`); `current`: the score's style now (see `evoked`)."""
    found = evoked(text, named=False, current=current)
    if found is None:
        return None
    for m in found[1]:
        text = _blank(text, *m.span())
    return found[0], text


def without_scenes(text: str, style: str) -> str:
    """`text` with the words of `style`'s own scenes blanked out ("2010s" for electronic): what else it says (a
    genre after the era, "a 2010s blockbuster trailer", is the trailer's, not the era's)."""
    for pat, c in table():
        if c.style == style:
            for m in pat.finditer(text):
                text = _blank(text, *m.span())
    return text


def shunned(text: str) -> tuple[Culture, str, str] | None:
    """A culture the words move away from ("less corporate", "too corporate now"), the text with that blanked
    out (the turning words too), and the culture's own words."""
    return next(((c, _blank(text, a.start(), m.end()), m.group(0).strip()) for c, m in _cultures(text, True)
                 if c.weight >= 1 and (c.reason or ERA_RE.fullmatch(m.group(0)))   # a scene, or an era a style is named by ("less 80s")
                 and (a := AWAY_RE.search(text[:m.start()])) and not _reason(text, m)), None)


# A piece only the speaker knows ("like the one at Tunde's wedding", "like the hymn we sing every Sunday", "our
# song"): nothing in the words says how it sounds, so it is asked about, never guessed from "wedding" or "hymn".
PRIVATE_RE = re.compile(
    r"\b(?:like|as|of|same as) (?:the|that|(?:our|his|her|their|my|your)(?: [a-z]+)?) (?:one|song|tune|track|piece|hymn|music|number|"
    r"anthem|carol|band|record|mix)s? (?:(?:at|from|in|on) (?:[a-z]+'s|(?:our|my|his|her|their|your) [a-z]+)\b|"
    r"(?:that |which )?(?:we|they|he|she|you|i|everyone|everybody|people|the \w+|our \w+|my \w+) (?:always |all |usually |"
    r"used to )?(?:sing|sang|play|played|hear|heard|use|used|love|loved|had|danced|know|knew|like|liked)s?\b)"
    r"|\bour song\b|\byou know the one\b|\bdo you know (?:which|what) (?:one|song|tune|piece|hymn)\b")


def private(text: str) -> str | None:
    """The words naming a piece only the speaker knows, or None."""
    m = PRIVATE_RE.search(text)
    if m and re.match(r"\s*(?:in|at|on|during) (?:a|an|any|every|most|some) ", text[m.end():]) and culture(text[m.end():]):
        return None   # "the music they play in an Italian trattoria": any such place, which says how it sounds
    return m.group(0).strip() if m else None


# A tradition or a sound asked for in words no style reads ("more like Chinese traditional", "like they play in the tea
# house") beside an instrument General MIDI only stands in for ("with erhu"): the tradition was the ask and the
# instrument its colour, so adding the stand-in alone is no answer; asked first, the stand-in named
LIKENESS_RE = re.compile(r"(?<!\bi )(?<!\bi'd )(?<!\bwould )(?<!\bwe )\blike\b|\b(?:vibe|style|traditional|tradition|flavou?r)\b", re.I)
STAND_IN_WHY = " in the General MIDI sound set, so "


def unstyled(unread: list[str], intents: list[EditIntent], style: str) -> str | None:
    """The question for a turn whose only edits are stand-in instruments while its likeness went unread (`unread`: the
    pieces no reader read, `unread.unread`); None otherwise."""
    liked = [p for p in unread if LIKENESS_RE.search(p)]
    if not liked or not intents or not all(it.what == "add" and STAND_IN_WHY in (it.reason or "") for it in intents):
        return None
    why = "; ".join(dict.fromkeys(it.reason for it in intents)).replace(" plays it", " would play it")
    return (f"I have no style that matches {' or '.join(repr(p) for p in liked)}. I could keep the {style} score and add the "
            f"instrument, though there is {why}. Shall I, or would you rather name another instrument or style?")
