"""The composer's warnings said in a chat reply: each one the user can act on, in plain words, once in a chat.

    notes(plan, made.warnings, said_before)   # ['Note: the crash at 0:30.1 is too close to the stab at 0:30 ...']

The composer writes its warnings for a log ("hit point at 30.05s is too close to another for its own beat;
dropped"). A reply says them with the plan's own names for things (the crash at 0:30.1), times as the replies write
them, and what the user can do. A melody the composer repaired (`melody repaired: ...`) is the planner's ABC, not
anything the user said: it stays in the log. A warning is said when it is new for its version: not again while it
lasts (the version edited from had it too, `kept` in its folder, or the nearest before it that kept them: `had`),
again when it comes back after it was gone.
Control characters (a name typed or pasted into the plan) are taken out, so a reply is plain lines of text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from v2m.agent.dialogue.where import fmt
from v2m.agent.terminal import clean
from v2m.tools.contract import ScorePlan
from v2m.tools.music.warning_words import SHOWN_S, TOO_CLOSE, TOO_SHORT, reader

TOO_CLOSE_RE, TOO_SHORT_RE = reader(TOO_CLOSE), reader(TOO_SHORT)   # the tempo map's own wording
SECONDS_RE = re.compile(r"\b(\d+(?:\.\d+)?)s\b")   # "30.05s" in a warning the reply has no words for: 0:30.1
# direction and zero-width characters `terminal.clean` leaves (it takes escapes and control characters out)
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
NOT_THE_USERS = ("melody repaired:",)   # what the planner's own notes needed mending: not the user's to act on
NEAR_S = 0.5   # the mark a dropped hit is too close to lies within this of it


def _hit(plan: ScorePlan, t: float, other: bool = False) -> str:
    """'the crash at 0:30.1': the plan's mark at `t` (or, `other`, the nearest other mark), by its kind."""
    marks = sorted(plan.hit_points, key=lambda h: abs(h.time_s - t))
    if other:   # the dropped mark is the nearest within the warning's rounding (0:10.04 for 10.041667 s), by itself
        me = marks[0] if marks and abs(marks[0].time_s - t) <= SHOWN_S else None
        marks = [h for h in marks if h is not me and abs(h.time_s - t) <= NEAR_S]
    return f"the {marks[0].kind} at {fmt(marks[0].time_s)}" if marks else ("another mark" if other else f"the mark at {fmt(t)}")


def plain(plan: ScorePlan, warning: str) -> str | None:
    """One composer warning in the user's words, or None when it is not the user's to act on."""
    warning = " ".join(INVISIBLE_RE.sub("", clean(warning)).split())
    if not warning or warning.lower().startswith(NOT_THE_USERS):
        return None
    if m := TOO_CLOSE_RE.match(warning):
        t = float(m["t"])
        return (f"{_hit(plan, t)} is too close to {_hit(plan, t, other=True)} to get a beat of its own, so it is not "
                "played; move it further away or take one of them out.")
    if m := TOO_SHORT_RE.match(warning):
        return (f"the section from {fmt(float(m['t']))} is too short for a bar of music, so it is played as part of "
                "the one before it.")
    return SECONDS_RE.sub(lambda m: fmt(float(m[1])), warning)


WARNINGS_FILE = "warnings.json"   # a version's composer warnings, beside its plan: what the next version is new against


def kept(folder: Path, warnings: list[str]) -> None:
    """Keep a version's composer `warnings` in its `folder`, for the version edited from it (`before`)."""
    (Path(folder) / WARNINGS_FILE).write_text(json.dumps(warnings))


def before(folder: str | Path | None) -> list[str] | None:
    """The composer warnings of the version in `folder` (the one a new version is edited from); None when none were
    kept there (a version made while the chat was not rendering, or before warnings were kept)."""
    path = Path(folder) / WARNINGS_FILE if folder else None
    try:
        return list(json.loads(path.read_text())) if path else None
    except (OSError, ValueError):
        return None


def had(store, head: int | None) -> list[str]:
    """The warnings a new version edited from `head` is new against: the head's, else those of the nearest version it
    came from that kept them (a silent version in between heard none, so what lasts from before it is not new); []
    when none did."""
    while head is not None:
        v = store.version(head)
        if (kept_there := before(v.dir)) is not None:
            return kept_there
        head = v.parent
    return []


def notes(plan: ScorePlan, warnings: list[str], had: list[str]) -> list[str]:
    """The reply's note lines for a version's composer `warnings`: each in plain words, the same one once, and none
    the version it was edited from `had` already (said when it came, or since: it lasts, so it is not said again)."""
    out = []
    for w in warnings:
        said = plain(plan, w)
        line = f"Note: {said[0].upper()}{said[1:]}" if said else None
        if line and line not in out and w not in had:
            out.append(line)
    return out
