"""The frames people put around a request, said as its readers know it, where a request enters the chat
(`plainly.plain`), before any reader:
- a polite frame whose verb comes in -ing ("would you mind turning it down a bit?", "how about adding a flute in the
  last shot?", "could you try pulling the bass back?"): the imperative ("turn it down a bit"), the frame's question
  mark gone with it;
- who asked for it, said after it ("bigger end because the client asked", "..., since the director wants it"): gone,
  it asks nothing of the music (a reason about the music, "slower because it feels rushed", stays for the readers).

    unframed("would you mind turning it down a bit?")    # "turn it down a bit"
    unframed("ok, how about cutting the drums in shot 2")  # "ok, cut the drums in shot 2"
    unframed("bigger end because the client asked")       # "bigger end"

The verb's plain form is the one the tokenizer's English or the grammar's words know ("cutting" cut, "making" make,
"fading" fade, "adding" add); a verb none of them knows leaves the frame as typed, and so does a word in -ing that a
style reader hears ("how about wedding music?": the wedding's style, no "wed music").
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.cultures import evoked
from v2m.agent.dialogue.spelling import _english, _known

# the frame, at the start of a sentence (after a greeting or an "ok"), then the verb in -ing and the rest of the sentence
FRAME_RE = re.compile(r"(?:^|(?<=[.!?;]\s))(?P<pad>\W*(?:(?:ok|okay|so|and|hey|hi|also|then|now|please|pls|but|oh)\W+)*)"
                      r"(?:(?:would|do|will) (?:you|u|ya) mind|how about|what about|"
                      r"(?:(?:could|can|would|will) (?:you|u) |maybe |just |please |pls )?try) "
                      r"(?P<verb>[a-z]{3,}ing)\b(?P<rest>[^.!?]*)(?P<end>\?*)", re.I)
# who asked, at the end of a sentence: "because the client asked", "cuz my boss wants it that way", "since he said so"
ASKER = r"(?:(?:the|my|our|his|her|their|your) (?:client|boss|director|producer|editor|agency|brand|team|customer|manager|" \
        r"wife|husband|partner|mum|mom|dad|mother|father|sister|brother|friend|teacher|coach|bride|groom|couple|family|kids?)s?|" \
        r"(?:he|she|they|we|everyone|everybody|people))"
ASKED_BY_RE = re.compile(rf"\s*,?\s*\b(?:because|cause|cuz|coz|bc|since|as) {ASKER} (?:(?:has|have|had|just|really|all) )?"
                         r"(?:asked(?: for (?:it|that|this|one))?|wants?(?: it| that| this)?(?: that way| like that)?|wanted(?: it| that)?|"
                         r"said so|requested(?: it| that)?|insists?(?: on it)?|prefers? it|likes? it(?: that way)?|told me(?: to)?)"
                         r"(?=\s*(?:[.!?]|$))", re.I)
# the first "as" of an equative ("as loud as they want it", "as slow as you like"): its second "as" is the comparison's,
# not "because", and what follows it is how far, not who asked
EQUATIVE_RE = re.compile(r"\bas \w+\s*$", re.I)
SAID_AS = {"being": "be", "using": "use", "trying": "try", "singing": "sing"}   # stems of two letters; "singe" no verb asked


def plain_verb(ing: str) -> str | None:
    """The plain form of a verb in -ing, as the readers' words or English know it: "cutting" cut, "making" make,
    "adding" add, "fading" fade; None when none of its forms is a word."""
    ing = ing.lower()
    if ing in SAID_AS:
        return SAID_AS[ing]
    stem, words = ing[:-3], _english() | _known()[0]
    if stem + "e" in words and not stem.endswith(("e", "y")):
        return stem + "e"   # "making", "fading", "changing" (never "adde")
    if stem in words:
        return stem   # "adding", "lowering", "pulling"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
        return stem[:-1]   # "cutting", "dropping"
    return None


def unframed(text: str) -> str:
    """`text` with each polite frame around a verb in -ing said as the imperative, and who asked for it said after it
    left out (see the module's docstring)."""
    def said(m: re.Match) -> str:
        found = evoked(m[0])   # "how about wedding music?": an occasion a style reader hears, no verb ("wed music")
        if found and any(h.start() <= m.start("verb") - m.start() < h.end() for h in found[1]):
            return m[0]
        verb = plain_verb(m["verb"])
        end = "." if m["end"] and text[m.end():].strip() else ""   # "add strings? thanks": two sentences still
        return f"{m['pad']}{verb}{m['rest']}{end}" if verb else m[0]
    return FRAME_RE.sub(said, ASKED_BY_RE.sub(lambda m: m[0] if EQUATIVE_RE.search(text[:m.start()]) and
                                              m[0].lstrip(" ,").lower().startswith("as ") else "", text))
