"""How a session writes its plan versions: one writer per session (a folder lock), each new version realised into its
own folder and then recorded with its turn in one transaction, half-made folders of killed turns cleaned up; and
`Turn`, what one call to say/undo/redo/branch did. `VersionWriter` is the part of `v2m.agent.dialogue.session.Session`
that does this; it reads the session's `store`, `id`, `head`, `dir`, `files`, `version`, `render_audio`, `realiser`.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from v2m.agent.dialogue.composer_notes import had, kept, notes
from v2m.agent.outputs import folder_lock
from v2m.tools.contract import ScorePlan
from v2m.tools.errors import V2MError


@dataclass
class Turn:
    """What one call to say/undo/redo/branch did."""

    reply: str
    question: str | None = None
    version: int | None = None          # the head version's number after the turn
    files: dict[str, Path] = field(default_factory=dict)
    rendered: list[int] = field(default_factory=list)   # sections synthesized in this turn
    seconds: float = 0.0
    changed: bool = False
    options: list[str] = field(default_factory=list)   # with a question: the readings it offers



class VersionWriter:
    """The internals of `Session` that write: versions realised into folders and turns recorded."""

    def _no_move(self, kind: str, reply: str, t0: float) -> Turn:
        self._record(kind, kind, reply, t0, no_change=True)
        return Turn(reply=reply, version=self.version, files=self.files, seconds=time.perf_counter() - t0)

    def _record(self, kind: str, text: str, reply: str, t0: float, *, no_change: bool,
                options: list[str] | None = None) -> None:
        with self._writing():
            self.store.commit_turn(self.id, kind=kind, text=text, reply=reply, question=no_change, before=self.head,
                                   seconds=time.perf_counter() - t0, move_to=self.head, options=options)

    def _writing(self):
        """One writer per session: another process mid-turn on it gets a message naming it."""
        self.dir.mkdir(parents=True, exist_ok=True)
        return folder_lock(self.dir, f"session {self.id}:")

    def _commit(self, kind: str, text: str, plan: ScorePlan, reply: str, t0: float) -> Turn:
        """Realise a new plan version in its own folder, then record the turn in one transaction."""
        with self._writing():
            return self._commit_locked(kind, text, plan, reply, t0)

    def _commit_locked(self, kind: str, text: str, plan: ScorePlan, reply: str, t0: float) -> Turn:
        n = self.store.next_version_number(self.id)
        final = self.dir / f"v{n:04d}"
        if final.exists():  # a version folder from a turn killed before it was recorded
            shutil.rmtree(final)
        tmp = self.dir / f".v{n:04d}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            files, rendered, warnings = self._realise(plan, tmp)
        except BaseException:  # nothing half-made stays behind; the turn is simply not recorded
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        os.replace(tmp, final)
        if rendered is not None:
            verb = ("Generated", "Generated audio for") if plan.route != "symbolic" else ("Re-rendered", "Rendered")
            reply += f"\n{verb[0]} {len(rendered)} of {len(plan.sections)} sections." if kind != "open" else \
                f"\n{verb[1]} {len(rendered)} sections."
        reply = "\n".join([reply, *notes(plan, warnings, had(self.store, self.head))])
        self.store.commit_turn(self.id, kind=kind, text=text, reply=reply, question=False, before=self.head,
                               seconds=time.perf_counter() - t0,
                               new_version={"n": n, "plan": plan.model_dump_json(), "dir": str(final),
                                            "files": files, "rendered": rendered or []})
        return Turn(reply=reply, version=n, files=self.files, rendered=rendered or [], changed=True,
                    seconds=time.perf_counter() - t0)

    def _realise(self, plan: ScorePlan, folder: Path) -> tuple[dict[str, str], list[int] | None, list[str]]:
        """Write plan.json and, when rendering, the score and the scored video into `folder`; the composer's warnings."""
        (folder / "plan.json").write_text(plan.model_dump_json(indent=2))
        files = {"plan": "plan.json"}
        if not self.render_audio:
            return files, None, []
        previous = None
        if self.head is not None:  # the version this one is edited from: its take is reused where unchanged
            v = self.store.version(self.head)
            previous = (ScorePlan.model_validate_json(v.plan_json), v.dir)
        made = self.realiser.realise(plan, folder, previous)
        files.update(made.files)
        kept(folder, made.warnings)   # what the next version's notes are new against
        return files, made.rendered, made.warnings

    def _clean_stale(self) -> None:
        """Remove half-made version folders left by a turn that was killed (never another process's
        turn in progress: only while holding the session's lock)."""
        if self.dir.exists() and list(self.dir.glob(".v*.tmp")):
            try:
                with self._writing():
                    for p in self.dir.glob(".v*.tmp"):
                        shutil.rmtree(p, ignore_errors=True)
            except V2MError:
                pass  # another process is mid-turn; its folder is not stale
