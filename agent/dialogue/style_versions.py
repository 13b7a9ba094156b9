"""A version named by its style: "go back to the cinematic one", "the electronic version hit harder, go back to
that", "can we go back to the jazzy one?": the latest version in that style, as it was (the style's band, and every
setting it had then); what the person keeps of now is said in a keep clause (`kept_back`). Only where the style is
not the current one, and only a version said as one ("the jazz version", "the rock one"), with a word of wanting it
back; "back to jazz" alone sets the style anew (`versions.style_back`, the readers), keeping every edit since.

    named_style("go back to the cinematic one", history)   # [EditIntent(what="revert", version=0)] after "switch to jazz"
"""

from __future__ import annotations

import re
from v2m.agent.dialogue.vocab import style_keywords
from v2m.tools.contract import EditIntent, ScorePlan

STYLE_ONE_RE = re.compile(r"\b(?:the|that|ur|your|our|my)\s+(?P<word>[a-z][a-z-]{1,20})\s+(?:version|one|mix|take|draft|"
                          r"cut|edit|variant|ver|v)\b", re.I)
WANT_RE = re.compile(r"\b(?:back|return|revert|restore|go with|use|prefer|preferred|liked|loved|better|best|rather|"
                     r"again|bring)\b", re.I)


def _style_of(word: str) -> str | None:
    word = word.lower()
    names = style_keywords("")   # (cached in vocab)
    for w in (word, word[:-1] if word.endswith("y") else "", word[:-3] if word.endswith("ish") else "",
              word[:-2] if word.endswith("sy") else ""):
        if w and w in names:
            return names[w]
    return None


def named_style(request: str, history: list[ScorePlan] | None) -> list[EditIntent] | None:
    """The latest earlier version in the style the request names a version by; None when it names none, or the
    current style, or no earlier version had it."""
    if not history or len(history) < 2 or not WANT_RE.search(request):
        return None
    for m in STYLE_ONE_RE.finditer(request):
        style = _style_of(m["word"])
        if style is None or style == history[-1].style:
            continue
        k = next((k for k in range(len(history) - 2, -1, -1) if history[k].style == style), None)
        if k is not None:
            return [EditIntent(what="revert", version=k, text=request[:400])]
    return None
