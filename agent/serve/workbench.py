"""One desk for the web studio and the MCP server: the chat `Session`s of a store, driven from a single
worker thread, and what a page or a client needs to see of them (state as plain data, notation and the
timeline picture of a version made on demand).

    bench = Workbench("~/.cache/v2m/sessions")
    sid = bench.call(bench.open, "clip.mp4", "in jazz").id
    bench.call(bench.say, sid, "slower in the second half")
    bench.call(bench.state, sid)["plan"]["tempo_bpm"]

Why one thread: a `Store` is one SQLite connection, which may only be used by the thread that opened it,
and two turns on one session must not interleave. Every call below that touches a session runs on the
desk's thread (`run` returns a Future, `call` waits for it); web requests and MCP tools only wait.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from v2m.agent.dialogue.session import Session, default_workdir
from v2m.agent.dialogue.session_versions import Turn
from v2m.agent.dialogue.store import Store
from v2m.agent.serve.guard import SESSION_ID_RE, printable
from v2m.tools.contract import ScorePlan
from v2m.tools.errors import InputError
from v2m.tools.music.compose import compose
from v2m.tools.video.analyze import analyze
from v2m.tools.video.timeline import plot_timeline

Progress = Callable[[str, float], None]   # (what is happening, fraction done 0..1)


class Workbench:
    """The sessions under `workdir`, opened, resumed and edited on one thread.

    Args:
        workdir: the session store's folder (default `default_workdir()`).
        soundfont: a .sf2 to render with (None: the best one found).
    """

    def __init__(self, workdir: str | Path | None = None, *, soundfont: str | None = None):
        self.root = Path(workdir or default_workdir()).expanduser().resolve()
        self.soundfont = soundfont
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="v2m-session")
        self._sessions: dict[str, Session] = {}
        self._store = None

    def run(self, fn: Callable, *args, **kwargs) -> Future:
        """Queue `fn(*args, **kwargs)` on the session thread."""
        return self._pool.submit(fn, *args, **kwargs)

    def call(self, fn: Callable, *args, **kwargs):
        """Run `fn` on the session thread and wait for its result (its exception is raised here)."""
        return self.run(fn, *args, **kwargs).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    # ------------------------------------------------------------------ on the session thread

    @property
    def store(self):
        if self._store is None:
            self._store = Store(self.root)
        return self._store

    def session(self, sid: str) -> Session:
        """The open session `sid`, resumed from the store the first time it is asked for."""
        if not SESSION_ID_RE.fullmatch(sid or ""):
            raise InputError(f"{sid!r} is not a session id (10 hex digits, see list_sessions)")
        if sid not in self._sessions:
            self._sessions[sid] = Session(self.store, sid, soundfont=self.soundfont)
        return self._sessions[sid]

    def open(self, video: str | Path, request: str = "", *, route: str = "symbolic", music: dict | None = None,
             progress: Progress | None = None) -> Session:
        """Analyse `video`, write its first score and start a session (the rules planner).

        Args:
            video: a video or still image on disk.
            request: the first request ("in jazz").
            route: symbolic, audio or hybrid.
            music: the audio route's options (backend, model, device), stored with the session.
            progress: told what is happening and how far along.
        """
        say = progress or (lambda what, fraction: None)
        say("analysing the picture", 0.0)
        analysis = analyze(video, progress=lambda done, total: say("analysing the picture",
                                                                   0.6 * done / total if total else 0.0))
        say("planning, composing, rendering and muxing", 0.6)
        s = Session.open(video, request, workdir=self.root, route=route, music=music, analysis=analysis,
                         soundfont=self.soundfont)
        first = s.first
        s.store.close()  # Session.open made its own Store; keep every session on the desk's one connection
        self._sessions[s.id] = s = Session(self.store, s.id, soundfont=self.soundfont)
        s.first = first
        say("done", 1.0)
        return s

    def say(self, sid: str, text: str) -> Turn:
        """One chat turn ("slower in the second half", "undo", "another take of section 2")."""
        text = printable(text).strip()
        if not text:
            raise InputError("say what to change, e.g. 'slower in the second half'")
        return self.session(sid).say(text)

    def undo(self, sid: str) -> Turn:
        return self.session(sid).undo()

    def redo(self, sid: str) -> Turn:
        return self.session(sid).redo()

    def branch(self, sid: str, name: str | None) -> Turn:
        return self.session(sid).branch(name or None)

    def export(self, sid: str, dest: str | Path, force: bool = False) -> dict[str, Path]:
        return self.session(sid).export(dest, force=force)

    def sessions(self) -> list[dict]:
        """Every stored session, newest first: id, video name, first request, turns, created."""
        rows = []
        for row in reversed(self.store.sessions()):
            rows.append({"id": row["id"], "video": printable(Path(row["video"]).name),
                         "request": printable(row["request"]), "turns": len(self.store.turns(row["id"])),
                         "created": time.strftime("%Y-%m-%d %H:%M", time.localtime(row["created"]))})
        return rows

    def state(self, sid: str) -> dict:
        """What a page shows of a session: the plan, versions and their files, branches, the history.
        File paths are relative to the session's folder; every text is `printable`."""
        s = self.session(sid)
        root = s.dir.resolve()
        plan, head = s.plan, s.head
        versions = [{"n": v.n, "head": v.id == head,
                     "files": {k: str((v.dir / name).resolve().relative_to(root)) for k, name in v.files.items()}}
                    for v in s.store.versions(sid)]
        branches = [{"name": printable(b), "version": s.store.version(h).n}
                    for b, h in s.store.branches(sid).items() if h is not None]
        history = [{"n": h.n, "kind": h.kind, "text": printable(h.text), "reply": printable(h.reply),
                    "question": h.asked, "branch": printable(h.branch)} for h in s.history()]
        sections = [{"i": i, "name": printable(x.name), "start_s": x.start_s, "end_s": x.end_s,
                     "energy": x.energy, "take": x.take} for i, x in enumerate(plan.sections)]
        return {"id": sid, "video": printable(s.video.name), "version": s.version, "branch": printable(s.branch_name),
                "route": plan.route, "versions": versions, "branches": branches, "history": history,
                "files": next(v["files"] for v in versions if v["head"]),
                "plan": {"style": printable(plan.style), "tempo_bpm": plan.tempo_bpm, "meter": plan.meter,
                         "key": printable(plan.key), "mode": printable(plan.mode), "sections": sections,
                         "hit_points_s": [h.time_s for h in plan.hit_points]},
                "cuts_s": [t.time_s for t in s.analysis.transitions if t.kind == "cut"],
                "duration_s": s.analysis.duration_s}

    def _version(self, sid: str, n: int):
        for v in self.session(sid).store.versions(sid):
            if v.n == n:
                return v
        raise InputError(f"session {sid} has no version {n}")

    def notation(self, sid: str, n: int) -> dict[str, Path]:
        """score.abc and score.musicxml of version `n`, composed from its plan once and kept in
        `<session>/notation/vNNNN/` (the version's own folder stays as it was made)."""
        s, v = self.session(sid), self._version(sid, n)
        folder = s.dir / "notation" / f"v{n:04d}"
        out = {"abc": folder / "score.abc", "musicxml": folder / "score.musicxml"}
        if not all(p.exists() for p in out.values()):
            folder.mkdir(parents=True, exist_ok=True)
            arrangement = compose(ScorePlan.model_validate_json(v.plan_json), s.analysis)
            arrangement.write_abc(out["abc"])
            arrangement.write_musicxml(out["musicxml"])
        return out

    def timeline(self, sid: str, n: int) -> Path:
        """The timeline picture of version `n` (shots, cuts, motion, mood, sections, hit points)."""
        s, v = self.session(sid), self._version(sid, n)
        out = s.dir / "timeline" / f"v{n:04d}.png"
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            plot_timeline(s.video, s.analysis, out, plan=ScorePlan.model_validate_json(v.plan_json))
        return out
