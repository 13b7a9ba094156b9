"""An edit decision list pasted into the chat (CMX 3600, as Premiere, Resolve and Avid export it): the picture's
cuts, which v2m reads from the video itself. Its event lines, clip names ("* FROM CLIP NAME: ...") and comments
("* COMMENT: TEMP MUSIC REMOVED") are no notes on the music, so the paste is answered with a question, not read
line by line as a list of notes.

    edit_list("001  AX  V  C  00:00:00:00 00:00:06:00 01:00:00:00 01:00:06:00\n002 ...")   # True
"""

from __future__ import annotations

import re

# One event: number, reel, track (V, A, A2, AA, B), transition (C cut, D dissolve, W wipe, K key), then source in/out
# and record in/out as timecodes (":" or ";" for drop frame)
TIMECODE = r"\d\d[:;]\d\d[:;]\d\d[:;.]\d\d"
EVENT_RE = re.compile(rf"^\s*\d{{3,6}}\s+\S+\s+(?:V|A\d*|AA|B|AA/V|A/V)\s+(?:C|D|W\d*|K\w*)\s+.*?"
                      rf"(?:{TIMECODE}\s+){{3}}{TIMECODE}", re.M)
EDIT_LIST_QUESTION = ("That looks like an edit decision list. I read the cuts from the video itself, so I left the score "
                      "as it is. What should change in the music, e.g. 'hit the cut at 0:41'?")


def edit_list(text: str) -> bool:
    """Whether `text` holds an edit decision list: two or more of its event lines."""
    return len(EVENT_RE.findall(text)) >= 2
