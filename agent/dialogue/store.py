"""The session store: one SQLite file holding every chat session's turns, plan versions, artifact paths
and branch tree. Each completed turn is one transaction, so a process killed mid-turn loses only that
turn and never leaves the store half-written (WAL journal, synchronous=FULL).

    store = Store(Path("~/.cache/v2m/sessions").expanduser())
    sid = store.create_session(video="clip.mp4", request="jazz", planner="rules", analysis_json="{...}")

Artifacts live on disk beside the database, one folder per plan version (`<root>/<session>/v0003/`); they
stay until the session is deleted.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from v2m.tools.errors import V2MError

STORE_VERSION = 2  # PRAGMA user_version; a store older than this is copied to sessions.db.bak first
SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, video TEXT NOT NULL, request TEXT NOT NULL, planner TEXT NOT NULL,
    analysis TEXT NOT NULL, head INTEGER, branch TEXT NOT NULL DEFAULT 'main', created REAL NOT NULL,
    options TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, parent INTEGER, plan TEXT NOT NULL, dir TEXT NOT NULL, files TEXT NOT NULL,
    rendered TEXT NOT NULL DEFAULT '[]', created REAL NOT NULL, UNIQUE(session, n));
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, reply TEXT NOT NULL, question INTEGER NOT NULL,
    before INTEGER, after INTEGER, branch TEXT NOT NULL, seconds REAL NOT NULL, created REAL NOT NULL,
    options TEXT NOT NULL DEFAULT '[]', UNIQUE(session, n));
CREATE TABLE IF NOT EXISTS branches (
    session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, name TEXT NOT NULL, head INTEGER,
    PRIMARY KEY (session, name));
"""


@dataclass
class Version:
    id: int
    session: str
    n: int
    parent: int | None
    plan_json: str
    dir: Path
    files: dict[str, str]
    rendered: list[int]


@dataclass
class TurnRecord:
    n: int
    kind: str          # open, say, undo, redo, branch, switch
    text: str
    reply: str
    question: bool
    before: int | None
    after: int | None
    branch: str
    seconds: float
    options: list[str] = field(default_factory=list)   # the readings a question offered, each said as a request

    @property
    def asked(self) -> bool:
        """Whether the turn asked the user something. `question` is set for every turn that made no version, also
        one that changed no music and asked nothing ("Nothing changed: 0:20 already has a strong crash")."""
        return bool(self.question) and "?" in self.reply


class Store:
    """SQLite-backed sessions under `root` (`root/sessions.db` plus one folder per session)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise V2MError(f"cannot create the session folder {self.root}: {e.strerror}") from None
        self.path = self.root / "sessions.db"
        try:
            self._open()
        except sqlite3.DatabaseError as e:  # not a database, truncated, or damaged pages
            raise self.damaged(e) from None

    def damaged(self, e: Exception) -> V2MError:
        """The one message for a store that cannot be read: where it is and how to get going again."""
        backup = self.path.with_name(self.path.name + ".bak")
        way = f"restore the copy kept before the last upgrade ({backup}) or " if backup.exists() else ""
        return V2MError(f"the session store {self.path} is damaged ({e}); {way}move it aside "
                        f"(mv {self.path} {self.path}.broken) to start a fresh one")

    def _open(self) -> None:
        existed = self.path.is_file() and self.path.stat().st_size > 0
        # isolation_level=None: we open transactions ourselves, one per completed turn.
        self.db = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        if existed and self.db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if existed and version < STORE_VERSION:  # an upgrade: keep a copy of the store as it was, read through
            bak = self.path.with_name(self.path.name + ".bak")   # its WAL (a file copy would miss recent turns)
            try:
                with closing(sqlite3.connect(str(bak))) as copy:
                    self.db.backup(copy)
            except (OSError, sqlite3.Error) as e:
                raise V2MError(f"cannot keep a copy of the session store before upgrading it ({bak}): {e}") from None
        for attempt in range(100):
            # Two processes opening a fresh store at once can meet SQLITE_BUSY while one switches the
            # journal to WAL, which the busy timeout does not cover: wait and try again.
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=FULL")  # a completed turn survives power loss too
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.executescript(SCHEMA)
                columns = {r[1] for r in self.db.execute("PRAGMA table_info(turns)")}
                if "options" not in columns:  # a version 1 store: its questions offered no options
                    try:
                        self.db.execute("ALTER TABLE turns ADD COLUMN options TEXT NOT NULL DEFAULT '[]'")
                    except sqlite3.OperationalError as e:   # another process upgraded it a moment ago
                        if "duplicate column" not in str(e):
                            raise
                self.db.execute(f"PRAGMA user_version={STORE_VERSION}")
                break
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e) or attempt == 99:
                    raise V2MError(f"cannot open the session store {self.path}: {e}") from None
                time.sleep(0.05)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE ... COMMIT: other processes wait (busy timeout), never see half a turn."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as e:
            raise self.damaged(e) if not isinstance(e, sqlite3.OperationalError) else e from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ------------------------------------------------------------------ sessions

    def create_session(self, *, video: str, request: str, planner: str, analysis_json: str,
                       options: dict | None = None) -> str:
        sid = uuid.uuid4().hex[:10]
        with self.transaction() as db:
            db.execute("INSERT INTO sessions (id, video, request, planner, analysis, created, options) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (sid, video, request, planner, analysis_json, time.time(), json.dumps(options or {})))
            db.execute("INSERT INTO branches (session, name, head) VALUES (?, 'main', NULL)", (sid,))
        return sid

    def session(self, sid: str, *, opening: bool = False) -> sqlite3.Row:
        """A session's row. A session exists once its first version is committed; before that only the
        process `opening` it sees it (a first score killed half-way leaves nothing to resume)."""
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (sid,)).fetchone()
        if row is None or row["head"] is None and not opening:
            known = [r[0] for r in self.db.execute("SELECT id FROM sessions WHERE head IS NOT NULL "
                                                   "ORDER BY created DESC LIMIT 5")]
            why = " (its first score never finished)" if row is not None else ""
            raise V2MError(f"no session {sid!r} in {self.path}{why}" + (f" (recent: {', '.join(known)})" if known else ""))
        return row

    def sessions(self) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT * FROM sessions WHERE head IS NOT NULL ORDER BY created"))

    def session_dir(self, sid: str) -> Path:
        return self.root / sid

    def delete_session(self, sid: str) -> None:
        """Forget a session and delete its artifacts (the only way they are removed)."""
        self.session(sid, opening=True)
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        shutil.rmtree(self.session_dir(sid), ignore_errors=True)

    # ------------------------------------------------------------------ versions and turns

    def next_version_number(self, sid: str) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(n), 0) FROM versions WHERE session = ?", (sid,)).fetchone()
        return row[0] + 1

    def version(self, vid: int) -> Version:
        r = self.db.execute("SELECT * FROM versions WHERE id = ?", (vid,)).fetchone()
        if r is None:
            raise V2MError(f"plan version {vid} does not exist")
        return Version(r["id"], r["session"], r["n"], r["parent"], r["plan"], Path(r["dir"]), json.loads(r["files"]),
                       json.loads(r["rendered"]))

    def versions(self, sid: str) -> list[Version]:
        return [self.version(r[0]) for r in self.db.execute("SELECT id FROM versions WHERE session = ? ORDER BY n",
                                                            (sid,))]

    def commit_turn(self, sid: str, *, kind: str, text: str, reply: str, question: bool, before: int | None,
                    seconds: float, new_version: dict | None = None, move_to: int | None = None,
                    branch: str | None = None, options: list[str] | None = None) -> int | None:
        """Record one completed turn atomically: its new version (if any), the move of the head, the turn.

        Args:
            sid: the session.
            kind: open, say, undo, redo, branch or switch.
            new_version: {"n", "plan", "dir", "files", "rendered"} for a turn that made a plan version.
            move_to: the version the head moves to (undo, redo, switch), when no new version is made.
            branch: the branch the session is on after the turn (default: unchanged).
            options: for a question, the readings it offered (each said as a request), for the answer.
        Returns:
            The head version id after the turn.
        """
        with self.transaction() as db:
            row = db.execute("SELECT head, branch FROM sessions WHERE id = ?", (sid,)).fetchone()
            head, cur = row["head"], branch or row["branch"]
            if new_version is not None:
                v = new_version
                cursor = db.execute(
                    "INSERT INTO versions (session, n, parent, plan, dir, files, rendered, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (sid, v["n"], head, v["plan"], str(v["dir"]), json.dumps(v["files"]),
                     json.dumps(v.get("rendered", [])), time.time()))
                head = cursor.lastrowid
            elif move_to is not None:
                head = move_to
            n = db.execute("SELECT COALESCE(MAX(n), 0) + 1 FROM turns WHERE session = ?", (sid,)).fetchone()[0]
            db.execute("INSERT INTO turns (session, n, kind, text, reply, question, before, after, branch, seconds,"
                       " created, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (sid, n, kind, text, reply, int(question), before, head, cur, seconds, time.time(),
                        json.dumps(list(options or []))))
            db.execute("UPDATE sessions SET head = ?, branch = ? WHERE id = ?", (head, cur, sid))
            db.execute("INSERT INTO branches (session, name, head) VALUES (?, ?, ?) "
                       "ON CONFLICT(session, name) DO UPDATE SET head = excluded.head", (sid, cur, head))
        return head

    def turns(self, sid: str) -> list[TurnRecord]:
        return [TurnRecord(r["n"], r["kind"], r["text"], r["reply"], bool(r["question"]), r["before"], r["after"],
                           r["branch"], r["seconds"], json.loads(r["options"]))
                for r in self.db.execute("SELECT * FROM turns WHERE session = ? ORDER BY n", (sid,))]

    def made_versions(self, sid: str, n: int) -> int | None:
        """Of the session's last `n` turns, how many made a plan version (the others asked a question or changed
        nothing); None when one of them is not a request (an undo, redo or branch) or there are fewer."""
        rows = self.db.execute("SELECT kind, question FROM turns WHERE session = ? ORDER BY n DESC LIMIT ?",
                               (sid, n)).fetchall()
        if len(rows) < n or any(r["kind"] != "say" for r in rows):
            return None
        return sum(not r["question"] for r in rows)

    def redo_target(self, sid: str, head: int) -> int | None:
        """The version the last undo left from, if the head is still where that undo put it."""
        rows = self.db.execute("SELECT kind, before FROM turns WHERE session = ? AND question = 0 ORDER BY n",
                               (sid,)).fetchall()
        pending: list[int] = []  # versions left by undos not yet redone; any other move forgets them
        for row in rows:
            if row["kind"] == "undo":
                pending.append(row["before"])
            elif row["kind"] == "redo":
                if pending:
                    pending.pop()
            elif row["kind"] != "nothing":
                pending = []
        if pending and self.version(pending[-1]).parent == head:
            return pending[-1]
        return None

    def branches(self, sid: str) -> dict[str, int | None]:
        return {r["name"]: r["head"] for r in self.db.execute("SELECT name, head FROM branches WHERE session = ? "
                                                              "ORDER BY name", (sid,))}

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
