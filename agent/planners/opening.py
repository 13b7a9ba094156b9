"""The style a first request names, and why (the `rules` planner's opening choice): a genre named, else a culture,
era, purpose or screen genre, else any style keyword, else a mood. The reason says only words the user said.

    from v2m.agent.planners.opening import opening_style
    opening_style("seventies disco for the party")   # ("funk", "the request says 'disco', played as funk", None)
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.cultures import Culture, culture, without_scenes
from v2m.agent.dialogue.vocab import MOODS, style_keywords
from v2m.tools.style import load_style, style_names


# A word said only to refuse it ("not classical", "nothing too loud", "no guitar", "without drums", "dont make it sad")
# asks for none of what it names: no style, pace, colour or instrument is read from it
NEGATED_RE = re.compile(r"\b(?:not|no|nothing|never|without|isn't|aren't|(?:don'?t|do not) (?:make|want|need)(?: it)?)\s+(?:(?:too|to|so|very|overly|really|that|a|an|"
                        r"any|the|much|more|of)\s+)*[a-z0-9'-]+")
NON_WORD_RE = re.compile(r"[^a-z0-9#/:. -]+")


def unsaid(text: str) -> str:
    """`text` (lower case) without the words it refuses."""
    return NEGATED_RE.sub(" ", text)


def words(text: str) -> str:
    return " " + NON_WORD_RE.sub(" ", unsaid(text.lower())) + " "


def has(text: str, phrase: str) -> bool:
    return f" {phrase} " in text


def find_style(request: str, genre: bool = False) -> str | None:
    """The style a request names through any style's keywords, or None; `genre`: only the words that name a genre
    (`vocab.style_keywords`: "bebop", "techno", not a mood such as "calm" or a common word such as "film")."""
    text = words(request)
    best, best_score = None, 0
    allowed = style_keywords("") if genre else None
    for name in style_names():
        style = load_style(name)
        hits = [kw for kw in style.keywords if has(text, kw.lower()) and (allowed is None or kw.lower() in allowed)]
        # The style's own name beats any mood word ("score this in jazz" is jazz, however filmic
        # "score" sounds); otherwise the longest match wins: "hip hop" says more than "chill".
        score = (100 if has(text, name.replace("_", " ")) else 0) + max(map(len, hits), default=0)
        if score > best_score:
            best, best_score = name, score
    return best


def _named(request: str, name: str) -> str:
    """Why a style named in `request` is `name`: its own name said, or the word of it said ("seventies disco": the
    request says 'disco', which is played as funk), never a name the user did not say."""
    text = words(request)
    genres = style_keywords("")   # a genre's word before an era's ("eighties synthpop": synthpop)
    said = max((kw.lower() for kw in load_style(name).keywords if has(text, kw.lower())),
               key=lambda kw: (kw in genres, len(kw)), default="")
    if has(text, name.replace("_", " ")) or not said or said == name.replace("_", " "):
        return f"the request names it ({name})"
    return f"the request says '{said}', played as {name.replace('_', ' ')}"


def opening_style(request: str) -> tuple[str | None, str, Culture | None]:
    """The style a first request calls up, why, and the scene that called it up (its instruments and mode):
    a genre named ("jazz for a wedding" stays jazz); else a culture, era, purpose or screen genre (each style's
    `scenes`, read by `cultures.culture` as the chat does: "a tense thriller" is cinematic in minor, "a wedding
    video" classical with strings in major, "like the roaring twenties" jazz with a clarinet); else any style
    keyword ("calm"); else the mood said (`vocab.MOODS`: "scary", "playful"). None: the picture chooses."""
    named, found = find_style(request, genre=True), culture(unsaid(request.lower()))
    # a genre word said inside a scene's words ("like Russian classical": the orchestra, not the solo piano) is the scene's;
    # one beside them is the genre ("a 2010s blockbuster trailer": the trailer, made in the 2010s)
    if named and not (found and found[0].style != named
                      and find_style(without_scenes(request.lower(), found[0].style), genre=True) is None):
        return named, _named(request, named), None
    if found:
        return found[0].style, found[0].reason, found[0]
    word = find_style(request)
    if word:
        return word, _named(request, word), None
    text = words(request)
    mood = next((m for m in MOODS.values() if m.style and any(has(text, w) for w in (m.name, *m.words))), None)
    if mood:
        return mood.style, f"a {mood.name} request suits {mood.style}", None
    return None, "", None
