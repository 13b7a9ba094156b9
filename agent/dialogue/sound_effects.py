"""Sounds that are no instrument, asked for as a part ("add a gunshot", "could we get some applause in there?", "add
the sound of a seashore at 0:12"): the score is music, so the reply says plainly that it plays no sound effects and the
plan stays as it was, instead of "I don't know an instrument called 'gunshot'" or a guess at a mood. The names are
`vocab.SOUND_EFFECTS` (agent/dialogue/instruments.yaml, General MIDI's own effect programs among them). A moment named
by such a sound ("the gunshot's on the third cut", "a hit on the gunshot") is no ask for it and is left alone.

    from v2m.agent.dialogue.sound_effects import asked, reply
    asked("add a gunshot at 0:12")   # "gunshot"; reply("gunshot") says why nothing changed

Read by `v2m.agent.dialogue.understanding.edit`, before the readers.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.edit_log import NO_CHANGE
from v2m.agent.dialogue.vocab import SOUND_EFFECTS

_FX = "|".join(sorted(map(re.escape, SOUND_EFFECTS), key=len, reverse=True))
_OF = r"(?:(?:the )?(?:sound|sounds|noise|noises) of (?:a |an |some |the )?)?"
# an order to put one in: "add (the sound of) a gunshot"; "could we get / I want / we need some applause" (an article
# said, so "when we get the gunshot" is the picture's)
ASK_RE = re.compile(rf"\b(?:(?:add|put in|bring in|throw in|include|insert|layer in|drop in)(?: in)? (?:a |an |some |the |a few )?{_OF}"
                    rf"|(?:get|want|need|use|have)(?: us| me)? (?:a |an |some |a few ){_OF})({_FX})\b", re.I)
# another request beside it ("add a gunshot and make it faster"): left to the readers
BESIDE_RE = re.compile(r"[,;]| and | then | but |\. ")


def asked(text: str) -> str | None:
    """The sound effect `text` asks to add, when that is all it asks, else None."""
    m = ASK_RE.search(text)
    if m is None or BESIDE_RE.search(text[m.end():].strip(" .!?")) or BESIDE_RE.search(text[:m.start()].strip(" .!?")):
        return None
    return m.group(1).lower()


def reply(name: str) -> str:
    """Why nothing changed: the score plays music, and what can mark the sound's moment instead."""
    return (f"{NO_CHANGE}: I write the music, not sound effects, so I can't add the {name} sound. A hit or a stop in the music "
            "can mark its moment: say where it happens.")
