"""The `scripted` backend: a "model" that replays canned replies in order, for tests and demos.

It sees exactly what a real model would (messages and frames are recorded in `calls`), so tests can
check the prompts, the re-asks and the fallback without weights. Give the replies as a list, or as
`model=` the path of a JSON file holding a list of strings (so `--backend scripted --model r.json`
works from the command line).
"""

from __future__ import annotations

import json
from pathlib import Path

from v2m.tools.errors import InputError


class ScriptExhausted(RuntimeError):
    """The script has no reply left: the planner treats it like any model failure."""


class ScriptedBackend:
    """Replays `replies` one per call.

    Args:
        replies: the model's answers, in order; an Exception instance is raised instead of answered.
        model: alternatively, a JSON file with a list of reply strings.
        frames: "images" or "video", the frames mode to report (so tests cover both paths).
    """

    name = "scripted"

    def __init__(self, replies: list | tuple | None = None, *, model: str | None = None, frames: str = "images"):
        if replies is None and model is None:
            raise InputError("the scripted backend needs replies (a list) or --model REPLIES.json")
        if replies is None:
            path = Path(model)
            try:
                replies = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise InputError(f"cannot read scripted replies from {path}: {e}") from None
            if not isinstance(replies, list) or not all(isinstance(r, str) for r in replies):
                raise InputError(f"{path} must hold a JSON list of strings")
        self.replies = list(replies)
        self.model_name = model or f"{len(self.replies)} canned replies"
        self.frames_mode = frames
        self.calls: list[dict] = []

    def generate(self, messages: list[dict], frames: list) -> str:
        """Return the next canned reply (recording what was asked)."""
        self.calls.append({"messages": [dict(m) for m in messages], "n_frames": len(frames)})
        if not self.replies:
            raise ScriptExhausted(f"scripted model has no reply left (call {len(self.calls)})")
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply
