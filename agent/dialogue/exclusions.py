"""Places an edit must spare, said beside it: "except shots 1-3", "all but the intro", "shots 1 to 3 untouched".
The edit goes to the rest of the video instead ("everything +energy, shots 1-3 untouched": after shot 3).

    spared("more energy except shots 1 to 3", span_of_shots_1_to_3, analysis, plan)   # (words, after 0:09)
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.place_finders import locate
from v2m.agent.dialogue.where import Ask, Span, fmt
from v2m.tools.contract import ScorePlan, VideoAnalysis

# A place the edit must spare: "except shots 1-3", "all but the intro", "shots 1 to 3 untouched" (said beside an
# edit; "keep the intro untouched" alone is a lock)
SPOT = r"(?:the |shots? |cuts? |\d|first|last|final|intro|ending|end\b|start|beginning|opening|closing)"
SPARED_RE = re.compile(rf"\b(?:except(?: for| in)?|apart from|other than|but not|all but|everywhere but|not in)\s+(?={SPOT})|"
                       r"\s+(?:untouched|unchanged|intact|left alone)\b")
# A place said to stay as it is after an edit, in a clause of its own ("more energy everywhere else, the first three
# shots stay as they are"): spared as "untouched" is (alone, "the intro stays as it is" is a lock, read elsewhere)
STAYS_RE = re.compile(r"(?P<edit>[^,;.!?]*[a-z][^,;.!?]*,\s*)(?P<place>(?=[^,;.!?]*?\b(?:shots?|cuts?|intro|ending|outro|start|beginning|opening|first|last|\d))(?:the |shots? |cuts? |\d)[^,;.!?]{0,40}?) (?:should |can |will |must |just )?"
                      r"(?:stay|stays|remain|remains|are left|is left) (?:as (?:they are|it is|is|they were|it was)|the same|like (?:that|this)|"
                      r"untouched|unchanged)\b", re.I)
LOCK_WORDS = re.compile(r"\b(?:keep|leave|lock|(?<!the )(?<!a )freeze(?! frame)|protect|stay|stays|remain|don't touch|do not touch|don't change|"
                        r"do not change)\b")


def spared(text: str, span: Span, analysis: VideoAnalysis, plan: ScorePlan) -> tuple[str, Span]:
    """The rest of the video when `text` says its place is to be spared (its words without the sparing ones);
    else both as they were. A spared place in the middle leaves two stretches: asked about, not guessed."""
    m = SPARED_RE.search(text)
    if not m or LOCK_WORDS.search(text):   # a named section too ("faster everywhere but the intro")
        return text, span
    if not m.group(0)[0].isspace() and named_parts(" ".join(text[m.end():].split()[:3])):
        return text, span   # "everything out except the bass in shot 3": a part is kept, no place spared
    try:   # the words beside "except" (before "untouched") must name a place: "except the bass" names none
        if locate(text[:m.start()] if m.group(0)[0].isspace() else text[m.end():], analysis, plan) is None:
            return text, span
    except Ask:
        return text, span
    d = analysis.duration_s
    if span.start_s < 0.05 and span.end_s < d - 0.05:
        rest = Span(span.end_s, d, f"after {fmt(span.end_s)}", snap=False)
    elif span.end_s > d - 0.05 and span.start_s > 0.05:
        rest = Span(0.0, span.start_s, f"before {fmt(span.start_s)}", snap=False)
    else:
        raise Ask(f"Should the change go everywhere but {fmt(span.start_s)}-{fmt(span.end_s)}, before it, or after it?")
    return SPARED_RE.sub(" ", text), rest


# A part said to be left as it is, in a clause of its own ("don't touch the violin", "leave the piano alone", "keep the
# bass as it is"): beside an edit of another part it asks nothing (that edit touches only its own part); it is no lock
# of a place (before: "which part should I keep as it is?" and the edit dropped)
PART_LEFT_RE = re.compile(r"\s*[,;]?\s*\b(?:(?:but|and|just|please|pls|though) )*(?:(?:don'?t|do not|never) (?:touch|change|mess with|"
                          r"alter) (?P<a>(?:the |my |our )?[a-z' ]{2,30}?)|leave (?P<b>(?:the |my |our )?[a-z' ]{2,30}?) (?:alone|"
                          r"as (?:it is|is|they are)|untouched|be)|keep (?P<c>(?:the |my |our )?[a-z' ]{2,30}?) (?:as (?:it is|is|"
                          r"they are)|the same|untouched|unchanged))(?: please| pls)?(?=\s*(?:$|[,.;!?]))", re.I)
THE_RE = re.compile(r"\b(?:the|my|our)\b")


def _part_left(m: re.Match, request: str) -> str:
    """The words of `m` gone when they keep parts only, and the rest of `request` edits another part; else kept."""
    kept = m["a"] or m["b"] or m["c"]
    parts = named_parts(kept.lower())
    if not parts or len(THE_RE.sub(" ", kept).split()) > len(parts) * 2:
        return m[0]   # "don't touch the intro", "leave the drums in the last shot alone": a place, read as a lock
    rest = named_parts((request[:m.start()] + " " + request[m.end():]).lower())
    return "" if set(rest) - set(parts) else m[0]


def said_untouched(request: str) -> str:
    """`request` with a place said to stay as it is after an edit said as "untouched" (spared by `spared`), and a part
    said to be left alone beside an edit of another part dropped (`PART_LEFT_RE`)."""
    request = PART_LEFT_RE.sub(lambda m: _part_left(m, request), request)
    return STAYS_RE.sub(lambda m: f"{m['edit']}{m['place']} untouched", request)
