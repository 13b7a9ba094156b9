"""Idioms for the pace and the energy that people wrote, blind to the grammar, in session 29's wordings
(`tests/wordings29`), each rewritten to the grammar's own words; read after `idioms.IDIOMS` by `phrases.plain`.

    from v2m.agent.dialogue.felt_idioms import FELT   # ((pattern, the grammar's words), ...)
"""

from __future__ import annotations

from v2m.agent.dialogue.idioms import ENERGY

FELT: tuple[tuple[str, str], ...] = (
    # the time pushed ("we're pushing the time", "pull the time back"): slower
    (r"\bpushing the (?:time|tempo|beat)\b|\b(?:pull|hold|rein|bring) (?:the )?time back\b", "slower"),
    # crawling ("the first quarter kinda crawls"), the music to pick up ("when the car pulls away it should pick up"): faster
    (r"\bcrawl(?:s|ing)?\b(?! (?:in|up|out|back|to|into|with|under)\b)|\b(?:it|things|the music|the track|the score|everything)"
     r"(?: (?:should|needs? to|has to|could|must|to|will|would|can|gotta))? (?:really |just )?picks? up\b(?! (?:the|speed|pace|tempo)\b)",
     "faster"),
    # the energy said lacking ("intensity's lacking between the 4th and 6th cuts"): more of it
    (rf"\b{ENERGY}(?:'s| is| feels| seems)? (?:(?:a bit|a little|kind of|kinda|really|totally|very|so|still) )?(?:lacking|missing|absent)\b",
     "more energy"),
    # the music "way too in your face", everyone brought down ("bring the whole band down in level for shots 14-15"): less
    # (a part in your face is that part: `complaints`, before these)
    (r"\b(?:(?:way |far |much |a bit |a little )?too |so |very |really |kinda |a bit )?in[- ]your[- ]face\b"
     r"|\b(?:bring|take|turn|pull) (?:the (?:whole |full )?band|everyone|everybody|it all|the whole thing) (?:right |way )?down\b"
     r"(?: in (?:level|volume))?", "less energy"),
)
