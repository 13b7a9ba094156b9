"""The wording of the composer's warnings a chat reply says again in the user's words (`agent.dialogue.composer_notes`):
written here once, by the tempo map with `.format(t=seconds)`, and read back with `reader`.

    warnings.append(TOO_CLOSE.format(t=30.05))   # "hit point at 30.05s is too close to another for its own beat; dropped"
    reader(TOO_CLOSE).match(w)["t"]              # "30.05"
"""

from __future__ import annotations

import re

TOO_CLOSE = "hit point at {t:.2f}s is too close to another for its own beat; dropped"
TOO_SHORT = "section at {t:.2f}s is too short for a bar; joined to the one before"
SHOWN_S = 0.005   # the warnings give a time to 2 decimals: a mark within this of it is the one meant


def reader(template: str) -> re.Pattern:
    """The whole of a warning written from `template`, its time as the group `t`."""
    return re.compile("^" + re.escape(template).replace(re.escape("{t:.2f}"), r"(?P<t>\d+(?:\.\d+)?)") + "$")
